// settle check: read every entry and name each problem as path:line.
#include "cli/commands.hpp"
#include "cli/reading.hpp"
#include "cli/terminal/pager.hpp"
#include "core/display.hpp"
#include "core/journal_scan.hpp"

#include <atomic>
#include <fmt/format.h>

namespace settle::cli {

void setup_check(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("check", "Check that every entry file can be read");
    command->footer(R"(Prints each problem as path:line: message and exits 1 if there is any.

Example:
  settle check && git commit -am "journal")");
    command->callback([&context] {
        // A config file that cannot be used is a problem to name here, with
        // its path:line, though every other command runs on the defaults.
        context.config_problems_are_errors = true;
        auto journal = readable_journal(context, "check");
        // Each problem as it is met, in the journal's order; nothing of an
        // entry that reads well is kept.
        std::atomic<size_t> read_well{0};
        ReadRequest request;
        request.keep = [&read_well](const Entry&) {
            ++read_well;
            return false;
        };
        size_t problems = 0;
        read_journal(journal.root(), request, [&](ReadFile&& read) {
            ++problems;
            fmt::print("{}\n", neutralize_controls(read.entry.error().located()));
        });
        auto checked = read_well + problems;
        // What settle left beside the entries is named too, never hidden:
        // readers skip hidden files, so nothing else would show them.
        auto leftovers = journal.leftovers();
        for (const auto& leftover : leftovers) {
            if (leftover.edit_copy)
                fmt::print("{}: an edited copy of {} that settle could not save; `settle edit {}` "
                           "offers to open it\n",
                           neutralize_controls(leftover.relative),
                           neutralize_controls(leftover.entry_id),
                           neutralize_controls(leftover.entry_id));
            else
                fmt::print("{}: a temporary file left by a settle that stopped while saving; "
                           "look at it, then remove it (the next save into this folder also "
                           "removes it)\n",
                           neutralize_controls(leftover.relative));
        }
        if (problems == 0) {
            print_message(fmt::format("{} {} checked; all can be read.\n", checked,
                                      checked == 1 ? "entry" : "entries"));
        } else {
            print_message(fmt::format("{} of {} entries need a look.\n", problems, checked));
            context.exit_status = 1;
        }
        if (!leftovers.empty()) {
            print_message(fmt::format("{} {} left beside the entries.\n", leftovers.size(),
                                      leftovers.size() == 1 ? "file was" : "files were"));
            context.exit_status = 1;
        }
    });
}

} // namespace settle::cli
