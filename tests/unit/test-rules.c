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
	"    severity: high\n    action: delete\n    guidelines:\n      UNHCR: [\"§2\"]\n"

UNIT(shipped_rules_load)
{
	struct fp_ruleset rs;
	struct fp_err err;
	const char *d = getenv("FOOTPRINT_RULES");

	CHECK_INT(fp_ruleset_load(&rs, d ? d : "rules", &err), FP_OK);
	CHECK(rs.nrules >= 4);
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
	    "    severity: high\n    action: delete\n    guidelines: {UN: [x]}\n"
	    "    match: {terms: [a]}\n");
	CHECK_INT(load(&err), FP_FATAL);
	CHECK(strstr(err.msg, "a.yaml:4:15: field 'category': unknown category 'politics'") != NULL);
}

UNIT(missing_lexicon_named)
{
	struct fp_err err;

	write_file("a.yaml", RULE_HEAD "    match:\n      lexicon: nope\n");
	CHECK_INT(load(&err), FP_FATAL);
	CHECK(strstr(err.msg, "a.yaml:10:") != NULL);
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

UNIT(missing_guidelines_refused)
{
	struct fp_err err;

	write_file("a.yaml", "rules:\n  - id: r1\n    title: t\n    category: political\n"
	    "    severity: high\n    action: delete\n    match: {terms: [a]}\n");
	CHECK_INT(load(&err), FP_FATAL);
	CHECK(strstr(err.msg, "field 'guidelines'") != NULL);
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
    missing_lexicon_named, unknown_field_and_bad_yaml, missing_guidelines_refused,
    duplicate_id_refused, score_needs_threshold, run_teardown)
