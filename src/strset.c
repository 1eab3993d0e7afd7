/*
 * strset.c: a set of strings with open addressing and FNV-1a hashing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "footprint.h"

static uint64_t
hash(const char *s)
{
	uint64_t h = UINT64_C(1469598103934665603);

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return h;
}

static size_t
find_slot(char **slots, size_t cap, const char *s)
{
	size_t i = (size_t)hash(s) & (cap - 1);

	while (slots[i] != NULL && strcmp(slots[i], s) != 0)
		i = (i + 1) & (cap - 1);
	return i;
}

int
fp_strset_add(struct fp_strset *set, const char *s)
{
	size_t i;

	if ((set->n + 1) * 2 > set->cap) {
		size_t ncap = set->cap ? set->cap * 2 : 64;
		char **nslots = xcalloc(ncap, sizeof *nslots);

		for (size_t j = 0; j < set->cap; j++)
			if (set->slots[j] != NULL)
				nslots[find_slot(nslots, ncap, set->slots[j])] = set->slots[j];
		free(set->slots);
		set->slots = nslots;
		set->cap = ncap;
	}
	i = find_slot(set->slots, set->cap, s);
	if (set->slots[i] != NULL)
		return 0;
	set->slots[i] = xstrdup(s);
	set->n++;
	return 1;
}

int
fp_strset_has(const struct fp_strset *set, const char *s)
{
	if (set->cap == 0)
		return 0;
	return set->slots[find_slot(set->slots, set->cap, s)] != NULL;
}

void
fp_strset_release(struct fp_strset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->slots[i]);
	free(set->slots);
	memset(set, 0, sizeof *set);
}
