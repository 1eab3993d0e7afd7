/*
 * xcost.c: what X charges for the requests a deletion would send (see
 * xcost.h).
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
