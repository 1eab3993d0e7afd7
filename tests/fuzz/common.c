/*
 * common.c: the bundle format and helpers of fuzz.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "rules.h"
#include "fuzz.h"

void
fuzz_fail(const char *what, const char *file, int line)
{
	fprintf(stderr, "%s:%d: broken promise: %s\n", file, line, what);
	abort();
}

static void
add(struct fuzz_bundle *b, const char *name, const char *data, size_t len)
{
	b->names = xreallocarray(b->names, b->n + 1, sizeof *b->names);
	b->data = xreallocarray(b->data, b->n + 1, sizeof *b->data);
	b->len = xreallocarray(b->len, b->n + 1, sizeof *b->len);
	b->names[b->n] = name;
	b->data[b->n] = data;
	b->len[b->n] = len;
	b->n++;
}

void
fuzz_bundle_parse(struct fuzz_bundle *b, const uint8_t *data, size_t size,
    const char *default_name)
{
	char *p, *end;

	memset(b, 0, sizeof *b);
	b->copy = xmalloc(size + 1);
	memcpy(b->copy, data, size);
	b->copy[size] = '\0';
	p = b->copy;
	end = b->copy + size;
	if (size < 3 || memcmp(p, "@@ ", 3) != 0) {
		add(b, default_name, p, size);
		return;
	}
	while (p < end) {
		char *name = p + 3, *nl, *body, *next;

		nl = memchr(name, '\n', (size_t)(end - name));
		if (nl == NULL)
			break;
		*nl = '\0';
		body = nl + 1;
		/* the member runs to the next "\n@@ " or the end */
		for (next = body; next < end; next++)
			if (*next == '\n' && end - next >= 4 && memcmp(next + 1, "@@ ", 3) == 0)
				break;
		if (strlen(name) == (size_t)(nl - name))	/* no NUL inside */
			add(b, name, body, (size_t)(next - body));
		if (next >= end)
			break;
		*next = '\0';
		p = next + 1;
	}
}

void
fuzz_bundle_release(struct fuzz_bundle *b)
{
	free(b->copy);
	free(b->names);
	free(b->data);
	free(b->len);
	memset(b, 0, sizeof *b);
}

const struct fp_ruleset *
fuzz_rules(void)
{
	static struct fp_ruleset rs;
	static int state;	/* 0 not tried, 1 loaded, -1 failed */

	if (state == 0) {
		struct fp_err err;
		const char *dir = getenv("FOOTPRINT_RULES");

		state = fp_ruleset_load(&rs, dir ? dir : FP_SRC_RULESDIR, &err) == FP_OK ? 1 : -1;
		if (state < 0)
			fprintf(stderr, "fuzz: the rules will not load: %s\n", err.msg);
	}
	return state > 0 ? &rs : NULL;
}
