/*
 * fuzz-envelope.c: X's JavaScript envelopes (window.YTD.x.partN =,
 * Grailbird.data.x =, var x =) stripped in place, then the whole load of a
 * member (UTF-8 repair, envelope, JSON parse), and the same member read
 * element by element (fp_json_stream). Promises: the buffer keeps
 * its length and only the envelope turns into spaces; the name found is
 * NUL-terminated; a failure says where (a stream's, by line and column).
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
	warn = NULL;

	/* the same member streamed, element by element, as X's reader does */
	{
		char *copy = xmalloc(size + 1);
		size_t len = size;
		struct fp_json_stream js;

		memcpy(copy, data, size);
		copy[size] = '\0';
		if (fp_json_prepare_js(&copy, &len, &info, &warn, &err) == FP_OK &&
		    fp_json_stream_open(&js, copy, len) == FP_OK) {
			json_t *e;
			int r;

			while ((r = fp_json_stream_next(&js, &e, &err)) == FP_OK) {
				FUZZ_ASSERT(js.pos <= len && (size_t)js.index <= len);
				json_decref(e);
			}
			FUZZ_ASSERT(r == FP_EOF || strncmp(err.msg, "line ", 5) == 0);
		}
		free(warn);
		free(copy);
	}
	free(buf);
	return 0;
}
