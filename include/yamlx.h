/*
 * yamlx.h: a YAML file loaded with libyaml's document API, and helpers that
 * read scalars, lists and mappings with errors naming file, line and field.
 */
#ifndef FP_YAMLX_H
#define FP_YAMLX_H

#include <yaml.h>
#include "footprint.h"

struct fp_yaml {
	yaml_document_t	 doc;
	char		*path;
	int		 loaded;
};

int	 fp_yaml_load(struct fp_yaml *y, const char *path, struct fp_err *err);
void	 fp_yaml_release(struct fp_yaml *y);
/* Sets err to "PATH:LINE:COL: field 'FIELD': MSG"; returns FP_FATAL. */
int	 fp_yaml_error(const struct fp_yaml *y, const yaml_node_t *node,
	    const char *field, const char *msg, struct fp_err *err);
/* A scalar's value, or NULL if node is not a scalar. */
const char *fp_yaml_scalar(const yaml_node_t *node);
/* The value of key in a mapping, or NULL. */
yaml_node_t *fp_yaml_get(struct fp_yaml *y, yaml_node_t *map, const char *key);
/* A scalar or a list of scalars into out (appended). */
int	 fp_yaml_strings(struct fp_yaml *y, yaml_node_t *node, const char *field,
	    struct fp_strv *out, struct fp_err *err);
/* Line (1-based) of a node. */
int	 fp_yaml_line(const yaml_node_t *node);

#endif
