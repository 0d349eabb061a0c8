// settle summary: the journal's story over a period, in counts, medians and
// weekly charts; as text, Markdown or JSON.
#include "core/summary.hpp"
#include "cli/commands.hpp"
#include "cli/reading.hpp"
#include "cli/report/summary_html.hpp"
#include "cli/report/summary_json.hpp"
#include "cli/report/summary_markdown.hpp"
#include "cli/report/summary_text.hpp"
#include "cli/terminal/pager.hpp"
#include "core/display.hpp"
#include "core/entry_keys.hpp"

#include <clocale>
#include <cstring>
#include <fmt/format.h>
#include <langinfo.h>
#include <memory>
#include <unistd.h>

namespace settle::cli {

namespace {

// The default span: four weeks, today included.
constexpr int kDefaultDays = 28;

struct SummaryOptions {
    PeriodOptions period;
    std::optional<std::string> kind;
    std::vector<std::string> tags;
    std::string format = "text";
    std::optional<int> width;
    std::vector<std::string> include;
    std::optional<std::string> paper;
    std::optional<std::string> pdf;
};

LocalSeconds start_of(Day day) {
    return LocalSeconds{day.time_since_epoch()};
}
LocalSeconds end_of(Day day) {
    return start_of(day + date::days{1}) - std::chrono::seconds{1};
}

// The period in the reader's local calendar (see period.hpp for the rule
// that places each entry in it).
Period resolve_period(const SummaryOptions& options, Context& context) {
    auto period = chosen_period(context, options.period);
    if (options.period.named_span())
        return period;
    auto today = Day{context.zone().at(context.now()).local_date()};
    if (!period.until)
        period.until = end_of(today);
    if (!period.since) {
        auto last = Day{std::chrono::floor<date::days>(*period.until).time_since_epoch()};
        period.since = start_of(last - date::days{kDefaultDays - 1});
    }
    if (*period.since > *period.until)
        throw UsageError("--since is later than --until (which is today unless given)");
    return period;
}

// Block characters only where the locale says the terminal can show them.
bool locale_is_utf8() {
    std::setlocale(LC_CTYPE, "");
    const char* codeset = nl_langinfo(CODESET);
    return codeset && (std::strcmp(codeset, "UTF-8") == 0 || std::strcmp(codeset, "utf8") == 0);
}

// --width, else $COLUMNS, else the terminal's width, else 80; never
// narrower than the tables need.
int text_width(const SummaryOptions& options, const Context& context) {
    constexpr int kNarrowest = 60, kWidest = 160, kDefault = 80;
    int width = kDefault;
    if (options.width) {
        width = *options.width;
    } else if (auto columns = context.env()("COLUMNS"); columns && !columns->empty()) {
        width = std::atoi(columns->c_str());
    } else if (auto screen = screen_size(STDOUT_FILENO)) {
        width = screen->columns;
    }
    return std::clamp(width > 0 ? width : kDefault, kNarrowest, kWidest);
}

void run_summary(Context& context, const SummaryOptions& options) {
    bool html = options.format == "html" || options.pdf;
    if (options.pdf && options.format != "text" && options.format != "html")
        throw UsageError("--pdf prints the HTML page; leave out --format or give --format html");
    check_format(options.format, {"text", "markdown", "json", "html"});
    if (!html && (!options.include.empty() || options.paper))
        throw UsageError("--include and --paper are for the printable page: add --format html "
                         "or --pdf FILE");
    auto includes = parse_includes(options.include);
    auto paper = options.paper ? parse_paper(*options.paper) : Paper::any;
    SummaryRequest request;
    if (options.kind) {
        request.kind = parse_kind(*options.kind);
        if (!request.kind)
            throw UsageError(fmt::format("--kind must be {}, got \"{}\"", spoken_choices<Kind>(),
                                         *options.kind));
    }
    request.tags = options.tags;
    request.period = resolve_period(options, context);

    auto root = readable_journal(context, "summarize").root();
    auto summary = summarize(root, request);
    // As every reader does: on stderr, whatever the format, so that a
    // person sees them even when the output goes to a file.
    report_skipped(summary.skipped);
    if (html) {
        // The entries' words are read again only when the person asked for some.
        std::vector<Entry> entries;
        if (includes.any())
            entries = entries_for(root, request);
        auto page = summary_html(summary, request, includes, entries, paper);
        if (options.pdf) {
            print_pdf(page, *options.pdf);
            print_message(fmt::format("Wrote {}.\n", neutralize_controls(*options.pdf)));
        } else {
            fmt::print("{}", page);
        }
    } else if (options.format == "json") {
        fmt::print("{}", summary_json(summary, request));
    } else if (options.format == "markdown") {
        fmt::print("{}", summary_markdown(summary, request));
    } else {
        TextStyle style{text_width(options, context), locale_is_utf8(), context.use_color(1), {}};
        // At a terminal the sentences wrap at its width, even where the
        // charts need more; in a pipe or a file each line stays as written.
        if (auto screen = screen_size(STDOUT_FILENO))
            style.prose_width = screen->columns;
        // Long at a terminal: through the pager, as `read` does.
        print_paged(summary_text(summary, request, style), context.env());
    }
}

} // namespace

void setup_summary(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "summary", "How the practice is going: counts, medians and weekly charts");
    auto options = std::make_shared<SummaryOptions>();
    add_period_options(*command, options->period, "Up to and including this date (default: today)",
                       "The whole journal (alone)");
    command->add_option("--kind", options->kind, "Only this kind")
        ->option_text(option_choices<Kind>());
    take_verbatim(
        command->add_option("--tag", options->tags, "Only entries with this tag (repeatable)"));
    command->add_option("--format", options->format, "Output format")
        ->option_text("text|markdown|json|html");
    command
        ->add_option("--include", options->include,
                     "Words from entries to put in the HTML page (none by default)")
        ->option_text("predictions,scripts,notes,tags,all")
        ->delimiter(',')
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command->add_option("--paper", options->paper, "Lay the HTML page out for this paper")
        ->option_text("a4|letter");
    command->add_option("--pdf", options->pdf, "Print the HTML page to FILE with Chromium")
        ->option_text("FILE");
    command
        ->add_option("--width", options->width,
                     "Columns for the text charts, 60 to 400 (default: $COLUMNS or the "
                     "terminal)")
        ->check(CLI::Range(60, 400))
        ->option_text("COLUMNS");
    command->footer(R"(Without a period: the last 28 days, today included. An entry counts on the
local date it was written, by its own recorded time. Medians leave out what
was not rated; a median of nothing shows as a dash (null in JSON).

Examples:
  settle summary
  settle summary --month --format markdown > november.md
  settle summary --all --kind pause --format json
  settle summary --month --format html --include predictions,notes > report.html
  settle summary --month --paper a4 --pdf report.pdf)");
    command->callback([&context, options] { run_summary(context, *options); });
}

} // namespace settle::cli
