#include "core/render_html.hpp"

#include <catch2/catch.hpp>

using settle::render_markdown_html;

TEST_CASE("Markdown to HTML: cmark's rendering, headings moved down") {
    auto html = render_markdown_html("# Title\n\nSome *calm* text.\n\n- one\n- two\n", 1);
    CHECK(html == "<h2>Title</h2>\n<p>Some <em>calm</em> text.</p>\n<ul>\n<li>one</li>\n"
                  "<li>two</li>\n</ul>\n");
    CHECK(render_markdown_html("###### Deep\n", 3) == "<h6>Deep</h6>\n");
}

TEST_CASE("Markdown to HTML: no raw HTML, no dangerous link, no image fetched") {
    auto html = render_markdown_html("<script>alert(1)</script>\n\n"
                                     "<b onmouseover=\"x\">hi</b> [a](javascript:alert(1)) "
                                     "![a *picture*](https://example.org/p.png) & <\n");
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("onmouseover") == std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("example.org") == std::string::npos);
    CHECK(html.find("a <em>picture</em>") != std::string::npos); // the description stays
    CHECK(html.find("&amp; &lt;") != std::string::npos);
}
