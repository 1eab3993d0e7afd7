/*
 * store.c: the SQLite store (see store.h).
 *
 * Every statement is prepared and bound; the ones used per item are
 * prepared once and kept. The schema lives in the migrations table below:
 * each entry moves PRAGMA user_version up by one, inside a transaction, so
 * an old store is brought forward on open and a newer one is refused.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <sqlite3.h>

#include "footprint.h"
#include "store.h"

/* A row of the guidelines table, as fp_store_finding_add last saw it. */
struct stored_guidelines {
	const char	*seen;		/* the caller's string it came from */
	char		*json;
	int64_t		 id;
};

struct fp_store {
	sqlite3		*db;
	sqlite3_stmt	*item_upsert;
	sqlite3_stmt	*finding_add;
	sqlite3_stmt	*item_ident;
	sqlite3_stmt	*key_seen;	/* fp_store_key_seen's */
	sqlite3_stmt	*guidelines_add;
	struct stored_guidelines *gl;	/* the guidelines rows known, */
	size_t		 ngl, capgl;	/* until a rollback or a clear */
	struct fp_keyset keys;		/* its keys, until there are too many */
	int		 keys_spilled;	/* some went to the table keys_seen */
	int		 import_tx;	/* fp_store_begin_import's transaction */
	char		*path;
	struct timespec	 busy_since;	/* another command holds the store */
	int		 said_waiting;
};

/*
 * Another footprint command is writing the store (an import holds it for
 * the length of its one transaction): wait for it, up to STORE_WAIT_MS,
 * saying so once after the first second, instead of failing after five.
 */
#define STORE_WAIT_MS	(10L * 60 * 1000)

static int
store_busy(void *ud, int count)
{
	struct fp_store *st = ud;
	struct timespec now, pause = { 0, (count < 20 ? 5 : 50) * 1000000L };
	long waited;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (count == 0)
		st->busy_since = now;
	waited = (now.tv_sec - st->busy_since.tv_sec) * 1000L +
	    (now.tv_nsec - st->busy_since.tv_nsec) / 1000000L;
	if (waited >= STORE_WAIT_MS)
		return 0;
	if (waited >= 1000 && !st->said_waiting) {
		fprintf(stderr, "footprint: the store '%s' is being written by another"
		    " footprint command; waiting for it to finish\n", st->path);
		st->said_waiting = 1;
	}
	nanosleep(&pause, NULL);
	return 1;
}

/* err for a statement that failed on st: "store is busy" when another
 * command kept it past the wait, else SQLite's message. */
static const char *
store_errmsg(struct fp_store *st)
{
	if (sqlite3_errcode(st->db) == SQLITE_BUSY)
		return "another footprint command is writing it (waited for it as"
		    " long as allowed); run this one when that one has finished";
	return sqlite3_errmsg(st->db);
}

/* Migrations: migrations[i] takes user_version i to i + 1. */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE runs ("
	"  id INTEGER PRIMARY KEY,"
	"  command TEXT NOT NULL,"
	"  started_at INTEGER NOT NULL,"
	"  profile TEXT,"
	"  rules_dir TEXT);"
	"CREATE TABLE sources ("
	"  id INTEGER PRIMARY KEY,"
	"  path TEXT NOT NULL UNIQUE,"
	"  platform TEXT,"
	"  account TEXT,"
	"  counts TEXT,"
	"  failed INTEGER NOT NULL DEFAULT 0,"
	"  imported_at INTEGER NOT NULL);"
	"CREATE TABLE source_warnings ("
	"  id INTEGER PRIMARY KEY,"
	"  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,"
	"  message TEXT NOT NULL);"
	"CREATE TABLE accounts ("
	"  id INTEGER PRIMARY KEY,"
	"  platform TEXT NOT NULL,"
	"  handle TEXT NOT NULL,"
	"  display_name TEXT,"
	"  UNIQUE (platform, handle));"
	"CREATE TABLE items ("
	"  id INTEGER PRIMARY KEY,"
	"  platform TEXT NOT NULL,"
	"  account TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  item_key TEXT NOT NULL,"
	"  native_id TEXT,"
	"  url TEXT,"
	"  created_at INTEGER,"
	"  text TEXT,"
	"  lang TEXT,"
	"  media_count INTEGER NOT NULL DEFAULT 0,"
	"  media_types TEXT,"
	"  lat REAL, lon REAL,"
	"  place TEXT,"
	"  ref_author TEXT,"
	"  ref_id TEXT,"
	"  source_file TEXT,"
	"  source_index INTEGER,"
	"  deleted INTEGER NOT NULL DEFAULT 0,"
	"  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,"
	"  UNIQUE (platform, account, kind, item_key));"
	"CREATE TABLE findings ("
	"  id INTEGER PRIMARY KEY,"
	"  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
	"  rule TEXT NOT NULL,"
	"  category TEXT NOT NULL,"
	"  severity INTEGER NOT NULL,"
	"  action TEXT NOT NULL,"
	"  evidence TEXT NOT NULL,"
	"  guidelines TEXT NOT NULL,"
	"  UNIQUE (item_id, rule));"
	"CREATE INDEX findings_severity ON findings (severity);",
	/* 1 -> 2: a stable id per finding, and the user's decisions on them,
	 * kept across re-imports and re-scans (findings are rebuilt, decisions
	 * are not: the id depends only on the item and the rule). */
	"ALTER TABLE findings ADD COLUMN fid TEXT;"
	"CREATE INDEX findings_fid ON findings (fid);"
	"CREATE TABLE decisions ("
	"  fid TEXT PRIMARY KEY,"
	"  decision TEXT NOT NULL CHECK (decision IN ('keep', 'delete', 'done')),"
	"  decided_at INTEGER NOT NULL);",
	/* 2 -> 3: the deletion journal: each action is committed in flight
	 * before its request and done, gone or failed after it. */
	"CREATE TABLE deletions ("
	"  id INTEGER PRIMARY KEY,"
	"  fid TEXT NOT NULL UNIQUE,"
	"  platform TEXT NOT NULL,"
	"  account TEXT,"
	"  kind TEXT NOT NULL,"
	"  native_id TEXT,"
	"  ref_id TEXT,"
	"  url TEXT,"
	"  action TEXT NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN ('planned', 'in_flight', 'done', 'gone',"
	"    'failed')),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  http_status INTEGER,"
	"  error TEXT,"
	"  updated_at INTEGER);",
	/* 3 -> 4: the reports' count of items by platform and kind, from a
	 * small index instead of a pass over every stored item. */
	"CREATE INDEX items_kinds ON items (platform, kind) WHERE deleted = 0;",
	/* 4 -> 5: the count of items by platform and kind is the scan's, kept
	 * by each scan, instead of an index that every insert had to keep in
	 * order (1-1.5 s of a 1M-item import's 12-13 s); stores scanned before
	 * get it now. */
	"DROP INDEX IF EXISTS items_kinds;"
	"CREATE TABLE scanned_kinds ("
	"  platform TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  items INTEGER NOT NULL,"
	"  PRIMARY KEY (platform, kind));"
	"INSERT INTO scanned_kinds SELECT platform, kind, count(*) FROM items"
	"  WHERE deleted = 0 AND EXISTS (SELECT 1 FROM runs WHERE command = 'scan')"
	"  GROUP BY 1, 2;",
	/* 5 -> 6: a rule's guideline clauses are stored once and its findings
	 * point at them, instead of a copy in every finding (25 MB written by
	 * the scan, then sorted by the report, for 51,676 findings). */
	"CREATE TABLE guidelines ("
	"  id INTEGER PRIMARY KEY,"
	"  json TEXT NOT NULL UNIQUE);"
	"INSERT OR IGNORE INTO guidelines (json) SELECT guidelines FROM findings;"
	"ALTER TABLE findings ADD COLUMN guidelines_id INTEGER REFERENCES guidelines(id);"
	"UPDATE findings SET guidelines_id ="
	"  (SELECT id FROM guidelines g WHERE g.json = findings.guidelines);"
	"ALTER TABLE findings DROP COLUMN guidelines;",
};
#define NMIGRATIONS (sizeof migrations / sizeof migrations[0])

static int
db_fail(struct fp_store *st, struct fp_err *err, const char *what)
{
	fp_err_set(err, FP_FATAL, "store: %s: %s", what, store_errmsg(st));
	return FP_FATAL;
}

/* *s, prepared from sql the first time it is asked for, then kept (and
 * finalized by fp_store_close). */
static int
prepared(struct fp_store *st, sqlite3_stmt **s, const char *sql, struct fp_err *err)
{
	if (*s == NULL && sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK)
		return db_fail(st, err, "prepare");
	return FP_OK;
}

static int
exec(struct fp_store *st, const char *sql, struct fp_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fp_err_set(err, FP_FATAL, "store: %s", sqlite3_errcode(st->db) == SQLITE_BUSY ?
		    store_errmsg(st) : msg ? msg : "error");
		sqlite3_free(msg);
		return FP_FATAL;
	}
	return FP_OK;
}

int
fp_store_schema_version(struct fp_store *st)
{
	sqlite3_stmt *s;
	int v = -1;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* The guidelines ids known are not (rows rolled back, or cleared). */
static void
guidelines_forget(struct fp_store *st)
{
	for (size_t i = 0; i < st->ngl; i++)
		free(st->gl[i].json);
	st->ngl = 0;
}

static int
migrate(struct fp_store *st, struct fp_err *err)
{
	int v = fp_store_schema_version(st);

	if (v < 0)
		return db_fail(st, err, "reading the schema version");
	if (v > (int)NMIGRATIONS) {
		fp_err_set(err, FP_FATAL, "store: schema version %d is newer than"
		    " this footprint knows (%zu); upgrade footprint", v, NMIGRATIONS);
		return FP_FATAL;
	}
	for (; v < (int)NMIGRATIONS; v++) {
		char pragma[64];

		if (exec(st, "BEGIN IMMEDIATE", err) != FP_OK)
			return FP_FATAL;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		if (exec(st, migrations[v], err) != FP_OK || exec(st, pragma, err) != FP_OK) {
			exec(st, "ROLLBACK", NULL);
			return FP_FATAL;
		}
		if (exec(st, "COMMIT", err) != FP_OK)
			return FP_FATAL;
	}
	return FP_OK;
}

int
fp_store_open(struct fp_store **out, const char *path, struct fp_err *err)
{
	struct fp_store *st = xcalloc(1, sizeof *st);
	int memory = path == NULL || strcmp(path, ":memory:") == 0;
	/* One thread uses a store at a time: no mutex on every call. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

	*out = NULL;
	if (!memory) {
		/* Created 0600: the store holds the user's own posts. */
		mode_t old = umask(077);
		int rc = sqlite3_open_v2(path, &st->db, flags, NULL);

		umask(old);
		if (rc != SQLITE_OK) {
			fp_err_set(err, FP_FATAL, "store '%s': %s", path,
			    st->db ? sqlite3_errmsg(st->db) : "cannot open");
			goto fail;
		}
	}
	/*
	 * "" is SQLite's private temporary database: pages stay in the page
	 * cache and only past it spill to a file in $TMPDIR that is unlinked
	 * as soon as it is opened, so a million-item audit stays within the
	 * cache size below instead of growing with the archive (":memory:"
	 * took 620 MB at 1M items).
	 */
	else if (sqlite3_open_v2("", &st->db, flags, NULL) != SQLITE_OK) {
		fp_err_set(err, FP_FATAL, "store: cannot open a temporary database");
		goto fail;
	}
	st->path = xstrdup(memory ? ":memory:" : path);
	sqlite3_busy_handler(st->db, store_busy, st);
	if (exec(st, "PRAGMA foreign_keys = ON", err) != FP_OK)
		goto fail;
	/*
	 * A rollback journal, not WAL: an import is one big transaction into
	 * mostly new pages, which WAL writes twice (to the log, then to the
	 * store) and a rollback journal once (a 1M-item import 19 s to 13 s).
	 * Commits are as atomic either way; synchronous=FULL makes them
	 * durable too. Stores made in WAL mode by earlier versions switch back.
	 */
	if (!memory && (exec(st, "PRAGMA journal_mode = DELETE", err) != FP_OK ||
	    exec(st, "PRAGMA synchronous = FULL", err) != FP_OK)) {
		fp_err_set(err, FP_FATAL, "store '%s': %s%s", path,
		    sqlite3_errcode(st->db) == SQLITE_BUSY ? "" :
		    "not a footprint store or not writable: ", store_errmsg(st));
		goto fail;
	}
	/* A big import is one transaction: a page cache of 64 MiB keeps its
	 * indexes in memory instead of spilling them page by page. */
	if (exec(st, "PRAGMA cache_size = -65536", err) != FP_OK)
		goto fail;
	if (migrate(st, err) != FP_OK)
		goto fail;
	*out = st;
	return FP_OK;
fail:
	fp_store_close(st);
	return FP_FATAL;
}

void
fp_store_close(struct fp_store *st)
{
	if (st == NULL)
		return;
	sqlite3_finalize(st->item_upsert);
	sqlite3_finalize(st->finding_add);
	sqlite3_finalize(st->item_ident);
	sqlite3_finalize(st->key_seen);
	sqlite3_finalize(st->guidelines_add);
	guidelines_forget(st);
	free(st->gl);
	fp_keyset_release(&st->keys);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

char *
fp_store_default_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *dir, *path;

	if (xdg != NULL && xdg[0] == '/')
		dir = xasprintf("%s/footprint", xdg);
	else if (home != NULL && home[0] != '\0')
		dir = xasprintf("%s/.local/share/footprint", home);
	else
		return xstrdup("footprint.db");
	/* Make the parents as needed, the last one private. */
	for (char *p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(dir, 0755);
		*p = '/';
	}
	mkdir(dir, 0700);
	path = xasprintf("%s/footprint.db", dir);
	free(dir);
	return path;
}

/*
 * The items upsert keeps a statement journal (the foreign key and the
 * conflict clause could undo it halfway). Once one outgrows SQLite's
 * in-memory threshold, every later one in the transaction goes to a temp
 * file: at 1M Mastodon items, 7 million small writes and 7 s of system
 * time. An import's statements touch a few pages each, so its temp files
 * are kept in memory; other transactions (a scan clearing every finding
 * in one statement) keep them on disk, bounded.
 */
int
fp_store_begin_import(struct fp_store *st, struct fp_err *err)
{
	if (exec(st, "PRAGMA temp_store = MEMORY", err) != FP_OK)
		return FP_FATAL;
	if (fp_store_begin(st, err) != FP_OK) {
		exec(st, "PRAGMA temp_store = DEFAULT", NULL);
		return FP_FATAL;
	}
	st->import_tx = 1;
	return FP_OK;
}

static void
import_tx_end(struct fp_store *st)
{
	if (st->import_tx) {
		st->import_tx = 0;
		exec(st, "PRAGMA temp_store = DEFAULT", NULL);
	}
}

int
fp_store_begin(struct fp_store *st, struct fp_err *err)
{
	return exec(st, "BEGIN IMMEDIATE", err);
}

int
fp_store_commit(struct fp_store *st, struct fp_err *err)
{
	if (exec(st, "COMMIT", err) != FP_OK)
		return FP_FATAL;
	import_tx_end(st);
	return FP_OK;
}

void
fp_store_rollback(struct fp_store *st)
{
	guidelines_forget(st);
	exec(st, "ROLLBACK", NULL);
	import_tx_end(st);
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v != NULL)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* Run a one-shot statement with text parameters (NULLs allowed). */
static int
run(struct fp_store *st, struct fp_err *err, const char *sql, int n, ...)
{
	sqlite3_stmt *s;
	va_list ap;
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, err, "prepare");
	va_start(ap, n);
	for (int i = 1; i <= n; i++)
		bind_text(s, i, va_arg(ap, const char *));
	va_end(ap);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(st, err, "write");
	return FP_OK;
}

int
fp_store_source_begin(struct fp_store *st, const char *path, const char *platform,
    int64_t *source_id, struct fp_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db,
	    "INSERT INTO sources (path, platform, imported_at, failed)"
	    " VALUES (?1, ?2, strftime('%s','now'), 0)"
	    " ON CONFLICT (path) DO UPDATE SET platform = excluded.platform,"
	    " imported_at = excluded.imported_at, failed = 0, counts = NULL"
	    " RETURNING id", -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, err, "prepare");
	bind_text(s, 1, path);
	bind_text(s, 2, platform);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*source_id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return db_fail(st, err, "recording the source");
	{
		char idbuf[32];

		snprintf(idbuf, sizeof idbuf, "%lld", (long long)*source_id);
		return run(st, err, "DELETE FROM source_warnings WHERE source_id = ?1",
		    1, idbuf);
	}
}

int
fp_store_source_finish(struct fp_store *st, int64_t source_id, const char *account,
    const char *counts_json, struct fp_err *err)
{
	char idbuf[32];

	snprintf(idbuf, sizeof idbuf, "%lld", (long long)source_id);
	return run(st, err, "UPDATE sources SET account = ?1, counts = ?2 WHERE id = ?3",
	    3, account, counts_json, idbuf);
}

int
fp_store_warning_add(struct fp_store *st, int64_t source_id, const char *message,
    struct fp_err *err)
{
	char idbuf[32];

	snprintf(idbuf, sizeof idbuf, "%lld", (long long)source_id);
	return run(st, err, "INSERT INTO source_warnings (source_id, message)"
	    " VALUES (?1, ?2)", 2, idbuf, message);
}

int
fp_store_source_failed(struct fp_store *st, const char *path, const char *message,
    struct fp_err *err)
{
	int64_t id;

	if (fp_store_source_begin(st, path, NULL, &id, err) != FP_OK)
		return FP_FATAL;
	if (fp_store_warning_add(st, id, message, err) != FP_OK)
		return FP_FATAL;
	{
		char idbuf[32];

		snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
		return run(st, err, "UPDATE sources SET failed = 1 WHERE id = ?1", 1, idbuf);
	}
}

int
fp_store_account_upsert(struct fp_store *st, const char *platform, const char *handle,
    const char *display_name, struct fp_err *err)
{
	return run(st, err, "INSERT INTO accounts (platform, handle, display_name)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT (platform, handle) DO UPDATE SET"
	    " display_name = COALESCE(excluded.display_name, display_name)",
	    3, platform, handle, display_name);
}

/*
 * The key that makes an item the same across imports: the native id; for
 * account fields, the kind alone (one bio per account); otherwise a hash
 * of the date and text.
 */
static char *
item_key(const struct fp_item *item)
{
	uint64_t h = UINT64_C(1469598103934665603);
	char date[32];

	if (item->native_id != NULL && item->native_id[0] != '\0')
		return xasprintf("id:%s", item->native_id);
	/* One of each field per account; several (Mastodon's profile fields)
	 * are told apart by their index in the source. */
	if (fp_kind_is_account_field(item->kind))
		return item->source_index >= 0 ? xasprintf("profile:%ld", item->source_index) :
		    xstrdup("profile");
	fp_time_iso(item->created_at, date);
	for (const char *p = date; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * UINT64_C(1099511628211);
	for (const char *p = item->text ? item->text : ""; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * UINT64_C(1099511628211);
	return xasprintf("hash:%016llx", (unsigned long long)h);
}

/* For the item upsert: the item outlives the step, so SQLite need not copy. */
static void
bind_borrowed(sqlite3_stmt *s, int i, const char *v)
{
	if (v != NULL)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

int
fp_store_item_upsert(struct fp_store *st, struct fp_item *item, int64_t source_id,
    struct fp_err *err)
{
	sqlite3_stmt *s;
	char *key;
	int rc;

	if (prepared(st, &st->item_upsert,
	    "INSERT INTO items (platform, account, kind, item_key, native_id, url,"
	    " created_at, text, lang, media_count, media_types, lat, lon, place,"
	    " ref_author, ref_id, source_file, source_index, deleted, source_id)"
	    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)"
	    " ON CONFLICT (platform, account, kind, item_key) DO UPDATE SET"
	    " url = COALESCE(excluded.url, url),"
	    " created_at = COALESCE(excluded.created_at, created_at),"
	    " text = COALESCE(excluded.text, text),"
	    " lang = COALESCE(excluded.lang, lang),"
	    " media_count = MAX(excluded.media_count, media_count),"
	    " media_types = COALESCE(excluded.media_types, media_types),"
	    " lat = COALESCE(excluded.lat, lat), lon = COALESCE(excluded.lon, lon),"
	    " place = COALESCE(excluded.place, place),"
	    " ref_author = COALESCE(excluded.ref_author, ref_author),"
	    " ref_id = COALESCE(excluded.ref_id, ref_id),"
	    " source_file = excluded.source_file, source_index = excluded.source_index,"
	    " deleted = MAX(excluded.deleted, deleted), source_id = excluded.source_id",
	    err) != FP_OK)
		return FP_FATAL;
	s = st->item_upsert;
	key = item_key(item);
	bind_borrowed(s, 1, item->platform);
	bind_borrowed(s, 2, item->account ? item->account : "");
	bind_borrowed(s, 3, fp_kind_name(item->kind));
	sqlite3_bind_text(s, 4, key, -1, free);
	bind_borrowed(s, 5, item->native_id);
	bind_borrowed(s, 6, item->url);
	if (item->created_at != FP_TIME_NONE)
		sqlite3_bind_int64(s, 7, item->created_at);
	else
		sqlite3_bind_null(s, 7);
	bind_borrowed(s, 8, item->text);
	bind_borrowed(s, 9, item->lang);
	sqlite3_bind_int(s, 10, item->media_count);
	bind_borrowed(s, 11, item->media_types);
	if (item->has_geo) {
		sqlite3_bind_double(s, 12, item->lat);
		sqlite3_bind_double(s, 13, item->lon);
	} else {
		sqlite3_bind_null(s, 12);
		sqlite3_bind_null(s, 13);
	}
	bind_borrowed(s, 14, item->place);
	bind_borrowed(s, 15, item->ref_author);
	bind_borrowed(s, 16, item->ref_id);
	bind_borrowed(s, 17, item->source_file);
	sqlite3_bind_int64(s, 18, item->source_index);
	sqlite3_bind_int(s, 19, item->deleted);
	if (source_id > 0)
		sqlite3_bind_int64(s, 20, source_id);
	else
		sqlite3_bind_null(s, 20);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "storing an item");
	return FP_OK;
}

int
fp_store_keys_begin(struct fp_store *st, size_t max_keys, struct fp_err *err)
{
	/* A plain table: a temporary one would go whenever an import sets
	 * temp_store, and the store this is for is temporary anyway. */
	if (exec(st, "CREATE TABLE IF NOT EXISTS keys_seen (h INTEGER PRIMARY KEY)",
	    err) != FP_OK)
		return FP_FATAL;
	if (prepared(st, &st->key_seen,
	    "INSERT INTO keys_seen (h) VALUES (?1) ON CONFLICT DO NOTHING", err) != FP_OK)
		return FP_FATAL;
	fp_keyset_release(&st->keys);
	fp_keyset_init(&st->keys, max_keys > 0 ? max_keys : FP_STORE_KEYS_IN_MEMORY);
	st->keys_spilled = 0;
	return FP_OK;
}

static uint64_t
hash_add(uint64_t h, const char *s)
{
	for (const char *p = s != NULL ? s : ""; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * UINT64_C(1099511628211);
	return (h ^ 0xff) * UINT64_C(1099511628211);	/* a separator */
}

uint64_t
fp_store_item_hash(const struct fp_item *item)
{
	uint64_t h = UINT64_C(1469598103934665603);

	h = hash_add(h, item->platform);
	h = hash_add(h, item->account);
	h = hash_add(h, fp_kind_name(item->kind));
	if (item->native_id != NULL && item->native_id[0] != '\0') {
		/* item_key's "id:%s", without making it */
		for (const char *p = "id:"; *p != '\0'; p++)
			h = (h ^ (unsigned char)*p) * UINT64_C(1099511628211);
		h = hash_add(h, item->native_id);
	} else {
		char *key = item_key(item);

		h = hash_add(h, key);
		free(key);
	}
	/* FNV's low bits mix poorly: a final avalanche (MurmurHash3's). */
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	return h;
}

/* Move the keys held in memory to the table keys_seen, in order (the
 * B-tree is filled left to right); *again is set when one was there. */
static int
keys_spill(struct fp_store *st, int *again, struct fp_err *err)
{
	size_t n;
	uint64_t *v = fp_keyset_take_sorted(&st->keys, &n);
	int rc = FP_OK;

	st->keys_spilled = 1;
	for (size_t i = 0; i < n && !*again; i++) {
		sqlite3_bind_int64(st->key_seen, 1, (sqlite3_int64)v[i]);
		if (sqlite3_step(st->key_seen) != SQLITE_DONE) {
			sqlite3_reset(st->key_seen);
			rc = db_fail(st, err, "noting the items' keys");
			break;
		}
		sqlite3_reset(st->key_seen);
		*again = sqlite3_changes(st->db) == 0;
	}
	free(v);
	return rc;
}

void
fp_store_keys_prefetch(struct fp_store *st, const uint64_t *hashes, size_t n)
{
	fp_keyset_prefetch(&st->keys, hashes, n);
}

int
fp_store_key_seen(struct fp_store *st, uint64_t hash, int *again, struct fp_err *err)
{
	*again = fp_keyset_add(&st->keys, hash);
	if (*again || !fp_keyset_full(&st->keys))
		return FP_OK;
	return keys_spill(st, again, err);
}

int
fp_store_keys_flush(struct fp_store *st, int *again, struct fp_err *err)
{
	*again = 0;
	if (!st->keys_spilled)
		return FP_OK;	/* every key is in memory, and was checked */
	return keys_spill(st, again, err);
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v != NULL ? xstrdup((const char *)v) : NULL;
}

/*
 * The finding's id: 12 hex digits of a hash of what identifies its item
 * (platform, account, kind, key) and its rule, so that it stays the same
 * when the archive is imported again or the rules are scanned again.
 */
#define IDENT_SEED	UINT64_C(1469598103934665603)

static uint64_t
ident_add(uint64_t h, const char *v)
{
	for (const char *p = v ? v : ""; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * UINT64_C(1099511628211);
	return (h ^ 0x1f) * UINT64_C(1099511628211);
}

void
fp_store_finding_fid(uint64_t ident, const char *rule, char out[16])
{
	uint64_t h = ident_add(ident, rule);

	snprintf(out, 16, "%012llx", (unsigned long long)(h & UINT64_C(0xffffffffffff)));
}

int
fp_store_items_foreach(struct fp_store *st, fp_item_fn fn, void *ud, struct fp_err *err)
{
	sqlite3_stmt *s;
	int rc, stop = 0;

	if (sqlite3_prepare_v2(st->db,
	    "SELECT id, platform, account, kind, native_id, url, created_at, text,"
	    " lang, media_count, media_types, lat, lon, place, ref_author, ref_id,"
	    " source_file, source_index, item_key FROM items WHERE deleted = 0 ORDER BY id",
	    -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, err, "prepare");
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct fp_item item;
		const char *platform = (const char *)sqlite3_column_text(s, 1);
		int kind = fp_kind_from_name((const char *)sqlite3_column_text(s, 3));

		fp_item_init(&item);
		item.id = sqlite3_column_int64(s, 0);
		item.platform = "x";
		for (size_t i = 0; fp_platforms[i] != NULL; i++)
			if (platform != NULL && strcmp(fp_platforms[i], platform) == 0)
				item.platform = fp_platforms[i];
		item.account = col_dup(s, 2);
		item.kind = kind >= 0 ? (enum fp_kind)kind : FP_KIND_POST;
		item.native_id = col_dup(s, 4);
		item.url = col_dup(s, 5);
		if (sqlite3_column_type(s, 6) != SQLITE_NULL)
			item.created_at = sqlite3_column_int64(s, 6);
		item.text = col_dup(s, 7);
		item.lang = col_dup(s, 8);
		item.media_count = sqlite3_column_int(s, 9);
		item.media_types = col_dup(s, 10);
		if (sqlite3_column_type(s, 11) != SQLITE_NULL) {
			item.has_geo = 1;
			item.lat = sqlite3_column_double(s, 11);
			item.lon = sqlite3_column_double(s, 12);
		}
		item.place = col_dup(s, 13);
		item.ref_author = col_dup(s, 14);
		item.ref_id = col_dup(s, 15);
		item.source_file = col_dup(s, 16);
		item.source_index = (long)sqlite3_column_int64(s, 17);
		item.ident = IDENT_SEED;
		for (int c = 1; c <= 3; c++)	/* platform, account, kind */
			item.ident = ident_add(item.ident, (const char *)sqlite3_column_text(s, c));
		item.ident = ident_add(item.ident, (const char *)sqlite3_column_text(s, 18));
		stop = fn(ud, &item) != 0;
		fp_item_release(&item);
	}
	if (!stop && rc != SQLITE_DONE) {
		sqlite3_finalize(s);
		return db_fail(st, err, "reading items");
	}
	sqlite3_finalize(s);
	return stop ? FP_FAILED : FP_OK;
}

int
fp_store_accounts_foreach(struct fp_store *st, fp_account_fn fn, void *ud,
    struct fp_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, "SELECT platform, handle, display_name"
	    " FROM accounts ORDER BY platform, handle", -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, err, "prepare");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (fn(ud, (const char *)sqlite3_column_text(s, 0),
		    (const char *)sqlite3_column_text(s, 1),
		    (const char *)sqlite3_column_text(s, 2)) != 0)
			break;
	sqlite3_finalize(s);
	return FP_OK;
}

char *
fp_store_account_display(struct fp_store *st, const char *platform, const char *handle)
{
	sqlite3_stmt *s;
	char *v = NULL;

	if (sqlite3_prepare_v2(st->db, "SELECT display_name FROM accounts"
	    " WHERE platform = ?1 AND handle = ?2", -1, &s, NULL) != SQLITE_OK)
		return NULL;
	bind_text(s, 1, platform);
	bind_text(s, 2, handle);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = col_dup(s, 0);
	sqlite3_finalize(s);
	return v;
}

int
fp_store_findings_clear(struct fp_store *st, struct fp_err *err)
{
	guidelines_forget(st);
	return exec(st, "DELETE FROM findings; DELETE FROM guidelines", err);
}

/*
 * The id of the guidelines row holding json, added if there is none. A
 * scan asks with a few strings (one per rule) again and again: those are
 * remembered, the same pointer looked at first.
 */
static int
guidelines_id(struct fp_store *st, const char *json, int64_t *id, struct fp_err *err)
{
	sqlite3_stmt *s;
	struct stored_guidelines *g;
	int rc;

	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < st->ngl; i++)
			if ((pass == 1 || st->gl[i].seen == json) &&
			    strcmp(st->gl[i].json, json) == 0) {
				st->gl[i].seen = json;
				*id = st->gl[i].id;
				return FP_OK;
			}
	if (prepared(st, &st->guidelines_add,
	    "INSERT INTO guidelines (json) VALUES (?1)"
	    " ON CONFLICT (json) DO UPDATE SET json = excluded.json RETURNING id",
	    err) != FP_OK)
		return FP_FATAL;
	s = st->guidelines_add;
	sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
	*id = -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE || *id < 0)
		return db_fail(st, err, "storing guidelines");
	if (st->ngl == st->capgl) {
		st->capgl = st->capgl ? st->capgl * 2 : 32;
		st->gl = xreallocarray(st->gl, st->capgl, sizeof *st->gl);
	}
	g = &st->gl[st->ngl++];
	g->seen = json;
	g->json = xstrdup(json);
	g->id = *id;
	return FP_OK;
}

int
fp_store_scanned_kinds_set(struct fp_store *st, const struct fp_kind_count *counts,
    size_t n, struct fp_err *err)
{
	sqlite3_stmt *s;

	if (exec(st, "DELETE FROM scanned_kinds", err) != FP_OK)
		return FP_FATAL;
	if (sqlite3_prepare_v2(st->db, "INSERT INTO scanned_kinds (platform, kind, items)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT (platform, kind) DO UPDATE SET"
	    " items = items + excluded.items", -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, err, "prepare");
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_text(s, 1, counts[i].platform, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, fp_kind_name(counts[i].kind), -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, counts[i].items);
		if (sqlite3_step(s) != SQLITE_DONE) {
			db_fail(st, err, "scanned_kinds");
			sqlite3_finalize(s);
			return FP_FATAL;
		}
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return FP_OK;
}

static int
finding_id(struct fp_store *st, int64_t item_id, const char *rule, char out[16],
    struct fp_err *err)
{
	sqlite3_stmt *s;
	uint64_t h = IDENT_SEED;
	int rc;

	if (prepared(st, &st->item_ident,
	    "SELECT platform, account, kind, item_key FROM items WHERE id = ?1", err) != FP_OK)
		return FP_FATAL;
	s = st->item_ident;
	sqlite3_bind_int64(s, 1, item_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		for (int c = 0; c < 4; c++)
			h = ident_add(h, (const char *)sqlite3_column_text(s, c));
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return db_fail(st, err, "finding an item");
	fp_store_finding_fid(h, rule, out);
	return FP_OK;
}

int
fp_store_finding_add(struct fp_store *st, const struct fp_finding *f, struct fp_err *err)
{
	sqlite3_stmt *s;
	char fid[16];
	int64_t gid = -1;
	int rc;

	if (guidelines_id(st, f->guidelines_json != NULL ? f->guidelines_json : "{}", &gid,
	    err) != FP_OK)
		return FP_FATAL;
	if (f->fid[0] != '\0')
		memcpy(fid, f->fid, sizeof fid);
	else if (finding_id(st, f->item_id, f->rule, fid, err) != FP_OK)
		return FP_FATAL;
	if (prepared(st, &st->finding_add,
	    "INSERT OR REPLACE INTO findings (item_id, rule, category, severity,"
	    " action, evidence, guidelines_id, fid) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
	    err) != FP_OK)
		return FP_FATAL;
	s = st->finding_add;
	sqlite3_bind_text(s, 8, fid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 1, f->item_id);
	bind_text(s, 2, f->rule);
	bind_text(s, 3, f->category);
	sqlite3_bind_int(s, 4, f->severity);
	bind_text(s, 5, f->action);
	bind_text(s, 6, f->evidence_json);
	sqlite3_bind_int64(s, 7, gid);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "storing a finding");
	return FP_OK;
}

int64_t
fp_store_run_add(struct fp_store *st, const char *command, const char *profile_json,
    const char *rules_dir, struct fp_err *err)
{
	if (run(st, err, "INSERT INTO runs (command, started_at, profile, rules_dir)"
	    " VALUES (?1, strftime('%s','now'), ?2, ?3)", 3, command, profile_json,
	    rules_dir) != FP_OK)
		return -1;
	return sqlite3_last_insert_rowid(st->db);
}

char *
fp_store_last_profile(struct fp_store *st)
{
	sqlite3_stmt *s;
	char *v = NULL;

	if (sqlite3_prepare_v2(st->db, "SELECT profile FROM runs WHERE command = 'scan'"
	    " ORDER BY id DESC LIMIT 1", -1, &s, NULL) != SQLITE_OK)
		return NULL;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = col_dup(s, 0);
	sqlite3_finalize(s);
	return v;
}

struct sqlite3 *
fp_store_db(struct fp_store *st)
{
	return st->db;
}

int
fp_store_decide(struct fp_store *st, const char *fid, const char *decision,
    struct fp_err *err)
{
	sqlite3_stmt *s;
	int rc, found = 0;

	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM findings WHERE fid = ?1", -1,
	    &s, NULL) != SQLITE_OK)
		return db_fail(st, err, "prepare");
	bind_text(s, 1, fid);
	if (sqlite3_step(s) == SQLITE_ROW)
		found = sqlite3_column_int(s, 0) > 0;
	sqlite3_finalize(s);
	if (!found) {
		fp_err_set(err, FP_FAILED, "no finding '%s' (see 'footprint report"
		    " --format json': each finding's \"finding\")", fid);
		return FP_FAILED;
	}
	if (strcmp(decision, "open") == 0)
		rc = run(st, err, "DELETE FROM decisions WHERE fid = ?1", 1, fid);
	else
		rc = run(st, err, "INSERT INTO decisions (fid, decision, decided_at)"
		    " VALUES (?1, ?2, strftime('%s','now')) ON CONFLICT (fid) DO UPDATE"
		    " SET decision = excluded.decision, decided_at = excluded.decided_at",
		    2, fid, decision);
	return rc;
}
