/*
 * cmd-fetch.c: "footprint fetch PLATFORM": read the account's own posts,
 * replies, reposts, likes and profile through the platform's API into the
 * store (Mastodon, Bluesky, Reddit; X where the user's API access allows
 * reading), so that an account can be audited without an archive.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "cmd.h"
#include "creds.h"
#include "store.h"
#ifdef HAVE_NETWORK
#include "api.h"
#endif

enum { OPT_CREDS = 500, OPT_MAX_WAIT, OPT_MAX_ITEMS, OPT_VERBOSE };

#ifdef HAVE_NETWORK
static int
number(const char *opt, const char *arg, long *out)
{
	char *end;

	*out = strtol(arg, &end, 10);
	if (*end != '\0' || end == arg || *out < 0) {
		fp_cmd_error(&fp_cmd_fetch, "%s '%s': a number", opt, arg);
		return -1;
	}
	return 0;
}
#endif

static int
cmd_fetch_exec(int argc, char **argv)
{
#ifdef HAVE_NETWORK
	static const struct option longopts[] = {
		FP_LONGOPT_STORE, FP_LONGOPT_HELP, FP_LONGOPT_QUIET,
		{ "credentials", required_argument, NULL, OPT_CREDS },
		{ "max-wait", required_argument, NULL, OPT_MAX_WAIT },
		{ "max-items", required_argument, NULL, OPT_MAX_ITEMS },
		{ "include-messages", no_argument, NULL, OPT_MESSAGES },
		{ "verbose", no_argument, NULL, OPT_VERBOSE },
		{ NULL, 0, NULL, 0 }
	};
	struct fp_cmd_opts o;
	struct fp_fetch_opts f;
	struct fp_creds creds;
	struct fp_store *st = NULL;
	struct fp_err err;
	const char *creds_path = NULL;
	int c, rc = FP_EXIT_USAGE, have_creds = 0, verbose = 0;

	fp_cmd_opts_init(&o);
	memset(&f, 0, sizeof f);
	f.max_wait = 3600;
	while ((c = getopt_long(argc, argv, "hqv", longopts, NULL)) != -1) {
		int r = fp_cmd_opts_parse(&fp_cmd_fetch, &o, c, optarg);

		if (r < 0)
			goto out;
		if (r > 0)
			continue;
		switch (c) {
		case 'h':
			rc = fp_cmd_help.exec(2, (char *[]){ "help", "fetch", NULL });
			goto out;
		case OPT_CREDS: creds_path = optarg; break;
		case 'v':
		case OPT_VERBOSE: verbose = 1; break;
		case OPT_MAX_WAIT:
			if (number("--max-wait", optarg, &f.max_wait) != 0)
				goto out;
			break;
		case OPT_MAX_ITEMS:
			if (number("--max-items", optarg, &f.max_items) != 0)
				goto out;
			break;
		default:
			fp_cmd_usage(&fp_cmd_fetch, stderr);
			goto out;
		}
	}
	if (optind >= argc) {
		fp_cmd_error(&fp_cmd_fetch, "which platform? mastodon, bluesky, reddit or x");
		goto out;
	}
	if (optind + 1 < argc) {
		fp_cmd_error(&fp_cmd_fetch, "unexpected argument '%s'", argv[optind + 1]);
		goto out;
	}
	f.platform = argv[optind];
	if (fp_api_find(f.platform) == NULL) {
		if (fp_platform_valid(f.platform))
			fprintf(stderr, "footprint fetch: %s has no API that lets you read your"
			    " own items: import its archive (footprint import)\n", f.platform);
		else
			fp_cmd_error(&fp_cmd_fetch, "unknown platform '%s': mastodon, bluesky,"
			    " reddit or x", f.platform);
		goto out;
	}
	f.quiet = o.quiet;
	f.include_messages = o.include_messages;
	if (fp_creds_load(&creds, creds_path, &err) != FP_OK) {
		fprintf(stderr, "footprint fetch: %s\n", err.msg);
		goto out;
	}
	have_creds = 1;
	f.creds = &creds;
	if (verbose)
		fp_http_trace(&creds);
	if (fp_cmd_open_store(&fp_cmd_fetch, o.db, 0, &st) != 0)
		goto out;
	switch (fp_fetch_run(st, &f, &err)) {
	case FP_OK:
		rc = FP_EXIT_OK;
		if (!o.quiet)
			fprintf(stderr, "footprint: next: footprint scan --agency ..., then"
			    " footprint report\n");
		break;
	case FP_FAILED:
		fprintf(stderr, "footprint fetch: %s\n", err.msg);
		rc = FP_EXIT_PARTIAL;
		break;
	default:
		fprintf(stderr, "footprint fetch: %s\n", err.msg);
		rc = FP_EXIT_USAGE;
		break;
	}
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
	fprintf(stderr, "footprint fetch: this footprint was built without network"
	    " support (--without-network)\n");
	return FP_EXIT_USAGE;
#endif
}

const struct fp_cmd fp_cmd_fetch = {
	.name = "fetch",
	.summary = "read an account's own items through the platform's API into the store",
	.usage = "[--db FILE] [options] mastodon|bluesky|reddit|x",
	.help =
	    "Reads your own posts, replies, reposts, likes and profile through the\n"
	    "platform's API (credentials as for 'footprint delete'), so that an account\n"
	    "can be audited without an archive; run scan and report next. Items already\n"
	    "imported from an archive are updated, not doubled. Some APIs list only the\n"
	    "newest items (X 3,200 posts, Reddit 1,000 per listing): the summary says\n"
	    "so, and the archive has the rest.\n\n"
	    FP_HELP_STORE
	    "  --credentials FILE         API credentials (mode 0600); default\n"
	    "                             ~/.config/footprint/credentials; the environment\n"
	    "                             (FOOTPRINT_MASTODON_TOKEN ...) wins\n"
	    "  --max-items N              stop each listing after about N items\n"
	    "  --max-wait SECONDS         stop rather than wait longer for a rate limit\n"
	    "                             (default 3600); what was fetched is kept\n"
	    "  --include-messages         Mastodon direct messages too\n"
	    "  -v, --verbose              trace every request (credentials redacted)\n"
	    "  -q, --quiet                no progress messages on stderr\n",
	.exec = cmd_fetch_exec,
};
