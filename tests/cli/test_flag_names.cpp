// The core names keys; the command layer shows the flag a person typed.
#include "cli/flag_names.hpp"
#include "core/entry.hpp"
#include "core/period.hpp"

#include <catch2/catch.hpp>

using namespace settle;
using namespace settle::cli;

TEST_CASE("each key has the flag a person types for it") {
    CHECK(flag_for_key("urge_before") == "--urge-before");
    CHECK(flag_for_key("situation") == "--situation");
    CHECK(flag_for_key("feeling") == "--feel");
    CHECK(flag_for_key("created") == "--at");
    CHECK(flag_for_key("tags") == "--tag");
    CHECK(flag_for_key("older_than") == "--older-than");
}

TEST_CASE("a message from the core is put in the flags' terms") {
    Entry script;
    script.fields = ScriptFields{"a quiet evening", " ", "closeness"};
    auto empty = validate(script);
    REQUIRE_FALSE(empty);
    CHECK(empty.error().message == "feeling is empty; a few words are enough");
    CHECK(in_flag_terms(empty.error()) == "--feel is empty; a few words are enough");

    auto order = make_period("2026-11-20", "2026-11-01", SysSeconds{}, LocalZone{});
    REQUIRE_FALSE(order);
    CHECK(in_flag_terms(order.error()) == "--since is later than --until");
}

TEST_CASE("only a whole word that the error names is replaced, once") {
    auto error = Error{"need is empty; say what you need"}.naming({"need"});
    CHECK(in_flag_terms(error) == "--need is empty; say what you need");
    // "needs" is another word; "--urge-before" is already a flag.
    CHECK(in_flag_terms(Error{"needs: see need"}.naming({"need"})) == "needs: see --need");
    CHECK(in_flag_terms(Error{"give --since"}.naming({"since"})) == "give --since");
    CHECK(in_flag_terms(Error{"pause.minutes must be a number"}) ==
          "pause.minutes must be a number");
}
