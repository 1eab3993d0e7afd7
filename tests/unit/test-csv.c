/* Unit tests: the CSV reader (src/csv.c). */
#include "config.h"
#include "unit.h"
#include "csv.h"
#include "conn-util.h"

UNIT(youtube_comment_fragments)
{
	char *t;

	t = fp_youtube_comment_text("{\"takeoutSegments\":[{\"text\":\"Vote \"},{\"text\":\"now\"}]}");
	CHECK_STR(t, "Vote now");
	free(t);
	t = fp_youtube_comment_text("{\"text\":\"a\"},{\"text\":\"\\n\"},{\"text\":\"b\"}");
	CHECK_STR(t, "a\nb");
	free(t);
	/* raw newlines inside the JSON strings */
	t = fp_youtube_comment_text("{\"text\":\"line one\nline two\"}");
	CHECK_STR(t, "line one\nline two");
	free(t);
	t = fp_youtube_comment_text("plain old text");
	CHECK_STR(t, "plain old text");
	free(t);
	t = fp_youtube_comment_text("{broken");
	CHECK_STR(t, "{broken");
	free(t);
}

UNIT(quoted_fields_with_newlines_and_quotes)
{
	const char *data = "\xef\xbb\xbf\"tweet_id\",\"text\"\r\n"
	    "\"1\",\"say \"\"hi\"\"\nsecond line\"\r\n\"2\",\"plain\"\n\n";
	struct fp_csv csv;
	struct fp_err err;

	fp_csv_init(&csv, data, strlen(data));
	CHECK_INT(fp_csv_read_header(&csv), FP_OK);
	CHECK_INT(fp_csv_col(&csv, "TWEET_ID"), 0);
	CHECK_INT(fp_csv_col(&csv, "text"), 1);
	CHECK_INT(fp_csv_col(&csv, "missing"), -1);
	CHECK_INT(fp_csv_next(&csv, &err), FP_OK);
	CHECK_STR(fp_csv_field(&csv, 0), "1");
	CHECK_STR(fp_csv_field(&csv, 1), "say \"hi\"\nsecond line");
	CHECK_INT(csv.line, 2);
	CHECK_INT(fp_csv_next(&csv, &err), FP_OK);
	CHECK_STR(fp_csv_field(&csv, 1), "plain");
	CHECK_INT(csv.line, 4);
	CHECK(fp_csv_field(&csv, 5) == NULL);
	CHECK_INT(fp_csv_next(&csv, &err), FP_EOF);
	fp_csv_release(&csv);
}

UNIT(unquoted_and_empty_fields)
{
	const char *data = "a,b,c\nx,,z\n,,\n";
	struct fp_csv csv;
	struct fp_err err;

	fp_csv_init(&csv, data, strlen(data));
	fp_csv_read_header(&csv);
	CHECK_INT(fp_csv_next(&csv, &err), FP_OK);
	CHECK_STR(fp_csv_field(&csv, 1), "");
	CHECK_STR(fp_csv_field(&csv, 2), "z");
	CHECK_INT(fp_csv_next(&csv, &err), FP_OK);
	CHECK_INT(csv.row.n, 3);
	fp_csv_release(&csv);
}

UNIT(unterminated_quote_names_line)
{
	const char *data = "a,b\n1,2\n3,\"never closed\n";
	struct fp_csv csv;
	struct fp_err err;

	fp_csv_init(&csv, data, strlen(data));
	fp_csv_read_header(&csv);
	CHECK_INT(fp_csv_next(&csv, &err), FP_OK);
	CHECK_INT(fp_csv_next(&csv, &err), FP_FAILED);
	CHECK(strstr(err.msg, "line 3") != NULL);
	fp_csv_release(&csv);
}

UNIT(empty_input)
{
	struct fp_csv csv;

	fp_csv_init(&csv, "", 0);
	CHECK_INT(fp_csv_read_header(&csv), FP_EOF);
	fp_csv_release(&csv);
}

UNIT(backslash_dialect)
{
	const char *data = "Date,Message\n,\"He said \\\"hi\\\", then\nleft\"\n";
	struct fp_csv csv;
	struct fp_err err;

	fp_csv_init(&csv, data, strlen(data));
	fp_csv_set_flags(&csv, FP_CSV_BACKSLASH);
	fp_csv_read_header(&csv);
	CHECK_INT(fp_csv_next(&csv, &err), FP_OK);
	CHECK_STR(fp_csv_field(&csv, 0), "");
	CHECK_STR(fp_csv_field(&csv, 1), "He said \"hi\", then\nleft");
	fp_csv_release(&csv);
}

/* A reader that hands out data `piece` bytes at a time, and fails at
 * fail_at (when not 0) as a truncated archive would. */
struct pieces {
	const char	*data;
	size_t		 len, pos, piece, fail_at;
};

static long
piece_read(void *ud, char *buf, size_t n, struct fp_err *err)
{
	struct pieces *p = ud;
	size_t k = p->len - p->pos;

	if (p->fail_at != 0 && p->pos >= p->fail_at) {
		fp_err_set(err, FP_FAILED, "truncated member");
		return -1;
	}
	if (k > p->piece)
		k = p->piece;
	if (k > n)
		k = n;
	memcpy(buf, p->data + p->pos, k);
	p->pos += k;
	return (long)k;
}

/* Every row, its line and its fields as one string; the last status. */
static char *
dump(struct fp_csv *csv, int flags, int *last)
{
	struct fp_buf b = FP_BUF_INIT;
	struct fp_err err;
	int r;

	fp_csv_set_flags(csv, flags);
	if (fp_csv_read_header(csv) == FP_OK)
		for (size_t i = 0; i < csv->header.n; i++)
			fp_buf_addf(&b, "H[%s]", csv->header.v[i]);
	while ((r = fp_csv_next(csv, &err)) == FP_OK) {
		fp_buf_addf(&b, "\n%ld/%ld:", csv->rows, csv->line);
		for (size_t i = 0; i < csv->row.n; i++)
			fp_buf_addf(&b, "[%s]", csv->row.v[i]);
	}
	if (r == FP_FAILED)
		fp_buf_addf(&b, "\nerror: %s", err.msg);
	if (csv->bad_bytes)
		fp_buf_addf(&b, "\nbad %zu at %ld:%d", csv->bad_bytes, csv->bad_line,
		    csv->bad_col);
	*last = r;
	fp_csv_release(csv);
	return fp_buf_detach(&b);
}

/* Read in pieces of any size, a file gives the rows the buffer gives. */
UNIT(reader_in_pieces_matches_buffer)
{
	static const struct {
		const char	*data;
		int		 flags;
	} cases[] = {
		{ "\xef\xbb\xbf\"id\",\"text\"\r\n\"1\",\"say \"\"hi\"\"\nsecond\"\r\n2,plain\n\n", 0 },
		{ "a,b\r\n\r\n1,\"x\"junk,3\r4,5\r", 0 },
		{ "Date,Message\n,\"He said \\\"hi\\\", \\\\ then\nleft\"\n2,\"\\\"\"\n", FP_CSV_BACKSLASH },
		{ "a,b\n1,\"never closed\n2,3\n", 0 },
		{ "a,b\n1,caf\xe9\n2,\"\xff\xfe ok\"\n", FP_CSV_REPAIR },
		{ "x\n\"\"\"\"\"\",\"\"\n\"", 0 },
		{ "\xef\xbb", 0 },
		{ "", 0 },
	};
	static const size_t sizes[] = { 1, 2, 3, 4, 5, 6, 7, 8, 4097 };

	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct fp_csv csv;
		int want_r, got_r;
		char *want;

		fp_csv_init(&csv, cases[c].data, strlen(cases[c].data));
		want = dump(&csv, cases[c].flags, &want_r);
		for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
			struct pieces p = { cases[c].data, strlen(cases[c].data), 0, sizes[s], 0 };
			char *got;

			fp_csv_init_reader(&csv, piece_read, &p);
			got = dump(&csv, cases[c].flags, &got_r);
			CHECK_STR(got, want);
			CHECK_INT(got_r, want_r);
			free(got);
		}
		free(want);
	}
}

UNIT(reader_repairs_utf8_and_places_it)
{
	const char *data = "a,b\n1,ok\n2,\"x\ny caf\xe9\"\n3,\xff\n";
	struct pieces p = { data, strlen(data), 0, 3, 0 };
	struct fp_csv csv;
	struct fp_err err;

	fp_csv_init_reader(&csv, piece_read, &p);
	fp_csv_set_flags(&csv, FP_CSV_REPAIR);
	CHECK_INT(fp_csv_read_header(&csv), FP_OK);
	CHECK_INT(fp_csv_next(&csv, &err), FP_OK);
	CHECK_INT(fp_csv_next(&csv, &err), FP_OK);
	CHECK_STR(fp_csv_field(&csv, 1), "x\ny caf\xef\xbf\xbd");
	CHECK_INT(fp_csv_next(&csv, &err), FP_OK);
	CHECK_INT(fp_csv_next(&csv, &err), FP_EOF);
	CHECK_INT(csv.bad_bytes, 2);
	CHECK_INT(csv.bad_line, 4);	/* the row starts on line 3 */
	CHECK_INT(csv.bad_col, 6);
	CHECK_INT(csv.rows, 3);
	fp_csv_release(&csv);
}

/* A read error ends the file with the reader's message; rows before it stay. */
UNIT(reader_error_keeps_rows_before)
{
	const char *data = "a,b\n1,2\n3,4\n5,6\n";
	struct pieces p = { data, strlen(data), 0, 4, 8 };
	struct fp_csv csv;
	struct fp_err err;

	fp_csv_init_reader(&csv, piece_read, &p);
	CHECK_INT(fp_csv_read_header(&csv), FP_OK);
	CHECK_INT(fp_csv_next(&csv, &err), FP_OK);
	CHECK_STR(fp_csv_field(&csv, 1), "2");
	CHECK_INT(fp_csv_next(&csv, &err), FP_FAILED);
	CHECK(strstr(err.msg, "truncated") != NULL);
	CHECK_INT(fp_csv_next(&csv, &err), FP_EOF);
	fp_csv_release(&csv);
}

UNIT_MAIN(quoted_fields_with_newlines_and_quotes, unquoted_and_empty_fields,
    unterminated_quote_names_line, empty_input, backslash_dialect, youtube_comment_fragments,
    reader_in_pieces_matches_buffer, reader_repairs_utf8_and_places_it,
    reader_error_keeps_rows_before)
