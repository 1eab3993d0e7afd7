/*
 * fuzz-jsparse.c: the fast JSON path (src/jsparse.c) against jansson.
 * The input, its invalid UTF-8 repaired as the readers repair it (an X
 * envelope taken off when there is one), is parsed by both.
 * Promises: input that is not UTF-8 is refused (NULL), even where only a
 * member it cuts holds the bad bytes; once repaired, whatever
 * fp_json_parse_fast returns, json_loadb returns too,
 * equal and with its keys in the same order; with members cut, a document
 * both read whole comes out as jansson's tree with those members taken
 * out (checked where no key can be spelt with an escape); cutting members
 * never makes a document the fast path took whole unreadable. Read as a
 * prefix (fp_json_parse_prefix), a value is the one read whole from its
 * bytes, and not read from any fewer; a document read whole that starts
 * with a bracket is read as a prefix too, to its last bracket.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "jsfile.h"
#include "jsparse.h"
#include "fuzz.h"

static const char *const drop[] = { "drop", "edit_info", "a", NULL };

/* v with the members named in drop taken out of every object. */
static void
strip(json_t *v, int depth)
{
	const char *k;
	json_t *m;
	void *tmp;
	size_t i;

	if (depth > 10000)
		return;
	if (json_is_object(v)) {
		for (i = 0; drop[i] != NULL; i++)
			json_object_del(v, drop[i]);
		json_object_foreach_safe(v, tmp, k, m)
			strip(m, depth + 1);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, m)
			strip(m, depth + 1);
	}
}

static char *
dump(const json_t *v)
{
	return fp_json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fp_buf fixed = FP_BUF_INIT, scratch = FP_BUF_INIT;
	struct fp_envelope_info info;
	struct fp_err err;
	char *copy = xmalloc(size + 1), *text;
	size_t n = size, first_bad;
	json_t *fast, *cut, *jan;

	memcpy(copy, data, size);
	copy[size] = '\0';
	text = copy;
	if (!fp_utf8_valid(text, n)) {
		/* as it is, it is refused, read whole or with members cut */
		FUZZ_ASSERT((fast = fp_json_parse_fast(text, n, NULL, &scratch)) == NULL);
		FUZZ_ASSERT((cut = fp_json_parse_fast(text, n, drop, &scratch)) == NULL);
		fp_utf8_repair(&fixed, text, n, &first_bad);
		text = fixed.data;
		n = fixed.len;
	}
	if (n > 0 && text[0] == 'w')
		(void)fp_envelope_strip(text, n, &info, &err);

	fast = fp_json_parse_fast(text, n, NULL, &scratch);
	cut = fp_json_parse_fast(text, n, drop, &scratch);
	jan = json_loadb(text, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	if (fast != NULL) {
		char *a, *b;

		FUZZ_ASSERT(jan != NULL);
		FUZZ_ASSERT(json_equal(fast, jan));
		a = dump(fast);
		b = dump(jan);
		FUZZ_ASSERT(a != NULL && b != NULL && strcmp(a, b) == 0);
		free(a);
		free(b);
		FUZZ_ASSERT(cut != NULL);
	}
	{
		size_t used = 0, used2 = 0, end = n;
		json_t *pre = fp_json_parse_prefix(text, n, NULL, &scratch, &used);

		while (end > 0 && strchr(" \t\r\n", text[end - 1]) != NULL)
			end--;
		if (fast != NULL && (text[0] == '{' || text[0] == '['))
			FUZZ_ASSERT(pre != NULL && used == end);
		if (pre != NULL) {
			json_t *whole = fp_json_parse_fast(text, used, NULL, &scratch), *less;

			FUZZ_ASSERT(used >= 2 && used <= n);
			FUZZ_ASSERT(whole != NULL && json_equal(whole, pre));
			json_decref(whole);
			less = fp_json_parse_prefix(text, used - 1, NULL, &scratch, &used2);
			FUZZ_ASSERT(less == NULL);
			less = fp_json_parse_prefix(text, used / 2, NULL, &scratch, &used2);
			FUZZ_ASSERT(less == NULL);
			json_decref(pre);
		}
	}
	if (cut != NULL && jan != NULL && memchr(text, '\\', n) == NULL) {
		json_t *want = json_deep_copy(jan);

		strip(want, 0);
		FUZZ_ASSERT(json_equal(cut, want));
		json_decref(want);
	}
	json_decref(fast);
	json_decref(cut);
	json_decref(jan);
	fp_buf_release(&scratch);
	fp_buf_release(&fixed);
	free(copy);
	return 0;
}
