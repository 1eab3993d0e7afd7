/* Unit tests: dates (src/util.c): snowflake ids and every export's date form. */
#include "config.h"
#include "unit.h"
#include "footprint.h"

UNIT(snowflake_dates)
{
	char iso[32];

	/* 1588091220244369409 was posted Thu Nov 03 08:50:26 +0000 2022. */
	fp_time_iso(fp_time_snowflake("1588091220244369409"), iso);
	CHECK_STR(iso, "2022-11-03T08:50:26Z");
	fp_time_iso(fp_time_snowflake("1438316560456814601"), iso);
	CHECK_STR(iso, "2021-09-16T01:39:25Z");
}

UNIT(pre_snowflake_ids_have_no_date)
{
	CHECK(fp_time_snowflake("12345") == FP_TIME_NONE);
	CHECK(fp_time_snowflake("29700859246") == FP_TIME_NONE);
	CHECK(fp_time_snowflake("") == FP_TIME_NONE);
	CHECK(fp_time_snowflake("12a") == FP_TIME_NONE);
	CHECK(fp_time_snowflake(NULL) == FP_TIME_NONE);
	CHECK(fp_time_snowflake("99999999999999999999999") == FP_TIME_NONE);
}

UNIT(date_forms)
{
	char iso[32];

	fp_time_iso(fp_time_parse("Thu Nov 03 08:50:26 +0000 2022"), iso);
	CHECK_STR(iso, "2022-11-03T08:50:26Z");
	fp_time_iso(fp_time_parse("2013-11-28 13:37:46 +0000"), iso);
	CHECK_STR(iso, "2013-11-28T13:37:46Z");
	fp_time_iso(fp_time_parse("2015-03-30T10:38:02.103Z"), iso);
	CHECK_STR(iso, "2015-03-30T10:38:02Z");
	fp_time_iso(fp_time_parse("2023-04-26T00:09:58-07:00"), iso);
	CHECK_STR(iso, "2023-04-26T07:09:58Z");
	fp_time_iso(fp_time_parse("2023-01-15 12:34:56 UTC"), iso);
	CHECK_STR(iso, "2023-01-15T12:34:56Z");
	fp_time_iso(fp_time_parse("1386163177"), iso);
	CHECK_STR(iso, "2013-12-04T13:19:37Z");
	fp_time_iso(fp_time_parse("2010-03-24"), iso);
	CHECK_STR(iso, "2010-03-24T00:00:00Z");
	/* X's own form goes a fast way; spaced otherwise, through sscanf */
	fp_time_iso(fp_time_parse("Sat Jan 01 00:00:00 -0530 2011"), iso);
	CHECK_STR(iso, "2011-01-01T05:30:00Z");
	CHECK(fp_time_parse("Sat Jan 01 00:00:00 -0530 2011") ==
	    fp_time_parse("Sat  Jan 1 00:00:00 -0530 2011"));
	CHECK(fp_time_parse("Mon Feb 29 23:59:59 +0100 2016") ==
	    fp_time_parse("Mon Feb 29 23:59:59 +01:00 2016"));
	CHECK(fp_time_parse("Thu Nov 03 08:50:26 +0000 2022!") ==
	    fp_time_parse("Thu Nov 03 08:50:26 +0000 2022"));
	CHECK(fp_time_parse("Thu Nox 03 08:50:26 +0000 2022") == FP_TIME_NONE);
	CHECK(fp_time_parse("Thu Nov 03 08:5x:26 +0000 2022") == FP_TIME_NONE);
	CHECK(fp_time_parse("Thu Feb 30 08:50:26 +0000 2022") ==
	    fp_time_parse("Thu Feb 30 08:50:26  +0000 2022"));
	CHECK(fp_time_parse("yesterday") == FP_TIME_NONE);
	CHECK(fp_time_parse("2022-13-45") == FP_TIME_NONE);
	CHECK(fp_time_parse("") == FP_TIME_NONE);
}

UNIT(ages)
{
	int64_t s;

	CHECK(fp_parse_age("2y", &s) == 0 && s == 2 * 365 * 86400LL);
	CHECK(fp_parse_age("30d", &s) == 0 && s == 30 * 86400LL);
	CHECK(fp_parse_age("2x", &s) != 0);
	CHECK(fp_parse_age("y", &s) != 0);
}

UNIT_MAIN(snowflake_dates, pre_snowflake_ids_have_no_date, date_forms, ages)
