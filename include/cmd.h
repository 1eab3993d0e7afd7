/*
 * cmd.h: subcommands, one file each (src/cmd-<name>.c), listed in one
 * table in src/cmd.c, in the style of git and tmux.
 */
#ifndef FP_CMD_H
#define FP_CMD_H

#include "footprint.h"
#include <getopt.h>
#include <stdio.h>

#include "profile.h"

struct fp_cmd {
	const char	*name;
	const char	*summary;	/* one line for "footprint help" */
	const char	*usage;		/* after "footprint NAME " */
	const char	*help;		/* options, for "footprint NAME --help" */
	int		(*exec)(int argc, char **argv);
};

extern const struct fp_cmd *const fp_cmd_table[];
const struct fp_cmd *fp_cmd_find(const char *name);
int	 fp_cmd_usage(const struct fp_cmd *cmd, FILE *to);
/* Print "footprint CMD: msg" and the usage line; returns FP_EXIT_USAGE. */
int	 fp_cmd_error(const struct fp_cmd *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

extern const struct fp_cmd fp_cmd_audit, fp_cmd_import, fp_cmd_fetch, fp_cmd_scan,
    fp_cmd_report, fp_cmd_review, fp_cmd_decide, fp_cmd_plan, fp_cmd_delete,
    fp_cmd_rules, fp_cmd_help, fp_cmd_version;

/* Shared by audit, import, scan and report (src/cmd-common.c). */
struct fp_cmd_opts {
	const char		*db;		/* --db */
	const char		*rules;		/* --rules */
	const char		*profile_path;	/* --profile */
	struct fp_profile	 profile;
	const char		*format;	/* --format */
	const char		*output;	/* -o */
	int			 fail_on;	/* --fail-on: severity, or -1 */
	int			 quiet;
	const char		*platform;	/* --platform */
	int			 include_messages; /* --include-messages */
	const char		*status;	/* --status: open, keep, delete, done, all */
};

/* Option codes shared by commands (values beyond char range). */
enum {
	OPT_DB = 256, OPT_RULES, OPT_PROFILE, OPT_AGENCY, OPT_NAME,
	OPT_WORK_DOMAIN, OPT_COUNTRY, OPT_FORMAT, OPT_FAIL_ON, OPT_HELP,
	OPT_PLATFORM, OPT_PARTIES, OPT_MESSAGES, OPT_STATUS
};

void	 fp_cmd_opts_init(struct fp_cmd_opts *o);
void	 fp_cmd_opts_release(struct fp_cmd_opts *o);
/* Handle a shared option; 1 if handled, 0 if not ours, -1 usage error. */
int	 fp_cmd_opts_parse(const struct fp_cmd *cmd, struct fp_cmd_opts *o,
	    int opt, const char *arg);
/*
 * Parse a command's options (getopt_long with shortopts and longopts):
 * 1 when parsed (operands start at optind), 0 when --help was printed
 * (exit 0), -1 on a usage error (already reported; exit 2).
 */
int	 fp_cmd_getopt(const struct fp_cmd *cmd, struct fp_cmd_opts *o, int argc,
	    char **argv, const char *shortopts, const struct option *longopts);
/* Merge the profile file under the command-line values. */
int	 fp_cmd_opts_finish_profile(const struct fp_cmd *cmd, struct fp_cmd_opts *o);

struct fp_store;
struct fp_ruleset;
struct fp_engine;
struct fp_prefilter;
int	 fp_cmd_open_store(const struct fp_cmd *cmd, const char *db,
	    int memory_default, struct fp_store **st);
int	 fp_cmd_load_rules(const struct fp_cmd *cmd, const char *dir,
	    struct fp_ruleset *rs);
int	 fp_cmd_check_agency(const struct fp_cmd *cmd, const struct fp_ruleset *rs,
	    const struct fp_profile *p);
/*
 * The three steps, shared by audit and the single commands. The import
 * says what it read of each path from the (*said)th on (said may be NULL)
 * and moves *said on; with pf it stops early when pf->repeated is set.
 * The scan uses eng, or makes one when it is NULL.
 */
int	 fp_cmd_do_import(const struct fp_cmd *cmd, struct fp_store *st,
	    char **paths, int npaths, const struct fp_cmd_opts *o,
	    struct fp_prefilter *pf, int *said, int *any_read, int *any_warn);
int	 fp_cmd_do_scan(const struct fp_cmd *cmd, struct fp_store *st,
	    const struct fp_ruleset *rs, const struct fp_profile *p,
	    struct fp_engine *eng, const struct fp_prefilter *pf, int quiet);
int	 fp_cmd_do_report(const struct fp_cmd *cmd, struct fp_store *st,
	    const struct fp_cmd_opts *o, int *fail_hit);



/* getopt_long entries shared by several commands. */
#define FP_LONGOPT_STORE	{ "db", required_argument, NULL, OPT_DB }
#define FP_LONGOPT_RULES	{ "rules", required_argument, NULL, OPT_RULES }
#define FP_LONGOPTS_PROFILE \
	{ "profile", required_argument, NULL, OPT_PROFILE }, \
	{ "agency", required_argument, NULL, OPT_AGENCY }, \
	{ "name", required_argument, NULL, OPT_NAME }, \
	{ "work-email-domain", required_argument, NULL, OPT_WORK_DOMAIN }, \
	{ "country", required_argument, NULL, OPT_COUNTRY }, \
	{ "parties", required_argument, NULL, OPT_PARTIES }
#define FP_LONGOPTS_REPORT \
	{ "format", required_argument, NULL, OPT_FORMAT }, \
	{ "output", required_argument, NULL, 'o' }, \
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON }
#define FP_LONGOPT_HELP		{ "help", no_argument, NULL, 'h' }
#define FP_LONGOPT_QUIET	{ "quiet", no_argument, NULL, 'q' }

#define FP_HELP_PROFILE \
	"  --profile FILE             read the profile (agency, name, domains, country)\n" \
	"                             from FILE; default ~/.config/footprint/profile.yaml\n" \
	"  --agency NAME              your agency: UNHCR, IOM, UNOPS, UN, UNICEF, WFP...\n" \
	"  --name \"FULL NAME\"         your real name (for the pseudonym check)\n" \
	"  --work-email-domain DOMAIN a work email domain besides the agency's (repeatable)\n" \
	"  --country CC               deployment country, ISO 3166 alpha-2: items that\n" \
	"                             name it or its politics get the highest severity\n" \
	"  --parties FILE             a Party Facts CSV: the country's party names too\n"
#define FP_HELP_REPORT \
	"  --format FORMAT            text (default), json, csv, md or html\n" \
	"  -o, --output FILE          write the report to FILE (created mode 0600)\n" \
	"  --fail-on SEVERITY         exit 1 if any finding is at SEVERITY or above\n" \
	"                             (high, medium, low, info)\n"
#define FP_HELP_STORE \
	"  --db FILE                  the store (default $XDG_DATA_HOME/footprint/footprint.db)\n"
#define FP_HELP_RULES \
	"  --rules DIR                the rules folder (default: the installed rules)\n"

#endif
