// `settle` alone at a terminal: a short, calm menu of what to do now.
#pragma once

#include "context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace settle::cli {

// Shows the menu entries whose commands exist in `available` and returns
// the chosen command's name, or nothing for "not now".
std::optional<std::string> choose_from_menu(Context& context,
                                            const std::vector<std::string>& available);

} // namespace settle::cli
