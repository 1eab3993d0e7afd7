/*
 * api.c: the table of platform APIs (see api.h), as src/connector.c lists
 * the archive connectors.
 */
#include "config.h"

#include <string.h>

#include "footprint.h"
#include "api.h"

const struct fp_api *const fp_apis[] = {
	&fp_api_x, &fp_api_mastodon, &fp_api_bluesky, &fp_api_reddit, NULL
};

const struct fp_api *
fp_api_find(const char *platform)
{
	for (size_t i = 0; fp_apis[i] != NULL; i++)
		if (strcmp(fp_apis[i]->platform, platform) == 0)
			return fp_apis[i];
	return NULL;
}
