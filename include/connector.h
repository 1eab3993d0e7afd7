/*
 * connector.h: the seam every platform plugs into.
 *
 * A connector turns one platform's export into a stream of struct fp_item.
 * Each lives in connectors/<platform>.c and exports one const struct
 * fp_connector; src/connector.c lists them in one table and picks one for
 * a path by bidding, as libarchive's format readers do. Only
 * src/connector.c and src/import.c call through these pointers.
 */
#ifndef FP_CONNECTOR_H
#define FP_CONNECTOR_H

#include <stddef.h>
#include "footprint.h"
#include "item.h"
#include "source.h"

struct fp_conn;

struct fp_connector {
	const char	*name;		/* platform name of the JSON contract */
	const char	*desc;		/* one line for "footprint help" */
	size_t		 state_size;	/* the framework callocs conn->state */
	/* 0..100: how sure this connector is that src is its export; -1 not. */
	int	(*bid)(struct fp_source *src);
	/* Prepare to read; FP_OK, or FP_FATAL with err set. */
	int	(*open)(struct fp_conn *conn, struct fp_err *err);
	/*
	 * Fill *item (already initialised; the caller releases it).
	 * FP_OK: an item; FP_EOF: done; FP_FATAL: stop, err set.
	 * Problems with one file or element are reported with fp_conn_warn()
	 * and skipped, never returned.
	 */
	int	(*next)(struct fp_conn *conn, struct fp_item *item, struct fp_err *err);
	/* Free conn->state's contents (not the state itself). */
	void	(*close)(struct fp_conn *conn);
};

/* One connector reading one source. */
struct fp_conn {
	const struct fp_connector *connector;
	struct fp_source	*src;		/* borrowed */
	void			*state;		/* connector's own, state_size bytes */
	char			*account;	/* handle, once the connector knows it */
	char			*display_name;	/* the account's shown name, if known */
	int			 include_messages; /* private messages are items too */
	struct fp_strv		 warnings;	/* "file: place: message" */
};

/* Record a problem with one file; fmt says where and what. */
void	fp_conn_warn(struct fp_conn *conn, const char *file, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	fp_conn_set_account(struct fp_conn *conn, const char *handle, const char *display);

/* The registry. */
extern const struct fp_connector *const fp_connectors[];	/* NULL-terminated */
const struct fp_connector *fp_connector_find(const char *name);
/* Highest bidder for src; NULL with err set when none or a tie. */
const struct fp_connector *fp_connector_detect(struct fp_source *src, struct fp_err *err);

int	 fp_conn_open(struct fp_conn *conn, const struct fp_connector *c,
	    struct fp_source *src, int include_messages, struct fp_err *err);
int	 fp_conn_next(struct fp_conn *conn, struct fp_item *item, struct fp_err *err);
void	 fp_conn_close(struct fp_conn *conn);

/* Connectors, one per platform. */
extern const struct fp_connector fp_connector_x;
extern const struct fp_connector fp_connector_mastodon;
extern const struct fp_connector fp_connector_facebook;
extern const struct fp_connector fp_connector_instagram;
extern const struct fp_connector fp_connector_linkedin;
extern const struct fp_connector fp_connector_reddit;
extern const struct fp_connector fp_connector_tiktok;
extern const struct fp_connector fp_connector_youtube;
extern const struct fp_connector fp_connector_bluesky;

#endif
