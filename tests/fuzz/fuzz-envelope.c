/*
 * fuzz-envelope.c: X's JavaScript envelopes (window.YTD.x.partN =,
 * Grailbird.data.x =, var x =) stripped in place, then the whole load of a
 * member (UTF-8 repair, envelope, JSON parse), and the same member read
 * element by element (fp_json_stream), from the buffer and from a reader
 * that hands it over in pieces of 1 to 16 bytes. Promises: the buffer
 * keeps its length and only the envelope turns into spaces; the name
 * found is NUL-terminated; a failure says where (a stream's, by line and
 * column); read in pieces, a member gives the same elements as from the
 * buffer, then the same end or the same error; the lists inside an object
 * (keys "orderedItems" and "a") stream with the same promises; so do lists
 * and values down key paths into nested objects (TikTok's), whose
 * elements and end are the same whether the member comes in pieces of 1
 * to 16 bytes or at once, each tagged with a key that exists, and the
 * same again parsed ahead (fp_json_stream_ahead: elements, keys, counts,
 * end and the place of bad UTF-8 as read in place). With members
 * cut out before parsing (drop), each element is the one parsed whole,
 * once both have those members deleted (the unit tests check what is cut), the end is the same, and an error is the same
 * unless the element parses once they are cut.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "jsfile.h"
#include "fuzz.h"

struct pieces {
	const uint8_t	*data;
	size_t		 size, off;
	unsigned	 seed;
};

static long
read_all(void *ud, char *buf, size_t n, struct fp_err *err)
{
	struct pieces *p = ud;
	size_t k = p->size - p->off;

	(void)err;
	if (k > n)
		k = n;
	memcpy(buf, p->data + p->off, k);
	p->off += k;
	return (long)k;
}

static long
read_pieces(void *ud, char *buf, size_t n, struct fp_err *err)
{
	struct pieces *p = ud;
	size_t k = 1 + (p->seed = p->seed * 1103515245u + 12345u) % 16;

	(void)err;
	if (k > n)
		k = n;
	if (k > p->size - p->off)
		k = p->size - p->off;
	memcpy(buf, p->data + p->off, k);
	p->off += k;
	return (long)k;
}

/* Every element down the key paths, with its key, then the end, the
 * lists found and the bad UTF-8 met; parsing ahead (on this thread) when
 * ahead is set. */
static char *
paths_dump(const uint8_t *data, size_t size, unsigned seed, int ahead)
{
	static const char *const keys[] = { "a/b/c", "=a/v", "*/l", "=x", NULL };
	struct pieces p = { data, size, 0, seed };
	struct fp_json_stream rs;
	struct fp_envelope_info info;
	struct fp_buf b = FP_BUF_INIT;
	struct fp_err err;
	json_t *e;
	int r;

	if (fp_json_stream_open_reader(&rs, seed != 0 ? read_pieces : read_all, &p, keys,
	    &info, &err) == FP_OK) {
		if (ahead)
			FUZZ_ASSERT(fp_json_stream_ahead(&rs, 0) == (rs.done ? -1 : 0));
		while ((r = fp_json_stream_next(&rs, &e, &err)) == FP_OK) {
			char *s = fp_json_dumps(e, JSON_ENCODE_ANY | JSON_COMPACT);

			FUZZ_ASSERT(rs.key >= 0 && rs.key < 4);
			FUZZ_ASSERT(ahead || (rs.depth >= 0 && rs.depth < FP_JSON_PATH_MAX));
			fp_buf_addf(&b, "%d/%d/%ld:%s\n", rs.key, rs.lists, rs.index, s ? s : "?");
			free(s);
			json_decref(e);
		}
		FUZZ_ASSERT(r == FP_EOF || strncmp(err.msg, "line ", 5) == 0);
		fp_buf_addf(&b, "end %d %s (%d lists; %zu bad at %d:%d)", r,
		    r == FP_FAILED ? err.msg : "", rs.lists, rs.bad_bytes, rs.bad_line, rs.bad_col);
	} else
		fp_buf_addf(&b, "open %d %s", rs.not_array, err.msg);
	fp_json_stream_release(&rs);
	return fp_buf_detach(&b);
}

/* Delete members named in drop, at any depth. */
static void
strip(json_t *v, const char *const *drop)
{
	const char *key;
	json_t *m;
	size_t i;

	if (json_is_object(v)) {
		for (i = 0; drop[i] != NULL; i++)
			json_object_del(v, drop[i]);
		json_object_foreach(v, key, m)
			strip(m, drop);
	} else if (json_is_array(v))
		json_array_foreach(v, i, m)
			strip(m, drop);
}

/* The member read whole and read with members cut out, side by side. */
static void
cut_check(const uint8_t *data, size_t size)
{
	static const char *const drop[] = { "a", "id", "x", NULL };
	struct pieces pw = { data, size, 0, 0 }, pc = { data, size, 0, (unsigned)size * 3u + 1u };
	struct fp_json_stream w, c;
	struct fp_envelope_info info;
	struct fp_err werr, cerr;
	int wr, cr;

	wr = fp_json_stream_open_reader(&w, read_all, &pw, NULL, &info, &werr);
	cr = fp_json_stream_open_reader(&c, read_pieces, &pc, NULL, &info, &cerr);
	FUZZ_ASSERT(wr == cr);
	if (wr != FP_OK)
		goto out;
	c.drop = drop;
	for (;;) {
		json_t *we, *ce;

		wr = fp_json_stream_next(&w, &we, &werr);
		cr = fp_json_stream_next(&c, &ce, &cerr);
		if (wr == FP_OK) {
			FUZZ_ASSERT(cr == FP_OK);
			/* (both: a key spelt with an escape is not cut) */
			strip(we, drop);
			strip(ce, drop);
			FUZZ_ASSERT(json_equal(we, ce));
			json_decref(we);
			json_decref(ce);
			continue;
		}
		if (cr == FP_OK)
			json_decref(ce);
		FUZZ_ASSERT(wr == cr || (wr == FP_FAILED && cr == FP_OK));
		FUZZ_ASSERT(cr != FP_FAILED || strcmp(werr.msg, cerr.msg) == 0);
		break;
	}
out:
	fp_json_stream_release(&w);
	fp_json_stream_release(&c);
}

static int
ends_with_semicolon(const uint8_t *data, size_t size)
{
	while (size > 0 && (data[size - 1] == ' ' || data[size - 1] == '\n' ||
	    data[size - 1] == '\r' || data[size - 1] == '\t' || data[size - 1] == '\f' ||
	    data[size - 1] == '\v'))
		size--;
	return size > 0 && data[size - 1] == ';';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fp_envelope_info info;
	struct fp_err err;
	char *buf = xmalloc(size + 1), *warn = NULL;
	json_t *j;

	memcpy(buf, data, size);
	buf[size] = '\0';
	memset(&info, 0, sizeof info);
	if (fp_envelope_strip(buf, size, &info, &err) == FP_OK) {
		FUZZ_ASSERT(memchr(info.name, '\0', sizeof info.name) != NULL);
		/* stripping only blanks: every byte is as it was, or a space */
		for (size_t i = 0; i < size; i++)
			FUZZ_ASSERT(buf[i] == (char)data[i] || buf[i] == ' ');
	} else
		FUZZ_ASSERT(err.msg[0] != '\0');

	memcpy(buf, data, size);
	buf[size] = '\0';
	j = fp_json_load_js(buf, size, &info, &warn, &err);
	if (j == NULL)
		FUZZ_ASSERT(err.msg[0] != '\0');
	json_decref(j);
	free(warn);
	warn = NULL;

	/* the same member streamed, element by element, as X's reader does */
	{
		char *copy = xmalloc(size + 1);
		size_t len = size;
		struct fp_json_stream js;

		memcpy(copy, data, size);
		copy[size] = '\0';
		if (fp_json_prepare_js(&copy, &len, &info, &warn, &err) == FP_OK &&
		    fp_json_stream_open(&js, copy, len) == FP_OK) {
			struct pieces p = { data, size, 0, (unsigned)size };
			struct fp_json_stream rs;
			struct fp_envelope_info rinfo;
			struct fp_err rerr;
			int r, rr, ropen;
			/* compared unless a final ';' is there: the buffer's
			 * preparation blanks it, the reader leaves it to the list */
			int same = !ends_with_semicolon(data, size);

			ropen = fp_json_stream_open_reader(&rs, read_pieces, &p, NULL, &rinfo, &rerr);
			FUZZ_ASSERT(ropen == FP_OK);
			FUZZ_ASSERT(rinfo.type == info.type && strcmp(rinfo.name, info.name) == 0);
			for (;;) {
				json_t *e, *re;

				r = fp_json_stream_next(&js, &e, &err);
				rr = fp_json_stream_next(&rs, &re, &rerr);
				FUZZ_ASSERT(!same || r == rr);
				if (r != FP_OK || rr != FP_OK) {
					if (rr == FP_OK)
						json_decref(re);
					if (r == FP_OK)
						json_decref(e);
					break;
				}
				FUZZ_ASSERT(js.pos <= len && (size_t)js.index <= len);
				FUZZ_ASSERT(json_equal(e, re));
				json_decref(e);
				json_decref(re);
			}
			FUZZ_ASSERT(r == FP_OK || r == FP_EOF || strncmp(err.msg, "line ", 5) == 0);
			FUZZ_ASSERT(rr == FP_OK || rr == FP_EOF || strncmp(rerr.msg, "line ", 5) == 0);
			FUZZ_ASSERT(!same || r == FP_EOF || strcmp(err.msg, rerr.msg) == 0);
			fp_json_stream_release(&rs);
			fp_json_stream_release(&js);
		}
		free(warn);
		free(copy);
	}

	/* the lists inside an object (Mastodon's, Meta's), read in pieces */
	{
		static const char *const keys[] = { "orderedItems", "a", NULL };
		struct pieces p = { data, size, 0, (unsigned)size * 7u };
		struct fp_json_stream rs;
		struct fp_envelope_info rinfo;
		struct fp_err rerr;
		json_t *e;
		int r;

		if (fp_json_stream_open_reader(&rs, read_pieces, &p, keys, &rinfo, &rerr) == FP_OK) {
			while ((r = fp_json_stream_next(&rs, &e, &rerr)) == FP_OK) {
				FUZZ_ASSERT(rs.lists > 0 && rs.index > 0);
				json_decref(e);
			}
			FUZZ_ASSERT(r == FP_EOF || strncmp(rerr.msg, "line ", 5) == 0);
		} else
			FUZZ_ASSERT(rerr.msg[0] != '\0');
		fp_json_stream_release(&rs);
	}
	cut_check(data, size);
	/* down key paths into nested objects, in pieces and at once */
	{
		char *whole = paths_dump(data, size, 0, 0);
		char *pieces = paths_dump(data, size, (unsigned)size * 13u + 1u, 0);
		char *ahead = paths_dump(data, size, (unsigned)size * 5u + 1u, 1);

		FUZZ_ASSERT(strcmp(whole, pieces) == 0);
		FUZZ_ASSERT(strcmp(whole, ahead) == 0);
		free(whole);
		free(pieces);
		free(ahead);
	}
	free(buf);
	return 0;
}
