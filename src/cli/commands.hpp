// One function per subcommand, each in its own file: it adds the
// subcommand's options to `app` and the callback that runs it.
#pragma once

#include "context.hpp"

#include <CLI/CLI.hpp>

namespace settle::cli {

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

// Adds the global options and every subcommand to `app`. Tests walk the tree
// it builds to check that completions and manual pages cover all of it.
void build(CLI::App& app, Context& context);

// Parses argv and runs the chosen command; returns the exit status.
int run(int argc, char** argv);

} // namespace settle::cli
