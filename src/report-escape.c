/*
 * report-escape.c: archive text made safe for each report format.
 *
 * Everything a report prints that came from an archive goes through one of
 * these, so that a post cannot become markup, a spreadsheet formula or a
 * terminal command. They are kept apart from the writers so that
 * tests/fuzz/fuzz-escape.c can check each one's promise on any input.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>

#include "footprint.h"
#include "jsfile.h"
#include "report-int.h"

void
fp_html_esc(FILE *out, const char *s, size_t n)
{
	size_t run = 0;		/* start of the bytes that need no escape */

	for (size_t i = 0; i < n && s[i] != '\0'; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *rep;

		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default:
			if ((c >= 0x20 || c == '\n' || c == '\t') && c != 0x7f)
				continue;
			rep = " ";	/* control characters */
		}
		fwrite(s + run, 1, i - run, out);
		fputs(rep, out);
		run = i + 1;
	}
	/* the rest, up to n or a NUL */
	fwrite(s + run, 1, strnlen(s + run, n - run), out);
}

void
fp_html_escs(FILE *out, const char *s)
{
	if (s != NULL)
		fp_html_esc(out, s, strlen(s));
}

int
fp_safe_url(const char *u)
{
	if (u == NULL || (strncasecmp(u, "https://", 8) != 0 &&
	    strncasecmp(u, "http://", 7) != 0))
		return 0;
	for (; *u != '\0'; u++)
		if ((unsigned char)*u <= 0x20 || *u == 0x7f || strchr("\"'<>\\`", *u) != NULL)
			return 0;
	return 1;
}

void
fp_html_marked(FILE *out, const char *text, const char *evidence_json)
{
	json_t *ev = evidence_json ? fp_json_loads(evidence_json, JSON_DECODE_ANY) : NULL;
	size_t n = strlen(text);
	unsigned char *mark = xcalloc(n + 1, 1);
	json_t *v;
	size_t i;

	json_array_foreach(ev, i, v) {
		const char *t = json_string_value(v);
		size_t tl = t ? strlen(t) : 0;

		if (tl < 2)
			continue;
		for (const char *p = text; (p = strcasestr(p, t)) != NULL; p += tl)
			memset(mark + (p - text), 1, tl);
	}
	json_decref(ev);
	for (i = 0; i < n;) {
		size_t j = i;

		while (j < n && mark[j] == mark[i])
			j++;
		if (mark[i])
			fputs("<mark>", out);
		fp_html_esc(out, text + i, j - i);
		if (mark[i])
			fputs("</mark>", out);
		i = j;
	}
	free(mark);
}

void
fp_csv_put(FILE *out, const char *s)
{
	int formula;

	if (s == NULL)
		return;
	/* A spreadsheet runs a cell that starts with one of these as a
	 * formula (=HYPERLINK(...)): a quote before it keeps it text. */
	formula = s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
	if (strpbrk(s, ",\"\r\n") == NULL && !formula) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

void
fp_md_inline(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '\\': case '`': case '*': case '_': case '{': case '}': case '[':
		case ']': case '(': case ')': case '#': case '+': case '-': case '.':
		case '!': case '|': case '~': case '=': case ':':
			fputc('\\', out);
			fputc(c, out);
			break;
		default:
			fputc(c < 0x20 || c == 0x7f ? ' ' : c, out);
		}
	}
}

void
fp_md_quote(FILE *out, const char *s)
{
	char *copy = xstrdup(s), *save = NULL;

	for (char *line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		fputs("> ", out);
		fp_md_inline(out, line);
		fputs("  \n", out);
	}
	free(copy);
}

void
fp_text_put(FILE *out, const char *s, const char *indent)
{
	size_t len = strlen(s), n = len, run = 0;

	if (n > FP_TEXT_SHOWN_MAX) {	/* cut at a character's start */
		n = FP_TEXT_SHOWN_MAX;
		while (n < len && ((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
	}
	fputs(indent, out);
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i], next = (unsigned char)s[i + 1];

		if (ch >= 0x20 && ch != 0x7f && (ch != 0xc2 || next < 0x80 || next > 0x9f))
			continue;		/* written as part of a run */
		fwrite(s + run, 1, i - run, out);
		if (ch == '\n') {
			fputc('\n', out);
			fputs(indent, out);
		} else {
			fputc(' ', out);	/* C0, DEL, C1 (two bytes) */
			if (ch == 0xc2)
				i++;
		}
		run = i + 1;
	}
	if (run < n)
		fwrite(s + run, 1, n - run, out);
	if (n < len)
		fprintf(out, " [... %zu more bytes: see --format json]", len - n);
	fputc('\n', out);
}
