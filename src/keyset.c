/*
 * keyset.c: a set of 64-bit hashes in memory (open addressing, linear
 * probing, at most half full), for the audit's check that no item is read
 * twice (see fp_store_key_seen). It grows by doubling up to a size the
 * caller sets, which then empties it into something bigger and slower.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "footprint.h"

#define KEYSET_MIN	((size_t)1 << 12)

void
fp_keyset_init(struct fp_keyset *ks, size_t max_keys)
{
	memset(ks, 0, sizeof *ks);
	ks->max_keys = max_keys > 0 ? max_keys : 1;
}

/* Where h's probe starts. */
static size_t
home_of(const struct fp_keyset *ks, uint64_t h)
{
	return (size_t)(h ^ (h >> 29)) & (ks->cap - 1);
}

/* The slot of h, or of the empty slot where it would go. */
static size_t
slot_of(const struct fp_keyset *ks, uint64_t h)
{
	size_t mask = ks->cap - 1, i = home_of(ks, h);

	while (ks->slots[i] != 0 && ks->slots[i] != h)
		i = (i + 1) & mask;
	return i;
}

static void
grow(struct fp_keyset *ks)
{
	uint64_t *old = ks->slots;
	size_t oldcap = ks->cap;

	ks->cap = oldcap ? oldcap * 2 : KEYSET_MIN;
	ks->slots = xcalloc(ks->cap, sizeof *ks->slots);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i] != 0)
			ks->slots[slot_of(ks, old[i])] = old[i];
	free(old);
}

int
fp_keyset_add(struct fp_keyset *ks, uint64_t h)
{
	size_t i;

	if (h == 0) {		/* 0 marks an empty slot: kept aside */
		if (ks->has_zero)
			return 1;
		ks->has_zero = 1;
		ks->n++;
		return 0;
	}
	if ((ks->n + 1) * 2 > ks->cap)
		grow(ks);
	i = slot_of(ks, h);
	if (ks->slots[i] == h)
		return 1;
	ks->slots[i] = h;
	ks->n++;
	return 0;
}

void
fp_keyset_prefetch(struct fp_keyset *ks, const uint64_t *h, size_t n)
{
	while ((ks->n + n) * 2 > ks->cap)
		grow(ks);
	for (size_t i = 0; i < n; i++)
		__builtin_prefetch(&ks->slots[home_of(ks, h[i])], 1);
}

int
fp_keyset_full(const struct fp_keyset *ks)
{
	return ks->n >= ks->max_keys;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

uint64_t *
fp_keyset_take_sorted(struct fp_keyset *ks, size_t *n)
{
	uint64_t *v = ks->slots;
	size_t m = 0;

	/* Compacted in place: the slots become the sorted array. */
	for (size_t i = 0; i < ks->cap; i++)
		if (v[i] != 0)
			v[m++] = v[i];
	if (ks->has_zero) {
		if (v == NULL)
			v = xcalloc(1, sizeof *v);
		v[m++] = 0;
	}
	if (m > 1)
		qsort(v, m, sizeof *v, cmp_u64);
	*n = m;
	ks->slots = NULL;
	ks->cap = 0;
	ks->n = 0;
	ks->has_zero = 0;
	return v;
}

void
fp_keyset_release(struct fp_keyset *ks)
{
	free(ks->slots);
	ks->slots = NULL;
	ks->cap = ks->n = 0;
	ks->has_zero = 0;
}
