#include "display.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <utf8proc.h>

namespace settle {

namespace {

void append_code_point(std::string& out, int cp) {
    out += utf8_encode(static_cast<char32_t>(cp));
}

} // namespace

bool is_invisible_format(int cp) {
    if (cp < 0)
        return false;
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
        (cp >= 0x200B && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF)
        return true;
    auto category = utf8proc_category(cp);
    return category == UTF8PROC_CATEGORY_CF || category == UTF8PROC_CATEGORY_ZL ||
           category == UTF8PROC_CATEGORY_ZP;
}

namespace {

// A zero-width joiner or non-joiner between two visible characters does
// what it is for (❤️‍🩹 is a heart, a joiner and a bandage; Persian needs
// the non-joiner); anywhere else it only hides something, so it is shown.
bool joins_visible_text(std::string_view text, size_t start, size_t end, int previous) {
    if (previous < 0x20 || is_invisible_format(previous) || end >= text.size())
        return false;
    size_t pos = end;
    auto next = decode_code_point(text, pos);
    return next >= 0x20 && !(next >= 0x7F && next < 0xA0) && !is_invisible_format(next) &&
           start > 0;
}

} // namespace

std::string replace_invalid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        size_t start = pos;
        if (decode_code_point(text, pos) < 0)
            append_code_point(out, 0xFFFD);
        else
            out.append(text.substr(start, pos - start));
    }
    return out;
}

std::string neutralize_controls(std::string_view text, bool keep_newlines) {
    // Most text is printable ASCII, which stays as it is.
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; }))
        return std::string(text);
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    int previous = -1;
    while (pos < text.size()) {
        size_t start = pos;
        if (char c = text[pos]; c >= 0x20 && c < 0x7F) { // printable ASCII, as it is
            out += c;
            previous = c;
            ++pos;
            continue;
        }
        auto cp = decode_code_point(text, pos);
        int before = previous;
        previous = cp;
        // A character kept is copied in its own bytes, never decoded and
        // encoded again (a long entry's summary line is mostly such).
        auto as_it_is = text.substr(start, pos - start);
        if ((cp == 0x200C || cp == 0x200D) && joins_visible_text(text, start, pos, before))
            out += as_it_is;
        else if (is_invisible_format(cp))
            out += fmt::format("<U+{:04X}>", cp);
        else if (cp < 0)
            append_code_point(out, 0xFFFD);
        else if (cp == '\n' || cp == '\t')
            out += keep_newlines ? static_cast<char>(cp) : ' ';
        else if (cp < 0x20 || cp == 0x7F)
            out += fmt::format("^{}", static_cast<char>(cp ^ 0x40));
        else if (cp >= 0x80 && cp < 0xA0)
            out += fmt::format("<U+{:04X}>", cp);
        else
            out += as_it_is;
    }
    return out;
}

int display_width(std::string_view text) {
    int width = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        auto cp = decode_code_point(text, pos);
        width += cp < 0 ? 1 : std::max(0, utf8proc_charwidth(cp));
    }
    return width;
}

std::string truncate_to_width(std::string_view text, int columns) {
    if (display_width(text) <= columns)
        return std::string(text);
    std::string out;
    int width = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t start = pos;
        auto cp = decode_code_point(text, pos);
        int w = cp < 0 ? 1 : std::max(0, utf8proc_charwidth(cp));
        if (width + w > columns - 1)
            break;
        out.append(text.substr(start, pos - start));
        width += w;
    }
    return out + "…";
}

std::vector<std::string_view> grapheme_clusters(std::string_view text) {
    std::vector<std::string_view> clusters;
    utf8proc_int32_t state = 0;
    utf8proc_int32_t previous = -1;
    size_t start = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t here = pos;
        auto cp = decode_code_point(text, pos);
        // An invalid byte stands alone and restarts the break rules' state.
        bool breaks = here == 0 || cp < 0 || previous < 0;
        if (breaks)
            state = 0;
        else
            breaks = utf8proc_grapheme_break_stateful(previous, cp, &state);
        if (breaks && here > start) {
            clusters.push_back(text.substr(start, here - start));
            start = here;
        }
        previous = cp;
    }
    if (pos > start)
        clusters.push_back(text.substr(start, pos - start));
    return clusters;
}

} // namespace settle
