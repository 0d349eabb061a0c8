// UTF-8, decoded in one place (with utf8proc) for every part of settle that
// looks at characters: the readers, terminal-safe display, completion, the
// line editor and the keys a person presses.
//
// Entry frontmatter is YAML, which is Unicode text, and yaml-cpp writes any
// byte that is not well-formed UTF-8 as U+FFFD. So text that is not UTF-8
// would not survive being saved: readers name it instead of guessing, and
// writers refuse it rather than change a person's words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace settle {

// Decodes the code point at `pos` and moves `pos` past it; returns -1 for a
// sequence that is not well-formed (an overlong form, a surrogate, past
// U+10FFFF, cut short), moving `pos` on by one byte.
int decode_code_point(std::string_view text, size_t& pos);

// True for well-formed UTF-8 from `pos` on, decoding with decode_code_point.
bool is_valid_utf8_from(std::string_view text, size_t pos);

// True for well-formed UTF-8. Inline, with ASCII passed over eight bytes at
// a time: every reader asks this of every line and value it reads, and most
// of them are ASCII.
inline bool is_valid_utf8(std::string_view text) {
    size_t pos = 0;
    for (; pos + 8 <= text.size(); pos += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + pos, sizeof word);
        if (word & 0x8080808080808080u)
            break;
    }
    for (; pos < text.size(); ++pos)
        if (static_cast<unsigned char>(text[pos]) >= 0x80)
            return is_valid_utf8_from(text, pos);
    return true;
}

// How many bytes a sequence starting with `lead` has (0: not a first byte),
// for reading a character as its bytes arrive.
int utf8_sequence_length(unsigned char lead);

std::string utf8_encode(char32_t code_point);

// Every code point of `text`, with U+FFFD for each byte that is not part of
// well-formed UTF-8.
std::u32string utf8_decode(std::string_view text);

} // namespace settle
