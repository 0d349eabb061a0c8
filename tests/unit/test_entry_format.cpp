#include "core/entry_format.hpp"

#include <catch2/catch.hpp>

using namespace settle;

namespace {

Timestamp at(const char* text) {
    return *parse_rfc3339(text);
}

Entry sample_audit() {
    Entry entry;
    entry.created = at("2026-11-27T21:14:03-07:00");
    entry.tags = {"evening", "texts"};
    entry.fields = AuditFields{7,
                               4,
                               {"They said they'd call at 9", "yes", "It is 9:40: no call yet"},
                               {"They're angry with me", "#1 fear: \"it's over\""}};
    entry.timer = Timer{180, 180};
    return entry;
}

Entry sample_script() {
    Entry entry;
    entry.created = at("2026-11-27T22:01:00+09:00");
    entry.fields = ScriptFields{"we haven't talked properly for a few days",
                                "anxious that something is wrong", "to hear that we're okay"};
    entry.body = "Said it over dinner.\n";
    return entry;
}

Entry sample_pause() {
    Entry entry;
    entry.created = at("2026-11-27T21:14:03-07:00");
    entry.fields = PauseFields{8, 3, Outcome::reached_out};
    entry.timer = Timer{300, 212};
    entry.body = "Hand on chest helped.\nA second line: with colon.\n";
    return entry;
}

Entry read_back(const std::string& text) {
    auto parsed = parse_entry(text, "entry.md");
    INFO(text);
    if (!parsed)
        FAIL(parsed.error().located());
    return *parsed;
}

const char* kHandEditedPause = R"(---
# written by settle, then edited by hand
outcome: waited
kind: pause
schema: 1
urge_after: 2   # it dropped a lot
created: 2026-11-27T21:14:03-07:00
mood: calmer
urge_before: 9
tags:
  - work
  - late
extra:
  nested: [1, 2, 3]
---
My own words.
)";

} // namespace

TEST_CASE("Each kind survives a round trip") {
    for (const auto& entry : {sample_audit(), sample_script(), sample_pause()}) {
        auto text = format_entry(entry);
        CHECK(read_back(text) == entry);
        // And writing what was read gives the same bytes: nothing churns.
        CHECK(format_entry(read_back(text)) == text);
    }
}

TEST_CASE("The canonical form is stable and one item a line") {
    CHECK(format_entry(sample_audit()) == R"(---
schema: 1
kind: audit
created: 2026-11-27T21:14:03-07:00
tags:
  - evening
  - texts
anxiety_before: 7
anxiety_after: 4
know:
  - They said they'd call at 9
  - "yes"
  - "It is 9:40: no call yet"
predict:
  - They're angry with me
  - "#1 fear: \"it's over\""
timer:
  planned_seconds: 180
  elapsed_seconds: 180
---
)");
    auto incomplete = sample_pause();
    incomplete.incomplete = true;
    CHECK(format_entry(incomplete).find("\nincomplete: true\n---\n") != std::string::npos);
}

TEST_CASE("Hand edits read back correctly") {
    auto entry = read_back(kHandEditedPause);
    auto& pause = std::get<PauseFields>(entry.fields);
    CHECK(pause.urge_before == 9);
    CHECK(pause.urge_after == 2);
    CHECK(pause.outcome == Outcome::waited);
    CHECK(entry.tags == std::vector<std::string>{"work", "late"});
    CHECK(entry.body == "My own words.\n");

    SECTION("a list item added by hand") {
        auto text = format_entry(sample_audit());
        auto pos = text.find("predict:\n");
        text.insert(pos, "  - I added this later\n");
        auto audit = std::get<AuditFields>(read_back(text).fields);
        CHECK(audit.know.back() == "I added this later");
    }
    SECTION("CRLF line ends") {
        std::string crlf;
        for (char c : std::string(kHandEditedPause)) {
            if (c == '\n')
                crlf += '\r';
            crlf += c;
        }
        auto again = read_back(crlf);
        CHECK(again.fields == entry.fields);
        CHECK(again.body == "My own words.\n");
    }
    SECTION("a UTF-8 byte order mark") {
        CHECK(read_back("\xEF\xBB\xBF" + std::string(kHandEditedPause)) == entry);
    }
    SECTION("a single tag written as text") {
        auto text = format_entry(sample_pause());
        text.replace(text.find("tags: []"), 8, "tags: work");
        CHECK(read_back(text).tags == std::vector<std::string>{"work"});
    }
    SECTION("--- inside the body is just text") {
        auto text = format_entry(sample_pause()) + "---\nmore\n";
        CHECK(read_back(text).body == sample_pause().body + "---\nmore\n");
    }
}

TEST_CASE("Broken files name their line") {
    struct Case {
        const char* text;
        int line;
        const char* message_part;
    };
    const Case cases[] = {
        {"no fence\n", 1, "must start with a '---' line"},
        {"---\nkind: pause\n", 1, "never closed"},
        {"---\nschema: 1\nkind: pause\ncreated: 2026-11-27T21:14:03-07:00\nurge_before: "
         "high\n---\n",
         5, "urge_before must be a whole number from 0 to 10, got \"high\""},
        {"---\nschema: 1\nkind: pause\ncreated: 2026-11-27T21:14:03-07:00\nurge_before: 11\n---\n",
         5, "got \"11\""},
        {"---\nschema: 1\nkind: mood\ncreated: 2026-11-27T21:14:03-07:00\n---\n", 3,
         "kind must be audit, script or pause"},
        {"---\nschema: 1\nkind: pause\ncreated: yesterday\n---\n", 4,
         "created must be an RFC 3339"},
        {"---\nschema: 2\nkind: pause\n---\n", 2, "schema 2 is newer"},
        {"---\nkind: pause\n---\n", 2, "missing key \"schema\""},
        {"---\nschema: 1\nkind: [pause\n---\n", 3, "not valid YAML"},
        {"---\nschema: 1\nkind: audit\nkind: pause\ncreated: 2026-11-27T21:14:03-07:00\n---\n", 4,
         "appears twice"},
        {"---\nschema: 1\nkind: audit\ncreated: 2026-11-27T21:14:03-07:00\nknow:\n  - a\n  - "
         "[b]\n---\n",
         7, "each know item must be text"},
        {"---\nschema: 1\nkind: pause\ncreated: 2026-11-27T21:14:03-07:00\nurge_before: 3\n"
         "urge_after: 2\n---\n",
         2, "outcome is missing"},
        {"---\n- a list\n---\n", 2, "must be a set of 'key: value' lines"},
    };
    for (const auto& c : cases) {
        auto parsed = parse_entry(c.text, "2026/11/x-pause.md");
        INFO(c.text);
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().path == "2026/11/x-pause.md");
        CHECK(parsed.error().line == c.line);
        CHECK_THAT(parsed.error().message, Catch::Contains(c.message_part));
    }
}
