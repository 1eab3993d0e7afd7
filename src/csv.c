/*
 * csv.c: an RFC 4180 reader over a buffer in memory (see csv.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "footprint.h"
#include "csv.h"

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
	const char *p = csv->p;

	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	sv->n = 0;
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
	return read_record(csv, &csv->row, err);
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
}
