/*
 * report-int.h: rows shared by the report writers (src/report-*.c).
 * Every string in a row is borrowed from the store until fn returns.
 */
#ifndef FP_REPORT_INT_H
#define FP_REPORT_INT_H

#include <stdint.h>
#include <stdio.h>
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

/*
 * A writer's rendering of a finding's guidelines, kept by their JSON: a
 * rule cites the same clauses in every finding of a report, so each
 * rendering is made once (by render, into a memory stream) and then copied.
 * The memo owns its copies; fp_report_memo_release frees them.
 */
#define FP_REPORT_MEMO	32

typedef void (*fp_render_fn)(FILE *out, const char *guidelines, const void *ctx);

struct fp_report_memo {
	struct {
		char	*guidelines;	/* the row's JSON */
		char	*text;		/* as rendered */
	}		 v[FP_REPORT_MEMO];
	size_t		 n;
};

void	fp_report_memo_put(struct fp_report_memo *m, FILE *out, const char *guidelines,
	    fp_render_fn render, const void *ctx);
void	fp_report_memo_release(struct fp_report_memo *m);

/*
 * Escapers (src/report-escape.c): archive text made safe for one format.
 * fp_html_esc: & < > " ' as entities, control characters as spaces; stops
 * at n bytes or a NUL. fp_html_marked: the same, with the evidence terms
 * (a JSON array) inside <mark>. fp_safe_url: 1 for an http(s) URL with no
 * character that could leave an attribute. fp_csv_put: an RFC 4180 field,
 * a leading = + - @ TAB CR (a spreadsheet formula) kept text by a quote.
 * fp_md_inline: one Markdown line, specials backslash-escaped, HTML
 * specials as entities. fp_md_quote: a block as "> " lines. fp_text_put:
 * lines behind indent, control characters (C0, DEL, C1) as spaces, cut at
 * FP_TEXT_SHOWN_MAX bytes.
 */
#define FP_TEXT_SHOWN_MAX	2000

void	fp_html_esc(FILE *out, const char *s, size_t n);
void	fp_html_escs(FILE *out, const char *s);
void	fp_html_marked(FILE *out, const char *text, const char *evidence_json);
int	fp_safe_url(const char *u);
void	fp_csv_put(FILE *out, const char *s);
void	fp_md_inline(FILE *out, const char *s);
void	fp_md_quote(FILE *out, const char *s);
void	fp_text_put(FILE *out, const char *s, const char *indent);

#endif
