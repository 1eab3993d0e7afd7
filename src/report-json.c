/*
 * report-json.c: the JSON report, a contract other programs read.
 *
 *   { "footprint": VERSION, "profile": {...}, "sources": [...],
 *     "accounts": [...], "summary": {...}, "findings": [...] }
 *
 * Field names and the category, kind, severity and action vocabularies
 * are documented in README.md and must stay stable.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <sqlite3.h>

#include "footprint.h"
#include "jsfile.h"
#include "report.h"
#include "report-int.h"
#include "rules.h"

static json_t *
str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* The findings are written one by one as they are read from the store,
 * laid out as jansson lays out the whole document (JSON_INDENT(2), the
 * list at depth 1), so that millions of findings never sit in memory. */
struct finding_writer {
	FILE	*out;
	long	 n;
};

static int
add_finding(void *ud, const struct fp_row *r)
{
	struct finding_writer *w = ud;
	json_t *f = json_object();
	char *s;
	json_t *ev = r->evidence ? fp_json_loads(r->evidence, JSON_DECODE_ANY) : NULL;
	json_t *gl = r->guidelines ? fp_json_loads(r->guidelines, 0) : NULL;
	char date[32];

	fp_time_iso(r->created_at, date);
	json_object_set_new(f, "finding", str_or_null(r->fid));
	json_object_set_new(f, "status", str_or_null(r->status));
	json_object_set_new(f, "platform", str_or_null(r->platform));
	json_object_set_new(f, "account", str_or_null(r->account));
	json_object_set_new(f, "kind", str_or_null(r->kind));
	json_object_set_new(f, "id", str_or_null(r->id));
	json_object_set_new(f, "url", str_or_null(r->url));
	json_object_set_new(f, "created_at", date[0] ? json_string(date) : json_null());
	json_object_set_new(f, "text", str_or_null(r->text));
	json_object_set_new(f, "category", str_or_null(r->category));
	json_object_set_new(f, "rule", str_or_null(r->rule));
	json_object_set_new(f, "severity", json_string(fp_severity_name(r->severity)));
	json_object_set_new(f, "action", str_or_null(r->action));
	json_object_set_new(f, "evidence", ev != NULL ? ev : json_array());
	json_object_set_new(f, "guidelines", gl != NULL ? gl : json_object());
	s = fp_json_dumps(f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(f);
	if (s == NULL)
		return -1;
	fputs(w->n++ > 0 ? ",\n    " : "\n    ", w->out);
	/* indent each line by the depth: strings hold no raw newline */
	for (char *p = s, *nl; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL) {
			fputs(p, w->out);
			break;
		}
		fwrite(p, 1, (size_t)(nl - p) + 1, w->out);
		fputs("    ", w->out);
	}
	free(s);
	return ferror(w->out) ? -1 : 0;
}

static int
add_source(void *ud, const struct fp_source_row *r)
{
	json_t *sources = ud, *s = json_object(), *w = json_array();
	json_t *counts = r->counts ? fp_json_loads(r->counts, 0) : NULL;
	json_t *items = json_object();
	const char *k;
	json_t *v;
	long unknown = 0, deleted = 0;

	json_object_foreach(counts, k, v) {
		if (strcmp(k, "_unknown_content") == 0)
			unknown = (long)json_integer_value(v);
		else if (strcmp(k, "_deleted") == 0)
			deleted = (long)json_integer_value(v);
		else
			json_object_set(items, k, v);
	}
	json_decref(counts);
	for (size_t i = 0; i < r->warnings->n; i++)
		json_array_append_new(w, json_string(r->warnings->v[i]));
	json_object_set_new(s, "path", str_or_null(r->path));
	json_object_set_new(s, "platform", str_or_null(r->platform));
	json_object_set_new(s, "account", str_or_null(r->account));
	json_object_set_new(s, "read", json_boolean(!r->failed));
	json_object_set_new(s, "items", items);
	json_object_set_new(s, "unknown_content", json_integer(unknown));
	json_object_set_new(s, "deleted", json_integer(deleted));
	json_object_set_new(s, "warnings", w);
	json_array_append_new(sources, s);
	return 0;
}

static json_t *
accounts_json(struct fp_store *st)
{
	sqlite3_stmt *s;
	json_t *a = json_array();

	if (sqlite3_prepare_v2(fp_store_db(st), "SELECT platform, handle, display_name"
	    " FROM accounts ORDER BY platform, handle", -1, &s, NULL) != SQLITE_OK)
		return a;
	while (sqlite3_step(s) == SQLITE_ROW) {
		json_t *o = json_object();

		json_object_set_new(o, "platform", str_or_null((const char *)
		    sqlite3_column_text(s, 0)));
		json_object_set_new(o, "handle", str_or_null((const char *)
		    sqlite3_column_text(s, 1)));
		json_object_set_new(o, "display_name", str_or_null((const char *)
		    sqlite3_column_text(s, 2)));
		json_array_append_new(a, o);
	}
	sqlite3_finalize(s);
	return a;
}

static json_t *
summary_json(struct fp_store *st, const struct fp_report_totals *t)
{
	json_t *o = json_object(), *sev = json_object(), *cat = json_object();
	sqlite3_stmt *s;
	long total = 0;

	for (int i = FP_SEV_HIGH; i >= FP_SEV_INFO; i--) {
		json_object_set_new(sev, fp_severity_name(i), json_integer(t->findings_by_sev[i]));
		total += t->findings_by_sev[i];
	}
	if (sqlite3_prepare_v2(fp_store_db(st), "SELECT category, count(*) FROM findings"
	    " GROUP BY category ORDER BY category", -1, &s, NULL) == SQLITE_OK) {
		while (sqlite3_step(s) == SQLITE_ROW)
			json_object_set_new(cat, (const char *)sqlite3_column_text(s, 0),
			    json_integer(sqlite3_column_int64(s, 1)));
		sqlite3_finalize(s);
	}
	json_object_set_new(o, "findings", json_integer(total));
	json_object_set_new(o, "by_severity", sev);
	json_object_set_new(o, "by_category", cat);
	{
		json_t *bs = json_object();
		static const char *const names[] = { "open", "keep", "delete", "done" };

		for (int i = 0; i < 4; i++)
			json_object_set_new(bs, names[i], json_integer(t->by_status[i]));
		json_object_set_new(o, "by_status", bs);
	}
	json_object_set_new(o, "warnings", json_integer(t->warnings));
	return o;
}

static int
json_write(struct fp_store *st, const struct fp_report_opts *o,
    struct fp_report_totals *t, struct fp_err *err)
{
	json_t *root = json_object(), *sources = json_array();
	char *profile = fp_store_last_profile(st), *head = NULL;
	json_t *pj = profile ? fp_json_loads(profile, 0) : NULL;
	struct finding_writer w = { o->out, 0 };
	size_t n;
	int rc = FP_FATAL;

	free(profile);
	if (fp_report_totals(st, o->status, t, err) != FP_OK ||
	    fp_report_sources(st, add_source, sources, err) != FP_OK) {
		json_decref(pj);
		json_decref(sources);
		goto out;
	}
	json_object_set_new(root, "footprint", json_string(PACKAGE_VERSION));
	json_object_set_new(root, "profile", pj != NULL ? pj : json_null());
	json_object_set_new(root, "sources", sources);
	json_object_set_new(root, "accounts", accounts_json(st));
	json_object_set_new(root, "summary", summary_json(st, t));
	/* everything but the findings, whose list is the last member */
	head = fp_json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (head == NULL || (n = strlen(head)) < 2 || strcmp(head + n - 2, "\n}") != 0) {
		fp_err_set(err, FP_FATAL, "cannot build the report");
		goto out;
	}
	head[n - 2] = '\0';
	fprintf(o->out, "%s,\n  \"findings\": [", head);
	fp_err_clear(err);
	if (fp_report_findings(st, o->min_severity, o->status, add_finding, &w, err) != FP_OK) {
		if (err->msg[0] == '\0')
			fp_err_set(err, FP_FATAL, "cannot write the report");
		goto out;
	}
	fputs(w.n > 0 ? "\n  ]\n}\n" : "]\n}\n", o->out);
	if (ferror(o->out) || fflush(o->out) == EOF) {
		fp_err_set(err, FP_FATAL, "cannot write the report");
		goto out;
	}
	rc = FP_OK;
out:
	free(head);
	json_decref(root);
	return rc;
}

const struct fp_report_writer fp_report_json = {
	.name = "json",
	.write = json_write,
};
