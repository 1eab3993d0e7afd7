/* Unit tests: typing tweets as post, reply, repost, quote (connectors/x.c). */
#include "config.h"
#include "unit.h"
#include "x.h"
#include "footprint.h"

static int
tweet(const char *json, const char *account, struct fp_item *item)
{
	json_t *j = json_loads(json, 0, NULL);
	const char *why;
	int rc;

	fp_item_init(item);
	rc = fp_x_tweet_to_item(j, account, item, &why);
	json_decref(j);
	return rc;
}

UNIT(plain_post_wrapped)
{
	struct fp_item it;

	CHECK_INT(tweet("{\"tweet\":{\"id_str\":\"1588091220244369409\",\"id\":\"1588091220244369409\","
	    "\"created_at\":\"Thu Nov 03 08:50:26 +0000 2022\",\"full_text\":\"Tea &amp; cake &lt;3\","
	    "\"lang\":\"en\",\"entities\":{\"urls\":[]}}}", "lina", &it), 0);
	CHECK_INT(it.kind, FP_KIND_POST);
	CHECK_STR(it.text, "Tea & cake <3");
	CHECK_STR(it.url, "https://x.com/lina/status/1588091220244369409");
	CHECK_STR(it.lang, "en");
	CHECK(it.ref_author == NULL);
	fp_item_release(&it);
}

UNIT(bare_2019_element)
{
	struct fp_item it;

	CHECK_INT(tweet("{\"id_str\":\"1100000000000000000\",\"full_text\":\"hello\"}",
	    "lina", &it), 0);
	CHECK_INT(it.kind, FP_KIND_POST);
	/* No created_at: dated from the snowflake id. */
	CHECK(it.created_at != FP_TIME_NONE);
	fp_item_release(&it);
}

UNIT(retweet_from_rt_prefix)
{
	struct fp_item it;

	tweet("{\"tweet\":{\"id_str\":\"1200000000000000000\",\"full_text\":"
	    "\"RT @someone_else: Vote for change \\u2026\",\"entities\":{\"user_mentions\":"
	    "[{\"screen_name\":\"someone_else\",\"indices\":[\"3\",\"16\"]}]}}}", "lina", &it);
	CHECK_INT(it.kind, FP_KIND_REPOST);
	CHECK_STR(it.ref_author, "someone_else");
	fp_item_release(&it);
}

UNIT(reply_from_presence_of_fields)
{
	struct fp_item it;

	tweet("{\"tweet\":{\"id_str\":\"1200000000000000001\",\"full_text\":\"@bob agreed\","
	    "\"in_reply_to_status_id_str\":\"1199999999999999999\",\"in_reply_to_screen_name\":"
	    "\"bob\",\"in_reply_to_user_id_str\":\"42\"}}", "lina", &it);
	CHECK_INT(it.kind, FP_KIND_REPLY);
	CHECK_STR(it.ref_author, "bob");
	CHECK_STR(it.ref_id, "1199999999999999999");
	fp_item_release(&it);
}

UNIT(null_reply_fields_are_no_reply)
{
	struct fp_item it;

	tweet("{\"tweet\":{\"id_str\":\"1200000000000000009\",\"full_text\":\"hi\","
	    "\"in_reply_to_status_id_str\":null,\"in_reply_to_screen_name\":null}}", "lina", &it);
	CHECK_INT(it.kind, FP_KIND_POST);
	fp_item_release(&it);
	tweet("{\"tweet\":{\"id_str\":\"1200000000000000010\",\"full_text\":\"RT @: odd\"}}",
	    "lina", &it);
	CHECK_INT(it.kind, FP_KIND_POST);
	fp_item_release(&it);
}

UNIT(quote_from_status_url)
{
	struct fp_item it;

	tweet("{\"tweet\":{\"id_str\":\"1200000000000000002\",\"full_text\":\"Look https://t.co/x\","
	    "\"entities\":{\"urls\":[{\"expanded_url\":\"https://twitter.com/carol/status/123456\"}]}}}",
	    "lina", &it);
	CHECK_INT(it.kind, FP_KIND_QUOTE);
	CHECK_STR(it.ref_author, "carol");
	CHECK_STR(it.ref_id, "123456");
	fp_item_release(&it);
	/* A link to one's own status is a thread, not a quote. */
	tweet("{\"tweet\":{\"id_str\":\"1200000000000000003\",\"full_text\":\"more\","
	    "\"entities\":{\"urls\":[{\"expanded_url\":\"https://x.com/Lina/status/9\"}]}}}",
	    "lina", &it);
	CHECK_INT(it.kind, FP_KIND_POST);
	fp_item_release(&it);
}

UNIT(classic_retweeted_status)
{
	struct fp_item it;

	tweet("{\"id_str\":\"300000000000000000\",\"id\":300000000000000000,"
	    "\"created_at\":\"2013-02-09 10:00:00 +0000\",\"text\":\"RT @dan: short\\u2026\","
	    "\"retweeted_status\":{\"id_str\":\"299\",\"text\":\"short but complete\","
	    "\"user\":{\"screen_name\":\"dan\"}},\"geo\":{}}", "lina", &it);
	CHECK_INT(it.kind, FP_KIND_REPOST);
	CHECK_STR(it.ref_author, "dan");
	CHECK_STR(it.text, "RT @dan: short but complete");
	CHECK(!it.has_geo);
	fp_item_release(&it);
}

UNIT(geo_and_media)
{
	struct fp_item it;

	tweet("{\"tweet\":{\"id_str\":\"1200000000000000004\",\"full_text\":\"here\","
	    "\"coordinates\":{\"type\":\"Point\",\"coordinates\":[\"35.93\",\"31.95\"]},"
	    "\"place\":{\"full_name\":\"Amman, Jordan\"},"
	    "\"extended_entities\":{\"media\":[{\"type\":\"photo\"},{\"type\":\"video\"},{\"type\":\"photo\"}]}}}",
	    "lina", &it);
	CHECK(it.has_geo);
	CHECK(it.lat > 31.9 && it.lat < 32.0);
	CHECK(it.lon > 35.9 && it.lon < 36.0);
	CHECK_STR(it.place, "Amman, Jordan");
	CHECK_INT(it.media_count, 3);
	CHECK_STR(it.media_types, "photo,video");
	fp_item_release(&it);
}

UNIT(not_a_tweet)
{
	struct fp_item it;

	CHECK_INT(tweet("[1]", "lina", &it), -1);
	fp_item_release(&it);
	CHECK_INT(tweet("{\"tweet\":{\"full_text\":\"no id\"}}", "lina", &it), -1);
	fp_item_release(&it);
}

UNIT(status_urls)
{
	char *u, *i;

	CHECK_INT(fp_x_status_url("https://twitter.com/UNHCR/status/1438316560456814601", &u, &i), 0);
	CHECK_STR(u, "UNHCR");
	CHECK_STR(i, "1438316560456814601");
	free(u);
	free(i);
	CHECK_INT(fp_x_status_url("https://twitter.com/i/web/status/143", &u, &i), -1);
	CHECK_INT(fp_x_status_url("https://example.com/a/status/1", &u, &i), -1);
	CHECK_INT(fp_x_status_url("https://notx.com/a/status/1", &u, &i), -1);
}

UNIT_MAIN(plain_post_wrapped, bare_2019_element, retweet_from_rt_prefix,
    reply_from_presence_of_fields, null_reply_fields_are_no_reply,
    quote_from_status_url, classic_retweeted_status,
    geo_and_media, not_a_tweet, status_urls)
