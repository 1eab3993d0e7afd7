/*
 * jsfile.h: the JavaScript envelopes X wraps its JSON in, and JSON
 * loading with messages that name the file and the place.
 *
 *   window.YTD.tweets.part0 = [ ... ]        (2018 and later)
 *   Grailbird.data.tweets_2013_11 = [ ... ]  (classic, 2012-2018)
 *   var tweet_index =  [ ... ]               (classic)
 *   window.__THAR_CONFIG = { ... }           (manifest.js)
 */
#ifndef FP_JSFILE_H
#define FP_JSFILE_H

#include <stddef.h>
#include <jansson.h>
#include "footprint.h"
#include "jsarena.h"

enum fp_envelope {
	FP_ENV_NONE,		/* plain JSON */
	FP_ENV_YTD,		/* window.YTD.<name>.part<N> = */
	FP_ENV_GRAILBIRD,	/* Grailbird.data.<name> = */
	FP_ENV_VAR,		/* var <name> = */
	FP_ENV_WINDOW		/* window.<name> = */
};

struct fp_envelope_info {
	enum fp_envelope type;
	char	name[128];	/* "tweets", "tweets_2013_11", "__THAR_CONFIG" */
	int	part;		/* N of partN, or -1 */
};

/*
 * Blank out the envelope in place (with spaces, so that line and column
 * numbers in later JSON errors stay those of the file) and one trailing
 * ';'. Returns FP_OK, or FP_FAILED with err saying what was found where.
 */
int	fp_envelope_strip(char *buf, size_t len, struct fp_envelope_info *info,
	    struct fp_err *err);

/*
 * Load a member's JSON: repair invalid UTF-8 (warning naming the line and
 * column of the first bad byte in *warn, which the caller frees), strip the
 * envelope, parse. On failure returns NULL with err naming line and column.
 */
json_t	*fp_json_load_js(char *buf, size_t len, struct fp_envelope_info *info,
	    char **warn, struct fp_err *err);

/*
 * The first two steps of fp_json_load_js in place: invalid UTF-8 repaired
 * (*buf may be replaced by a repaired copy; the old one is freed; *warn as
 * above) and the envelope blanked. FP_OK, or FP_FAILED with err set.
 */
int	fp_json_prepare_js(char **buf, size_t *len, struct fp_envelope_info *info,
	    char **warn, struct fp_err *err);

/*
 * A top-level JSON array read one element at a time, so that only one
 * element's bytes and tree are in memory however long the file.
 *
 * fp_json_stream_open: over buf (borrowed), whose envelope is already
 * blanked; FP_OK when buf (after blanks) starts with '[', else FP_FAILED.
 * fp_json_stream_open_reader: over bytes pulled from read(ud, ...) (a
 * member of an archive, as it is decompressed), in a window that grows
 * only to the largest element; it blanks the envelope itself (*info).
 * The value is a list, or, with keys (NULL-terminated), an object whose
 * members under those keys are lists: their elements come one list after
 * another (Mastodon's {"orderedItems": [...]}, Meta's {"comments_v2":
 * [...]}; FP_JSON_ANY_KEY stands for every key). A key may be a path into
 * nested objects, its names split by '/' (TikTok's "Activity/Like
 * List/ItemFavoriteList"), and a path that starts with FP_JSON_VALUE_MARK
 * gives the value at its end as one element, whatever it is (TikTok's
 * "=Profile/Profile Information/ProfileMap"). js->key is the index in keys
 * of the path the current element came from. Other members are dropped as
 * they are read, so that one of any size passes in bounded memory (one of
 * up to a MiB is checked by jansson too, a bigger one for its brackets and
 * strings), and js->lists says how many lists were found. A bare list is
 * taken as the list unless every key is a path or a value's. FP_FAILED
 * with err on a bad envelope or a read error, and with js->not_array set
 * when the value is neither.
 *
 * fp_json_stream_next: FP_OK with *out (the caller's to json_decref, and
 * valid only until the next call: its blocks are in the stream's arena,
 * see jsarena.h), FP_EOF after ']', or
 * FP_FAILED with err "line L, column C: not valid JSON: ...", the place in
 * the file; the elements before it have been read, the rest is not.
 * Invalid UTF-8 in an element is replaced with U+FFFD: bad_bytes counts
 * the bytes replaced, bad_line and bad_col place the first.
 * fp_json_stream_release frees what the stream holds (not buf).
 *
 * drop (NULL-terminated names, borrowed; set after opening): members of
 * those names, at any depth of an element, are cut out of its bytes before
 * jansson sees them, so that what a reader never looks at is not built
 * (jansson building trees is most of reading a big export; X's tweets are
 * half edit_info, entities and counters). Only well-formed members of an
 * object are cut, so an element that is not valid JSON fails as before,
 * at its place, unless the fault lies inside a member cut out.
 */
#define FP_JSON_ANY_KEY		"*"
#define FP_JSON_VALUE_MARK	'='
#define FP_JSON_PATH_MAX	4	/* object levels a key path goes down */

typedef long (*fp_json_read_fn)(void *ud, char *buf, size_t n, struct fp_err *err);

struct fp_json_ahead;

struct fp_json_stream {
	const char	*buf;		/* the window: bytes [0, len) */
	size_t		 len, pos;
	char		*own;		/* the window's memory, reader mode */
	size_t		 cap;
	size_t		 base;		/* offset in the file of buf[0] */
	int		 line, col;	/* place in the file of buf[0] */
	size_t		 mark;		/* a place in the window counted to, */
	int		 mark_line, mark_col;	/* and its line and column */
	fp_json_read_fn	 read;		/* NULL: buf is the whole input */
	void		*ud;
	int		 eof;
	int		 not_array;
	const char *const *keys;	/* borrowed */
	int		 in_object, in_list;
	long		 members;	/* of the current object, so far */
	int		 depth;		/* objects gone down into by a key path */
	char		*path[FP_JSON_PATH_MAX];	/* their keys */
	long		 path_members[FP_JSON_PATH_MAX];
	int		 key;		/* keys[key] gave the current list */
	int		 single;	/* a value given as one element */
	int		 lists;		/* lists found */
	long		 list_count;	/* elements of the current list */
	long		 index;		/* elements read so far */
	int		 done;
	/* how far element_end got in the element at pos */
	size_t		 scan_off;
	int		 scan_depth, scan_in_str;
	struct fp_buf	 fixed;		/* an element with its UTF-8 repaired */
	const char *const *drop;	/* member names not parsed, or NULL */
	struct fp_buf	 kept;		/* an element with those cut out */
	struct fp_json_arena arena;	/* the current element's blocks */
	size_t		 bad_bytes;
	int		 bad_line, bad_col;
	int		 at_elem;	/* pos is at an element's first byte */
	struct fp_json_ahead *ahead;	/* parsing ahead, or NULL */
};

int	fp_json_stream_open(struct fp_json_stream *js, const char *buf, size_t len);
int	fp_json_stream_open_reader(struct fp_json_stream *js, fp_json_read_fn read,
	    void *ud, const char *const *keys, struct fp_envelope_info *info,
	    struct fp_err *err);
int	fp_json_stream_next(struct fp_json_stream *js, json_t **out, struct fp_err *err);
/*
 * Parse ahead: from now on (after drop is set) the elements of a reader
 * stream are read (js->read is called there) and parsed, a batch at a
 * time, by a worker thread (workers 0: on this thread, the same code path;
 * more than 1 is 1), while this one goes on; what fp_json_stream_next
 * gives, and the fields above as it gives it, are the same as without.
 * 0, or -1 when js is not a reader stream that is open and not done.
 */
int	fp_json_stream_ahead(struct fp_json_stream *js, int workers);
void	fp_json_stream_release(struct fp_json_stream *js);

/* Small jansson helpers: a string member or NULL; numbers as strings. */
const char *fp_json_str(const json_t *obj, const char *key);
char	*fp_json_strdup(const json_t *obj, const char *key);	/* numbers too */
/* json_loads(s, flags, NULL), flags 0 or JSON_DECODE_ANY and JSON_ALLOW_NUL,
 * through the fast path of jsparse.h where it can: for the JSON the store
 * keeps (evidence, guidelines, counts), read back once per finding. */
json_t	*fp_json_loads(const char *s, size_t flags);
/* json_dumps, but the string is malloc'd, for free(): with jsarena.c
 * installed, json_dumps's own is not (so it is poisoned here). */
char	*fp_json_dumps(const json_t *v, size_t flags);
#pragma GCC poison json_dumps

#endif
