#include "field_input.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace settle {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
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
    while (!text.empty()) {
        auto end = text.find('\n');
        auto raw = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        auto line = trim(raw);
        if (line.empty() || line.front() == '#')
            continue;
        if ((raw.front() == ' ' || raw.front() == '\t') && !fields.empty()) {
            fields.back().value += '\n';
            fields.back().value += line;
            continue;
        }
        auto colon = line.find(':');
        if (colon == std::string_view::npos)
            return error_at(source, number,
                            fmt::format("expected 'name: text', got \"{}\"", line.substr(0, 40)));
        std::string name(trim(line.substr(0, colon)));
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::string names;
            for (const auto& a : allowed)
                names += (names.empty() ? "" : ", ") + a;
            return error_at(
                source, number,
                fmt::format("unknown field \"{}\"; this command takes {}", name, names));
        }
        fields.push_back(FieldLine{name, std::string(trim(line.substr(colon + 1))), number});
    }
    return fields;
}

} // namespace settle
