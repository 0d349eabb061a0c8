// Running another program (git, man) directly, without a shell, so that no
// path or word is ever interpreted by one.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace settle::cli {

struct ProgramRun {
    bool started = false; // false when the program could not be found or run
    int status = -1;      // its exit status; 128 + N when killed by signal N
    std::string output;   // stdout and stderr, when captured
};

struct RunOptions {
    // Collect stdout and stderr (and give the program no stdin) instead of
    // letting it use settle's own.
    bool capture = false;
    // Variables to set (or replace) in the program's environment.
    std::vector<std::pair<std::string, std::string>> environment;
};

// Runs argv[0], looked up on $PATH, with the given arguments, and waits.
ProgramRun run_program(const std::vector<std::string>& argv, const RunOptions& options = {});

// Starts argv[0] in a session of its own with stdin, stdout and stderr on
// /dev/null, and does not wait: it carries on after settle exits and no
// terminal signal reaches it. Returns whether it started.
bool start_detached(const std::vector<std::string>& argv);

} // namespace settle::cli
