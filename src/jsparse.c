/*
 * jsparse.c: the fast path of include/jsparse.h: plain JSON, whole in
 * memory, into a jansson tree.
 *
 * A recursive descent over the bytes. Strings without escapes go to
 * jansson straight from the input (json_stringn_nocheck copies them once);
 * the scan for the end of a string looks at eight bytes at a time for a
 * quote, a backslash or a control byte. Integers of up to 18 digits are
 * converted here; any other number is handed to json_loadb alone, so that
 * reals and big integers are exactly jansson's. Whatever is not plain
 * makes the whole parse give up (NULL): the caller then runs json_loadb on
 * the same bytes, which knows the error and where it is.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "jsparse.h"
#include "swar.h"

struct jsp {
	const unsigned char	*p;	/* the next byte */
	const unsigned char	*end;
	const char *const	*drop;	/* member names left out, or NULL */
	struct fp_buf		*scratch;
	int			 depth;
	int			 high;	/* a byte outside strings is not ASCII */
};

static json_t *read_value(struct jsp *s);

static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static void
skip_blanks(struct jsp *s)
{
	while (s->p < s->end && is_blank(*s->p))
		s->p++;
}

static int
hex4(const unsigned char *p, const unsigned char *end, unsigned *out)
{
	unsigned v = 0;

	if (end - p < 4)
		return 0;
	for (int i = 0; i < 4; i++) {
		unsigned c = p[i];

		if (c >= '0' && c <= '9')
			c -= '0';
		else if (c >= 'a' && c <= 'f')
			c -= 'a' - 10;
		else if (c >= 'A' && c <= 'F')
			c -= 'A' - 10;
		else
			return 0;
		v = v << 4 | c;
	}
	*out = v;
	return 1;
}

/* The escape after a backslash at s->p, decoded onto out. */
static int
read_escape(struct jsp *s, struct fp_buf *out)
{
	unsigned cp, lo;
	char u[4];
	size_t n;

	if (s->end - s->p < 2)
		return 0;
	switch (s->p[1]) {
	case '"': case '\\': case '/':
		fp_buf_addc(out, (char)s->p[1]);
		s->p += 2;
		return 1;
	case 'b': fp_buf_addc(out, '\b'); s->p += 2; return 1;
	case 'f': fp_buf_addc(out, '\f'); s->p += 2; return 1;
	case 'n': fp_buf_addc(out, '\n'); s->p += 2; return 1;
	case 'r': fp_buf_addc(out, '\r'); s->p += 2; return 1;
	case 't': fp_buf_addc(out, '\t'); s->p += 2; return 1;
	case 'u':
		break;
	default:
		return 0;
	}
	if (!hex4(s->p + 2, s->end, &cp))
		return 0;
	s->p += 6;
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return 0;			/* a second half alone */
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u' ||
		    !hex4(s->p + 2, s->end, &lo) || lo < 0xDC00 || lo > 0xDFFF)
			return 0;
		s->p += 6;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	}
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	fp_buf_add(out, u, n);
	return 1;
}

/*
 * The string at s->p (its opening quote): *str and *len are its bytes,
 * in the input when it has no escape, else decoded into out (reset first).
 * 0 when it is not a plain, closed string.
 */
static int
read_string(struct jsp *s, struct fp_buf *out, const char **str, size_t *len)
{
	const unsigned char *start = ++s->p;
	int high = 0;
	size_t run = fp_swar_string_run(s->p, s->end, &high);

	s->p += run;
	if (s->p < s->end && *s->p == '"') {
		if (high && !fp_utf8_valid((const char *)start, run))
			return 0;
		*str = (const char *)start;
		*len = run;
		s->p++;
		return 1;
	}
	fp_buf_reset(out);
	fp_buf_add(out, start, run);
	for (;;) {
		if (s->p == s->end || *s->p < 0x20)
			return 0;
		if (*s->p == '"')
			break;
		if (!read_escape(s, out))
			return 0;
		run = fp_swar_string_run(s->p, s->end, &high);
		fp_buf_add(out, s->p, run);
		s->p += run;
	}
	/* escapes are ASCII: the bytes as they stand are UTF-8 or not */
	if (high && !fp_utf8_valid((const char *)start, (size_t)(s->p - start)))
		return 0;
	s->p++;
	*str = out->len > 0 ? out->data : "";
	*len = out->len;
	return 1;
}

/* A number: integers of up to 18 digits here, any other through jansson. */
static json_t *
read_number(struct jsp *s)
{
	const unsigned char *q = s->p;
	json_int_t v = 0;
	int digits = 0, neg = 0;

	if (*q == '-') {
		neg = 1;
		q++;
	}
	if (q == s->end || *q < '0' || *q > '9')
		return NULL;
	if (*q == '0') {
		q++;
		digits = 1;
		if (q < s->end && *q >= '0' && *q <= '9')
			return NULL;		/* a leading zero */
	} else {
		for (; q < s->end && *q >= '0' && *q <= '9'; q++, digits++)
			if (digits < 18)
				v = v * 10 + (*q - '0');
	}
	if (digits > 18 || (q < s->end && (*q == '.' || *q == 'e' || *q == 'E'))) {
		/* all the bytes a number may hold: jansson takes them or not */
		const unsigned char *e = q;
		json_t *n;

		while (e < s->end && ((*e >= '0' && *e <= '9') || *e == '.' || *e == 'e' ||
		    *e == 'E' || *e == '+' || *e == '-'))
			e++;
		n = json_loadb((const char *)s->p, (size_t)(e - s->p), JSON_DECODE_ANY, NULL);
		if (n != NULL && !json_is_number(n)) {
			json_decref(n);
			n = NULL;
		}
		s->p = e;
		return n;
	}
	s->p = q;
	return json_integer(neg ? -v : v);
}

/* true, false or null: the word, and no letter after it. */
static json_t *
read_word(struct jsp *s)
{
	static const struct {
		const char	*word;
		size_t		 len;
	} words[] = { { "true", 4 }, { "false", 5 }, { "null", 4 } };

	for (size_t i = 0; i < 3; i++) {
		size_t n = words[i].len;
		const unsigned char *after = s->p + n;

		if ((size_t)(s->end - s->p) < n || memcmp(s->p, words[i].word, n) != 0)
			continue;
		if (after < s->end && ((*after | 0x20) >= 'a' && (*after | 0x20) <= 'z'))
			return NULL;
		s->p = after;
		return i == 0 ? json_true() : i == 1 ? json_false() : json_null();
	}
	return NULL;
}

static int
is_dropped(const char *const *drop, const char *key, size_t len)
{
	for (size_t i = 0; drop[i] != NULL; i++) {
		const char *d = drop[i];
		size_t j = 0;

		/* names are short: inline, stopping at d's NUL (keys have none) */
		while (j < len && d[j] == key[j])
			j++;
		if (j == len && d[j] == '\0')
			return 1;
	}
	return 0;
}

/* Bytes before a quote or a bracket (fp_swar_token_run), *high set when
 * one of them is not ASCII. */
static size_t
token_run(const unsigned char *p, const unsigned char *end, int *high)
{
	const unsigned char *q = p;
	uint64_t any = 0;

	while (end - q >= 8) {
		uint64_t w = fp_swar_load(q);

		if (FP_SWAR_HAS(w, '"') | FP_SWAR_HAS(w & (FP_SWAR_ONES * 0xD9), 0x59))
			break;
		any |= w;
		q += 8;
	}
	while (q < end && *q != '"' && *q != '{' && *q != '}' && *q != '[' && *q != ']')
		any |= *q++;
	if (any & FP_SWAR_HIGHS)
		*high = 1;
	return (size_t)(q - p);
}

/* Past the value at s->p unread: its brackets balanced, its strings
 * closed (as the compaction in jsfile.c cuts a member). */
static int
skip_value(struct jsp *s)
{
	int depth = 0;

	do {
		if (depth > 0)		/* to the next quote or bracket */
			s->p += token_run(s->p, s->end, &s->high);
		if (s->p == s->end)
			return 0;
		switch (*s->p) {
		case '"': {
			const unsigned char *start = ++s->p;
			int high = 0;

			for (;;) {
				s->p += fp_swar_string_run(s->p, s->end, &high);
				if (s->p == s->end)
					return 0;
				if (*s->p == '"')
					break;
				if (*s->p == '\\' && s->p + 1 < s->end && s->p[1] >= 0x80)
					high = 1;	/* escaping it or not */
				s->p += *s->p == '\\' ? 2 : 1;
				if (s->p > s->end)
					return 0;
			}
			if (high && !fp_utf8_valid((const char *)start, (size_t)(s->p - start)))
				return 0;
			s->p++;
			break;
		}
		case '{': case '[':
			depth++;
			s->p++;
			break;
		case '}': case ']':
			if (depth-- == 0)
				return 0;
			s->p++;
			break;
		default:
			if (depth == 0) {	/* a scalar: to a blank or a delimiter */
				const unsigned char *start = s->p;

				while (s->p < s->end && !is_blank(*s->p) && *s->p != ',' &&
				    *s->p != '}' && *s->p != ']')
					s->high |= *s->p++ >= 0x80;
				return s->p > start;
			}
			s->high |= *s->p++ >= 0x80;
		}
	} while (depth > 0);
	return 1;
}

static json_t *
read_object(struct jsp *s)
{
	json_t *obj = json_object(), *v;
	const char *key;
	char *owned = NULL;
	size_t klen;

	if (obj == NULL)
		return NULL;
	s->p++;
	skip_blanks(s);
	if (s->p < s->end && *s->p == '}') {
		s->p++;
		return obj;
	}
	for (;;) {
		if (s->p == s->end || *s->p != '"' || !read_string(s, s->scratch, &key, &klen))
			goto fail;
		if (key == s->scratch->data) {
			/* decoded: the value may need the scratch buffer */
			if (memchr(key, '\0', klen) != NULL)
				goto fail;	/* jansson refuses NUL in keys */
			owned = malloc(klen + 1);
			if (owned == NULL)
				goto fail;
			memcpy(owned, key, klen);
			key = owned;
		}
		skip_blanks(s);
		if (s->p == s->end || *s->p != ':')
			goto fail;
		s->p++;
		skip_blanks(s);
		/* a key spelt with an escape is another key, as to the
		 * compaction in jsfile.c */
		if (s->drop != NULL && owned == NULL && klen > 0 &&
		    is_dropped(s->drop, key, klen)) {
			if (!skip_value(s))
				goto fail;
		} else {
			if ((v = read_value(s)) == NULL)
				goto fail;
			if (json_object_setn_new_nocheck(obj, key, klen, v) != 0)
				goto fail;
		}
		free(owned);
		owned = NULL;
		skip_blanks(s);
		if (s->p < s->end && *s->p == ',') {
			s->p++;
			skip_blanks(s);
			continue;
		}
		if (s->p < s->end && *s->p == '}') {
			s->p++;
			return obj;
		}
		goto fail;
	}
fail:
	free(owned);
	json_decref(obj);
	return NULL;
}

static json_t *
read_array(struct jsp *s)
{
	json_t *arr = json_array(), *v;

	if (arr == NULL)
		return NULL;
	s->p++;
	skip_blanks(s);
	if (s->p < s->end && *s->p == ']') {
		s->p++;
		return arr;
	}
	for (;;) {
		if ((v = read_value(s)) == NULL || json_array_append_new(arr, v) != 0)
			goto fail;
		skip_blanks(s);
		if (s->p < s->end && *s->p == ',') {
			s->p++;
			skip_blanks(s);
			continue;
		}
		if (s->p < s->end && *s->p == ']') {
			s->p++;
			return arr;
		}
		goto fail;
	}
fail:
	json_decref(arr);
	return NULL;
}

static json_t *
read_value(struct jsp *s)
{
	const char *str;
	size_t len;
	json_t *v;

	if (s->p == s->end)
		return NULL;
	switch (*s->p) {
	case '"':
		return read_string(s, s->scratch, &str, &len) ? json_stringn_nocheck(str, len) :
		    NULL;
	case '{':
	case '[':
		if (++s->depth > FP_JSPARSE_MAX_DEPTH)
			return NULL;
		v = *s->p == '{' ? read_object(s) : read_array(s);
		s->depth--;
		return v;
	case 't': case 'f': case 'n':
		return read_word(s);
	default:
		return read_number(s);
	}
}

json_t *
fp_json_parse_fast(const char *b, size_t n, const char *const *drop, struct fp_buf *scratch)
{
	struct jsp s = { (const unsigned char *)b, (const unsigned char *)b + n, drop, scratch,
	    0, 0 };
	json_t *v;

	skip_blanks(&s);
	if ((v = read_value(&s)) == NULL)
		return NULL;
	skip_blanks(&s);
	if (s.p != s.end || (s.high && !fp_utf8_valid(b, n))) {
		json_decref(v);
		return NULL;
	}
	return v;
}

json_t *
fp_json_parse_prefix(const char *b, size_t n, const char *const *drop,
    struct fp_buf *scratch, size_t *used)
{
	struct jsp s = { (const unsigned char *)b, (const unsigned char *)b + n, drop, scratch,
	    0, 0 };
	json_t *v;

	if (n == 0 || (b[0] != '{' && b[0] != '['))
		return NULL;
	if ((v = read_value(&s)) == NULL)
		return NULL;
	*used = (size_t)((const char *)s.p - b);
	if (s.high && !fp_utf8_valid(b, *used)) {
		json_decref(v);
		return NULL;
	}
	return v;
}
