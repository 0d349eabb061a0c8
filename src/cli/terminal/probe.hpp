// What settle asks of the terminal, asked in one place: whether an output
// is a terminal, whether that terminal understands escape sequences, and
// its size. The pager, the colour decision, the guided sessions and the
// summary's width all ask here, so they cannot disagree.
#pragma once

#include "core/settings.hpp"

#include <optional>

namespace settle::cli {

struct ScreenSize {
    int columns = 0;
    int rows = 0;
};

// Whether `fd` (STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO) is a terminal:
// a person there, rather than a pipe or a file.
bool is_terminal(int fd);

// The size of the terminal on `fd`, or nothing when `fd` is not a terminal
// or does not know its size.
std::optional<ScreenSize> screen_size(int fd);

// Whether $TERM names a terminal that takes escape sequences (cursor
// movement, colour): anything but "dumb", the name Emacs shells and some
// editors' terminals give, which show the sequences as text.
bool term_takes_escapes(const GetEnv& env);

// Whether `fd` is a terminal that takes escape sequences.
bool escape_capable_terminal(int fd, const GetEnv& env);

} // namespace settle::cli
