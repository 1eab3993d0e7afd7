/*
 * rules.h: rules are data. This loads them from YAML files (rules/NAME.yaml,
 * described in rules/README.md) with their lexicons (rules/lexicons/) and
 * the table of UN system entities, and checks every field: a broken file
 * is an error naming the file, line and field, never a skipped rule.
 */
#ifndef FP_RULES_H
#define FP_RULES_H

#include <stdint.h>
#include "footprint.h"
#include "item.h"

enum fp_severity { FP_SEV_INFO, FP_SEV_LOW, FP_SEV_MEDIUM, FP_SEV_HIGH };

/* Guideline families: whose guidelines an entity's staff follow. */
#define FP_FAMILIES 5
extern const char *const fp_families[];	/* UN, UN-system, UNHCR, UNOPS, IOM */
int	 fp_family_index(const char *family);	/* -1 if unknown */

/* An agency profile (rules/agencies/NAME.yaml): its guideline clauses. */
struct fp_agency {
	char		*family;
	char		*document;
	struct fp_strv	 ids;		/* "§2" */
	struct fp_strv	 titles;	/* "Be impartial, neutral and independent" */
	struct fp_strv	 quotes;	/* the guideline's own words */
};
const char *fp_severity_name(int sev);
int	 fp_severity_from_name(const char *name);	/* -1 if unknown */

/* The category and action vocabularies of the JSON contract. */
extern const char *const fp_categories[];	/* NULL-terminated */
extern const char *const fp_actions[];		/* NULL-terminated */

/* What kind of test a rule applies. */
enum fp_check {
	FP_CHECK_TEXT,			/* match the item's text */
	FP_CHECK_USERNAME_ENTITY,	/* a UN entity among the handle's segments */
	FP_CHECK_WORK_EMAIL,		/* an email at a UN or work domain */
	FP_CHECK_CONDITIONS		/* the conditions (when:) alone */
};

/* One node of a rule's match expression. */
enum fp_match_op { FP_M_TERMS, FP_M_REGEX, FP_M_ANY, FP_M_ALL, FP_M_NONE, FP_M_SCORE,
    FP_M_COUNTRY };

struct fp_match {
	enum fp_match_op op;
	/* FP_M_TERMS: pattern ids into the rule set's pattern table */
	int		*pats;
	size_t		 npats;
	int		*sorted;	/* pats in increasing order, for lookups */
	int		 regex;		/* FP_M_REGEX: index into the rule set's regexes */
	double		 weight;	/* in a score */
	/* ANY / ALL / NONE / SCORE: children */
	struct fp_match	*kids;
	size_t		 nkids;
	double		 threshold;	/* SCORE */
	int		 line;		/* where it was written */
	char		*label;		/* leaves: "lexicon NAME" or the terms */
};

struct fp_rule {
	char		*id;
	char		*title;
	const char	*category;	/* from fp_categories */
	int		 severity;
	const char	*action;	/* from fp_actions */
	unsigned	 kinds;		/* bit per enum fp_kind; 0 = all */
	struct fp_strv	 platforms;	/* empty = all */
	enum fp_check	 check;
	/* guideline clauses per agency: {"UNHCR":["§2 ..."],"UN":[...]},
	 * built from the agency profiles (rules/agencies/) */
	char		*guidelines_json;
	int		 severity_by_family[FP_FAMILIES];	/* -1: the rule's */
	/* conditions; -1 = not set */
	int		 ref_official;	/* 0: skip when the referenced author is official */
	int		 pseudonymous;	/* 1: only on pseudonymous accounts */
	int		 has_media, has_geo;
	int64_t		 older_than, newer_than;	/* seconds; 0 = not set */
	int		 country_severity;	/* severity when the item names the
						 * deployment country; -1 = no change */
	struct fp_match	*match;		/* NULL for non-text checks */
	char		*file;
	int		 line;
};

/* A UN system entity: names, acronyms and email domains. */
struct fp_entity {
	char		*id;		/* "UNHCR" */
	char		*name;		/* "Office of the UN High Commissioner for Refugees" */
	struct fp_strv	 acronyms;	/* matched case-insensitively */
	struct fp_strv	 acronyms_cased;/* words too (WHO): matched with case */
	struct fp_strv	 domains;	/* email domains, matched as suffixes */
	char		*guidelines;	/* whose guidelines apply: UNHCR, IOM, UNOPS, UN */
};

/* A normalised term; id = index in the pattern table. */
struct fp_pattern {
	char	*norm;		/* " vote for " */
	char	*term;		/* as written: "vote for" */
	int	 cased;		/* match against the case-kept text */
	int	 unspaced;	/* CJK-like: no word boundaries */
	char	*where;		/* "file:line" of its first appearance, or NULL */
};

/* A lexicon as loaded: its patterns, so each file is read once. */
struct fp_lexicon {
	char		*name;
	int		*ids;
	size_t		 n;
	struct fp_strv	 files;
	int		 used;
};

/* A PCRE2 pattern of a rule, matched against the item's decoded text. */
struct fp_regex {
	char		*src;
	void		*code;		/* pcre2_code * */
};

struct fp_matcher;

struct fp_ruleset {
	struct fp_rule		*rules;
	size_t			 nrules;
	struct fp_entity	*entities;
	size_t			 nentities;
	struct fp_pattern	*pats;
	size_t			 npats;
	struct fp_matcher	*ac_folded;	/* every case-folded pattern */
	struct fp_matcher	*ac_cased;	/* the case-sensitive ones */
	int			 cased_guards;	/* ac_folded also holds, as id npats,
						 * the cased ones normalised folded:
						 * a text none of which is in need
						 * not be scanned cased, when its
						 * fp_text_normalize says 1 */
	int			 cased_unguarded; /* a cased pattern has no guard
						 * (Arabic, unspaced): scan every
						 * text cased */
	struct fp_regex		*regexes;
	size_t			 nregexes;
	struct fp_agency	*agencies;
	size_t			 nagencies;
	struct fp_lexicon	*lexicons;
	size_t			 nlexicons;
	struct fp_strv		 lint;		/* problems found while loading */
	struct fp_strv		 official_accounts;	/* lower-case handles */
	struct fp_strv		 excluded_domains;	/* never work domains (un.int) */
	char			*dir;
};

/* Load every *.yaml in dir (and dir/lexicons). FP_OK or FP_FATAL with err. */
int	 fp_ruleset_load(struct fp_ruleset *rs, const char *dir, struct fp_err *err);
void	 fp_ruleset_release(struct fp_ruleset *rs);
/* The entity whose id or acronym is name (case-insensitive), or NULL. */
const struct fp_entity *fp_ruleset_entity(const struct fp_ruleset *rs, const char *name);
int	 fp_ruleset_is_official(const struct fp_ruleset *rs, const char *handle);
/* The quote of a clause as findings cite it ("§2 Be impartial..."), or NULL. */
const char *fp_ruleset_quote(const struct fp_ruleset *rs, const char *family,
	    const char *cited);
/* A rule's severity for the staff of a family (NULL: the rule's own). */
int	 fp_rule_severity(const struct fp_rule *r, const char *family);

/* Check the rule set: duplicate terms, unused lexicons, bad language codes,
 * terms that can never fire a rule. Appends "file:line: message" lines to
 * out; returns how many. */
size_t	 fp_ruleset_lint(const struct fp_ruleset *rs, struct fp_strv *out);

/* The rules directory: --rules, $FOOTPRINT_RULES, installed, source tree. */
const char *fp_rules_dir(const char *given);

#endif
