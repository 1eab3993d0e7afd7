/*
 * fuzz-api.c: what the platforms' APIs answer, from the login to the last
 * page, read by `footprint fetch` (connectors/<platform>-api.c, src/fetch.c,
 * src/http.c's header parsing) into a store in memory. No network: every
 * request is answered from the input (fp_http_answer_with), a bundle whose
 * members are the answers in order:
 *
 *   @@ mastodon                 (optional: the platform, else mastodon)
 *   @@ 200                      the status of the first answer
 *   X-RateLimit-Remaining: 3    header lines, a blank line, the body
 *   Link: <https://h/next>; rel="next"
 *
 *   {"id": "1", ...}
 *   @@ 429                      ...
 *   @@ drop                     a dropped connection
 *
 * and once they run out, every connection drops. Waits are scaled down to
 * nothing. Promises: the fetch ends (FP_OK, or FP_FAILED with a message
 * that says why); the store never fails; no request carries a token,
 * password or secret in its URL, and no message repeats one (unless the
 * answers held it); every item stored reads back as the platform's, with
 * fields of valid UTF-8 within the item limits.
 */
#include "config.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "footprint.h"
#include "api.h"
#include "creds.h"
#include "http.h"
#include "item.h"
#include "store.h"
#include "fuzz.h"

#define SECRET	"fuzz-secret-"

struct answers {
	struct fuzz_bundle	 b;
	size_t			 next;
	int			 requests;
	int			 echoes;	/* the answers hold a secret's text */
};

static int
answer(void *ud, const struct fp_http_req *req, struct fp_http_answer *out)
{
	struct answers *a = ud;
	const char *data, *blank;
	size_t len, i;

	/* requests carry no secret in the URL (unless an answer gave it, as
	 * the next page's URL, say) */
	FUZZ_ASSERT(req->url != NULL && (a->echoes || strstr(req->url, SECRET) == NULL));
	FUZZ_ASSERT(++a->requests < 10000);
	if (a->next >= a->b.n || strcmp(a->b.names[a->next], "drop") == 0) {
		a->next++;
		return FP_FAILED;
	}
	i = a->next++;
	data = a->b.data[i];
	len = a->b.len[i];
	out->status = strtol(a->b.names[i], NULL, 10);
	/* header lines up to a blank line, then the body */
	blank = NULL;
	for (size_t k = 0; k + 1 < len; k++)
		if (data[k] == '\n' && (data[k + 1] == '\n' ||
		    (data[k + 1] == '\r' && k + 2 < len && data[k + 2] == '\n'))) {
			blank = data + k;
			break;
		}
	if (blank != NULL && memchr(data, ':', (size_t)(blank - data)) != NULL) {
		size_t skip = blank[1] == '\n' ? 2 : 3;

		out->headers = data;
		out->headers_len = (size_t)(blank - data) + 1;
		out->body = blank + skip;
		out->body_len = len - (size_t)(blank + skip - data);
	} else {
		out->body = data;
		out->body_len = len;
	}
	return FP_OK;
}

static int
is_secret(const char *name)
{
	return strstr(name, "TOKEN") != NULL || strstr(name, "PASSWORD") != NULL ||
	    strstr(name, "SECRET") != NULL;
}

static int
valid(const char *s, size_t max)
{
	return s == NULL || (strlen(s) <= max && fp_utf8_valid(s, strlen(s)));
}

/* An item as stored: the platform fetched, its fields clean. */
static int
check_item(void *ud, struct fp_item *item)
{
	const char *platform = ud;

	FUZZ_ASSERT(item->platform != NULL && strcmp(item->platform, platform) == 0);
	FUZZ_ASSERT(valid(item->text, FP_ITEM_MAX_TEXT));
	FUZZ_ASSERT(valid(item->account, FP_ITEM_MAX_FIELD));
	FUZZ_ASSERT(valid(item->url, FP_ITEM_MAX_FIELD));
	FUZZ_ASSERT(valid(item->native_id, FP_ITEM_MAX_FIELD));
	FUZZ_ASSERT(valid(item->ref_author, FP_ITEM_MAX_FIELD));
	return 0;
}

static char home_dir[64];

static int
remove_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb;
	(void)type;
	(void)ftw;
	return remove(path);
}

/* The private place goes when the run ends. */
static void
remove_home(void)
{
	if (home_dir[0] != '\0')
		(void)nftw(home_dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* A private place for Bluesky's kept session (and nothing else). */
static const char *
data_home(void)
{
	char *dir = home_dir;

	if (dir[0] == '\0') {
		snprintf(dir, sizeof home_dir, "%s/fuzz-api.XXXXXX",
		    getenv("TMPDIR") != NULL && strlen(getenv("TMPDIR")) < 32 ?
		    getenv("TMPDIR") : "/tmp");
		FUZZ_ASSERT(mkdtemp(dir) != NULL);
		atexit(remove_home);
		setenv("XDG_DATA_HOME", dir, 1);
		setenv("FOOTPRINT_TIME_SCALE", "0.000001", 1);
		/* every answer comes from here: no PDS taken from a DID document */
		setenv("FOOTPRINT_BLUESKY_URL", "https://bsky.invalid", 1);
	}
	return dir;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const platforms[] = { "mastodon", "bluesky", "reddit", "x", NULL };
	const char *home = data_home(), *platform = "mastodon";
	struct answers a;
	struct fp_creds creds;
	struct fp_fetch_opts o;
	struct fp_store *st = NULL;
	struct fp_err err;
	char *session;
	int rc;

	memset(&a, 0, sizeof a);
	fuzz_bundle_parse(&a.b, data, size, "200");
	a.echoes = memmem(data, size, SECRET, strlen(SECRET)) != NULL;
	for (size_t p = 0; a.b.n > 0 && platforms[p] != NULL; p++)
		if (strcmp(a.b.names[0], platforms[p]) == 0) {
			platform = platforms[p];
			a.next = 1;
		}
	memset(&creds, 0, sizeof creds);
	for (size_t p = 0; platforms[p] != NULL; p++) {
		const struct fp_api *api = fp_api_find(platforms[p]);

		for (size_t k = 0; api->needs[k] != NULL; k++) {
			fp_strv_add(&creds.names, api->needs[k]);
			/* tokens, passwords and secrets are secret; handles, user
			 * names, app ids and Mastodon's instance are not */
			if (strcmp(api->needs[k], "FOOTPRINT_MASTODON_URL") == 0)
				fp_strv_add(&creds.values, "https://m.invalid");
			else
				fp_strv_take(&creds.values, xasprintf("%s%s",
				    is_secret(api->needs[k]) ? SECRET : "fuzz-", api->needs[k]));
		}
	}
	memset(&o, 0, sizeof o);
	o.platform = platform;
	o.max_wait = 60;
	o.include_messages = size % 2;
	o.creds = &creds;
	o.quiet = 1;
	FUZZ_ASSERT(fp_store_open(&st, ":memory:", &err) == FP_OK);
	fp_http_answer_with(answer, &a);
	fp_err_clear(&err);
	rc = fp_fetch_run(st, &o, &err);
	fp_http_answer_with(NULL, NULL);
	FUZZ_ASSERT(rc == FP_OK || rc == FP_FAILED);
	FUZZ_ASSERT(rc == FP_OK || err.msg[0] != '\0');
	/* (unless the answers themselves held one, which is then theirs) */
	if (!a.echoes) {
		if (strstr(err.msg, SECRET) != NULL)
			fprintf(stderr, "a message with a secret: %s\n", err.msg);
		FUZZ_ASSERT(strstr(err.msg, SECRET) == NULL);
	}
	FUZZ_ASSERT(fp_store_items_foreach(st, check_item, (void *)platform, &err) == FP_OK);
	fp_store_close(st);
	session = xasprintf("%s/footprint/bluesky-session.json", home);
	unlink(session);
	free(session);
	fp_creds_release(&creds);
	fuzz_bundle_release(&a.b);
	return 0;
}
