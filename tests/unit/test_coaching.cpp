// The coaching rules as shipped in content/coaching.yaml, on a table of
// cases that should and should not get a hint.
#include "core/coaching.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace settle;

namespace {

const CoachingRules& shipped_rules() {
    static const CoachingRules rules = [] {
        // SETTLE_TEST_FIXTURES is <source>/tests/fixtures.
        auto source = std::filesystem::path(SETTLE_TEST_FIXTURES).parent_path().parent_path();
        auto path = source / "content" / "coaching.yaml";
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        auto parsed = CoachingRules::parse(text.str(), path.string());
        if (!parsed)
            FAIL(parsed.error().located());
        return *parsed;
    }();
    return rules;
}

} // namespace

TEST_CASE("A prediction hiding among what I know") {
    const auto& rules = shipped_rules();
    struct Case {
        const char* item;
        bool hint;
    };
    const Case cases[] = {
        {"They said they'd call at 9", false},
        {"It is 9:40 and they have not called", false},
        {"They replied to my message this morning", false},
        {"They'll be angry", true},
        {"They will leave me", true},
        {"She’ll think I'm too much", true}, // a curly apostrophe
        {"He's probably with someone else", true},
        {"They must be tired of me", true},
        {"They think I'm needy", true},
        {"He never texts first", true},
        {"It's going to end badly", true},
        {"Willow is at her sister's tonight", false}, // "will" only as a whole word
        {"The meeting ran until nine", false},
    };
    for (const auto& c : cases) {
        INFO(c.item);
        auto hints = rules.check_know_item(c.item, 2);
        CHECK(hints.empty() == !c.hint);
        if (!hints.empty()) {
            CHECK(hints[0].rule == "know_sounds_like_prediction");
            CHECK(hints[0].item == 2);
            CHECK_THAT(hints[0].message, Catch::Contains(c.item));
        }
    }
}

TEST_CASE("Blame in the situation, reactive feelings, needs as orders") {
    const auto& rules = shipped_rules();
    CHECK_FALSE(rules.check_situation("when the dishes sat for three days").size());
    CHECK_FALSE(rules.check_situation("we haven't talked properly for a few days").size());
    CHECK_FALSE(rules.check_situation("your phone was off all evening").size());
    CHECK(rules.check_situation("you always leave the dishes").size() == 1);
    CHECK(rules.check_situation("When you never ask about my day").size() == 1);
    CHECK(rules.check_situation("You've been distant all week").size() == 1);
    CHECK(rules.check_situation("you don't listen").size() == 1);

    CHECK_FALSE(rules.check_feeling("hurt").size());
    CHECK_FALSE(rules.check_feeling("afraid that something is wrong").size());
    CHECK(rules.check_feeling("angry").size() == 1);
    CHECK(rules.check_feeling("Fed up").size() == 1);
    CHECK(rules.check_feeling("annoyed and tired").size() == 1);
    CHECK_FALSE(rules.check_feeling("madly in love").size()); // "mad" as a whole word only

    CHECK_FALSE(rules.check_need("to hear that we're okay").size());
    CHECK_FALSE(rules.check_need("reassurance").size());
    CHECK_FALSE(rules.check_need("to feel close to you").size());
    CHECK(rules.check_need("you to text me back").size() == 1);
    CHECK(rules.check_need("for you to stop going out").size() == 1);
    CHECK(rules.check_need("stop ignoring me").size() == 1);
}

TEST_CASE("A whole entry's hints, in the order the fields are asked") {
    const auto& rules = shipped_rules();
    Entry script;
    script.fields = ScriptFields{"you never call", "angry", "you to call"};
    auto hints = rules.check(script);
    REQUIRE(hints.size() == 3);
    CHECK(hints[0].field == "situation");
    CHECK(hints[1].field == "feeling");
    CHECK(hints[2].field == "need");

    Entry audit;
    audit.fields = AuditFields{std::nullopt, std::nullopt, {"it is late", "they'll leave"}, {}};
    hints = rules.check(audit);
    REQUIRE(hints.size() == 1);
    CHECK(hints[0].item == 2);

    Entry pause;
    pause.fields = PauseFields{5, 2, Outcome::waited};
    CHECK(rules.check(pause).empty());
}

TEST_CASE("Bad rules files name their line") {
    auto bad = CoachingRules::parse("reactive_feeling:\n  words: angry\n  message: x\n", "c.yaml");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().located() == "c.yaml:2: words must be a list");
    auto missing = CoachingRules::parse("reactive_feeling:\n  words: [angry]\n", "c.yaml");
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error().message, Catch::Contains("needs a message"));
    // A translation may leave rules out.
    auto partial =
        CoachingRules::parse("reactive_feeling:\n  words: [wütend]\n  message: m\n", "c.yaml");
    REQUIRE(partial);
    CHECK(partial->check_feeling("Wütend").size() == 1);
}
