// The guided side of `settle revisit`: walking entries at the terminal,
// one question at a time, saving each answer as it is given so that
// stopping part-way loses nothing already answered.
#pragma once

#include "cli/context.hpp"
#include "core/journal.hpp"
#include "core/revisit.hpp"

#include <string>
#include <vector>

namespace settle::cli {

// Whether a walk can run: stdin and stdout are terminals and no data format
// was asked for.
bool can_walk(const std::string& format);

// Asks about each entry's open items, oldest first.
void walk(Context& context, const std::vector<LoadedEntry>& entries);

// Writes answers into one entry (atomically, changing nothing else).
void save_answers(Context& context, const EntryFile& file, const Answers& answers);

} // namespace settle::cli
