// settle read: the psychoeducation text. The list of topics, one topic, a
// search, or every topic as one document for print. It needs no journal and
// no time zone, so it starts as fast as settle can.
#include "cli/commands.hpp"
#include "cli/reading.hpp"
#include "cli/report/read_html.hpp"
#include "cli/terminal/pager.hpp"
#include "cli/terminal/probe.hpp"
#include "core/content.hpp"
#include "core/display.hpp"
#include "core/render.hpp"

#include <fmt/format.h>
#include <memory>
#include <unistd.h>

namespace settle::cli {

namespace {

constexpr int kNarrowestWidth = 20;
constexpr int kWidestWidth = 1000;

struct ReadOptions {
    std::optional<std::string> topic;
    std::optional<std::string> search;
    bool all = false;
    bool sources = false;
    bool plain = false;
    std::string format = "text";
    std::optional<int> width;
    std::optional<std::string> paper;
    std::optional<std::string> pdf;
};

void check_options(const ReadOptions& options) {
    if (options.pdf && options.format != "text" && options.format != "html")
        throw UsageError("--pdf prints the HTML booklet; leave out --format or give --format html");
    check_format(options.format, {"text", "markdown", "html"});
    bool html = options.format == "html" || options.pdf;
    if (html && (options.search || options.sources || (!options.all && !options.topic)))
        throw UsageError("the HTML booklet is for --all or one topic's name");
    if (options.paper && !html)
        throw UsageError("--paper is for the HTML booklet: add --format html or --pdf FILE");
    if (options.plain && options.format == "markdown")
        throw UsageError("--plain is text without styles; it does not go with --format markdown");
    if (options.all && (options.topic || options.search))
        throw UsageError("--all reads every topic; leave out the topic and --search");
    if (options.sources && (options.all || options.search))
        throw UsageError("--sources lists the works the text draws on; leave out --all and "
                         "--search (a topic's name shows that topic's sources)");
    if (options.search && options.format == "markdown")
        throw UsageError("--search shows text; it does not go with --format markdown");
    if (options.search && options.search->empty())
        throw UsageError("--search needs a word to look for");
    if (options.width && (*options.width < kNarrowestWidth || *options.width > kWidestWidth))
        throw UsageError(fmt::format("--width must be from {} to {} columns, got {}",
                                     kNarrowestWidth, kWidestWidth, *options.width));
}

std::string where_from(Context& context) {
    const auto& settings = context.settings();
    if (settings.content.source == Source::environment)
        return "set by $SETTLE_CONTENT";
    return fmt::format("set by `content:` in {}", settings.config_file.string());
}

std::vector<Topic> load(Context& context) {
    // $SETTLE_CONTENT, else `content:` in the config file, else the built-in text.
    auto source = ContentSource::from_setting(context.settings().content.value);
    auto library = load_topics(source);
    if (!library)
        throw RuntimeError(fmt::format("{} ({})", neutralize_controls(library.error().located()),
                                       where_from(context)));
    report_skipped(library->problems);
    if (library->topics.empty())
        throw RuntimeError(
            fmt::format("there are no topics in {}", neutralize_controls(source.describe())));
    return std::move(library->topics);
}

std::string topic_list(const std::vector<Topic>& topics, const RenderOptions& style) {
    int widest = 0;
    for (const auto& topic : topics)
        widest = std::max(widest, display_width(topic.name));
    std::string out = wrap_spans(
        {{"Topics. Read one with `settle read NAME`; the start of a name is enough.", face_plain}},
        style);
    out += "\n";
    for (const auto& topic : topics) {
        out += term_and_description({topic.name, face_bold}, widest,
                                    {{{neutralize_controls(topic.title), face_plain}},
                                     {{neutralize_controls(topic.summary), face_plain}}},
                                    style);
    }
    out +=
        "\n" + wrap_spans({{"In a crisis, `settle crisis` shows who to call.", face_plain}}, style);
    return out;
}

std::string topic_list_markdown(const std::vector<Topic>& topics) {
    std::string out;
    for (const auto& topic : topics)
        out += fmt::format("- `{}`: {}. {}\n", topic.name, topic.title, topic.summary);
    out += "\nIn a crisis, `settle crisis` shows who to call.\n";
    return out;
}

// Each matching line under its topic, with the word picked out when styled.
std::string search_results(const std::vector<SearchHit>& hits, std::string_view word,
                           const RenderOptions& style) {
    std::string out;
    for (const auto& hit : hits) {
        if (!out.empty())
            out += "\n";
        out += wrap_spans({{hit.topic->name, face_bold},
                           {": " + neutralize_controls(hit.topic->title), face_plain}},
                          style);
        for (const auto& line : hit.lines) {
            std::vector<Span> spans;
            size_t done = 0;
            for (auto range : find_ignoring_case(line, word)) {
                spans.push_back({line.substr(done, range.begin - done), face_plain});
                spans.push_back({line.substr(range.begin, range.end - range.begin),
                                 face_bold | face_underline});
                done = range.end;
            }
            spans.push_back({line.substr(done), face_plain});
            out += wrap_spans(spans, style, "  ", "  ");
        }
    }
    return out;
}

std::string booklet(const std::vector<Topic>& topics, const RenderOptions& style) {
    std::string out = wrap_spans({{"Contents", style.styled ? face_bold : face_plain}}, style);
    out += "\n";
    int number = 1;
    for (const auto& topic : topics) {
        auto marker = fmt::format("{:>2}. ", number++);
        out += wrap_spans({{neutralize_controls(topic.title), face_plain}}, style, marker,
                          std::string(marker.size(), ' '));
    }
    for (const auto& topic : topics)
        out += "\n\n" + render_markdown(topic.body, style);
    return out;
}

std::string booklet_markdown(const std::vector<Topic>& topics) {
    std::string out;
    for (const auto& topic : topics) {
        if (!out.empty())
            out += "\n";
        out += topic.body;
        if (!topic.body.empty() && topic.body.back() != '\n')
            out += "\n";
    }
    return out;
}

// The works the topics name, as a Markdown list under a heading.
std::string sources_markdown(const std::vector<std::string>& sources, const Topic* topic) {
    std::string out =
        topic ? fmt::format("# Sources: {}\n\n", topic->title) : std::string("# Sources\n\n");
    for (const auto& source : sources)
        out += "- " + source + "\n";
    return out;
}

// The person's own crisis lines, when their config file lists some; a
// broken config file leaves them out (`settle crisis` says why).
std::vector<CrisisLine> own_crisis_lines(Context& context) {
    try {
        const auto& settings = context.settings();
        auto count = std::min(settings.crisis_configured, settings.crisis_lines.value.size());
        return {settings.crisis_lines.value.begin(),
                settings.crisis_lines.value.begin() + static_cast<long>(count)};
    } catch (const std::exception&) {
        return {};
    }
}

void run_read_html(Context& context, const ReadOptions& options, std::vector<Topic> topics) {
    auto paper = options.paper ? parse_paper(*options.paper) : Paper::any;
    if (options.topic) {
        auto topic = find_topic(topics, *options.topic);
        if (!topic)
            throw UsageError(topic.error().message);
        topics = {**topic};
    }
    auto page = booklet_html(topics, own_crisis_lines(context), paper);
    if (options.pdf) {
        print_pdf(page, *options.pdf);
        print_message(fmt::format("Wrote {}.\n", neutralize_controls(*options.pdf)));
    } else {
        fmt::print("{}", page);
    }
}

void run_read(Context& context, const ReadOptions& options) {
    check_options(options);
    auto topics = load(context);
    if (options.format == "html" || options.pdf)
        return run_read_html(context, options, std::move(topics));
    bool markdown = options.format == "markdown";
    RenderOptions style{options.width.value_or(reading_width()),
                        !options.plain && context.use_color(STDOUT_FILENO)};

    std::string text;
    if (options.sources) {
        const Topic* topic = nullptr;
        if (options.topic) {
            auto found = find_topic(topics, *options.topic);
            if (!found)
                throw UsageError(found.error().message);
            topic = *found;
        }
        auto markdown_text =
            sources_markdown(topic ? topic_sources(*topic) : all_sources(topics), topic);
        text = markdown ? markdown_text : render_markdown(markdown_text, style);
    } else if (options.search) {
        std::vector<Topic> searched = topics;
        if (options.topic) {
            auto topic = find_topic(topics, *options.topic);
            if (!topic)
                throw UsageError(topic.error().message);
            searched = {**topic};
        }
        auto hits = search_topics(searched, *options.search);
        if (hits.empty()) {
            print_message(
                fmt::format("No topic mentions \"{}\".\n", neutralize_controls(*options.search)));
            context.exit_status = 1;
            return;
        }
        text = search_results(hits, *options.search, style);
    } else if (options.all) {
        text = markdown ? booklet_markdown(topics) : booklet(topics, style);
    } else if (options.topic) {
        auto topic = find_topic(topics, *options.topic);
        if (!topic)
            throw UsageError(topic.error().message);
        text = markdown ? (*topic)->source : render_markdown((*topic)->body, style);
    } else {
        text = markdown ? topic_list_markdown(topics) : topic_list(topics, style);
    }
    // Markdown is the file itself; its bytes go unchanged only into a pipe
    // or a file, never raw to a terminal.
    if (markdown && is_terminal(STDOUT_FILENO))
        text = neutralize_controls(text, true);
    print_paged(text, context.env());
}

} // namespace

void setup_read(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("read", "Read about anxious attachment and the exercises");
    auto options = std::make_shared<ReadOptions>();
    command->add_option("topic", options->topic, "The topic's name, or the start of it");
    command->add_option("--search", options->search, "Show the topics and lines that mention WORD")
        ->option_text("WORD");
    command->add_flag("--all", options->all, "Every topic in reading order, as one document");
    command->add_flag("--sources", options->sources,
                      "The works the text draws on, each once (or one topic's)");
    command->add_flag("--plain", options->plain, "Text without styles, for piping and printing");
    command->add_option("--format", options->format, "Output format")
        ->option_text("text|markdown|html");
    command->add_option("--paper", options->paper, "Lay the HTML booklet out for this paper")
        ->option_text("a4|letter");
    command->add_option("--pdf", options->pdf, "Print the HTML booklet to FILE with Chromium")
        ->option_text("FILE");
    command->add_option("--width", options->width, "Wrap lines to N columns")->option_text("N");
    command->footer(R"(Without a topic, lists the topics. The text comes from $SETTLE_CONTENT, else
`content:` in the config file, else the copy built into settle.

Examples:
  settle read
  settle read reassurance
  settle read --search reassurance
  settle read --sources
  settle read --all --plain --width 72 > settle-reading.txt
  settle read --all --format html > settle-reading.html)");
    command->callback([&context, options] { run_read(context, *options); });
}

} // namespace settle::cli
