#include "core/time.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <date/tz.h>
#include <string>

using namespace settle;
using settle::testing::ScopedTz;
using namespace std::chrono;

namespace {

SysSeconds utc(const char* text) {
    auto parsed = parse_rfc3339(text);
    REQUIRE(parsed);
    return parsed->utc;
}

} // namespace

TEST_CASE("RFC 3339 round trip keeps the offset in force") {
    auto t = parse_rfc3339("2026-11-27T21:14:03-07:00");
    REQUIRE(t);
    CHECK(t->offset == -7h);
    CHECK(t->rfc3339() == "2026-11-27T21:14:03-07:00");
    CHECK(date::format("%F %T", t->utc) == "2026-11-28 04:14:03");
    CHECK(parse_rfc3339("2026-11-27 21:14:03+09:00")->rfc3339() == "2026-11-27T21:14:03+09:00");
    CHECK(parse_rfc3339("2026-11-27T21:14:03Z")->rfc3339() == "2026-11-27T21:14:03+00:00");
    CHECK(parse_rfc3339("2026-11-27T21:14:03.250+05:30")->offset == 5h + 30min);
    // The writer's every field at its edges, and an offset west with minutes.
    for (auto text : {"0000-01-01T00:00:00-03:30", "9999-12-31T23:59:59+14:00",
                      "2024-02-29T09:05:07-09:30", "1970-01-01T00:00:00+00:00"}) {
        auto parsed = parse_rfc3339(text);
        REQUIRE(parsed);
        CHECK(parsed->rfc3339() == text);
    }
}

TEST_CASE("RFC 3339 rejects what is not a time") {
    for (auto bad : {"", "2026-11-27", "2026-11-27T21:14", "2026-13-01T00:00:00Z",
                     "2026-02-30T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T21:14:03",
                     "2026-11-27T21:14:03+7", "tomorrow", "2026-11-27T21:14:03Zjunk"})
        CHECK_FALSE(parse_rfc3339(bad));
}

TEST_CASE("LocalZone honours $TZ and agrees with date's tz database") {
    // date's tz library reads the zone by name; LocalZone asks libc. Both
    // must give the same offsets, across DST changes too.
    for (auto name : {"America/Edmonton", "Asia/Tokyo", "Europe/London", "Australia/Lord_Howe"}) {
        ScopedTz tz(name);
        LocalZone zone;
        auto* reference = date::locate_zone(name);
        auto start = utc("2026-01-01T00:00:00Z");
        for (int hour = 0; hour < 24 * 365; hour += 7) {
            auto instant = start + hours{hour};
            auto info = reference->get_info(instant);
            INFO(name << " at " << date::format("%F %T", instant));
            REQUIRE(zone.at(instant).offset == info.offset);
        }
    }
}

TEST_CASE("Local wall times resolve in DST gaps and overlaps") {
    ScopedTz tz(settle::testing::kMountainRules);
    LocalZone zone;
    auto local = [](const char* text) {
        date::local_seconds t;
        std::istringstream in(text);
        in >> date::parse("%F %T", t);
        return t;
    };
    // 2026-03-08 02:30 does not exist in mountain time: clocks jump 02:00 -> 03:00.
    auto gap = zone.from_local(local("2026-03-08 02:30:00"));
    CHECK(gap.rfc3339() == "2026-03-08T03:30:00-06:00");
    // 2026-11-01 01:30 happens twice; the earlier (still MDT) wins.
    auto overlap = zone.from_local(local("2026-11-01 01:30:00"));
    CHECK(overlap.rfc3339() == "2026-11-01T01:30:00-06:00");
    auto plain = zone.from_local(local("2026-11-27 21:14:00"));
    CHECK(plain.rfc3339() == "2026-11-27T21:14:00-07:00");
}

TEST_CASE("Dates people type") {
    ScopedTz tz(settle::testing::kMountainRules);
    LocalZone zone;
    auto now = utc("2026-11-28T04:14:03Z"); // 21:14:03 on the 27th in mountain time
    auto parse = [&](const char* text) {
        auto result = parse_user_time(text, now, zone, "--at");
        INFO(text << ": " << (result ? "" : result.error().message));
        REQUIRE(result);
        return *result;
    };
    CHECK(parse("now").when.rfc3339() == "2026-11-27T21:14:03-07:00");
    CHECK(parse("today").when.rfc3339() == "2026-11-27T00:00:00-07:00");
    CHECK_FALSE(parse("today").has_time);
    CHECK(parse("yesterday").when.rfc3339() == "2026-11-26T00:00:00-07:00");
    CHECK(parse("7d").when.rfc3339() == "2026-11-20T21:14:03-07:00");
    CHECK(parse("4w").when.rfc3339() == "2026-10-30T21:14:03-06:00");
    CHECK(parse("3m").when.rfc3339() == "2026-08-27T21:14:03-06:00");
    CHECK(parse("2026-11-01").when.rfc3339() == "2026-11-01T00:00:00-06:00");
    CHECK(parse("2026-11-01 21:05").when.rfc3339() == "2026-11-01T21:05:00-07:00");
    CHECK(parse("2026-11-01T21:05:09").when.rfc3339() == "2026-11-01T21:05:09-07:00");
    CHECK(parse("2026-11-01T21:05:09+09:00").when.rfc3339() == "2026-11-01T21:05:09+09:00");
    for (auto bad : {"", "soon", "7x", "d", "-3d", "2026-11-31", "2026-11-01 25:00", "3.5d"}) {
        auto result = parse_user_time(bad, now, zone, "--at");
        INFO(bad);
        CHECK_FALSE(result);
        if (!result)
            CHECK(result.error().message.find("--at") != std::string::npos);
    }
}

TEST_CASE("Periods people type: spans of the calendar") {
    ScopedTz tz(settle::testing::kMountainRules);
    LocalZone zone;
    auto now = utc("2026-11-28T04:14:03Z"); // Friday 27 November, 21:14:03 mountain time
    auto parse = [&](const char* text) {
        auto result = parse_user_time(text, now, zone, "--since");
        INFO(text << ": " << (result ? "" : result.error().message));
        REQUIRE(result);
        return *result;
    };
    auto span = [&](const char* text) {
        auto time = parse(text);
        return time.when.rfc3339().substr(0, 19) + " .. " +
               date::format("%FT%T", end_of_span(time));
    };
    CHECK(span("today") == "2026-11-27T00:00:00 .. 2026-11-27T23:59:59");
    CHECK(span("yesterday") == "2026-11-26T00:00:00 .. 2026-11-26T23:59:59");
    CHECK(span("friday") == "2026-11-27T00:00:00 .. 2026-11-27T23:59:59"); // today included
    CHECK(span("Monday") == "2026-11-23T00:00:00 .. 2026-11-23T23:59:59");
    CHECK(span("sat") == "2026-11-21T00:00:00 .. 2026-11-21T23:59:59");
    CHECK(span("last friday") == "2026-11-20T00:00:00 .. 2026-11-20T23:59:59");
    CHECK(span("this week") == "2026-11-23T00:00:00 .. 2026-11-29T23:59:59");
    CHECK(span("last week") == "2026-11-16T00:00:00 .. 2026-11-22T23:59:59");
    CHECK(span("Last-Week") == "2026-11-16T00:00:00 .. 2026-11-22T23:59:59");
    CHECK(span("last month") == "2026-10-01T00:00:00 .. 2026-10-31T23:59:59");
    CHECK(span("this month") == "2026-11-01T00:00:00 .. 2026-11-30T23:59:59");
    CHECK(span("last year") == "2025-01-01T00:00:00 .. 2025-12-31T23:59:59");
    CHECK(span("2026-02") == "2026-02-01T00:00:00 .. 2026-02-28T23:59:59");
    CHECK(span("2024-02") == "2024-02-01T00:00:00 .. 2024-02-29T23:59:59");
    CHECK(span("2026") == "2026-01-01T00:00:00 .. 2026-12-31T23:59:59");
    CHECK(span("2026-11-01") == "2026-11-01T00:00:00 .. 2026-11-01T23:59:59");
    CHECK(parse("2026-11").span == DateSpan::month);
    CHECK(parse("2026").span == DateSpan::year);
    CHECK(parse("7d").span == DateSpan::instant);
    // Hours are elapsed time; years are calendar years.
    CHECK(parse("24h").when.rfc3339() == "2026-11-26T21:14:03-07:00");
    CHECK(parse("1y").when.rfc3339() == "2025-11-27T21:14:03-07:00");
    CHECK(parse("3M").when.rfc3339() == "2026-08-27T21:14:03-06:00");
    for (auto bad : {"2026-13", "2026-1", "20261", "last", "last fortnight", "next week",
                     "this friday", "1.5y", "h", "y", "someday"}) {
        INFO(bad);
        CHECK_FALSE(parse_user_time(bad, now, zone, "--since"));
    }
}

TEST_CASE("Across a change of clocks, 24h is a day of elapsed time") {
    ScopedTz tz(settle::testing::kMountainRules);
    LocalZone zone;
    auto now = utc("2026-11-01T17:00:00Z"); // 10:00 MST, the day clocks went back
    auto result = parse_user_time("24h", now, zone, "--since");
    REQUIRE(result);
    CHECK(result->when.rfc3339() == "2026-10-31T11:00:00-06:00");
}

TEST_CASE("Back-dating: the moment --at names") {
    ScopedTz tz(settle::testing::kMountainRules);
    LocalZone zone;
    auto now = utc("2026-11-28T04:14:03Z"); // Friday 27 November, 21:14:03 mountain time
    auto at = [&](const char* text) {
        return parse_entry_time(text, now, zone);
    };
    // A day named from today keeps the time of day; a date alone is midnight.
    REQUIRE(at("yesterday"));
    CHECK(at("yesterday")->when.rfc3339() == "2026-11-26T21:14:03-07:00");
    CHECK(at("today")->when.rfc3339() == "2026-11-27T21:14:03-07:00");
    CHECK(at("wednesday")->when.rfc3339() == "2026-11-25T21:14:03-07:00");
    CHECK(at("2026-11-20")->when.rfc3339() == "2026-11-20T00:00:00-07:00");
    CHECK(at("2026-11-20 08:30")->when.rfc3339() == "2026-11-20T08:30:00-07:00");
    CHECK_FALSE(at("yesterday")->before_1900);
    // A whole week, month or year is not a moment.
    for (auto span : {"2026-11", "2026", "last week", "last month"}) {
        INFO(span);
        REQUIRE_FALSE(at(span));
        CHECK(at(span).error().message.find("created takes a day or a time") != std::string::npos);
        CHECK(at(span).error().keys == std::vector<std::string>{"created"});
    }
    // Up to a day ahead is allowed (another zone's today, a fast clock);
    // further is refused.
    CHECK(at("2026-11-28 20:00"));
    auto future = at("2026-11-29 22:00");
    REQUIRE_FALSE(future);
    CHECK(future.error().message == "created 2026-11-29 22:00 is in the future; an entry "
                                    "records something that has already happened");
    CHECK_FALSE(at("2027-11-27"));
    // Before 1900: most often a typo, for the command to ask about.
    REQUIRE(at("0026-11-27"));
    CHECK(at("0026-11-27")->before_1900);
    CHECK(at("1899-12-31 23:00")->before_1900);
    CHECK_FALSE(at("1900-01-01")->before_1900);
}

TEST_CASE("Months back clamp to the end of a shorter month") {
    ScopedTz tz("UTC");
    LocalZone zone;
    auto now = utc("2026-03-31T12:00:00Z");
    auto result = parse_user_time("1m", now, zone, "--since");
    REQUIRE(result);
    CHECK(result->when.rfc3339() == "2026-02-28T12:00:00+00:00");
}

TEST_CASE("Local day bounds") {
    ScopedTz tz("Asia/Tokyo");
    LocalZone zone;
    auto t = zone.at(utc("2026-11-27T20:00:00Z")); // 05:00 on the 28th in Tokyo
    CHECK(start_of_local_day(t, zone).rfc3339() == "2026-11-28T00:00:00+09:00");
    CHECK(end_of_local_day(t, zone).rfc3339() == "2026-11-28T23:59:59+09:00");
}

TEST_CASE("Every time settle makes can be written and read back") {
    // Found by fuzz_time. Before standard time libc gives local mean time to
    // the second (-7:33:52 in Edmonton until 1906), which RFC 3339 cannot
    // write; and a span typed far enough back left the four-digit years.
    ScopedTz tz("America/Edmonton");
    LocalZone zone;
    auto old = zone.at(utc("1900-01-01T12:00:00Z"));
    CHECK(old.offset == -(hours{7} + minutes{34}));
    REQUIRE(parse_rfc3339(old.rfc3339()));
    CHECK(*parse_rfc3339(old.rfc3339()) == old);
    auto now = utc("2023-11-14T22:13:20Z");
    auto far = parse_user_time("100000m", now, zone, "--since");
    REQUIRE_FALSE(far);
    CHECK(far.error().message == "--since reaches back before the year 0000; got \"100000m\"");
    auto typed = parse_user_time("1800-06-01 12:00", now, zone, "--at");
    REQUIRE(typed);
    CHECK(*parse_rfc3339(typed->when.rfc3339()) == typed->when);
}
