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
#include "source.h"

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

/* Largest window a reader stream grows to: one element's bytes. */
#define STREAM_MAX	FP_SOURCE_MAX_MEMBER
#define STREAM_CHUNK	((size_t)1 << 20)

/* Line and column of buf[off], counting from the window's start. Both
 * stop at INT_MAX (a file of one 2 GiB line has columns past it). */
static void
stream_place(const struct fp_json_stream *js, size_t off, int *line, int *col)
{
	const char *p = js->buf, *end = js->buf + off, *nl;
	int l = js->line;
	size_t c = (size_t)js->col;

	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		if (l < INT_MAX)
			l++;
		c = 1;
		p = nl + 1;
	}
	c += fp_utf8_chars(p, (size_t)(end - p));
	*line = l;
	*col = c > INT_MAX ? INT_MAX : (int)c;
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
		stream_place(js, js->pos, &js->line, &js->col);
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

void
fp_json_stream_release(struct fp_json_stream *js)
{
	for (int d = 0; d < js->depth; d++)
		free(js->path[d]);
	free(js->own);
	fp_buf_release(&js->fixed);
	fp_buf_release(&js->kept);
	fp_json_arena_release(&js->arena);
	stream_init(js);
}

/* err: "line L, column C: not valid JSON: what", the place in the file. */
static int
stream_fail(struct fp_json_stream *js, size_t off, const json_error_t *jerr,
    const char *what, struct fp_err *err)
{
	int line, col;

	stream_place(js, off, &line, &col);
	if (jerr != NULL && jerr->line > 0) {
		long long c = jerr->line == 1 ? (long long)col + jerr->column - 1 : jerr->column;
		long long l = (long long)line + jerr->line - 1;

		col = c > INT_MAX ? INT_MAX : (int)c;
		line = l > INT_MAX ? INT_MAX : (int)l;
	}
	fp_err_set(err, FP_FAILED, "line %d, column %d: not valid JSON: %s", line, col,
	    jerr != NULL ? jerr->text : what);
	js->done = 1;
	return FP_FAILED;
}

/*
 * Where the element at js->pos ends: its length, or 0 when the window
 * ends first (js->scan keeps how far it got, to go on after a refill).
 * Only brackets and strings are followed; jansson judges the rest.
 */
static size_t
element_end(struct fp_json_stream *js)
{
	const unsigned char *b = (const unsigned char *)js->buf + js->pos, *q = NULL;
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
			/* a string's bytes: go from backslash to backslash
			 * up to the closing quote */
			const unsigned char *bs;
			size_t lim;

			if (q == NULL || q < b + i)
				q = memchr(b + i, '"', n - i);
			lim = q != NULL ? (size_t)(q - b) : n;
			if ((bs = memchr(b + i, '\\', lim - i)) != NULL) {
				if ((size_t)(bs - b) + 1 >= n) {
					i = (size_t)(bs - b);	/* the escaped byte is to come */
					break;
				}
				i = (size_t)(bs - b) + 2;
				continue;
			}
			if (q == NULL) {
				i = n;
				break;
			}
			i = lim + 1;
			in_str = 0;
			if (depth == 0) {	/* a bare string element */
				found = i;
				break;
			}
			continue;
		}
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

/*
 * The element b[0..n) without its members named in drop, into out: 1 when
 * something was cut, 0 when nothing was (or the bytes are not regular
 * enough to cut safely: then the element is parsed as it is).
 */
static int
cut_members(const char *b, size_t n, const char *const *drop, struct fp_buf *out)
{
	char stack[CUT_DEPTH];
	int depth = 0, cut = 0;
	char last = 0;			/* the last byte outside strings and blanks */
	size_t i = 0, run = 0;

	fp_buf_reset(out);
	while (i < n) {
		char c = b[i];

		if (c == '"') {
			size_t j = string_end(b, n, i), k, e;

			if (j == 0)
				return 0;
			if (depth == 0 || stack[depth - 1] != '{' || (last != '{' && last != ',') ||
			    !is_dropped(drop, b + i + 1, j - i - 2)) {
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
			fp_buf_add(out, b + run, i - run);
			for (k = e; k < n && is_blank((unsigned char)b[k]); k++)
				;
			if (k < n && b[k] == ',')
				i = k + 1;		/* the comma after it */
			else {
				/* the last member: the comma before it goes */
				size_t t = out->len;

				while (t > 0 && is_blank((unsigned char)out->data[t - 1]))
					t--;
				if (t > 0 && out->data[t - 1] == ',')
					out->len = t - 1;
				i = e;
			}
			run = i;
			cut = 1;
			continue;
		}
		if (c == '{' || c == '[') {
			if (depth == CUT_DEPTH)
				return 0;
			stack[depth++] = c;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return 0;
			depth--;
		}
		if (!is_blank((unsigned char)c))
			last = c;
		i++;
	}
	if (!cut)
		return 0;
	fp_buf_add(out, b + run, n - run);
	return 1;
}

int
fp_json_stream_next(struct fp_json_stream *js, json_t **out, struct fp_err *err)
{
	json_error_t jerr;
	const char *elem;
	size_t n, whole;
	int r;

	*out = NULL;
	fp_json_arena_reset(&js->arena);	/* the element before is done with */
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
	/* the element's bytes, whole in the window */
	js->scan_off = 0;
	js->scan_depth = 0;
	js->scan_in_str = 0;
	while ((n = element_end(js)) == 0) {
		if ((r = refill(js, err)) < 0)
			return read_fail(js, err);
		if (r == 0) {
			/* cut short: jansson says where and how */
			n = js->len - js->pos;
			break;
		}
	}
	elem = js->buf + js->pos;
	whole = n;
	if (!fp_utf8_valid(elem, n)) {
		size_t first_bad = 0, bad;

		fp_buf_reset(&js->fixed);
		bad = fp_utf8_repair(&js->fixed, elem, n, &first_bad);
		if (js->bad_bytes == 0)
			stream_place(js, js->pos + first_bad, &js->bad_line, &js->bad_col);
		js->bad_bytes += bad;
		elem = js->fixed.data;
		n = js->fixed.len;
	}
	/* exactly one value in those bytes, or an error that says where; with
	 * members cut out, the error and its place are those of the bytes as
	 * they are (should the cut ones parse, the element is taken whole) */
	fp_json_arena_enter(&js->arena);
	*out = NULL;
	if (js->drop != NULL && cut_members(elem, n, js->drop, &js->kept))
		*out = json_loadb(js->kept.data, js->kept.len, JSON_DECODE_ANY |
		    JSON_ALLOW_NUL, &jerr);
	if (*out == NULL)
		*out = json_loadb(elem, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
	fp_json_arena_leave();
	if (*out == NULL)
		return stream_fail(js, js->pos, &jerr, NULL, err);
	js->pos += whole;
	js->index++;
	js->list_count++;
	if (js->single)		/* the one element of a value path */
		js->in_list = js->single = 0;
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
