/*
 * csv.h: an RFC 4180 reader: quoted fields with "" escapes and newlines,
 * CRLF or LF, a leading UTF-8 BOM skipped. Columns are looked up by header
 * name, case-insensitively, because column order changes between export
 * versions.
 */
#ifndef FP_CSV_H
#define FP_CSV_H

#include <stddef.h>
#include "footprint.h"

/* Dialect flags. */
#define FP_CSV_BACKSLASH	1	/* \" inside quotes (LinkedIn Comments.csv) */

struct fp_csv {
	const char	*p, *end;	/* borrowed input */
	int		 flags;
	struct fp_strv	 header;
	struct fp_strv	 row;
	long		 line;		/* line where the current row starts */
	long		 next_line;
};

void	fp_csv_init(struct fp_csv *csv, const char *data, size_t len);
void	fp_csv_set_flags(struct fp_csv *csv, int flags);
/* Read the header row. FP_OK, or FP_EOF when the input is empty. */
int	fp_csv_read_header(struct fp_csv *csv);
/* Read the next row into csv->row: FP_OK, FP_EOF, or FP_FAILED
 * (unterminated quote) with err naming the line. */
int	fp_csv_next(struct fp_csv *csv, struct fp_err *err);
/* Column index of a header name, or -1. */
int	fp_csv_col(const struct fp_csv *csv, const char *name);
/* Field of the current row by column index; NULL when absent. */
const char *fp_csv_field(const struct fp_csv *csv, int col);
void	fp_csv_release(struct fp_csv *csv);

#endif
