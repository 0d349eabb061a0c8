// Where long output goes: straight to stdout, or through a pager when a
// person is reading it on a terminal and it does not fit on one screen.
#pragma once

#include "cli/terminal/probe.hpp"
#include "core/settings.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace settle::cli {

// Text is laid out this wide when no --width is given: the terminal's width,
// but no wider than comfortable reading; 80 columns into a pipe or file.
int reading_width();

// Writes `text` to stdout, through $PAGER (default `less`, with LESS=FRX
// when $LESS is not set, as git does) when stdout is a terminal that can
// show one (not TERM=dumb) and the text is taller than it. A pager that is missing or
// fails to start falls back to printing.
void print_paged(std::string_view text, const GetEnv& env);

// `text` as it should reach `fd` (stdout or stderr): at a terminal each
// line is word-wrapped at its width, continuation lines indented like the
// line; into a pipe or a file every line stays as written, so scripts and
// logs see one message a line.
std::string wrap_for(int fd, std::string_view text);

// Prints a message on stderr, wrapped as wrap_for says.
void print_message(std::string_view text);

} // namespace settle::cli
