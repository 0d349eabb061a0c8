// The one table of text styles settle draws with, as ANSI SGR sequences:
// the guided sessions, the summary report and the menu all style through
// here, and each style ends with its own reset, so a style closes without
// ending another around it.
#pragma once

#include <string>
#include <string_view>

namespace settle::cli {

enum class Style { bold, dim, accent, reverse };

struct StyleCodes {
    std::string_view on;
    std::string_view off;
};

StyleCodes style_codes(Style style);

// `text` in `style`, or as it is when `color` is off.
std::string styled(std::string_view text, Style style, bool color);

// Ends every style at once, for a line cut short or a session that ends.
inline constexpr std::string_view kResetStyles = "\033[0m";

} // namespace settle::cli
