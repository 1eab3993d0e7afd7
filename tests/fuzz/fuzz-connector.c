/*
 * fuzz-connector.c: one platform's export reader, end to end. Built once
 * per connector (FUZZ_CONNECTOR names it, FUZZ_DEFAULT the member an input
 * without "@@ " headers becomes). The input is a bundle of members (see
 * fuzz.h) read as an export: every connector bids on it, the chosen one
 * reads every item, and each item is clipped as import does and judged by
 * the shipped rules, with jansson's blocks in arenas as in the program.
 * Promises checked: a valid platform and kind, UTF-8 text within the
 * limits.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "connector.h"
#include "engine.h"
#include "item.h"
#include "jsarena.h"
#include "profile.h"
#include "source.h"
#include "fuzz.h"

extern const struct fp_connector FUZZ_CONNECTOR;

static int
valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (s == NULL)
		return 1;
	while (*p) {
		int n = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 :
		    (*p & 0xf8) == 0xf0 ? 3 : -1;

		if (n < 0)
			return 0;
		p++;
		while (n-- > 0)
			if ((*p++ & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

/* UTF-8 as fp_item_clip checks it (Unicode's table 3-7), or NULL. */
static int
strict_utf8(const char *s)
{
	return s == NULL || fp_utf8_valid(s, strlen(s));
}

static int
same_str(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* dst: src with its own copies of the strings. */
static void
item_copy(struct fp_item *dst, const struct fp_item *src)
{
	*dst = *src;
	dst->account = dup_or_null(src->account);
	dst->native_id = dup_or_null(src->native_id);
	dst->url = dup_or_null(src->url);
	dst->text = dup_or_null(src->text);
	dst->lang = dup_or_null(src->lang);
	dst->media_types = dup_or_null(src->media_types);
	dst->place = dup_or_null(src->place);
	dst->ref_author = dup_or_null(src->ref_author);
	dst->ref_id = dup_or_null(src->ref_id);
	dst->source_file = dup_or_null(src->source_file);
}

static int
count_finding(void *ud, const struct fp_finding *f)
{
	(void)f;
	(*(long *)ud)++;
	return 0;
}

static struct fp_engine *
engine(void)
{
	static struct fp_engine *eng;
	static struct fp_profile profile = FP_PROFILE_INIT;
	static int tried;

	if (!tried) {
		struct fp_err err;

		tried = 1;
		profile.agency = xstrdup("UNHCR");
		profile.name = xstrdup("Lina Haddad");
		fp_strv_add(&profile.work_domains, "unhcr.org");
		if (fuzz_rules() == NULL || fp_engine_new(&eng, fuzz_rules(), &profile, &err) != FP_OK)
			eng = NULL;
	}
	return eng;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_bundle b;
	struct fp_source *src;
	struct fp_conn conn;
	struct fp_item item;
	struct fp_err err;
	long findings = 0, items = 0;

	fp_json_arena_install();	/* as main() does: elements in arenas */
	fuzz_bundle_parse(&b, data, size, FUZZ_DEFAULT);
	src = fp_source_open_memory("fuzz.zip", b.names, b.data, b.len, b.n);
	for (size_t i = 0; fp_connectors[i] != NULL; i++) {
		int bid = fp_connectors[i]->bid(src);

		FUZZ_ASSERT(bid >= -1 && bid <= 100);
	}
	memset(&conn, 0, sizeof conn);
	fp_item_init(&item);
	if (fp_conn_open(&conn, &FUZZ_CONNECTOR, src, 1, &err) == FP_OK) {
		int r;

		if (engine() != NULL)
			fp_engine_set_account(engine(), FUZZ_CONNECTOR.name, conn.account,
			    conn.display_name);
		while ((r = fp_conn_next(&conn, &item, &err)) == FP_OK) {
			size_t bytes;

			{
				/* the import's halves give what fp_item_clip gives,
				 * UTF-8 and cut, and the same on UTF-8 fields */
				struct fp_item half;
				size_t hb, hw, w;
				int utf8 = strict_utf8(item.text) && strict_utf8(item.account) &&
				    strict_utf8(item.native_id) && strict_utf8(item.url) &&
				    strict_utf8(item.ref_author) && strict_utf8(item.ref_id) &&
				    strict_utf8(item.place) && strict_utf8(item.lang) &&
				    strict_utf8(item.media_types) && strict_utf8(item.source_file);

				item_copy(&half, &item);
				hw = fp_item_cut(&half, &hb);
				fp_item_repair(&half);
				w = fp_item_clip(&item, &bytes);
				FUZZ_ASSERT(half.text == NULL || strlen(half.text) <= FP_ITEM_MAX_TEXT);
				FUZZ_ASSERT(valid_utf8(half.text) && valid_utf8(half.account));
				if (utf8) {
					FUZZ_ASSERT(hw == w && hb == bytes);
					FUZZ_ASSERT(same_str(half.text, item.text));
					FUZZ_ASSERT(same_str(half.url, item.url));
				}
				fp_item_release(&half);
			}
			items++;
			FUZZ_ASSERT(bytes == fp_item_size(&item));
			FUZZ_ASSERT(fp_platform_valid(item.platform));
			FUZZ_ASSERT(item.kind >= 0 && item.kind < FP_KIND__COUNT);
			FUZZ_ASSERT(item.text == NULL || strlen(item.text) <= FP_ITEM_MAX_TEXT);
			FUZZ_ASSERT(valid_utf8(item.text));
			FUZZ_ASSERT(valid_utf8(item.account));
			FUZZ_ASSERT(valid_utf8(item.ref_author));
			if (engine() != NULL)
				fp_engine_judge(engine(), &item, count_finding, &findings);
			fp_item_release(&item);
		}
		FUZZ_ASSERT(r == FP_EOF || r == FP_FATAL);
		if (getenv("FUZZ_DEBUG") != NULL)	/* what a seed reaches */
			fprintf(stderr, "%s: %ld items, %ld findings, %zu warnings\n",
			    FUZZ_CONNECTOR.name, items, findings, conn.warnings.n);
		fp_conn_close(&conn);
	}
	fp_item_release(&item);
	fp_source_close(src);
	fuzz_bundle_release(&b);
	return 0;
}
