// The printable page's frame and the reading booklet, without the binary or
// a browser: what every page carries, the paper, the order of the booklet,
// and text from files or the config kept inert.
#include "cli/report/html_page.hpp"
#include "cli/report/read_html.hpp"

#include <catch2/catch.hpp>

using namespace settle;
using namespace settle::cli;

namespace {

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

size_t count_of(const std::string& text, std::string_view part) {
    size_t count = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}

Topic topic(std::string name, std::string title, std::string body) {
    Topic out;
    out.name = std::move(name);
    out.title = std::move(title);
    out.body = std::move(body);
    return out;
}

} // namespace

TEST_CASE("HTML page: a strict policy, the paper's size, the running line on every page") {
    HtmlPage page{"Title <one>", "running & \"line\"", ".extra { color: red; }\n", "<p>body</p>\n",
                  Paper::any};
    auto html = html_document(page);
    CHECK(html.starts_with(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
    CHECK(contains(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                         "'none'; style-src 'unsafe-inline'; img-src data:\">"));
    CHECK(contains(html, "<title>Title &lt;one&gt;</title>"));
    // The running line heads a table whose header the browser repeats on
    // every printed page; the body is inside that table.
    CHECK(contains(html, "<thead><tr><td><div class=\"running\">running &amp; &quot;line&quot;"
                         "</div></td></tr></thead>\n<tbody><tr><td>\n<p>body</p>\n"
                         "</td></tr></tbody>\n</table>\n</body>\n</html>\n"));
    CHECK(contains(html, ".extra { color: red; }\n</style>"));
    CHECK(contains(html, "counter(page) \" of \" counter(pages)"));
    CHECK(count_of(html, "<style>") == 1);
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "http://"));
    CHECK_FALSE(contains(html, "https://"));

    // No size without a paper: the printer's own; A4 and Letter when asked.
    CHECK_FALSE(contains(html, "size: A4"));
    CHECK_FALSE(contains(html, "size: letter"));
    page.paper = Paper::a4;
    CHECK(contains(html_document(page), "@page { size: A4;"));
    page.paper = Paper::letter;
    CHECK(contains(html_document(page), "@page { size: letter;"));
    // A chart or a table is never split across pages.
    CHECK(contains(html, "break-inside: avoid"));
}

TEST_CASE("HTML booklet: the crisis page first, a contents list, every source once") {
    std::vector<Topic> topics = {
        topic("basics", "The basics",
              "# The basics\n\nWords.\n\n## Sources\n\n- B. (2020). One.\n"),
        topic("safety", "If you are in danger", "# If you are in danger\n\nCall.\n"),
        topic("pause", "The pause",
              "# The pause\n\nBreathe.\n\n## Sources\n\n- *A.* (2019). Two.\n"
              "- b. (2020). one.\n"),
    };
    auto html = booklet_html(topics, {}, Paper::a4);
    CHECK(contains(html, "<title>settle · Reading</title>"));
    CHECK(contains(html, "@page { size: A4;"));
    auto contents = html.find("<nav class=\"contents keep\">\n<h2>Contents</h2>\n<ol>\n"
                              "<li><a href=\"#topic-1\">If you are in danger</a></li>\n"
                              "<li><a href=\"#topic-2\">The basics</a></li>\n"
                              "<li><a href=\"#topic-3\">The pause</a></li>\n</ol>\n</nav>\n");
    REQUIRE(contents != std::string::npos);
    auto safety = html.find("<section class=\"topic\" id=\"topic-1\">");
    auto basics = html.find("<section class=\"topic\" id=\"topic-2\">");
    auto pause = html.find("<section class=\"topic\" id=\"topic-3\">");
    CHECK(contents < safety);
    CHECK(safety < basics);
    CHECK(basics < pause);
    CHECK(contains(html.substr(safety, basics - safety), "Call."));
    // The sources gathered at the end, alphabetical, the same work once.
    auto sources = html.find("<section class=\"topic sources\">");
    REQUIRE(sources != std::string::npos);
    CHECK(sources > pause);
    auto list = html.substr(sources);
    CHECK(count_of(list, "<li>") == 2);
    CHECK(list.find("Two.") < list.find("One."));
    // Where to turn in a crisis: at the top, at the end and on every page.
    CHECK(count_of(html, "In a crisis: settle crisis; in Canada call or text 9-8-8, or 911") == 3);

    // One topic: its own title, no contents, its sources where it has them.
    auto one = booklet_html({topics[1]}, {});
    CHECK(contains(one, "<title>settle · If you are in danger</title>"));
    CHECK_FALSE(contains(one, "Contents"));
    CHECK_FALSE(contains(one, "topic sources"));
}

TEST_CASE("HTML booklet: the person's own crisis lines first, their words inert") {
    std::vector<CrisisLine> lines = {
        {"Friend <b>Sam</b>", "555-0100\u202E", "after 9\"</li><script>x()</script>"}};
    auto html = booklet_html({topic("basics", "Basics & more", "# Basics\n\nText.\n")}, lines);
    CHECK(contains(html, "<section class=\"crisis\">\n<h2>In a crisis</h2>\n"));
    CHECK(contains(html, "<li><strong><bdi>555-0100</bdi></strong>: <bdi>Friend &lt;b&gt;Sam"
                         "&lt;/b&gt;</bdi>, <bdi>after 9&quot;&lt;/li&gt;&lt;script&gt;x()"
                         "&lt;/script&gt;</bdi></li>\n"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK(contains(html, "<title>settle · Basics &amp; more</title>"));
    CHECK(html.find("<section class=\"crisis\">") < html.find("<section class=\"topic\""));
}
