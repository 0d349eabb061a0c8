// The terminal-safety property the display and render fuzzers check.
#pragma once

#include "core/utf8.hpp"

#include <string_view>

namespace settle::fuzz {

// Well-formed UTF-8 holding no control character (C0, DEL, C1) except,
// when `keep_newlines`, line breaks and tabs: nothing a terminal could take
// for a command. In well-formed UTF-8 a byte below 0x80 is always an ASCII
// character, and C1 controls (U+0080 to U+009F) are always 0xC2 0x80-0x9F.
inline bool safe_for_terminal(std::string_view text, bool keep_newlines) {
    if (!is_valid_utf8(text))
        return false;
    for (size_t i = 0; i < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if ((byte == '\n' || byte == '\t') && keep_newlines)
            continue;
        if (byte < 0x20 || byte == 0x7F)
            return false;
        if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0)
            return false;
    }
    return true;
}

} // namespace settle::fuzz
