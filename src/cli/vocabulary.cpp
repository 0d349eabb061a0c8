#include "vocabulary.hpp"

#include "core/content.hpp"

namespace settle::cli {

namespace {

std::string_view built_in(std::string_view path) {
    for (const auto& file : embedded_content_files())
        if (file.path == path)
            return file.bytes;
    return {};
}

} // namespace

std::string_view feelings_text() {
    return built_in("vocabulary/feelings.txt");
}

std::string_view needs_text() {
    return built_in("vocabulary/needs.txt");
}

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
