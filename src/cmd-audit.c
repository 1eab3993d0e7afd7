/*
 * cmd-audit.c: "footprint audit PATH...": import, scan and report in one
 * go, on a temporary store (SQLite's "" database: in memory while small,
 * then in an unlinked temporary file) unless --db is given.
 *
 * The temporary store is read once, by the report: items are judged on
 * their way in and only those some rule may flag are stored (fp_prefilter,
 * engine.h), the scan then judging those again with the accounts known.
 * When two items share a key (archives that overlap), the store would
 * merge them, so everything is read again into a store of every item.
 * With --db every item is stored, for later scans, reports and reviews.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "footprint.h"
#include "cmd.h"
#include "engine.h"
#include "rules.h"
#include "store.h"

/* Import into a fresh temporary store, judging on the way in; *pfp is
 * the prefilter to scan with, or NULL when the store holds every item. */
static int
import_judged(struct fp_store **st, struct fp_engine *eng, struct fp_prefilter *pf,
    struct fp_prefilter **pfp, char **paths, int npaths, const struct fp_cmd_opts *o,
    int *any_read, int *any_warn)
{
	struct fp_err err;
	int said = 0;

	*pfp = NULL;
	if (fp_store_keys_begin(*st, 0, &err) != FP_OK) {
		fprintf(stderr, "footprint audit: %s\n", err.msg);
		return -1;
	}
	fp_prefilter_init(pf, eng);
	if (fp_cmd_do_import(&fp_cmd_audit, *st, paths, npaths, o, pf, &said,
	    any_read, any_warn) != 0)
		return -1;
	if (!pf->repeated) {
		*pfp = pf;
		return 0;
	}
	fp_prefilter_release(pf);
	if (!o->quiet)
		fprintf(stderr, "footprint: an item was read twice (do archives overlap?):"
		    " reading again, storing every item\n");
	fp_store_close(*st);
	*st = NULL;
	if (fp_cmd_open_store(&fp_cmd_audit, NULL, 1, st) != 0)
		return -1;
	return fp_cmd_do_import(&fp_cmd_audit, *st, paths, npaths, o, NULL, &said,
	    any_read, any_warn);
}

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
	struct fp_engine *eng = NULL;
	struct fp_prefilter pf, *pfp = NULL;
	struct fp_err err;
	int rc = FP_EXIT_USAGE, any_read, any_warn, fail_hit = 0;

	fp_cmd_opts_init(&o);
	memset(&rs, 0, sizeof rs);
	memset(&pf, 0, sizeof pf);
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
	if (fp_engine_new(&eng, &rs, &o.profile, &err) != FP_OK) {
		fprintf(stderr, "footprint audit: %s\n", err.msg);
		goto out;
	}
	if (fp_cmd_open_store(&fp_cmd_audit, o.db, 1, &st) != 0)
		goto out;
	if (o.db == NULL) {
		if (import_judged(&st, eng, &pf, &pfp, argv + optind, argc - optind, &o,
		    &any_read, &any_warn) != 0)
			goto out;
	} else if (fp_cmd_do_import(&fp_cmd_audit, st, argv + optind, argc - optind, &o,
	    NULL, NULL, &any_read, &any_warn) != 0)
		goto out;
	if (!any_read) {
		fprintf(stderr, "footprint audit: no input could be read\n");
		goto out;
	}
	if (fp_cmd_do_scan(&fp_cmd_audit, st, &rs, &o.profile, eng, pfp, o.quiet) != 0 ||
	    fp_cmd_do_report(&fp_cmd_audit, st, &o, &fail_hit) != 0) {
		rc = FP_EXIT_USAGE;
		goto out;
	}
	rc = fail_hit ? FP_EXIT_FINDINGS : any_warn ? FP_EXIT_PARTIAL : FP_EXIT_OK;
out:
	fp_store_close(st);
	fp_prefilter_release(&pf);
	fp_engine_free(eng);
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
	    "  --db FILE                  keep the store in FILE, every item in it, for\n"
	    "                             later scans, reports and reviews (default: a\n"
	    "                             temporary one, holding only the items a rule\n"
	    "                             may flag; the report is the same)\n"
	    FP_HELP_RULES
	    "  -q, --quiet                no progress messages on stderr\n",
	.exec = cmd_audit_exec,
};
