/*
 * mkzip.c: test helper: pack a folder into a zip with libarchive, so the
 * archive tests run on zips built from the same fixture folders.
 *
 *   mkzip OUT.zip DIR [WRAPPER]
 *
 * With WRAPPER, members are stored under "WRAPPER/", as real exports do.
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
add(struct archive *a, const char *root, const char *rel, const char *wrapper)
{
	char path[4096], name[4096];
	struct dirent **list;
	struct stat st;
	int n;

	snprintf(path, sizeof path, "%s%s%s", root, rel[0] ? "/" : "", rel);
	if (lstat(path, &st) != 0)
		return -1;
	if (S_ISDIR(st.st_mode)) {
		if ((n = scandir(path, &list, NULL, alphasort)) < 0)
			return -1;
		for (int i = 0; i < n; i++) {
			char child[4096];

			if (list[i]->d_name[0] != '.' || (strcmp(list[i]->d_name, ".") != 0 &&
			    strcmp(list[i]->d_name, "..") != 0)) {
				snprintf(child, sizeof child, "%s%s%s", rel, rel[0] ? "/" : "",
				    list[i]->d_name);
				if (add(a, root, child, wrapper) != 0)
					return -1;
			}
			free(list[i]);
		}
		free(list);
		return 0;
	}
	if (!S_ISREG(st.st_mode))
		return 0;
	{
		struct archive_entry *e = archive_entry_new();
		char buf[65536];
		ssize_t r;
		int fd = open(path, O_RDONLY);

		if (fd < 0)
			return -1;
		snprintf(name, sizeof name, "%s%s%s", wrapper ? wrapper : "",
		    wrapper ? "/" : "", rel);
		archive_entry_set_pathname(e, name);
		archive_entry_set_size(e, st.st_size);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_mtime(e, 1700000000, 0);
		if (archive_write_header(a, e) != ARCHIVE_OK) {
			close(fd);
			return -1;
		}
		while ((r = read(fd, buf, sizeof buf)) > 0)
			archive_write_data(a, buf, (size_t)r);
		close(fd);
		archive_entry_free(e);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct archive *a;
	int rc;

	if (argc < 3) {
		fprintf(stderr, "usage: mkzip OUT.zip DIR [WRAPPER]\n");
		return 2;
	}
	a = archive_write_new();
	archive_write_set_format_zip(a);
	if (archive_write_open_filename(a, argv[1]) != ARCHIVE_OK) {
		fprintf(stderr, "mkzip: %s\n", archive_error_string(a));
		return 1;
	}
	rc = add(a, argv[2], "", argc > 3 ? argv[3] : NULL);
	archive_write_close(a);
	archive_write_free(a);
	if (rc != 0) {
		fprintf(stderr, "mkzip: cannot read %s\n", argv[2]);
		return 1;
	}
	return 0;
}
