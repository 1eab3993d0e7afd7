/*
 * cmd-report.c: "footprint report": print the stored findings.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "footprint.h"
#include "cmd.h"
#include "store.h"

static int
cmd_report_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		FP_LONGOPT_STORE, FP_LONGOPT_RULES, FP_LONGOPTS_REPORT,
		{ "status", required_argument, NULL, OPT_STATUS },
		FP_LONGOPT_HELP, { NULL, 0, NULL, 0 }
	};
	struct fp_cmd_opts o;
	struct fp_store *st = NULL;
	int rc = FP_EXIT_USAGE, fail_hit = 0;

	fp_cmd_opts_init(&o);
	switch (fp_cmd_getopt(&fp_cmd_report, &o, argc, argv, "ho:", longopts)) {
	case 0:
		rc = FP_EXIT_OK;
		goto out;
	case -1:
		goto out;
	}
	if (optind < argc) {
		fp_cmd_error(&fp_cmd_report, "report takes no paths");
		goto out;
	}
	if (fp_cmd_open_store(&fp_cmd_report, o.db, 0, &st) != 0 ||
	    fp_cmd_do_report(&fp_cmd_report, st, &o, &fail_hit) != 0)
		goto out;
	rc = fail_hit ? FP_EXIT_FINDINGS : FP_EXIT_OK;
out:
	fp_store_close(st);
	fp_cmd_opts_release(&o);
	return rc;
}

const struct fp_cmd fp_cmd_report = {
	.name = "report",
	.summary = "print the findings of the last scan",
	.usage = "[--db FILE] [--format FORMAT] [-o FILE] [--status STATUS] [--fail-on SEVERITY]",
	.help = FP_HELP_STORE FP_HELP_REPORT
	    "  --status STATUS            the findings to show: open (default: not yet\n"
	    "                             decided), keep, delete, done, or all\n"
	    FP_HELP_RULES,
	.exec = cmd_report_exec,
};
