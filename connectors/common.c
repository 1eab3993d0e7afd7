/*
 * common.c: what the connectors share (see conn-util.h): the item queue,
 * reading an export file by file, finding members by the tail of their
 * path, JSON with Meta's mojibake undone, and CSV with preambles.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>

#include "footprint.h"
#include "conn-util.h"
#include "jsfile.h"
#include "workq.h"

struct fp_item *
fp_itemq_push(struct fp_itemq *q, struct fp_conn *conn, const char *platform,
    enum fp_kind kind, const char *file, long index)
{
	struct fp_item *it;

	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 16;
		q->v = xreallocarray(q->v, q->cap, sizeof *q->v);
	}
	it = &q->v[q->n++];
	fp_item_init(it);
	it->platform = platform;
	it->kind = kind;
	it->account = xstrdup(conn->account != NULL ? conn->account : "");
	it->source_file = file != NULL ? xstrdup(file) : NULL;
	it->source_index = index;
	return it;
}

void
fp_itemq_field(struct fp_itemq *q, struct fp_conn *conn, const char *platform,
    enum fp_kind kind, const char *value, const char *url, const char *file)
{
	struct fp_item *it;

	if (value == NULL || value[0] == '\0')
		return;
	it = fp_itemq_push(q, conn, platform, kind, file, -1);
	it->text = xstrdup(value);
	it->url = url != NULL ? xstrdup(url) : NULL;
}

void
fp_itemq_release(struct fp_itemq *q)
{
	for (size_t i = q->pos; i < q->n; i++)
		fp_item_release(&q->v[i]);
	free(q->v);
	memset(q, 0, sizeof *q);
}

static void
batch_add(struct fp_batch *b, size_t member, fp_file_fn fn,
    const struct fp_list_reader *list, const struct fp_csv_reader *csv, int order)
{
	for (size_t i = 0; i < b->nfiles; i++)
		if (b->files[i].member == member && b->files[i].fn == fn &&
		    b->files[i].list == list && b->files[i].csv == csv)
			return;
	b->files = xreallocarray(b->files, b->nfiles + 1, sizeof *b->files);
	b->files[b->nfiles].member = member;
	b->files[b->nfiles].fn = fn;
	b->files[b->nfiles].list = list;
	b->files[b->nfiles].csv = csv;
	b->files[b->nfiles].order = order;
	b->nfiles++;
}

void
fp_batch_add(struct fp_batch *b, size_t member, fp_file_fn fn, int order)
{
	batch_add(b, member, fn, NULL, NULL, order);
}

void
fp_batch_add_list(struct fp_batch *b, size_t member, const struct fp_list_reader *list,
    int order)
{
	batch_add(b, member, list->whole, list, NULL, order);
}

void
fp_batch_add_csv(struct fp_batch *b, size_t member, const struct fp_csv_reader *csv,
    int order)
{
	batch_add(b, member, NULL, NULL, csv, order);
}

static long
member_read(void *ud, char *buf, size_t n, struct fp_err *err)
{
	return fp_member_read(ud, buf, n, err);
}

static void
list_close(struct fp_batch *b)
{
	fp_json_stream_release(&b->js);
	fp_csv_release(&b->csv);
	fp_member_close(b->member);
	b->member = NULL;
	b->list = NULL;
	b->csvr = NULL;
}

/* Start streaming file f: 1 when streaming, 0 to read it whole, -1 when
 * it is unreadable (warned). */
static int
list_open(struct fp_conn *conn, struct fp_batch *b, struct fp_batch_file *f)
{
	struct fp_envelope_info info;
	struct fp_err err;
	int whole;

	fp_err_clear(&err);
	if (fp_member_open(conn->src, f->member, &b->member, &err) != FP_OK) {
		fp_conn_warn(conn, b->name, "%s", err.msg);
		return -1;
	}
	b->list = f->list;
	if (fp_json_stream_open_reader(&b->js, member_read, b->member, f->list->keys,
	    &info, &err) == FP_OK) {
		if (fp_jobs() > 1)
			fp_json_stream_ahead(&b->js, 1);
		return 1;
	}
	whole = b->js.not_array;
	if (!whole && !f->list->quiet)
		fp_conn_warn(conn, b->name, "%s; file skipped", err.msg);
	list_close(b);
	return whole ? 0 : -1;
}

/* At the end of a list: what went wrong, if anything. */
static void
list_warn(struct fp_conn *conn, struct fp_batch *b, int rc, const struct fp_err *err)
{
	if (b->js.bad_bytes > 0)
		fp_conn_warn(conn, b->name, "line %d, column %d: invalid UTF-8 (%zu bad"
		    " byte%s replaced with U+FFFD)", b->js.bad_line, b->js.bad_col,
		    b->js.bad_bytes, b->js.bad_bytes == 1 ? "" : "s");
	if (rc == FP_FAILED)
		fp_conn_warn(conn, b->name, "%s; the rest of the file is skipped (%ld"
		    " element%s read)", err->msg, b->js.index, b->js.index == 1 ? "" : "s");
	else if (b->js.lists == 0 && b->list->missing != NULL)
		fp_conn_warn(conn, b->name, "%s", b->list->missing);
}

/* The next element of the list being streamed into b->q; 0 at its end. */
static int
list_next(struct fp_conn *conn, struct fp_batch *b)
{
	struct fp_err err;
	json_t *e;
	long index = b->js.index;
	int rc = fp_json_stream_next(&b->js, &e, &err);

	if (rc == FP_OK) {
		if (b->list->meta) {
			json_t *fixed = fp_json_unmojibake(e);

			json_decref(e);
			e = fixed;
		}
		if (b->list->each_key != NULL)
			b->list->each_key[b->js.key](conn, b->name, e, index, &b->q);
		else
			b->list->each(conn, b->name, e, index, &b->q);
		json_decref(e);
		return 1;
	}
	if (!b->list->quiet)
		list_warn(conn, b, rc, &err);
	list_close(b);
	return 0;
}

static int csv_header(struct fp_conn *conn, const char *name, struct fp_csv *csv,
	    const char *must_have);

/* Start streaming CSV file f: 0, or -1 when it is unreadable or not the
 * file expected (warned). */
static int
csv_open(struct fp_conn *conn, struct fp_batch *b, struct fp_batch_file *f)
{
	struct fp_err err;

	fp_err_clear(&err);
	if (fp_member_open(conn->src, f->member, &b->member, &err) != FP_OK) {
		fp_conn_warn(conn, b->name, "%s", err.msg);
		return -1;
	}
	fp_csv_init_reader(&b->csv, member_read, b->member);
	fp_csv_set_flags(&b->csv, f->csv->flags | FP_CSV_REPAIR);
	if (csv_header(conn, b->name, &b->csv, f->csv->must_have) != FP_OK) {
		list_close(b);
		return -1;
	}
	b->csvr = f->csv;
	return 0;
}

static void
csv_warn_bad(struct fp_conn *conn, const char *name, const struct fp_csv *csv)
{
	if (csv->bad_bytes > 0)
		fp_conn_warn(conn, name, "line %ld, column %d: invalid UTF-8 (%zu bad"
		    " byte%s read as U+FFFD)", csv->bad_line, csv->bad_col, csv->bad_bytes,
		    csv->bad_bytes == 1 ? "" : "s");
}

/* The next row of the CSV file being streamed into b->q. */
static void
csv_next(struct fp_conn *conn, struct fp_batch *b)
{
	struct fp_err err;
	int rc = fp_csv_next(&b->csv, &err);

	if (rc == FP_OK && b->csvr->row(conn, b->name, &b->csv, b->csvr->kind, &b->q) == 0)
		return;
	csv_warn_bad(conn, b->name, &b->csv);
	if (rc == FP_FAILED)
		fp_conn_warn(conn, b->name, "%s; the rest of the file is skipped (%ld"
		    " row%s read)", err.msg, b->csv.rows, b->csv.rows == 1 ? "" : "s");
	list_close(b);
}

static int
cmp_file(const void *a, const void *b)
{
	const struct fp_batch_file *x = a, *y = b;

	if (x->order != y->order)
		return x->order - y->order;
	return x->member < y->member ? -1 : x->member > y->member;
}

void
fp_batch_sort(struct fp_batch *b)
{
	if (b->nfiles > 1)	/* qsort(NULL, 0) is undefined */
		qsort(b->files, b->nfiles, sizeof *b->files, cmp_file);
}

int
fp_batch_next(struct fp_conn *conn, struct fp_batch *b, struct fp_item *item)
{
	for (;;) {
		struct fp_batch_file *f;
		struct fp_err err;
		char *data = NULL;
		size_t len;
		const char *name;

		if (b->q.pos < b->q.n) {
			*item = b->q.v[b->q.pos++];
			return FP_OK;
		}
		b->q.n = b->q.pos = 0;
		if (b->list != NULL) {
			list_next(conn, b);
			continue;
		}
		if (b->csvr != NULL) {
			csv_next(conn, b);
			continue;
		}
		if (b->cur >= b->nfiles)
			return FP_EOF;
		f = &b->files[b->cur++];
		name = fp_source_name(conn->src, f->member);
		b->name = name;
		if (f->list != NULL) {
			int r = list_open(conn, b, f);

			if (r != 0)
				continue;	/* streaming, or skipped */
		}
		if (f->csv != NULL) {
			csv_open(conn, b, f);
			continue;
		}
		if (fp_source_read(conn->src, f->member, FP_SOURCE_MAX_MEMBER, &data, &len,
		    &err) != FP_OK) {
			fp_conn_warn(conn, name, "%s", err.msg);
			continue;
		}
		f->fn(conn, name, data, len, &b->q);
		free(data);
	}
}

void
fp_batch_release(struct fp_batch *b)
{
	list_close(b);
	free(b->files);
	fp_itemq_release(&b->q);
	memset(b, 0, sizeof *b);
}

int
fp_name_tail(const char *name, const char *tail)
{
	size_t n = strlen(name), t = strlen(tail);

	if (n < t || strcasecmp(name + n - t, tail) != 0)
		return 0;
	return n == t || name[n - t - 1] == '/';
}

int
fp_name_base(const char *name, const char *prefix, const char *suffix)
{
	const char *base = fp_basename(name);

	return strncasecmp(base, prefix, strlen(prefix)) == 0 &&
	    fp_has_suffix_icase(base, suffix);
}

long
fp_source_find_tail(const struct fp_source *src, const char *tail)
{
	for (size_t i = 0; i < fp_source_count(src); i++)
		if (fp_name_tail(fp_source_name(src, i), tail))
			return (long)i;
	return -1;
}

/* --- JSON --------------------------------------------------------------- */

/* "donâ€™t" read from \u00XX escapes: the code points are bytes of UTF-8. */
static char *
unmojibake(const char *s, size_t len)
{
	struct fp_buf b = FP_BUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	int high = 0;

	for (size_t i = 0; i < len;) {
		unsigned cp;

		if (p[i] < 0x80) {
			fp_buf_addc(&b, (char)p[i++]);
			continue;
		}
		/* only two-byte sequences (U+0080..U+00FF) are mojibake */
		if ((p[i] & 0xe0) != 0xc0 || i + 1 >= len) {
			fp_buf_release(&b);
			return NULL;
		}
		cp = ((p[i] & 0x1f) << 6) | (p[i + 1] & 0x3f);
		if (cp > 0xff) {
			fp_buf_release(&b);
			return NULL;
		}
		fp_buf_addc(&b, (char)cp);
		high = 1;
		i += 2;
	}
	if (!high || !fp_utf8_valid(fp_buf_str(&b), b.len)) {
		fp_buf_release(&b);
		return NULL;	/* nothing to undo, or really Latin-1: keep */
	}
	return fp_buf_detach(&b);
}

json_t *
fp_json_unmojibake(json_t *v)
{
	const char *key;
	json_t *val, *out;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_STRING: {
		char *fixed = unmojibake(json_string_value(v), json_string_length(v));

		if (fixed == NULL)
			return json_incref(v);
		out = json_string(fixed);
		free(fixed);
		return out != NULL ? out : json_incref(v);
	}
	case JSON_ARRAY:
		out = json_array();
		json_array_foreach(v, i, val)
			json_array_append_new(out, fp_json_unmojibake(val));
		return out;
	case JSON_OBJECT:
		out = json_object();
		json_object_foreach(v, key, val) {
			char *fixed = unmojibake(key, strlen(key));

			json_object_set_new(out, fixed ? fixed : key, fp_json_unmojibake(val));
			free(fixed);
		}
		return out;
	default:
		return json_incref(v);
	}
}

json_t *
fp_conn_json(struct fp_conn *conn, const char *name, char *data, size_t len, int meta)
{
	struct fp_envelope_info info;
	struct fp_err err;
	char *warn = NULL;
	json_t *doc = fp_json_load_js(data, len, &info, &warn, &err);

	if (warn != NULL) {
		fp_conn_warn(conn, name, "%s", warn);
		free(warn);
	}
	if (doc == NULL) {
		fp_conn_warn(conn, name, "%s; file skipped", err.msg);
		return NULL;
	}
	if (meta) {
		json_t *fixed = fp_json_unmojibake(doc);

		json_decref(doc);
		doc = fixed;
	}
	return doc;
}

const char *
fp_jstr(const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

int64_t
fp_jtime(const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	int64_t t;

	if (json_is_integer(v) || json_is_real(v)) {
		double d = json_number_value(v);

		/* NaN, infinities and the absurd: unknown */
		if (!(d > -1e15 && d < 1e15))
			return FP_TIME_NONE;
		t = json_is_integer(v) ? (int64_t)json_integer_value(v) : (int64_t)d;
		if (t > 100000000000LL)		/* milliseconds */
			t /= 1000;
		/* junk such as 0 or a truncated 1708072 */
		return t >= 946684800 ? t : FP_TIME_NONE;
	}
	if (json_is_string(v))
		return fp_time_parse(json_string_value(v));
	return FP_TIME_NONE;
}

/* --- CSV ---------------------------------------------------------------- */

/* The header: the first of the first 12 rows that holds column must_have
 * (any row when NULL); the rows before it are a preamble. */
static int
csv_header(struct fp_conn *conn, const char *name, struct fp_csv *csv,
    const char *must_have)
{
	for (int tries = 0; tries < 12; tries++) {
		if (fp_csv_read_header(csv) != FP_OK)
			break;
		if (must_have == NULL || fp_csv_col(csv, must_have) >= 0)
			return FP_OK;
	}
	fp_conn_warn(conn, name, "line 1: no '%s' column: not the file footprint"
	    " expected; skipped", must_have ? must_have : "?");
	return FP_FAILED;
}

int
fp_conn_csv(struct fp_conn *conn, const char *name, char *data, size_t len, int flags,
    const char *must_have, struct fp_csv *csv)
{
	fp_csv_init(csv, data, len);
	fp_csv_set_flags(csv, flags | FP_CSV_REPAIR);
	if (csv_header(conn, name, csv, must_have) != FP_OK) {
		fp_csv_release(csv);
		return FP_FAILED;
	}
	return FP_OK;
}

void
fp_conn_csv_done(struct fp_conn *conn, const char *name, struct fp_csv *csv)
{
	csv_warn_bad(conn, name, csv);
	fp_csv_release(csv);
}

const char *
fp_csv_get(const struct fp_csv *csv, const char *const *names)
{
	for (size_t i = 0; names[i] != NULL; i++) {
		int c = fp_csv_col(csv, names[i]);

		if (c >= 0)
			return fp_csv_field(csv, c);
	}
	return NULL;
}
