// The styles the command layer draws with: the guided sessions, the summary
// report and the menu all style through here. Each is one of the faces of
// core/wrap.hpp, whose table gives its codes (as `read`'s pages get theirs),
// and each ends with its own reset, so a style closes without ending
// another around it.
#pragma once

#include "core/wrap.hpp"

#include <string>
#include <string_view>

namespace settle::cli {

enum class Style { bold, dim, accent, reverse };

struct StyleCodes {
    std::string on;
    std::string off;
};

StyleCodes style_codes(Style style);

// `text` in `style`, or as it is when `color` is off.
std::string styled(std::string_view text, Style style, bool color);

// Ends every style at once, for a line cut short or a session that ends.
inline constexpr std::string_view kResetStyles = kSgrReset;

} // namespace settle::cli
