/*
 * connector.c: the table of connectors, detection by bidding, and the
 * calls through a connector's function pointers (see connector.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "connector.h"

/* Cheap, precise bidders first; the highest bid wins. */
const struct fp_connector *const fp_connectors[] = {
	&fp_connector_x,
	&fp_connector_mastodon,
	&fp_connector_facebook,
	&fp_connector_instagram,
	&fp_connector_linkedin,
	&fp_connector_reddit,
	&fp_connector_tiktok,
	&fp_connector_youtube,
	&fp_connector_bluesky,
	NULL
};

const struct fp_connector *
fp_connector_find(const char *name)
{
	for (size_t i = 0; fp_connectors[i] != NULL; i++)
		if (strcmp(fp_connectors[i]->name, name) == 0)
			return fp_connectors[i];
	return NULL;
}

const struct fp_connector *
fp_connector_detect(struct fp_source *src, struct fp_err *err)
{
	const struct fp_connector *best = NULL, *tie = NULL;
	int best_bid = 0;

	for (size_t i = 0; fp_connectors[i] != NULL; i++) {
		int bid = fp_connectors[i]->bid(src);

		if (bid > best_bid) {
			best = fp_connectors[i];
			best_bid = bid;
			tie = NULL;
		} else if (bid > 0 && bid == best_bid)
			tie = fp_connectors[i];
	}
	if (best == NULL) {
		fp_err_set(err, FP_FATAL, "'%s': not an export footprint can read"
		    " (no platform recognised it)", fp_source_path(src));
		return NULL;
	}
	if (tie != NULL) {
		fp_err_set(err, FP_FATAL, "'%s': could be a %s or a %s export;"
		    " say which with --platform", fp_source_path(src), best->name,
		    tie->name);
		return NULL;
	}
	return best;
}

void
fp_conn_warn(struct fp_conn *conn, const char *file, const char *fmt, ...)
{
	struct fp_buf b = FP_BUF_INIT;
	va_list ap;
	int n;

	if (file != NULL)
		fp_buf_addf(&b, "%s: ", file);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0) {
		char *msg = xmalloc((size_t)n + 1);

		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
		fp_buf_addstr(&b, msg);
		free(msg);
	}
	fp_strv_take(&conn->warnings, fp_buf_detach(&b));
}

void
fp_conn_set_account(struct fp_conn *conn, const char *handle, const char *display)
{
	if (handle != NULL && handle[0] != '\0' && conn->account == NULL)
		conn->account = xstrdup(handle);
	if (display != NULL && display[0] != '\0' && conn->display_name == NULL)
		conn->display_name = xstrdup(display);
}

int
fp_conn_open(struct fp_conn *conn, const struct fp_connector *c,
    struct fp_source *src, int include_messages, struct fp_err *err)
{
	memset(conn, 0, sizeof *conn);
	conn->connector = c;
	conn->include_messages = include_messages;
	conn->src = src;
	conn->state = xcalloc(1, c->state_size ? c->state_size : 1);
	if (c->open(conn, err) != FP_OK) {
		fp_conn_close(conn);
		return FP_FATAL;
	}
	return FP_OK;
}

int
fp_conn_next(struct fp_conn *conn, struct fp_item *item, struct fp_err *err)
{
	return conn->connector->next(conn, item, err);
}

void
fp_conn_close(struct fp_conn *conn)
{
	if (conn->connector != NULL && conn->state != NULL)
		conn->connector->close(conn);
	free(conn->state);
	free(conn->account);
	free(conn->display_name);
	fp_strv_release(&conn->warnings);
	memset(conn, 0, sizeof *conn);
}
