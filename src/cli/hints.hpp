// Coaching hints in the command layer: which rules apply this run, and how
// hints are shown. The matching itself is in core/coaching.hpp.
#pragma once

#include "cli/context.hpp"
#include "core/coaching.hpp"
#include "core/entry_json.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace settle::cli {

// The rules from the content folder in use (or the built-in copy), or none
// when `coaching: false` is set. Rules that cannot be read are reported once
// and coaching is left out; they never stop an entry from being saved. The
// report is a line for stderr, given to `warn` (printed at once by default).
std::optional<CoachingRules>
coaching_rules(Context& context, const std::function<void(const std::string&)>& warn = {});

// Hints after a flag-mode write, on stderr, one short paragraph each.
void print_hints(const std::vector<Hint>& hints);

// A hint for a guided session: indented and word-wrapped to `columns`.
std::string hint_for_terminal(std::string_view message, int columns);

Json hints_json(const std::vector<Hint>& hints);

} // namespace settle::cli
