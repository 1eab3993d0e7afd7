/*
 * jsfile.c: strip X's JavaScript envelopes and load the JSON inside, with
 * errors that name the line and column (see jsfile.h).
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "jsfile.h"
#include "jsparse.h"
#include "swar.h"
#include "source.h"
#include "workq.h"

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

/* The envelope at the start of buf, blanked; the trailer is not looked at. */
static int
envelope_head(char *buf, size_t len, struct fp_envelope_info *info, struct fp_err *err)
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
		return FP_OK;
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

int
fp_envelope_strip(char *buf, size_t len, struct fp_envelope_info *info,
    struct fp_err *err)
{
	if (envelope_head(buf, len, info, err) != FP_OK)
		return FP_FAILED;
	/* Tolerate one ';' after the value (hand-edited files). */
	for (char *q = buf + len; q > buf; q--) {
		if (isspace((unsigned char)q[-1]))
			continue;
		if (q[-1] == ';')
			q[-1] = ' ';
		break;
	}
	return FP_OK;
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

/* Does the text start, past its blanks, with an array or an object (the
 * only documents json_loadb takes without JSON_DECODE_ANY)? */
static int
starts_with_bracket(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
		i++;
	return i < n && (s[i] == '[' || s[i] == '{');
}

json_t *
fp_json_load_js(char *buf, size_t len, struct fp_envelope_info *info,
    char **warn, struct fp_err *err)
{
	struct fp_buf fixed = FP_BUF_INIT, scratch = FP_BUF_INIT;
	json_error_t jerr;
	json_t *root = NULL;
	char *text = buf;

	if (repair_utf8(buf, len, &fixed, warn)) {
		text = fixed.data;
		len = fixed.len;
	}
	if (fp_envelope_strip(text, len, info, err) != FP_OK)
		goto out;
	if (starts_with_bracket(text, len)) {
		root = fp_json_parse_fast(text, len, NULL, &scratch);
		fp_buf_release(&scratch);
	}
	if (root == NULL)
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

/* Largest window a reader stream grows to: one element's bytes. */
#define STREAM_MAX	FP_SOURCE_MAX_MEMBER
#define STREAM_CHUNK	((size_t)1 << 20)

/* The place of p[n], p[0] being at line, col. Both stop at INT_MAX (a
 * file of one 2 GiB line has columns past it). */
static void
place_after(const char *p, size_t n, int line, int col, int *out_line, int *out_col)
{
	const char *end = p + n, *last = end;
	size_t lines = fp_swar_count((const unsigned char *)p, n, '\n');
	size_t c = (size_t)col;

	if (lines > 0) {
		while (last[-1] != '\n')
			last--;
		c = 1;
		p = last;
	}
	c += fp_utf8_chars(p, (size_t)(end - p));
	*out_line = lines > (size_t)(INT_MAX - line) ? INT_MAX : line + (int)lines;
	*out_col = c > INT_MAX ? INT_MAX : (int)c;
}

/* Line and column of buf[off], counting from the window's start. */
static void
stream_place(const struct fp_json_stream *js, size_t off, int *line, int *col)
{
	place_after(js->buf, off, js->line, js->col, line, col);
}

/* The same, counting on from the last place asked for (js->mark), so that
 * asking at each element in turn reads each byte once. */
static void
stream_place_on(struct fp_json_stream *js, size_t off, int *line, int *col)
{
	if (off < js->mark) {
		stream_place(js, off, line, col);
		return;
	}
	place_after(js->buf + js->mark, off - js->mark, js->mark_line, js->mark_col,
	    line, col);
	js->mark = off;
	js->mark_line = *line;
	js->mark_col = *col;
}

/*
 * Read more into the window, dropping what is before pos first. 1 when
 * bytes came, 0 at the end of the input, -1 on a read error (err set).
 */
static int
refill(struct fp_json_stream *js, struct fp_err *err)
{
	long n;

	if (js->read == NULL || js->eof)
		return 0;
	if (js->pos > 0) {
		stream_place_on(js, js->pos, &js->line, &js->col);
		js->mark = 0;
		memmove(js->own, js->own + js->pos, js->len - js->pos);
		js->len -= js->pos;
		js->base += js->pos;
		js->pos = 0;
	}
	if (js->cap - js->len < STREAM_CHUNK / 4) {
		if (js->cap >= STREAM_MAX) {
			fp_err_set(err, FP_FAILED, "line %d, column %d: one element of"
			    " more than %zu MiB; not read", js->line, js->col,
			    (size_t)STREAM_MAX >> 20);
			return -1;
		}
		js->cap = js->cap ? js->cap * 2 : STREAM_CHUNK;
		js->own = xrealloc(js->own, js->cap);
	}
	js->buf = js->own;
	n = js->read(js->ud, js->own + js->len, js->cap - js->len, err);
	if (n < 0)
		return -1;
	if (n == 0) {
		js->eof = 1;
		return 0;
	}
	js->len += (size_t)n;
	return 1;
}

/* Skip blanks, reading on as needed. 1 when a byte follows, 0 at the end,
 * -1 on a read error. */
static int
skip_space(struct fp_json_stream *js, struct fp_err *err)
{
	for (;;) {
		while (js->pos < js->len && (js->buf[js->pos] == ' ' ||
		    js->buf[js->pos] == '\n' || js->buf[js->pos] == '\r' ||
		    js->buf[js->pos] == '\t'))
			js->pos++;
		if (js->pos < js->len)
			return 1;
		switch (refill(js, err)) {
		case 0:
			return 0;
		case -1:
			return -1;
		}
	}
}

static void
stream_init(struct fp_json_stream *js)
{
	memset(js, 0, sizeof *js);
	js->line = js->col = 1;
	js->mark_line = js->mark_col = 1;
}

int
fp_json_stream_open(struct fp_json_stream *js, const char *buf, size_t len)
{
	struct fp_err err;

	stream_init(js);
	js->buf = buf;
	js->len = len;
	js->eof = 1;
	if (skip_space(js, &err) != 1 || buf[js->pos] != '[')
		return FP_FAILED;
	js->pos++;
	js->lists = 1;
	return FP_OK;
}

static int seek_list(struct fp_json_stream *js, struct fp_err *err);

/* A bare list is the list asked for unless every key is a path into
 * nested objects or a value's. */
static int
bare_list_ok(const char *const *keys)
{
	if (keys == NULL)
		return 1;
	for (size_t i = 0; keys[i] != NULL; i++)
		if (keys[i][0] != FP_JSON_VALUE_MARK && strchr(keys[i], '/') == NULL)
			return 1;
	return 0;
}

int
fp_json_stream_open_reader(struct fp_json_stream *js, fp_json_read_fn read, void *ud,
    const char *const *keys, struct fp_envelope_info *info, struct fp_err *err)
{
	int r;

	stream_init(js);
	js->read = read;
	js->ud = ud;
	js->keys = keys;
	/* the envelope is a line at the top: read enough to see it whole */
	for (;;) {
		size_t i = 0;

		while (i < js->len && isspace((unsigned char)js->buf[i]))
			i++;
		if (js->eof || (i < js->len && js->len - i >= 4096))
			break;
		if ((r = refill(js, err)) < 0)
			return FP_FAILED;
	}
	if (envelope_head(js->own, js->len, info, err) != FP_OK)
		return FP_FAILED;
	if ((r = skip_space(js, err)) < 0)
		return FP_FAILED;
	if (r == 1 && js->buf[js->pos] == '{' && keys != NULL) {
		/* {"key": [...], ...}: the lists under keys, one after another */
		js->pos++;
		js->in_object = 1;
		if (seek_list(js, err) == FP_FAILED)
			return FP_FAILED;
		return FP_OK;
	}
	if (r == 0 || js->buf[js->pos] != '[' || !bare_list_ok(keys)) {
		js->not_array = 1;
		fp_err_set(err, FP_FAILED, "the data is not a list");
		return FP_FAILED;
	}
	js->pos++;
	js->lists = 1;
	return FP_OK;
}

static void ahead_free(struct fp_json_ahead *a);

void
fp_json_stream_release(struct fp_json_stream *js)
{
	if (js->ahead != NULL)
		ahead_free(js->ahead);
	for (int d = 0; d < js->depth; d++)
		free(js->path[d]);
	free(js->own);
	fp_buf_release(&js->fixed);
	fp_buf_release(&js->kept);
	fp_json_arena_release(&js->arena);
	stream_init(js);
}

/* err: "line L, column C: not valid JSON: what", jansson's place in an
 * element (jerr) counted from the element's, line and col. */
static int
fail_at(int line, int col, const json_error_t *jerr, const char *what,
    struct fp_err *err)
{
	if (jerr != NULL && jerr->line > 0) {
		long long c = jerr->line == 1 ? (long long)col + jerr->column - 1 : jerr->column;
		long long l = (long long)line + jerr->line - 1;

		col = c > INT_MAX ? INT_MAX : (int)c;
		line = l > INT_MAX ? INT_MAX : (int)l;
	}
	fp_err_set(err, FP_FAILED, "line %d, column %d: not valid JSON: %s", line, col,
	    jerr != NULL ? jerr->text : what);
	return FP_FAILED;
}

/* err: "line L, column C: not valid JSON: what", the place in the file. */
static int
stream_fail(struct fp_json_stream *js, size_t off, const json_error_t *jerr,
    const char *what, struct fp_err *err)
{
	int line, col;

	stream_place(js, off, &line, &col);
	js->done = 1;
	return fail_at(line, col, jerr, what, err);
}

/*
 * Where the element at js->pos ends: its length, or 0 when the window
 * ends first (js->scan keeps how far it got, to go on after a refill).
 * Only brackets and strings are followed; jansson judges the rest.
 */
static size_t
element_end(struct fp_json_stream *js)
{
	const unsigned char *b = (const unsigned char *)js->buf + js->pos;
	size_t n = js->len - js->pos, i = js->scan_off;
	int depth = js->scan_depth, in_str = js->scan_in_str;
	size_t found = 0;

	if (depth == 0 && !in_str && n > 0 && b[0] != '{' && b[0] != '[' && b[0] != '"') {
		/* a bare number or literal: up to a delimiter */
		while (i < n && !strchr(",]} \t\r\n", b[i]))
			i++;
		js->scan_off = i;
		return i < n ? (i > 0 ? i : 1) : 0;
	}
	while (i < n) {
		unsigned char c;

		if (in_str) {
			/* a string's bytes: to a backslash or the closing quote */
			i += fp_swar_quote_run(b + i, b + n);
			if (i >= n)
				break;
			if (b[i] == '\\') {
				if (i + 1 >= n)
					break;		/* the escaped byte is to come */
				i += 2;
				continue;
			}
			i++;
			in_str = 0;
			if (depth == 0) {	/* a bare string element */
				found = i;
				break;
			}
			continue;
		}
		i += fp_swar_token_run(b + i, b + n);
		if (i >= n)
			break;
		c = b[i++];
		if (c == '"')
			in_str = 1;
		else if (c == '{' || c == '[')
			depth++;
		else if ((c == '}' || c == ']') && --depth <= 0) {
			found = i;
			break;
		}
	}
	js->scan_off = i;
	js->scan_depth = depth;
	js->scan_in_str = in_str;
	return found;
}

/* A read error while streaming: "line L, column C: <why>". */
static int
read_fail(struct fp_json_stream *js, struct fp_err *err)
{
	char why[sizeof err->msg];
	int line, col;

	snprintf(why, sizeof why, "%s", err->msg);
	stream_place(js, js->pos, &line, &col);
	fp_err_set(err, FP_FAILED, "line %d, column %d: %s", line, col, why);
	js->done = 1;
	return FP_FAILED;
}

/* The end of the list: ']' then at most one ';', then nothing. */
static int
stream_end(struct fp_json_stream *js, struct fp_err *err)
{
	int r;

	js->pos++;
	if ((r = skip_space(js, err)) < 0)
		return read_fail(js, err);
	if (r == 1 && js->buf[js->pos] == ';') {
		js->pos++;
		r = skip_space(js, err);
	}
	if (r < 0)
		return read_fail(js, err);
	js->done = 1;
	if (r == 1)
		return stream_fail(js, js->pos, NULL, "end of file expected", err);
	return FP_EOF;
}

/* The bytes of the value at pos, whole in the window: their length (the
 * rest of the input when it is cut short), or 0 on a read error. */
static size_t
whole_value(struct fp_json_stream *js, struct fp_err *err, int *failed)
{
	size_t n;
	int r;

	*failed = 0;
	js->scan_off = 0;
	js->scan_depth = 0;
	js->scan_in_str = 0;
	while ((n = element_end(js)) == 0) {
		if ((r = refill(js, err)) < 0) {
			*failed = 1;
			return 0;
		}
		if (r == 0)
			return js->len - js->pos;	/* cut short */
	}
	return n;
}

/*
 * Skip the value at pos, dropping its bytes as they are scanned, so that a
 * value of any size passes in bounded memory. One that the window held
 * whole, of up to a chunk, is checked by jansson; a bigger one only for
 * its brackets and strings.
 */
static int
skip_value(struct fp_json_stream *js, struct fp_err *err)
{
	json_error_t jerr;
	json_t *v;
	size_t n;
	int r, dropped = 0;

	js->scan_off = 0;
	js->scan_depth = 0;
	js->scan_in_str = 0;
	while ((n = element_end(js)) == 0) {
		if (js->scan_depth > 0 && js->scan_off >= STREAM_CHUNK) {
			js->pos += js->scan_off;	/* inside brackets: drop */
			js->scan_off = 0;
			dropped = 1;
		}
		if ((r = refill(js, err)) < 0)
			return read_fail(js, err);
		if (r == 0)
			return stream_fail(js, js->pos + js->scan_off, NULL,
			    "the object is cut short", err);
	}
	if (!dropped && n <= STREAM_CHUNK) {
		v = json_loadb(js->buf + js->pos, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
		if (v == NULL)
			return stream_fail(js, js->pos, &jerr, NULL, err);
		json_decref(v);
	}
	js->pos += n;
	return FP_OK;
}

/*
 * Does key path p (names split by '/') lead through the objects gone down
 * into so far to key k? 0: no; 1: k ends the path; 2: the path goes on
 * below k.
 */
static int
path_match(const struct fp_json_stream *js, const char *p, const char *k)
{
	if (*p == FP_JSON_VALUE_MARK)
		p++;
	for (int d = 0;; d++) {
		const char *slash = strchr(p, '/');
		size_t n = slash != NULL ? (size_t)(slash - p) : strlen(p);
		const char *want = d < js->depth ? js->path[d] : k;

		if (!(n == 1 && p[0] == '*') && (strlen(want) != n || memcmp(want, p, n) != 0))
			return 0;
		if (d == js->depth)
			return slash != NULL ? 2 : 1;
		if (slash == NULL)
			return 0;
		p = slash + 1;
	}
}

/*
 * Inside the top-level object: go on to the next member that one of
 * js->keys leads to (down into the objects on its path) and whose value is
 * a list, and into that list; or to a value a FP_JSON_VALUE_MARK path
 * ends at. Values under other keys are skipped. FP_OK there; FP_EOF at the
 * end of the object (js->done); FP_FAILED with err.
 */
static int
seek_list(struct fp_json_stream *js, struct fp_err *err)
{
	for (;;) {
		json_error_t jerr;
		json_t *key;
		size_t n;
		int r, failed, want = 0, down = 0, which = -1;

		if ((r = skip_space(js, err)) < 0)
			return read_fail(js, err);
		if (r == 0)
			return stream_fail(js, js->pos, NULL, "the object is cut short"
			    " ('}' expected)", err);
		if (js->buf[js->pos] == '}') {
			js->pos++;
			if (js->depth > 0) {	/* back up into the parent */
				js->depth--;
				free(js->path[js->depth]);
				js->path[js->depth] = NULL;
				js->members = js->path_members[js->depth];
				continue;
			}
			js->done = 1;
			return FP_EOF;
		}
		if (js->members > 0) {
			if (js->buf[js->pos] != ',')
				return stream_fail(js, js->pos, NULL, "',' or '}' expected", err);
			js->pos++;
			if ((r = skip_space(js, err)) < 0)
				return read_fail(js, err);
		}
		if (r == 0)
			return stream_fail(js, js->pos, NULL, "the object is cut short"
			    " ('}' expected)", err);
		if (js->buf[js->pos] != '"')
			return stream_fail(js, js->pos, NULL, "a string key expected", err);
		n = whole_value(js, err, &failed);
		if (failed)
			return read_fail(js, err);
		if ((key = json_loadb(js->buf + js->pos, n, JSON_DECODE_ANY, &jerr)) == NULL)
			return stream_fail(js, js->pos, &jerr, NULL, err);
		for (int i = 0; js->keys[i] != NULL && json_is_string(key); i++) {
			int m = path_match(js, js->keys[i], json_string_value(key));

			if (m == 2 && js->depth + 1 < FP_JSON_PATH_MAX)
				down = 1;
			else if (m == 1 && which < 0)
				which = i;
		}
		js->pos += n;
		js->members++;
		if ((r = skip_space(js, err)) < 0)
			goto read_failed;
		if (r == 0 || js->buf[js->pos] != ':') {
			json_decref(key);
			return stream_fail(js, js->pos, NULL, "':' expected", err);
		}
		js->pos++;
		if ((r = skip_space(js, err)) < 0)
			goto read_failed;
		if (r == 0) {
			json_decref(key);
			return stream_fail(js, js->pos, NULL, "the object is cut short", err);
		}
		want = which >= 0;
		if (want && js->keys[which][0] == FP_JSON_VALUE_MARK) {
			json_decref(key);
			js->key = which;
			js->in_list = 1;
			js->single = 1;
			js->list_count = 0;
			return FP_OK;
		}
		if (want && js->buf[js->pos] == '[') {
			json_decref(key);
			js->pos++;
			js->key = which;
			js->in_list = 1;
			js->list_count = 0;
			js->lists++;
			return FP_OK;
		}
		if (down && js->buf[js->pos] == '{') {
			js->path_members[js->depth] = js->members;
			js->path[js->depth++] = xstrdup(json_string_value(key));
			json_decref(key);
			js->members = 0;
			js->pos++;
			continue;
		}
		json_decref(key);
		/* another member: its value is dropped */
		if (skip_value(js, err) != FP_OK)
			return FP_FAILED;
		continue;
read_failed:
		json_decref(key);
		return read_fail(js, err);
	}
}

/* --- members cut out before parsing ------------------------------------ */

#define CUT_DEPTH	64	/* deeper elements are parsed whole */

static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* The end (one past the closing quote) of the string at b[i], or 0. */
static size_t
string_end(const char *b, size_t n, size_t i)
{
	for (i++; i < n; i++) {
		const char *q = memchr(b + i, '"', n - i), *bs;

		if (q == NULL)
			return 0;
		bs = memchr(b + i, '\\', (size_t)(q - b) - i);
		if (bs == NULL)
			return (size_t)(q - b) + 1;
		i = (size_t)(bs - b) + 1;	/* the escaped byte; the loop steps past */
	}
	return 0;
}

/* The end of the value at b[i] (brackets balanced, strings closed), or 0. */
static size_t
value_end(const char *b, size_t n, size_t i)
{
	int depth = 0;

	if (i >= n)
		return 0;
	if (b[i] == '"')
		return string_end(b, n, i);
	if (b[i] != '{' && b[i] != '[') {
		size_t j = i;

		while (j < n && !is_blank((unsigned char)b[j]) && b[j] != ',' &&
		    b[j] != '}' && b[j] != ']')
			j++;
		return j > i ? j : 0;
	}
	for (; i < n; i++) {
		if (b[i] == '"') {
			if ((i = string_end(b, n, i)) == 0)
				return 0;
			i--;
		} else if (b[i] == '{' || b[i] == '[')
			depth++;
		else if ((b[i] == '}' || b[i] == ']') && --depth == 0)
			return i + 1;
	}
	return 0;
}

/* Is the key (len bytes, then its closing quote) one of drop's names? The
 * first byte first: names are short, keys many. */
static int
is_dropped(const char *const *drop, const char *key, size_t len)
{
	for (size_t i = 0; drop[i] != NULL; i++)
		if (drop[i][0] == key[0] && strnlen(drop[i], len + 1) == len &&
		    memcmp(drop[i], key, len) == 0)
			return 1;
	return 0;
}

/* Bytes of a number or a literal (true, false, null): two of them may not
 * be joined where blanks stood between them. */
static int
is_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c == '.' || c == '+' || c == '-';
}

/*
 * The element b[0..n) compacted into out: without the blanks between its
 * tokens (X's and Meta's exports are indented: a third of their bytes,
 * each of which jansson would read through a call) and without its members
 * named in drop (NULL: none). 1 when out holds that, 0 when nothing was
 * taken out (or the bytes are not regular enough to cut safely: then the
 * element is parsed as it is). Blanks between two words ("1 2") stay, as
 * one space, so that what was not JSON does not become JSON.
 */
static int
compact_element(const char *b, size_t n, const char *const *drop, struct fp_buf *out)
{
	char stack[CUT_DEPTH];
	int depth = 0, changed = 0;
	char last = 0;			/* the last byte outside strings and blanks */
	size_t i = 0;
	char *o, *start;

	fp_buf_reset(out);
	fp_buf_grow(out, n);
	o = start = out->data;
	while (i < n) {
		unsigned char c = (unsigned char)b[i];

		if (c == '"') {
			size_t j = string_end(b, n, i), k, e;

			if (j == 0)
				return 0;
			if (drop == NULL || depth == 0 || stack[depth - 1] != '{' ||
			    (last != '{' && last != ',') ||
			    !is_dropped(drop, b + i + 1, j - i - 2)) {
				memcpy(o, b + i, j - i);
				o += j - i;
				last = '"';
				i = j;
				continue;
			}
			/* a key to cut: it, its value, and one comma */
			for (k = j; k < n && is_blank((unsigned char)b[k]); k++)
				;
			if (k == n || b[k] != ':')
				return 0;
			for (k++; k < n && is_blank((unsigned char)b[k]); k++)
				;
			if ((e = value_end(b, n, k)) == 0)
				return 0;
			for (k = e; k < n && is_blank((unsigned char)b[k]); k++)
				;
			if (k < n && b[k] == ',')
				i = k + 1;		/* the comma after it */
			else {
				/* the last member: the comma before it goes (no
				 * blank was written after it) */
				if (o > start && o[-1] == ',')
					o--;
				i = e;
			}
			changed = 1;
			continue;
		}
		if (is_blank(c)) {
			size_t k = i + 1;

			while (k < n && is_blank((unsigned char)b[k]))
				k++;
			if (o > start && k < n && is_word((unsigned char)o[-1]) &&
			    is_word((unsigned char)b[k]))
				*o++ = ' ';
			changed |= k - i > 1 || o == start || o[-1] != ' ';
			i = k;
			continue;
		}
		if (c == '{' || c == '[') {
			if (depth == CUT_DEPTH)
				return 0;
			stack[depth++] = (char)c;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return 0;
			depth--;
		}
		last = (char)c;
		*o++ = (char)c;
		i++;
	}
	if (!changed)
		return 0;
	out->len = (size_t)(o - start);
	out->data[out->len] = '\0';
	return 1;
}

/* Worth compacting: members to cut, or an indented element (a blank
 * after its first byte) of a size where a copy costs little. */
#define COMPACT_MAX	((size_t)4 << 20)

static int
worth_compacting(const char *const *drop, const char *elem, size_t n)
{
	if (drop != NULL)
		return 1;
	return n > 1 && n <= COMPACT_MAX && is_blank((unsigned char)elem[1]);
}

/* --- the elements ------------------------------------------------------ */

/*
 * On to the next element: FP_OK with it at pos (js->at_elem, so that a
 * second call stays there), FP_EOF after the list (or the lists), or
 * FP_FAILED with err.
 */
static int
to_element(struct fp_json_stream *js, struct fp_err *err)
{
	int r;

	if (js->at_elem)
		return FP_OK;
	for (;;) {
		if (js->done)
			return FP_EOF;
		if (js->in_object && !js->in_list && (r = seek_list(js, err)) != FP_OK)
			return r;
		if ((r = skip_space(js, err)) < 0)
			return read_fail(js, err);
		if (r == 0 || js->buf[js->pos] != ']' || js->single)
			break;
		if (!js->in_object)
			return stream_end(js, err);
		/* the end of one list in the object: on to the next, if any */
		js->pos++;
		js->in_list = 0;
	}
	if (js->list_count > 0) {
		if (r == 0 || js->buf[js->pos] != ',')
			return stream_fail(js, js->pos, NULL, r == 0 ?
			    "the list is cut short (']' expected)" : "',' or ']' expected", err);
		js->pos++;
		if ((r = skip_space(js, err)) < 0)
			return read_fail(js, err);
	}
	if (r == 0)
		return stream_fail(js, js->pos, NULL, "the list is cut short (']' expected)",
		    err);
	js->at_elem = 1;
	return FP_OK;
}

/* The length of the element at pos, its bytes whole in the window (the
 * rest of the input when it is cut short: jansson then says where and
 * how). FP_OK, or FP_FAILED on a read error. */
static int
element_span(struct fp_json_stream *js, size_t *n, struct fp_err *err)
{
	int r;

	js->scan_off = 0;
	js->scan_depth = 0;
	js->scan_in_str = 0;
	while ((*n = element_end(js)) == 0) {
		if ((r = refill(js, err)) < 0)
			return read_fail(js, err);
		if (r == 0) {
			*n = js->len - js->pos;
			break;
		}
	}
	return FP_OK;
}

/* Past the element of n bytes at pos. */
static void
element_done(struct fp_json_stream *js, size_t n)
{
	js->pos += n;
	js->at_elem = 0;
	js->index++;
	js->list_count++;
	if (js->single)		/* the one element of a value path */
		js->in_list = js->single = 0;
}

/*
 * Parse one element's n bytes (with the scratch buffers fixed and kept,
 * its blocks in arena a): invalid UTF-8 repaired (*bad bytes, the first at
 * *first_bad), compacted (compact_element) when that pays. Exactly one
 * value, or NULL with jerr placed in the bytes as they are: should the
 * compacted ones not parse, the element is parsed whole.
 */
static json_t *
parse_element(const char *elem, size_t n, const char *const *drop, struct fp_buf *fixed,
    struct fp_buf *kept, struct fp_json_arena *a, size_t *bad, size_t *first_bad,
    json_error_t *jerr)
{
	json_t *v = NULL;

	*bad = 0;
	*first_bad = 0;
	fp_json_arena_enter(a);
	/* the fast path checks the UTF-8 of what it reads: most elements are
	 * read once; the rest are repaired first when they are not UTF-8 */
	v = fp_json_parse_fast(elem, n, drop, kept);
	if (v == NULL && !fp_utf8_valid(elem, n)) {
		fp_buf_reset(fixed);
		*bad = fp_utf8_repair(fixed, elem, n, first_bad);
		elem = fixed->data;
		n = fixed->len;
		v = fp_json_parse_fast(elem, n, drop, kept);
	}
	if (v == NULL && worth_compacting(drop, elem, n) && compact_element(elem, n, drop, kept))
		v = json_loadb(kept->data, kept->len, JSON_DECODE_ANY | JSON_ALLOW_NUL, jerr);
	if (v == NULL)
		v = json_loadb(elem, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, jerr);
	fp_json_arena_leave();
	return v;
}

/* An element's scratch: buffers for parse_element, and the arena its
 * tree's blocks come from. */
struct elem_bufs {
	struct fp_buf		*fixed, *kept;
	struct fp_json_arena	*arena;
};

#define ELEM_BIG	1	/* read_element: bigger than asked, not read */

/*
 * The element at pos (to_element found it), parsed into *out and passed.
 * Most are objects, parsed straight from the window, where their end is
 * found on the way; the rest (and an object the window cuts, or one that
 * is not plain) are spanned first (element_span), then parsed whole
 * (parse_element). *bad bytes of it were not UTF-8 and were repaired; the
 * first bad byte of the stream is placed in js->bad_line, js->bad_col and
 * js->bad_bytes counts them all. FP_OK, with *out NULL when the element is
 * not JSON (err says where, js->done); FP_FAILED on a read error;
 * ELEM_BIG, nothing read, when big > 0 and the element is bigger.
 */
static int
read_element(struct fp_json_stream *js, const struct elem_bufs *eb, size_t big,
    json_t **out, size_t *bad, struct fp_err *err)
{
	json_error_t jerr;
	size_t n, first_bad;

	*bad = 0;
	fp_json_arena_enter(eb->arena);
	*out = fp_json_parse_prefix(js->buf + js->pos, js->len - js->pos, js->drop, eb->kept,
	    &n);
	fp_json_arena_leave();
	if (*out != NULL && big > 0 && n > big) {
		json_decref(*out);	/* a window grown by one before */
		*out = NULL;
		return ELEM_BIG;
	}
	if (*out == NULL) {
		if (element_span(js, &n, err) != FP_OK)
			return FP_FAILED;
		if (big > 0 && n > big)
			return ELEM_BIG;
		*out = parse_element(js->buf + js->pos, n, js->drop, eb->fixed, eb->kept,
		    eb->arena, bad, &first_bad, &jerr);
		if (*bad > 0) {
			if (js->bad_bytes == 0)
				stream_place(js, js->pos + first_bad, &js->bad_line, &js->bad_col);
			js->bad_bytes += *bad;
		}
		if (*out == NULL) {
			stream_fail(js, js->pos, &jerr, NULL, err);
			return FP_OK;
		}
	}
	element_done(js, n);
	return FP_OK;
}

/* The next element, read and parsed here. */
static int
next_here(struct fp_json_stream *js, json_t **out, struct fp_err *err)
{
	struct elem_bufs eb = { &js->fixed, &js->kept, &js->arena };
	size_t bad;
	int r;

	fp_json_arena_reset(&js->arena);	/* the element before is done with */
	if ((r = to_element(js, err)) != FP_OK || (r = read_element(js, &eb, 0, out, &bad,
	    err)) != FP_OK)
		return r;
	return *out != NULL ? FP_OK : FP_FAILED;
}

/* --- parsing ahead, on another thread ---------------------------------- */

/*
 * In ahead mode (fp_json_stream_ahead), the reading state moves to a
 * worker, which reads the input and parses the elements a batch at a time
 * while the caller goes on with the batch before; the elements are handed
 * out in order, each with the key, list count and bad bytes it had when
 * it was read, so that what the caller sees is what it would see without.
 * The worker's tasks run one after another: only it touches the state.
 * An element bigger than AHEAD_BIG is not parsed there (batches in flight
 * would hold a big tree each): the worker pauses, the caller takes every
 * batch back, then parses it itself, in the window.
 */
#define AHEAD_BYTES	((size_t)1 << 20)	/* a batch's bytes, about */
#define AHEAD_ELEMS	1024			/* and at most its elements */
#define AHEAD_BIG	AHEAD_BYTES
#define AHEAD_DEPTH	3			/* batches */

struct ahead_elem {
	json_t		*v;		/* NULL: not JSON (the batch's last) */
	int		 key, lists;	/* js->key and js->lists once read */
	size_t		 bad;		/* bytes repaired */
	int		 bad_line, bad_col; /* the stream's first, if in it */
};

struct ahead_batch {
	struct ahead_elem *e;
	size_t		 n, cap;
	size_t		 next;		/* the next to hand out */
	/* after the elements */
	int		 end;		/* FP_OK; or FP_EOF, FP_FAILED: the last */
	struct fp_err	 end_err;	/* FP_FAILED, or an element not JSON */
	int		 end_key, end_lists;
	int		 big;		/* a big element next: the caller's */
	struct fp_json_arena arena;
	struct fp_buf	 fixed, kept;
};

struct fp_json_ahead {
	struct fp_json_stream	 scan;	/* the reading state: the worker's */
	int			 stopped; /* the worker's: at the end */
	int			 paused;  /* at a big element, till the caller
					   * has read it */
	struct fp_workq		*q;
	struct ahead_batch	 batch[AHEAD_DEPTH];
	struct ahead_batch	*free[AHEAD_DEPTH];
	int			 nfree;
	struct ahead_batch	*cur;	/* being handed out */
};

/* The worker: fill b with the elements that come next, up to its size. */
static void
ahead_read(void *ctx, int worker, void *task)
{
	struct fp_json_ahead *a = ctx;
	struct ahead_batch *b = task;
	struct fp_json_stream *js = &a->scan;
	struct elem_bufs eb = { &b->fixed, &b->kept, &b->arena };
	size_t from = js->base + js->pos;

	(void)worker;
	b->n = b->next = 0;
	b->end = a->stopped ? FP_EOF : FP_OK;	/* after the end: nothing */
	b->big = 0;
	fp_err_clear(&b->end_err);
	while (!a->stopped && !a->paused && b->n < AHEAD_ELEMS &&
	    js->base + js->pos - from < AHEAD_BYTES) {
		struct ahead_elem *e;
		int r, bad_before = js->bad_bytes == 0;

		if ((r = to_element(js, &b->end_err)) != FP_OK) {
			b->end = r;
			a->stopped = 1;
			break;
		}
		if (b->n == b->cap) {
			b->cap = b->cap ? b->cap * 2 : 64;
			b->e = xreallocarray(b->e, b->cap, sizeof *b->e);
		}
		e = &b->e[b->n];
		e->key = js->key;
		e->lists = js->lists;
		r = read_element(js, &eb, AHEAD_BIG, &e->v, &e->bad, &b->end_err);
		if (r == ELEM_BIG) {
			b->big = 1;
			a->paused = 1;
			break;
		}
		if (r != FP_OK) {
			b->end = r;
			a->stopped = 1;
			break;
		}
		b->n++;
		if (e->bad > 0 && bad_before) {
			e->bad_line = js->bad_line;
			e->bad_col = js->bad_col;
		}
		if (e->v == NULL) {
			b->end = FP_FAILED;
			a->stopped = 1;
		}
	}
	b->end_key = js->key;
	b->end_lists = js->lists;
}

/* Done with b: what was not handed out goes, and b is free again. */
static void
ahead_recycle(struct fp_json_ahead *a, struct ahead_batch *b)
{
	for (size_t i = b->next; i < b->n; i++)
		json_decref(b->e[i].v);
	b->n = b->next = 0;
	fp_json_arena_reset(&b->arena);
	a->free[a->nfree++] = b;
}

int
fp_json_stream_ahead(struct fp_json_stream *js, int workers)
{
	struct fp_json_ahead *a;

	if (js->read == NULL || js->ahead != NULL || js->done)
		return -1;
	a = xcalloc(1, sizeof *a);
	/* the reading state moves; js keeps what callers look at */
	a->scan = *js;
	js->buf = js->own = NULL;
	js->len = js->pos = js->cap = 0;
	memset(js->path, 0, sizeof js->path);
	js->depth = 0;
	memset(&js->fixed, 0, sizeof js->fixed);
	memset(&js->kept, 0, sizeof js->kept);
	memset(&js->arena, 0, sizeof js->arena);
	for (int i = 0; i < AHEAD_DEPTH; i++)
		a->free[a->nfree++] = &a->batch[i];
	/* one worker at most: the batches are read in turn */
	a->q = fp_workq_new(workers > 0 ? 1 : 0, AHEAD_DEPTH, ahead_read, a);
	js->ahead = a;
	return 0;
}

/* The big element the worker paused at, every batch before it handed
 * out: read here, once the worker is idle. */
static int
next_big(struct fp_json_stream *js, json_t **out, struct fp_err *err)
{
	struct fp_json_ahead *a = js->ahead;
	struct fp_json_stream *s = &a->scan;
	struct ahead_batch *b;
	int r;

	while ((b = fp_workq_collect(a->q)) != NULL)	/* empty: paused */
		ahead_recycle(a, b);
	a->paused = 0;
	r = next_here(s, out, err);
	js->bad_bytes = s->bad_bytes;
	js->bad_line = s->bad_line;
	js->bad_col = s->bad_col;
	js->key = s->key;
	js->lists = s->lists;
	if (r == FP_OK)
		js->index++;
	else {
		js->done = 1;
		a->stopped = 1;
	}
	return r;
}

static int
next_ahead(struct fp_json_stream *js, json_t **out, struct fp_err *err)
{
	struct fp_json_ahead *a = js->ahead;

	fp_json_arena_reset(&a->scan.arena);	/* a big element before */
	for (;;) {
		struct ahead_batch *b = a->cur;

		if (b != NULL && b->next < b->n) {
			struct ahead_elem *e = &b->e[b->next++];

			if (e->bad > 0) {
				if (js->bad_bytes == 0) {
					js->bad_line = e->bad_line;
					js->bad_col = e->bad_col;
				}
				js->bad_bytes += e->bad;
			}
			js->key = e->key;
			js->lists = e->lists;
			if (e->v == NULL) {
				js->done = 1;
				*err = b->end_err;
				return FP_FAILED;
			}
			js->index++;
			*out = e->v;
			return FP_OK;
		}
		if (b != NULL) {
			/* every element of b handed out: then what it ended at */
			js->key = b->end_key;
			js->lists = b->end_lists;
			if (b->end != FP_OK) {
				js->done = 1;
				if (b->end == FP_FAILED)
					*err = b->end_err;
				return b->end;
			}
			a->cur = NULL;
			ahead_recycle(a, b);
			if (b->big)
				return next_big(js, out, err);
		}
		while (a->nfree > 0)
			fp_workq_submit(a->q, a->free[--a->nfree]);
		if ((a->cur = fp_workq_collect(a->q)) == NULL) {
			js->done = 1;	/* cannot be: the last batch says how it ends */
			return FP_EOF;
		}
	}
}

static void
ahead_free(struct fp_json_ahead *a)
{
	struct ahead_batch *b;

	if (a->cur != NULL)
		ahead_recycle(a, a->cur);
	while ((b = fp_workq_collect(a->q)) != NULL)
		ahead_recycle(a, b);
	fp_workq_free(a->q);
	for (int i = 0; i < AHEAD_DEPTH; i++) {
		b = &a->batch[i];
		free(b->e);
		fp_json_arena_release(&b->arena);
		fp_buf_release(&b->fixed);
		fp_buf_release(&b->kept);
	}
	fp_json_stream_release(&a->scan);
	free(a);
}

int
fp_json_stream_next(struct fp_json_stream *js, json_t **out, struct fp_err *err)
{
	*out = NULL;
	if (js->done)
		return FP_EOF;
	if (js->ahead != NULL)
		return next_ahead(js, out, err);
	return next_here(js, out, err);
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

json_t *
fp_json_loads(const char *s, size_t flags)
{
	struct fp_buf scratch = FP_BUF_INIT;
	size_t n;
	json_t *v = NULL;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	if (((flags & JSON_DECODE_ANY) || starts_with_bracket(s, n)) &&
	    ((flags & JSON_ALLOW_NUL) || strstr(s, "\\u0000") == NULL))
		v = fp_json_parse_fast(s, n, NULL, &scratch);
	fp_buf_release(&scratch);
	return v != NULL ? v : json_loads(s, flags, NULL);
}

static int
dump_piece(const char *piece, size_t n, void *ud)
{
	fp_buf_add(ud, piece, n);
	return 0;
}

char *
fp_json_dumps(const json_t *v, size_t flags)
{
	struct fp_buf b = FP_BUF_INIT;

	if (json_dump_callback(v, dump_piece, &b, flags) != 0) {
		fp_buf_release(&b);
		return NULL;
	}
	return fp_buf_detach(&b);
}
