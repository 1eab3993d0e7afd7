/*
 * store.h: the SQLite store of accounts, items, findings, sources and runs.
 *
 * The schema is versioned with PRAGMA user_version and migrated forward on
 * open (the migrations at the top of src/store.c). Items are keyed by platform + account + kind +
 * native id (or a content hash when there is none), so importing the same
 * archive twice, or its zip and its unpacked directory, gives the same rows.
 * All SQL is prepared and bound; item data never becomes SQL text.
 */
#ifndef FP_STORE_H
#define FP_STORE_H

#include <stdint.h>
#include "footprint.h"
#include "item.h"

struct fp_store;

/* path NULL or ":memory:" opens a temporary store, gone when closed: in
 * memory while it fits the page cache, then in an unlinked file. */
int	 fp_store_open(struct fp_store **out, const char *path, struct fp_err *err);
void	 fp_store_close(struct fp_store *st);
/* $XDG_DATA_HOME/footprint/footprint.db (directories made); caller frees. */
char	*fp_store_default_path(void);
int	 fp_store_schema_version(struct fp_store *st);

int	 fp_store_begin(struct fp_store *st, struct fp_err *err);
/* A transaction of many small writes (an import): its statement journals
 * are kept in memory until the commit or rollback. */
int	 fp_store_begin_import(struct fp_store *st, struct fp_err *err);
int	 fp_store_commit(struct fp_store *st, struct fp_err *err);
void	 fp_store_rollback(struct fp_store *st);

/* Sources: one row per imported path; re-importing a path replaces it. */
int	 fp_store_source_begin(struct fp_store *st, const char *path,
	    const char *platform, int64_t *source_id, struct fp_err *err);
int	 fp_store_source_finish(struct fp_store *st, int64_t source_id,
	    const char *account, const char *counts_json, struct fp_err *err);
int	 fp_store_warning_add(struct fp_store *st, int64_t source_id,
	    const char *message, struct fp_err *err);
/* Record a path that could not be read at all. */
int	 fp_store_source_failed(struct fp_store *st, const char *path,
	    const char *message, struct fp_err *err);

int	 fp_store_account_upsert(struct fp_store *st, const char *platform,
	    const char *handle, const char *display_name, struct fp_err *err);
/* Insert or update by key (item->id is left as it is). */
int	 fp_store_item_upsert(struct fp_store *st, struct fp_item *item,
	    int64_t source_id, struct fp_err *err);
/*
 * For an import that does not store every item (fp_prefilter): notes an
 * item's key (fp_store_item_hash: a 64-bit hash of what
 * fp_store_item_upsert keys it by) and sets *again when that key was noted
 * before (or, rarely, another with the
 * same hash). The keys are held in memory (8 to 16 bytes each) up to
 * max_keys (0: FP_STORE_KEYS_IN_MEMORY), then moved to a table, so that
 * memory stays bounded; a key met again after its move is found only by
 * the next move or by fp_store_keys_flush, which every import calls before
 * it commits. fp_store_keys_begin, outside a transaction, makes the table
 * of keys; it belongs in a temporary store only. fp_store_keys_prefetch
 * readies the memory for a batch of keys about to be noted.
 */
#define FP_STORE_KEYS_IN_MEMORY	((size_t)1 << 21)
int	 fp_store_keys_begin(struct fp_store *st, size_t max_keys, struct fp_err *err);
uint64_t fp_store_item_hash(const struct fp_item *item);	/* pure: any thread */
void	 fp_store_keys_prefetch(struct fp_store *st, const uint64_t *hashes, size_t n);
int	 fp_store_key_seen(struct fp_store *st, uint64_t hash, int *again,
	    struct fp_err *err);
int	 fp_store_keys_flush(struct fp_store *st, int *again, struct fp_err *err);

/* Call fn for every item not marked deleted, in id order. */
typedef int (*fp_item_fn)(void *ud, struct fp_item *item);
int	 fp_store_items_foreach(struct fp_store *st, fp_item_fn fn, void *ud,
	    struct fp_err *err);

/* Call fn for every account. */
typedef int (*fp_account_fn)(void *ud, const char *platform, const char *handle,
    const char *display_name);
int	 fp_store_accounts_foreach(struct fp_store *st, fp_account_fn fn, void *ud,
	    struct fp_err *err);

/* Account display name, or NULL (caller frees). */
char	*fp_store_account_display(struct fp_store *st, const char *platform,
	    const char *handle);

/* A finding as stored. */
struct fp_finding {
	int64_t		 item_id;
	const char	*rule;
	const char	*category;
	int		 severity;
	const char	*action;
	const char	*evidence_json;		/* ["vote for","election"] */
	const char	*guidelines_json;	/* {"UNHCR":["§2"],...} */
	char		 fid[16];	/* the stable id, or "": the store makes it */
};

/* A finding's stable id, from its item's ident (an item read from the
 * store has one) and its rule: what fp_store_finding_add makes itself. */
void	 fp_store_finding_fid(uint64_t ident, const char *rule, char out[16]);

int	 fp_store_findings_clear(struct fp_store *st, struct fp_err *err);
/* Replace the count of scanned items by platform and kind (the report's
 * summary); counts are borrowed. */
struct fp_kind_count {
	const char	*platform;
	enum fp_kind	 kind;
	long		 items;
};
int	 fp_store_scanned_kinds_set(struct fp_store *st,
	    const struct fp_kind_count *counts, size_t n, struct fp_err *err);
int	 fp_store_finding_add(struct fp_store *st, const struct fp_finding *f,
	    struct fp_err *err);
int64_t	 fp_store_run_add(struct fp_store *st, const char *command,
	    const char *profile_json, const char *rules_dir, struct fp_err *err);
/* Profile JSON of the latest scan, or NULL; caller frees. */
char	*fp_store_last_profile(struct fp_store *st);

/*
 * Record the user's decision on a finding: keep (not a problem), delete
 * (to be deleted), done (deleted), or open (undo). FP_FAILED when there is
 * no such finding. Decisions outlive re-imports and re-scans.
 */
int	 fp_store_decide(struct fp_store *st, const char *fid, const char *decision,
	    struct fp_err *err);

/* For reports: the database handle (read-only use by src/report*.c). */
struct sqlite3	*fp_store_db(struct fp_store *st);

#endif
