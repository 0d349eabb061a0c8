#include "vocabulary.hpp"

namespace settle::cli {

std::vector<std::string_view> vocabulary_entries(std::string_view text) {
    std::vector<std::string_view> entries;
    while (!text.empty()) {
        auto end = text.find('\n');
        auto line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.remove_suffix(1);
        if (!line.empty() && line.front() != '#')
            entries.push_back(line);
    }
    return entries;
}

} // namespace settle::cli
