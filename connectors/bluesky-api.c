/*
 * bluesky-api.c: Bluesky's API (../shared/research/apis.md §5).
 *
 * Reading: com.atproto.repo.listRecords over the account's repository, 100
 * records a page, cursor-paged, for the profile, posts (with replies and
 * quotes), reposts and likes: every record, with no cap. Records become
 * items through the same mapping as the repository export (bluesky.h).
 *
 * Deleting: com.atproto.repo.deleteRecord for posts, replies, quotes, likes
 * and reposts (idempotent: a record already gone is no error).
 *
 * The session's refresh token is kept (mode 0600) so that a run refreshes
 * it rather than logging in again: logins are limited to 30 per 5 minutes.
 * Requests after the login go to the account's own PDS, named in its DID
 * document.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>

#include "footprint.h"
#include "api.h"
#include "bluesky.h"
#include "conn-util.h"

struct fp_api_session {
	char	*base;		/* the entryway: logins */
	char	*pds;		/* the account's PDS, or NULL: the entryway */
	char	*did;
	char	*handle;
	char	*access;	/* "Authorization: Bearer <accessJwt>" */
};

/* Where the account's repository is. */
static const char *
pds(const struct fp_api_session *s)
{
	return s->pds != NULL ? s->pds : s->base;
}

static const char *const bluesky_needs[] = {
	"FOOTPRINT_BLUESKY_HANDLE", "FOOTPRINT_BLUESKY_APP_PASSWORD", NULL
};

static char *
session_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/footprint/bluesky-session.json", xdg);
	if (home != NULL && home[0] != '\0')
		return xasprintf("%s/.local/share/footprint/bluesky-session.json", home);
	return NULL;
}

/* Keep the refresh token, private, written whole or not at all. */
static void
session_save(const char *handle, const char *did, const char *refresh)
{
	char *path = session_path(), *tmp, *text, *dir;
	json_t *o = json_object();
	int fd;

	if (path == NULL) {
		json_decref(o);
		return;
	}
	dir = xstrdup(path);
	*strrchr(dir, '/') = '\0';
	for (char *p = dir + 1; *p != '\0'; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0755);
			*p = '/';
		}
	mkdir(dir, 0700);
	free(dir);
	json_object_set_new(o, "handle", json_string(handle));
	json_object_set_new(o, "did", json_string(did));
	json_object_set_new(o, "refreshJwt", json_string(refresh));
	text = fp_json_dumps(o, JSON_COMPACT);
	json_decref(o);
	tmp = xasprintf("%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd >= 0 && write(fd, text, strlen(text)) == (ssize_t)strlen(text) &&
	    fsync(fd) == 0 && close(fd) == 0)
		rename(tmp, path);
	else {
		if (fd >= 0)
			close(fd);
		unlink(tmp);
	}
	fp_wipe(text, strlen(text));
	free(text);
	free(tmp);
	free(path);
}

/* A session from a response of createSession or refreshSession. */
static int
take_session(struct fp_api_session *s, const char *handle, struct fp_http_resp *resp)
{
	json_t *doc = json_loadb(fp_buf_str(&resp->body), resp->body.len, 0, NULL);
	const char *access = json_string_value(json_object_get(doc, "accessJwt"));
	const char *refresh = json_string_value(json_object_get(doc, "refreshJwt"));
	const char *did = json_string_value(json_object_get(doc, "did"));
	int ok = access != NULL && refresh != NULL && did != NULL;

	if (ok) {
		size_t i;
		json_t *svc;

		free(s->did);
		s->did = xstrdup(did);
		free(s->handle);
		s->handle = xstrdup(fp_jstr(doc, "handle") ? fp_jstr(doc, "handle") : handle);
		s->access = xasprintf("Authorization: Bearer %s", access);
		session_save(handle, did, refresh);
		/* the PDS, unless a test points every call at its own server */
		json_array_foreach(json_object_get(json_object_get(doc, "didDoc"), "service"),
		    i, svc) {
			const char *id = fp_jstr(svc, "id"), *ep = fp_jstr(svc, "serviceEndpoint");

			if (getenv("FOOTPRINT_BLUESKY_URL") == NULL && id != NULL && ep != NULL &&
			    fp_has_suffix(id, "#atproto_pds") && strncmp(ep, "https://", 8) == 0) {
				free(s->pds);
				s->pds = xstrndup(ep, strlen(ep) - (fp_has_suffix(ep, "/") ? 1 : 0));
			}
		}
	}
	if (resp->body.data != NULL)
		fp_wipe(resp->body.data, resp->body.len);
	json_decref(doc);
	return ok;
}

static int
bluesky_open(struct fp_api_session **out, const struct fp_creds *c, struct fp_err *err)
{
	struct fp_api_session *s = xcalloc(1, sizeof *s);
	const char *handle = fp_creds_get(c, "FOOTPRINT_BLUESKY_HANDLE");
	char *path = session_path(), *url;
	struct fp_http_resp resp;
	struct fp_http_req req;
	json_t *kept = NULL;

	s->base = xstrdup(fp_http_base("FOOTPRINT_BLUESKY_URL", "https://bsky.social"));
	/* a kept session first: refreshSession */
	if (path != NULL && (kept = json_load_file(path, 0, NULL)) != NULL &&
	    json_is_string(json_object_get(kept, "refreshJwt")) &&
	    strcmp(json_string_value(json_object_get(kept, "handle")) ?
	    json_string_value(json_object_get(kept, "handle")) : "", handle) == 0) {
		memset(&req, 0, sizeof req);
		req.method = "POST";
		url = xasprintf("%s/xrpc/com.atproto.server.refreshSession", s->base);
		req.url = url;
		fp_strv_take(&req.headers, xasprintf("Authorization: Bearer %s",
		    json_string_value(json_object_get(kept, "refreshJwt"))));
		if (fp_http_do(&req, &resp) == FP_OK && resp.status == 200 &&
		    take_session(s, handle, &resp)) {
			fp_http_resp_release(&resp);
			fp_http_req_release(&req);
			free(url);
			goto done;
		}
		fp_http_resp_release(&resp);
		fp_http_req_release(&req);
		free(url);
	}
	/* else log in with the app password */
	{
		json_t *body = json_object();
		char *text;
		int rc;

		json_object_set_new(body, "identifier", json_string(handle));
		json_object_set_new(body, "password", json_string(fp_creds_get(c,
		    "FOOTPRINT_BLUESKY_APP_PASSWORD")));
		text = fp_json_dumps(body, JSON_COMPACT);
		json_decref(body);
		memset(&req, 0, sizeof req);
		req.method = "POST";
		url = xasprintf("%s/xrpc/com.atproto.server.createSession", s->base);
		req.url = url;
		req.body = text;
		fp_strv_add(&req.headers, "Content-Type: application/json");
		rc = fp_http_do(&req, &resp);
		fp_wipe(text, strlen(text));
		free(text);
		fp_http_req_release(&req);
		free(url);
		if (rc != FP_OK || resp.status != 200 || !take_session(s, handle, &resp)) {
			fp_err_set(err, FP_FATAL, "Bluesky: logging in as %s failed (%s%ld):"
			    " check FOOTPRINT_BLUESKY_HANDLE and the app password", handle,
			    rc != FP_OK ? "no answer, " : "HTTP ", rc != FP_OK ? 0L : resp.status);
			fp_http_resp_release(&resp);
			json_decref(kept);
			free(path);
			free(s->base);
			free(s->did);
			free(s->handle);
			free(s->pds);
			free(s);
			return FP_FATAL;
		}
		fp_http_resp_release(&resp);
	}
done:
	json_decref(kept);
	free(path);
	*out = s;
	return FP_OK;
}

static int
bluesky_act(struct fp_api_session *s, const struct fp_action *a, struct fp_http_resp *resp,
    struct fp_err *err)
{
	const char *coll = strcmp(a->kind, "like") == 0 ? "app.bsky.feed.like" :
	    strcmp(a->kind, "repost") == 0 ? "app.bsky.feed.repost" :
	    strcmp(a->kind, "post") == 0 || strcmp(a->kind, "reply") == 0 ||
	    strcmp(a->kind, "quote") == 0 ? "app.bsky.feed.post" : NULL;
	struct fp_http_req req;
	json_t *body;
	char *text, *url;
	int rc;

	if (coll == NULL || a->native_id == NULL || a->native_id[0] == '\0') {
		fp_err_set(err, FP_FATAL, "a Bluesky %s cannot be deleted through the API:"
		    " edit your profile by hand", a->kind);
		return FP_FATAL;
	}
	body = json_object();
	json_object_set_new(body, "repo", json_string(s->did));
	json_object_set_new(body, "collection", json_string(coll));
	json_object_set_new(body, "rkey", json_string(a->native_id));
	text = fp_json_dumps(body, JSON_COMPACT);
	json_decref(body);
	memset(&req, 0, sizeof req);
	req.method = "POST";
	url = xasprintf("%s/xrpc/com.atproto.repo.deleteRecord", pds(s));
	req.url = url;
	req.body = text;
	fp_strv_add(&req.headers, s->access);
	fp_strv_add(&req.headers, "Content-Type: application/json");
	rc = fp_http_do(&req, resp);
	fp_http_req_release(&req);
	free(text);
	free(url);
	return rc;
}

/* listRecords needs no token: an expired one cannot stop a long fetch. */
static int
bluesky_get(struct fp_api_session *s, const char *url, struct fp_http_resp *resp)
{
	struct fp_http_req req;
	int rc;

	(void)s;
	memset(&req, 0, sizeof req);
	req.method = "GET";
	req.url = url;
	rc = fp_http_do(&req, resp);
	fp_http_req_release(&req);
	return rc;
}

/*
 * Every record of one collection, 100 a page, each handed to fn. FP_OK, or
 * FP_FATAL with err set.
 */
typedef int (*record_fn)(struct fp_api_session *s, struct fp_fetch *f, const json_t *rec,
    const char *rkey, long index, struct fp_err *err);

static int
list_records(struct fp_api_session *s, struct fp_fetch *f, const char *collection,
    record_fn fn, struct fp_err *err)
{
	char *did = fp_http_escape(s->did), *cursor = NULL;
	long index = 0;
	int rc = FP_OK;

	for (;;) {
		struct fp_http_resp resp;
		json_t *page, *r;
		char *url, *c = cursor ? fp_http_escape(cursor) : NULL;
		size_t i;

		url = xasprintf("%s/xrpc/com.atproto.repo.listRecords?repo=%s&collection=%s"
		    "&limit=100%s%s", pds(s), did, collection, c ? "&cursor=" : "", c ? c : "");
		free(c);
		rc = fp_fetch_get(f, bluesky_get, s, url, &resp, err);
		if (rc != FP_OK) {
			free(url);
			break;
		}
		if (resp.status != 200) {
			fp_err_set(err, FP_FATAL, "listRecords %s answered HTTP %ld", collection,
			    resp.status);
			fp_http_resp_release(&resp);
			free(url);
			rc = FP_FATAL;
			break;
		}
		page = fp_fetch_json(&resp, url, err);
		fp_http_resp_release(&resp);
		free(url);
		if (page == NULL || !json_is_array(json_object_get(page, "records"))) {
			if (page != NULL)
				fp_err_set(err, FP_FATAL, "listRecords %s: no \"records\" list",
				    collection);
			json_decref(page);
			rc = FP_FATAL;
			break;
		}
		json_array_foreach(json_object_get(page, "records"), i, r) {
			const char *uri = fp_jstr(r, "uri"), *slash = uri ? strrchr(uri, '/') : NULL;

			if (slash == NULL || !json_is_object(json_object_get(r, "value")))
				continue;
			if ((rc = fn(s, f, json_object_get(r, "value"), slash + 1, index++, err)) !=
			    FP_OK) {
				json_decref(page);
				goto out;
			}
		}
		/* the last page: no cursor, no records, or the same cursor again */
		if (json_array_size(json_object_get(page, "records")) == 0 ||
		    fp_jstr(page, "cursor") == NULL || (cursor != NULL &&
		    strcmp(cursor, fp_jstr(page, "cursor")) == 0)) {
			json_decref(page);
			break;
		}
		free(cursor);
		cursor = xstrdup(fp_jstr(page, "cursor"));
		json_decref(page);
	}
out:
	free(cursor);
	free(did);
	return rc == FP_EOF ? FP_OK : rc;
}

static int
feed_record(struct fp_api_session *s, struct fp_fetch *f, const json_t *rec,
    const char *rkey, long index, struct fp_err *err)
{
	struct fp_item it;
	int rc = FP_OK;

	fp_item_init(&it);
	if (fp_bluesky_record_item(rec, s->did, rkey, &it)) {
		it.source_file = xstrdup("com.atproto.repo.listRecords");
		it.source_index = index;
		rc = fp_fetch_item(f, &it, err);
	}
	fp_item_release(&it);
	return rc;
}

static int
profile_record(struct fp_api_session *s, struct fp_fetch *f, const json_t *rec,
    const char *rkey, long index, struct fp_err *err)
{
	char *url = xasprintf("https://bsky.app/profile/%s", s->did);
	int rc;

	(void)index;
	if (strcmp(rkey, "self") != 0) {
		free(url);
		return FP_OK;
	}
	rc = fp_fetch_account(f, s->did, fp_jstr(rec, "displayName"), err);
	if (rc == FP_OK)
		rc = fp_fetch_field(f, FP_KIND_DISPLAY_NAME, fp_jstr(rec, "displayName"), url,
		    "app.bsky.actor.profile", -1, err);
	if (rc == FP_OK)
		rc = fp_fetch_field(f, FP_KIND_BIO, fp_jstr(rec, "description"), url,
		    "app.bsky.actor.profile", -1, err);
	free(url);
	return rc;
}

static int
bluesky_fetch(struct fp_api_session *s, struct fp_fetch *f, struct fp_err *err)
{
	static const struct { const char *name, *collection; } feeds[] = {
		{ "posts", "app.bsky.feed.post" },
		{ "reposts", "app.bsky.feed.repost" },
		{ "likes", "app.bsky.feed.like" },
	};
	char *url = xasprintf("https://bsky.app/profile/%s", s->handle ? s->handle : s->did);
	int rc;

	/* the account (the repository's DID, as in the export), then the handle */
	rc = fp_fetch_account(f, s->did, NULL, err);
	fp_fetch_listing(f, "profile", 0, NULL);
	if (rc == FP_OK)
		rc = fp_fetch_field(f, FP_KIND_USERNAME, s->handle, url, "createSession", -1, err);
	free(url);
	if (rc == FP_OK)
		rc = list_records(s, f, "app.bsky.actor.profile", profile_record, err);
	for (size_t i = 0; rc == FP_OK && i < sizeof feeds / sizeof feeds[0]; i++) {
		fp_fetch_listing(f, feeds[i].name, 0, NULL);
		rc = list_records(s, f, feeds[i].collection, feed_record, err);
	}
	return rc;
}

static void
bluesky_close(struct fp_api_session *s)
{
	if (s == NULL)
		return;
	if (s->access != NULL)
		fp_wipe(s->access, strlen(s->access));
	free(s->access);
	free(s->did);
	free(s->handle);
	free(s->pds);
	free(s->base);
	free(s);
}

const struct fp_api fp_api_bluesky = {
	.platform = "bluesky",
	.needs = bluesky_needs,
	.open = bluesky_open,
	.act = bluesky_act,
	.fetch = bluesky_fetch,
	.close = bluesky_close,
};
