#include "cli/vocabulary.hpp"

#include "core/content.hpp"
#include "core/display.hpp"

#include <algorithm>

namespace settle::cli {

namespace {

// Entries read for the person's own words: enough for what they use now,
// quick on a journal of many years.
constexpr size_t kRecentEntries = 300;
// Longer text is a sentence, not a word to offer.
constexpr size_t kLongestWord = 60;

// Not an option, nor a line settle __complete would read as an instruction
// to the shell (":dirs").
bool offerable(const std::string& word) {
    return !word.empty() && word.size() <= kLongestWord && word.front() != '-' &&
           word.front() != ':' && neutralize_controls(word) == word;
}

// The vocabulary file from the configured content folder; a folder without
// one (a translation of the topics only) uses the built-in words.
std::string vocabulary_text(Context& context, WordList which) {
    const char* file =
        which == WordList::feelings ? "vocabulary/feelings.txt" : "vocabulary/needs.txt";
    auto source = ContentSource::from_setting(context.settings().content.value);
    auto text = source.read(file);
    if (!text && !source.is_built_in())
        text = ContentSource::built_in().read(file);
    return text ? *text : std::string();
}

} // namespace

std::vector<std::string> offered_words(Context& context, WordList which) {
    std::vector<std::string> words;
    auto add = [&words](const std::string& word) {
        if (offerable(word) && std::find(words.begin(), words.end(), word) == words.end())
            words.push_back(word);
    };
    auto journal = context.journal();
    auto files = journal.latest_files(kRecentEntries);
    for (auto file = files.rbegin(); file != files.rend(); ++file) {
        auto entry = journal.read(*file);
        if (const auto* script = entry ? std::get_if<ScriptFields>(&entry->fields) : nullptr)
            add(which == WordList::feelings ? script->feeling : script->need);
    }
    auto vocabulary = vocabulary_text(context, which); // the entries are views into it
    for (auto word : vocabulary_entries(vocabulary))
        add(std::string(word));
    return words;
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
