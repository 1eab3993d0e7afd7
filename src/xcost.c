/*
 * xcost.c: what X charges for the requests a deletion or a fetch sends
 * (see xcost.h).
 */
#include "config.h"

#include <string.h>

#include "xcost.h"

void
fp_xcost_add(struct fp_xcost *c, const char *platform, const char *action)
{
	if (platform == NULL || action == NULL || strcmp(platform, "x") != 0)
		return;
	if (strcmp(action, "delete") == 0)
		c->deletes++;
	else if (strcmp(action, "unlike") == 0 || strcmp(action, "undo-repost") == 0)
		c->undos++;
}

void
fp_xcost_print(FILE *f, const struct fp_xcost *c)
{
	if (c->deletes + c->undos == 0)
		return;
	fprintf(f, "X charges for each of these requests (pay-per-use, prices of February"
	    " 2026): %ld post deletion%s at $%.3f and %ld unlike%s or undone repost%s at"
	    " $%.3f, about $%.3f in all.\n", c->deletes, c->deletes == 1 ? "" : "s",
	    FP_X_USD_DELETE, c->undos, c->undos == 1 ? "" : "s", c->undos == 1 ? "" : "s",
	    FP_X_USD_UNDO, (double)c->deletes * FP_X_USD_DELETE +
	    (double)c->undos * FP_X_USD_UNDO);
}

void
fp_xcost_print_fetch(FILE *f, long posts, long likes, long cap, long max_items)
{
	long listed = posts > cap ? cap : posts, liked = likes;

	if (posts < 0 || likes < 0)
		return;
	fprintf(f, "X charges $%.3f for each post or like it returns (pay-per-use, prices"
	    " of February 2026; one read again the same UTC day is not charged again):"
	    " this account has %ld post%s", FP_X_USD_READ, posts, posts == 1 ? "" : "s");
	if (posts > cap)
		fprintf(f, ", of which X lists the newest %ld,", cap);
	fprintf(f, " and %ld like%s", likes, likes == 1 ? "" : "s");
	if (max_items > 0 && (listed > max_items || liked > max_items)) {
		/* a listing stops within the page (100) that reaches the limit */
		long most = (max_items + 99) / 100 * 100;

		listed = listed > most ? most : listed;
		liked = liked > most ? most : liked;
		fprintf(f, ", of which --max-items %ld reads at most %ld of each (X answers"
		    " in pages of 100)", max_items, most);
	}
	fprintf(f, ": up to about $%.3f for this fetch.\n",
	    (double)(listed + liked) * FP_X_USD_READ);
}

void
fp_xcost_print_read(FILE *f, long read)
{
	fprintf(f, "X: posts and likes read: %ld, about $%.3f.\n", read,
	    (double)read * FP_X_USD_READ);
}
