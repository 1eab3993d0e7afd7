/*
 * footprint.h: what every part of footprint shares.
 *
 * Return codes (after libarchive's tiers), the error carrier passed down
 * every call that can fail, allocation helpers that never return NULL,
 * a growable byte buffer and a string vector, and time helpers.
 *
 * Ownership: a function that returns "char *" hands the caller a
 * malloc'd string to free(); one that returns "const char *" lends it,
 * valid until the object it came from changes or is freed.
 */
#ifndef FOOTPRINT_H
#define FOOTPRINT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

#define FP_EOF		1	/* no more items */
#define FP_OK		0
#define FP_WARN		(-20)	/* one thing skipped; the rest goes on */
#define FP_FAILED	(-25)	/* this operation failed; others may work */
#define FP_FATAL	(-30)	/* nothing more can be done */

/* Exit statuses of the program (see README.md, "Exit status"). */
#define FP_EXIT_OK		0
#define FP_EXIT_FINDINGS	1
#define FP_EXIT_USAGE		2
#define FP_EXIT_PARTIAL		3

/* An error message filled by the function that failed. */
struct fp_err {
	int	code;
	char	msg[512];
};

void	fp_err_set(struct fp_err *err, int code, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	fp_err_clear(struct fp_err *err);

/* Allocation: these abort with a message when memory runs out. */
void	*xmalloc(size_t size);
void	*xcalloc(size_t n, size_t size);
void	*xrealloc(void *p, size_t size);
void	*xreallocarray(void *p, size_t n, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
char	*xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable buffer; data is always NUL-terminated once anything is added. */
struct fp_buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};
#define FP_BUF_INIT { NULL, 0, 0 }

/* Room for n more bytes and the NUL (the slow path of the two below). */
void	fp_buf_grow(struct fp_buf *b, size_t n);

/* Inline: the normaliser and the escapers add a byte at a time. */
static inline void
fp_buf_add(struct fp_buf *b, const void *p, size_t n)
{
	if (b->cap - b->len <= n)
		fp_buf_grow(b, n);
	if (n != 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void
fp_buf_addc(struct fp_buf *b, char c)
{
	if (b->cap - b->len < 2)
		fp_buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void	fp_buf_addstr(struct fp_buf *b, const char *s);
void	fp_buf_addf(struct fp_buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	fp_buf_reset(struct fp_buf *b);		/* len = 0, keeps memory */
void	fp_buf_release(struct fp_buf *b);	/* frees, back to INIT */
char	*fp_buf_detach(struct fp_buf *b);	/* caller owns the string */
const char *fp_buf_str(struct fp_buf *b);	/* "" when empty */

/* A vector of owned strings. */
struct fp_strv {
	char	**v;
	size_t	  n;
	size_t	  cap;
};
#define FP_STRV_INIT { NULL, 0, 0 }

void	fp_strv_add(struct fp_strv *sv, const char *s);	/* copies s */
void	fp_strv_take(struct fp_strv *sv, char *s);	/* takes s */
int	fp_strv_has(const struct fp_strv *sv, const char *s);
int	fp_strv_has_icase(const struct fp_strv *sv, const char *s);
void	fp_strv_release(struct fp_strv *sv);

/* Strings. */
int	fp_streq_icase(const char *a, const char *b);
int	fp_has_suffix(const char *s, const char *suffix);
int	fp_has_suffix_icase(const char *s, const char *suffix);
const char *fp_basename(const char *path);	/* points into path */

/* Time: seconds since the epoch, UTC. FP_TIME_NONE means unknown. */
#define FP_TIME_NONE	INT64_MIN
int64_t	fp_time_parse(const char *s);	/* every date form the exports use */
int64_t	fp_time_from_fields(int y, int mon, int d, int h, int mi, int s);
void	fp_time_iso(int64_t t, char out[32]);	/* 2022-11-03T08:50:26Z or "" */
int64_t	fp_time_snowflake(const char *id);	/* X ids; FP_TIME_NONE if pre-2010 */
int	fp_parse_age(const char *s, int64_t *seconds);	/* "2y", "6m", "30d" */

/* Characters in s as fp_utf8_repair would leave them (a bad byte is one). */
size_t	fp_utf8_chars(const char *s, size_t len);
/* UTF-8: replace invalid sequences with U+FFFD. Returns how many were
 * replaced, and the byte offset of the first in *first_bad (if not NULL). */
size_t	fp_utf8_repair(struct fp_buf *out, const char *s, size_t len, size_t *first_bad);
int	fp_utf8_valid(const char *s, size_t len);
int	fp_is_ascii(const char *s, size_t len);	/* no byte is >= 0x80 */
/* Line and column (1-based) of a byte offset in a buffer. */
void	fp_line_col(const char *s, size_t len, size_t off, int *line, int *col);

/* SHA-256 of data, and base64 (caller frees): the HTML report's CSP. */
void	fp_sha256(const void *data, size_t len, unsigned char out[32]);
char	*fp_base64(const unsigned char *p, size_t n);

/* Messages to stderr, prefixed "footprint: ". */
void	fp_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));



/* A set of strings (open addressing); copies what it is given. */
struct fp_strset {
	char	**slots;
	size_t	  cap;
	size_t	  n;
};
#define FP_STRSET_INIT { NULL, 0, 0 }
int	fp_strset_add(struct fp_strset *set, const char *s);	/* 1 if new */
int	fp_strset_has(const struct fp_strset *set, const char *s);
void	fp_strset_release(struct fp_strset *set);

/*
 * A set of 64-bit hashes (src/keyset.c). fp_keyset_add: 1 when h was in
 * the set already, else 0 (added). Once fp_keyset_full (max_keys held),
 * the owner empties it with fp_keyset_take_sorted: the keys in ascending
 * order (the caller frees them), the set left empty and usable.
 */
struct fp_keyset {
	uint64_t *slots;
	size_t	  cap, n, max_keys;
	int	  has_zero;
};
void	 fp_keyset_init(struct fp_keyset *ks, size_t max_keys);
int	 fp_keyset_add(struct fp_keyset *ks, uint64_t h);
/* Room made for n more keys and their slots fetched into the cache, so
 * that adding them, next, waits on memory once for all of them. */
void	 fp_keyset_prefetch(struct fp_keyset *ks, const uint64_t *h, size_t n);
int	 fp_keyset_full(const struct fp_keyset *ks);
uint64_t *fp_keyset_take_sorted(struct fp_keyset *ks, size_t *n);
void	 fp_keyset_release(struct fp_keyset *ks);
#endif
