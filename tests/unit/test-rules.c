/* Unit tests: loading rules, and errors that name file, line and field. */
#include "config.h"
#include "unit.h"
#include <sys/stat.h>
#include <unistd.h>
#include "rules.h"
#include "engine.h"
#include "item.h"
#include "profile.h"

static char dir[64];

static void
write_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static int
load(struct fp_err *err)
{
	struct fp_ruleset rs;
	int rc = fp_ruleset_load(&rs, dir, err);

	if (rc == FP_OK)
		fp_ruleset_release(&rs);
	return rc;
}

#define RULE_HEAD "rules:\n  - id: r1\n    title: t\n    category: political\n" \
	"    severity: high\n    action: delete\n"
#define AGENCY "agency: UNHCR\ndocument: d\nclauses:\n  \"§2\": {title: Be impartial," \
	" quote: \"q\"}\nrules:\n  r1: { cite: [\"§2\"], severity: low }\n"

UNIT(shipped_rules_load)
{
	struct fp_ruleset rs;
	struct fp_err err;
	const char *d = getenv("FOOTPRINT_RULES");

	CHECK_INT(fp_ruleset_load(&rs, d ? d : "rules", &err), FP_OK);
	CHECK(rs.nrules >= 18);
	CHECK(rs.nagencies == 5);
	CHECK(fp_ruleset_entity(&rs, "unhcr") != NULL);
	CHECK(fp_ruleset_entity(&rs, "ACNUR") != NULL);
	CHECK(fp_ruleset_entity(&rs, "nosuch") == NULL);
	CHECK(fp_ruleset_is_official(&rs, "@Refugees"));
	CHECK(!fp_ruleset_is_official(&rs, "random_person"));
	fp_ruleset_release(&rs);
}

UNIT(good_rule_with_terms)
{
	struct fp_err err;

	write_file("a.yaml", RULE_HEAD "    match:\n      terms: [election, \"=UN\"]\n");
	CHECK_INT(load(&err), FP_OK);
}

UNIT(unknown_category_named)
{
	struct fp_err err;

	write_file("a.yaml", "rules:\n  - id: r1\n    title: t\n    category: politics\n"
	    "    severity: high\n    action: delete\n"
	    "    match: {terms: [a]}\n");
	CHECK_INT(load(&err), FP_FATAL);
	CHECK(strstr(err.msg, "a.yaml:4:15: field 'category': unknown category 'politics'") != NULL);
}

UNIT(agency_profile_cites_and_severity)
{
	struct fp_ruleset rs;
	struct fp_err err;

	write_file("a.yaml", RULE_HEAD "    match: {terms: [a]}\n");
	CHECK_INT(fp_ruleset_load(&rs, dir, &err), FP_OK);
	if (rs.nrules == 1) {
		CHECK_STR(rs.rules[0].guidelines_json, "{\"UNHCR\":[\"§2 Be impartial\"]}");
		CHECK_INT(fp_rule_severity(&rs.rules[0], "UNHCR"), FP_SEV_LOW);
		CHECK_INT(fp_rule_severity(&rs.rules[0], "IOM"), FP_SEV_HIGH);
		CHECK_STR(fp_ruleset_quote(&rs, "UNHCR", "§2 Be impartial"), "q");
		fp_ruleset_release(&rs);
	}
}

UNIT(uncited_rule_refused)
{
	struct fp_err err;
	char p[256];

	write_file("a.yaml", RULE_HEAD "    match: {terms: [a]}\n  - id: r2\n    title: t\n"
	    "    category: political\n    severity: high\n    action: delete\n"
	    "    match: {terms: [b]}\n");
	CHECK_INT(load(&err), FP_FATAL);
	CHECK(strstr(err.msg, "a.yaml:8: rule 'r2' cites no guideline") != NULL);
	snprintf(p, sizeof p, "%s/agencies/a.yaml", dir);
	write_file("agencies/a.yaml", "agency: UNHCR\ndocument: d\nclauses: {}\n"
	    "rules:\n  r1: { cite: [\"§9\"] }\n");
	CHECK_INT(load(&err), FP_FATAL);
	CHECK(strstr(err.msg, "agencies/a.yaml:5:") != NULL);
	CHECK(strstr(err.msg, "clause '§9' is not among this profile's clauses") != NULL);
	write_file("agencies/a.yaml", AGENCY);
	(void)p;
}

UNIT(missing_lexicon_named)
{
	struct fp_err err;

	write_file("a.yaml", RULE_HEAD "    match:\n      lexicon: nope\n");
	CHECK_INT(load(&err), FP_FATAL);
	CHECK(strstr(err.msg, "a.yaml:8:") != NULL);
	CHECK(strstr(err.msg, "field 'lexicon'") != NULL);
	CHECK(strstr(err.msg, "no lexicon 'nope'") != NULL);
}

UNIT(unknown_field_and_bad_yaml)
{
	struct fp_err err;

	write_file("a.yaml", RULE_HEAD "    colour: red\n    match: {terms: [a]}\n");
	CHECK_INT(load(&err), FP_FATAL);
	CHECK(strstr(err.msg, "field 'colour'") != NULL);
	write_file("a.yaml", "rules: [\n  - id: x\n");
	CHECK_INT(load(&err), FP_FATAL);
	CHECK(strstr(err.msg, "not valid YAML") != NULL);
}

UNIT(regex_errors_named)
{
	struct fp_err err;

	write_file("a.yaml", RULE_HEAD "    match:\n      regex: \"(unclosed\"\n");
	CHECK_INT(load(&err), FP_FATAL);
	CHECK(strstr(err.msg, "field 'regex': bad regular expression") != NULL);
}

UNIT(duplicate_id_refused)
{
	struct fp_err err;

	write_file("a.yaml", RULE_HEAD "    match: {terms: [a]}\n");
	write_file("b.yaml", RULE_HEAD "    match: {terms: [b]}\n");

	CHECK_INT(load(&err), FP_FATAL);
	CHECK(strstr(err.msg, "already defined") != NULL);
	unlink("b.yaml");
	{
		char p[256];

		snprintf(p, sizeof p, "%s/b.yaml", dir);
		unlink(p);
	}
}

UNIT(score_needs_threshold)
{
	struct fp_err err;

	write_file("a.yaml", RULE_HEAD "    match:\n      score:\n        of: [{terms: [a]}]\n");
	CHECK_INT(load(&err), FP_FATAL);
	CHECK(strstr(err.msg, "threshold") != NULL);
}

static int
fired(void *ud, const struct fp_finding *f)
{
	struct fp_buf *b = ud;

	fp_buf_addf(b, "%s%s", b->len ? " " : "", f->rule);
	return 0;
}

/* The rules that fire on text, by id, in order. */
static char *
judged(const struct fp_ruleset *rs, const char *text)
{
	struct fp_profile p = FP_PROFILE_INIT;
	struct fp_engine *eng;
	struct fp_item item;
	struct fp_buf b = FP_BUF_INIT;
	struct fp_err err;

	if (fp_engine_new(&eng, rs, &p, &err) != FP_OK)
		return xstrdup(err.msg);
	fp_item_init(&item);
	item.platform = "x";
	item.kind = FP_KIND_POST;
	item.text = xstrdup(text);
	fp_engine_judge(eng, &item, fired, &b);
	fp_item_release(&item);
	fp_engine_free(eng);
	fp_buf_addstr(&b, "");
	return fp_buf_detach(&b);
}

/* A text without a single lexicon term is not evaluated against rules that
 * need one, and is against the rest: none, regexes, any with a regex. */
UNIT(rules_that_need_no_term_still_fire)
{
	static const char *const cases[][2] = {
		{ "nothing to see here", "none" },
		{ "flag7 is up", "none regex any-rx" },
		{ "vote now", "terms all-rx-none any-rx" },
		{ "vote for flag7", "regex terms all both any-rx score" },
		{ "flag7 flag8", "none regex any-rx" },
	};
	struct fp_ruleset rs;
	struct fp_err err;
	char path[256];

	write_file("a.yaml", "rules:\n"
	    "  - {id: none, title: t, category: political, severity: high, action: delete,\n"
	    "     match: {none: [{terms: [vote]}]}}\n"
	    "  - {id: regex, title: t, category: political, severity: high, action: delete,\n"
	    "     match: {regex: \"\\\\bflag[0-9]\\\\b\"}}\n"
	    "  - {id: terms, title: t, category: political, severity: high, action: delete,\n"
	    "     match: {terms: [vote]}}\n"
	    "  - {id: all, title: t, category: political, severity: high, action: delete,\n"
	    "     match: {all: [{terms: [vote]}, {regex: \"flag\"}]}}\n"
	    "  - {id: all-rx-none, title: t, category: political, severity: high,\n"
	    "     action: delete, match: {all: [{terms: [vote]}, {none: [{regex: \"flag\"}]}]}}\n"
	    "  - {id: both, title: t, category: political, severity: high, action: delete,\n"
	    "     match: {all: [{regex: \"flag\"}, {any: [{terms: [vote]}]}]}}\n"
	    "  - {id: any-rx, title: t, category: political, severity: high, action: delete,\n"
	    "     match: {any: [{terms: [vote]}, {regex: \"flag\"}]}}\n"
	    "  - {id: score, title: t, category: political, severity: high, action: delete,\n"
	    "     match: {score: {threshold: 2, of: [{terms: [vote]}, {terms: [flag7]}]}}}\n");
	write_file("agencies/a.yaml", "agency: UNHCR\ndocument: d\nclauses:\n"
	    "  \"§2\": {title: Be impartial, quote: \"q\"}\nrules:\n"
	    "  none: {cite: [\"§2\"]}\n  regex: {cite: [\"§2\"]}\n  terms: {cite: [\"§2\"]}\n"
	    "  all: {cite: [\"§2\"]}\n  all-rx-none: {cite: [\"§2\"]}\n"
	    "  both: {cite: [\"§2\"]}\n  any-rx: {cite: [\"§2\"]}\n  score: {cite: [\"§2\"]}\n");
	CHECK_INT(fp_ruleset_load(&rs, dir, &err), FP_OK);
	if (rs.nrules == 8) {
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			char *got = judged(&rs, cases[i][0]);

			CHECK_STR(got, cases[i][1]);
			free(got);
		}
		fp_ruleset_release(&rs);
	}
	write_file("agencies/a.yaml", AGENCY);
	snprintf(path, sizeof path, "%s/a.yaml", dir);
	unlink(path);
}

static void
setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/fp-rules-XXXXXX");
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(dir + strlen(dir), sizeof dir - strlen(dir), "%s", "");
	{
		char lex[128];

		snprintf(lex, sizeof lex, "%s/lexicons", dir);
		mkdir(lex, 0700);
		snprintf(lex, sizeof lex, "%s/agencies", dir);
		mkdir(lex, 0700);
		write_file("agencies/a.yaml", AGENCY);
	}
}

static void
teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

UNIT(run_setup) { setup(); }
UNIT(run_teardown) { teardown(); }

UNIT_MAIN(shipped_rules_load, run_setup, good_rule_with_terms, unknown_category_named,
    missing_lexicon_named, unknown_field_and_bad_yaml, regex_errors_named,
    agency_profile_cites_and_severity, uncited_rule_refused,
    duplicate_id_refused, score_needs_threshold, rules_that_need_no_term_still_fire,
    run_teardown)
