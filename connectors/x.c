/*
 * x.c: the X/Twitter archive connector.
 *
 * Reads every generation of the archive (../shared/research/formats.md §1):
 *  - GDPR era (2018 on): data/NAME.js wrapped in "window.YTD.<name>.partN = ",
 *    parts listed in data/manifest.js or found by name; tweets.js (and the
 *    pre-2022 tweet.js) with or without the {"tweet": ...} wrapper;
 *    note-tweet.js, whose full text replaces a long post's truncated one;
 *    like.js, dated from the snowflake id, kept even without text;
 *    account.js and profile.js; deleted-tweets.js, kept but marked deleted.
 *  - classic (2012-2018): data/js/tweets/YYYY_MM.js ("Grailbird.data..."),
 *    data/js/user_details.js, and tweets.csv in both column orders; a
 *    tweet in both is read once.
 * A file that cannot be read is a warning naming it and the place; the
 * rest of the archive is still read.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "connector.h"
#include "csv.h"
#include "jsfile.h"
#include "workq.h"
#include "text.h"
#include "x.h"

enum x_type {
	X_ACCOUNT,
	X_PROFILE,
	X_USER_DETAILS,		/* classic */
	X_TWEETS,
	X_DELETED,
	X_LIKE,
	X_CLASSIC_MONTH,
	X_CLASSIC_CSV,
	X_NOTE,			/* read in open(), not in next() */
	X_TYPE__COUNT
};

/* Names by type: manifest dataTypes key, element wrapper, file stems. */
static const struct {
	const char	*manifest_key;
	const char	*wrapper;
	const char	*stems[3];
} x_types[X_TYPE__COUNT] = {
	[X_ACCOUNT]	= { "account", "account", { "account", NULL } },
	[X_PROFILE]	= { "profile", "profile", { "profile", NULL } },
	[X_USER_DETAILS]= { NULL, NULL, { "user_details", NULL } },
	[X_TWEETS]	= { "tweets", "tweet", { "tweets", "tweet", NULL } },
	[X_DELETED]	= { "deletedTweets", "tweet", { "deleted-tweets", NULL } },
	[X_LIKE]	= { "like", "like", { "like", NULL } },
	[X_CLASSIC_MONTH] = { NULL, NULL, { NULL } },
	[X_CLASSIC_CSV]	= { NULL, NULL, { NULL } },
	[X_NOTE]	= { "noteTweet", "noteTweet", { "note-tweet", NULL } },
};

struct x_file {
	size_t		member;
	enum x_type	type;
	int		part;
};

struct x_note {
	int64_t	 created;
	char	*text;
};

struct x_state {
	struct x_file	*files;
	size_t		 nfiles, cur;
	/* the file being read */
	const char	*name;
	enum x_type	 type;
	json_t		*doc;
	size_t		 idx;
	struct fp_json_stream js;	/* a top-level array, element by element */
	struct fp_member *member;	/* what js or csv reads, as it is decompressed */
	int		 streaming;
	struct fp_csv	 csv;
	int		 csv_active;
	int		 csv_cols[10];
	/* items made from one element, handed out one per next() */
	struct fp_item	*pending;
	size_t		 npending, ppos;
	struct x_note	*notes;
	size_t		 nnotes;
	struct fp_strset seen;		/* ids of classic tweets already read */
};

/* --- small helpers ---------------------------------------------------- */

static char *
decode_text(const char *s)
{
	struct fp_buf b = FP_BUF_INIT;

	if (s == NULL)
		return NULL;
	fp_html_unescape(&b, s);
	return fp_buf_detach(&b);
}

static char *
permalink(const char *account, const char *id)
{
	if (id == NULL)
		return NULL;
	if (account != NULL && account[0] != '\0')
		return xasprintf("https://x.com/%s/status/%s", account, id);
	return xasprintf("https://x.com/i/web/status/%s", id);
}

int
fp_x_status_url(const char *url, char **user, char **id)
{
	static const char *const hosts[] = { "twitter.com/", "x.com/",
	    "mobile.twitter.com/", NULL };
	const char *p = NULL, *slash;

	*user = *id = NULL;
	if (url == NULL)
		return -1;
	for (size_t i = 0; hosts[i] != NULL && p == NULL; i++) {
		const char *h = strstr(url, hosts[i]);

		if (h != NULL && (h == url || h[-1] == '/' || h[-1] == '.'))
			p = h + strlen(hosts[i]);
	}
	if (p == NULL || (slash = strchr(p, '/')) == NULL || slash == p)
		return -1;
	if (strncmp(slash, "/status/", 8) != 0 && strncmp(slash, "/statuses/", 10) != 0)
		return -1;
	{
		const char *q = strchr(slash + 1, '/') + 1;
		size_t n = strspn(q, "0123456789");

		if (n == 0)
			return -1;
		*id = xstrndup(q, n);
	}
	if (!((slash - p == 1 && p[0] == 'i') ||
	    (slash - p == 3 && strncmp(p, "i/web", 3) == 0)))
		*user = xstrndup(p, (size_t)(slash - p));
	if (*user != NULL && strcmp(*user, "i") == 0) {
		free(*user);
		*user = NULL;
	}
	return 0;
}

/* A JSON value that may be a number or a numeric string, as a double. */
static int
json_number(const json_t *v, double *out)
{
	char *end;

	if (json_is_number(v)) {
		*out = json_number_value(v);
		return 0;
	}
	if (json_is_string(v)) {
		*out = strtod(json_string_value(v), &end);
		return end != json_string_value(v) ? 0 : -1;
	}
	return -1;
}

static void
tweet_geo(const json_t *t, struct fp_item *item)
{
	json_t *c, *place;
	double a, b;

	/* GeoJSON [lon, lat] in "coordinates", [lat, lon] in "geo". */
	c = json_object_get(json_object_get(t, "coordinates"), "coordinates");
	if (json_array_size(c) == 2 && json_number(json_array_get(c, 0), &a) == 0 &&
	    json_number(json_array_get(c, 1), &b) == 0) {
		item->has_geo = 1;
		item->lon = a;
		item->lat = b;
	} else {
		c = json_object_get(json_object_get(t, "geo"), "coordinates");
		if (json_array_size(c) == 2 && json_number(json_array_get(c, 0), &a) == 0 &&
		    json_number(json_array_get(c, 1), &b) == 0) {
			item->has_geo = 1;
			item->lat = a;
			item->lon = b;
		}
	}
	place = json_object_get(t, "place");
	if (json_is_object(place)) {
		const char *name = fp_json_str(place, "full_name");

		if (name == NULL)
			name = fp_json_str(place, "name");
		if (name != NULL && name[0] != '\0')
			fp_item_set(&item->place, name);
	}
}

static void
tweet_media(const json_t *t, struct fp_item *item)
{
	json_t *media = json_object_get(json_object_get(t, "extended_entities"), "media");
	struct fp_buf types = FP_BUF_INIT;
	size_t i;
	json_t *m;

	if (!json_is_array(media))
		media = json_object_get(json_object_get(t, "entities"), "media");
	if (!json_is_array(media) || json_array_size(media) == 0)
		return;
	item->media_count = (int)json_array_size(media);
	json_array_foreach(media, i, m) {
		const char *type = fp_json_str(m, "type");

		if (type == NULL)
			type = "photo";
		if (strstr(fp_buf_str(&types), type) == NULL) {
			if (types.len > 0)
				fp_buf_addc(&types, ',');
			fp_buf_addstr(&types, type);
		}
	}
	item->media_types = fp_buf_detach(&types);
}

/* The first status URL among the tweet's links, as the quoted tweet. */
static int
tweet_quote(const json_t *t, const char *account, char **user, char **id)
{
	json_t *urls = json_object_get(json_object_get(t, "entities"), "urls");
	size_t i;
	json_t *u;

	json_array_foreach(urls, i, u) {
		if (fp_x_status_url(fp_json_str(u, "expanded_url"), user, id) == 0) {
			/* A link to one's own thread is not a quote of someone else. */
			if (*user != NULL && account != NULL && fp_streq_icase(*user, account)) {
				free(*user);
				free(*id);
				*user = *id = NULL;
				continue;
			}
			return 0;
		}
	}
	return -1;
}

/* Is key there with a value other than null? */
static int
present(const json_t *obj, const char *key)
{
	const json_t *v = json_object_get(obj, key);

	return v != NULL && !json_is_null(v);
}

int
fp_x_tweet_to_item(const json_t *elem, const char *account, struct fp_item *item,
    const char **why)
{
	const json_t *t = elem;
	const json_t *rs;
	const char *text, *rt_user_end;
	char *id;

	if (json_is_object(json_object_get(elem, "tweet")))
		t = json_object_get(elem, "tweet");
	if (!json_is_object(t)) {
		*why = "not an object";
		return -1;
	}
	id = fp_json_strdup(t, "id_str");
	if (id == NULL)
		id = fp_json_strdup(t, "id");
	if (id == NULL) {
		*why = "a tweet without an id";
		return -1;
	}
	item->platform = "x";
	fp_item_set(&item->account, account != NULL ? account : "");
	item->native_id = id;
	item->kind = FP_KIND_POST;
	item->created_at = fp_time_parse(fp_json_str(t, "created_at"));
	if (item->created_at == FP_TIME_NONE)
		item->created_at = fp_time_snowflake(id);
	text = fp_json_str(t, "full_text");
	if (text == NULL)
		text = fp_json_str(t, "text");
	item->text = decode_text(text != NULL ? text : "");
	fp_item_set(&item->lang, fp_json_str(t, "lang"));
	item->url = permalink(account, id);
	tweet_media(t, item);
	tweet_geo(t, item);

	/* Classic archives carry the retweeted tweet itself. */
	rs = json_object_get(t, "retweeted_status");
	if (json_is_object(rs)) {
		const char *rtext = fp_json_str(rs, "full_text");
		const char *ruser = fp_json_str(json_object_get(rs, "user"), "screen_name");

		item->kind = FP_KIND_REPOST;
		fp_item_set(&item->ref_author, ruser);
		item->ref_id = fp_json_strdup(rs, "id_str");
		if (rtext == NULL)
			rtext = fp_json_str(rs, "text");
		if (rtext != NULL && ruser != NULL) {
			char *full = decode_text(rtext);

			free(item->text);
			item->text = xasprintf("RT @%s: %s", ruser, full);
			free(full);
		}
		return 0;
	}
	/* GDPR archives: a retweet is only "RT @user: " at the start. */
	if (strncmp(item->text, "RT @", 4) == 0 &&
	    (rt_user_end = strchr(item->text + 4, ':')) != NULL) {
		size_t n = (size_t)(rt_user_end - item->text - 4);

		if (n > 0 && n <= 50) {
			item->kind = FP_KIND_REPOST;
			free(item->ref_author);
			item->ref_author = xstrndup(item->text + 4, n);
			return 0;
		}
	}
	/* Replies: the in_reply_to_* fields are present only on replies (and
	 * a hand-edited file may carry them as null). */
	if (present(t, "in_reply_to_status_id_str") || present(t, "in_reply_to_status_id") ||
	    present(t, "in_reply_to_user_id_str") || present(t, "in_reply_to_screen_name")) {
		item->kind = FP_KIND_REPLY;
		fp_item_set(&item->ref_author, fp_json_str(t, "in_reply_to_screen_name"));
		item->ref_id = fp_json_strdup(t, "in_reply_to_status_id_str");
		if (item->ref_id == NULL)
			item->ref_id = fp_json_strdup(t, "in_reply_to_status_id");
		return 0;
	}
	{
		char *quser, *qid;

		if (tweet_quote(t, account, &quser, &qid) == 0) {
			item->kind = FP_KIND_QUOTE;
			item->ref_author = quser;
			item->ref_id = qid;
		}
	}
	return 0;
}

/* --- the file list ---------------------------------------------------- */

/* Part number if base is "<stem>.js" or "<stem>-partN.js", else -1. */
static int
stem_part(const char *base, const char *stem)
{
	size_t n = strlen(stem);

	if (strncmp(base, stem, n) != 0)
		return -1;
	if (strcmp(base + n, ".js") == 0)
		return 0;
	if (strncmp(base + n, "-part", 5) == 0 && isdigit((unsigned char)base[n + 5])) {
		char *end;
		long p = strtol(base + n + 5, &end, 10);

		if (strcmp(end, ".js") == 0)
			return (int)p;
	}
	return -1;
}

static int
is_classic_month(const char *base)
{
	return strlen(base) == 10 && isdigit((unsigned char)base[0]) &&
	    isdigit((unsigned char)base[3]) && base[4] == '_' &&
	    isdigit((unsigned char)base[5]) && isdigit((unsigned char)base[6]) &&
	    strcmp(base + 7, ".js") == 0;
}

/* Media folders hold no data files. */
static int
in_media_dir(const char *name)
{
	return strstr(name, "tweets_media/") != NULL || strstr(name, "tweet_media/") != NULL ||
	    strstr(name, "_media/") != NULL;
}

static void
add_file(struct x_state *s, size_t member, enum x_type type, int part)
{
	for (size_t i = 0; i < s->nfiles; i++)
		if (s->files[i].member == member)
			return;
	s->files = xreallocarray(s->files, s->nfiles + 1, sizeof *s->files);
	s->files[s->nfiles].member = member;
	s->files[s->nfiles].type = type;
	s->files[s->nfiles].part = part;
	s->nfiles++;
}

/* Type and part of a member found by name; -1 if not ours. */
static int
classify(const char *name, int *part)
{
	const char *base = fp_basename(name);

	*part = 0;
	if (in_media_dir(name))
		return -1;
	if (is_classic_month(base))
		return X_CLASSIC_MONTH;
	if (strcmp(base, "tweets.csv") == 0)
		return X_CLASSIC_CSV;
	for (int t = 0; t < X_TYPE__COUNT; t++)
		for (size_t k = 0; k < 3 && x_types[t].stems[k] != NULL; k++) {
			int p = stem_part(base, x_types[t].stems[k]);

			if (p >= 0) {
				*part = p;
				return t;
			}
		}
	return -1;
}

static long
find_member(struct fp_source *src, const char *name)
{
	long m = fp_source_find(src, name);
	const char *base = fp_basename(name);

	if (m >= 0)
		return m;
	/* Manifests name "data/x.js"; a loose folder may hold just "x.js". */
	for (size_t i = 0; i < fp_source_count(src); i++)
		if (strcmp(fp_basename(fp_source_name(src, i)), base) == 0)
			return (long)i;
	return -1;
}

/* Load a member's JSON, warning (and returning NULL) when it fails. */
static json_t *
load_json(struct fp_conn *conn, size_t member, char **data_out,
    struct fp_envelope_info *info)
{
	const char *name = fp_source_name(conn->src, member);
	struct fp_err err;
	char *data = NULL, *warn = NULL;
	size_t len;
	json_t *doc;

	fp_err_clear(&err);
	if (fp_source_read(conn->src, member, FP_SOURCE_MAX_MEMBER, &data, &len,
	    &err) != FP_OK) {
		fp_conn_warn(conn, name, "%s", err.msg);
		return NULL;
	}
	doc = fp_json_load_js(data, len, info, &warn, &err);
	if (warn != NULL) {
		fp_conn_warn(conn, name, "%s", warn);
		free(warn);
	}
	if (doc == NULL)
		fp_conn_warn(conn, name, "%s; file skipped", err.msg);
	if (data_out != NULL)
		*data_out = data;
	else
		free(data);
	return doc;
}

/* Read data/manifest.js: the account, and the parts of each data type. */
static void
read_manifest(struct fp_conn *conn, struct x_state *s, int listed[X_TYPE__COUNT])
{
	long m = fp_source_find(conn->src, "data/manifest.js");
	struct fp_envelope_info info;
	json_t *doc, *types, *user;

	if (m < 0)
		m = fp_source_find(conn->src, "manifest.js");
	if (m < 0)
		return;
	if ((doc = load_json(conn, (size_t)m, NULL, &info)) == NULL)
		return;
	user = json_object_get(doc, "userInfo");
	fp_conn_set_account(conn, fp_json_str(user, "userName"),
	    fp_json_str(user, "displayName"));
	types = json_object_get(doc, "dataTypes");
	for (int t = 0; t < X_TYPE__COUNT; t++) {
		json_t *files, *f;
		size_t i;

		if (x_types[t].manifest_key == NULL)
			continue;
		files = json_object_get(json_object_get(types, x_types[t].manifest_key), "files");
		if (!json_is_array(files) && t == X_TWEETS)
			files = json_object_get(json_object_get(types, "tweet"), "files");
		if (!json_is_array(files))
			continue;
		listed[t] = 1;
		json_array_foreach(files, i, f) {
			const char *fn = fp_json_str(f, "fileName");
			long mm;

			if (fn == NULL)
				continue;
			if ((mm = find_member(conn->src, fn)) < 0) {
				fp_conn_warn(conn, "data/manifest.js", "lists '%s', which is"
				    " not in the archive", fn);
				continue;
			}
			add_file(s, (size_t)mm, (enum x_type)t, (int)i);
		}
	}
	json_decref(doc);
}

static int
cmp_files(const void *a, const void *b)
{
	const struct x_file *x = a, *y = b;

	if (x->type != y->type)
		return (int)x->type - (int)y->type;
	if (x->part != y->part)
		return x->part - y->part;
	return x->member < y->member ? -1 : x->member > y->member;
}

/* Read note-tweet.js into s->notes: the full texts of long posts. */
static void
read_notes(struct fp_conn *conn, struct x_state *s)
{
	for (size_t f = 0; f < s->nfiles; f++) {
		struct fp_envelope_info info;
		json_t *doc, *e;
		size_t i;

		if (s->files[f].type != X_NOTE)
			continue;
		if ((doc = load_json(conn, s->files[f].member, NULL, &info)) == NULL)
			continue;
		json_array_foreach(doc, i, e) {
			json_t *n = json_object_get(e, "noteTweet");
			const char *text = fp_json_str(json_object_get(n, "core"), "text");

			if (!json_is_object(n) || text == NULL)
				continue;
			s->notes = xreallocarray(s->notes, s->nnotes + 1, sizeof *s->notes);
			s->notes[s->nnotes].created = fp_time_parse(fp_json_str(n, "createdAt"));
			s->notes[s->nnotes].text = decode_text(text);
			s->nnotes++;
		}
		json_decref(doc);
	}
}

/* A long post's text in tweets.js ends with "…": take the note's full text. */
static void
apply_note(struct x_state *s, struct fp_item *item)
{
	const char *ell = strstr(item->text, "\xe2\x80\xa6");
	size_t prefix;

	if (ell == NULL || s->nnotes == 0)
		return;
	prefix = (size_t)(ell - item->text);
	if (prefix > 60)
		prefix = 60;
	for (size_t i = 0; i < s->nnotes; i++) {
		int64_t dt = s->notes[i].created - item->created_at;

		if (s->notes[i].created == FP_TIME_NONE || dt < -120 || dt > 120)
			continue;
		if (strncmp(s->notes[i].text, item->text, prefix) != 0)
			continue;
		fp_item_set(&item->text, s->notes[i].text);
		return;
	}
}

static const char *
account_of(struct fp_conn *conn)
{
	return conn->account != NULL ? conn->account : "";
}

/* Make a new pending item; the caller fills it. */
static struct fp_item *
push(struct fp_conn *conn, struct x_state *s, enum fp_kind kind)
{
	struct fp_item *it;

	s->pending = xreallocarray(s->pending, s->npending + 1, sizeof *s->pending);
	it = &s->pending[s->npending++];
	fp_item_init(it);
	it->platform = "x";
	it->kind = kind;
	it->account = xstrdup(account_of(conn));
	it->source_file = xstrdup(s->name);
	it->source_index = (long)s->idx;
	return it;
}

static void
push_field(struct fp_conn *conn, struct x_state *s, enum fp_kind kind,
    const char *value, const char *url)
{
	struct fp_item *it;

	if (value == NULL || value[0] == '\0')
		return;
	it = push(conn, s, kind);
	it->text = xstrdup(value);
	it->url = xstrdup(url);
}

/* --- elements --------------------------------------------------------- */

static void
element(struct fp_conn *conn, struct x_state *s, json_t *e)
{
	const char *wrapper = x_types[s->type].wrapper;
	json_t *o = e;
	const char *why = NULL;

	if (wrapper != NULL && json_is_object(json_object_get(e, wrapper)))
		o = json_object_get(e, wrapper);
	if (!json_is_object(o)) {
		fp_conn_warn(conn, s->name, "element %zu: not an object; skipped", s->idx);
		return;
	}
	switch (s->type) {
	case X_ACCOUNT:
		push_field(conn, s, FP_KIND_USERNAME, fp_json_str(o, "username"),
		    "https://x.com/settings/screen_name");
		push_field(conn, s, FP_KIND_DISPLAY_NAME, fp_json_str(o, "accountDisplayName"),
		    "https://x.com/settings/profile");
		push_field(conn, s, FP_KIND_EMAIL, fp_json_str(o, "email"),
		    "https://x.com/settings/email");
		break;
	case X_PROFILE: {
		json_t *d = json_object_get(o, "description");

		push_field(conn, s, FP_KIND_BIO, fp_json_str(d, "bio"),
		    "https://x.com/settings/profile");
		push_field(conn, s, FP_KIND_LOCATION, fp_json_str(d, "location"),
		    "https://x.com/settings/profile");
		push_field(conn, s, FP_KIND_WEBSITE, fp_json_str(d, "website"),
		    "https://x.com/settings/profile");
		break;
	}
	case X_USER_DETAILS:
		push_field(conn, s, FP_KIND_USERNAME, fp_json_str(o, "screen_name"),
		    "https://x.com/settings/screen_name");
		push_field(conn, s, FP_KIND_DISPLAY_NAME, fp_json_str(o, "full_name"),
		    "https://x.com/settings/profile");
		push_field(conn, s, FP_KIND_BIO, fp_json_str(o, "bio"),
		    "https://x.com/settings/profile");
		push_field(conn, s, FP_KIND_LOCATION, fp_json_str(o, "location"),
		    "https://x.com/settings/profile");
		break;
	case X_TWEETS:
	case X_DELETED:
	case X_CLASSIC_MONTH: {
		struct fp_item *it = push(conn, s, FP_KIND_POST);
		char *file = it->source_file;
		long index = it->source_index;

		it->source_file = NULL;
		fp_item_release(it);
		if (fp_x_tweet_to_item(o, account_of(conn), it, &why) != 0) {
			fp_conn_warn(conn, s->name, "element %zu: %s; skipped", s->idx, why);
			free(file);
			fp_item_release(it);
			s->npending--;
			return;
		}
		it->source_file = file;
		it->source_index = index;
		if (s->type == X_DELETED)
			it->deleted = 1;
		if (s->type == X_TWEETS)
			apply_note(s, it);
		if (s->type == X_CLASSIC_MONTH)
			fp_strset_add(&s->seen, it->native_id);
		break;
	}
	case X_LIKE: {
		const char *id = fp_json_str(o, "tweetId");
		const char *url = fp_json_str(o, "expandedUrl");
		struct fp_item *it;
		char *user = NULL, *sid = NULL;

		if (id == NULL) {
			fp_conn_warn(conn, s->name, "element %zu: a like without a"
			    " tweetId; skipped", s->idx);
			return;
		}
		it = push(conn, s, FP_KIND_LIKE);
		it->native_id = xstrdup(id);
		it->ref_id = xstrdup(id);
		it->created_at = fp_time_snowflake(id);
		/* Old likes have no text: kept, content unknown (text NULL). */
		it->text = decode_text(fp_json_str(o, "fullText"));
		if (url != NULL && fp_x_status_url(url, &user, &sid) == 0)
			it->ref_author = user;
		else
			free(user);
		free(sid);
		it->url = url != NULL ? xstrdup(url) :
		    xasprintf("https://x.com/i/web/status/%s", id);
		break;
	}
	default:
		break;
	}
}

/* One row of tweets.csv, skipped when a monthly .js file had the tweet. */
static void
csv_row(struct fp_conn *conn, struct x_state *s)
{
	enum { C_ID, C_REPLY, C_TS, C_TEXT, C_RT, C_URLS };
	const char *id = fp_csv_field(&s->csv, s->csv_cols[C_ID]);
	const char *reply = fp_csv_field(&s->csv, s->csv_cols[C_REPLY]);
	const char *rt = fp_csv_field(&s->csv, s->csv_cols[C_RT]);
	const char *urls = fp_csv_field(&s->csv, s->csv_cols[C_URLS]);
	struct fp_item *it;
	char *user = NULL, *sid = NULL;

	if (id == NULL || id[0] == '\0') {
		fp_conn_warn(conn, s->name, "line %ld: a row without tweet_id; skipped",
		    s->csv.line);
		return;
	}
	if (fp_strset_has(&s->seen, id))
		return;
	it = push(conn, s, FP_KIND_POST);
	it->source_index = s->csv.line;
	it->native_id = xstrdup(id);
	it->created_at = fp_time_parse(fp_csv_field(&s->csv, s->csv_cols[C_TS]));
	if (it->created_at == FP_TIME_NONE)
		it->created_at = fp_time_snowflake(id);
	it->text = decode_text(fp_csv_field(&s->csv, s->csv_cols[C_TEXT]));
	if (it->text == NULL)
		it->text = xstrdup("");
	it->url = permalink(account_of(conn), id);
	if ((rt != NULL && rt[0] != '\0') || strncmp(it->text, "RT @", 4) == 0) {
		const char *colon = strchr(it->text, ':');

		it->kind = FP_KIND_REPOST;
		if (strncmp(it->text, "RT @", 4) == 0 && colon != NULL && colon - it->text < 55)
			it->ref_author = xstrndup(it->text + 4, (size_t)(colon - it->text - 4));
		if (rt != NULL && rt[0] != '\0')
			it->ref_id = xstrdup(rt);
	} else if (reply != NULL && reply[0] != '\0') {
		it->kind = FP_KIND_REPLY;
		it->ref_id = xstrdup(reply);
		if (it->text[0] == '@') {
			size_t n = strspn(it->text + 1, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
			if (n > 0)
				it->ref_author = xstrndup(it->text + 1, n);
		}
	} else if (urls != NULL) {
		/* expanded_urls is comma-separated */
		char *copy = xstrdup(urls), *save = NULL;

		for (char *u = strtok_r(copy, ",", &save); u != NULL;
		    u = strtok_r(NULL, ",", &save)) {
			if (fp_x_status_url(u, &user, &sid) == 0 &&
			    !(user != NULL && fp_streq_icase(user, account_of(conn)))) {
				it->kind = FP_KIND_QUOTE;
				it->ref_author = user;
				it->ref_id = sid;
				break;
			}
			free(user);
			free(sid);
			user = sid = NULL;
		}
		free(copy);
	}
}

/* --- the connector ---------------------------------------------------- */

static int
x_bid(struct fp_source *src)
{
	int bid = -1;

	for (size_t i = 0; i < fp_source_count(src); i++) {
		const char *name = fp_source_name(src, i);
		const char *base = fp_basename(name);
		int part;

		if (strcmp(name, "data/manifest.js") == 0)
			return 100;
		if (strcmp(base, "tweet_index.js") == 0 ||
		    strcmp(base, "user_details.js") == 0 ||
		    strcmp(base, "payload_details.js") == 0)
			bid = bid < 80 ? 80 : bid;
		switch (classify(name, &part)) {
		case X_TWEETS: case X_ACCOUNT: case X_LIKE: case X_PROFILE:
		case X_DELETED: case X_NOTE:
			bid = bid < 90 ? 90 : bid;
			break;
		case X_CLASSIC_MONTH:
			bid = bid < 80 ? 80 : bid;
			break;
		case X_CLASSIC_CSV:
			bid = bid < 60 ? 60 : bid;
			break;
		default:
			break;
		}
	}
	/* A lone file: trust its first bytes more than its name. */
	if (fp_source_type(src) == FP_SOURCE_FILE) {
		char *data = NULL;
		size_t len;
		struct fp_err err;

		if (fp_source_read(src, 0, FP_SOURCE_MAX_MEMBER, &data, &len, &err) == FP_OK) {
			const char *p = data;

			while (isspace((unsigned char)*p))
				p++;
			if (strncmp(p, "window.YTD.", 11) == 0 ||
			    strncmp(p, "Grailbird.data.", 15) == 0)
				bid = 95;
			else if (bid == 60 && strstr(data, "tweet_id") == NULL)
				bid = -1;
		}
		free(data);
	}
	return bid;
}

static int
x_open(struct fp_conn *conn, struct fp_err *err)
{
	struct x_state *s = conn->state;
	int listed[X_TYPE__COUNT] = { 0 };

	(void)err;
	read_manifest(conn, s, listed);
	for (size_t i = 0; i < fp_source_count(conn->src); i++) {
		int part, t = classify(fp_source_name(conn->src, i), &part);

		if (t >= 0 && !listed[t])
			add_file(s, i, (enum x_type)t, part);
	}
	if (s->nfiles > 1)	/* qsort(NULL, 0) is undefined */
		qsort(s->files, s->nfiles, sizeof *s->files, cmp_files);
	/* Know the account before the first tweet: account.js, user_details. */
	for (size_t f = 0; f < s->nfiles && conn->account == NULL; f++) {
		struct fp_envelope_info info;
		json_t *doc, *o;
		const char *key;

		if (s->files[f].type != X_ACCOUNT && s->files[f].type != X_USER_DETAILS)
			continue;
		/* Warnings for this file come when next() reads it. */
		{
			size_t nw = conn->warnings.n;

			doc = load_json(conn, s->files[f].member, NULL, &info);
			while (conn->warnings.n > nw)
				free(conn->warnings.v[--conn->warnings.n]);
		}
		if (doc == NULL)
			continue;
		if (s->files[f].type == X_ACCOUNT) {
			o = json_object_get(json_array_get(doc, 0), "account");
			if (o == NULL)
				o = json_array_get(doc, 0);
			key = "username";
			fp_conn_set_account(conn, fp_json_str(o, key),
			    fp_json_str(o, "accountDisplayName"));
		} else {
			fp_conn_set_account(conn, fp_json_str(doc, "screen_name"),
			    fp_json_str(doc, "full_name"));
		}
		json_decref(doc);
	}
	read_notes(conn, s);
	s->cur = 0;
	return FP_OK;
}

static long
member_read(void *ud, char *buf, size_t n, struct fp_err *err)
{
	return fp_member_read(ud, buf, n, err);
}

static void
stream_close(struct x_state *s)
{
	fp_json_stream_release(&s->js);
	fp_member_close(s->member);
	s->member = NULL;
	s->streaming = 0;
}

/*
 * Open a data file as a stream of its list's elements: the member is read
 * as it is decompressed, so a file of gigabytes never sits in memory.
 * 1 when streaming; 0 when the value is not a list (read it whole); -1
 * when the file is unreadable (warned).
 */
/*
 * What no reader here looks at, at any depth of an element: cut out before
 * parsing (jsfile.h), since a tweet is mostly these (edit history, entity
 * offsets, counters, media sizes). None is a name read anywhere in this
 * file.
 */
static const char *const x_unread[] = {
	"edit_info", "display_text_range", "source", "favorite_count", "retweet_count",
	"favorited", "retweeted", "truncated", "possibly_sensitive", "hashtags", "symbols",
	"user_mentions", "indices", "sizes", "video_info", "original_info",
	"additional_media_info", NULL
};

static int
stream_open(struct fp_conn *conn, struct x_state *s, size_t member,
    struct fp_envelope_info *info)
{
	struct fp_err err;

	fp_err_clear(&err);
	if (fp_member_open(conn->src, member, &s->member, &err) != FP_OK) {
		fp_conn_warn(conn, s->name, "%s", err.msg);
		return -1;
	}
	if (fp_json_stream_open_reader(&s->js, member_read, s->member, NULL, info,
	    &err) == FP_OK) {
		s->js.drop = x_unread;
		if (fp_jobs() > 1)
			fp_json_stream_ahead(&s->js, 1);
		s->streaming = 1;
		return 1;
	}
	if (!s->js.not_array)
		fp_conn_warn(conn, s->name, "%s; file skipped", err.msg);
	stream_close(s);
	return s->js.not_array ? 0 : -1;
}

/* Finish the current file and load the next; 0 when there is none. */
static int
next_file(struct fp_conn *conn, struct x_state *s)
{
	json_decref(s->doc);
	s->doc = NULL;
	stream_close(s);
	if (s->csv_active) {
		fp_csv_release(&s->csv);
		s->csv_active = 0;
	}
	while (s->cur < s->nfiles) {
		struct x_file *f = &s->files[s->cur++];
		struct fp_envelope_info info;

		if (f->type == X_NOTE)
			continue;
		s->name = fp_source_name(conn->src, f->member);
		s->type = f->type;
		s->idx = 0;
		if (f->type == X_CLASSIC_CSV) {
			static const char *const cols[] = { "tweet_id",
			    "in_reply_to_status_id", "timestamp", "text",
			    "retweeted_status_id", "expanded_urls" };
			struct fp_err err;

			/* read as it is decompressed, one row at a time */
			if (fp_member_open(conn->src, f->member, &s->member, &err) != FP_OK) {
				fp_conn_warn(conn, s->name, "%s", err.msg);
				continue;
			}
			fp_csv_init_reader(&s->csv, member_read, s->member);
			fp_csv_set_flags(&s->csv, FP_CSV_REPAIR);
			s->csv_active = 1;
			if (fp_csv_read_header(&s->csv) != FP_OK ||
			    fp_csv_col(&s->csv, "tweet_id") < 0) {
				fp_conn_warn(conn, s->name, "line 1: no tweet_id column;"
				    " not a tweets.csv file; skipped");
				fp_csv_release(&s->csv);
				s->csv_active = 0;
				stream_close(s);
				continue;
			}
			for (size_t c = 0; c < 6; c++)
				s->csv_cols[c] = fp_csv_col(&s->csv, cols[c]);
			return 1;
		}
		/* A list (every data file but user_details.js) is read one
		 * element at a time: only one element is in memory, and the
		 * elements before a broken one count. */
		switch (stream_open(conn, s, f->member, &info)) {
		case -1:
			continue;
		case 0:
			if ((s->doc = load_json(conn, f->member, NULL, &info)) == NULL)
				continue;
			break;
		}
		if (info.type == FP_ENV_YTD && f->type != X_CLASSIC_MONTH) {
			const char *base = fp_basename(s->name);
			char want[128];
			size_t n = 0;

			for (; base[n] != '\0' && base[n] != '.' && n + 1 < sizeof want; n++)
				want[n] = base[n] == '-' ? '_' : base[n];
			want[n] = '\0';
			if (strstr(want, "_part") != NULL)
				*strstr(want, "_part") = '\0';
			if (strcmp(info.name, want) != 0)
				fp_conn_warn(conn, s->name, "line 1: the envelope names"
				    " 'YTD.%s', not 'YTD.%s'; read anyway", info.name, want);
		}
		if (s->streaming)
			return 1;
		if (f->type == X_USER_DETAILS && json_is_object(s->doc)) {
			/* user_details.js is one object, not an array */
			json_t *arr = json_array();

			json_array_append(arr, s->doc);
			json_decref(s->doc);
			s->doc = arr;
		}
		if (!json_is_array(s->doc)) {
			fp_conn_warn(conn, s->name, "the data is not a list; file skipped");
			json_decref(s->doc);
			s->doc = NULL;
			continue;
		}
		return 1;
	}
	return 0;
}

static int
x_next(struct fp_conn *conn, struct fp_item *item, struct fp_err *err)
{
	struct x_state *s = conn->state;

	(void)err;
	for (;;) {
		if (s->ppos < s->npending) {
			*item = s->pending[s->ppos++];
			return FP_OK;
		}
		s->npending = s->ppos = 0;
		if (s->doc != NULL && s->idx < json_array_size(s->doc)) {
			element(conn, s, json_array_get(s->doc, s->idx));
			s->idx++;
			continue;
		}
		if (s->streaming) {
			struct fp_err jerr;
			json_t *e;
			int rc = fp_json_stream_next(&s->js, &e, &jerr);

			if (rc == FP_OK) {
				element(conn, s, e);
				json_decref(e);
				s->idx++;
				continue;
			}
			if (s->js.bad_bytes > 0)
				fp_conn_warn(conn, s->name, "line %d, column %d: invalid"
				    " UTF-8 (%zu bad byte%s replaced with U+FFFD)",
				    s->js.bad_line, s->js.bad_col, s->js.bad_bytes,
				    s->js.bad_bytes == 1 ? "" : "s");
			if (rc == FP_FAILED)
				fp_conn_warn(conn, s->name, "%s; the rest of the file is"
				    " skipped (%zu element%s read)", jerr.msg, s->idx,
				    s->idx == 1 ? "" : "s");
			stream_close(s);
		}
		if (s->csv_active) {
			struct fp_err cerr;
			int rc = fp_csv_next(&s->csv, &cerr);

			if (rc == FP_OK) {
				csv_row(conn, s);
				continue;
			}
			if (s->csv.bad_bytes > 0)
				fp_conn_warn(conn, s->name, "line %ld, column %d: invalid"
				    " UTF-8 (%zu bad byte%s replaced with U+FFFD)",
				    s->csv.bad_line, s->csv.bad_col, s->csv.bad_bytes,
				    s->csv.bad_bytes == 1 ? "" : "s");
			if (rc == FP_FAILED)
				fp_conn_warn(conn, s->name, "%s; the rest of the file"
				    " is skipped", cerr.msg);
		}
		if (!next_file(conn, s))
			return FP_EOF;
	}
}

static void
x_close(struct fp_conn *conn)
{
	struct x_state *s = conn->state;

	json_decref(s->doc);
	stream_close(s);
	if (s->csv_active)
		fp_csv_release(&s->csv);
	for (size_t i = s->ppos; i < s->npending; i++)
		fp_item_release(&s->pending[i]);
	free(s->pending);
	for (size_t i = 0; i < s->nnotes; i++)
		free(s->notes[i].text);
	free(s->notes);
	free(s->files);
	fp_strset_release(&s->seen);
}

const struct fp_connector fp_connector_x = {
	.name = "x",
	.desc = "X/Twitter archive: GDPR era (2018 on) and classic (2012-2018)",
	.state_size = sizeof(struct x_state),
	.bid = x_bid,
	.open = x_open,
	.next = x_next,
	.close = x_close,
};
