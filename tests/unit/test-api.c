/*
 * Unit tests: the API plumbing (connectors/x-api.c, src/http.c): OAuth 1.0a
 * signatures by liboauth against values computed independently with
 * python3-oauthlib, and the waits after a refused or failed request.
 */
#include "config.h"
#include <time.h>
#include "unit.h"
#include "api.h"
#include "footprint.h"
#include "http.h"

/* The header's oauth_signature="..." value, percent-encoded as sent. */
static char *
signature_of(const char *header)
{
	const char *p = strstr(header, "oauth_signature=\"");
	const char *end;

	if (p == NULL)
		return NULL;
	p += 17;
	end = strchr(p, '"');
	return end ? xstrndup(p, (size_t)(end - p)) : NULL;
}

UNIT(signs_a_delete_without_body)
{
	char *h = fp_x_oauth_header("DELETE", "http://127.0.0.1:8080/2/tweets/123", "ck-fake",
	    "cs-fake-secret", "tk-fake", "ts-fake-secret", "abcdef", "1700000000");
	char *sig = signature_of(h);

	CHECK(strncmp(h, "Authorization: OAuth ", 21) == 0);
	CHECK(strstr(h, "oauth_consumer_key=\"ck-fake\"") != NULL);
	CHECK(strstr(h, "oauth_token=\"tk-fake\"") != NULL);
	CHECK(strstr(h, "oauth_signature_method=\"HMAC-SHA1\"") != NULL);
	CHECK(strstr(h, "oauth_nonce=\"abcdef\"") != NULL);
	CHECK(strstr(h, "oauth_timestamp=\"1700000000\"") != NULL);
	/* the secrets sign; they are never sent */
	CHECK(strstr(h, "cs-fake-secret") == NULL);
	CHECK(strstr(h, "ts-fake-secret") == NULL);
	CHECK_STR(sig, "8Nv6Bs17owIKA6I5tOMwPlOc3ws%3D");
	free(sig);
	free(h);
}

UNIT(signs_the_query_of_a_get)
{
	/* '+' and '/' in the signature are percent-encoded in the header */
	char *h = fp_x_oauth_header("GET", "https://api.x.com/2/users/4242/tweets?max_results=100"
	    "&tweet.fields=created_at%2Clang&pagination_token=p100", "ck-fake", "cs-fake-secret",
	    "tk-fake", "ts-fake-secret", "abcdef", "1700000000");
	char *sig = signature_of(h);

	CHECK_STR(sig, "2%2Bq3fr%2FF8qmjKXoz6mRjkHFs2SM%3D");
	/* the query is signed, not moved into the header */
	CHECK(strstr(h, "max_results") == NULL);
	free(sig);
	free(h);
}

UNIT(waits_as_the_server_says)
{
	struct fp_http_resp r;

	memset(&r, 0, sizeof r);
	r.status = 429;
	r.remaining = 0;
	r.reset = FP_TIME_NONE;
	r.retry_after = 17;
	CHECK(fp_http_retryable(FP_OK, &r));
	CHECK(fp_http_retry_wait(FP_OK, &r, 1) == 17.0);
	/* no Retry-After: until the window's reset */
	r.retry_after = -1;
	r.reset = (int64_t)time(NULL) + 100;
	CHECK(fp_http_retry_wait(FP_OK, &r, 1) >= 99.0);
	CHECK(fp_http_retry_wait(FP_OK, &r, 1) <= 102.0);
	/* nothing said: a minute */
	r.reset = FP_TIME_NONE;
	CHECK(fp_http_retry_wait(FP_OK, &r, 1) == 60.0);
}

UNIT(backs_off_with_jitter)
{
	struct fp_http_resp r;

	memset(&r, 0, sizeof r);
	r.status = 503;
	r.retry_after = -1;
	r.reset = FP_TIME_NONE;
	CHECK(fp_http_retryable(FP_OK, &r));
	CHECK(fp_http_retryable(FP_FAILED, &r));
	for (int attempt = 1; attempt < 10; attempt++) {
		double base = attempt < 6 ? (double)(1 << attempt) : 60;
		double w = fp_http_retry_wait(FP_OK, &r, attempt);

		if (base > 60)
			base = 60;
		CHECK(w >= base / 2 && w <= base);
	}
	/* what is not worth sending again */
	r.status = 404;
	CHECK(!fp_http_retryable(FP_OK, &r));
	r.status = 403;
	CHECK(!fp_http_retryable(FP_OK, &r));
}

UNIT_MAIN(signs_a_delete_without_body, signs_the_query_of_a_get, waits_as_the_server_says,
    backs_off_with_jitter)
