/*
 * youtube.c: YouTube in a Google Takeout: ../shared/research/formats.md §9.
 *
 * comments.csv in its three header versions, with localised headers and
 * folder names (English, Spanish, French, German): when a header is not
 * known the columns are found by their values (the text is a JSON
 * fragment, the date is ISO 8601). The comment text is that fragment,
 * {"takeoutSegments":[{"text":...}]} or {"text":"a"},{"text":"b"} with raw
 * newlines inside: it is parsed and its texts joined. channel.csv gives
 * the channel's title; the older my-comments.html is read too.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>

#include "footprint.h"
#include "conn-util.h"
#include "text.h"

#define COL(...) ((const char *const[]){ __VA_ARGS__, NULL })

struct youtube_state {
	struct fp_batch	batch;
	/* columns of the comments.csv being read */
	int		text_col, date_col, id_col, video_col;
};

static const char *const comment_files[] = {
	"comments.csv", "comentarios.csv", "commentaires.csv", "Kommentare.csv", NULL
};
static const char *const channel_files[] = {
	"channel.csv", "canal.csv", "chaîne.csv", "Kanal.csv", NULL
};

static int
base_in(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (strcasecmp(fp_basename(name), list[i]) == 0)
			return 1;
	return 0;
}

char *
fp_youtube_comment_text(const char *field)
{
	struct fp_buf wrapped = FP_BUF_INIT, text = FP_BUF_INIT;
	json_t *doc, *segs, *s;
	size_t i;

	if (field == NULL)
		return NULL;
	if (field[0] != '{' && field[0] != '[')
		return xstrdup(field);		/* plain text (old exports) */
	fp_buf_addc(&wrapped, '[');
	for (const char *p = field; *p != '\0'; p++) {
		/* raw control characters inside the strings */
		if (*p == '\n')
			fp_buf_addstr(&wrapped, "\\n");
		else if (*p == '\r')
			fp_buf_addstr(&wrapped, "\\r");
		else if (*p == '\t')
			fp_buf_addstr(&wrapped, "\\t");
		else
			fp_buf_addc(&wrapped, *p);
	}
	fp_buf_addc(&wrapped, ']');
	doc = json_loads(wrapped.data, 0, NULL);
	fp_buf_release(&wrapped);
	if (doc == NULL)
		return xstrdup(field);		/* keep what was there */
	segs = doc;
	if (json_array_size(doc) == 1 && json_is_array(json_object_get(json_array_get(doc, 0),
	    "takeoutSegments")))
		segs = json_object_get(json_array_get(doc, 0), "takeoutSegments");
	json_array_foreach(segs, i, s) {
		const char *t = fp_jstr(s, "text");

		if (t != NULL)
			fp_buf_addstr(&text, t);
	}
	json_decref(doc);
	return fp_buf_detach(&text);
}

static int
find_col(const struct fp_csv *csv, const char *const *names)
{
	for (size_t i = 0; names[i] != NULL; i++) {
		int c = fp_csv_col(csv, names[i]);

		if (c >= 0)
			return c;
	}
	return -1;
}

/* A row of comments.csv. The columns are found on the file's first row
 * (by header, else by the values) and kept in the state for the rest. */
static int
comment_row(struct fp_conn *conn, const char *name, const struct fp_csv *csv, int kind,
    struct fp_itemq *q)
{
	struct youtube_state *s = conn->state;
	struct fp_item *it;
	const char *video;

	(void)kind;
	if (csv->rows == 1) {
		s->text_col = find_col(csv, COL("Comment Text", "Comment text",
		    "Texto del comentario", "Texte du commentaire", "Kommentartext"));
		s->date_col = find_col(csv, COL("Comment Create Timestamp",
		    "Comment create timestamp", "Marca de tiempo de creación del comentario",
		    "Horodatage de la création du commentaire",
		    "Zeitstempel der Kommentarerstellung"));
		s->id_col = find_col(csv, COL("Comment ID", "Comment Id", "ID de comentario",
		    "ID du commentaire", "Kommentar-ID"));
		s->video_col = find_col(csv, COL("Video ID", "Video Id", "ID de vídeo",
		    "ID de la vidéo", "Video-ID"));
	}
	if (csv->row.n == 1 && csv->row.v[0][0] == '\0')
		return 0;		/* the trailing blank lines */
	/* headers in a language not known: find columns by their values */
	if (s->text_col < 0 || s->date_col < 0) {
		for (size_t c = 0; c < csv->row.n; c++) {
			const char *v = csv->row.v[c];

			if (s->text_col < 0 && v[0] == '{')
				s->text_col = (int)c;
			else if (s->date_col < 0 && strlen(v) >= 19 && v[4] == '-' &&
			    fp_time_parse(v) != FP_TIME_NONE)
				s->date_col = (int)c;
		}
		if (s->text_col < 0) {
			fp_conn_warn(conn, name, "line %ld: no comment text column in"
			    " this header; file skipped", csv->line);
			return -1;
		}
	}
	it = fp_itemq_push(q, conn, "youtube", FP_KIND_COMMENT, name, csv->line);
	it->text = fp_youtube_comment_text(fp_csv_field(csv, s->text_col));
	it->created_at = fp_time_parse(fp_csv_field(csv, s->date_col));
	if (s->id_col >= 0 && fp_csv_field(csv, s->id_col) && fp_csv_field(csv, s->id_col)[0])
		it->native_id = xstrdup(fp_csv_field(csv, s->id_col));
	video = s->video_col >= 0 ? fp_csv_field(csv, s->video_col) : NULL;
	it->url = video && video[0] ? (it->native_id ?
	    xasprintf("https://www.youtube.com/watch?v=%s&lc=%s", video, it->native_id) :
	    xasprintf("https://www.youtube.com/watch?v=%s", video)) :
	    xstrdup("https://myactivity.google.com/page?page=youtube_comments");
	return 0;
}

static const struct fp_csv_reader comments_reader = { .row = comment_row };

static void
read_channel(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	struct fp_csv csv;
	struct fp_err err;

	if (fp_conn_csv(conn, name, data, len, 0, NULL, &csv) != FP_OK)
		return;
	if (fp_csv_next(&csv, &err) == FP_OK) {
		int tc = find_col(&csv, COL("Channel Title (Original)", "Channel title (original)",
		    "Título del canal (original)", "Titre de la chaîne (original)",
		    "Kanaltitel (Original)"));
		int ic = find_col(&csv, COL("Channel ID", "Channel Id", "ID de canal",
		    "ID de la chaîne", "Kanal-ID"));
		const char *title = fp_csv_field(&csv, tc >= 0 ? tc : 2);
		const char *id = fp_csv_field(&csv, ic >= 0 ? ic : 0);
		char *url = id && id[0] ? xasprintf("https://www.youtube.com/channel/%s", id) : NULL;

		fp_conn_set_account(conn, title, title);
		fp_itemq_field(q, conn, "youtube", FP_KIND_DISPLAY_NAME, title,
		    url ? url : "https://www.youtube.com/account", name);
		free(url);
	}
	fp_conn_csv_done(conn, name, &csv);
}

/* my-comments.html: <li>Commented on <a href="VIDEO">...</a> DATE<br/>TEXT</li> */
static void
read_html(struct fp_conn *conn, const char *name, char *data, size_t len,
    struct fp_itemq *q)
{
	char *p = data;
	long index = 0;

	(void)len;
	while ((p = strstr(p, "<li")) != NULL) {
		char *end = strstr(p, "</li>"), *br, *href, *d;
		struct fp_buf text = FP_BUF_INIT;
		struct fp_item *it;

		if (end == NULL)
			break;
		*end = '\0';
		br = strstr(p, "<br");
		if (br != NULL) {
			char *gt = strchr(br, '>');

			fp_html_to_text(&text, gt ? gt + 1 : br);
		}
		it = fp_itemq_push(q, conn, "youtube", FP_KIND_COMMENT, name, index++);
		it->text = fp_buf_detach(&text);
		if ((href = strstr(p, "href=\"")) != NULL) {
			href += 6;
			it->url = xstrndup(href, strcspn(href, "\""));
		}
		for (d = p; *d != '\0'; d++)
			if (isdigit((unsigned char)d[0]) && d[4] == '-' && d[7] == '-') {
				char stamp[32];

				snprintf(stamp, sizeof stamp, "%.23s", d);
				stamp[strcspn(stamp, "<")] = '\0';
				it->created_at = fp_time_parse(stamp);
				break;
			}
		p = end + 5;
	}
}

static int
in_youtube(const char *n)
{
	return strstr(n, "YouTube") != NULL || strstr(n, "Youtube") != NULL ||
	    strstr(n, "youtube") != NULL;
}

static int
youtube_bid(struct fp_source *src)
{
	int bid = -1;

	for (size_t i = 0; i < fp_source_count(src); i++) {
		const char *n = fp_source_name(src, i);

		if (base_in(n, comment_files) || base_in(n, channel_files) ||
		    fp_name_tail(n, "my-comments/my-comments.html"))
			bid = in_youtube(n) ? 90 : bid < 60 ? 60 : bid;
	}
	return bid;
}

static int
youtube_open(struct fp_conn *conn, struct fp_err *err)
{
	struct youtube_state *s = conn->state;

	(void)err;
	for (size_t i = 0; i < fp_source_count(conn->src); i++) {
		const char *n = fp_source_name(conn->src, i);

		if (base_in(n, channel_files))
			fp_batch_add(&s->batch, i, read_channel, 0);
		else if (base_in(n, comment_files))
			fp_batch_add_csv(&s->batch, i, &comments_reader, 1);
		else if (fp_name_tail(n, "my-comments/my-comments.html"))
			fp_batch_add(&s->batch, i, read_html, 2);
	}
	fp_batch_sort(&s->batch);
	return FP_OK;
}

static int
youtube_next(struct fp_conn *conn, struct fp_item *item, struct fp_err *err)
{
	struct youtube_state *s = conn->state;

	(void)err;
	return fp_batch_next(conn, &s->batch, item);
}

static void
youtube_close(struct fp_conn *conn)
{
	struct youtube_state *s = conn->state;

	fp_batch_release(&s->batch);
}

const struct fp_connector fp_connector_youtube = {
	.name = "youtube",
	.desc = "YouTube in a Google Takeout (comments in every header version, channel)",
	.state_size = sizeof(struct youtube_state),
	.bid = youtube_bid,
	.open = youtube_open,
	.next = youtube_next,
	.close = youtube_close,
};
