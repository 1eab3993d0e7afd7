/*
 * engine.c: judge items against the rule set (see engine.h).
 *
 * For each item the text is normalised once (folded, and with case kept
 * for case-sensitive terms) and every term of every rule is looked up once;
 * then each rule that applies to the item (kind, platform, conditions)
 * evaluates its match expression over those hits. Non-text checks look at
 * the handle's segments (agency-username) and the email's domain
 * (work-email). A delete on a like becomes unlike, on a repost undo-repost.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>

#include "footprint.h"
#include "jsfile.h"
#include "csv.h"
#include "engine.h"
#include "match.h"
#include "text.h"
#include "workq.h"

struct account_flag {
	char	*platform;
	char	*handle;
	int	 pseudonymous;
};

struct fp_engine {
	const struct fp_ruleset		*rs;
	const struct fp_profile		*profile;
	const struct fp_entity		*agency;
	const char			*family;	/* whose guidelines, or NULL */
	struct fp_strv			 work_domains;	/* lower case */
	struct account_flag		*accounts;
	size_t				 naccounts;
	int64_t				 now;
	int				 lenient;	/* fp_prefilter's */
	/* per item */
	unsigned char			*hit;		/* by pattern id */
	int				*hit_ids;	/* the ids hit, nhits of them */
	size_t				 nhits;
	struct fp_buf			 folded, cased;
	const char			*text;		/* the item's decoded text */
	signed char			*rx_state;	/* by regex: -1 not run, 0, 1 */
	char				**rx_match;	/* what it matched */
	pcre2_match_data		*md;
	pcre2_match_context		*mctx;	/* bounds a rule's regex */
	/* the deployment country: its names and parties */
	struct fp_matcher		*country_ac;
	struct fp_strv			 country_terms;
	int				 country_hit;	/* term index + 1, or 0 */
	int				 cased_guard;	/* see rs->cased_guards */
	unsigned char			*needs_hit;	/* by rule: see needs_hit() */
};

/* Add one name of the deployment country (or of one of its parties). */
static void
country_add(struct fp_engine *eng, const char *name, const char *lang)
{
	struct fp_buf norm = FP_BUF_INIT;
	size_t letters = 0, words = 0;
	int latin = strcmp(lang, "ru") != 0 && strcmp(lang, "ar") != 0 &&
	    strcmp(lang, "zh") != 0;

	fp_text_normalize(&norm, name, 1);
	if (norm.len <= 1) {
		fp_buf_release(&norm);
		return;
	}
	for (size_t i = 1; i < norm.len; i++) {
		if (norm.data[i] == ' ')
			words++;
		else if (((unsigned char)norm.data[i] & 0xc0) != 0x80)
			letters++;
	}
	if (strcmp(lang, "zh") == 0) {
		/* no spaces in Chinese: match the name anywhere */
		memmove(norm.data, norm.data + 1, norm.len - 1);
		norm.len -= 2;
		norm.data[norm.len] = '\0';
	} else if (words == 1 && letters >= (latin ? 6u : 4u)) {
		/* One long word: match it as a word's start, less a final vowel,
		 * so that inflections and adjectives count: Иордани(и|ю),
		 * Jordan(ian), Ukrain(ian|ien), اردن(ي). */
		static const char *const vowels[] = { "a", "e", "o", "\xd0\xb0",
		    "\xd1\x8f", "\xd1\x8b", NULL };

		norm.len--;			/* the trailing space */
		norm.data[norm.len] = '\0';
		for (size_t v = 0; vowels[v] != NULL; v++)
			if (fp_has_suffix(norm.data, vowels[v])) {
				norm.len -= strlen(vowels[v]);
				norm.data[norm.len] = '\0';
				break;
			}
	}
	fp_matcher_add(eng->country_ac, norm.data, norm.len, (int)eng->country_terms.n);
	fp_strv_add(&eng->country_terms, name);
	fp_buf_release(&norm);
}

/* The country's names in six languages (rules/countries.tsv), and its
 * parties from a Party Facts CSV when the profile names one. */
static int
country_load(struct fp_engine *eng, const char *cc, const char *parties,
    struct fp_err *err)
{
	char *path = xasprintf("%s/countries.tsv", eng->rs->dir);
	FILE *f = fopen(path, "r");
	char *line = NULL, alpha3[4] = "";
	size_t cap = 0;

	if (f == NULL) {
		fp_err_set(err, FP_FATAL, "%s: %s", path, strerror(errno));
		free(path);
		return FP_FATAL;
	}
	eng->country_ac = fp_matcher_new();
	while (getline(&line, &cap, f) > 0) {
		char *fields[4], *p = line;
		int n = 0;

		if (line[0] == '#')
			continue;
		line[strcspn(line, "\r\n")] = '\0';
		while (n < 4 && p != NULL) {
			fields[n++] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (n == 4 && strcmp(fields[0], cc) == 0) {
			snprintf(alpha3, sizeof alpha3, "%s", fields[1]);
			country_add(eng, fields[3], fields[2]);
		}
	}
	free(line);
	fclose(f);
	if (eng->country_terms.n == 0) {
		fp_err_set(err, FP_FATAL, "unknown country '%s' (not in %s)", cc, path);
		free(path);
		return FP_FATAL;
	}
	free(path);
	if (parties != NULL) {
		struct fp_csv csv;
		struct fp_err cerr;
		char *data = NULL;
		size_t len = 0;
		FILE *pf = fopen(parties, "rb");
		struct fp_buf b = FP_BUF_INIT;
		char chunk[65536];
		size_t got;
		int cols[4];

		if (pf == NULL) {
			fp_err_set(err, FP_FATAL, "--parties '%s': %s", parties, strerror(errno));
			return FP_FATAL;
		}
		while ((got = fread(chunk, 1, sizeof chunk, pf)) > 0)
			fp_buf_add(&b, chunk, got);
		fclose(pf);
		len = b.len;
		data = fp_buf_detach(&b);
		fp_csv_init(&csv, data, len);
		if (fp_csv_read_header(&csv) != FP_OK || (cols[0] = fp_csv_col(&csv,
		    "country")) < 0) {
			fp_err_set(err, FP_FATAL, "--parties '%s': line 1: not a Party Facts"
			    " CSV (no 'country' column)", parties);
			fp_csv_release(&csv);
			free(data);
			return FP_FATAL;
		}
		cols[1] = fp_csv_col(&csv, "name_short");
		cols[2] = fp_csv_col(&csv, "name");
		cols[3] = fp_csv_col(&csv, "name_english");
		while (fp_csv_next(&csv, &cerr) == FP_OK) {
			const char *c = fp_csv_field(&csv, cols[0]);

			if (c == NULL || strcmp(c, alpha3) != 0)
				continue;
			for (int k = 1; k < 4; k++) {
				const char *v = fp_csv_field(&csv, cols[k]);
				char *copy, *save = NULL;

				if (v == NULL)
					continue;
				copy = xstrdup(v);
				/* "Afghan Millat Party / Afghan Millat": each name */
				for (char *t = strtok_r(copy, "/[]()", &save); t != NULL;
				    t = strtok_r(NULL, "/[]()", &save)) {
					while (*t == ' ')
						t++;
					while (*t && t[strlen(t) - 1] == ' ')
						t[strlen(t) - 1] = '\0';
					/* names of 3 letters or less are too ambiguous */
					if (strlen(t) > 3)
						country_add(eng, t, "party");
				}
				free(copy);
			}
		}
		fp_csv_release(&csv);
		free(data);
	}
	fp_matcher_compile(eng->country_ac);
	return FP_OK;
}

static int needs_hit(const struct fp_match *m);

int
fp_engine_new(struct fp_engine **out, const struct fp_ruleset *rs,
    const struct fp_profile *profile, struct fp_err *err)
{
	struct fp_engine *eng = xcalloc(1, sizeof *eng);

	eng->rs = rs;
	eng->profile = profile;
	eng->now = (int64_t)time(NULL);
	if (getenv("FOOTPRINT_NOW") != NULL)	/* fixed "now" for tests */
		eng->now = strtoll(getenv("FOOTPRINT_NOW"), NULL, 10);
	if (profile->agency != NULL &&
	    (eng->agency = fp_ruleset_entity(rs, profile->agency)) == NULL) {
		fp_err_set(err, FP_FATAL, "unknown agency '%s'", profile->agency);
		free(eng);
		return FP_FATAL;
	}
	if (eng->agency != NULL)
		eng->family = eng->agency->guidelines;
	/* Work domains: the profile's, the agency's, every UN system entity's. */
	for (size_t i = 0; i < profile->work_domains.n; i++)
		fp_strv_add(&eng->work_domains, profile->work_domains.v[i]);
	for (size_t i = 0; i < rs->nentities; i++)
		for (size_t j = 0; j < rs->entities[i].domains.n; j++)
			if (!fp_strv_has_icase(&eng->work_domains, rs->entities[i].domains.v[j]))
				fp_strv_add(&eng->work_domains, rs->entities[i].domains.v[j]);
	for (size_t i = 0; i < eng->work_domains.n; i++)
		for (char *c = eng->work_domains.v[i]; *c; c++)
			*c = (char)tolower((unsigned char)*c);
	eng->hit = xcalloc(rs->npats ? rs->npats : 1, 1);
	eng->needs_hit = xcalloc(rs->nrules ? rs->nrules : 1, 1);
	for (size_t i = 0; i < rs->nrules; i++)
		eng->needs_hit[i] = rs->rules[i].match != NULL &&
		    (unsigned char)needs_hit(rs->rules[i].match);
	eng->hit_ids = xreallocarray(NULL, rs->npats ? rs->npats : 1, sizeof *eng->hit_ids);
	eng->rx_state = xcalloc(rs->nregexes ? rs->nregexes : 1, 1);
	eng->rx_match = xcalloc(rs->nregexes ? rs->nregexes : 1, sizeof *eng->rx_match);
	eng->md = pcre2_match_data_create(1, NULL);
	/* A regex that backtracks without end (a rule file is data, and may
	 * come from --rules) gives up on that item instead of hanging. */
	eng->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(eng->mctx, FP_REGEX_MATCH_LIMIT);
	pcre2_set_depth_limit(eng->mctx, FP_REGEX_MATCH_LIMIT / 10);
	if (profile->country != NULL &&
	    country_load(eng, profile->country, profile->parties, err) != FP_OK) {
		fp_engine_free(eng);
		return FP_FATAL;
	}
	*out = eng;
	return FP_OK;
}

void
fp_engine_free(struct fp_engine *eng)
{
	if (eng == NULL)
		return;
	for (size_t i = 0; i < eng->naccounts; i++) {
		free(eng->accounts[i].platform);
		free(eng->accounts[i].handle);
	}
	free(eng->accounts);
	fp_strv_release(&eng->work_domains);
	free(eng->hit);
	free(eng->needs_hit);
	free(eng->hit_ids);
	for (size_t i = 0; i < eng->rs->nregexes; i++)
		free(eng->rx_match[i]);
	free(eng->rx_match);
	free(eng->rx_state);
	pcre2_match_data_free(eng->md);
	pcre2_match_context_free(eng->mctx);
	fp_matcher_free(eng->country_ac);
	fp_strv_release(&eng->country_terms);
	fp_buf_release(&eng->folded);
	fp_buf_release(&eng->cased);
	free(eng);
}

/* --- names and pseudonyms --------------------------------------------- */

int
fp_name_matches(const char *real_name, const char *handle, const char *display)
{
	struct fp_buf name = FP_BUF_INIT, disp = FP_BUF_INIT, hand = FP_BUF_INIT;
	int found = 0;
	char *p, *save = NULL;

	fp_text_normalize(&name, real_name, 1);
	fp_text_normalize(&disp, display != NULL ? display : "", 1);
	/* The handle folded and without separators: "lina_haddad" -> "linahaddad". */
	fp_text_normalize(&hand, handle != NULL ? handle : "", 1);
	{
		size_t j = 0;

		for (size_t i = 0; i < hand.len; i++)
			if (hand.data[i] != ' ')
				hand.data[j++] = hand.data[i];
		hand.len = j;
		if (hand.data != NULL)
			hand.data[j] = '\0';
	}
	/* Initials: "L. H." or "LH" in the display name, or a handle that is
	 * the initials and digits ("lh1985"). */
	{
		char initials[16];
		size_t ni = 0, k = 0;
		int words = 0;

		for (size_t i = 1; i < name.len && ni + 1 < sizeof initials; i++)
			if (name.data[i - 1] == ' ' && name.data[i] != ' ') {
				initials[ni++] = name.data[i];
				words++;
			}
		initials[ni] = '\0';
		if (words >= 2) {
			/* Runs of one-letter words in the display name, joined. */
			struct fp_buf run = FP_BUF_INIT;
			const char *d = fp_buf_str(&disp);

			for (size_t i = 0; d[i] != '\0'; i++) {
				int single = d[i] != ' ' && i > 0 && d[i - 1] == ' ' &&
				    (d[i + 1] == ' ' || d[i + 1] == '\0');

				if (single)
					fp_buf_addc(&run, d[i]);
				else if (d[i] != ' ') {
					if (run.len > 0 && strcmp(run.data, initials) == 0)
						found = 1;
					fp_buf_reset(&run);
				}
			}
			if (run.len > 0 && strcmp(run.data, initials) == 0)
				found = 1;
			/* or the initials written as one word: "LH" */
			{
				char *tok = xasprintf(" %s ", initials);

				if (strstr(d, tok) != NULL)
					found = 1;
				free(tok);
			}
			fp_buf_release(&run);
			if (hand.len >= ni && strncmp(hand.data, initials, ni) == 0) {
				for (k = ni; k < hand.len && hand.data[k] >= '0' && hand.data[k] <= '9'; k++)
					;
				if (k == hand.len)
					found = 1;
			}
		}
	}
	for (p = strtok_r(name.data, " ", &save); p != NULL && !found;
	    p = strtok_r(NULL, " ", &save)) {
		char *word;

		if (strlen(p) < 3)
			continue;	/* initials and particles say nothing */
		word = xasprintf(" %s ", p);
		if (strstr(fp_buf_str(&disp), word) != NULL ||
		    (hand.len > 0 && strstr(hand.data, p) != NULL))
			found = 1;
		free(word);
	}
	fp_buf_release(&name);
	fp_buf_release(&disp);
	fp_buf_release(&hand);
	return found;
}

void
fp_engine_set_account(struct fp_engine *eng, const char *platform, const char *handle,
    const char *display_name)
{
	struct account_flag *a;

	eng->accounts = xreallocarray(eng->accounts, eng->naccounts + 1,
	    sizeof *eng->accounts);
	a = &eng->accounts[eng->naccounts++];
	a->platform = xstrdup(platform);
	a->handle = xstrdup(handle != NULL ? handle : "");
	/* Unknown (no --name, or nothing to compare): never pseudonymous. */
	a->pseudonymous = eng->profile->name != NULL &&
	    ((handle != NULL && handle[0] != '\0') || display_name != NULL) &&
	    !fp_name_matches(eng->profile->name, handle, display_name);
}

static int
account_pseudonymous(const struct fp_engine *eng, const struct fp_item *item)
{
	for (size_t i = 0; i < eng->naccounts; i++)
		if (strcmp(eng->accounts[i].platform, item->platform) == 0 &&
		    strcmp(eng->accounts[i].handle, item->account ? item->account : "") == 0)
			return eng->accounts[i].pseudonymous;
	return 0;
}

/* --- text matching ---------------------------------------------------- */

static void
mark_hit(void *ud, int id)
{
	struct fp_engine *eng = ud;

	if (id >= (int)eng->rs->npats) {	/* a guard of the cased scan */
		eng->cased_guard = 1;
		return;
	}
	if (!eng->hit[id]) {
		eng->hit[id] = 1;
		eng->hit_ids[eng->nhits++] = id;
	}
}

static void
mark_country(void *ud, int id)
{
	int *hit = ud;

	if (*hit == 0)
		*hit = id + 1;
}

/* Find every term of every rule in the text: one pass per text form. */
static void
find_terms(struct fp_engine *eng, const char *text)
{
	const struct fp_ruleset *rs = eng->rs;
	int same;

	for (size_t i = 0; i < eng->nhits; i++)
		eng->hit[eng->hit_ids[i]] = 0;
	eng->nhits = 0;
	for (size_t i = 0; i < rs->nregexes; i++) {
		eng->rx_state[i] = -1;
		free(eng->rx_match[i]);
		eng->rx_match[i] = NULL;
	}
	eng->text = text;
	eng->country_hit = 0;
	if (text == NULL || text[0] == '\0')
		return;
	same = fp_text_normalize(&eng->folded, text, 1);
	eng->cased_guard = 0;
	fp_matcher_mark(rs->ac_folded, eng->folded.data, eng->folded.len, mark_hit, eng);
	if (eng->country_ac != NULL)
		fp_matcher_scan(eng->country_ac, eng->folded.data, eng->folded.len,
		    mark_country, &eng->country_hit);
	if (fp_matcher_states(rs->ac_cased) > 1 &&
	    (eng->cased_guard || !same || rs->cased_unguarded)) {
		fp_text_normalize(&eng->cased, text, 0);
		fp_matcher_mark(rs->ac_cased, eng->cased.data, eng->cased.len, mark_hit,
		    eng);
	}
}

/* Run regex i on the item's text once; 1 if it matched. */
static int
regex_hit(struct fp_engine *eng, int i)
{
	if (eng->rx_state[i] < 0) {
		const struct fp_regex *rx = &eng->rs->regexes[i];
		int rc = eng->text == NULL ? -1 : pcre2_match(rx->code, (PCRE2_SPTR)eng->text,
		    strlen(eng->text), 0, 0, eng->md, eng->mctx);

		eng->rx_state[i] = rc > 0;
		if (rc > 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(eng->md);
			size_t n = ov[1] - ov[0];

			eng->rx_match[i] = xstrndup(eng->text + ov[0], n > 80 ? 80 : n);
		}
	}
	return eng->rx_state[i];
}

static int
int_order(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/*
 * Can m hold only when some lexicon term was found in the text? Then a
 * text without any (most texts) need not be evaluated against it.
 */
static int
needs_hit(const struct fp_match *m)
{
	size_t i, n = 0;

	switch (m->op) {
	case FP_M_TERMS:
		return 1;
	case FP_M_REGEX:
	case FP_M_COUNTRY:
	case FP_M_NONE:
		return 0;
	case FP_M_ANY:		/* each kid needs one */
	case FP_M_SCORE:	/* so does a positive threshold, then */
		for (i = 0; i < m->nkids; i++)
			n += needs_hit(&m->kids[i]);
		return n == m->nkids && (m->op == FP_M_ANY || m->threshold > 0);
	case FP_M_ALL:		/* one kid needs one */
		for (i = 0; i < m->nkids; i++)
			if (needs_hit(&m->kids[i]))
				return 1;
		return 0;
	}
	return 0;
}

/* Evaluate m; add the terms that made it true to ev; *score gets its weight. */
static int
eval(struct fp_engine *eng, const struct fp_match *m, json_t *ev, double *score)
{
	double s = 0;
	int ok = 0;

	switch (m->op) {
	case FP_M_TERMS: {
		int n = 0;

		if (eng->nhits == 0) {	/* most texts: nothing to look for */
			*score = 0;
			return 0;
		}
		if (ev == NULL && eng->nhits * 8 < m->npats) {
			/* a few hits, a long list: look each hit up in it */
			for (size_t i = 0; i < eng->nhits; i++)
				n += bsearch(&eng->hit_ids[i], m->sorted, m->npats,
				    sizeof *m->sorted, int_order) != NULL;
			*score = n * m->weight;
			return n > 0;
		}
		for (size_t i = 0; i < m->npats; i++)
			if (eng->hit[m->pats[i]]) {
				n++;
				if (ev != NULL)
					json_array_append_new(ev,
					    json_string(eng->rs->pats[m->pats[i]].term));
			}
		*score = n * m->weight;
		return n > 0;
	}
	case FP_M_REGEX:
		if (!regex_hit(eng, m->regex)) {
			*score = 0;
			return 0;
		}
		if (ev != NULL)
			json_array_append_new(ev, json_string(eng->rx_match[m->regex]));
		*score = m->weight;
		return 1;
	case FP_M_COUNTRY:
		if (eng->country_hit == 0) {
			*score = 0;
			return 0;
		}
		if (ev != NULL)
			json_array_append_new(ev, json_string(
			    eng->country_terms.v[eng->country_hit - 1]));
		*score = m->weight;
		return 1;
	case FP_M_ANY:
		for (size_t i = 0; i < m->nkids; i++) {
			double ks;

			if (eval(eng, &m->kids[i], ev, &ks)) {
				ok = 1;
				s += ks;
			}
		}
		break;
	case FP_M_ALL:
		ok = 1;
		for (size_t i = 0; i < m->nkids && ok; i++) {
			double ks;

			if (!eval(eng, &m->kids[i], ev, &ks))
				ok = 0;
			s += ks;
		}
		break;
	case FP_M_NONE:
		ok = 1;
		for (size_t i = 0; i < m->nkids; i++) {
			double ks;

			if (eval(eng, &m->kids[i], NULL, &ks))
				ok = 0;
		}
		break;
	case FP_M_SCORE:
		for (size_t i = 0; i < m->nkids; i++) {
			double ks;

			if (eval(eng, &m->kids[i], ev, &ks))
				s += m->kids[i].op == FP_M_TERMS || m->kids[i].op == FP_M_REGEX ||
				    m->kids[i].op == FP_M_COUNTRY ? ks : m->kids[i].weight;
		}
		ok = s >= m->threshold;
		break;
	}
	*score = ok ? s * m->weight : 0;
	return ok;
}

/* Remove repeated terms from the evidence, keeping the first of each. */
static void
dedupe(json_t *ev)
{
	for (size_t i = 0; i < json_array_size(ev); i++)
		for (size_t j = json_array_size(ev); j-- > i + 1;)
			if (json_equal(json_array_get(ev, i), json_array_get(ev, j)))
				json_array_remove(ev, j);
}

/* --- the other checks ------------------------------------------------- */

/* UN entity names among a handle's segments. */
static int
check_username(const struct fp_engine *eng, const char *handle, json_t *ev)
{
	struct fp_strv seg = FP_STRV_INIT;

	fp_handle_segments(handle, &seg);
	for (size_t e = 0; e < eng->rs->nentities; e++) {
		const struct fp_entity *ent = &eng->rs->entities[e];

		for (size_t s = 0; s < seg.n; s++) {
			const char *g = seg.v[s];
			size_t gl = strlen(g);
			const char *hit = NULL;

			for (size_t a = 0; a < ent->acronyms_cased.n && !hit; a++)
				if (strcmp(g, ent->acronyms_cased.v[a]) == 0)
					hit = ent->acronyms_cased.v[a];
			for (size_t a = 0; a < ent->acronyms.n && !hit; a++) {
				const char *ac = ent->acronyms.v[a];
				size_t al = strlen(ac);

				if (strcasecmp(g, ac) == 0)
					hit = ac;
				/* Long acronyms also as a prefix or suffix: "unhcrlina". */
				else if (al >= 5 && gl > al && (strncasecmp(g, ac, al) == 0 ||
				    strcasecmp(g + gl - al, ac) == 0))
					hit = ac;
			}
			if (hit != NULL) {
				json_array_append_new(ev, json_string(hit));
				break;
			}
		}
	}
	fp_strv_release(&seg);
	dedupe(ev);
	return json_array_size(ev) > 0;
}

static int
check_email(const struct fp_engine *eng, const char *email, json_t *ev)
{
	const char *at = email != NULL ? strrchr(email, '@') : NULL;
	char *domain;
	int found = 0;

	if (at == NULL || at[1] == '\0')
		return 0;
	domain = xstrdup(at + 1);
	for (char *c = domain; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	for (size_t i = 0; i < eng->rs->excluded_domains.n; i++) {
		const char *x = eng->rs->excluded_domains.v[i];
		size_t dl = strlen(domain), xl = strlen(x);

		if (strcasecmp(domain, x) == 0 ||
		    (dl > xl && domain[dl - xl - 1] == '.' && strcasecmp(domain + dl - xl, x) == 0))
			goto out;
	}
	for (size_t i = 0; i < eng->work_domains.n && !found; i++) {
		const char *d = eng->work_domains.v[i];
		size_t dl = strlen(domain), wl = strlen(d);

		if (strcmp(domain, d) == 0 ||
		    (dl > wl && domain[dl - wl - 1] == '.' && strcmp(domain + dl - wl, d) == 0)) {
			json_array_append_new(ev, json_string(d));
			found = 1;
		}
	}
out:
	free(domain);
	return found;
}

/* --- judging ---------------------------------------------------------- */

/* NULL when rule r applies to the item, else why not. */
static const char *
not_applying(const struct fp_engine *eng, const struct fp_rule *r, const struct fp_item *item)
{
	if (r->kinds != 0 && !(r->kinds & (1u << item->kind)))
		return "not for this kind of item";
	if (r->platforms.n > 0 && !fp_strv_has(&r->platforms, item->platform))
		return "not for this platform";
	/* Only reposts and likes pass on someone else's words: a reply to or a
	 * quote of an official account is the user's own statement. */
	if (r->ref_official >= 0) {
		int endorsed = item->kind == FP_KIND_REPOST || item->kind == FP_KIND_LIKE;
		int official = endorsed && fp_ruleset_is_official(eng->rs, item->ref_author);

		if (official != r->ref_official)
			return official ? "a repost or like of an official UN account" :
			    "only for reposts and likes of official UN accounts";
	}
	if (r->pseudonymous >= 0 && !eng->lenient &&
	    account_pseudonymous(eng, item) != r->pseudonymous)
		return r->pseudonymous ? "the account carries the user's name (or no"
		    " --name was given)" : "the account is pseudonymous";
	if (r->has_media >= 0 && (item->media_count > 0) != r->has_media)
		return r->has_media ? "the item has no media" : "the item has media";
	if (r->has_geo >= 0 && (item->has_geo || item->place != NULL) != r->has_geo)
		return r->has_geo ? "the item has no location" : "the item has a location";
	if (r->older_than > 0 && (item->created_at == FP_TIME_NONE ||
	    item->created_at > eng->now - r->older_than))
		return "the item is not old enough";
	if (r->newer_than > 0 && (item->created_at == FP_TIME_NONE ||
	    item->created_at < eng->now - r->newer_than))
		return "the item is too old";
	return NULL;
}

static int
applies(const struct fp_engine *eng, const struct fp_rule *r, const struct fp_item *item)
{
	return not_applying(eng, r, item) == NULL;
}

static const char *
action_for(const struct fp_rule *r, const struct fp_item *item)
{
	if (strcmp(r->action, "delete") == 0) {
		if (item->kind == FP_KIND_LIKE)
			return "unlike";
		if (item->kind == FP_KIND_REPOST)
			return "undo-repost";
	}
	return r->action;
}

int
fp_engine_judge(struct fp_engine *eng, const struct fp_item *item, fp_finding_fn fn,
    void *ud)
{
	const struct fp_ruleset *rs = eng->rs;
	int matched_text = 0;

	for (size_t i = 0; i < rs->nrules; i++) {
		const struct fp_rule *r = &rs->rules[i];
		json_t *ev = NULL;
		int ok = 0;

		if (!applies(eng, r, item))
			continue;
		switch (r->check) {
		case FP_CHECK_TEXT: {
			double score;

			if (item->text == NULL)
				break;
			if (!matched_text) {
				find_terms(eng, item->text);
				matched_text = 1;
			}
			if (eng->nhits == 0 && eng->needs_hit[i])
				break;		/* it cannot hold */
			/* The evidence only for a rule that fires (most do not):
			 * once more, the terms and regexes already found. */
			if ((ok = eval(eng, r->match, NULL, &score))) {
				ev = json_array();
				eval(eng, r->match, ev, &score);
				dedupe(ev);
			}
			break;
		}
		case FP_CHECK_USERNAME_ENTITY:
			ev = json_array();
			ok = check_username(eng, item->text ? item->text : item->account, ev);
			break;
		case FP_CHECK_WORK_EMAIL:
			ev = json_array();
			ok = check_email(eng, item->text, ev);
			break;
		case FP_CHECK_CONDITIONS:
			ok = 1;		/* the conditions held: applies() */
			break;
		}
		if (ok && ev == NULL)
			ev = json_array();
		if (ok) {
			struct fp_finding f;
			char *evs = fp_json_dumps(ev, JSON_COMPACT | JSON_ENCODE_ANY);
			int stop;

			f.item_id = item->id;
			f.rule = r->id;
			f.category = r->category;
			f.severity = fp_rule_severity(r, eng->family);
			if (r->country_severity > f.severity && eng->country_hit != 0)
				f.severity = r->country_severity;
			f.action = action_for(r, item);
			f.evidence_json = evs;
			f.guidelines_json = r->guidelines_json;
			if (item->ident != 0)	/* here, on the judge's thread */
				fp_store_finding_fid(item->ident, r->id, f.fid);
			else
				f.fid[0] = '\0';
			stop = fn(ud, &f);
			free(evs);
			if (stop) {
				json_decref(ev);
				return FP_FAILED;
			}
		}
		json_decref(ev);
	}
	return FP_OK;
}

/* --- judging on the way in (see fp_prefilter in engine.h) --------------- */

void
fp_prefilter_init(struct fp_prefilter *pf, struct fp_engine *eng)
{
	memset(pf, 0, sizeof *pf);
	pf->eng = eng;
	eng->lenient = 1;
}

static int
any_finding(void *ud, const struct fp_finding *f)
{
	(void)f;
	*(int *)ud = 1;
	return 1;		/* one is enough */
}

int
fp_prefilter_keep(struct fp_prefilter *pf, const struct fp_item *item)
{
	int found = 0;

	if (item->deleted)	/* kept aside, never judged */
		return 0;
	pf->items++;
	fp_kind_counts_add(&pf->kinds, item->platform, item->kind);
	fp_engine_judge(pf->eng, item, any_finding, &found);
	pf->kept += found;
	return found;
}

void
fp_prefilter_release(struct fp_prefilter *pf)
{
	if (pf->twin)
		fp_engine_free(pf->eng);
	else if (pf->eng != NULL)
		pf->eng->lenient = 0;
	fp_kind_counts_release(&pf->kinds);
	pf->eng = NULL;
	pf->twin = 0;
}

static void kind_counts_add_n(struct fp_kind_counts *c, const char *platform,
    enum fp_kind kind, long n);

int
fp_prefilter_fork(struct fp_prefilter *twin, const struct fp_prefilter *pf,
    struct fp_err *err)
{
	struct fp_engine *eng;

	memset(twin, 0, sizeof *twin);
	if (fp_engine_new(&eng, pf->eng->rs, pf->eng->profile, err) != FP_OK)
		return FP_FATAL;
	eng->now = pf->eng->now;	/* one "now" for every item */
	fp_prefilter_init(twin, eng);
	twin->twin = 1;
	return FP_OK;
}

void
fp_prefilter_join(struct fp_prefilter *pf, struct fp_prefilter *twin)
{
	pf->items += twin->items;
	pf->kept += twin->kept;
	pf->repeated |= twin->repeated;
	for (size_t i = 0; i < twin->kinds.n; i++)
		kind_counts_add_n(&pf->kinds, twin->kinds.v[i].platform, twin->kinds.v[i].kind,
		    twin->kinds.v[i].items);
	fp_prefilter_release(twin);
}

/* --- scanning the store ----------------------------------------------- */

/*
 * The scan judges on every core: this thread reads the items in batches and
 * writes the findings; workers judge the batches, each with an engine of
 * its own (the rule set and its automata are shared, read-only). Batches
 * are written back in the order they were read, so the findings are stored
 * in the same order whatever the number of threads.
 */
#define SCAN_BATCH	512
#define SCAN_BATCH_BYTES ((size_t)4 << 20)	/* or fewer items, past this */

struct scan_batch {
	struct fp_item		 items[SCAN_BATCH];
	size_t			 n;
	size_t			 bytes;		/* fp_item_size of the items */
	struct fp_finding	*found;		/* evidence_json owned */
	size_t			 nfound, capfound;
	struct scan_batch	*next_free;
};

struct scan_ctx {
	struct fp_engine	**engines;	/* one per worker */
	int			 nengines;
	struct fp_store		*st;
	struct fp_workq		*q;
	struct scan_batch	*fill;		/* being filled from the store */
	struct scan_batch	*free_list;
	struct fp_scan_stats	*stats;
	struct fp_kind_counts	 kinds;		/* items per platform and kind */
	struct fp_err		*err;
	int			 failed;
};

/* One more item of its platform and kind (a handful of pairs, and items
 * come in runs of one pair: the last one is looked at first). */
static void
kind_counts_add_n(struct fp_kind_counts *c, const char *platform, enum fp_kind kind,
    long n)
{
	struct fp_kind_count *k;
	size_t i;

	if (c->n > 0) {
		k = &c->v[c->last];
		if (k->kind == kind && strcmp(k->platform, platform) == 0) {
			k->items += n;
			return;
		}
	}
	for (i = 0; i < c->n; i++)
		if (c->v[i].kind == kind && strcmp(c->v[i].platform, platform) == 0)
			break;
	if (i == c->n) {
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 16;
			c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
		}
		c->v[i].platform = xstrdup(platform);
		c->v[i].kind = kind;
		c->v[i].items = 0;
		c->n++;
	}
	c->v[i].items += n;
	c->last = i;
}

void
fp_kind_counts_add(struct fp_kind_counts *c, const char *platform, enum fp_kind kind)
{
	kind_counts_add_n(c, platform, kind, 1);
}

void
fp_kind_counts_release(struct fp_kind_counts *c)
{
	for (size_t i = 0; i < c->n; i++)
		free((char *)c->v[i].platform);
	free(c->v);
	memset(c, 0, sizeof *c);
}

static int
scan_account(void *ud, const char *platform, const char *handle, const char *display)
{
	struct scan_ctx *c = ud;

	for (int i = 0; i < c->nengines; i++)
		fp_engine_set_account(c->engines[i], platform, handle, display);
	return 0;
}

static int
keep_finding(void *ud, const struct fp_finding *f)
{
	struct scan_batch *b = ud;

	if (b->nfound == b->capfound) {
		b->capfound = b->capfound ? b->capfound * 2 : 16;
		b->found = xreallocarray(b->found, b->capfound, sizeof *b->found);
	}
	b->found[b->nfound] = *f;
	b->found[b->nfound].evidence_json = xstrdup(f->evidence_json);
	b->nfound++;
	return 0;
}

static void
judge_batch(void *ctx, int worker, void *task)
{
	struct scan_ctx *c = ctx;
	struct scan_batch *b = task;

	for (size_t i = 0; i < b->n; i++)
		fp_engine_judge(c->engines[worker], &b->items[i], keep_finding, b);
}

static void
batch_clear(struct scan_batch *b)
{
	for (size_t i = 0; i < b->n; i++)
		fp_item_release(&b->items[i]);
	for (size_t i = 0; i < b->nfound; i++)
		free((char *)b->found[i].evidence_json);
	b->n = 0;
	b->bytes = 0;
	b->nfound = 0;
}

/* Write a judged batch's findings (unless an earlier write failed). */
static void
write_batch(struct scan_ctx *c, struct scan_batch *b)
{
	for (size_t i = 0; i < b->nfound && !c->failed; i++) {
		if (fp_store_finding_add(c->st, &b->found[i], c->err) != FP_OK)
			c->failed = 1;
		else
			c->stats->findings++;
	}
	batch_clear(b);
	b->next_free = c->free_list;
	c->free_list = b;
}

static int
submit_fill(struct scan_ctx *c)
{
	struct scan_batch *b;

	while (fp_workq_submit(c->q, c->fill) != 0)
		if ((b = fp_workq_collect(c->q)) != NULL)
			write_batch(c, b);
	c->fill = NULL;
	return c->failed;
}

static int
scan_item(void *ud, struct fp_item *item)
{
	struct scan_ctx *c = ud;

	if (c->fill == NULL) {
		if ((c->fill = c->free_list) != NULL)
			c->free_list = c->fill->next_free;
		else
			c->fill = xcalloc(1, sizeof *c->fill);
	}
	fp_kind_counts_add(&c->kinds, item->platform, item->kind);
	c->fill->bytes += fp_item_size(item);
	c->fill->items[c->fill->n++] = *item;	/* the batch takes the members */
	fp_item_init(item);
	c->stats->items++;
	/* Texts of up to a MiB: batches are cut by bytes too, or those in
	 * flight could hold gigabytes. */
	if (c->fill->n == SCAN_BATCH || c->fill->bytes >= SCAN_BATCH_BYTES)
		return submit_fill(c);
	return 0;
}

int
fp_engine_scan(struct fp_engine *eng, struct fp_store *st, const struct fp_prefilter *pf,
    struct fp_scan_stats *stats, struct fp_err *err)
{
	struct scan_ctx c;
	struct scan_batch *b;
	int jobs = fp_jobs(), rc = FP_FATAL;

	memset(&c, 0, sizeof c);
	memset(stats, 0, sizeof *stats);
	eng->lenient = 0;	/* after a prefilter: the scan judges strictly */
	c.st = st;
	c.stats = stats;
	c.err = err;
	stats->pseudonym_check = eng->profile->name != NULL;
	c.nengines = jobs > 1 ? jobs : 1;
	c.engines = xcalloc((size_t)c.nengines, sizeof *c.engines);
	c.engines[0] = eng;
	for (int i = 1; i < c.nengines; i++) {
		if (fp_engine_new(&c.engines[i], eng->rs, eng->profile, err) != FP_OK)
			goto out;
		c.engines[i]->now = eng->now;	/* one "now" for every item */
	}
	if (fp_store_accounts_foreach(st, scan_account, &c, err) != FP_OK)
		goto out;
	if (fp_store_begin(st, err) != FP_OK)
		goto out;
	c.q = fp_workq_new(jobs > 1 ? jobs : 0, (size_t)c.nengines * 2 + 2, judge_batch, &c);
	if (fp_store_findings_clear(st, err) != FP_OK)
		c.failed = 1;
	else if (fp_store_items_foreach(st, scan_item, &c, err) != FP_OK)
		c.failed = 1;
	if (!c.failed && c.fill != NULL)
		submit_fill(&c);
	if (c.fill != NULL) {
		batch_clear(c.fill);
		free(c.fill);
	}
	while ((b = fp_workq_collect(c.q)) != NULL)
		write_batch(&c, b);
	fp_workq_free(c.q);
	if (pf != NULL)
		stats->items = pf->items;	/* the rest were judged on the way in */
	if (!c.failed && fp_store_scanned_kinds_set(st, pf != NULL ? pf->kinds.v : c.kinds.v,
	    pf != NULL ? pf->kinds.n : c.kinds.n, err) != FP_OK)
		c.failed = 1;
	if (c.failed)
		fp_store_rollback(st);
	else
		rc = fp_store_commit(st, err);
out:
	while ((b = c.free_list) != NULL) {
		c.free_list = b->next_free;
		free(b->found);
		free(b);
	}
	for (int i = 1; i < c.nengines; i++)
		fp_engine_free(c.engines[i]);
	free(c.engines);
	fp_kind_counts_release(&c.kinds);
	return rc;
}

/* --- explaining ------------------------------------------------------- */

static const char *const op_names[] = { "terms", "regex", "any", "all", "none", "score",
    "deployment_country" };

static void
explain_node(struct fp_engine *eng, const struct fp_match *m, int depth, FILE *out)
{
	json_t *ev = json_array();
	double score;
	int ok = eval(eng, m, ev, &score);

	fprintf(out, "%*s%s %s", 6 + depth * 2, "", ok ? "+" : "-", op_names[m->op]);
	if (m->op == FP_M_TERMS)
		fprintf(out, " [%s: %zu]", m->label ? m->label : "", m->npats);
	if (m->op == FP_M_REGEX)
		fprintf(out, " /%s/", eng->rs->regexes[m->regex].src);
	if (m->op == FP_M_SCORE)
		fprintf(out, ": score %g, threshold %g", score, m->threshold);
	else if (m->weight != 1)
		fprintf(out, ", weight %g", m->weight);
	if (m->op != FP_M_NONE && json_array_size(ev) > 0) {
		json_t *v;
		size_t i;

		dedupe(ev);
		fputs(": ", out);
		json_array_foreach(ev, i, v)
			fprintf(out, "%s\"%s\"", i ? ", " : "", json_string_value(v));
	}
	fputc('\n', out);
	json_decref(ev);
	if (m->op != FP_M_TERMS && m->op != FP_M_REGEX)
		for (size_t i = 0; i < m->nkids; i++)
			explain_node(eng, &m->kids[i], depth + 1, out);
}

struct explain_ctx {
	FILE	*out;
	int	 fired;
};

static int
explain_finding(void *ud, const struct fp_finding *f)
{
	struct explain_ctx *c = ud;

	fprintf(c->out, "FIRES %s: category %s, severity %s, action %s, evidence %s\n",
	    f->rule, f->category, fp_severity_name(f->severity), f->action, f->evidence_json);
	c->fired++;
	return 0;
}

int
fp_engine_explain(struct fp_engine *eng, const struct fp_item *item, FILE *out)
{
	const struct fp_ruleset *rs = eng->rs;
	struct explain_ctx c = { out, 0 };
	struct fp_buf norm = FP_BUF_INIT;

	fp_text_normalize(&norm, item->text, 1);
	fprintf(out, "normalised: \"%s\"\n\n", norm.data);
	fp_buf_release(&norm);
	fp_engine_judge(eng, item, explain_finding, &c);
	if (c.fired == 0)
		fputs("nothing fires\n", out);
	fputc('\n', out);
	find_terms(eng, item->text);
	for (size_t i = 0; i < rs->nrules; i++) {
		const struct fp_rule *r = &rs->rules[i];
		const char *why = not_applying(eng, r, item);

		if (why != NULL) {
			fprintf(out, "  %s: does not apply: %s\n", r->id, why);
			continue;
		}
		fprintf(out, "  %s (%s):\n", r->id, r->category);
		if (r->match != NULL)
			explain_node(eng, r->match, 0, out);
		else if (r->check == FP_CHECK_CONDITIONS)
			fputs("      + its conditions hold\n", out);
		else
			fprintf(out, "      %s check on \"%s\"\n", r->check == FP_CHECK_WORK_EMAIL ?
			    "work-email" : "username-entity", item->text ? item->text : "");
	}
	return c.fired;
}
