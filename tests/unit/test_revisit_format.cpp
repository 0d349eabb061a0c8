// Writing revisit answers into an entry must leave every other byte as it
// was: a person's comments, key order, unknown keys, line ends and body.
#include "core/entry_format.hpp"
#include "core/fast_frontmatter.hpp"
#include "core/revisit.hpp"

#include <catch2/catch.hpp>

using namespace settle;

namespace {

Revisit answers_for_predictions(std::map<int, PredictionOutcome> predictions) {
    Revisit revisit;
    revisit.date = *parse_rfc3339("2026-11-29T10:00:00-07:00");
    revisit.predictions = std::move(predictions);
    return revisit;
}

const char* kHandEditedAudit = "---\n"
                               "# my audit, tidied by hand\n"
                               "kind: audit\n"
                               "schema: 1\n"
                               "created: 2026-11-27T21:14:03-07:00\n"
                               "predict:\n"
                               "  - They're angry with me   # the big one\n"
                               "  - They'll leave\n"
                               "know: [It is 9pm, They said they'd call]\n"
                               "tags: [evening]\n"
                               "mood: wobbly\n"
                               "---\n"
                               "Body text stays.\n"
                               "---\n"
                               "Even this.\n";

} // namespace

TEST_CASE("Revisit answers are added before the closing fence, nothing else changes") {
    auto result = write_revisit(
        kHandEditedAudit,
        answers_for_predictions({{1, PredictionOutcome::didnt}, {2, PredictionOutcome::partly}}),
        "a.md");
    REQUIRE(result);
    std::string expected = kHandEditedAudit;
    expected.insert(expected.find("---\nBody"), "revisit:\n"
                                                "  date: 2026-11-29T10:00:00-07:00\n"
                                                "  predictions:\n"
                                                "    1: didnt\n"
                                                "    2: partly\n");
    CHECK(*result == expected);
    auto entry = parse_entry(*result, "a.md");
    REQUIRE(entry);
    REQUIRE(entry->revisit);
    CHECK(entry->revisit->predictions.at(2) == PredictionOutcome::partly);
}

TEST_CASE("A second revisit replaces only the old revisit block") {
    auto first = write_revisit(kHandEditedAudit,
                               answers_for_predictions({{1, PredictionOutcome::didnt}}), "a.md");
    REQUIRE(first);
    // The person put a key after the block by hand; it must survive.
    std::string edited = *first;
    edited.insert(edited.find("---\nBody"), "after: kept\n");
    auto second = write_revisit(
        edited,
        answers_for_predictions({{1, PredictionOutcome::didnt}, {2, PredictionOutcome::happened}}),
        "a.md");
    REQUIRE(second);
    std::string expected = kHandEditedAudit;
    expected.insert(expected.find("---\nBody"), "revisit:\n"
                                                "  date: 2026-11-29T10:00:00-07:00\n"
                                                "  predictions:\n"
                                                "    1: didnt\n"
                                                "    2: happened\n"
                                                "after: kept\n");
    CHECK(*second == expected);
}

TEST_CASE("CRLF files stay CRLF and a BOM stays") {
    std::string crlf = "\xEF\xBB\xBF";
    for (char c : std::string(kHandEditedAudit)) {
        if (c == '\n')
            crlf += '\r';
        crlf += c;
    }
    auto result =
        write_revisit(crlf, answers_for_predictions({{2, PredictionOutcome::didnt}}), "a.md");
    REQUIRE(result);
    CHECK(result->rfind("\xEF\xBB\xBF---\r\n# my audit", 0) == 0);
    CHECK(result->find("revisit:\r\n  date: 2026-11-29T10:00:00-07:00\r\n  predictions:\r\n"
                       "    2: didnt\r\n---\r\nBody") != std::string::npos);
    CHECK(result->find('\n') == result->find("\r\n") + 1);
}

TEST_CASE("A script's answers") {
    Entry script;
    script.created = *parse_rfc3339("2026-11-27T21:14:03-07:00");
    script.fields = ScriptFields{"a quiet evening", "lonely", "closeness"};
    auto text = format_entry(script);
    Revisit revisit;
    revisit.date = *parse_rfc3339("2026-11-30T08:00:00-07:00");
    revisit.shared = Shared::said;
    revisit.landed = Landed::closer;
    revisit.note = "They hugged me: it helped";
    auto result = write_revisit(text, revisit, "s.md");
    REQUIRE(result);
    CHECK(result->substr(text.size() - 4) == "revisit:\n"
                                             "  date: 2026-11-30T08:00:00-07:00\n"
                                             "  shared: said\n"
                                             "  landed: closer\n"
                                             "  note: \"They hugged me: it helped\"\n"
                                             "---\n");
    script.revisit = revisit;
    CHECK(format_entry(script) == *result);
}

TEST_CASE("Answers that do not fit the entry are refused") {
    auto out_of_range = write_revisit(
        kHandEditedAudit, answers_for_predictions({{3, PredictionOutcome::didnt}}), "a.md");
    REQUIRE_FALSE(out_of_range);
    auto bad_file = write_revisit("---\nkind: audit\n---\n",
                                  answers_for_predictions({{1, PredictionOutcome::didnt}}), "a.md");
    REQUIRE_FALSE(bad_file);
    CHECK(bad_file.error().path == "a.md");
}

TEST_CASE("A malformed revisit block names its line") {
    std::string text = kHandEditedAudit;
    text.insert(text.find("---\nBody"), "revisit:\n  date: 2026-11-29T10:00:00-07:00\n"
                                        "  predictions:\n    1: maybe\n");
    auto parsed = parse_entry(text, "a.md");
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().line == 15);
    CHECK_THAT(parsed.error().message, Catch::Contains("happened, partly or didnt"));
}

TEST_CASE("A revisit block edited by hand is left to the person, never rewritten") {
    auto first = write_revisit(kHandEditedAudit,
                               answers_for_predictions({{1, PredictionOutcome::didnt}}), "a.md");
    REQUIRE(first);
    auto at_block_end = [&](std::string text, const std::string& added) {
        text.insert(text.find("---\nBody"), added);
        return text;
    };
    auto at_block_start = [&](std::string text, const std::string& added) {
        text.insert(text.find("  date:"), added);
        return text;
    };
    const std::vector<std::string> edited = {
        at_block_end(*first, "  thoughts: she called back and I cried\n"),   // a key settle lacks
        at_block_end(*first, "  # why I said didnt: it was only a pause\n"), // a comment
        at_block_start(*first, "  note: first\n"),                           // its own layout
        at_block_end(*first, "    2: partly   # not sure\n"),
    };
    for (const auto& text : edited) {
        INFO(text);
        auto second = write_revisit(
            text, answers_for_predictions({{2, PredictionOutcome::happened}}), "a.md");
        REQUIRE_FALSE(second);
        CHECK(second.error().path == "a.md");
        CHECK(second.error().line == 12); // the "revisit:" line
        CHECK_THAT(second.error().message, Catch::Contains("settle edit"));
    }
}

TEST_CASE("Blank lines after settle's own revisit block are kept where they are") {
    auto first = write_revisit(kHandEditedAudit,
                               answers_for_predictions({{1, PredictionOutcome::didnt}}), "a.md");
    REQUIRE(first);
    std::string spaced = *first;
    spaced.insert(spaced.find("---\nBody"), "\n");
    auto second = write_revisit(
        spaced,
        answers_for_predictions({{1, PredictionOutcome::didnt}, {2, PredictionOutcome::partly}}),
        "a.md");
    REQUIRE(second);
    CHECK(second->find("    2: partly\n\n---\nBody") != std::string::npos);
}

TEST_CASE("A second note is added after the first, and both are written and read back") {
    auto when = *parse_rfc3339("2026-11-29T10:00:00-07:00");
    Answers first;
    first.shared = Shared::said;
    first.note = "We talked on the walk home";
    auto once = combine(std::nullopt, first, when);
    CHECK(once.note == "We talked on the walk home");

    Answers second;
    second.landed = Landed::closer;
    second.note = "A week on, still glad";
    auto twice = combine(once, second, when);
    CHECK(twice.note == "We talked on the walk home\nA week on, still glad");
    CHECK(twice.shared == Shared::said);
    CHECK(twice.landed == Landed::closer);

    // The same note again, or none, changes nothing.
    Answers again;
    again.note = "A week on, still glad";
    CHECK(combine(twice, again, when).note == twice.note);
    CHECK(combine(twice, Answers{}, when).note == twice.note);

    const char* script = "---\nschema: 1\nkind: script\ncreated: 2026-11-27T21:14:03-07:00\n"
                         "tags: []\nsituation: s\nfeeling: f\nneed: n\n---\n";
    auto written = write_revisit(script, once, "s.md");
    REQUIRE(written);
    auto rewritten = write_revisit(*written, twice, "s.md");
    REQUIRE(rewritten);
    auto entry = parse_entry(*rewritten, "s.md");
    REQUIRE(entry);
    REQUIRE(entry->revisit);
    CHECK(entry->revisit->note == twice.note);
}

TEST_CASE("A revisit block an earlier settle wrote is still its own, whatever its note holds") {
    // settle's first release wrote a note with a line separator in yaml-cpp's escapes
    // for every character outside ASCII, and a noncharacter as it is where
    // plain style served. settle writes both as its own escapes now.
    struct Case {
        std::string note_line;
        std::string note;
    };
    for (const auto& [note_line, note] :
         std::vector<Case>{{"  note: \"caf\\xe9\\u2028next\"\n", "caf\u00E9\u2028next"},
                           {"  note: a\uFFFFb\n", "a\uFFFFb"}}) {
        INFO(note_line);
        std::string script = "---\nschema: 1\nkind: script\ncreated: 2026-11-27T21:14:03-07:00\n"
                             "tags: []\nsituation: s\nfeeling: f\nneed: n\nrevisit:\n"
                             "  date: 2026-11-28T10:00:00-07:00\n  shared: said\n" +
                             note_line + "---\n";
        auto before = parse_entry(script, "s.md");
        REQUIRE(before);
        REQUIRE(before->revisit);
        CHECK(before->revisit->note == note);

        Answers later;
        later.landed = Landed::closer;
        auto answers = combine(before->revisit, later, *parse_rfc3339("2026-11-29T10:00:00-07:00"));
        auto written = write_revisit(script, answers, "s.md");
        REQUIRE(written);
        auto after = parse_entry(*written, "s.md");
        REQUIRE(after);
        REQUIRE(after->revisit);
        CHECK(after->revisit->note == note);
        CHECK(after->revisit->shared == Shared::said);
        CHECK(after->revisit->landed == Landed::closer);
    }
}

TEST_CASE("A contested prediction: both answers read the same by both readers") {
    const std::string audit = "---\n"
                              "schema: 1\n"
                              "kind: audit\n"
                              "created: 2026-11-27T21:14:03-07:00\n"
                              "tags: []\n"
                              "know: []\n"
                              "predict:\n"
                              "  - one\n"
                              "  - two\n"
                              "revisit:\n"
                              "  date: 2026-11-29T10:00:00-07:00\n"
                              "  predictions:\n"
                              "    1: happened\n"
                              "  contested:\n"
                              "    2: [partly, didnt]\n"
                              "---\n";
    auto entry = parse_entry(audit, "a.md");
    REQUIRE(entry);
    REQUIRE(entry->revisit);
    CHECK(entry->revisit->contested ==
          std::map<int, std::vector<PredictionOutcome>>{
              {2, {PredictionOutcome::partly, PredictionOutcome::didnt}}});
    auto fast = read_canonical_entry(audit);
    REQUIRE(fast);
    CHECK(*fast == *entry);
    // settle writes it back the same way, so a later revisit may rewrite it.
    CHECK(format_entry(*entry) == audit);

    auto with = [&](const std::string& from, const std::string& to) {
        auto text = audit;
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    SECTION("other YAML forms of the same list are read the same, by the full reader") {
        for (const auto& form :
             {with("[partly, didnt]", "[didnt, partly]"), with("[partly, didnt]", "[partly,didnt]"),
              with("[partly, didnt]", "\n      - didnt\n      - \"partly\"")}) {
            INFO(form);
            auto other = read_entry_text(form, "a.md");
            REQUIRE(other);
            CHECK(*other == *entry);
        }
    }
    SECTION("a contest that does not fit is refused with its line") {
        struct Case {
            std::string text;
            int line;
            const char* says;
        };
        for (const auto& bad : {
                 Case{with("2: [partly, didnt]", "2: [partly]"), 15,
                      "contested prediction 2 must list two or more different answers"},
                 Case{with("2: [partly, didnt]", "2: [didnt, didnt]"), 15,
                      "contested prediction 2 must list two or more different answers"},
                 Case{with("2: [partly, didnt]", "1: [partly, didnt]"), 15,
                      "prediction 1 is both answered and contested"},
                 Case{with("2: [partly, didnt]", "3: [partly, didnt]"), 15,
                      "revisit names prediction 3, but the entry has 2"},
                 Case{with("2: [partly, didnt]", "2: [partly, maybe]"), 15,
                      "happened, partly or didnt"},
                 Case{with("2: [partly, didnt]", "2: partly"), 15, "lists its answers"},
                 Case{with("2: [partly, didnt]", "two: [partly, didnt]"), 15,
                      "named by its number"},
             }) {
            INFO(bad.text);
            CHECK_FALSE(read_canonical_entry(bad.text));
            auto read = read_entry_text(bad.text, "a.md");
            REQUIRE_FALSE(read);
            CHECK(read.error().line == bad.line);
            CHECK_THAT(read.error().message, Catch::Contains(bad.says));
        }
    }
    SECTION("a file without the key reads as before") {
        auto old = with("  contested:\n    2: [partly, didnt]\n", "");
        auto read = parse_entry(old, "a.md");
        REQUIRE(read);
        CHECK(read->revisit->contested.empty());
    }
}
