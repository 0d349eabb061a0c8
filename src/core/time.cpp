#include "time.hpp"

#include <algorithm>
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
    // Formatted by hand, not with date::format, whose stream is most of the
    // cost of a whole journal as JSON.
    auto day = date::floor<date::days>(local());
    date::year_month_day ymd{day};
    date::hh_mm_ss time{local() - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", int(ymd.year()),
                       unsigned(ymd.month()), unsigned(ymd.day()), time.hours().count(),
                       time.minutes().count(), time.seconds().count(), sign, off / 3600,
                       (off % 3600) / 60);
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

namespace {

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "last week", "last-week" and "last  week" alike.
std::string squeeze(std::string_view text) {
    std::string out;
    for (char c : lowercase(text)) {
        if (c == '-' || c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

// 0 for Sunday .. 6 for Saturday, as date::weekday counts; -1 if not a name.
int weekday_number(std::string_view word) {
    static constexpr std::string_view kNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                                  "thursday", "friday", "saturday"};
    static constexpr std::string_view kShort[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    for (int i = 0; i < 7; ++i)
        if (word == kNames[i] || word == kShort[i])
            return i;
    return -1;
}

UserTime day_span(date::sys_days day, const LocalZone& zone, bool relative) {
    return UserTime{midnight(date::year_month_day{day}, zone), DateSpan::day, false, relative};
}

date::sys_days monday_on_or_before(date::sys_days day) {
    return day - (date::weekday{day} - date::Monday);
}

} // namespace

Expected<UserTime> parse_user_time(std::string_view text, SysSeconds now, const LocalZone& zone,
                                   std::string_view key) {
    auto bad = [&] {
        return Error{fmt::format("{} takes a date such as 2026-11-27, \"2026-11-27 21:14\", "
                                 "2026-11, today, yesterday, friday, last week, 24h, 7d, 4w, 3m "
                                 "or 1y (see `man settle`); got \"{}\"",
                                 key, text)}
            .naming({std::string(key)});
    };
    if (text.empty() || text.size() > 64)
        return bad();
    const Timestamp current = zone.at(now);
    const date::sys_days today{current.local_date()};
    const auto word = squeeze(text);
    if (word == "now")
        return UserTime{current, DateSpan::instant, true, false};
    if (word == "today")
        return day_span(today, zone, true);
    if (word == "yesterday")
        return day_span(today - date::days{1}, zone, true);
    if (auto weekday = weekday_number(word); weekday >= 0) {
        // The latest such day, today included: "since monday" on a Monday
        // is today.
        return day_span(today - (date::weekday{today} - date::weekday{unsigned(weekday)}), zone,
                        true);
    }
    for (std::string_view which : {"this ", "last "}) {
        if (word.rfind(which, 0) != 0)
            continue;
        auto unit = std::string_view(word).substr(which.size());
        int back = which == "last " ? 1 : 0;
        date::year_month_day ymd{today};
        if (unit == "week") {
            auto monday = monday_on_or_before(today) - date::weeks{back};
            return UserTime{midnight(date::year_month_day{monday}, zone), DateSpan::week, false,
                            true};
        }
        if (unit == "month") {
            auto first = ymd.year() / ymd.month() / date::day{1} - date::months{back};
            return UserTime{midnight(first, zone), DateSpan::month, false, true};
        }
        if (unit == "year") {
            auto first = (ymd.year() - date::years{back}) / date::January / date::day{1};
            return UserTime{midnight(first, zone), DateSpan::year, false, true};
        }
        if (auto weekday = weekday_number(unit); weekday >= 0 && back == 1) {
            // "last friday": the latest Friday before today.
            auto day = today - date::days{1};
            return day_span(day - (date::weekday{day} - date::weekday{unsigned(weekday)}), zone,
                            true);
        }
        return bad();
    }
    // Relative spans: a count and a unit, counted back from now.
    // (Not squeezed: "-3d" is not a span.)
    const auto count = lowercase(text);
    char unit = count.back();
    bool all_digits =
        std::all_of(count.begin(), count.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!all_digits && std::string_view("hdwmy").find(unit) != std::string_view::npos) {
        auto digits = std::string_view(count).substr(0, count.size() - 1);
        int n = 0;
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
        if (ec != std::errc{} || end != digits.data() + digits.size() || digits.empty() || n < 0 ||
            n > 100000)
            return bad();
        // Entries write four-digit years, so a span reaching further back
        // could never be saved; so many years would also overflow the
        // calendar's arithmetic before the check below could see them.
        if (unit == 'y' && n > 10000)
            return Error{fmt::format("{} reaches back before the year 0000; got \"{}\"", key, text)}
                .naming({std::string(key)});
        auto local = current.local();
        if (unit == 'h') {
            // Hours are elapsed time, not wall-clock time: 24h before 10:00
            // on the day clocks change is 09:00 or 11:00 on the clock.
            return UserTime{zone.at(now - hours{n}), DateSpan::instant, true, false};
        }
        if (unit == 'd')
            local -= date::days{n};
        else if (unit == 'w')
            local -= date::weeks{n};
        else {
            auto day = floor<date::days>(local);
            date::year_month_day ymd{day};
            auto months = unit == 'y' ? date::months{12LL * n} : date::months{n};
            auto target = ymd.year() / ymd.month() / date::day{1} - months;
            // Clamp the 31st to the last day of a shorter month.
            auto last =
                date::year_month_day_last{target.year(), date::month_day_last{target.month()}};
            auto d = std::min(ymd.day(), last.day());
            local = date::local_days{target.year() / target.month() / d} + (local - day);
        }
        // Entries write four-digit years, so a span reaching further back
        // could never be saved or compared with one.
        if (date::year_month_day{floor<date::days>(local)}.year() < date::year{0})
            return Error{fmt::format("{} reaches back before the year 0000; got \"{}\"", key, text)}
                .naming({std::string(key)});
        return UserTime{zone.from_local(local), DateSpan::instant, true, false};
    }
    // A year (2026) or a month (2026-11).
    size_t pos = 0;
    int year = 0, month = 0;
    if (read_digits(text, pos, 4, year)) {
        if (pos == text.size())
            return UserTime{midnight(date::year{year} / date::January / date::day{1}, zone),
                            DateSpan::year, false, false};
        if (expect(text, pos, '-') && read_digits(text, pos, 2, month) && pos == text.size()) {
            if (month < 1 || month > 12)
                return bad();
            return UserTime{
                midnight(date::year{year} / date::month{unsigned(month)} / date::day{1}, zone),
                DateSpan::month, false, false};
        }
    }
    pos = 0;
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
        return UserTime{*exact, DateSpan::instant, true, false};
    }
    LocalSeconds local{date::local_days{civil->day}.time_since_epoch() + civil->time_of_day};
    if (!civil->has_time)
        return UserTime{zone.from_local(local), DateSpan::day, false, false};
    return UserTime{zone.from_local(local), DateSpan::instant, true, false};
}

LocalSeconds end_of_span(const UserTime& time) {
    auto start = time.when.local();
    auto day = floor<date::days>(start);
    date::year_month_day ymd{day};
    switch (time.span) {
    case DateSpan::instant:
        return start;
    case DateSpan::day:
        return LocalSeconds{day + date::days{1}} - seconds{1};
    case DateSpan::week:
        return LocalSeconds{day + date::weeks{1}} - seconds{1};
    case DateSpan::month:
        return LocalSeconds{
                   date::local_days{ymd.year() / ymd.month() / date::day{1} + date::months{1}}} -
               seconds{1};
    case DateSpan::year:
        return LocalSeconds{
                   date::local_days{(ymd.year() + date::years{1}) / date::January / date::day{1}}} -
               seconds{1};
    }
    return start;
}

Expected<EntryTime> parse_entry_time(std::string_view text, SysSeconds now, const LocalZone& zone) {
    auto parsed = parse_user_time(text, now, zone, "created");
    if (!parsed)
        return parsed.error();
    static constexpr std::string_view kSpanNames[] = {"moment", "day", "week", "month", "year"};
    if (parsed->span != DateSpan::instant && parsed->span != DateSpan::day)
        return Error{fmt::format("created takes a day or a time, not a whole {}; got \"{}\" "
                                 "(for example \"{} 21:00\")",
                                 kSpanNames[static_cast<int>(parsed->span)], text,
                                 date::format("%F", parsed->when.local()))}
            .naming({"created"});
    Timestamp when = parsed->when;
    if (parsed->relative) {
        // "yesterday" means yesterday at this time, not at midnight: the
        // order of the day's entries stays as it was lived.
        auto current = zone.at(now).local();
        auto time_of_day = current - floor<date::days>(current);
        when = zone.from_local(floor<date::days>(when.local()) + time_of_day);
    }
    // A day ahead covers any time zone's "today" and a clock a little fast.
    if (when.utc > now + date::days{1})
        return Error{fmt::format("created {} is in the future; an entry records something that "
                                 "has already happened",
                                 date::format("%F %H:%M", when.local()))}
            .naming({"created"});
    EntryTime result{when, false};
    result.before_1900 = when.local_date().year() < date::year{1900};
    return result;
}

} // namespace settle
