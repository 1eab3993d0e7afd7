/*
 * reddit-api.c: Reddit's API with a script app (../shared/research/apis.md
 * §4): a token from the password grant, and a User-Agent naming the app and
 * the user, as Reddit wants.
 *
 * Reading: GET /api/v1/me (the account), then the listings
 * /user/NAME/submitted, /comments and /upvoted, 100 a page, paged by
 * "after". Reddit lists at most the newest 1,000 of each: older items are
 * only in the data export. Items get the export's ids (without the t1_/t3_
 * prefix) and links.
 *
 * Deleting: POST /api/del with the item's fullname (t1_ a comment, t3_ a
 * post) and POST /api/vote dir=0 to undo an upvote.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "api.h"
#include "conn-util.h"

#define LISTING_CAP	1000
#define EXPORT_NOTE	"older ones are only in the data export" \
	" (reddit.com/settings/data-request)"

struct fp_api_session {
	char	*api;
	char	*auth;		/* "Authorization: bearer ..." */
	char	*agent;
	char	*user;
};

static const char *const reddit_needs[] = {
	"FOOTPRINT_REDDIT_CLIENT_ID", "FOOTPRINT_REDDIT_CLIENT_SECRET",
	"FOOTPRINT_REDDIT_USERNAME", "FOOTPRINT_REDDIT_PASSWORD", NULL
};

static int
reddit_open(struct fp_api_session **out, const struct fp_creds *c, struct fp_err *err)
{
	struct fp_api_session *s = xcalloc(1, sizeof *s);
	const char *user = fp_creds_get(c, "FOOTPRINT_REDDIT_USERNAME");
	char *u = fp_http_escape(user), *p = fp_http_escape(fp_creds_get(c,
	    "FOOTPRINT_REDDIT_PASSWORD"));
	char *body = xasprintf("grant_type=password&username=%s&password=%s", u, p);
	char *basic = xasprintf("%s:%s", fp_creds_get(c, "FOOTPRINT_REDDIT_CLIENT_ID"),
	    fp_creds_get(c, "FOOTPRINT_REDDIT_CLIENT_SECRET"));
	char *url = xasprintf("%s/api/v1/access_token", fp_http_base("FOOTPRINT_REDDIT_AUTH_URL",
	    "https://www.reddit.com"));
	struct fp_http_req req;
	struct fp_http_resp resp;
	json_t *doc = NULL;
	int rc;

	s->api = xstrdup(fp_http_base("FOOTPRINT_REDDIT_API_URL", "https://oauth.reddit.com"));
	s->user = xstrdup(user);
	s->agent = xasprintf("linux:footprint:%s (by /u/%s)", PACKAGE_VERSION, user);
	memset(&req, 0, sizeof req);
	req.method = "POST";
	req.url = url;
	req.body = body;
	req.basic = basic;
	req.user_agent = s->agent;
	fp_strv_add(&req.headers, "Content-Type: application/x-www-form-urlencoded");
	rc = fp_http_do(&req, &resp);
	if (rc == FP_OK && resp.status == 200)
		doc = json_loadb(fp_buf_str(&resp.body), resp.body.len, 0, NULL);
	if (json_is_string(json_object_get(doc, "access_token")))
		s->auth = xasprintf("Authorization: bearer %s",
		    json_string_value(json_object_get(doc, "access_token")));
	if (resp.body.data != NULL)
		fp_wipe(resp.body.data, resp.body.len);
	json_decref(doc);
	for (char **w = (char *[]){ u, p, body, basic, NULL }; *w != NULL; w++) {
		fp_wipe(*w, strlen(*w));
		free(*w);
	}
	fp_http_req_release(&req);
	free(url);
	if (s->auth == NULL) {
		fp_err_set(err, FP_FATAL, "Reddit: no token (%s%ld): check the script app's"
		    " client id and secret, and the username and password", rc != FP_OK ?
		    "no answer, " : "HTTP ", rc != FP_OK ? 0L : resp.status);
		fp_http_resp_release(&resp);
		free(s->api);
		free(s->agent);
		free(s->user);
		free(s);
		return FP_FATAL;
	}
	fp_http_resp_release(&resp);
	*out = s;
	return FP_OK;
}

static int
reddit_act(struct fp_api_session *s, const struct fp_action *a, struct fp_http_resp *resp,
    struct fp_err *err)
{
	const char *prefix = strcmp(a->kind, "comment") == 0 ? "t1_" :
	    strcmp(a->kind, "post") == 0 || strcmp(a->kind, "like") == 0 ? "t3_" : NULL;
	struct fp_http_req req;
	char *url, *body, *id;
	int rc;

	if (prefix == NULL || a->native_id == NULL || a->native_id[0] == '\0') {
		fp_err_set(err, FP_FATAL, "a Reddit %s cannot be deleted through the API", a->kind);
		return FP_FATAL;
	}
	id = fp_http_escape(a->native_id);
	if (strcmp(a->kind, "like") == 0) {
		url = xasprintf("%s/api/vote", s->api);
		body = xasprintf("id=%s%s&dir=0", prefix, id);
	} else {
		url = xasprintf("%s/api/del", s->api);
		body = xasprintf("id=%s%s", prefix, id);
	}
	memset(&req, 0, sizeof req);
	req.method = "POST";
	req.url = url;
	req.body = body;
	req.user_agent = s->agent;
	fp_strv_add(&req.headers, s->auth);
	fp_strv_add(&req.headers, "Content-Type: application/x-www-form-urlencoded");
	rc = fp_http_do(&req, resp);
	fp_http_req_release(&req);
	free(url);
	free(body);
	free(id);
	return rc;
}

static int
reddit_get(struct fp_api_session *s, const char *url, struct fp_http_resp *resp)
{
	struct fp_http_req req;
	int rc;

	memset(&req, 0, sizeof req);
	req.method = "GET";
	req.url = url;
	req.user_agent = s->agent;
	fp_strv_add(&req.headers, s->auth);
	rc = fp_http_do(&req, resp);
	fp_http_req_release(&req);
	return rc;
}

static char *
permalink_url(const json_t *d)
{
	const char *p = fp_jstr(d, "permalink");

	if (p == NULL || p[0] == '\0')
		return NULL;
	return strncmp(p, "http", 4) == 0 ? xstrdup(p) :
	    xasprintf("https://www.reddit.com%s", p);
}

/* A post's words as the export gives them: the title, the body, the link. */
static char *
post_text(const json_t *d, const char *permalink)
{
	struct fp_buf b = FP_BUF_INIT;
	const char *title = fp_jstr(d, "title"), *body = fp_jstr(d, "selftext");
	const char *link = fp_jstr(d, "url");

	if (title != NULL)
		fp_buf_addstr(&b, title);
	if (body != NULL && body[0] != '\0')
		fp_buf_addf(&b, "%s%s", b.len ? "\n\n" : "", body);
	if (link != NULL && link[0] != '\0' && !json_is_true(json_object_get(d, "is_self")) &&
	    strstr(fp_buf_str(&b), link) == NULL &&
	    (permalink == NULL || strcmp(link, permalink) != 0))
		fp_buf_addf(&b, "%s%s", b.len ? "\n" : "", link);
	return fp_buf_detach(&b);
}

/* One listing thing (data of a t1 or t3) as an item; 0 when skipped. */
static int
thing_item(const char *listing, const char *kind, const json_t *d, struct fp_item *it)
{
	const char *id = fp_jstr(d, "id");

	if (id == NULL || kind == NULL)
		return 0;
	it->native_id = xstrdup(id);
	it->created_at = fp_jtime(d, "created_utc");
	it->url = permalink_url(d);
	if (strcmp(listing, "upvoted") == 0) {
		/* the export lists upvoted posts; so does the API */
		if (strcmp(kind, "t3") != 0)
			return 0;
		it->kind = FP_KIND_LIKE;
		it->text = post_text(d, it->url);
		if (fp_jstr(d, "author") != NULL)
			it->ref_author = xstrdup(fp_jstr(d, "author"));
		it->ref_id = xstrdup(id);
	} else if (strcmp(kind, "t3") == 0) {
		it->kind = FP_KIND_POST;
		it->text = post_text(d, it->url);
	} else if (strcmp(kind, "t1") == 0) {
		const char *body = fp_jstr(d, "body");

		/* a comment already deleted or removed: nothing to audit */
		if (body == NULL || strcmp(body, "[deleted]") == 0 ||
		    strcmp(body, "[removed]") == 0)
			return 0;
		it->kind = FP_KIND_COMMENT;
		it->text = xstrdup(body);
		if (fp_jstr(d, "link_author") != NULL)
			it->ref_author = xstrdup(fp_jstr(d, "link_author"));
		if (fp_jstr(d, "link_id") != NULL && strncmp(fp_jstr(d, "link_id"), "t3_", 3) == 0)
			it->ref_id = xstrdup(fp_jstr(d, "link_id") + 3);
	} else
		return 0;
	return 1;
}

/* One listing of the user's, page by page. */
static int
walk(struct fp_api_session *s, struct fp_fetch *f, const char *listing, struct fp_err *err)
{
	char *user = fp_http_escape(s->user), *after = NULL;
	long index = 0;
	int rc = FP_OK;

	fp_fetch_listing(f, listing, LISTING_CAP, EXPORT_NOTE);
	for (;;) {
		struct fp_http_resp resp;
		json_t *page, *children, *c;
		char *url, *a = after ? fp_http_escape(after) : NULL;
		size_t i;

		url = xasprintf("%s/user/%s/%s?limit=100&sort=new&raw_json=1%s%s", s->api, user,
		    listing, a ? "&after=" : "", a ? a : "");
		free(a);
		rc = fp_fetch_get(f, reddit_get, s, url, &resp, err);
		if (rc != FP_OK) {
			free(url);
			break;
		}
		if (resp.status != 200) {
			fp_err_set(err, FP_FATAL, "GET /user/%s/%s answered HTTP %ld%s", s->user,
			    listing, resp.status, resp.status == 401 || resp.status == 403 ?
			    ": the app needs the history scope" : "");
			fp_http_resp_release(&resp);
			free(url);
			rc = FP_FATAL;
			break;
		}
		page = fp_fetch_json(&resp, url, err);
		fp_http_resp_release(&resp);
		free(url);
		children = json_object_get(json_object_get(page, "data"), "children");
		if (page == NULL || !json_is_array(children)) {
			if (page != NULL)
				fp_err_set(err, FP_FATAL, "GET /user/%s/%s: not a Listing", s->user,
				    listing);
			json_decref(page);
			rc = FP_FATAL;
			break;
		}
		json_array_foreach(children, i, c) {
			struct fp_item it;

			fp_item_init(&it);
			if (thing_item(listing, fp_jstr(c, "kind"), json_object_get(c, "data"), &it)) {
				it.source_file = xasprintf("/user/%s/%s", s->user, listing);
				it.source_index = index;
				rc = fp_fetch_item(f, &it, err);
			}
			index++;
			fp_item_release(&it);
			if (rc != FP_OK) {
				json_decref(page);
				goto out;
			}
		}
		{
			const char *next = fp_jstr(json_object_get(page, "data"), "after");

			if (json_array_size(children) == 0 || next == NULL || next[0] == '\0' ||
			    (after != NULL && strcmp(after, next) == 0)) {
				json_decref(page);
				break;
			}
			free(after);
			after = xstrdup(next);
		}
		json_decref(page);
	}
out:
	free(after);
	free(user);
	return rc == FP_EOF ? FP_OK : rc;
}

static int
reddit_fetch(struct fp_api_session *s, struct fp_fetch *f, struct fp_err *err)
{
	struct fp_http_resp resp;
	json_t *me;
	char *url = xasprintf("%s/api/v1/me?raw_json=1", s->api);
	const json_t *sub;
	int rc;

	rc = fp_fetch_get(f, reddit_get, s, url, &resp, err);
	if (rc != FP_OK) {
		free(url);
		return FP_FATAL;
	}
	if (resp.status != 200) {
		fp_err_set(err, FP_FATAL, "GET /api/v1/me answered HTTP %ld: the app needs the"
		    " identity scope", resp.status);
		fp_http_resp_release(&resp);
		free(url);
		return FP_FATAL;
	}
	me = fp_fetch_json(&resp, url, err);
	fp_http_resp_release(&resp);
	free(url);
	if (me == NULL)
		return FP_FATAL;
	if (fp_jstr(me, "name") != NULL) {
		free(s->user);
		s->user = xstrdup(fp_jstr(me, "name"));
	}
	sub = json_object_get(me, "subreddit");
	rc = fp_fetch_account(f, s->user, fp_jstr(sub, "title"), err);
	fp_fetch_listing(f, "profile", 0, NULL);
	if (rc == FP_OK)
		rc = fp_fetch_field(f, FP_KIND_USERNAME, s->user,
		    "https://www.reddit.com/settings/account", "/api/v1/me", -1, err);
	if (rc == FP_OK)
		rc = fp_fetch_field(f, FP_KIND_DISPLAY_NAME, fp_jstr(sub, "title"),
		    "https://www.reddit.com/settings/profile", "/api/v1/me", -1, err);
	if (rc == FP_OK)
		rc = fp_fetch_field(f, FP_KIND_BIO, fp_jstr(sub, "public_description"),
		    "https://www.reddit.com/settings/profile", "/api/v1/me", -1, err);
	json_decref(me);
	if (rc == FP_OK)
		rc = walk(s, f, "submitted", err);
	if (rc == FP_OK)
		rc = walk(s, f, "comments", err);
	if (rc == FP_OK)
		rc = walk(s, f, "upvoted", err);
	return rc;
}

static void
reddit_close(struct fp_api_session *s)
{
	if (s == NULL)
		return;
	fp_wipe(s->auth, strlen(s->auth));
	free(s->auth);
	free(s->api);
	free(s->agent);
	free(s->user);
	free(s);
}

const struct fp_api fp_api_reddit = {
	.platform = "reddit",
	.needs = reddit_needs,
	.open = reddit_open,
	.act = reddit_act,
	.fetch = reddit_fetch,
	.close = reddit_close,
};
