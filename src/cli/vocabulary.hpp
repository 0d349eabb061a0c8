// The words `settle script` offers on Tab, kept as data in
// content/vocabulary/ and built into the binary with the rest of content/.
#pragma once

#include <string_view>
#include <vector>

namespace settle::cli {

// The built-in word lists, one entry a line.
std::string_view feelings_text();
std::string_view needs_text();

// One entry per line, without comments ('#') and blank lines.
std::vector<std::string_view> vocabulary_entries(std::string_view text);

} // namespace settle::cli
