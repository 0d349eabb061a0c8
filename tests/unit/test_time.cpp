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
