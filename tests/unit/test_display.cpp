#include "core/display.hpp"
#include "core/entry_json.hpp"

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

TEST_CASE("Invisible format characters are shown by their code") {
    // A right-to-left override would show "txt.exe" as "exe.txt".
    CHECK(neutralize_controls("file\u202Etxt.exe") == "file<U+202E>txt.exe");
    CHECK(neutralize_controls("\u2066x\u2069") == "<U+2066>x<U+2069>");
    CHECK(neutralize_controls("a\u200Bb\u200Ec\u200Fd") == "a<U+200B>b<U+200E>c<U+200F>d");
    CHECK(neutralize_controls("a\u2028b\u2029c", true) == "a<U+2028>b<U+2029>c");
    CHECK(neutralize_controls("\uFEFFbom") == "<U+FEFF>bom");
    CHECK(neutralize_controls("soft\u00ADhyphen") == "soft<U+00AD>hyphen");
    CHECK(neutralize_controls("tag\U000E0041") == "tag<U+E0041>"); // Cf, from utf8proc
    // A joiner between two visible characters is what makes one emoji of
    // three (a mending heart); alone or at an edge it only hides something.
    CHECK(neutralize_controls("\u2764\uFE0F\u200D\U0001FA79") == "\u2764\uFE0F\u200D\U0001FA79");
    CHECK(neutralize_controls("\u200Dx") == "<U+200D>x");
    CHECK(neutralize_controls("x\u200D") == "x<U+200D>");
    CHECK(neutralize_controls("x\u200D\u202Ey") == "x<U+200D><U+202E>y");
    CHECK(is_invisible_format(0x061C));
    CHECK_FALSE(is_invisible_format('a'));
    CHECK_FALSE(is_invisible_format(0x00E9));
}

TEST_CASE("JSON escapes invisible format characters and reads back the same") {
    auto text = dump_json(Json("a\u202Eb\u2028c\U000E0041"));
    CHECK(text == "\"a\\u202eb\\u2028c\\udb40\\udc41\"");
    CHECK(Json::parse(text).get<std::string>() == "a\u202Eb\u2028c\U000E0041");
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

TEST_CASE("Invalid UTF-8 is replaced byte by byte, valid text kept as it is") {
    CHECK(replace_invalid_utf8("café \xE2\x80\x94 ok") == "café \xE2\x80\x94 ok");
    CHECK(replace_invalid_utf8("a\xFF\xFE"
                               "b") == "a\xEF\xBF\xBD\xEF\xBF\xBD"
                                       "b");
    CHECK(replace_invalid_utf8("\xC3") == "\xEF\xBF\xBD");
    CHECK(replace_invalid_utf8("\xED\xA0\x80") != "\xED\xA0\x80"); // a surrogate
    CHECK(replace_invalid_utf8("\x01\x1B") == "\x01\x1B");         // controls are not its business
}

TEST_CASE("dump_json writes the very bytes nlohmann's dump and the escaping pass give") {
    // dump_json writes JSON itself, for speed; nlohmann_dump_json is the
    // library's dump with the pass that escapes what it leaves as it is.
    Json nested = Json::object();
    nested["empty object"] = Json::object();
    nested["empty array"] = Json::array();
    nested["numbers"] = {0,   -7,      2147483647, std::uint64_t{18446744073709551615u},
                         0.5, -1e-300, 3.0};
    nested["flags"] = {true, false, nullptr};
    nested["deep"] = {{"a", {{"b", Json::array({Json::object(), "x"})}}}};
    nested["k\"e\\y\n\x01\x7f\u202E"] = "value";
    std::vector<std::string> texts = {
        "",
        "plain",
        "quote \" backslash \\ slash /",
        "\b\f\n\r\t\x01\x1f\x7f",
        "é ☕ 日本 \U0001FA79",
        "\xc2\x80\xc2\x9b\xc2\x9f\xc2\xa0",
        "a\u202Eb\u2028c\u2029\uFEFF\U000E0041",
        "bad \xff bytes \xc3",
        "cut \xe2\x82",
        "over\xc0\xaflong",
        "surrogate \xed\xa0\x80",
    };
    // Random bytes, weighted towards the ones that need care.
    std::uint32_t state = 12345;
    auto next = [&] {
        return state = state * 1664525u + 1013904223u;
    };
    const std::string pieces[] = {"a",    " ",        "\"",         "\\", "\n",
                                  "\x1b", "\x7f",     "\xc2\x9b",   "é",  "\u202E",
                                  "\xff", "\xe2\x82", "\U0001F600", "\t", "\u200D"};
    for (int i = 0; i < 2000; ++i) {
        std::string text;
        for (auto n = next() % 12; n > 0; --n)
            text += pieces[(next() >> 8) % std::size(pieces)];
        texts.push_back(text);
    }
    for (const auto& text : texts) {
        Json value = Json(text);
        CHECK(dump_json(value) == nlohmann_dump_json(value));
        nested["list"].push_back(text);
        Json keyed = Json::object();
        keyed[text] = text;
        CHECK(dump_json(keyed) == nlohmann_dump_json(keyed));
    }
    CHECK(dump_json(nested) == nlohmann_dump_json(nested));
    CHECK(dump_json(Json::array()) == "[]");
}
