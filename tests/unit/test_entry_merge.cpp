// Two devices' versions of one entry, merged as `settle __merge-entry` does
// for git: nothing either device wrote is dropped, and a prediction answered
// two ways keeps both answers until the person says which stands.
#include "core/entry_format.hpp"
#include "core/entry_merge.hpp"
#include "core/fast_frontmatter.hpp"
#include "core/revisit.hpp"

#include <catch2/catch.hpp>

using namespace settle;

namespace {

const std::string kAudit = "---\n"
                           "schema: 1\n"
                           "kind: audit\n"
                           "created: 2026-11-27T21:14:03-07:00\n"
                           "tags: []\n"
                           "predict:\n"
                           "  - they will leave\n"
                           "  - they are angry with me\n"
                           "  - I will not sleep\n"
                           "---\n"
                           "The body stays.\n";

const std::string kScript = "---\n"
                            "schema: 1\n"
                            "kind: script\n"
                            "created: 2026-11-27T22:00:00-07:00\n"
                            "tags: []\n"
                            "situation: they went quiet\n"
                            "feeling: anxious\n"
                            "need: reassurance\n"
                            "---\n";

constexpr auto happened = PredictionOutcome::happened;
constexpr auto partly = PredictionOutcome::partly;
constexpr auto didnt = PredictionOutcome::didnt;

// `text` with these answers written into it, as `settle revisit` would.
std::string answered(const std::string& text, std::map<int, PredictionOutcome> predictions,
                     std::map<int, std::vector<PredictionOutcome>> contested = {},
                     const char* when = "2026-11-29T10:00:00-07:00") {
    Revisit revisit;
    revisit.date = *parse_rfc3339(when);
    revisit.predictions = std::move(predictions);
    revisit.contested = std::move(contested);
    auto written = write_revisit(text, revisit, "a.md");
    REQUIRE(written);
    return *written;
}

Entry read(const std::string& text) {
    auto entry = parse_entry(text, "a.md");
    REQUIRE(entry);
    // Both readers read a merged entry the same way.
    auto fast = read_canonical_entry(text);
    REQUIRE(fast);
    CHECK(*fast == *entry);
    return *entry;
}

} // namespace

TEST_CASE("Answers to different predictions on two devices are combined") {
    auto ours = answered(kAudit, {{1, didnt}}, {}, "2026-11-29T10:00:00-07:00");
    auto theirs = answered(kAudit, {{3, happened}}, {}, "2026-11-30T08:00:00-07:00");
    auto merged = merge_entry_texts(kAudit, ours, theirs, "a.md");
    REQUIRE(merged);
    auto entry = read(*merged);
    REQUIRE(entry.revisit);
    CHECK(entry.revisit->predictions ==
          std::map<int, PredictionOutcome>{{1, didnt}, {3, happened}});
    CHECK(entry.revisit->contested.empty());
    CHECK(entry.revisit->date.rfc3339() == "2026-11-30T08:00:00-07:00"); // the later one
    CHECK(merged->find("The body stays.\n") != std::string::npos);
}

TEST_CASE("Two different answers to the same prediction are both kept, as contested") {
    auto ours = answered(kAudit, {{1, didnt}, {2, happened}});
    auto theirs = answered(kAudit, {{1, partly}, {2, happened}});
    auto merged = merge_entry_texts(kAudit, ours, theirs, "a.md");
    REQUIRE(merged);
    CHECK(merged->find("<<<<<<<") == std::string::npos);
    CHECK(merged->find("  predictions:\n    2: happened\n  contested:\n    1: [partly, didnt]\n") !=
          std::string::npos);
    auto entry = read(*merged);
    REQUIRE(entry.revisit);
    CHECK(entry.revisit->predictions == std::map<int, PredictionOutcome>{{2, happened}});
    CHECK(entry.revisit->contested ==
          std::map<int, std::vector<PredictionOutcome>>{{1, {partly, didnt}}});
    // Still open: `settle revisit` asks about it.
    CHECK(open_items(entry).predictions == std::vector<int>{1, 3});

    SECTION("whichever device merges, the bytes are the same") {
        auto other_way = merge_entry_texts(kAudit, theirs, ours, "a.md");
        REQUIRE(other_way);
        CHECK(*other_way == *merged);
    }
    SECTION("the person's answer settles it, and the contest is gone") {
        Answers answer;
        answer.predictions.emplace_back(1, partly);
        auto settled = combine(entry.revisit, answer, *parse_rfc3339("2026-12-01T09:00:00Z"));
        CHECK(settled.predictions == std::map<int, PredictionOutcome>{{1, partly}, {2, happened}});
        CHECK(settled.contested.empty());
        auto written = write_revisit(*merged, settled, "a.md");
        REQUIRE(written);
        CHECK(written->find("contested") == std::string::npos);
        CHECK(read(*written).revisit->predictions.at(1) == partly);
    }
}

TEST_CASE("A contest meets a later answer") {
    auto contested = answered(kAudit, {}, {{2, {partly, didnt}}});
    SECTION("settled on one device, untouched on the other: the settled answer stands") {
        auto settled = answered(kAudit, {{2, didnt}}, {}, "2026-12-01T09:00:00-07:00");
        auto merged = merge_entry_texts(contested, settled, contested, "a.md");
        REQUIRE(merged);
        auto entry = read(*merged);
        CHECK(entry.revisit->predictions == std::map<int, PredictionOutcome>{{2, didnt}});
        CHECK(entry.revisit->contested.empty());
    }
    SECTION("settled differently on both devices: both kept again") {
        auto here = answered(kAudit, {{2, didnt}}, {}, "2026-12-01T09:00:00-07:00");
        auto there = answered(kAudit, {{2, partly}}, {}, "2026-12-01T09:30:00-07:00");
        auto merged = merge_entry_texts(contested, here, there, "a.md");
        REQUIRE(merged);
        auto entry = read(*merged);
        CHECK(entry.revisit->predictions.empty());
        CHECK(entry.revisit->contested ==
              std::map<int, std::vector<PredictionOutcome>>{{2, {partly, didnt}}});
    }
    SECTION("a third device's answer joins the contest") {
        auto third = answered(kAudit, {{2, happened}});
        auto merged = merge_entry_texts(kAudit, contested, third, "a.md");
        REQUIRE(merged);
        auto entry = read(*merged);
        CHECK(entry.revisit->contested ==
              std::map<int, std::vector<PredictionOutcome>>{{2, {happened, partly, didnt}}});
        CHECK(merged->find("    2: [happened, partly, didnt]\n") != std::string::npos);
    }
}

TEST_CASE("An edit on one device and contested answers from a merge are both kept") {
    std::string edited = kAudit;
    edited.replace(edited.find("The body stays."), 15, "The body, edited elsewhere.");
    auto ours = answered(kAudit, {{1, didnt}});
    auto theirs = answered(kAudit, {{1, happened}});
    auto contested = merge_entry_texts(kAudit, ours, theirs, "a.md");
    REQUIRE(contested);
    auto merged = merge_entry_texts(kAudit, *contested, edited, "a.md");
    REQUIRE(merged);
    auto entry = read(*merged);
    CHECK(entry.body == "The body, edited elsewhere.\n");
    CHECK(entry.revisit->contested ==
          std::map<int, std::vector<PredictionOutcome>>{{1, {happened, didnt}}});
}

TEST_CASE("A script shared differently on two devices is left for the person") {
    Revisit said;
    said.date = *parse_rfc3339("2026-11-29T10:00:00-07:00");
    said.shared = Shared::said;
    Revisit kept = said;
    kept.shared = Shared::kept;
    auto ours = write_revisit(kScript, said, "s.md");
    auto theirs = write_revisit(kScript, kept, "s.md");
    REQUIRE(ours);
    REQUIRE(theirs);
    CHECK_FALSE(merge_entry_texts(kScript, *ours, *theirs, "s.md"));
    CHECK_FALSE(merge_answers(std::nullopt, said, kept));
}

TEST_CASE("Notes added on both devices are both kept") {
    Revisit base;
    base.date = *parse_rfc3339("2026-11-29T10:00:00-07:00");
    base.note = "first";
    Revisit a = base, b = base;
    a.note = "first\nfrom the laptop";
    b.note = "first\nfrom the phone";
    auto merged = merge_answers(base, a, b);
    REQUIRE(merged);
    REQUIRE(*merged);
    CHECK((*merged)->note == "first\nfrom the laptop\nfrom the phone");
}

TEST_CASE("Two different entries under one name are not merged") {
    auto other = kAudit;
    other.replace(other.find("they will leave"), 15, "something else");
    CHECK_FALSE(merge_entry_texts("", kAudit, other, "a.md"));
    // The same entry, answered differently, is.
    CHECK(merge_entry_texts("", answered(kAudit, {{1, didnt}}), answered(kAudit, {{1, partly}}),
                            "a.md"));
}
