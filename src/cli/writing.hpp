// What the three writing commands (audit, script, pause) share: the common
// flags, reading fields from stdin, and saving the entry.
#pragma once

#include "context.hpp"
#include "core/entry.hpp"
#include "core/field_input.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace settle::cli {

struct WriteOptions {
    std::vector<std::string> tags;
    std::optional<std::string> at;
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

// Stamps the entry with its time and tags, validates it, runs a timer if one
// was asked for, and writes it. Nothing is written if anything is wrong.
// Returns the relative path of the new file.
std::string save_entry(Context& context, Entry entry, const WriteOptions& options,
                       const std::string& stdout_text = {});

} // namespace settle::cli
