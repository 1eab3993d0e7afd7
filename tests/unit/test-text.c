/* Unit tests: HTML entities and normalisation (src/text.c). */
#include "config.h"

#include <ctype.h>
#include "unit.h"
#include "text.h"
#include <jansson.h>

static char *
norm(const char *s, int fold)
{
	struct fp_buf b = FP_BUF_INIT;

	fp_text_normalize(&b, s, fold);
	return fp_buf_detach(&b);
}

#define CHECK_NORM(s, fold, want) do { char *n_ = norm(s, fold); CHECK_STR(n_, want); free(n_); } while (0)

UNIT(entities)
{
	struct fp_buf b = FP_BUF_INIT;

	fp_html_unescape(&b, "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#x27; &bogus; & x");
	CHECK_STR(b.data, "a & b <c> \"d\" 'e' &bogus; & x");
	fp_buf_release(&b);
}

UNIT(normal_form)
{
	CHECK_NORM("Élection, ELECTION; election!", 1, " election election election ");
	CHECK_NORM("Ｕｎｉｃｅｆ", 1, " unicef ");
	CHECK_NORM("#VoteNoNow", 1, " votenonow vote no now ");
	CHECK_NORM("#Election2024", 1, " election2024 election 2024 ");
	CHECK_NORM("see https://www.unhcr.org/x", 1, " see https www unhcr org x ");
	CHECK_NORM("The UN said", 0, " The UN said ");
	CHECK_NORM("ВЫБОРЫ", 1, " выборы ");
	/* Arabic: tatweel, diacritics, hamza forms, teh marbuta, the article */
	CHECK_NORM("الانتخـــابات", 1, " انتخابات ");
	CHECK_NORM("وَالحُكُومَة", 1, " حكومه ");
	CHECK_NORM("صوّتوا لأحمد", 1, " صوتوا لاحمد ");
	CHECK_NORM("الى", 1, " الي ");		/* too short to strip */
	/* Chinese: no spaces, kept as one run; traditional stays traditional */
	CHECK_NORM("明天的选举！", 1, " 明天的选举 ");
	/* Cyrillic: case and ё */
	CHECK_NORM("Голосуйте ЗА ёлку", 1, " голосуите за елку ");
	/* French and Spanish accents */
	CHECK_NORM("Élections législatives, ¡Votad!", 1, " elections legislatives votad ");
	CHECK_NORM("", 1, " ");
}

/* An ASCII text goes the fast way; the same text with a trailing U+00A0
 * (a boundary) through utf8proc whole: both must agree, byte by byte. */
UNIT(ascii_fast_path_agrees_with_utf8proc)
{
	struct fp_buf a = FP_BUF_INIT, b = FP_BUF_INIT;
	char text[64], slow[80];
	unsigned seed = 1;

	for (int fold = 0; fold <= 1; fold++) {
		for (int c = 1; c < 128; c++) {
			snprintf(text, sizeof text, "Ab%c9z #TagHere @user_Name x%c", c, c);
			snprintf(slow, sizeof slow, "%s\xc2\xa0", text);
			fp_text_normalize(&a, text, fold);
			fp_text_normalize_reference(&b, slow, fold);
			CHECK_STR(a.data, b.data);
		}
		for (int r = 0; r < 2000; r++) {
			size_t n = 1 + (seed = seed * 1103515245 + 12345) / 65536 % 40;

			for (size_t i = 0; i < n; i++)
				text[i] = (char)(1 + (seed = seed * 1103515245 + 12345) / 65536 % 127);
			text[n] = '\0';
			snprintf(slow, sizeof slow, "%s\xc2\xa0", text);
			fp_text_normalize(&a, text, fold);
			fp_text_normalize_reference(&b, slow, fold);
			CHECK_STR(a.data, b.data);
		}
	}
	fp_buf_release(&a);
	fp_buf_release(&b);
}

/* What the engine's guard of its cased scan rests on (rules.h:
 * cased_guards): an ASCII text folded is the same text cased, in lower
 * case, byte for byte. */
UNIT(ascii_folded_is_cased_in_lower_case)
{
	struct fp_buf f = FP_BUF_INIT, c = FP_BUF_INIT;
	char text[64];
	unsigned seed = 7;

	for (int r = 0; r < 5000; r++) {
		size_t n = 1 + (seed = seed * 1103515245 + 12345) / 65536 % 40;

		for (size_t i = 0; i < n; i++)
			text[i] = (char)(1 + (seed = seed * 1103515245 + 12345) / 65536 % 127);
		if (r % 3 == 0)
			memcpy(text, "#UNHcr ", 7 < n ? 7 : n);
		text[n] = '\0';
		fp_text_normalize(&f, text, 1);
		fp_text_normalize(&c, text, 0);
		for (size_t i = 0; i < c.len; i++)
			c.data[i] = (char)tolower((unsigned char)c.data[i]);
		CHECK_STR(f.data, c.data);
	}
	fp_buf_release(&f);
	fp_buf_release(&c);
}

static void
put_utf8(struct fp_buf *b, int32_t cp)
{
	if (cp < 0x80)
		fp_buf_addc(b, (char)cp);
	else if (cp < 0x800)
		fp_buf_addf(b, "%c%c", 0xc0 | cp >> 6, 0x80 | (cp & 0x3f));
	else if (cp < 0x10000)
		fp_buf_addf(b, "%c%c%c", 0xe0 | cp >> 12, 0x80 | (cp >> 6 & 0x3f),
		    0x80 | (cp & 0x3f));
	else
		fp_buf_addf(b, "%c%c%c%c", 0xf0 | cp >> 18, 0x80 | (cp >> 12 & 0x3f),
		    0x80 | (cp >> 6 & 0x3f), 0x80 | (cp & 0x3f));
}

/* A run of one to six code points drawn from mix, into s. */
static void
random_run(struct fp_buf *s, const int32_t *mix, size_t nmix, unsigned *seed)
{
	size_t n = 1 + (*seed = *seed * 1103515245 + 12345) / 65536 % 6;

	fp_buf_reset(s);
	for (size_t i = 0; i < n; i++)
		put_utf8(s, mix[(*seed = *seed * 1103515245 + 12345) / 65536 % nmix]);
}

/* The per code point tables give what utf8proc gives over the whole text:
 * every code point of the tables' range between letters and before a
 * combining accent, then runs of code points that compose or fold in
 * company (Hangul jamo and syllables, marks, ligatures, Arabic, emoji with
 * their modifiers and joiners). */
UNIT(table_path_agrees_with_utf8proc)
{
	static const int32_t mix[] = {
		0x1100, 0x1161, 0x11a8, 0xac00, 0xac01, 0xd7b0, 0x3131, 0x0301, 0x0345,
		0x0399, 0x03b9, 0x00df, 0x1e9e, 0xfb01, 0xfdfa, 0x0627, 0x0644, 0x0640,
		0x0629, 0x0623, 0x064b, 0x1f44d, 0x1f3fb, 0x200d, 0xfe0f, 0x00a0, 0x2028,
		0x0130, 0x0069, 0x0307, 0x00c5, 0x212b, 0x0041, 0x030a, 0x0e33, 0x0e4d,
		0x09be, 0x09c7, 0x0b47, 0x0b3e, 0x0bc6, 0x0bbe, 0x1b05, 0x1b35, 0xff21,
		0x3099, 0x304b, 0x00ad, 0x0023, 0x0040, 0x005f, 0x0020, 0x4e2d, 0x1d15e,
	};
	struct fp_buf s = FP_BUF_INIT, a = FP_BUF_INIT, b = FP_BUF_INIT;
	unsigned seed = 7;

	for (int fold = 0; fold <= 1; fold++) {
		for (int32_t cp = 0x80; cp < 0x20000; cp++) {
			if (cp >= 0xd800 && cp <= 0xdfff)
				continue;
			fp_buf_reset(&s);
			fp_buf_addstr(&s, "x");
			put_utf8(&s, cp);
			fp_buf_addstr(&s, "y ");
			put_utf8(&s, cp);
			put_utf8(&s, 0x0301);
			put_utf8(&s, cp);
			fp_text_normalize(&a, fp_buf_str(&s), fold);
			fp_text_normalize_reference(&b, fp_buf_str(&s), fold);
			if (strcmp(fp_buf_str(&a), fp_buf_str(&b)) != 0)
				fprintf(stderr, "U+%04X fold %d\n", (unsigned)cp, fold);
			CHECK_STR(fp_buf_str(&a), fp_buf_str(&b));
		}
		for (int r = 0; r < 20000; r++) {
			random_run(&s, mix, sizeof mix / sizeof mix[0], &seed);
			fp_text_normalize(&a, fp_buf_str(&s), fold);
			fp_text_normalize_reference(&b, fp_buf_str(&s), fold);
			CHECK_STR(fp_buf_str(&a), fp_buf_str(&b));
		}
	}
	fp_buf_release(&s);
	fp_buf_release(&a);
	fp_buf_release(&b);
}

/* What the guard of the engine's cased scan rests on for any text
 * (rules.h: cased_guards): when normalising says 1, the folded form is
 * the cased form folded, for every code point of the tables' range alone
 * and between letters, and for runs of the awkward ones. */
static int
fold_of_cased_is_folded(const char *text)
{
	struct fp_buf f = FP_BUF_INIT, c = FP_BUF_INIT, cf = FP_BUF_INIT;
	int same = fp_text_normalize(&f, text, 1), ok = 1;

	if (same) {
		fp_text_normalize(&c, text, 0);
		fp_text_normalize(&cf, fp_buf_str(&c), 1);
		ok = strcmp(fp_buf_str(&f), fp_buf_str(&cf)) == 0;
		if (!ok)
			fprintf(stderr, "'%s': folded '%s', cased folded '%s'\n", text,
			    fp_buf_str(&f), fp_buf_str(&cf));
	}
	fp_buf_release(&f);
	fp_buf_release(&c);
	fp_buf_release(&cf);
	return ok;
}

UNIT(folded_is_cased_folded_when_normalising_says_so)
{
	static const int32_t mix[] = {
		0x0130, 0x0049, 0x0069, 0x0307, 0x0345, 0x1fb3, 0x1fbc, 0x00df, 0x1e9e,
		0x03a3, 0x03c2, 0x212a, 0x2126, 0x023a, 0x2c65, 0xff35, 0xff2e, 0x24ca,
		0x1d414, 0x041e, 0x041d, 0x0627, 0x0644, 0xfb01, 0x0020, 0x0055, 0x004e,
	};
	struct fp_buf s = FP_BUF_INIT, out = FP_BUF_INIT;
	unsigned seed = 11;
	size_t said = 0;

	for (int32_t cp = 0x80; cp < 0x20000; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		fp_buf_reset(&s);
		put_utf8(&s, cp);
		CHECK(fold_of_cased_is_folded(fp_buf_str(&s)));
		fp_buf_reset(&s);
		fp_buf_addstr(&s, "U");
		put_utf8(&s, cp);
		fp_buf_addstr(&s, "N ");
		put_utf8(&s, cp);
		CHECK(fold_of_cased_is_folded(fp_buf_str(&s)));
		said += (size_t)fp_text_normalize(&out, fp_buf_str(&s), 1);
	}
	CHECK(said > 0x10000);		/* most code points are consistent */
	for (int r = 0; r < 20000; r++) {
		random_run(&s, mix, sizeof mix / sizeof mix[0], &seed);
		CHECK(fold_of_cased_is_folded(fp_buf_str(&s)));
	}
	/* Said where it holds; not where folding changes a letter's length
	 * (ẞ -> ss) or adds one (ᾳ -> αι, a mark only in the cased form). */
	CHECK(fp_text_normalize(&out, "The UN said", 1) == 1);
	CHECK(fp_text_normalize(&out, "Le ＵＮ et l'ООН ont dit", 1) == 1);
	CHECK(fp_text_normalize(&out, "Straẞe", 1) == 0);
	CHECK(fp_text_normalize(&out, "ᾳ", 1) == 0);
	CHECK(fp_text_normalize(&out, "The UN said", 0) == 0);
	fp_buf_release(&s);
	fp_buf_release(&out);
}

/* fp_utf8_valid says what jansson's own check says (it refuses overlongs,
 * surrogates and code points past U+10FFFF), for every two-byte sequence,
 * every three- and four-byte one over bytes at the edges of the ranges,
 * each at offsets on both sides of an eight-byte word's edges, and cut
 * short. */
static int
jansson_valid(const char *s, size_t n)
{
	json_t *v = json_stringn(s, n);

	json_decref(v);
	return v != NULL;
}

static void
valid_as_jansson_says(const unsigned char *seq, size_t n, size_t *differ)
{
	char b[32];

	static const size_t pads[] = { 0, 1, 5, 7, 8 };	/* the word's edges */

	for (size_t pi = 0; pi < sizeof pads / sizeof pads[0]; pi++)
		for (size_t cut = 0; cut <= 1 && cut < n; cut++) {
			size_t pad = pads[pi], len = pad + n - cut;

			memset(b, 'a', pad);
			memcpy(b + pad, seq, n - cut);
			memcpy(b + len, "tail", 4);	/* ASCII after */
			*differ += fp_utf8_valid(b, len + (pad % 2) * 4) !=
			    jansson_valid(b, len + (pad % 2) * 4);
		}
}

UNIT(utf8_valid_agrees_with_jansson)
{
	static const unsigned char edges[] = { 0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f,
	    0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0,
	    0xf1, 0xf3, 0xf4, 0xf5, 0xff };
	const size_t ne = sizeof edges;
	unsigned char q[4];
	size_t differ = 0;

	for (unsigned a = 0; a < 256; a++)
		for (unsigned b = 0; b < 256; b++) {
			q[0] = (unsigned char)a;
			q[1] = (unsigned char)b;
			valid_as_jansson_says(q, 2, &differ);
		}
	for (size_t a = 0; a < ne; a++)
		for (size_t b = 0; b < ne; b++)
			for (size_t c = 0; c < ne; c++) {
				q[0] = edges[a];
				q[1] = edges[b];
				q[2] = edges[c];
				valid_as_jansson_says(q, 3, &differ);
				for (size_t d = 0; d < ne; d += 3) {
					q[3] = edges[d];
					valid_as_jansson_says(q, 4, &differ);
				}
			}
	CHECK_INT(differ, 0);
}

UNIT_MAIN(entities, normal_form, ascii_fast_path_agrees_with_utf8proc,
    ascii_folded_is_cased_in_lower_case,
    table_path_agrees_with_utf8proc, folded_is_cased_folded_when_normalising_says_so,
    utf8_valid_agrees_with_jansson)
