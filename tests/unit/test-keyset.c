/* Unit tests: the set of 64-bit hashes (src/keyset.c) and the audit's
 * check that no item is read twice (fp_store_key_seen), with its keys
 * held in memory and with them moved to the store when there are many. */
#include "config.h"
#include "unit.h"
#include "footprint.h"
#include "store.h"

/* A spread of values, zero included, as hashes are. */
static uint64_t
key(uint64_t i)
{
	return i * UINT64_C(0x9e3779b97f4a7c15);
}

UNIT(keyset_adds_and_finds)
{
	struct fp_keyset ks;
	size_t n;
	uint64_t *v;
	int dup = 0;

	fp_keyset_init(&ks, 100000);
	for (uint64_t i = 0; i < 50000; i++)
		dup += fp_keyset_add(&ks, key(i));
	CHECK_INT(dup, 0);
	CHECK_INT(ks.n, 50000);
	CHECK(!fp_keyset_full(&ks));
	for (uint64_t i = 0; i < 50000; i += 7)
		dup += fp_keyset_add(&ks, key(i));
	CHECK_INT(dup, (50000 + 6) / 7);
	CHECK_INT(ks.n, 50000);
	CHECK(ks.cap >= 2 * ks.n);
	v = fp_keyset_take_sorted(&ks, &n);
	CHECK_INT(n, 50000);
	for (size_t i = 1; i < n; i++)
		if (v[i - 1] >= v[i]) {
			CHECK(v[i - 1] < v[i]);
			break;
		}
	CHECK_INT(v[0], 0);	/* key(0): the zero hash is kept too */
	free(v);
	/* emptied, and usable again */
	CHECK_INT(ks.n, 0);
	CHECK_INT(fp_keyset_add(&ks, key(3)), 0);
	CHECK_INT(fp_keyset_add(&ks, key(3)), 1);
	CHECK_INT(fp_keyset_add(&ks, 0), 0);
	CHECK_INT(fp_keyset_add(&ks, 0), 1);
	fp_keyset_release(&ks);
	v = fp_keyset_take_sorted(&ks, &n);
	CHECK_INT(n, 0);
	free(v);
}

/* Keys added after their batch was prefetched get the answers they get
 * without: the room made ahead (growth included) loses and doubles none. */
UNIT(prefetched_batches_add_the_same)
{
	struct fp_keyset ks, plain;
	uint64_t batch[256];
	int dup = 0, differ = 0;

	fp_keyset_init(&ks, 1000000);
	fp_keyset_init(&plain, 1000000);
	for (uint64_t start = 0; start < 60000; start += 256) {
		for (size_t i = 0; i < 256; i++)	/* every third one a repeat */
			batch[i] = key(i % 3 == 0 ? i : start + i);
		fp_keyset_prefetch(&ks, batch, 256);
		CHECK(ks.cap >= 2 * (ks.n + 256));
		for (size_t i = 0; i < 256; i++) {
			int a = fp_keyset_add(&ks, batch[i]);

			dup += a;
			differ += a != fp_keyset_add(&plain, batch[i]);
		}
	}
	CHECK_INT(dup, 234 * 86);	/* the first batch has none */
	CHECK_INT(differ, 0);
	CHECK_INT(ks.n, plain.n);
	fp_keyset_release(&ks);
	fp_keyset_release(&plain);
}

UNIT(keyset_full)
{
	struct fp_keyset ks;

	fp_keyset_init(&ks, 3);
	fp_keyset_add(&ks, 1);
	fp_keyset_add(&ks, 2);
	CHECK(!fp_keyset_full(&ks));
	fp_keyset_add(&ks, 2);
	CHECK(!fp_keyset_full(&ks));
	fp_keyset_add(&ks, 3);
	CHECK(fp_keyset_full(&ks));
	fp_keyset_release(&ks);
}

static void
item(struct fp_item *it, const char *id, enum fp_kind kind)
{
	fp_item_init(it);
	it->platform = "x";
	it->account = xstrdup("jdoe");
	it->kind = kind;
	it->native_id = id != NULL ? xstrdup(id) : NULL;
	it->text = xstrdup("a text");
	it->created_at = 1600000000;
}

/* Feed ids[] to a fresh temporary store that holds max_keys keys in
 * memory; the index of the first item found again (the flush at the end
 * included: ids counts), or -1. */
static long
first_again(const char *const *ids, size_t n, size_t max_keys)
{
	struct fp_store *st = NULL;
	struct fp_err err;
	long found = -1;
	int again = 0;

	if (fp_store_open(&st, NULL, &err) != FP_OK ||
	    fp_store_keys_begin(st, max_keys, &err) != FP_OK ||
	    fp_store_begin_import(st, &err) != FP_OK) {
		fprintf(stderr, "%s\n", err.msg);
		CHECK(0);
		fp_store_close(st);
		return -2;
	}
	for (size_t i = 0; i < n && found < 0; i++) {
		struct fp_item it;

		item(&it, ids[i], FP_KIND_POST);
		CHECK(fp_store_key_seen(st, fp_store_item_hash(&it), &again, &err) == FP_OK);
		if (again)
			found = (long)i;
		fp_item_release(&it);
	}
	if (found < 0) {
		CHECK(fp_store_keys_flush(st, &again, &err) == FP_OK);
		if (again)
			found = (long)n;
	}
	fp_store_rollback(st);
	fp_store_close(st);
	return found;
}

UNIT(items_read_twice)
{
	static const char *const none[] = { "1", "2", "3", "4", "5", "6", "7" };
	static const char *const late[] = { "1", "2", "3", "4", "5", "6", "1" };
	static const char *const near[] = { "1", "2", "3", "3", "5", "6", "7" };

	/* every key in memory: found at once */
	CHECK_INT(first_again(none, 7, 0), -1);
	CHECK_INT(first_again(late, 7, 0), 6);
	CHECK_INT(first_again(near, 7, 0), 3);
	/* two keys in memory: "1" was moved to the table, and is found again
	 * when the keys after it move (after "5", the 6th key... or at the
	 * flush); "3" twice in a row is found in memory */
	CHECK_INT(first_again(none, 7, 2), -1);
	CHECK(first_again(late, 7, 2) >= 6);
	CHECK_INT(first_again(near, 7, 2), 3);
	CHECK_INT(first_again(none, 7, 1), -1);
	CHECK(first_again(late, 7, 1) >= 6);
	CHECK(first_again(near, 7, 1) >= 3);
}

UNIT(keys_tell_kinds_apart)
{
	struct fp_store *st = NULL;
	struct fp_err err;
	struct fp_item a, b, c;
	int again = -1;

	CHECK(fp_store_open(&st, NULL, &err) == FP_OK);
	CHECK(fp_store_keys_begin(st, 0, &err) == FP_OK);
	item(&a, "42", FP_KIND_POST);
	item(&b, "42", FP_KIND_LIKE);	/* a like of one's own post */
	item(&c, NULL, FP_KIND_POST);	/* no id: keyed by its date and text */
	CHECK(fp_store_key_seen(st, fp_store_item_hash(&a), &again, &err) == FP_OK && !again);
	CHECK(fp_store_key_seen(st, fp_store_item_hash(&b), &again, &err) == FP_OK && !again);
	CHECK(fp_store_key_seen(st, fp_store_item_hash(&c), &again, &err) == FP_OK && !again);
	CHECK(fp_store_key_seen(st, fp_store_item_hash(&c), &again, &err) == FP_OK && again);
	free(a.account);
	a.account = xstrdup("other");
	CHECK(fp_store_key_seen(st, fp_store_item_hash(&a), &again, &err) == FP_OK && !again);
	fp_item_release(&a);
	fp_item_release(&b);
	fp_item_release(&c);
	fp_store_close(st);
}

UNIT_MAIN(keyset_adds_and_finds, prefetched_batches_add_the_same, keyset_full, items_read_twice, keys_tell_kinds_apart)
