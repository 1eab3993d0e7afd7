/*
 * facebook.c: Facebook's "Download Your Information" in JSON:
 * ../shared/research/formats.md §2.
 *
 * Files are found by the tail of their path, so all three layouts read:
 * posts/your_posts_1.json (≤2020), your_activity_across_facebook/... (2022),
 * your_facebook_activity/... (2024+), with the _v2 keys. Posts (text from
 * the data list, places and photos from the attachments), comments,
 * reactions (the old {"reactions"} and {"reactions_v2"} objects, bare arrays
 * and the label_values dialect) and the profile (names, emails, city,
 * websites). Meta's mojibake is undone in keys and values. An HTML export
 * is refused with a message: footprint needs the JSON one.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "conn-util.h"

#define ACTIVITY_LOG "https://www.facebook.com/me/allactivity"

struct facebook_state {
	struct fp_batch	batch;
};

static int
is_posts(const char *n)
{
	return fp_name_base(n, "your_posts", ".json");
}

static int
is_comments(const char *n)
{
	return fp_name_tail(n, "comments_and_reactions/comments.json") ||
	    fp_name_tail(n, "comments/comments.json");
}

static int
is_reactions(const char *n)
{
	return fp_name_tail(n, "likes_and_reactions/posts_and_comments.json") ||
	    (strstr(n, "comments_and_reactions/") != NULL &&
	    fp_name_base(n, "likes_and_reactions", ".json"));
}

static int
is_profile(const char *n)
{
	return fp_name_tail(n, "profile_information/profile_information.json");
}

/* The list inside {"KEY": [...]} or {"KEY_v2": [...]}, or a bare list. */
static json_t *
the_list(json_t *doc, const char *key)
{
	char v2[64];
	json_t *l;

	if (json_is_array(doc))
		return doc;
	if ((l = json_object_get(doc, key)) != NULL && json_is_array(l))
		return l;
	snprintf(v2, sizeof v2, "%s_v2", key);
	return json_object_get(doc, v2);
}

static void
read_profile(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	json_t *doc = fp_conn_json(conn, name, data, len, 1), *p, *v;
	const char *full, *uri;
	char *user = NULL;
	size_t i;
	long idx = 0;

	if (doc == NULL)
		return;
	p = json_object_get(doc, "profile_v2");
	if (p == NULL)
		p = json_object_get(doc, "profile");
	if (!json_is_object(p)) {
		fp_conn_warn(conn, name, "no profile object; skipped");
		json_decref(doc);
		return;
	}
	full = fp_jstr(json_object_get(p, "name"), "full_name");
	if ((uri = fp_jstr(p, "profile_uri")) != NULL) {
		const char *slash = strrchr(uri, '/');

		if (slash != NULL && slash[1] != '\0' && strstr(slash, "profile.php") == NULL)
			user = xstrdup(slash + 1);
	}
	fp_conn_set_account(conn, user != NULL ? user : full, full);
	fp_itemq_field(q, conn, "facebook", FP_KIND_USERNAME, user,
	    "https://www.facebook.com/settings?tab=account", name);
	fp_itemq_field(q, conn, "facebook", FP_KIND_DISPLAY_NAME, full,
	    "https://www.facebook.com/settings?tab=account", name);
	for (int which = 0; which < 2; which++) {
		json_t *list = json_object_get(json_object_get(p, "emails"),
		    which ? "previous_emails" : "emails");

		json_array_foreach(list, i, v) {
			struct fp_item *it;

			if (!json_is_string(v))
				continue;
			it = fp_itemq_push(q, conn, "facebook", FP_KIND_EMAIL, name, idx++);
			it->text = xstrdup(json_string_value(v));
			it->url = xstrdup("https://accountscenter.facebook.com/personal_info/contact_points");
		}
	}
	{
		const char *city = fp_jstr(json_object_get(p, "current_city"), "name");
		const char *home = fp_jstr(json_object_get(p, "hometown"), "name");
		struct fp_item *it;

		if (city != NULL && city[0] != '\0') {
			it = fp_itemq_push(q, conn, "facebook", FP_KIND_LOCATION, name, idx++);
			it->text = xstrdup(city);
			it->url = xstrdup(ACTIVITY_LOG);
		}
		if (home != NULL && home[0] != '\0') {
			it = fp_itemq_push(q, conn, "facebook", FP_KIND_LOCATION, name, idx++);
			it->text = xstrdup(home);
			it->url = xstrdup(ACTIVITY_LOG);
		}
	}
	json_array_foreach(json_object_get(p, "websites"), i, v) {
		const char *addr = json_is_string(v) ? json_string_value(v) : fp_jstr(v, "address");
		struct fp_item *it;

		if (addr == NULL)
			continue;
		it = fp_itemq_push(q, conn, "facebook", FP_KIND_WEBSITE, name, idx++);
		it->text = xstrdup(addr);
		it->url = xstrdup(ACTIVITY_LOG);
	}
	{
		const char *about = fp_jstr(p, "about_me");

		if (about == NULL)
			about = fp_jstr(json_object_get(p, "intro_bio"), "name");
		fp_itemq_field(q, conn, "facebook", FP_KIND_BIO, about, ACTIVITY_LOG, name);
	}
	free(user);
	json_decref(doc);
}

/* The single-key objects of a post's "data" and "attachments". */
static void
post_item(struct fp_conn *conn, const char *name, json_t *e, long index, struct fp_itemq *q)
{
	struct fp_buf text = FP_BUF_INIT;
	struct fp_item *it;
	json_t *d, *att, *a, *dd;
	size_t i, j;

	if (!json_is_object(e)) {
		fp_conn_warn(conn, name, "element %ld: not an object; skipped", index);
		return;
	}
	it = fp_itemq_push(q, conn, "facebook", FP_KIND_POST, name, index);
	it->created_at = fp_jtime(e, "timestamp");
	it->url = xstrdup(ACTIVITY_LOG);
	json_array_foreach(json_object_get(e, "data"), i, d) {
		const char *post = fp_jstr(d, "post");

		if (post != NULL && post[0] != '\0')
			fp_buf_addf(&text, "%s%s", text.len ? "\n" : "", post);
		if (it->created_at == FP_TIME_NONE)
			it->created_at = fp_jtime(d, "update_timestamp");
	}
	att = json_object_get(e, "attachments");
	json_array_foreach(att, i, a) {
		json_array_foreach(json_object_get(a, "data"), j, dd) {
			json_t *media = json_object_get(dd, "media");
			json_t *place = json_object_get(dd, "place");
			json_t *ext = json_object_get(dd, "external_context");

			if (json_is_object(media)) {
				const char *uri = fp_jstr(media, "uri");
				const char *desc = fp_jstr(media, "description");

				it->media_count++;
				if (it->media_types == NULL && uri != NULL)
					it->media_types = xstrdup(fp_has_suffix_icase(uri, ".mp4") ?
					    "video" : "photo");
				if (desc != NULL && desc[0] != '\0' && strstr(fp_buf_str(&text), desc) == NULL)
					fp_buf_addf(&text, "%s%s", text.len ? "\n" : "", desc);
				if (it->created_at == FP_TIME_NONE)
					it->created_at = fp_jtime(media, "creation_timestamp");
			}
			if (json_is_object(place)) {
				json_t *c = json_object_get(place, "coordinate");

				fp_item_set(&it->place, fp_jstr(place, "name"));
				if (json_is_number(json_object_get(c, "latitude"))) {
					it->has_geo = 1;
					it->lat = json_number_value(json_object_get(c, "latitude"));
					it->lon = json_number_value(json_object_get(c, "longitude"));
				}
			}
			if (json_is_object(ext) && fp_jstr(ext, "url") != NULL)
				fp_buf_addf(&text, "%s%s", text.len ? "\n" : "", fp_jstr(ext, "url"));
			if (fp_jstr(dd, "text") != NULL && fp_jstr(dd, "text")[0] != '\0')
				fp_buf_addf(&text, "%s%s", text.len ? "\n" : "", fp_jstr(dd, "text"));
		}
	}
	/* A check-in or photo with no words: the title says what happened. */
	if (text.len == 0 && fp_jstr(e, "title") != NULL)
		fp_buf_addstr(&text, fp_jstr(e, "title"));
	it->text = fp_buf_detach(&text);
}

static void
read_posts(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	json_t *doc = fp_conn_json(conn, name, data, len, 1), *list, *e;
	size_t i;

	if (doc == NULL)
		return;
	list = json_is_array(doc) ? doc : json_object_get(doc, "status_updates_v2");
	if (!json_is_array(list)) {
		fp_conn_warn(conn, name, "no list of posts; skipped");
		json_decref(doc);
		return;
	}
	json_array_foreach(list, i, e)
		post_item(conn, name, e, (long)i, q);
	json_decref(doc);
}

static void
comment_item(struct fp_conn *conn, const char *name, json_t *e, long index,
    struct fp_itemq *q)
{
	struct fp_item *it;
	const char *text = NULL;
	int64_t t = fp_jtime(e, "timestamp");
	json_t *d;
	size_t j;

	json_array_foreach(json_object_get(e, "data"), j, d) {
		json_t *c = json_object_get(d, "comment");

		if (fp_jstr(c, "comment") != NULL)
			text = fp_jstr(c, "comment");
		if (t == FP_TIME_NONE)
			t = fp_jtime(c, "timestamp");
	}
	if (text == NULL || text[0] == '\0')
		return;		/* a sticker or a GIF */
	it = fp_itemq_push(q, conn, "facebook", FP_KIND_COMMENT, name, index);
	it->created_at = t;
	it->text = xstrdup(text);
	it->url = xstrdup(ACTIVITY_LOG);
}

static void
read_comments(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	json_t *doc = fp_conn_json(conn, name, data, len, 1), *list, *e;
	size_t i;

	if (doc == NULL)
		return;
	if (!json_is_array(list = the_list(doc, "comments"))) {
		fp_conn_warn(conn, name, "no comments list; skipped");
		json_decref(doc);
		return;
	}
	json_array_foreach(list, i, e)
		comment_item(conn, name, e, (long)i, q);
	json_decref(doc);
}

static void
reaction_item(struct fp_conn *conn, const char *name, json_t *e, long index,
    struct fp_itemq *q)
{
	struct fp_item *it = fp_itemq_push(q, conn, "facebook", FP_KIND_LIKE, name, index);
	struct fp_buf text = FP_BUF_INIT;
	const char *url = NULL;
	json_t *lv;
	size_t j;

	it->created_at = fp_jtime(e, "timestamp");
	/* "Lina Haddad likes Dana Reyes's post.": who was endorsed */
	if (fp_jstr(e, "title") != NULL)
		fp_buf_addstr(&text, fp_jstr(e, "title"));
	json_array_foreach(json_object_get(e, "label_values"), j, lv) {
		const char *label = fp_jstr(lv, "label"), *value = fp_jstr(lv, "value");

		if (label == NULL || value == NULL)
			continue;
		if (strcmp(label, "URL") == 0)
			url = value;
		else if (strcmp(label, "Reaction") != 0)
			fp_buf_addf(&text, "%s%s", text.len ? "\n" : "", value);
	}
	if (fp_jstr(e, "fbid") != NULL)
		it->native_id = xstrdup(fp_jstr(e, "fbid"));
	it->url = xstrdup(url != NULL ? url : ACTIVITY_LOG);
	it->text = text.len ? fp_buf_detach(&text) : NULL;
	fp_buf_release(&text);
}

static void
read_reactions(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	json_t *doc = fp_conn_json(conn, name, data, len, 1), *list, *e;
	size_t i;

	if (doc == NULL)
		return;
	if (!json_is_array(list = the_list(doc, "reactions"))) {
		fp_conn_warn(conn, name, "no reactions list; skipped");
		json_decref(doc);
		return;
	}
	json_array_foreach(list, i, e)
		reaction_item(conn, name, e, (long)i, q);
	json_decref(doc);
}

/* Posts, comments and reactions grow with the account: each file is read
 * element by element, from a bare list or the list under its key. */
static const char *const posts_keys[] = { "status_updates_v2", NULL };
static const char *const comments_keys[] = { "comments", "comments_v2", NULL };
static const char *const reactions_keys[] = { "reactions", "reactions_v2", NULL };

static const struct fp_list_reader posts_reader = {
	.keys = posts_keys, .meta = 1, .each = post_item, .whole = read_posts,
	.missing = "no list of posts; skipped",
};
static const struct fp_list_reader comments_reader = {
	.keys = comments_keys, .meta = 1, .each = comment_item, .whole = read_comments,
	.missing = "no comments list; skipped",
};
static const struct fp_list_reader reactions_reader = {
	.keys = reactions_keys, .meta = 1, .each = reaction_item, .whole = read_reactions,
	.missing = "no reactions list; skipped",
};

static int
facebook_bid(struct fp_source *src)
{
	int json = 0, html = 0;

	for (size_t i = 0; i < fp_source_count(src); i++) {
		const char *n = fp_source_name(src, i);

		if (is_posts(n) || is_comments(n) || is_reactions(n) || is_profile(n))
			json = 1;
		if (fp_name_base(n, "your_posts", ".html") ||
		    fp_name_tail(n, "profile_information/profile_information.html"))
			html = 1;
	}
	return json ? 90 : html ? 85 : -1;
}

static int
facebook_open(struct fp_conn *conn, struct fp_err *err)
{
	struct facebook_state *s = conn->state;

	for (size_t i = 0; i < fp_source_count(conn->src); i++) {
		const char *n = fp_source_name(conn->src, i);

		if (is_profile(n))
			fp_batch_add(&s->batch, i, read_profile, 0);
		else if (is_posts(n))
			fp_batch_add_list(&s->batch, i, &posts_reader, 1);
		else if (is_comments(n))
			fp_batch_add_list(&s->batch, i, &comments_reader, 2);
		else if (is_reactions(n))
			fp_batch_add_list(&s->batch, i, &reactions_reader, 3);
	}
	if (s->batch.nfiles == 0) {
		fp_err_set(err, FP_FATAL, "'%s' is Facebook's HTML export: footprint reads"
		    " the JSON one. Download your information again and choose Format:"
		    " JSON", fp_source_path(conn->src));
		return FP_FATAL;
	}
	fp_batch_sort(&s->batch);
	return FP_OK;
}

static int
facebook_next(struct fp_conn *conn, struct fp_item *item, struct fp_err *err)
{
	struct facebook_state *s = conn->state;

	(void)err;
	return fp_batch_next(conn, &s->batch, item);
}

static void
facebook_close(struct fp_conn *conn)
{
	struct facebook_state *s = conn->state;

	fp_batch_release(&s->batch);
}

const struct fp_connector fp_connector_facebook = {
	.name = "facebook",
	.desc = "Facebook Download Your Information, JSON (every layout since 2019)",
	.state_size = sizeof(struct facebook_state),
	.bid = facebook_bid,
	.open = facebook_open,
	.next = facebook_next,
	.close = facebook_close,
};
