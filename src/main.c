/*
 * main.c: footprint's entry point: global options, then the subcommand.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "footprint.h"
#include "cmd.h"
#include "jsarena.h"

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const struct fp_cmd *cmd;
	int c;

	fp_json_arena_install();	/* before any JSON is made */
	setlocale(LC_CTYPE, "C.UTF-8");
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			return fp_cmd_help.exec(1, (char *[]){ "help", NULL });
		case 'V':
			return fp_cmd_version.exec(1, (char *[]){ "version", NULL });
		default:
			fprintf(stderr, "footprint: unknown option '%s'\n", argv[optind - 1]);
			fprintf(stderr, "usage: footprint [--version] [--help] COMMAND [ARGS]\n");
			return FP_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fp_cmd_help.exec(1, (char *[]){ "help", NULL });
		return FP_EXIT_USAGE;
	}
	if ((cmd = fp_cmd_find(argv[optind])) == NULL) {
		fprintf(stderr, "footprint: '%s' is not a command; see 'footprint help'\n",
		    argv[optind]);
		return FP_EXIT_USAGE;
	}
	{
		int first = optind;

		optind = 0;	/* reset getopt for the command's own options */
		opterr = 1;
		return cmd->exec(argc - first, argv + first);
	}
}
