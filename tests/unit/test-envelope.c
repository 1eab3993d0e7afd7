/* Unit tests: X's JavaScript envelopes and JSON loading (src/jsfile.c). */
#include "config.h"
#include <stdlib.h>
#include <string.h>
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

/* Read buf as a stream: the elements' "id" values joined by ',', then
 * "|" and the error, if any. */
static char *
stream_ids(const char *buf)
{
	struct fp_json_stream js;
	struct fp_buf b = FP_BUF_INIT;
	struct fp_err err;
	json_t *e;
	int rc;

	if (fp_json_stream_open(&js, buf, strlen(buf)) != FP_OK)
		return xstrdup("not a list");
	fp_buf_add(&b, "", 0);
	while ((rc = fp_json_stream_next(&js, &e, &err)) == FP_OK) {
		fp_buf_addf(&b, "%s%s", b.len ? "," : "", json_string_value(json_object_get(e, "id")));
		json_decref(e);
	}
	if (rc == FP_FAILED)
		fp_buf_addf(&b, "|%s", err.msg);
	fp_json_stream_release(&js);
	return fp_buf_detach(&b);
}

UNIT(stream_reads_elements_one_by_one)
{
	char *got;

	got = stream_ids(" [\n {\"id\": \"a\"},\n {\"id\": \"b\"} ,{\"id\":\"c\"}\n]\n");
	CHECK_STR(got, "a,b,c");
	free(got);
	got = stream_ids("[ ];\n");
	CHECK_STR(got, "");
	free(got);
	got = stream_ids("{\"id\": \"a\"}");
	CHECK_STR(got, "not a list");
	free(got);
}

UNIT(stream_keeps_what_came_before_a_break)
{
	char *got;

	/* a download cut short: the whole elements before the cut count */
	got = stream_ids("[\n  {\"id\": \"a\"},\n  {\"id\": \"b\"},\n  {\"id\": \"c");
	CHECK(strncmp(got, "a,b|line 4, column ", 19) == 0);
	free(got);
	/* a trailing comma: the place is that of the whole file */
	got = stream_ids("[\n  {\"id\": \"a\"},\n]");
	CHECK_STR(got, "a|line 3, column 1: not valid JSON: unexpected token near ']'");
	free(got);
	got = stream_ids("[{\"id\": \"a\"} {\"id\": \"b\"}]");
	CHECK_STR(got, "a|line 1, column 14: not valid JSON: ',' or ']' expected");
	free(got);
	got = stream_ids("[{\"id\": \"a\"}, {\"id\": \"b\"}");
	CHECK_STR(got, "a,b|line 1, column 26: not valid JSON: the list is cut short (']' expected)");
	free(got);
	got = stream_ids("[{\"id\": \"a\"}] x");
	CHECK_STR(got, "a|line 1, column 15: not valid JSON: end of file expected");
	free(got);
}

/* The reader tests run in place (-1) and again parsing ahead
 * (fp_json_stream_ahead) with this many workers. */
static int ahead_workers = -1;

static void
maybe_ahead(struct fp_json_stream *js)
{
	if (ahead_workers >= 0)		/* (a stream already done stays in place) */
		CHECK(fp_json_stream_ahead(js, ahead_workers) == (js->done ? -1 : 0));
}

/* A member handed over k bytes at a time, as an archive decompresses it. */
struct dribble {
	const char	*s;
	size_t		 off, k;
};

static long
dribble_read(void *ud, char *buf, size_t n, struct fp_err *err)
{
	struct dribble *d = ud;
	size_t k = d->k < n ? d->k : n;

	(void)err;
	k = strnlen(d->s + d->off, k);	/* not strlen: documents are long */
	memcpy(buf, d->s + d->off, k);
	d->off += k;
	return (long)k;
}

/* Like stream_ids, read k bytes at a time, envelope included; the bad
 * UTF-8 count and its place after a '#'. */
static char *
reader_ids_at(const char *file, size_t k, const char *const *keys)
{
	struct dribble d = { file, 0, k };
	struct fp_json_stream js;
	struct fp_envelope_info info;
	struct fp_buf b = FP_BUF_INIT;
	struct fp_err err;
	json_t *e;
	int rc;

	if (fp_json_stream_open_reader(&js, dribble_read, &d, keys, &info, &err) != FP_OK) {
		char *r = xasprintf("%s%s", js.not_array ? "not a list: " : "", err.msg);

		fp_json_stream_release(&js);
		return r;
	}
	maybe_ahead(&js);
	fp_buf_add(&b, "", 0);
	while ((rc = fp_json_stream_next(&js, &e, &err)) == FP_OK) {
		json_t *id = json_object_get(e, "id");

		fp_buf_addf(&b, "%s%s", b.len ? "," : "", json_is_string(id) ?
		    json_string_value(id) : "?");
		json_decref(e);
	}
	if (rc == FP_FAILED)
		fp_buf_addf(&b, "|%s", err.msg);
	if (js.bad_bytes > 0)
		fp_buf_addf(&b, "#%zu at %d:%d", js.bad_bytes, js.bad_line, js.bad_col);
	if (keys != NULL)
		fp_buf_addf(&b, "(%d)", js.lists);
	fp_json_stream_release(&js);
	return fp_buf_detach(&b);
}

static char *
reader_ids(const char *file, size_t k)
{
	return reader_ids_at(file, k, NULL);
}

UNIT(reader_streams_lists_inside_an_object)
{
	static const char *const keys[] = { "orderedItems", "comments_v2", NULL };
	static const char *const files[][2] = {
		/* Mastodon: other members before and after, checked and dropped */
		{ "{\"@context\": [\"x\", {\"a\": \"]\"}], \"totalItems\": 2,\n"
		  " \"orderedItems\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"last\": {}}", "a,b(1)" },
		/* the key twice, or two of the keys: every list */
		{ "{\"orderedItems\": [{\"id\": \"a\"}], \"orderedItems\": [], "
		  "\"comments_v2\": [{\"id\": \"c\"}]}", "a,c(3)" },
		/* a bare list still streams */
		{ "[{\"id\": \"a\"}]", "a(1)" },
		/* the key with something else than a list, or no key */
		{ "{\"orderedItems\": {\"id\": \"a\"}}", "(0)" },
		{ "{}", "(0)" },
		/* broken: where, and what came before counts */
		{ "{\"orderedItems\": [{\"id\": \"a\"}, {\"id\": \"b\"}", "a,b|line 1, column 43:"
		  " not valid JSON: the list is cut short (']' expected)(1)" },
		/* (a break before the first list fails the opening) */
		{ "{\"x\": 1 \"orderedItems\": []}", "line 1, column 9: not valid JSON: ',' or"
		  " '}' expected" },
		{ "{\"orderedItems\": [{\"id\": \"a\"}], ", "a|line 1, column 33: not valid JSON:"
		  " the object is cut short ('}' expected)(1)" },
		{ "{\"x\": tru, \"orderedItems\": []}", "line 1, column 9: not valid JSON: invalid"
		  " token near 'tru'" },
		{ "\"orderedItems\"", "line 1, column 1: not JSON: starts with '\"orderedItems\"'"
		  " (expected JSON or 'window.YTD.<name>.part<N> =')" },
		{ "window.YTD.x.part0 = 17", "not a list: the data is not a list" },
	};

	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		for (size_t k = 1; k <= 4097; k += k < 8 ? 1 : 4089) {
			char *got = reader_ids_at(files[i][0], k, keys);

			if (strcmp(got, files[i][1]) != 0)
				fprintf(stderr, "file %zu, %zu bytes at a time: got '%s', want '%s'\n",
				    i, k, got, files[i][1]);
			CHECK_STR(got, files[i][1]);
			free(got);
		}
}

/* Elements as "id@key" (the index in keys of the path they came from). */
static char *
path_ids_at(const char *file, size_t k, const char *const *keys, size_t *cap)
{
	struct dribble d = { file, 0, k };
	struct fp_json_stream js;
	struct fp_envelope_info info;
	struct fp_buf b = FP_BUF_INIT;
	struct fp_err err;
	json_t *e;
	int rc;

	if (fp_json_stream_open_reader(&js, dribble_read, &d, keys, &info, &err) != FP_OK) {
		char *r = xasprintf("%s%s", js.not_array ? "not a list: " : "", err.msg);

		fp_json_stream_release(&js);
		return r;
	}
	maybe_ahead(&js);
	fp_buf_add(&b, "", 0);
	while ((rc = fp_json_stream_next(&js, &e, &err)) == FP_OK) {
		json_t *id = json_object_get(e, "id");

		fp_buf_addf(&b, "%s%s@%d", b.len ? "," : "", json_is_string(id) ?
		    json_string_value(id) : "?", js.key);
		json_decref(e);
	}
	if (rc == FP_FAILED)
		fp_buf_addf(&b, "|%s", err.msg);
	fp_buf_addf(&b, "(%d)", js.lists);
	if (cap != NULL)
		*cap = js.cap;
	fp_json_stream_release(&js);
	return fp_buf_detach(&b);
}

/* TikTok: lists and values found down paths of nested objects. */
UNIT(reader_follows_key_paths)
{
	static const char *const keys[] = { "A/B/list", "=P/Q", "C/*/items", NULL };
	static const char *const files[][2] = {
		{ "{\"A\": {\"x\": [1, {\"list\": 2}], \"B\": {\"list\": [{\"id\": \"a\"},"
		  " {\"id\": \"b\"}], \"z\": 1}}, \"P\": {\"Q\": {\"id\": \"p\"}},\n"
		  " \"C\": {\"m\": {\"items\": [{\"id\": \"c\"}]}, \"n\": {\"items\": []}}}",
		  "a@0,b@0,p@1,c@2(3)" },
		/* a value path gives any value, once */
		{ "{\"P\": {\"Q\": \"N/A\", \"R\": [1]}}", "?@1(0)" },
		{ "{\"P\": {\"Q\": [{\"id\": \"x\"}]}}", "?@1(0)" },
		/* the path's names in the wrong place, or not objects on the way */
		{ "{\"B\": {\"list\": [{\"id\": \"a\"}]}, \"A\": [{\"B\": 1}], \"A\": \"B\"}", "(0)" },
		{ "{\"A\": {\"B\": {\"list\": {\"id\": \"a\"}}}}", "(0)" },
		/* only nested paths: a bare list is not what was asked for */
		{ "[{\"id\": \"a\"}]", "not a list: the data is not a list" },
		/* broken inside a nested object: the place in the file */
		{ "{\"A\": {\"B\": {\"list\": [{\"id\": \"a\"}]} \"x\": 1}}",
		  "a@0|line 1, column 37: not valid JSON: ',' or '}' expected(1)" },
		{ "{\"A\": {\"B\": {\"list\": [{\"id\": \"a\"}]}, \"x\": tru}}",
		  "a@0|line 1, column 45: not valid JSON: invalid token near 'tru'(1)" },
		{ "{\"A\": {\"B\": {\"list\": [{\"id\": \"a\"}]}, \"x\": [1, ",
		  "a@0|line 1, column 47: not valid JSON: the object is cut short(1)" },
	};

	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		for (size_t k = 1; k <= 4097; k += k < 8 ? 1 : 4089) {
			char *got = path_ids_at(files[i][0], k, keys, NULL);

			if (strcmp(got, files[i][1]) != 0)
				fprintf(stderr, "file %zu, %zu bytes at a time: got '%s', want '%s'\n",
				    i, k, got, files[i][1]);
			CHECK_STR(got, files[i][1]);
			free(got);
		}
}

/* A member that is not wanted passes without the window growing to it
 * (TikTok's browsing history beside the lists). */
UNIT(reader_drops_big_members_in_bounded_memory)
{
	static const char *const keys[] = { "A/B/list", NULL };
	struct fp_buf f = FP_BUF_INIT;
	size_t cap = 0;
	char *got;

	fp_buf_addstr(&f, "{\"A\": {\"history\": [");
	for (int i = 0; i < 200000; i++)
		fp_buf_addf(&f, "%s{\"Date\": \"2024-01-01\", \"Link\": \"https://x/]}\\\"%d\"}",
		    i ? ",\n" : "", i);
	fp_buf_addstr(&f, "], \"B\": {\"list\": [{\"id\": \"a\"}]}}}");
	CHECK(f.len > 10u << 20);
	got = path_ids_at(fp_buf_str(&f), 65536, keys, &cap);
	CHECK_STR(got, "a@0(1)");
	CHECK(cap <= 4u << 20);
	free(got);
	fp_buf_release(&f);
}

UNIT(reader_streams_in_any_pieces)
{
	static const char *const files[][2] = {
		{ "window.YTD.tweets.part0 = [\n {\"id\": \"a\"},\n {\"id\": \"b}\\\"\"} ,"
		  "{\"id\":\"c\", \"x\": [1, {\"y\": \"]}\"}]}\n];\n", "a,b}\",c" },
		{ "window.YTD.like.part0 = [ ]", "" },
		{ "[\n  {\"id\": \"a\"},\n]", "a|line 3, column 1: not valid JSON: unexpected token near ']'" },
		{ "[{\"id\": \"a\"}, {\"id\": \"b\"}", "a,b|line 1, column 26: not valid JSON: the list"
		  " is cut short (']' expected)" },
		{ "[{\"id\": \"a\"}, {\"id\": \"b\"", "a|line 1, column 24: not valid JSON: '}'"
		  " expected near end of file" },
		{ "[\n\"x\",\n{\"id\": \"\xc3\xa9\xff\xfe\"}]", "?,\xc3\xa9\xef\xbf\xbd\xef\xbf\xbd#2 at 3:10" },
		{ "[1, 2x]", "?|line 1, column 6: not valid JSON: end of file expected near 'x'" },
		{ "window.YTD.account.part0 = {\"id\": \"a\"}", "not a list: the data is not a list" },
		{ "windoze.YTD = []", "line 1, column 1: not JSON: starts with 'windoze.YTD = '"
		  " (expected JSON or 'window.YTD.<name>.part<N> =')" },
		{ "   ", "line 1: the file is empty" },
	};

	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		for (size_t k = 1; k <= 4097; k += k < 8 ? 1 : 4089) {
			char *got = reader_ids(files[i][0], k);

			if (strcmp(got, files[i][1]) != 0)
				fprintf(stderr, "file %zu, %zu bytes at a time: got '%s', want '%s'\n",
				    i, k, got, files[i][1]);
			CHECK_STR(got, files[i][1]);
			free(got);
		}
}

UNIT(reader_any_key)
{
	static const char *const any[] = { FP_JSON_ANY_KEY, NULL };
	char *got = reader_ids_at("{\"title\": \"x\", \"likes_media_likes\": [{\"id\": \"a\"}],"
	    " \"n\": [], \"more\": {\"k\": [{\"id\": \"no\"}]}}", 3, any);

	/* every list that is a member of the object, none deeper */
	CHECK_STR(got, "a(2)");
	free(got);
}

/* Elements read with members cut out (jsfile.h: drop), compact and with
 * sorted keys, then "|" and the error; 5 bytes at a time. */
static char *
cut_ids(const char *file, const char *const *drop)
{
	struct dribble d = { file, 0, 5 };
	struct fp_json_stream js;
	struct fp_envelope_info info;
	struct fp_buf b = FP_BUF_INIT;
	struct fp_err err;
	json_t *e;
	int rc;

	if (fp_json_stream_open_reader(&js, dribble_read, &d, NULL, &info, &err) != FP_OK) {
		fp_json_stream_release(&js);
		return xstrdup("not a list");
	}
	js.drop = drop;
	maybe_ahead(&js);
	fp_buf_add(&b, "", 0);
	while ((rc = fp_json_stream_next(&js, &e, &err)) == FP_OK) {
		char *t = fp_json_dumps(e, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);

		fp_buf_addf(&b, "%s%s", b.len ? " " : "", t);
		free(t);
		json_decref(e);
	}
	if (rc == FP_FAILED)
		fp_buf_addf(&b, "|%s", err.msg);
	fp_json_stream_release(&js);
	return fp_buf_detach(&b);
}

UNIT(reader_cuts_members_nobody_reads)
{
	static const char *const drop[] = { "drop", "edit", NULL };
	static const char *const files[][2] = {
		/* at any depth, whatever the value; strings and arrays kept */
		{ "[{\"a\": 1, \"drop\": {\"x\": [1, \"]}\\\"\"]}, \"b\": [{\"drop\": 2, \"c\": 3}],"
		  " \"d\": \"drop\", \"e\": [\"drop\", {\"edit\": null}]}]",
		  "{\"a\":1,\"b\":[{\"c\":3}],\"d\":\"drop\",\"e\":[\"drop\",{}]}" },
		/* first, last, only member, and two in a row */
		{ "[{\"drop\": 1, \"a\": 2}, {\"a\": 2,\n \"drop\": 1\n}, {\"drop\": 1},"
		  " {\"edit\": 1, \"drop\": [], \"a\": 0}]", "{\"a\":2} {\"a\":2} {} {\"a\":0}" },
		/* a key spelt with an escape is another key; a value is no key */
		{ "[{\"dr\\u006fp\": 1, \"k\": \"drop\", \"m\": {\"drop\": {\"drop\": 1}}}]",
		  "{\"drop\":1,\"k\":\"drop\",\"m\":{}}" },
		/* broken elements fail as they would, at their place */
		{ "[{\"a\": 1},\n {\"drop\": 1, \"a\": tru}]",
		  "{\"a\":1}|line 2, column 21: not valid JSON: invalid token near 'tru'" },
		{ "[[\"drop\": 1]]", "|line 1, column 9: not valid JSON: ']' expected near ':'" },
		{ "[{\"drop\" 1}]", "|line 1, column 10: not valid JSON: ':' expected near '1'" },
		/* (a fault inside a member cut out goes unseen) */
		{ "[{\"drop\": [1, tru], \"a\": 1}]", "{\"a\":1}" },
		/* blanks go, but two words they parted stay parted; blanks in
		 * strings stay */
		{ "[ {\n  \"a\" : [ 1 ,\t-2.5e3 ] ,\r\n \"s\" : \" x  y \" } ]",
		  "{\"a\":[1,-2500.0],\"s\":\" x  y \"}" },
		{ "[[1 2]]", "|line 1, column 5: not valid JSON: ']' expected near '2'" },
		{ "[{\"a\": tru e}]", "|line 1, column 10: not valid JSON: invalid token near 'tru'" },
		{ "[{\"a\": 1. 5}]", "|line 1, column 9: not valid JSON: invalid token near '1.'" },
		{ "[{\"a\": 1 }, {\"b\": - 1}]",
		  "{\"a\":1}|line 1, column 19: not valid JSON: invalid token near '-'" },
	};

	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *got = cut_ids(files[i][0], drop);

		CHECK_STR(got, files[i][1]);
		free(got);
	}
}

/* Every reader test again, parsing ahead: inline (0 workers) and on a
 * thread; the same elements, errors, places, keys and counts. */
UNIT(reader_parsing_ahead_gives_the_same)
{
	for (int w = 0; w <= 1; w++) {
		ahead_workers = w;
		reader_streams_in_any_pieces();
		reader_streams_lists_inside_an_object();
		reader_follows_key_paths();
		reader_any_key();
		reader_cuts_members_nobody_reads();
	}
	ahead_workers = -1;
}

/* Many batches: elements of every size, one bigger than a batch (parsed
 * in the window), bad UTF-8 after it and an error further on; what comes
 * out, in place and ahead, is the same. */
UNIT(reader_parsing_ahead_over_many_batches)
{
	static const char *const keys[] = { "items", NULL };
	static char filler[200], big[128 << 10];
	struct fp_buf f = FP_BUF_INIT;
	char *want[4];

	for (size_t k = 0; k < sizeof filler; k++)
		filler[k] = (char)('a' + k % 26);
	memset(big, 'b', sizeof big);

	for (int v = 0; v < 4; v++) {
		fp_buf_reset(&f);
		fp_buf_addstr(&f, "{\"n\": 1,\n \"items\": [\n");
		for (int i = 0; i < 4500; i++) {
			fp_buf_addf(&f, "%s  {\"id\": \"%d\", \"t\": \"", i ? ",\n" : "", i);
			fp_buf_add(&f, filler, (size_t)(i * 37) % 200);
			if (i == 2000)	/* bigger than a batch */
				for (int k = 0; k < 9; k++)
					fp_buf_add(&f, big, sizeof big);
			if (i == 2500 || (v > 0 && i == 1000))
				fp_buf_addstr(&f, "\xff\xfe");
			fp_buf_addstr(&f, v == 3 && i == 3000 ? "\", \"u\": tru}" : "\"}");
			if (v == 2 && i == 4000)	/* after the element */
				fp_buf_addstr(&f, " x");
		}
		fp_buf_addstr(&f, "\n]}\n");
		for (int w = -1; w <= 1; w++) {
			char *got;

			ahead_workers = w;
			got = reader_ids_at(fp_buf_str(&f), 65536, keys);
			if (w < 0)
				want[v] = got;
			else {
				CHECK_STR(got, want[v]);
				free(got);
			}
		}
		ahead_workers = -1;
	}
	/* the last elements, the error and the first bad byte's place */
	CHECK(strstr(want[0], ",4498,4499#2 at 2503:") != NULL);
	CHECK(strstr(want[1], ",4498,4499#4 at 1003:") != NULL);
	CHECK(strstr(want[2], ",3999,4000|line 4003, column 27: not valid JSON: ',' or ']'"
	    " expected#4 at 1003:") != NULL);
	CHECK(strstr(want[2], "#4 at 1003:") != NULL);
	CHECK(strstr(want[3], ",2999|line 3003, column ") != NULL);
	CHECK(strstr(want[3], "invalid token near 'tru'#4 at 1003:") != NULL);
	for (int v = 0; v < 4; v++)
		free(want[v]);
	fp_buf_release(&f);
}

UNIT_MAIN(reader_parsing_ahead_gives_the_same, reader_parsing_ahead_over_many_batches,
    reader_cuts_members_nobody_reads, reader_any_key, reader_follows_key_paths, reader_drops_big_members_in_bounded_memory, stream_reads_elements_one_by_one, stream_keeps_what_came_before_a_break,
    reader_streams_in_any_pieces, reader_streams_lists_inside_an_object,
    ytd_envelope, ytd_multipart_and_semicolon, empty_array_one_line_no_newline,
    grailbird_and_var, plain_json_accepted, wrong_envelope_names_place, empty_file,
    json_error_position_is_the_files, invalid_utf8_repaired_with_place)
