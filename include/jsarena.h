/*
 * jsarena.h: a scoped arena for jansson's allocations.
 *
 * Reading a big export is mostly jansson building one small tree per list
 * element and freeing it right after, and malloc and free were a fifth of
 * that. Once fp_json_arena_install() has run (main() runs it first, before
 * any JSON is made), jansson allocates through jsarena.c: on a thread that
 * has entered an arena, small blocks are carved from it and freeing them
 * does nothing; fp_json_arena_reset() takes them all back at once. Any
 * other block comes from malloc and goes back to free, as before.
 *
 * A value made in an arena must not be used after the arena is reset:
 * fp_json_stream enters its arena only to parse an element, and resets it
 * when the next element is asked for, so an element lives until then.
 *
 * Under valgrind, install does nothing, so that memcheck sees each block;
 * under AddressSanitizer, arena blocks have red zones and a reset poisons
 * them, so that a use after the reset is caught as with free().
 */
#ifndef FP_JSARENA_H
#define FP_JSARENA_H

#include <stddef.h>

struct fp_json_arena_chunk;

struct fp_json_arena {
	struct fp_json_arena_chunk	*head;	/* chunks, kept across resets */
	struct fp_json_arena_chunk	*cur;	/* the one being carved */
};
#define FP_JSON_ARENA_INIT { NULL, NULL }

/* Route jansson's allocations through here; once, before any JSON is made. */
void	fp_json_arena_install(void);
/* Until fp_json_arena_leave(), this thread's small JSON blocks come from a. */
void	fp_json_arena_enter(struct fp_json_arena *a);
void	fp_json_arena_leave(void);
/* Every block carved from a is free again (a must not be entered). */
void	fp_json_arena_reset(struct fp_json_arena *a);
/* Reset and give the memory back; a is then as FP_JSON_ARENA_INIT. */
void	fp_json_arena_release(struct fp_json_arena *a);

#endif
