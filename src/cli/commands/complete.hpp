// Shell completion computed by settle itself from its CLI11 tree, so the
// bash, zsh and fish scripts in completions/ stay a few lines long and can
// never fall behind the commands and options that exist.
//
// zsh and fish run `settle __complete -- WORD...` with the words after
// "settle", unquoted, up to and including the one under the cursor (possibly
// empty). Output: one candidate a line as "value<TAB>description", the value
// raw: those shells quote what they insert. A line ":dirs" or ":files" asks
// the shell to offer folder or file names as well.
//
// bash cannot quote what a completion function offers (only file names), so
// `settle __complete --shell bash --line LINE --text TEXT` takes the line up
// to the cursor and readline's text ($2), splits the line as bash will, and
// prints each candidate as the exact replacement for TEXT, quoted for where
// it goes. ":dirs<TAB>WORD" or ":files<TAB>WORD" asks for compgen's names
// for WORD (the unquoted text), and then readline quotes them all, so only
// candidates that need no quoting are printed beside it.
#pragma once

#include "cli/cli11_fwd.hpp"
#include "cli/context.hpp"

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
    bool files = false;                // the shell should offer file names too
};

// What may come next after `words` (the last one is the word being completed).
// Values from the journal (tags, feelings, needs, entry IDs) are read through
// `context`; a journal or config that cannot be read just offers none.
Completions complete(const CLI::App& root, Context& context, const std::vector<std::string>& words);

} // namespace settle::cli
