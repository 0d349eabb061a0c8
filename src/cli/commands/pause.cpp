// settle pause: tolerating the pause. The urge before and after, and what
// the person decided. It never blocks contact; it only asks.
#include "cli/commands.hpp"
#include "cli/guided/guided.hpp"
#include "cli/writing.hpp"
#include "core/entry_keys.hpp"

#include <fmt/format.h>
#include <memory>

namespace settle::cli {

namespace {

struct PauseOptions {
    WriteOptions write;
    std::optional<std::string> urge_before;
    std::optional<std::string> urge_after;
    std::optional<std::string> outcome;
};

void run_pause(Context& context, PauseOptions& options) {
    read_fields_from_stdin(options.write, {"urge-before", "urge-after", "outcome"},
                           [&](const FieldLine& field) {
                               set_once(field.name == "urge-before"  ? options.urge_before
                                        : field.name == "urge-after" ? options.urge_after
                                                                     : options.outcome,
                                        field);
                           });
    PauseFields pause;
    if (options.urge_before)
        pause.urge_before = parse_rating(*options.urge_before, "--urge-before");
    if (options.urge_after)
        pause.urge_after = parse_rating(*options.urge_after, "--urge-after");
    if (options.outcome) {
        pause.outcome = parse_outcome(*options.outcome);
        if (!pause.outcome)
            throw UsageError(fmt::format("--outcome must be {}, got \"{}\"",
                                         spoken_choices<Outcome>(), *options.outcome));
    }
    if (should_guide(options.write, !pause.urge_before || !pause.urge_after || !pause.outcome))
        return guide_pause(context, pause, options.write);
    Entry entry;
    entry.fields = pause;
    save_entry(context, std::move(entry), options.write);
}

} // namespace

void setup_pause(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "pause", "Tolerating the pause: notice the urge, breathe, then decide about contact");
    auto options = std::make_shared<PauseOptions>();
    command->add_option("--urge-before", options->urge_before,
                        "The urge to reach out before, 0-10");
    command->add_option("--urge-after", options->urge_after, "The urge after the pause, 0-10");
    command->add_option("--outcome", options->outcome, "What you decided")
        ->option_text(option_choices<Outcome>());
    add_write_options(*command, options->write);
    command->footer(R"(Examples:
  settle pause --urge-before 8 --urge-after 4 --outcome waited
  settle pause --minutes 5 --urge-before 7 --urge-after 5 --outcome undecided --note "walked")");
    command->callback([&context, options] { run_pause(context, *options); });
}

} // namespace settle::cli
