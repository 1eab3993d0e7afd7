/*
 * report.h: report writers, looked up by name (text, json), each reading
 * the store. The JSON layout is a contract documented in README.md.
 */
#ifndef FP_REPORT_H
#define FP_REPORT_H

#include <stdio.h>
#include "footprint.h"
#include "store.h"

struct fp_report_opts {
	const char	*format;	/* text (default), json, csv, md, html */
	const char	*status;	/* open (default), keep, delete, done, all */
	FILE		*out;
	int		 color;		/* text: ANSI colour */
	int		 min_severity;	/* only findings at or above */
	const char	*agency_guidelines; /* text: whose clauses to show first */
	const struct fp_ruleset *rules;	/* for the clauses' quotes, or NULL */
};

struct fp_ruleset;

/* Totals the caller needs for the exit status. */
struct fp_report_totals {
	long	findings_by_sev[4];	/* among the status reported */
	long	by_status[4];		/* open, keep, delete, done */
	long	warnings;
	long	sources;
	long	failed_sources;
};

struct fp_report_writer {
	const char *name;
	int	(*write)(struct fp_store *st, const struct fp_report_opts *o,
		    struct fp_report_totals *t, struct fp_err *err);
};

const struct fp_report_writer *fp_report_find(const char *name);
int	 fp_report_totals(struct fp_store *st, const char *status,
	    struct fp_report_totals *t, struct fp_err *err);
/* Escape for JSON output is jansson's; these are shared by writers. */
extern const struct fp_report_writer fp_report_text;
extern const struct fp_report_writer fp_report_json;
extern const struct fp_report_writer fp_report_csv;
extern const struct fp_report_writer fp_report_md;
extern const struct fp_report_writer fp_report_html;

#endif
