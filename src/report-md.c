/*
 * report-md.c: the report in Markdown, grouped by severity then date.
 * Archive text is escaped both for Markdown and for the HTML that Markdown
 * renderers let through, so that a post cannot turn into markup.
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

struct md_ctx {
	const struct fp_report_opts	*o;
	int				 cur_sev;
	const struct fp_report_totals	*t;
};

static int
md_row(void *ud, const struct fp_row *r)
{
	struct md_ctx *c = ud;
	FILE *out = c->o->out;
	char date[32];
	json_t *ev = r->evidence ? fp_json_loads(r->evidence, JSON_DECODE_ANY) : NULL;
	json_t *g = r->guidelines ? fp_json_loads(r->guidelines, 0) : NULL, *v, *cl;
	const char *agency;
	size_t i;

	if (r->severity != c->cur_sev) {
		static const char *const names[] = { "Info", "Low", "Medium", "High" };

		c->cur_sev = r->severity;
		fprintf(out, "\n## %s (%ld)\n", names[r->severity & 3],
		    c->t->findings_by_sev[r->severity & 3]);
	}
	fp_time_iso(r->created_at, date);
	fprintf(out, "\n### %s · %s · %s · %s\n\n", date[0] ? (date[10] = '\0', date) : "no date",
	    r->platform, r->kind, r->category);
	if (r->text != NULL && r->text[0] != '\0')
		fp_md_quote(out, r->text);
	else
		fputs("> (the archive has no text for this item)\n", out);
	fputc('\n', out);
	if (json_array_size(ev) > 0) {
		fputs("- matched: ", out);
		json_array_foreach(ev, i, v) {
			if (i)
				fputs(", ", out);
			fp_md_inline(out, json_string_value(v));
		}
		fputc('\n', out);
	}
	if (r->url != NULL) {
		if (fp_safe_url(r->url))
			fprintf(out, "- link: <%s>\n", r->url);
		else {
			fputs("- link: ", out);
			fp_md_inline(out, r->url);
			fputc('\n', out);
		}
	}
	fprintf(out, "- action: **%s** · rule: `%s` · finding: `%s` · status: %s\n", r->action,
	    r->rule, r->fid ? r->fid : "", r->status ? r->status : "open");
	json_object_foreach(g, agency, cl)
		json_array_foreach(cl, i, v)
			fprintf(out, "- %s %s\n", agency, json_string_value(v));
	json_decref(ev);
	json_decref(g);
	return 0;
}

static int
md_write(struct fp_store *st, const struct fp_report_opts *o,
    struct fp_report_totals *t, struct fp_err *err)
{
	struct md_ctx c = { o, -1, t };
	long total = 0;

	if (fp_report_totals(st, o->status, t, err) != FP_OK)
		return FP_FATAL;
	for (int i = 0; i < 4; i++)
		total += t->findings_by_sev[i];
	fprintf(o->out, "# footprint %s report\n\n%ld finding%s (%ld high, %ld medium, %ld low,"
	    " %ld info); status: %s\n", PACKAGE_VERSION, total, total == 1 ? "" : "s",
	    t->findings_by_sev[3], t->findings_by_sev[2], t->findings_by_sev[1],
	    t->findings_by_sev[0], o->status ? o->status : "open");
	return fp_report_findings(st, o->min_severity, o->status, md_row, &c, err);
}

const struct fp_report_writer fp_report_md = {
	.name = "md",
	.write = md_write,
};
