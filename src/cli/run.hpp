// settle's entry point, apart from the command tree so that main.cpp does
// not compile CLI11's header (see cli11_fwd.hpp).
#pragma once

namespace settle::cli {

// Parses argv and runs the chosen command; returns the exit status.
int run(int argc, char** argv);

} // namespace settle::cli
