/* Unit tests: loading rules, and errors that name file, line and field. */
#include "config.h"
#include "unit.h"
#include <sys/stat.h>
#include <unistd.h>
#include "rules.h"

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
    duplicate_id_refused, score_needs_threshold, run_teardown)
