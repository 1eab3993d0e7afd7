/*
 * fuzz-text.c: text as the rules see it: the normaliser (utf8proc NFKC,
 * folding, Arabic letters, hashtags split), handle segmentation, HTML
 * entity decoding and HTML to text, the real-name test, and the shipped
 * rules judging the text as an item of each kind. Promises: a normalised
 * text is " word word " (one space before, between and after words) and
 * stays UTF-8, and the fast paths (ASCII byte by byte, other text code
 * point by code point from tables) agree with utf8proc over the whole
 * text, and where normalising says a text folds letter by letter, its
 * folded form is its cased form folded; segments are non-empty pieces of
 * the handle.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "engine.h"
#include "item.h"
#include "profile.h"
#include "text.h"
#include "fuzz.h"

static int
valid_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	while (p < end) {
		int k = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 :
		    (*p & 0xf8) == 0xf0 ? 3 : -1;

		if (k < 0 || end - p <= k)
			return k == 0;
		p++;
		while (k-- > 0)
			if ((*p++ & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

static int
ignore(void *ud, const struct fp_finding *f)
{
	(void)ud;
	(void)f;
	return 0;
}

static struct fp_engine *
engine(void)
{
	static struct fp_engine *eng;
	static struct fp_profile profile = FP_PROFILE_INIT;
	static int tried;

	if (!tried) {
		struct fp_err err;

		tried = 1;
		profile.agency = xstrdup("IOM");
		profile.name = xstrdup("Omar Khalil");
		fp_strv_add(&profile.work_domains, "iom.int");
		if (fuzz_rules() == NULL || fp_engine_new(&eng, fuzz_rules(), &profile, &err) != FP_OK)
			eng = NULL;
	}
	return eng;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size), *nl;
	struct fp_buf out = FP_BUF_INIT;
	struct fp_strv segs = FP_STRV_INIT;
	int utf8 = valid_utf8(s, strlen(s));

	for (int fold = 0; fold <= 1; fold++) {
		struct fp_buf ref = FP_BUF_INIT;

		fp_text_normalize(&out, s, fold);
		FUZZ_ASSERT(out.len >= 1 && out.data[0] == ' ' && out.data[out.len - 1] == ' ');
		FUZZ_ASSERT(strstr(out.data, "  ") == NULL);
		FUZZ_ASSERT(!utf8 || valid_utf8(out.data, out.len));
		fp_text_normalize_reference(&ref, s, fold);
		FUZZ_ASSERT(strcmp(out.data, ref.data) == 0);
		fp_buf_release(&ref);
	}
	{
		/* all ASCII goes the fast way; a trailing U+00A0 (a boundary)
		 * sends the same text through utf8proc: they must agree */
		size_t n = strlen(s), k;

		for (k = 0; k < n && (unsigned char)s[k] < 0x80; k++)
			;
		if (k == n) {
			char *slow = xasprintf("%s\xc2\xa0", s);
			struct fp_buf a = FP_BUF_INIT;

			for (int fold = 0; fold <= 1; fold++) {
				fp_text_normalize(&out, s, fold);
				fp_text_normalize_reference(&a, slow, fold);
				FUZZ_ASSERT(strcmp(out.data, a.data) == 0);
			}
			fp_buf_release(&a);
			free(slow);
		}
	}
	{
		/* When normalising says so, the folded form is the cased form
		 * folded (the guard of the engine's cased scan rests on it);
		 * folding again would strip an Arabic article twice. */
		struct fp_buf c = FP_BUF_INIT, cf = FP_BUF_INIT;

		if (fp_text_normalize(&out, s, 1)) {
			fp_text_normalize(&c, s, 0);
			if (strpbrk(c.data, "\xd8\xd9\xda\xdb") == NULL) {
				fp_text_normalize(&cf, c.data, 1);
				FUZZ_ASSERT(strcmp(out.data, cf.data) == 0);
			}
		}
		fp_buf_release(&c);
		fp_buf_release(&cf);
	}
	fp_handle_segments(s, &segs);
	for (size_t i = 0; i < segs.n; i++)
		FUZZ_ASSERT(segs.v[i][0] != '\0' && strlen(segs.v[i]) <= strlen(s));
	fp_strv_release(&segs);
	fp_buf_reset(&out);
	fp_html_unescape(&out, s);
	FUZZ_ASSERT(out.len <= strlen(s) + 4);	/* &#0; may become U+FFFD */
	FUZZ_ASSERT(!utf8 || valid_utf8(out.data, out.len));
	fp_buf_reset(&out);
	fp_html_to_text(&out, s);
	fp_buf_release(&out);

	if (engine() != NULL) {
		struct fp_item item;

		for (int k = 0; k < FP_KIND__COUNT; k++) {
			fp_item_init(&item);
			item.platform = "x";
			item.account = xstrdup("omar_k");
			item.kind = (enum fp_kind)k;
			item.text = xstrdup(s);
			fp_engine_judge(engine(), &item, ignore, NULL);
			fp_item_release(&item);
		}
	}
	if ((nl = strchr(s, '\n')) != NULL) {
		*nl = '\0';
		fp_name_matches(s, nl + 1, s);
	}
	free(s);
	return 0;
}
