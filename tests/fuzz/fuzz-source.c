/*
 * fuzz-source.c: archives as libarchive and src/source.c read them in
 * place: the input is written to a file and opened as a source (zip, tar,
 * gzip, bzip2, xz, by their magic bytes), listed, every member read with a
 * 1 MiB cap (a small bomb cannot grow past it), and the connectors bid.
 * Promises: no member name climbs out of the archive; a member read is
 * within the cap; a listing problem says where.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "footprint.h"
#include "connector.h"
#include "source.h"
#include "fuzz.h"

#define CAP	((size_t)1 << 20)

static char tmpdir[] = "/tmp/fp-fuzz-source.XXXXXX";
static char *path;

static void
cleanup(void)
{
	if (path != NULL)
		unlink(path);
	rmdir(tmpdir);
	free(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fp_source *src;
	struct fp_err err;
	FILE *f;

	if (path == NULL) {
		if (mkdtemp(tmpdir) == NULL)
			return 0;
		path = xasprintf("%s/export.zip", tmpdir);
		atexit(cleanup);
	}
	if ((f = fopen(path, "wb")) == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	if (fp_source_open(&src, path, &err) != FP_OK) {
		FUZZ_ASSERT(err.msg[0] != '\0');
		return 0;
	}
	for (size_t i = 0; i < fp_source_count(src); i++) {
		const char *name = fp_source_name(src, i);
		char *buf;
		size_t len;

		FUZZ_ASSERT(name != NULL && name[0] != '/');
		FUZZ_ASSERT(strcmp(name, "..") != 0 && strncmp(name, "../", 3) != 0 &&
		    strstr(name, "/../") == NULL);
		if (fp_source_read(src, i, CAP, &buf, &len, &err) == FP_OK) {
			FUZZ_ASSERT(len <= CAP && buf[len] == '\0');
			free(buf);
		} else
			FUZZ_ASSERT(err.msg[0] != '\0');
	}
	for (size_t i = 0; i < fp_source_problems(src)->n; i++)
		FUZZ_ASSERT(fp_source_problems(src)->v[i][0] != '\0');
	for (size_t i = 0; fp_connectors[i] != NULL; i++)
		fp_connectors[i]->bid(src);
	fp_source_close(src);
	return 0;
}
