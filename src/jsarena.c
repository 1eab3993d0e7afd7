/*
 * jsarena.c: jansson's allocator, with per-thread arenas (see jsarena.h).
 *
 * Every block handed to jansson has a 16-byte header saying where it came
 * from, so that freeing works whatever thread or arena state it happens
 * in: a heap block goes back to free(), an arena block is left for its
 * arena's reset. Blocks of ARENA_SMALL bytes and more always come from the
 * heap, so a huge string in an element costs no more than before.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <jansson.h>

#ifdef HAVE_VALGRIND_VALGRIND_H
#include <valgrind/valgrind.h>
#endif

#include "footprint.h"
#include "jsarena.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FP_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define FP_ASAN 1
#endif

#ifdef FP_ASAN
#include <sanitizer/asan_interface.h>
#define REDZONE		16
#else
#define ASAN_POISON_MEMORY_REGION(p, n)		((void)(p), (void)(n))
#define ASAN_UNPOISON_MEMORY_REGION(p, n)	((void)(p), (void)(n))
#define REDZONE		0
#endif

#define HEADER		16		/* keeps blocks 16-byte aligned */
#define FROM_HEAP	0x6a736170u	/* header tags */
#define FROM_ARENA	0x6a736172u
#define ARENA_SMALL	4096		/* bigger blocks: the heap */
#define CHUNK_SIZE	(64 * 1024)
#define CHUNKS_KEPT	16		/* across a reset; more are freed */

struct fp_json_arena_chunk {
	struct fp_json_arena_chunk	*next;
	size_t				 used;
	_Alignas(16) unsigned char	 data[CHUNK_SIZE];
};

static _Thread_local struct fp_json_arena *current;
static int installed;

static void *
block(unsigned char *h, uint32_t tag)
{
	*(uint32_t *)h = tag;
	return h + HEADER;
}

static void *
arena_malloc(size_t n)
{
	struct fp_json_arena *a = current;
	size_t need;

	if (a != NULL && n < ARENA_SMALL) {
		need = HEADER + ((n + 15) & ~(size_t)15) + REDZONE;
		if (a->cur == NULL || a->cur->used + need > CHUNK_SIZE) {
			struct fp_json_arena_chunk *c = a->cur != NULL ? a->cur->next : a->head;

			if (c == NULL) {
				c = xmalloc(sizeof *c);
				c->next = NULL;
				ASAN_POISON_MEMORY_REGION(c->data, CHUNK_SIZE);
				if (a->cur != NULL)
					a->cur->next = c;
				else
					a->head = c;
			}
			c->used = 0;
			a->cur = c;
		}
		{
			unsigned char *h = a->cur->data + a->cur->used;

			a->cur->used += need;
			ASAN_UNPOISON_MEMORY_REGION(h, HEADER + n);
			return block(h, FROM_ARENA);
		}
	}
	{
		unsigned char *h = n <= SIZE_MAX - HEADER ? malloc(HEADER + n) : NULL;

		return h != NULL ? block(h, FROM_HEAP) : NULL;
	}
}

static void
arena_free(void *p)
{
	unsigned char *h;

	if (p == NULL)
		return;
	h = (unsigned char *)p - HEADER;
	switch (*(uint32_t *)h) {
	case FROM_HEAP:
		*(uint32_t *)h = 0;	/* a second free is caught below */
		free(h);
		return;
	case FROM_ARENA:
		return;			/* back at the arena's reset */
	default:
		fprintf(stderr, "footprint: jansson freed a block it did not get"
		    " from jsarena.c\n");
		abort();
	}
}

void
fp_json_arena_install(void)
{
#ifdef RUNNING_ON_VALGRIND
	if (RUNNING_ON_VALGRIND)
		return;
#endif
	if (!installed) {
		json_set_alloc_funcs(arena_malloc, arena_free);
		installed = 1;
	}
}

void
fp_json_arena_enter(struct fp_json_arena *a)
{
	if (installed)
		current = a;
}

void
fp_json_arena_leave(void)
{
	current = NULL;
}

void
fp_json_arena_reset(struct fp_json_arena *a)
{
	struct fp_json_arena_chunk *c = a->head, **link = &a->head;
	int kept = 0;

	while (c != NULL) {
		struct fp_json_arena_chunk *next = c->next;

		if (kept++ < CHUNKS_KEPT) {
			ASAN_POISON_MEMORY_REGION(c->data, CHUNK_SIZE);
			c->used = 0;
			link = &c->next;
		} else {
			*link = NULL;
			ASAN_UNPOISON_MEMORY_REGION(c->data, CHUNK_SIZE);
			free(c);
		}
		c = next;
	}
	a->cur = NULL;
}

void
fp_json_arena_release(struct fp_json_arena *a)
{
	struct fp_json_arena_chunk *c = a->head;

	while (c != NULL) {
		struct fp_json_arena_chunk *next = c->next;

		ASAN_UNPOISON_MEMORY_REGION(c->data, CHUNK_SIZE);
		free(c);
		c = next;
	}
	a->head = a->cur = NULL;
}
