#include "cli/terminal/styles.hpp"

namespace settle::cli {

namespace {

Face face_of(Style style) {
    switch (style) {
    case Style::bold:
        return face_bold;
    case Style::dim:
        return face_dim;
    case Style::accent: // cyan: readable on dark and light backgrounds alike
        return face_code;
    case Style::reverse:
        return face_inverse;
    }
    return face_plain;
}

} // namespace

StyleCodes style_codes(Style style) {
    auto face = face_of(style);
    if (face == face_plain)
        return {};
    return {sgr(face), sgr_off(face)};
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
