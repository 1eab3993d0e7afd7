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

struct block {
	const unsigned char	*cid;
	size_t			 cidlen;
	const unsigned char	*data;
	size_t			 len;
};

struct bluesky_state {
	struct fp_batch	batch;
};

/* The parsed CAR: blocks indexed by CID in an open-addressing table. */
struct car {
	struct fp_conn	*conn;
	const char	*name;
	struct block	*blocks;
	size_t		 nblocks;
	size_t		*table;		/* index + 1, 0 = empty */
	size_t		 tcap;
	char		*did;
	long		 records;
	struct fp_itemq	*q;
};

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

static const struct block *
find_block(const struct car *car, const unsigned char *cid, size_t n)
{
	size_t i;

	if (car->tcap == 0)
		return NULL;
	for (i = (size_t)hash_bytes(cid, n) & (car->tcap - 1); car->table[i] != 0;
	    i = (i + 1) & (car->tcap - 1)) {
		const struct block *b = &car->blocks[car->table[i] - 1];

		if (b->cidlen == n && memcmp(b->cid, cid, n) == 0)
			return b;
	}
	return NULL;
}

static void
index_blocks(struct car *car)
{
	car->tcap = 16;
	while (car->tcap < car->nblocks * 2)
		car->tcap *= 2;
	car->table = xcalloc(car->tcap, sizeof *car->table);
	for (size_t k = 0; k < car->nblocks; k++) {
		size_t i = (size_t)hash_bytes(car->blocks[k].cid, car->blocks[k].cidlen) &
		    (car->tcap - 1);

		while (car->table[i] != 0)
			i = (i + 1) & (car->tcap - 1);
		car->table[i] = k + 1;
	}
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
		    " DAG-CBOR (error at byte %zu)", what,
		    (size_t)(b->data - car->blocks[0].data), res.read);
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
record(struct car *car, const char *key, cbor_item_t *cbor)
{
	json_t *rec = cbor_to_json(cbor, 0);
	const char *type = fp_jstr(rec, "$type");
	const char *slash = strchr(key, '/');
	const char *rkey = slash ? slash + 1 : key;

	car->records++;
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
		    "bluesky", FP_KIND_POST, car->name, car->records - 1));
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
				cbor_item_t *rec = load_block(car, vc, vn, "record");
				char *key = xstrdup(fp_buf_str(prev));

				if (rec != NULL) {
					record(car, key, rec);
					cbor_decref(&rec);
				}
				free(key);
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

static void
read_car(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	const unsigned char *p = (const unsigned char *)data, *end = p + len;
	struct car car;
	struct cbor_load_result res;
	cbor_item_t *header = NULL, *roots, *commit = NULL;
	const unsigned char *root, *mst;
	size_t rootn, mstn;
	uint64_t hlen;

	memset(&car, 0, sizeof car);
	car.conn = conn;
	car.name = name;
	car.q = q;
	if (!varint(&p, end, &hlen) || hlen > (uint64_t)(end - p) ||
	    (header = safe_cbor_load(p, (size_t)hlen, &res)) == NULL) {
		fp_conn_warn(conn, name, "byte 0: not a CAR file (no header); skipped");
		return;
	}
	p += hlen;
	roots = map_get(header, "roots");
	if (roots == NULL || !cbor_isa_array(roots) || cbor_array_size(roots) == 0) {
		fp_conn_warn(conn, name, "the CAR header names no root; skipped");
		goto out;
	}
	/* the blocks */
	while (p < end) {
		const unsigned char *start = p;
		uint64_t blen;
		size_t cl;

		if (!varint(&p, end, &blen) || blen > (uint64_t)(end - p) ||
		    (cl = cid_length(p, p + blen)) == 0 || cl > blen) {
			fp_conn_warn(conn, name, "byte %zu: a damaged block; the %zu bytes"
			    " after it are not read", (size_t)(start - (const unsigned char *)data),
			    (size_t)(end - start));
			break;
		}
		car.blocks = xreallocarray(car.blocks, car.nblocks + 1, sizeof *car.blocks);
		car.blocks[car.nblocks].cid = p;
		car.blocks[car.nblocks].cidlen = cl;
		car.blocks[car.nblocks].data = p + cl;
		car.blocks[car.nblocks].len = (size_t)blen - cl;
		car.nblocks++;
		p += blen;
	}
	index_blocks(&car);
	{
		cbor_item_t *r0 = cbor_array_get(roots, 0);
		int ok = link_of(r0, &root, &rootn);

		cbor_decref(&r0);
		if (!ok) {
			fp_conn_warn(conn, name, "the CAR root is not a CID link; skipped");
			goto out;
		}
	}
	if ((commit = load_block(&car, root, rootn, "commit")) == NULL)
		goto out;
	car.did = map_str(commit, "did");
	if (car.did == NULL) {
		fp_conn_warn(conn, name, "the root commit has no DID; skipped");
		goto out;
	}
	fp_conn_set_account(conn, car.did, NULL);
	if (link_of(map_get(commit, "data"), &mst, &mstn)) {
		struct fp_buf prev = FP_BUF_INIT;

		walk(&car, mst, mstn, &prev, 0);
		fp_buf_release(&prev);
	} else
		fp_conn_warn(conn, name, "the root commit names no tree; skipped");
out:
	if (commit != NULL)
		cbor_decref(&commit);
	cbor_decref(&header);
	free(car.blocks);
	free(car.table);
	free(car.did);
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
		/* a big file: read_car will check; trust the name */
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
		if (fp_has_suffix(fp_source_name(conn->src, i), ".car"))
			fp_batch_add(&s->batch, i, read_car, 0);
	return FP_OK;
}

static int
bluesky_next(struct fp_conn *conn, struct fp_item *item, struct fp_err *err)
{
	struct bluesky_state *s = conn->state;

	(void)err;
	return fp_batch_next(conn, &s->batch, item);
}

static void
bluesky_close(struct fp_conn *conn)
{
	struct bluesky_state *s = conn->state;

	fp_batch_release(&s->batch);
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
