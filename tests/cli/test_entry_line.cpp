// The one line `list` (text and Markdown), `revisit` and `show` give for an
// entry, without the binary: each kind, what is missing, and words from the
// entry kept from acting on a terminal or breaking a Markdown table.
#include "cli/reading.hpp"
#include "summary_samples.hpp"

#include <catch2/catch.hpp>

using namespace settle;
using namespace settle::cli;
using namespace settle::testing;

TEST_CASE("entry line: each kind in a few words") {
    CHECK(describe_entry(pause_entry("2026-11-16T21:10:00-07:00", 8, 3, Outcome::waited)) ==
          "urge 8 → 3, waited");
    CHECK(describe_entry(pause_entry("2026-11-16T21:10:00-07:00", 8, std::nullopt,
                                     Outcome::reached_out)) == "urge 8 → ?, reached-out");
    CHECK(describe_entry(audit_entry("2026-11-20T12:00:00-07:00", {"a", "b"}, {"c"}, 6, 2)) ==
          "2 known, 1 predicted, anxiety 6 → 2");
    CHECK(describe_entry(audit_entry("2026-11-20T12:00:00-07:00", {}, {})) ==
          "0 known, 0 predicted");
    CHECK(describe_entry(script_entry("2026-11-22T18:00:00-07:00", "lonely", "")) ==
          "feel lonely; need ?");
}

TEST_CASE("entry line: a timer ended early, an entry left incomplete, its tags") {
    auto pause =
        pause_entry("2026-11-16T21:10:00-07:00", 7, std::nullopt, std::nullopt, {"work", "late"});
    pause.timer = Timer{300, 120};
    CHECK(describe_entry(pause) == "urge 7 → ?, ended early (incomplete) #work #late");
    pause.timer = Timer{300, 300};
    CHECK(describe_entry(pause) == "urge 7 → ? (incomplete) #work #late");
}

TEST_CASE("entry line: words from the entry cannot act on a terminal or break a table") {
    auto script = script_entry("2026-11-22T18:00:00-07:00", "red\033[31m\u202E|`<b>", "line\nbreak",
                               {"t\u200Bag"});
    auto line = describe_entry(script);
    CHECK(line == "feel red^[[31m<U+202E>|`<b>; need line break #t<U+200B>ag");
    // As `list --format markdown` puts it in its table.
    CHECK(markdown_row({markdown_text("2026-11-22-180000-script"), markdown_text(line)}) ==
          "| 2026-11-22-180000-script | feel red^\\[\\[31m\\<U+202E\\>\\|\\`\\<b\\>; need line "
          "break \\#t\\<U+200B\\>ag |\n");
}
