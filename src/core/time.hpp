// Instants, local time and the date forms people type.
//
// Why libc for the local zone: Debian's date 3.0.1 `current_zone()` reads
// /etc/localtime and ignores $TZ, and loading its tz database costs
// milliseconds on every start. localtime_r/mktime honour $TZ (zone names and
// POSIX rules alike) and read one compiled zone file. The unit tests compare
// LocalZone with date's tz library, so the two cannot silently disagree.
// Calendar arithmetic and formatting use date.h, which needs no database.
#pragma once

#include "error.hpp"

#include <chrono>
#include <date/date.h>
#include <optional>
#include <string>
#include <string_view>

namespace settle {

using SysSeconds = date::sys_seconds;
using LocalSeconds = date::local_seconds;

// An instant together with the UTC offset that was in force where it was
// recorded. Entries keep the offset so a journal read in another zone still
// knows the writer's local date and time.
struct Timestamp {
    SysSeconds utc{};
    std::chrono::seconds offset{0};

    LocalSeconds local() const { return LocalSeconds{utc.time_since_epoch() + offset}; }
    date::year_month_day local_date() const;
    // RFC 3339 with the offset, e.g. 2026-11-27T21:14:03-07:00 (Z is never
    // written: +00:00 keeps the "offset in force" explicit).
    std::string rfc3339() const;
    bool operator==(const Timestamp&) const = default;
};

// Parses RFC 3339 (`T` or a space between date and time, `Z` or ±HH:MM,
// optional fractional seconds which are dropped).
std::optional<Timestamp> parse_rfc3339(std::string_view text);

// The zone named by $TZ (or the system's default), as libc sees it.
class LocalZone {
  public:
    // Reads $TZ now; later changes to the environment are not seen.
    LocalZone();
    Timestamp at(SysSeconds instant) const;
    // The instant a local wall-clock time names. In a DST gap the time is moved
    // forward by the gap; in an overlap the earlier instant wins.
    Timestamp from_local(LocalSeconds local) const;
};

// A point in time, or a span of the calendar, given on the command line.
// docs/dates.md lists every form; in short:
//   RFC 3339                         exact instant
//   YYYY-MM-DD HH:MM[:SS], ...THH:MM local time
//   YYYY-MM-DD                       a day
//   YYYY-MM, YYYY                    a month, a year
//   now                              this instant
//   today, yesterday, monday..sunday a day (a weekday: the latest one, today
//                                    included)
//   this/last week|month|year        a week (Monday to Sunday), month, year
//   Nh, Nd, Nw, Nm, Ny               N hours, days, weeks, calendar months or
//                                    years before now (an instant)
// Names are case-insensitive; "last week" may be written "last-week".
enum class DateSpan { instant, day, week, month, year };

struct UserTime {
    Timestamp when; // the instant, or the first second of the span
    DateSpan span = DateSpan::instant;
    bool has_time = true;  // false when the form named a whole day or more
    bool relative = false; // named from today (today, yesterday, a weekday)
};

// `key` names the value in error messages ("since"), which list it in
// Error::keys for the command layer to put the flag a person typed there.
Expected<UserTime> parse_user_time(std::string_view text, SysSeconds now, const LocalZone& zone,
                                   std::string_view key);

// The last second of the span `time` names (the instant itself for an
// instant), in local wall time.
LocalSeconds end_of_span(const UserTime& time);

// The moment a person dates an entry at (its `created`). A day named from today (yesterday,
// friday) keeps the current time of day; a date alone is its midnight; a
// week, month or year is refused, as is anything more than a day ahead
// (an entry records what has happened). `before_1900` marks a year that is
// usually a typo (0026 for 2026): the caller asks before writing it.
struct EntryTime {
    Timestamp when;
    bool before_1900 = false;
};
Expected<EntryTime> parse_entry_time(std::string_view text, SysSeconds now, const LocalZone& zone);

// The first and last second of the local day containing `t`.
Timestamp start_of_local_day(const Timestamp& t, const LocalZone& zone);
Timestamp end_of_local_day(const Timestamp& t, const LocalZone& zone);

SysSeconds now_seconds();

} // namespace settle
