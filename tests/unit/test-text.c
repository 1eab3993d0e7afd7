/* Unit tests: HTML entities and normalisation (src/text.c). */
#include "config.h"
#include "unit.h"
#include "text.h"

static char *
norm(const char *s, int fold)
{
	struct fp_buf b = FP_BUF_INIT;

	fp_text_normalize(&b, s, fold);
	return fp_buf_detach(&b);
}

#define CHECK_NORM(s, fold, want) do { char *n_ = norm(s, fold); CHECK_STR(n_, want); free(n_); } while (0)

UNIT(entities)
{
	struct fp_buf b = FP_BUF_INIT;

	fp_html_unescape(&b, "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#x27; &bogus; & x");
	CHECK_STR(b.data, "a & b <c> \"d\" 'e' &bogus; & x");
	fp_buf_release(&b);
}

UNIT(normal_form)
{
	CHECK_NORM("Élection, ELECTION; election!", 1, " election election election ");
	CHECK_NORM("Ｕｎｉｃｅｆ", 1, " unicef ");
	CHECK_NORM("#VoteNoNow", 1, " votenonow vote no now ");
	CHECK_NORM("#Election2024", 1, " election2024 election 2024 ");
	CHECK_NORM("see https://www.unhcr.org/x", 1, " see https www unhcr org x ");
	CHECK_NORM("The UN said", 0, " The UN said ");
	CHECK_NORM("ВЫБОРЫ", 1, " выборы ");
	/* Arabic: tatweel, diacritics, hamza forms, teh marbuta, the article */
	CHECK_NORM("الانتخـــابات", 1, " انتخابات ");
	CHECK_NORM("وَالحُكُومَة", 1, " حكومه ");
	CHECK_NORM("صوّتوا لأحمد", 1, " صوتوا لاحمد ");
	CHECK_NORM("الى", 1, " الي ");		/* too short to strip */
	/* Chinese: no spaces, kept as one run; traditional stays traditional */
	CHECK_NORM("明天的选举！", 1, " 明天的选举 ");
	/* Cyrillic: case and ё */
	CHECK_NORM("Голосуйте ЗА ёлку", 1, " голосуите за елку ");
	/* French and Spanish accents */
	CHECK_NORM("Élections législatives, ¡Votad!", 1, " elections legislatives votad ");
	CHECK_NORM("", 1, " ");
}

/* An ASCII text goes the fast way; the same text with a trailing U+00A0
 * (a boundary) goes through utf8proc: both must agree, byte by byte. */
UNIT(ascii_fast_path_agrees_with_utf8proc)
{
	struct fp_buf a = FP_BUF_INIT, b = FP_BUF_INIT;
	char text[64], slow[80];
	unsigned seed = 1;

	for (int fold = 0; fold <= 1; fold++) {
		for (int c = 1; c < 128; c++) {
			snprintf(text, sizeof text, "Ab%c9z #TagHere @user_Name x%c", c, c);
			snprintf(slow, sizeof slow, "%s\xc2\xa0", text);
			fp_text_normalize(&a, text, fold);
			fp_text_normalize(&b, slow, fold);
			CHECK_STR(a.data, b.data);
		}
		for (int r = 0; r < 2000; r++) {
			size_t n = 1 + (seed = seed * 1103515245 + 12345) / 65536 % 40;

			for (size_t i = 0; i < n; i++)
				text[i] = (char)(1 + (seed = seed * 1103515245 + 12345) / 65536 % 127);
			text[n] = '\0';
			snprintf(slow, sizeof slow, "%s\xc2\xa0", text);
			fp_text_normalize(&a, text, fold);
			fp_text_normalize(&b, slow, fold);
			CHECK_STR(a.data, b.data);
		}
	}
	fp_buf_release(&a);
	fp_buf_release(&b);
}

UNIT_MAIN(entities, normal_form, ascii_fast_path_agrees_with_utf8proc)
