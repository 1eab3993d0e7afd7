/*
 * creds.h: API credentials, from the environment (FOOTPRINT_X_CONSUMER_KEY,
 * ...) or from a credentials file of the same NAME=value lines, which must
 * be private to the user (mode 0600 or stricter, owned by the user: a more
 * open file is refused, as ssh refuses keys). The environment wins. Values
 * are never printed or logged, and are wiped before they are freed.
 */
#ifndef FP_CREDS_H
#define FP_CREDS_H

#include "footprint.h"

struct fp_creds {
	struct fp_strv	names;
	struct fp_strv	values;
};

/* path NULL: $XDG_CONFIG_HOME/footprint/credentials when it exists. */
int	 fp_creds_load(struct fp_creds *c, const char *path, struct fp_err *err);
/* The value of NAME (borrowed), or NULL. */
const char *fp_creds_get(const struct fp_creds *c, const char *name);
/* Wipe and free. */
void	 fp_creds_release(struct fp_creds *c);
/* Overwrite a secret's bytes before it is freed. */
void	 fp_wipe(void *p, size_t n);
/* A copy of s with every credential value replaced by "[redacted]". */
char	*fp_creds_redact(const struct fp_creds *c, const char *s);

#endif
