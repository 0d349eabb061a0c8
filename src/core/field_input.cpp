#include "field_input.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace settle {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool indented(std::string_view line) {
    return !line.empty() && (line.front() == ' ' || line.front() == '\t');
}

} // namespace

Expected<std::vector<FieldLine>> parse_field_lines(std::string_view text,
                                                   const std::vector<std::string>& allowed,
                                                   const std::string& source) {
    std::vector<FieldLine> fields;
    int number = 0;
    // A file saved by an editor that starts with a byte order mark.
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    // Line ends are those of the first line: a file saved with CRLF has
    // every CR before a line feed removed; otherwise a CR is the person's
    // text and is kept, like every other character of a value.
    auto first_end = text.find('\n');
    const bool crlf =
        first_end != std::string_view::npos && first_end > 0 && text[first_end - 1] == '\r';
    while (!text.empty()) {
        auto end = text.find('\n');
        auto raw = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (crlf && !raw.empty() && raw.back() == '\r')
            raw.remove_suffix(1);
        ++number;
        auto line = trim(raw);
        // A blank line may hold a stray CR even in a file with LF line ends.
        if (raw.find_first_not_of(" \t\r") == std::string_view::npos || line.front() == '#')
            continue;
        if (indented(raw) && !fields.empty()) {
            // The indentation marks a continuation; the rest is text.
            fields.back().value += '\n';
            fields.back().value += raw.substr(raw.find_first_not_of(" \t"));
            continue;
        }
        auto colon = raw.find(':');
        if (colon == std::string_view::npos)
            return error_at(source, number,
                            fmt::format("expected 'name: text', got \"{}\"", line.substr(0, 40)));
        std::string name(trim(raw.substr(0, colon)));
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::string names;
            for (const auto& a : allowed)
                names += (names.empty() ? "" : ", ") + a;
            return error_at(
                source, number,
                fmt::format("unknown field \"{}\"; this command takes {}", name, names));
        }
        // One space after the colon separates; everything after it, spaces
        // included, is the value exactly as given.
        auto value = raw.substr(colon + 1);
        if (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
        fields.push_back(FieldLine{name, std::string(value), number});
    }
    return fields;
}

} // namespace settle
