// The on-disk form of an entry: Markdown with YAML frontmatter, version 1.
// docs/entry-format.md is the contract this file implements.
#pragma once

#include "entry.hpp"
#include "entry_values.hpp"
#include "error.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace settle {

// Writes an entry in the canonical form: fixed key order, one list item per
// line, LF line ends, so settle's own files diff cleanly under git.
std::string format_entry(const Entry& entry);

// The frontmatter and body of a file, with BOM and CRLF already removed.
struct Frontmatter {
    std::string yaml;   // the text between the fences
    int first_line = 2; // the file line where `yaml` starts (1-based)
    std::string body;
};

// Splits a file's text at its `---` fences. `path` is used in errors only.
Expected<Frontmatter> split_frontmatter(std::string_view text, const std::string& path);

// The text as both front ends read it: without a UTF-8 BOM, and without the
// CRs of CRLF (or CRCRLF) line ends and at the very end, so that line numbers
// stay the same. Any other CR is the person's text and stays. nullopt when the
// text has no BOM and no CR at all, so that most files are never copied.
std::optional<std::string> without_bom_and_crlf(std::string_view text);

// Reads an entry as a person may have left it: keys in any order, comments,
// unknown keys (ignored), CRLF line ends, a UTF-8 BOM. Only the keys the
// format defines are read, each with the type it must have; anything else in
// the file is never walked. Errors carry `path` and the file line at fault.
Expected<Entry> parse_entry(std::string_view text, const std::string& path);

// The line (1-based) where git's conflict markers begin, when the file holds
// two versions of itself (<<<<<<<, =======, >>>>>>> at line starts).
std::optional<int> conflict_marker_line(std::string_view text);

// The yaml-cpp syntax front end of parse_entry: the frontmatter's values as
// yaml-cpp reads them, for build_entry (entry_values.hpp), or the problem
// with the file as a whole or with its YAML. `document` holds the text the
// values point into.
struct YamlFrontmatter {
    FrontmatterValues values;
    std::shared_ptr<const void> document;
};
Expected<YamlFrontmatter> read_values_with_yaml(std::string_view text, const std::string& path);

// Writes the answers of a revisit into an entry's text and changes nothing
// else: an existing top-level `revisit:` block is replaced, otherwise the new
// block goes just before the closing fence. Line ends follow the file's own
// (CRLF stays CRLF). The result is checked to read back as the same entry
// with only the revisit changed; if it would not, nothing is returned.
Expected<std::string> write_revisit(std::string_view original, const Revisit& revisit,
                                    const std::string& path);

} // namespace settle
