/*
 * bluesky-api.c: deleting on Bluesky (../shared/research/apis.md §5):
 * com.atproto.repo.deleteRecord for posts, replies, quotes, likes and
 * reposts (idempotent: a record already gone is no error). The session's
 * refresh token is kept (mode 0600) so that a run refreshes it rather than
 * logging in again: logins are limited to 30 per 5 minutes.
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

struct fp_api_session {
	char	*base;
	char	*did;
	char	*access;	/* "Authorization: Bearer <accessJwt>" */
};

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
	text = json_dumps(o, JSON_COMPACT);
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
		free(s->did);
		s->did = xstrdup(did);
		s->access = xasprintf("Authorization: Bearer %s", access);
		session_save(handle, did, refresh);
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
		text = json_dumps(body, JSON_COMPACT);
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
	text = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	memset(&req, 0, sizeof req);
	req.method = "POST";
	url = xasprintf("%s/xrpc/com.atproto.repo.deleteRecord", s->base);
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

static void
bluesky_close(struct fp_api_session *s)
{
	if (s == NULL)
		return;
	if (s->access != NULL)
		fp_wipe(s->access, strlen(s->access));
	free(s->access);
	free(s->did);
	free(s->base);
	free(s);
}

const struct fp_api fp_api_bluesky = {
	.platform = "bluesky",
	.needs = bluesky_needs,
	.open = bluesky_open,
	.act = bluesky_act,
	.close = bluesky_close,
};
