/* Unit tests: handle segmentation and the agency-in-username check. */
#include "config.h"
#include "unit.h"
#include "text.h"
#include "engine.h"

static char *
segs(const char *h)
{
	struct fp_strv sv = FP_STRV_INIT;
	struct fp_buf b = FP_BUF_INIT;

	fp_handle_segments(h, &sv);
	for (size_t i = 0; i < sv.n; i++)
		fp_buf_addf(&b, "%s%s", i ? "|" : "", sv.v[i]);
	fp_strv_release(&sv);
	return fp_buf_detach(&b);
}

#define CHECK_SEGS(h, want) do { char *s_ = segs(h); CHECK_STR(s_, want); free(s_); } while (0)

UNIT(segmentation)
{
	CHECK_SEGS("LinaAtUNHCR", "Lina|At|UNHCR");
	CHECK_SEGS("unhcr_lina", "unhcr|lina");
	CHECK_SEGS("UNHCRLina", "UNHCR|Lina");
	CHECK_SEGS("sunlight_fun", "sunlight|fun");
	CHECK_SEGS("lina.haddad-2019", "lina|haddad");
	CHECK_SEGS("IOM4ever", "IOM|ever");
	CHECK_SEGS("a__b", "a|b");
	CHECK_SEGS("", "");
	CHECK_SEGS("WHO_is_there", "WHO|is|there");
	CHECK_SEGS("LinaUN", "Lina|UN");
}

UNIT(real_name_matching)
{
	CHECK(fp_name_matches("Lina Haddad", "lhaddad", NULL));
	CHECK(fp_name_matches("Lina Haddad", "xyz", "Lina H."));
	CHECK(fp_name_matches("Léa Martin", "lea_m", "Léa"));	/* accents folded */
	CHECK(fp_name_matches("Léa Martin", "LEA_MARTIN", NULL));
	CHECK(!fp_name_matches("Lina Haddad", "truthteller99", "Truth Teller"));
	CHECK(!fp_name_matches("Al Bo", "albo", NULL));	/* too short to judge */
	/* order, accents, initials, one name */
	CHECK(fp_name_matches("Lina Haddad", "xyz", "Haddad Lina"));
	CHECK(fp_name_matches("Lina Haddad", "lh1985", NULL));
	CHECK(fp_name_matches("Lina Haddad", "xyz", "L. H."));
	CHECK(fp_name_matches("Lina Haddad", "xyz", "LH"));
	CHECK(fp_name_matches("Lina Maria Haddad", "xyz", "L. M. H."));
	CHECK(!fp_name_matches("Lina Maria Haddad", "xyz", "L. X. H."));
	CHECK(fp_name_matches("Lina Haddad", "lina", NULL));
	CHECK(fp_name_matches("José Álvarez", "xyz", "JOSE ALVAREZ"));
	CHECK(!fp_name_matches("Lina Haddad", "lhx", "Desert Owl"));
	CHECK(!fp_name_matches("Lina Haddad", "blh1985", NULL));
}

UNIT_MAIN(segmentation, real_name_matching)
