/*
 * api.h: deleting through the platforms' APIs.
 *
 * Each platform's API is a struct fp_api (connectors/<platform>-api.c),
 * listed in src/delete.c. An action is one row of the deletion journal:
 * src/delete.c marks it in flight and commits before the request, and done,
 * gone (404) or failed after it, so that an interrupted run resumes where it
 * stopped. Only src/delete.c calls through these pointers.
 */
#ifndef FP_API_H
#define FP_API_H

#include "footprint.h"
#include "creds.h"
#include "http.h"
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
	void	(*close)(struct fp_api_session *s);
};

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
