// settle revisit: looking back. Did the feared predictions come true? Was a
// script shared, and how did it land? Answers are written into the entry
// itself, atomically, leaving every other byte of the file as it was.
#include "core/revisit.hpp"
#include "cli/commands.hpp"
#include "cli/flag_names.hpp"
#include "cli/guided/revisit.hpp"
#include "cli/reading.hpp"
#include "cli/sync/git.hpp"
#include "cli/terminal/pager.hpp"
#include "core/atomic_file.hpp"
#include "core/display.hpp"
#include "core/entry_format.hpp"
#include "core/entry_json.hpp"
#include "core/entry_keys.hpp"
#include "core/fast_frontmatter.hpp"
#include "core/journal_scan.hpp"
#include "core/period.hpp"

#include <fmt/format.h>
#include <memory>
#include <unistd.h>

namespace settle::cli {

namespace {

struct RevisitOptions {
    std::optional<std::string> entry;
    std::vector<int> predictions;
    std::vector<std::string> outcomes;
    std::optional<std::string> shared;
    std::optional<std::string> landed;
    std::optional<std::string> note;
    std::string older_than = "1d";
    std::optional<std::string> kind;
    std::optional<std::string> since;
    std::string format = "text";
};

template <typename T>
std::optional<T> parse_choice(const std::optional<std::string>& text,
                              std::optional<T> (*parse)(std::string_view), const char* flag,
                              const std::string& choices) {
    if (!text)
        return std::nullopt;
    auto value = parse(*text);
    if (!value)
        throw UsageError(fmt::format("{} must be {}, got \"{}\"", flag, choices, *text));
    return value;
}

Answers answers_from_flags(const RevisitOptions& options) {
    if (options.predictions.size() != options.outcomes.size())
        throw UsageError("give one --outcome for each --prediction, e.g. "
                         "--prediction 2 --outcome " +
                         std::string(name_of(PredictionOutcome::didnt)));
    Answers answers;
    for (size_t i = 0; i < options.predictions.size(); ++i) {
        auto outcome = parse_prediction_outcome(options.outcomes[i]);
        if (!outcome)
            throw UsageError(fmt::format("--outcome must be {}, got \"{}\"",
                                         spoken_choices<PredictionOutcome>(), options.outcomes[i]));
        answers.predictions.emplace_back(options.predictions[i], *outcome);
    }
    answers.shared =
        parse_choice<Shared>(options.shared, parse_shared, "--shared", spoken_choices<Shared>());
    answers.landed =
        parse_choice<Landed>(options.landed, parse_landed, "--landed", spoken_choices<Landed>());
    answers.note = options.note;
    return answers;
}

// The entries with open items that the options select, read in the
// journal's order (oldest first); `visit` gets each, and each problem goes
// to `skipped`.
void read_open_entries(Context& context, const RevisitOptions& options, ReadRequest request,
                       const std::function<void(ReadFile&&)>& visit,
                       const std::function<void(const Error&)>& skipped) {
    std::optional<Kind> kind;
    if (options.kind) {
        kind = parse_kind(*options.kind);
        if (!kind || !revisitable_kinds().has(*kind))
            throw UsageError(fmt::format("--kind must be {}, got \"{}\"",
                                         spoken_choices(kind_names(revisitable_kinds())),
                                         *options.kind));
    }
    auto older = parse_user_time(options.older_than, context.now(), context.zone(), "older_than");
    if (!older)
        throw UsageError(in_flag_terms(older.error()));
    auto period = make_period(options.since, std::nullopt, context.now(), context.zone());
    if (!period)
        throw UsageError(in_flag_terms(period.error()));
    auto journal = readable_journal(context, "revisit");
    request.range = files_for(*period);
    // Nothing named after the --older-than moment's date, in any time zone
    // (a day), give or take the margin of a name (a day), can be older.
    request.range.last =
        date::sys_days{std::chrono::floor<date::days>(older->when.utc)} + date::days{2};
    request.keep = [&](const Entry& entry) {
        return (!kind || entry.kind() == *kind) && entry.created.utc <= older->when.utc &&
               period->contains(entry.created) && !open_items(entry).empty();
    };
    read_journal(journal.root(), request, [&](ReadFile&& read) {
        if (read.entry)
            visit(std::move(read));
        else if (named_in(*period, date_in_file_name(read.id())))
            skipped(read.entry.error());
    });
}

// What waits in an entry, as its line in the listing says it: "2
// predictions to look back on, one answered two ways on two devices".
std::string what_waits(const Entry& entry) {
    auto open = open_items(entry);
    auto what = open.predictions.empty()
                    ? std::string("not yet shared")
                    : fmt::format("{} {} to look back on", open.predictions.size(),
                                  open.predictions.size() == 1 ? "prediction" : "predictions");
    if (entry.revisit && !entry.revisit->contested.empty())
        what += fmt::format(", {} answered two ways on two devices",
                            entry.revisit->contested.size() == 1
                                ? std::string("one")
                                : std::to_string(entry.revisit->contested.size()));
    return what;
}

// An entry in revisit's JSON: the entry, and what waits in it.
Json open_entry_json(const Entry& entry, const EntryFile& file) {
    auto open = open_items(entry);
    auto json = entry_to_json(entry, file);
    json["open"] = {{"predictions", open.predictions}, {"script_unshared", open.script_unshared}};
    return json;
}

// An entry's line in the listing.
std::string open_entry_line(std::string_view id, const Entry& entry) {
    return fmt::format("{}  {}\n", neutralize_controls(id), what_waits(entry));
}

// What waits, as text or JSON, one entry at a time.
void print_open(Context& context, const RevisitOptions& options) {
    auto root = context.journal().root();
    bool json_format = options.format == "json";
    ReadRequest request;
    request.bodies = json_format;
    request.render = [&](const ReadFile& read) { // on the reading threads
        return json_format ? JsonArrayOut::element(open_entry_json(*read.entry, read.file(root)))
                           : open_entry_line(read.id(), *read.entry);
    };
    HeldOutput out;
    JsonArrayOut json(out);
    bool any = false;
    read_open_entries(
        context, options, std::move(request),
        [&](ReadFile&& read) {
            any = true;
            if (json_format)
                json.add(read.text);
            else
                out.print(read.text);
        },
        [&](const Error& problem) { out.skipped(problem); });
    if (json_format)
        json.finish();
    out.finish();
    if (!json_format && !any)
        print_message("Nothing waiting to be looked back on.\n");
}

// The one entry named, as the walk or the listing shows it.
void print_one(const LoadedEntry& item, const std::string& format) {
    if (format == "json") {
        Json out = Json::array();
        out.push_back(open_entry_json(item.entry, item.file));
        fmt::print("{}\n", dump_json(out));
        return;
    }
    fmt::print("{}", open_entry_line(item.file.id, item.entry));
}

void run_revisit(Context& context, const RevisitOptions& options) {
    check_format(options.format, {"text", "json"});
    auto answers = answers_from_flags(options);
    if (!answers.empty()) {
        if (!options.entry)
            throw UsageError("name the entry to answer for, e.g. "
                             "settle revisit 2026-11-27-2114 --prediction 1 --outcome didnt");
        auto journal = context.journal();
        auto file = journal.find(*options.entry);
        if (!file)
            throw RuntimeError(file.error().located());
        save_answers(context, *file, answers);
        print_message(
            fmt::format("Saved your answers in {}.\n", neutralize_controls(file->relative)));
        return;
    }
    if (options.entry) {
        auto journal = context.journal();
        auto file = journal.find(*options.entry);
        if (!file)
            throw RuntimeError(file.error().located());
        auto entry = journal.read(*file);
        if (!entry)
            throw RuntimeError(entry.error().located());
        std::vector<LoadedEntry> one{LoadedEntry{*file, std::move(entry.value())}};
        if (can_walk(options.format))
            walk(context, one);
        else
            print_one(one.front(), options.format);
        return;
    }
    if (!can_walk(options.format))
        return print_open(context, options);
    // The walk asks about each in turn; it never shows a note, so none is
    // kept.
    auto root = context.journal().root();
    std::vector<LoadedEntry> entries;
    std::vector<Error> problems;
    ReadRequest request;
    request.bodies = false;
    read_open_entries(
        context, options, std::move(request),
        [&](ReadFile&& read) {
            entries.push_back(LoadedEntry{read.file(root), std::move(*read.entry)});
        },
        [&](const Error& problem) { problems.push_back(problem); });
    report_skipped(problems);
    walk(context, entries);
}

} // namespace

void save_answers(Context& context, const EntryFile& file, const Answers& answers) {
    // Read, merge, write; if another settle rewrote the entry in between
    // (a second revisit, an edit), start again from what it wrote.
    for (int attempt = 0; attempt < 20; ++attempt) {
        auto text = read_small_file(file.path, file.relative);
        if (!text)
            throw RuntimeError(text.error().located());
        auto entry = read_entry_text(*text, file.relative);
        if (!entry)
            throw RuntimeError(entry.error().located());
        auto when = context.zone().at(context.now());
        auto revisit = combine(entry->revisit, answers, when);
        auto updated_entry = *entry;
        updated_entry.revisit = revisit;
        if (auto valid = validate(updated_entry); !valid)
            throw UsageError(valid.error().message);
        auto updated = write_revisit(*text, revisit, file.relative);
        if (!updated)
            throw RuntimeError(updated.error().located());
        auto written =
            replace_file_if_unchanged(context.journal().root(), file.path, *text, *updated);
        if (!written)
            throw RuntimeError(written.error().located());
        if (*written == Replaced::done) {
            commit_rewrite_if_asked(context, file.path, updated_entry, "revisit");
            return;
        }
    }
    throw RuntimeError(fmt::format("{} kept changing while the answers were being saved; "
                                   "nothing was written, try again in a moment",
                                   file.relative));
}

void setup_revisit(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "revisit", "Look back: did predictions come true, how did a script land?");
    auto options = std::make_shared<RevisitOptions>();
    command->add_option("entry", options->entry, "One entry's path, ID or the start of its ID");
    take_verbatim(
        command->add_option("--prediction", options->predictions,
                            "The number of a prediction to answer (with --outcome; repeatable)"));
    take_verbatim(command->add_option("--outcome", options->outcomes, "Did it happen?")
                      ->option_text(option_choices<PredictionOutcome>()));
    command->add_option("--shared", options->shared, "Was the script shared?")
        ->option_text(option_choices<Shared>());
    command->add_option("--landed", options->landed, "How did it land?")
        ->option_text(option_choices<Landed>());
    command->add_option("--note", options->note, "A note about how it went");
    command
        ->add_option("--older-than", options->older_than,
                     "Only entries older than this (default 1d)")
        ->option_text("WHEN");
    command->add_option("--kind", options->kind, "Only this kind")
        ->option_text(option_choices(kind_names(revisitable_kinds())));
    command->add_option("--since", options->since, "Only entries from this date on")
        ->option_text("WHEN");
    command->add_option("--format", options->format, "Output format when listing")
        ->option_text("text|json");
    command->footer(R"(At a terminal, walks the entries with open items, oldest first. In a
pipe, lists them. With answers as flags, writes them into the entry.

Examples:
  settle revisit
  settle revisit 2026-11-27-211403-audit --prediction 2 --outcome didnt
  settle revisit 2026-11-27-220000-script --shared said --landed closer)");
    command->callback([&context, options] { run_revisit(context, *options); });
}

} // namespace settle::cli
