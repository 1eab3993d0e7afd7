/*
 * cmd-import.c: "footprint import PATH...": read archives into the store.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "footprint.h"
#include "cmd.h"
#include "store.h"

static int
cmd_import_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		FP_LONGOPT_STORE, FP_LONGOPT_HELP, FP_LONGOPT_QUIET,
		{ "platform", required_argument, NULL, OPT_PLATFORM },
		{ "include-messages", no_argument, NULL, OPT_MESSAGES },
		{ NULL, 0, NULL, 0 }
	};
	struct fp_cmd_opts o;
	struct fp_store *st = NULL;
	int rc = FP_EXIT_USAGE, any_read, any_warn;

	fp_cmd_opts_init(&o);
	switch (fp_cmd_getopt(&fp_cmd_import, &o, argc, argv, "hq", longopts)) {
	case 0:
		rc = FP_EXIT_OK;
		goto out;
	case -1:
		goto out;
	}
	if (optind >= argc) {
		fp_cmd_error(&fp_cmd_import, "no archive given");
		goto out;
	}
	if (fp_cmd_open_store(&fp_cmd_import, o.db, 0, &st) != 0)
		goto out;
	if (fp_cmd_do_import(&fp_cmd_import, st, argv + optind, argc - optind, &o,
	    NULL, NULL, &any_read, &any_warn) != 0)
		goto out;
	if (!any_read) {
		fprintf(stderr, "footprint import: no input could be read\n");
		goto out;
	}
	rc = any_warn ? FP_EXIT_PARTIAL : FP_EXIT_OK;
out:
	fp_store_close(st);
	fp_cmd_opts_release(&o);
	return rc;
}

const struct fp_cmd fp_cmd_import = {
	.name = "import",
	.summary = "read archives into the store (run scan and report next)",
	.usage = "[--db FILE] [--platform NAME] PATH...",
	.help =
	    FP_HELP_STORE
	    "  --platform NAME            do not detect: read PATH as this platform\n"
	    "  --include-messages         audit private messages too (Mastodon direct\n"
	    "                             messages; they are skipped by default)\n"
	    "  -q, --quiet                no progress messages on stderr\n"
	    "Importing the same archive again, or its zip and its folder, updates\n"
	    "the same items.\n",
	.exec = cmd_import_exec,
};
