/*
 * linkedin.c: LinkedIn's data export, a zip of CSV files:
 * ../shared/research/formats.md §4.
 *
 * Shares.csv (posts), Comments.csv (quotes escaped with a backslash, and
 * blank dates), Reactions.csv (likes), Profile.csv, Email Addresses.csv and
 * Positions.csv; names may carry a member id (Shares_17529409.csv), files
 * may begin with a BOM, and columns are found by name.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "conn-util.h"

struct linkedin_state {
	struct fp_batch	batch;
};

/* "Shares.csv" or "Shares_17529409.csv" (case as LinkedIn writes it). */
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

#define COL(...) ((const char *const[]){ __VA_ARGS__, NULL })

static void
read_profile(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	struct fp_csv csv;
	struct fp_err err;
	const char *url = "https://www.linkedin.com/in/me/edit/intro/";

	if (fp_conn_csv(conn, name, data, len, 0, "First Name", &csv) != FP_OK)
		return;
	if (fp_csv_next(&csv, &err) == FP_OK) {
		const char *first = fp_csv_get(&csv, COL("First Name"));
		const char *last = fp_csv_get(&csv, COL("Last Name"));
		const char *web = fp_csv_get(&csv, COL("Websites"));
		char *full = xasprintf("%s%s%s", first ? first : "", first && last ? " " : "",
		    last ? last : "");
		long idx = 0;
		struct fp_item *it;

		fp_conn_set_account(conn, full, full);
		fp_itemq_field(q, conn, "linkedin", FP_KIND_DISPLAY_NAME, full, url, name);
		it = NULL;
		for (int k = 0; k < 2; k++) {
			const char *v = fp_csv_get(&csv, k ? COL("Summary") : COL("Headline"));

			if (v == NULL || v[0] == '\0')
				continue;
			it = fp_itemq_push(q, conn, "linkedin", FP_KIND_BIO, name, idx++);
			it->text = xstrdup(v);
			it->url = xstrdup(url);
		}
		fp_itemq_field(q, conn, "linkedin", FP_KIND_LOCATION,
		    fp_csv_get(&csv, COL("Geo Location")), url, name);
		/* "[PERSONAL:https://a.example,OTHER:https://b.example]" */
		if (web != NULL && web[0] != '\0') {
			char *copy = xstrdup(web[0] == '[' ? web + 1 : web), *save = NULL;

			copy[strcspn(copy, "]")] = '\0';
			for (char *w = strtok_r(copy, ",", &save); w != NULL;
			    w = strtok_r(NULL, ",", &save)) {
				char *colon = strchr(w, ':');

				if (colon != NULL && strncmp(colon, "://", 3) != 0)
					w = colon + 1;
				it = fp_itemq_push(q, conn, "linkedin", FP_KIND_WEBSITE, name, idx++);
				it->text = xstrdup(w);
				it->url = xstrdup(url);
			}
			free(copy);
		}
		free(full);
	}
	fp_conn_csv_done(conn, name, &csv);
}

static void
read_emails(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	struct fp_csv csv;
	struct fp_err err;

	if (fp_conn_csv(conn, name, data, len, 0, "Email Address", &csv) != FP_OK)
		return;
	while (fp_csv_next(&csv, &err) == FP_OK) {
		const char *e = fp_csv_get(&csv, COL("Email Address"));
		struct fp_item *it;

		if (e == NULL || e[0] == '\0')
			continue;
		it = fp_itemq_push(q, conn, "linkedin", FP_KIND_EMAIL, name, csv.line);
		it->text = xstrdup(e);
		it->url = xstrdup("https://www.linkedin.com/mypreferences/d/manage-email-addresses");
	}
	fp_conn_csv_done(conn, name, &csv);
}

static void
read_positions(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	struct fp_csv csv;
	struct fp_err err;

	if (fp_conn_csv(conn, name, data, len, 0, "Company Name", &csv) != FP_OK)
		return;
	while (fp_csv_next(&csv, &err) == FP_OK) {
		const char *co = fp_csv_get(&csv, COL("Company Name"));
		const char *title = fp_csv_get(&csv, COL("Title"));
		const char *desc = fp_csv_get(&csv, COL("Description"));
		struct fp_item *it = fp_itemq_push(q, conn, "linkedin", FP_KIND_BIO, name,
		    100 + csv.line);

		it->text = xasprintf("%s, %s%s%s", title ? title : "", co ? co : "",
		    desc && desc[0] ? "\n" : "", desc ? desc : "");
		it->url = xstrdup("https://www.linkedin.com/in/me/details/experience/");
	}
	fp_conn_csv_done(conn, name, &csv);
}

/* A row of Shares, Comments or Reactions: one kind each. */
static int
activity_row(struct fp_conn *conn, const char *name, const struct fp_csv *csv, int kind,
    struct fp_itemq *q)
{
	const char *text = kind == FP_KIND_POST ? fp_csv_get(csv, COL("ShareCommentary")) :
	    kind == FP_KIND_COMMENT ? fp_csv_get(csv, COL("Message")) : NULL;
	const char *link = kind == FP_KIND_POST ? fp_csv_get(csv, COL("ShareLink")) :
	    fp_csv_get(csv, COL("Link"));
	const char *media = fp_csv_get(csv, COL("MediaUrl"));
	const char *shared = fp_csv_get(csv, COL("SharedUrl"));
	struct fp_item *it = fp_itemq_push(q, conn, "linkedin", kind, name, csv->line);

	/* Comments.csv may leave the date blank */
	it->created_at = fp_time_parse(fp_csv_get(csv, COL("Date")));
	if (kind != FP_KIND_LIKE) {
		struct fp_buf b = FP_BUF_INIT;

		fp_buf_addstr(&b, text ? text : "");
		if (shared != NULL && shared[0] != '\0')
			fp_buf_addf(&b, "%s%s", b.len ? "\n" : "", shared);
		it->text = fp_buf_detach(&b);
	}
	if (media != NULL && media[0] != '\0') {
		it->media_count = 1;
		it->media_types = xstrdup("photo");
	}
	it->url = xstrdup(link != NULL && link[0] != '\0' ? link :
	    "https://www.linkedin.com/in/me/recent-activity/all/");
	return 0;
}

static const struct fp_csv_reader shares_reader = {
	.must_have = "Date", .kind = FP_KIND_POST, .row = activity_row,
};
static const struct fp_csv_reader comments_reader = {
	.must_have = "Date", .flags = FP_CSV_BACKSLASH, .kind = FP_KIND_COMMENT,
	.row = activity_row,
};
static const struct fp_csv_reader reactions_reader = {
	.must_have = "Date", .kind = FP_KIND_LIKE, .row = activity_row,
};

/* The account's files are small and read whole; the activity streams. */
static const struct {
	const char	*stem;
	fp_file_fn	 fn;
	const struct fp_csv_reader *csv;
} files[] = {
	{ "Profile", read_profile, NULL }, { "Email Addresses", read_emails, NULL },
	{ "Positions", read_positions, NULL }, { "Shares", NULL, &shares_reader },
	{ "Comments", NULL, &comments_reader }, { "Reactions", NULL, &reactions_reader },
	{ NULL, NULL, NULL }
};

static int
linkedin_bid(struct fp_source *src)
{
	int known = 0;

	for (size_t i = 0; i < fp_source_count(src); i++) {
		const char *n = fp_source_name(src, i);

		if (is_file(n, "Profile") || is_file(n, "Connections") || is_file(n, "Shares") ||
		    is_file(n, "Email Addresses"))
			known++;
	}
	return known >= 2 ? 90 : known ? 75 : -1;
}

static int
linkedin_open(struct fp_conn *conn, struct fp_err *err)
{
	struct linkedin_state *s = conn->state;

	(void)err;
	for (size_t i = 0; i < fp_source_count(conn->src); i++)
		for (int k = 0; files[k].stem != NULL; k++)
			if (is_file(fp_source_name(conn->src, i), files[k].stem)) {
				if (files[k].csv != NULL)
					fp_batch_add_csv(&s->batch, i, files[k].csv, k);
				else
					fp_batch_add(&s->batch, i, files[k].fn, k);
			}
	fp_batch_sort(&s->batch);
	return FP_OK;
}

static int
linkedin_next(struct fp_conn *conn, struct fp_item *item, struct fp_err *err)
{
	struct linkedin_state *s = conn->state;

	(void)err;
	return fp_batch_next(conn, &s->batch, item);
}

static void
linkedin_close(struct fp_conn *conn)
{
	struct linkedin_state *s = conn->state;

	fp_batch_release(&s->batch);
}

const struct fp_connector fp_connector_linkedin = {
	.name = "linkedin",
	.desc = "LinkedIn data export (Shares, Comments, Reactions, Profile, Email Addresses, Positions)",
	.state_size = sizeof(struct linkedin_state),
	.bid = linkedin_bid,
	.open = linkedin_open,
	.next = linkedin_next,
	.close = linkedin_close,
};
