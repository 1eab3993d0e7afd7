/*
 * http.h: the one place footprint speaks HTTP (libcurl). Requests carry no
 * secret in the URL; curl's verbose mode is never turned on (it would print
 * the Authorization header). Rate-limit headers of every API are read into
 * the response: the number of requests left and when the window resets.
 */
#ifndef FP_HTTP_H
#define FP_HTTP_H

#include <stdint.h>
#include "footprint.h"
#include "creds.h"

struct fp_http_req {
	const char	*method;	/* GET, POST, DELETE */
	const char	*url;
	struct fp_strv	 headers;	/* "Name: value"; the caller wipes secrets */
	const char	*body;		/* NULL: none */
	const char	*user_agent;
	const char	*basic;		/* "user:password" for HTTP Basic, or NULL */
};

struct fp_http_resp {
	long		 status;	/* 0 when no response came */
	struct fp_buf	 body;
	long long	 remaining;	/* requests left in the window, or -1 */
	int64_t		 reset;		/* when it resets (epoch seconds), or FP_TIME_NONE */
	int64_t		 retry_after;	/* seconds, or -1 */
	char		*next;		/* the Link header's rel="next" URL, or NULL */
	char		 error[256];	/* what went wrong on the wire */
};

/* --verbose: trace every request on stderr (method, URL, headers, body)
 * and its answer (status, size, rate-limit state), with every credential
 * value replaced by "[redacted]", Authorization headers and password fields
 * never shown, and no answer body. creds NULL turns it off. */
void	fp_http_trace(const struct fp_creds *creds);

void	fp_http_req_release(struct fp_http_req *r);	/* wipes the headers */
/* FP_OK when a response came (whatever its status), FP_FAILED when the
 * connection failed or dropped (resp->error says how). */
int	fp_http_do(const struct fp_http_req *req, struct fp_http_resp *resp);
void	fp_http_resp_release(struct fp_http_resp *resp);
/* A base URL: the environment variable when set (tests point it at a local
 * server), else the default. */
const char *fp_http_base(const char *env, const char *def);
/* Sleep, in tests scaled down by FOOTPRINT_TIME_SCALE (0.001: a second
 * becomes a millisecond). */
void	fp_http_sleep(double secs);
/* Whether a request is worth sending again: a dropped connection (rc
 * FP_FAILED), 429, or a 5xx. */
int	fp_http_retryable(int rc, const struct fp_http_resp *resp);
/* How long to wait before attempt number attempt+1: the server's
 * Retry-After or rate-limit reset after a 429, else exponential backoff
 * with jitter (about 2^attempt seconds, at most 60). */
double	fp_http_retry_wait(int rc, const struct fp_http_resp *resp, int attempt);
/* Percent-encode (RFC 3986 unreserved kept); caller frees. */
char	*fp_http_escape(const char *s);

/*
 * Tests and fuzzers only (tests/fuzz/fuzz-api.c): answer every request from
 * fn instead of the network. fn fills in an answer (its strings stay fn's)
 * and returns FP_OK, or FP_FAILED for a dropped connection. The answer's
 * header lines ("Name: value", split by '\n') and body go through the same
 * parsing as libcurl's. NULL goes back to the network.
 */
struct fp_http_answer {
	long		 status;
	const char	*headers;
	size_t		 headers_len;
	const char	*body;
	size_t		 body_len;
};
typedef int (*fp_http_answer_fn)(void *ud, const struct fp_http_req *req,
    struct fp_http_answer *out);
void	fp_http_answer_with(fp_http_answer_fn fn, void *ud);

#endif
