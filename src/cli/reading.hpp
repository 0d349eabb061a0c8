// What the reading commands (list, show, check, summary) share.
#pragma once

#include "context.hpp"
#include "core/entry.hpp"
#include "core/journal.hpp"

#include <string>
#include <vector>

namespace settle::cli {

// The journal, for a command that reads it. A journal that does not exist
// yet simply has no entries; one that exists but is not a folder, or cannot
// be listed, is an error (exit 1), never passed off as an empty journal.
Journal readable_journal(Context& context);

// Prints each problem as `settle: path:line: message` on stderr, so a reader
// can report a bad file and carry on with the rest.
void report_skipped(const std::vector<Error>& problems);

// One line about an entry, made safe for a terminal: "urge 8 → 3, waited".
std::string describe_entry(const Entry& entry);

// Text from entries inside a Markdown table cell or line: control
// characters shown, and the characters Markdown would act on escaped.
std::string markdown_text(std::string_view raw);
// "| a | b |" and a newline; the cells are already Markdown.
std::string markdown_row(const std::vector<std::string>& cells);

// Refuses a --format value the command does not offer (exit 2).
void check_format(const std::string& format, std::initializer_list<const char*> allowed);

} // namespace settle::cli
