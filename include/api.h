/*
 * api.h: reading and deleting through the platforms' APIs.
 *
 * Each platform's API is a struct fp_api (connectors/<platform>-api.c),
 * listed in src/api.c. fetch pulls the account's own items into the store
 * (src/fetch.c runs it); act undoes one approved item. An action is one row
 * of the deletion journal: src/delete.c marks it in flight and commits
 * before the request, and done, gone (404) or failed after it, so that an
 * interrupted run resumes where it stopped. Only src/fetch.c and
 * src/delete.c call through these pointers.
 */
#ifndef FP_API_H
#define FP_API_H

#include <jansson.h>

#include "footprint.h"
#include "creds.h"
#include "http.h"
#include "item.h"
#include "store.h"

/* One approved deletion. */
struct fp_action {
	int64_t		 row;		/* journal row */
	const char	*fid;
	const char	*platform, *account, *kind;
	const char	*native_id;	/* the item's id on the platform */
	const char	*ref_id;	/* the reposted or liked item's id, if known */
	const char	*url;
	const char	*action;	/* delete, unlike, undo-repost */
};

struct fp_api_session;
struct fp_fetch;

struct fp_api {
	const char		*platform;
	const char *const	*needs;		/* credential names it requires */
	/* Log in (or reuse a kept session); FP_OK or FP_FATAL with err set. */
	int	(*open)(struct fp_api_session **s, const struct fp_creds *c,
		    struct fp_err *err);
	/* Send the request that undoes the item; FP_OK with resp filled when a
	 * response came, FP_FAILED on a network failure, FP_FATAL when this
	 * action cannot be done through the API (err says why). */
	int	(*act)(struct fp_api_session *s, const struct fp_action *a,
		    struct fp_http_resp *resp, struct fp_err *err);
	/* Pull the account's own items, page by page, into f (fp_fetch_*
	 * below); FP_OK, or FP_FATAL with err set. What was stored before a
	 * failure stays stored. */
	int	(*fetch)(struct fp_api_session *s, struct fp_fetch *f, struct fp_err *err);
	void	(*close)(struct fp_api_session *s);
};

extern const struct fp_api *const fp_apis[];	/* NULL-terminated */
const struct fp_api *fp_api_find(const char *platform);

/* --- for the fetchers ------------------------------------------------ */

/* A platform's own request: GET url with its credentials. */
typedef int (*fp_api_get_fn)(struct fp_api_session *s, const char *url,
    struct fp_http_resp *resp);
/*
 * GET url through get, politely: everything fetched so far is committed
 * first; a window with no requests left is waited out; 429, 5xx and
 * dropped connections are retried with backoff. FP_OK with the response
 * (any other status: the caller judges it; release resp), or FP_FATAL with
 * err set (gave up, or the wait would exceed --max-wait).
 */
int	fp_fetch_get(struct fp_fetch *f, fp_api_get_fn get, struct fp_api_session *s,
	    const char *url, struct fp_http_resp *resp, struct fp_err *err);
/* The body of a 2xx response as JSON; NULL with err set (naming url and
 * the place) when it is not. The caller decrefs. */
json_t	*fp_fetch_json(const struct fp_http_resp *resp, const char *url, struct fp_err *err);
/* The account whose items follow. */
int	fp_fetch_account(struct fp_fetch *f, const char *handle, const char *display,
	    struct fp_err *err);
/* Start a listing (shown in the summary): cap is how many of the newest
 * items the API lists at most, 0 when it lists them all, -1 when its docs
 * do not say; note says where the rest are. */
void	fp_fetch_listing(struct fp_fetch *f, const char *name, long cap, const char *note);
/* The options of the run (include_messages...). */
const struct fp_fetch_opts *fp_fetch_options(const struct fp_fetch *f);
/* Store one item (the caller still owns and releases it). */
int	fp_fetch_item(struct fp_fetch *f, struct fp_item *item, struct fp_err *err);
/* An account field (bio, website...) as an item, when value is not empty.
 * index is the source_index the platform's archive reader gives the field
 * (-1 for most, 0 for X), so that both update the same row. */
int	fp_fetch_field(struct fp_fetch *f, enum fp_kind kind, const char *value,
	    const char *url, const char *endpoint, long index, struct fp_err *err);
/* End the progress line, if one is shown, before printing a line of one's
 * own on stderr. */
void	fp_fetch_end_line(struct fp_fetch *f);
/* Something the user should know (printed, and kept with the source). */
void	fp_fetch_warn(struct fp_fetch *f, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

struct fp_fetch_opts {
	const char	*platform;
	long		 max_wait;	/* longest rate-limit wait before stopping */
	long		 max_items;	/* stop each listing after this many, 0: all */
	int		 include_messages;	/* Mastodon direct messages too */
	const struct fp_creds *creds;
	int		 quiet;
};

/* Pull the account on o->platform into the store. FP_OK; FP_FAILED when
 * the platform could not be read (err says why; what came before is kept);
 * FP_FATAL when the store failed. */
int	fp_fetch_run(struct fp_store *st, const struct fp_fetch_opts *o, struct fp_err *err);

/* "Authorization: OAuth ..." signing method and url with HMAC-SHA1 (no body:
 * API v2 takes JSON). nonce and timestamp are NULL but in tests. The caller
 * wipes and frees it. liboauth reads '+' as a space anywhere in the URL, so
 * URLs must not hold one. */
char	*fp_x_oauth_header(const char *method, const char *url, const char *ck,
	    const char *cs, const char *tk, const char *ts, const char *nonce,
	    const char *timestamp);

extern const struct fp_api fp_api_x, fp_api_mastodon, fp_api_bluesky, fp_api_reddit;

struct fp_delete_opts {
	const char	*plan;		/* a plan file instead of the decisions */
	const char	*platform;	/* only this platform */
	int		 yes;		/* really send requests */
	long		 max_wait;	/* longest rate-limit wait before stopping */
	const struct fp_creds *creds;
	int		 progress;	/* a progress bar (on a terminal) */
};

/* Dry run (the default) or execute the approved deletions. The dry run
 * sends nothing and changes nothing. Returns the number of actions that
 * failed or are left, or -1 with err set. */
long	fp_delete_run(struct fp_store *st, const struct fp_delete_opts *o,
	    struct fp_err *err);

#endif
