/*
 * mastodon.h: pieces of the Mastodon archive connector (connectors/
 * mastodon.c) that its API reader (connectors/mastodon-api.c) shares, so
 * that an item has the same account and id whichever way it came.
 */
#ifndef FP_MASTODON_H
#define FP_MASTODON_H

/* "https://host/users/name/statuses/1" or "https://host/@name/1" ->
 * "name@host"; NULL when the URI names no user. Caller frees. */
char	*fp_mastodon_author_of(const char *uri);
/* The last path segment of a URI, the status id (".../statuses/1/activity"
 * gives "1"); NULL for NULL. Caller frees. */
char	*fp_mastodon_last_segment(const char *uri);

#endif
