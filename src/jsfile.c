/*
 * jsfile.c: strip X's JavaScript envelopes and load the JSON inside, with
 * errors that name the line and column (see jsfile.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "jsfile.h"

static int
is_ident(int c)
{
	return isalnum(c) || c == '_' || c == '$';
}

/* Copy the identifier at *p into name, advancing *p. */
static size_t
take_ident(const char **p, const char *end, char *name, size_t size)
{
	size_t n = 0;

	while (*p < end && is_ident((unsigned char)**p)) {
		if (n + 1 < size)
			name[n++] = **p;
		(*p)++;
	}
	name[n] = '\0';
	return n;
}

int
fp_envelope_strip(char *buf, size_t len, struct fp_envelope_info *info,
    struct fp_err *err)
{
	const char *p = buf, *end = buf + len, *start;
	char word[128];

	memset(info, 0, sizeof *info);
	info->part = -1;
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p >= end) {
		fp_err_set(err, FP_FAILED, "line 1: the file is empty");
		return FP_FAILED;
	}
	if (*p == '[' || *p == '{') {
		info->type = FP_ENV_NONE;
		goto trailer;
	}
	start = p;
	take_ident(&p, end, word, sizeof word);
	if (strcmp(word, "var") == 0 && p < end && isspace((unsigned char)*p)) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		info->type = FP_ENV_VAR;
		take_ident(&p, end, info->name, sizeof info->name);
	} else if (strcmp(word, "window") == 0 && p < end && *p == '.') {
		p++;
		take_ident(&p, end, word, sizeof word);
		if (strcmp(word, "YTD") == 0 && p < end && *p == '.') {
			char partw[32];

			p++;
			take_ident(&p, end, info->name, sizeof info->name);
			if (p < end && *p == '.') {
				p++;
				take_ident(&p, end, partw, sizeof partw);
				if (strncmp(partw, "part", 4) != 0 ||
				    !isdigit((unsigned char)partw[4]))
					goto bad;
				info->part = atoi(partw + 4);
			} else
				goto bad;
			info->type = FP_ENV_YTD;
		} else {
			info->type = FP_ENV_WINDOW;
			snprintf(info->name, sizeof info->name, "%s", word);
		}
	} else if (strcmp(word, "Grailbird") == 0 && p < end && *p == '.') {
		p++;
		take_ident(&p, end, word, sizeof word);
		if (strcmp(word, "data") != 0 || p >= end || *p != '.')
			goto bad;
		p++;
		take_ident(&p, end, info->name, sizeof info->name);
		info->type = FP_ENV_GRAILBIRD;
	} else
		goto bad;
	if (info->name[0] == '\0')
		goto bad;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p >= end || *p != '=')
		goto bad;
	p++;
	/* Blank the envelope: keeps offsets, so JSON errors point into the file. */
	for (char *q = buf + (start - buf); q < buf + (p - buf); q++)
		if (*q != '\n')
			*q = ' ';
trailer:
	/* Tolerate one ';' after the value (hand-edited files). */
	for (char *q = buf + len; q > buf; q--) {
		if (isspace((unsigned char)q[-1]))
			continue;
		if (q[-1] == ';')
			q[-1] = ' ';
		break;
	}
	return FP_OK;
bad: {
	int line, col;
	size_t n = 0;
	char shown[48];

	fp_line_col(buf, len, (size_t)(start - buf), &line, &col);
	while (start + n < end && n < sizeof shown - 1 && start[n] != '\n' &&
	    start[n] != '[' && start[n] != '{')
		n++;
	memcpy(shown, start, n);
	shown[n] = '\0';
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)shown[i] < 0x20 || (unsigned char)shown[i] >= 0x7f)
			shown[i] = '?';
	if (strncmp(start, "window.", 7) == 0 || strncmp(start, "Grailbird.", 10) == 0 ||
	    strncmp(start, "var ", 4) == 0)
		fp_err_set(err, FP_FAILED, "line %d, column %d: unexpected envelope '%s'"
		    " (expected 'window.YTD.<name>.part<N> =')", line, col, shown);
	else
		fp_err_set(err, FP_FAILED, "line %d, column %d: not JSON: starts with '%s'"
		    " (expected JSON or 'window.YTD.<name>.part<N> =')", line, col, shown);
	return FP_FAILED;
	}
}

/* If buf is not UTF-8: a repaired copy in *fixed, and *warn says where. */
static int
repair_utf8(const char *buf, size_t len, struct fp_buf *fixed, char **warn)
{
	size_t first_bad = 0, nbad;
	int line, col;

	*warn = NULL;
	if (fp_utf8_valid(buf, len))
		return 0;
	fp_buf_add(fixed, "", 0);
	nbad = fp_utf8_repair(fixed, buf, len, &first_bad);
	fp_line_col(buf, len, first_bad, &line, &col);
	*warn = xasprintf("line %d, column %d: invalid UTF-8 (%zu bad byte%s"
	    " replaced with U+FFFD)", line, col, nbad, nbad == 1 ? "" : "s");
	return 1;
}

int
fp_json_prepare_js(char **buf, size_t *len, struct fp_envelope_info *info,
    char **warn, struct fp_err *err)
{
	struct fp_buf fixed = FP_BUF_INIT;

	if (repair_utf8(*buf, *len, &fixed, warn)) {
		free(*buf);
		*len = fixed.len;
		*buf = fp_buf_detach(&fixed);
	}
	return fp_envelope_strip(*buf, *len, info, err);
}

json_t *
fp_json_load_js(char *buf, size_t len, struct fp_envelope_info *info,
    char **warn, struct fp_err *err)
{
	struct fp_buf fixed = FP_BUF_INIT;
	json_error_t jerr;
	json_t *root = NULL;
	char *text = buf;

	if (repair_utf8(buf, len, &fixed, warn)) {
		text = fixed.data;
		len = fixed.len;
	}
	if (fp_envelope_strip(text, len, info, err) != FP_OK)
		goto out;
	root = json_loadb(text, len, JSON_ALLOW_NUL, &jerr);
	if (root == NULL) {
		if (jerr.line <= 0)
			fp_err_set(err, FP_FAILED, "not JSON: %s", jerr.text);
		else
			fp_err_set(err, FP_FAILED, "line %d, column %d: not valid JSON: %s",
			    jerr.line, jerr.column, jerr.text);
	}
out:
	fp_buf_release(&fixed);
	return root;
}

/* --- a top-level array, element by element ----------------------------- */

static void
skip_space(struct fp_json_stream *js)
{
	while (js->pos < js->len && (js->buf[js->pos] == ' ' || js->buf[js->pos] == '\n' ||
	    js->buf[js->pos] == '\r' || js->buf[js->pos] == '\t'))
		js->pos++;
}

int
fp_json_stream_open(struct fp_json_stream *js, const char *buf, size_t len)
{
	memset(js, 0, sizeof *js);
	js->buf = buf;
	js->len = len;
	skip_space(js);
	if (js->pos >= len || buf[js->pos] != '[')
		return FP_FAILED;
	js->pos++;
	return FP_OK;
}

/* err: "line L, column C: what", the place in the whole file. */
static int
stream_fail(struct fp_json_stream *js, size_t start, const json_error_t *jerr,
    const char *what, struct fp_err *err)
{
	int line, col;

	fp_line_col(js->buf, js->len, start, &line, &col);
	if (jerr != NULL && jerr->line > 0) {
		col = jerr->line == 1 ? col + jerr->column - 1 : jerr->column;
		line += jerr->line - 1;
	}
	fp_err_set(err, FP_FAILED, "line %d, column %d: not valid JSON: %s", line, col,
	    jerr != NULL ? jerr->text : what);
	js->done = 1;
	return FP_FAILED;
}

int
fp_json_stream_next(struct fp_json_stream *js, json_t **out, struct fp_err *err)
{
	json_error_t jerr;
	size_t start;

	*out = NULL;
	if (js->done)
		return FP_EOF;
	skip_space(js);
	if (js->pos < js->len && js->buf[js->pos] == ']') {
		js->pos++;
		skip_space(js);
		js->done = 1;
		/* one ';' may follow; anything else is not this format */
		if (js->pos < js->len && js->buf[js->pos] == ';')
			js->pos++;
		skip_space(js);
		if (js->pos < js->len)
			return stream_fail(js, js->pos, NULL, "end of file expected", err);
		return FP_EOF;
	}
	if (js->index > 0) {
		if (js->pos >= js->len || js->buf[js->pos] != ',')
			return stream_fail(js, js->pos, NULL, js->pos >= js->len ?
			    "the list is cut short (']' expected)" : "',' or ']' expected", err);
		js->pos++;
		skip_space(js);
	}
	start = js->pos;
	*out = json_loadb(js->buf + start, js->len - start,
	    JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
	if (*out == NULL)
		return stream_fail(js, start, &jerr, NULL, err);
	js->pos = start + (size_t)jerr.position;
	js->index++;
	return FP_OK;
}

const char *
fp_json_str(const json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

char *
fp_json_strdup(const json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (json_is_integer(v))
		return xasprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
	return NULL;
}
