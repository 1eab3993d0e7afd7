/*
 * import.c: one path, through the connector that bids highest for it, into
 * the store, as one transaction (see import.h).
 */
#include "config.h"

#include <limits.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "jsfile.h"
#include "connector.h"
#include "engine.h"
#include "import.h"
#include "source.h"
#include "store.h"
#include "workq.h"

/*
 * Reading and storing overlap: one worker thread pulls items from the
 * connector a batch at a time while this thread writes them to the store
 * (SQLite is a third of an import). Batches come back in order, so the
 * store sees the items in the archive's order, as with one thread.
 * Judging on the way in (a prefilter), two more workers judge the batches
 * between the two (each with a twin of the prefilter: an engine of its
 * own), and they come back in the same order. Judging is the longest of
 * the three; with two judges it takes up the cores whenever reading and
 * storing wait.
 */
#define IMPORT_BATCH	256
#define IMPORT_BATCH_BYTES ((size_t)4 << 20) /* or fewer items, past this */
#define IMPORT_DEPTH	8	/* batches in flight */
#define JUDGE_DEPTH	4	/* of which at the judges, at most */
#define JUDGES		2

struct import_batch {
	struct fp_item	items[IMPORT_BATCH];
	unsigned char	keep[IMPORT_BATCH];	/* judged: store it */
	uint64_t	hash[IMPORT_BATCH];	/* judged: fp_store_item_hash */
	size_t		n;
	size_t		bytes;		/* fp_item_size of the items */
	int		last;		/* the connector has no more */
};

struct import_reader {
	struct fp_conn	*conn;
	int		 ended;		/* worker's own */
	int		 repair_later;	/* the judges repair UTF-8 (fp_item_cut) */
	atomic_int	 stop;		/* set by the writer on a fatal error */
};

static void
batch_release(struct import_batch *b)
{
	for (size_t i = 0; i < b->n; i++)
		fp_item_release(&b->items[i]);
	b->n = 0;
}

static void
read_batch(void *ctx, int worker, void *task)
{
	struct import_reader *r = ctx;
	struct import_batch *b = task;

	(void)worker;
	batch_release(b);	/* the items stored before: freed by the thread
				 * that made them, not the writer */
	b->bytes = 0;
	b->last = 0;
	/* Items of up to a MiB each (FP_ITEM_MAX_TEXT): a batch is also cut
	 * by its bytes, or batches in flight could hold a GiB. */
	while (!r->ended && b->n < IMPORT_BATCH && b->bytes < IMPORT_BATCH_BYTES) {
		struct fp_item *item = &b->items[b->n];
		struct fp_err err;
		size_t was, size;
		int rc;

		if (atomic_load(&r->stop)) {
			r->ended = 1;
			break;
		}
		fp_item_init(item);
		rc = fp_conn_next(r->conn, item, &err);
		if (rc != FP_OK) {
			if (rc != FP_EOF)
				fp_conn_warn(r->conn, NULL, "reading stopped: %s", err.msg);
			fp_item_release(item);
			r->ended = 1;
			break;
		}
		/* with judges, the UTF-8 check (a pass over every byte) is
		 * theirs: this thread is the longest of the chain */
		was = r->repair_later ? fp_item_cut(item, &size) : fp_item_clip(item, &size);
		if (was > 0)
			fp_conn_warn(r->conn, item->source_file, "item %ld: a text of %zu"
			    " bytes; only its first %zu KiB are kept and audited",
			    item->source_index, was, FP_ITEM_MAX_TEXT >> 10);
		b->bytes += size;
		b->n++;
	}
	b->last = r->ended;
}

/* The judges: the caller's prefilter and its twins, by worker. */
struct import_judges {
	struct fp_prefilter	*pf[JUDGES];
	struct fp_prefilter	 twins[JUDGES - 1];
	int			 n;
};

/* A judge's worker: which items of the batch a rule may flag. */
static void
judge_batch(void *ctx, int worker, void *task)
{
	struct import_judges *j = ctx;
	struct fp_prefilter *pf = j->pf[worker];
	struct import_batch *b = task;

	for (size_t i = 0; i < b->n; i++) {
		fp_item_repair(&b->items[i]);
		b->keep[i] = (unsigned char)fp_prefilter_keep(pf, &b->items[i]);
		b->hash[i] = fp_store_item_hash(&b->items[i]);
	}
}

/* Judges for pf: as many as forks allow, at least pf itself. */
static void
judges_start(struct import_judges *j, struct fp_prefilter *pf)
{
	struct fp_err err;

	j->pf[0] = pf;
	for (j->n = 1; j->n < JUDGES; j->n++) {
		if (fp_prefilter_fork(&j->twins[j->n - 1], pf, &err) != FP_OK)
			break;	/* one judge fewer: still correct */
		j->pf[j->n] = &j->twins[j->n - 1];
	}
}

/* The twins' counts into pf's (their workers done). */
static void
judges_join(struct import_judges *j)
{
	for (int i = 1; i < j->n; i++)
		fp_prefilter_join(j->pf[0], &j->twins[i - 1]);
	j->n = 1;
}

/*
 * The next batch read (and judged, with a judge queue), in order; NULL
 * when none is in flight. The judge is kept fed: a batch read goes to it
 * as soon as fewer than JUDGE_DEPTH are there.
 */
static struct import_batch *
next_batch(struct fp_workq *read_q, struct fp_workq *judge_q)
{
	if (judge_q == NULL)
		return fp_workq_collect(read_q);
	while (fp_workq_in_flight(read_q) > 0 && fp_workq_in_flight(judge_q) < JUDGE_DEPTH)
		fp_workq_submit(judge_q, fp_workq_collect(read_q));
	return fp_workq_collect(judge_q);
}


char *
fp_import_counts_json(const struct fp_import_result *res)
{
	json_t *o = json_object();
	char *s;

	for (int k = 0; k < FP_KIND__COUNT; k++)
		if (res->counts[k] > 0)
			json_object_set_new(o, fp_kind_name(k), json_integer(res->counts[k]));
	json_object_set_new(o, "_unknown_content", json_integer(res->unknown_content));
	json_object_set_new(o, "_deleted", json_integer(res->deleted));
	s = fp_json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

/* The path as stored: absolute, so that runs from other folders agree. */
static char *
stored_path(const char *path)
{
	char *abs = realpath(path, NULL);

	return abs != NULL ? abs : xstrdup(path);
}

int
fp_import_path(struct fp_store *st, const char *path, const char *platform,
    int include_messages, struct fp_prefilter *pf, struct fp_import_result *res,
    struct fp_err *err)
{
	const struct fp_connector *c;
	struct fp_source *src = NULL;
	struct fp_conn conn;
	struct import_reader reader = { 0 };
	struct import_batch *batches = xcalloc(IMPORT_DEPTH, sizeof *batches), *b = NULL;
	struct fp_workq *q = NULL, *judge_q = NULL;	/* reading; judging */
	struct import_judges judges;
	int64_t source_id = 0;
	char *spath = stored_path(path), *counts = NULL;
	int rc = FP_FAILED, in_tx = 0, opened = 0;
	const char *platforms[16];	/* every platform the items are on */
	size_t nplatforms = 0;

	memset(res, 0, sizeof *res);
	memset(&judges, 0, sizeof judges);
	memset(&conn, 0, sizeof conn);
	if (fp_source_open(&src, path, err) != FP_OK)
		goto unreadable;
	if (platform != NULL) {
		if ((c = fp_connector_find(platform)) == NULL) {
			fp_err_set(err, FP_FAILED, "'%s': no connector for platform '%s'",
			    path, platform);
			goto unreadable;
		}
	} else if ((c = fp_connector_detect(src, err)) == NULL)
		goto unreadable;
	if (fp_conn_open(&conn, c, src, include_messages, err) != FP_OK)
		goto unreadable;
	opened = 1;
	res->platform = c->name;

	if (fp_store_begin_import(st, err) != FP_OK)
		goto fatal;
	in_tx = 1;
	if (fp_store_source_begin(st, spath, c->name, &source_id, err) != FP_OK)
		goto fatal;
	for (size_t i = 0; i < fp_source_problems(src)->n; i++)
		fp_conn_warn(&conn, NULL, "%s", fp_source_problems(src)->v[i]);
	reader.conn = &conn;
	reader.repair_later = pf != NULL && fp_jobs() > 1;	/* judges below */
	q = fp_workq_new(fp_jobs() > 1 ? 1 : 0, IMPORT_DEPTH, read_batch, &reader);
	if (pf != NULL && fp_jobs() > 1) {
		judges_start(&judges, pf);
		judge_q = fp_workq_new(judges.n, JUDGE_DEPTH, judge_batch, &judges);
	}
	for (int i = 0; i < IMPORT_DEPTH; i++)
		fp_workq_submit(q, &batches[i]);
	while ((b = next_batch(q, judge_q)) != NULL) {
		int last = b->last;

		if (pf != NULL) {
			if (judge_q == NULL)
				for (size_t i = 0; i < b->n; i++)
					b->hash[i] = fp_store_item_hash(&b->items[i]);
			fp_store_keys_prefetch(st, b->hash, b->n);
		}

		for (size_t i = 0; i < b->n; i++) {
			struct fp_item *item = &b->items[i];
			size_t k;
			int again;

			if (pf != NULL) {
				if (fp_store_key_seen(st, b->hash[i], &again, err) != FP_OK)
					goto fatal;
				if (again) {
					pf->repeated = 1;
					goto stop;
				}
			}
			if ((pf == NULL || (judge_q != NULL ? b->keep[i] :
			    fp_prefilter_keep(pf, item))) &&
			    fp_store_item_upsert(st, item, source_id, err) != FP_OK)
				goto fatal;
			for (k = 0; k < nplatforms && platforms[k] != item->platform; k++)
				;
			if (k == nplatforms && nplatforms < 16)
				platforms[nplatforms++] = item->platform;
			if (item->deleted)
				res->deleted++;
			else {
				res->counts[item->kind]++;
				res->items++;
				if (item->text == NULL)
					res->unknown_content++;
			}
		}
		if (!last)
			fp_workq_submit(q, b);	/* released as it is refilled */
		else
			batch_release(b);
	}
	fp_workq_free(judge_q);
	judge_q = NULL;
	judges_join(&judges);
	fp_workq_free(q);
	q = NULL;
	if (pf != NULL) {
		int again;

		if (fp_store_keys_flush(st, &again, err) != FP_OK)
			goto fatal;
		if (again) {
			pf->repeated = 1;
			goto stop;
		}
	}
	/* The account, on the connector's platform and any other its items
	 * were on (Threads, inside the Instagram export). */
	if (conn.account != NULL) {
		if (fp_store_account_upsert(st, c->name, conn.account, conn.display_name,
		    err) != FP_OK)
			goto fatal;
		for (size_t k = 0; k < nplatforms; k++)
			if (strcmp(platforms[k], c->name) != 0 && fp_store_account_upsert(st,
			    platforms[k], conn.account, conn.display_name, err) != FP_OK)
				goto fatal;
	}
	for (size_t i = 0; i < conn.warnings.n; i++)
		if (fp_store_warning_add(st, source_id, conn.warnings.v[i], err) != FP_OK)
			goto fatal;
	res->warnings = conn.warnings.n;
	counts = fp_import_counts_json(res);
	if (fp_store_source_finish(st, source_id, conn.account, counts, err) != FP_OK)
		goto fatal;
	if (fp_store_commit(st, err) != FP_OK)
		goto fatal;
	in_tx = 0;
	rc = FP_OK;
	goto out;

unreadable:
	{
		struct fp_err serr;

		if (fp_store_source_failed(st, spath, err->msg, &serr) != FP_OK) {
			*err = serr;
			rc = FP_FATAL;
		} else
			rc = FP_FAILED;
	}
	goto out;
stop:
	rc = FP_OK;		/* pf->repeated: nothing is kept */
	goto drain;
fatal:
	rc = FP_FATAL;
drain:
	if (q != NULL) {
		/* stop the reader; drop what it read */
		atomic_store(&reader.stop, 1);
		if (b != NULL)
			batch_release(b);
		while (judge_q != NULL && (b = fp_workq_collect(judge_q)) != NULL)
			batch_release(b);
		fp_workq_free(judge_q);
		judges_join(&judges);
		while ((b = fp_workq_collect(q)) != NULL)
			batch_release(b);
		fp_workq_free(q);
	}
out:
	if (in_tx)
		fp_store_rollback(st);
	if (opened)
		fp_conn_close(&conn);
	fp_source_close(src);
	free(batches);
	free(counts);
	free(spath);
	return rc;
}
