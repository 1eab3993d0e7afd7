/*
 * import.h: read one path through its connector into the store, in one
 * transaction: the items, the account, and the warnings met on the way.
 */
#ifndef FP_IMPORT_H
#define FP_IMPORT_H

#include "footprint.h"
#include "item.h"
#include "store.h"

struct fp_import_result {
	const char	*platform;		/* static */
	long		 counts[FP_KIND__COUNT];
	long		 items;
	long		 unknown_content;	/* likes without text */
	long		 deleted;
	size_t		 warnings;
};

struct fp_prefilter;

/*
 * FP_OK when the path was read (perhaps with warnings, counted in *res and
 * stored with the source); FP_FAILED when the path could not be read at
 * all (err says why; recorded as a failed source); FP_FATAL when the store
 * failed. With pf (engine.h), only the items it keeps are stored; when an
 * item's key comes a second time, the import stops, stores nothing, sets
 * pf->repeated and returns FP_OK: the caller starts again without pf.
 */
int	fp_import_path(struct fp_store *st, const char *path, const char *platform,
	    int include_messages, struct fp_prefilter *pf, struct fp_import_result *res,
	    struct fp_err *err);

/* The counts as the store keeps them with the source: {"post":3,...}.
 * Caller frees. */
char	*fp_import_counts_json(const struct fp_import_result *res);

#endif
