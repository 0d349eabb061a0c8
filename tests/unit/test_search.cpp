#include "core/search.hpp"

#include <catch2/catch.hpp>

using namespace settle;

TEST_CASE("Folding ignores case, accents and compatibility forms") {
    CHECK(fold_for_search("Café") == fold_for_search("cafe"));
    CHECK(fold_for_search("CAFÉ") == "cafe");
    CHECK(fold_for_search("Straße") == "strasse");
    CHECK(fold_for_search("ﬁne") == "fine");               // the ﬁ ligature
    CHECK(fold_for_search("ＡＢＣ") == "abc");             // full-width letters
    CHECK(fold_for_search("e\xCC\x81t\xC3\xA9") == "ete"); // decomposed and composed é
    CHECK(fold_for_search("Ωμέγα") == fold_for_search("ωμεγα"));
    CHECK(fold_for_search("") == "");
}

TEST_CASE("Bytes that are not UTF-8 never match and never stop a search") {
    auto folded = fold_for_search("ok \xFF\xFE then Ä");
    CHECK(folded == "ok \xEF\xBF\xBD\xEF\xBF\xBD then a");
    CHECK(fold_for_search("\xC3") == "\xEF\xBF\xBD");
}

TEST_CASE("An entry contains what any of its written words contain") {
    Entry audit;
    audit.fields = AuditFields{
        std::nullopt, std::nullopt, {"She said she was at the café"}, {"they will LEAVE"}};
    CHECK(entry_contains(audit, fold_for_search("CAFE")));
    CHECK(entry_contains(audit, fold_for_search("leave")));
    CHECK_FALSE(entry_contains(audit, fold_for_search("phone")));
    CHECK(entry_contains(audit, ""));

    Entry script;
    script.fields = ScriptFields{"no reply for hours", "Anxious", "reassurance"};
    script.tags = {"évening"};
    CHECK(entry_contains(script, fold_for_search("NO REPLY")));
    CHECK(entry_contains(script, fold_for_search("anxious")));
    CHECK(entry_contains(script, fold_for_search("Evening")));
    CHECK_FALSE(entry_contains(script, fold_for_search("when")));

    Entry pause;
    PauseFields fields;
    fields.outcome = Outcome::waited;
    pause.fields = fields;
    pause.body = "Walked to the park.\nFelt calmer.";
    CHECK(entry_contains(pause, fold_for_search("waited")));
    CHECK(entry_contains(pause, fold_for_search("felt CALMER")));
    pause.revisit = Revisit{};
    pause.revisit->note = "Glad I waited — it passed";
    CHECK(entry_contains(pause, fold_for_search("it passed")));
}
