/*
 * fuzz-csv.c: the one CSV reader every CSV platform shares, in both
 * dialects (the first byte picks: odd = LinkedIn's backslash escapes).
 * Promises: it ends; rows only move forward; line numbers grow; a field
 * asked for by any column index is NULL or a string; an unterminated quote
 * names its line.
 */
#include "config.h"

#include <string.h>

#include "footprint.h"
#include "csv.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fp_csv csv;
	struct fp_err err;
	long rows = 0, last_line = 0;
	int flags, r;

	if (size == 0)
		return 0;
	flags = (data[0] & 1) ? FP_CSV_BACKSLASH : 0;
	fp_csv_init(&csv, (const char *)data + 1, size - 1);
	fp_csv_set_flags(&csv, flags);
	if (fp_csv_read_header(&csv) == FP_OK) {
		int cols = (int)csv.header.n;

		if (!fp_strv_has_icase(&csv.header, "tweet_id"))
			FUZZ_ASSERT(fp_csv_col(&csv, "tweet_id") == -1);
		for (size_t i = 0; i < csv.header.n; i++)
			FUZZ_ASSERT(fp_csv_col(&csv, csv.header.v[i]) >= 0);
		while ((r = fp_csv_next(&csv, &err)) == FP_OK) {
			FUZZ_ASSERT(++rows <= (long)size);
			FUZZ_ASSERT(csv.line > last_line);
			last_line = csv.line;
			for (int c = -1; c <= cols + 1; c++) {
				const char *f = fp_csv_field(&csv, c);

				FUZZ_ASSERT(f == NULL || strlen(f) <= size);
			}
		}
		FUZZ_ASSERT(r == FP_EOF || (r == FP_FAILED && strstr(err.msg, "line") != NULL));
	}
	fp_csv_release(&csv);
	return 0;
}
