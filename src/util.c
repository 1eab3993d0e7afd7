/*
 * util.c: allocation that never returns NULL, growable buffers, string
 * vectors, error messages, time parsing for every date form the exports
 * use, and UTF-8 validation and repair.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "footprint.h"

void
fp_err_set(struct fp_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
}

void
fp_err_clear(struct fp_err *err)
{
	err->code = FP_OK;
	err->msg[0] = '\0';
}

void
fp_warnx(const char *fmt, ...)
{
	va_list ap;

	fputs("footprint: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void
oom(size_t n)
{
	fprintf(stderr, "footprint: out of memory (%zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		oom(size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom(n * size);
	return p;
}

void *
xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (p == NULL)
		oom(size);
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		oom(SIZE_MAX);
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct fp_buf b = FP_BUF_INIT;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom(0);
	b.cap = (size_t)n + 1;
	b.data = xmalloc(b.cap);
	va_start(ap, fmt);
	vsnprintf(b.data, b.cap, fmt, ap);
	va_end(ap);
	return b.data;
}

/* Make room for n more bytes plus a NUL. */
void
fp_buf_grow(struct fp_buf *b, size_t n)
{
	size_t need;

	if (n > SIZE_MAX - b->len - 1)
		oom(SIZE_MAX);
	need = b->len + n + 1;
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->data = xrealloc(b->data, b->cap);
}

void
fp_buf_addstr(struct fp_buf *b, const char *s)
{
	fp_buf_add(b, s, strlen(s));
}

void
fp_buf_addf(struct fp_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	fp_buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
fp_buf_reset(struct fp_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
fp_buf_release(struct fp_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *
fp_buf_detach(struct fp_buf *b)
{
	char *s = b->data != NULL ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

const char *
fp_buf_str(struct fp_buf *b)
{
	return b->data != NULL ? b->data : "";
}

void
fp_strv_take(struct fp_strv *sv, char *s)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 8;
		sv->v = xreallocarray(sv->v, sv->cap, sizeof *sv->v);
	}
	sv->v[sv->n++] = s;
}

void
fp_strv_add(struct fp_strv *sv, const char *s)
{
	fp_strv_take(sv, xstrdup(s));
}

int
fp_strv_has(const struct fp_strv *sv, const char *s)
{
	for (size_t i = 0; i < sv->n; i++)
		if (strcmp(sv->v[i], s) == 0)
			return 1;
	return 0;
}

int
fp_strv_has_icase(const struct fp_strv *sv, const char *s)
{
	for (size_t i = 0; i < sv->n; i++)
		if (strcasecmp(sv->v[i], s) == 0)
			return 1;
	return 0;
}

void
fp_strv_release(struct fp_strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

int
fp_streq_icase(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcasecmp(a, b) == 0;
}

int
fp_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

int
fp_has_suffix_icase(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

const char *
fp_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* --- time ------------------------------------------------------------ */

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int64_t
fp_time_from_fields(int y, int mon, int d, int h, int mi, int s)
{
	if (y < 1970 || y > 9999 || mon < 1 || mon > 12 || d < 1 || d > 31 ||
	    h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60)
		return FP_TIME_NONE;
	return days_from_civil(y, mon, d) * 86400 + h * 3600 + mi * 60 + s;
}

static int
month_from_name(const char *p)
{
	static const char *const months[] = { "jan", "feb", "mar", "apr",
	    "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

	for (int i = 0; i < 12; i++)
		if (strncasecmp(p, months[i], 3) == 0)
			return i + 1;
	return 0;
}

/* Parse "+hhmm", "+hh:mm", "Z" or "UTC" at p into seconds east of UTC. */
static int
parse_offset(const char *p, long *off)
{
	int sign, hh, mm;

	while (*p == ' ')
		p++;
	*off = 0;
	if (*p == '\0' || *p == 'Z' || strncmp(p, "UTC", 3) == 0 ||
	    strncmp(p, "GMT", 3) == 0)
		return 0;
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p == '-' ? -1 : 1;
	p++;
	if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]))
		return -1;
	hh = (p[0] - '0') * 10 + (p[1] - '0');
	p += 2;
	if (*p == ':')
		p++;
	mm = 0;
	if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]))
		mm = (p[0] - '0') * 10 + (p[1] - '0');
	*off = sign * (hh * 3600L + mm * 60L);
	return 0;
}

/* n digits at p, into *v */
static int
digits(const char *p, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)p[i]))
			return 0;
		*v = *v * 10 + (p[i] - '0');
	}
	return 1;
}

/* "Thu Nov 03 08:50:26 +0000 2022" exactly: 1 and its fields, else 0 */
static int
x_date_fields(const char *s, int *mon, int *d, int *h, int *mi, int *sec, long *off,
    int *y)
{
	static const char layout[] = "Aaa Aaa 00 00:00:00 +0000 0000";
	int oh, om;

	for (size_t i = 0; i < sizeof layout - 1; i++) {
		int sep = layout[i] == ' ' || layout[i] == ':';

		if (s[i] == '\0' || (sep ? s[i] != layout[i] : s[i] == ' ' || s[i] == ':'))
			return 0;
	}
	if (s[sizeof layout - 1] != '\0' || !isalpha((unsigned char)s[0]) ||
	    (s[20] != '+' && s[20] != '-') || (*mon = month_from_name(s + 4)) == 0 ||
	    !digits(s + 8, 2, d) || !digits(s + 11, 2, h) || !digits(s + 14, 2, mi) ||
	    !digits(s + 17, 2, sec) || !digits(s + 21, 2, &oh) || !digits(s + 23, 2, &om) ||
	    !digits(s + 26, 4, y))
		return 0;
	*off = (s[20] == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
	return 1;
}

/*
 * Accepts:
 *   2022-11-03T08:50:26.000Z, 2023-04-26T00:09:58-07:00  (ISO 8601)
 *   2013-11-28 13:37:46 +0000, 2023-01-15 12:34:56 UTC   (classic, Reddit)
 *   Thu Nov 03 08:50:26 +0000 2022                       (X GDPR)
 *   2013-11-28                                           (date only)
 *   1386163177                                           (Unix seconds)
 */
int64_t
fp_time_parse(const char *s)
{
	int y, mon, d, h = 0, mi = 0, sec = 0, n = 0;
	long off = 0;
	int64_t t;
	char wd[4], mname[4];

	if (s == NULL)
		return FP_TIME_NONE;
	while (*s == ' ')
		s++;
	if (*s == '\0')
		return FP_TIME_NONE;
	/* Unix seconds */
	if (strspn(s, "0123456789") == strlen(s) && strlen(s) >= 9 && strlen(s) <= 11)
		return (int64_t)strtoll(s, NULL, 10);
	/* X: "Thu Nov 03 08:50:26 +0000 2022", as X writes it (without sscanf:
	 * a million posts each have one), or with other spacing */
	if (x_date_fields(s, &mon, &d, &h, &mi, &sec, &off, &y)) {
		t = fp_time_from_fields(y, mon, d, h, mi, sec);
		return t == FP_TIME_NONE ? t : t - off;
	}
	if (isalpha((unsigned char)s[0])) {
		char offs[8];

		if (sscanf(s, "%3s %3s %d %d:%d:%d %7s %d", wd, mname, &d, &h,
		    &mi, &sec, offs, &y) != 8)
			return FP_TIME_NONE;
		if ((mon = month_from_name(mname)) == 0)
			return FP_TIME_NONE;
		if (parse_offset(offs, &off) != 0)
			return FP_TIME_NONE;
		t = fp_time_from_fields(y, mon, d, h, mi, sec);
		return t == FP_TIME_NONE ? t : t - off;
	}
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mon, &d, &n) != 3)
		return FP_TIME_NONE;
	s += n;
	if (*s == 'T' || *s == ' ') {
		int m = 0;

		if (sscanf(s + 1, "%2d:%2d%n", &h, &mi, &m) == 2) {
			s += 1 + m;
			if (*s == ':' && sscanf(s + 1, "%2d%n", &sec, &m) == 1)
				s += 1 + m;
			if (*s == '.' || *s == ',')
				for (s++; isdigit((unsigned char)*s); s++)
					;
			if (parse_offset(s, &off) != 0)
				return FP_TIME_NONE;
		}
	}
	t = fp_time_from_fields(y, mon, d, h, mi, sec);
	return t == FP_TIME_NONE ? t : t - off;
}

void
fp_time_iso(int64_t t, char out[32])
{
	struct tm tm;
	time_t tt;

	out[0] = '\0';
	if (t == FP_TIME_NONE)
		return;
	tt = (time_t)t;
	if (gmtime_r(&tt, &tm) == NULL)
		return;
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* First snowflake ids appeared on 2010-11-04; earlier ids are sequential. */
#define SNOWFLAKE_MIN	UINT64_C(29700859247)
#define SNOWFLAKE_EPOCH	INT64_C(1288834974657)

int64_t
fp_time_snowflake(const char *id)
{
	uint64_t v;
	char *end;

	if (id == NULL || !isdigit((unsigned char)id[0]))
		return FP_TIME_NONE;
	errno = 0;
	v = strtoull(id, &end, 10);
	if (errno != 0 || *end != '\0' || v < SNOWFLAKE_MIN)
		return FP_TIME_NONE;
	return (int64_t)(((v >> 22) + (uint64_t)SNOWFLAKE_EPOCH) / 1000);
}

int
fp_parse_age(const char *s, int64_t *seconds)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || end == s || n < 0 || n > 1000)
		return -1;
	switch (*end) {
	case 'y': *seconds = n * 365LL * 86400; break;
	case 'm': *seconds = n * 30LL * 86400; break;
	case 'w': *seconds = n * 7LL * 86400; break;
	case 'd': *seconds = n * 86400LL; break;
	default: return -1;
	}
	return end[1] == '\0' ? 0 : -1;
}

/* --- UTF-8 ------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len, i;
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

int
fp_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	/* Unicode's table 3-7 of well-formed sequences, inline: this runs
	 * over every field of every item read. */
	while (i < len) {
		unsigned char c, c1;

		/* ASCII runs, eight bytes at a time (most of any export) */
		while (i + 8 <= len) {
			uint64_t w;

			memcpy(&w, p + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if ((c = p[i]) < 0x80) {
			i++;
			continue;
		}
		if (c < 0xc2 || c > 0xf4)
			return 0;
		if (c <= 0xdf) {
			if (len - i < 2 || (p[i + 1] & 0xc0) != 0x80)
				return 0;
			i += 2;
			continue;
		}
		if (len - i < (c <= 0xef ? 3u : 4u))
			return 0;
		c1 = p[i + 1];
		if ((c1 & 0xc0) != 0x80 || (p[i + 2] & 0xc0) != 0x80)
			return 0;
		if (c <= 0xef) {
			if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 > 0x9f))
				return 0;	/* overlong; a surrogate */
			i += 3;
			continue;
		}
		if ((p[i + 3] & 0xc0) != 0x80 || (c == 0xf0 && c1 < 0x90) ||
		    (c == 0xf4 && c1 > 0x8f))
			return 0;		/* overlong; past U+10FFFF */
		i += 4;
	}
	return 1;
}

int
fp_is_ascii(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, p + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			return 0;
	}
	for (; i < len; i++)
		if (p[i] >= 0x80)
			return 0;
	return 1;
}

size_t
fp_utf8_chars(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, n = 0;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
		} else if ((k = utf8_seq(p + i, len - i)) != 0)
			i += k;
		else
			i++;		/* a bad byte: one U+FFFD once repaired */
		n++;
	}
	return n;
}

size_t
fp_utf8_repair(struct fp_buf *out, const char *s, size_t len, size_t *first_bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, bad = 0, start = 0;

	while (i < len) {
		if ((k = utf8_seq(p + i, len - i)) != 0) {
			i += k;
			continue;
		}
		if (bad++ == 0 && first_bad != NULL)
			*first_bad = i;
		fp_buf_add(out, s + start, i - start);
		fp_buf_add(out, "\xef\xbf\xbd", 3);
		start = ++i;
	}
	fp_buf_add(out, s + start, len - start);
	return bad;
}

void
fp_line_col(const char *s, size_t len, size_t off, int *line, int *col)
{
	int l = 1, c = 1;

	for (size_t i = 0; i < off && i < len; i++) {
		if (s[i] == '\n')
			l++, c = 1;
		else if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	}
	*line = l;
	*col = c;
}
