/*
 * profile.c: the user's profile, from a YAML file (see profile.h and
 * config/profile.example) and the command line.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>
#include <yaml.h>

#include "footprint.h"
#include "jsfile.h"
#include "profile.h"
#include "yamlx.h"

int
fp_profile_set_country(struct fp_profile *p, const char *cc, struct fp_err *err)
{
	if (strlen(cc) != 2 || !isalpha((unsigned char)cc[0]) ||
	    !isalpha((unsigned char)cc[1])) {
		fp_err_set(err, FP_FAILED, "country '%s' is not an ISO 3166 alpha-2"
		    " code (such as JO, UA, KE)", cc);
		return FP_FAILED;
	}
	free(p->country);
	p->country = xstrdup(cc);
	p->country[0] = (char)toupper((unsigned char)p->country[0]);
	p->country[1] = (char)toupper((unsigned char)p->country[1]);
	return FP_OK;
}

int
fp_profile_load(struct fp_profile *p, const char *path, struct fp_err *err)
{
	struct fp_yaml y;
	yaml_node_t *root;
	yaml_node_pair_t *pair;
	int rc = FP_FAILED;

	if (fp_yaml_load(&y, path, err) != FP_OK)
		return FP_FAILED;
	root = yaml_document_get_root_node(&y.doc);
	if (root == NULL) {
		rc = FP_OK;		/* an empty profile */
		goto out;
	}
	if (root->type != YAML_MAPPING_NODE) {
		fp_yaml_error(&y, root, NULL, "a profile is a mapping of"
		    " agency, name, work_email_domains, country", err);
		goto out;
	}
	for (pair = root->data.mapping.pairs.start; pair < root->data.mapping.pairs.top;
	    pair++) {
		yaml_node_t *k = yaml_document_get_node(&y.doc, pair->key);
		yaml_node_t *v = yaml_document_get_node(&y.doc, pair->value);
		const char *key = fp_yaml_scalar(k);

		if (key == NULL) {
			fp_yaml_error(&y, k, NULL, "keys must be plain words", err);
			goto out;
		}
		if (strcmp(key, "agency") == 0 || strcmp(key, "name") == 0 ||
		    strcmp(key, "country") == 0 || strcmp(key, "parties") == 0) {
			const char *s = fp_yaml_scalar(v);

			if (s == NULL) {
				fp_yaml_error(&y, v, key, "must be a single value", err);
				goto out;
			}
			if (strcmp(key, "agency") == 0 && p->agency == NULL)
				p->agency = xstrdup(s);
			else if (strcmp(key, "name") == 0 && p->name == NULL)
				p->name = xstrdup(s);
			else if (strcmp(key, "parties") == 0 && p->parties == NULL)
				p->parties = xstrdup(s);
			else if (strcmp(key, "country") == 0 && p->country == NULL &&
			    fp_profile_set_country(p, s, err) != FP_OK) {
				char msg[sizeof err->msg];

				snprintf(msg, sizeof msg, "%s", err->msg);
				fp_yaml_error(&y, v, key, msg, err);
				goto out;
			}
		} else if (strcmp(key, "work_email_domains") == 0) {
			struct fp_strv list = FP_STRV_INIT;

			if (fp_yaml_strings(&y, v, key, &list, err) != FP_OK)
				goto out;
			for (size_t i = 0; i < list.n; i++)
				if (!fp_strv_has_icase(&p->work_domains, list.v[i]))
					fp_strv_add(&p->work_domains, list.v[i]);
			fp_strv_release(&list);
		} else {
			fp_yaml_error(&y, k, key, "unknown profile field (known: agency,"
			    " name, work_email_domains, country, parties)", err);
			goto out;
		}
	}
	rc = FP_OK;
out:
	fp_yaml_release(&y);
	return rc;
}

void
fp_profile_release(struct fp_profile *p)
{
	free(p->agency);
	free(p->name);
	free(p->country);
	free(p->parties);
	fp_strv_release(&p->work_domains);
	p->agency = p->name = p->country = p->parties = NULL;
}

char *
fp_profile_to_json(const struct fp_profile *p)
{
	json_t *o = json_object(), *d = json_array();
	char *s;

	json_object_set_new(o, "agency", p->agency ? json_string(p->agency) : json_null());
	json_object_set_new(o, "name", p->name ? json_string(p->name) : json_null());
	for (size_t i = 0; i < p->work_domains.n; i++)
		json_array_append_new(d, json_string(p->work_domains.v[i]));
	json_object_set_new(o, "work_email_domains", d);
	json_object_set_new(o, "country", p->country ? json_string(p->country) : json_null());
	json_object_set_new(o, "parties", p->parties ? json_string(p->parties) : json_null());
	s = fp_json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return s;
}

int
fp_profile_from_json(struct fp_profile *p, const char *text)
{
	json_t *o = json_loads(text, 0, NULL), *d, *v;
	size_t i;

	if (!json_is_object(o)) {
		json_decref(o);
		return -1;
	}
	if (json_is_string(json_object_get(o, "agency")))
		p->agency = xstrdup(json_string_value(json_object_get(o, "agency")));
	if (json_is_string(json_object_get(o, "name")))
		p->name = xstrdup(json_string_value(json_object_get(o, "name")));
	if (json_is_string(json_object_get(o, "country")))
		p->country = xstrdup(json_string_value(json_object_get(o, "country")));
	if (json_is_string(json_object_get(o, "parties")))
		p->parties = xstrdup(json_string_value(json_object_get(o, "parties")));
	d = json_object_get(o, "work_email_domains");
	json_array_foreach(d, i, v)
		if (json_is_string(v))
			fp_strv_add(&p->work_domains, json_string_value(v));
	json_decref(o);
	return 0;
}

char *
fp_profile_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char *path;

	if (xdg != NULL && xdg[0] == '/')
		path = xasprintf("%s/footprint/profile.yaml", xdg);
	else if (home != NULL && home[0] != '\0')
		path = xasprintf("%s/.config/footprint/profile.yaml", home);
	else
		return NULL;
	if (access(path, R_OK) != 0) {
		free(path);
		return NULL;
	}
	return path;
}
