/*
 * source.h: one input path seen as a list of named files.
 *
 * A path is a .zip (or any archive libarchive reads), read in place and
 * never extracted; a directory, walked; or a single file. Names are
 * relative, with '/' separators, and a single wrapper folder (such as
 * "twitter-2023-01-02-abc/") is stripped, so that a zip and its unpacked
 * directory give the same names.
 */
#ifndef FP_SOURCE_H
#define FP_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include "footprint.h"

enum fp_source_type { FP_SOURCE_ARCHIVE, FP_SOURCE_DIR, FP_SOURCE_FILE,
	FP_SOURCE_MEMORY };

/* Largest single member read into memory. */
#define FP_SOURCE_MAX_MEMBER	((size_t)1 << 30)

struct fp_source;

int	 fp_source_open(struct fp_source **out, const char *path, struct fp_err *err);
/*
 * A source of n members held in memory (the fuzzers' and tests' way in):
 * names are copied, data[i] (len[i] bytes) is borrowed and must outlive the
 * source. label stands for the path in messages.
 */
struct fp_source *fp_source_open_memory(const char *label, const char *const *names,
	    const char *const *data, const size_t *len, size_t n);
void	 fp_source_close(struct fp_source *src);

const char *fp_source_path(const struct fp_source *src);
enum fp_source_type fp_source_type(const struct fp_source *src);
size_t	 fp_source_count(const struct fp_source *src);
const char *fp_source_name(const struct fp_source *src, size_t i);
/* Index of the member with exactly this name, or -1. */
long	 fp_source_find(const struct fp_source *src, const char *name);

/*
 * Read member i into a new NUL-terminated buffer (*data, caller frees).
 * A member larger than max, or an archive that breaks while reading,
 * fails with a message naming the member.
 */
int	 fp_source_read(struct fp_source *src, size_t i, size_t max,
	    char **data, size_t *len, struct fp_err *err);

/*
 * Member i as a stream, for files too big to hold (X's data files run to
 * gigabytes): fp_member_read gives up to n bytes, 0 at the end, or -1 with
 * err naming the damage. While a member is open, read nothing else from
 * its source (an archive is one sequential stream).
 */
struct fp_member;
int	 fp_member_open(struct fp_source *src, size_t i, struct fp_member **out,
	    struct fp_err *err);
int64_t	 fp_member_size(const struct fp_member *m);	/* declared, or -1 */
long	 fp_member_read(struct fp_member *m, char *buf, size_t n, struct fp_err *err);
void	 fp_member_close(struct fp_member *m);

/* Problems met while listing (a truncated archive): "place: message". */
const struct fp_strv *fp_source_problems(const struct fp_source *src);

#endif
