/*
 * csv.c: an RFC 4180 reader over a buffer in memory or a reader's bytes
 * (see csv.h).
 *
 * In reader mode a row is first scanned (scan_row, resumable, so that a
 * row that spans many reads is scanned once) until its end is in the
 * window; it is then parsed by the same code as a buffer, which therefore
 * never needs a byte the window does not hold.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "footprint.h"
#include "csv.h"
#include "source.h"

#define CSV_CHUNK	((size_t)1 << 20)
#define CSV_MAX_ROW	FP_SOURCE_MAX_MEMBER

/* scan_row's states */
enum { S_BLANK, S_START, S_PLAIN, S_QUOTED };

void
fp_csv_init(struct fp_csv *csv, const char *data, size_t len)
{
	memset(csv, 0, sizeof *csv);
	csv->p = data;
	csv->end = data + len;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		csv->p += 3;
	csv->next_line = 1;
}

void
fp_csv_init_reader(struct fp_csv *csv, fp_csv_read_fn read, void *ud)
{
	memset(csv, 0, sizeof *csv);
	csv->read = read;
	csv->ud = ud;
	csv->next_line = 1;
}

/* Read more into the window, keeping the unread bytes. 1 when bytes came,
 * 0 at the end of the input, -1 on an error (err set). */
static int
refill(struct fp_csv *csv, struct fp_err *err)
{
	size_t keep = (size_t)(csv->end - csv->p);
	long n;

	if (csv->eof)
		return 0;
	if (keep > 0 && csv->p != csv->own)
		memmove(csv->own, csv->p, keep);
	if (csv->cap - keep < CSV_CHUNK / 4) {
		if (csv->cap >= CSV_MAX_ROW) {
			fp_err_set(err, FP_FAILED, "line %ld: one row of more than %zu MiB;"
			    " not read", csv->next_line, (size_t)CSV_MAX_ROW >> 20);
			return -1;
		}
		csv->cap = csv->cap ? csv->cap * 2 : CSV_CHUNK;
		csv->own = xrealloc(csv->own, csv->cap);
	}
	csv->p = csv->own;
	csv->end = csv->own + keep;
	n = csv->read(csv->ud, csv->own + keep, csv->cap - keep, err);
	if (n < 0)
		return -1;
	if (n == 0) {
		csv->eof = 1;
		return 0;
	}
	csv->end += n;
	return 1;
}

/*
 * Scan on from where the last call stopped: 1 when the end of the row at
 * csv->p (blank lines before it skipped) is in the window, 0 when more
 * bytes are needed. It stops before any byte whose meaning depends on the
 * next one (a quote, a CR, a backslash), as the parser looks one ahead.
 */
static int
scan_row(struct fp_csv *csv)
{
	const char *p = csv->p + csv->scan_off, *end = csv->end;
	int st = csv->scan_state, found = 0;

	while (p < end && !found) {
		switch (st) {
		case S_BLANK:
			if (*p == '\n')
				p++;
			else if (*p == '\r') {
				if (p + 1 >= end)
					goto more;
				p++;
			} else
				st = S_START;
			break;
		case S_START:
			if (*p == '"') {
				st = S_QUOTED;
				p++;
				break;
			}
			st = S_PLAIN;
			/* FALLTHROUGH */
		case S_PLAIN:	/* also the junk after a closing quote */
			if (*p == ',') {
				st = S_START;
				p++;
			} else if (*p == '\n') {
				found = 1;
			} else if (*p == '\r') {
				if (p + 1 >= end)
					goto more;
				found = 1;
			} else
				p++;
			break;
		case S_QUOTED:
			if ((csv->flags & FP_CSV_BACKSLASH) && *p == '\\') {
				if (p + 1 >= end)
					goto more;
				p += (p[1] == '"' || p[1] == '\\') ? 2 : 1;
			} else if (*p == '"') {
				if (p + 1 >= end)
					goto more;
				if (p[1] == '"')
					p += 2;
				else {
					st = S_PLAIN;
					p++;
				}
			} else
				p++;
			break;
		}
	}
	if (found) {
		csv->scan_off = 0;
		csv->scan_state = S_BLANK;
		return 1;
	}
more:
	csv->scan_off = (size_t)(p - csv->p);
	csv->scan_state = st;
	return 0;
}

/* Reader mode: bring the next row whole into the window (or all that is
 * left of the input). 0, or -1 on a read error (err set). */
static int
ensure_row(struct fp_csv *csv, struct fp_err *err)
{
	if (!csv->started) {
		csv->started = 1;
		while (csv->end - csv->p < 3 && !csv->eof)
			if (refill(csv, err) < 0)
				return -1;
		if (csv->end - csv->p >= 3 && memcmp(csv->p, "\xef\xbb\xbf", 3) == 0)
			csv->p += 3;
	}
	while (!scan_row(csv) && !csv->eof)
		if (refill(csv, err) < 0)
			return -1;
	csv->scan_off = 0;
	csv->scan_state = S_BLANK;
	return 0;
}

/* FP_CSV_REPAIR: the row just read came from raw[0, len): when that holds
 * invalid UTF-8, note where and how much, and repair the fields. */
static void
repair_row(struct fp_csv *csv, struct fp_strv *sv, const char *raw, size_t len)
{
	struct fp_buf fixed = FP_BUF_INIT;
	size_t first = 0, bad;
	int line, col;

	if (fp_utf8_valid(raw, len))
		return;
	bad = fp_utf8_repair(&fixed, raw, len, &first);
	fp_buf_release(&fixed);
	if (csv->bad_bytes == 0) {
		fp_line_col(raw, len, first, &line, &col);
		csv->bad_line = csv->line + line - 1;
		csv->bad_col = col;
	}
	csv->bad_bytes += bad;
	for (size_t i = 0; i < sv->n; i++) {
		size_t n = strlen(sv->v[i]);

		if (fp_utf8_valid(sv->v[i], n))
			continue;
		fp_buf_reset(&fixed);
		fp_utf8_repair(&fixed, sv->v[i], n, NULL);
		free(sv->v[i]);
		sv->v[i] = fp_buf_detach(&fixed);
	}
}

/* Does a line end at p: LF, or a CR not followed by LF (CRLF counts once,
 * at its LF)? */
static int
line_end(const char *p, const char *end)
{
	return *p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n'));
}

/* Read one record into sv. */
static int
read_record(struct fp_csv *csv, struct fp_strv *sv, struct fp_err *err)
{
	struct fp_buf field = FP_BUF_INIT;
	const char *p, *start;

	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	sv->n = 0;
	if (csv->read != NULL && ensure_row(csv, err) < 0) {
		csv->p = csv->end;
		csv->eof = 1;
		return FP_FAILED;
	}
	p = csv->p;
	/* Skip blank lines between records. */
	while (p < csv->end && (*p == '\n' || *p == '\r')) {
		if (line_end(p, csv->end))
			csv->next_line++;
		p++;
	}
	if (p >= csv->end) {
		csv->p = p;
		return FP_EOF;
	}
	csv->line = csv->next_line;
	start = p;
	for (;;) {
		fp_buf_reset(&field);
		fp_buf_add(&field, "", 0);
		if (p < csv->end && *p == '"') {
			long qline = csv->next_line;

			p++;
			for (;;) {
				if (p >= csv->end) {
					fp_buf_release(&field);
					fp_err_set(err, FP_FAILED,
					    "line %ld: quoted field never closed", qline);
					csv->p = csv->end;
					return FP_FAILED;
				}
				if ((csv->flags & FP_CSV_BACKSLASH) && *p == '\\' &&
				    p + 1 < csv->end && (p[1] == '"' || p[1] == '\\')) {
					fp_buf_addc(&field, p[1]);
					p += 2;
					continue;
				}
				if (*p == '"') {
					if (p + 1 < csv->end && p[1] == '"') {
						fp_buf_addc(&field, '"');
						p += 2;
						continue;
					}
					p++;
					break;
				}
				if (line_end(p, csv->end))
					csv->next_line++;
				fp_buf_addc(&field, *p++);
			}
			/* Tolerate junk between the closing quote and the comma. */
			while (p < csv->end && *p != ',' && *p != '\n' && *p != '\r')
				fp_buf_addc(&field, *p++);
		} else {
			while (p < csv->end && *p != ',' && *p != '\n' && *p != '\r')
				fp_buf_addc(&field, *p++);
		}
		fp_strv_take(sv, fp_buf_detach(&field));
		if (p < csv->end && *p == ',') {
			p++;
			continue;
		}
		if (p < csv->end) {	/* LF, CRLF, or an old Mac's bare CR */
			csv->next_line++;
			p += (*p == '\r' && p + 1 < csv->end && p[1] == '\n') ? 2 : 1;
		}
		break;
	}
	fp_buf_release(&field);
	csv->p = p;
	if (csv->flags & FP_CSV_REPAIR)
		repair_row(csv, sv, start, (size_t)(p - start));
	return FP_OK;
}

void
fp_csv_set_flags(struct fp_csv *csv, int flags)
{
	csv->flags = flags;
}

int
fp_csv_read_header(struct fp_csv *csv)
{
	struct fp_err err;
	int rc = read_record(csv, &csv->header, &err);

	return rc == FP_OK ? FP_OK : FP_EOF;
}

int
fp_csv_next(struct fp_csv *csv, struct fp_err *err)
{
	int rc = read_record(csv, &csv->row, err);

	if (rc == FP_OK)
		csv->rows++;
	return rc;
}

int
fp_csv_col(const struct fp_csv *csv, const char *name)
{
	for (size_t i = 0; i < csv->header.n; i++)
		if (strcasecmp(csv->header.v[i], name) == 0)
			return (int)i;
	return -1;
}

const char *
fp_csv_field(const struct fp_csv *csv, int col)
{
	if (col < 0 || (size_t)col >= csv->row.n)
		return NULL;
	return csv->row.v[col];
}

void
fp_csv_release(struct fp_csv *csv)
{
	fp_strv_release(&csv->header);
	fp_strv_release(&csv->row);
	free(csv->own);
	csv->own = NULL;
	csv->p = csv->end = NULL;
}
