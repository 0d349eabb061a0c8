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

// One row of the table: which check, the text, whether it should get a
// hint, and which rule's hint when it is not the field's usual one.
enum class Field { know, situation, feeling, need };

struct Case {
    Field field;
    const char* text;
    bool hint;
    const char* rule = nullptr;
};

// Naming harm gets the pointer to when worry is accurate, never the blame
// hint.
constexpr const char* kHarm = "harm_in_situation";

const char* rule_for(Field field) {
    switch (field) {
    case Field::know:
        return "know_sounds_like_prediction";
    case Field::situation:
        return "blame_in_situation";
    case Field::feeling:
        return "reactive_feeling";
    case Field::need:
        return "need_as_order";
    }
    return "";
}

std::vector<Hint> check(const CoachingRules& rules, const Case& c) {
    switch (c.field) {
    case Field::know:
        return rules.check_know_item(c.text, 2);
    case Field::situation:
        return rules.check_situation(c.text);
    case Field::feeling:
        return rules.check_feeling(c.text);
    case Field::need:
        return rules.check_need(c.text);
    }
    return {};
}

// clang-format off
const Case kCases[] = {
    // What I know: a fact that can be checked is never called a guess, even
    // when it reports what someone said they will do.
    {Field::know, "They said they will call after work", false},
    {Field::know, "They have never missed a call", false},
    {Field::know, "He always texts back within the hour", false},
    {Field::know, "She told me she'll be home by nine", false},
    {Field::know, "Their message says they're going to be late", false},
    {Field::know, "They promised they would call tonight", false},
    {Field::know, "They said they'd call at 9", false},
    {Field::know, "It is 9:40 and they have not called", false},
    {Field::know, "They replied to my message this morning", false},
    {Field::know, "Willow is at her sister's tonight", false}, // "will" only as a whole word
    {Field::know, "The meeting ran until nine", false},
    {Field::know, "We have been together four years", false},
    // ... and a prediction or a reading of someone's mind is.
    {Field::know, "They will be angry", true},
    {Field::know, "They will leave me", true},
    {Field::know, "She\u2019ll think I'm too much", true}, // a curly apostrophe
    {Field::know, "He's probably with someone else", true},
    {Field::know, "They must be tired of me", true},
    {Field::know, "They think I'm needy", true},
    {Field::know, "It's going to end badly", true},
    {Field::know, "He doesn't care any more", true},
    {Field::know, "She is losing interest", true},
    {Field::know, "THEY WILL BE ANGRY", true},
    {Field::know, "They'll leave me, I just know it", true},
    // Reported speech exempts only the rest of its own sentence or clause.
    {Field::know, "She said hi. He will leave me.", true},
    {Field::know, "He texted at noon; she will be cross", true},
    {Field::know, "They promised to call!\nThey'll forget", true},
    {Field::know, "He told me sorry? He is about to go", true},
    {Field::know, "She said she'd be home by 9.30 and will call", false}, // "9.30" ends nothing
    {Field::know, "It rained. She said she will call", false},

    // The situation: plain accusations, wherever "you" stands.
    {Field::situation, "you ignored my texts all day", true},
    {Field::situation, "You ignored my texts all day", true},
    {Field::situation, "when you ignored my texts all day", true},
    {Field::situation, "all evening you've been ignoring me", true},
    {Field::situation, "you blew me off for your friends", true},
    {Field::situation, "you always leave the dishes", true},
    {Field::situation, "When you never ask about my day", true},
    {Field::situation, "You've been distant all week", true},
    {Field::situation, "you don't listen", true},
    {Field::situation, "why didn't you call", true},
    {Field::situation, "last night you just dismissed what I said", true},
    // ... and what a camera would have seen.
    {Field::situation, "when the dishes sat for three days", false},
    {Field::situation, "we haven't talked properly for a few days", false},
    {Field::situation, "your phone was off all evening", false},
    {Field::situation, "you texted at nine that you were still at work", false},
    {Field::situation, "you were away for the weekend", false},
    {Field::situation, "my message from noon has no reply yet", false},
    {Field::situation, "the youth group ran late", false}, // "you" only as a whole word
    // "you" counts only where it opens a clause: a "you" in the middle of
    // one is not the person being blamed.
    {Field::situation, "I told you I can't wait", false},
    {Field::situation, "thank you, I always enjoy our walks", false},
    {Field::situation, "I said thank you and never heard back", false},
    {Field::situation, "I asked if you were free and I never heard", false},
    {Field::situation, "She reminded you we don't have plans", false},
    {Field::situation, "I came home, you ignored me", true},
    {Field::situation, "I texted because you never answer", true},
    {Field::situation, "I said that you didn't call", true},
    {Field::situation, "We had plans. You blew them off", true},
    {Field::situation, "I cooked and you ignored it", true},
    // Naming harm is not blame: it gets the gentle pointer to when worry is
    // accurate instead, whichever way it is told.
    {Field::situation, "When you hurt me last night", true, kHarm},
    {Field::situation, "you always hurt me when you drink", true, kHarm},
    {Field::situation, "You humiliated me in front of my friends", true, kHarm},
    {Field::situation, "when you disrespected me at dinner", true, kHarm},
    {Field::situation, "you abandoned me at the party", true, kHarm},
    {Field::situation, "he threatened to leave if I saw my sister", true, kHarm},
    {Field::situation, "He pushed me against the wall", true, kHarm},
    {Field::situation, "she goes through my phone every night", true, kHarm},
    {Field::situation, "I'm afraid of him when he drinks", true, kHarm},
    {Field::situation, "you hurt my feelings", true, kHarm},
    {Field::situation, "when you ignored me I felt hurt", true}, // a feeling, not harm
    {Field::situation, "I'm afraid of being left", false},

    // The feeling.
    {Field::feeling, "hurt", false},
    {Field::feeling, "afraid that something is wrong", false},
    {Field::feeling, "épuisé", false},
    {Field::feeling, "madly in love", false}, // "mad" as a whole word only
    {Field::feeling, "angry", true},
    {Field::feeling, "Fed up", true},
    {Field::feeling, "annoyed and tired", true},
    {Field::feeling, "FURIOUS", true},

    // The need.
    {Field::need, "to hear that we're okay", false},
    {Field::need, "reassurance", false},
    {Field::need, "to feel close to you", false},
    {Field::need, "to feel chosen", false},
    {Field::need, "you to text me back", true},
    {Field::need, "for you to stop going out", true},
    {Field::need, "stop ignoring me", true},
};
// clang-format on

} // namespace

TEST_CASE("The coaching rules on a table of cases that should and should not get a hint") {
    const auto& rules = shipped_rules();
    int positive = 0;
    int negative = 0;
    for (const auto& c : kCases) {
        const char* rule = c.rule ? c.rule : rule_for(c.field);
        INFO(rule << ": " << c.text);
        auto hints = check(rules, c);
        CHECK(hints.size() == (c.hint ? 1u : 0u));
        (c.hint ? positive : negative) += 1;
        if (!hints.empty()) {
            CHECK(hints[0].rule == rule);
            if (hints[0].rule == kHarm) {
                CHECK_THAT(hints[0].message, Catch::Contains("settle read accurate-worry"));
                CHECK_THAT(hints[0].message, !Catch::Contains("camera"));
            }
            if (c.field == Field::know) {
                CHECK(hints[0].item == 2);
                CHECK_THAT(hints[0].message, Catch::Contains(c.text));
            }
        }
    }
    CHECK(positive >= 20);
    CHECK(negative >= 20);
}

TEST_CASE("Coaching messages are gentle") {
    // Words that could sting a person who is already struggling.
    const auto& rules = shipped_rules();
    Entry script;
    script.fields = ScriptFields{"you never call", "angry", "you to call"};
    Entry audit;
    audit.fields = AuditFields{std::nullopt, std::nullopt, {"they'll leave"}, {}};
    auto hints = rules.check(script);
    auto more = rules.check(audit);
    hints.insert(hints.end(), more.begin(), more.end());
    more = rules.check_situation("you hurt me");
    hints.insert(hints.end(), more.begin(), more.end());
    REQUIRE(hints.size() == 5);
    for (const auto& hint : hints) {
        INFO(hint.message);
        auto folded = fold_for_matching(hint.message);
        for (const char* sting : {"again", "failure", "fail", "wrong", "should", "must", "belongs"})
            CHECK(folded.find(sting) == std::string::npos);
    }
}

TEST_CASE("Case folds in any script, and curly apostrophes straighten") {
    CHECK(fold_for_matching("ÉPUISÉ") == fold_for_matching("épuisé"));
    CHECK(fold_for_matching("ÉPUISÉ") == "épuisé");
    CHECK(fold_for_matching("E\u0301puise\u0301") == "épuisé"); // decomposed accents compose
    CHECK(fold_for_matching("ΣΟΦΙΑ") == "σοφια");
    CHECK(fold_for_matching("They\u2019ll") == "they'll");
    CHECK(fold_for_matching("Straße") == "strasse");
    // Not UTF-8: ASCII letters still fold, the other bytes stay as they were.
    CHECK(fold_for_matching("ABC\xFF") == "abc\xFF");

    auto rules = CoachingRules::parse(
        "reactive_feeling:\n  words: [épuisé, en colère]\n  message: m\n", "c.yaml");
    REQUIRE(rules);
    CHECK(rules->check_feeling("ÉPUISÉ").size() == 1);
    CHECK(rules->check_feeling("EN COLÈRE").size() == 1);
    CHECK(rules->check_feeling("calme").empty());
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
