// Shell completion computed by settle itself from its CLI11 tree, so the
// bash, zsh and fish scripts in completions/ stay a few lines long and can
// never fall behind the commands and options that exist.
//
// The scripts run `settle __complete -- WORD...` with the words after
// "settle" up to and including the one under the cursor (possibly empty).
// Output: one candidate a line as "value<TAB>description"; a line ":dirs"
// asks the shell to offer folders as well.
#pragma once

#include "context.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace settle::cli {

struct Candidate {
    std::string value;
    std::string description;
};

struct Completions {
    std::vector<Candidate> candidates; // starting with the word being completed
    bool directories = false;          // the shell should offer folder names too
};

// What may come next after `words` (the last one is the word being completed).
// Values from the journal (tags, feelings, needs, entry IDs) are read through
// `context`; a journal or config that cannot be read just offers none.
Completions complete(const CLI::App& root, Context& context, const std::vector<std::string>& words);

} // namespace settle::cli
