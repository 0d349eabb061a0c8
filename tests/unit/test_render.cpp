#include "core/content.hpp"
#include "core/display.hpp"
#include "core/render.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <regex>

using namespace settle;
using settle::testing::lines_of;

namespace {

// Our own styles are "ESC [ digits ; ... m"; anything else would be an
// escape sequence that came from the text.
const std::regex kStyle("\x1b\\[[0-9;]*m");

std::string without_styles(const std::string& text) {
    return std::regex_replace(text, kStyle, "");
}

// Every line fits in `width` columns once our styles are taken out.
void check_fits(const std::string& rendered, int width) {
    for (const auto& line : lines_of(without_styles(rendered))) {
        INFO("width " << width << ": \"" << line << "\"");
        CHECK(display_width(line) <= width);
    }
}

RenderOptions plain(int width) {
    return RenderOptions{width, false};
}
RenderOptions styled(int width) {
    return RenderOptions{width, true};
}

// Text that is hard to wrap: accents (composed and decomposed), emoji with
// modifiers, CJK without spaces, a long URL, nesting and a code block.
const char* const kHardText = R"(# Ça va? Überall 🌱 and 心の平和

Un café décaféiné, s'il vous plaît: naïve coöperation, Ångström, cafe&#x301;s.
Emoji 💛🫶🏽👩‍👩‍👧 in a row, and 👍🏿 with a skin tone, then ❤️ with a selector.

心が落ち着かないときは、深呼吸をして、五分間だけ待ってみましょう。そのあとでもう一度考えてみます。

See https://example.org/a/very/long/path/that/does/not/fit/on/any/line/at/all/whatever/the/width for more.

> A quote with **bold words** and *emphasis*, long enough to wrap over several lines at forty columns.
>
> > A quote in a quote, also long enough to wrap over several lines of text.

1. An item long enough to need a hanging indent when it wraps onto a second line.
2. Another, with a list inside:
   - a nested bullet that is itself quite long and wraps onto more lines here
   - 短い

10. A two-digit number.

```
a code line that is far longer than forty columns and has to be cut somewhere	tab
```

Line with a hard break  
after it, and `inline code` too.

***
)";

} // namespace

TEST_CASE("Every topic renders as text, plain text and Markdown at 40, 80 and 120 columns") {
    auto library = load_topics(ContentSource::built_in());
    REQUIRE(library);
    REQUIRE(!library->topics.empty());
    for (const auto& topic : library->topics) {
        INFO(topic.path);
        CHECK(topic.source.starts_with("---\n"));
        CHECK(topic.source.ends_with(topic.body));
        for (int width : {40, 80, 120}) {
            auto text = render_markdown(topic.body, styled(width));
            auto unstyled = render_markdown(topic.body, plain(width));
            CHECK(!unstyled.empty());
            CHECK(unstyled.find('\x1b') == std::string::npos);
            CHECK(text.find("\x1b[") != std::string::npos);
            CHECK(without_styles(text).find('\x1b') == std::string::npos);
            check_fits(text, width);
            check_fits(unstyled, width);
            // Nothing is lost by wrapping: the same words in the same order.
            // Heading rules ('=', '-') are as long as the heading's lines.
            auto words = [](const std::string& s) {
                std::string joined;
                for (char c : s)
                    if (c != ' ' && c != '\n' && c != '=' && c != '-')
                        joined += c;
                return joined;
            };
            CHECK(words(render_markdown(topic.body, plain(width))) ==
                  words(render_markdown(topic.body, plain(120))));
        }
    }
}

TEST_CASE("Accents, emoji and CJK never push a line past the width") {
    for (int width : {20, 40, 80, 120}) {
        check_fits(render_markdown(kHardText, plain(width)), width);
        check_fits(render_markdown(kHardText, styled(width)), width);
    }
    auto text = render_markdown(kHardText, plain(40));
    CHECK(text.find("Ångström") != std::string::npos);
    CHECK(text.find("👩‍👩‍👧") != std::string::npos); // a ZWJ sequence is never split
}

TEST_CASE("Cutting a long word never parts a letter from its accent or an emoji sequence") {
    auto accent = wrap_spans({{std::string(39, 'y') + "e\xCC\x81z", face_plain}}, plain(40));
    CHECK(accent == std::string(39, 'y') + "e\xCC\x81\nz\n");
    // A family emoji is one character of three people joined: it moves whole.
    auto family =
        wrap_spans({{std::string(36, 'x') + "👩‍👩‍👧", face_plain}}, plain(40));
    CHECK(family == std::string(36, 'x') + "\n👩‍👩‍👧\n");
}

TEST_CASE("Plain text: headings underlined, lists with a hanging indent, quotes indented") {
    auto text = render_markdown("# Title\n\n## Part\n\n- one two three four five six seven\n"
                                "- short\n\n> quoted words\n",
                                plain(24));
    CHECK(text == "Title\n"
                  "=====\n"
                  "\n"
                  "Part\n"
                  "----\n"
                  "\n"
                  "- one two three four\n"
                  "  five six seven\n"
                  "- short\n"
                  "\n"
                  "    quoted words\n");
}

TEST_CASE("Ordered lists line their text up after the widest number") {
    auto text = render_markdown("9. nine\n10. ten and more words here\n", plain(20));
    CHECK(text == "9.  nine\n"
                  "10. ten and more\n"
                  "    words here\n");
}

TEST_CASE("Styled text: bold headings, emphasis, a bar before quotes") {
    auto text =
        render_markdown("# Title\n\nSome *soft* and **strong** `code`.\n\n> quoted\n", styled(40));
    CHECK(text == "\x1b[1;4mTitle\x1b[0m\n"
                  "\n"
                  "Some \x1b[3msoft\x1b[0m and \x1b[1mstrong\x1b[0m \x1b[36mcode\x1b[0m.\n"
                  "\n"
                  "\x1b[2m│ \x1b[0mquoted\n");
    // Unstyled, inline code keeps its backticks: it is something to type.
    CHECK(render_markdown("Run `settle pause`.\n", plain(40)) == "Run `settle pause`.\n");
}

TEST_CASE("Escape sequences written in a file never reach the terminal") {
    const char* hostile = "# Title \x1b]0;owned\x07\n\nText \x1b[2J with &#27;[31m an entity, "
                          "\xC2\x9B a C1 and a bad byte \xFF.\n\n```\n\x1b[5m in code\n```\n";
    for (bool style : {false, true}) {
        auto text = render_markdown(hostile, RenderOptions{80, style});
        CHECK(without_styles(text).find('\x1b') == std::string::npos);
        CHECK(text.find("\xC2\x9B") == std::string::npos);
        CHECK(text.find("^[]0;owned^G") != std::string::npos); // shown, visibly
        CHECK(text.find("^[[5m") != std::string::npos);
    }
    auto lines = markdown_text_lines(hostile);
    for (const auto& line : lines)
        CHECK(line.find('\x1b') == std::string::npos);
}

TEST_CASE("Links show their address, which matters on paper") {
    CHECK(render_markdown("See [the site](https://example.org).\n", plain(80)) ==
          "See the site (https://example.org).\n");
    CHECK(render_markdown("<https://example.org>\n", plain(80)) == "https://example.org\n");
}

TEST_CASE("Thousands of nested quotes neither crash nor overflow the width") {
    std::string deep(20000, '>');
    deep += " bottom of the well with some words to wrap around\n";
    auto text = render_markdown(deep, styled(40));
    CHECK(text.find("bottom") != std::string::npos);
    check_fits(text, 40);
    std::string emphasis = std::string(5000, '*') + "x" + std::string(5000, '*') + "\n";
    check_fits(render_markdown(emphasis, plain(40)), 40);
}

TEST_CASE("wrap_spans: a hanging indent and styled runs that cross line ends") {
    auto text = wrap_spans({{"alpha beta ", face_plain}, {"gamma delta", face_bold}}, styled(14),
                           "- ", "  ");
    CHECK(text == "- alpha beta\n  \x1b[1mgamma delta\x1b[0m\n");
    CHECK(wrap_spans({{"", face_plain}}, plain(10)).empty());
    CHECK(wrap_spans({{std::string(25, 'z'), face_plain}}, plain(10)) ==
          "zzzzzzzzzz\nzzzzzzzzzz\nzzzzz\n");
}

TEST_CASE("A term beside its description, or above it when narrow") {
    std::vector<std::vector<Span>> paragraphs{{{"Suicide Crisis Helpline", face_plain}},
                                              {{"call or text", face_plain}}};
    CHECK(term_and_description({"9-8-8", face_bold}, 5, paragraphs, plain(40)) ==
          "  9-8-8  Suicide Crisis Helpline\n"
          "         call or text\n");
    CHECK(term_and_description({"9-8-8", face_bold}, 30, paragraphs, plain(40)) ==
          "  9-8-8\n"
          "    Suicide Crisis Helpline\n"
          "    call or text\n");
}

TEST_CASE("Search sees each paragraph, heading and list item as one plain line") {
    auto lines =
        markdown_text_lines("# Head\n\nOne *two*\nthree.\n\n- item `x`\n\n```\ncode\n```\n");
    CHECK(lines == std::vector<std::string>{"Head", "One two three.", "item `x`", "code"});
}
