#include "core/entry_format.hpp"
#include "core/journal.hpp"
#include "core/journal_scan.hpp"
#include "core/summary.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace settle;
using settle::testing::ScopedTz;
using settle::testing::TempFolder;
using namespace std::chrono;

namespace {

Day calendar_day(int y, unsigned m, unsigned d) {
    return Day{date::year{y} / m / d};
}
LocalSeconds start_of(Day d) {
    return LocalSeconds{d.time_since_epoch()};
}
LocalSeconds end_of(Day d) {
    return start_of(d + date::days{1}) - seconds{1};
}

Period days_period(Day first, Day last) {
    return Period{start_of(first), end_of(last)};
}

Entry pause(const char* created, std::optional<int> before, std::optional<int> after,
            std::optional<Outcome> outcome = Outcome::waited) {
    Entry entry;
    entry.created = *parse_rfc3339(created);
    entry.fields = PauseFields{before, after, outcome};
    entry.incomplete = !outcome;
    return entry;
}

Entry audit(const char* created, int known, int predicted, std::optional<int> before = {},
            std::optional<int> after = {}) {
    Entry entry;
    entry.created = *parse_rfc3339(created);
    entry.fields = AuditFields{before, after, std::vector<std::string>(size_t(known), "fact"),
                               std::vector<std::string>(size_t(predicted), "fear")};
    return entry;
}

Entry script(const char* created, const char* feeling, const char* need) {
    Entry entry;
    entry.created = *parse_rfc3339(created);
    entry.fields = ScriptFields{"no reply", feeling, need};
    return entry;
}

Summary summarize_entries(const Period& period, const std::vector<Entry>& entries,
                          std::optional<Kind> kind = {}, std::vector<std::string> tags = {}) {
    SummaryBuilder builder(SummaryRequest{period, kind, std::move(tags)});
    for (const auto& entry : entries)
        builder.add(entry);
    return builder.finish();
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

} // namespace

TEST_CASE("Summary: Medians come from the counts, halves included, and nothing has none") {
    Histogram<0, 10> ratings;
    CHECK_FALSE(ratings.median());
    ratings.add(7);
    CHECK(ratings.median() == 7.0);
    ratings.add(4);
    CHECK(ratings.median() == 5.5);
    ratings.add(9);
    CHECK(ratings.median() == 7.0);
    Histogram<-10, 10> changes;
    changes.add(-3);
    changes.add(-10);
    CHECK(changes.median() == -6.5);
}

TEST_CASE("Summary: Pauses: medians of rated pairs, outcomes, timers") {
    auto early = pause("2026-11-02T21:00:00-07:00", 8, 3);
    early.timer = Timer{300, 120};
    auto whole = pause("2026-11-03T21:00:00-07:00", 6, 6, Outcome::reached_out);
    whole.timer = Timer{300, 300};
    auto summary = summarize_entries(
        days_period(calendar_day(2026, 11, 1), calendar_day(2026, 11, 28)),
        {early, whole, pause("2026-11-04T21:00:00-07:00", 9, 4, Outcome::undecided),
         // left before the second rating: not in the medians
         pause("2026-11-05T21:00:00-07:00", 10, std::nullopt, std::nullopt)});
    const auto& p = summary.pause;
    CHECK(p.count == 4);
    CHECK(p.rated == 3);
    CHECK(p.urge_before == 8.0);
    CHECK(p.urge_after == 4.0);
    CHECK(p.urge_change == -5.0);
    CHECK(p.waited == 1);
    CHECK(p.reached_out == 1);
    CHECK(p.undecided == 1);
    CHECK(p.no_outcome == 1);
    CHECK(p.timed == 2);
    CHECK(p.ended_early == 1);
    CHECK(summary.incomplete == 1);
    CHECK(summary.by_kind.pause == 4);
    CHECK(summary.entries == 4);
}

TEST_CASE("Summary: Audits: items known against predicted, anxiety where rated") {
    auto summary =
        summarize_entries(days_period(calendar_day(2026, 11, 1), calendar_day(2026, 11, 28)),
                          {audit("2026-11-02T09:00:00-07:00", 3, 1, 7, 4),
                           audit("2026-11-09T09:00:00-07:00", 2, 3, 8, std::nullopt),
                           audit("2026-11-10T09:00:00-07:00", 1, 0, 6, 5)});
    const auto& a = summary.audit;
    CHECK(a.count == 3);
    CHECK(a.known == 6);
    CHECK(a.predicted == 4);
    CHECK(a.known_per_predicted == 1.5);
    CHECK(a.rated == 2);
    CHECK(a.anxiety_before == 6.5);
    CHECK(a.anxiety_after == 4.5);
    CHECK(a.anxiety_change == -2.0);

    auto none =
        summarize_entries(days_period(calendar_day(2026, 11, 1), calendar_day(2026, 11, 28)),
                          {audit("2026-11-02T09:00:00-07:00", 2, 0)});
    CHECK_FALSE(none.audit.known_per_predicted);
    CHECK_FALSE(none.audit.anxiety_before);
}

TEST_CASE("Summary: Scripts: feelings and needs counted case-folded, most frequent first") {
    auto summary =
        summarize_entries(days_period(calendar_day(2026, 11, 1), calendar_day(2026, 11, 28)),
                          {script("2026-11-02T09:00:00-07:00", "Lonely", "closeness"),
                           script("2026-11-03T09:00:00-07:00", "lonely ", "Closeness."),
                           script("2026-11-04T09:00:00-07:00", "ÉPUISÉ", "rest"),
                           script("2026-11-05T09:00:00-07:00", "épuisé", "a reply"),
                           script("2026-11-06T09:00:00-07:00", "LONELY", "rest")});
    CHECK(summary.script.count == 5);
    CHECK(summary.script.feelings == std::vector<NameCount>{{"lonely", 3}, {"épuisé", 2}});
    CHECK(summary.script.needs ==
          std::vector<NameCount>{{"closeness", 2}, {"rest", 2}, {"a reply", 1}});
}

TEST_CASE("Summary: Tags: most used first, one count per entry, filters narrow everything") {
    auto tagged = [](Entry entry, std::vector<std::string> tags) {
        entry.tags = std::move(tags);
        return entry;
    };
    std::vector<Entry> entries = {
        tagged(pause("2026-11-02T21:00:00-07:00", 8, 3), {"work", "evening", "work"}),
        tagged(pause("2026-11-03T21:00:00-07:00", 6, 2), {"evening"}),
        tagged(audit("2026-11-04T09:00:00-07:00", 1, 1), {"work"}),
        tagged(script("2026-11-05T09:00:00-07:00", "hurt", "care"), {"evening"})};
    auto period = days_period(calendar_day(2026, 11, 1), calendar_day(2026, 11, 28));
    auto all = summarize_entries(period, entries);
    CHECK(all.tags == std::vector<NameCount>{{"evening", 3}, {"work", 2}});

    auto work_pauses = summarize_entries(period, entries, Kind::pause, {"work"});
    CHECK(work_pauses.entries == 1);
    CHECK(work_pauses.pause.urge_before == 8.0);
    CHECK(work_pauses.by_kind.audit == 0);
}

TEST_CASE("Summary: Period ends are inclusive to the second") {
    auto period = days_period(calendar_day(2026, 11, 1), calendar_day(2026, 11, 28));
    auto summary = summarize_entries(period, {pause("2026-10-31T23:59:59-07:00", 1, 1),
                                              pause("2026-11-01T00:00:00-07:00", 2, 2),
                                              pause("2026-11-28T23:59:59-07:00", 3, 3),
                                              pause("2026-11-29T00:00:00-07:00", 4, 4)});
    CHECK(summary.entries == 2);
    CHECK(summary.pause.urge_before == 2.5);
}

TEST_CASE("Summary: An entry counts on the local date it was written, wherever it is read") {
    // 23:30 in mountain time is already the next day in UTC; 07:00 in Tokyo is
    // still the previous day in UTC. Each belongs to its own local date.
    auto evening_in_mountain_time = pause("2026-11-27T23:30:00-07:00", 9, 2);
    auto morning_in_tokyo = pause("2026-11-28T07:00:00+09:00", 5, 5);
    for (const char* reader_zone : {settle::testing::kMountainRules, "Asia/Tokyo", "UTC"}) {
        ScopedTz tz(reader_zone);
        auto summary =
            summarize_entries(days_period(calendar_day(2026, 11, 27), calendar_day(2026, 11, 27)),
                              {evening_in_mountain_time, morning_in_tokyo});
        CHECK(summary.entries == 1);
        CHECK(summary.pause.urge_before == 9.0);
    }
}

TEST_CASE("Summary: A DST change keeps dates and halves on the calendar") {
    ScopedTz tz(settle::testing::kMountainRules);
    LocalZone zone;
    // Clocks jump from 02:00 to 03:00 on Sunday 8 March 2026.
    auto period = make_period(std::string("2026-03-02"), std::string("2026-03-08"),
                              SysSeconds{date::sys_days{date::year{2026} / 3 / 10}}, zone);
    REQUIRE(period);
    auto summary = summarize_entries(*period, {pause("2026-03-01T23:59:59-07:00", 1, 1),
                                               pause("2026-03-08T01:59:59-07:00", 8, 4),
                                               pause("2026-03-08T03:00:00-06:00", 6, 2),
                                               pause("2026-03-08T23:59:59-06:00", 4, 4),
                                               pause("2026-03-09T00:00:00-06:00", 1, 1)});
    CHECK(summary.entries == 3);
    REQUIRE(summary.days);
    CHECK(summary.days->days() == 7);
    REQUIRE(summary.earlier);
    CHECK(summary.earlier->span == DaySpan{calendar_day(2026, 3, 2), calendar_day(2026, 3, 4)});
    CHECK(summary.later->span == DaySpan{calendar_day(2026, 3, 5), calendar_day(2026, 3, 8)});
    CHECK(summary.earlier->pause.count == 0);
    CHECK_FALSE(summary.earlier->pause.urge_before);
    CHECK(summary.later->pause.count == 3);
    REQUIRE(summary.weeks.size() == 1);
    CHECK(summary.weeks[0].entries == 3);
}

TEST_CASE("Summary: Halves split the period's days, the later half taking the middle day") {
    std::vector<Entry> entries;
    for (int d = 1; d <= 28; ++d) // the urge falls from 9 to 2 over four weeks
        entries.push_back(
            pause(fmt::format("2026-11-{:02}T20:00:00-07:00", d).c_str(), 9, 9 - d / 4));
    auto summary = summarize_entries(
        days_period(calendar_day(2026, 11, 1), calendar_day(2026, 11, 28)), entries);
    REQUIRE(summary.earlier);
    CHECK(summary.earlier->span == DaySpan{calendar_day(2026, 11, 1), calendar_day(2026, 11, 14)});
    CHECK(summary.later->span == DaySpan{calendar_day(2026, 11, 15), calendar_day(2026, 11, 28)});
    CHECK(summary.earlier->pause.count == 14);
    CHECK(summary.later->pause.count == 14);
    CHECK(summary.earlier->pause.urge_after == 7.5);
    CHECK(summary.later->pause.urge_after == 4.0);

    auto one_day = summarize_entries(
        days_period(calendar_day(2026, 11, 3), calendar_day(2026, 11, 3)), entries);
    CHECK_FALSE(one_day.earlier);
    CHECK_FALSE(one_day.later);
}

TEST_CASE("Summary: ISO weeks start on Monday and take the year of their Thursday") {
    CHECK(monday_of(calendar_day(2026, 11, 29)) == calendar_day(2026, 11, 23)); // a Sunday
    CHECK(monday_of(calendar_day(2026, 11, 30)) == calendar_day(2026, 11, 30)); // a Monday
    CHECK(iso_week_label(calendar_day(2026, 11, 27)) == "2026-W48");
    CHECK(iso_week_label(calendar_day(2026, 1, 1)) == "2026-W01");
    CHECK(iso_week_label(calendar_day(2027, 1, 1)) == "2026-W53");
    CHECK(iso_week_label(calendar_day(2024, 12, 30)) == "2025-W01");

    auto summary =
        summarize_entries(days_period(calendar_day(2026, 11, 22), calendar_day(2026, 11, 30)),
                          {pause("2026-11-22T12:00:00-07:00", 5, 5),   // Sun, W47
                           pause("2026-11-23T00:00:00-07:00", 6, 6),   // Mon, W48
                           pause("2026-11-29T23:59:59-07:00", 7, 7),   // Sun, W48
                           pause("2026-11-30T00:00:00-07:00", 8, 8)}); // Mon, W49
    REQUIRE(summary.weeks.size() == 3);
    CHECK(summary.weeks[0].span == DaySpan{calendar_day(2026, 11, 16), calendar_day(2026, 11, 22)});
    CHECK(summary.weeks[0].entries == 1);
    CHECK(summary.weeks[1].entries == 2);
    CHECK(summary.weeks[1].pause.urge_before == 6.5);
    CHECK(summary.weeks[2].entries == 1);
    REQUIRE(summary.months.size() == 1);
    CHECK(summary.months[0].span == DaySpan{calendar_day(2026, 11, 1), calendar_day(2026, 11, 30)});
}

TEST_CASE("Summary: An empty journal and an empty period have counts of zero and no medians") {
    TempFolder folder;
    auto period = days_period(calendar_day(2026, 11, 1), calendar_day(2026, 11, 28));
    auto empty = summarize(folder.path() / "missing", SummaryRequest{period});
    CHECK(empty.entries == 0);
    CHECK_FALSE(empty.pause.urge_before);
    CHECK_FALSE(empty.audit.anxiety_after);
    CHECK(empty.script.feelings.empty());
    CHECK(empty.weeks.size() == 5); // the weeks still show, each with nothing
    CHECK(empty.weeks[0].entries == 0);

    auto everything = summarize(folder.path(), SummaryRequest{});
    CHECK_FALSE(everything.days);
    CHECK(everything.weeks.empty());

    Journal journal(folder.path());
    REQUIRE(journal.add(pause("2026-10-01T21:00:00-07:00", 8, 3)));
    auto outside = summarize(folder.path(), SummaryRequest{period});
    CHECK(outside.entries == 0);
    CHECK(outside.days == DaySpan{calendar_day(2026, 11, 1), calendar_day(2026, 11, 28)});
}

TEST_CASE("Summary: Reading a journal: bad files are listed and the rest still counts") {
    TempFolder folder;
    Journal journal(folder.path());
    for (int d = 1; d <= 20; ++d)
        REQUIRE(
            journal.add(pause(fmt::format("2026-11-{:02}T21:00:00-07:00", d).c_str(), 8, d % 5)));
    auto november = folder.path() / "2026" / "11";
    // Hand-edited: a comment, CRLF, keys reordered; read by yaml-cpp.
    write_file(november / "2026-11-21-080000-audit.md",
               "---\r\n# by hand\r\nkind: audit\r\nschema: 1\r\n"
               "created: 2026-11-21T08:00:00-07:00\r\nknow: [a, b]\r\npredict: [c]\r\n---\r\n");
    write_file(november / "2026-11-22-080000-pause.md",
               "---\nschema: 1\nkind: pause\ncreated: 2026-11-22T08:00:00-07:00\n"
               "urge_before: high\n---\n");
    write_file(november / "notes.md", "not an entry\n");
    write_file(folder.path() / "2026" / "10" / "2026-10-02-080000-pause.md", "broken\n");
    fs::create_symlink(november / "2026-11-21-080000-audit.md",
                       november / "2026-11-23-080000-audit.md");
    REQUIRE(::mkfifo((november / "2026-11-24-080000-pause.md").c_str(), 0600) == 0);

    SummaryRequest request{days_period(calendar_day(2026, 11, 1), calendar_day(2026, 11, 28))};
    auto summary = summarize(folder.path(), request, 1);
    CHECK(summary.entries == 21);
    CHECK(summary.by_kind.audit == 1);
    CHECK(summary.audit.known == 2);
    REQUIRE(summary.skipped.size() == 4); // not October's: its name dates it outside
    CHECK(summary.skipped[0].located() ==
          "2026/11/2026-11-22-080000-pause.md:5: urge_before must be a whole number from 0 to "
          "10, got \"high\"");
    CHECK(summary.skipped[1].located() ==
          "2026/11/2026-11-23-080000-audit.md: is a symbolic link; skipped");
    CHECK(summary.skipped[2].located() ==
          "2026/11/2026-11-24-080000-pause.md: is not a regular file; skipped");
    CHECK(summary.skipped[3].path == "2026/11/notes.md");

    // Several readers at once give the very same numbers.
    auto parallel = summarize(folder.path(), request, 4);
    CHECK(parallel.entries == summary.entries);
    CHECK(parallel.pause.urge_after == summary.pause.urge_after);
    CHECK(parallel.skipped.size() == summary.skipped.size());

    auto everything = summarize(folder.path(), SummaryRequest{});
    CHECK(everything.skipped.size() == 5);
}

TEST_CASE("Summary: File names give the date that lets a summary skip files") {
    CHECK(date_in_file_name("2026-11-27-211403-pause.md") == calendar_day(2026, 11, 27));
    CHECK_FALSE(date_in_file_name("2026-13-27-211403-pause.md"));
    CHECK_FALSE(date_in_file_name("notes.md"));
    CHECK_FALSE(date_in_file_name("2026-11-2x-211403-pause.md"));
}

TEST_CASE("Summary: Entries by hour and weekday, by the time each was written where it was") {
    // 2026-11-02 is a Monday. The offsets differ: each entry counts at its
    // own local hour, not the reader's.
    auto summary = summarize_entries(
        days_period(calendar_day(2026, 11, 1), calendar_day(2026, 11, 8)),
        {pause("2026-11-02T07:15:00+01:00", 6, 3), pause("2026-11-02T07:59:59-05:00", 6, 3),
         script("2026-11-04T23:30:00+00:00", "alone", "calm"),
         audit("2026-11-08T00:00:00+09:00", 1, 1),
         audit("2026-12-01T10:00:00+00:00", 1, 1)}); // outside
    CHECK(summary.entries == 4);
    CHECK(summary.by_hour[7] == 2);
    CHECK(summary.by_hour[23] == 1);
    CHECK(summary.by_hour[0] == 1);
    int hours = 0;
    for (int count : summary.by_hour)
        hours += count;
    CHECK(hours == 4);
    CHECK(summary.by_weekday == std::array<int, 7>{2, 0, 1, 0, 0, 0, 1});
}

TEST_CASE("Summary: entries_for returns what the summary counts, oldest first, words kept") {
    TempFolder folder;
    ScopedTz tz("UTC");
    auto write = [&](const char* name, const Entry& entry) {
        write_file(folder.path() / "2026" / "11" / name, format_entry(entry));
    };
    auto first = script("2026-11-03T09:00:00+00:00", "alone", "reassurance");
    first.tags = {"work"};
    auto second = script("2026-11-02T09:00:00+00:00", "tired", "rest");
    second.tags = {"work"};
    auto other = script("2026-11-04T09:00:00+00:00", "fine", "nothing");
    write("2026-11-03-0900-script.md", first);
    write("2026-11-02-0900-script.md", second);
    write("2026-11-04-0900-script.md", other);
    write("2026-11-05-0900-script.md", pause("2026-11-05T09:00:00+00:00", 5, 2));
    SummaryRequest request{
        days_period(calendar_day(2026, 11, 1), calendar_day(2026, 11, 30)), Kind::script, {"work"}};
    auto entries = entries_for(folder.path(), request, 2);
    REQUIRE(entries.size() == 2);
    CHECK(std::get<ScriptFields>(entries[0].fields).feeling == "tired");
    CHECK(std::get<ScriptFields>(entries[1].fields).need == "reassurance");
}

TEST_CASE("Summary: long runs of empty weeks and months are one row each") {
    TempFolder folder;
    Journal journal(folder.path());
    REQUIRE(journal.add(pause("0001-01-01T10:00:00+00:00", 8, 3)));
    REQUIRE(journal.add(pause("2026-11-03T21:00:00-07:00", 6, 2)));
    REQUIRE(journal.add(pause("2026-11-24T21:00:00-07:00", 6, 2)));
    REQUIRE(journal.add(pause("9999-12-31T10:00:00+00:00", 7, 1)));
    auto summary = summarize(folder.path(), SummaryRequest{});
    REQUIRE(summary.days);
    // Weeks: 0001-W01, a run, the four weeks of 3-24 November (two empty
    // ones kept as rows), a run, the last week.
    CHECK(summary.weeks.size() == 8);
    CHECK(summary.weeks[1].empty_spans > 100000);
    CHECK(summary.weeks[3].entries == 0);
    CHECK(summary.weeks[3].empty_spans == 0);
    auto first_monday = monday_of(summary.days->first);
    auto last_monday = monday_of(summary.days->last);
    CHECK(spans_covered(summary.weeks) == (last_monday - first_monday).count() / 7 + 1);
    int entries = 0;
    for (const auto& row : summary.weeks)
        entries += row.entries;
    CHECK(entries == 4);
    // Months: January of year 1, a run, November 2026, a run, December 9999.
    CHECK(summary.months.size() == 5);
    CHECK(spans_covered(summary.months) == 9999 * 12);
    CHECK(summary.months[4].span == DaySpan{calendar_day(9999, 12, 1), calendar_day(9999, 12, 31)});
}
