#include "cli/report/read_html.hpp"

#include "core/render_html.hpp"

#include <fmt/format.h>

namespace settle::cli {

namespace {

constexpr std::string_view kBookletCss = R"css(
.topic { break-before: page; }
.topic:first-of-type { break-before: auto; }
.contents ol { padding-left: 1.6rem; }
.crisis-line { font-weight: bold; }
.crisis { border: 2px solid var(--rule); padding: 0.2rem 1rem 0.6rem; margin: 1rem 0; }
h1, h2, h3 { break-after: avoid; }
pre, blockquote, li { break-inside: avoid; }
@media print {
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
}
)css";

constexpr std::string_view kCrisisTopic = "safety";

// On every booklet, however few topics it holds, and on every printed page
// (in the running header): a page torn out still says where to turn.
constexpr std::string_view kCrisisPointer =
    "In a crisis: settle crisis; in Canada call or text 9-8-8, or 911";

} // namespace

std::string booklet_html(const std::vector<Topic>& topics, const std::vector<CrisisLine>& own_lines,
                         Paper paper) {
    std::vector<const Topic*> ordered;
    for (const auto& topic : topics)
        if (topic.name == kCrisisTopic)
            ordered.push_back(&topic);
    for (const auto& topic : topics)
        if (topic.name != kCrisisTopic)
            ordered.push_back(&topic);

    std::string title = ordered.size() == 1 ? ordered.front()->title : "Reading";
    std::string body = fmt::format("<header>\n<h1>{}</h1>\n<p class=\"crisis-line\">{}.</p>\n",
                                   html_escape(title), html_escape(kCrisisPointer));
    if (!own_lines.empty()) {
        body += "<section class=\"crisis\">\n<h2>In a crisis</h2>\n<p>Call your local "
                "emergency services or one of these lines now.</p>\n<ul>\n";
        for (const auto& line : own_lines) {
            body += fmt::format("<li><strong>{}</strong>: {}", html_words(line.contact),
                                html_words(line.name));
            if (!line.note.empty())
                body += ", " + html_words(line.note);
            body += "</li>\n";
        }
        body += "</ul>\n</section>\n";
    }
    body += "</header>\n";
    if (ordered.size() > 1) {
        body += "<nav class=\"contents keep\">\n<h2>Contents</h2>\n<ol>\n";
        for (size_t i = 0; i < ordered.size(); ++i)
            body += fmt::format("<li><a href=\"#topic-{}\">{}</a></li>\n", i + 1,
                                html_escape(ordered[i]->title));
        body += "</ol>\n</nav>\n";
    }
    for (size_t i = 0; i < ordered.size(); ++i)
        body += fmt::format("<section class=\"topic\" id=\"topic-{}\">\n{}</section>\n", i + 1,
                            render_markdown_html(ordered[i]->body, 1));
    // A single topic carries its own sources; the booklet gathers them all.
    auto sources = ordered.size() > 1 ? all_sources(topics) : std::vector<std::string>{};
    if (!sources.empty()) {
        std::string list = "# Sources\n\n";
        for (const auto& source : sources)
            list += "- " + source + "\n";
        body +=
            "<section class=\"topic sources\">\n" + render_markdown_html(list, 1) + "</section>\n";
    }
    body += fmt::format("<footer class=\"muted\"><p>{}.</p><p>settle is educational, not medical "
                        "advice, diagnosis or treatment.</p></footer>\n",
                        html_escape(kCrisisPointer));
    return html_document({"settle · " + title,
                          fmt::format("settle · {} · {}", title, kCrisisPointer),
                          std::string(kBookletCss), body, paper});
}

} // namespace settle::cli
