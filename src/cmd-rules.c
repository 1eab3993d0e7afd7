/*
 * cmd-rules.c: "footprint rules [list|show ID|test TEXT|lint]": the rule
 * set, for the people who write and check it.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "cmd.h"
#include "engine.h"
#include "item.h"
#include "rules.h"

static void
print_kinds(const struct fp_rule *r)
{
	if (r->kinds == 0)
		printf(" all");
	for (int k = 0; k < FP_KIND__COUNT; k++)
		if (r->kinds & (1u << k))
			printf(" %s", fp_kind_name(k));
}

static int
rules_list(const struct fp_ruleset *rs)
{
	printf("%zu rules from %s (%zu terms, %zu regexes, %zu UN system entities,"
	    " %zu official accounts)\n\n", rs->nrules, rs->dir, rs->npats, rs->nregexes,
	    rs->nentities, rs->official_accounts.n);
	for (size_t i = 0; i < rs->nrules; i++) {
		const struct fp_rule *r = &rs->rules[i];
		json_t *g = json_loads(r->guidelines_json, 0, NULL);
		const char *agency;
		json_t *v;

		printf("%-26s %-19s %-6s %s\n", r->id, r->category,
		    fp_severity_name(r->severity), r->title);
		printf("%-26s kinds:", "");
		print_kinds(r);
		printf("; action: %s; cites:", r->action);
		json_object_foreach(g, agency, v)
			printf(" %s", agency);
		putchar('\n');
		json_decref(g);
	}
	return FP_EXIT_OK;
}

static void
show_match(const struct fp_ruleset *rs, const struct fp_match *m, int depth)
{
	static const char *const ops[] = { "terms", "regex", "any", "all", "none", "score",
	    "deployment_country" };

	printf("%*s%s", 4 + depth * 2, "", ops[m->op]);
	if (m->op == FP_M_TERMS)
		printf(" [%s]: %zu terms", m->label ? m->label : "", m->npats);
	if (m->op == FP_M_REGEX)
		printf(" /%s/", rs->regexes[m->regex].src);
	if (m->op == FP_M_SCORE)
		printf(", threshold %g", m->threshold);
	if (m->weight != 1)
		printf(", weight %g", m->weight);
	putchar('\n');
	if (m->op != FP_M_TERMS && m->op != FP_M_REGEX)
		for (size_t i = 0; i < m->nkids; i++)
			show_match(rs, &m->kids[i], depth + 1);
}

static int
rules_show(const struct fp_ruleset *rs, const char *id)
{
	const struct fp_rule *r = NULL;
	json_t *g, *clauses, *v;
	const char *agency;
	size_t i;

	for (size_t k = 0; k < rs->nrules; k++)
		if (strcmp(rs->rules[k].id, id) == 0)
			r = &rs->rules[k];
	if (r == NULL) {
		fprintf(stderr, "footprint rules: no rule '%s' (see 'footprint rules list')\n", id);
		return FP_EXIT_USAGE;
	}
	printf("%s: %s\n  defined at %s:%d\n  category %s, severity %s, action %s\n"
	    "  kinds:", r->id, r->title, r->file, r->line, r->category,
	    fp_severity_name(r->severity), r->action);
	print_kinds(r);
	printf("\n  platforms: ");
	if (r->platforms.n == 0)
		printf("all");
	for (size_t k = 0; k < r->platforms.n; k++)
		printf("%s%s", k ? ", " : "", r->platforms.v[k]);
	putchar('\n');
	if (r->ref_official >= 0)
		printf("  when: reference_official %s\n", r->ref_official ? "true" : "false");
	if (r->pseudonymous >= 0)
		printf("  when: pseudonymous %s\n", r->pseudonymous ? "true" : "false");
	if (r->has_media >= 0)
		printf("  when: has_media %s\n", r->has_media ? "true" : "false");
	if (r->has_geo >= 0)
		printf("  when: has_geo %s\n", r->has_geo ? "true" : "false");
	if (r->older_than > 0)
		printf("  when: older than %lld days\n", (long long)(r->older_than / 86400));
	if (r->newer_than > 0)
		printf("  when: newer than %lld days\n", (long long)(r->newer_than / 86400));
	printf("  guidelines:\n");
	g = json_loads(r->guidelines_json, 0, NULL);
	json_object_foreach(g, agency, clauses)
		json_array_foreach(clauses, i, v)
			printf("    %s %s\n", agency, json_string_value(v));
	json_decref(g);
	if (r->match != NULL) {
		printf("  match:\n");
		show_match(rs, r->match, 0);
	} else
		printf("  check: %s\n", r->check == FP_CHECK_WORK_EMAIL ? "work-email" :
		    r->check == FP_CHECK_CONDITIONS ? "conditions" : "username-entity");
	if (r->country_severity >= 0)
		printf("  deployment_country: %s\n", fp_severity_name(r->country_severity));
	return FP_EXIT_OK;
}

static int
rules_lint(const struct fp_ruleset *rs)
{
	struct fp_strv out = FP_STRV_INIT;
	size_t n = fp_ruleset_lint(rs, &out);

	for (size_t i = 0; i < out.n; i++)
		printf("%s\n", out.v[i]);
	printf("%zu rule%s, %zu terms: %zu problem%s\n", rs->nrules, rs->nrules == 1 ? "" : "s",
	    rs->npats, n, n == 1 ? "" : "s");
	fp_strv_release(&out);
	return n ? FP_EXIT_FINDINGS : FP_EXIT_OK;
}

static int
rules_test(const struct fp_ruleset *rs, struct fp_cmd_opts *o, const char *text,
    const char *kind, const char *lang, const char *ref, const char *handle,
    const char *display, int media, int geo)
{
	struct fp_engine *eng = NULL;
	struct fp_item item;
	struct fp_err err;
	int k = fp_kind_from_name(kind);

	if (k < 0)
		return fp_cmd_error(&fp_cmd_rules, "unknown kind '%s'", kind);
	if (fp_engine_new(&eng, rs, &o->profile, &err) != FP_OK) {
		fprintf(stderr, "footprint rules: %s\n", err.msg);
		return FP_EXIT_USAGE;
	}
	fp_engine_set_account(eng, o->platform ? o->platform : "x", handle, display);
	fp_item_init(&item);
	item.platform = "x";
	for (size_t i = 0; fp_platforms[i] != NULL; i++)
		if (o->platform != NULL && strcmp(o->platform, fp_platforms[i]) == 0)
			item.platform = fp_platforms[i];
	item.kind = (enum fp_kind)k;
	item.account = xstrdup(handle);
	item.text = xstrdup(text);
	item.lang = lang ? xstrdup(lang) : NULL;
	item.ref_author = ref ? xstrdup(ref) : NULL;
	item.media_count = media;
	item.has_geo = geo;
	fp_engine_explain(eng, &item, stdout);
	fp_item_release(&item);
	fp_engine_free(eng);
	return FP_EXIT_OK;
}

enum { OPT_KIND = 400, OPT_LANG, OPT_REF, OPT_HANDLE, OPT_DISPLAY, OPT_MEDIA, OPT_GEO };

static int
cmd_rules_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		FP_LONGOPT_RULES, FP_LONGOPT_HELP, FP_LONGOPTS_PROFILE,
		{ "platform", required_argument, NULL, OPT_PLATFORM },
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "ref-author", required_argument, NULL, OPT_REF },
		{ "handle", required_argument, NULL, OPT_HANDLE },
		{ "display-name", required_argument, NULL, OPT_DISPLAY },
		{ "media", no_argument, NULL, OPT_MEDIA },
		{ "geo", no_argument, NULL, OPT_GEO },
		{ NULL, 0, NULL, 0 }
	};
	struct fp_cmd_opts o;
	struct fp_ruleset rs;
	const char *what = "list", *kind = "post", *lang = NULL, *ref = NULL;
	const char *handle = "me", *display = NULL;
	int c, rc = FP_EXIT_USAGE, media = 0, geo = 0;

	fp_cmd_opts_init(&o);
	memset(&rs, 0, sizeof rs);
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		int r = fp_cmd_opts_parse(&fp_cmd_rules, &o, c, optarg);

		if (r < 0)
			goto out;
		if (r > 0)
			continue;
		switch (c) {
		case 'h':
			rc = fp_cmd_help.exec(2, (char *[]){ "help", "rules", NULL });
			goto out;
		case OPT_KIND: kind = optarg; break;
		case OPT_LANG: lang = optarg; break;
		case OPT_REF: ref = optarg; break;
		case OPT_HANDLE: handle = optarg; break;
		case OPT_DISPLAY: display = optarg; break;
		case OPT_MEDIA: media = 1; break;
		case OPT_GEO: geo = 1; break;
		default:
			fp_cmd_usage(&fp_cmd_rules, stderr);
			goto out;
		}
	}
	if (optind < argc)
		what = argv[optind++];
	if (strcmp(what, "list") != 0 && strcmp(what, "show") != 0 &&
	    strcmp(what, "test") != 0 && strcmp(what, "lint") != 0) {
		fp_cmd_error(&fp_cmd_rules, "unknown action '%s' (list, show, test, lint)", what);
		goto out;
	}
	if ((strcmp(what, "show") == 0 || strcmp(what, "test") == 0) && optind != argc - 1) {
		fp_cmd_error(&fp_cmd_rules, "'rules %s' takes one argument", what);
		goto out;
	}
	if ((strcmp(what, "list") == 0 || strcmp(what, "lint") == 0) && optind != argc) {
		fp_cmd_error(&fp_cmd_rules, "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if (fp_cmd_load_rules(&fp_cmd_rules, o.rules, &rs) != 0 ||
	    fp_cmd_check_agency(&fp_cmd_rules, &rs, &o.profile) != 0)
		goto out;
	if (strcmp(what, "list") == 0)
		rc = rules_list(&rs);
	else if (strcmp(what, "show") == 0)
		rc = rules_show(&rs, argv[optind]);
	else if (strcmp(what, "lint") == 0)
		rc = rules_lint(&rs);
	else
		rc = rules_test(&rs, &o, argv[optind], kind, lang, ref, handle, display,
		    media, geo);
out:
	fp_ruleset_release(&rs);
	fp_cmd_opts_release(&o);
	return rc;
}

const struct fp_cmd fp_cmd_rules = {
	.name = "rules",
	.summary = "list, show, test and lint the rules",
	.usage = "[list | show ID | test TEXT [options] | lint] [--rules DIR]",
	.help =
	    "  list                       every rule, its category, severity and citations\n"
	    "  show ID                    one rule: conditions, guideline clauses, match tree\n"
	    "  test TEXT                  what fires on TEXT and why (terms, scores)\n"
	    "  lint                       duplicate terms, unused lexicons, terms that\n"
	    "                             can never fire; exit 1 when it finds any\n"
	    FP_HELP_RULES
	    "options of test:\n"
	    "  --kind KIND                post (default), reply, repost, quote, like, bio,\n"
	    "                             username, email, ...\n"
	    "  --lang LANG                the item's language\n"
	    "  --ref-author HANDLE        the reposted, liked or replied-to author\n"
	    "  --handle H, --display-name D   the account (for the pseudonym check)\n"
	    "  --media, --geo             the item has media, a location\n"
	    "  and the profile options: --agency, --name, --work-email-domain, --country\n"
	    "A broken rule file is an error naming the file, line and field.\n",
	.exec = cmd_rules_exec,
};
