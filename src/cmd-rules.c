/*
 * cmd-rules.c: "footprint rules": load the rule set (checking every file)
 * and list the rules.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "cmd.h"
#include "item.h"
#include "rules.h"

static int
cmd_rules_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		FP_LONGOPT_RULES, FP_LONGOPT_HELP, { NULL, 0, NULL, 0 }
	};
	struct fp_cmd_opts o;
	struct fp_ruleset rs;
	int rc = FP_EXIT_USAGE;

	fp_cmd_opts_init(&o);
	memset(&rs, 0, sizeof rs);
	switch (fp_cmd_getopt(&fp_cmd_rules, &o, argc, argv, "h", longopts)) {
	case 0:
		rc = FP_EXIT_OK;
		goto out;
	case -1:
		goto out;
	}
	if (optind < argc) {
		fp_cmd_error(&fp_cmd_rules, "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if (fp_cmd_load_rules(&fp_cmd_rules, o.rules, &rs) != 0)
		goto out;
	printf("%zu rules from %s (%zu terms, %zu UN system entities, %zu official"
	    " accounts)\n\n", rs.nrules, rs.dir, rs.npats, rs.nentities,
	    rs.official_accounts.n);
	for (size_t i = 0; i < rs.nrules; i++) {
		const struct fp_rule *r = &rs.rules[i];

		printf("%-22s %-16s %-6s %s\n", r->id, r->category,
		    fp_severity_name(r->severity), r->title);
		printf("%-22s kinds:", "");
		if (r->kinds == 0)
			printf(" all");
		for (int k = 0; k < FP_KIND__COUNT; k++)
			if (r->kinds & (1u << k))
				printf(" %s", fp_kind_name(k));
		printf("; action: %s; cites:", r->action);
		{
			json_t *g = json_loads(r->guidelines_json, 0, NULL);
			const char *agency;
			json_t *v;

			json_object_foreach(g, agency, v)
				printf(" %s", agency);
			json_decref(g);
		}
		putchar('\n');
	}
	rc = FP_EXIT_OK;
out:
	fp_ruleset_release(&rs);
	fp_cmd_opts_release(&o);
	return rc;
}

const struct fp_cmd fp_cmd_rules = {
	.name = "rules",
	.summary = "check and list the loaded rules",
	.usage = "[--rules DIR]",
	.help = FP_HELP_RULES
	    "A broken rule file is an error naming the file, line and field.\n",
	.exec = cmd_rules_exec,
};
