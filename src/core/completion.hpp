// Offering words from a vocabulary while a person types (Tab in `settle
// script`). Vocabulary entries may be phrases ("left out", "to be heard"), so
// the text being completed may span several words.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace settle {

struct Completion {
    // Byte offset in the typed text where the completed fragment starts.
    size_t fragment_start = 0;
    // Vocabulary entries that start with the fragment (ignoring ASCII case),
    // in vocabulary order.
    std::vector<std::string_view> candidates;
    // The longest text every candidate starts with; at least the fragment
    // when there are candidates.
    std::string common_prefix;
};

// Completes the end of `typed` (the text before the cursor). The longest
// fragment that starts a word and begins some entry wins, so "feel left o"
// completes "left out" rather than "o…". After a space, or on an empty line,
// every entry is a candidate.
Completion complete_phrase(std::string_view typed, const std::vector<std::string_view>& vocabulary);

// --- Shell completion (`settle __complete`) ---------------------------------
//
// Candidates come from entries, config and content files, all of which may
// hold anything. A candidate reaches a shell only when it is safe to show and
// the shell can quote it: valid UTF-8, no control or invisible format
// characters (bidi overrides, zero-width), no newline.
bool offerable_to_shell(std::string_view candidate);

// Whether `id` is named as settle names entries: YYYY-MM-DD-HHMMSS-KIND with
// an optional -N, KIND one of audit, script, pause. Only such IDs are offered.
bool is_entry_id(std::string_view id);

// Reads a variable of the environment (the process's in settle, a table in
// tests); the same shape as settings.hpp's GetEnv.
using Environment = std::function<std::optional<std::string>(const char*)>;

// "~", "~/x", "$HOME/x", "${HOME}/x" as a shell would expand them; other
// text is returned as it is.
std::string expand_home_and_variables(std::string_view path, const Environment& environment);

// A bash command line up to the cursor, split into words as bash will split
// them when the line runs. bash hands a completion function the whole line
// and the text readline will replace (`$2`), which is the end of the word
// under the cursor: after its last opening quote, or after the last
// COMP_WORDBREAKS character ("=", ":").
struct BashLine {
    std::vector<std::string> words; // after the command name, without quotes;
                                    // the last is the word being completed
    std::string lead;               // the start of that word (without quotes)
                                    // that stays on the line, before readline's text
    char quote = 0;                 // 0, '\'' or '"': the quoting readline's text is in
    std::string file_text;          // readline's text without quotes, a leading
                                    // "~" kept: what compgen completes file names of
    bool redirection = false;       // the word is a file to redirect from or to
};

// Splits `line` (the text before the cursor) for completion; `readline_text`
// is bash's `$2`. Nothing when the line cannot be read that way: the cursor
// in a comment, ANSI-C `$'...'` quoting, or text that does not end the line.
std::optional<BashLine> split_bash_line(std::string_view line, std::string_view readline_text,
                                        const Environment& environment);

// `text` quoted for bash so that, inserted where readline's text starts
// (inside the quoting `quote` opened), the line reads back as `text`.
std::string quote_for_bash(std::string_view text, char quote);

} // namespace settle
