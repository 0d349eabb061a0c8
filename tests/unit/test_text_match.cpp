#include "core/text_match.hpp"

#include <catch2/catch.hpp>

using namespace settle;

TEST_CASE("Edit distance counts a swap of neighbours as one slip") {
    CHECK(edit_distance("pause", "pause") == 0);
    CHECK(edit_distance("pasue", "pause") == 1);
    CHECK(edit_distance("paus", "pause") == 1);
    CHECK(edit_distance("pauze", "pause") == 1);
    CHECK(edit_distance("", "audit") == 5);
    CHECK(edit_distance("script", "audit") == 4);
}

TEST_CASE("Names are joined for a sentence") {
    CHECK(joined_list({}, " or ").empty());
    CHECK(joined_list({"a"}, " or ") == "a");
    CHECK(joined_list({"a", "b"}, " or ") == "a or b");
    CHECK(joined_list({"a", "b", "c"}, " and ") == "a, b and c");
}
