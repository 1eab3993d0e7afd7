/*
 * mastodon.c: the Mastodon archive (archive-<date>-<hex>.zip, or .tar.gz in
 * older versions): ../shared/research/formats.md §6.
 *
 * actor.json gives the account (preferredUsername), the display name, the
 * bio and the profile fields; outbox.json gives Create activities (posts,
 * replies; direct messages, which are items only with --include-messages)
 * and Announce activities (boosts, whose object is a bare URI); likes.json
 * lists liked statuses by URI only. Visibility comes from to/cc. Content is
 * HTML. A real export has two "orderedItems" keys, the first empty: both
 * are read.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "conn-util.h"
#include "mastodon.h"
#include "text.h"

#define AS_PUBLIC "https://www.w3.org/ns/activitystreams#Public"

struct mastodon_state {
	struct fp_batch	 batch;
	char		*actor;		/* the actor's id URI */
	char		*followers;	/* its followers collection URI */
};

char *
fp_mastodon_author_of(const char *uri)
{
	const char *host, *slash, *users;

	if (uri == NULL || (host = strstr(uri, "://")) == NULL)
		return NULL;
	host += 3;
	if ((slash = strchr(host, '/')) == NULL)
		return NULL;
	if ((users = strstr(slash, "/users/")) != NULL) {
		const char *name = users + 7, *end = strchr(name, '/');
		size_t n = end ? (size_t)(end - name) : strlen(name);

		return xasprintf("%.*s@%.*s", (int)n, name, (int)(slash - host), host);
	}
	if (slash[1] == '@') {
		const char *name = slash + 2, *end = strchr(name, '/');
		size_t n = end ? (size_t)(end - name) : strlen(name);

		return xasprintf("%.*s@%.*s", (int)n, name, (int)(slash - host), host);
	}
	return NULL;
}

char *
fp_mastodon_last_segment(const char *uri)
{
	const char *s;
	size_t n;

	if (uri == NULL)
		return NULL;
	n = strlen(uri);
	while (n > 0 && uri[n - 1] == '/')
		n--;
	for (s = uri + n; s > uri && s[-1] != '/'; s--)
		;
	if (strncmp(s, "activity", 8) == 0 && s > uri + 1) {
		/* ".../statuses/123/activity" */
		const char *e = s - 1;

		for (s = e; s > uri && s[-1] != '/'; s--)
			;
		return xstrndup(s, (size_t)(e - s));
	}
	return xstrndup(s, (size_t)(uri + n - s));
}

static int
addressed(const json_t *list, const char *what)
{
	size_t i;
	json_t *v;

	if (json_is_string(list))
		return what != NULL && strcmp(json_string_value(list), what) == 0;
	json_array_foreach(list, i, v)
		if (json_is_string(v) && what != NULL && strcmp(json_string_value(v), what) == 0)
			return 1;
	return 0;
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

static void
read_actor(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	struct mastodon_state *s = conn->state;
	json_t *a = fp_conn_json(conn, name, data, len, 0), *att, *v;
	const char *user, *url;
	char *bio;
	size_t i;

	if (a == NULL)
		return;
	if (!json_is_object(a)) {
		fp_conn_warn(conn, name, "not an actor object; skipped");
		json_decref(a);
		return;
	}
	user = fp_jstr(a, "preferredUsername");
	free(s->actor);
	s->actor = fp_jstr(a, "id") ? xstrdup(fp_jstr(a, "id")) : NULL;
	free(s->followers);
	s->followers = fp_jstr(a, "followers") ? xstrdup(fp_jstr(a, "followers")) :
	    s->actor ? xasprintf("%s/followers", s->actor) : NULL;
	if (user != NULL && s->actor != NULL) {
		char *who = fp_mastodon_author_of(s->actor);

		fp_conn_set_account(conn, who ? who : user, fp_jstr(a, "name"));
		free(who);
	} else
		fp_conn_set_account(conn, user, fp_jstr(a, "name"));
	url = fp_jstr(a, "url");
	fp_itemq_field(q, conn, "mastodon", FP_KIND_USERNAME, user, url, name);
	fp_itemq_field(q, conn, "mastodon", FP_KIND_DISPLAY_NAME, fp_jstr(a, "name"), url, name);
	bio = html_text(fp_jstr(a, "summary"));
	fp_itemq_field(q, conn, "mastodon", FP_KIND_BIO, bio, url, name);
	free(bio);
	/* profile fields: "Website: <a href...>", "Pronouns: she/her" */
	att = json_object_get(a, "attachment");
	json_array_foreach(att, i, v) {
		char *val = html_text(fp_jstr(v, "value"));
		char *line;

		if (val == NULL)
			continue;
		line = xasprintf("%s: %s", fp_jstr(v, "name") ? fp_jstr(v, "name") : "", val);
		if (val[0] != '\0') {
			struct fp_item *it = fp_itemq_push(q, conn, "mastodon",
			    strstr(val, "://") || strchr(val, '.') ? FP_KIND_WEBSITE : FP_KIND_BIO,
			    name, (long)i + 1);

			it->text = line;
			it->url = url ? xstrdup(url) : NULL;
		} else
			free(line);
		free(val);
	}
	json_decref(a);
}

static void
outbox_item(struct fp_conn *conn, const char *name, json_t *act, long index,
    struct fp_itemq *q)
{
	struct mastodon_state *s = conn->state;
	const char *type = fp_jstr(act, "type");
	json_t *obj = json_object_get(act, "object");
	struct fp_item *it;

	if (type == NULL) {
		fp_conn_warn(conn, name, "item %ld: no type; skipped", index);
		return;
	}
	if (strcmp(type, "Announce") == 0) {
		const char *uri = json_is_string(obj) ? json_string_value(obj) : fp_jstr(obj, "id");

		it = fp_itemq_push(q, conn, "mastodon", FP_KIND_REPOST, name, index);
		it->native_id = fp_mastodon_last_segment(fp_jstr(act, "id"));
		it->created_at = fp_jtime(act, "published");
		it->url = uri ? xstrdup(uri) : NULL;
		it->ref_author = fp_mastodon_author_of(uri);
		it->ref_id = fp_mastodon_last_segment(uri);
		/* the boosted text is not in the archive */
		return;
	}
	if (strcmp(type, "Create") != 0 || !json_is_object(obj))
		return;
	{
		const char *otype = fp_jstr(obj, "type");
		json_t *to = json_object_get(obj, "to"), *cc = json_object_get(obj, "cc");
		json_t *att = json_object_get(obj, "attachment"), *tag = json_object_get(obj, "tag");
		int direct = !addressed(to, AS_PUBLIC) && !addressed(cc, AS_PUBLIC) &&
		    !addressed(to, s->followers) && !addressed(cc, s->followers);
		const char *reply = fp_jstr(obj, "inReplyTo");
		struct fp_buf text = FP_BUF_INIT;
		size_t i;
		json_t *v;

		if (otype != NULL && strcmp(otype, "Note") != 0 && strcmp(otype, "Question") != 0 &&
		    strcmp(otype, "Article") != 0)
			return;
		if (direct && !conn->include_messages)
			return;
		it = fp_itemq_push(q, conn, "mastodon", direct ? FP_KIND_MESSAGE :
		    reply ? FP_KIND_REPLY : FP_KIND_POST, name, index);
		it->native_id = fp_mastodon_last_segment(fp_jstr(obj, "id"));
		it->created_at = fp_jtime(obj, "published");
		if (it->created_at == FP_TIME_NONE)
			it->created_at = fp_jtime(act, "published");
		it->url = fp_jstr(obj, "url") ? xstrdup(fp_jstr(obj, "url")) :
		    fp_jstr(obj, "id") ? xstrdup(fp_jstr(obj, "id")) : NULL;
		if (reply != NULL) {
			it->ref_author = fp_mastodon_author_of(reply);
			it->ref_id = fp_mastodon_last_segment(reply);
		}
		/* a content warning, then the content */
		if (fp_jstr(obj, "summary") != NULL && fp_jstr(obj, "summary")[0] != '\0')
			fp_buf_addf(&text, "%s\n", fp_jstr(obj, "summary"));
		{
			char *body = html_text(fp_jstr(obj, "content"));

			if (body != NULL)
				fp_buf_addstr(&text, body);
			free(body);
		}
		it->text = fp_buf_detach(&text);
		if (json_is_object(json_object_get(obj, "contentMap"))) {
			const char *lang;

			json_object_foreach(json_object_get(obj, "contentMap"), lang, v) {
				it->lang = xstrdup(lang);
				break;
			}
		}
		json_array_foreach(att, i, v) {
			const char *mt = fp_jstr(v, "mediaType");

			it->media_count++;
			if (mt != NULL && it->media_types == NULL)
				it->media_types = xstrndup(mt, strcspn(mt, "/"));
		}
		(void)tag;
	}
}

static void
read_outbox(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	json_t *doc, *items;
	long index = 0;
	char *first, *second;

	/* Two "orderedItems" keys: rename the first so that both survive. */
	if ((first = strstr(data, "\"orderedItems\"")) != NULL &&
	    (second = strstr(first + 14, "\"orderedItems\"")) != NULL)
		memcpy(first, "\"orderedItem0\"", 14);
	(void)second;
	if ((doc = fp_conn_json(conn, name, data, len, 0)) == NULL)
		return;
	for (int pass = 0; pass < 2; pass++) {
		size_t i;
		json_t *v;

		items = json_object_get(doc, pass == 0 ? "orderedItem0" : "orderedItems");
		json_array_foreach(items, i, v)
			outbox_item(conn, name, v, index++, q);
	}
	if (!json_is_array(json_object_get(doc, "orderedItems")))
		fp_conn_warn(conn, name, "no orderedItems list: not an outbox");
	json_decref(doc);
}

static void
like_item(struct fp_conn *conn, const char *name, json_t *v, long index,
    struct fp_itemq *q)
{
	const char *uri = json_is_string(v) ? json_string_value(v) : fp_jstr(v, "id");
	struct fp_item *it;

	if (uri == NULL)
		return;
	it = fp_itemq_push(q, conn, "mastodon", FP_KIND_LIKE, name, index);
	it->native_id = fp_mastodon_last_segment(uri);
	it->url = xstrdup(uri);
	it->ref_author = fp_mastodon_author_of(uri);
	it->ref_id = fp_mastodon_last_segment(uri);
	/* only URIs, no text and no date */
}

static void
read_likes(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	json_t *doc = fp_conn_json(conn, name, data, len, 0), *v;
	size_t i;

	if (doc == NULL)
		return;
	json_array_foreach(json_object_get(doc, "orderedItems"), i, v)
		like_item(conn, name, v, (long)i, q);
	json_decref(doc);
}

/* outbox.json and likes.json grow with the account: read element by
 * element from their "orderedItems" lists (an export with the key twice
 * gives both). */
static const char *const ordered_items[] = { "orderedItems", NULL };

static const struct fp_list_reader outbox_reader = {
	.keys = ordered_items,
	.each = outbox_item,
	.whole = read_outbox,
	.missing = "no orderedItems list: not an outbox",
};

static const struct fp_list_reader likes_reader = {
	.keys = ordered_items,
	.each = like_item,
	.whole = read_likes,
};

static int
mastodon_bid(struct fp_source *src)
{
	int outbox = 0, actor = 0;

	for (size_t i = 0; i < fp_source_count(src); i++) {
		const char *n = fp_source_name(src, i);

		outbox |= fp_name_tail(n, "outbox.json");
		actor |= fp_name_tail(n, "actor.json");
	}
	return outbox && actor ? 95 : outbox || actor ? 70 : -1;
}

static int
mastodon_open(struct fp_conn *conn, struct fp_err *err)
{
	struct mastodon_state *s = conn->state;

	(void)err;
	for (size_t i = 0; i < fp_source_count(conn->src); i++) {
		const char *n = fp_source_name(conn->src, i);

		if (fp_name_tail(n, "actor.json"))
			fp_batch_add(&s->batch, i, read_actor, 0);
		else if (fp_name_tail(n, "outbox.json"))
			fp_batch_add_list(&s->batch, i, &outbox_reader, 1);
		else if (fp_name_tail(n, "likes.json"))
			fp_batch_add_list(&s->batch, i, &likes_reader, 2);
	}
	fp_batch_sort(&s->batch);
	return FP_OK;
}

static int
mastodon_next(struct fp_conn *conn, struct fp_item *item, struct fp_err *err)
{
	struct mastodon_state *s = conn->state;

	(void)err;
	return fp_batch_next(conn, &s->batch, item);
}

static void
mastodon_close(struct fp_conn *conn)
{
	struct mastodon_state *s = conn->state;

	fp_batch_release(&s->batch);
	free(s->actor);
	free(s->followers);
}

const struct fp_connector fp_connector_mastodon = {
	.name = "mastodon",
	.desc = "Mastodon archive (outbox.json, actor.json, likes.json; zip or tar.gz)",
	.state_size = sizeof(struct mastodon_state),
	.bid = mastodon_bid,
	.open = mastodon_open,
	.next = mastodon_next,
	.close = mastodon_close,
};
