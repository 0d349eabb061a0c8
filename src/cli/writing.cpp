#include "cli/writing.hpp"
#include "cli/terminal/pager.hpp"
#include "cli/terminal/probe.hpp"

#include "cli/commands.hpp"
#include "cli/flag_names.hpp"
#include "cli/hints.hpp"

#include "cli/sync/git.hpp"
#include "cli/terminal/quiet_timer.hpp"
#include "core/display.hpp"
#include "core/entry_format.hpp"
#include "core/entry_writer.hpp"
#include "core/journal.hpp"

#include <charconv>
#include <cstdio>
#include <fmt/format.h>
#include <iostream>
#include <iterator>
#include <unistd.h>

namespace settle::cli {

void add_write_options(CLI::App& command, WriteOptions& options) {
    take_verbatim(command.add_option("--tag", options.tags, "A tag for the entry (repeatable)"));
    command
        .add_option("--at", options.at,
                    "When it happened, to back-date an entry: 2026-11-27, "
                    "\"2026-11-27 21:14\", yesterday, friday, 3d")
        ->option_text("WHEN");
    command.add_flag("--force", options.force,
                     "Save an --at date before the year 1900 without asking");
    command.add_option("--note", options.note, "A free note, saved as the entry's body");
    command.add_flag("--print-path", options.print_path, "Print the new file's path on stdout");
    auto* minutes = command.add_option("--minutes", options.minutes,
                                       "Run a timer of this many minutes before saving, up to "
                                       "120 (fractions too: 0.05 is three seconds)");
    minutes->check(CLI::Range(0.01, 120.0))->option_text("MINUTES");
    command.add_flag("--no-timer", options.no_timer, "Run no timer (not with --minutes)")
        ->excludes(minutes);
    command.add_flag("--stdin", options.from_stdin,
                     "Read fields from standard input, one 'name: text' per line");
}

int parse_rating(const std::string& text, const std::string& flag) {
    int value = -1;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !valid_rating(value))
        throw UsageError(
            fmt::format("{} must be a whole number from 0 to 10, got \"{}\"", flag, text));
    return value;
}

void read_fields_from_stdin(WriteOptions& options, const std::vector<std::string>& names,
                            const std::function<void(const FieldLine&)>& apply) {
    if (!options.from_stdin)
        return;
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    auto allowed = names;
    allowed.insert(allowed.end(), {"tag", "note"});
    auto fields = parse_field_lines(text, allowed, "stdin");
    if (!fields)
        throw UsageError(fields.error().located());
    for (const auto& field : *fields) {
        if (field.name == "tag")
            options.tags.push_back(field.value);
        else if (field.name == "note")
            set_once(options.note, field);
        else
            apply(field);
    }
}

void set_once(std::optional<std::string>& target, const FieldLine& field) {
    if (target)
        throw UsageError(fmt::format("stdin:{}: {} was already given", field.line, field.name));
    // A rating is checked here as well as where the flag's is, so that a
    // bad one names its line of the input.
    for (const char* rating : {"anxiety-before", "anxiety-after", "urge-before", "urge-after"})
        if (field.name == rating)
            parse_rating(field.value, fmt::format("stdin:{}: {}", field.line, field.name));
    target = field.value;
}

namespace {

// " (2026?)" for 0026: the years people mean when a digit slips.
std::string likely_year(const Timestamp& when) {
    int year = static_cast<int>(when.local_date().year());
    if (year >= 0 && year < 100)
        return fmt::format(" ({}?)", 2000 + year);
    return {};
}

// At a terminal, a person can say the old date is meant; a script gives
// --force. Only a typed "y" or "yes" is a yes.
bool confirm_old_date(const Timestamp& when) {
    if (!is_terminal(STDIN_FILENO) || !is_terminal(STDERR_FILENO))
        return false;
    print_message(
        fmt::format("The date {} is before the year 1900{}. Save the entry with this date? [y/N] ",
                    date::format("%F", when.local()), likely_year(when)));
    std::fflush(stderr);
    std::string answer;
    if (!std::getline(std::cin, answer))
        return false;
    for (auto& c : answer)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return answer == "y" || answer == "yes";
}

} // namespace

void stamp_entry(Context& context, Entry& entry, const WriteOptions& options) {
    auto& zone = context.zone();
    entry.created = zone.at(context.now());
    if (options.at) {
        auto at = parse_entry_time(*options.at, context.now(), zone);
        if (!at)
            throw UsageError(in_flag_terms(at.error()));
        if (at->before_1900 && !options.force && !confirm_old_date(at->when))
            throw UsageError(fmt::format(
                "--at {} is before the year 1900, which is most often a typo{}; nothing was "
                "saved. Give --force to save it with this date",
                date::format("%F", at->when.local()), likely_year(at->when)));
        // Stored with the offset in force here at that instant, even when
        // the instant was typed with another offset.
        entry.created = zone.at(at->when.utc);
    }
    entry.tags = options.tags;
    if (options.note)
        entry.body = *options.note;
}

SavedEntry add_to_journal(Context& context, const Entry& entry) {
    auto journal = context.journal();
    // A clone that syncs tags its new names (see `settle sync`).
    journal.set_name_tag(device_tag(journal.root()));
    auto path = journal.add(entry);
    if (!path)
        throw RuntimeError(path.error().located());
    return SavedEntry{*path, journal.describe(*path).relative};
}

namespace {

// The words may have come from stdin or a timer's wait: never let a refusal
// be the end of them.
void show_every_word(const Entry& entry) {
    auto text = format_entry(entry);
    // The entry's own lines, as they would be in the file: never re-wrapped.
    fmt::print(stderr,
               "This could not be saved. Here is everything you wrote, to keep a copy:\n\n{}\n",
               is_terminal(STDERR_FILENO) ? neutralize_controls(text, true) : text);
}

} // namespace

SavedEntry add_to_journal_keeping_words(Context& context, const Entry& entry) {
    try {
        return add_to_journal(context, entry);
    } catch (const std::exception&) {
        show_every_word(entry);
        throw;
    }
}

void commit_if_asked(Context& context, const SavedEntry& saved, const Entry& entry) {
    if (context.settings().git_auto_commit.value)
        commit_entry(context.journal().root(), saved.path, entry);
    sync_in_background_if_asked(context);
}

void print_on_stdout(const SavedEntry& saved, const WriteOptions& options,
                     const std::string& stdout_text) {
    if (options.print_path)
        // The path as it is into a pipe (a script opens it), neutralized at
        // a terminal.
        fmt::print("{}\n", is_terminal(STDOUT_FILENO) ? neutralize_controls(saved.path.string())
                                                      : saved.path.string());
    else if (!stdout_text.empty())
        // The entry's own text (the composed sentence): as it is into a pipe,
        // neutralized and word-wrapped at a terminal like every reader's output.
        fmt::print("{}", is_terminal(STDOUT_FILENO)
                             ? wrap_for(STDOUT_FILENO, neutralize_controls(stdout_text) + "\n")
                             : stdout_text + "\n");
    std::fflush(stdout);
}

std::string save_entry(Context& context, Entry entry, const WriteOptions& options,
                       const std::string& stdout_text) {
    stamp_entry(context, entry, options);
    if (auto valid = validate(entry); !valid)
        throw UsageError(in_flag_terms(valid.error()));
    // An entry that could not be read back is refused before any timer
    // runs, so that nobody waits minutes for a refusal.
    if (auto text = format_entry_for_saving(entry); !text) {
        show_every_word(entry);
        throw UsageError(text.error().message);
    }

    context.journal(); // a config problem is reported before any timer runs
    EndingSignalsBlocked blocked;
    if (options.minutes) {
        auto run = wait_quietly(*options.minutes * 60.0, blocked);
        entry.timer = Timer{run.planned_seconds, run.elapsed_seconds};
        if (run.interrupted)
            print_message("settle: the timer ended early; saving what you have.\n");
    }
    auto saved = add_to_journal_keeping_words(context, entry);
    print_on_stdout(saved, options, stdout_text);
    print_message(fmt::format("Saved {}\n", neutralize_controls(saved.relative)));
    commit_if_asked(context, saved, entry);
    if (auto rules = coaching_rules(context))
        print_hints(rules->check(entry));
    return saved.relative;
}

} // namespace settle::cli
