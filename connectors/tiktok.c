/*
 * tiktok.c: TikTok's "Download your data" in JSON (user_data_tiktok.json,
 * user_data.json in older exports): ../shared/research/formats.md §8.
 *
 * Both schemas: the old one (Video, Comment, Activity, Profile) and the
 * 2025 one (Post, Comment, Likes and Favorites, Profile And Settings).
 * Videos with their titles and locations, comments, likes, and the profile
 * (username, display name, bio, email). "Empty" is written null, [], {},
 * "", "N/A" or "None". The TXT export is refused with a message.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>

#include "footprint.h"
#include "conn-util.h"

struct tiktok_state {
	struct fp_batch	batch;
};

/* A field under either capitalisation, with TikTok's "empty" made NULL. */
static const char *
field(const json_t *o, const char *key)
{
	char low[64];
	const char *v = fp_jstr(o, key);

	if (v == NULL) {
		snprintf(low, sizeof low, "%s", key);
		low[0] = (char)(low[0] >= 'A' && low[0] <= 'Z' ? low[0] + 32 : low[0]);
		v = fp_jstr(o, low);
	}
	if (v == NULL || v[0] == '\0' || strcasecmp(v, "N/A") == 0 || strcasecmp(v, "None") == 0)
		return NULL;
	return v;
}

/* ".../video/7123456789012345678/" -> "7123456789012345678" */
static char *
video_id(const char *link)
{
	const char *v;
	size_t n;

	if (link == NULL || (v = strstr(link, "/video/")) == NULL)
		return NULL;
	v += 7;
	n = strspn(v, "0123456789");
	return n ? xstrndup(v, n) : NULL;
}

/* Profile.Profile Information.ProfileMap: the account. */
static void
profile_elem(struct fp_conn *conn, const char *name, json_t *p, long index,
    struct fp_itemq *q)
{
	const char *user = field(p, "userName");
	char *url = NULL;

	(void)index;
	if (!json_is_object(p))
		return;
	fp_conn_set_account(conn, user, field(p, "displayName"));
	if (user != NULL)
		url = xasprintf("https://www.tiktok.com/@%s", user);
	fp_itemq_field(q, conn, "tiktok", FP_KIND_USERNAME, user,
	    "https://www.tiktok.com/setting/account", name);
	fp_itemq_field(q, conn, "tiktok", FP_KIND_DISPLAY_NAME, field(p, "displayName"),
	    "https://www.tiktok.com/setting/account", name);
	fp_itemq_field(q, conn, "tiktok", FP_KIND_BIO, field(p, "bioDescription"), url, name);
	fp_itemq_field(q, conn, "tiktok", FP_KIND_EMAIL, field(p, "emailAddress"),
	    "https://www.tiktok.com/setting/account", name);
	free(url);
}

static void
video_elem(struct fp_conn *conn, const char *name, json_t *e, long index,
    struct fp_itemq *q)
{
	struct fp_item *it = fp_itemq_push(q, conn, "tiktok", FP_KIND_POST, name, index);
	const char *link = field(e, "Link"), *loc = field(e, "Location");
	struct fp_buf text = FP_BUF_INIT;

	it->created_at = fp_time_parse(field(e, "Date"));
	it->native_id = video_id(link);
	it->url = link ? xstrdup(link) : conn->account ?
	    xasprintf("https://www.tiktok.com/@%s", conn->account) : NULL;
	it->media_count = 1;
	it->media_types = xstrdup("video");
	if (field(e, "Title"))
		fp_buf_addstr(&text, field(e, "Title"));
	if (field(e, "AddYoursText"))
		fp_buf_addf(&text, "%s%s", text.len ? "\n" : "", field(e, "AddYoursText"));
	it->text = fp_buf_detach(&text);
	if (loc != NULL)
		it->place = xstrdup(loc);
}

static void
comment_elem(struct fp_conn *conn, const char *name, json_t *e, long index,
    struct fp_itemq *q)
{
	const char *c = field(e, "comment");
	struct fp_item *it;

	if (c == NULL)
		return;
	it = fp_itemq_push(q, conn, "tiktok", FP_KIND_COMMENT, name, index);
	it->created_at = fp_time_parse(field(e, "date"));
	it->text = xstrdup(c);
	it->url = field(e, "url") ? xstrdup(field(e, "url")) :
	    field(e, "originalPostUrl") ? xstrdup(field(e, "originalPostUrl")) :
	    xstrdup("https://www.tiktok.com/setting/download-your-data");
	if (field(e, "photo") != NULL) {
		it->media_count = 1;
		it->media_types = xstrdup("photo");
	}
}

static void
like_elem(struct fp_conn *conn, const char *name, json_t *e, long index,
    struct fp_itemq *q)
{
	const char *link = field(e, "link");
	struct fp_item *it = fp_itemq_push(q, conn, "tiktok", FP_KIND_LIKE, name, index);

	it->created_at = fp_time_parse(field(e, "date"));
	it->native_id = video_id(link);
	it->url = link ? xstrdup(link) : NULL;
	/* the liked video's words are not in the export */
}

/* The data file is not an object (the stream said so): say what it is. */
static void
read_not_object(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	json_t *doc = fp_conn_json(conn, name, data, len, 0);

	(void)q;
	if (doc != NULL)
		fp_conn_warn(conn, name, "not a TikTok data object; skipped");
	json_decref(doc);
}

static void
read_nothing(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	(void)conn, (void)name, (void)data, (void)len, (void)q;
}

/*
 * The file is read twice, streamed both times, so that neither its lists
 * nor its other sections (the browsing history) are ever whole in memory:
 * first for the profile, which comes after the lists in the file but
 * names the account their items belong to; then for the lists.
 */
static const char *const profile_keys[] = {
	"=Profile/Profile Information/ProfileMap",
	"=Profile And Settings/Profile Info/ProfileMap",
	NULL
};
static const struct fp_list_reader profile_reader = {
	.keys = profile_keys, .each = profile_elem, .whole = read_not_object, .quiet = 1,
};
static const char *const list_keys[] = {
	"Video/Videos/VideoList", "Post/Posts/VideoList",
	"Comment/Comments/CommentsList",
	"Activity/Like List/ItemFavoriteList",
	"Likes and Favorites/Like List/ItemFavoriteList",
	NULL
};
static const fp_elem_fn list_fns[] = {
	video_elem, video_elem, comment_elem, like_elem, like_elem
};
static const struct fp_list_reader lists_reader = {
	.keys = list_keys, .each_key = list_fns, .whole = read_nothing,
};

static int
is_data(const char *n)
{
	return strcmp(fp_basename(n), "user_data_tiktok.json") == 0 ||
	    strcmp(fp_basename(n), "user_data.json") == 0;
}

/* The TXT export: one file per category. */
static int
is_txt(const char *n)
{
	static const char *const names[] = { "Comments.txt", "Like List.txt", "Video.txt",
	    "Profile Info.txt", "Login History.txt", "Favorite Videos.txt",
	    "Video Browsing History.txt", NULL };

	for (size_t i = 0; names[i] != NULL; i++)
		if (strcmp(fp_basename(n), names[i]) == 0)
			return 1;
	return 0;
}

static int
tiktok_bid(struct fp_source *src)
{
	int bid = -1;

	for (size_t i = 0; i < fp_source_count(src); i++) {
		const char *n = fp_source_name(src, i);

		if (strcmp(fp_basename(n), "user_data_tiktok.json") == 0)
			return 95;
		if (strcmp(fp_basename(n), "user_data.json") == 0)
			bid = 70;
		else if (is_txt(n) && bid < 0)
			bid = 60;
	}
	return bid;
}

static int
tiktok_open(struct fp_conn *conn, struct fp_err *err)
{
	struct tiktok_state *s = conn->state;

	for (size_t i = 0; i < fp_source_count(conn->src); i++) {
		if (is_data(fp_source_name(conn->src, i))) {
			fp_batch_add_list(&s->batch, i, &profile_reader, 0);
			fp_batch_add_list(&s->batch, i, &lists_reader, 1);
		}
	}
	fp_batch_sort(&s->batch);
	if (s->batch.nfiles == 0) {
		fp_err_set(err, FP_FATAL, "'%s' is TikTok's TXT export: footprint reads the"
		    " JSON one. Request your data again and choose the JSON file format",
		    fp_source_path(conn->src));
		return FP_FATAL;
	}
	return FP_OK;
}

static int
tiktok_next(struct fp_conn *conn, struct fp_item *item, struct fp_err *err)
{
	struct tiktok_state *s = conn->state;

	(void)err;
	return fp_batch_next(conn, &s->batch, item);
}

static void
tiktok_close(struct fp_conn *conn)
{
	struct tiktok_state *s = conn->state;

	fp_batch_release(&s->batch);
}

const struct fp_connector fp_connector_tiktok = {
	.name = "tiktok",
	.desc = "TikTok Download your data, JSON (both schemas)",
	.state_size = sizeof(struct tiktok_state),
	.bid = tiktok_bid,
	.open = tiktok_open,
	.next = tiktok_next,
	.close = tiktok_close,
};
