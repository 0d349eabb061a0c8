// Merging two devices' versions of one entry (git's merge driver for entry
// files, `settle __merge-entry`): answers to different predictions are
// combined, notes added on both sides are both kept, an edit on one side and
// a revisit on the other are both kept, and two different answers to the
// same prediction are both kept as a contested prediction. Nothing here
// touches git or the terminal.
#pragma once

#include "entry.hpp"
#include "error.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace settle {

// The entry's text with its revisit block replaced by an empty one: two
// versions are the same entry (perhaps with different answers) exactly when
// these agree. Nothing when the text cannot be read or its answers were
// written by hand.
std::optional<std::string> without_answers(std::string_view text, const std::string& path);

// Answers given on two devices since `base`, combined. The outer optional
// is empty when only the person can decide (a script's `shared` or `landed`
// answered differently on both sides).
std::optional<std::optional<Revisit>> merge_answers(const std::optional<Revisit>& base,
                                                    const std::optional<Revisit>& ours,
                                                    const std::optional<Revisit>& theirs);

// One entry as changed on this device (`ours`) and another (`theirs`) since
// `base` (empty when both added it): the merged text, or nothing when only
// a person can decide (the caller then keeps both versions between conflict
// markers).
std::optional<std::string> merge_entry_texts(const std::string& base, const std::string& ours,
                                             const std::string& theirs, const std::string& path);

// The non-empty lines of `text`, without their newlines: a note's lines for
// the merge, and git's answers (one name or hash a line) for sync.
std::vector<std::string> lines_of(const std::string& text);

} // namespace settle
