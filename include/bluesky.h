/*
 * bluesky.h: the Bluesky record mapping, shared by the repository export
 * reader (connectors/bluesky.c, after DAG-CBOR becomes JSON) and the API
 * reader (connectors/bluesky-api.c, from listRecords), so that an item has
 * the same kind, id and links whichever way it came.
 */
#ifndef FP_BLUESKY_H
#define FP_BLUESKY_H

#include <jansson.h>
#include "item.h"

/*
 * One repository record (app.bsky.feed.post, .like or .repost) of the
 * account did, stored under rkey, as an item: kind (post, reply, quote,
 * like, repost), native_id = rkey, date (createdAt, else the rkey's TID),
 * text, replied/quoted/liked author and id, link, media. Returns 1, or 0
 * (item untouched) for any other record type.
 */
int	fp_bluesky_record_item(const json_t *rec, const char *did, const char *rkey,
	    struct fp_item *it);

#endif
