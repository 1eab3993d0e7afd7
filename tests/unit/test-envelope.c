/* Unit tests: X's JavaScript envelopes and JSON loading (src/jsfile.c). */
#include "config.h"
#include "unit.h"
#include "jsfile.h"

static json_t *
load(const char *text, struct fp_envelope_info *info, char **warn, struct fp_err *err)
{
	char *buf = strdup(text);
	json_t *j = fp_json_load_js(buf, strlen(buf), info, warn, err);

	free(buf);
	return j;
}

UNIT(ytd_envelope)
{
	struct fp_envelope_info info;
	struct fp_err err;
	char *warn;
	json_t *j = load("window.YTD.tweets.part0 = [ {\"a\":1} ]", &info, &warn, &err);

	CHECK(j != NULL);
	CHECK_INT(info.type, FP_ENV_YTD);
	CHECK_STR(info.name, "tweets");
	CHECK_INT(info.part, 0);
	CHECK_INT(json_array_size(j), 1);
	CHECK(warn == NULL);
	json_decref(j);
}

UNIT(ytd_multipart_and_semicolon)
{
	struct fp_envelope_info info;
	struct fp_err err;
	char *warn;
	json_t *j = load("window.YTD.deleted_tweets.part12 =\n[\n{}\n];\n", &info, &warn, &err);

	CHECK(j != NULL);
	CHECK_STR(info.name, "deleted_tweets");
	CHECK_INT(info.part, 12);
	json_decref(j);
}

UNIT(empty_array_one_line_no_newline)
{
	struct fp_envelope_info info;
	struct fp_err err;
	char *warn;
	json_t *j = load("window.YTD.note_tweet.part0 = [ ]", &info, &warn, &err);

	CHECK(j != NULL);
	CHECK_INT(json_array_size(j), 0);
	json_decref(j);
}

UNIT(grailbird_and_var)
{
	struct fp_envelope_info info;
	struct fp_err err;
	char *warn;
	json_t *j = load("Grailbird.data.tweets_2013_11 = \n[ ]", &info, &warn, &err);

	CHECK(j != NULL);
	CHECK_INT(info.type, FP_ENV_GRAILBIRD);
	CHECK_STR(info.name, "tweets_2013_11");
	json_decref(j);
	j = load("var tweet_index =  [ {\"file_name\" : \"data\\/js\\/tweets\\/2013_11.js\"} ]",
	    &info, &warn, &err);
	CHECK(j != NULL);
	CHECK_INT(info.type, FP_ENV_VAR);
	CHECK_STR(info.name, "tweet_index");
	CHECK_STR(json_string_value(json_object_get(json_array_get(j, 0), "file_name")),
	    "data/js/tweets/2013_11.js");
	json_decref(j);
	j = load("window.__THAR_CONFIG = {\"userInfo\":{}}", &info, &warn, &err);
	CHECK(j != NULL);
	CHECK_INT(info.type, FP_ENV_WINDOW);
	CHECK_STR(info.name, "__THAR_CONFIG");
	json_decref(j);
}

UNIT(plain_json_accepted)
{
	struct fp_envelope_info info;
	struct fp_err err;
	char *warn;
	json_t *j = load("  [1,2]", &info, &warn, &err);

	CHECK(j != NULL);
	CHECK_INT(info.type, FP_ENV_NONE);
	json_decref(j);
}

UNIT(wrong_envelope_names_place)
{
	struct fp_envelope_info info;
	struct fp_err err;
	char *warn;
	json_t *j = load("\n  document.write = [1]", &info, &warn, &err);

	CHECK(j == NULL);
	CHECK(strstr(err.msg, "line 2, column 3") != NULL);
	CHECK(strstr(err.msg, "not JSON: starts with 'document.write = '") != NULL);
	j = load("window.YTD.profile = [1]", &info, &warn, &err);
	CHECK(j == NULL);
	CHECK(strstr(err.msg, "line 1, column 1: unexpected envelope 'window.YTD.profile = '") != NULL);
}

UNIT(empty_file)
{
	struct fp_envelope_info info;
	struct fp_err err;
	char *warn;
	json_t *j = load("", &info, &warn, &err);

	CHECK(j == NULL);
	CHECK(strstr(err.msg, "empty") != NULL);
}

UNIT(json_error_position_is_the_files)
{
	struct fp_envelope_info info;
	struct fp_err err;
	char *warn;
	/* The trailing comma of the real 2013_11.js fixture. */
	json_t *j = load("Grailbird.data.tweets_2013_11 = \n[ {\n  \"a\" : 1\n}, ]", &info,
	    &warn, &err);

	CHECK(j == NULL);
	CHECK(strstr(err.msg, "line 4, column") != NULL);
}

UNIT(invalid_utf8_repaired_with_place)
{
	struct fp_envelope_info info;
	struct fp_err err;
	char *warn = NULL;
	json_t *j = load("window.YTD.tweets.part0 = [\n\"ab\xff" "cd\"]", &info, &warn, &err);

	CHECK(j != NULL);
	CHECK(warn != NULL && strstr(warn, "line 2, column 4: invalid UTF-8") != NULL);
	CHECK_STR(json_string_value(json_array_get(j, 0)), "ab\xef\xbf\xbd" "cd");
	free(warn);
	json_decref(j);
}

UNIT_MAIN(ytd_envelope, ytd_multipart_and_semicolon, empty_array_one_line_no_newline,
    grailbird_and_var, plain_json_accepted, wrong_envelope_names_place, empty_file,
    json_error_position_is_the_files, invalid_utf8_repaired_with_place)
