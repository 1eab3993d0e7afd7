/*
 * engine.h: judge stored items against a rule set for one profile and
 * write the findings. One finding per item and rule.
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

/* Replace all findings in the store (one transaction). */
int	 fp_engine_scan(struct fp_engine *eng, struct fp_store *st,
	    struct fp_scan_stats *stats, struct fp_err *err);

/* Does the profile's real name appear in this account's name or handle? */
int	 fp_name_matches(const char *real_name, const char *handle, const char *display);

#endif
