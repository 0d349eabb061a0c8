// Whether bytes are well-formed UTF-8.
//
// Entry frontmatter is YAML, which is Unicode text, and yaml-cpp writes any
// byte that is not well-formed UTF-8 as U+FFFD. So text that is not UTF-8
// would not survive being saved: readers name it instead of guessing, and
// writers refuse it rather than change a person's words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace settle {

// True for well-formed UTF-8: no overlong forms, surrogates, or code points
// past U+10FFFF.
inline bool is_valid_utf8(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
        auto lead = static_cast<std::uint8_t>(text[pos]);
        if (lead < 0x80) {
            ++pos;
            continue;
        }
        int length = (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || pos + static_cast<size_t>(length) > text.size())
            return false;
        std::uint32_t cp = lead & (0x7Fu >> length);
        for (int i = 1; i < length; ++i) {
            auto next = static_cast<std::uint8_t>(text[pos + static_cast<size_t>(i)]);
            if ((next & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (next & 0x3Fu);
        }
        constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < smallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000))
            return false;
        pos += static_cast<size_t>(length);
    }
    return true;
}

} // namespace settle
