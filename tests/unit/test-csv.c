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

UNIT_MAIN(quoted_fields_with_newlines_and_quotes, unquoted_and_empty_fields,
    unterminated_quote_names_line, empty_input, backslash_dialect, youtube_comment_fragments)
