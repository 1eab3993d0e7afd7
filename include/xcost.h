/*
 * xcost.h: what X charges for the requests a deletion would send.
 *
 * Since 6 February 2026 the X API is pay-per-use (../shared/research/
 * apis.md §1.1, from X's pricing page): deleting a post is a "Content:
 * Manage" request at $0.005, an unlike or an undone repost an "Interaction:
 * Delete" at $0.010, and reading one's own posts and likes an "Owned
 * Read" at $0.001 a post or like returned. `footprint plan` and `footprint
 * delete` (dry run, and before sending) state what the deletions cost,
 * `footprint fetch x` what the reading may cost before it starts and what
 * it read after, so that nobody learns it from the bill.
 */
#ifndef FP_XCOST_H
#define FP_XCOST_H

#include <stdio.h>

#define FP_X_USD_DELETE	0.005	/* DELETE /2/tweets/:id */
#define FP_X_USD_UNDO	0.010	/* unlike, undo a repost */
#define FP_X_USD_READ	0.001	/* a post or like read (owned reads) */

struct fp_xcost {
	long	deletes, undos;
};

/* Count one action (a no-op unless platform is "x" and the action is
 * delete, unlike or undo-repost). */
void	fp_xcost_add(struct fp_xcost *c, const char *platform, const char *action);
/* One line on f saying what they cost, or nothing when there are none. */
void	fp_xcost_print(FILE *f, const struct fp_xcost *c);
/* Before a fetch: what reading an account of posts and likes (the
 * account's own counts) may cost, when X lists at most cap posts and the
 * fetch stops each listing after max_items (0: no limit). */
void	fp_xcost_print_fetch(FILE *f, long posts, long likes, long cap, long max_items);
/* After it: what the posts and likes read cost. */
void	fp_xcost_print_read(FILE *f, long read);

#endif
