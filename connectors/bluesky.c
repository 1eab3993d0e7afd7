/*
 * bluesky.c: a Bluesky repository export (repo.car): CAR v1 framing over
 * DAG-CBOR blocks, decoded with libcbor: ../shared/research/formats.md §7.
 *
 * The header names the root commit; the commit names the root of the
 * Merkle search tree (MST); an in-order walk of the tree yields every live
 * record with its full key (collection/rkey), rebuilt from the prefix-
 * compressed keys. Blocks the walk does not reach (the old history older
 * exports carry) are never read, so nothing is counted twice. Posts,
 * replies, quotes, likes, reposts and the profile become items; follows and
 * blocks are not audited. The account is the repository's DID.
 *
 * The file is read twice as it is decompressed, so that it is never whole
 * in memory: the first pass keeps only the commit and the tree's nodes
 * (maps whose first key is "e" or "l"), walks the tree and notes which
 * record is under which key; the second decodes those records one block at
 * a time and hands their items out as it goes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <cbor.h>
#include <jansson.h>

#include "footprint.h"
#include "bluesky.h"
#include "conn-util.h"

#define MAX_DEPTH	64

/* A CID: how blocks and records are found. */
struct cid_ref {
	const unsigned char	*cid;
	size_t			 len;
};

/* A block: its CID, its bytes and where they are in the file. */
struct block {
	struct cid_ref		 ref;		/* first: see cid_index */
	const unsigned char	*data;
	size_t			 len;
	size_t			 off;
};

/* A record the walk reached: its CID, key and place in key order. */
struct wanted {
	struct cid_ref		 ref;		/* first: see cid_index */
	char			*key;
	long			 index;
	int			 done;
};

/* An open-addressing index over an array of elements that each begin
 * with a struct cid_ref (struct block, struct wanted). */
struct cid_index {
	size_t		*slot;		/* element + 1, 0 = empty */
	size_t		 cap;
	const char	*base;
	size_t		 stride;
};

/* A CAR member read as it is decompressed. */
struct car_reader {
	struct fp_member *m;
	unsigned char	*buf;
	size_t		 len, pos, cap;
	size_t		 base;		/* offset in the file of buf[0] */
	int		 eof;
};

/* The CAR being read. */
struct car {
	struct fp_conn	*conn;
	const char	*name;
	size_t		 member;
	struct car_reader rd;
	unsigned char	*root;		/* the root commit's CID */
	size_t		 rootn;
	/* first pass: the commit and the tree's nodes */
	struct block	*blocks;
	size_t		 nblocks;
	struct cid_index bindex;
	/* second pass: the records the walk reached */
	struct wanted	*want;
	size_t		 nwant;
	struct cid_index windex;
	char		*did;
	struct fp_itemq	*q;
};

struct bluesky_state {
	size_t		*members;	/* the .car files */
	size_t		 nmembers, cur;
	struct car	*car;		/* the one in its second pass */
	struct fp_itemq	 q;
};

static unsigned char *
bytes_dup(const unsigned char *p, size_t n)
{
	unsigned char *d = xmalloc(n > 0 ? n : 1);

	memcpy(d, p, n);
	return d;
}

/* LEB128 unsigned varint at *p; 0 on overrun. */
static int
varint(const unsigned char **p, const unsigned char *end, uint64_t *out)
{
	uint64_t v = 0;

	for (int shift = 0; shift < 64 && *p < end; shift += 7) {
		unsigned char b = *(*p)++;

		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			*out = v;
			return 1;
		}
	}
	return 0;
}

/* Length of the CID at p (v1: version, codec, multihash; v0: 0x12 0x20). */
static size_t
cid_length(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *q = p;
	uint64_t version, codec, hash, hlen;

	if (end - p >= 34 && p[0] == 0x12 && p[1] == 0x20)
		return 34;
	if (!varint(&q, end, &version) || version != 1 || !varint(&q, end, &codec) ||
	    !varint(&q, end, &hash) || !varint(&q, end, &hlen) || (uint64_t)(end - q) < hlen)
		return 0;
	return (size_t)(q - p) + (size_t)hlen;
}

static uint64_t
hash_bytes(const unsigned char *p, size_t n)
{
	uint64_t h = UINT64_C(1469598103934665603);

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * UINT64_C(1099511628211);
	return h;
}

static void
cid_index_build(struct cid_index *x, const void *base, size_t n, size_t stride)
{
	x->base = base;
	x->stride = stride;
	x->cap = 16;
	while (x->cap < n * 2)
		x->cap *= 2;
	x->slot = xcalloc(x->cap, sizeof *x->slot);
	for (size_t k = 0; k < n; k++) {
		const struct cid_ref *e = (const void *)(x->base + k * stride);
		size_t i = (size_t)hash_bytes(e->cid, e->len) & (x->cap - 1);

		while (x->slot[i] != 0)
			i = (i + 1) & (x->cap - 1);
		x->slot[i] = k + 1;
	}
}

/* The elements whose CID is cid, one per call: *probe starts at 0 (the
 * CID's slot is found then), and NULL after the last. */
static void *
cid_index_next(const struct cid_index *x, const unsigned char *cid, size_t n, size_t *probe)
{
	size_t i;

	if (x->cap == 0)
		return NULL;
	i = *probe == 0 ? (size_t)hash_bytes(cid, n) & (x->cap - 1) : *probe - 1;
	for (; x->slot[i] != 0; i = (i + 1) & (x->cap - 1)) {
		const struct cid_ref *e = (const void *)(x->base + (x->slot[i] - 1) * x->stride);

		if (e->len == n && memcmp(e->cid, cid, n) == 0) {
			*probe = ((i + 1) & (x->cap - 1)) + 1;
			return (void *)e;
		}
	}
	return NULL;
}

static const struct block *
find_block(const struct car *car, const unsigned char *cid, size_t n)
{
	size_t probe = 0;

	return cid_index_next(&car->bindex, cid, n, &probe);
}

/* --- CBOR helpers ------------------------------------------------------ */

static cbor_item_t *
map_get(cbor_item_t *map, const char *key)
{
	size_t n, kl = strlen(key);
	struct cbor_pair *pairs;

	if (map == NULL || !cbor_isa_map(map))
		return NULL;
	n = cbor_map_size(map);
	pairs = cbor_map_handle(map);
	for (size_t i = 0; i < n; i++)
		if (cbor_isa_string(pairs[i].key) && cbor_string_is_definite(pairs[i].key) &&
		    cbor_string_length(pairs[i].key) == kl &&
		    memcmp(cbor_string_handle(pairs[i].key), key, kl) == 0)
			return pairs[i].value;
	return NULL;
}

/* A text value as a new string, or NULL. */
static char *
map_str(cbor_item_t *map, const char *key)
{
	cbor_item_t *v = map_get(map, key);

	if (v == NULL || !cbor_isa_string(v) || !cbor_string_is_definite(v))
		return NULL;
	return xstrndup((const char *)cbor_string_handle(v), cbor_string_length(v));
}

/* A CID link (tag 42 over bytes with a leading 0x00). */
static int
link_of(cbor_item_t *v, const unsigned char **cid, size_t *n)
{
	cbor_item_t *b;

	if (v == NULL || !cbor_isa_tag(v) || cbor_tag_value(v) != 42)
		return 0;
	b = cbor_tag_item(v);
	if (!cbor_isa_bytestring(b) || !cbor_bytestring_is_definite(b) ||
	    cbor_bytestring_length(b) < 2) {
		cbor_decref(&b);
		return 0;
	}
	*cid = cbor_bytestring_handle(b) + 1;
	*n = cbor_bytestring_length(b) - 1;
	cbor_decref(&b);	/* the tag keeps its own reference */
	return 1;
}

/*
 * cbor_load() allocates an array or map of the size its header declares
 * before it reads a single element, so a 9-byte header can ask for
 * gigabytes. A first pass over the headers (libcbor's streaming decoder)
 * adds up the declared sizes: in well-formed CBOR every element takes at
 * least a byte, so more elements than bytes is a lie, and the block is
 * refused before anything is allocated.
 */
struct cbor_tally {
	uint64_t	declared;
};

static void
tally_collection(void *ctx, size_t n)
{
	struct cbor_tally *t = ctx;

	t->declared += n;
}

static void
tally_map(void *ctx, size_t n)
{
	struct cbor_tally *t = ctx;

	t->declared += 2 * (uint64_t)n;
}

static cbor_item_t *
safe_cbor_load(const unsigned char *p, size_t n, struct cbor_load_result *res)
{
	struct cbor_callbacks cb = cbor_empty_callbacks;
	struct cbor_tally t = { 0 };
	size_t off = 0;

	cb.array_start = tally_collection;
	cb.map_start = tally_map;
	while (off < n) {
		struct cbor_decoder_result r = cbor_stream_decode(p + off, n - off, &cb, &t);

		if (t.declared > n) {
			memset(res, 0, sizeof *res);
			res->read = off;
			res->error.code = CBOR_ERR_MALFORMATED;
			res->error.position = off;
			return NULL;
		}
		if (r.status != CBOR_DECODER_FINISHED || r.read == 0)
			break;		/* malformed: cbor_load says where */
		off += r.read;
	}
	return cbor_load(p, n, res);
}

static cbor_item_t *
load_block(struct car *car, const unsigned char *cid, size_t n, const char *what)
{
	const struct block *b = find_block(car, cid, n);
	struct cbor_load_result res;
	cbor_item_t *item;

	if (b == NULL) {
		fp_conn_warn(car->conn, car->name, "the %s's block is not in the file", what);
		return NULL;
	}
	item = safe_cbor_load(b->data, b->len, &res);
	if (item == NULL)
		fp_conn_warn(car->conn, car->name, "the %s's block at byte %zu is not"
		    " DAG-CBOR (error at byte %zu)", what, b->off, res.read);
	return item;
}

/* --- records ------------------------------------------------------------ */

/* Microseconds in a TID record key ("3juazqmz7d42y"), as seconds. */
static int64_t
tid_time(const char *rkey)
{
	static const char alphabet[] = "234567abcdefghijklmnopqrstuvwxyz";
	uint64_t v = 0;

	if (strlen(rkey) != 13)
		return FP_TIME_NONE;
	for (int i = 0; i < 13; i++) {
		const char *c = strchr(alphabet, rkey[i]);

		if (c == NULL || rkey[i] == '\0')
			return FP_TIME_NONE;
		v = (v << 5) | (uint64_t)(c - alphabet);
	}
	return (int64_t)((v >> 10) / 1000000);
}

/* CBOR text as a C string, invalid UTF-8 (and NUL) replaced: caller frees. */
static char *
utf8_dup(const char *s, size_t n)
{
	struct fp_buf b = FP_BUF_INIT;
	size_t bad;

	fp_buf_add(&b, "", 0);
	fp_utf8_repair(&b, s, n, &bad);
	return fp_buf_detach(&b);
}

static json_t *
utf8_json(const char *s, size_t n)
{
	char *c = utf8_dup(s, n);
	json_t *j = json_string(c);

	free(c);
	return j != NULL ? j : json_null();
}

/* A DAG-CBOR record as JSON, the form listRecords gives it: maps with text
 * keys, arrays, text, numbers, booleans; links and bytes become null. */
static json_t *
cbor_to_json(cbor_item_t *v, int depth)
{
	if (v == NULL || depth > MAX_DEPTH)
		return json_null();
	switch (cbor_typeof(v)) {
	case CBOR_TYPE_UINT:
		return json_integer((json_int_t)(cbor_get_int(v) & INT64_MAX));
	case CBOR_TYPE_NEGINT:
		return json_integer(-1 - (json_int_t)(cbor_get_int(v) & INT64_MAX));
	case CBOR_TYPE_STRING:
		if (!cbor_string_is_definite(v))
			return json_null();
		return utf8_json((const char *)cbor_string_handle(v), cbor_string_length(v));
	case CBOR_TYPE_ARRAY: {
		json_t *a = json_array();

		for (size_t i = 0; i < cbor_array_size(v); i++)
			json_array_append_new(a, cbor_to_json(cbor_array_handle(v)[i], depth + 1));
		return a;
	}
	case CBOR_TYPE_MAP: {
		json_t *o = json_object();
		struct cbor_pair *pairs = cbor_map_handle(v);

		for (size_t i = 0; i < cbor_map_size(v); i++) {
			cbor_item_t *k = pairs[i].key;
			char *key;

			if (!cbor_isa_string(k) || !cbor_string_is_definite(k))
				continue;
			key = utf8_dup((const char *)cbor_string_handle(k), cbor_string_length(k));
			json_object_set_new(o, key, cbor_to_json(pairs[i].value, depth + 1));
			free(key);
		}
		return o;
	}
	case CBOR_TYPE_FLOAT_CTRL:
		if (cbor_float_ctrl_is_ctrl(v))	/* true, false; null and the rest */
			return cbor_ctrl_value(v) == CBOR_CTRL_TRUE ? json_true() :
			    cbor_ctrl_value(v) == CBOR_CTRL_FALSE ? json_false() : json_null();
		return json_real(cbor_float_get_float(v));
	default:
		return json_null();
	}
}

/* "at://did:plc:x/app.bsky.feed.post/3abc" -> did and rkey */
static void
split_uri(const char *uri, char **did, char **rkey)
{
	const char *p, *slash, *last;

	*did = *rkey = NULL;
	if (uri == NULL || strncmp(uri, "at://", 5) != 0)
		return;
	p = uri + 5;
	slash = strchr(p, '/');
	*did = slash ? xstrndup(p, (size_t)(slash - p)) : xstrdup(p);
	if ((last = strrchr(uri, '/')) != NULL && last > p)
		*rkey = xstrdup(last + 1);
}

int
fp_bluesky_record_item(const json_t *rec, const char *did, const char *rkey,
    struct fp_item *it)
{
	const char *type = fp_jstr(rec, "$type");

	if (type == NULL)
		return 0;
	if (strcmp(type, "app.bsky.feed.post") == 0) {
		const json_t *reply = json_object_get(rec, "reply");
		const json_t *embed = json_object_get(rec, "embed");
		const json_t *langs = json_object_get(rec, "langs");
		const char *etype = fp_jstr(embed, "$type");

		it->kind = reply != NULL ? FP_KIND_REPLY : FP_KIND_POST;
		it->text = xstrdup(fp_jstr(rec, "text") ? fp_jstr(rec, "text") : "");
		if (reply != NULL)
			split_uri(fp_jstr(json_object_get(reply, "parent"), "uri"), &it->ref_author,
			    &it->ref_id);
		if (etype != NULL) {
			const json_t *rec_ref = NULL, *images = json_object_get(embed, "images");

			if (strcmp(etype, "app.bsky.embed.record") == 0)
				rec_ref = json_object_get(embed, "record");
			else if (strcmp(etype, "app.bsky.embed.recordWithMedia") == 0) {
				rec_ref = json_object_get(json_object_get(embed, "record"), "record");
				images = json_object_get(json_object_get(embed, "media"), "images");
			}
			if (rec_ref != NULL && reply == NULL) {
				it->kind = FP_KIND_QUOTE;
				free(it->ref_author);
				free(it->ref_id);
				split_uri(fp_jstr(rec_ref, "uri"), &it->ref_author, &it->ref_id);
			}
			if (json_is_array(images)) {
				it->media_count = (int)json_array_size(images);
				it->media_types = xstrdup("photo");
			} else if (strstr(etype, "video") != NULL) {
				it->media_count = 1;
				it->media_types = xstrdup("video");
			}
		}
		if (json_is_string(json_array_get(langs, 0)))
			it->lang = xstrdup(json_string_value(json_array_get(langs, 0)));
	} else if (strcmp(type, "app.bsky.feed.like") == 0 ||
	    strcmp(type, "app.bsky.feed.repost") == 0) {
		it->kind = type[14] == 'l' ? FP_KIND_LIKE : FP_KIND_REPOST;
		split_uri(fp_jstr(json_object_get(rec, "subject"), "uri"), &it->ref_author,
		    &it->ref_id);
		if (it->ref_author != NULL && it->ref_id != NULL)
			it->url = xasprintf("https://bsky.app/profile/%s/post/%s", it->ref_author,
			    it->ref_id);
		/* the liked or reposted text is not in the repository */
	} else
		return 0;
	it->native_id = xstrdup(rkey);
	it->created_at = fp_time_parse(fp_jstr(rec, "createdAt"));
	if (it->created_at == FP_TIME_NONE)
		it->created_at = tid_time(rkey);
	if (it->url == NULL)
		it->url = xasprintf("https://bsky.app/profile/%s/post/%s", did, rkey);
	return 1;
}

static void
record(struct car *car, const char *key, long index, cbor_item_t *cbor)
{
	json_t *rec = cbor_to_json(cbor, 0);
	const char *type = fp_jstr(rec, "$type");
	const char *slash = strchr(key, '/');
	const char *rkey = slash ? slash + 1 : key;

	if (type != NULL && strcmp(type, "app.bsky.actor.profile") == 0) {
		const char *dn = fp_jstr(rec, "displayName");
		char *url = xasprintf("https://bsky.app/profile/%s", car->did);

		fp_conn_set_account(car->conn, car->did, dn);
		fp_itemq_field(car->q, car->conn, "bluesky", FP_KIND_DISPLAY_NAME, dn, url,
		    car->name);
		fp_itemq_field(car->q, car->conn, "bluesky", FP_KIND_BIO,
		    fp_jstr(rec, "description"), url, car->name);
		free(url);
	} else if (type != NULL && (strcmp(type, "app.bsky.feed.post") == 0 ||
	    strcmp(type, "app.bsky.feed.like") == 0 || strcmp(type, "app.bsky.feed.repost") == 0))
		fp_bluesky_record_item(rec, car->did, rkey, fp_itemq_push(car->q, car->conn,
		    "bluesky", FP_KIND_POST, car->name, index));
	json_decref(rec);
}

/* In-order walk of an MST node: left subtree, then each entry and its right. */
static void
walk(struct car *car, const unsigned char *cid, size_t n, struct fp_buf *prev, int depth)
{
	cbor_item_t *node, *entries;
	const unsigned char *sub;
	size_t subn;

	if (depth > MAX_DEPTH) {
		fp_conn_warn(car->conn, car->name, "the tree is deeper than %d levels; the"
		    " rest is not read", MAX_DEPTH);
		return;
	}
	if ((node = load_block(car, cid, n, "tree node")) == NULL)
		return;
	if (link_of(map_get(node, "l"), &sub, &subn))
		walk(car, sub, subn, prev, depth + 1);
	entries = map_get(node, "e");
	if (entries != NULL && cbor_isa_array(entries)) {
		size_t ne = cbor_array_size(entries);

		for (size_t i = 0; i < ne; i++) {
			cbor_item_t *e = cbor_array_get(entries, i), *p = map_get(e, "p");
			cbor_item_t *k = map_get(e, "k");
			size_t keep = p != NULL && cbor_isa_uint(p) ? (size_t)cbor_get_int(p) : 0;
			const unsigned char *vc;
			size_t vn;

			if (k == NULL || !cbor_isa_bytestring(k) || keep > prev->len) {
				fp_conn_warn(car->conn, car->name, "a tree entry with a bad key;"
				    " skipped");
				cbor_decref(&e);
				continue;
			}
			prev->len = keep;
			fp_buf_add(prev, cbor_bytestring_handle(k), cbor_bytestring_length(k));
			if (link_of(map_get(e, "v"), &vc, &vn)) {
				/* read in the second pass */
				struct wanted *w;

				car->want = xreallocarray(car->want, car->nwant + 1,
				    sizeof *car->want);
				w = &car->want[car->nwant];
				w->ref.cid = bytes_dup(vc, vn);
				w->ref.len = vn;
				w->key = xstrdup(fp_buf_str(prev));
				w->index = (long)car->nwant++;
				w->done = 0;
			}
			if (link_of(map_get(e, "t"), &sub, &subn)) {
				struct fp_buf saved = FP_BUF_INIT;

				fp_buf_add(&saved, prev->data, prev->len);
				walk(car, sub, subn, prev, depth + 1);
				fp_buf_reset(prev);
				fp_buf_add(prev, saved.data, saved.len);
				fp_buf_release(&saved);
			}
			cbor_decref(&e);
		}
	}
	cbor_decref(&node);
}

/* --- reading the file ---------------------------------------------------- */

#define CAR_CHUNK	((size_t)1 << 20)

/* Bring n bytes from pos into the window: 0, 1 when the file ends first,
 * -1 on a read error (err set). */
static int
car_need(struct car_reader *r, size_t n, struct fp_err *err)
{
	while (r->len - r->pos < n && !r->eof) {
		long k;

		if (r->pos > 0) {
			memmove(r->buf, r->buf + r->pos, r->len - r->pos);
			r->base += r->pos;
			r->len -= r->pos;
			r->pos = 0;
		}
		while (r->cap < n || r->cap - r->len < CAR_CHUNK / 4) {
			if (r->cap > FP_SOURCE_MAX_MEMBER) {
				fp_err_set(err, FP_FAILED, "a block of more than %zu MiB",
				    (size_t)FP_SOURCE_MAX_MEMBER >> 20);
				return -1;
			}
			r->cap = r->cap ? r->cap * 2 : CAR_CHUNK;
			r->buf = xrealloc(r->buf, r->cap);
		}
		if ((k = fp_member_read(r->m, (char *)r->buf + r->len, r->cap - r->len,
		    err)) < 0)
			return -1;
		if (k == 0)
			r->eof = 1;
		r->len += (size_t)k;
	}
	return r->len - r->pos >= n ? 0 : 1;
}

/* A frame at pos: a varint length (at most max), then that many bytes,
 * brought whole into the window: 0 with *hdr (the varint's size) and
 * *len; 1 when malformed or cut short; -1 on a read error (err set). */
static int
car_frame(struct car_reader *r, uint64_t max, size_t *hdr, uint64_t *len,
    struct fp_err *err)
{
	const unsigned char *p;
	int rc;

	if ((rc = car_need(r, 10, err)) < 0)
		return -1;
	p = r->buf + r->pos;
	if (!varint(&p, r->buf + r->len, len) || *len > max)
		return 1;
	*hdr = (size_t)(p - (r->buf + r->pos));
	return car_need(r, *hdr + (size_t)*len, err);
}

static void
car_close_reader(struct car_reader *r)
{
	fp_member_close(r->m);
	free(r->buf);
	memset(r, 0, sizeof *r);
}

/* Open the member and read past the header: the header, or NULL (warned
 * when warn). */
static cbor_item_t *
car_open_reader(struct car *car, int warn)
{
	struct car_reader *r = &car->rd;
	struct cbor_load_result res;
	cbor_item_t *header;
	uint64_t hlen;
	struct fp_err err;
	size_t hdr;

	fp_err_clear(&err);
	if (fp_member_open(car->conn->src, car->member, &r->m, &err) != FP_OK) {
		if (warn)
			fp_conn_warn(car->conn, car->name, "%s", err.msg);
		return NULL;
	}
	if (car_frame(r, CAR_CHUNK, &hdr, &hlen, &err) != 0)
		goto fail;
	header = safe_cbor_load(r->buf + r->pos + hdr, (size_t)hlen, &res);
	if (header == NULL)
		goto not_car;
	r->pos += hdr + (size_t)hlen;
	return header;
fail:
	if (err.msg[0] != '\0') {
		if (warn)
			fp_conn_warn(car->conn, car->name, "%s; skipped", err.msg);
		car_close_reader(r);
		return NULL;
	}
not_car:
	if (warn)
		fp_conn_warn(car->conn, car->name, "byte 0: not a CAR file (no header); skipped");
	car_close_reader(r);
	return NULL;
}

/* The next block, in b (valid until the next call): 1; 0 at the end of
 * the file; -1 when damaged or unreadable (warned when warn). */
static int
car_block(struct car *car, struct block *b, int warn)
{
	struct car_reader *r = &car->rd;
	const unsigned char *p;
	uint64_t blen;
	size_t hdr, cl, start;
	struct fp_err err;
	int64_t size;
	int rc;

	fp_err_clear(&err);
	if ((rc = car_need(r, 1, &err)) == 1)
		return 0;		/* the end, between blocks */
	start = r->base + r->pos;
	if (rc < 0 || car_frame(r, FP_SOURCE_MAX_MEMBER, &hdr, &blen, &err) != 0)
		goto fail;
	p = r->buf + r->pos + hdr;
	if ((cl = cid_length(p, p + blen)) == 0 || cl > blen)
		goto fail;
	b->ref.cid = p;
	b->ref.len = cl;
	b->data = p + cl;
	b->len = (size_t)blen - cl;
	b->off = start + hdr + cl;
	r->pos += hdr + (size_t)blen;
	return 1;
fail:
	start = r->base + r->pos;
	if (!warn)
		return -1;
	if (err.msg[0] != '\0')
		fp_conn_warn(car->conn, car->name, "byte %zu: %s; the rest is not read",
		    start, err.msg);
	else if ((size = fp_member_size(r->m)) >= 0 && (uint64_t)size >= start)
		fp_conn_warn(car->conn, car->name, "byte %zu: a damaged block; the %zu bytes"
		    " after it are not read", start, (size_t)size - start);
	else
		fp_conn_warn(car->conn, car->name, "byte %zu: a damaged block; the bytes"
		    " after it are not read", start);
	return -1;
}

/* A tree node (a map whose first key is "e" or "l"): kept in the first
 * pass. A record that looks the same is kept too, at no harm. */
static int
looks_like_node(const struct block *b)
{
	return b->len >= 3 && b->data[0] == 0xa2 && b->data[1] == 0x61 &&
	    (b->data[2] == 'e' || b->data[2] == 'l');
}

static void
car_free(struct car *car)
{
	car_close_reader(&car->rd);
	for (size_t i = 0; i < car->nblocks; i++)
		free((void *)car->blocks[i].ref.cid);
	free(car->blocks);
	free(car->bindex.slot);
	for (size_t i = 0; i < car->nwant; i++) {
		free((void *)car->want[i].ref.cid);
		free(car->want[i].key);
	}
	free(car->want);
	free(car->windex.slot);
	free(car->root);
	free(car->did);
	free(car);
}

/*
 * The first pass: keep the commit and the tree's nodes, walk the tree and
 * note the records it reaches; then open the file again for the second.
 * The car, or NULL when there is nothing to read (warned).
 */
static struct car *
car_open(struct fp_conn *conn, size_t member, struct fp_itemq *q)
{
	struct car *car = xcalloc(1, sizeof *car);
	cbor_item_t *header, *roots, *r0, *commit = NULL;
	const unsigned char *root, *mst;
	size_t rootn, mstn;
	struct block b;
	int ok;

	car->conn = conn;
	car->name = fp_source_name(conn->src, member);
	car->member = member;
	car->q = q;
	if ((header = car_open_reader(car, 1)) == NULL)
		goto fail;
	roots = map_get(header, "roots");
	if (roots == NULL || !cbor_isa_array(roots) || cbor_array_size(roots) == 0) {
		fp_conn_warn(conn, car->name, "the CAR header names no root; skipped");
		cbor_decref(&header);
		goto fail;
	}
	r0 = cbor_array_get(roots, 0);
	if ((ok = link_of(r0, &root, &rootn)) != 0) {
		car->root = bytes_dup(root, rootn);
		car->rootn = rootn;
	}
	cbor_decref(&r0);
	cbor_decref(&header);
	if (!ok) {
		fp_conn_warn(conn, car->name, "the CAR root is not a CID link; skipped");
		goto fail;
	}
	while (car_block(car, &b, 1) == 1) {
		unsigned char *mem;

		if (!looks_like_node(&b) && !(b.ref.len == car->rootn &&
		    memcmp(b.ref.cid, car->root, b.ref.len) == 0))
			continue;
		mem = xmalloc(b.ref.len + b.len);
		memcpy(mem, b.ref.cid, b.ref.len);
		memcpy(mem + b.ref.len, b.data, b.len);
		b.ref.cid = mem;
		b.data = mem + b.ref.len;
		car->blocks = xreallocarray(car->blocks, car->nblocks + 1, sizeof *car->blocks);
		car->blocks[car->nblocks++] = b;
	}
	car_close_reader(&car->rd);
	cid_index_build(&car->bindex, car->blocks, car->nblocks, sizeof *car->blocks);
	if ((commit = load_block(car, car->root, car->rootn, "commit")) == NULL)
		goto fail;
	car->did = map_str(commit, "did");
	if (car->did == NULL) {
		fp_conn_warn(conn, car->name, "the root commit has no DID; skipped");
		goto fail;
	}
	fp_conn_set_account(conn, car->did, NULL);
	if (link_of(map_get(commit, "data"), &mst, &mstn)) {
		struct fp_buf prev = FP_BUF_INIT;

		walk(car, mst, mstn, &prev, 0);
		fp_buf_release(&prev);
	} else
		fp_conn_warn(conn, car->name, "the root commit names no tree; skipped");
	cbor_decref(&commit);
	commit = NULL;
	/* the tree is done with: only the records' keys are kept */
	for (size_t i = 0; i < car->nblocks; i++)
		free((void *)car->blocks[i].ref.cid);
	free(car->blocks);
	free(car->bindex.slot);
	car->blocks = NULL;
	car->nblocks = 0;
	memset(&car->bindex, 0, sizeof car->bindex);
	if (car->nwant == 0)
		goto fail;
	cid_index_build(&car->windex, car->want, car->nwant, sizeof *car->want);
	if ((header = car_open_reader(car, 1)) == NULL)
		goto fail;
	cbor_decref(&header);
	return car;
fail:
	if (commit != NULL)
		cbor_decref(&commit);
	car_free(car);
	return NULL;
}

/*
 * The second pass: the next block that is a record the walk reached,
 * made into items on car->q. 0 at the end of the file (the records not
 * found are warned about).
 */
static int
car_next(struct car *car)
{
	struct block b;

	while (car_block(car, &b, 0) == 1) {
		struct wanted *w;
		size_t probe = 0;
		int found = 0;

		while ((w = cid_index_next(&car->windex, b.ref.cid, b.ref.len, &probe)) != NULL) {
			struct cbor_load_result res;
			cbor_item_t *rec;

			if (w->done)
				continue;
			w->done = found = 1;
			if ((rec = safe_cbor_load(b.data, b.len, &res)) == NULL) {
				fp_conn_warn(car->conn, car->name, "the record's block at byte %zu"
				    " is not DAG-CBOR (error at byte %zu)", b.off, res.read);
				continue;
			}
			record(car, w->key, w->index, rec);
			cbor_decref(&rec);
		}
		if (found)
			return 1;
	}
	for (size_t i = 0; i < car->nwant; i++)
		if (!car->want[i].done)
			fp_conn_warn(car->conn, car->name, "the record's block is not in the file");
	return 0;
}

/* A CAR starts with a varint and a CBOR map holding "roots" and "version". */
static int
looks_like_car(struct fp_source *src, size_t i)
{
	char *data = NULL;
	size_t len;
	struct fp_err err;
	int yes = 0;

	if (fp_source_read(src, i, 4096, &data, &len, &err) != FP_OK) {
		/* a big file: car_open will check; trust the name */
		free(data);
		return fp_has_suffix(fp_source_name(src, i), ".car");
	}
	yes = len > 8 && memmem(data, len < 64 ? len : 64, "roots", 5) != NULL &&
	    memmem(data, len < 64 ? len : 64, "version", 7) != NULL;
	free(data);
	return yes;
}

static int
bluesky_bid(struct fp_source *src)
{
	for (size_t i = 0; i < fp_source_count(src); i++)
		if (fp_has_suffix(fp_source_name(src, i), ".car") && looks_like_car(src, i))
			return 95;
	return -1;
}

static int
bluesky_open(struct fp_conn *conn, struct fp_err *err)
{
	struct bluesky_state *s = conn->state;

	(void)err;
	for (size_t i = 0; i < fp_source_count(conn->src); i++)
		if (fp_has_suffix(fp_source_name(conn->src, i), ".car")) {
			s->members = xreallocarray(s->members, s->nmembers + 1,
			    sizeof *s->members);
			s->members[s->nmembers++] = i;
		}
	return FP_OK;
}

static int
bluesky_next(struct fp_conn *conn, struct fp_item *item, struct fp_err *err)
{
	struct bluesky_state *s = conn->state;

	(void)err;
	for (;;) {
		if (s->q.pos < s->q.n) {
			*item = s->q.v[s->q.pos++];
			return FP_OK;
		}
		s->q.n = s->q.pos = 0;
		if (s->car != NULL) {
			if (car_next(s->car))
				continue;
			car_free(s->car);
			s->car = NULL;
			continue;
		}
		if (s->cur >= s->nmembers)
			return FP_EOF;
		s->car = car_open(conn, s->members[s->cur++], &s->q);
	}
}

static void
bluesky_close(struct fp_conn *conn)
{
	struct bluesky_state *s = conn->state;

	if (s->car != NULL)
		car_free(s->car);
	free(s->members);
	fp_itemq_release(&s->q);
}

const struct fp_connector fp_connector_bluesky = {
	.name = "bluesky",
	.desc = "Bluesky repository export (repo.car: CAR v1, DAG-CBOR, MST walked from the root)",
	.state_size = sizeof(struct bluesky_state),
	.bid = bluesky_bid,
	.open = bluesky_open,
	.next = bluesky_next,
	.close = bluesky_close,
};
