// settle show: one entry, readable.
#include "cli/commands.hpp"
#include "cli/hints.hpp"
#include "cli/reading.hpp"
#include "cli/terminal/probe.hpp"
#include "core/display.hpp"
#include "core/entry_format.hpp"
#include "core/entry_json.hpp"

#include <fmt/format.h>
#include <memory>
#include <unistd.h>

namespace settle::cli {

namespace {

struct ShowOptions {
    std::string entry;
    std::string format = "text";
};

std::string rating(const std::optional<int>& value) {
    return value ? fmt::format("{}/10", *value) : "not rated";
}

std::string timer_text(const Timer& timer) {
    auto clock = [](int seconds) {
        return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
    };
    auto text = fmt::format("{} of {}", clock(timer.elapsed_seconds), clock(timer.planned_seconds));
    return timer.ended_early() ? text + " (ended early)" : text;
}

void print_field(std::string_view label, std::string_view value) {
    fmt::print("{:<15}{}\n", label, neutralize_controls(value));
}

void print_items(std::string_view heading, const std::vector<std::string>& items) {
    fmt::print("\n{}\n", heading);
    if (items.empty())
        fmt::print("  (nothing)\n");
    for (const auto& item : items)
        fmt::print("  - {}\n", neutralize_controls(item));
}

void print_fields(const AuditFields& audit) {
    print_field("Anxiety before", rating(audit.anxiety_before));
    print_field("Anxiety after", rating(audit.anxiety_after));
    print_items("What I know is true right now", audit.know);
    print_items("What I am predicting", audit.predict);
}

void print_fields(const ScriptFields& script) {
    print_field("Situation", script.situation);
    print_field("Feeling", script.feeling);
    print_field("Need", script.need);
    fmt::print("\n{}\n", neutralize_controls(compose_sentence(script)));
}

void print_fields(const PauseFields& pause) {
    print_field("Urge before", rating(pause.urge_before));
    print_field("Urge after", rating(pause.urge_after));
    print_field("Decision", pause.outcome ? to_string(*pause.outcome) : "not decided");
}

void print_text(const Entry& entry, const EntryFile& file) {
    fmt::print("{} · {}\n", to_string(entry.kind()),
               date::format("%A %d %B %Y, %H:%M", entry.created.local()));
    fmt::print("{}\n\n", neutralize_controls(file.relative));
    std::visit([](const auto& fields) { print_fields(fields); }, entry.fields);
    if (entry.timer) {
        fmt::print("\n");
        print_field("Timer", timer_text(*entry.timer));
    }
    if (!entry.tags.empty()) {
        std::string tags;
        for (const auto& tag : entry.tags)
            tags += (tags.empty() ? "" : ", ") + tag;
        print_field("Tags", tags);
    }
    if (entry.incomplete)
        fmt::print("\nThis entry was saved before the exercise was finished.\n");
    if (!entry.body.empty())
        fmt::print("\n{}", neutralize_controls(entry.body, true));
    if (!entry.body.empty() && entry.body.back() != '\n')
        fmt::print("\n");
}

void run_show(Context& context, const ShowOptions& options) {
    check_format(options.format, {"text", "markdown", "json"});
    auto journal = context.journal();
    auto file = find_entry(journal, options.entry);
    if (options.format == "markdown") {
        // The file as it is on disk; raw bytes only into a pipe or file.
        auto text = read_small_file(file.path, file.relative);
        if (!text)
            throw RuntimeError(text.error().located());
        fmt::print("{}", is_terminal(STDOUT_FILENO) ? neutralize_controls(*text, true) : *text);
        return;
    }
    auto entry = journal.read(file);
    if (!entry)
        throw RuntimeError(entry.error().located());
    if (options.format == "json") {
        auto json = entry_to_json(*entry, file);
        if (auto rules = coaching_rules(context))
            json["hints"] = hints_json(rules->check(*entry));
        fmt::print("{}\n", dump_json(json));
        return;
    }
    print_text(*entry, file);
}

} // namespace

void setup_show(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("show", "Show one entry");
    auto options = std::make_shared<ShowOptions>();
    add_entry_argument(*command, options->entry);
    command->add_option("--format", options->format, "Output format")
        ->option_text("text|markdown|json");
    command->footer(R"(Examples:
  settle show
  settle show -2
  settle show 2026-11-27-211403-pause
  settle show 2026/11/2026-11-27-211403-pause.md --format json)");
    command->callback([&context, options] { run_show(context, *options); });
}

} // namespace settle::cli
