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

UNIT(empty_matcher)
{
	struct fp_matcher *m = fp_matcher_new();
	struct hits h;

	memset(&h, 0, sizeof h);
	fp_matcher_compile(m);
	fp_matcher_scan(m, "anything", 8, count_hit, &h);
	CHECK_INT(fp_matcher_states(m), 1);
	fp_matcher_free(m);
}

UNIT_MAIN(classic_overlaps, random_against_naive, word_boundaries_in_normal_form, empty_matcher)
