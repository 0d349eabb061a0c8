#include "utf8.hpp"

#include <utf8proc.h>

namespace settle {

int decode_code_point(std::string_view text, size_t& pos) {
    utf8proc_int32_t cp = -1;
    // utf8proc_iterate refuses overlong forms, surrogates and code points
    // past U+10FFFF, as well as sequences cut short.
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                              static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    pos += n > 0 ? static_cast<size_t>(n) : 1;
    return n > 0 ? cp : -1;
}

bool is_valid_utf8_from(std::string_view text, size_t pos) {
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) { // most text: no call
            ++pos;
            continue;
        }
        if (decode_code_point(text, pos) < 0)
            return false;
    }
    return true;
}

int utf8_sequence_length(unsigned char lead) {
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0)
        return 2;
    if ((lead & 0xF0) == 0xE0)
        return 3;
    if ((lead & 0xF8) == 0xF0)
        return 4;
    return 0;
}

std::string utf8_encode(char32_t code_point) {
    utf8proc_uint8_t bytes[4];
    auto length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), bytes);
    return std::string(reinterpret_cast<const char*>(bytes), static_cast<size_t>(length));
}

std::u32string utf8_decode(std::string_view text) {
    std::u32string out;
    size_t pos = 0;
    while (pos < text.size()) {
        int cp = decode_code_point(text, pos);
        out += cp < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(cp);
    }
    return out;
}

} // namespace settle
