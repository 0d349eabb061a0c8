// settle check: read every entry and name each problem as path:line.
#include "commands.hpp"
#include "core/display.hpp"
#include "reading.hpp"

#include <fmt/format.h>

namespace settle::cli {

void setup_check(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("check", "Check that every entry file can be read");
    command->footer(R"(Prints each problem as path:line: message and exits 1 if there is any.

Example:
  settle check && git commit -am "journal")");
    command->callback([&context] {
        auto journal = readable_journal(context, "check");
        auto loaded = load_entries(journal, [](const Entry&) { return true; });
        for (const auto& problem : loaded.problems)
            fmt::print("{}\n", neutralize_controls(problem.located()));
        auto checked = loaded.entries.size() + loaded.problems.size();
        if (loaded.problems.empty()) {
            fmt::print(stderr, "{} {} checked; all can be read.\n", checked,
                       checked == 1 ? "entry" : "entries");
        } else {
            fmt::print(stderr, "{} of {} entries need a look.\n", loaded.problems.size(), checked);
            context.exit_status = 1;
        }
    });
}

} // namespace settle::cli
