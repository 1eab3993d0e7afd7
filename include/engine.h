/*
 * engine.h: judge stored items against a rule set for one profile and
 * write the findings. One finding per item and rule. An engine is used by
 * one thread at a time; the scan makes one per core.
 */
#ifndef FP_ENGINE_H
#define FP_ENGINE_H

#include <stdio.h>

#include "footprint.h"
#include "item.h"
#include "rules.h"
#include "profile.h"
#include "store.h"

struct fp_engine;

/* Steps one rule regex may take on one item before it counts as no match. */
#define FP_REGEX_MATCH_LIMIT	1000000

struct fp_scan_stats {
	long	items;
	long	findings;
	int	pseudonym_check;	/* 0 when --name was not given */
};

/* Compile the rule set for a profile. The ruleset and profile are borrowed
 * and must outlive the engine. */
int	 fp_engine_new(struct fp_engine **out, const struct fp_ruleset *rs,
	    const struct fp_profile *profile, struct fp_err *err);
void	 fp_engine_free(struct fp_engine *eng);

/* Which accounts are pseudonymous: call per account before judging. */
void	 fp_engine_set_account(struct fp_engine *eng, const char *platform,
	    const char *handle, const char *display_name);

/* Judge one item; fn is called once per matching rule. */
typedef int (*fp_finding_fn)(void *ud, const struct fp_finding *f);
int	 fp_engine_judge(struct fp_engine *eng, const struct fp_item *item,
	    fp_finding_fn fn, void *ud);

/* Print what fires on item and why: each rule, its conditions, the terms
 * matched, scores against thresholds. Returns how many rules fired. */
int	 fp_engine_explain(struct fp_engine *eng, const struct fp_item *item, FILE *out);

/* Items counted by platform and kind, in a handful of pairs (platforms
 * are copied). */
struct fp_kind_counts {
	struct fp_kind_count	*v;
	size_t			 n, cap, last;
};
void	 fp_kind_counts_add(struct fp_kind_counts *c, const char *platform,
	    enum fp_kind kind);
void	 fp_kind_counts_release(struct fp_kind_counts *c);

/*
 * Judging on the way into the store (audit without --db): an item that no
 * rule flags is counted and not stored, so that the scan reads back only
 * the few that can be flagged. The engine judges leniently: a rule's
 * pseudonymous condition is taken as met either way, since the accounts are
 * known only once the whole archive is read; the scan that follows, over
 * the kept items and with the accounts, then gives exactly the findings it
 * would give over every item. Two items with one key are merged by the
 * store, which judging them one at a time cannot foresee: the importer
 * checks every key (fp_store_key_seen) and sets repeated, and the caller
 * reads everything again into a full store.
 */
struct fp_prefilter {
	struct fp_engine	*eng;		/* borrowed (a twin's: owned); lenient */
	struct fp_kind_counts	 kinds;		/* every item judged */
	long			 items;		/* judged */
	long			 kept;		/* with a finding: stored */
	int			 repeated;	/* a key came twice */
	int			 twin;		/* made by fp_prefilter_fork */
};
void	 fp_prefilter_init(struct fp_prefilter *pf, struct fp_engine *eng);
/* 1 when the item may be flagged and must be stored; counts it. */
int	 fp_prefilter_keep(struct fp_prefilter *pf, const struct fp_item *item);
/* Frees the counts (and a twin's engine); the engine is strict again. */
void	 fp_prefilter_release(struct fp_prefilter *pf);
/* A twin of pf, to judge on another thread beside it: an engine of its
 * own (pf's rules, profile and "now"), counts of its own, from zero. */
int	 fp_prefilter_fork(struct fp_prefilter *twin, const struct fp_prefilter *pf,
	    struct fp_err *err);
/* The twin's counts added to pf's; the twin released. */
void	 fp_prefilter_join(struct fp_prefilter *pf, struct fp_prefilter *twin);

/* Replace all findings in the store (one transaction). With pf (after an
 * import through it), the items counted are pf's, not those stored. */
int	 fp_engine_scan(struct fp_engine *eng, struct fp_store *st,
	    const struct fp_prefilter *pf, struct fp_scan_stats *stats,
	    struct fp_err *err);

/* Does the profile's real name appear in this account's name or handle? */
int	 fp_name_matches(const char *real_name, const char *handle, const char *display);

#endif
