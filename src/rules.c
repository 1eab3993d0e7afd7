/*
 * rules.c: load the rule set from YAML (see rules.h and rules/README.md).
 *
 * Every *.yaml file in the rules directory is a mapping with any of the
 * keys "rules", "entities", "not_work_domains". Lexicons referenced by a
 * rule are read from lexicons/NAME.txt and lexicons/NAME.LANG.txt. All
 * terms of all rules are normalised once and kept in one pattern table,
 * so the engine matches each item against every term in one pass.
 * Unknown keys, bad values and missing lexicons are errors that name the
 * file, the line and the field: footprint refuses to run rather than skip
 * a rule silently.
 */
#include "config.h"

#ifdef HAVE_VALGRIND_VALGRIND_H
#include <valgrind/valgrind.h>
#endif

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>
#include <yaml.h>

#include "footprint.h"
#include "jsfile.h"
#include "item.h"
#include "match.h"
#include "rules.h"
#include "text.h"
#include "yamlx.h"

const char *const fp_categories[] = {
	"political", "agency-username", "work-email", "pseudonymous",
	"location-travel", "confidential", "beneficiary-privacy", "disrespect",
	"disclaimer", "outside-activity", "emblem", NULL
};

const char *const fp_actions[] = {
	"delete", "unlike", "undo-repost", "edit-profile", "change-email",
	"rename", "review", NULL
};

static const char *const severities[] = { "info", "low", "medium", "high" };

/* Guideline families (../shared/guidelines/): the UN Secretariat's, the
 * generic profile of every other entity, and the agencies with their own. */
const char *const fp_families[] = {
	"UN", "UN-system", "UNHCR", "UNOPS", "IOM", NULL
};
#define guideline_families fp_families

int
fp_family_index(const char *family)
{
	for (int i = 0; fp_families[i] != NULL; i++)
		if (family != NULL && strcmp(fp_families[i], family) == 0)
			return i;
	return -1;
}

int
fp_rule_severity(const struct fp_rule *r, const char *family)
{
	int i = fp_family_index(family);

	return i >= 0 && r->severity_by_family[i] >= 0 ? r->severity_by_family[i] :
	    r->severity;
}

const char *
fp_severity_name(int sev)
{
	return sev >= 0 && sev <= FP_SEV_HIGH ? severities[sev] : "unknown";
}

int
fp_severity_from_name(const char *name)
{
	for (int i = 0; i <= FP_SEV_HIGH; i++)
		if (strcasecmp(severities[i], name) == 0)
			return i;
	return -1;
}

static const char *
vocab(const char *const *list, const char *s)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], s) == 0)
			return list[i];
	return NULL;
}

static char *
vocab_list(const char *const *list)
{
	struct fp_buf b = FP_BUF_INIT;

	for (size_t i = 0; list[i] != NULL; i++)
		fp_buf_addf(&b, "%s%s", i ? ", " : "", list[i]);
	return fp_buf_detach(&b);
}

/* --- patterns and lexicons -------------------------------------------- */

/* Id of the pattern for term (adding it), or -1 if it has no words. */
static int
pattern_add(struct fp_ruleset *rs, const char *term, const char *where)
{
	struct fp_buf norm = FP_BUF_INIT;
	int cased = 0, unspaced = 0;

	if (term[0] == '=') {
		cased = 1;
		term++;
	}
	fp_text_normalize(&norm, term, !cased);
	if (norm.len <= 1) {
		fp_buf_release(&norm);
		return -1;
	}
	{
		/* A term starting with an ideograph is matched without boundaries. */
		unsigned char c = (unsigned char)norm.data[1];

		if (c >= 0xe2) {
			int32_t cp = 0;

			if ((c & 0xf0) == 0xe0)
				cp = ((c & 0x0f) << 12) | ((norm.data[2] & 0x3f) << 6) |
				    (norm.data[3] & 0x3f);
			else if ((c & 0xf8) == 0xf0)
				cp = ((c & 0x07) << 18) | ((norm.data[2] & 0x3f) << 12) |
				    ((norm.data[3] & 0x3f) << 6) | (norm.data[4] & 0x3f);
			unspaced = fp_is_unspaced_script(cp);
		}
	}
	if (unspaced) {
		/* Keep the words, drop the padding spaces. */
		memmove(norm.data, norm.data + 1, norm.len - 1);
		norm.len -= 2;
		norm.data[norm.len] = '\0';
	}
	for (size_t i = 0; i < rs->npats; i++)
		if (rs->pats[i].cased == cased && strcmp(rs->pats[i].norm, norm.data) == 0) {
			fp_buf_release(&norm);
			return (int)i;
		}
	rs->pats = xreallocarray(rs->pats, rs->npats + 1, sizeof *rs->pats);
	rs->pats[rs->npats].norm = fp_buf_detach(&norm);
	rs->pats[rs->npats].term = xstrdup(term);
	rs->pats[rs->npats].cased = cased;
	rs->pats[rs->npats].unspaced = unspaced;
	rs->pats[rs->npats].where = where != NULL ? xstrdup(where) : NULL;
	return (int)rs->npats++;
}

/* Read one lexicon file's terms into out. */
static int
lexicon_file(const char *path, struct fp_strv *out, struct fp_err *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int lineno = 0, rc = FP_OK;

	if (f == NULL) {
		fp_err_set(err, FP_FATAL, "%s: %s", path, strerror(errno));
		return FP_FATAL;
	}
	while ((n = getline(&line, &cap, f)) >= 0) {
		char *p = line, *e;

		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (lineno == 1 && strncmp(p, "\xef\xbb\xbf", 3) == 0)
			p += 3;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || *p == '\0')
			continue;
		/* " # comment" after a term */
		if ((e = strstr(p, " #")) != NULL)
			*e = '\0';
		e = p + strlen(p);
		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		if (!fp_utf8_valid(p, strlen(p))) {
			fp_err_set(err, FP_FATAL, "%s:%d: the term is not valid UTF-8",
			    path, lineno);
			rc = FP_FATAL;
			break;
		}
		fp_strv_take(out, xasprintf("%s\x1f%d", p, lineno));
	}
	free(line);
	fclose(f);
	return rc;
}

/*
 * All terms of lexicon NAME: lexicons/NAME.txt and lexicons/NAME.*.txt.
 * Each entry is "term\x1fline"; files names the files read.
 */
static int
lexicon_load(const struct fp_ruleset *rs, const char *name, struct fp_strv *terms,
    struct fp_strv *files, struct fp_err *err)
{
	char *dir = xasprintf("%s/lexicons", rs->dir);
	struct dirent **list = NULL;
	size_t nlen = strlen(name);
	int n, rc = FP_OK;

	if (strchr(name, '/') != NULL || name[0] == '.') {
		free(dir);
		fp_err_set(err, FP_FATAL, "lexicon name '%s' is not a plain name", name);
		return FP_FATAL;
	}
	n = scandir(dir, &list, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		const char *f = list[i]->d_name;

		if (rc == FP_OK && strncmp(f, name, nlen) == 0 && fp_has_suffix(f, ".txt") &&
		    (strcmp(f + nlen, ".txt") == 0 ||
		    (f[nlen] == '.' && strchr(f + nlen + 1, '.') == f + strlen(f) - 4))) {
			char *path = xasprintf("%s/%s", dir, f);
			size_t before = terms->n;

			rc = lexicon_file(path, terms, err);
			for (size_t k = before; k < terms->n; k++) {
				char *t = terms->v[k];

				terms->v[k] = xasprintf("%s\x1f%s", t, path);
				free(t);
			}
			fp_strv_take(files, path);
		}
		free(list[i]);
	}
	free(list);
	free(dir);
	if (rc == FP_OK && files->n == 0) {
		fp_err_set(err, FP_FATAL, "no lexicon '%s' (looked for %s/lexicons/%s.txt"
		    " and %s.LANG.txt)", name, rs->dir, name, name);
		return FP_FATAL;
	}
	return rc;
}

static const char *const lexicon_langs[] = { "ar", "en", "es", "fr", "ru", "zh", NULL };

/* The lexicon NAME, loaded once: its terms become patterns. */
static struct fp_lexicon *
lexicon_get(struct fp_ruleset *rs, const char *name, struct fp_err *err)
{
	struct fp_strv terms = FP_STRV_INIT, files = FP_STRV_INIT, wheres = FP_STRV_INIT;
	struct fp_lexicon *lex;

	for (size_t i = 0; i < rs->nlexicons; i++)
		if (strcmp(rs->lexicons[i].name, name) == 0)
			return &rs->lexicons[i];
	if (lexicon_load(rs, name, &terms, &files, err) != FP_OK) {
		fp_strv_release(&terms);
		fp_strv_release(&files);
		return NULL;
	}
	rs->lexicons = xreallocarray(rs->lexicons, rs->nlexicons + 1, sizeof *rs->lexicons);
	lex = &rs->lexicons[rs->nlexicons++];
	memset(lex, 0, sizeof *lex);
	lex->name = xstrdup(name);
	lex->files = files;
	for (size_t t = 0; t < terms.n; t++) {
		char *term = terms.v[t];
		char *l = strchr(term, '\x1f');
		char *path = strchr(l + 1, '\x1f') + 1;
		char *where;
		int id, dup = 0;

		*l = '\0';
		*strchr(l + 1, '\x1f') = '\0';
		where = xasprintf("%s:%s", path, l + 1);
		if ((id = pattern_add(rs, term, where)) < 0) {
			fp_err_set(err, FP_FATAL, "%s: term '%s' has no letters or digits",
			    where, term);
			free(where);
			fp_strv_release(&terms);
			fp_strv_release(&wheres);
			return NULL;
		}
		for (size_t k = 0; k < lex->n && !dup; k++)
			if (lex->ids[k] == id) {
				dup = 1;
				/* The same term in two languages' files is fine. */
				if (strncmp(wheres.v[k], where, strlen(path)) == 0 &&
				    wheres.v[k][strlen(path)] == ':')
					fp_strv_take(&rs->lint, xasprintf("%s: '%s' repeats '%s'"
					    " (line %s)", where, term, rs->pats[id].term,
					    wheres.v[k] + strlen(path) + 1));
			}
		if (!dup) {
			lex->ids = xreallocarray(lex->ids, lex->n + 1, sizeof *lex->ids);
			lex->ids[lex->n++] = id;
			fp_strv_add(&wheres, where);
		}
		free(where);
	}
	fp_strv_release(&terms);
	fp_strv_release(&wheres);
	return lex;
}

/* --- match expressions ------------------------------------------------ */

static void
match_release(struct fp_match *m)
{
	if (m == NULL)
		return;
	free(m->pats);
	free(m->sorted);
	free(m->label);
	for (size_t i = 0; i < m->nkids; i++)
		match_release(&m->kids[i]);
	free(m->kids);
}

static int
int_order(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Each terms leaf's ids sorted too (the engine looks a text's few hits up
 * in them), once every rule is read. */
static void
match_index(struct fp_match *m)
{
	if (m->npats > 0) {
		m->sorted = xreallocarray(NULL, m->npats, sizeof *m->sorted);
		memcpy(m->sorted, m->pats, m->npats * sizeof *m->sorted);
		qsort(m->sorted, m->npats, sizeof *m->sorted, int_order);
	}
	for (size_t i = 0; i < m->nkids; i++)
		match_index(&m->kids[i]);
}

static int parse_match(struct fp_ruleset *, struct fp_yaml *, yaml_node_t *,
    struct fp_match *, struct fp_err *);
static int bool_value(const char *s);

static struct fp_match *
add_kid(struct fp_match *m)
{
	m->kids = xreallocarray(m->kids, m->nkids + 1, sizeof *m->kids);
	memset(&m->kids[m->nkids], 0, sizeof *m->kids);
	return &m->kids[m->nkids++];
}

static int
pat_push(struct fp_match *m, int id)
{
	for (size_t i = 0; i < m->npats; i++)
		if (m->pats[i] == id)
			return 0;
	m->pats = xreallocarray(m->pats, m->npats + 1, sizeof *m->pats);
	m->pats[m->npats++] = id;
	return 0;
}

static int
parse_list(struct fp_ruleset *rs, struct fp_yaml *y, yaml_node_t *node,
    const char *field, struct fp_match *m, struct fp_err *err)
{
	yaml_node_item_t *it;

	if (node->type != YAML_SEQUENCE_NODE)
		return fp_yaml_error(y, node, field, "expected a list of matches", err);
	for (it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++)
		if (parse_match(rs, y, yaml_document_get_node(&y->doc, *it), add_kid(m),
		    err) != FP_OK)
			return FP_FATAL;
	return FP_OK;
}

/* A match node: terms / lexicon leaves, any / all / none, score. */
static int
parse_match(struct fp_ruleset *rs, struct fp_yaml *y, yaml_node_t *node,
    struct fp_match *m, struct fp_err *err)
{
	yaml_node_pair_t *p;
	int leaf = 0, groups = 0, regex = 0, country = 0;

	memset(m, 0, sizeof *m);
	m->weight = 1;
	m->line = fp_yaml_line(node);
	if (node == NULL || node->type != YAML_MAPPING_NODE)
		return fp_yaml_error(y, node, "match", "expected a mapping with terms,"
		    " lexicon, any, all, none or score", err);
	m->op = FP_M_ALL;
	for (p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&y->doc, p->value);
		const char *key = fp_yaml_scalar(k);

		if (key == NULL)
			return fp_yaml_error(y, k, "match", "keys must be words", err);
		if (strcmp(key, "terms") == 0 || strcmp(key, "lexicon") == 0) {
			struct fp_strv vals = FP_STRV_INIT;

			leaf = 1;
			if (fp_yaml_strings(y, v, key, &vals, err) != FP_OK)
				return FP_FATAL;
			{
				struct fp_buf lb = FP_BUF_INIT;

				if (m->label != NULL)
					fp_buf_addf(&lb, "%s; ", m->label);
				fp_buf_addf(&lb, "%s ", key);
				for (size_t i = 0; i < vals.n; i++)
					fp_buf_addf(&lb, "%s%s", i ? ", " : "", vals.v[i]);
				free(m->label);
				m->label = fp_buf_detach(&lb);
			}
			for (size_t i = 0; i < vals.n; i++) {
				if (strcmp(key, "terms") == 0) {
					char *where = xasprintf("%s:%d", y->path, fp_yaml_line(v));
					int id = pattern_add(rs, vals.v[i], where);

					free(where);
					if (id < 0) {
						fp_strv_release(&vals);
						return fp_yaml_error(y, v, key, "a term"
						    " without letters or digits", err);
					}
					pat_push(m, id);
				} else {
					struct fp_lexicon *lex = lexicon_get(rs, vals.v[i], err);

					if (lex == NULL) {
						char msg[sizeof err->msg];

						snprintf(msg, sizeof msg, "%s", err->msg);
						fp_strv_release(&vals);
						return fp_yaml_error(y, v, key, msg, err);
					}
					lex->used = 1;
					for (size_t t = 0; t < lex->n; t++)
						pat_push(m, lex->ids[t]);
				}
			}
			fp_strv_release(&vals);
		} else if (strcmp(key, "regex") == 0) {
			const char *src = fp_yaml_scalar(v);
			int errcode;
			PCRE2_SIZE erroff;
			pcre2_code *code;

			if (src == NULL || src[0] == '\0')
				return fp_yaml_error(y, v, key, "a regular expression", err);
			code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
			    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF,
			    &errcode, &erroff, NULL);
			if (code == NULL) {
				PCRE2_UCHAR msg[160];
				char full[300];

				pcre2_get_error_message(errcode, msg, sizeof msg);
				snprintf(full, sizeof full, "bad regular expression at offset"
				    " %zu: %s", (size_t)erroff, (char *)msg);
				return fp_yaml_error(y, v, key, full, err);
			}
			/* JIT code reads the subject 16 bytes at a time, past its
			 * end but within its page; valgrind cannot know the extra
			 * bytes go unused, so under valgrind the interpreter runs. */
#ifdef RUNNING_ON_VALGRIND
			if (!RUNNING_ON_VALGRIND)
#endif
				pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
			rs->regexes = xreallocarray(rs->regexes, rs->nregexes + 1,
			    sizeof *rs->regexes);
			rs->regexes[rs->nregexes].src = xstrdup(src);
			rs->regexes[rs->nregexes].code = code;
			m->regex = (int)rs->nregexes++;
			regex = 1;
		} else if (strcmp(key, "deployment_country") == 0) {
			if (bool_value(fp_yaml_scalar(v)) != 1)
				return fp_yaml_error(y, v, key, "true: the deployment country"
				    " (--country) is named", err);
			country = 1;
		} else if (strcmp(key, "weight") == 0) {
			const char *s = fp_yaml_scalar(v);
			char *end;

			m->weight = s ? strtod(s, &end) : 0;
			if (s == NULL || *end != '\0' || m->weight <= 0 || m->weight > 1000)
				return fp_yaml_error(y, v, key, "a positive number", err);
		} else if (strcmp(key, "any") == 0 || strcmp(key, "all") == 0 ||
		    strcmp(key, "none") == 0) {
			struct fp_match *g = add_kid(m);

			groups++;
			g->op = key[1] == 'n' ? FP_M_ANY : key[1] == 'l' ? FP_M_ALL : FP_M_NONE;
			g->line = fp_yaml_line(v);
			if (parse_list(rs, y, v, key, g, err) != FP_OK)
				return FP_FATAL;
		} else if (strcmp(key, "score") == 0) {
			struct fp_match *g = add_kid(m);
			yaml_node_t *th = fp_yaml_get(y, v, "threshold");
			yaml_node_t *of = fp_yaml_get(y, v, "of");
			const char *ts = fp_yaml_scalar(th);
			char *end;

			groups++;
			g->op = FP_M_SCORE;
			g->line = fp_yaml_line(v);
			if (v->type != YAML_MAPPING_NODE || of == NULL || ts == NULL)
				return fp_yaml_error(y, v, key, "score needs 'threshold'"
				    " and a list 'of' weighted matches", err);
			g->threshold = strtod(ts, &end);
			if (*end != '\0' || g->threshold <= 0)
				return fp_yaml_error(y, th, "threshold", "a positive number", err);
			if (v->data.mapping.pairs.top - v->data.mapping.pairs.start != 2)
				return fp_yaml_error(y, v, key, "score takes only"
				    " 'threshold' and 'of'", err);
			if (parse_list(rs, y, of, "of", g, err) != FP_OK)
				return FP_FATAL;
		} else
			return fp_yaml_error(y, k, key, "unknown match key (known: terms,"
			    " lexicon, regex, deployment_country, weight, any, all, none, score)", err);
	}
	if (country && (leaf || regex || groups > 0))
		return fp_yaml_error(y, node, "match", "deployment_country stands alone"
		    " in its node (with a weight)", err);
	if (country) {
		m->op = FP_M_COUNTRY;
		return FP_OK;
	}
	if ((leaf || regex) && groups > 0)
		return fp_yaml_error(y, node, "match", "a node holds terms/lexicon/regex or"
		    " any/all/none/score, not both", err);
	if (leaf && regex)
		return fp_yaml_error(y, node, "match", "terms or lexicon, or a regex: put"
		    " them in separate nodes under any/all", err);
	if (regex)
		m->op = FP_M_REGEX;
	else if (leaf) {
		m->op = FP_M_TERMS;
		if (m->npats == 0)
			return fp_yaml_error(y, node, "match", "no terms", err);
	} else if (groups == 0)
		return fp_yaml_error(y, node, "match", "empty match", err);
	else if (groups == 1) {
		/* Hoist a lone group, keeping the weight written beside it. */
		struct fp_match *only = m->kids;
		double w = m->weight;

		m->kids = NULL;
		m->nkids = 0;
		match_release(m);
		*m = *only;
		m->weight = w;
		free(only);
	}
	return FP_OK;
}

/* --- rules ------------------------------------------------------------ */

static void
rule_release(struct fp_rule *r)
{
	free(r->id);
	free(r->title);
	fp_strv_release(&r->platforms);
	free(r->guidelines_json);
	if (r->match != NULL) {
		match_release(r->match);
		free(r->match);
	}
	free(r->file);
}

static int
scalar_field(struct fp_yaml *y, yaml_node_t *map, const char *key, int required,
    const char **out, struct fp_err *err)
{
	yaml_node_t *v = fp_yaml_get(y, map, key);

	*out = NULL;
	if (v == NULL) {
		if (required)
			return fp_yaml_error(y, map, key, "missing", err);
		return FP_OK;
	}
	if ((*out = fp_yaml_scalar(v)) == NULL || (*out)[0] == '\0')
		return fp_yaml_error(y, v, key, "must be a single, non-empty value", err);
	return FP_OK;
}

static int
bool_value(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0)
		return 1;
	if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0)
		return 0;
	return -1;
}

static int
parse_when(struct fp_yaml *y, yaml_node_t *when, struct fp_rule *r, struct fp_err *err)
{
	yaml_node_pair_t *p;

	if (when->type != YAML_MAPPING_NODE)
		return fp_yaml_error(y, when, "when", "expected a mapping of conditions", err);
	for (p = when->data.mapping.pairs.start; p < when->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&y->doc, p->value);
		const char *key = fp_yaml_scalar(k), *val = fp_yaml_scalar(v);
		int b = bool_value(val);

		if (key == NULL)
			return fp_yaml_error(y, k, "when", "keys must be words", err);
		if (strcmp(key, "older_than") == 0 || strcmp(key, "newer_than") == 0) {
			int64_t secs;

			if (val == NULL || fp_parse_age(val, &secs) != 0 || secs == 0)
				return fp_yaml_error(y, v, key, "an age such as 30d, 6m,"
				    " 2y", err);
			if (key[0] == 'o')
				r->older_than = secs;
			else
				r->newer_than = secs;
			continue;
		}
		if (b < 0)
			return fp_yaml_error(y, v, key, "true or false", err);
		if (strcmp(key, "reference_official") == 0)
			r->ref_official = b;
		else if (strcmp(key, "pseudonymous") == 0)
			r->pseudonymous = b;
		else if (strcmp(key, "has_media") == 0)
			r->has_media = b;
		else if (strcmp(key, "has_geo") == 0)
			r->has_geo = b;
		else
			return fp_yaml_error(y, k, key, "unknown condition (known:"
			    " reference_official, pseudonymous, has_media, has_geo,"
			    " older_than, newer_than)", err);
	}
	return FP_OK;
}

static const char *const rule_keys[] = {
	"id", "title", "category", "severity", "action", "kinds", "platforms",
	"check", "when", "match", "deployment_country", NULL
};

static int
parse_rule(struct fp_ruleset *rs, struct fp_yaml *y, yaml_node_t *node, struct fp_err *err)
{
	struct fp_rule r;
	const char *id, *title, *cat, *sev, *act, *check;
	yaml_node_t *v;
	yaml_node_pair_t *p;
	struct fp_strv list = FP_STRV_INIT;

	memset(&r, 0, sizeof r);
	r.ref_official = r.pseudonymous = r.has_media = r.has_geo = -1;
	r.country_severity = -1;
	for (int f = 0; f < FP_FAMILIES; f++)
		r.severity_by_family[f] = -1;
	r.file = xstrdup(y->path);
	r.line = fp_yaml_line(node);
	if (node->type != YAML_MAPPING_NODE) {
		fp_yaml_error(y, node, "rules", "each rule is a mapping", err);
		goto fail;
	}
	for (p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, p->key);
		const char *key = fp_yaml_scalar(k);

		if (key == NULL || vocab(rule_keys, key) == NULL) {
			fp_yaml_error(y, k, key ? key : "?", "unknown rule field (known: id,"
			    " title, category, severity, action, kinds, platforms, check,"
			    " when, match, deployment_country; guideline clauses go in"
			    " agencies/)", err);
			goto fail;
		}
	}
	if (scalar_field(y, node, "id", 1, &id, err) != FP_OK ||
	    scalar_field(y, node, "title", 1, &title, err) != FP_OK ||
	    scalar_field(y, node, "category", 1, &cat, err) != FP_OK ||
	    scalar_field(y, node, "severity", 1, &sev, err) != FP_OK ||
	    scalar_field(y, node, "action", 1, &act, err) != FP_OK ||
	    scalar_field(y, node, "check", 0, &check, err) != FP_OK)
		goto fail;
	r.id = xstrdup(id);
	r.title = xstrdup(title);
	for (size_t i = 0; i < rs->nrules; i++)
		if (strcmp(rs->rules[i].id, id) == 0) {
			char msg[300];

			snprintf(msg, sizeof msg, "rule '%s' is already defined at %s:%d",
			    id, rs->rules[i].file, rs->rules[i].line);
			fp_yaml_error(y, fp_yaml_get(y, node, "id"), "id", msg, err);
			goto fail;
		}
	if ((r.category = vocab(fp_categories, cat)) == NULL) {
		char *known = vocab_list(fp_categories), msg[400];

		snprintf(msg, sizeof msg, "unknown category '%s' (known: %s)", cat, known);
		free(known);
		fp_yaml_error(y, fp_yaml_get(y, node, "category"), "category", msg, err);
		goto fail;
	}
	if ((r.severity = fp_severity_from_name(sev)) < 0) {
		fp_yaml_error(y, fp_yaml_get(y, node, "severity"), "severity",
		    "one of high, medium, low, info", err);
		goto fail;
	}
	if ((r.action = vocab(fp_actions, act)) == NULL) {
		char *known = vocab_list(fp_actions), msg[300];

		snprintf(msg, sizeof msg, "unknown action '%s' (known: %s)", act, known);
		free(known);
		fp_yaml_error(y, fp_yaml_get(y, node, "action"), "action", msg, err);
		goto fail;
	}
	if (check == NULL || strcmp(check, "text") == 0)
		r.check = FP_CHECK_TEXT;
	else if (strcmp(check, "username-entity") == 0)
		r.check = FP_CHECK_USERNAME_ENTITY;
	else if (strcmp(check, "work-email") == 0)
		r.check = FP_CHECK_WORK_EMAIL;
	else if (strcmp(check, "conditions") == 0)
		r.check = FP_CHECK_CONDITIONS;
	else {
		fp_yaml_error(y, fp_yaml_get(y, node, "check"), "check",
		    "one of text, username-entity, work-email, conditions", err);
		goto fail;
	}
	{
		const char *cs;

		if (scalar_field(y, node, "deployment_country", 0, &cs, err) != FP_OK)
			goto fail;
		if (cs != NULL && (r.country_severity = fp_severity_from_name(cs)) < 0) {
			fp_yaml_error(y, fp_yaml_get(y, node, "deployment_country"),
			    "deployment_country", "the severity when the item names the"
			    " deployment country: high, medium, low, info", err);
			goto fail;
		}
	}
	if ((v = fp_yaml_get(y, node, "kinds")) != NULL) {
		if (fp_yaml_strings(y, v, "kinds", &list, err) != FP_OK)
			goto fail;
		for (size_t i = 0; i < list.n; i++) {
			int k = fp_kind_from_name(list.v[i]);

			if (k < 0) {
				char msg[200];

				snprintf(msg, sizeof msg, "unknown item kind '%s'", list.v[i]);
				fp_yaml_error(y, v, "kinds", msg, err);
				goto fail;
			}
			r.kinds |= 1u << k;
		}
		fp_strv_release(&list);
	}
	if ((v = fp_yaml_get(y, node, "platforms")) != NULL) {
		if (fp_yaml_strings(y, v, "platforms", &r.platforms, err) != FP_OK)
			goto fail;
		for (size_t i = 0; i < r.platforms.n; i++)
			if (!fp_platform_valid(r.platforms.v[i])) {
				char msg[200];

				snprintf(msg, sizeof msg, "unknown platform '%s'",
				    r.platforms.v[i]);
				fp_yaml_error(y, v, "platforms", msg, err);
				goto fail;
			}
	}
	if ((v = fp_yaml_get(y, node, "when")) != NULL && parse_when(y, v, &r, err) != FP_OK)
		goto fail;
	v = fp_yaml_get(y, node, "match");
	if (r.check == FP_CHECK_TEXT) {
		if (v == NULL) {
			fp_yaml_error(y, node, "match", "missing: a text rule needs a match",
			    err);
			goto fail;
		}
		r.match = xcalloc(1, sizeof *r.match);
		if (parse_match(rs, y, v, r.match, err) != FP_OK)
			goto fail;
	} else if (v != NULL) {
		fp_yaml_error(y, v, "match", "only text rules take a match", err);
		goto fail;
	}
	rs->rules = xreallocarray(rs->rules, rs->nrules + 1, sizeof *rs->rules);
	rs->rules[rs->nrules++] = r;
	return FP_OK;
fail:
	fp_strv_release(&list);
	rule_release(&r);
	return FP_FATAL;
}

/* --- entities --------------------------------------------------------- */

static void
entity_release(struct fp_entity *e)
{
	free(e->id);
	free(e->name);
	fp_strv_release(&e->acronyms);
	fp_strv_release(&e->acronyms_cased);
	fp_strv_release(&e->domains);
	free(e->guidelines);
}

static int
parse_entity(struct fp_ruleset *rs, struct fp_yaml *y, yaml_node_t *node, struct fp_err *err)
{
	static const char *const keys[] = { "id", "name", "acronyms",
	    "acronyms_cased", "domains", "guidelines", NULL };
	struct fp_entity e;
	const char *id, *name, *g;
	yaml_node_pair_t *p;

	memset(&e, 0, sizeof e);
	if (node->type != YAML_MAPPING_NODE)
		return fp_yaml_error(y, node, "entities", "each entity is a mapping", err);
	for (p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
		const char *key = fp_yaml_scalar(yaml_document_get_node(&y->doc, p->key));

		if (key == NULL || vocab(keys, key) == NULL)
			return fp_yaml_error(y, yaml_document_get_node(&y->doc, p->key),
			    key ? key : "?", "unknown entity field (known: id, name,"
			    " acronyms, acronyms_cased, domains, guidelines)", err);
	}
	if (scalar_field(y, node, "id", 1, &id, err) != FP_OK ||
	    scalar_field(y, node, "name", 1, &name, err) != FP_OK ||
	    scalar_field(y, node, "guidelines", 0, &g, err) != FP_OK)
		return FP_FATAL;
	if (g != NULL && vocab(guideline_families, g) == NULL)
		return fp_yaml_error(y, fp_yaml_get(y, node, "guidelines"), "guidelines",
		    "one of UN, UN-system, UNHCR, UNOPS, IOM", err);
	e.id = xstrdup(id);
	e.name = xstrdup(name);
	e.guidelines = xstrdup(g != NULL ? g : "UN-system");
	if (fp_yaml_strings(y, fp_yaml_get(y, node, "acronyms"), "acronyms",
	    &e.acronyms, err) != FP_OK ||
	    fp_yaml_strings(y, fp_yaml_get(y, node, "acronyms_cased"), "acronyms_cased",
	    &e.acronyms_cased, err) != FP_OK ||
	    fp_yaml_strings(y, fp_yaml_get(y, node, "domains"), "domains",
	    &e.domains, err) != FP_OK) {
		entity_release(&e);
		return FP_FATAL;
	}
	for (size_t i = 0; i < e.domains.n; i++)
		if (strchr(e.domains.v[i], '.') == NULL || strchr(e.domains.v[i], '@')) {
			entity_release(&e);
			return fp_yaml_error(y, fp_yaml_get(y, node, "domains"), "domains",
			    "a domain such as unhcr.org", err);
		}
	rs->entities = xreallocarray(rs->entities, rs->nentities + 1, sizeof *rs->entities);
	rs->entities[rs->nentities++] = e;
	return FP_OK;
}

/* --- agency profiles -------------------------------------------------- */

static void
agency_release(struct fp_agency *a)
{
	free(a->family);
	free(a->document);
	fp_strv_release(&a->ids);
	fp_strv_release(&a->titles);
	fp_strv_release(&a->quotes);
}

/* Add "clause title" to a rule's guidelines JSON under family. */
static void
cite(struct fp_rule *r, const char *family, const char *text)
{
	json_t *o = r->guidelines_json ? json_loads(r->guidelines_json, 0, NULL) : json_object();
	json_t *a = json_object_get(o, family);

	if (a == NULL) {
		a = json_array();
		json_object_set_new(o, family, a);
	}
	json_array_append_new(a, json_string(text));
	free(r->guidelines_json);
	r->guidelines_json = fp_json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
}

static int
load_agency(struct fp_ruleset *rs, const char *path, struct fp_err *err)
{
	struct fp_yaml y;
	struct fp_agency a;
	yaml_node_t *root, *clauses, *rules;
	yaml_node_pair_t *p;
	const char *family, *doc;
	int fi, rc = FP_FATAL;

	memset(&a, 0, sizeof a);
	if (fp_yaml_load(&y, path, err) != FP_OK)
		return FP_FATAL;
	root = yaml_document_get_root_node(&y.doc);
	if (root == NULL || root->type != YAML_MAPPING_NODE) {
		fp_yaml_error(&y, root, NULL, "an agency profile is a mapping with agency,"
		    " document, clauses and rules", err);
		goto out;
	}
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&y.doc, p->key);
		const char *key = fp_yaml_scalar(k);

		if (key == NULL || (strcmp(key, "agency") != 0 && strcmp(key, "document") != 0 &&
		    strcmp(key, "clauses") != 0 && strcmp(key, "rules") != 0)) {
			fp_yaml_error(&y, k, key ? key : "?", "unknown field (known: agency,"
			    " document, clauses, rules)", err);
			goto out;
		}
	}
	if (scalar_field(&y, root, "agency", 1, &family, err) != FP_OK ||
	    scalar_field(&y, root, "document", 1, &doc, err) != FP_OK)
		goto out;
	if ((fi = fp_family_index(family)) < 0) {
		fp_yaml_error(&y, fp_yaml_get(&y, root, "agency"), "agency",
		    "one of UN, UN-system, UNHCR, UNOPS, IOM", err);
		goto out;
	}
	for (size_t i = 0; i < rs->nagencies; i++)
		if (strcmp(rs->agencies[i].family, family) == 0) {
			fp_yaml_error(&y, fp_yaml_get(&y, root, "agency"), "agency",
			    "a second profile for this agency", err);
			goto out;
		}
	a.family = xstrdup(family);
	a.document = xstrdup(doc);
	clauses = fp_yaml_get(&y, root, "clauses");
	if (clauses == NULL || clauses->type != YAML_MAPPING_NODE) {
		fp_yaml_error(&y, root, "clauses", "a mapping of clause id to title and"
		    " quote", err);
		goto out;
	}
	for (p = clauses->data.mapping.pairs.start; p < clauses->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&y.doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&y.doc, p->value);
		const char *id = fp_yaml_scalar(k), *title, *quote;

		if (id == NULL || scalar_field(&y, v, "title", 1, &title, err) != FP_OK ||
		    scalar_field(&y, v, "quote", 1, &quote, err) != FP_OK) {
			if (id == NULL)
				fp_yaml_error(&y, k, "clauses", "a clause id", err);
			goto out;
		}
		fp_strv_add(&a.ids, id);
		fp_strv_add(&a.titles, title);
		fp_strv_add(&a.quotes, quote);
	}
	rules = fp_yaml_get(&y, root, "rules");
	if (rules == NULL || rules->type != YAML_MAPPING_NODE) {
		fp_yaml_error(&y, root, "rules", "a mapping of rule id to the clauses it"
		    " cites", err);
		goto out;
	}
	for (p = rules->data.mapping.pairs.start; p < rules->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&y.doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&y.doc, p->value);
		const char *id = fp_yaml_scalar(k), *sev;
		struct fp_strv cites = FP_STRV_INIT;
		struct fp_rule *r = NULL;

		for (size_t i = 0; id != NULL && i < rs->nrules; i++)
			if (strcmp(rs->rules[i].id, id) == 0)
				r = &rs->rules[i];
		if (r == NULL) {
			fp_yaml_error(&y, k, "rules", "no such rule", err);
			goto out;
		}
		if (v->type != YAML_MAPPING_NODE ||
		    fp_yaml_strings(&y, fp_yaml_get(&y, v, "cite"), "cite", &cites, err) != FP_OK ||
		    scalar_field(&y, v, "severity", 0, &sev, err) != FP_OK) {
			if (v->type != YAML_MAPPING_NODE)
				fp_yaml_error(&y, v, id, "{ cite: [clauses], severity: ... }", err);
			fp_strv_release(&cites);
			goto out;
		}
		if (cites.n == 0) {
			fp_yaml_error(&y, v, "cite", "no clauses cited", err);
			goto out;
		}
		for (size_t c = 0; c < cites.n; c++) {
			size_t j;
			char *text;

			for (j = 0; j < a.ids.n; j++)
				if (strcmp(a.ids.v[j], cites.v[c]) == 0)
					break;
			if (j == a.ids.n) {
				char msg[200];

				snprintf(msg, sizeof msg, "clause '%s' is not among this"
				    " profile's clauses", cites.v[c]);
				fp_strv_release(&cites);
				fp_yaml_error(&y, fp_yaml_get(&y, v, "cite"), "cite", msg, err);
				goto out;
			}
			text = xasprintf("%s %s", a.ids.v[j], a.titles.v[j]);
			cite(r, family, text);
			free(text);
		}
		fp_strv_release(&cites);
		if (sev != NULL && (r->severity_by_family[fi] = fp_severity_from_name(sev)) < 0) {
			fp_yaml_error(&y, fp_yaml_get(&y, v, "severity"), "severity",
			    "one of high, medium, low, info", err);
			goto out;
		}
	}
	rs->agencies = xreallocarray(rs->agencies, rs->nagencies + 1, sizeof *rs->agencies);
	rs->agencies[rs->nagencies++] = a;
	memset(&a, 0, sizeof a);
	rc = FP_OK;
out:
	agency_release(&a);
	fp_yaml_release(&y);
	return rc;
}

static int
load_agencies(struct fp_ruleset *rs, struct fp_err *err)
{
	char *dir = xasprintf("%s/agencies", rs->dir);
	struct dirent **list = NULL;
	int n = scandir(dir, &list, NULL, alphasort), rc = FP_OK;

	if (n < 0) {
		fp_err_set(err, FP_FATAL, "no agency profiles in '%s': %s", dir, strerror(errno));
		free(dir);
		return FP_FATAL;
	}
	for (int i = 0; i < n; i++) {
		const char *f = list[i]->d_name;

		if (rc == FP_OK && f[0] != '.' && fp_has_suffix(f, ".yaml")) {
			char *path = xasprintf("%s/%s", dir, f);

			rc = load_agency(rs, path, err);
			free(path);
		}
		free(list[i]);
	}
	free(list);
	free(dir);
	for (size_t i = 0; rc == FP_OK && i < rs->nrules; i++)
		if (rs->rules[i].guidelines_json == NULL) {
			fp_err_set(err, FP_FATAL, "%s:%d: rule '%s' cites no guideline: add"
			    " it to the agency profiles in %s/agencies", rs->rules[i].file,
			    rs->rules[i].line, rs->rules[i].id, rs->dir);
			rc = FP_FATAL;
		}
	return rc;
}

const char *
fp_ruleset_quote(const struct fp_ruleset *rs, const char *family, const char *cited)
{
	for (size_t i = 0; i < rs->nagencies; i++) {
		const struct fp_agency *a = &rs->agencies[i];

		if (strcmp(a->family, family) != 0)
			continue;
		for (size_t j = 0; j < a->ids.n; j++) {
			size_t n = strlen(a->ids.v[j]);

			if (strncmp(cited, a->ids.v[j], n) == 0 && cited[n] == ' ' &&
			    strcmp(cited + n + 1, a->titles.v[j]) == 0)
				return a->quotes.v[j];
		}
	}
	return NULL;
}

/* --- files ------------------------------------------------------------ */

static int
load_file(struct fp_ruleset *rs, const char *path, struct fp_err *err)
{
	struct fp_yaml y;
	yaml_node_t *root;
	yaml_node_pair_t *p;
	int rc = FP_FATAL;

	if (fp_yaml_load(&y, path, err) != FP_OK)
		return FP_FATAL;
	root = yaml_document_get_root_node(&y.doc);
	if (root == NULL || root->type != YAML_MAPPING_NODE) {
		fp_yaml_error(&y, root, NULL, "a rule file is a mapping with 'rules',"
		    " 'entities' or 'not_work_domains'", err);
		goto out;
	}
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&y.doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&y.doc, p->value);
		const char *key = fp_yaml_scalar(k);
		yaml_node_item_t *it;

		if (key != NULL && strcmp(key, "not_work_domains") == 0) {
			if (fp_yaml_strings(&y, v, key, &rs->excluded_domains, err) != FP_OK)
				goto out;
			continue;
		}
		if (key == NULL || (strcmp(key, "rules") != 0 && strcmp(key, "entities") != 0)) {
			fp_yaml_error(&y, k, key ? key : "?", "unknown top-level key"
			    " (known: rules, entities, not_work_domains)", err);
			goto out;
		}
		if (v->type != YAML_SEQUENCE_NODE) {
			fp_yaml_error(&y, v, key, "expected a list", err);
			goto out;
		}
		for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
			yaml_node_t *n = yaml_document_get_node(&y.doc, *it);

			if ((key[0] == 'r' ? parse_rule(rs, &y, n, err) :
			    parse_entity(rs, &y, n, err)) != FP_OK)
				goto out;
		}
	}
	rc = FP_OK;
out:
	fp_yaml_release(&y);
	return rc;
}

int
fp_ruleset_load(struct fp_ruleset *rs, const char *dir, struct fp_err *err)
{
	struct dirent **list = NULL;
	int n;

	memset(rs, 0, sizeof *rs);
	rs->dir = xstrdup(dir);
	n = scandir(dir, &list, NULL, alphasort);
	if (n < 0) {
		fp_err_set(err, FP_FATAL, "rules folder '%s': %s", dir, strerror(errno));
		goto fail;
	}
	for (int i = 0; i < n; i++) {
		const char *f = list[i]->d_name;

		if (f[0] != '.' && fp_has_suffix(f, ".yaml")) {
			char *path = xasprintf("%s/%s", dir, f);
			int rc = load_file(rs, path, err);

			free(path);
			if (rc != FP_OK) {
				for (int j = i; j < n; j++)
					free(list[j]);
				free(list);
				goto fail;
			}
		}
		free(list[i]);
	}
	free(list);
	if (rs->nrules == 0) {
		fp_err_set(err, FP_FATAL, "rules folder '%s' holds no rules (*.yaml)", dir);
		goto fail;
	}
	if (load_agencies(rs, err) != FP_OK)
		goto fail;
	for (size_t i = 0; i < rs->nrules; i++)
		if (rs->rules[i].match != NULL)
			match_index(rs->rules[i].match);
	rs->ac_folded = fp_matcher_new();
	rs->ac_cased = fp_matcher_new();
	for (size_t i = 0; i < rs->npats; i++)
		fp_matcher_add(rs->pats[i].cased ? rs->ac_cased : rs->ac_folded,
		    rs->pats[i].norm, strlen(rs->pats[i].norm), (int)i);
	for (size_t i = 0; i < rs->npats; i++) {
		/* A guard for the cased scan (rules.h): "un" for "UN", "оон"
		 * for "ООН". A text whose normalising says 1 holds the guard
		 * wherever its cased form holds the pattern. */
		struct fp_buf g = FP_BUF_INIT;
		const char *p = rs->pats[i].norm;

		if (!rs->pats[i].cased)
			continue;
		while (*p != '\0' && ((unsigned char)*p < 0xd8 || (unsigned char)*p > 0xdb))
			p++;		/* Arabic letters: the article stripped again */
		if (rs->pats[i].unspaced || *p != '\0' ||
		    !fp_text_normalize(&g, rs->pats[i].norm, 1) || g.len <= 1)
			rs->cased_unguarded = 1;
		else {
			fp_matcher_add(rs->ac_folded, g.data, g.len, (int)rs->npats);
			rs->cased_guards++;
		}
		fp_buf_release(&g);
	}
	fp_matcher_compile(rs->ac_folded);
	fp_matcher_compile(rs->ac_cased);
	{
		/* Official UN accounts, whose reposts and likes are no endorsement. */
		struct fp_strv terms = FP_STRV_INIT, files = FP_STRV_INIT;

		if (lexicon_load(rs, "un-official-accounts", &terms, &files, err) == FP_OK) {
			for (size_t i = 0; i < terms.n; i++) {
				char *t = terms.v[i];

				*strchr(t, '\x1f') = '\0';
				if (t[0] == '@')
					memmove(t, t + 1, strlen(t));
				for (char *c = t; *c; c++)
					*c = (char)((*c >= 'A' && *c <= 'Z') ? *c + 32 : *c);
				fp_strv_add(&rs->official_accounts, t);
			}
		}
		fp_err_clear(err);
		fp_strv_release(&terms);
		fp_strv_release(&files);
	}
	return FP_OK;
fail:
	fp_ruleset_release(rs);
	return FP_FATAL;
}

void
fp_ruleset_release(struct fp_ruleset *rs)
{
	for (size_t i = 0; i < rs->nrules; i++)
		rule_release(&rs->rules[i]);
	free(rs->rules);
	for (size_t i = 0; i < rs->nentities; i++)
		entity_release(&rs->entities[i]);
	free(rs->entities);
	for (size_t i = 0; i < rs->npats; i++) {
		free(rs->pats[i].norm);
		free(rs->pats[i].term);
		free(rs->pats[i].where);
	}
	for (size_t i = 0; i < rs->nlexicons; i++) {
		free(rs->lexicons[i].name);
		free(rs->lexicons[i].ids);
		fp_strv_release(&rs->lexicons[i].files);
	}
	free(rs->lexicons);
	fp_strv_release(&rs->lint);
	for (size_t i = 0; i < rs->nagencies; i++)
		agency_release(&rs->agencies[i]);
	free(rs->agencies);
	free(rs->pats);
	fp_matcher_free(rs->ac_folded);
	fp_matcher_free(rs->ac_cased);
	for (size_t i = 0; i < rs->nregexes; i++) {
		free(rs->regexes[i].src);
		pcre2_code_free(rs->regexes[i].code);
	}
	free(rs->regexes);
	fp_strv_release(&rs->official_accounts);
	fp_strv_release(&rs->excluded_domains);
	free(rs->dir);
	memset(rs, 0, sizeof *rs);
}

const struct fp_entity *
fp_ruleset_entity(const struct fp_ruleset *rs, const char *name)
{
	for (size_t i = 0; i < rs->nentities; i++) {
		const struct fp_entity *e = &rs->entities[i];

		if (strcasecmp(e->id, name) == 0 || fp_strv_has_icase(&e->acronyms, name) ||
		    fp_strv_has_icase(&e->acronyms_cased, name))
			return e;
	}
	return NULL;
}

int
fp_ruleset_is_official(const struct fp_ruleset *rs, const char *handle)
{
	char *low;
	int r;

	if (handle == NULL || handle[0] == '\0')
		return 0;
	low = xstrdup(handle[0] == '@' ? handle + 1 : handle);
	for (char *c = low; *c; c++)
		*c = (char)((*c >= 'A' && *c <= 'Z') ? *c + 32 : *c);
	r = fp_strv_has(&rs->official_accounts, low);
	free(low);
	return r;
}

static int
is_dir(const char *p)
{
	struct stat st;

	return p != NULL && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
fp_rules_dir(const char *given)
{
	const char *env = getenv("FOOTPRINT_RULES");

	if (given != NULL)
		return given;
	if (env != NULL && env[0] != '\0')
		return env;
	if (is_dir(FP_RULESDIR))
		return FP_RULESDIR;
	return FP_SRC_RULESDIR;
}

/* Pattern ids of the leaves under m: in a none (neg) or not (pos). */
static void
collect(const struct fp_match *m, int under_none, struct fp_strv *dummy,
    int **pos, size_t *npos, int **neg, size_t *nneg)
{
	(void)dummy;
	if (m == NULL)
		return;
	if (m->op == FP_M_TERMS) {
		for (size_t i = 0; i < m->npats; i++) {
			if (under_none) {
				*neg = xreallocarray(*neg, *nneg + 1, sizeof **neg);
				(*neg)[(*nneg)++] = m->pats[i];
			} else {
				*pos = xreallocarray(*pos, *npos + 1, sizeof **pos);
				(*pos)[(*npos)++] = m->pats[i];
			}
		}
		return;
	}
	for (size_t i = 0; i < m->nkids; i++)
		collect(&m->kids[i], under_none || m->op == FP_M_NONE, dummy, pos, npos,
		    neg, nneg);
}

size_t
fp_ruleset_lint(const struct fp_ruleset *rs, struct fp_strv *out)
{
	size_t before = out->n;
	char *dir = xasprintf("%s/lexicons", rs->dir);
	struct dirent **list = NULL;
	int n;

	for (size_t i = 0; i < rs->lint.n; i++)
		fp_strv_add(out, rs->lint.v[i]);
	/* Lexicon files: a known language, and used by some rule. */
	n = scandir(dir, &list, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		const char *f = list[i]->d_name;
		char *name, *dot;
		int used = 0;

		if (f[0] == '.' || !fp_has_suffix(f, ".txt")) {
			free(list[i]);
			continue;
		}
		name = xstrndup(f, strlen(f) - 4);
		if ((dot = strrchr(name, '.')) != NULL) {
			int known = 0;

			for (size_t k = 0; lexicon_langs[k] != NULL; k++)
				if (strcmp(dot + 1, lexicon_langs[k]) == 0)
					known = 1;
			if (!known)
				fp_strv_take(out, xasprintf("%s/%s: '%s' is not a language of"
				    " the rule pack (ar, en, es, fr, ru, zh)", dir, f, dot + 1));
			*dot = '\0';
		}
		for (size_t k = 0; k < rs->nlexicons; k++)
			if (strcmp(rs->lexicons[k].name, name) == 0 && rs->lexicons[k].used)
				used = 1;
		if (!used && strcmp(name, "un-official-accounts") != 0)
			fp_strv_take(out, xasprintf("%s/%s: no rule uses lexicon '%s'",
			    dir, f, name));
		free(name);
		free(list[i]);
	}
	free(list);
	free(dir);
	/* A term that contains one of its rule's none-terms can never fire it. */
	for (size_t r = 0; r < rs->nrules; r++) {
		int *pos = NULL, *neg = NULL;
		size_t npos = 0, nneg = 0;

		collect(rs->rules[r].match, 0, NULL, &pos, &npos, &neg, &nneg);
		for (size_t i = 0; i < npos; i++)
			for (size_t j = 0; j < nneg; j++) {
				const struct fp_pattern *p = &rs->pats[pos[i]], *q = &rs->pats[neg[j]];

				if (p->cased == q->cased && strstr(p->norm, q->norm) != NULL)
					fp_strv_take(out, xasprintf("%s: '%s' can never fire rule"
					    " '%s': it contains the excluded '%s' (%s)",
					    p->where ? p->where : rs->rules[r].file, p->term,
					    rs->rules[r].id, q->term, q->where ? q->where : "?"));
			}
		free(pos);
		free(neg);
	}
	return out->n - before;
}
