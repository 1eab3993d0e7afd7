/* Unit tests: the CSV reader (src/csv.c). */
#include "config.h"
#include "unit.h"
#include "csv.h"

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

UNIT_MAIN(quoted_fields_with_newlines_and_quotes, unquoted_and_empty_fields,
    unterminated_quote_names_line, empty_input)
