/*
 * Unit tests: the fast JSON path (src/jsparse.c). What it parses must be
 * what json_loadb gives, down to key order and number types; what is not
 * plain JSON it must leave to jansson (NULL), never take wrongly.
 */
#include "config.h"

#include <jansson.h>

#include "unit.h"
#include "footprint.h"
#include "jsparse.h"
#include "swar.h"

static const char *const no_drop[] = { NULL };

/* The compact dump of v (caller frees), or NULL. */
static char *
dump(const json_t *v)
{
	return v ? json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
}

/*
 * fast(b) and json_loadb(b): fast's dump (caller frees), or NULL when it
 * gave up. Wherever fast gives a value, jansson must give the same one.
 */
static char *
fast_checked(const char *b, size_t n, const char *const *drop)
{
	struct fp_buf scratch = FP_BUF_INIT;
	json_t *f = fp_json_parse_fast(b, n, drop, &scratch);
	json_t *j = json_loadb(b, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	char *fd = dump(f), *jd = dump(j);

	if (f != NULL && drop == NULL) {
		CHECK(j != NULL);
		CHECK(json_equal(f, j));
		CHECK_STR(fd, jd);
	}
	json_decref(f);
	json_decref(j);
	free(jd);
	fp_buf_release(&scratch);
	return fd;
}

UNIT(plain_json_is_parsed_as_jansson_parses_it)
{
	static const char *const cases[][2] = {
		{ "{}", "{}" },
		{ " [ ] ", "[]" },
		{ "\n\t{\"a\" :\r\n 1 , \"b\":[true,false,null]}\n", "{\"a\":1,\"b\":[true,false,null]}" },
		/* key order kept, a key given twice: the last value in the first place */
		{ "{\"z\":1,\"a\":2,\"z\":3}", "{\"z\":3,\"a\":2}" },
		{ "\"just a string\"", "\"just a string\"" },
		{ "0", "0" },
		{ "-0", "0" },
		{ "123456789012345678", "123456789012345678" },
		{ "-123456789012345678", "-123456789012345678" },
		/* 19 digits and reals: jansson's own conversion */
		{ "9223372036854775807", "9223372036854775807" },
		{ "-9223372036854775808", "-9223372036854775808" },
		{ "[1.5,-2.5e3,1E2,0.1]", "[1.5,-2500.0,100.0,0.10000000000000001]" },
		/* escapes, surrogate pairs, NUL in a value */
		{ "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "\"a\\\"b\\\\c/d\\b\\f\\n\\r\\t\"" },
		{ "\"caf\\u00e9 \\u00C9 \\u20ac \\ud83d\\ude00\"", "\"café É € 😀\"" },
		{ "\"a\\u0000b\"", "\"a\\u0000b\"" },
		{ "{\"k\\u00e9y\":{\"in\\\"ner\":\"x\\ny\"}}", "{\"kéy\":{\"in\\\"ner\":\"x\\ny\"}}" },
		/* UTF-8 as it is, the longest sequences too */
		{ "[\"صوت\",\"голос\",\"投票\",\"𝄞\"]", "[\"صوت\",\"голос\",\"投票\",\"𝄞\"]" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = fast_checked(cases[i][0], strlen(cases[i][0]), NULL);

		CHECK_STR(got, cases[i][1]);
		free(got);
	}
}

/* Errors, and what jansson alone may say: left to jansson. */
UNIT(anything_else_is_left_to_jansson)
{
	static const char *const cases[] = {
		"", "   ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "[1 2]", "01", "-",
		"1.", ".5", "1e", "-a", "+1", "tru", "truex", "nul", "[true false]", "\"open",
		"\"bad \\x escape\"", "\"\\u12\"", "\"\\ud800\"", "\"\\ud800\\u0041\"",
		"\"\\udc00\"", "\"tab\there\"", "\"nl\nhere\"", "{\"k\\u0000\":1}",
		"99999999999999999999", "-99999999999999999999", "1e999", "[1]x", "{} {}",
		"[1.5-2]", "'single'",
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = fast_checked(cases[i], strlen(cases[i]), NULL);

		if (got != NULL)
			fprintf(stderr, "case %zu: %s\n", i, cases[i]);
		CHECK(got == NULL);
		free(got);
	}
	/* bytes past n are not read */
	CHECK(fast_checked("[1,2]", 4, NULL) == NULL);
	CHECK(fast_checked("\"abc\"", 4, NULL) == NULL);
}

/* Every place of an eight-byte word: a quote, a backslash, a control byte
 * or a multibyte character there, in strings of 0 to 40 bytes. */
UNIT(strings_end_wherever_the_word_is)
{
	static const char *const marks[] = { "\\\"", "\\\\", "\\n", "\\u00e9", "é", "\x7f",
	    "\x1f" };
	char b[128], want[128];

	for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++)
		for (int len = 0; len <= 40; len++)
			for (int at = 0; at <= len; at++) {
				int n = snprintf(b, sizeof b, "\"%.*s%s%.*s\"", at,
				    "........................................", marks[m],
				    len - at, "----------------------------------------");
				char *got = fast_checked(b, (size_t)n, NULL);

				if (marks[m][0] == '\x1f') {
					CHECK(got == NULL);	/* raw control byte */
				} else {
					json_t *j = json_loadb(b, (size_t)n, JSON_DECODE_ANY, NULL);
					char *jd = dump(j);

					snprintf(want, sizeof want, "%s", jd ? jd : "?");
					CHECK_STR(got, want);
					free(jd);
					json_decref(j);
				}
				free(got);
			}
}

UNIT(nesting_deeper_than_the_limit_is_left_to_jansson)
{
	char b[2 * (FP_JSPARSE_MAX_DEPTH + 1) + 1];
	char *got;

	for (int d = FP_JSPARSE_MAX_DEPTH; d <= FP_JSPARSE_MAX_DEPTH + 1; d++) {
		memset(b, '[', (size_t)d);
		memset(b + d, ']', (size_t)d);
		got = fast_checked(b, 2 * (size_t)d, NULL);
		if (d <= FP_JSPARSE_MAX_DEPTH)
			CHECK(got != NULL);
		else
			CHECK(got == NULL);
		free(got);
	}
}

UNIT(members_nobody_reads_are_cut)
{
	static const char *const drop[] = { "drop", "edit", NULL };
	static const char *const cases[][2] = {
		/* at any depth, whatever the value; strings and arrays kept */
		{ "{\"a\": 1, \"drop\": {\"x\": [1, \"]}\\\"\"]}, \"b\": [{\"drop\": 2, \"c\": 3}],"
		  " \"d\": \"drop\", \"e\": [\"drop\", {\"edit\": null}]}",
		  "{\"a\":1,\"b\":[{\"c\":3}],\"d\":\"drop\",\"e\":[\"drop\",{}]}" },
		/* first, last, only member, two in a row */
		{ "[{\"drop\": 1, \"a\": 2}, {\"a\": 2,\n \"drop\": 1\n}, {\"drop\": 1},"
		  " {\"edit\": 1, \"drop\": [], \"a\": 0}]", "[{\"a\":2},{\"a\":2},{},{\"a\":0}]" },
		/* a key spelt with an escape is another key */
		{ "{\"dr\\u006fp\": 1, \"k\": \"drop\"}", "{\"drop\":1,\"k\":\"drop\"}" },
		/* a value cut is not read: a fault in it goes unseen */
		{ "{\"drop\": [1, tru, 01], \"a\": 1}", "{\"a\":1}" },
		/* but the brackets and strings must close */
		{ "{\"drop\": [1, \"]\", \"a\": 1}", NULL },
		{ "{\"drop\": \"open, \"a\": 1}", NULL },
		{ "{\"drop\": }", NULL },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = fast_checked(cases[i][0], strlen(cases[i][0]), drop);

		CHECK_STR(got, cases[i][1]);
		free(got);
	}
	/* an empty list cuts nothing */
	{
		char *got = fast_checked("{\"drop\":1}", 10, no_drop);

		CHECK_STR(got, "{\"drop\":1}");
		free(got);
	}
}

/* The blocks come from jansson's allocator (the arena when entered), and a
 * decoded key outlives the values parsed after it. */
UNIT(decoded_keys_survive_their_values)
{
	const char *b = "{\"\\u00e9\":{\"\\u00e8\":\"\\u00ea\\n\",\"x\":\"\\t\"},\"\\u00eb\":[\"\\\\\"]}";
	char *got = fast_checked(b, strlen(b), NULL);

	CHECK_STR(got, "{\"é\":{\"è\":\"ê\\n\",\"x\":\"\\t\"},\"ë\":[\"\\\\\"]}");
	free(got);
}

/* Not UTF-8 anywhere, even in a member nobody reads: NULL (the reader
 * then repairs the element and says where); UTF-8 there is taken. */
UNIT(what_is_not_utf8_is_refused)
{
	static const char *const drop[] = { "gone", NULL };
	static const char *const bad[] = { "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80",
	    "\xc0\xaf", "\xf4\x90\x80\x80" };
	static const char *const forms[][2] = {	/* before and after */
		{ "\"", "\"" }, { "\"a long run of plain text ", " before the end\"" },
		{ "{\"k", "\":1}" }, { "\"an escape \\n then ", "\"" },
		{ "{\"gone\":\"", "\",\"k\":1}" }, { "{\"gone\":[1,{\"x\":\"", "\"}],\"k\":1}" },
		{ "{\"gone\":[1,", "],\"k\":1}" }, { "{\"gone\":\"\\", "\",\"k\":1}" },
		{ "[1,", "]" },
	};
	char b[128];

	for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
		struct fp_buf scratch = FP_BUF_INIT;
		json_t *v;

		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			snprintf(b, sizeof b, "%s%s%s", forms[f][0], bad[i], forms[f][1]);
			v = fp_json_parse_fast(b, strlen(b), drop, &scratch);
			if (v != NULL)
				fprintf(stderr, "taken: %s\n", b);
			CHECK(v == NULL);
			json_decref(v);
		}
		if (f < 6) {		/* the same places hold UTF-8 well */
			snprintf(b, sizeof b, "%s%s%s", forms[f][0],
			    "\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e", forms[f][1]);
			v = fp_json_parse_fast(b, strlen(b), drop, &scratch);
			CHECK(v != NULL);
			json_decref(v);
		}
		fp_buf_release(&scratch);
	}
}

/* The line counter counts each byte once, exactly: runs of the byte, its
 * neighbours (c - 1, c + 1, c | 0x80) and every byte value, at every
 * offset and length of a word and a little more. */
UNIT(bytes_are_counted_exactly)
{
	unsigned char b[64];
	unsigned seed = 7;

	for (int c = 0; c < 256; c += 5)
		for (int round = 0; round < 40; round++) {
			const unsigned char near[] = { (unsigned char)c, (unsigned char)(c - 1),
			    (unsigned char)(c + 1), (unsigned char)(c | 0x80), 0, 0xff };

			for (size_t i = 0; i < sizeof b; i++) {
				seed = seed * 1103515245u + 12345u;
				b[i] = round % 2 ? near[(seed >> 16) % 6] : (unsigned char)(seed >> 16);
			}
			for (size_t off = 0; off < 9; off++)
				for (size_t n = 0; off + n <= sizeof b; n += 1 + n / 8) {
					size_t want = 0;

					for (size_t i = 0; i < n; i++)
						want += b[off + i] == c;
					CHECK(fp_swar_count(b + off, n, (unsigned char)c) == want);
				}
		}
}

/* A value read as a prefix: an object or array, to its last bracket and
 * no further, the same tree as read whole; cut anywhere, it is not read. */
UNIT(a_prefix_is_one_value_and_no_more)
{
	static const struct {
		const char	*in;
		size_t		 used;	/* 0: NULL */
	} cases[] = {
		{ "{\"a\": 1}, {\"b\": 2}", 8 },
		{ "[1, 2]xyz", 6 },
		{ "{\"t\": \"caf\\u00e9 }]\\\" \"}\n]", 24 },
		{ "{\"a\": [{}, []]}", 15 },
		{ "\"a string\", 1", 0 },		/* not an object or array */
		{ "12, 13", 0 },
		{ " {\"a\": 1}", 0 },		/* blanks are the caller's */
		{ "{\"a\": \"\xff\"}", 0 },		/* not UTF-8 */
		{ "{\"a\": tru}", 0 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct fp_buf scratch = FP_BUF_INIT;
		const char *in = cases[i].in;
		size_t n = strlen(in), used = 0;
		json_t *v = fp_json_parse_prefix(in, n, NULL, &scratch, &used);

		CHECK((v != NULL) == (cases[i].used > 0));
		if (v != NULL) {
			json_t *whole = fp_json_parse_fast(in, used, NULL, &scratch);
			char *a = dump(v), *b = dump(whole);

			CHECK(used == cases[i].used);
			CHECK_STR(a, b);
			free(a);
			free(b);
			json_decref(whole);
			for (size_t k = 0; k < used; k++) {
				json_t *cut = fp_json_parse_prefix(in, k, NULL, &scratch, &n);

				CHECK(cut == NULL);
				json_decref(cut);
			}
		}
		json_decref(v);
		fp_buf_release(&scratch);
	}
}

UNIT_MAIN(plain_json_is_parsed_as_jansson_parses_it, anything_else_is_left_to_jansson,
    strings_end_wherever_the_word_is, nesting_deeper_than_the_limit_is_left_to_jansson,
    members_nobody_reads_are_cut, decoded_keys_survive_their_values,
    what_is_not_utf8_is_refused, bytes_are_counted_exactly, a_prefix_is_one_value_and_no_more)
