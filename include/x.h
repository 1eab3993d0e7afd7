/*
 * x.h: pieces of the X/Twitter connector (connectors/x.c) that the unit
 * tests reach directly.
 */
#ifndef FP_X_H
#define FP_X_H

#include <jansson.h>
#include "item.h"

/*
 * Map one tweet object (GDPR era or classic; with or without the
 * {"tweet": ...} wrapper) to an item: kind post, reply, repost or quote,
 * text decoded, dates in UTC, permalink for account. Returns 0, or -1 with
 * *why set to a static message when the object is not a tweet.
 */
int	fp_x_tweet_to_item(const json_t *elem, const char *account,
	    struct fp_item *item, const char **why);

/* "https://twitter.com/user/status/123" -> user and id (caller frees). */
int	fp_x_status_url(const char *url, char **user, char **id);

#endif
