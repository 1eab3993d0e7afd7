/* Unit tests: the Aho-Corasick matcher (src/match.c), against a naive search. */
#include "config.h"
#include "unit.h"
#include "match.h"
#include "text.h"
#include "footprint.h"

struct hits {
	int	count[64];
};

static void
count_hit(void *ud, int id)
{
	((struct hits *)ud)->count[id]++;
}

static int
naive(const char *text, const char *pat)
{
	int n = 0;
	size_t pl = strlen(pat);

	for (const char *p = text; (p = strstr(p, pat)) != NULL; p++)
		n++;
	(void)pl;
	return n;
}

UNIT(classic_overlaps)
{
	static const char *const pats[] = { "he", "she", "his", "hers" };
	struct fp_matcher *m = fp_matcher_new();
	struct hits h;

	memset(&h, 0, sizeof h);
	for (int i = 0; i < 4; i++)
		fp_matcher_add(m, pats[i], strlen(pats[i]), i);
	fp_matcher_compile(m);
	fp_matcher_scan(m, "ushers", 6, count_hit, &h);
	CHECK_INT(h.count[0], 1);	/* he */
	CHECK_INT(h.count[1], 1);	/* she */
	CHECK_INT(h.count[2], 0);	/* his */
	CHECK_INT(h.count[3], 1);	/* hers */
	fp_matcher_free(m);
}

UNIT(random_against_naive)
{
	unsigned seed = 12345;

	for (int round = 0; round < 200; round++) {
		struct fp_matcher *m = fp_matcher_new();
		char pats[20][8], text[400];
		struct hits h;
		int npats = 1 + round % 20;

		memset(&h, 0, sizeof h);
		for (int i = 0; i < npats; i++) {
			int len = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 6;

			for (int k = 0; k < len; k++)
				pats[i][k] = "abc"[((seed = seed * 1103515245 + 12345) >> 16) % 3];
			pats[i][len] = '\0';
			fp_matcher_add(m, pats[i], (size_t)len, i);
		}
		for (int k = 0; k < 399; k++)
			text[k] = "abcd"[((seed = seed * 1103515245 + 12345) >> 16) % 4];
		text[399] = '\0';
		fp_matcher_compile(m);
		fp_matcher_scan(m, text, 399, count_hit, &h);
		for (int i = 0; i < npats; i++) {
			int dup = 0;

			for (int j = 0; j < i; j++)
				if (strcmp(pats[i], pats[j]) == 0)
					dup = 1;
			if (!dup)
				CHECK_INT(h.count[i], naive(text, pats[i]));
		}
		fp_matcher_free(m);
	}
}

static void
count_many(void *ud, int id)
{
	((int *)ud)[id]++;
}

/* More states than the dense table can name: the sparse scan, against the
 * naive search, and then the same patterns but fewer, densely. */
UNIT(big_automaton_scanned_sparsely)
{
	enum { NPATS = 8000, PLEN = 12, TLEN = 12000 };
	static char pats[NPATS][PLEN + 1], text[TLEN + 1];
	static int got[NPATS];
	static const char alpha[] = "ab\xc3\xa9 xyz";	/* é: bytes >= 0x80 */
	unsigned seed = 777;
	long total;

	for (int i = 0; i < NPATS; i++) {
		for (int k = 0; k < PLEN; k++)
			pats[i][k] = alpha[((seed = seed * 1103515245 + 12345) >> 16) % 8];
		pats[i][PLEN] = '\0';
	}
	for (int npats = NPATS; npats > 0; npats /= 10) {
		struct fp_matcher *m = fp_matcher_new();

		/* random bytes (q in no pattern) and whole or cut patterns */
		for (int k = 0; k < TLEN;) {
			unsigned r = (seed = seed * 1103515245 + 12345) >> 16;
			const char *p = pats[r % npats];
			int n = r % 3 == 0 ? PLEN : (int)(r >> 3) % PLEN;

			for (int j = 0; j < n && k < TLEN; j++)
				text[k++] = p[j];
			if (k < TLEN)
				text[k++] = "ab\xc3\xa9 qxyz"[(r >> 5) % 9];
		}
		text[TLEN] = '\0';
		for (int i = 0; i < npats; i++)
			fp_matcher_add(m, pats[i], PLEN, i);
		fp_matcher_compile(m);
		if (npats == NPATS)
			CHECK(fp_matcher_states(m) > 0x7fff);
		memset(got, 0, sizeof got);
		fp_matcher_scan(m, text, TLEN, count_many, got);
		total = 0;
		for (int i = 0; i < npats; i++) {	/* a pattern twice: both ids */
			CHECK_INT(got[i], naive(text, pats[i]));
			total += got[i];
		}
		CHECK(total >= TLEN / 40);	/* the text holds many of them */
		fp_matcher_free(m);
	}
}

/* A pattern added after a compile is found once compiled again. */
UNIT(added_after_compile)
{
	struct fp_matcher *m = fp_matcher_new();
	struct hits h;

	fp_matcher_add(m, "abc", 3, 0);
	fp_matcher_compile(m);
	fp_matcher_add(m, "xyz", 3, 1);
	fp_matcher_compile(m);
	memset(&h, 0, sizeof h);
	fp_matcher_scan(m, "abcxyzabc", 9, count_hit, &h);
	CHECK_INT(h.count[0], 2);
	CHECK_INT(h.count[1], 1);
	fp_matcher_free(m);
}

UNIT(word_boundaries_in_normal_form)
{
	struct fp_matcher *m = fp_matcher_new();
	struct fp_buf t = FP_BUF_INIT;
	struct hits h;

	fp_matcher_add(m, " vote for ", 10, 0);
	fp_matcher_add(m, " выборы ", strlen(" выборы "), 1);
	fp_matcher_add(m, "选举", strlen("选举"), 2);	/* CJK: no boundaries */
	fp_matcher_add(m, " انتخابات ", strlen(" انتخابات "), 3);
	fp_matcher_compile(m);
	memset(&h, 0, sizeof h);
	fp_text_normalize(&t, "Devote forever; VOTE FOR Dana! ВЫБОРЫ-2024 明天的选举 الانتخـابات", 1);
	fp_matcher_scan(m, t.data, t.len, count_hit, &h);
	CHECK_INT(h.count[0], 1);
	CHECK_INT(h.count[1], 1);
	CHECK_INT(h.count[2], 1);
	CHECK_INT(h.count[3], 1);	/* the article al- is stripped */
	fp_buf_release(&t);
	fp_matcher_free(m);
}

/* fp_matcher_mark: every pattern found, whatever the text's length and
 * wherever the halves are cut (patterns across the cut, at either end). */
UNIT(mark_finds_what_scan_finds)
{
	unsigned seed = 777;

	for (int round = 0; round < 400; round++) {
		struct fp_matcher *m = fp_matcher_new();
		char pats[20][24], text[700];
		struct hits h;
		int npats = 1 + round % 20, tlen = 1 + round * 7 % 699;

		for (int i = 0; i < npats; i++) {
			int len = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 23;

			for (int k = 0; k < len; k++)
				pats[i][k] = "abc"[((seed = seed * 1103515245 + 12345) >> 16) % 3];
			pats[i][len] = '\0';
			fp_matcher_add(m, pats[i], (size_t)len, i);
		}
		for (int k = 0; k < tlen; k++)
			text[k] = "abcd"[((seed = seed * 1103515245 + 12345) >> 16) % 4];
		text[tlen] = '\0';
		fp_matcher_compile(m);
		memset(&h, 0, sizeof h);
		fp_matcher_mark(m, text, (size_t)tlen, count_hit, &h);
		for (int i = 0; i < npats; i++)
			CHECK_INT(h.count[i] > 0, naive(text, pats[i]) > 0);
		fp_matcher_free(m);
	}
}

/* The longest pattern planted at every place of texts that hold nothing
 * else: mark finds it wherever the cut falls. */
UNIT(mark_finds_the_longest_pattern_anywhere)
{
	unsigned seed = 4242;

	for (int round = 0; round < 60; round++) {
		struct fp_matcher *m = fp_matcher_new();
		char pat[24], text[300];
		int len = 10 + round % 14, tlen = 60 + round * 37 % 240;

		for (int k = 0; k < len; k++)
			pat[k] = "abc"[((seed = seed * 1103515245 + 12345) >> 16) % 3];
		fp_matcher_add(m, pat, (size_t)len, 0);
		fp_matcher_add(m, pat, 3, 1);		/* a shorter one too */
		fp_matcher_compile(m);
		for (int off = 0; off + len <= tlen; off++) {
			struct hits h;

			memset(text, 'd', (size_t)tlen);
			memcpy(text + off, pat, (size_t)len);
			memset(&h, 0, sizeof h);
			fp_matcher_mark(m, text, (size_t)tlen, count_hit, &h);
			CHECK(h.count[0] > 0);
			CHECK(h.count[1] > 0);
		}
		fp_matcher_free(m);
	}
}

UNIT(empty_matcher)
{
	struct fp_matcher *m = fp_matcher_new();
	struct hits h;

	memset(&h, 0, sizeof h);
	fp_matcher_compile(m);
	fp_matcher_scan(m, "anything", 8, count_hit, &h);
	CHECK_INT(fp_matcher_states(m), 1);
	fp_matcher_mark(m, "a long enough text, a long enough text, a long enough text, a long"
	    " enough text, a long enough text, a long enough text", 113, count_hit, &h);
	fp_matcher_free(m);
}

UNIT_MAIN(classic_overlaps, random_against_naive, big_automaton_scanned_sparsely,
    added_after_compile, word_boundaries_in_normal_form, mark_finds_what_scan_finds,
    mark_finds_the_longest_pattern_anywhere, empty_matcher)
