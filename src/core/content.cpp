#include "content.hpp"

#include "display.hpp"
#include "journal.hpp"
#include "render.hpp"
#include "text_match.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <limits>
#include <utf8proc.h>
#include <yaml-cpp/yaml.h>

namespace settle {

namespace {

constexpr std::string_view kTopicsFolder = "topics";

bool is_hidden(std::string_view name) {
    return !name.empty() && name.front() == '.';
}

// "topics/x.md" is directly in "topics"; "topics/old/x.md" is not.
bool directly_in(std::string_view path, std::string_view folder) {
    if (path.size() <= folder.size() + 1 || path.substr(0, folder.size()) != folder ||
        path[folder.size()] != '/')
        return false;
    auto name = path.substr(folder.size() + 1);
    return name.find('/') == std::string_view::npos && !is_hidden(name);
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_topic_name(std::string_view name) {
    auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    };
    return !name.empty() && name.front() != '-' && std::all_of(name.begin(), name.end(), allowed);
}

// A topic is chosen by name from the loaded list and never opened by a path
// built from what was typed; anything path-like is still refused outright,
// so the answer is clear rather than a puzzling "no topic".
bool looks_like_path(std::string_view wanted) {
    return wanted.find('/') != std::string_view::npos ||
           wanted.find('\\') != std::string_view::npos || wanted.front() == '.' ||
           wanted.front() == '~';
}

struct Frontmatter {
    std::string yaml;
    std::string body;
};

// Splits "---\n<yaml>\n---\n<body>"; CRLF line ends and a byte-order mark
// (from editors on other systems) are accepted.
Expected<Frontmatter> split_frontmatter(std::string_view text, const std::string& path) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    auto line_at = [&](size_t pos) {
        size_t end = std::min(text.find('\n', pos), text.size());
        auto line = text.substr(pos, end - pos);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.remove_suffix(1);
        return std::pair{line, end + 1};
    };
    auto [first, next] = line_at(0);
    if (first != "---")
        return error_at(path, 1,
                        "a topic starts with a '---' line, then its name, title and summary");
    size_t pos = next;
    while (pos < text.size()) {
        auto [line, after] = line_at(pos);
        if (line == "---" || line == "...") {
            Frontmatter parts{std::string(text.substr(next, pos - next)), {}};
            if (after < text.size())
                parts.body = std::string(text.substr(after));
            return parts;
        }
        pos = after;
    }
    return error_at(path, 1, "the frontmatter has no closing '---' line");
}

// Reads only the keys a topic has, and only as scalars: a file with aliases
// or deep nesting costs nothing beyond its parse.
class TopicFields {
  public:
    TopicFields(const YAML::Node& root, const std::string& path) : root_(root), path_(path) {}

    Expected<std::string> text(const char* key) const {
        auto node = root_[key];
        if (!node)
            return error_at(path_, 1, fmt::format("the frontmatter has no \"{}\"", key));
        if (!node.IsScalar() || node.Scalar().empty())
            return error_at(path_, line(node), fmt::format("{} must be a line of text", key));
        return node.Scalar();
    }

    Expected<int> number(const char* key, int fallback) const {
        auto node = root_[key];
        if (!node)
            return fallback;
        int value = 0;
        if (!node.IsScalar() || !YAML::convert<int>::decode(node, value))
            return error_at(path_, line(node),
                            fmt::format("{} must be a whole number, got \"{}\"", key,
                                        node.IsScalar() ? node.Scalar() : "a list"));
        return value;
    }

    // The YAML starts on the file's second line, after the opening '---'.
    int line(const YAML::Node& node) const { return node.Mark().line + 2; }

  private:
    const YAML::Node& root_;
    const std::string& path_;
};

// The case-folded, decomposed form of a text, remembering which code point
// of the original each part came from.
struct FoldedText {
    std::string text;
    std::vector<int> code_points;   // the original's
    std::vector<TextRange> sources; // per original code point: its bytes
    std::vector<size_t> starts;     // per original code point: where its fold starts; then the end

    // Whether a match may begin or end before code point `i`: not inside a
    // character, such as between an "e" and its combining accent.
    bool boundary_before(size_t i) const {
        return i == 0 || i == code_points.size() ||
               utf8proc_grapheme_break(code_points[i - 1], code_points[i]);
    }
};

FoldedText fold(std::string_view text) {
    FoldedText folded;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t begin = pos;
        int cp = decode_code_point(text, pos);
        folded.starts.push_back(folded.text.size());
        append_folded_code_point(cp, folded.text);
        folded.code_points.push_back(cp);
        folded.sources.push_back(TextRange{begin, pos});
    }
    folded.starts.push_back(folded.text.size());
    return folded;
}

} // namespace

ContentSource ContentSource::folder(fs::path root) {
    return ContentSource(std::move(root));
}

ContentSource ContentSource::built_in() {
    return ContentSource(std::nullopt);
}

ContentSource ContentSource::from_setting(const fs::path& folder) {
    return folder.empty() ? built_in() : ContentSource::folder(folder);
}

std::string ContentSource::describe() const {
    return root_ ? root_->string() : std::string("the text built into settle");
}

Expected<std::vector<std::string>> ContentSource::list(std::string_view folder) const {
    std::vector<std::string> paths;
    if (!root_) {
        for (const auto& file : embedded_content_files())
            if (directly_in(file.path, folder))
                paths.emplace_back(file.path);
        return paths;
    }
    std::error_code ec;
    fs::directory_iterator it(*root_ / folder, ec);
    if (ec)
        return Error{fmt::format("the content folder {} has no readable {}/ folder: {}",
                                 root_->string(), folder, ec.message())};
    for (const auto& entry : it) {
        auto name = entry.path().filename().string();
        if (!is_hidden(name))
            paths.push_back(std::string(folder) + "/" + name);
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

std::string ContentSource::shown_path(std::string_view relative) const {
    return root_ ? (*root_ / relative).string() : std::string(relative);
}

Expected<std::string> ContentSource::read(std::string_view relative) const {
    if (root_)
        return read_small_file(*root_ / relative, shown_path(relative));
    for (const auto& file : embedded_content_files())
        if (file.path == relative)
            return std::string(file.bytes);
    return Error{fmt::format("{} is not in the text built into settle", relative)};
}

Expected<Topic> parse_topic(std::string_view text, const std::string& path) {
    auto parts = split_frontmatter(text, path);
    if (!parts)
        return parts.error();
    YAML::Node root;
    try {
        root = YAML::Load(parts->yaml);
    } catch (const YAML::Exception& e) {
        return error_at(path, e.mark.is_null() ? 1 : e.mark.line + 2,
                        "the frontmatter is not valid YAML: " + e.msg);
    }
    if (!root.IsMap())
        return error_at(path, 2, "the frontmatter must be 'key: value' lines");
    TopicFields fields(root, path);
    auto name = fields.text("name");
    auto title = fields.text("title");
    auto summary = fields.text("summary");
    // Topics without an order come last, by file name.
    auto order = fields.number("order", std::numeric_limits<int>::max());
    for (const Error* problem :
         {name ? nullptr : &name.error(), title ? nullptr : &title.error(),
          summary ? nullptr : &summary.error(), order ? nullptr : &order.error()})
        if (problem)
            return *problem;
    if (!is_topic_name(*name))
        return error_at(path, fields.line(root["name"]),
                        fmt::format("name must be lower-case letters, digits and '-', got \"{}\"",
                                    neutralize_controls(*name)));
    Topic topic;
    topic.name = std::move(*name);
    topic.title = std::move(*title);
    topic.summary = std::move(*summary);
    topic.order = *order;
    topic.path = path;
    topic.source = std::string(text);
    topic.body = std::move(parts->body);
    return topic;
}

Expected<TopicLibrary> load_topics(const ContentSource& source) {
    auto paths = source.list(kTopicsFolder);
    if (!paths)
        return paths.error();
    TopicLibrary library;
    for (const auto& relative : *paths) {
        if (!relative.ends_with(".md"))
            continue;
        auto text = source.read(relative);
        auto topic =
            text ? parse_topic(*text, source.shown_path(relative)) : Expected<Topic>(text.error());
        if (!topic) {
            library.problems.push_back(topic.error());
            continue;
        }
        auto same = std::find_if(library.topics.begin(), library.topics.end(),
                                 [&](const Topic& t) { return t.name == topic->name; });
        if (same != library.topics.end()) {
            library.problems.push_back(
                error_at(topic->path, 0,
                         fmt::format("the name \"{}\" is already used by {}; skipped", topic->name,
                                     same->path)));
            continue;
        }
        library.topics.push_back(std::move(*topic));
    }
    std::stable_sort(library.topics.begin(), library.topics.end(),
                     [](const Topic& a, const Topic& b) { return a.order < b.order; });
    return library;
}

std::vector<std::string> similar_names(const std::vector<Topic>& topics, std::string_view wanted) {
    auto typed = lower_ascii(wanted);
    // Short words allow one slip, longer ones a few.
    size_t allowed = typed.size() <= 4 ? 1 : typed.size() <= 8 ? 2 : 3;
    std::vector<std::pair<size_t, std::string>> close;
    for (const auto& topic : topics) {
        size_t distance = edit_distance(typed, topic.name);
        // A slip in the first letters of a long name ("reasur") counts too.
        if (typed.size() >= 3 && typed.size() < topic.name.size())
            distance = std::min(
                distance,
                edit_distance(typed, std::string_view(topic.name).substr(0, typed.size())));
        if (distance <= allowed)
            close.emplace_back(distance, topic.name);
    }
    std::stable_sort(close.begin(), close.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> names;
    for (size_t i = 0; i < close.size() && i < 3; ++i)
        names.push_back(close[i].second);
    return names;
}

Expected<const Topic*> find_topic(const std::vector<Topic>& topics, std::string_view wanted) {
    auto shown = neutralize_controls(wanted);
    if (wanted.empty())
        return Error{"give a topic's name; `settle read` lists them"};
    if (looks_like_path(wanted))
        return Error{fmt::format("a topic is a name such as \"reassurance\", not a path (\"{}\"); "
                                 "`settle read` lists them",
                                 shown)};
    auto typed = lower_ascii(wanted);
    std::vector<const Topic*> starting;
    for (const auto& topic : topics) {
        if (topic.name == typed)
            return &topic;
        if (topic.name.starts_with(typed))
            starting.push_back(&topic);
    }
    if (starting.size() == 1)
        return starting.front();
    if (starting.size() > 1) {
        std::vector<std::string> names;
        for (const auto* topic : starting)
            names.push_back(topic->name);
        return Error{fmt::format("\"{}\" could be {}; type a little more", shown,
                                 joined_list(names, " or "))};
    }
    auto close = similar_names(topics, wanted);
    if (close.empty())
        return Error{fmt::format("there is no topic \"{}\"; `settle read` lists them", shown)};
    for (auto& name : close)
        name = "\"" + name + "\"";
    return Error{fmt::format("there is no topic \"{}\"; did you mean {}?", shown,
                             joined_list(close, " or "))};
}

std::vector<TextRange> find_ignoring_case(std::string_view text, std::string_view word) {
    auto wanted = fold(word).text;
    if (wanted.empty())
        return {};
    auto folded = fold(text);
    std::vector<TextRange> found;
    // A match must begin and end on whole characters of the original, so
    // "e" matches neither half of "é", composed or decomposed.
    auto code_point_at = [&](size_t offset) -> std::optional<size_t> {
        auto it = std::lower_bound(folded.starts.begin(), folded.starts.end(), offset);
        if (it == folded.starts.end() || *it != offset)
            return std::nullopt;
        return static_cast<size_t>(it - folded.starts.begin());
    };
    size_t from = 0;
    for (auto at = folded.text.find(wanted, from); at != std::string::npos;
         at = folded.text.find(wanted, from)) {
        auto first = code_point_at(at);
        auto end = code_point_at(at + wanted.size());
        if (first && end && *end > *first && folded.boundary_before(*first) &&
            folded.boundary_before(*end)) {
            found.push_back(TextRange{folded.sources[*first].begin, folded.sources[*end - 1].end});
            from = at + wanted.size();
        } else {
            from = at + 1;
        }
    }
    return found;
}

std::vector<SearchHit> search_topics(const std::vector<Topic>& topics, std::string_view word) {
    std::vector<SearchHit> hits;
    for (const auto& topic : topics) {
        SearchHit hit{&topic, {}};
        for (auto& line : markdown_text_lines(topic.body))
            if (!find_ignoring_case(line, word).empty())
                hit.lines.push_back(std::move(line));
        if (!hit.lines.empty())
            hits.push_back(std::move(hit));
    }
    return hits;
}

std::vector<std::string> topic_sources(const Topic& topic) {
    std::vector<std::string> sources;
    bool in_sources = false;
    std::string_view body = topic.body;
    while (!body.empty()) {
        auto end = body.find('\n');
        auto line = body.substr(0, end);
        body.remove_prefix(end == std::string_view::npos ? body.size() : end + 1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.starts_with("#")) {
            auto title = line.substr(line.find_first_not_of('#'));
            title.remove_prefix(std::min(title.find_first_not_of(' '), title.size()));
            in_sources = line.starts_with("## ") && title == "Sources";
            continue;
        }
        if (!in_sources)
            continue;
        if (line.starts_with("- ") || line.starts_with("* ")) {
            sources.emplace_back(line.substr(2));
        } else if (!sources.empty() && line.starts_with("  ")) {
            // An item wrapped onto the next line.
            auto more = line.substr(line.find_first_not_of(' '));
            sources.back() += " ";
            sources.back() += more;
        }
    }
    return sources;
}

std::vector<std::string> all_sources(const std::vector<Topic>& topics) {
    // Sorted and compared without emphasis marks and case, so the same work
    // written twice counts once.
    auto key = [](const std::string& source) {
        std::string out;
        for (char c : source)
            if (c != '*' && c != '_')
                out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    std::vector<std::pair<std::string, std::string>> keyed;
    for (const auto& topic : topics)
        for (auto& source : topic_sources(topic))
            keyed.emplace_back(key(source), std::move(source));
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    keyed.erase(std::unique(keyed.begin(), keyed.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                keyed.end());
    std::vector<std::string> sources;
    for (auto& item : keyed)
        sources.push_back(std::move(item.second));
    return sources;
}

} // namespace settle
