/*
 * cmd-decide.c: "footprint decide FINDING keep|delete|done|open" records a
 * decision on a finding, for scripts; "footprint review" walks the open
 * findings on a terminal and asks; "footprint plan" writes the approved
 * deletions as the input of the deletion command.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>
#include <sqlite3.h>

#include "footprint.h"
#include "jsfile.h"
#include "cmd.h"
#include "report.h"
#include "report-int.h"
#include "rules.h"
#include "store.h"
#include "xcost.h"

static int
valid_decision(const char *d)
{
	return strcmp(d, "keep") == 0 || strcmp(d, "delete") == 0 ||
	    strcmp(d, "done") == 0 || strcmp(d, "open") == 0;
}

static int
cmd_decide_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		FP_LONGOPT_STORE, FP_LONGOPT_HELP, { NULL, 0, NULL, 0 }
	};
	struct fp_cmd_opts o;
	struct fp_store *st = NULL;
	struct fp_err err;
	int rc = FP_EXIT_USAGE;

	fp_cmd_opts_init(&o);
	switch (fp_cmd_getopt(&fp_cmd_decide, &o, argc, argv, "h", longopts)) {
	case 0:
		rc = FP_EXIT_OK;
		goto out;
	case -1:
		goto out;
	}
	if (argc - optind < 2 || (argc - optind) % 2 != 0) {
		fp_cmd_error(&fp_cmd_decide, "give a finding and a decision (pairs may repeat)");
		goto out;
	}
	for (int i = optind + 1; i < argc; i += 2)
		if (!valid_decision(argv[i])) {
			fp_cmd_error(&fp_cmd_decide, "'%s': decide keep, delete, done or open",
			    argv[i]);
			goto out;
		}
	if (fp_cmd_open_store(&fp_cmd_decide, o.db, 0, &st) != 0)
		goto out;
	rc = FP_EXIT_OK;
	for (int i = optind; i < argc; i += 2)
		if (fp_store_decide(st, argv[i], argv[i + 1], &err) != FP_OK) {
			fprintf(stderr, "footprint decide: %s\n", err.msg);
			rc = FP_EXIT_USAGE;
		}
out:
	fp_store_close(st);
	fp_cmd_opts_release(&o);
	return rc;
}

const struct fp_cmd fp_cmd_decide = {
	.name = "decide",
	.summary = "record a decision on a finding: keep, delete, done (or open again)",
	.usage = "[--db FILE] FINDING keep|delete|done|open [FINDING DECISION...]",
	.help = FP_HELP_STORE
	    "FINDING is the finding's id (\"finding\" in the JSON report, also in the\n"
	    "text, CSV, Markdown and HTML reports). keep: not a problem, stop showing\n"
	    "it; delete: to be deleted (see 'footprint plan'); done: deleted; open:\n"
	    "undo. Decisions last across re-imports and re-scans.\n",
	.exec = cmd_decide_exec,
};

/* --- review ------------------------------------------------------------- */


static int
collect(void *ud, const struct fp_row *r)
{
	struct fp_strv *list = ud;
	json_t *o = json_object();
	char *s;

	json_object_set_new(o, "fid", json_string(r->fid ? r->fid : ""));
	json_object_set_new(o, "platform", json_string(r->platform));
	json_object_set_new(o, "kind", json_string(r->kind));
	json_object_set_new(o, "text", r->text ? json_string(r->text) : json_null());
	json_object_set_new(o, "url", r->url ? json_string(r->url) : json_null());
	json_object_set_new(o, "rule", json_string(r->rule));
	json_object_set_new(o, "category", json_string(r->category));
	json_object_set_new(o, "action", json_string(r->action));
	json_object_set_new(o, "severity", json_integer(r->severity));
	json_object_set_new(o, "created_at", json_integer(r->created_at));
	json_object_set_new(o, "evidence", json_string(r->evidence ? r->evidence : "[]"));
	json_object_set_new(o, "guidelines", json_string(r->guidelines ? r->guidelines : "{}"));
	s = fp_json_dumps(o, JSON_COMPACT);
	fp_strv_take(list, s);
	json_decref(o);
	return 0;
}

/* Print text on the terminal, control characters as spaces. */
static void
show(FILE *out, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		fputc((unsigned char)*s < 0x20 && *s != '\n' ? ' ' : *s, out);
}

static void
explain(FILE *out, json_t *f, const struct fp_ruleset *rs, const char *family)
{
	json_t *g = json_loads(json_string_value(json_object_get(f, "guidelines")), 0, NULL);
	json_t *clauses, *v;
	const char *agency;
	size_t i;

	fprintf(out, "  rule %s (%s), evidence %s\n", json_string_value(json_object_get(f, "rule")),
	    json_string_value(json_object_get(f, "category")),
	    json_string_value(json_object_get(f, "evidence")));
	json_object_foreach(g, agency, clauses) {
		if (family != NULL && strcmp(agency, family) != 0)
			continue;
		json_array_foreach(clauses, i, v) {
			const char *q = rs ? fp_ruleset_quote(rs, agency, json_string_value(v)) : NULL;

			fprintf(out, "  %s %s\n", agency, json_string_value(v));
			if (q != NULL) {
				fputs("    \"", out);
				show(out, q);
				fputs("\"\n", out);
			}
		}
	}
	json_decref(g);
}

static int
cmd_review_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		FP_LONGOPT_STORE, FP_LONGOPT_RULES, FP_LONGOPT_HELP, { NULL, 0, NULL, 0 }
	};
	struct fp_cmd_opts o;
	struct fp_store *st = NULL;
	struct fp_strv list = FP_STRV_INIT;
	struct fp_ruleset rs;
	struct fp_err err;
	struct fp_profile p = FP_PROFILE_INIT;
	const char *family = NULL;
	char *pj, line[64];
	int rc = FP_EXIT_USAGE, rules_ok = 0;
	long kept = 0, deleted = 0, skipped = 0;

	fp_cmd_opts_init(&o);
	memset(&rs, 0, sizeof rs);
	switch (fp_cmd_getopt(&fp_cmd_review, &o, argc, argv, "h", longopts)) {
	case 0:
		rc = FP_EXIT_OK;
		goto out;
	case -1:
		goto out;
	}
	if (fp_cmd_open_store(&fp_cmd_review, o.db, 0, &st) != 0)
		goto out;
	if (fp_report_findings(st, FP_SEV_INFO, "open", collect, &list, &err) != FP_OK) {
		fprintf(stderr, "footprint review: %s\n", err.msg);
		goto out;
	}
	if ((pj = fp_store_last_profile(st)) != NULL) {
		fp_profile_from_json(&p, pj);
		free(pj);
	}
	if (fp_ruleset_load(&rs, fp_rules_dir(o.rules), &err) == FP_OK) {
		rules_ok = 1;
		if (p.agency != NULL && fp_ruleset_entity(&rs, p.agency) != NULL)
			family = fp_ruleset_entity(&rs, p.agency)->guidelines;
	}
	printf("%zu open finding%s. For each: k keep, d delete, s skip, q quit, ? explain.\n",
	    list.n, list.n == 1 ? "" : "s");
	for (size_t i = 0; i < list.n; i++) {
		json_t *f = json_loads(list.v[i], 0, NULL);
		char date[32];

		fp_time_iso(json_integer_value(json_object_get(f, "created_at")), date);
		printf("\n[%zu/%zu] %s %s %s  %s  %s\n", i + 1, list.n, date[0] ? date : "(no date)",
		    json_string_value(json_object_get(f, "platform")),
		    json_string_value(json_object_get(f, "kind")),
		    json_string_value(json_object_get(f, "category")),
		    fp_severity_name((int)json_integer_value(json_object_get(f, "severity"))));
		fputs("  | ", stdout);
		show(stdout, json_is_string(json_object_get(f, "text")) ?
		    json_string_value(json_object_get(f, "text")) : "(no text in the archive)");
		printf("\n  %s  (action: %s)\n", json_is_string(json_object_get(f, "url")) ?
		    json_string_value(json_object_get(f, "url")) : "",
		    json_string_value(json_object_get(f, "action")));
		for (;;) {
			const char *decision = NULL;

			printf("  [k/d/s/q/?] > ");
			fflush(stdout);
			if (fgets(line, sizeof line, stdin) == NULL) {
				json_decref(f);
				goto done;
			}
			switch (line[0]) {
			case 'k': decision = "keep"; kept++; break;
			case 'd': decision = "delete"; deleted++; break;
			case 's': skipped++; break;
			case 'q':
				json_decref(f);
				goto done;
			case '?':
				explain(stdout, f, rules_ok ? &rs : NULL, family);
				continue;
			default:
				printf("  k keep it (not a problem), d delete it, s skip, q quit,"
				    " ? explain\n");
				continue;
			}
			if (decision != NULL && fp_store_decide(st, json_string_value(json_object_get(f,
			    "fid")), decision, &err) != FP_OK) {
				fprintf(stderr, "footprint review: %s\n", err.msg);
				json_decref(f);
				goto out;
			}
			break;
		}
		json_decref(f);
	}
done:
	printf("\n%ld kept, %ld to delete, %ld skipped. 'footprint plan' lists the"
	    " deletions.\n", kept, deleted, skipped);
	rc = FP_EXIT_OK;
out:
	fp_strv_release(&list);
	fp_ruleset_release(&rs);
	fp_profile_release(&p);
	fp_store_close(st);
	fp_cmd_opts_release(&o);
	return rc;
}

const struct fp_cmd fp_cmd_review = {
	.name = "review",
	.summary = "walk the open findings and decide: keep, delete, skip",
	.usage = "[--db FILE]",
	.help = FP_HELP_STORE
	    "Each decision is saved at once: quit any time and come back later.\n",
	.exec = cmd_review_exec,
};

/* --- plan --------------------------------------------------------------- */

struct plan {
	json_t		*deletions;
	struct fp_xcost	 cost;
};

static int
plan_row(void *ud, const struct fp_row *r)
{
	struct plan *p = ud;
	json_t *o = json_object();

	json_object_set_new(o, "finding", json_string(r->fid ? r->fid : ""));
	json_object_set_new(o, "platform", json_string(r->platform));
	json_object_set_new(o, "account", json_string(r->account ? r->account : ""));
	json_object_set_new(o, "kind", json_string(r->kind));
	json_object_set_new(o, "id", r->id ? json_string(r->id) : json_null());
	json_object_set_new(o, "url", r->url ? json_string(r->url) : json_null());
	json_object_set_new(o, "action", json_string(r->action));
	json_object_set_new(o, "rule", json_string(r->rule));
	json_array_append_new(p->deletions, o);
	fp_xcost_add(&p->cost, r->platform, r->action);
	return 0;
}

static int
cmd_plan_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		FP_LONGOPT_STORE, { "output", required_argument, NULL, 'o' }, FP_LONGOPT_HELP,
		{ NULL, 0, NULL, 0 }
	};
	struct fp_cmd_opts o;
	struct fp_store *st = NULL;
	struct fp_err err;
	json_t *root = NULL;
	struct plan plan = { NULL, { 0, 0 } };
	FILE *out = stdout;
	int rc = FP_EXIT_USAGE;

	fp_cmd_opts_init(&o);
	switch (fp_cmd_getopt(&fp_cmd_plan, &o, argc, argv, "ho:", longopts)) {
	case 0:
		rc = FP_EXIT_OK;
		goto out;
	case -1:
		goto out;
	}
	if (fp_cmd_open_store(&fp_cmd_plan, o.db, 0, &st) != 0)
		goto out;
	plan.deletions = json_array();
	root = json_object();
	json_object_set_new(root, "footprint", json_string(PACKAGE_VERSION));
	json_object_set_new(root, "deletions", plan.deletions);
	/* approved deletions: the findings decided "delete" */
	if (fp_report_findings(st, FP_SEV_INFO, "delete", plan_row, &plan, &err) != FP_OK) {
		fprintf(stderr, "footprint plan: %s\n", err.msg);
		goto out;
	}
	if (o.output != NULL && strcmp(o.output, "-") != 0) {
		int fd = open(o.output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

		if (fd < 0 || (out = fdopen(fd, "w")) == NULL) {
			fprintf(stderr, "footprint plan: cannot write '%s': %s\n", o.output,
			    strerror(errno));
			if (fd >= 0)
				close(fd);
			goto out;
		}
	}
	json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	if (out != stdout && fclose(out) != 0) {
		fprintf(stderr, "footprint plan: cannot write '%s'\n", o.output);
		goto out;
	}
	fprintf(stderr, "footprint: %zu deletion%s in the plan\n",
	    json_array_size(plan.deletions), json_array_size(plan.deletions) == 1 ? "" : "s");
	fp_xcost_print(stderr, &plan.cost);
	rc = FP_EXIT_OK;
out:
	json_decref(root);
	fp_store_close(st);
	fp_cmd_opts_release(&o);
	return rc;
}

const struct fp_cmd fp_cmd_plan = {
	.name = "plan",
	.summary = "write the approved deletions (decided 'delete') as a plan",
	.usage = "[--db FILE] [-o plan.json]",
	.help = FP_HELP_STORE
	    "  -o, --output FILE          write the plan to FILE (created mode 0600)\n"
	    "Each deletion: finding, platform, account, kind, id, url, action, rule.\n",
	.exec = cmd_plan_exec,
};
