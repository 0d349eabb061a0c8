#include "cli/reading.hpp"
#include "cli/terminal/pager.hpp"

#include "cli/flag_names.hpp"
#include "core/display.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <exception>
#include <fmt/format.h>

namespace settle::cli {

namespace {

std::string rating_change(const char* label, const std::optional<int>& before,
                          const std::optional<int>& after) {
    if (!before && !after)
        return {};
    auto show = [](const std::optional<int>& v) {
        return v ? std::to_string(*v) : "?";
    };
    return fmt::format("{} {} → {}", label, show(before), show(after));
}

std::string describe(const AuditFields& audit) {
    auto text = fmt::format("{} known, {} predicted", audit.know.size(), audit.predict.size());
    if (auto change = rating_change("anxiety", audit.anxiety_before, audit.anxiety_after);
        !change.empty())
        text += ", " + change;
    return text;
}

std::string describe(const ScriptFields& script) {
    return fmt::format("feel {}; need {}", script.feeling.empty() ? "?" : script.feeling,
                       script.need.empty() ? "?" : script.need);
}

std::string describe(const PauseFields& pause) {
    auto text = rating_change("urge", pause.urge_before, pause.urge_after);
    if (pause.outcome)
        text += (text.empty() ? "" : ", ") + std::string(to_string(*pause.outcome));
    return text;
}

} // namespace

Journal readable_journal(Context& context, std::string_view verb) {
    auto journal = context.journal();
    const auto& root = journal.root();
    std::error_code ec;
    auto status = fs::status(root, ec);
    if (status.type() == fs::file_type::not_found) {
        // Said, so that a mistyped --journal or a moved folder never
        // passes for an empty journal.
        print_message(fmt::format("settle: no journal at {}; nothing to {}\n",
                                  neutralize_controls(root.string()), verb));
        return journal;
    }
    if (!ec && !fs::is_directory(status))
        throw RuntimeError(fmt::format("the journal {} is not a folder", root.string()));
    if (!ec)
        fs::directory_iterator(root, ec);
    if (ec)
        throw RuntimeError(
            fmt::format("cannot read the journal folder {}: {}", root.string(), ec.message()));
    return journal;
}

namespace {

// "-2" or "last-2" -> 2, "last" -> 1; nullopt for anything else.
std::optional<size_t> offset_from_latest(std::string_view wanted) {
    if (wanted.empty() || wanted == "last")
        return 1;
    if (wanted.rfind("last-", 0) == 0)
        wanted.remove_prefix(4);
    if (wanted.size() < 2 || wanted[0] != '-')
        return std::nullopt;
    size_t n = 0;
    auto digits = wanted.substr(1);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc{} || end != digits.data() + digits.size() || n == 0)
        return std::nullopt;
    return n;
}

bool is_offset_word(std::string_view word) {
    return word.size() >= 2 && word[0] == '-' &&
           word.find_first_not_of("0123456789", 1) == std::string_view::npos;
}

} // namespace

EntryFile find_entry(const Journal& journal, const std::string& wanted) {
    if (auto back = offset_from_latest(wanted)) {
        // Only the newest month folders are listed, back to the one asked for.
        auto files = journal.latest_files(*back);
        if (files.empty())
            throw RuntimeError(
                fmt::format("no entries yet in {}", neutralize_controls(journal.root().string())));
        // As typed: the command line's "-2" reaches here as "last-2".
        auto typed = wanted.rfind("last-", 0) == 0 ? wanted.substr(4) : wanted;
        if (*back > files.size())
            throw RuntimeError(fmt::format("\"{}\" is further back than the journal goes: it has "
                                           "{} {}",
                                           typed, files.size(),
                                           files.size() == 1 ? "entry" : "entries"));
        return files.front();
    }
    if (wanted.rfind("last-", 0) == 0) // "-0", "-x": not a count back
        throw UsageError(fmt::format("\"{}\" names no entry: -1 is the latest, -2 the one "
                                     "before it",
                                     neutralize_controls(wanted.substr(4))));
    auto file = journal.find(wanted);
    if (!file)
        throw RuntimeError(file.error().located());
    return *file;
}

void add_entry_argument(CLI::App& command, std::string& entry) {
    command
        .add_option("entry", entry,
                    "The entry's path, ID or the start of its ID; last (the default: the "
                    "latest by date), -1, -2, ... for the latest ones by date")
        ->option_text("ENTRY");
}

std::vector<std::string> with_entry_offsets(std::vector<std::string> words) {
    // The values of the global options, which could be the word "show".
    bool after_command = false;
    for (size_t i = 1; i < words.size(); ++i) {
        const auto& word = words[i];
        if (word == "--")
            break;
        if (!after_command) {
            if (word == "--journal" || word == "--color") {
                ++i;
                continue;
            }
            if (word == "show" || word == "edit")
                after_command = true;
            else if (word[0] != '-')
                return words; // another command
            continue;
        }
        if (is_offset_word(word) && words[i - 1] != "--format")
            words[i] = "last" + word;
    }
    return words;
}

void report_skipped(const Error& problem) {
    auto text = neutralize_controls(problem.located());
    // Some problems end "; skipped" already (a link, a FIFO): say it once.
    constexpr std::string_view kSaid = "; skipped";
    if (text.size() > kSaid.size() &&
        text.compare(text.size() - kSaid.size(), kSaid.size(), kSaid) == 0)
        text.resize(text.size() - kSaid.size());
    print_message(fmt::format("settle: skipped {}\n", text));
}

void report_skipped(const std::vector<Error>& problems) {
    for (const auto& problem : problems)
        report_skipped(problem);
}

HeldOutput::~HeldOutput() {
    // What was read before an error stopped the reading is not printed, as
    // nothing was before the list was printed as it is read.
    if (std::uncaught_exceptions() > exceptions_at_start_)
        return;
    try {
        finish();
    } catch (...) { // a failed write to stdout is not worth ending on here
    }
}

void HeldOutput::skipped(const Error& problem) {
    said_problem_ = true;
    if (!streaming_) {
        problems_.push_back(problem);
        return;
    }
    std::fflush(stdout); // on one screen, the line lands after what came before it
    report_skipped(problem);
}

void HeldOutput::warn(const std::string& line) {
    if (!streaming_) {
        warnings_.push_back(line);
        return;
    }
    std::fflush(stdout);
    print_message(line);
}

void HeldOutput::print(std::string_view text) {
    held_ += text;
    if (held_.size() > kHeldBytes)
        let_go();
}

void HeldOutput::finish() {
    let_go();
    std::fflush(stdout);
}

void HeldOutput::let_go() {
    if (!streaming_) {
        report_skipped(problems_);
        for (const auto& line : warnings_)
            print_message(line);
        problems_.clear();
        warnings_.clear();
        streaming_ = true;
    }
    std::fwrite(held_.data(), 1, held_.size(), stdout);
    held_.clear();
}

std::string JsonArrayOut::element(Json value) {
    // Dumped inside an array, so that nlohmann indents it as it stands in
    // one, then taken out of the "[\n  " and "\n]" around it.
    Json array = Json::array();
    array.push_back(std::move(value));
    auto text = dump_json(array);
    constexpr std::string_view open = "[\n  ", close = "\n]";
    return text.substr(open.size(), text.size() - open.size() - close.size());
}

void JsonArrayOut::add(std::string_view element) {
    out_.print(any_ ? ",\n  " : "[\n  ");
    out_.print(element);
    any_ = true;
}

void JsonArrayOut::finish() {
    out_.print(any_ ? "\n]\n" : "[]\n");
}

std::string describe_entry(const Entry& entry) {
    auto text = std::visit([](const auto& fields) { return describe(fields); }, entry.fields);
    if (entry.timer && entry.timer->ended_early())
        text += ", ended early";
    if (entry.incomplete)
        text += " (incomplete)";
    for (const auto& tag : entry.tags)
        text += " #" + tag;
    return neutralize_controls(text);
}

std::string markdown_text(std::string_view raw) {
    std::string out;
    for (char c : neutralize_controls(raw)) {
        if (std::string_view("\\`*_[]<>|#~").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

std::string markdown_row(const std::vector<std::string>& cells) {
    std::string row = "|";
    for (const auto& cell : cells)
        row += " " + cell + " |";
    return row + "\n";
}

void add_period_options(CLI::App& command, PeriodOptions& options, const std::string& until_help,
                        const std::string& all_help) {
    auto* since = command
                      .add_option("--since", options.since,
                                  "From this date (2026-11-01, 2026-11, 7d, last week, ...)")
                      ->option_text("WHEN");
    auto* until = command.add_option("--until", options.until, until_help)->option_text("WHEN");
    auto* week = command.add_flag("--week", options.week,
                                  "This week, Monday to Sunday (alone: no other period)");
    auto* month = command.add_flag("--month", options.month, "This calendar month (alone)");
    auto* all = command.add_flag("--all", options.all, all_help);
    for (auto* span : {week, month, all})
        for (auto* other : {since, until, week, month, all})
            if (span != other)
                span->excludes(other);
}

Period chosen_period(Context& context, const PeriodOptions& options) {
    if (options.all)
        return Period{};
    std::optional<std::string> since = options.since, until = options.until;
    if (options.week)
        since = until = "this week";
    if (options.month)
        since = until = "this month";
    auto period = make_period(since, until, context.now(), context.zone());
    if (!period)
        throw UsageError(in_flag_terms(period.error()));
    return *period;
}

void check_format(const std::string& format, std::initializer_list<const char*> allowed) {
    std::string names;
    for (const char* name : allowed) {
        if (format == name)
            return;
        names += (names.empty() ? "" : ", ") + std::string(name);
    }
    throw UsageError(fmt::format("--format must be one of {}, got \"{}\"", names, format));
}

} // namespace settle::cli
