// What the three writing commands (audit, script, pause) share: the common
// flags, reading fields from stdin, and saving the entry.
#pragma once

#include "cli/cli11_fwd.hpp"
#include "cli/context.hpp"
#include "core/entry.hpp"
#include "core/field_input.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace settle::cli {

struct WriteOptions {
    std::vector<std::string> tags;
    std::optional<std::string> at;
    bool force = false; // --force: an --at date before 1900 without asking
    bool print_path = false;
    std::optional<double> minutes;
    bool no_timer = false;
    bool from_stdin = false;
    std::optional<std::string> note;
};

void add_write_options(CLI::App& command, WriteOptions& options);

// "8" -> 8; anything but a whole number 0-10 is a usage error naming `flag`.
int parse_rating(const std::string& text, const std::string& flag);

// Applies --stdin input: `tag` and `note` are handled here, every other
// field is passed to `apply`. `names` lists the command's own fields.
void read_fields_from_stdin(WriteOptions& options, const std::vector<std::string>& names,
                            const std::function<void(const FieldLine&)>& apply);

// Stores a single-valued field from stdin; giving it twice is a usage error.
void set_once(std::optional<std::string>& target, const FieldLine& field);

// The steps of saving, shared by the flag-driven commands and the guided
// sessions (which stamp before anyone types, so that a bad --at is reported
// first, and write once the session ends however it ends).
//
// Sets the entry's time (now, or --at), tags and note.
void stamp_entry(Context& context, Entry& entry, const WriteOptions& options);

struct SavedEntry {
    fs::path path;        // as written
    std::string relative; // to the journal folder, for messages
};

// Writes the entry as a new file; a journal that cannot be written is a
// runtime error.
SavedEntry add_to_journal(Context& context, const Entry& entry);

// add_to_journal for the flag-driven commands: when the entry cannot be
// saved, every word of it is shown on stderr before the error.
SavedEntry add_to_journal_keeping_words(Context& context, const Entry& entry);

// With `git.auto_commit: true`, commits the saved entry (after "Saved ..."
// has been said, so that a note about git follows it). Never throws: the
// entry is saved whatever git does.
void commit_if_asked(Context& context, const SavedEntry& saved, const Entry& entry);

// What a writing command prints on stdout: the new file's path with
// --print-path, else `stdout_text` (e.g. the composed sentence), if any.
void print_on_stdout(const SavedEntry& saved, const WriteOptions& options,
                     const std::string& stdout_text);

// Stamps the entry with its time and tags, validates it, runs a timer if one
// was asked for, and writes it. Nothing is written if anything is wrong.
// Returns the relative path of the new file.
std::string save_entry(Context& context, Entry entry, const WriteOptions& options,
                       const std::string& stdout_text = {});

} // namespace settle::cli
