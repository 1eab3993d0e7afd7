/*
 * x-api.c: X's API v2, every request signed with OAuth 1.0a (HMAC-SHA1) by
 * liboauth in Authorization-header mode (../shared/research/apis.md §1-2).
 *
 * Reading, where the user's API access allows it (reads are paid, and many
 * keys may not read at all: footprint says so and points to the archive):
 * GET /2/users/me (the profile), /2/users/:id/tweets (posts, replies,
 * reposts, quotes: the newest 3,200 only) and /2/users/:id/liked_tweets,
 * 100 a page, paged by meta.next_token. Items get the archive's ids.
 *
 * Deleting: DELETE /2/tweets/:id for posts, replies and quotes; DELETE
 * /2/users/:me/likes/:tweet_id to unlike; DELETE /2/users/:me/retweets/
 * :source_tweet_id to undo a repost (or the repost's own id when the
 * archive did not name the source). The user's id comes from GET
 * /2/users/me, asked once.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <oauth.h>

#include "footprint.h"
#include "api.h"
#include "conn-util.h"
#include "xcost.h"

#define TIMELINE_CAP	3200

struct fp_api_session {
	char	*ck, *cs, *tk, *ts;	/* consumer and access key and secret */
	char	*base;
	char	*me;			/* the user's id, once asked */
	char	*username;		/* and name, when fetching */
	long	 read;			/* posts and likes read (X charges each) */
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

static int
x_get(struct fp_api_session *s, const char *url, struct fp_http_resp *resp)
{
	return x_request(s, "GET", url, resp);
}

/* Why X refused a read, from its problem document, for the user. */
static void
refused(const struct fp_http_resp *resp, const char *what, struct fp_err *err)
{
	json_t *doc = json_loadb(resp->body.data ? resp->body.data : "", resp->body.len, 0,
	    NULL);
	const char *detail = fp_jstr(doc, "detail") ? fp_jstr(doc, "detail") :
	    fp_jstr(doc, "title") ? fp_jstr(doc, "title") :
	    fp_jstr(json_array_get(json_object_get(doc, "errors"), 0), "message");
	const char *reason = fp_jstr(doc, "reason");

	if (resp->status == 401)
		fp_err_set(err, FP_FATAL, "X refused the keys reading %s (HTTP 401): check the"
		    " four FOOTPRINT_X_* keys", what);
	else
		fp_err_set(err, FP_FATAL, "your X API access does not allow reading %s (HTTP"
		    " %ld%s%s%s%.200s): footprint cannot fetch from X with these keys; import"
		    " your X archive instead (footprint import twitter-*.zip)", what,
		    resp->status, reason ? ", " : "", reason ? reason : "", detail ? ": " : "",
		    detail ? detail : "");
	json_decref(doc);
}

/* includes.users[] by id -> username; includes.tweets[] by id. */
static const json_t *
included(const json_t *page, const char *list, const char *id)
{
	size_t i;
	json_t *v;

	if (id == NULL)
		return NULL;
	json_array_foreach(json_object_get(json_object_get(page, "includes"), list), i, v)
		if (fp_jstr(v, "id") && strcmp(fp_jstr(v, "id"), id) == 0)
			return v;
	return NULL;
}

static const char *
username_of(const json_t *page, const char *user_id)
{
	return fp_jstr(included(page, "users", user_id), "username");
}

/* The whole text: a long post's note_tweet, else text. */
static char *
tweet_text(const json_t *t)
{
	const char *note = fp_jstr(json_object_get(t, "note_tweet"), "text");
	const char *text = note ? note : fp_jstr(t, "text");

	return xstrdup(text ? text : "");
}

static void
tweet_media(const json_t *page, const json_t *t, struct fp_item *it)
{
	size_t i;
	json_t *k;

	json_array_foreach(json_object_get(json_object_get(t, "attachments"), "media_keys"), i, k) {
		const json_t *m = NULL;
		size_t j;
		json_t *v;

		it->media_count++;
		json_array_foreach(json_object_get(json_object_get(page, "includes"), "media"), j, v)
			if (json_is_string(k) && fp_jstr(v, "media_key") &&
			    strcmp(fp_jstr(v, "media_key"), json_string_value(k)) == 0)
				m = v;
		if (it->media_types == NULL && fp_jstr(m, "type") != NULL)
			it->media_types = xstrdup(strcmp(fp_jstr(m, "type"), "photo") == 0 ? "photo" :
			    "video");
	}
}

/* One post of the timeline as the archive would give it. */
static void
timeline_item(struct fp_api_session *s, const json_t *page, const json_t *t,
    struct fp_item *it)
{
	const char *id = fp_jstr(t, "id");
	size_t i;
	json_t *r;

	it->kind = FP_KIND_POST;
	it->native_id = xstrdup(id);
	it->created_at = fp_jtime(t, "created_at");
	it->url = xasprintf("https://x.com/%s/status/%s", s->username, id);
	it->text = tweet_text(t);
	if (fp_jstr(t, "lang") != NULL && strcmp(fp_jstr(t, "lang"), "und") != 0)
		it->lang = xstrdup(fp_jstr(t, "lang"));
	json_array_foreach(json_object_get(t, "referenced_tweets"), i, r) {
		const char *type = fp_jstr(r, "type"), *rid = fp_jstr(r, "id");
		const json_t *src = included(page, "tweets", rid);

		if (type == NULL || rid == NULL)
			continue;
		if (strcmp(type, "retweeted") == 0) {
			it->kind = FP_KIND_REPOST;
			fp_item_set(&it->ref_id, rid);
			fp_item_set(&it->ref_author, username_of(page, fp_jstr(src, "author_id")));
			if (src != NULL) {
				free(it->text);
				it->text = tweet_text(src);
			}
		} else if (strcmp(type, "replied_to") == 0) {
			it->kind = FP_KIND_REPLY;
			fp_item_set(&it->ref_id, rid);
			fp_item_set(&it->ref_author, username_of(page,
			    fp_jstr(t, "in_reply_to_user_id")));
		} else if (strcmp(type, "quoted") == 0 && it->kind == FP_KIND_POST) {
			it->kind = FP_KIND_QUOTE;
			fp_item_set(&it->ref_id, rid);
			fp_item_set(&it->ref_author, username_of(page, fp_jstr(src, "author_id")));
		}
	}
	tweet_media(page, t, it);
	{
		const json_t *place = included(page, "places",
		    fp_jstr(json_object_get(t, "geo"), "place_id"));

		if (fp_jstr(place, "full_name") != NULL)
			it->place = xstrdup(fp_jstr(place, "full_name"));
	}
}

/* One liked post, as the archive's like.js gives it. */
static void
like_item(const json_t *page, const json_t *t, struct fp_item *it)
{
	const char *id = fp_jstr(t, "id");
	const char *author = username_of(page, fp_jstr(t, "author_id"));

	it->kind = FP_KIND_LIKE;
	it->native_id = xstrdup(id);
	it->ref_id = xstrdup(id);
	it->created_at = fp_time_snowflake(id);
	it->text = tweet_text(t);
	if (author != NULL) {
		it->ref_author = xstrdup(author);
		it->url = xasprintf("https://x.com/%s/status/%s", author, id);
	} else
		it->url = xasprintf("https://x.com/i/web/status/%s", id);
	tweet_media(page, t, it);
}

/* One of the user's listings, 100 a page. */
static int
walk(struct fp_api_session *s, struct fp_fetch *f, const char *listing, int likes,
    struct fp_err *err)
{
	char *token = NULL, *what = xasprintf("/2/users/:id/%s", listing);
	long index = 0;
	int rc = FP_OK;

	for (;;) {
		struct fp_http_resp resp;
		json_t *page, *t;
		char *url;
		size_t i;

		/* commas escaped: liboauth signs the URL as it is sent */
		url = xasprintf("%s/2/users/%s/%s?max_results=100&tweet.fields=created_at%%2Clang"
		    "%%2Creferenced_tweets%%2Cin_reply_to_user_id%%2Cattachments%%2Cgeo"
		    "%%2Cnote_tweet%%2Cauthor_id&expansions=%s&user.fields=username"
		    "&media.fields=type%s%s", s->base, s->me, listing, likes ?
		    "author_id%2Cattachments.media_keys" :
		    "referenced_tweets.id%2Creferenced_tweets.id.author_id%2Cin_reply_to_user_id"
		    "%2Cattachments.media_keys%2Cgeo.place_id&place.fields=full_name",
		    token ? "&pagination_token=" : "", token ? token : "");
		rc = fp_fetch_get(f, x_get, s, url, &resp, err);
		free(url);
		if (rc != FP_OK)
			break;
		if (resp.status != 200) {
			refused(&resp, what, err);
			fp_http_resp_release(&resp);
			rc = FP_FATAL;
			break;
		}
		page = fp_fetch_json(&resp, what, err);
		fp_http_resp_release(&resp);
		if (page == NULL) {
			rc = FP_FATAL;
			break;
		}
		json_array_foreach(json_object_get(page, "data"), i, t) {
			struct fp_item it;

			if (fp_jstr(t, "id") == NULL)
				continue;
			fp_item_init(&it);
			if (likes)
				like_item(page, t, &it);
			else
				timeline_item(s, page, t, &it);
			it.source_file = xstrdup(what);
			it.source_index = index++;
			s->read++;
			rc = fp_fetch_item(f, &it, err);
			fp_item_release(&it);
			if (rc != FP_OK) {
				json_decref(page);
				goto out;
			}
		}
		{
			const char *next = fp_jstr(json_object_get(page, "meta"), "next_token");

			if (json_array_size(json_object_get(page, "data")) == 0 || next == NULL ||
			    strspn(next, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789-_") != strlen(next) || (token != NULL &&
			    strcmp(token, next) == 0)) {
				json_decref(page);
				break;
			}
			free(token);
			token = xstrdup(next);
		}
		json_decref(page);
	}
out:
	free(token);
	free(what);
	return rc == FP_EOF ? FP_OK : rc;
}

static int
x_fetch(struct fp_api_session *s, struct fp_fetch *f, struct fp_err *err)
{
	static const char settings[] = "https://x.com/settings/profile";
	struct fp_http_resp resp;
	json_t *doc, *me;
	char *url = xasprintf("%s/2/users/me?user.fields=description%%2Clocation%%2Curl"
	    "%%2Centities%%2Cpublic_metrics", s->base);
	const char *website;
	json_t *counts;
	int rc;

	rc = fp_fetch_get(f, x_get, s, url, &resp, err);
	free(url);
	if (rc != FP_OK)
		return FP_FATAL;
	if (resp.status != 200) {
		refused(&resp, "your account (/2/users/me)", err);
		fp_http_resp_release(&resp);
		return FP_FATAL;
	}
	doc = fp_fetch_json(&resp, "/2/users/me", err);
	fp_http_resp_release(&resp);
	if (doc == NULL)
		return FP_FATAL;
	me = json_object_get(doc, "data");
	if (fp_jstr(me, "id") == NULL || fp_jstr(me, "username") == NULL) {
		fp_err_set(err, FP_FATAL, "X: GET /2/users/me gave no user id or name");
		json_decref(doc);
		return FP_FATAL;
	}
	free(s->me);
	s->me = xstrdup(fp_jstr(me, "id"));
	s->username = xstrdup(fp_jstr(me, "username"));
	website = fp_jstr(json_array_get(json_object_get(json_object_get(json_object_get(me,
	    "entities"), "url"), "urls"), 0), "expanded_url");
	if (website == NULL)
		website = fp_jstr(me, "url");
	rc = fp_fetch_account(f, s->username, fp_jstr(me, "name"), err);
	fp_fetch_listing(f, "profile", 0, NULL);
	/* index 0, as the archive reader gives account.js's and profile.js's
	 * fields: the same rows */
	if (rc == FP_OK)
		rc = fp_fetch_field(f, FP_KIND_USERNAME, s->username,
		    "https://x.com/settings/screen_name", "/2/users/me", 0, err);
	if (rc == FP_OK)
		rc = fp_fetch_field(f, FP_KIND_DISPLAY_NAME, fp_jstr(me, "name"), settings,
		    "/2/users/me", 0, err);
	if (rc == FP_OK)
		rc = fp_fetch_field(f, FP_KIND_BIO, fp_jstr(me, "description"), settings,
		    "/2/users/me", 0, err);
	if (rc == FP_OK)
		rc = fp_fetch_field(f, FP_KIND_LOCATION, fp_jstr(me, "location"), settings,
		    "/2/users/me", 0, err);
	if (rc == FP_OK)
		rc = fp_fetch_field(f, FP_KIND_WEBSITE, website, settings, "/2/users/me", 0, err);
	/* reads are paid: what this fetch may cost, before it starts */
	counts = json_object_get(me, "public_metrics");
	if (json_is_integer(json_object_get(counts, "tweet_count")) &&
	    json_is_integer(json_object_get(counts, "like_count"))) {
		fp_fetch_end_line(f);
		fp_xcost_print_fetch(stderr,
		    (long)json_integer_value(json_object_get(counts, "tweet_count")),
		    (long)json_integer_value(json_object_get(counts, "like_count")), TIMELINE_CAP,
		    fp_fetch_options(f)->max_items);
	}
	json_decref(doc);
	if (rc != FP_OK)
		return rc;
	fp_fetch_listing(f, "posts", TIMELINE_CAP, "older ones are only in the archive"
	    " (data/tweets.js)");
	rc = walk(s, f, "tweets", 0, err);
	if (rc == FP_OK) {
		fp_fetch_listing(f, "likes", -1, "the archive's data/like.js has every like");
		rc = walk(s, f, "liked_tweets", 1, err);
	}
	fp_fetch_end_line(f);
	fp_xcost_print_read(stderr, s->read);
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
	free(s->username);
	free(s);
}

const struct fp_api fp_api_x = {
	.platform = "x",
	.needs = x_needs,
	.open = x_open,
	.act = x_act,
	.fetch = x_fetch,
	.close = x_close,
};
