/*
 * conn-util.h: what the connectors of connectors/ share.
 *
 * Most exports are a set of files, each of which yields items. A connector
 * lists its files with a handler each (fp_batch_add, in the order they must
 * be read: the profile first, so that the account is known); fp_batch_next
 * then reads one file at a time, calls its handler, and hands out the items
 * it queued, so that only one file's items are in memory at once.
 *
 * The files that grow with the account (posts, comments, likes) are lists:
 * those are added with fp_batch_add_list (JSON) or fp_batch_add_csv and
 * read one element or row at a time as they are decompressed, so that only
 * one element is in memory at once however big the file (see
 * fp_json_stream and fp_csv_init_reader).
 */
#ifndef FP_CONN_UTIL_H
#define FP_CONN_UTIL_H

#include <jansson.h>
#include "footprint.h"
#include "connector.h"
#include "csv.h"
#include "jsfile.h"
#include "source.h"

/* Items made but not yet handed out. */
struct fp_itemq {
	struct fp_item	*v;
	size_t		 n, pos, cap;
};

/* A new item on q, with platform, the connector's account, kind, source. */
struct fp_item *fp_itemq_push(struct fp_itemq *q, struct fp_conn *conn,
	    const char *platform, enum fp_kind kind, const char *file, long index);
/* An account field (bio, email...): pushed only when value is not empty. */
void	fp_itemq_field(struct fp_itemq *q, struct fp_conn *conn, const char *platform,
	    enum fp_kind kind, const char *value, const char *url, const char *file);
void	fp_itemq_release(struct fp_itemq *q);

struct fp_batch;
/* Read one file: data is NUL-terminated; queue items on q. */
typedef void (*fp_file_fn)(struct fp_conn *conn, const char *name, char *data,
	    size_t len, struct fp_itemq *q);

/* Read one element of a list (index: its place in the file's lists). */
typedef void (*fp_elem_fn)(struct fp_conn *conn, const char *name, json_t *e,
	    long index, struct fp_itemq *q);

/* How to read a file that is a list, or an object holding lists. */
struct fp_list_reader {
	const char *const *keys;	/* the object's members that are the lists;
					 * NULL: the file is a bare list */
	int		 meta;		/* undo Meta's mojibake in each element */
	fp_elem_fn	 each;
	const fp_elem_fn *each_key;	/* or, when set, each_key[k] for the
					 * elements that keys[k] led to */
	fp_file_fn	 whole;		/* when the file is neither: read it whole */
	const char	*missing;	/* warning when no list is found, or NULL */
	int		 quiet;		/* no warnings: a first pass over a file
					 * that another reader reads again */
};

/* Read one row of a CSV file (csv->rows counts them from 1): 0 to go on,
 * -1 to skip the rest of the file. */
typedef int (*fp_row_fn)(struct fp_conn *conn, const char *name, const struct fp_csv *csv,
	    int kind, struct fp_itemq *q);

/* How to read a CSV file row by row. */
struct fp_csv_reader {
	const char	*must_have;	/* the header is the first row with this
					 * column (a preamble skipped); NULL: row 1 */
	int		 flags;		/* FP_CSV_BACKSLASH */
	int		 kind;		/* handed to row: an fp_kind */
	fp_row_fn	 row;
};

struct fp_batch {
	struct fp_batch_file {
		size_t		member;
		fp_file_fn	fn;
		const struct fp_list_reader *list;	/* or NULL */
		const struct fp_csv_reader *csv;	/* or NULL */
		int		order;
	}		*files;
	size_t		 nfiles, cur;
	struct fp_itemq	 q;
	/* the list being streamed */
	struct fp_json_stream	 js;
	struct fp_member	*member;
	const struct fp_list_reader *list;
	/* the CSV file being streamed */
	struct fp_csv		 csv;
	const struct fp_csv_reader *csvr;
	const char		*name;
};

void	fp_batch_add(struct fp_batch *b, size_t member, fp_file_fn fn, int order);
void	fp_batch_add_list(struct fp_batch *b, size_t member,
	    const struct fp_list_reader *list, int order);
void	fp_batch_add_csv(struct fp_batch *b, size_t member,
	    const struct fp_csv_reader *csv, int order);
void	fp_batch_sort(struct fp_batch *b);
int	fp_batch_next(struct fp_conn *conn, struct fp_batch *b, struct fp_item *item);
void	fp_batch_release(struct fp_batch *b);

/* Does member name end with path component(s) tail ("posts/your_posts_1.json")? */
int	fp_name_tail(const char *name, const char *tail);
/* Does the base name start with prefix and end with suffix ("Shares" ".csv")? */
int	fp_name_base(const char *name, const char *prefix, const char *suffix);
/* Index of the first member whose name ends with tail, or -1. */
long	fp_source_find_tail(const struct fp_source *src, const char *tail);

/*
 * Parse a member's JSON (invalid UTF-8 repaired, with a warning); meta=1
 * also undoes Meta's mojibake (UTF-8 bytes written as \u00XX) in every
 * string and key. NULL, with a warning naming the place, when it is not
 * JSON. The caller owns the result.
 */
json_t	*fp_conn_json(struct fp_conn *conn, const char *name, char *data, size_t len,
	    int meta);
/* Meta's mojibake undone in a copy of v (strings and keys). */
json_t	*fp_json_unmojibake(json_t *v);
/* Helpers over jansson: a string (or NULL), a number as seconds (or NONE). */
const char *fp_jstr(const json_t *o, const char *key);
int64_t	fp_jtime(const json_t *o, const char *key);

/* Open a CSV file read whole (a small one: a profile): BOM skipped, a
 * preamble skipped until a header that holds column must_have
 * (case-insensitive), invalid UTF-8 warned about and repaired. FP_OK or
 * FP_FAILED (warned). */
int	fp_conn_csv(struct fp_conn *conn, const char *name, char *data, size_t len,
	    int flags, const char *must_have, struct fp_csv *csv);
/* After the last row: warn about invalid UTF-8 met, and release csv. */
void	fp_conn_csv_done(struct fp_conn *conn, const char *name, struct fp_csv *csv);
/* A field by header name (any of the given names), or NULL. */
const char *fp_csv_get(const struct fp_csv *csv, const char *const *names);

/* YouTube's comment text, a JSON fragment of segments ({"takeoutSegments":
 * [...]} or {"text":"a"},{"text":"b"} with raw newlines), joined; a plain
 * text is kept as it is. Caller frees. */
char	*fp_youtube_comment_text(const char *field);

#endif
