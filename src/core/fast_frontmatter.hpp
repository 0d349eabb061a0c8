// A shortcut reader for the one form settle itself writes (format_entry).
//
// Why: yaml-cpp needs about 60 µs for even a small document, which makes
// reading a 100,000-entry journal take seconds. Nearly every file in a journal
// is exactly as settle wrote it, and that form is simple enough to read line
// by line in about a microsecond.
//
// The rule that keeps it honest: the shortcut only ever answers with an entry
// when it is certain that parse_entry would read the very same entry from the
// same bytes. Anything else (comments, CRLF, a BOM, blank lines, flow or
// single-quoted values, unknown keys, unusual indentation, invalid UTF-8, a
// value that fails validation...) makes it decline, and the caller falls back
// to parse_entry, which reads every valid form and names the problems.
// tests/unit/test_fast_frontmatter.cpp checks this against yaml-cpp on
// generated, hand-edited and fuzzed files.
#pragma once

#include "entry.hpp"
#include "error.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace settle {

// The entry in `text` if it is in settle's canonical form, else nullopt.
std::optional<Entry> read_canonical_entry(std::string_view text);

// The entry in `text`: from the shortcut when it can, else from parse_entry
// (whose errors name `path`).
Expected<Entry> read_entry_text(std::string_view text, const std::string& path);

} // namespace settle
