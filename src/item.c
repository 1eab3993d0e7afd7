/*
 * item.c: the item model's vocabularies (kinds, platforms) and lifecycle.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "item.h"

static const char *const kind_names[FP_KIND__COUNT] = {
	"post", "reply", "repost", "quote", "comment", "like", "bio",
	"username", "display_name", "email", "location", "website", "message"
};

const char *const fp_platforms[] = {
	"x", "facebook", "instagram", "threads", "linkedin", "reddit",
	"mastodon", "bluesky", "tiktok", "youtube", NULL
};

const char *
fp_kind_name(enum fp_kind kind)
{
	return (unsigned)kind < FP_KIND__COUNT ? kind_names[kind] : "unknown";
}

int
fp_kind_from_name(const char *name)
{
	for (int i = 0; i < FP_KIND__COUNT; i++)
		if (strcmp(kind_names[i], name) == 0)
			return i;
	return -1;
}

int
fp_kind_is_account_field(enum fp_kind kind)
{
	switch (kind) {
	case FP_KIND_BIO:
	case FP_KIND_USERNAME:
	case FP_KIND_DISPLAY_NAME:
	case FP_KIND_EMAIL:
	case FP_KIND_LOCATION:
	case FP_KIND_WEBSITE:
		return 1;
	default:
		return 0;
	}
}

int
fp_platform_valid(const char *name)
{
	for (size_t i = 0; fp_platforms[i] != NULL; i++)
		if (strcmp(fp_platforms[i], name) == 0)
			return 1;
	return 0;
}

void
fp_item_init(struct fp_item *item)
{
	memset(item, 0, sizeof *item);
	item->created_at = FP_TIME_NONE;
	item->source_index = -1;
}

void
fp_item_release(struct fp_item *item)
{
	free(item->account);
	free(item->native_id);
	free(item->url);
	free(item->text);
	free(item->lang);
	free(item->media_types);
	free(item->place);
	free(item->ref_author);
	free(item->ref_id);
	free(item->source_file);
	fp_item_init(item);
}

/* Cut s, of len bytes, to at most max bytes, not inside a UTF-8 sequence;
 * len if it was cut, else 0. */
static size_t
clip(char *s, size_t len, size_t max)
{
	if (s == NULL || len <= max)
		return 0;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	s[max] = '\0';
	return len;
}

/* Invalid UTF-8 in *field replaced with U+FFFD: whatever a connector
 * missed, the store, the rules and the JSON report see only UTF-8.
 * The field's length after. */
static size_t
repair(char **field)
{
	struct fp_buf b = FP_BUF_INIT;
	size_t len, bad;

	if (*field == NULL)
		return 0;
	if (fp_utf8_valid(*field, (len = strlen(*field))))
		return len;
	fp_buf_add(&b, "", 0);
	fp_utf8_repair(&b, *field, len, &bad);
	free(*field);
	len = b.len;
	*field = fp_buf_detach(&b);
	return len;
}

/* Cut every field to its maximum, repairing its UTF-8 first if fix. */
static size_t
clip_fields(struct fp_item *item, size_t *size, int fix)
{
	char **fields[] = { &item->account, &item->native_id, &item->url, &item->lang,
	    &item->media_types, &item->place, &item->ref_author, &item->ref_id,
	    &item->source_file, &item->text };
	size_t n = sizeof *item, was = 0;

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		size_t len = fix ? repair(fields[i]) : *fields[i] != NULL ? strlen(*fields[i]) : 0;
		size_t max = fields[i] == &item->text ? FP_ITEM_MAX_TEXT : FP_ITEM_MAX_FIELD;
		size_t cut = clip(*fields[i], len, max);

		if (fields[i] == &item->text)
			was = cut;
		if (*fields[i] != NULL)	/* what fp_item_size says */
			n += (cut > 0 ? strlen(*fields[i]) : len) + 1;
	}
	if (size != NULL)
		*size = n;
	return was;
}

size_t
fp_item_clip(struct fp_item *item, size_t *size)
{
	return clip_fields(item, size, 1);
}

size_t
fp_item_cut(struct fp_item *item, size_t *size)
{
	return clip_fields(item, size, 0);
}

void
fp_item_repair(struct fp_item *item)
{
	clip_fields(item, NULL, 1);
}

size_t
fp_item_size(const struct fp_item *item)
{
	const char *fields[] = { item->account, item->native_id, item->url, item->lang,
	    item->media_types, item->place, item->ref_author, item->ref_id,
	    item->source_file, item->text };
	size_t n = sizeof *item;

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i] != NULL)
			n += strlen(fields[i]) + 1;
	return n;
}

void
fp_item_set(char **field, const char *s)
{
	free(*field);
	*field = s != NULL ? xstrdup(s) : NULL;
}
