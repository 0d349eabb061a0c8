// A shortcut reader for the one form settle itself writes (format_entry).
//
// Why: yaml-cpp needs about 60 µs for even a small document, which makes
// reading a 100,000-entry journal take seconds. Nearly every file in a journal
// is exactly as settle wrote it, and that form is simple enough to read line
// by line in about a microsecond.
//
// It is only a syntax front end: it turns the lines into the same neutral
// values yaml-cpp's front end makes (entry_values.hpp), and the one semantic
// pass, build_entry, reads those for both. The rule that keeps it honest: the
// shortcut only answers when it is certain that yaml-cpp would see the very
// same values in the same bytes. Besides settle's own form it reads the few
// things an editor or a person commonly leaves in a file (a BOM, CRLF line
// ends, a comment on a line of its own, a flow list of words such as
// `tags: [work, sleep]`, a key of one's own such as `mood: calmer`), because
// a journal edited on another system would otherwise be read 60 times
// slower. Any other syntax (comments after a value, blank lines,
// single-quoted values, an unknown key with a block under it, unusual
// indentation, invalid UTF-8, git's conflict markers...) makes it decline,
// and the caller falls back to parse_entry, which reads every valid form.
// tests/unit/test_fast_frontmatter.cpp checks this against yaml-cpp on
// generated, hand-edited and fuzzed files.
#pragma once

#include "entry.hpp"
#include "entry_values.hpp"
#include "error.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace settle {

// The shortcut's syntax front end: fills `out` and returns true when `text`
// is in a form it reads (its values then point into `text`, or into
// `out.storage`).
bool read_canonical_values(std::string_view text, FrontmatterValues& out);

// The entry in `text` if it is in settle's canonical form and valid, else
// nullopt.
std::optional<Entry> read_canonical_entry(std::string_view text);

// THE way to read an entry: the entry in `text`, or the problem with it as
// `path:line: message`. From the shortcut's values when it can read the
// syntax, else from yaml-cpp's; both go through the same build_entry.
Expected<Entry> read_entry_text(std::string_view text, const std::string& path);

} // namespace settle
