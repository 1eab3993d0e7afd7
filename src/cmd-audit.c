/*
 * cmd-audit.c: "footprint audit PATH...": import, scan and report in one
 * go, on a temporary store (SQLite's "" database: in memory while small,
 * then in an unlinked temporary file) unless --db is given.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "footprint.h"
#include "cmd.h"
#include "rules.h"
#include "store.h"

static int
cmd_audit_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		FP_LONGOPT_STORE, FP_LONGOPT_RULES, FP_LONGOPTS_PROFILE,
		FP_LONGOPTS_REPORT, FP_LONGOPT_HELP, FP_LONGOPT_QUIET,
		{ "platform", required_argument, NULL, OPT_PLATFORM },
		{ "include-messages", no_argument, NULL, OPT_MESSAGES },
		{ NULL, 0, NULL, 0 }
	};
	struct fp_cmd_opts o;
	struct fp_ruleset rs;
	struct fp_store *st = NULL;
	int rc = FP_EXIT_USAGE, any_read, any_warn, fail_hit = 0;

	fp_cmd_opts_init(&o);
	memset(&rs, 0, sizeof rs);
	switch (fp_cmd_getopt(&fp_cmd_audit, &o, argc, argv, "ho:q", longopts)) {
	case 0:
		rc = FP_EXIT_OK;
		goto out;
	case -1:
		goto out;
	}
	if (optind >= argc) {
		fp_cmd_error(&fp_cmd_audit, "no archive given");
		goto out;
	}
	if (fp_cmd_opts_finish_profile(&fp_cmd_audit, &o) != 0 ||
	    fp_cmd_load_rules(&fp_cmd_audit, o.rules, &rs) != 0 ||
	    fp_cmd_check_agency(&fp_cmd_audit, &rs, &o.profile) != 0)
		goto out;
	if (fp_cmd_open_store(&fp_cmd_audit, o.db, 1, &st) != 0)
		goto out;
	if (fp_cmd_do_import(&fp_cmd_audit, st, argv + optind, argc - optind, &o,
	    &any_read, &any_warn) != 0)
		goto out;
	if (!any_read) {
		fprintf(stderr, "footprint audit: no input could be read\n");
		goto out;
	}
	if (fp_cmd_do_scan(&fp_cmd_audit, st, &rs, &o.profile, o.quiet) != 0 ||
	    fp_cmd_do_report(&fp_cmd_audit, st, &o, &fail_hit) != 0) {
		rc = FP_EXIT_USAGE;
		goto out;
	}
	rc = fail_hit ? FP_EXIT_FINDINGS : any_warn ? FP_EXIT_PARTIAL : FP_EXIT_OK;
out:
	fp_store_close(st);
	fp_ruleset_release(&rs);
	fp_cmd_opts_release(&o);
	return rc;
}

const struct fp_cmd fp_cmd_audit = {
	.name = "audit",
	.summary = "import archives, scan them and print the report, in one go",
	.usage = "[options] PATH...",
	.help =
	    "PATH is an export: a .zip (read in place), its unpacked folder, or a\n"
	    "single file such as tweets.js. The platform is detected.\n\n"
	    FP_HELP_PROFILE FP_HELP_REPORT
	    "  --platform NAME            do not detect: read PATH as this platform\n"
	    "  --include-messages         audit private messages too (Mastodon direct\n"
	    "                             messages; they are skipped by default)\n"
	    "  --db FILE                  keep the store in FILE (default: a temporary one)\n"
	    FP_HELP_RULES
	    "  -q, --quiet                no progress messages on stderr\n",
	.exec = cmd_audit_exec,
};
