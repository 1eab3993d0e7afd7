/*
 * fuzz-mojibake.c: Meta's mojibake (UTF-8 bytes written as \u00XX) undone
 * over a whole JSON tree, keys included, through fp_conn_json as the
 * Facebook and Instagram readers call it (invalid UTF-8 repaired first).
 * Promises: the repair never makes a document unreadable or readable; the
 * tree keeps its shape (arrays their sizes; objects no larger, since two
 * keys may become one once repaired); the result can go through again.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "connector.h"
#include "conn-util.h"
#include "fuzz.h"

/* Same structure: types match, arrays and objects the same sizes. */
static int
same_shape(const json_t *a, const json_t *b, int depth)
{
	size_t i;
	json_t *v;

	if (json_typeof(a) != json_typeof(b) || depth > 10000)
		return 0;
	if (json_is_array(a)) {
		if (json_array_size(a) != json_array_size(b))
			return 0;
		json_array_foreach(a, i, v)
			if (!same_shape(v, json_array_get(b, i), depth + 1))
				return 0;
	} else if (json_is_object(a)) {
		/* keys may merge once repaired ("caf\u00c3\u00a9" and "café") */
		if (json_object_size(b) > json_object_size(a))
			return 0;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fp_conn conn;
	char *buf = xmalloc(size + 1);
	json_t *raw, *fixed;

	memcpy(buf, data, size);
	buf[size] = '\0';
	memset(&conn, 0, sizeof conn);
	raw = fp_conn_json(&conn, "fuzz.json", buf, size, 0);
	memcpy(buf, data, size);
	fixed = fp_conn_json(&conn, "fuzz.json", buf, size, 1);
	FUZZ_ASSERT((raw == NULL) == (fixed == NULL));
	if (fixed != NULL) {
		json_t *twice = fp_json_unmojibake(fixed);

		FUZZ_ASSERT(twice != NULL);
		FUZZ_ASSERT(same_shape(raw, fixed, 0));
		json_decref(twice);
	}
	json_decref(raw);
	json_decref(fixed);
	fp_strv_release(&conn.warnings);
	free(buf);
	return 0;
}
