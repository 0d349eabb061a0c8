#include "core/display.hpp"
#include "core/layout.hpp"

#include <catch2/catch.hpp>

using namespace settle;

TEST_CASE("wrap_to_width breaks at spaces and keeps every word") {
    CHECK(wrap_to_width("", 10) == std::vector<std::string>{""});
    CHECK(wrap_to_width("short", 10) == std::vector<std::string>{"short"});
    CHECK(wrap_to_width("they said they would call", 10) ==
          std::vector<std::string>{"they said", "they would", "call"});
    // Spaces between words on a line stay as typed; at the ends they go.
    CHECK(wrap_to_width("  spaces   between  ", 20) ==
          std::vector<std::string>{"spaces   between"});
}

TEST_CASE("wrap_to_width splits only a word longer than a line, by display width") {
    CHECK(wrap_to_width("abcdefghij klm", 4) ==
          std::vector<std::string>{"abcd", "efgh", "ij", "klm"});
    // Wide characters take two columns; an accent stays with its letter.
    auto wide = wrap_to_width("日本語のテキスト", 6);
    for (const auto& line : wide)
        CHECK(display_width(line) <= 6);
    CHECK(wide.size() == 3);
    CHECK(wrap_to_width("cafe\xCC\x81 cafe\xCC\x81", 4) ==
          std::vector<std::string>{"cafe\xCC\x81", "cafe\xCC\x81"});
}

TEST_CASE("pad_to_width pads by display columns") {
    CHECK(pad_to_width("ab", 4) == "ab  ");
    CHECK(pad_to_width("日", 4) == "日  ");
    CHECK(pad_to_width("long", 2) == "long");
}

TEST_CASE("side_by_side fits two columns to the width") {
    TextColumn know{"What I know", {"It is nine", "They said they would call after work"}};
    TextColumn predict{"What I'm predicting", {"They are upset"}};
    auto lines = side_by_side(know, predict, 50, kAsciiTable);
    REQUIRE(lines.size() >= 4);
    // (50 - 3) columns split, the odd one to the left: 24 | 23.
    CHECK(lines[0] == "What I know              | What I'm predicting");
    CHECK(lines[1] == std::string(25, '-') + "+" + std::string(24, '-'));
    CHECK(lines[2] == "- It is nine             | - They are upset");
    CHECK(lines[3] == "- They said they would   |");
    CHECK(lines[4] == "  call after work        |");
    for (const auto& line : lines)
        CHECK(display_width(line) <= 50);
}

TEST_CASE("side_by_side keeps the divider in one place whatever the script") {
    TextColumn left{"Left", {"日本語のテキストがとても長い場合でも"}};
    TextColumn right{"Right", {"ünïcödé wörds wrap too", "x"}};
    auto lines = side_by_side(left, right, 41, kUnicodeTable);
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i == 1)
            continue; // the rule
        auto divider = lines[i].find("│");
        REQUIRE(divider != std::string::npos);
        CHECK(display_width(lines[i].substr(0, divider)) == 20);
    }
}

TEST_CASE("side_by_side stacks the columns when the window is narrow") {
    TextColumn know{"What I know", {"It is nine"}};
    TextColumn predict{"What I'm predicting", {"They are upset"}};
    auto lines = side_by_side(know, predict, 30, kAsciiTable);
    CHECK(lines == std::vector<std::string>{"What I know", "-----------", "- It is nine", "",
                                            "What I'm predicting", "-------------------",
                                            "- They are upset"});
}

TEST_CASE("format_clock shows minutes and seconds") {
    CHECK(format_clock(180) == "3:00");
    CHECK(format_clock(7) == "0:07");
    CHECK(format_clock(750) == "12:30");
    CHECK(format_clock(-3) == "0:00");
}

TEST_CASE("progress_bar fills its share of cells") {
    CHECK(progress_bar(0.0, 4, "#", ".") == "....");
    CHECK(progress_bar(0.5, 4, "#", ".") == "##..");
    CHECK(progress_bar(1.0, 4, "#", ".") == "####");
    CHECK(progress_bar(2.0, 3, "█", "░") == "███");
}
