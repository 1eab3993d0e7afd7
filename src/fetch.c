/*
 * fetch.c: "footprint fetch PLATFORM" (see api.h): the account's own items,
 * read through the platform's API into the store, so that an account can be
 * audited without an archive.
 *
 * The platform's fetcher (connectors/<platform>-api.c) walks its listings
 * page by page and hands every item to fp_fetch_item(). Items are stored
 * under the same keys as the archive's, so a fetch after an import (or the
 * other way round) updates the same rows. Everything fetched is committed
 * before the next request goes out: a fetch that is interrupted, refused or
 * rate limited keeps what it had, and running it again fills in the rest.
 * The source is recorded as "api:PLATFORM:ACCOUNT", with the listings'
 * counts and anything the user should know (caps, stops) as its warnings.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "footprint.h"
#include "api.h"
#include "import.h"
#include "store.h"

#define MAX_ATTEMPTS	6

struct listing {
	char	*name;
	long	 cap;		/* newest items the API lists, 0: all */
	char	*note;		/* where the rest are */
	long	 n;
};

struct fp_fetch {
	struct fp_store			*st;
	const struct fp_fetch_opts	*o;
	const char			*platform;	/* static */
	char				*account;
	int64_t				 source_id;	/* 0 until the account is known */
	int				 in_tx;
	struct listing			*listings;
	size_t				 nlistings;
	struct fp_import_result		 res;		/* counts, as an import's */
	struct fp_strv			 warnings;
	long				 requests;
	long long			 remaining;	/* in the rate-limit window, or -1 */
	int64_t				 reset;
	int				 progress;	/* a progress line on a terminal */
	int				 line_open;	/* it is shown, not ended */
	int				 store_failed;
};

static int
commit(struct fp_fetch *f, struct fp_err *err)
{
	if (!f->in_tx)
		return FP_OK;
	f->in_tx = 0;
	return fp_store_commit(f->st, err);
}

static struct listing *
current(struct fp_fetch *f)
{
	return f->nlistings ? &f->listings[f->nlistings - 1] : NULL;
}

static void
show_progress(struct fp_fetch *f)
{
	struct listing *l = current(f);

	if (!f->progress || l == NULL)
		return;
	fprintf(stderr, "\rfootprint: %s: %s: %ld ", f->platform, l->name, l->n);
	fflush(stderr);
	f->line_open = 1;
}

static void
end_progress(struct fp_fetch *f)
{
	if (f->line_open)
		fputc('\n', stderr);
	f->line_open = 0;
}

void
fp_fetch_end_line(struct fp_fetch *f)
{
	end_progress(f);
}

const struct fp_fetch_opts *
fp_fetch_options(const struct fp_fetch *f)
{
	return f->o;
}

void
fp_fetch_warn(struct fp_fetch *f, const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fp_strv_add(&f->warnings, msg);
	end_progress(f);
	if (!f->o->quiet)
		fprintf(stderr, "footprint: %s: %s\n", f->platform, msg);
}

int
fp_fetch_get(struct fp_fetch *f, fp_api_get_fn get, struct fp_api_session *s,
    const char *url, struct fp_http_resp *resp, struct fp_err *err)
{
	struct listing *l = current(f);
	const char *path = strstr(url, "://") ? strchr(strstr(url, "://") + 3, '/') : url;
	int attempt = 0;

	if (path == NULL)
		path = url;
	if (commit(f, err) != FP_OK) {
		f->store_failed = 1;
		return FP_FATAL;
	}
	if (l != NULL && f->o->max_items > 0 && l->n >= f->o->max_items)
		return FP_EOF;
	for (;;) {
		int rc;
		double w;

		/* none left in the window: wait for the reset */
		if (f->remaining == 0 && f->reset != FP_TIME_NONE) {
			long left = (long)(f->reset - time(NULL));

			if (left > f->o->max_wait) {
				char when[32];

				fp_time_iso(f->reset, when);
				fp_err_set(err, FP_FATAL, "rate limited until %s: what was"
				    " fetched is stored; run 'footprint fetch %s' again then",
				    when, f->platform);
				return FP_FATAL;
			}
			if (left > 0) {
				fp_fetch_warn(f, "waiting %lds for the rate limit", left);
				fp_http_sleep((double)left + 1);
			}
			f->remaining = -1;
		}
		rc = get(s, url, resp);
		f->requests++;
		attempt++;
		if (rc == FP_OK && (resp->remaining >= 0 || resp->reset != FP_TIME_NONE)) {
			f->remaining = resp->remaining;
			f->reset = resp->reset;
		}
		if (!fp_http_retryable(rc, resp))
			return FP_OK;
		if (attempt >= MAX_ATTEMPTS) {
			fp_err_set(err, FP_FATAL, "GET %.200s: gave up after %d attempts: %s",
			    path, attempt, rc == FP_OK ? (resp->status == 429 ?
			    "rate limited (HTTP 429)" : "server error") : resp->error);
			fp_http_resp_release(resp);
			return FP_FATAL;
		}
		w = fp_http_retry_wait(rc, resp, attempt);
		if (w > (double)f->o->max_wait) {
			fp_err_set(err, FP_FATAL, "GET %.200s: rate limited for %.0fs: what was"
			    " fetched is stored; run 'footprint fetch %s' again later", path, w,
			    f->platform);
			fp_http_resp_release(resp);
			return FP_FATAL;
		}
		if (!f->o->quiet)
			fp_fetch_warn(f, "GET %.200s: %s; retrying in %.1fs", path,
			    rc != FP_OK ? resp->error : resp->status == 429 ?
			    "rate limited (HTTP 429)" : "server error", w);
		fp_http_resp_release(resp);
		fp_http_sleep(w);
	}
}

json_t *
fp_fetch_json(const struct fp_http_resp *resp, const char *url, struct fp_err *err)
{
	const char *path = strstr(url, "://") ? strchr(strstr(url, "://") + 3, '/') : url;
	json_error_t jerr;
	json_t *doc;

	if (path == NULL)
		path = url;
	doc = json_loadb(resp->body.data ? resp->body.data : "", resp->body.len, 0, &jerr);
	if (doc == NULL)
		fp_err_set(err, FP_FATAL, "GET %.200s: the answer is not JSON: line %d, column"
		    " %d: %s", path, jerr.line, jerr.column, jerr.text);
	return doc;
}

int
fp_fetch_account(struct fp_fetch *f, const char *handle, const char *display,
    struct fp_err *err)
{
	char *path;
	int rc;

	if (handle == NULL || handle[0] == '\0') {
		fp_err_set(err, FP_FATAL, "%s: the API did not say whose account this is",
		    f->platform);
		return FP_FATAL;
	}
	free(f->account);
	f->account = xstrdup(handle);
	if (!f->in_tx) {
		if (fp_store_begin(f->st, err) != FP_OK)
			goto store_failed;
		f->in_tx = 1;
	}
	if (fp_store_account_upsert(f->st, f->platform, handle, display, err) != FP_OK)
		goto store_failed;
	path = xasprintf("api:%s:%s", f->platform, handle);
	rc = fp_store_source_begin(f->st, path, f->platform, &f->source_id, err);
	free(path);
	if (rc == FP_OK)
		return FP_OK;
store_failed:
	f->store_failed = 1;
	return FP_FATAL;
}

void
fp_fetch_listing(struct fp_fetch *f, const char *name, long cap, const char *note)
{
	struct listing *l;

	end_progress(f);
	f->listings = xreallocarray(f->listings, f->nlistings + 1, sizeof *f->listings);
	l = &f->listings[f->nlistings++];
	l->name = xstrdup(name);
	l->cap = cap;
	l->note = note ? xstrdup(note) : NULL;
	l->n = 0;
	show_progress(f);
}

int
fp_fetch_item(struct fp_fetch *f, struct fp_item *item, struct fp_err *err)
{
	struct listing *l = current(f);

	if (f->source_id == 0) {
		fp_err_set(err, FP_FATAL, "%s: an item before the account", f->platform);
		return FP_FATAL;
	}
	if (fp_item_clip(item, NULL) > 0)
		fp_fetch_warn(f, "%s: an item with a text of over %zu KiB: only its start"
		    " is kept and audited", item->source_file ? item->source_file : "?",
		    FP_ITEM_MAX_TEXT >> 10);
	if (item->platform == NULL)
		item->platform = f->platform;
	if (item->account == NULL)
		item->account = xstrdup(f->account);
	if (!f->in_tx) {
		if (fp_store_begin(f->st, err) != FP_OK) {
			f->store_failed = 1;
			return FP_FATAL;
		}
		f->in_tx = 1;
	}
	if (fp_store_item_upsert(f->st, item, f->source_id, err) != FP_OK) {
		f->store_failed = 1;
		return FP_FATAL;
	}
	f->res.counts[item->kind]++;
	f->res.items++;
	if (item->text == NULL)
		f->res.unknown_content++;
	if (l != NULL) {
		l->n++;
		if (l->n % 100 == 0)
			show_progress(f);
	}
	return FP_OK;
}

int
fp_fetch_field(struct fp_fetch *f, enum fp_kind kind, const char *value, const char *url,
    const char *endpoint, long index, struct fp_err *err)
{
	struct fp_item it;
	int rc;

	if (value == NULL || value[0] == '\0')
		return FP_OK;
	fp_item_init(&it);
	it.kind = kind;
	it.text = xstrdup(value);
	it.url = url ? xstrdup(url) : NULL;
	it.source_file = xstrdup(endpoint);
	it.source_index = index;
	rc = fp_fetch_item(f, &it, err);
	fp_item_release(&it);
	return rc;
}

/* What was fetched, per listing, with each API's caps (stdout). */
static void
summary(struct fp_fetch *f, int stopped)
{
	end_progress(f);
	if (f->account == NULL)
		return;
	printf("%s: %s (%ld request%s)\n", f->platform, f->account, f->requests,
	    f->requests == 1 ? "" : "s");
	for (size_t i = 0; i < f->nlistings; i++) {
		struct listing *l = &f->listings[i];

		printf("  %-12s %6ld  ", l->name, l->n);
		if (stopped && i + 1 == f->nlistings)
			printf("stopped by the error below: run the fetch again for the rest\n");
		else if (f->o->max_items > 0 && l->n >= f->o->max_items)
			printf("stopped at --max-items %ld\n", f->o->max_items);
		else if (l->cap == 0)
			printf("all of them\n");
		else if (l->cap < 0)
			printf("as many as the API lists%s%s\n", l->note ? "; " : "",
			    l->note ? l->note : "");
		else if (l->n >= l->cap)
			printf("the newest %ld: the API lists no more; %s\n", l->cap,
			    l->note ? l->note : "older ones are only in the archive");
		else
			printf("the API lists only the newest %ld%s%s\n", l->cap,
			    l->note ? "; " : "", l->note ? l->note : "");
	}
}

int
fp_fetch_run(struct fp_store *st, const struct fp_fetch_opts *o, struct fp_err *err)
{
	const struct fp_api *api = fp_api_find(o->platform);
	struct fp_api_session *sess = NULL;
	struct fp_fetch f;
	struct fp_err ferr, serr;
	char *counts;
	int rc;

	if (api == NULL || api->fetch == NULL) {
		fp_err_set(err, FP_FAILED, "%s cannot be read through an API by footprint:"
		    " import its archive (footprint import)", o->platform);
		return FP_FAILED;
	}
	{
		struct fp_buf missing = FP_BUF_INIT;

		for (size_t k = 0; api->needs[k] != NULL; k++)
			if (fp_creds_get(o->creds, api->needs[k]) == NULL)
				fp_buf_addf(&missing, "%s%s", missing.len ? ", " : "", api->needs[k]);
		if (missing.len > 0) {
			fp_err_set(err, FP_FAILED, "%s: not set (environment or credentials"
			    " file): %s", o->platform, fp_buf_str(&missing));
			fp_buf_release(&missing);
			return FP_FAILED;
		}
	}
	memset(&f, 0, sizeof f);
	f.st = st;
	f.o = o;
	f.platform = api->platform;
	f.remaining = -1;
	f.reset = FP_TIME_NONE;
	f.res.platform = api->platform;
	f.progress = !o->quiet && isatty(STDERR_FILENO);
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	fp_err_clear(&ferr);
	if (api->open(&sess, o->creds, &ferr) != FP_OK)
		rc = FP_FAILED;
	else {
		rc = api->fetch(sess, &f, &ferr) == FP_OK ? FP_OK : FP_FAILED;
		api->close(sess);
	}
	if (f.store_failed) {
		serr = ferr;
		goto store_failed;
	}
	/* Keep what came, and say why it stopped. */
	if (rc != FP_OK) {
		*err = ferr;
		err->code = FP_FAILED;
		if (f.source_id != 0)
			fp_strv_add(&f.warnings, ferr.msg);
	}
	if (f.source_id != 0) {
		if (!f.in_tx && fp_store_begin(st, &serr) != FP_OK)
			goto store_failed;
		f.in_tx = 1;
		for (size_t i = 0; i < f.warnings.n; i++)
			if (fp_store_warning_add(st, f.source_id, f.warnings.v[i], &serr) != FP_OK)
				goto store_failed;
		f.res.warnings = f.warnings.n;
		counts = fp_import_counts_json(&f.res);
		if (fp_store_source_finish(st, f.source_id, f.account, counts, &serr) != FP_OK) {
			free(counts);
			goto store_failed;
		}
		free(counts);
		if (commit(&f, &serr) != FP_OK)
			goto store_failed;
	} else if (rc != FP_OK && commit(&f, &serr) != FP_OK)
		goto store_failed;
	summary(&f, rc != FP_OK);
	goto out;

store_failed:
	if (f.in_tx)
		fp_store_rollback(st);
	f.in_tx = 0;
	*err = serr;
	rc = FP_FATAL;
out:
	if (f.in_tx)
		fp_store_rollback(st);
	for (size_t i = 0; i < f.nlistings; i++) {
		free(f.listings[i].name);
		free(f.listings[i].note);
	}
	free(f.listings);
	fp_strv_release(&f.warnings);
	free(f.account);
	return rc;
}
