// The words and numbers that the text, Markdown and JSON renderings of a
// summary share: dates as a person reads them, medians with a true minus
// sign, counts with their noun, the filters asked for. Pure functions of the
// core's Summary; none of them knows which format it is writing.
#pragma once

#include "core/summary.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace settle::cli::wording {

// Weeks read well up to a season; beyond that the text and Markdown show
// months (JSON always has both).
inline constexpr size_t kMostWeeksShown = 13;

// Whether the weeks or the months make the table (kMostWeeksShown).
bool show_weeks(const Summary& summary);

std::string iso_date(Day day);   // "2026-11-27"
std::string month_name(Day day); // "Nov"
std::string short_date(Day day); // "27 Nov"
std::string long_date(Day day);  // "27 Nov 2026"

// "31 Oct – 27 Nov 2026", or with both years when they differ; one date
// for a single day.
std::string span_text(const DaySpan& span, std::string_view dash);

// A whole number as such, anything else with one decimal: "7", "6.5".
std::string number_text(double value);

// Medians and changes: "7", "6.5", "−3" (a true minus sign where the
// characters allow), and a dash for "no value"; "+2" for a rise when
// `signed_change`.
std::string median_text(const Median& value, bool unicode, bool signed_change = false);

// "1 pause", "3 pauses".
std::string plural(int count, std::string_view one, std::string_view many);

// What the person asked for, in words: "only pauses, tagged #work"; empty
// without filters. Tags are neutralized for a terminal.
std::string filter_text(const SummaryRequest& request);

// "… 312 weeks with no entries …": a run of empty spans, one row.
std::string empty_run_text(const SpanStats& run, bool week, bool unicode = true);

// A row's name: "2026-W48" for a week, "Nov 2026" for a month.
std::string span_label(const SpanStats& stats, bool week);

} // namespace settle::cli::wording
