// The words every rendering of a summary shares: dates, medians, counts and
// the filters asked for.
#include "cli/report/summary_wording.hpp"
#include "summary_samples.hpp"

#include <catch2/catch.hpp>

using namespace settle;
using namespace settle::cli::wording;
using namespace settle::testing;

TEST_CASE("wording: dates as a person reads them") {
    auto day = calendar_day(2026, 11, 7);
    CHECK(iso_date(day) == "2026-11-07");
    CHECK(month_name(day) == "Nov");
    CHECK(short_date(day) == "7 Nov");
    CHECK(long_date(day) == "7 Nov 2026");
    CHECK(span_text({day, day}, "–") == "7 Nov 2026");
    CHECK(span_text({day, calendar_day(2026, 12, 24)}, "–") == "7 Nov – 24 Dec 2026");
    CHECK(span_text({calendar_day(2025, 12, 29), calendar_day(2026, 1, 4)}, "-") ==
          "29 Dec 2025 - 4 Jan 2026");
}

TEST_CASE("wording: numbers and medians") {
    CHECK(number_text(7) == "7");
    CHECK(number_text(6.5) == "6.5");
    CHECK(number_text(0) == "0");
    CHECK(median_text(std::nullopt, true) == "–");
    CHECK(median_text(std::nullopt, false) == "-");
    CHECK(median_text(-3.5, true) == "−3.5");
    CHECK(median_text(-3.5, false) == "-3.5");
    CHECK(median_text(2, true) == "2");
    CHECK(median_text(2, true, true) == "+2");
    CHECK(median_text(0, true, true) == "0");
    CHECK(plural(1, "pause", "pauses") == "1 pause");
    CHECK(plural(0, "pause", "pauses") == "0 pauses");
    CHECK(plural(12, "entry", "entries") == "12 entries");
}

TEST_CASE("wording: filters in words, tags made safe for a terminal") {
    SummaryRequest request;
    CHECK(filter_text(request).empty());
    request.kind = Kind::audit;
    CHECK(filter_text(request) == "only audits");
    request.tags = {"work", "x\033]0;t\a"};
    CHECK(filter_text(request) == "only audits, tagged #work, tagged #x^[]0;t^G");
    request.kind = std::nullopt;
    CHECK(filter_text(request) == "only entries tagged #work, tagged #x^[]0;t^G");
}

TEST_CASE("wording: rows of weeks and months") {
    SpanStats week;
    week.span = {calendar_day(2026, 11, 16), calendar_day(2026, 11, 22)};
    CHECK(span_label(week, true) == "2026-W47");
    CHECK(span_label(week, false) == "Nov 2026");
    // The ISO year of the last days of December can be the next one.
    week.span = {calendar_day(2024, 12, 30), calendar_day(2025, 1, 5)};
    CHECK(span_label(week, true) == "2025-W01");

    SpanStats run;
    run.empty_spans = 1;
    CHECK(empty_run_text(run, true) == "… 1 week with no entries …");
    run.empty_spans = 312;
    CHECK(empty_run_text(run, true) == "… 312 weeks with no entries …");
    CHECK(empty_run_text(run, false, false) == "... 312 months with no entries ...");

    Summary summary;
    summary.weeks.resize(13);
    CHECK(show_weeks(summary));
    summary.weeks.resize(14);
    CHECK_FALSE(show_weeks(summary));
    summary.weeks.resize(2);
    summary.weeks[1].empty_spans = 20; // a run stands for all its weeks
    CHECK_FALSE(show_weeks(summary));
}
