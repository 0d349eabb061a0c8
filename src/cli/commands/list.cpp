// settle list: the entries, one a line, newest last.
#include "cli/commands.hpp"
#include "cli/hints.hpp"
#include "cli/reading.hpp"
#include "cli/terminal/pager.hpp"
#include "cli/terminal/probe.hpp"
#include "core/display.hpp"
#include "core/entry_json.hpp"
#include "core/entry_keys.hpp"
#include "core/journal_scan.hpp"
#include "core/period.hpp"
#include "core/search.hpp"

#include <deque>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <unistd.h>

namespace settle::cli {

namespace {

struct ListOptions {
    std::optional<std::string> kind;
    PeriodOptions period;
    std::vector<std::string> tags;
    std::optional<std::string> contains;
    std::optional<int> limit;
    std::string format = "text";
};

// An edited copy `settle edit` could not save is named under the list, on
// standard error so that every format stays as it is, for each entry shown.
std::string kept_copy_note(const std::string& id, int copies) {
    return fmt::format("settle: {} has {} that an earlier edit kept; `settle edit {}` offers to "
                       "open it\n",
                       neutralize_controls(id),
                       copies == 1 ? std::string("an edited copy")
                                   : fmt::format("{} edited copies", copies),
                       neutralize_controls(id));
}

void run_list(Context& context, const ListOptions& options) {
    check_format(options.format, {"text", "markdown", "json"});
    std::optional<Kind> kind;
    if (options.kind) {
        kind = parse_kind(*options.kind);
        if (!kind)
            throw UsageError(fmt::format("--kind must be {}, got \"{}\"", spoken_choices<Kind>(),
                                         *options.kind));
    }
    if (options.limit && *options.limit < 1)
        throw UsageError(fmt::format("--limit must be 1 or more, got {}", *options.limit));
    auto period = chosen_period(context, options.period);
    auto folded = fold_for_search(options.contains.value_or(""));

    auto journal = readable_journal(context, "list");
    ReadRequest request;
    request.range = files_for(period);
    request.keep = [&](const Entry& entry) {
        if (kind && entry.kind() != *kind)
            return false;
        for (const auto& tag : options.tags)
            if (std::find(entry.tags.begin(), entry.tags.end(), tag) == entry.tags.end())
                return false;
        return period.contains(entry.created) && entry_contains(entry, folded);
    };
    // Only JSON shows the note (--contains looks at it before it goes).
    request.bodies = options.format == "json";
    // Copies `settle edit` kept because it could not save them, by entry ID,
    // found in the listing that finds the entries.
    std::map<std::string, int> kept;
    request.hidden = [&](const MonthFolder& month, const std::vector<std::string>& names) {
        for (const auto& name : names)
            if (auto found = leftover_in(month, name); found && found->edit_copy)
                ++kept[found->entry_id];
    };

    HeldOutput out;
    std::optional<CoachingRules> rules;
    if (options.format == "json")
        rules = coaching_rules(context, [&](const std::string& line) { out.warn(line); });
    // Each entry as the format shows it (for JSON, the element alone), made
    // on the reading threads.
    request.render = [&](const ReadFile& read) {
        const auto& entry = *read.entry;
        if (options.format == "json") {
            auto element = entry_to_json(entry, read.file(journal.root()));
            if (rules)
                element["hints"] = hints_json(rules->check(entry));
            return JsonArrayOut::element(std::move(element));
        }
        if (options.format == "markdown")
            return markdown_row({markdown_text(read.id()), markdown_text(describe_entry(entry))});
        return fmt::format("{}  {}\n", neutralize_controls(read.id()), describe_entry(entry));
    };

    JsonArrayOut json(out);
    if (options.format == "markdown") // a table to paste into notes or print
        out.print(markdown_row({"entry", "what"}) + markdown_row({"---", "---"}));
    size_t shown = 0;
    std::vector<std::string> notes; // about kept copies, said after the list
    auto show = [&](const std::string& id, const std::string& text) {
        if (options.format == "json")
            json.add(text);
        else
            out.print(text);
        ++shown;
        if (auto found = kept.find(id); found != kept.end())
            notes.push_back(kept_copy_note(id, found->second));
    };
    // With --limit, the most recent N, still oldest first, as `tail` would
    // give them: the last N met are kept until the end.
    std::deque<std::pair<std::string, std::string>> last;
    read_journal(journal.root(), request, [&](ReadFile&& read) {
        if (!read.entry) {
            if (named_in(period, date_in_file_name(read.id())))
                out.skipped(read.entry.error());
            return;
        }
        if (!options.limit)
            return show(std::string(read.id()), read.text);
        last.emplace_back(read.id(), std::move(read.text));
        if (last.size() > static_cast<size_t>(*options.limit))
            last.pop_front();
    });
    for (const auto& [id, text] : last)
        show(id, text);
    if (options.format == "json")
        json.finish();
    out.finish();
    if (options.format == "text" && shown == 0 && is_terminal(STDOUT_FILENO))
        print_message(fmt::format("No entries{}.\n", out.any_problem() ? " to show" : " yet"));
    for (const auto& note : notes)
        print_message(note);
}

} // namespace

void setup_list(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("list", "List entries, oldest first");
    auto options = std::make_shared<ListOptions>();
    command->add_option("--kind", options->kind, "Only this kind")
        ->option_text(option_choices<Kind>());
    add_period_options(*command, options->period, "Up to and including this date",
                       "The whole journal (the default; alone)");
    take_verbatim(
        command->add_option("--tag", options->tags, "Only entries with this tag (repeatable)"));
    command
        ->add_option("--contains", options->contains,
                     "Only entries whose words contain TEXT (case and accents ignored)")
        ->option_text("TEXT");
    command->add_option("--limit", options->limit, "Only the N most recent of them")
        ->option_text("N");
    command->add_option("--format", options->format, "Output format")
        ->option_text("text|markdown|json");
    command->footer(R"(Each line starts with the entry's ID, which `settle show` accepts.

Examples:
  settle list --since 7d
  settle list --contains "no reply" --limit 5
  settle list --kind pause --month --format json

Every date form is listed under Dates in `man settle`.)");
    command->callback([&context, options] { run_list(context, *options); });
}

} // namespace settle::cli
