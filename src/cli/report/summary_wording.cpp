#include "cli/report/summary_wording.hpp"

#include "core/display.hpp"

#include <cmath>
#include <fmt/format.h>

namespace settle::cli::wording {

namespace {

constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

date::year_month_day ymd_of(Day day) {
    return date::year_month_day{day};
}

} // namespace

std::string iso_date(Day day) {
    return date::format("%F", day);
}

std::string month_name(Day day) {
    return kMonthNames[unsigned(ymd_of(day).month()) - 1];
}

std::string short_date(Day day) {
    return fmt::format("{} {}", unsigned(ymd_of(day).day()), month_name(day));
}

std::string long_date(Day day) {
    return fmt::format("{} {}", short_date(day), int(ymd_of(day).year()));
}

std::string span_text(const DaySpan& span, std::string_view dash) {
    if (span.first == span.last)
        return long_date(span.first);
    bool same_year = ymd_of(span.first).year() == ymd_of(span.last).year();
    return fmt::format("{} {} {}", same_year ? short_date(span.first) : long_date(span.first), dash,
                       long_date(span.last));
}

std::string number_text(double value) {
    if (value == std::floor(value))
        return fmt::format("{}", static_cast<long>(value));
    return fmt::format("{:.1f}", value);
}

std::string median_text(const Median& value, bool unicode, bool signed_change) {
    if (!value)
        return unicode ? "–" : "-";
    auto text = number_text(std::fabs(*value));
    if (*value < 0)
        return (unicode ? "−" : "-") + text;
    if (signed_change && *value > 0)
        return "+" + text;
    return text;
}

std::string plural(int count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string filter_text(const SummaryRequest& request) {
    std::string text;
    if (request.kind)
        text = fmt::format("only {}s", to_string(*request.kind));
    for (const auto& tag : request.tags)
        text += (text.empty() ? "only entries tagged #" : ", tagged #") + neutralize_controls(tag);
    return text;
}

bool show_weeks(const Summary& summary) {
    return spans_covered(summary.weeks) <= static_cast<long>(kMostWeeksShown);
}

std::string empty_run_text(const SpanStats& run, bool week, bool unicode) {
    return fmt::format("{0} {1} {2} with no entries {0}", unicode ? "…" : "...", run.empty_spans,
                       week ? (run.empty_spans == 1 ? "week" : "weeks")
                            : (run.empty_spans == 1 ? "month" : "months"));
}

std::string span_label(const SpanStats& stats, bool week) {
    return week ? iso_week_label(stats.span.first)
                : fmt::format("{} {}", month_name(stats.span.first),
                              int(ymd_of(stats.span.first).year()));
}

} // namespace settle::cli::wording
