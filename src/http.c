/*
 * http.c: requests through libcurl (see http.h).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <curl/curl.h>

#include "footprint.h"
#include "creds.h"
#include "http.h"

#define MAX_BODY	((size_t)8 << 20)

static const struct fp_creds *trace_creds;	/* --verbose */

void
fp_http_trace(const struct fp_creds *creds)
{
	trace_creds = creds;
}

/* A copy of s fit to print: credentials redacted, and the value of any
 * password field ("password=..." or "password":"...") too. */
static char *
trace_clean(const char *s)
{
	char *out = fp_creds_redact(trace_creds, s), *p = out;

	while ((p = strstr(p, "password")) != NULL) {
		char *v = p + 8, stop = '&';

		if (*v == '=')
			v++;
		else if (v[0] == '"' && v[1] == ':') {
			v += 2;
			while (*v == ' ')
				v++;
			if (*v != '"') {
				p = v;
				continue;
			}
			v++;
			stop = '"';
		} else {
			p = v;
			continue;
		}
		for (p = v; *p != '\0' && *p != stop; p++)
			*p = '*';
	}
	return out;
}

static void
trace_request(const struct fp_http_req *req)
{
	char *c = trace_clean(req->url);

	fprintf(stderr, "> %s %s\n", req->method, c);
	free(c);
	for (size_t i = 0; i < req->headers.n; i++) {
		const char *h = req->headers.v[i];
		size_t name = strcspn(h, ":");

		if (name == 13 && strncasecmp(h, "Authorization", 13) == 0) {
			fprintf(stderr, "> Authorization: [redacted]\n");
			continue;
		}
		c = trace_clean(h);
		fprintf(stderr, "> %s\n", c);
		free(c);
	}
	if (req->basic != NULL)
		fprintf(stderr, "> Authorization: Basic [redacted]\n");
	if (req->body != NULL) {
		c = trace_clean(req->body);
		fprintf(stderr, "> %s\n", c);
		fp_wipe(c, strlen(c));
		free(c);
	}
}

static void
trace_response(const struct fp_http_resp *resp)
{
	if (resp->status == 0) {
		fprintf(stderr, "< no answer: %s\n", resp->error);
		return;
	}
	fprintf(stderr, "< %ld (%zu bytes", resp->status, resp->body.len);
	if (resp->remaining >= 0)
		fprintf(stderr, ", %lld left", resp->remaining);
	if (resp->reset != FP_TIME_NONE) {
		char when[32];

		fp_time_iso(resp->reset, when);
		fprintf(stderr, ", reset %s", when);
	}
	if (resp->retry_after >= 0)
		fprintf(stderr, ", retry after %llds", (long long)resp->retry_after);
	fprintf(stderr, ")\n");
}

void
fp_http_req_release(struct fp_http_req *r)
{
	for (size_t i = 0; i < r->headers.n; i++)
		fp_wipe(r->headers.v[i], strlen(r->headers.v[i]));
	fp_strv_release(&r->headers);
}

void
fp_http_resp_release(struct fp_http_resp *resp)
{
	fp_buf_release(&resp->body);
	free(resp->next);
	resp->next = NULL;
}

void
fp_http_sleep(double secs)
{
	const char *scale = getenv("FOOTPRINT_TIME_SCALE");
	struct timespec ts;

	if (scale != NULL)
		secs *= strtod(scale, NULL);
	if (secs <= 0)
		return;
	ts.tv_sec = (time_t)secs;
	ts.tv_nsec = (long)((secs - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

int
fp_http_retryable(int rc, const struct fp_http_resp *resp)
{
	return rc == FP_FAILED || resp->status == 429 || resp->status >= 500;
}

double
fp_http_retry_wait(int rc, const struct fp_http_resp *resp, int attempt)
{
	double base = (double)(1 << (attempt < 6 ? attempt : 6)), w;

	if (rc == FP_OK && resp->status == 429) {
		w = resp->retry_after > 0 ? (double)resp->retry_after :
		    resp->reset != FP_TIME_NONE ? (double)(resp->reset - time(NULL)) + 1 : 60;
		if (w >= 1)
			return w;
	}
	if (base > 60)
		base = 60;
	return base / 2 + (double)rand() / RAND_MAX * base / 2;
}

const char *
fp_http_base(const char *env, const char *def)
{
	const char *v = getenv(env);

	return v != NULL && v[0] != '\0' ? v : def;
}

char *
fp_http_escape(const char *s)
{
	struct fp_buf b = FP_BUF_INIT;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
			fp_buf_addc(&b, (char)c);
		else
			fp_buf_addf(&b, "%%%02X", c);
	}
	return fp_buf_detach(&b);
}

static size_t
on_body(char *p, size_t size, size_t n, void *ud)
{
	struct fp_http_resp *r = ud;

	if (r->body.len + size * n > MAX_BODY)
		return 0;		/* too big: the transfer fails */
	fp_buf_add(&r->body, p, size * n);
	return size * n;
}

/* The reset of a rate-limit window: epoch seconds, seconds from now
 * (Reddit), or an ISO 8601 time (Mastodon). */
static int64_t
reset_time(const char *v)
{
	char *end;
	double d;

	if (strchr(v, '-') != NULL || strchr(v, 'T') != NULL)
		return fp_time_parse(v);
	d = strtod(v, &end);
	if (end == v || !(d >= 0))		/* not a number, NaN, or negative */
		return FP_TIME_NONE;
	if (d < 1e9)
		return (int64_t)time(NULL) + (int64_t)(d + 0.999);
	if (d > 1e11)				/* past the year 5000: the answer lies */
		d = 1e11;
	return (int64_t)d;
}

/* Link: <https://host/api/v1/favourites?max_id=1>; rel="next", <...>; rel="prev" */
static void
link_next(struct fp_http_resp *r, const char *v)
{
	while ((v = strchr(v, '<')) != NULL) {
		const char *end = strchr(v, '>'), *params, *comma;

		if (end == NULL)
			return;
		params = end + 1;
		comma = strchr(params, ',');
		if (comma == NULL)
			comma = params + strlen(params);
		for (const char *p = params; p + 8 <= comma; p++) {
			size_t n = (size_t)(comma - p);

			if ((n >= 10 && strncasecmp(p, "rel=\"next\"", 10) == 0) ||
			    (strncasecmp(p, "rel=next", 8) == 0 && (n == 8 || p[8] == ';' ||
			    p[8] == ' '))) {
				free(r->next);
				r->next = xstrndup(v + 1, (size_t)(end - v - 1));
				return;
			}
		}
		v = comma;
	}
}

static size_t
on_header(char *p, size_t size, size_t n, void *ud)
{
	struct fp_http_resp *r = ud;
	size_t len = size * n;
	char line[2048], *colon, *v;

	if (len >= sizeof line)
		return len;
	memcpy(line, p, len);
	line[len] = '\0';
	line[strcspn(line, "\r\n")] = '\0';
	if ((colon = strchr(line, ':')) == NULL)
		return len;
	*colon = '\0';
	for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
		;
	/* the names of every API: x-rate-limit-*, x-user-limit-24hour-*,
	 * X-RateLimit-* (Mastodon, Reddit), RateLimit-* (Bluesky) */
	if (strcasecmp(line, "x-rate-limit-remaining") == 0 ||
	    strcasecmp(line, "x-user-limit-24hour-remaining") == 0 ||
	    strcasecmp(line, "x-ratelimit-remaining") == 0 ||
	    strcasecmp(line, "ratelimit-remaining") == 0) {
		double d = strtod(v, NULL);	/* Reddit's is "99.0" */
		long long left = d > 1e15 ? (long long)1e15 : d >= 0 ? (long long)d : -1;

		if (left >= 0 && (r->remaining < 0 || left < r->remaining))
			r->remaining = left;	/* NaN or negative: not a count */
	} else if (strcasecmp(line, "x-rate-limit-reset") == 0 ||
	    strcasecmp(line, "x-user-limit-24hour-reset") == 0 ||
	    strcasecmp(line, "x-ratelimit-reset") == 0 ||
	    strcasecmp(line, "ratelimit-reset") == 0) {
		int64_t t = reset_time(v);

		if (t != FP_TIME_NONE && (r->reset == FP_TIME_NONE || t > r->reset))
			r->reset = t;
	} else if (strcasecmp(line, "retry-after") == 0)
		r->retry_after = strtoll(v, NULL, 10);
	else if (strcasecmp(line, "link") == 0)
		link_next(r, v);
	return len;
}

static fp_http_answer_fn answer_fn;
static void *answer_ud;

void
fp_http_answer_with(fp_http_answer_fn fn, void *ud)
{
	answer_fn = fn;
	answer_ud = ud;
}

/* fp_http_do with the answer from answer_fn, parsed as libcurl's would be. */
static int
answer(const struct fp_http_req *req, struct fp_http_resp *resp)
{
	struct fp_http_answer a;
	size_t off = 0;

	memset(&a, 0, sizeof a);
	if (trace_creds != NULL)
		trace_request(req);
	if (answer_fn(answer_ud, req, &a) != FP_OK) {
		snprintf(resp->error, sizeof resp->error, "the connection was dropped");
		return FP_FAILED;
	}
	resp->status = a.status;
	while (off < a.headers_len) {
		const char *nl = memchr(a.headers + off, '\n', a.headers_len - off);
		size_t n = nl != NULL ? (size_t)(nl - a.headers - off) + 1 : a.headers_len - off;

		on_header((char *)a.headers + off, 1, n, resp);
		off += n;
	}
	if (a.body_len > 0 && on_body((char *)a.body, 1, a.body_len, resp) != a.body_len) {
		snprintf(resp->error, sizeof resp->error, "the answer was too big");
		return FP_FAILED;
	}
	if (trace_creds != NULL)
		trace_response(resp);
	return FP_OK;
}

int
fp_http_do(const struct fp_http_req *req, struct fp_http_resp *resp)
{
	static int inited;
	CURL *c;
	struct curl_slist *h = NULL;
	CURLcode cc;
	char errbuf[CURL_ERROR_SIZE];

	memset(resp, 0, sizeof *resp);
	resp->remaining = -1;
	resp->reset = FP_TIME_NONE;
	resp->retry_after = -1;
	if (answer_fn != NULL)
		return answer(req, resp);
	if (!inited) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		inited = 1;
	}
	if ((c = curl_easy_init()) == NULL) {
		snprintf(resp->error, sizeof resp->error, "cannot start libcurl");
		return FP_FAILED;
	}
	errbuf[0] = '\0';
	curl_easy_setopt(c, CURLOPT_URL, req->url);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, req->method);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, req->user_agent ? req->user_agent :
	    "footprint/" PACKAGE_VERSION);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, resp);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, resp);
	for (size_t i = 0; i < req->headers.n; i++)
		h = curl_slist_append(h, req->headers.v[i]);
	h = curl_slist_append(h, "Accept: application/json");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	if (req->basic != NULL) {
		curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
		curl_easy_setopt(c, CURLOPT_USERPWD, req->basic);
	}
	if (req->body != NULL)
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, req->body);
	else if (strcmp(req->method, "POST") == 0)
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, "");
	if (trace_creds != NULL)
		trace_request(req);
	cc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &resp->status);
	if (cc != CURLE_OK)
		snprintf(resp->error, sizeof resp->error, "%s", errbuf[0] ? errbuf :
		    curl_easy_strerror(cc));
	if (trace_creds != NULL)
		trace_response(resp);
	/* curl's copies of the headers may hold a token: wipe them */
	for (struct curl_slist *l = h; l != NULL; l = l->next)
		fp_wipe(l->data, strlen(l->data));
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return cc == CURLE_OK ? FP_OK : FP_FAILED;
}
