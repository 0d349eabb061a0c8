// Finding entries by what they say (`settle list --contains`).
//
// A person searching for "cafe" means "Café" and "CAFÉ" too, so both the
// words searched for and the entry's text are folded the same way: Unicode
// compatibility decomposition (NFKD), accents and other combining marks
// removed, case folded.
#pragma once

#include "entry.hpp"

#include <string>
#include <string_view>

namespace settle {

// `text` folded for matching. Bytes that are not UTF-8 (a hand-edited file)
// become U+FFFD, so they never match and never stop a search.
std::string fold_for_search(std::string_view text);

// Whether any of the entry's written words (its fields, tags, decision,
// revisit note and body) contain `folded`, which fold_for_search made.
// An empty `folded` is in every entry.
bool entry_contains(const Entry& entry, std::string_view folded);

} // namespace settle
