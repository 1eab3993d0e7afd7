/*
 * delete.c: the deletion run (see api.h).
 *
 * The approved deletions (findings decided "delete", or a plan file) go
 * into a journal in the store. Each action is marked in flight and
 * committed before its request, and done (2xx), gone (404: already deleted)
 * or failed after it, so that a run killed at any moment resumes without
 * skipping anything; deletions are idempotent, so an action in flight when
 * the run died is simply sent again. Rate limits are honoured from the
 * response headers (waiting for the reset when none are left), 429s and
 * 5xx and dropped connections are retried with exponential backoff and
 * jitter, and 401/403 stop the platform. A dry run (the default) sends
 * nothing and writes nothing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <jansson.h>
#include <sqlite3.h>

#include "footprint.h"
#include "api.h"
#include "store.h"
#include "xcost.h"

#define MAX_ATTEMPTS	6

static int
exec_sql(sqlite3 *db, const char *sql, struct fp_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fp_err_set(err, FP_FATAL, "store: %s", msg ? msg : "error");
		sqlite3_free(msg);
		return FP_FATAL;
	}
	return FP_OK;
}

/* The approved deletions from the decisions, into the journal. */
static int
journal_from_decisions(sqlite3 *db, struct fp_err *err)
{
	return exec_sql(db,
	    "INSERT OR IGNORE INTO deletions (fid, platform, account, kind, native_id, ref_id,"
	    " url, action, state, updated_at)"
	    " SELECT f.fid, i.platform, i.account, i.kind, i.native_id, i.ref_id, i.url,"
	    " f.action, 'planned', strftime('%s','now')"
	    " FROM decisions d JOIN findings f ON f.fid = d.fid JOIN items i ON i.id = f.item_id"
	    " WHERE d.decision = 'delete' GROUP BY f.fid", err);
}

/* The deletions of a plan file, into the journal. */
static int
journal_from_plan(sqlite3 *db, const char *path, struct fp_err *err)
{
	json_error_t jerr;
	json_t *plan = json_load_file(path, 0, &jerr), *d;
	sqlite3_stmt *s;
	size_t i;

	if (plan == NULL) {
		fp_err_set(err, FP_FATAL, "plan '%s': line %d: %s", path, jerr.line, jerr.text);
		return FP_FATAL;
	}
	if (!json_is_array(json_object_get(plan, "deletions"))) {
		fp_err_set(err, FP_FATAL, "plan '%s': no \"deletions\" list", path);
		json_decref(plan);
		return FP_FATAL;
	}
	if (sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO deletions (fid, platform, account,"
	    " kind, native_id, ref_id, url, action, state, updated_at) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, CASE WHEN EXISTS (SELECT 1 FROM findings WHERE fid = ?1)"
	    /* the finding's item, through the fid index */
	    " THEN (SELECT i.ref_id FROM findings f JOIN items i ON i.id = f.item_id"
	    "  WHERE f.fid = ?1 LIMIT 1)"
	    /* a plan from before a re-scan that dropped the finding: by id */
	    " ELSE (SELECT ref_id FROM items WHERE platform = ?2 AND kind = ?4 AND"
	    "  native_id = ?5 LIMIT 1) END,"
	    " ?6, ?7, 'planned', strftime('%s','now'))", -1, &s, NULL) != SQLITE_OK) {
		json_decref(plan);
		fp_err_set(err, FP_FATAL, "store: %s", sqlite3_errmsg(db));
		return FP_FATAL;
	}
	json_array_foreach(json_object_get(plan, "deletions"), i, d) {
		static const char *const keys[] = { "finding", "platform", "account", "kind", "id",
		    "url", "action" };

		for (int k = 0; k < 7; k++) {
			json_t *v = json_object_get(d, keys[k]);

			if (json_is_string(v))
				sqlite3_bind_text(s, k + 1, json_string_value(v), -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(s, k + 1);
		}
		if (!json_is_string(json_object_get(d, "finding")) ||
		    !json_is_string(json_object_get(d, "platform")) ||
		    !json_is_string(json_object_get(d, "kind"))) {
			fp_err_set(err, FP_FATAL, "plan '%s': deletion %zu lacks finding, platform"
			    " or kind", path, i);
			sqlite3_finalize(s);
			json_decref(plan);
			return FP_FATAL;
		}
		sqlite3_step(s);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	json_decref(plan);
	return FP_OK;
}

static void
mark(sqlite3 *db, int64_t row, const char *state, long status, const char *error)
{
	sqlite3_stmt *s;

	/* The journal's state and the finding's decision change together: a
	 * kill between two commits left a deletion done and its finding still
	 * "delete" (api-resume caught it once fsync widened the gap). */
	if (sqlite3_exec(db, "SAVEPOINT mark", NULL, NULL, NULL) != SQLITE_OK)
		return;
	if (sqlite3_prepare_v2(db, "UPDATE deletions SET state = ?1, http_status = ?2,"
	    " error = ?3, attempts = attempts + (?1 = 'in_flight'), updated_at ="
	    " strftime('%s','now') WHERE id = ?4", -1, &s, NULL) != SQLITE_OK) {
		sqlite3_exec(db, "ROLLBACK TO mark; RELEASE mark", NULL, NULL, NULL);
		return;
	}
	sqlite3_bind_text(s, 1, state, -1, SQLITE_STATIC);
	if (status > 0)
		sqlite3_bind_int64(s, 2, status);
	else
		sqlite3_bind_null(s, 2);
	if (error != NULL)
		sqlite3_bind_text(s, 3, error, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, 3);
	sqlite3_bind_int64(s, 4, row);
	sqlite3_step(s);
	sqlite3_finalize(s);
	/* done and gone: the finding is done too */
	if (strcmp(state, "done") == 0 || strcmp(state, "gone") == 0) {
		if (sqlite3_prepare_v2(db, "UPDATE decisions SET decision = 'done', decided_at ="
		    " strftime('%s','now') WHERE fid = (SELECT fid FROM deletions WHERE id = ?1)",
		    -1, &s, NULL) == SQLITE_OK) {
			sqlite3_bind_int64(s, 1, row);
			sqlite3_step(s);
			sqlite3_finalize(s);
		}
	}
	sqlite3_exec(db, "RELEASE mark", NULL, NULL, NULL);
}

static void
progress(const struct fp_delete_opts *o, long done, long total, time_t start)
{
	int width = 30, filled = total ? (int)(done * width / total) : width;
	long eta = done ? (long)((time(NULL) - start) * (total - done) / done) : -1;

	if (!o->progress)
		return;
	fprintf(stderr, "\r[");
	for (int i = 0; i < width; i++)
		fputc(i < filled ? '#' : ' ', stderr);
	if (eta >= 0)
		fprintf(stderr, "] %ld/%ld  ETA %ldm%02lds ", done, total, eta / 60, eta % 60);
	else
		fprintf(stderr, "] %ld/%ld ", done, total);
	fflush(stderr);
}

struct row {
	int64_t	id;
	char	*fid, *platform, *account, *kind, *native_id, *ref_id, *url, *action, *state;
};

static char *
dup_col(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v ? xstrdup((const char *)v) : NULL;
}

static void
rows_free(struct row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].fid); free(rows[i].platform); free(rows[i].account);
		free(rows[i].kind); free(rows[i].native_id); free(rows[i].ref_id);
		free(rows[i].url); free(rows[i].action); free(rows[i].state);
	}
	free(rows);
}

/* The actions to do: in the journal (executing), or approved (dry run). */
static struct row *
load_rows(sqlite3 *db, const struct fp_delete_opts *o, size_t *n, int journal)
{
	const char *sql = journal ?
	    "SELECT id, fid, platform, account, kind, native_id, ref_id, url, action, state"
	    " FROM deletions WHERE state IN ('planned', 'in_flight') AND (?1 IS NULL OR"
	    " platform = ?1) ORDER BY platform, id" :
	    "SELECT 0, f.fid, i.platform, i.account, i.kind, i.native_id, i.ref_id, i.url,"
	    " f.action, COALESCE(j.state, 'planned') FROM decisions d"
	    " JOIN findings f ON f.fid = d.fid JOIN items i ON i.id = f.item_id"
	    " LEFT JOIN deletions j ON j.fid = f.fid"
	    " WHERE d.decision = 'delete' AND (?1 IS NULL OR i.platform = ?1)"
	    " AND COALESCE(j.state, 'planned') IN ('planned', 'in_flight')"
	    " GROUP BY f.fid ORDER BY i.platform, i.id";
	sqlite3_stmt *s;
	struct row *rows = NULL;

	*n = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return NULL;
	if (o->platform != NULL)
		sqlite3_bind_text(s, 1, o->platform, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct row *r;

		rows = xreallocarray(rows, *n + 1, sizeof *rows);
		r = &rows[(*n)++];
		r->id = sqlite3_column_int64(s, 0);
		r->fid = dup_col(s, 1); r->platform = dup_col(s, 2); r->account = dup_col(s, 3);
		r->kind = dup_col(s, 4); r->native_id = dup_col(s, 5); r->ref_id = dup_col(s, 6);
		r->url = dup_col(s, 7); r->action = dup_col(s, 8); r->state = dup_col(s, 9);
	}
	sqlite3_finalize(s);
	return rows;
}

/* Dry run: what would be sent, from the plan file or the decisions. */
static long
dry_run(struct fp_store *st, const struct fp_delete_opts *o, struct fp_err *err)
{
	struct row *rows = NULL;
	size_t n = 0;
	json_t *plan = NULL, *d;
	struct fp_xcost cost = { 0, 0 };

	if (o->plan != NULL) {
		json_error_t jerr;
		size_t i;

		if ((plan = json_load_file(o->plan, 0, &jerr)) == NULL) {
			fp_err_set(err, FP_FATAL, "plan '%s': line %d: %s", o->plan, jerr.line,
			    jerr.text);
			return -1;
		}
		json_array_foreach(json_object_get(plan, "deletions"), i, d) {
			const char *p = json_string_value(json_object_get(d, "platform"));

			if (o->platform != NULL && (p == NULL || strcmp(p, o->platform) != 0))
				continue;
			printf("would %s %s %s %s  %s\n", json_string_value(json_object_get(d, "action")),
			    p ? p : "?", json_string_value(json_object_get(d, "kind")),
			    json_is_string(json_object_get(d, "id")) ?
			    json_string_value(json_object_get(d, "id")) : "-",
			    json_is_string(json_object_get(d, "url")) ?
			    json_string_value(json_object_get(d, "url")) : "");
			fp_xcost_add(&cost, p, json_string_value(json_object_get(d, "action")));
			n++;
		}
		json_decref(plan);
	} else {
		rows = load_rows(fp_store_db(st), o, &n, 0);
		for (size_t i = 0; i < n; i++) {
			printf("would %s %s %s %s  %s\n", rows[i].action, rows[i].platform, rows[i].kind,
			    rows[i].native_id ? rows[i].native_id : "-", rows[i].url ? rows[i].url : "");
			fp_xcost_add(&cost, rows[i].platform, rows[i].action);
		}
		rows_free(rows, n);
	}
	printf("\ndry run: %zu deletion%s; nothing was sent. Run again with --yes to send"
	    " them.\n", n, n == 1 ? "" : "s");
	fp_xcost_print(stdout, &cost);
	return 0;
}

long
fp_delete_run(struct fp_store *st, const struct fp_delete_opts *o, struct fp_err *err)
{
	sqlite3 *db = fp_store_db(st);
	struct row *rows;
	size_t n;
	long left = 0, sent = 0;
	time_t start = time(NULL);
	const char *stopped = NULL;	/* a platform given up on */

	if (!o->yes)
		return dry_run(st, o, err);
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	if (exec_sql(db, "BEGIN IMMEDIATE", err) != FP_OK)
		return -1;
	if ((o->plan != NULL ? journal_from_plan(db, o->plan, err) :
	    journal_from_decisions(db, err)) != FP_OK ||
	    /* a deletion done while its decision was not (a run killed
	     * between the two, before they were one transaction) */
	    exec_sql(db, "UPDATE decisions SET decision = 'done', decided_at ="
	    " strftime('%s','now') WHERE decision = 'delete' AND fid IN (SELECT fid"
	    " FROM deletions WHERE state IN ('done', 'gone'))", err) != FP_OK) {
		exec_sql(db, "ROLLBACK", NULL);
		return -1;
	}
	if (exec_sql(db, "COMMIT", err) != FP_OK)
		return -1;
	rows = load_rows(db, o, &n, 1);
	fprintf(stderr, "footprint: %zu deletion%s to send\n", n, n == 1 ? "" : "s");
	{
		struct fp_xcost cost = { 0, 0 };

		for (size_t i = 0; i < n; i++)
			fp_xcost_add(&cost, rows[i].platform, rows[i].action);
		fp_xcost_print(stderr, &cost);
	}
	for (size_t i = 0; i < n;) {
		const char *platform = rows[i].platform;
		const struct fp_api *api = fp_api_find(platform);
		struct fp_api_session *sess = NULL;
		size_t end = i;
		int64_t reset = FP_TIME_NONE;
		long long remaining = -1;

		while (end < n && strcmp(rows[end].platform, platform) == 0)
			end++;
		if (api == NULL) {
			fprintf(stderr, "footprint: %zu %s deletion%s: %s has no deletion API;"
			    " delete %s by hand\n", end - i, platform, end - i == 1 ? "" : "s",
			    platform, end - i == 1 ? "it" : "them");
			left += (long)(end - i);
			i = end;
			continue;
		}
		for (size_t k = 0; api->needs[k] != NULL; k++)
			if (fp_creds_get(o->creds, api->needs[k]) == NULL) {
				fprintf(stderr, "footprint: %s: %s is not set (environment or"
				    " credentials file); its %zu deletion%s wait\n", platform,
				    api->needs[k], end - i, end - i == 1 ? "" : "s");
				left += (long)(end - i);
				goto next_platform;
			}
		if (api->open(&sess, o->creds, err) != FP_OK) {
			fprintf(stderr, "footprint: %s\n", err->msg);
			left += (long)(end - i);
			goto next_platform;
		}
		for (size_t k = i; k < end; k++) {
			struct row *r = &rows[k];
			struct fp_action a = { r->id, r->fid, r->platform, r->account, r->kind,
			    r->native_id, r->ref_id, r->url, r->action };
			int attempt = 0, finished = 0;

			while (!finished) {
				struct fp_http_resp resp;
				int rc;

				/* none left in the window: wait for the reset */
				if (remaining == 0 && reset != FP_TIME_NONE) {
					long w = (long)(reset - time(NULL));

					if (w > o->max_wait) {
						fprintf(stderr, "\nfootprint: %s: rate limit until %s;"
						    " resume then with 'footprint delete --yes'\n",
						    platform, ctime(&(time_t){ (time_t)reset }));
						stopped = platform;
						break;
					}
					if (w > 0) {
						fprintf(stderr, "%sfootprint: %s: waiting %lds for the"
						    " rate limit\n", o->progress ? "\n" : "", platform, w);
						fp_http_sleep((double)w + 1);
					}
					remaining = -1;
				}
				mark(db, r->id, "in_flight", 0, NULL);	/* committed before */
				rc = api->act(sess, &a, &resp, err);
				attempt++;
				if (rc == FP_FATAL) {
					mark(db, r->id, "failed", 0, err->msg);
					fprintf(stderr, "%sfootprint: %s %s %s: %s\n", o->progress ? "\n" : "",
					    platform, r->kind, r->native_id ? r->native_id : "-", err->msg);
					fp_http_resp_release(&resp);
					break;
				}
				if (rc == FP_OK) {
					remaining = resp.remaining;
					reset = resp.reset;
				}
				if (rc == FP_OK && ((resp.status >= 200 && resp.status < 300) ||
				    resp.status == 404)) {
					const char *state = resp.status == 404 ? "gone" : "done";

					mark(db, r->id, state, resp.status, NULL);
					sent++;
					finished = 1;
					if (!o->progress)
						fprintf(stderr, "footprint: %s %s %s %s: %s (HTTP %ld)\n",
						    r->action, platform, r->kind, r->native_id ? r->native_id :
						    "-", state, resp.status);
				} else if (rc == FP_OK && (resp.status == 401 || resp.status == 403)) {
					mark(db, r->id, "planned", resp.status, "refused");
					fprintf(stderr, "%sfootprint: %s refused the request (HTTP %ld):"
					    " check the credentials and the app's permissions\n",
					    o->progress ? "\n" : "", platform, resp.status);
					stopped = platform;
					fp_http_resp_release(&resp);
					break;
				} else if (attempt >= MAX_ATTEMPTS) {
					char msg[300];

					snprintf(msg, sizeof msg, "gave up after %d attempts: %s", attempt,
					    rc == FP_OK ? "the server kept failing" : resp.error);
					mark(db, r->id, "failed", resp.status, msg);
					fprintf(stderr, "%sfootprint: %s %s %s: %s\n", o->progress ? "\n" :
					    "", platform, r->kind, r->native_id ? r->native_id : "-", msg);
					fp_http_resp_release(&resp);
					break;
				} else {
					/* 429, 5xx, a dropped connection: wait and try again */
					double w = fp_http_retry_wait(rc, &resp, attempt);

					if (w > (double)o->max_wait) {
						mark(db, r->id, "planned", resp.status, "rate limited");
						fprintf(stderr, "\nfootprint: %s: rate limited for %.0fs;"
						    " resume later with 'footprint delete --yes'\n", platform, w);
						stopped = platform;
						fp_http_resp_release(&resp);
						break;
					}
					if (!o->progress)
						fprintf(stderr, "footprint: %s %s %s: %s; retrying in %.1fs\n",
						    platform, r->kind, r->native_id ? r->native_id : "-",
						    rc == FP_OK ? (resp.status == 429 ? "rate limited (429)" :
						    "server error") : resp.error, w);
					fp_http_sleep(w);
				}
				fp_http_resp_release(&resp);
			}
			if (!finished)
				left++;
			progress(o, sent, (long)n, start);
			if (stopped != NULL && strcmp(stopped, platform) == 0) {
				left += (long)(end - k - 1);
				break;
			}
		}
		api->close(sess);
next_platform:
		i = end;
	}
	if (o->progress)
		fputc('\n', stderr);
	fprintf(stderr, "footprint: %ld sent, %ld left\n", sent, left);
	rows_free(rows, n);
	return left;
}
