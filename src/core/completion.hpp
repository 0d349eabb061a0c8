// Offering words from a vocabulary while a person types (Tab in `settle
// script`). Vocabulary entries may be phrases ("left out", "to be heard"), so
// the text being completed may span several words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace settle {

struct Completion {
    // Byte offset in the typed text where the completed fragment starts.
    size_t fragment_start = 0;
    // Vocabulary entries that start with the fragment (ignoring ASCII case),
    // in vocabulary order.
    std::vector<std::string_view> candidates;
    // The longest text every candidate starts with; at least the fragment
    // when there are candidates.
    std::string common_prefix;
};

// Completes the end of `typed` (the text before the cursor). The longest
// fragment that starts a word and begins some entry wins, so "feel left o"
// completes "left out" rather than "o…". After a space, or on an empty line,
// every entry is a candidate.
Completion complete_phrase(std::string_view typed, const std::vector<std::string_view>& vocabulary);

} // namespace settle
