// The psychoeducation text: topic files under content/topics/, each Markdown
// with a small YAML frontmatter (name, title, summary, order). The text comes
// from a folder (a clinic's localized copy) or from the copy built into the
// binary, so a copied settle still has it. Nothing here touches the terminal.
#pragma once

#include "error.hpp"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace settle {

namespace fs = std::filesystem;

// One file of content/ as it was when settle was built.
struct EmbeddedFile {
    std::string_view path; // relative to content/, with '/' separators
    std::string_view bytes;
};

// Every file under content/, sorted by path; generated at build time.
std::span<const EmbeddedFile> embedded_content_files();

// Where the text is read from: a folder on disk or the built-in copy.
class ContentSource {
  public:
    static ContentSource folder(fs::path root);
    static ContentSource built_in();
    // The folder a setting names (`content:` or $SETTLE_CONTENT), or the
    // built-in text when it names none.
    static ContentSource from_setting(const fs::path& folder);

    bool is_built_in() const { return !root_; }
    // For messages: the folder, or "the built-in text".
    std::string describe() const;

    // Files directly in `folder` (e.g. "topics"), as paths relative to the
    // content root, sorted. Hidden files are left out.
    Expected<std::vector<std::string>> list(std::string_view folder) const;
    Expected<std::string> read(std::string_view relative) const;
    // How a file is named in messages: its full path when on disk.
    std::string shown_path(std::string_view relative) const;

  private:
    explicit ContentSource(std::optional<fs::path> root) : root_(std::move(root)) {}
    std::optional<fs::path> root_;
};

struct Topic {
    std::string name;    // what `settle read NAME` takes
    std::string title;   // for the list and the booklet's contents
    std::string summary; // one line for the list
    int order = 0;       // reading order
    std::string path;    // relative to the content root, for messages
    std::string source;  // the whole file, frontmatter included
    std::string body;    // the Markdown after the frontmatter
};

// Parses one topic file; `path` names it in errors (`path:line: message`).
Expected<Topic> parse_topic(std::string_view text, const std::string& path);

struct TopicLibrary {
    std::vector<Topic> topics;   // in reading order
    std::vector<Error> problems; // one per topic file that could not be used
};

// Loads every topics/*.md file. A bad file is reported in `problems` and the
// rest still load; a source with no topics folder at all is an error.
Expected<TopicLibrary> load_topics(const ContentSource& source);

// Finds a topic by its name or a unique prefix of it, ignoring case. A path
// ("../../etc/passwd") is refused; an unknown name gets "did you mean".
Expected<const Topic*> find_topic(const std::vector<Topic>& topics, std::string_view wanted);

// Names within a small edit distance of `wanted`, closest first.
std::vector<std::string> similar_names(const std::vector<Topic>& topics, std::string_view wanted);

struct TextRange {
    size_t begin = 0; // byte offsets into the searched text
    size_t end = 0;
};

// Where `word` occurs in `text`, ignoring case and accents' encoding
// (composed or decomposed), as byte ranges of `text`.
std::vector<TextRange> find_ignoring_case(std::string_view text, std::string_view word);

struct SearchHit {
    const Topic* topic = nullptr;
    std::vector<std::string> lines; // the topic's text lines that contain the word
};

// Topics whose text contains `word`, in reading order, with the lines
// (paragraphs, list items, headings, as plain text) that contain it.
std::vector<SearchHit> search_topics(const std::vector<Topic>& topics, std::string_view word);

// The works a topic names in its closing "## Sources" section, one per list
// item ("- Author (year). Title. Journal."), as written.
std::vector<std::string> topic_sources(const Topic& topic);

// Every source of every topic, each once, in alphabetical order (ignoring
// case and Markdown emphasis).
std::vector<std::string> all_sources(const std::vector<Topic>& topics);

} // namespace settle
