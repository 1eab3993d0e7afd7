/*
 * match.h: a multi-pattern matcher (Aho-Corasick) over bytes.
 *
 * Every lexicon term of every rule goes into one matcher, so an item is
 * scanned once whatever the number of rules. Terms and text are both in
 * the normal form of text.h (" word word "), so a term written with its
 * padding spaces matches on word boundaries.
 */
#ifndef FP_MATCH_H
#define FP_MATCH_H

#include <stddef.h>

struct fp_matcher;

struct fp_matcher *fp_matcher_new(void);
void	fp_matcher_free(struct fp_matcher *m);
/* Add a pattern (copied) reported as id; before fp_matcher_compile(). */
void	fp_matcher_add(struct fp_matcher *m, const char *pat, size_t len, int id);
void	fp_matcher_compile(struct fp_matcher *m);
/* Call hit(ud, id) for every occurrence of every pattern in text. */
void	fp_matcher_scan(const struct fp_matcher *m, const char *text, size_t len,
	    void (*hit)(void *ud, int id), void *ud);
/* Call hit(ud, id) at least once for every pattern that occurs in text,
 * in no set order: quicker than a scan on long texts (two halves at once). */
void	fp_matcher_mark(const struct fp_matcher *m, const char *text, size_t len,
	    void (*hit)(void *ud, int id), void *ud);
size_t	fp_matcher_states(const struct fp_matcher *m);

#endif
