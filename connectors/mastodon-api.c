/*
 * mastodon-api.c: a Mastodon server's API (../shared/research/apis.md §3).
 *
 * Reading: GET /api/v1/accounts/verify_credentials (the profile), then
 * /api/v1/accounts/:id/statuses (posts, replies, boosts; every one, 40 a
 * page) and /api/v1/favourites (every favourite), both paged by the Link
 * header. Items get the archive's ids: a status by its id, a boost by its
 * own id with the boosted status's URI, a favourite by the last segment of
 * the favourited status's URI.
 *
 * Deleting: DELETE /api/v1/statuses/:id for posts, replies and direct
 * messages; POST /api/v1/statuses/:id/unfavourite and .../unreblog for
 * likes and boosts. An archive names liked and boosted statuses by URI; one
 * on another server is looked up (GET /api/v2/search?resolve=true) for its
 * local id.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "api.h"
#include "conn-util.h"
#include "mastodon.h"
#include "text.h"

struct fp_api_session {
	char	*base;		/* https://mastodon.example */
	char	*auth;		/* "Authorization: Bearer ..." */
};

static const char *const mastodon_needs[] = {
	"FOOTPRINT_MASTODON_URL", "FOOTPRINT_MASTODON_TOKEN", NULL
};

static int
mastodon_open(struct fp_api_session **out, const struct fp_creds *c, struct fp_err *err)
{
	struct fp_api_session *s = xcalloc(1, sizeof *s);
	const char *base = fp_creds_get(c, "FOOTPRINT_MASTODON_URL");
	size_t n = strlen(base);

	(void)err;
	while (n > 0 && base[n - 1] == '/')
		n--;
	s->base = xstrndup(base, n);
	s->auth = xasprintf("Authorization: Bearer %s", fp_creds_get(c, "FOOTPRINT_MASTODON_TOKEN"));
	*out = s;
	return FP_OK;
}

static int
request(struct fp_api_session *s, const char *method, const char *url,
    struct fp_http_resp *resp)
{
	struct fp_http_req req;
	int rc;

	memset(&req, 0, sizeof req);
	req.method = method;
	req.url = url;
	fp_strv_add(&req.headers, s->auth);
	rc = fp_http_do(&req, resp);
	fp_http_req_release(&req);
	return rc;
}

/* The local id of a status named by URI: ours when it is on this server
 * (".../statuses/ID" or "/@user/ID"), else found by a search. NULL: none. */
static char *
local_id(struct fp_api_session *s, const char *uri, struct fp_http_resp *resp, int *rc)
{
	const char *last;
	char *url, *q, *id = NULL;
	json_t *doc;

	*rc = FP_OK;
	if (uri == NULL)
		return NULL;
	if (strncmp(uri, s->base, strlen(s->base)) == 0 && (last = strrchr(uri, '/')) != NULL &&
	    last[1] != '\0' && strspn(last + 1, "0123456789") == strlen(last + 1))
		return xstrdup(last + 1);
	q = fp_http_escape(uri);
	url = xasprintf("%s/api/v2/search?q=%s&resolve=true&type=statuses&limit=1", s->base, q);
	free(q);
	*rc = request(s, "GET", url, resp);
	free(url);
	if (*rc != FP_OK || resp->status != 200)
		return NULL;
	doc = json_loadb(fp_buf_str(&resp->body), resp->body.len, 0, NULL);
	if (json_is_string(json_object_get(json_array_get(json_object_get(doc, "statuses"), 0),
	    "id")))
		id = xstrdup(json_string_value(json_object_get(json_array_get(
		    json_object_get(doc, "statuses"), 0), "id")));
	json_decref(doc);
	fp_http_resp_release(resp);
	return id;
}

static int
mastodon_act(struct fp_api_session *s, const struct fp_action *a, struct fp_http_resp *resp,
    struct fp_err *err)
{
	char *url, *id;
	int rc;

	if (strcmp(a->kind, "like") == 0 || strcmp(a->kind, "repost") == 0) {
		id = local_id(s, a->url, resp, &rc);
		if (rc != FP_OK)
			return rc;
		if (id == NULL) {
			/* the status cannot be found any more: nothing to undo */
			memset(resp, 0, sizeof *resp);
			resp->status = 404;
			resp->remaining = -1;
			resp->reset = FP_TIME_NONE;
			resp->retry_after = -1;
			return FP_OK;
		}
		url = xasprintf("%s/api/v1/statuses/%s/%s", s->base, id,
		    strcmp(a->kind, "like") == 0 ? "unfavourite" : "unreblog");
		rc = request(s, "POST", url, resp);
	} else {
		if (a->native_id == NULL || a->native_id[0] == '\0') {
			fp_err_set(err, FP_FATAL, "no status id for this item");
			return FP_FATAL;
		}
		id = xstrdup(a->native_id);
		url = xasprintf("%s/api/v1/statuses/%s", s->base, id);
		rc = request(s, "DELETE", url, resp);
	}
	free(url);
	free(id);
	return rc;
}

static int
mastodon_get(struct fp_api_session *s, const char *url, struct fp_http_resp *resp)
{
	return request(s, "GET", url, resp);
}

/* "host" of https://host/... */
static char *
host_of(const char *base)
{
	const char *h = strstr(base, "://");

	h = h ? h + 3 : base;
	return xstrndup(h, strcspn(h, "/"));
}

/* An account as the archive names it: name@host of its home server. */
static char *
full_acct(struct fp_api_session *s, const json_t *account)
{
	const char *acct = fp_jstr(account, "acct");
	char *who = fp_mastodon_author_of(fp_jstr(account, "url")), *host;

	if (who != NULL)
		return who;
	if (acct == NULL)
		return NULL;
	if (strchr(acct, '@') != NULL)
		return xstrdup(acct);
	host = host_of(s->base);
	who = xasprintf("%s@%s", acct, host);
	free(host);
	return who;
}

static char *
html_text(const char *html)
{
	struct fp_buf b = FP_BUF_INIT;

	if (html == NULL)
		return NULL;
	fp_html_to_text(&b, html);
	return fp_buf_detach(&b);
}

/* A status's words: the content warning, then the content. */
static char *
status_text(const json_t *st)
{
	struct fp_buf b = FP_BUF_INIT;
	const char *cw = fp_jstr(st, "spoiler_text");
	char *body = html_text(fp_jstr(st, "content"));

	if (cw != NULL && cw[0] != '\0')
		fp_buf_addf(&b, "%s\n", cw);
	if (body != NULL)
		fp_buf_addstr(&b, body);
	free(body);
	if (b.len == 0)
		fp_buf_addstr(&b, "");
	return fp_buf_detach(&b);
}

static void
status_media(const json_t *st, struct fp_item *it)
{
	size_t i;
	json_t *m;

	json_array_foreach(json_object_get(st, "media_attachments"), i, m) {
		const char *t = fp_jstr(m, "type");

		it->media_count++;
		if (it->media_types == NULL && t != NULL)
			it->media_types = xstrdup(strcmp(t, "image") == 0 ? "photo" :
			    strcmp(t, "gifv") == 0 ? "video" : t);
	}
}

/* One status of the account's timeline as an item; 0 when skipped. */
static int
status_item(struct fp_api_session *s, struct fp_fetch *f, const json_t *st,
    struct fp_item *it)
{
	const json_t *boosted = json_object_get(st, "reblog");
	const char *vis = fp_jstr(st, "visibility");

	if (fp_jstr(st, "id") == NULL)
		return 0;
	it->native_id = xstrdup(fp_jstr(st, "id"));
	it->created_at = fp_jtime(st, "created_at");
	if (json_is_object(boosted)) {
		const char *uri = fp_jstr(boosted, "uri");

		it->kind = FP_KIND_REPOST;
		it->url = xstrdup(uri ? uri : fp_jstr(boosted, "url") ? fp_jstr(boosted, "url") : "");
		it->ref_author = full_acct(s, json_object_get(boosted, "account"));
		it->ref_id = fp_mastodon_last_segment(uri);
		it->text = status_text(boosted);
		status_media(boosted, it);
		return 1;
	}
	if (vis != NULL && strcmp(vis, "direct") == 0) {
		if (!fp_fetch_options(f)->include_messages)
			return 0;
		it->kind = FP_KIND_MESSAGE;
	} else
		it->kind = fp_jstr(st, "in_reply_to_id") ? FP_KIND_REPLY : FP_KIND_POST;
	it->url = xstrdup(fp_jstr(st, "url") ? fp_jstr(st, "url") :
	    fp_jstr(st, "uri") ? fp_jstr(st, "uri") : "");
	it->text = status_text(st);
	if (fp_jstr(st, "language") != NULL)
		it->lang = xstrdup(fp_jstr(st, "language"));
	status_media(st, it);
	if (it->kind == FP_KIND_REPLY) {
		const char *to = fp_jstr(st, "in_reply_to_account_id");
		size_t i;
		json_t *m;

		it->ref_id = xstrdup(fp_jstr(st, "in_reply_to_id"));
		json_array_foreach(json_object_get(st, "mentions"), i, m)
			if (to != NULL && fp_jstr(m, "id") && strcmp(fp_jstr(m, "id"), to) == 0) {
				it->ref_author = full_acct(s, m);
				break;
			}
	} else if (json_is_object(json_object_get(json_object_get(st, "quote"),
	    "quoted_status"))) {
		/* Mastodon 4.5 quotes */
		const json_t *q = json_object_get(json_object_get(st, "quote"), "quoted_status");

		it->kind = FP_KIND_QUOTE;
		it->ref_author = full_acct(s, json_object_get(q, "account"));
		it->ref_id = fp_mastodon_last_segment(fp_jstr(q, "uri"));
	}
	return 1;
}

/* One favourited status as a like. */
static int
favourite_item(struct fp_api_session *s, const json_t *st, struct fp_item *it)
{
	const char *uri = fp_jstr(st, "uri");

	if (uri == NULL)
		return 0;
	it->kind = FP_KIND_LIKE;
	it->native_id = fp_mastodon_last_segment(uri);
	it->url = xstrdup(uri);
	it->ref_author = full_acct(s, json_object_get(st, "account"));
	it->ref_id = fp_mastodon_last_segment(uri);
	it->text = status_text(st);
	status_media(st, it);
	return 1;
}

/* Walk one listing, page by page: Link rel="next", which Mastodon sends
 * while a page is full; for statuses from a server that sends no Link, a
 * full page is followed by max_id of its last status. */
static int
walk(struct fp_api_session *s, struct fp_fetch *f, const char *endpoint, char *url,
    int favourites, struct fp_err *err)
{
	long index = 0;
	int rc = FP_OK;

	while (url != NULL) {
		struct fp_http_resp resp;
		json_t *page, *st;
		char *next = NULL;
		size_t i;

		if ((rc = fp_fetch_get(f, mastodon_get, s, url, &resp, err)) != FP_OK)
			break;
		if (resp.status != 200) {
			fp_err_set(err, FP_FATAL, "GET %s answered HTTP %ld%s", endpoint,
			    resp.status, resp.status == 401 || resp.status == 403 ?
			    ": check FOOTPRINT_MASTODON_TOKEN and its scopes (read:statuses,"
			    " read:favourites)" : "");
			fp_http_resp_release(&resp);
			rc = FP_FATAL;
			break;
		}
		if ((page = fp_fetch_json(&resp, url, err)) == NULL) {
			fp_http_resp_release(&resp);
			rc = FP_FATAL;
			break;
		}
		if (!json_is_array(page)) {
			fp_err_set(err, FP_FATAL, "GET %s: the answer is not a list of statuses",
			    endpoint);
			json_decref(page);
			fp_http_resp_release(&resp);
			rc = FP_FATAL;
			break;
		}
		json_array_foreach(page, i, st) {
			struct fp_item it;
			int keep;

			fp_item_init(&it);
			keep = favourites ? favourite_item(s, st, &it) : status_item(s, f, st, &it);
			it.source_file = xstrdup(endpoint);
			it.source_index = index++;
			if (keep && fp_fetch_item(f, &it, err) != FP_OK) {
				fp_item_release(&it);
				json_decref(page);
				fp_http_resp_release(&resp);
				free(url);
				return FP_FATAL;
			}
			fp_item_release(&it);
		}
		if (json_array_size(page) > 0) {
			if (resp.next != NULL)
				next = xstrdup(resp.next);
			else if (!favourites && json_array_size(page) >= 40 && fp_jstr(json_array_get(page,
			    json_array_size(page) - 1), "id") != NULL) {
				const char *q = strchr(url, '?');

				next = xasprintf("%.*s?limit=40&max_id=%s", (int)(q ? q - url :
				    (long)strlen(url)), url, fp_jstr(json_array_get(page,
				    json_array_size(page) - 1), "id"));
			}
		}
		/* a server that sends the same page again would loop forever */
		if (next != NULL && strcmp(next, url) == 0) {
			free(next);
			next = NULL;
		}
		json_decref(page);
		fp_http_resp_release(&resp);
		free(url);
		url = next;
	}
	free(url);
	return rc == FP_EOF ? FP_OK : rc;
}

static int
mastodon_fetch(struct fp_api_session *s, struct fp_fetch *f, struct fp_err *err)
{
	struct fp_http_resp resp;
	json_t *me = NULL, *v;
	char *url, *who = NULL, *bio = NULL, *id = NULL;
	const char *purl;
	size_t i;
	int rc = FP_FATAL;

	url = xasprintf("%s/api/v1/accounts/verify_credentials", s->base);
	if (fp_fetch_get(f, mastodon_get, s, url, &resp, err) != FP_OK)
		goto out;
	if (resp.status != 200) {
		fp_err_set(err, FP_FATAL, "GET /api/v1/accounts/verify_credentials answered"
		    " HTTP %ld: check FOOTPRINT_MASTODON_URL and FOOTPRINT_MASTODON_TOKEN",
		    resp.status);
		fp_http_resp_release(&resp);
		goto out;
	}
	me = fp_fetch_json(&resp, url, err);
	fp_http_resp_release(&resp);
	if (me == NULL)
		goto out;
	if (fp_jstr(me, "id") == NULL || (who = full_acct(s, me)) == NULL) {
		fp_err_set(err, FP_FATAL, "GET /api/v1/accounts/verify_credentials: no account"
		    " id or name");
		goto out;
	}
	id = fp_http_escape(fp_jstr(me, "id"));
	if (fp_fetch_account(f, who, fp_jstr(me, "display_name"), err) != FP_OK)
		goto out;
	/* the profile */
	fp_fetch_listing(f, "profile", 0, NULL);
	purl = fp_jstr(me, "url");
	bio = html_text(fp_jstr(me, "note"));
	if (fp_fetch_field(f, FP_KIND_USERNAME, fp_jstr(me, "username"), purl,
	    "verify_credentials", -1, err) != FP_OK ||
	    fp_fetch_field(f, FP_KIND_DISPLAY_NAME, fp_jstr(me, "display_name"), purl,
	    "verify_credentials", -1, err) != FP_OK ||
	    fp_fetch_field(f, FP_KIND_BIO, bio, purl, "verify_credentials", -1, err) != FP_OK)
		goto out;
	json_array_foreach(json_object_get(me, "fields"), i, v) {
		char *val = html_text(fp_jstr(v, "value"));
		struct fp_item it;
		int r;

		if (val == NULL || val[0] == '\0') {
			free(val);
			continue;
		}
		fp_item_init(&it);
		it.kind = strstr(val, "://") || strchr(val, '.') ? FP_KIND_WEBSITE : FP_KIND_BIO;
		it.text = xasprintf("%s: %s", fp_jstr(v, "name") ? fp_jstr(v, "name") : "", val);
		it.url = purl ? xstrdup(purl) : NULL;
		it.source_file = xstrdup("verify_credentials");
		it.source_index = (long)i + 1;
		free(val);
		r = fp_fetch_item(f, &it, err);
		fp_item_release(&it);
		if (r != FP_OK)
			goto out;
	}
	fp_fetch_listing(f, "statuses", 0, NULL);
	if (walk(s, f, "/api/v1/accounts/:id/statuses", xasprintf("%s/api/v1/accounts/%s/"
	    "statuses?limit=40", s->base, id), 0, err) != FP_OK)
		goto out;
	fp_fetch_listing(f, "favourites", 0, NULL);
	if (walk(s, f, "/api/v1/favourites", xasprintf("%s/api/v1/favourites?limit=40",
	    s->base), 1, err) != FP_OK)
		goto out;
	rc = FP_OK;
out:
	json_decref(me);
	free(url);
	free(who);
	free(bio);
	free(id);
	return rc;
}

static void
mastodon_close(struct fp_api_session *s)
{
	if (s == NULL)
		return;
	fp_wipe(s->auth, strlen(s->auth));
	free(s->auth);
	free(s->base);
	free(s);
}

const struct fp_api fp_api_mastodon = {
	.platform = "mastodon",
	.needs = mastodon_needs,
	.open = mastodon_open,
	.act = mastodon_act,
	.fetch = mastodon_fetch,
	.close = mastodon_close,
};
