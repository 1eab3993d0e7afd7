/*
 * source.c: one input path as a list of named members (see source.h).
 *
 * Archives are read in place with libarchive: listing walks the headers
 * once; reading a member goes on from the last one read when it comes
 * later in the archive (connectors mostly read in archive order, so an
 * export of thousands of parts is one pass), and re-opens the archive when
 * it comes earlier. Nothing is extracted to disk: a member whose name
 * climbs out of the archive ("../", "/") is refused all the same, as a
 * sign of a made-up archive. Directories are walked without following
 * symbolic links out of the tree.
 *
 * An archive member being read is decompressed a few chunks ahead of its
 * reader, on a thread of its own when there is a second core (inflating is
 * a tenth of reading a big export, on the thread that is its slowest).
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "footprint.h"
#include "source.h"
#include "workq.h"

/* Members listed, at most; past that only data files (by their names),
 * up to MAX_DATA_PAST more, so that an export whose million photos come
 * before its data is still audited. */
#define MAX_MEMBERS	1000000
#define MAX_DATA_PAST	100000
#define MAX_DEPTH	32

struct fp_member;
static void ahead_detach(struct fp_member *m);

struct fp_source {
	char			*path;
	enum fp_source_type	 type;
	struct fp_strv		 names;		/* wrapper stripped */
	struct fp_strv		 raw;		/* as in the archive or on disk */
	size_t			*ord;		/* raw[i] is regular file number ord[i] */
	struct fp_strv		 problems;
	size_t			 unlisted;	/* members past the cap, not listed */
	struct archive		*cur;		/* open for reading, or NULL */
	size_t			 cur_next;	/* number of the next regular file in cur */
	const char *const	*mem_data;	/* FP_SOURCE_MEMORY: borrowed */
	const size_t		*mem_len;
	struct fp_member	*ahead;		/* the member reading cur ahead */
};

/* A name that climbs out of the archive: absolute, or a ".." part. */
static int
climbs_out(const char *name)
{
	const char *p = name;

	if (name[0] == '/' || name[0] == '\\')
		return 1;
	while (*p != '\0') {
		size_t n = strcspn(p, "/\\");

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += n;
		if (*p != '\0')
			p++;
	}
	return 0;
}

struct member {
	char	*name;
	size_t	 ord;
};

static int
cmp_members(const void *a, const void *b)
{
	return strcmp(((const struct member *)a)->name, ((const struct member *)b)->name);
}

/* Sort the members by name, each keeping its place in the archive. */
static void
sort_members(struct fp_source *src)
{
	struct member *m = xreallocarray(NULL, src->raw.n ? src->raw.n : 1, sizeof *m);

	for (size_t i = 0; i < src->raw.n; i++) {
		m[i].name = src->raw.v[i];
		m[i].ord = src->ord[i];
	}
	qsort(m, src->raw.n, sizeof *m, cmp_members);
	for (size_t i = 0; i < src->raw.n; i++) {
		src->raw.v[i] = m[i].name;
		src->ord[i] = m[i].ord;
	}
	free(m);
}

static struct archive *
archive_open(const char *path)
{
	struct archive *a = archive_read_new();

	archive_read_support_format_zip(a);
	archive_read_support_format_tar(a);
	archive_read_support_format_gnutar(a);
	archive_read_support_filter_gzip(a);
	archive_read_support_filter_bzip2(a);
	archive_read_support_filter_xz(a);
	if (archive_read_open_filename(a, path, 65536) != ARCHIVE_OK) {
		archive_read_free(a);
		return NULL;
	}
	return a;
}

/* Is path an archive libarchive can read? Checks the magic bytes. */
static int
looks_like_archive(const char *path)
{
	unsigned char m[264];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return 0;
	n = read(fd, m, sizeof m);
	close(fd);
	if (n >= 4 && m[0] == 'P' && m[1] == 'K' && (m[2] == 3 || m[2] == 5 || m[2] == 7))
		return 1;
	if (n >= 2 && m[0] == 0x1f && m[1] == 0x8b)	/* gzip (tar.gz) */
		return 1;
	if (n >= 3 && memcmp(m, "BZh", 3) == 0)
		return 1;
	if (n >= 6 && memcmp(m, "\xfd" "7zXZ", 5) == 0)
		return 1;
	if (n >= 262 && memcmp(m + 257, "ustar", 5) == 0)
		return 1;
	return 0;
}

/* A name the readers may want: a data file, not a photo or a video. */
static int
is_data_name(const char *name)
{
	static const char *const data[] = { "js", "json", "csv", "txt", "html", "htm",
	    "car", NULL };
	const char *base = strrchr(name, '/'), *dot;

	dot = strrchr(base != NULL ? base : name, '.');
	for (size_t i = 0; dot != NULL && data[i] != NULL; i++)
		if (strcasecmp(dot + 1, data[i]) == 0)
			return 1;
	return 0;
}

/* Is there room in the listing for name? Past the cap, for data only. */
static int
room_for(struct fp_source *src, const char *name)
{
	if (src->raw.n < MAX_MEMBERS ||
	    (src->raw.n < MAX_MEMBERS + MAX_DATA_PAST && is_data_name(name)))
		return 1;
	src->unlisted++;
	return 0;
}

/* After the listing: how many members the cap left out. */
static void
note_unlisted(struct fp_source *src)
{
	if (src->unlisted > 0)
		fp_strv_take(&src->problems, xasprintf("'%s': more than %d members; %zu"
		    " others%s were not read", src->path, MAX_MEMBERS, src->unlisted,
		    src->raw.n < MAX_MEMBERS + MAX_DATA_PAST ? " (photos, videos and other"
		    " files that are not data)" : ""));
}

static int
list_archive(struct fp_source *src, struct fp_err *err)
{
	struct archive *a = archive_open(src->path);
	struct archive_entry *e;
	int r;

	if (a == NULL) {
		fp_err_set(err, FP_FATAL, "'%s': cannot open archive", src->path);
		return FP_FATAL;
	}
	size_t ordinal = 0, climbing = 0;

	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK ||
	    r == ARCHIVE_WARN) {
		const char *name = archive_entry_pathname(e);

		if (name == NULL || archive_entry_filetype(e) != AE_IFREG)
			continue;
		ordinal++;
		if (climbs_out(name)) {
			if (climbing++ < 3)
				fp_strv_take(&src->problems, xasprintf("'%s': a member"
				    " named outside the archive; not read", name));
			continue;
		}
		if (!room_for(src, name))
			continue;
		if ((src->raw.n & (src->raw.n - 1)) == 0)
			src->ord = xreallocarray(src->ord, src->raw.n ? src->raw.n * 2 : 1,
			    sizeof *src->ord);
		src->ord[src->raw.n] = ordinal - 1;
		fp_strv_add(&src->raw, name);
	}
	if (climbing > 3)
		fp_strv_take(&src->problems, xasprintf("%zu members named outside the"
		    " archive in all; none was read", climbing));
	note_unlisted(src);
	if (r != ARCHIVE_EOF && r != ARCHIVE_OK && r != ARCHIVE_WARN) {
		const char *why = archive_error_string(a);

		if (src->raw.n == 0) {
			fp_err_set(err, FP_FATAL, "'%s': not a readable archive: %s",
			    src->path, why ? why : "unknown error");
			archive_read_free(a);
			return FP_FATAL;
		}
		fp_strv_take(&src->problems, xasprintf("the archive is damaged in or"
		    " after member %zu ('%s'): %s; any later members are missing",
		    src->raw.n, src->raw.v[src->raw.n - 1], why ? why : "unknown error"));
	}
	archive_read_free(a);
	return FP_OK;
}

static void
walk_dir(struct fp_source *src, const char *rel, int depth)
{
	char *full = rel[0] ? xasprintf("%s/%s", src->path, rel) : xstrdup(src->path);
	struct dirent **list = NULL;
	int n;

	if (depth > MAX_DEPTH) {
		fp_strv_take(&src->problems, xasprintf("'%s': folders nested too deep;"
		    " not read", rel));
		free(full);
		return;
	}
	n = scandir(full, &list, NULL, alphasort);
	if (n < 0) {
		fp_strv_take(&src->problems, xasprintf("'%s': cannot read folder: %s",
		    rel[0] ? rel : src->path, strerror(errno)));
		free(full);
		return;
	}
	for (int i = 0; i < n; i++) {
		const char *name = list[i]->d_name;
		char *child, *childfull;
		struct stat st;

		if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
			free(list[i]);
			continue;
		}
		child = rel[0] ? xasprintf("%s/%s", rel, name) : xstrdup(name);
		childfull = xasprintf("%s/%s", full, name);
		if (lstat(childfull, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				walk_dir(src, child, depth + 1);
			else if (S_ISREG(st.st_mode) && room_for(src, child))
				fp_strv_add(&src->raw, child);
		}
		free(childfull);
		free(child);
		free(list[i]);
	}
	free(list);
	free(full);
}

/* Strip "./" and one wrapper folder common to every member. */
static void
make_names(struct fp_source *src)
{
	const char *first;
	size_t wrap = 0;

	/* The names without empty or "." parts ("./a" in tars, "a//b" in
	 * made-up zips); the raw names stay as stored, since reading a member
	 * looks it up by its stored name. */
	struct fp_strv clean = FP_STRV_INIT;

	for (size_t i = 0; i < src->raw.n; i++) {
		const char *r = src->raw.v[i];
		struct fp_buf b = FP_BUF_INIT;

		fp_buf_add(&b, "", 0);
		while (*r != '\0') {
			size_t n = strcspn(r, "/");

			if (n > 0 && !(n == 1 && r[0] == '.')) {
				if (b.len > 0)
					fp_buf_addc(&b, '/');
				fp_buf_add(&b, r, n);
			}
			r += n;
			if (*r == '/')
				r++;
		}
		fp_strv_take(&clean, fp_buf_detach(&b));
	}
	if (clean.n > 0 && src->type != FP_SOURCE_FILE) {
		const char *slash;

		first = clean.v[0];
		if ((slash = strchr(first, '/')) != NULL) {
			wrap = (size_t)(slash - first) + 1;
			for (size_t i = 1; i < clean.n; i++)
				if (strncmp(clean.v[i], first, wrap) != 0) {
					wrap = 0;
					break;
				}
			/* "data/" is a real folder of the export, not a wrapper. */
			if (wrap == 5 && strncmp(first, "data/", 5) == 0)
				wrap = 0;
		}
	}
	for (size_t i = 0; i < clean.n; i++)
		fp_strv_add(&src->names, clean.v[i] + wrap);
	fp_strv_release(&clean);
}

int
fp_source_open(struct fp_source **out, const char *path, struct fp_err *err)
{
	struct fp_source *src;
	struct stat st;

	*out = NULL;
	if (stat(path, &st) != 0) {
		fp_err_set(err, FP_FATAL, "'%s': %s", path, strerror(errno));
		return FP_FATAL;
	}
	src = xcalloc(1, sizeof *src);
	src->path = xstrdup(path);
	while (strlen(src->path) > 1 && fp_has_suffix(src->path, "/"))
		src->path[strlen(src->path) - 1] = '\0';
	if (S_ISDIR(st.st_mode)) {
		src->type = FP_SOURCE_DIR;
		walk_dir(src, "", 0);
		note_unlisted(src);
	} else if (S_ISREG(st.st_mode) && looks_like_archive(path)) {
		src->type = FP_SOURCE_ARCHIVE;
		if (list_archive(src, err) != FP_OK) {
			fp_source_close(src);
			return FP_FATAL;
		}
		sort_members(src);
	} else if (S_ISREG(st.st_mode)) {
		src->type = FP_SOURCE_FILE;
		fp_strv_add(&src->raw, fp_basename(src->path));
	} else {
		fp_err_set(err, FP_FATAL, "'%s': not a file, folder or archive", path);
		fp_source_close(src);
		return FP_FATAL;
	}
	make_names(src);
	*out = src;
	return FP_OK;
}

struct fp_source *
fp_source_open_memory(const char *label, const char *const *names,
    const char *const *data, const size_t *len, size_t n)
{
	struct fp_source *src = xcalloc(1, sizeof *src);

	src->path = xstrdup(label);
	src->type = FP_SOURCE_MEMORY;
	for (size_t i = 0; i < n; i++)
		fp_strv_add(&src->raw, names[i]);
	src->mem_data = data;
	src->mem_len = len;
	make_names(src);
	return src;
}

void
fp_source_close(struct fp_source *src)
{
	if (src == NULL)
		return;
	if (src->ahead != NULL)		/* a member left open: it reads no more */
		ahead_detach(src->ahead);
	if (src->cur != NULL)
		archive_read_free(src->cur);
	free(src->ord);
	free(src->path);
	fp_strv_release(&src->names);
	fp_strv_release(&src->raw);
	fp_strv_release(&src->problems);
	free(src);
}

const char *
fp_source_path(const struct fp_source *src)
{
	return src->path;
}

enum fp_source_type
fp_source_type(const struct fp_source *src)
{
	return src->type;
}

size_t
fp_source_count(const struct fp_source *src)
{
	return src->names.n;
}

const char *
fp_source_name(const struct fp_source *src, size_t i)
{
	return i < src->names.n ? src->names.v[i] : NULL;
}

long
fp_source_find(const struct fp_source *src, const char *name)
{
	for (size_t i = 0; i < src->names.n; i++)
		if (strcmp(src->names.v[i], name) == 0)
			return (long)i;
	return -1;
}

const struct fp_strv *
fp_source_problems(const struct fp_source *src)
{
	return &src->problems;
}

#define AHEAD_CHUNK	((size_t)256 << 10)
#define AHEAD_DEPTH	4		/* chunks in flight: a MiB */

struct ahead_chunk {
	char		*data;		/* AHEAD_CHUNK bytes */
	long		 n;		/* bytes read; 0 at the end; -1 failed */
	struct fp_err	 err;
};

struct fp_member {
	struct fp_source	*src;
	size_t			 index;
	int			 fd;		/* folder or file: open, else -1 */
	size_t			 mem_off;	/* memory: bytes handed out */
	int64_t			 size;		/* declared size, or -1 */
	/* archive, read ahead: */
	struct fp_workq		*ahead;		/* one worker: chunks in order */
	struct ahead_chunk	 chunks[AHEAD_DEPTH];
	struct ahead_chunk	*chunk;		/* being handed out, or NULL */
	size_t			 chunk_off;
	int			 ahead_end;	/* the worker's: end or damage met */
	int			 detached;	/* another member took the archive */
};

static long archive_member_read(struct fp_source *src, char *buf, size_t n,
	    struct fp_err *err);

/* The worker: the next chunk of the member, after the ones before it. */
static void
read_ahead(void *ctx, int worker, void *task)
{
	struct fp_member *m = ctx;
	struct ahead_chunk *c = task;

	(void)worker;
	fp_err_clear(&c->err);
	if (m->ahead_end) {
		c->n = 0;
		return;
	}
	c->n = archive_member_read(m->src, c->data, AHEAD_CHUNK, &c->err);
	if (c->n <= 0)
		m->ahead_end = 1;
}

static void
ahead_start(struct fp_member *m)
{
	if (fp_jobs() < 2)
		return;
	m->ahead = fp_workq_new(1, AHEAD_DEPTH, read_ahead, m);
	for (int i = 0; i < AHEAD_DEPTH; i++) {
		m->chunks[i].data = xmalloc(AHEAD_CHUNK);
		fp_workq_submit(m->ahead, &m->chunks[i]);
	}
	m->src->ahead = m;
}

/* Wait for the chunks in flight and stop the worker: the archive handle
 * is the caller's again. */
static void
ahead_stop(struct fp_member *m)
{
	if (m->ahead == NULL)
		return;
	while (fp_workq_collect(m->ahead) != NULL)
		;
	fp_workq_free(m->ahead);
	m->ahead = NULL;
	m->chunk = NULL;
	for (int i = 0; i < AHEAD_DEPTH; i++) {
		free(m->chunks[i].data);
		m->chunks[i].data = NULL;
	}
	if (m->src->ahead == m)
		m->src->ahead = NULL;
}

static void
ahead_detach(struct fp_member *m)
{
	m->detached = 1;
	ahead_stop(m);
}

static long
ahead_read(struct fp_member *m, char *buf, size_t n, struct fp_err *err)
{
	for (;;) {
		struct ahead_chunk *c;

		if (m->chunk == NULL) {
			m->chunk = fp_workq_collect(m->ahead);
			m->chunk_off = 0;
		}
		c = m->chunk;
		if (c->n < 0) {		/* kept: asked again, the same answer */
			*err = c->err;
			return -1;
		}
		if (c->n == 0)
			return 0;
		if (m->chunk_off < (size_t)c->n) {
			size_t k = (size_t)c->n - m->chunk_off;

			if (k > n)
				k = n;
			memcpy(buf, c->data + m->chunk_off, k);
			m->chunk_off += k;
			return (long)k;
		}
		m->chunk = NULL;	/* handed out: read further into it */
		fp_workq_submit(m->ahead, c);
	}
}

int
fp_member_open(struct fp_source *src, size_t i, struct fp_member **out,
    struct fp_err *err)
{
	struct fp_member *m;

	*out = NULL;
	if (i >= src->raw.n) {
		fp_err_set(err, FP_FAILED, "no such member");
		return FP_FAILED;
	}
	if (src->ahead != NULL)		/* against source.h's advice: */
		ahead_detach(src->ahead);	/* that member reads no more */
	m = xcalloc(1, sizeof *m);
	m->src = src;
	m->index = i;
	m->fd = -1;
	m->size = -1;
	if (src->type == FP_SOURCE_ARCHIVE) {
		struct archive_entry *e;
		int r;

		/* go on from the member read last, or start again */
		if (src->cur != NULL && src->ord[i] < src->cur_next) {
			archive_read_free(src->cur);
			src->cur = NULL;
		}
		if (src->cur == NULL) {
			if ((src->cur = archive_open(src->path)) == NULL) {
				fp_err_set(err, FP_FAILED, "cannot reopen the archive");
				goto fail;
			}
			src->cur_next = 0;
		}
		while ((r = archive_read_next_header(src->cur, &e)) == ARCHIVE_OK ||
		    r == ARCHIVE_WARN) {
			const char *name = archive_entry_pathname(e);

			if (name == NULL || archive_entry_filetype(e) != AE_IFREG)
				continue;
			if (src->cur_next++ != src->ord[i])
				continue;
			if (strcmp(name, src->raw.v[i]) != 0)
				break;
			if (archive_entry_size_is_set(e))
				m->size = archive_entry_size(e);
			ahead_start(m);
			*out = m;
			return FP_OK;
		}
		fp_err_set(err, FP_FAILED, "could not be found again in the archive");
		/* the handle is in an unknown state: start again next time */
		archive_read_free(src->cur);
		src->cur = NULL;
		goto fail;
	} else if (src->type == FP_SOURCE_MEMORY) {
		m->size = (int64_t)src->mem_len[i];
	} else {
		char *full = src->type == FP_SOURCE_DIR ?
		    xasprintf("%s/%s", src->path, src->raw.v[i]) : xstrdup(src->path);
		struct stat sb;

		m->fd = open(full, O_RDONLY | O_NOFOLLOW);
		free(full);
		if (m->fd < 0) {
			fp_err_set(err, FP_FAILED, "cannot open: %s", strerror(errno));
			goto fail;
		}
		if (fstat(m->fd, &sb) == 0 && S_ISREG(sb.st_mode))
			m->size = (int64_t)sb.st_size;
	}
	*out = m;
	return FP_OK;
fail:
	free(m);
	return FP_FAILED;
}

int64_t
fp_member_size(const struct fp_member *m)
{
	return m->size;
}

/* From the archive's current member: its next bytes, 0 at its end. */
static long
archive_member_read(struct fp_source *src, char *buf, size_t n, struct fp_err *err)
{
	la_ssize_t r;

	if (src->cur == NULL) {
		fp_err_set(err, FP_FAILED, "the archive was read elsewhere");
		return -1;
	}
	if ((r = archive_read_data(src->cur, buf, n)) < 0) {
		const char *why = archive_error_string(src->cur);

		fp_err_set(err, FP_FAILED, "damaged in the archive: %s",
		    why ? why : "read error");
		/* the handle is in an unknown state: start again next time */
		archive_read_free(src->cur);
		src->cur = NULL;
		return -1;
	}
	return (long)r;
}

long
fp_member_read(struct fp_member *m, char *buf, size_t n, struct fp_err *err)
{
	struct fp_source *src = m->src;

	if (n > LONG_MAX)
		n = LONG_MAX;
	if (src->type == FP_SOURCE_ARCHIVE) {
		if (m->detached) {
			fp_err_set(err, FP_FAILED, "the archive was read elsewhere");
			return -1;
		}
		if (m->ahead != NULL)
			return ahead_read(m, buf, n, err);
		return archive_member_read(src, buf, n, err);
	}
	if (src->type == FP_SOURCE_MEMORY) {
		size_t left = src->mem_len[m->index] - m->mem_off;

		if (n > left)
			n = left;
		memcpy(buf, src->mem_data[m->index] + m->mem_off, n);
		m->mem_off += n;
		return (long)n;
	}
	for (;;) {
		ssize_t r = read(m->fd, buf, n);

		if (r >= 0)
			return (long)r;
		if (errno != EINTR) {
			fp_err_set(err, FP_FAILED, "read error: %s", strerror(errno));
			return -1;
		}
	}
}

void
fp_member_close(struct fp_member *m)
{
	if (m == NULL)
		return;
	ahead_stop(m);
	if (m->fd >= 0)
		close(m->fd);
	free(m);
}

int
fp_source_read(struct fp_source *src, size_t i, size_t max, char **data,
    size_t *len, struct fp_err *err)
{
	struct fp_buf b = FP_BUF_INIT;
	struct fp_member *m;
	char chunk[65536];
	long n;
	int rc = FP_FAILED;

	*data = NULL;
	*len = 0;
	if (fp_member_open(src, i, &m, err) != FP_OK)
		return FP_FAILED;
	if (src->type == FP_SOURCE_ARCHIVE && m->size >= 0 && (uint64_t)m->size > max) {
		fp_err_set(err, FP_FAILED, "%jd bytes, larger than the %zu MiB limit;"
		    " not read", (intmax_t)m->size, max >> 20);
		goto out;
	}
	fp_buf_add(&b, "", 0);
	while ((n = fp_member_read(m, chunk, sizeof chunk, err)) > 0) {
		if (b.len + (size_t)n > max) {
			if (src->type == FP_SOURCE_ARCHIVE || src->type == FP_SOURCE_MEMORY)
				fp_err_set(err, FP_FAILED, "larger than the %zu MiB limit;"
				    " not read", max >> 20);
			else
				fp_err_set(err, FP_FAILED, "larger than %zu MiB; not read",
				    max >> 20);
			goto out;
		}
		fp_buf_add(&b, chunk, (size_t)n);
	}
	if (n == 0)
		rc = FP_OK;
out:
	fp_member_close(m);
	if (rc == FP_OK) {
		*len = b.len;
		*data = fp_buf_detach(&b);
	} else
		fp_buf_release(&b);
	return rc;
}
