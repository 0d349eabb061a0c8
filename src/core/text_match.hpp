// Matching what a person typed against the names settle knows (commands,
// options, topics), to suggest the one they probably meant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace settle {

// Edits to turn `a` into `b` (insert, delete, substitute, and a swap of two
// neighbours counting as one: pasue -> pause), the slips of a hurried hand.
size_t edit_distance(std::string_view a, std::string_view b);

// "a", "a or b", "a, b or c": the names joined for a sentence, with
// `last_joiner` (" or ", " and ") before the last one.
std::string joined_list(const std::vector<std::string>& names, std::string_view last_joiner);

} // namespace settle
