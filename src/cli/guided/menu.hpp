// `settle` alone at a terminal: a short, calm menu of what to do now.
#pragma once

#include "cli/context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace settle::cli {

// Shows the menu entries whose commands exist in `available` and returns
// the chosen command's words ("audit", or "read" and a topic's name from
// the numbered topic picker), or nothing for "not now".
std::optional<std::vector<std::string>> choose_from_menu(Context& context,
                                                         const std::vector<std::string>& available);

} // namespace settle::cli
