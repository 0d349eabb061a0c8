// The feeling and need words settle offers, on Tab in the guided script and
// in shell completion: the person's own words first, then the vocabulary
// kept as data in content/vocabulary/ (built in, or the configured content
// folder, so a translation can bring its own words).
#pragma once

#include "cli/context.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace settle::cli {

enum class WordList { feelings, needs };

// The person's words from their recent scripts, newest first, then the
// vocabulary's words they have not used, in the vocabulary's order. Words
// with control characters or longer than a phrase are left out.
std::vector<std::string> offered_words(Context& context, WordList which);

// One entry per line, without comments ('#') and blank lines.
std::vector<std::string_view> vocabulary_entries(std::string_view text);

} // namespace settle::cli
