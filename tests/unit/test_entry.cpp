#include "core/entry.hpp"

#include <catch2/catch.hpp>

using namespace settle;

namespace {

Entry pause_entry(std::optional<int> before, std::optional<int> after,
                  std::optional<Outcome> outcome) {
    Entry entry;
    entry.fields = PauseFields{before, after, outcome};
    return entry;
}

} // namespace

TEST_CASE("The composed sentence follows the template") {
    ScriptFields script{"we haven't talked properly for a few days", "anxious",
                        "to hear that we're okay."};
    CHECK(compose_sentence(script) ==
          "When we haven't talked properly for a few days, I notice I feel anxious, and what "
          "I'm actually needing is to hear that we're okay.");
}

TEST_CASE("Words the sentence already says are not said twice") {
    ScriptFields script{"When you left,", "I notice I feel scared", "I need closeness."};
    CHECK(compose_sentence(script) == "When you left, I notice I feel scared, and what I'm "
                                      "actually needing is closeness.");
    CHECK(compose_sentence(
              {"when it's late", "feeling alone", "What I'm actually needing is rest"}) ==
          "When it's late, I notice I feel alone, and what I'm actually needing is rest.");
    // Only the lead-in: kept, since there is nothing else to say.
    CHECK(without_lead_in(ScriptPart::situation, "When") == "When");
    CHECK(without_lead_in(ScriptPart::feeling, "  I FEEL  small ") == "small");
    CHECK(without_lead_in(ScriptPart::need, "i needed space") == "i needed space");
}

TEST_CASE("Kinds and outcomes have one spelling each") {
    for (auto kind : {Kind::audit, Kind::script, Kind::pause})
        CHECK(parse_kind(to_string(kind)) == kind);
    CHECK_FALSE(parse_kind("Audit"));
    CHECK(parse_outcome("reached-out") == Outcome::reached_out);
    CHECK_FALSE(parse_outcome("reached_out"));
}

TEST_CASE("A complete pause needs both urges and an outcome") {
    CHECK(validate(pause_entry(8, 4, Outcome::waited)));
    auto missing = validate(pause_entry(8, std::nullopt, Outcome::waited));
    REQUIRE_FALSE(missing);
    // The core names the key; the command layer puts the flag in its place.
    CHECK(missing.error().message == "urge_after is missing (0-10)");
    CHECK(missing.error().keys == std::vector<std::string>{"urge_after"});
    auto range = validate(pause_entry(11, 4, Outcome::waited));
    REQUIRE_FALSE(range);
    CHECK(range.error().message == "urge_before must be a whole number from 0 to 10, got 11");
    CHECK(range.error().keys == std::vector<std::string>{"urge_before"});
}

TEST_CASE("An incomplete entry may lack fields but not hold bad ones") {
    auto entry = pause_entry(8, std::nullopt, std::nullopt);
    entry.incomplete = true;
    CHECK(validate(entry));
    entry.fields = PauseFields{-1, std::nullopt, std::nullopt};
    CHECK_FALSE(validate(entry));
}

TEST_CASE("Empty text is refused") {
    Entry script;
    script.fields = ScriptFields{"a quiet evening", "  ", "closeness"};
    auto result = validate(script);
    REQUIRE_FALSE(result);
    CHECK(result.error().message == "feeling is empty; a few words are enough");
    CHECK(result.error().keys == std::vector<std::string>{"feeling"});

    Entry audit;
    audit.fields = AuditFields{};
    CHECK_FALSE(validate(audit));
    audit.fields = AuditFields{std::nullopt, std::nullopt, {"it is 9pm"}, {""}};
    CHECK(validate(audit).error().message == "a predict item is empty");
    CHECK(validate(audit).error().keys == std::vector<std::string>{"predict"});
}

TEST_CASE("Tags are single words") {
    auto entry = pause_entry(5, 3, Outcome::waited);
    entry.tags = {"work", "late night"};
    CHECK_FALSE(validate(entry));
    entry.tags = {"work", "late-night"};
    CHECK(validate(entry));
}
