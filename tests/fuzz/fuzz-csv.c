/*
 * fuzz-csv.c: the one CSV reader every CSV platform shares, in both
 * dialects (the first byte picks: odd = LinkedIn's backslash escapes).
 * Promises: it ends; rows only move forward; line numbers grow; a field
 * asked for by any column index is NULL or a string; an unterminated quote
 * names its line; read through a reader in pieces of random sizes (as an
 * archive member is decompressed), the input gives the same header, rows,
 * lines, error and repaired UTF-8 as from one buffer.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "csv.h"
#include "fuzz.h"

struct pieces {
	const uint8_t	*data;
	size_t		 len, pos;
	unsigned	 seed;
};

static long
piece_read(void *ud, char *buf, size_t n, struct fp_err *err)
{
	struct pieces *p = ud;
	size_t k = p->len - p->pos;
	size_t want;

	(void)err;
	p->seed = p->seed * 1103515245u + 12345u;
	want = 1 + (p->seed >> 16) % 97;
	if (k > want)
		k = want;
	if (k > n)
		k = n;
	memcpy(buf, p->data + p->pos, k);
	p->pos += k;
	return (long)k;
}

static char *
dump(struct fp_csv *csv, int flags)
{
	struct fp_buf b = FP_BUF_INIT;
	struct fp_err err;
	int r;

	fp_csv_set_flags(csv, flags);
	if (fp_csv_read_header(csv) == FP_OK)
		for (size_t i = 0; i < csv->header.n; i++)
			fp_buf_addf(&b, "H%zu[%s]", strlen(csv->header.v[i]), csv->header.v[i]);
	while ((r = fp_csv_next(csv, &err)) == FP_OK) {
		fp_buf_addf(&b, "\n%ld/%ld:", csv->rows, csv->line);
		for (size_t i = 0; i < csv->row.n; i++) {
			FUZZ_ASSERT(!(flags & FP_CSV_REPAIR) ||
			    fp_utf8_valid(csv->row.v[i], strlen(csv->row.v[i])));
			fp_buf_addf(&b, "%zu[%s]", strlen(csv->row.v[i]), csv->row.v[i]);
		}
	}
	fp_buf_addf(&b, "\nend %d %s bad %zu %ld:%d", r, r == FP_FAILED ? err.msg : "",
	    csv->bad_bytes, csv->bad_line, csv->bad_col);
	fp_csv_release(csv);
	return fp_buf_detach(&b);
}

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

	/* the same input through a reader, in pieces */
	flags |= (data[0] & 2) ? FP_CSV_REPAIR : 0;
	{
		struct pieces p = { data + 1, size - 1, 0, data[0] };
		char *want, *got;

		fp_csv_init(&csv, (const char *)data + 1, size - 1);
		want = dump(&csv, flags);
		fp_csv_init_reader(&csv, piece_read, &p);
		got = dump(&csv, flags);
		FUZZ_ASSERT(strcmp(want, got) == 0);
		free(want);
		free(got);
	}
	return 0;
}
