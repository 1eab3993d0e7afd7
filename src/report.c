/*
 * report.c: the table of report writers and what they share: totals for
 * the exit status, and the rows of findings, sources and accounts read
 * from the store in one stable order (severity, then date, then item).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "footprint.h"
#include "report.h"
#include "report-int.h"

static const struct fp_report_writer *const writers[] = {
	&fp_report_text,
	&fp_report_json,
	&fp_report_csv,
	&fp_report_md,
	&fp_report_html,
	NULL
};

const struct fp_report_writer *
fp_report_find(const char *name)
{
	for (size_t i = 0; writers[i] != NULL; i++)
		if (strcmp(writers[i]->name, name) == 0)
			return writers[i];
	return NULL;
}

static int
fail(sqlite3 *db, struct fp_err *err)
{
	fp_err_set(err, FP_FATAL, "store: %s", sqlite3_errmsg(db));
	return FP_FATAL;
}

static const char *
col(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

int
fp_report_totals(struct fp_store *st, const char *status, struct fp_report_totals *t,
    struct fp_err *err)
{
	sqlite3 *db = fp_store_db(st);
	sqlite3_stmt *s;

	memset(t, 0, sizeof *t);
	if (sqlite3_prepare_v2(db, "SELECT f.severity, count(*) FROM findings f"
	    " LEFT JOIN decisions d ON d.fid = f.fid"
	    " WHERE ?1 = 'all' OR COALESCE(d.decision, 'open') = ?1"
	    " GROUP BY f.severity", -1, &s, NULL) != SQLITE_OK)
		return fail(db, err);
	sqlite3_bind_text(s, 1, status != NULL ? status : "open", -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		int sev = sqlite3_column_int(s, 0);

		if (sev >= 0 && sev <= 3)
			t->findings_by_sev[sev] = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (sqlite3_prepare_v2(db, "SELECT COALESCE(d.decision, 'open'), count(*)"
	    " FROM findings f LEFT JOIN decisions d ON d.fid = f.fid GROUP BY 1",
	    -1, &s, NULL) != SQLITE_OK)
		return fail(db, err);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *k = col(s, 0);
		long n = sqlite3_column_int64(s, 1);

		if (strcmp(k, "keep") == 0)
			t->by_status[1] = n;
		else if (strcmp(k, "delete") == 0)
			t->by_status[2] = n;
		else if (strcmp(k, "done") == 0)
			t->by_status[3] = n;
		else
			t->by_status[0] = n;
	}
	sqlite3_finalize(s);
	if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM sources),"
	    " (SELECT count(*) FROM sources WHERE failed),"
	    " (SELECT count(*) FROM source_warnings)", -1, &s, NULL) != SQLITE_OK)
		return fail(db, err);
	if (sqlite3_step(s) == SQLITE_ROW) {
		t->sources = sqlite3_column_int64(s, 0);
		t->failed_sources = sqlite3_column_int64(s, 1);
		t->warnings = sqlite3_column_int64(s, 2);
	}
	sqlite3_finalize(s);
	return FP_OK;
}


void
fp_report_memo_put(struct fp_report_memo *m, FILE *out, const char *guidelines,
    fp_render_fn render, const void *ctx)
{
	char *text = NULL;
	size_t len = 0, k;
	FILE *mem;

	for (k = 0; k < m->n; k++)
		if (strcmp(m->v[k].guidelines, guidelines) == 0) {
			fputs(m->v[k].text, out);
			return;
		}
	if ((mem = open_memstream(&text, &len)) == NULL) {
		render(out, guidelines, ctx);
		return;
	}
	render(mem, guidelines, ctx);
	if (fclose(mem) != 0 || text == NULL) {
		free(text);
		render(out, guidelines, ctx);
		return;
	}
	fputs(text, out);
	k = m->n < FP_REPORT_MEMO ? m->n++ : FP_REPORT_MEMO - 1;
	free(m->v[k].guidelines);
	free(m->v[k].text);
	m->v[k].guidelines = xstrdup(guidelines);
	m->v[k].text = text;
}

void
fp_report_memo_release(struct fp_report_memo *m)
{
	for (size_t k = 0; k < m->n; k++) {
		free(m->v[k].guidelines);
		free(m->v[k].text);
	}
	m->n = 0;
}

/* The guidelines rows (a rule's clauses, stored once), by id. */
struct guidelines_map {
	int64_t	*id;		/* ascending */
	char	**json;
	size_t	 n, cap;
};

static int
guidelines_load(sqlite3 *db, struct guidelines_map *m)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT id, json FROM guidelines ORDER BY id", -1, &s,
	    NULL) != SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (m->n == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 32;
			m->id = xreallocarray(m->id, m->cap, sizeof *m->id);
			m->json = xreallocarray(m->json, m->cap, sizeof *m->json);
		}
		m->id[m->n] = sqlite3_column_int64(s, 0);
		m->json[m->n++] = xstrdup(col(s, 1));
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char *
guidelines_find(const struct guidelines_map *m, int64_t id)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->id[mid] == id)
			return m->json[mid];
		if (m->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void
guidelines_release(struct guidelines_map *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->json[i]);
	free(m->id);
	free(m->json);
}

int
fp_report_findings(struct fp_store *st, int min_severity, const char *status,
    fp_row_fn fn, void *ud, struct fp_err *err)
{
	sqlite3 *db = fp_store_db(st);
	struct guidelines_map gm = { NULL, NULL, 0, 0 };
	sqlite3_stmt *s;
	int rc;

	if (guidelines_load(db, &gm) != 0) {
		guidelines_release(&gm);
		return fail(db, err);
	}
	if (sqlite3_prepare_v2(db,
	    "SELECT i.platform, i.account, i.kind, i.native_id, i.url, i.created_at,"
	    " i.text, f.category, f.rule, f.severity, f.action, f.evidence,"
	    " f.guidelines_id, i.ref_author, i.source_file, i.source_index, f.fid,"
	    " COALESCE(d.decision, 'open')"
	    " FROM findings f JOIN items i ON i.id = f.item_id"
	    " LEFT JOIN decisions d ON d.fid = f.fid"
	    " WHERE f.severity >= ?1 AND (?2 = 'all' OR COALESCE(d.decision, 'open') = ?2)"
	    " ORDER BY f.severity DESC, i.created_at IS NULL, i.created_at, i.id, f.rule",
	    -1, &s, NULL) != SQLITE_OK) {
		guidelines_release(&gm);
		return fail(db, err);
	}
	sqlite3_bind_int(s, 1, min_severity);
	sqlite3_bind_text(s, 2, status != NULL ? status : "open", -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct fp_row r;

		r.platform = col(s, 0);
		r.account = col(s, 1);
		r.kind = col(s, 2);
		r.id = col(s, 3);
		r.url = col(s, 4);
		r.created_at = sqlite3_column_type(s, 5) == SQLITE_NULL ? FP_TIME_NONE :
		    sqlite3_column_int64(s, 5);
		r.text = col(s, 6);
		r.category = col(s, 7);
		r.rule = col(s, 8);
		r.severity = sqlite3_column_int(s, 9);
		r.action = col(s, 10);
		r.evidence = col(s, 11);
		r.guidelines = guidelines_find(&gm, sqlite3_column_int64(s, 12));
		r.ref_author = col(s, 13);
		r.source_file = col(s, 14);
		r.source_index = sqlite3_column_int64(s, 15);
		r.fid = col(s, 16);
		r.status = col(s, 17);
		if (fn(ud, &r) != 0) {
			sqlite3_finalize(s);
			guidelines_release(&gm);
			return FP_FAILED;
		}
	}
	sqlite3_finalize(s);
	guidelines_release(&gm);
	if (rc != SQLITE_DONE)
		return fail(db, err);
	return FP_OK;
}

int
fp_report_sources(struct fp_store *st, fp_source_fn fn, void *ud, struct fp_err *err)
{
	sqlite3 *db = fp_store_db(st);
	sqlite3_stmt *s, *w;

	if (sqlite3_prepare_v2(db, "SELECT id, path, platform, account, counts, failed"
	    " FROM sources ORDER BY path", -1, &s, NULL) != SQLITE_OK)
		return fail(db, err);
	if (sqlite3_prepare_v2(db, "SELECT message FROM source_warnings"
	    " WHERE source_id = ?1 ORDER BY id", -1, &w, NULL) != SQLITE_OK) {
		sqlite3_finalize(s);
		return fail(db, err);
	}
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct fp_source_row r;
		struct fp_strv warnings = FP_STRV_INIT;
		int stop;

		sqlite3_bind_int64(w, 1, sqlite3_column_int64(s, 0));
		while (sqlite3_step(w) == SQLITE_ROW)
			fp_strv_add(&warnings, col(w, 0));
		sqlite3_reset(w);
		r.path = col(s, 1);
		r.platform = col(s, 2);
		r.account = col(s, 3);
		r.counts = col(s, 4);
		r.failed = sqlite3_column_int(s, 5);
		r.warnings = &warnings;
		stop = fn(ud, &r);
		fp_strv_release(&warnings);
		if (stop)
			break;
	}
	sqlite3_finalize(w);
	sqlite3_finalize(s);
	return FP_OK;
}
