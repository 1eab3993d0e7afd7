/*
 * yamlx.c: YAML documents through libyaml (see yamlx.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "footprint.h"
#include "yamlx.h"

int
fp_yaml_load(struct fp_yaml *y, const char *path, struct fp_err *err)
{
	yaml_parser_t parser;
	FILE *f;
	int ok;

	memset(y, 0, sizeof *y);
	if ((f = fopen(path, "rb")) == NULL) {
		fp_err_set(err, FP_FATAL, "%s: %s", path, strerror(errno));
		return FP_FATAL;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	ok = yaml_parser_load(&parser, &y->doc);
	if (!ok) {
		fp_err_set(err, FP_FATAL, "%s:%zu:%zu: not valid YAML: %s%s%s", path,
		    parser.problem_mark.line + 1, parser.problem_mark.column + 1,
		    parser.problem ? parser.problem : "error",
		    parser.context ? " " : "", parser.context ? parser.context : "");
	}
	yaml_parser_delete(&parser);
	fclose(f);
	if (!ok)
		return FP_FATAL;
	y->loaded = 1;
	y->path = xstrdup(path);
	return FP_OK;
}

void
fp_yaml_release(struct fp_yaml *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	free(y->path);
	memset(y, 0, sizeof *y);
}

int
fp_yaml_line(const yaml_node_t *node)
{
	return node != NULL ? (int)node->start_mark.line + 1 : 0;
}

int
fp_yaml_error(const struct fp_yaml *y, const yaml_node_t *node, const char *field,
    const char *msg, struct fp_err *err)
{
	int line = node ? (int)node->start_mark.line + 1 : 0;
	int col = node ? (int)node->start_mark.column + 1 : 0;

	if (field != NULL)
		fp_err_set(err, FP_FATAL, "%s:%d:%d: field '%s': %s", y->path, line,
		    col, field, msg);
	else
		fp_err_set(err, FP_FATAL, "%s:%d:%d: %s", y->path, line, col, msg);
	return FP_FATAL;
}

const char *
fp_yaml_scalar(const yaml_node_t *node)
{
	if (node == NULL || node->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)node->data.scalar.value;
}

yaml_node_t *
fp_yaml_get(struct fp_yaml *y, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = fp_yaml_scalar(yaml_document_get_node(&y->doc, p->key));

		if (k != NULL && strcmp(k, key) == 0)
			return yaml_document_get_node(&y->doc, p->value);
	}
	return NULL;
}

int
fp_yaml_strings(struct fp_yaml *y, yaml_node_t *node, const char *field,
    struct fp_strv *out, struct fp_err *err)
{
	yaml_node_item_t *it;

	if (node == NULL)
		return FP_OK;
	if (node->type == YAML_SCALAR_NODE) {
		fp_strv_add(out, fp_yaml_scalar(node));
		return FP_OK;
	}
	if (node->type != YAML_SEQUENCE_NODE)
		return fp_yaml_error(y, node, field, "expected a value or a list of"
		    " values", err);
	for (it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&y->doc, *it);
		const char *s = fp_yaml_scalar(n);

		if (s == NULL)
			return fp_yaml_error(y, n, field, "list entries must be"
			    " plain values", err);
		fp_strv_add(out, s);
	}
	return FP_OK;
}
