/*
 * Unit tests: jansson's blocks in per-thread arenas (src/jsarena.c), and a
 * JSON stream's elements living in its arena until the next element.
 * Under valgrind the arena is off; every check holds either way, and
 * valgrind or ASan sees a use after a reset or a block freed wrongly.
 */
#include "config.h"

#include <pthread.h>

#include "unit.h"
#include "footprint.h"
#include "jsarena.h"
#include "jsfile.h"

/* Before any JSON: as main() does. */
UNIT(install_first)
{
	fp_json_arena_install();
	fp_json_arena_install();	/* twice is once */
}

UNIT(values_outside_survive_a_reset)
{
	struct fp_json_arena a = FP_JSON_ARENA_INIT;
	json_t *kept = json_pack("{s:s, s:[i,i]}", "name", "Amina", "ids", 1, 2), *in;
	char big[10000];
	char *s;

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	for (int round = 0; round < 50; round++) {
		fp_json_arena_enter(&a);
		in = json_pack("{s:s, s:s, s:{s:i}}", "text", "a post", "big", big,
		    "nested", "n", round);
		fp_json_arena_leave();
		/* made outside, while the arena's blocks are alive */
		json_object_set_new(kept, "round", json_integer(round));
		CHECK_STR(json_string_value(json_object_get(in, "text")), "a post");
		CHECK_INT(json_string_length(json_object_get(in, "big")), sizeof big - 1);
		CHECK_INT(json_integer_value(json_object_get(json_object_get(in, "nested"),
		    "n")), round);
		json_decref(in);
		fp_json_arena_reset(&a);
	}
	CHECK_STR(json_string_value(json_object_get(kept, "name")), "Amina");
	CHECK_INT(json_integer_value(json_object_get(kept, "round")), 49);
	s = fp_json_dumps(kept, JSON_COMPACT | JSON_SORT_KEYS);
	CHECK_STR(s, "{\"ids\":[1,2],\"name\":\"Amina\",\"round\":49}");
	free(s);			/* malloc'd, whatever jansson's allocator */
	json_decref(kept);
	fp_json_arena_release(&a);
}

/* A value made in the arena and dumped: the string is still free()'s. */
UNIT(dumps_from_arena_values)
{
	struct fp_json_arena a = FP_JSON_ARENA_INIT;
	json_t *v;
	char *s;

	fp_json_arena_enter(&a);
	v = json_loads("[1, \"two\", {\"three\": 3}]", 0, NULL);
	s = fp_json_dumps(v, JSON_COMPACT);
	fp_json_arena_leave();
	CHECK_STR(s, "[1,\"two\",{\"three\":3}]");
	json_decref(v);
	fp_json_arena_release(&a);
	free(s);
	s = fp_json_dumps(json_null(), 0);	/* not an object or array */
	CHECK(s == NULL);
}

static long
piece_read(void *ud, char *buf, size_t n, struct fp_err *err)
{
	const char **p = ud;
	size_t len;

	(void)err;
	if (n > 7)
		n = 7;		/* a few bytes at a time */
	if (n > (len = strnlen(*p, n)))	/* not strlen: the document is long */
		n = len;
	memcpy(buf, *p, n);
	*p += n;
	return (long)n;
}

/* Each element is whole until the next is asked for, over many chunks. */
UNIT(stream_elements_until_the_next)
{
	struct fp_buf doc = FP_BUF_INIT;
	struct fp_json_stream js;
	struct fp_envelope_info info;
	struct fp_err err;
	const char *p;
	json_t *e;
	int n = 0;
	char xs[301];

	memset(xs, 'x', 300);
	xs[300] = '\0';
	fp_buf_addstr(&doc, "[");
	for (int i = 0; i < 3000; i++)
		fp_buf_addf(&doc, "%s{\"id\": \"%d\", \"text\": \"%.*s\", \"tags\": [%d, %d]}",
		    i ? "," : "", i, 1 + i % 300, xs, i, -i);
	fp_buf_addstr(&doc, "]");
	p = doc.data;
	CHECK_INT(fp_json_stream_open_reader(&js, piece_read, &p, NULL, &info, &err), FP_OK);
	while (fp_json_stream_next(&js, &e, &err) == FP_OK) {
		char want[16];

		snprintf(want, sizeof want, "%d", n);
		CHECK_STR(fp_json_str(e, "id"), want);
		CHECK_INT(strlen(fp_json_str(e, "text")), 1 + n % 300);
		CHECK_INT(json_integer_value(json_array_get(json_object_get(e, "tags"), 1)), -n);
		json_decref(e);
		n++;
	}
	CHECK_INT(n, 3000);
	fp_json_stream_release(&js);
	fp_buf_release(&doc);
}

static void *
thread_parse(void *arg)
{
	struct fp_json_arena a = FP_JSON_ARENA_INIT;
	long *bad = arg;

	for (int i = 0; i < 2000; i++) {
		char text[64];
		json_t *v;

		snprintf(text, sizeof text, "{\"n\": %d, \"s\": \"t%d\"}", i, i);
		fp_json_arena_enter(&a);
		v = json_loads(text, 0, NULL);
		fp_json_arena_leave();
		if (v == NULL || json_integer_value(json_object_get(v, "n")) != i)
			(*bad)++;
		json_decref(v);
		fp_json_arena_reset(&a);
	}
	fp_json_arena_release(&a);
	return NULL;
}

/* An arena is its thread's: two threads parse side by side, a third
 * makes values on the heap meanwhile. */
UNIT(arenas_are_per_thread)
{
	pthread_t t[2];
	long bad[2] = { 0, 0 };
	json_t *heap = json_array();

	for (int i = 0; i < 2; i++)
		CHECK_INT(pthread_create(&t[i], NULL, thread_parse, &bad[i]), 0);
	for (int i = 0; i < 2000; i++)
		json_array_append_new(heap, json_integer(i));
	for (int i = 0; i < 2; i++) {
		pthread_join(t[i], NULL);
		CHECK_INT(bad[i], 0);
	}
	CHECK_INT(json_array_size(heap), 2000);
	CHECK_INT(json_integer_value(json_array_get(heap, 1999)), 1999);
	json_decref(heap);
}

UNIT_MAIN(install_first, values_outside_survive_a_reset, dumps_from_arena_values,
    stream_elements_until_the_next, arenas_are_per_thread)
