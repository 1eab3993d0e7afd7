/*
 * cmd.c: the table of subcommands, lookup, and usage messages.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "footprint.h"
#include "cmd.h"

const struct fp_cmd *const fp_cmd_table[] = {
	&fp_cmd_audit,
	&fp_cmd_import,
	&fp_cmd_fetch,
	&fp_cmd_scan,
	&fp_cmd_report,
	&fp_cmd_review,
	&fp_cmd_decide,
	&fp_cmd_plan,
	&fp_cmd_delete,
	&fp_cmd_rules,
	&fp_cmd_help,
	&fp_cmd_version,
	NULL
};

const struct fp_cmd *
fp_cmd_find(const char *name)
{
	for (size_t i = 0; fp_cmd_table[i] != NULL; i++)
		if (strcmp(fp_cmd_table[i]->name, name) == 0)
			return fp_cmd_table[i];
	return NULL;
}

int
fp_cmd_usage(const struct fp_cmd *cmd, FILE *to)
{
	fprintf(to, "usage: footprint %s %s\n", cmd->name, cmd->usage);
	return FP_EXIT_USAGE;
}

int
fp_cmd_error(const struct fp_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "footprint %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fp_cmd_usage(cmd, stderr);
	fprintf(stderr, "(see 'footprint %s --help')\n", cmd->name);
	return FP_EXIT_USAGE;
}
