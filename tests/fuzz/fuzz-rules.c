/*
 * fuzz-rules.c: the rule loader (libyaml, the rule language, lexicons,
 * agency profiles, PCRE2 regexes) on made-up rule files, then an engine
 * built from what loaded judging a few items. The input is a bundle (see
 * fuzz.h) of rule files ("NAME.yaml"), lexicons ("lexicons/NAME.txt") and
 * agency profiles ("agencies/NAME.yaml"), laid over a copy of the shipped
 * entities, lexicons and agencies (the shipped rules themselves are left
 * out: the input brings its own); an input without "@@ " is one rule file.
 * Promises: a rule set that does not load says why; one that loads can
 * judge anything without hanging (regexes are bounded).
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "footprint.h"
#include "engine.h"
#include "item.h"
#include "profile.h"
#include "rules.h"
#include "fuzz.h"

static char tmpdir[] = "/tmp/fp-fuzz-rules.XXXXXX";
static struct fp_strv shipped_names = FP_STRV_INIT;	/* "lexicons/x.txt" */
static struct fp_strv shipped_data = FP_STRV_INIT;

static void
write_file(const char *rel, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, rel);
	FILE *f = fopen(path, "wb");

	if (f != NULL) {
		fwrite(data, 1, len, f);
		fclose(f);
	}
	free(path);
}

static void
copy_shipped(const char *src, const char *sub, const char *suffix)
{
	char *dir = sub[0] ? xasprintf("%s/%s", src, sub) : xstrdup(src);
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		char *path, *rel;
		FILE *f;
		struct fp_buf b = FP_BUF_INIT;
		char chunk[8192];
		size_t n;

		if (e->d_name[0] == '.' || !fp_has_suffix(e->d_name, suffix))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		rel = sub[0] ? xasprintf("%s/%s", sub, e->d_name) : xstrdup(e->d_name);
		if ((f = fopen(path, "rb")) != NULL) {
			fp_buf_add(&b, "", 0);
			while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
				fp_buf_add(&b, chunk, n);
			fclose(f);
			write_file(rel, b.data, b.len);
			fp_strv_add(&shipped_names, rel);
			fp_strv_take(&shipped_data, fp_buf_detach(&b));
		}
		free(rel);
		free(path);
	}
	if (d != NULL)
		closedir(d);
	free(dir);
}

static void
rm_tree(void)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	if (system(cmd) != 0)
		fprintf(stderr, "fuzz-rules: could not remove %s\n", tmpdir);
	free(cmd);
}

static int
setup(void)
{
	static int done;
	const char *src = getenv("FOOTPRINT_RULES");

	if (done)
		return done > 0;
	done = -1;
	if (src == NULL)
		src = FP_SRC_RULESDIR;
	if (mkdtemp(tmpdir) == NULL)
		return 0;
	atexit(rm_tree);
	for (const char *sub = "agencies"; sub != NULL; sub = strcmp(sub, "agencies") == 0 ?
	    "lexicons" : NULL) {
		char *d = xasprintf("%s/%s", tmpdir, sub);

		mkdir(d, 0700);
		free(d);
	}
	copy_shipped(src, "", "entities.yaml");
	copy_shipped(src, "", ".tsv");
	copy_shipped(src, "agencies", ".yaml");
	copy_shipped(src, "lexicons", ".txt");
	done = 1;
	return 1;
}

/* Only names the loader would read, and none that climbs out. */
static int
acceptable(const char *name)
{
	const char *base = name;

	if (strncmp(name, "lexicons/", 9) == 0)
		base = name + 9;
	else if (strncmp(name, "agencies/", 9) == 0)
		base = name + 9;
	if (base[0] == '\0' || base[0] == '.' || strlen(base) > 100)
		return 0;
	for (const char *p = base; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
			return 0;
	return fp_has_suffix(base, base == name ? ".yaml" : name[0] == 'l' ? ".txt" : ".yaml");
}

static int
ignore(void *ud, const struct fp_finding *f)
{
	(void)f;
	(*(int *)ud)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_bundle b;
	struct fp_ruleset rs;
	struct fp_err err;
	struct fp_strv written = FP_STRV_INIT;

	if (!setup())
		return 0;
	fuzz_bundle_parse(&b, data, size, "fuzz.yaml");
	for (size_t i = 0; i < b.n; i++)
		if (acceptable(b.names[i]) && !fp_strv_has(&written, b.names[i])) {
			write_file(b.names[i], b.data[i], b.len[i]);
			fp_strv_add(&written, b.names[i]);
		}
	if (fp_ruleset_load(&rs, tmpdir, &err) == FP_OK) {
		static const char *const texts[] = {
			"Vote for the opposition party! #Election2024 @UNHCR",
			"Just landed in Kabul, staying at the Serena hotel until Friday",
			"Le gouvernement doit démissionner", "الحكومة يجب أن تستقيل",
			"", NULL
		};
		struct fp_profile profile = FP_PROFILE_INIT;
		struct fp_engine *eng;
		int found = 0;

		profile.agency = xstrdup("UNHCR");
		profile.name = xstrdup("Lina Haddad");
		if (fp_engine_new(&eng, &rs, &profile, &err) == FP_OK) {
			for (size_t t = 0; texts[t] != NULL; t++)
				for (int k = 0; k < FP_KIND__COUNT; k++) {
					struct fp_item item;

					fp_item_init(&item);
					item.platform = "x";
					item.account = xstrdup("LinaAtUNHCR");
					item.kind = (enum fp_kind)k;
					item.text = xstrdup(texts[t]);
					fp_engine_judge(eng, &item, ignore, &found);
					fp_item_release(&item);
				}
			fp_engine_free(eng);
		} else
			FUZZ_ASSERT(err.msg[0] != '\0');
		fp_profile_release(&profile);
		fp_ruleset_release(&rs);
	} else
		FUZZ_ASSERT(err.msg[0] != '\0');

	/* put the shipped files back, remove the others */
	for (size_t i = 0; i < written.n; i++) {
		size_t j;

		for (j = 0; j < shipped_names.n; j++)
			if (strcmp(shipped_names.v[j], written.v[i]) == 0)
				break;
		if (j < shipped_names.n)
			write_file(written.v[i], shipped_data.v[j], strlen(shipped_data.v[j]));
		else {
			char *path = xasprintf("%s/%s", tmpdir, written.v[i]);

			unlink(path);
			free(path);
		}
	}
	fp_strv_release(&written);
	fuzz_bundle_release(&b);
	return 0;
}
