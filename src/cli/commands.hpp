// One function per subcommand, each in its own file: it adds the
// subcommand's options to `app` and the callback that runs it.
#pragma once

#include "cli/context.hpp"
#include "cli/run.hpp"

#include <CLI/CLI.hpp>

namespace settle::cli {

// Makes a repeatable option take each value exactly as typed. CLI11 reads a
// value like "[unclear]" or "[a, b]" as a list by default: it drops the
// brackets, splits at commas, and lets a bracketed value take the arguments
// after it, so a person's words would change or a prediction be saved as a
// fact. Every repeatable option goes through here (a unit test walks them).
inline CLI::Option* take_verbatim(CLI::Option* option) {
    return option->expected(1)->allow_extra_args(false)->delimiter('\0')->multi_option_policy(
        CLI::MultiOptionPolicy::TakeAll);
}

void setup_audit(CLI::App& app, Context& context);
void setup_script(CLI::App& app, Context& context);
void setup_pause(CLI::App& app, Context& context);
void setup_list(CLI::App& app, Context& context);
void setup_summary(CLI::App& app, Context& context);
void setup_show(CLI::App& app, Context& context);
void setup_check(CLI::App& app, Context& context);
void setup_edit(CLI::App& app, Context& context);
void setup_read(CLI::App& app, Context& context);
void setup_crisis(CLI::App& app, Context& context);
// The crisis screen itself, on stdout: what `settle crisis` prints, also
// offered by the guided sessions on `c`.
void show_crisis_lines(Context& context);
void setup_init(CLI::App& app, Context& context);
void setup_config(CLI::App& app, Context& context);
void setup_revisit(CLI::App& app, Context& context);
void setup_help(CLI::App& app, Context& context);
void setup_complete(CLI::App& app, Context& context); // hidden: `settle __complete`
void setup_sync(CLI::App& app, Context& context);
void setup_merge_entry(CLI::App& app, Context& context); // hidden: git's merge driver

// Adds the global options and every subcommand to `app`. Tests walk the tree
// it builds to check that completions and manual pages cover all of it.
void build(CLI::App& app, Context& context);

} // namespace settle::cli
