/*
 * profile.h: who the user is, which decides what is a finding: the
 * agency (its domains and its guidelines), the real name (for the
 * pseudonym check), extra work email domains and the deployment country.
 * Read from a YAML profile file (config/profile.example) and overridden
 * by command-line options.
 */
#ifndef FP_PROFILE_H
#define FP_PROFILE_H

#include "footprint.h"

struct fp_profile {
	char		*agency;	/* as the user wrote it; NULL if not set */
	char		*name;		/* the user's real full name */
	struct fp_strv	 work_domains;	/* --work-email-domain, repeatable */
	char		*country;	/* ISO 3166 alpha-2, upper case */
	char		*parties;	/* a Party Facts CSV of party names, or NULL */
};
#define FP_PROFILE_INIT { NULL, NULL, FP_STRV_INIT, NULL, NULL }

int	 fp_profile_load(struct fp_profile *p, const char *path, struct fp_err *err);
int	 fp_profile_set_country(struct fp_profile *p, const char *cc, struct fp_err *err);
void	 fp_profile_release(struct fp_profile *p);
/* The profile as JSON text (for the runs table and the report); caller frees. */
char	*fp_profile_to_json(const struct fp_profile *p);
int	 fp_profile_from_json(struct fp_profile *p, const char *json);
/* $XDG_CONFIG_HOME/footprint/profile.yaml when it exists; caller frees. */
char	*fp_profile_default_path(void);

#endif
