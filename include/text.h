/*
 * text.h: text as the rules see it.
 *
 * Decoding (HTML entities in X's full_text), normalisation for matching
 * (NFKC, case folding, accents stripped, hashtags and camelCase split,
 * everything that is not a letter or a digit turned into one space), and
 * the segmentation of handles into words.
 */
#ifndef FP_TEXT_H
#define FP_TEXT_H

#include <stddef.h>
#include "footprint.h"

/* Decode &amp; &lt; &gt; &quot; &apos; &#NN; &#xNN; into out. */
void	fp_html_unescape(struct fp_buf *out, const char *s);

/*
 * Normalise s for matching into out: " word word word " with one space
 * before, between and after the words. fold=1 also case-folds (the usual
 * form); fold=0 keeps case for case-sensitive terms such as "UN" or "WHO".
 * Hashtags and mentions are also split at case changes: "#VoteNoNow"
 * gives "votenonow vote no now".
 *
 * Folding, it returns 1 when the text folded is, word for word, the text
 * cased folded letter by letter (every code point of it is, text.c:
 * fold_consistent): then a case-sensitive term can be in the cased form
 * only where the same term normalised folded is in the folded form. It
 * returns 0 when that is not known, and always when fold=0.
 */
int	fp_text_normalize(struct fp_buf *out, const char *s, int fold);
/* The same through utf8proc over the whole text, without the per code
 * point tables fp_text_normalize uses: what the tests compare it with. */
void	fp_text_normalize_reference(struct fp_buf *out, const char *s, int fold);

/*
 * Split a handle into segments at '_', '.', '-', digits and case changes:
 * "LinaAtUNHCR" -> Lina At UNHCR; "unhcr_lina" -> unhcr lina;
 * "UNHCRLina" -> UNHCR Lina. Segments keep their case.
 */
void	fp_handle_segments(const char *handle, struct fp_strv *out);

/* HTML to plain text: tags dropped (scripts and styles with their
 * content), <br> and the ends of paragraphs made newlines, entities decoded. */
void	fp_html_to_text(struct fp_buf *out, const char *html);

/* Does this codepoint belong to a script written without spaces (CJK, Thai...)? */
int	fp_is_unspaced_script(int32_t cp);

#endif
