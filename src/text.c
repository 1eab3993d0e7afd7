/*
 * text.c: decoding and normalising text for matching, with utf8proc.
 *
 * The normal form is " w1 w2 w3 ": NFKC, case-folded (unless asked to
 * keep case), accents and other marks stripped, Arabic tatweel dropped,
 * every run of characters that are not letters or digits made one space,
 * with a space at both ends, so that a term matches on word boundaries by
 * searching for " term ". Hashtags and mentions are split at case changes
 * ("#VoteNoNow" also gives "vote no now").
 */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "footprint.h"
#include "text.h"

/* --- HTML entities ---------------------------------------------------- */

static void
put_cp(struct fp_buf *out, int32_t cp)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t n;

	if (cp <= 0 || !utf8proc_codepoint_valid(cp))
		cp = 0xfffd;
	n = utf8proc_encode_char(cp, tmp);
	fp_buf_add(out, tmp, (size_t)n);
}

void
fp_html_unescape(struct fp_buf *out, const char *s)
{
	static const struct { const char *name; int32_t cp; } named[] = {
		{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
		{ "apos", '\'' }, { "nbsp", 0xa0 }, { NULL, 0 }
	};

	while (*s != '\0') {
		const char *semi;
		size_t n;

		if (*s != '&' || (semi = strchr(s, ';')) == NULL || semi - s > 10) {
			fp_buf_addc(out, *s++);
			continue;
		}
		n = (size_t)(semi - s - 1);
		if (s[1] == '#') {
			char *end;
			long v = s[2] == 'x' || s[2] == 'X' ?
			    strtol(s + 3, &end, 16) : strtol(s + 2, &end, 10);

			if (end == semi && v > 0 && v <= 0x10ffff) {
				put_cp(out, (int32_t)v);
				s = semi + 1;
				continue;
			}
		} else {
			int i;

			for (i = 0; named[i].name != NULL; i++)
				if (strlen(named[i].name) == n &&
				    memcmp(named[i].name, s + 1, n) == 0)
					break;
			if (named[i].name != NULL) {
				put_cp(out, named[i].cp);
				s = semi + 1;
				continue;
			}
		}
		fp_buf_addc(out, *s++);
	}
}

/* --- normalisation ---------------------------------------------------- */

int
fp_is_unspaced_script(int32_t cp)
{
	return (cp >= 0x2e80 && cp <= 0x9fff) ||	/* CJK radicals .. ideographs */
	    (cp >= 0xac00 && cp <= 0xd7af) ||		/* Hangul (spaced, but safe) */
	    (cp >= 0xf900 && cp <= 0xfaff) ||		/* CJK compatibility */
	    (cp >= 0x20000 && cp <= 0x2ffff) ||		/* CJK extensions */
	    (cp >= 0x0e00 && cp <= 0x0eff) ||		/* Thai, Lao */
	    (cp >= 0x3040 && cp <= 0x30ff);		/* kana */
}

static int
is_word_cp(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
		return 1;
	default:
		return 0;
	}
}

/*
 * Write s with hashtag and mention words also given split at case changes:
 * "#VoteNoNow" -> "#VoteNoNow Vote No Now".
 */
static void
expand_tags(struct fp_buf *out, const char *s)
{
	while (*s != '\0') {
		const char *w;
		size_t n;

		if ((*s != '#' && *s != '@') || !isalnum((unsigned char)s[1])) {
			fp_buf_addc(out, *s++);
			continue;
		}
		w = s + 1;
		for (n = 0; isalnum((unsigned char)w[n]) || w[n] == '_'; n++)
			;
		fp_buf_add(out, s, n + 1);
		fp_buf_addc(out, ' ');
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)w[i], p = i ? (unsigned char)w[i - 1] : 0;
			unsigned char nx = i + 1 < n ? (unsigned char)w[i + 1] : 0;

			if (i > 0 && ((isupper(c) && islower(p)) ||
			    (isupper(c) && isupper(p) && islower(nx)) ||
			    (isdigit(c) && !isdigit(p)) || (!isdigit(c) && isdigit(p))))
				fp_buf_addc(out, ' ');
			fp_buf_addc(out, w[i] == '_' ? ' ' : (char)c);
		}
		s = w + n;
	}
}

/* Arabic prefixes stripped from a word (longest first), as Lucene's light
 * stemmer does: the article and the article after a clitic. */
static const char *const arabic_prefixes[] = {
	"\xd9\x88\xd8\xa7\xd9\x84",	/* wal */
	"\xd8\xa8\xd8\xa7\xd9\x84",	/* bal */
	"\xd9\x83\xd8\xa7\xd9\x84",	/* kal */
	"\xd9\x81\xd8\xa7\xd9\x84",	/* fal */
	"\xd9\x84\xd9\x84",		/* lil */
	"\xd8\xa7\xd9\x84",		/* al */
	NULL
};

/* Append the word gathered so far (with a space before it if needed). */
static void
flush_word(struct fp_buf *out, struct fp_buf *word, int *arabic, int *space)
{
	const char *w = fp_buf_str(word);
	size_t len = word->len;

	if (len == 0) {
		if (!*space) {
			fp_buf_addc(out, ' ');
			*space = 1;
		}
		return;
	}
	if (*arabic) {
		for (size_t i = 0; arabic_prefixes[i] != NULL; i++) {
			size_t pl = strlen(arabic_prefixes[i]);

			/* keep a stem of three letters (two bytes each) at least */
			if (len >= pl + 6 && memcmp(w, arabic_prefixes[i], pl) == 0) {
				w += pl;
				len -= pl;
				break;
			}
		}
	}
	fp_buf_add(out, w, len);
	fp_buf_addc(out, ' ');
	*space = 1;
	*arabic = 0;
	fp_buf_reset(word);
}

#define NORM_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | \
	UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP | UTF8PROC_STRIPCC)

/*
 * Most posts are plain ASCII, and utf8proc is most of a scan's time. What
 * normalising does to each ASCII byte is asked of utf8proc once, here: -1
 * a boundary between words, 0 removed (control characters), else the byte
 * it becomes (folded or not). ASCII bytes never compose with one another,
 * so a text that is all ASCII normalises byte by byte, with the same result.
 */
static signed char ascii_map[2][128];

static void
ascii_fill(void)
{
	for (int fold = 0; fold <= 1; fold++)
		for (int c = 1; c < 128; c++) {
			utf8proc_uint8_t in[2] = { (utf8proc_uint8_t)c, 0 }, *m = NULL;
			utf8proc_ssize_t n = utf8proc_map(in, 1, &m,
			    NORM_OPTS | (fold ? UTF8PROC_CASEFOLD : 0));
			utf8proc_int32_t cp;

			if (n <= 0)
				ascii_map[fold][c] = 0;
			else if (n == 1 && m[0] < 0x80 &&
			    utf8proc_iterate(m, 1, &cp) == 1 && is_word_cp(cp))
				ascii_map[fold][c] = (signed char)m[0];
			else
				ascii_map[fold][c] = -1;
			free(m);
		}
}

static void
ascii_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, ascii_fill);	/* the scan's workers share it */
}

void
fp_text_normalize(struct fp_buf *out, const char *s, int fold)
{
	struct fp_buf tmp = FP_BUF_INIT;
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t n;
	int opts = NORM_OPTS;
	struct fp_buf word = FP_BUF_INIT;
	size_t j;
	int space = 1, arabic = 0;

	fp_buf_reset(out);
	fp_buf_addc(out, ' ');
	if (s == NULL || *s == '\0')
		return;
	if (fold)
		opts |= UTF8PROC_CASEFOLD;
	expand_tags(&tmp, s);
	for (j = 0; j < tmp.len && (unsigned char)tmp.data[j] < 0x80; j++)
		;
	if (j == tmp.len) {		/* all ASCII: byte by byte */
		const signed char *map = ascii_map[fold != 0];

		ascii_init();
		for (j = 0; j < tmp.len; j++) {
			signed char v = map[(unsigned char)tmp.data[j]];

			if (v > 0) {
				fp_buf_addc(out, (char)v);
				space = 0;
			} else if (v < 0 && !space) {
				fp_buf_addc(out, ' ');
				space = 1;
			}
		}
		if (!space)
			fp_buf_addc(out, ' ');
		fp_buf_release(&tmp);
		return;
	}
	n = utf8proc_map((const utf8proc_uint8_t *)fp_buf_str(&tmp),
	    (utf8proc_ssize_t)tmp.len, &mapped, opts);
	fp_buf_release(&tmp);
	if (n < 0) {
		/* Not valid UTF-8: callers repair first, so only ASCII-fold. */
		for (const char *p = s; *p != '\0'; p++) {
			if (isalnum((unsigned char)*p)) {
				fp_buf_addc(out, fold ? (char)tolower((unsigned char)*p) : *p);
				space = 0;
			} else if (!space) {
				fp_buf_addc(out, ' ');
				space = 1;
			}
		}
		if (!space)
			fp_buf_addc(out, ' ');
		return;
	}
	for (utf8proc_ssize_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(mapped + i, n - i, &cp);

		if (k <= 0)
			break;
		i += k;
		if (cp == 0x0640)		/* Arabic tatweel */
			continue;
		if (is_word_cp(cp)) {
			if (cp == 0x0629)	/* teh marbuta -> heh */
				cp = 0x0647;
			else if (cp == 0x0649)	/* alef maksura -> yeh */
				cp = 0x064a;
			else if (cp == 0x0623 || cp == 0x0625 || cp == 0x0622)
				cp = 0x0627;	/* hamza forms of alef -> alef */
			if (cp >= 0x0600 && cp <= 0x06ff)
				arabic = 1;
			put_cp(&word, cp);
			continue;
		}
		flush_word(out, &word, &arabic, &space);
	}
	flush_word(out, &word, &arabic, &space);
	fp_buf_release(&word);
	if (!space)
		fp_buf_addc(out, ' ');
	free(mapped);
}

/* --- handles ---------------------------------------------------------- */

void
fp_handle_segments(const char *h, struct fp_strv *out)
{
	size_t n = strlen(h), start = 0;

	for (size_t i = 0; i <= n; i++) {
		unsigned char c = (unsigned char)h[i];
		unsigned char p = i ? (unsigned char)h[i - 1] : 0;
		unsigned char nx = i < n ? (unsigned char)h[i + 1] : 0;
		int cut_before = 0, sep = 0;

		if (c == '\0' || c == '_' || c == '.' || c == '-' || c == ' ')
			sep = 1;
		else if (i > start && ((isupper(c) && islower(p)) ||
		    (isupper(c) && isupper(p) && islower(nx)) ||
		    (isdigit(c) && !isdigit(p)) || (!isdigit(c) && isdigit(p))))
			cut_before = 1;
		if ((sep || cut_before) && i > start) {
			int digits = 1;

			for (size_t j = start; j < i; j++)
				if (!isdigit((unsigned char)h[j]))
					digits = 0;
			if (!digits)
				fp_strv_take(out, xstrndup(h + start, i - start));
		}
		if (sep)
			start = i + 1;
		else if (cut_before)
			start = i;
	}
}

/* --- HTML --------------------------------------------------------------- */

void
fp_html_to_text(struct fp_buf *out, const char *html)
{
	struct fp_buf raw = FP_BUF_INIT;
	const char *p = html;

	while (*p != '\0') {
		if (*p != '<') {
			fp_buf_addc(&raw, *p++);
			continue;
		}
		{
			const char *end = strchr(p, '>');
			size_t n;
			char name[16];
			size_t k = 0;
			const char *q = p + 1;

			if (end == NULL) {		/* a lone '<' */
				fp_buf_addc(&raw, *p++);
				continue;
			}
			if (*q == '/')
				q++;
			while (k + 1 < sizeof name && isalpha((unsigned char)q[k])) {
				name[k] = (char)tolower((unsigned char)q[k]);
				k++;
			}
			name[k] = '\0';
			n = (size_t)(end - p);
			/* skip what scripts and styles hold */
			if ((strcmp(name, "script") == 0 || strcmp(name, "style") == 0) &&
			    p[1] != '/') {
				const char *close = strstr(end, name[1] == 'c' ? "</script" : "</style");

				p = close != NULL ? close : end + 1;
				continue;
			}
			if (strcmp(name, "br") == 0 || (p[1] == '/' && (strcmp(name, "p") == 0 ||
			    strcmp(name, "div") == 0 || strcmp(name, "li") == 0)))
				fp_buf_addc(&raw, '\n');
			(void)n;
			p = end + 1;
		}
	}
	fp_html_unescape(out, fp_buf_str(&raw));
	/* no trailing newlines */
	while (out->len > 0 && out->data[out->len - 1] == '\n')
		out->data[--out->len] = '\0';
	fp_buf_release(&raw);
}
