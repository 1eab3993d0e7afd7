/*
 * reddit-api.c: deleting on Reddit with a script app (../shared/research/
 * apis.md §4): a token from the password grant, then POST /api/del with the
 * item's fullname (t1_ a comment, t3_ a post) and POST /api/vote dir=0 to
 * undo an upvote. Reddit wants a User-Agent naming the app and the user.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "api.h"

struct fp_api_session {
	char	*api;
	char	*auth;		/* "Authorization: bearer ..." */
	char	*agent;
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

static void
reddit_close(struct fp_api_session *s)
{
	if (s == NULL)
		return;
	fp_wipe(s->auth, strlen(s->auth));
	free(s->auth);
	free(s->api);
	free(s->agent);
	free(s);
}

const struct fp_api fp_api_reddit = {
	.platform = "reddit",
	.needs = reddit_needs,
	.open = reddit_open,
	.act = reddit_act,
	.close = reddit_close,
};
