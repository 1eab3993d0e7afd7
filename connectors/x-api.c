/*
 * x-api.c: deleting on X through API v2, every request signed with OAuth
 * 1.0a (HMAC-SHA1) by liboauth in Authorization-header mode
 * (../shared/research/apis.md §1-2): DELETE /2/tweets/:id for posts,
 * replies and quotes; DELETE /2/users/:me/likes/:tweet_id to unlike;
 * DELETE /2/users/:me/retweets/:source_tweet_id to undo a repost (or the
 * repost's own id when the archive did not name the source). The user's id
 * comes from GET /2/users/me, asked once.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <oauth.h>

#include "footprint.h"
#include "api.h"

struct fp_api_session {
	char	*ck, *cs, *tk, *ts;	/* consumer and access key and secret */
	char	*base;
	char	*me;			/* the user's id, once asked */
};

char *
fp_x_oauth_header(const char *method, const char *url, const char *ck, const char *cs,
    const char *tk, const char *ts, const char *nonce, const char *timestamp)
{
	char **argv = NULL, *params, *h;
	int argc = oauth_split_url_parameters(url, &argv);

	/* fixed nonce and timestamp: only the tests give them */
	if (nonce != NULL) {
		char *n = xasprintf("oauth_nonce=%s", nonce);

		oauth_add_param_to_array(&argc, &argv, n);
		free(n);
	}
	if (timestamp != NULL) {
		char *t = xasprintf("oauth_timestamp=%s", timestamp);

		oauth_add_param_to_array(&argc, &argv, t);
		free(t);
	}
	oauth_sign_array2_process(&argc, &argv, NULL, OA_HMAC, method, ck, cs, tk, ts);
	params = oauth_serialize_url_sep(argc, 1, argv, ", ", 6);	/* oauth_* quoted */
	oauth_free_array(&argc, &argv);
	h = xasprintf("Authorization: OAuth %s", params);
	fp_wipe(params, strlen(params));
	free(params);
	return h;
}

static int
x_request(struct fp_api_session *s, const char *method, const char *url,
    struct fp_http_resp *resp)
{
	struct fp_http_req req;
	int rc;

	memset(&req, 0, sizeof req);
	req.method = method;
	req.url = url;
	fp_strv_take(&req.headers, fp_x_oauth_header(method, url, s->ck, s->cs, s->tk, s->ts,
	    NULL, NULL));
	rc = fp_http_do(&req, resp);
	fp_http_req_release(&req);
	return rc;
}

static const char *const x_needs[] = {
	"FOOTPRINT_X_CONSUMER_KEY", "FOOTPRINT_X_CONSUMER_SECRET",
	"FOOTPRINT_X_ACCESS_TOKEN", "FOOTPRINT_X_ACCESS_SECRET", NULL
};

static int
x_open(struct fp_api_session **out, const struct fp_creds *c, struct fp_err *err)
{
	struct fp_api_session *s = xcalloc(1, sizeof *s);

	(void)err;
	s->ck = xstrdup(fp_creds_get(c, x_needs[0]));
	s->cs = xstrdup(fp_creds_get(c, x_needs[1]));
	s->tk = xstrdup(fp_creds_get(c, x_needs[2]));
	s->ts = xstrdup(fp_creds_get(c, x_needs[3]));
	s->base = xstrdup(fp_http_base("FOOTPRINT_X_API_URL", "https://api.x.com"));
	*out = s;
	return FP_OK;
}

/* The user's id, from GET /2/users/me. */
static int
x_me(struct fp_api_session *s, struct fp_http_resp *resp, struct fp_err *err)
{
	char *url;
	json_t *doc;
	int rc;

	if (s->me != NULL)
		return FP_OK;
	url = xasprintf("%s/2/users/me", s->base);
	rc = x_request(s, "GET", url, resp);
	free(url);
	if (rc != FP_OK)
		return rc;
	if (resp->status != 200) {
		fp_err_set(err, FP_FATAL, "X: GET /2/users/me answered %ld: the keys cannot read"
		    " the account (does your X API access allow it?)", resp->status);
		return FP_FATAL;
	}
	doc = json_loadb(fp_buf_str(&resp->body), resp->body.len, 0, NULL);
	if (json_is_string(json_object_get(json_object_get(doc, "data"), "id")))
		s->me = xstrdup(json_string_value(json_object_get(json_object_get(doc, "data"), "id")));
	json_decref(doc);
	if (s->me == NULL) {
		fp_err_set(err, FP_FATAL, "X: GET /2/users/me gave no user id");
		return FP_FATAL;
	}
	fp_http_resp_release(resp);
	return FP_OK;
}

static int
digits(const char *s)
{
	return s != NULL && s[0] != '\0' && strspn(s, "0123456789") == strlen(s);
}

static int
x_act(struct fp_api_session *s, const struct fp_action *a, struct fp_http_resp *resp,
    struct fp_err *err)
{
	char *url;
	int rc;

	if (!digits(a->native_id)) {
		fp_err_set(err, FP_FATAL, "no X id for this item: delete it by hand");
		return FP_FATAL;
	}
	if (strcmp(a->kind, "like") == 0 || (strcmp(a->kind, "repost") == 0 &&
	    digits(a->ref_id))) {
		if ((rc = x_me(s, resp, err)) != FP_OK)
			return rc;
		if (strcmp(a->kind, "like") == 0)
			url = xasprintf("%s/2/users/%s/likes/%s", s->base, s->me, a->native_id);
		else
			url = xasprintf("%s/2/users/%s/retweets/%s", s->base, s->me, a->ref_id);
	} else
		url = xasprintf("%s/2/tweets/%s", s->base, a->native_id);
	rc = x_request(s, "DELETE", url, resp);
	free(url);
	return rc;
}

static void
x_close(struct fp_api_session *s)
{
	if (s == NULL)
		return;
	for (char **p = (char *[]){ s->ck, s->cs, s->tk, s->ts, NULL }; *p != NULL; p++) {
		fp_wipe(*p, strlen(*p));
		free(*p);
	}
	free(s->base);
	free(s->me);
	free(s);
}

const struct fp_api fp_api_x = {
	.platform = "x",
	.needs = x_needs,
	.open = x_open,
	.act = x_act,
	.close = x_close,
};
