/*
 * mastodon-api.c: deleting on a Mastodon server (../shared/research/apis.md
 * §3): DELETE /api/v1/statuses/:id for posts, replies and direct messages;
 * POST /api/v1/statuses/:id/unfavourite and .../unreblog for likes and
 * boosts. An archive names liked and boosted statuses by URI; one on another
 * server is looked up (GET /api/v2/search?resolve=true) for its local id.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "api.h"

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
	.close = mastodon_close,
};
