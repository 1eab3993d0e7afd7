/*
 * report-text.c: the report for people at a terminal: a summary, then the
 * findings grouped by severity and ordered by date, each with its link, the
 * matched words, the rule, the guideline clauses and what to do. Colour
 * only when asked (the caller decides: a terminal and no NO_COLOR).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "jsfile.h"
#include "report.h"
#include "report-int.h"
#include "rules.h"

struct text_ctx {
	const struct fp_report_opts	*o;
	int				 cur_sev;
	const struct fp_report_totals	*totals;
	long				 unknown_content;
	struct fp_strv			 warnings;
	struct fp_strv			 like_accounts;
	struct fp_report_memo		 memo;	/* guidelines as text */
};

static const char *const sev_color[] = { "\033[36m", "\033[34m", "\033[33m", "\033[1;31m" };

static void
color(const struct text_ctx *c, const char *code)
{
	if (c->o->color)
		fputs(code, c->o->out);
}

/* Guideline clauses: the profile's family first, else every family. */
static void
put_guidelines(FILE *out, const char *json, const void *ctx)
{
	const struct fp_report_opts *o = ctx;
	const char *family = o->agency_guidelines;
	const struct fp_ruleset *rs = o->rules;
	json_t *g = fp_json_loads(json, 0), *v, *clauses;
	const char *agency;
	size_t i;
	int shown = 0;

	if (family != NULL && (clauses = json_object_get(g, family)) != NULL) {
		json_array_foreach(clauses, i, v) {
			const char *quote = rs ? fp_ruleset_quote(rs, family,
			    json_string_value(v)) : NULL;

			fprintf(out, "    guideline: %s %s\n", family, json_string_value(v));
			if (quote != NULL) {
				char *q = xasprintf("\u201c%s\u201d", quote);

				fp_text_put(out, q, "      ");
				free(q);
			}
		}
		shown = 1;
	}
	if (!shown)
		json_object_foreach(g, agency, clauses)
			json_array_foreach(clauses, i, v)
				fprintf(out, "    guideline: %s %s\n", agency,
				    json_string_value(v));
	json_decref(g);
}

static int
text_finding(void *ud, const struct fp_row *r)
{
	struct text_ctx *c = ud;
	FILE *out = c->o->out;
	char date[32];
	json_t *ev;

	if (r->severity != c->cur_sev) {
		c->cur_sev = r->severity;
		fputc('\n', out);
		color(c, sev_color[r->severity & 3]);
		for (const char *p = fp_severity_name(r->severity); *p; p++)
			fputc(*p - 32, out);
		color(c, "\033[0m");
		fprintf(out, " (%ld)\n", c->totals->findings_by_sev[r->severity & 3]);
	}
	fp_time_iso(r->created_at, date);
	fputc('\n', out);
	fputs("  ", out);
	color(c, "\033[1m");
	fprintf(out, "%s  %s  %s", date[0] ? (date[10] = '\0', date) : "(no date) ",
	    r->platform, r->kind);
	if (r->account != NULL && r->account[0] != '\0')
		fprintf(out, "  @%s", r->account);
	fprintf(out, "  %s", r->category);
	color(c, "\033[0m");
	fputc('\n', out);
	if (r->text != NULL)
		fp_text_put(out, r->text, "    | ");
	else
		fputs("    | (the archive has no text for this item)\n", out);
	ev = r->evidence ? fp_json_loads(r->evidence, JSON_DECODE_ANY) : NULL;
	if (json_array_size(ev) > 0) {
		json_t *v;
		size_t i;

		fputs("    matched: ", out);
		json_array_foreach(ev, i, v)
			fprintf(out, "%s%s", i ? ", " : "", json_string_value(v));
		fputc('\n', out);
	}
	json_decref(ev);
	if (r->url != NULL)
		fprintf(out, "    link: %s\n", r->url);
	fprintf(out, "    action: %s    rule: %s    finding: %s\n", r->action, r->rule,
	    r->fid ? r->fid : "");
	if (r->guidelines != NULL)
		fp_report_memo_put(&c->memo, out, r->guidelines, put_guidelines, c->o);
	return 0;
}

static int
text_source(void *ud, const struct fp_source_row *r)
{
	struct text_ctx *c = ud;
	json_t *counts = r->counts ? fp_json_loads(r->counts, 0) : NULL;
	long unknown = (long)json_integer_value(json_object_get(counts, "_unknown_content"));
	const char *k;
	json_t *v;
	long total = 0;
	struct fp_buf line = FP_BUF_INIT;

	json_object_foreach(counts, k, v)
		if (k[0] != '_') {
			total += (long)json_integer_value(v);
			fp_buf_addf(&line, "%s%s %lld", line.len ? ", " : "", k,
			    (long long)json_integer_value(v));
		}
	if (r->failed)
		fprintf(c->o->out, "  %s: not read\n", r->path);
	else
		fprintf(c->o->out, "  %s: %s%s%s, %ld item%s%s%s%s\n", r->path,
		    r->platform ? r->platform : "?", r->account ? " @" : "",
		    r->account ? r->account : "", total, total == 1 ? "" : "s",
		    line.len ? " (" : "", fp_buf_str(&line), line.len ? ")" : "");
	if (unknown > 0) {
		char *where = NULL;

		c->unknown_content += unknown;
		/* where the user reviews likes by hand, per platform */
		if (r->platform != NULL && strcmp(r->platform, "x") == 0 && r->account != NULL)
			where = xasprintf("https://x.com/%s/likes", r->account);
		else if (r->platform != NULL && strcmp(r->platform, "mastodon") == 0)
			where = xstrdup("your instance's Favourites page");
		else if (r->platform != NULL)
			where = xasprintf("your %s activity log", r->platform);
		if (where != NULL && !fp_strv_has(&c->like_accounts, where))
			fp_strv_add(&c->like_accounts, where);
		free(where);
	}
	for (size_t i = 0; i < r->warnings->n; i++)
		fp_strv_take(&c->warnings, xasprintf("%s: %s", r->path, r->warnings->v[i]));
	fp_buf_release(&line);
	json_decref(counts);
	return 0;
}

static int
text_write(struct fp_store *st, const struct fp_report_opts *o,
    struct fp_report_totals *t, struct fp_err *err)
{
	struct text_ctx c;
	FILE *out = o->out;
	char *pjson = fp_store_last_profile(st);
	json_t *p = pjson ? fp_json_loads(pjson, 0) : NULL;
	long total = 0;
	int rc = FP_FATAL;

	memset(&c, 0, sizeof c);
	c.o = o;
	c.cur_sev = -1;
	c.totals = t;
	free(pjson);
	if (fp_report_totals(st, o->status, t, err) != FP_OK)
		goto out;
	for (int i = 0; i < 4; i++)
		total += t->findings_by_sev[i];
	color(&c, "\033[1m");
	fprintf(out, "footprint %s: %ld finding%s", PACKAGE_VERSION, total,
	    total == 1 ? "" : "s");
	color(&c, "\033[0m");
	fprintf(out, " (%ld high, %ld medium, %ld low, %ld info)\n",
	    t->findings_by_sev[FP_SEV_HIGH], t->findings_by_sev[FP_SEV_MEDIUM],
	    t->findings_by_sev[FP_SEV_LOW], t->findings_by_sev[FP_SEV_INFO]);
	if (p != NULL) {
		const char *agency = json_string_value(json_object_get(p, "agency"));
		const char *name = json_string_value(json_object_get(p, "name"));
		const char *country = json_string_value(json_object_get(p, "country"));

		fprintf(out, "profile: agency %s, name %s%s%s\n", agency ? agency : "(not set)",
		    name ? name : "(not set; the pseudonym check was skipped)",
		    country ? ", deployment " : "", country ? country : "");
	}
	fputs("sources:\n", out);
	if (fp_report_sources(st, text_source, &c, err) != FP_OK ||
	    fp_report_findings(st, o->min_severity, o->status, text_finding, &c, err) != FP_OK)
		goto out;
	if (t->sources == 0)
		fputs("  (none: run 'footprint import PATH' and 'footprint scan' first)\n", out);
	else if (total == 0)
		fputs("\nNo findings: nothing in these archives breaks the loaded rules.\n",
		    out);
	if (c.unknown_content > 0) {
		fprintf(out, "\nnote: %ld like%s or repost%s whose text the archive does not"
		    " hold: review %s by hand", c.unknown_content,
		    c.unknown_content == 1 ? "" : "s", c.unknown_content == 1 ? "" : "s",
		    c.unknown_content == 1 ? "it" : "them");
		for (size_t i = 0; i < c.like_accounts.n; i++)
			fprintf(out, "%s %s", i ? "," : " at", c.like_accounts.v[i]);
		fputc('\n', out);
	}
	if (c.warnings.n > 0) {
		fprintf(out, "\nwarnings (%zu): some input was skipped\n", c.warnings.n);
		for (size_t i = 0; i < c.warnings.n; i++)
			fp_text_put(out, c.warnings.v[i], "  ");
	}
	rc = FP_OK;
out:
	json_decref(p);
	fp_strv_release(&c.warnings);
	fp_strv_release(&c.like_accounts);
	fp_report_memo_release(&c.memo);
	return rc;
}

const struct fp_report_writer fp_report_text = {
	.name = "text",
	.write = text_write,
};
