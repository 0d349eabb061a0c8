// One table of styles: the command layer's styles are the faces `read`'s
// pages are drawn with, and each turns only itself off.
#include "cli/terminal/styles.hpp"
#include "core/wrap.hpp"

#include <catch2/catch.hpp>

using namespace settle;
using namespace settle::cli;

TEST_CASE("each style is a face of the one table, and ends only itself") {
    CHECK(style_codes(Style::bold).on == sgr(face_bold));
    CHECK(style_codes(Style::dim).on == sgr(face_dim));
    CHECK(style_codes(Style::accent).on == sgr(face_code));
    CHECK(style_codes(Style::reverse).on == sgr(face_inverse));
    CHECK(style_codes(Style::bold).on == "\x1b[1m");
    CHECK(style_codes(Style::bold).off == "\x1b[22m");
    CHECK(style_codes(Style::accent).on == "\x1b[36m");
    CHECK(style_codes(Style::accent).off == "\x1b[39m");
    CHECK(style_codes(Style::reverse).off == "\x1b[27m");
    CHECK(sgr(face_bold | face_code) == "\x1b[1;36m");
    CHECK(styled("hi", Style::dim, true) == "\x1b[2mhi\x1b[22m");
    CHECK(styled("hi", Style::dim, false) == "hi");
}
