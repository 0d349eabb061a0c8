#include "core/display.hpp"
#include "core/wrap.hpp"

#include <catch2/catch.hpp>

using namespace settle;

namespace {

std::string plain(const StyledLine& line) {
    std::string out;
    for (const auto& span : line.spans)
        out += span.text;
    return out;
}

std::vector<std::string> plain_lines(const std::vector<StyledLine>& lines) {
    std::vector<std::string> out;
    for (const auto& line : lines)
        out.push_back(plain(line));
    return out;
}

} // namespace

TEST_CASE("wrap_lines: a first line and the rest of different widths") {
    auto lines = wrap_lines({{"one two three four five six", face_plain}}, 9, 14);
    CHECK(plain_lines(lines) == std::vector<std::string>{"one two", "three four", "five six"});
    for (const auto& line : lines)
        CHECK(line.width == display_width(plain(line)));
}

TEST_CASE("wrap_lines keeps a run of spaces inside a line and drops it at a break") {
    auto lines = wrap_lines({{"k keep it   e change it", face_plain}}, 12, 12);
    CHECK(plain_lines(lines) == std::vector<std::string>{"k keep it", "e change it"});
    CHECK(plain_lines(wrap_lines({{"a   b", face_plain}}, 20, 20)) ==
          std::vector<std::string>{"a   b"});
}

TEST_CASE("wrap_lines never breaks a word that fits on a line of its own") {
    // At every width from 10 to 40, the lines joined again are the text.
    std::string text =
        "Sit with the urge before reaching out; breathe in gently, then let "
        "the breath out slowly, longer than it came in. Ångström 日本語 👩‍👩‍👧";
    for (int width = 10; width <= 40; ++width) {
        std::string joined;
        for (const auto& line : wrap_to_width(text, width)) {
            CHECK(display_width(line) <= width);
            joined += (joined.empty() ? "" : " ") + line;
        }
        CHECK(joined == text);
    }
}

TEST_CASE("wrap_lines carries styles across a break") {
    auto lines = wrap_lines({{"calm ", face_plain}, {"and slow breath", face_dim}}, 9, 9);
    REQUIRE(lines.size() == 3);
    std::string out;
    for (const auto& line : lines)
        append_styled_line(out, {}, line, true);
    CHECK(out == "calm \x1b[2mand\x1b[0m\n\x1b[2mslow\x1b[0m\n\x1b[2mbreath\x1b[0m\n");
    std::string unstyled;
    for (const auto& line : lines)
        append_styled_line(unstyled, {{"  ", face_plain}}, line, false);
    CHECK(unstyled == "  calm and\n  slow\n  breath\n");
}

TEST_CASE("wrap_lines: a hard break, and nothing for no words") {
    CHECK(plain_lines(wrap_lines({{"a", face_plain}, {"\n", face_plain}, {"b", face_plain}}, 10,
                                 10)) == std::vector<std::string>{"a", "b"});
    CHECK(wrap_lines({{"   ", face_plain}}, 10, 10).empty());
}
