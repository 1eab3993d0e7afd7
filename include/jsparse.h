/*
 * jsparse.h: a fast path for parsing JSON held whole in memory into a
 * jansson tree.
 *
 * jansson reads its input a byte at a time through a callback and copies
 * each string byte by byte before decoding it; on a big export that was
 * most of the reading. fp_json_parse_fast builds the same tree with
 * jansson's own constructors (so in the arena of jsarena.h when one is
 * entered), reading strings eight bytes at a time. It takes plain JSON
 * only: on anything else (an error of any kind, a number it cannot convert
 * exactly as jansson does, nesting deeper than FP_JSPARSE_MAX_DEPTH, a key
 * holding \u0000) it returns NULL, and the caller asks json_loadb, which
 * gives the tree or the error and its place. What it returns, json_loadb
 * returns too (tests/fuzz/fuzz-jsparse.c holds it to that).
 */
#ifndef FP_JSPARSE_H
#define FP_JSPARSE_H

#include <stddef.h>
#include <jansson.h>

struct fp_buf;

#define FP_JSPARSE_MAX_DEPTH	256

/*
 * The value in b[0..n), blanks around it allowed, as json_loadb(b, n,
 * JSON_DECODE_ANY | JSON_ALLOW_NUL) would give it, or NULL when b is not
 * all UTF-8 (the strings read are checked as they are read, anything
 * else only when it has a byte that is not ASCII). Members named in drop (NULL-terminated, or NULL for
 * none; a key spelt with an escape is not that name) are left out of
 * every object, their values skipped unread (only their brackets and
 * strings are followed). scratch holds decoded strings
 * while parsing. A new reference, or NULL: not plain, ask jansson.
 */
json_t	*fp_json_parse_fast(const char *b, size_t n, const char *const *drop,
	    struct fp_buf *scratch);
/*
 * The object or array that starts at b[0] and ends within n bytes, what
 * is after it unread: the same value fp_json_parse_fast gives on exactly
 * its bytes, *used of them. NULL when b[0] is not '{' or '[', when the
 * value is not plain, or when it does not end within n (the bytes may be
 * a window on a longer input).
 */
json_t	*fp_json_parse_prefix(const char *b, size_t n, const char *const *drop,
	    struct fp_buf *scratch, size_t *used);

#endif
