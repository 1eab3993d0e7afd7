/*
 * csv.h: an RFC 4180 reader: quoted fields with "" escapes and newlines,
 * CRLF or LF, a leading UTF-8 BOM skipped. Columns are looked up by header
 * name, case-insensitively, because column order changes between export
 * versions.
 *
 * Over a buffer in memory (fp_csv_init, borrowed), or over bytes pulled
 * from a reader (fp_csv_init_reader: a member of an archive as it is
 * decompressed), in a window that grows only to the longest row, so that
 * a file of any length is read in bounded memory.
 */
#ifndef FP_CSV_H
#define FP_CSV_H

#include <stddef.h>
#include "footprint.h"

/* Dialect flags. */
#define FP_CSV_BACKSLASH	1	/* \" inside quotes (LinkedIn Comments.csv) */
#define FP_CSV_REPAIR		2	/* invalid UTF-8 in a field becomes U+FFFD
					 * (bad_bytes, bad_line, bad_col say where) */

/* Pull up to n bytes into buf: how many, 0 at the end, -1 on error (err). */
typedef long (*fp_csv_read_fn)(void *ud, char *buf, size_t n, struct fp_err *err);

struct fp_csv {
	const char	*p, *end;	/* the unread input (borrowed, or the window) */
	int		 flags;
	struct fp_strv	 header;
	struct fp_strv	 row;
	long		 line;		/* line where the current row starts */
	long		 next_line;
	long		 rows;		/* rows read after the header */
	/* reader mode */
	fp_csv_read_fn	 read;		/* NULL: the input is one buffer */
	void		*ud;
	char		*own;		/* the window */
	size_t		 cap;
	int		 eof, started;
	size_t		 scan_off;	/* how far the current row was scanned */
	int		 scan_state;
	/* FP_CSV_REPAIR */
	size_t		 bad_bytes;
	long		 bad_line;
	int		 bad_col;
};

void	fp_csv_init(struct fp_csv *csv, const char *data, size_t len);
void	fp_csv_init_reader(struct fp_csv *csv, fp_csv_read_fn read, void *ud);
void	fp_csv_set_flags(struct fp_csv *csv, int flags);
/* Read the header row. FP_OK, or FP_EOF when the input is empty (or the
 * reader failed). */
int	fp_csv_read_header(struct fp_csv *csv);
/* Read the next row into csv->row: FP_OK, FP_EOF, or FP_FAILED
 * (unterminated quote, a read error, a row longer than
 * FP_SOURCE_MAX_MEMBER) with err naming the line. */
int	fp_csv_next(struct fp_csv *csv, struct fp_err *err);
/* Column index of a header name, or -1. */
int	fp_csv_col(const struct fp_csv *csv, const char *name);
/* Field of the current row by column index; NULL when absent. */
const char *fp_csv_field(const struct fp_csv *csv, int col);
void	fp_csv_release(struct fp_csv *csv);

#endif
