/*
 * test-corpus.c: judge the labelled corpus (tests/corpus/LANG.tsv) with the
 * shipped rules and print precision and recall per category and language.
 * Fails when any category falls below 0.90 in precision or recall.
 *
 * A line: lang TAB kind[@ref-author][+media][+geo][~anon] TAB categories
 * (comma-separated, or -) TAB text. The profile is a UNHCR staff member,
 * Lina Haddad; "~anon" puts the item on a pseudonymous account.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "engine.h"
#include "rules.h"

#define NCAT 11
#define NLANG 6
static const char *const langs[NLANG] = { "ar", "en", "es", "fr", "ru", "zh" };

struct counts {
	long	tp, fp, fn;
};

static struct counts by[NCAT][NLANG + 1];	/* last column: all languages */
static long cases, negatives;
static int verbose;

static int
cat_index(const char *c)
{
	for (int i = 0; fp_categories[i] != NULL; i++)
		if (strcmp(fp_categories[i], c) == 0)
			return i;
	return -1;
}

static int
lang_index(const char *l)
{
	for (int i = 0; i < NLANG; i++)
		if (strcmp(langs[i], l) == 0)
			return i;
	return -1;
}

struct got {
	unsigned	 cats;		/* bit per category */
	char		 rules[512];
};

static int
collect(void *ud, const struct fp_finding *f)
{
	struct got *g = ud;
	int c = cat_index(f->category);

	if (c >= 0)
		g->cats |= 1u << c;
	snprintf(g->rules + strlen(g->rules), sizeof g->rules - strlen(g->rules), " %s%s",
	    f->rule, f->evidence_json);
	return 0;
}

static int
run_file(struct fp_engine *eng, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, bad = 0;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	while (getline(&line, &cap, f) > 0) {
		char *fields[4], *p = line, *kindspec, *at;
		struct fp_item item;
		struct got got;
		unsigned want = 0;
		int n = 0, li, k;

		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		while (n < 4 && p != NULL) {
			fields[n++] = p;
			if (n < 4 && (p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (n != 4 || (li = lang_index(fields[0])) < 0) {
			fprintf(stderr, "%s:%d: malformed case\n", path, lineno);
			bad = 1;
			continue;
		}
		fp_item_init(&item);
		item.platform = "x";
		item.id = lineno;
		kindspec = fields[1];
		item.account = xstrdup(strstr(kindspec, "~anon") ? "desert_owl_7" : "lina_haddad");
		if (strstr(kindspec, "+media"))
			item.media_count = 1;
		if (strstr(kindspec, "+geo"))
			item.has_geo = 1;
		if ((at = strchr(kindspec, '@')) != NULL) {
			size_t l = strcspn(at + 1, "+~");

			item.ref_author = xstrndup(at + 1, l);
		}
		kindspec[strcspn(kindspec, "@+~")] = '\0';
		if ((k = fp_kind_from_name(kindspec)) < 0) {
			fprintf(stderr, "%s:%d: unknown kind '%s'\n", path, lineno, kindspec);
			bad = 1;
			fp_item_release(&item);
			continue;
		}
		item.kind = (enum fp_kind)k;
		item.text = xstrdup(fields[3]);
		if (strcmp(fields[2], "-") != 0) {
			char *save = NULL;

			for (char *c = strtok_r(fields[2], ",", &save); c != NULL;
			    c = strtok_r(NULL, ",", &save)) {
				int ci = cat_index(c);

				if (ci < 0) {
					fprintf(stderr, "%s:%d: unknown category '%s'\n", path,
					    lineno, c);
					bad = 1;
				} else
					want |= 1u << ci;
			}
		} else
			negatives++;
		memset(&got, 0, sizeof got);
		fp_engine_judge(eng, &item, collect, &got);
		cases++;
		for (int c = 0; c < NCAT; c++) {
			int w = (want >> c) & 1, g = (got.cats >> c) & 1;

			for (int col = 0; col < 2; col++) {
				struct counts *ct = &by[c][col ? NLANG : li];

				ct->tp += w && g;
				ct->fp += !w && g;
				ct->fn += w && !g;
			}
		}
		if (got.cats != want || verbose)
			printf("%s %s:%d: %s; want %s, got%s\n    %s\n", got.cats != want ?
			    "MISS" : "ok  ", path, lineno, fields[1], fields[2][0] ?
			    fields[2] : "-", got.rules[0] ? got.rules : " nothing", fields[3]);
		fp_item_release(&item);
	}
	free(line);
	fclose(f);
	return bad;
}

static void
ratio(char *out, size_t size, long num, long den)
{
	if (den == 0)
		snprintf(out, size, "   -");
	else
		snprintf(out, size, "%4.2f", (double)num / (double)den);
}

int
main(int argc, char **argv)
{
	const char *srcdir = getenv("SRCDIR") ? getenv("SRCDIR") : ".";
	const char *rules = fp_rules_dir(NULL);
	struct fp_profile profile = FP_PROFILE_INIT;
	struct fp_ruleset rs;
	struct fp_engine *eng;
	struct fp_err err;
	char *dir = xasprintf("%s/tests/corpus", srcdir);
	struct dirent **list;
	int n, bad = 0, failed = 0;

	verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	if (fp_ruleset_load(&rs, rules, &err) != FP_OK) {
		fprintf(stderr, "rules: %s\n", err.msg);
		return 1;
	}
	profile.agency = xstrdup("UNHCR");
	profile.name = xstrdup("Lina Haddad");
	if (fp_engine_new(&eng, &rs, &profile, &err) != FP_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	fp_engine_set_account(eng, "x", "lina_haddad", "Lina Haddad");
	fp_engine_set_account(eng, "x", "desert_owl_7", "Desert Owl");
	n = scandir(dir, &list, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		if (fp_has_suffix(list[i]->d_name, ".tsv")) {
			char *path = xasprintf("%s/%s", dir, list[i]->d_name);

			bad |= run_file(eng, path);
			free(path);
		}
		free(list[i]);
	}
	free(list);
	printf("\n%ld cases, %ld of them negatives (nothing should fire)\n\n", cases, negatives);
	printf("%-20s %-5s %4s %4s %4s  %9s %6s\n", "category", "lang", "tp", "fp", "fn",
	    "precision", "recall");
	for (int c = 0; c < NCAT; c++) {
		for (int l = 0; l <= NLANG; l++) {
			struct counts *ct = &by[c][l];
			char p[16], r[16];

			if (ct->tp + ct->fp + ct->fn == 0)
				continue;
			ratio(p, sizeof p, ct->tp, ct->tp + ct->fp);
			ratio(r, sizeof r, ct->tp, ct->tp + ct->fn);
			printf("%-20s %-5s %4ld %4ld %4ld  %9s %6s\n", fp_categories[c],
			    l == NLANG ? "all" : langs[l], ct->tp, ct->fp, ct->fn, p, r);
			if (l == NLANG && ((ct->tp + ct->fp > 0 && (double)ct->tp /
			    (double)(ct->tp + ct->fp) < 0.90) || (ct->tp + ct->fn > 0 &&
			    (double)ct->tp / (double)(ct->tp + ct->fn) < 0.90))) {
				printf("  ^ below 0.90\n");
				failed = 1;
			}
		}
	}
	if (cases < 400 || negatives * 2 < cases) {
		printf("the corpus needs 400 cases, half of them negatives\n");
		failed = 1;
	}
	fp_engine_free(eng);
	fp_ruleset_release(&rs);
	fp_profile_release(&profile);
	free(dir);
	return failed || bad;
}
