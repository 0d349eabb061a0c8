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
        // Only an entry with a prediction two devices answered differently
        // is handed on: a question for the person, not a fault in the file,
        // so named but not a failure.
        std::atomic<size_t> read_well{0};
        ReadRequest request;
        request.keep = [&read_well](const Entry& entry) {
            ++read_well;
            return entry.revisit && !entry.revisit->contested.empty();
        };
        request.bodies = false;
        size_t problems = 0, questions = 0;
        read_journal(journal.root(), request, [&](ReadFile&& read) {
            if (!read.entry) {
                ++problems;
                fmt::print("{}\n", neutralize_controls(read.entry.error().located()));
                return;
            }
            for (const auto& [number, answers] : read.entry->revisit->contested) {
                std::vector<std::string> words;
                for (auto answer : answers)
                    words.push_back(answer == PredictionOutcome::didnt
                                        ? "didn't"
                                        : std::string(to_string(answer)));
                fmt::print("{}: prediction {} was answered two ways on two devices ({}); "
                           "`settle revisit {}` asks which stands\n",
                           neutralize_controls(read.relative), number, fmt::join(words, ", "),
                           neutralize_controls(read.id()));
                ++questions;
            }
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
        if (questions > 0)
            fmt::print(stderr, "{} waiting for you to say which answer stands.\n",
                       questions == 1 ? std::string("One prediction is")
                                      : fmt::format("{} predictions are", questions));
        if (!leftovers.empty()) {
            print_message(fmt::format("{} {} left beside the entries.\n", leftovers.size(),
                                      leftovers.size() == 1 ? "file was" : "files were"));
            context.exit_status = 1;
        }
    });
}

} // namespace settle::cli
