/*
 * creds.c: API credentials (see creds.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "footprint.h"
#include "creds.h"

static const char *const known[] = {
	"FOOTPRINT_X_CONSUMER_KEY", "FOOTPRINT_X_CONSUMER_SECRET",
	"FOOTPRINT_X_ACCESS_TOKEN", "FOOTPRINT_X_ACCESS_SECRET",
	"FOOTPRINT_MASTODON_URL", "FOOTPRINT_MASTODON_TOKEN",
	"FOOTPRINT_BLUESKY_HANDLE", "FOOTPRINT_BLUESKY_APP_PASSWORD",
	"FOOTPRINT_REDDIT_CLIENT_ID", "FOOTPRINT_REDDIT_CLIENT_SECRET",
	"FOOTPRINT_REDDIT_USERNAME", "FOOTPRINT_REDDIT_PASSWORD", NULL
};

/* Which values are secret (the rest, URLs and names, are not). */
static int
secret(const char *name)
{
	return strstr(name, "SECRET") != NULL || strstr(name, "TOKEN") != NULL ||
	    strstr(name, "PASSWORD") != NULL || strstr(name, "CONSUMER_KEY") != NULL ||
	    strstr(name, "CLIENT_ID") != NULL;
}

void
fp_wipe(void *p, size_t n)
{
	volatile unsigned char *v = p;

	while (n-- > 0)
		*v++ = 0;
}

static void
set(struct fp_creds *c, const char *name, const char *value)
{
	for (size_t i = 0; i < c->names.n; i++)
		if (strcmp(c->names.v[i], name) == 0) {
			fp_wipe(c->values.v[i], strlen(c->values.v[i]));
			free(c->values.v[i]);
			c->values.v[i] = xstrdup(value);
			return;
		}
	fp_strv_add(&c->names, name);
	fp_strv_add(&c->values, value);
}

int
fp_creds_load(struct fp_creds *c, const char *path, struct fp_err *err)
{
	char *def = NULL;
	int fd = -1, rc = FP_FATAL;
	struct stat st;
	struct fp_buf b = FP_BUF_INIT;

	memset(c, 0, sizeof *c);
	if (path == NULL) {
		const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

		if (xdg != NULL && xdg[0] == '/')
			def = xasprintf("%s/footprint/credentials", xdg);
		else if (home != NULL && home[0] != '\0')
			def = xasprintf("%s/.config/footprint/credentials", home);
		if (def != NULL && access(def, F_OK) == 0)
			path = def;
	}
	if (path != NULL) {
		char chunk[4096];
		ssize_t n;

		if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
			fp_err_set(err, FP_FATAL, "credentials '%s': %s", path, strerror(errno));
			goto out;
		}
		if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
			fp_err_set(err, FP_FATAL, "credentials '%s': not a file", path);
			goto out;
		}
		if ((st.st_mode & 077) != 0 || st.st_uid != getuid()) {
			fp_err_set(err, FP_FATAL, "credentials '%s': mode %03o is too open (or"
			    " the file is not yours): others could read your tokens. Run"
			    " 'chmod 600 %s'", path, (unsigned)(st.st_mode & 0777), path);
			goto out;
		}
		while ((n = read(fd, chunk, sizeof chunk)) > 0)
			fp_buf_add(&b, chunk, (size_t)n);
		fp_wipe(chunk, sizeof chunk);
		for (char *line = b.data, *next; line != NULL && *line != '\0'; line = next) {
			char *eq, *end;

			next = strchr(line, '\n');
			if (next != NULL)
				*next++ = '\0';
			while (*line == ' ' || *line == '\t')
				line++;
			if (*line == '#' || *line == '\0')
				continue;
			if ((eq = strchr(line, '=')) == NULL)
				continue;
			*eq = '\0';
			for (end = eq; end > line && (end[-1] == ' ' || end[-1] == '\t'); end--)
				end[-1] = '\0';
			eq++;
			while (*eq == ' ' || *eq == '\t')
				eq++;
			end = eq + strlen(eq);
			while (end > eq && (end[-1] == '\r' || end[-1] == ' '))
				*--end = '\0';
			set(c, line, eq);
		}
	}
	/* the environment wins */
	for (size_t i = 0; known[i] != NULL; i++) {
		const char *v = getenv(known[i]);

		if (v != NULL && v[0] != '\0')
			set(c, known[i], v);
	}
	rc = FP_OK;
out:
	if (fd >= 0)
		close(fd);
	if (b.data != NULL)
		fp_wipe(b.data, b.cap);
	fp_buf_release(&b);
	free(def);
	if (rc != FP_OK)
		fp_creds_release(c);
	return rc;
}

const char *
fp_creds_get(const struct fp_creds *c, const char *name)
{
	for (size_t i = 0; i < c->names.n; i++)
		if (strcmp(c->names.v[i], name) == 0)
			return c->values.v[i];
	return NULL;
}

void
fp_creds_release(struct fp_creds *c)
{
	for (size_t i = 0; i < c->values.n; i++)
		fp_wipe(c->values.v[i], strlen(c->values.v[i]));
	fp_strv_release(&c->names);
	fp_strv_release(&c->values);
}

char *
fp_creds_redact(const struct fp_creds *c, const char *s)
{
	char *out = xstrdup(s != NULL ? s : "");

	for (size_t i = 0; i < c->names.n; i++) {
		const char *v = c->values.v[i];
		size_t vl = strlen(v);
		char *hit;

		if (!secret(c->names.v[i]) || vl < 4)
			continue;
		while ((hit = strstr(out, v)) != NULL) {
			char *n = xasprintf("%.*s[redacted]%s", (int)(hit - out), out, hit + vl);

			fp_wipe(out, strlen(out));
			free(out);
			out = n;
		}
	}
	return out;
}
