/*
 * fuzz-envelope.c: X's JavaScript envelopes (window.YTD.x.partN =,
 * Grailbird.data.x =, var x =) stripped in place, then the whole load of a
 * member (UTF-8 repair, envelope, JSON parse). Promises: the buffer keeps
 * its length and only the envelope turns into spaces; the name found is
 * NUL-terminated; a failure says where.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "jsfile.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fp_envelope_info info;
	struct fp_err err;
	char *buf = xmalloc(size + 1), *warn = NULL;
	json_t *j;

	memcpy(buf, data, size);
	buf[size] = '\0';
	memset(&info, 0, sizeof info);
	if (fp_envelope_strip(buf, size, &info, &err) == FP_OK) {
		FUZZ_ASSERT(memchr(info.name, '\0', sizeof info.name) != NULL);
		/* stripping only blanks: every byte is as it was, or a space */
		for (size_t i = 0; i < size; i++)
			FUZZ_ASSERT(buf[i] == (char)data[i] || buf[i] == ' ');
	} else
		FUZZ_ASSERT(err.msg[0] != '\0');

	memcpy(buf, data, size);
	buf[size] = '\0';
	j = fp_json_load_js(buf, size, &info, &warn, &err);
	if (j == NULL)
		FUZZ_ASSERT(err.msg[0] != '\0');
	json_decref(j);
	free(warn);
	free(buf);
	return 0;
}
