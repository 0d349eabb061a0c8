// What every command receives: the global options, the environment, the
// clock, and the settings resolved once from all their layers. No globals:
// tests and the fuzzers build their own Context.
#pragma once

#include "core/journal.hpp"
#include "core/settings.hpp"
#include "core/time.hpp"

#include <optional>
#include <stdexcept>
#include <string>

namespace settle::cli {

// A command line or input the person can fix: exit status 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Something went wrong while doing what was asked: exit status 1.
struct RuntimeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class ColorMode { automatic, always, never };

struct GlobalOptions {
    std::optional<std::string> journal;
    std::optional<std::string> color; // --color; unset means "not given"
};

class Context {
  public:
    Context(GetEnv env, SysSeconds now) : env_(std::move(env)), now_(now) {}

    GlobalOptions global;
    // Set by a command that finished but has something to report (check).
    int exit_status = 0;

    const GetEnv& env() const { return env_; }
    SysSeconds now() const { return now_; }
    // A second exercise begun in the same run (the script offered at the
    // end of a pause) is dated when it begins, not when settle started.
    void set_now(SysSeconds now) { now_ = now; }
    // Resolved on first use so that commands that need no settings
    // (--version) do not read the config file. A config file that cannot be
    // used never stops an exercise, a reader or the menu: settle warns in
    // one line and runs on its defaults. Commands that are about the config
    // (`config`, `check`) set `config_problems_are_errors` first, and then
    // a broken file is a usage error with its path:line.
    const Settings& settings();
    bool config_problems_are_errors = false;
    Journal journal() { return Journal(settings().journal.value); }
    const LocalZone& zone();
    // Whether to style output written to `stream` (1 = stdout, 2 = stderr):
    // --color, else NO_COLOR, else `color:` in the config file, else "auto"
    // (only when the stream is a terminal).
    bool use_color(int stream);

  private:
    GetEnv env_;
    SysSeconds now_;
    std::optional<Settings> settings_;
    std::optional<LocalZone> zone_;
};

} // namespace settle::cli
