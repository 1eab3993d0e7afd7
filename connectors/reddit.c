/*
 * reddit.c: Reddit's GDPR export, a flat zip of CSV files:
 * ../shared/research/formats.md §5.
 *
 * statistics.csv (the account name and email), comments.csv, posts.csv and
 * the votes (post_votes.csv, comment_votes.csv; large ones are split into
 * _1, _2 ...). An upvote is a like; for a post the permalink's slug is its
 * title, so the like's text is known; a comment's text is not. Bodies that
 * are "[deleted]" or "[removed]" are gone already. messages.csv is read
 * only with --include-messages.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "conn-util.h"

#define COL(...) ((const char *const[]){ __VA_ARGS__, NULL })

struct reddit_state {
	struct fp_batch	batch;
};

/* "comments.csv" or "comments_2.csv" */
static int
is_file(const char *name, const char *stem)
{
	const char *b = fp_basename(name);
	size_t n = strlen(stem);

	if (strncmp(b, stem, n) != 0)
		return 0;
	if (strcmp(b + n, ".csv") == 0)
		return 1;
	if (b[n] != '_' || !isdigit((unsigned char)b[n + 1]))
		return 0;
	for (b += n + 1; isdigit((unsigned char)*b); b++)
		;
	return strcmp(b, ".csv") == 0;
}

static char *
full_url(const char *permalink)
{
	if (permalink == NULL || permalink[0] == '\0')
		return NULL;
	if (strncmp(permalink, "http", 4) == 0)
		return xstrdup(permalink);
	return xasprintf("https://www.reddit.com%s", permalink);
}

/* "/r/politics/comments/abc/vote_for_dana/" -> "vote for dana (r/politics)" */
static char *
slug_text(const char *permalink)
{
	const char *c, *sub;
	struct fp_buf b = FP_BUF_INIT;
	size_t n;

	if (permalink == NULL || (c = strstr(permalink, "/comments/")) == NULL)
		return NULL;
	c += 10;
	c = strchr(c, '/');
	if (c == NULL || c[1] == '\0')
		return NULL;
	c++;
	n = strcspn(c, "/?");
	if (n == 0)
		return NULL;
	for (size_t i = 0; i < n; i++)
		fp_buf_addc(&b, c[i] == '_' ? ' ' : c[i]);
	if ((sub = strstr(permalink, "/r/")) != NULL)
		fp_buf_addf(&b, " (r/%.*s)", (int)strcspn(sub + 3, "/"), sub + 3);
	return fp_buf_detach(&b);
}

static int
gone(const char *body)
{
	return body != NULL && (strcmp(body, "[deleted]") == 0 || strcmp(body, "[removed]") == 0);
}

static void
read_statistics(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	struct fp_csv csv;
	struct fp_err err;
	char *user = NULL, *email = NULL;

	if (fp_conn_csv(conn, name, data, len, 0, "statistic", &csv) != FP_OK)
		return;
	while (fp_csv_next(&csv, &err) == FP_OK) {
		const char *k = fp_csv_get(&csv, COL("statistic"));
		const char *v = fp_csv_get(&csv, COL("value"));

		if (k == NULL || v == NULL)
			continue;
		if (strcmp(k, "account name") == 0)
			fp_item_set(&user, v);
		else if (strcmp(k, "email address") == 0)
			fp_item_set(&email, v);
	}
	fp_conn_set_account(conn, user, NULL);
	fp_itemq_field(q, conn, "reddit", FP_KIND_USERNAME, user,
	    "https://www.reddit.com/settings/account", name);
	fp_itemq_field(q, conn, "reddit", FP_KIND_EMAIL, email,
	    "https://www.reddit.com/settings/account", name);
	free(user);
	free(email);
	fp_conn_csv_done(conn, name, &csv);
}

/* A row of posts.csv, comments.csv or messages.csv. */
static int
content_row(struct fp_conn *conn, const char *name, const struct fp_csv *csv, int kind,
    struct fp_itemq *q)
{
	const char *id = fp_csv_get(csv, COL("id"));
	const char *body = fp_csv_get(csv, COL("body"));
	const char *title = fp_csv_get(csv, COL("title", "subject"));
	const char *link = fp_csv_get(csv, COL("url", "link"));
	struct fp_buf b = FP_BUF_INIT;
	struct fp_item *it;

	if (gone(body) && (title == NULL || gone(title)))
		return 0;
	it = fp_itemq_push(q, conn, "reddit", kind, name, csv->line);
	it->native_id = id && id[0] ? xstrdup(id) : NULL;
	it->created_at = fp_time_parse(fp_csv_get(csv, COL("date")));
	it->url = full_url(fp_csv_get(csv, COL("permalink")));
	if (kind == FP_KIND_POST && title != NULL)
		fp_buf_addstr(&b, title);
	if (body != NULL && body[0] != '\0' && !gone(body))
		fp_buf_addf(&b, "%s%s", b.len ? "\n\n" : "", body);
	if (kind == FP_KIND_POST && link != NULL && link[0] != '\0' &&
	    strstr(fp_buf_str(&b), link) == NULL && it->url != NULL &&
	    strcmp(link, it->url) != 0)
		fp_buf_addf(&b, "%s%s", b.len ? "\n" : "", link);
	it->text = fp_buf_detach(&b);
	if (kind == FP_KIND_MESSAGE && fp_csv_get(csv, COL("to")) != NULL)
		it->ref_author = xstrdup(fp_csv_get(csv, COL("to")));
	return 0;
}

/* A row of post_votes.csv or comment_votes.csv: an upvote is a like. */
static int
vote_row(struct fp_conn *conn, const char *name, const struct fp_csv *csv, int kind,
    struct fp_itemq *q)
{
	const char *dir = fp_csv_get(csv, COL("direction"));
	const char *perma = fp_csv_get(csv, COL("permalink"));
	const char *id = fp_csv_get(csv, COL("id"));
	struct fp_item *it;

	(void)kind;
	if (dir == NULL || strcmp(dir, "up") != 0)
		return 0;
	it = fp_itemq_push(q, conn, "reddit", FP_KIND_LIKE, name, csv->line);
	it->native_id = id != NULL ? xstrdup(id) : NULL;
	it->url = full_url(perma);
	/* a post's title is in its permalink; a comment's text is not */
	if (strstr(fp_basename(name), "post_votes") != NULL)
		it->text = slug_text(perma);
	return 0;
}

static const struct fp_csv_reader posts_reader = {
	.must_have = "id", .kind = FP_KIND_POST, .row = content_row,
};
static const struct fp_csv_reader comments_reader = {
	.must_have = "id", .kind = FP_KIND_COMMENT, .row = content_row,
};
static const struct fp_csv_reader messages_reader = {
	.must_have = "id", .kind = FP_KIND_MESSAGE, .row = content_row,
};
static const struct fp_csv_reader votes_reader = {
	.must_have = "direction", .row = vote_row,
};

static int
reddit_bid(struct fp_source *src)
{
	int stats = 0, other = 0;

	for (size_t i = 0; i < fp_source_count(src); i++) {
		const char *n = fp_source_name(src, i);

		stats |= is_file(n, "statistics");
		other |= is_file(n, "comments") || is_file(n, "posts") ||
		    is_file(n, "post_votes") || is_file(n, "comment_votes");
	}
	return stats && other ? 90 : other ? 60 : -1;
}

static int
reddit_open(struct fp_conn *conn, struct fp_err *err)
{
	struct reddit_state *s = conn->state;

	(void)err;
	for (size_t i = 0; i < fp_source_count(conn->src); i++) {
		const char *n = fp_source_name(conn->src, i);

		if (is_file(n, "statistics"))
			fp_batch_add(&s->batch, i, read_statistics, 0);
		else if (is_file(n, "posts"))
			fp_batch_add_csv(&s->batch, i, &posts_reader, 1);
		else if (is_file(n, "comments"))
			fp_batch_add_csv(&s->batch, i, &comments_reader, 2);
		else if (is_file(n, "post_votes") || is_file(n, "comment_votes"))
			fp_batch_add_csv(&s->batch, i, &votes_reader, 3);
		else if ((is_file(n, "messages") || is_file(n, "messages_archive")) &&
		    conn->include_messages)
			fp_batch_add_csv(&s->batch, i, &messages_reader, 4);
	}
	fp_batch_sort(&s->batch);
	return FP_OK;
}

static int
reddit_next(struct fp_conn *conn, struct fp_item *item, struct fp_err *err)
{
	struct reddit_state *s = conn->state;

	(void)err;
	return fp_batch_next(conn, &s->batch, item);
}

static void
reddit_close(struct fp_conn *conn)
{
	struct reddit_state *s = conn->state;

	fp_batch_release(&s->batch);
}

const struct fp_connector fp_connector_reddit = {
	.name = "reddit",
	.desc = "Reddit GDPR export (statistics, posts, comments, votes; split files)",
	.state_size = sizeof(struct reddit_state),
	.bid = reddit_bid,
	.open = reddit_open,
	.next = reddit_next,
	.close = reddit_close,
};
