/*
 * report-html.c: one self-contained HTML file a person works through: a
 * summary (items per platform and kind, findings per category and
 * severity, a bar chart of findings per year as inline SVG), then the
 * findings as a checklist grouped by platform and action, each with its
 * date, its text with the matched words marked, the rule and the clauses of
 * the guidelines quoted, and a link (or directions when the platform gives
 * none). Filters by platform, category, severity, year and done; a "done"
 * box per finding kept in the browser's localStorage; a print stylesheet.
 *
 * Nothing leaves the page: the Content-Security-Policy allows no request
 * and one script, named by its SHA-256 hash. Every piece of archive content
 * is escaped; links are only http(s).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>
#include <sqlite3.h>

#include "footprint.h"
#include "jsfile.h"
#include "report.h"
#include "report-int.h"
#include "rules.h"

static const char style[] =
	":root{--ink:#1d2330;--mute:#5d6677;--line:#dde1e8;--bg:#f6f7f9;--high:#b3261e;"
	"--medium:#b86e00;--low:#2f6fb0;--info:#5d6677;--mark:#ffe58a}"
	"*{box-sizing:border-box}body{font:15px/1.5 system-ui,sans-serif;color:var(--ink);"
	"background:var(--bg);margin:0}header,main,#summary,#filters{max-width:960px;"
	"margin:0 auto;padding:0 16px}h1{font-size:1.6em;margin:24px 0 4px}"
	"h2{font-size:1.25em;margin:28px 0 8px}h3{font-size:1.05em;margin:18px 0 6px;"
	"color:var(--mute)}.sub{color:var(--mute);margin:0}"
	"table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:.92em}"
	"th,td{border:1px solid var(--line);padding:4px 8px;text-align:left}"
	"th{background:#eef0f4}td.n{text-align:right}.tables{display:flex;gap:16px;"
	"flex-wrap:wrap}svg{background:#fff;border:1px solid var(--line)}"
	"#filters{position:sticky;top:0;background:var(--bg);padding:10px 16px;"
	"border-bottom:1px solid var(--line);z-index:1;display:flex;gap:12px;flex-wrap:wrap;"
	"align-items:center}#filters label{font-size:.9em;color:var(--mute)}"
	"select{font:inherit;padding:2px 4px}ol{list-style:none;padding:0;margin:0}"
	".finding{background:#fff;border:1px solid var(--line);border-left:5px solid var(--info);"
	"border-radius:6px;padding:10px 12px;margin:8px 0}.sev-high{border-left-color:var(--high)}"
	".sev-medium{border-left-color:var(--medium)}.sev-low{border-left-color:var(--low)}"
	".finding.is-done{opacity:.55}.meta{font-size:.88em;color:var(--mute)}"
	".meta b{color:var(--ink)}.badge{display:inline-block;padding:0 6px;border-radius:9px;"
	"font-size:.8em;color:#fff;background:var(--info)}.badge.high{background:var(--high)}"
	".badge.medium{background:var(--medium)}.badge.low{background:var(--low)}"
	"blockquote{margin:6px 0;padding:6px 10px;background:var(--bg);border-radius:4px;"
	"white-space:pre-wrap;overflow-wrap:anywhere}mark{background:var(--mark)}"
	".done{float:right;font-size:.9em}details{font-size:.9em;margin-top:4px}"
	"details q{display:block;color:var(--mute);margin:2px 0 6px 12px}"
	".warn{color:var(--high)}a{color:#1f5fa8}"
	"@media print{#filters,.done input{display:none}body{background:#fff}"
	".finding{break-inside:avoid;border-color:#999}details{display:block}"
	"details>*{display:block}.finding[hidden]{display:none}}";

/* The page's one script: filters and the done boxes. Its hash goes in the
 * Content-Security-Policy, so no other script can run. */
static const char script[] =
	"(function(){'use strict';"
	"var items=Array.prototype.slice.call(document.querySelectorAll('.finding'));"
	"var sels=Array.prototype.slice.call(document.querySelectorAll('#filters select'));"
	"var shown=document.getElementById('shown');"
	"function store(k,v){try{if(v===undefined)return window.localStorage.getItem(k);"
	"window.localStorage.setItem(k,v);}catch(e){return null;}return null;}"
	"function apply(){var want={};sels.forEach(function(s){want[s.name]=s.value;});"
	"var n=0;items.forEach(function(li){var ok=true;"
	"['platform','category','severity','year'].forEach(function(k){"
	"if(want[k]&&li.getAttribute('data-'+k)!==want[k])ok=false;});"
	"var done=li.classList.contains('is-done');"
	"if(want.done==='todo'&&done)ok=false;if(want.done==='done'&&!done)ok=false;"
	"li.hidden=!ok;if(ok)n++;});"
	"Array.prototype.forEach.call(document.querySelectorAll('.group'),function(g){"
	"g.hidden=!g.querySelector('.finding:not([hidden])');});"
	"shown.textContent=String(n);}"
	"items.forEach(function(li){var cb=li.querySelector('input.done-box');"
	"var key='footprint-done-'+li.getAttribute('data-finding');"
	"cb.checked=store(key)==='1';li.classList.toggle('is-done',cb.checked);"
	"cb.addEventListener('change',function(){store(key,cb.checked?'1':'0');"
	"li.classList.toggle('is-done',cb.checked);apply();});});"
	"sels.forEach(function(s){s.addEventListener('change',apply);});apply();})();";

struct html_ctx {
	const struct fp_report_opts	*o;
	FILE				*out;
	char				 platform[32], action[32];
	int				 open_list;
	struct fp_report_memo		 memo;	/* guidelines as HTML */
};

static void
close_groups(struct html_ctx *c, int platform_too)
{
	if (c->open_list) {
		fputs("</ol></div>\n", c->out);
		c->open_list = 0;
	}
	if (platform_too && c->platform[0] != '\0')
		fputs("</section>\n", c->out);
}

/* Each agency's clauses of the finding, with their quotes. */
static void
write_guidelines(FILE *out, const char *guidelines, const void *ctx)
{
	const struct fp_report_opts *o = ctx;
	json_t *g = fp_json_loads(guidelines, 0), *clauses, *v;
	const char *agency;
	size_t i;

	json_object_foreach(g, agency, clauses)
		json_array_foreach(clauses, i, v) {
			const char *quote = o->rules ? fp_ruleset_quote(o->rules, agency,
			    json_string_value(v)) : NULL;

			fputs("<div><b>", out);
			fp_html_escs(out, agency);
			fputs("</b> ", out);
			fp_html_escs(out, json_string_value(v));
			fputs("</div>", out);
			if (quote != NULL) {
				fputs("<q>", out);
				fp_html_escs(out, quote);
				fputs("</q>", out);
			}
		}
	json_decref(g);
}

static int
html_row(void *ud, const struct fp_row *r)
{
	struct html_ctx *c = ud;
	FILE *out = c->out;
	char date[32];
	int permalink;

	if (strcmp(c->platform, r->platform) != 0) {
		close_groups(c, 1);
		snprintf(c->platform, sizeof c->platform, "%s", r->platform);
		c->action[0] = '\0';
		fputs("<section class=\"group\"><h2>", out);
		fp_html_escs(out, r->platform);
		if (r->account != NULL && r->account[0] != '\0') {
			fputs(" <span class=\"sub\">", out);
			fp_html_escs(out, r->account);
			fputs("</span>", out);
		}
		fputs("</h2>\n", out);
	}
	if (strcmp(c->action, r->action) != 0) {
		close_groups(c, 0);
		snprintf(c->action, sizeof c->action, "%s", r->action);
		fputs("<div class=\"group\"><h3>", out);
		fp_html_escs(out, r->action);
		fputs("</h3><ol>\n", out);
		c->open_list = 1;
	}
	fp_time_iso(r->created_at, date);
	fputs("<li class=\"finding sev-", out);
	fp_html_escs(out, fp_severity_name(r->severity));
	fputs("\" data-finding=\"", out);
	fp_html_escs(out, r->fid);
	fputs("\" data-platform=\"", out);
	fp_html_escs(out, r->platform);
	fputs("\" data-category=\"", out);
	fp_html_escs(out, r->category);
	fputs("\" data-severity=\"", out);
	fp_html_escs(out, fp_severity_name(r->severity));
	fprintf(out, "\" data-year=\"%.4s\">", date[0] ? date : "none");
	fputs("<label class=\"done\"><input type=\"checkbox\" class=\"done-box\"> done</label>", out);
	fputs("<div class=\"meta\"><b>", out);
	if (date[0] != '\0') {
		date[10] = '\0';
		fp_html_escs(out, date);
	} else
		fputs("no date", out);
	fputs("</b> · ", out);
	fp_html_escs(out, r->kind);
	fputs(" · ", out);
	fp_html_escs(out, r->category);
	fputs(" <span class=\"badge ", out);
	fp_html_escs(out, fp_severity_name(r->severity));
	fputs("\">", out);
	fp_html_escs(out, fp_severity_name(r->severity));
	fputs("</span></div>\n<blockquote>", out);
	if (r->text != NULL && r->text[0] != '\0')
		fp_html_marked(out, r->text, r->evidence);
	else
		fputs("<i>the archive has no text for this item</i>", out);
	fputs("</blockquote>\n<div class=\"meta\">", out);
	/* a permalink names the item; otherwise say where to find it */
	permalink = r->url != NULL && r->id != NULL && strstr(r->url, r->id) != NULL;
	if (permalink && fp_safe_url(r->url)) {
		fputs("<a rel=\"noopener noreferrer\" href=\"", out);
		fp_html_escs(out, r->url);
		fputs("\">open the item</a>", out);
	} else {
		fputs("no direct link: find the item of ", out);
		fp_html_escs(out, date[0] ? date : "unknown date");
		if (fp_safe_url(r->url)) {
			fputs(" on <a rel=\"noopener noreferrer\" href=\"", out);
			fp_html_escs(out, r->url);
			fputs("\">", out);
			fp_html_escs(out, r->url);
			fputs("</a>", out);
		} else if (r->url != NULL) {
			fputs(" at ", out);
			fp_html_escs(out, r->url);
		}
	}
	fputs(" · action <b>", out);
	fp_html_escs(out, r->action);
	fputs("</b> · finding <code>", out);
	fp_html_escs(out, r->fid);
	fputs("</code></div>\n<details><summary>rule ", out);
	fp_html_escs(out, r->rule);
	fputs("</summary>", out);
	if (r->guidelines != NULL)
		fp_report_memo_put(&c->memo, out, r->guidelines, write_guidelines, c->o);
	fputs("</details></li>\n", out);
	return 0;
}

/* <option>s for the distinct values of an SQL expression over findings. */
static void
options(FILE *out, struct fp_store *st, const char *sql, const char *all)
{
	sqlite3_stmt *s;

	fprintf(out, "<option value=\"\">%s</option>", all);
	if (sqlite3_prepare_v2(fp_store_db(st), sql, -1, &s, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(s, 0);

		if (v == NULL)
			continue;
		fputs("<option>", out);
		fp_html_escs(out, v);
		fputs("</option>", out);
	}
	sqlite3_finalize(s);
}

static void
summary(FILE *out, struct fp_store *st, const struct fp_report_opts *o)
{
	sqlite3 *db = fp_store_db(st);
	sqlite3_stmt *s;
	long years[200] = { 0 }, max = 1;
	int first = 9999, last = 0;

	fputs("<section id=\"summary\"><h2>Summary</h2><div class=\"tables\">", out);
	/* items scanned, per platform and kind */
	fputs("<table><tr><th>platform</th><th>kind</th><th>items</th></tr>", out);
	if (sqlite3_prepare_v2(db, "SELECT platform, kind, items FROM scanned_kinds"
	    " ORDER BY 1, 2", -1, &s, NULL) == SQLITE_OK) {
		while (sqlite3_step(s) == SQLITE_ROW) {
			fputs("<tr><td>", out);
			fp_html_escs(out, (const char *)sqlite3_column_text(s, 0));
			fputs("</td><td>", out);
			fp_html_escs(out, (const char *)sqlite3_column_text(s, 1));
			fprintf(out, "</td><td class=\"n\">%lld</td></tr>",
			    (long long)sqlite3_column_int64(s, 2));
		}
		sqlite3_finalize(s);
	}
	fputs("</table>", out);
	/* findings per category and severity */
	fputs("<table><tr><th>category</th><th>high</th><th>medium</th><th>low</th><th>info</th>"
	    "</tr>", out);
	if (sqlite3_prepare_v2(db, "SELECT f.category, sum(f.severity = 3), sum(f.severity = 2),"
	    " sum(f.severity = 1), sum(f.severity = 0) FROM findings f"
	    " LEFT JOIN decisions d ON d.fid = f.fid"
	    " WHERE ?1 = 'all' OR COALESCE(d.decision, 'open') = ?1 GROUP BY 1 ORDER BY 1",
	    -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, o->status ? o->status : "open", -1, SQLITE_STATIC);
		while (sqlite3_step(s) == SQLITE_ROW) {
			fputs("<tr><td>", out);
			fp_html_escs(out, (const char *)sqlite3_column_text(s, 0));
			fputs("</td>", out);
			for (int k = 1; k <= 4; k++)
				fprintf(out, "<td class=\"n\">%lld</td>",
				    (long long)sqlite3_column_int64(s, k));
			fputs("</tr>", out);
		}
		sqlite3_finalize(s);
	}
	fputs("</table></div>", out);
	/* findings per year, as bars */
	if (sqlite3_prepare_v2(db, "SELECT CAST(strftime('%Y', i.created_at, 'unixepoch') AS"
	    " INTEGER), count(*) FROM findings f JOIN items i ON i.id = f.item_id"
	    " LEFT JOIN decisions d ON d.fid = f.fid WHERE i.created_at IS NOT NULL AND"
	    " (?1 = 'all' OR COALESCE(d.decision, 'open') = ?1) GROUP BY 1", -1, &s,
	    NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, o->status ? o->status : "open", -1, SQLITE_STATIC);
		while (sqlite3_step(s) == SQLITE_ROW) {
			int y = sqlite3_column_int(s, 0);

			if (y < 1990 || y >= 2190)
				continue;
			years[y - 1990] = sqlite3_column_int64(s, 1);
			if (years[y - 1990] > max)
				max = years[y - 1990];
			if (y < first)
				first = y;
			if (y > last)
				last = y;
		}
		sqlite3_finalize(s);
	}
	if (last >= first) {
		int n = last - first + 1, w = n > 20 ? 28 : 44, height = 160;

		fprintf(out, "<h3>Findings per year</h3><svg role=\"img\" aria-label=\"findings"
		    " per year\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">", n * w + 20,
		    height + 40, n * w + 20, height + 40);
		for (int y = first; y <= last; y++) {
			long v = years[y - 1990];
			int h = (int)(v * height / max), x = 10 + (y - first) * w;

			fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#2f6fb0\">"
			    "<title>%d: %ld</title></rect>", x + 4, 10 + height - h, w - 8, h, y, v);
			fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">"
			    "%d</text>", x + w / 2, height + 24, y);
			if (v > 0)
				fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor="
				    "\"middle\">%ld</text>", x + w / 2, 8 + height - h, v);
		}
		fputs("</svg>", out);
	}
	/* what was skipped */
	if (sqlite3_prepare_v2(db, "SELECT s.path, w.message FROM source_warnings w JOIN sources s"
	    " ON s.id = w.source_id ORDER BY s.path, w.id", -1, &s, NULL) == SQLITE_OK) {
		int any = 0;

		while (sqlite3_step(s) == SQLITE_ROW) {
			if (!any++)
				fputs("<h3 class=\"warn\">Skipped input</h3><ul>", out);
			fputs("<li>", out);
			fp_html_escs(out, (const char *)sqlite3_column_text(s, 0));
			fputs(": ", out);
			fp_html_escs(out, (const char *)sqlite3_column_text(s, 1));
			fputs("</li>", out);
		}
		if (any)
			fputs("</ul>", out);
		sqlite3_finalize(s);
	}
	fputs("</section>\n", out);
}

static int
html_write(struct fp_store *st, const struct fp_report_opts *o,
    struct fp_report_totals *t, struct fp_err *err)
{
	struct html_ctx c;
	FILE *out = o->out;
	unsigned char digest[32];
	char *hash;
	long total = 0;
	int rc;

	memset(&c, 0, sizeof c);
	c.o = o;
	c.out = out;
	if (fp_report_totals(st, o->status, t, err) != FP_OK)
		return FP_FATAL;
	for (int i = 0; i < 4; i++)
		total += t->findings_by_sev[i];
	fp_sha256(script, strlen(script), digest);
	hash = fp_base64(digest, sizeof digest);
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
	    " style-src 'unsafe-inline'; script-src 'sha256-%s'; img-src data:;"
	    " base-uri 'none'; form-action 'none'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"referrer\" content=\"no-referrer\">\n"
	    "<title>footprint report</title>\n<style>%s</style></head>\n<body>\n",
	    hash, style);
	free(hash);
	fprintf(out, "<header><h1>footprint report</h1><p class=\"sub\">%ld finding%s"
	    " (%ld high, %ld medium, %ld low, %ld info) · status %s · footprint %s</p>"
	    "</header>\n", total, total == 1 ? "" : "s", t->findings_by_sev[3],
	    t->findings_by_sev[2], t->findings_by_sev[1], t->findings_by_sev[0],
	    o->status ? o->status : "open", PACKAGE_VERSION);
	summary(out, st, o);
	fputs("<section id=\"filters\"><label>platform <select name=\"platform\">", out);
	options(out, st, "SELECT DISTINCT i.platform FROM findings f JOIN items i ON"
	    " i.id = f.item_id ORDER BY 1", "all");
	fputs("</select></label><label>category <select name=\"category\">", out);
	options(out, st, "SELECT DISTINCT category FROM findings ORDER BY 1", "all");
	fputs("</select></label><label>severity <select name=\"severity\">"
	    "<option value=\"\">all</option><option>high</option><option>medium</option>"
	    "<option>low</option><option>info</option></select></label>"
	    "<label>year <select name=\"year\">", out);
	options(out, st, "SELECT DISTINCT strftime('%Y', i.created_at, 'unixepoch') FROM"
	    " findings f JOIN items i ON i.id = f.item_id WHERE i.created_at IS NOT NULL"
	    " ORDER BY 1 DESC", "all");
	fputs("</select></label><label>show <select name=\"done\"><option value=\"\">all"
	    "</option><option value=\"todo\">to do</option><option value=\"done\">done</option>"
	    "</select></label><span><b id=\"shown\">0</b> shown</span></section>\n<main>\n", out);
	rc = fp_report_findings(st, o->min_severity, o->status, html_row, &c, err);
	fp_report_memo_release(&c.memo);
	close_groups(&c, 1);
	if (total == 0)
		fputs("<p>No findings.</p>\n", out);
	fprintf(out, "</main>\n<script>%s</script>\n</body></html>\n", script);
	return rc;
}

const struct fp_report_writer fp_report_html = {
	.name = "html",
	.write = html_write,
};
