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
	CHECK_NORM("الانتخـــابات", 1, " الانتخابات ");
	CHECK_NORM("", 1, " ");
}

UNIT_MAIN(entities, normal_form)
