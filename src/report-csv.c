/*
 * report-csv.c: one row per finding, RFC 4180 (fields quoted when they hold
 * a comma, a quote or a line break; quotes doubled; CRLF), the JSON
 * report's fields as columns. Evidence and guidelines are flattened.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "footprint.h"
#include "jsfile.h"
#include "report.h"
#include "report-int.h"
#include "rules.h"

static char *
flat_evidence(const char *json)
{
	json_t *a = json ? fp_json_loads(json, JSON_DECODE_ANY) : NULL, *v;
	struct fp_buf b = FP_BUF_INIT;
	size_t i;

	json_array_foreach(a, i, v)
		fp_buf_addf(&b, "%s%s", i ? "; " : "", json_string_value(v));
	json_decref(a);
	return fp_buf_detach(&b);
}

static char *
flat_guidelines(const char *json)
{
	json_t *g = json ? fp_json_loads(json, 0) : NULL, *clauses, *v;
	struct fp_buf b = FP_BUF_INIT;
	const char *agency;
	size_t i;

	json_object_foreach(g, agency, clauses)
		json_array_foreach(clauses, i, v)
			fp_buf_addf(&b, "%s%s %s", b.len ? "; " : "", agency, json_string_value(v));
	json_decref(g);
	return fp_buf_detach(&b);
}

static int
csv_row(void *ud, const struct fp_row *r)
{
	FILE *out = ud;
	char date[32], *ev = flat_evidence(r->evidence), *gl = flat_guidelines(r->guidelines);
	const char *cols[] = { r->fid, r->status, r->platform, r->account, r->kind, r->id,
	    r->url, date, r->text, r->category, r->rule, fp_severity_name(r->severity),
	    r->action, ev, gl };

	fp_time_iso(r->created_at, date);
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		if (i)
			fputc(',', out);
		fp_csv_put(out, cols[i]);
	}
	fputs("\r\n", out);
	free(ev);
	free(gl);
	return 0;
}

static int
csv_write(struct fp_store *st, const struct fp_report_opts *o,
    struct fp_report_totals *t, struct fp_err *err)
{
	if (fp_report_totals(st, o->status, t, err) != FP_OK)
		return FP_FATAL;
	fputs("finding,status,platform,account,kind,id,url,created_at,text,category,rule,"
	    "severity,action,evidence,guidelines\r\n", o->out);
	return fp_report_findings(st, o->min_severity, o->status, csv_row, o->out, err);
}

const struct fp_report_writer fp_report_csv = {
	.name = "csv",
	.write = csv_write,
};
