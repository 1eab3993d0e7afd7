/*
 * cmd-scan.c: "footprint scan": judge the stored items with the rules and
 * a profile, replacing the stored findings.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "footprint.h"
#include "cmd.h"
#include "report.h"
#include "rules.h"
#include "store.h"

static int
cmd_scan_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		FP_LONGOPT_STORE, FP_LONGOPT_RULES, FP_LONGOPTS_PROFILE,
		{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
		FP_LONGOPT_HELP, FP_LONGOPT_QUIET,
		{ NULL, 0, NULL, 0 }
	};
	struct fp_cmd_opts o;
	struct fp_ruleset rs;
	struct fp_store *st = NULL;
	struct fp_report_totals t;
	struct fp_err err;
	int rc = FP_EXIT_USAGE;

	fp_cmd_opts_init(&o);
	memset(&rs, 0, sizeof rs);
	switch (fp_cmd_getopt(&fp_cmd_scan, &o, argc, argv, "hq", longopts)) {
	case 0:
		rc = FP_EXIT_OK;
		goto out;
	case -1:
		goto out;
	}
	if (optind < argc) {
		fp_cmd_error(&fp_cmd_scan, "scan takes no paths (import them first)");
		goto out;
	}
	if (fp_cmd_opts_finish_profile(&fp_cmd_scan, &o) != 0 ||
	    fp_cmd_load_rules(&fp_cmd_scan, o.rules, &rs) != 0 ||
	    fp_cmd_check_agency(&fp_cmd_scan, &rs, &o.profile) != 0 ||
	    fp_cmd_open_store(&fp_cmd_scan, o.db, 0, &st) != 0 ||
	    fp_cmd_do_scan(&fp_cmd_scan, st, &rs, &o.profile, NULL, NULL, o.quiet) != 0)
		goto out;
	rc = FP_EXIT_OK;
	if (o.fail_on >= 0 && fp_report_totals(st, "open", &t, &err) == FP_OK)
		for (int s = o.fail_on; s <= FP_SEV_HIGH; s++)
			if (t.findings_by_sev[s] > 0)
				rc = FP_EXIT_FINDINGS;
out:
	fp_store_close(st);
	fp_ruleset_release(&rs);
	fp_cmd_opts_release(&o);
	return rc;
}

const struct fp_cmd fp_cmd_scan = {
	.name = "scan",
	.summary = "judge the stored items with the rules (after import)",
	.usage = "[options]",
	.help = FP_HELP_PROFILE FP_HELP_STORE FP_HELP_RULES
	    "  --fail-on SEVERITY         exit 1 if any finding is at SEVERITY or above\n"
	    "  -q, --quiet                no progress messages on stderr\n",
	.exec = cmd_scan_exec,
};
