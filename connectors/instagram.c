/*
 * instagram.c: Instagram's "Download your information" in JSON, with
 * Threads inside it: ../shared/research/formats.md §3.
 *
 * Files are found by name whatever the generation (content/, media/,
 * your_instagram_activity/...): personal_information.json (username, name,
 * email, bio, website), posts_N.json and reels.json (captions, media,
 * locations), post_comments_N.json and reels_comments.json, liked_posts.json
 * (the legacy string_list_data dialect and the recent label_values one), and
 * threads/threads_and_replies.json (platform "threads"). Labels are localised:
 * English, French and Spanish are understood, and the labels that are not
 * are counted in a warning. Meta's mojibake is undone in keys and values.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>

#include "footprint.h"
#include "conn-util.h"

#define ACTIVITY "https://www.instagram.com/your_activity/interactions"

struct instagram_state {
	struct fp_batch	batch;
};

/* What a localised label means. */
enum ig_label {
	L_USERNAME, L_NAME, L_EMAIL, L_BIO, L_WEBSITE, L_COMMENT, L_OWNER, L_TIME,
	L_URL, L_CAPTION, L_IGNORED, L_UNKNOWN
};

static const struct {
	const char	*label;
	enum ig_label	 means;
} labels[] = {
	{ "Username", L_USERNAME }, { "Nom d'utilisateur", L_USERNAME },
	{ "Nombre de usuario", L_USERNAME }, { "Name", L_NAME }, { "Nom", L_NAME },
	{ "Nom complet", L_NAME }, { "Nombre", L_NAME }, { "Email", L_EMAIL },
	{ "E-mail", L_EMAIL }, { "Adresse e-mail", L_EMAIL },
	{ "Correo electrónico", L_EMAIL }, { "Bio", L_BIO }, { "Biographie", L_BIO },
	{ "Biografía", L_BIO }, { "Website", L_WEBSITE }, { "Site web", L_WEBSITE },
	{ "Sitio web", L_WEBSITE }, { "Comment", L_COMMENT },
	{ "Commentaire", L_COMMENT }, { "Comentario", L_COMMENT },
	{ "Media Owner", L_OWNER }, { "Propriétaire du contenu", L_OWNER },
	{ "Propietario del contenido", L_OWNER }, { "Owner", L_OWNER },
	{ "Time", L_TIME }, { "Heure", L_TIME }, { "Hora", L_TIME }, { "URL", L_URL },
	{ "Caption", L_CAPTION }, { "Légende", L_CAPTION }, { "Pie de foto", L_CAPTION },
	/* understood, nothing to audit */
	{ "Phone Number", L_IGNORED }, { "Numéro de téléphone", L_IGNORED },
	{ "Número de teléfono", L_IGNORED }, { "Phone Confirmed", L_IGNORED },
	{ "Téléphone confirmé", L_IGNORED }, { "Teléfono confirmado", L_IGNORED },
	{ "Phone Confirmation Method", L_IGNORED }, { "Gender", L_IGNORED },
	{ "Genre", L_IGNORED }, { "Sexo", L_IGNORED }, { "Date of birth", L_IGNORED },
	{ "Date de naissance", L_IGNORED }, { "Fecha de nacimiento", L_IGNORED },
	{ "Private Account", L_IGNORED }, { "Compte privé", L_IGNORED },
	{ "Cuenta privada", L_IGNORED }, { "Profile Photo", L_IGNORED },
	{ "Photo de profil", L_IGNORED }, { "Foto del perfil", L_IGNORED },
	{ "Emoji Pong High Score", L_IGNORED }, { NULL, L_UNKNOWN }
};

static enum ig_label
label_meaning(const char *label)
{
	for (size_t i = 0; labels[i].label != NULL; i++)
		if (strcasecmp(labels[i].label, label) == 0)
			return labels[i].means;
	return L_UNKNOWN;
}

/* A string_map_data entry's value by meaning, or NULL. */
static const char *
map_value(json_t *map, enum ig_label want, int64_t *when)
{
	const char *key;
	json_t *v;

	json_object_foreach(map, key, v)
		if (label_meaning(key) == want) {
			if (when != NULL)
				*when = fp_jtime(v, "timestamp");
			return fp_jstr(v, "value") ? fp_jstr(v, "value") : "";
		}
	return NULL;
}

static void
count_unknown(struct fp_conn *conn, const char *name, json_t *map)
{
	struct fp_buf unknown = FP_BUF_INIT;
	const char *key;
	json_t *v;
	int n = 0;

	json_object_foreach(map, key, v)
		if (label_meaning(key) == L_UNKNOWN) {
			fp_buf_addf(&unknown, "%s'%s'", n++ ? ", " : "", key);
		}
	if (n > 0)
		fp_conn_warn(conn, name, "%d label%s not understood: %s", n, n == 1 ? "" : "s",
		    fp_buf_str(&unknown));
	fp_buf_release(&unknown);
}

static void
read_profile(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	json_t *doc = fp_conn_json(conn, name, data, len, 1), *map;
	const char *user, *full;
	char *url;

	if (doc == NULL)
		return;
	map = json_object_get(json_array_get(json_object_get(doc, "profile_user"), 0),
	    "string_map_data");
	if (!json_is_object(map)) {
		fp_conn_warn(conn, name, "no profile_user entry; skipped");
		json_decref(doc);
		return;
	}
	count_unknown(conn, name, map);
	user = map_value(map, L_USERNAME, NULL);
	full = map_value(map, L_NAME, NULL);
	fp_conn_set_account(conn, user, full);
	url = user ? xasprintf("https://www.instagram.com/%s/", user) : NULL;
	fp_itemq_field(q, conn, "instagram", FP_KIND_USERNAME, user,
	    "https://accountscenter.instagram.com/profiles/", name);
	fp_itemq_field(q, conn, "instagram", FP_KIND_DISPLAY_NAME, full,
	    "https://accountscenter.instagram.com/profiles/", name);
	fp_itemq_field(q, conn, "instagram", FP_KIND_EMAIL, map_value(map, L_EMAIL, NULL),
	    "https://accountscenter.instagram.com/personal_info/contact_points/", name);
	fp_itemq_field(q, conn, "instagram", FP_KIND_BIO, map_value(map, L_BIO, NULL), url, name);
	fp_itemq_field(q, conn, "instagram", FP_KIND_WEBSITE, map_value(map, L_WEBSITE, NULL),
	    url, name);
	free(url);
	json_decref(doc);
}

/* The list of a file: the document itself, or the first list inside it
 * ({"comments_media_comments": [...]}, {"likes_media_likes": [...]}). */
static json_t *
list_of(json_t *doc)
{
	const char *key;
	json_t *v;

	if (json_is_array(doc))
		return doc;
	json_object_foreach(doc, key, v)
		if (json_is_array(v))
			return v;
	return NULL;
}

/* A post of posts_N.json, reels.json or threads_and_replies.json. */
static void
media_post(struct fp_conn *conn, const char *name, const char *platform, json_t *e,
    long index, struct fp_itemq *q)
{
	json_t *media = json_object_get(e, "media"), *m;
	const char *caption = fp_jstr(e, "title");
	struct fp_item *it;
	size_t i;

	if (!json_is_object(e)) {
		fp_conn_warn(conn, name, "element %ld: not an object; skipped", index);
		return;
	}
	it = fp_itemq_push(q, conn, platform, FP_KIND_POST, name, index);
	it->created_at = fp_jtime(e, "creation_timestamp");
	json_array_foreach(media, i, m) {
		const char *uri = fp_jstr(m, "uri");
		json_t *exif;
		size_t k;
		json_t *x;

		/* Threads and single-media posts keep the caption on the media */
		if ((caption == NULL || caption[0] == '\0') && fp_jstr(m, "title") != NULL)
			caption = fp_jstr(m, "title");
		if (it->created_at == FP_TIME_NONE)
			it->created_at = fp_jtime(m, "creation_timestamp");
		if (uri != NULL && uri[0] != '\0' && strcmp(platform, "threads") != 0) {
			it->media_count++;
			if (it->media_types == NULL)
				it->media_types = xstrdup(fp_has_suffix_icase(uri, ".mp4") ? "video" :
				    "photo");
		}
		exif = json_object_get(json_object_get(json_object_get(m, "media_metadata"),
		    "photo_metadata"), "exif_data");
		json_array_foreach(exif, k, x)
			if (json_is_number(json_object_get(x, "latitude"))) {
				it->has_geo = 1;
				it->lat = json_number_value(json_object_get(x, "latitude"));
				it->lon = json_number_value(json_object_get(x, "longitude"));
			}
	}
	it->text = xstrdup(caption != NULL ? caption : "");
	it->url = xstrdup(strcmp(platform, "threads") == 0 ?
	    "https://www.threads.net/settings/account" : ACTIVITY);
}

static const char *
posts_platform(const char *name)
{
	return strstr(name, "threads_and_replies") ? "threads" : "instagram";
}

static void
post_elem(struct fp_conn *conn, const char *name, json_t *e, long index,
    struct fp_itemq *q)
{
	media_post(conn, name, posts_platform(name), e, index, q);
}

static void
read_posts(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	json_t *doc = fp_conn_json(conn, name, data, len, 1), *list, *e;
	size_t i;

	if (doc == NULL)
		return;
	list = list_of(doc);
	if (!json_is_array(list)) {
		fp_conn_warn(conn, name, "no list of posts; skipped");
		json_decref(doc);
		return;
	}
	json_array_foreach(list, i, e)
		post_elem(conn, name, e, (long)i, q);
	json_decref(doc);
}

static void
comment_elem(struct fp_conn *conn, const char *name, json_t *e, long index,
    struct fp_itemq *q)
{
	json_t *map = json_object_get(e, "string_map_data");
	const char *text = map_value(map, L_COMMENT, NULL);
	const char *owner = map_value(map, L_OWNER, NULL);
	int64_t when = FP_TIME_NONE;
	struct fp_item *it;

	map_value(map, L_TIME, &when);
	if (text == NULL) {
		if (index == 0)
			count_unknown(conn, name, map);
		return;
	}
	it = fp_itemq_push(q, conn, "instagram", FP_KIND_COMMENT, name, index);
	it->text = xstrdup(text);
	it->created_at = when;
	if (owner != NULL && owner[0] != '\0')
		it->ref_author = xstrdup(owner);
	it->url = xstrdup("https://www.instagram.com/your_activity/interactions/comments");
}

static void
read_comments(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	json_t *doc = fp_conn_json(conn, name, data, len, 1), *list, *e;
	size_t i;

	if (doc == NULL)
		return;
	list = list_of(doc);
	if (!json_is_array(list)) {
		fp_conn_warn(conn, name, "no list of comments; skipped");
		json_decref(doc);
		return;
	}
	json_array_foreach(list, i, e)
		comment_elem(conn, name, e, (long)i, q);
	json_decref(doc);
}

static void
like_elem(struct fp_conn *conn, const char *name, json_t *e, long index,
    struct fp_itemq *q)
{
	struct fp_item *it = fp_itemq_push(q, conn, "instagram", FP_KIND_LIKE, name, index);
	json_t *sl = json_array_get(json_object_get(e, "string_list_data"), 0);
	json_t *lv, *d;
	size_t j, k;

	if (sl != NULL) {		/* legacy dialect: the owner is the title */
		if (fp_jstr(e, "title") && fp_jstr(e, "title")[0])
			it->ref_author = xstrdup(fp_jstr(e, "title"));
		it->created_at = fp_jtime(sl, "timestamp");
		if (fp_jstr(sl, "href"))
			it->url = xstrdup(fp_jstr(sl, "href"));
	} else {			/* label_values dialect */
		it->created_at = fp_jtime(e, "timestamp");
		json_array_foreach(json_object_get(e, "label_values"), j, lv) {
			enum ig_label m = label_meaning(fp_jstr(lv, "label") ?
			    fp_jstr(lv, "label") : "");

			if (m == L_URL && (fp_jstr(lv, "href") || fp_jstr(lv, "value")))
				fp_item_set(&it->url, fp_jstr(lv, "href") ?
				    fp_jstr(lv, "href") : fp_jstr(lv, "value"));
			else if (m == L_CAPTION && fp_jstr(lv, "value"))
				fp_item_set(&it->text, fp_jstr(lv, "value"));
			else if (m == L_OWNER)
				json_array_foreach(json_object_get(lv, "dict"), k, d) {
					json_t *dd;
					size_t z;

					json_array_foreach(json_object_get(d, "dict"), z, dd)
						if (label_meaning(fp_jstr(dd, "label") ?
						    fp_jstr(dd, "label") : "") == L_USERNAME &&
						    fp_jstr(dd, "value"))
							fp_item_set(&it->ref_author,
							    fp_jstr(dd, "value"));
				}
		}
	}
	if (it->url == NULL)
		it->url = xstrdup("https://www.instagram.com/your_activity/interactions/likes");
}

static void
read_likes(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	json_t *doc = fp_conn_json(conn, name, data, len, 1), *list, *e;
	size_t i;

	if (doc == NULL)
		return;
	list = list_of(doc);
	if (!json_is_array(list)) {
		fp_conn_warn(conn, name, "no list of likes; skipped");
		json_decref(doc);
		return;
	}
	json_array_foreach(list, i, e)
		like_elem(conn, name, e, (long)i, q);
	json_decref(doc);
}

/* Posts, comments and likes grow with the account: each file is read
 * element by element, from a bare list or the list inside its object
 * ({"comments_media_comments": [...]}, {"likes_media_likes": [...]}). */
static const char *const any_key[] = { FP_JSON_ANY_KEY, NULL };

static const struct fp_list_reader posts_reader = {
	.keys = any_key, .meta = 1, .each = post_elem, .whole = read_posts,
	.missing = "no list of posts; skipped",
};
static const struct fp_list_reader comments_reader = {
	.keys = any_key, .meta = 1, .each = comment_elem, .whole = read_comments,
	.missing = "no list of comments; skipped",
};
static const struct fp_list_reader likes_reader = {
	.keys = any_key, .meta = 1, .each = like_elem, .whole = read_likes,
	.missing = "no list of likes; skipped",
};

static int
is_posts(const char *n)
{
	const char *b = fp_basename(n);

	return (strncmp(b, "posts_", 6) == 0 && fp_has_suffix(b, ".json")) ||
	    strcmp(b, "reels.json") == 0 || strcmp(b, "archived_posts.json") == 0 ||
	    fp_name_tail(n, "threads/threads_and_replies.json");
}

static int
is_comments(const char *n)
{
	return fp_name_base(n, "post_comments", ".json") ||
	    fp_name_tail(n, "comments/reels_comments.json");
}

static int
instagram_bid(struct fp_source *src)
{
	int bid = -1;

	for (size_t i = 0; i < fp_source_count(src); i++) {
		const char *n = fp_source_name(src, i);

		if (fp_name_tail(n, "personal_information.json") ||
		    fp_name_tail(n, "threads/threads_and_replies.json"))
			return 90;
		if (fp_name_tail(n, "liked_posts.json") || is_comments(n) ||
		    strstr(n, "your_instagram_activity/") != NULL)
			bid = 80;
	}
	return bid;
}

static int
instagram_open(struct fp_conn *conn, struct fp_err *err)
{
	struct instagram_state *s = conn->state;

	(void)err;
	for (size_t i = 0; i < fp_source_count(conn->src); i++) {
		const char *n = fp_source_name(conn->src, i);

		if (fp_name_tail(n, "personal_information.json"))
			fp_batch_add(&s->batch, i, read_profile, 0);
		else if (is_posts(n))
			fp_batch_add_list(&s->batch, i, &posts_reader, 1);
		else if (is_comments(n))
			fp_batch_add_list(&s->batch, i, &comments_reader, 2);
		else if (fp_name_tail(n, "liked_posts.json"))
			fp_batch_add_list(&s->batch, i, &likes_reader, 3);
	}
	fp_batch_sort(&s->batch);
	return FP_OK;
}

static int
instagram_next(struct fp_conn *conn, struct fp_item *item, struct fp_err *err)
{
	struct instagram_state *s = conn->state;

	(void)err;
	return fp_batch_next(conn, &s->batch, item);
}

static void
instagram_close(struct fp_conn *conn)
{
	struct instagram_state *s = conn->state;

	fp_batch_release(&s->batch);
}

const struct fp_connector fp_connector_instagram = {
	.name = "instagram",
	.desc = "Instagram and Threads, Download your information in JSON (every generation)",
	.state_size = sizeof(struct instagram_state),
	.bid = instagram_bid,
	.open = instagram_open,
	.next = instagram_next,
	.close = instagram_close,
};
