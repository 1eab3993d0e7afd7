/*
 * fuzz-escape.c: the escapers every report goes through (src/report-escape.c)
 * and jansson as the JSON report's. Each promise is checked on the output:
 * HTML holds no < > " ' and only the five entities it writes (the <mark>
 * tags aside); a URL let into href cannot leave the attribute; a CSV field
 * reads back through footprint's own CSV reader as it was (a formula kept
 * text by its leading quote); Markdown unescapes back to the text (control
 * characters as spaces) and holds no raw < >; terminal text holds no
 * control character; JSON strings round-trip.
 */
#define _GNU_SOURCE	/* open_memstream */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>

#include "footprint.h"
#include "csv.h"
#include "jsfile.h"
#include "report-int.h"
#include "fuzz.h"

static char *out_buf;
static size_t out_len;

static FILE *
out_open(void)
{
	FILE *f = open_memstream(&out_buf, &out_len);

	FUZZ_ASSERT(f != NULL);
	return f;
}

/* Close f; the output, owned by the caller. */
static char *
out_close(FILE *f)
{
	fclose(f);
	return out_buf;
}

static void
check_html(const char *h)
{
	static const char *const ents[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", NULL };

	for (const char *p = h; *p; p++) {
		unsigned char c = (unsigned char)*p;

		FUZZ_ASSERT(c != '<' && c != '>' && c != '"' && c != '\'');
		FUZZ_ASSERT(c >= 0x20 || c == '\n' || c == '\t');
		FUZZ_ASSERT(c != 0x7f);
		if (c == '&') {
			int ok = 0;

			for (int i = 0; ents[i] != NULL; i++)
				ok |= strncmp(p, ents[i], strlen(ents[i])) == 0;
			FUZZ_ASSERT(ok);
		}
	}
}

/* Remove every occurrence of tag from s, in place. */
static void
drop(char *s, const char *tag)
{
	size_t n = strlen(tag);
	char *p;

	while ((p = strstr(s, tag)) != NULL)
		memmove(p, p + n, strlen(p + n) + 1);
}

static void
check_csv(const char *s)
{
	FILE *f = out_open();
	char *o;
	struct fp_csv csv;
	int formula = s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;

	/* as in the report: never the first field (a reader drops a BOM there) */
	fputs("fid,", f);
	fp_csv_put(f, s);
	fputs(",end\r\n", f);
	o = out_close(f);
	fp_csv_init(&csv, o, strlen(o));
	FUZZ_ASSERT(fp_csv_read_header(&csv) == FP_OK);
	FUZZ_ASSERT(csv.header.n == 3 && strcmp(csv.header.v[2], "end") == 0);
	if (formula)
		FUZZ_ASSERT(csv.header.v[1][0] == '\'' && strcmp(csv.header.v[1] + 1, s) == 0);
	else
		FUZZ_ASSERT(strcmp(csv.header.v[1], s) == 0);
	fp_csv_release(&csv);
	free(o);
}

static void
check_md(const char *s)
{
	FILE *f = out_open();
	char *o, *u, *q;
	size_t n = 0;

	fp_md_inline(f, s);
	o = out_close(f);
	u = xmalloc(strlen(o) + 1);
	for (const char *p = o; *p; p++) {
		FUZZ_ASSERT(*p != '<' && *p != '>' && *p != '\n');
		if (*p == '\\') {
			FUZZ_ASSERT(p[1] != '\0');
			u[n++] = *++p;
		} else if (strncmp(p, "&lt;", 4) == 0) {
			u[n++] = '<';
			p += 3;
		} else if (strncmp(p, "&gt;", 4) == 0) {
			u[n++] = '>';
			p += 3;
		} else if (strncmp(p, "&amp;", 5) == 0) {
			u[n++] = '&';
			p += 4;
		} else {
			FUZZ_ASSERT(*p != '&');
			FUZZ_ASSERT(strchr("`*_[]()#!|~", *p) == NULL);
			u[n++] = *p;
		}
	}
	u[n] = '\0';
	FUZZ_ASSERT(n == strlen(s));
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		FUZZ_ASSERT(u[i] == ((c < 0x20 || c == 0x7f) ? ' ' : s[i]));
	}
	free(u);
	free(o);

	f = out_open();
	fp_md_quote(f, s);
	q = out_close(f);
	for (char *line = q; *line; ) {
		char *nl = strchr(line, '\n');

		FUZZ_ASSERT(strncmp(line, "> ", 2) == 0);
		FUZZ_ASSERT(nl != NULL);
		line = nl + 1;
	}
	free(q);
}

static void
check_text(const char *s)
{
	FILE *f = out_open();
	char *o;
	const char *indent = "    | ";

	fp_text_put(f, s, indent);
	o = out_close(f);
	FUZZ_ASSERT(strncmp(o, indent, strlen(indent)) == 0);
	for (const unsigned char *p = (const unsigned char *)o; *p; p++) {
		FUZZ_ASSERT(*p >= 0x20 || *p == '\n');
		FUZZ_ASSERT(*p != 0x7f);
		FUZZ_ASSERT(!(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f));
		if (*p == '\n' && p[1] != '\0')
			FUZZ_ASSERT(strncmp((const char *)p + 1, indent, strlen(indent)) == 0);
	}
	FUZZ_ASSERT(strlen(o) <= strlen(indent) * (FP_TEXT_SHOWN_MAX + 2) + FP_TEXT_SHOWN_MAX + 100);
	free(o);
}

static void
check_json(const char *s, size_t n)
{
	json_t *str = json_stringn(s, n), *back;
	char *dump;

	if (str == NULL)	/* not UTF-8: the writers repair before this */
		return;
	dump = fp_json_dumps(str, JSON_ENCODE_ANY | JSON_ENSURE_ASCII);
	FUZZ_ASSERT(dump != NULL);
	for (const unsigned char *p = (const unsigned char *)dump; *p; p++)
		FUZZ_ASSERT(*p >= 0x20 && *p < 0x80);	/* JSON lets DEL be */
	back = json_loads(dump, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	FUZZ_ASSERT(back != NULL && json_equal(str, back));
	json_decref(back);
	free(dump);
	json_decref(str);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size), *nl, *h;
	json_t *ev = NULL;
	FILE *f;

	f = out_open();
	fp_html_escs(f, s);
	h = out_close(f);
	check_html(h);
	free(h);

	/* text, a newline, then the evidence terms, one per space */
	if ((nl = strchr(s, '\n')) != NULL) {
		char *terms = xstrdup(nl + 1), *save = NULL;

		ev = json_array();
		for (char *t = strtok_r(terms, " ", &save); t; t = strtok_r(NULL, " ", &save))
			json_array_append_new(ev, json_string(t));	/* NULL if not UTF-8: skipped */
		free(terms);
	}
	{
		char *evj = ev ? fp_json_dumps(ev, 0) : NULL;

		f = out_open();
		fp_html_marked(f, s, evj);
		h = out_close(f);
		drop(h, "<mark>");
		drop(h, "</mark>");
		check_html(h);
		free(h);
		free(evj);
		json_decref(ev);
	}
	if (fp_safe_url(s)) {
		FUZZ_ASSERT(strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0);
		FUZZ_ASSERT(strpbrk(s, "\"'<> \t\r\n") == NULL);
	}
	check_csv(s);
	check_md(s);
	check_text(s);
	check_json((const char *)data, size);
	free(s);
	return 0;
}
