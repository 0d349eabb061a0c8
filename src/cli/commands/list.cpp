// settle list: the entries, one a line, newest last.
#include "cli/commands.hpp"
#include "cli/hints.hpp"
#include "cli/reading.hpp"
#include "cli/terminal/pager.hpp"
#include "core/display.hpp"
#include "core/entry_json.hpp"
#include "core/entry_keys.hpp"
#include "core/period.hpp"
#include "core/search.hpp"

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
void report_kept_copies(const Journal& journal, const std::vector<LoadedEntry>& shown) {
    std::map<std::string, int> kept;
    for (const auto& leftover : journal.leftovers())
        if (leftover.edit_copy)
            ++kept[leftover.entry_id];
    if (kept.empty())
        return;
    for (const auto& item : shown)
        if (auto found = kept.find(item.file.id); found != kept.end())
            print_message(fmt::format(
                "settle: {} has {} that an earlier edit kept; `settle edit {}` offers to "
                "open it\n",
                neutralize_controls(item.file.id),
                found->second == 1 ? std::string("an edited copy")
                                   : fmt::format("{} edited copies", found->second),
                neutralize_controls(item.file.id)));
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
    auto loaded = load_entries(journal, [&](const Entry& entry) {
        if (kind && entry.kind() != *kind)
            return false;
        for (const auto& tag : options.tags)
            if (std::find(entry.tags.begin(), entry.tags.end(), tag) == entry.tags.end())
                return false;
        return period.contains(entry.created) && entry_contains(entry, folded);
    });
    report_skipped(loaded.problems);
    // The most recent N, still oldest first, as `tail` would give them.
    if (options.limit && loaded.entries.size() > static_cast<size_t>(*options.limit))
        loaded.entries.erase(loaded.entries.begin(),
                             loaded.entries.end() - static_cast<std::ptrdiff_t>(*options.limit));

    if (options.format == "json") {
        Json out = Json::array();
        auto rules = coaching_rules(context);
        for (const auto& item : loaded.entries) {
            auto json = entry_to_json(item.entry, item.file);
            if (rules)
                json["hints"] = hints_json(rules->check(item.entry));
            out.push_back(std::move(json));
        }
        fmt::print("{}\n", dump_json(out));
    } else if (options.format == "markdown") {
        // A table to paste into notes or print: the ID, then the same line
        // the text format gives.
        std::string out = markdown_row({"entry", "what"}) + markdown_row({"---", "---"});
        for (const auto& item : loaded.entries)
            out += markdown_row(
                {markdown_text(item.file.id), markdown_text(describe_entry(item.entry))});
        fmt::print("{}", out);
    } else {
        for (const auto& item : loaded.entries)
            fmt::print("{}  {}\n", neutralize_controls(item.file.id), describe_entry(item.entry));
        if (loaded.entries.empty() && ::isatty(1))
            print_message(
                fmt::format("No entries{}.\n", loaded.problems.empty() ? " yet" : " to show"));
    }
    report_kept_copies(journal, loaded.entries);
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
