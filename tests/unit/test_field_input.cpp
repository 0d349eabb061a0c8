#include "core/field_input.hpp"

#include <catch2/catch.hpp>

using namespace settle;

TEST_CASE("Field lines from standard input") {
    auto parsed = parse_field_lines("# my words\n"
                                    "know: it is 9pm\n"
                                    "\n"
                                    "know:   they replied this morning  \n"
                                    "predict: they're angry: really\n"
                                    "note: first line\n"
                                    "  second line\n",
                                    {"know", "predict", "note"}, "stdin");
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 4);
    CHECK((*parsed)[0].name == "know");
    CHECK((*parsed)[0].value == "it is 9pm");
    // One space separates; the rest of the line is the value as given.
    CHECK((*parsed)[1].value == "  they replied this morning  ");
    CHECK((*parsed)[2].value == "they're angry: really");
    CHECK((*parsed)[3].value == "first line\nsecond line");
    CHECK((*parsed)[3].line == 6);
}

TEST_CASE("Field line errors name the line") {
    auto unknown = parse_field_lines("know: a\nfeel: b\n", {"know"}, "stdin");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().located() == "stdin:2: unknown field \"feel\"; this command takes know");
    auto shapeless = parse_field_lines("just words\n", {"know"}, "stdin");
    REQUIRE_FALSE(shapeless);
    CHECK(shapeless.error().line == 1);
}

TEST_CASE("CRLF input reads the same") {
    auto parsed = parse_field_lines("know: a\r\nknow: b\r\n", {"know"}, "stdin");
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 2);
    CHECK((*parsed)[1].value == "b");
}

TEST_CASE("A byte order mark at the start is not part of the first name") {
    auto parsed = parse_field_lines("\xEF\xBB\xBFknow: a\nknow: b\n", {"know"}, "stdin");
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 2);
    CHECK((*parsed)[0].name == "know");
    CHECK((*parsed)[0].line == 1);
}

TEST_CASE("A field's value is kept exactly as given") {
    auto parsed = parse_field_lines("know: [she didn't reply, she's angry]\n"
                                    "know:- a: b # c\n"
                                    "know: a CR\rinside, and one at the end\r\n"
                                    "know:  two spaces before, one after \n",
                                    {"know"}, "stdin");
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 4);
    CHECK((*parsed)[0].value == "[she didn't reply, she's angry]");
    CHECK((*parsed)[1].value == "- a: b # c");
    // The first line ends in LF alone, so a CR anywhere is text.
    CHECK((*parsed)[2].value == "a CR\rinside, and one at the end\r");
    CHECK((*parsed)[3].value == " two spaces before, one after ");
}
