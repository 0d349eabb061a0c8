#include "cli/terminal/styles.hpp"

namespace settle::cli {

StyleCodes style_codes(Style style) {
    switch (style) {
    case Style::bold:
        return {"\033[1m", "\033[22m"};
    case Style::dim:
        return {"\033[2m", "\033[22m"};
    case Style::accent: // cyan: readable on dark and light backgrounds alike
        return {"\033[36m", "\033[39m"};
    case Style::reverse:
        return {"\033[7m", "\033[27m"};
    }
    return {"", ""};
}

std::string styled(std::string_view text, Style style, bool color) {
    if (!color)
        return std::string(text);
    auto codes = style_codes(style);
    std::string out;
    out.reserve(codes.on.size() + text.size() + codes.off.size());
    out.append(codes.on).append(text).append(codes.off);
    return out;
}

} // namespace settle::cli
