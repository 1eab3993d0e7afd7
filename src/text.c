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
#include <stdatomic.h>
#include <stdint.h>
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
	static const struct { const char *name; size_t len; int32_t cp; } named[] = {
		{ "amp", 3, '&' }, { "lt", 2, '<' }, { "gt", 2, '>' }, { "quot", 4, '"' },
		{ "apos", 4, '\'' }, { "nbsp", 4, 0xa0 }, { NULL, 0, 0 }
	};

	for (;;) {
		const char *amp = strchr(s, '&'), *semi;
		size_t n;

		if (amp == NULL) {	/* most texts: no entity at all */
			fp_buf_addstr(out, s);
			return;
		}
		fp_buf_add(out, s, (size_t)(amp - s));
		s = amp;
		/* an entity is at most 10 bytes to its ';' */
		n = strnlen(s + 1, 10);
		if ((semi = memchr(s + 1, ';', n)) == NULL) {
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
				if (named[i].len == n && memcmp(named[i].name, s + 1, n) == 0)
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
 * Where expand_tags writes: into buf as it is, or (buf NULL) each byte
 * through map, an ascii_map, straight into the normal form at o.
 */
struct tag_sink {
	struct fp_buf		*buf;
	const signed char	*map;
	char			*o;
	int			 space;	/* o follows a space */
};

static void
sink_put(struct tag_sink *k, const char *s, size_t n)
{
	const signed char *map = k->map;
	char *o = k->o;		/* in locals: what o writes may alias k */
	int space = k->space;

	if (k->buf != NULL) {
		fp_buf_add(k->buf, s, n);
		return;
	}
	for (size_t j = 0; j < n; j++) {
		signed char v = map[(unsigned char)s[j]];

		if (v > 0) {
			*o++ = (char)v;
			space = 0;
		} else if (v < 0 && !space) {
			*o++ = ' ';
			space = 1;
		}
	}
	k->o = o;
	k->space = space;
}

static void
sink_putc(struct tag_sink *k, char c)
{
	sink_put(k, &c, 1);
}

/*
 * Write s with hashtag and mention words also given split at case changes:
 * "#VoteNoNow" -> "#VoteNoNow Vote No Now". At most 3 bytes for each of s.
 */
static void
expand_tags(struct tag_sink *out, const char *s)
{
	while (*s != '\0') {
		const char *w;
		size_t n = strcspn(s, "#@");

		sink_put(out, s, n);
		if ((s += n)[0] == '\0')
			break;
		if (!isalnum((unsigned char)s[1])) {
			sink_putc(out, *s++);
			continue;
		}
		w = s + 1;
		for (n = 0; isalnum((unsigned char)w[n]) || w[n] == '_'; n++)
			;
		sink_put(out, s, n + 1);
		sink_putc(out, ' ');
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)w[i], p = i ? (unsigned char)w[i - 1] : 0;
			unsigned char nx = i + 1 < n ? (unsigned char)w[i + 1] : 0;

			if (i > 0 && ((isupper(c) && islower(p)) ||
			    (isupper(c) && isupper(p) && islower(nx)) ||
			    (isdigit(c) && !isdigit(p)) || (!isdigit(c) && isdigit(p))))
				sink_putc(out, ' ');
			sink_putc(out, w[i] == '_' ? ' ' : (char)c);
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

/*
 * The normal form is built in place: a word's bytes go straight onto the
 * output, which ends with a space whenever no word is in progress (it
 * starts as one), and a finished word gets its space after it. word_at is
 * where the word in progress starts; arabic says one of its letters is.
 */
struct norm {
	struct fp_buf	*out;
	size_t		 word_at;
	int		 arabic;
};

/* End the word in progress, if any: its Arabic prefix cut, a space after. */
static void
flush_word(struct norm *st)
{
	struct fp_buf *out = st->out;
	size_t len = out->len - st->word_at;

	if (len == 0)
		return;
	if (st->arabic) {
		char *w = out->data + st->word_at;

		for (size_t i = 0; arabic_prefixes[i] != NULL; i++) {
			size_t pl = strlen(arabic_prefixes[i]);

			/* keep a stem of three letters (two bytes each) at least */
			if (len >= pl + 6 && memcmp(w, arabic_prefixes[i], pl) == 0) {
				memmove(w, w + pl, len - pl);
				out->len -= pl;
				break;
			}
		}
		st->arabic = 0;
	}
	fp_buf_addc(out, ' ');
	st->word_at = out->len;
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
static int ascii_fold_consistent;	/* every ASCII byte is (fold_consistent) */

static int fold_consistent(int32_t cp);

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
	ascii_fold_consistent = 1;
	for (int c = 1; c < 128; c++)
		ascii_fold_consistent &= fold_consistent(c);
}

static void
ascii_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, ascii_fill);	/* the scan's workers share it */
}

/* Where a normalisation is: the output, the word being gathered. */
/* The letters Arabic spells several ways, made one. */
static int32_t
arabic_letter(int32_t cp)
{
	if (cp == 0x0629)		/* teh marbuta -> heh */
		return 0x0647;
	if (cp == 0x0649)		/* alef maksura -> yeh */
		return 0x064a;
	if (cp == 0x0623 || cp == 0x0625 || cp == 0x0622)
		return 0x0627;		/* hamza forms of alef -> alef */
	return cp;
}

/* A code point of a word, as arabic_letter leaves it, onto the word. */
static void
word_put(struct norm *st, uint32_t cp)
{
	unsigned char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (unsigned char)(0xc0 | cp >> 6);
		b[1] = (unsigned char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (unsigned char)(0xe0 | cp >> 12);
		b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
		b[2] = (unsigned char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		b[0] = (unsigned char)(0xf0 | cp >> 18);
		b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
		b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
		b[3] = (unsigned char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	if (cp >= 0x0600 && cp <= 0x06ff)
		st->arabic = 1;
	fp_buf_add(st->out, b, n);
}

/* One code point of the mapped text: into the word, or ending it. */
static void
norm_cp(struct norm *st, int32_t cp)
{
	if (cp == 0x0640)		/* Arabic tatweel */
		return;
	if (is_word_cp(cp)) {
		if (cp <= 0 || !utf8proc_codepoint_valid(cp))
			cp = 0xfffd;
		word_put(st, (uint32_t)arabic_letter(cp));
		return;
	}
	flush_word(st);
}

static void
norm_start(struct norm *st, struct fp_buf *out)
{
	fp_buf_reset(out);
	fp_buf_addc(out, ' ');
	st->out = out;
	st->word_at = out->len;
	st->arabic = 0;
}

static void
norm_end(struct norm *st)
{
	flush_word(st);
}

/*
 * utf8proc over the whole text: the reference. -1 when s is not UTF-8.
 */
static int
normalize_utf8proc(struct norm *st, const char *s, size_t len, int fold)
{
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)len, &mapped, NORM_OPTS | (fold ? UTF8PROC_CASEFOLD : 0));

	if (n < 0)
		return -1;
	for (utf8proc_ssize_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(mapped + i, n - i, &cp);

		if (k <= 0)
			break;
		i += k;
		norm_cp(st, cp);
	}
	free(mapped);
	return 0;
}

/*
 * What utf8proc makes of each code point alone, for the code points below
 * CP_TABLE_END, asked once per block of 256 as a block is first met and
 * shared by the scan's threads. NFKC composes only what its decomposition
 * leaves side by side; marks are stripped before composing, so what is
 * left to compose across code points is Hangul jamo, and a code point
 * whose mapping holds a jamo or a combining class is marked UNSAFE: a text
 * with one goes through utf8proc whole. Entries: a code point, EMPTY, or
 * MULTI | length << 20 | offset into the block's pool.
 */
#define CP_TABLE_END	0x20000
#define CP_BLOCKS	(CP_TABLE_END / 256)
#define CP_UNSAFE	0xffffffffu
#define CP_EMPTY	0xfffffffeu
#define CP_MULTI	0x80000000u

struct cp_block {
	uint32_t	 e[256];
	unsigned char	 word[256];	/* a single code point: is it a word's
					 * (then e is already as norm_cp makes it) */
	unsigned char	 same[256];	/* folded blocks: fold_consistent */
	int32_t		*pool;
};

static _Atomic(struct cp_block *) cp_blocks[2][CP_BLOCKS];
static pthread_mutex_t cp_lock = PTHREAD_MUTEX_INITIALIZER;

static int
unsafe_cp(int32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xa960 && cp <= 0xa97f) ||
	    (cp >= 0xd7b0 && cp <= 0xd7ff) || (cp >= 0x3131 && cp <= 0x318e) ||
	    utf8proc_get_property(cp)->combining_class != 0;
}

#define TOK_BOUNDARY	(-1)

/* What normalising makes of cp alone, as tokens: the code point of a
 * word's letter (as norm_cp leaves it) or TOK_BOUNDARY. Their number (at
 * most 32), or -1 when cp needs utf8proc over the whole text. */
static int
cp_effect(int fold, int32_t cp, int32_t *tok)
{
	utf8proc_uint8_t in[4], *m = NULL;
	utf8proc_ssize_t len, k;
	int n = 0;

	if (cp > 0 && cp < 0x80) {
		signed char v = ascii_map[fold][cp];

		if (v != 0)
			tok[n++] = v > 0 ? v : TOK_BOUNDARY;
		return n;
	}
	if (cp <= 0 || !utf8proc_codepoint_valid(cp))
		return -1;
	len = utf8proc_map(in, utf8proc_encode_char(cp, in), &m,
	    NORM_OPTS | (fold ? UTF8PROC_CASEFOLD : 0));
	for (k = 0; len > 0 && k < len;) {
		utf8proc_int32_t o;
		utf8proc_ssize_t step = utf8proc_iterate(m + k, len - k, &o);

		if (step <= 0 || n == 32 || unsafe_cp(o)) {
			n = -1;
			break;
		}
		k += step;
		if (o != 0x0640)	/* tatweel: dropped */
			tok[n++] = is_word_cp(o) ? arabic_letter(o) : TOK_BOUNDARY;
	}
	free(m);
	return len < 0 ? -1 : n;
}

static size_t
utf8_bytes(int32_t cp)
{
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static int
is_arabic(int32_t cp)
{
	return cp >= 0x0600 && cp <= 0x06ff;	/* as word_put tells */
}

/*
 * Is cp fold-consistent: is what folding makes of it, token for token,
 * what folding makes of each token of its cased form, each letter becoming
 * letters of the same UTF-8 length, Arabic ones staying as they are and no
 * other becoming Arabic? Then a text made of such code points folds to its
 * cased form folded letter by letter, word for word, the Arabic article
 * stripped alike: where a cased term is in the one, the term folded is in
 * the other (the guard of the engine's cased scan, rules.h).
 */
static int
fold_consistent(int32_t cp)
{
	int32_t c[32], f[32], x[32];
	int nc = cp_effect(0, cp, c), nf = cp_effect(1, cp, f), k = 0;

	if (nc < 0 || nf < 0)
		return 0;
	for (int i = 0; i < nc; i++) {
		size_t bytes = 0;
		int nx;

		if (c[i] == TOK_BOUNDARY) {
			if (k == nf || f[k++] != TOK_BOUNDARY)
				return 0;
			continue;
		}
		if ((nx = cp_effect(1, c[i], x)) <= 0 ||
		    (is_arabic(c[i]) && (nx != 1 || x[0] != c[i])))
			return 0;
		for (int j = 0; j < nx; j++) {
			if (x[j] == TOK_BOUNDARY || (is_arabic(x[j]) && !is_arabic(c[i])) ||
			    k == nf || f[k++] != x[j])
				return 0;
			bytes += utf8_bytes(x[j]);
		}
		if (bytes != utf8_bytes(c[i]))
			return 0;
	}
	return k == nf;
}

static struct cp_block *
cp_block_fill(int fold, int b)
{
	struct cp_block *blk = xcalloc(1, sizeof *blk);
	size_t used = 0, cap = 0;

	for (int i = 0; i < 256; i++) {
		int32_t cp = b * 256 + i, outs[32];
		utf8proc_uint8_t in[4], *m = NULL;
		utf8proc_ssize_t n, k, len = 0;
		int nout = 0, bad = 0;

		if (!utf8proc_codepoint_valid(cp) || cp < 0x80) {
			blk->e[i] = CP_UNSAFE;	/* surrogates; ASCII has its table */
			continue;
		}
		n = utf8proc_encode_char(cp, in);
		len = utf8proc_map(in, n, &m, NORM_OPTS | (fold ? UTF8PROC_CASEFOLD : 0));
		for (k = 0; len > 0 && k < len;) {
			utf8proc_int32_t o;
			utf8proc_ssize_t step = utf8proc_iterate(m + k, len - k, &o);

			if (step <= 0 || nout == 32 || unsafe_cp(o)) {
				bad = 1;
				break;
			}
			outs[nout++] = o;
			k += step;
		}
		free(m);
		if (len < 0 || bad)
			blk->e[i] = CP_UNSAFE;
		else if (nout == 0)
			blk->e[i] = CP_EMPTY;
		else if (nout == 1 && outs[0] == 0x0640)	/* tatweel: dropped */
			blk->e[i] = CP_EMPTY;
		else if (nout == 1) {
			blk->word[i] = is_word_cp(outs[0]);
			blk->e[i] = (uint32_t)(blk->word[i] ? arabic_letter(outs[0]) : outs[0]);
		}
		else {
			if (used + (size_t)nout > cap) {
				cap = cap ? cap * 2 : 64;
				blk->pool = xreallocarray(blk->pool, cap, sizeof *blk->pool);
			}
			memcpy(blk->pool + used, outs, (size_t)nout * sizeof *outs);
			blk->e[i] = CP_MULTI | (uint32_t)nout << 20 | (uint32_t)used;
			used += (size_t)nout;
		}
		if (fold)
			blk->same[i] = (unsigned char)fold_consistent(cp);
	}
	return blk;
}

static const struct cp_block *
cp_block(int fold, int32_t cp)
{
	int b = (int)(cp >> 8);
	struct cp_block *blk = atomic_load_explicit(&cp_blocks[fold][b], memory_order_acquire);

	if (blk != NULL)
		return blk;
	pthread_mutex_lock(&cp_lock);
	if ((blk = atomic_load_explicit(&cp_blocks[fold][b], memory_order_relaxed)) == NULL) {
		blk = cp_block_fill(fold, b);
		atomic_store_explicit(&cp_blocks[fold][b], blk, memory_order_release);
	}
	pthread_mutex_unlock(&cp_lock);
	return blk;
}

/* The table's way: 0, or -1 when a code point needs utf8proc whole
 * (st is then to be started again). Folding, *same is cleared unless
 * every code point is fold_consistent. */
static int
normalize_table(struct norm *st, const char *s, size_t len, int fold, int *same)
{
	const signed char *amap = ascii_map[fold];
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		const struct cp_block *blk;
		uint32_t e;

		if (p[i] < 0x80) {
			signed char v = amap[p[i++]];

			if (v > 0)		/* a word's (ascii_map says) */
				fp_buf_addc(st->out, (char)v);
			else if (v < 0)
				flush_word(st);
			continue;
		}
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0 || cp >= CP_TABLE_END)
			return -1;
		i += (size_t)k;
		blk = cp_block(fold, cp);
		e = blk->e[cp & 0xff];
		if (e == CP_UNSAFE)
			return -1;
		*same &= blk->same[cp & 0xff];
		if (e == CP_EMPTY)
			continue;
		if (!(e & CP_MULTI)) {
			if (blk->word[cp & 0xff])
				word_put(st, e);
			else
				flush_word(st);
			continue;
		}
		for (uint32_t j = 0; j < ((e >> 20) & 0x7ff); j++)
			norm_cp(st, blk->pool[(e & 0xfffff) + j]);
	}
	return 0;
}

int
fp_text_normalize(struct fp_buf *out, const char *s, int fold)
{
	struct fp_buf tmp = FP_BUF_INIT;
	struct norm st;
	size_t len;
	int same;

	fold = fold != 0;
	norm_start(&st, out);
	if (s == NULL || *s == '\0')
		return fold;
	ascii_init();
	same = fold && ascii_fold_consistent;
	len = strlen(s);
	if (fp_is_ascii(s, len)) {
		/* all ASCII: byte by byte through the map, tags and all */
		struct tag_sink k = { NULL, ascii_map[fold], NULL, 1 };

		fp_buf_grow(out, 3 * len + 1);
		k.o = out->data + out->len;
		expand_tags(&k, s);
		if (!k.space)
			*k.o++ = ' ';
		*k.o = '\0';
		out->len = (size_t)(k.o - out->data);
		return same;
	}
	expand_tags(&(struct tag_sink){ &tmp, NULL, NULL, 0 }, s);
	if (normalize_table(&st, tmp.data, tmp.len, fold, &same) == 0) {
		norm_end(&st);
		fp_buf_release(&tmp);
		return same;
	}
	norm_start(&st, out);
	if (normalize_utf8proc(&st, tmp.data, tmp.len, fold) == 0) {
		norm_end(&st);
		fp_buf_release(&tmp);
		return 0;
	}
	fp_buf_release(&tmp);
	/* Not valid UTF-8: callers repair first, so only ASCII-fold. */
	{
		int space = 1;

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
	}
	return 0;
}

void
fp_text_normalize_reference(struct fp_buf *out, const char *s, int fold)
{
	struct fp_buf tmp = FP_BUF_INIT;
	struct norm st;

	norm_start(&st, out);
	if (s == NULL || *s == '\0')
		return;
	expand_tags(&(struct tag_sink){ &tmp, NULL, NULL, 0 }, s);
	if (normalize_utf8proc(&st, tmp.data, tmp.len, fold != 0) < 0) {
		fp_buf_release(&tmp);
		fp_text_normalize(out, s, fold);	/* not UTF-8: the same fallback */
		return;
	}
	norm_end(&st);
	fp_buf_release(&tmp);
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
