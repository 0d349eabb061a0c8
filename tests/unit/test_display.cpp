#include "core/display.hpp"

#include <catch2/catch.hpp>

using namespace settle;

TEST_CASE("Control characters are shown, never sent to the terminal") {
    CHECK(neutralize_controls("plain words") == "plain words");
    CHECK(neutralize_controls("a\x1b]0;title\x07z") == "a^[]0;title^Gz");
    CHECK(neutralize_controls("\x1b[2J") == "^[[2J");
    CHECK(neutralize_controls("c\xc2\x9b"
                              "31m") == "c<U+009B>31m");
    CHECK(neutralize_controls("del\x7f") == "del^?");
    CHECK(neutralize_controls("two\nlines\tand tab") == "two lines and tab");
    CHECK(neutralize_controls("two\nlines", true) == "two\nlines");
    CHECK(neutralize_controls("bad \xff byte") == "bad \xef\xbf\xbd byte");
    CHECK(neutralize_controls("café ☕ 日本") == "café ☕ 日本");
}

TEST_CASE("Display width counts columns, not bytes") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("café") == 4);
    CHECK(display_width("日本") == 4);
    CHECK(display_width("☕") == 2);
}

TEST_CASE("Truncation respects display width") {
    CHECK(truncate_to_width("short", 10) == "short");
    CHECK(truncate_to_width("a longer line", 6) == "a lon…");
    auto cut = truncate_to_width("日本語のテキスト", 7);
    CHECK(display_width(cut) <= 7);
    CHECK(cut.substr(cut.size() - 3) == "…");
}
