/*
 * cmd-help.c: "footprint help [COMMAND]" and "footprint version".
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "footprint.h"
#include "cmd.h"
#include "connector.h"

static int
cmd_help_exec(int argc, char **argv)
{
	const struct fp_cmd *cmd;

	if (argc > 1 && strcmp(argv[1], "--help") != 0 && strcmp(argv[1], "-h") != 0) {
		if ((cmd = fp_cmd_find(argv[1])) == NULL) {
			fprintf(stderr, "footprint help: no command '%s'\n", argv[1]);
			return FP_EXIT_USAGE;
		}
		fp_cmd_usage(cmd, stdout);
		printf("\n%s\n", cmd->summary);
		if (cmd->help[0] != '\0')
			printf("\n%s", cmd->help);
		return FP_EXIT_OK;
	}
	printf("footprint %s: audit your own social-media archives against the UN"
	    " system's\nsocial-media guidelines, and list what to delete.\n\n"
	    "usage: footprint [--version] [--help] COMMAND [ARGS]\n\ncommands:\n",
	    PACKAGE_VERSION);
	for (size_t i = 0; fp_cmd_table[i] != NULL; i++)
		printf("  %-9s %s\n", fp_cmd_table[i]->name, fp_cmd_table[i]->summary);
	printf("\nplatforms read:\n");
	for (size_t i = 0; fp_connectors[i] != NULL; i++)
		printf("  %-9s %s\n", fp_connectors[i]->name, fp_connectors[i]->desc);
	printf("\n'footprint help COMMAND' or 'footprint COMMAND --help' tells more.\n"
	    "exit status: 0 ran, 1 findings reached --fail-on, 2 usage error or no\n"
	    "input read, 3 ran but some input was skipped (see the warnings).\n");
	return FP_EXIT_OK;
}

const struct fp_cmd fp_cmd_help = {
	.name = "help",
	.summary = "show the commands, or one command's options",
	.usage = "[COMMAND]",
	.help = "",
	.exec = cmd_help_exec,
};

static int
cmd_version_exec(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("footprint %s\n", PACKAGE_VERSION);
#ifdef HAVE_NETWORK
	printf("network (API) commands: built in\n");
#else
	printf("network (API) commands: not built (--without-network)\n");
#endif
	return FP_EXIT_OK;
}

const struct fp_cmd fp_cmd_version = {
	.name = "version",
	.summary = "print the version",
	.usage = "",
	.help = "",
	.exec = cmd_version_exec,
};
