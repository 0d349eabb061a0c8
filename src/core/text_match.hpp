// Matching what a person typed against the names settle knows (commands,
// options, topics), to suggest the one they probably meant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace settle {

// The one case-folding rule, Unicode's (utf8proc): "ÉPUISÉ", "Épuisé" and
// "épuisé" fold alike, as do the composed and decomposed forms of a letter.
// With `Accents::ignored` (searching) marks go too, and compatibility forms
// meet their plain letters ("ﬁ" and "fi"): "epuise" finds "épuisé". Bytes
// that are not UTF-8 are kept, with ASCII letters lowered.
enum class Accents { kept, ignored };
std::string fold_case(std::string_view text, Accents accents = Accents::kept);

// The same rule for one code point, decomposed, appended to `out`: for a
// finder that maps what it finds back to the original's characters (-1, an
// invalid byte, appends U+FFFD).
void append_folded_code_point(int code_point, std::string& out);

// Edits to turn `a` into `b` (insert, delete, substitute, and a swap of two
// neighbours counting as one: pasue -> pause), the slips of a hurried hand.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidates nearest to `word`, if any is near enough to be what was
// meant: one or two slips (fewer for short words), or the start of exactly
// one candidate. Leading dashes are ignored on both sides ("--outcme").
std::vector<std::string> nearest_names(std::string_view word,
                                       const std::vector<std::string>& candidates);

// "a", "a or b", "a, b or c": the names joined for a sentence, with
// `last_joiner` (" or ", " and ") before the last one.
std::string joined_list(const std::vector<std::string>& names, std::string_view last_joiner);

} // namespace settle
