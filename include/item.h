/*
 * item.h: the one item model every platform maps to.
 *
 * A connector fills a struct fp_item per post, like, profile field...; the
 * store keeps it; the rule engine judges it; the reports show it. Every
 * string member is owned by the item and freed by fp_item_release().
 */
#ifndef FP_ITEM_H
#define FP_ITEM_H

#include <stdint.h>

/* The kinds of the JSON contract. Keep names and order stable. */
enum fp_kind {
	FP_KIND_POST,
	FP_KIND_REPLY,
	FP_KIND_REPOST,
	FP_KIND_QUOTE,
	FP_KIND_COMMENT,
	FP_KIND_LIKE,
	FP_KIND_BIO,
	FP_KIND_USERNAME,
	FP_KIND_DISPLAY_NAME,
	FP_KIND_EMAIL,
	FP_KIND_LOCATION,
	FP_KIND_WEBSITE,
	FP_KIND_MESSAGE,
	FP_KIND__COUNT
};

const char *fp_kind_name(enum fp_kind kind);
int	 fp_kind_from_name(const char *name);	/* -1 if unknown */
int	 fp_kind_is_account_field(enum fp_kind kind);	/* bio, username ... */

/* Platform names of the JSON contract. */
extern const char *const fp_platforms[];	/* NULL-terminated */
int	 fp_platform_valid(const char *name);

struct fp_item {
	int64_t		 id;		/* store row id, 0 until stored */
	const char	*platform;	/* static string from fp_platforms */
	char		*account;	/* handle of the account it belongs to */
	enum fp_kind	 kind;
	char		*native_id;	/* platform id, or NULL */
	char		*url;		/* permalink, or a settings page */
	int64_t		 created_at;	/* UTC seconds, or FP_TIME_NONE */
	char		*text;		/* decoded text; NULL = content unknown */
	char		*lang;
	int		 media_count;
	char		*media_types;	/* "photo,video", or NULL */
	int		 has_geo;
	double		 lat, lon;
	char		*place;		/* place name, or NULL */
	char		*ref_author;	/* replied-to / reposted / quoted / liked author */
	char		*ref_id;	/* that item's id */
	char		*source_file;	/* path inside the archive */
	long		 source_index;	/* element index in that file */
	int		 deleted;	/* the platform says it is already gone */
	uint64_t	 ident;		/* read from the store: the hash of what
					 * identifies it (fp_store_finding_fid) */
};

/* Longest text kept and audited for one item (no platform allows a post
 * of even a tenth of it), and longest other field. */
#define FP_ITEM_MAX_TEXT	((size_t)1 << 20)
#define FP_ITEM_MAX_FIELD	((size_t)64 << 10)

void	fp_item_init(struct fp_item *item);
/* Make every field valid UTF-8 (bad bytes become U+FFFD) and cut fields
 * longer than the maxima, at a UTF-8 boundary. Returns the
 * length the text had when it was cut, else 0 (other fields are cut
 * silently: they are ids, links and names); *size (unless NULL) gets
 * what fp_item_size would say after. */
size_t	fp_item_clip(struct fp_item *item, size_t *size);
/* fp_item_clip in two halves, so that the import can repair on another
 * thread: fp_item_cut only cuts (returns and sets what fp_item_clip would
 * for UTF-8 fields; a field may still hold bad bytes), fp_item_repair
 * then makes every field UTF-8 and cuts again, silently, what repairing
 * lengthened. The two give what fp_item_clip gives on UTF-8 fields. */
size_t	fp_item_cut(struct fp_item *item, size_t *size);
void	fp_item_repair(struct fp_item *item);
void	fp_item_release(struct fp_item *item);	/* frees members, then init */
/* Bytes the item's strings take (batches of items are bounded by it). */
size_t	fp_item_size(const struct fp_item *item);
/* Sets *field to a copy of s (NULL stays NULL), freeing the old value. */
void	fp_item_set(char **field, const char *s);

#endif
