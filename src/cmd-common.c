/*
 * cmd-common.c: what audit, import, scan and report share: the profile
 * and store options, and the import, scan and report steps themselves, so
 * that "audit" is exactly "import + scan + report".
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "footprint.h"
#include "cmd.h"
#include "engine.h"
#include "import.h"
#include "profile.h"
#include "report.h"
#include "rules.h"
#include "store.h"

void
fp_cmd_opts_init(struct fp_cmd_opts *o)
{
	struct fp_profile empty = FP_PROFILE_INIT;

	memset(o, 0, sizeof *o);
	o->profile = empty;
	o->format = "text";
	o->fail_on = -1;
}

void
fp_cmd_opts_release(struct fp_cmd_opts *o)
{
	fp_profile_release(&o->profile);
}

int
fp_cmd_opts_parse(const struct fp_cmd *cmd, struct fp_cmd_opts *o, int opt,
    const char *arg)
{
	struct fp_err err;

	switch (opt) {
	case OPT_DB:
		o->db = arg;
		return 1;
	case OPT_RULES:
		o->rules = arg;
		return 1;
	case OPT_PROFILE:
		o->profile_path = arg;
		return 1;
	case OPT_AGENCY:
		free(o->profile.agency);
		o->profile.agency = xstrdup(arg);
		return 1;
	case OPT_NAME:
		if (arg[0] == '\0') {
			fp_cmd_error(cmd, "--name is empty");
			return -1;
		}
		free(o->profile.name);
		o->profile.name = xstrdup(arg);
		return 1;
	case OPT_WORK_DOMAIN:
		if (strchr(arg, '.') == NULL || strchr(arg, '@') != NULL) {
			fp_cmd_error(cmd, "--work-email-domain '%s' is not a domain"
			    " (such as unhcr.org)", arg);
			return -1;
		}
		if (!fp_strv_has_icase(&o->profile.work_domains, arg))
			fp_strv_add(&o->profile.work_domains, arg);
		return 1;
	case OPT_COUNTRY:
		if (fp_profile_set_country(&o->profile, arg, &err) != FP_OK) {
			fp_cmd_error(cmd, "%s", err.msg);
			return -1;
		}
		return 1;
	case OPT_PARTIES:
		if (access(arg, R_OK) != 0) {
			fp_cmd_error(cmd, "--parties '%s': %s", arg, strerror(errno));
			return -1;
		}
		free(o->profile.parties);
		o->profile.parties = xstrdup(arg);
		return 1;
	case OPT_FORMAT:
		if (fp_report_find(arg) == NULL) {
			fp_cmd_error(cmd, "unknown format '%s' (known: text, json, csv, md,"
			    " html)", arg);
			return -1;
		}
		o->format = arg;
		return 1;
	case 'o':
		o->output = arg;
		return 1;
	case OPT_FAIL_ON:
		if ((o->fail_on = fp_severity_from_name(arg)) < 0) {
			fp_cmd_error(cmd, "--fail-on '%s': one of high, medium, low, info",
			    arg);
			return -1;
		}
		return 1;
	case 'q':
		o->quiet = 1;
		return 1;
	case OPT_STATUS:
		if (strcmp(arg, "open") != 0 && strcmp(arg, "keep") != 0 &&
		    strcmp(arg, "delete") != 0 && strcmp(arg, "done") != 0 &&
		    strcmp(arg, "all") != 0) {
			fp_cmd_error(cmd, "--status '%s': one of open, keep, delete, done, all", arg);
			return -1;
		}
		o->status = arg;
		return 1;
	case OPT_MESSAGES:
		o->include_messages = 1;
		return 1;
	case OPT_PLATFORM:
		if (!fp_platform_valid(arg)) {
			fp_cmd_error(cmd, "unknown platform '%s'", arg);
			return -1;
		}
		o->platform = arg;
		return 1;
	default:
		return 0;
	}
}

int
fp_cmd_getopt(const struct fp_cmd *cmd, struct fp_cmd_opts *o, int argc, char **argv,
    const char *shortopts, const struct option *longopts)
{
	int c;

	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		int r = fp_cmd_opts_parse(cmd, o, c, optarg);

		if (r < 0)
			return -1;
		if (r > 0)
			continue;
		if (c == 'h') {
			fp_cmd_help.exec(2, (char *[]){ "help", (char *)cmd->name, NULL });
			return 0;
		}
		fp_cmd_usage(cmd, stderr);
		fprintf(stderr, "(see 'footprint %s --help')\n", cmd->name);
		return -1;
	}
	return 1;
}

int
fp_cmd_opts_finish_profile(const struct fp_cmd *cmd, struct fp_cmd_opts *o)
{
	struct fp_err err;
	char *def = NULL;
	const char *path = o->profile_path;

	if (path == NULL)
		path = def = fp_profile_default_path();
	if (path != NULL && fp_profile_load(&o->profile, path, &err) != FP_OK) {
		fprintf(stderr, "footprint %s: profile: %s\n", cmd->name, err.msg);
		free(def);
		return -1;
	}
	free(def);
	return 0;
}

int
fp_cmd_open_store(const struct fp_cmd *cmd, const char *db, int memory_default,
    struct fp_store **st)
{
	struct fp_err err;
	char *path = NULL;
	int rc;

	if (db == NULL && !memory_default) {
		path = fp_store_default_path();
		db = path;
	}
	rc = fp_store_open(st, db, &err);
	if (rc != FP_OK)
		fprintf(stderr, "footprint %s: %s\n", cmd->name, err.msg);
	free(path);
	return rc == FP_OK ? 0 : -1;
}

int
fp_cmd_load_rules(const struct fp_cmd *cmd, const char *dir, struct fp_ruleset *rs)
{
	struct fp_err err;

	if (fp_ruleset_load(rs, fp_rules_dir(dir), &err) != FP_OK) {
		fprintf(stderr, "footprint %s: rules: %s\n", cmd->name, err.msg);
		fprintf(stderr, "footprint %s: refusing to run with a broken rule set\n",
		    cmd->name);
		return -1;
	}
	return 0;
}

int
fp_cmd_check_agency(const struct fp_cmd *cmd, const struct fp_ruleset *rs,
    const struct fp_profile *p)
{
	struct fp_buf known = FP_BUF_INIT;

	if (p->agency == NULL || fp_ruleset_entity(rs, p->agency) != NULL)
		return 0;
	for (size_t i = 0; i < rs->nentities; i++)
		fp_buf_addf(&known, "%s%s", i ? ", " : "", rs->entities[i].id);
	fp_cmd_error(cmd, "unknown agency '%s' (known: %s)", p->agency, fp_buf_str(&known));
	fp_buf_release(&known);
	return -1;
}

int
fp_cmd_do_import(const struct fp_cmd *cmd, struct fp_store *st, char **paths,
    int npaths, const struct fp_cmd_opts *o, struct fp_prefilter *pf, int *said,
    int *any_read, int *any_warn)
{
	int first = said != NULL ? *said : 0;

	*any_read = *any_warn = 0;
	for (int i = 0; i < npaths; i++) {
		struct fp_import_result res;
		struct fp_err err;
		int rc, say = i >= first;

		fp_err_clear(&err);
		rc = fp_import_path(st, paths[i], o->platform, o->include_messages, pf,
		    &res, &err);
		if (rc == FP_FATAL) {
			fprintf(stderr, "footprint %s: %s\n", cmd->name, err.msg);
			return -1;
		}
		if (pf != NULL && pf->repeated)
			return 0;
		if (said != NULL && say)
			*said = i + 1;
		if (rc == FP_FAILED) {
			if (say)
				fprintf(stderr, "footprint %s: %s\n", cmd->name, err.msg);
			*any_warn = 1;
			continue;
		}
		*any_read = 1;
		if (res.warnings > 0)
			*any_warn = 1;
		if (!o->quiet && say)
			fprintf(stderr, "footprint: read '%s' (%s): %ld item%s%s%s\n",
			    paths[i], res.platform, res.items, res.items == 1 ? "" : "s",
			    res.warnings ? ", with warnings (see the report)" : "",
			    res.deleted ? "; deleted items kept aside" : "");
	}
	return 0;
}

int
fp_cmd_do_scan(const struct fp_cmd *cmd, struct fp_store *st,
    const struct fp_ruleset *rs, const struct fp_profile *p, struct fp_engine *eng,
    const struct fp_prefilter *pf, int quiet)
{
	struct fp_engine *own = NULL;
	struct fp_scan_stats stats;
	struct fp_err err;
	char *pj;
	int rc = -1;

	if (eng == NULL) {
		if (fp_engine_new(&own, rs, p, &err) != FP_OK) {
			fprintf(stderr, "footprint %s: %s\n", cmd->name, err.msg);
			return -1;
		}
		eng = own;
	}
	if (fp_engine_scan(eng, st, pf, &stats, &err) != FP_OK) {
		fprintf(stderr, "footprint %s: %s\n", cmd->name, err.msg);
		goto out;
	}
	pj = fp_profile_to_json(p);
	if (fp_store_run_add(st, "scan", pj, rs->dir, &err) < 0) {
		free(pj);
		fprintf(stderr, "footprint %s: %s\n", cmd->name, err.msg);
		goto out;
	}
	free(pj);
	if (!quiet) {
		fprintf(stderr, "footprint: scanned %ld item%s with %zu rule%s: %ld finding%s\n",
		    stats.items, stats.items == 1 ? "" : "s", rs->nrules,
		    rs->nrules == 1 ? "" : "s", stats.findings, stats.findings == 1 ? "" : "s");
		if (!stats.pseudonym_check)
			fprintf(stderr, "footprint: no --name given: the pseudonym check"
			    " was skipped\n");
	}
	rc = 0;
out:
	fp_engine_free(own);
	return rc;
}

/* Open -o FILE private to the user: reports hold their posts. */
static FILE *
open_output(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	return fd >= 0 ? fdopen(fd, "w") : NULL;
}

int
fp_cmd_do_report(const struct fp_cmd *cmd, struct fp_store *st,
    const struct fp_cmd_opts *o, int *fail_hit)
{
	const struct fp_report_writer *w = fp_report_find(o->format);
	struct fp_report_opts ro;
	struct fp_report_totals t;
	struct fp_err err;
	struct fp_profile p = FP_PROFILE_INIT;
	struct fp_ruleset rs;
	char *pj;
	int rc;

	memset(&ro, 0, sizeof ro);
	memset(&rs, 0, sizeof rs);
	ro.format = o->format;
	ro.status = o->status != NULL ? o->status : "open";
	ro.out = stdout;
	if (o->output != NULL && strcmp(o->output, "-") != 0 &&
	    (ro.out = open_output(o->output)) == NULL) {
		fprintf(stderr, "footprint %s: cannot write '%s': %s\n", cmd->name,
		    o->output, strerror(errno));
		return -1;
	}
	{
		const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

		ro.color = isatty(fileno(ro.out)) && (nc == NULL || nc[0] == '\0') &&
		    (term == NULL || strcmp(term, "dumb") != 0);
	}
	/* Which guidelines to quote first: the scanned profile's agency's. */
	if ((pj = fp_store_last_profile(st)) != NULL) {
		fp_profile_from_json(&p, pj);
		free(pj);
		if (p.agency != NULL && fp_ruleset_load(&rs, fp_rules_dir(o->rules), &err) == FP_OK) {
			const struct fp_entity *e = fp_ruleset_entity(&rs, p.agency);

			if (e != NULL)
				ro.agency_guidelines = e->guidelines;
			ro.rules = &rs;
		}
	}
	rc = w->write(st, &ro, &t, &err);
	if (ro.out != stdout) {
		if (fclose(ro.out) != 0 && rc == FP_OK) {
			fp_err_set(&err, FP_FATAL, "cannot write '%s'", o->output);
			rc = FP_FATAL;
		}
	} else
		fflush(stdout);
	fp_ruleset_release(&rs);
	fp_profile_release(&p);
	if (rc != FP_OK) {
		fprintf(stderr, "footprint %s: %s\n", cmd->name, err.msg);
		return -1;
	}
	*fail_hit = 0;
	if (o->fail_on >= 0)
		for (int s = o->fail_on; s <= FP_SEV_HIGH; s++)
			if (t.findings_by_sev[s] > 0)
				*fail_hit = 1;
	return 0;
}
