#include "time.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <ctime>
#include <fmt/format.h>

namespace settle {

using namespace std::chrono;

namespace {

// Reads exactly `width` digits at `pos` and advances it.
bool read_digits(std::string_view s, size_t& pos, int width, int& out) {
    if (pos + width > s.size())
        return false;
    int value = 0;
    for (int i = 0; i < width; ++i) {
        char c = s[pos + i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    pos += width;
    out = value;
    return true;
}

bool expect(std::string_view s, size_t& pos, char c) {
    if (pos < s.size() && s[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

struct CivilParts {
    date::year_month_day day{};
    seconds time_of_day{0};
    bool has_time = false;
};

// Parses YYYY-MM-DD, optionally followed by [T or space]HH:MM[:SS[.frac]].
// Leaves `pos` after what it read.
std::optional<CivilParts> parse_civil(std::string_view s, size_t& pos) {
    int y, mo, d;
    if (!read_digits(s, pos, 4, y) || !expect(s, pos, '-') || !read_digits(s, pos, 2, mo) ||
        !expect(s, pos, '-') || !read_digits(s, pos, 2, d))
        return std::nullopt;
    CivilParts parts;
    parts.day = date::year{y} / date::month{unsigned(mo)} / date::day{unsigned(d)};
    if (!parts.day.ok())
        return std::nullopt;
    if (pos == s.size())
        return parts;
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')
        return std::nullopt;
    ++pos;
    int h, mi, sec = 0;
    if (!read_digits(s, pos, 2, h) || !expect(s, pos, ':') || !read_digits(s, pos, 2, mi))
        return std::nullopt;
    if (expect(s, pos, ':')) {
        if (!read_digits(s, pos, 2, sec))
            return std::nullopt;
        if (expect(s, pos, '.')) {
            size_t start = pos;
            while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])))
                ++pos;
            if (pos == start)
                return std::nullopt;
        }
    }
    // 60 would be a leap second; RFC 3339 allows it, time arithmetic does not.
    if (h > 23 || mi > 59 || sec > 59)
        return std::nullopt;
    parts.time_of_day = hours{h} + minutes{mi} + seconds{sec};
    parts.has_time = true;
    return parts;
}

std::optional<seconds> parse_offset(std::string_view s, size_t& pos) {
    if (pos >= s.size())
        return std::nullopt;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
        return seconds{0};
    }
    if (s[pos] != '+' && s[pos] != '-')
        return std::nullopt;
    int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int h, m;
    if (!read_digits(s, pos, 2, h) || !expect(s, pos, ':') || !read_digits(s, pos, 2, m))
        return std::nullopt;
    if (h > 23 || m > 59)
        return std::nullopt;
    return seconds{sign * (h * 3600 + m * 60)};
}

Timestamp midnight(date::year_month_day day, const LocalZone& zone) {
    return zone.from_local(LocalSeconds{date::local_days{day}.time_since_epoch()});
}

} // namespace

date::year_month_day Timestamp::local_date() const {
    return date::year_month_day{floor<date::days>(local())};
}

std::string Timestamp::rfc3339() const {
    auto off = offset.count();
    char sign = off < 0 ? '-' : '+';
    if (off < 0)
        off = -off;
    return date::format("%FT%T", local()) +
           fmt::format("{}{:02}:{:02}", sign, off / 3600, (off % 3600) / 60);
}

std::optional<Timestamp> parse_rfc3339(std::string_view text) {
    size_t pos = 0;
    auto civil = parse_civil(text, pos);
    if (!civil || !civil->has_time)
        return std::nullopt;
    auto offset = parse_offset(text, pos);
    if (!offset || pos != text.size())
        return std::nullopt;
    LocalSeconds local{date::local_days{civil->day}.time_since_epoch() + civil->time_of_day};
    return Timestamp{SysSeconds{local.time_since_epoch() - *offset}, *offset};
}

LocalZone::LocalZone() {
    tzset();
}

Timestamp LocalZone::at(SysSeconds instant) const {
    std::time_t t = instant.time_since_epoch().count();
    std::tm tm{};
    localtime_r(&t, &tm);
    // RFC 3339 offsets are whole minutes, but before standard time libc
    // gives local mean time to the second (-7:33:52 in Edmonton until 1906),
    // which an entry could not record. Rounding keeps every Timestamp
    // writable and read back as the same instant.
    auto offset = std::lround(static_cast<double>(tm.tm_gmtoff) / 60.0) * 60;
    return Timestamp{instant, seconds{offset}};
}

Timestamp LocalZone::from_local(LocalSeconds local) const {
    // Guess with the offset in force one day either side, then let the zone
    // say what offset really applies at the candidate instant. This handles
    // gaps and overlaps without relying on mktime's tm_isdst guessing.
    const auto wanted = local.time_since_epoch();
    std::optional<Timestamp> best;
    for (auto probe : {local - date::days{1}, local + date::days{1}}) {
        auto offset = at(SysSeconds{probe.time_since_epoch()}).offset;
        auto candidate = at(SysSeconds{wanted - offset});
        if (candidate.local() == local) {
            if (!best || candidate.utc < best->utc)
                best = candidate;
        }
    }
    if (best)
        return *best;
    // In a gap: no instant shows this wall time. Use the offset from before
    // the gap, which lands just after it (02:30 in a spring-forward gap
    // becomes 03:30), as mktime does.
    auto before = at(SysSeconds{(local - date::days{1}).time_since_epoch()}).offset;
    return at(SysSeconds{wanted - before});
}

SysSeconds now_seconds() {
    return floor<seconds>(system_clock::now());
}

Timestamp start_of_local_day(const Timestamp& t, const LocalZone& zone) {
    return midnight(t.local_date(), zone);
}

Timestamp end_of_local_day(const Timestamp& t, const LocalZone& zone) {
    auto next = date::year_month_day{date::sys_days{t.local_date()} + date::days{1}};
    auto next_start = midnight(next, zone);
    return zone.at(next_start.utc - seconds{1});
}

Expected<UserTime> parse_user_time(std::string_view text, SysSeconds now, const LocalZone& zone,
                                   std::string_view what) {
    auto bad = [&] {
        return Error{fmt::format("{} takes a date such as 2026-11-27, \"2026-11-27 21:14\", "
                                 "today, yesterday, 7d, 4w or 3m; got \"{}\"",
                                 what, text)};
    };
    if (text.empty())
        return bad();
    const Timestamp current = zone.at(now);
    if (text == "now")
        return UserTime{current, true};
    if (text == "today")
        return UserTime{start_of_local_day(current, zone), false};
    if (text == "yesterday") {
        auto day = date::year_month_day{date::sys_days{current.local_date()} - date::days{1}};
        return UserTime{midnight(day, zone), false};
    }
    // Relative spans: a count and a unit, counted back from now.
    char unit = text.back();
    if (unit == 'd' || unit == 'w' || unit == 'm') {
        auto digits = text.substr(0, text.size() - 1);
        int n = 0;
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
        if (ec != std::errc{} || end != digits.data() + digits.size() || digits.empty() || n < 0 ||
            n > 100000)
            return bad();
        auto local = current.local();
        if (unit == 'd')
            local -= date::days{n};
        else if (unit == 'w')
            local -= date::weeks{n};
        else {
            auto day = floor<date::days>(local);
            date::year_month_day ymd{day};
            auto target = ymd.year() / ymd.month() / date::day{1} - date::months{n};
            // Clamp the 31st to the last day of a shorter month.
            auto last =
                date::year_month_day_last{target.year(), date::month_day_last{target.month()}};
            auto d = std::min(ymd.day(), last.day());
            local = date::local_days{target.year() / target.month() / d} + (local - day);
        }
        // Entries write four-digit years, so a span reaching further back
        // could never be saved or compared with one.
        if (date::year_month_day{floor<date::days>(local)}.year() < date::year{0})
            return Error{
                fmt::format("{} reaches back before the year 0000; got \"{}\"", what, text)};
        return UserTime{zone.from_local(local), true};
    }
    size_t pos = 0;
    auto civil = parse_civil(text, pos);
    if (!civil)
        return bad();
    if (pos != text.size()) {
        auto offset = parse_offset(text, pos);
        if (!offset || pos != text.size() || !civil->has_time)
            return bad();
        auto exact = parse_rfc3339(text);
        if (!exact)
            return bad();
        return UserTime{*exact, true};
    }
    LocalSeconds local{date::local_days{civil->day}.time_since_epoch() + civil->time_of_day};
    return UserTime{zone.from_local(local), civil->has_time};
}

} // namespace settle
