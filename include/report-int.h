/*
 * report-int.h: rows shared by the report writers (src/report-*.c).
 * Every string in a row is borrowed from the store until fn returns.
 */
#ifndef FP_REPORT_INT_H
#define FP_REPORT_INT_H

#include <stdint.h>
#include "footprint.h"
#include "store.h"

struct fp_row {
	const char	*platform, *account, *kind, *id, *url, *text;
	int64_t		 created_at;
	const char	*category, *rule, *action;
	int		 severity;
	const char	*evidence;	/* JSON array */
	const char	*guidelines;	/* JSON object */
	const char	*ref_author, *source_file;
	int64_t		 source_index;
	const char	*fid;		/* the finding's stable id */
	const char	*status;	/* open, keep, delete, done */
};

struct fp_source_row {
	const char		*path, *platform, *account;
	const char		*counts;	/* JSON object of kind -> count */
	int			 failed;
	const struct fp_strv	*warnings;
};

typedef int (*fp_row_fn)(void *ud, const struct fp_row *r);
typedef int (*fp_source_fn)(void *ud, const struct fp_source_row *r);

/* Findings at min_severity or above whose status is status ("all": any). */
int	fp_report_findings(struct fp_store *st, int min_severity, const char *status,
	    fp_row_fn fn, void *ud, struct fp_err *err);
int	fp_report_sources(struct fp_store *st, fp_source_fn fn, void *ud,
	    struct fp_err *err);

#endif
