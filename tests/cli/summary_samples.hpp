// Entries and summaries for the tests of the summary's renderings: built in
// memory through the core's SummaryBuilder, no journal folder, no binary.
#pragma once

#include "../unit/test_support.hpp"
#include "core/summary.hpp"
#include "core/time.hpp"

#include <string>
#include <vector>

namespace settle::testing {

inline Day calendar_day(int y, unsigned m, unsigned d) {
    return Day{date::year{y} / m / d};
}

// Whole local days, first to last.
inline Period days_period(Day first, Day last) {
    return Period{LocalSeconds{first.time_since_epoch()},
                  LocalSeconds{(last + date::days{1}).time_since_epoch()} -
                      std::chrono::seconds{1}};
}

inline Entry pause_entry(const std::string& created, std::optional<int> before,
                         std::optional<int> after, std::optional<Outcome> outcome = Outcome::waited,
                         std::vector<std::string> tags = {}) {
    Entry entry;
    entry.created = *parse_rfc3339(created);
    entry.fields = PauseFields{before, after, outcome};
    entry.incomplete = !outcome;
    entry.tags = std::move(tags);
    return entry;
}

inline Entry audit_entry(const std::string& created, std::vector<std::string> know,
                         std::vector<std::string> predict, std::optional<int> before = {},
                         std::optional<int> after = {}) {
    Entry entry;
    entry.created = *parse_rfc3339(created);
    entry.fields = AuditFields{before, after, std::move(know), std::move(predict)};
    return entry;
}

inline Entry script_entry(const std::string& created, std::string feeling, std::string need,
                          std::vector<std::string> tags = {}) {
    Entry entry;
    entry.created = *parse_rfc3339(created);
    entry.fields = ScriptFields{"no reply", std::move(feeling), std::move(need)};
    entry.tags = std::move(tags);
    return entry;
}

inline Summary summary_of(const SummaryRequest& request, const std::vector<Entry>& entries) {
    SummaryBuilder builder(request);
    for (const auto& entry : entries)
        builder.add(entry);
    return builder.finish();
}

inline SummaryRequest request_for(Day first, Day last) {
    SummaryRequest request;
    request.period = days_period(first, last);
    return request;
}

// The week of november_week(), Monday to Sunday.
inline const Day kMonday = calendar_day(2026, 11, 16);
inline const Day kSunday = calendar_day(2026, 11, 22);

// A week in November 2026 (Mountain time, -07:00): two rated pauses, an
// audit and a script.
inline std::vector<Entry> november_week() {
    return {
        pause_entry("2026-11-16T21:10:00-07:00", 8, 3, Outcome::waited, {"work"}),
        pause_entry("2026-11-19T07:30:00-07:00", 7, 5, Outcome::reached_out),
        audit_entry("2026-11-20T12:00:00-07:00", {"he is at work", "we talked yesterday"},
                    {"he is angry"}, 6, 2),
        script_entry("2026-11-22T18:00:00-07:00", "lonely", "reassurance", {"work"}),
    };
}

inline bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

} // namespace settle::testing
