/*
 * cmd-delete.c: "footprint delete": remove the approved items (decided
 * "delete", or a plan file) through the platforms' APIs. A dry run unless
 * --yes is given.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "footprint.h"
#include "cmd.h"
#include "creds.h"
#include "store.h"
#ifdef HAVE_NETWORK
#include "api.h"
#endif

enum { OPT_YES = 500, OPT_PLAN, OPT_CREDS, OPT_MAX_WAIT, OPT_VERBOSE };

static int
cmd_delete_exec(int argc, char **argv)
{
#ifdef HAVE_NETWORK
	static const struct option longopts[] = {
		FP_LONGOPT_STORE, FP_LONGOPT_HELP,
		{ "yes", no_argument, NULL, OPT_YES },
		{ "plan", required_argument, NULL, OPT_PLAN },
		{ "credentials", required_argument, NULL, OPT_CREDS },
		{ "max-wait", required_argument, NULL, OPT_MAX_WAIT },
		{ "platform", required_argument, NULL, OPT_PLATFORM },
		{ "verbose", no_argument, NULL, OPT_VERBOSE },
		{ NULL, 0, NULL, 0 }
	};
	struct fp_cmd_opts o;
	struct fp_delete_opts d;
	struct fp_creds creds;
	struct fp_store *st = NULL;
	struct fp_err err;
	const char *creds_path = NULL;
	int c, rc = FP_EXIT_USAGE, have_creds = 0, verbose = 0;
	long left;

	fp_cmd_opts_init(&o);
	memset(&d, 0, sizeof d);
	memset(&creds, 0, sizeof creds);
	d.max_wait = 3600;
	while ((c = getopt_long(argc, argv, "hv", longopts, NULL)) != -1) {
		int r = fp_cmd_opts_parse(&fp_cmd_delete, &o, c, optarg);

		if (r < 0)
			goto out;
		if (r > 0)
			continue;
		switch (c) {
		case 'h':
			rc = fp_cmd_help.exec(2, (char *[]){ "help", "delete", NULL });
			goto out;
		case OPT_YES: d.yes = 1; break;
		case OPT_PLAN: d.plan = optarg; break;
		case OPT_CREDS: creds_path = optarg; break;
		case 'v':
		case OPT_VERBOSE: verbose = 1; break;
		case OPT_MAX_WAIT: {
			char *end;

			d.max_wait = strtol(optarg, &end, 10);
			if (*end != '\0' || d.max_wait < 0) {
				fp_cmd_error(&fp_cmd_delete, "--max-wait '%s': seconds", optarg);
				goto out;
			}
			break;
		}
		default:
			fp_cmd_usage(&fp_cmd_delete, stderr);
			goto out;
		}
	}
	if (optind < argc) {
		fp_cmd_error(&fp_cmd_delete, "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	d.platform = o.platform;
	d.progress = isatty(STDERR_FILENO);
	if (d.yes) {
		if (fp_creds_load(&creds, creds_path, &err) != FP_OK) {
			fprintf(stderr, "footprint delete: %s\n", err.msg);
			goto out;
		}
		have_creds = 1;
		d.creds = &creds;
		if (verbose)
			fp_http_trace(&creds);
	}
	if (fp_cmd_open_store(&fp_cmd_delete, o.db, 0, &st) != 0)
		goto out;
	left = fp_delete_run(st, &d, &err);
	if (left < 0) {
		fprintf(stderr, "footprint delete: %s\n", err.msg);
		goto out;
	}
	rc = left > 0 ? FP_EXIT_PARTIAL : FP_EXIT_OK;
out:
	fp_http_trace(NULL);
	if (have_creds)
		fp_creds_release(&creds);
	fp_store_close(st);
	fp_cmd_opts_release(&o);
	return rc;
#else
	(void)argc;
	(void)argv;
	fprintf(stderr, "footprint delete: this footprint was built without network"
	    " support (--without-network)\n");
	return FP_EXIT_USAGE;
#endif
}

const struct fp_cmd fp_cmd_delete = {
	.name = "delete",
	.summary = "delete the approved items through the platforms' APIs (dry run unless --yes)",
	.usage = "[--db FILE] [--plan plan.json] [--platform NAME] [--yes] [--verbose]",
	.help =
	    "Deletes exactly the findings decided 'delete' (footprint review, decide),\n"
	    "or those of a plan file (footprint plan): X, Mastodon, Bluesky, Reddit.\n"
	    "Without --yes it only lists what it would send, and sends nothing.\n\n"
	    FP_HELP_STORE
	    "  --plan FILE                the deletions of a plan file\n"
	    "  --platform NAME            only this platform\n"
	    "  --yes                      send the requests\n"
	    "  --credentials FILE         API credentials (mode 0600); default\n"
	    "                             ~/.config/footprint/credentials; the environment\n"
	    "                             (FOOTPRINT_X_CONSUMER_KEY ...) wins\n"
	    "  --max-wait SECONDS         stop rather than wait longer for a rate limit\n"
	    "                             (default 3600); run again later to resume\n"
	    "  -v, --verbose              trace every request (credentials redacted)\n"
	    "Each action is journaled in the store before and after its request: a run\n"
	    "that stops resumes where it was, and sends nothing twice that was done.\n",
	.exec = cmd_delete_exec,
};
