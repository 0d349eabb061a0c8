#include "cli/report/summary_json.hpp"

#include "cli/report/summary_wording.hpp"
#include "core/entry_json.hpp"

#include <array>
#include <cmath>
#include <fmt/format.h>

namespace settle::cli {

namespace {

using namespace wording;

// A bound as asked: a date when it falls on a day boundary, else the local
// date and time.
std::string bound_text(LocalSeconds bound, bool is_until) {
    auto day = std::chrono::floor<date::days>(bound);
    auto boundary = is_until ? day + date::days{1} - std::chrono::seconds{1} : LocalSeconds{day};
    if (bound == boundary)
        return date::format("%F", day);
    return date::format("%FT%T", bound);
}

Json optional_json(const std::optional<double>& value) {
    return value ? Json(*value) : Json(nullptr);
}

void add_pause_keys(Json& out, const PauseStats& pause) {
    out["count"] = pause.count;
    out["rated"] = pause.rated;
    out["urge_before_median"] = optional_json(pause.urge_before);
    out["urge_after_median"] = optional_json(pause.urge_after);
    out["urge_change_median"] = optional_json(pause.urge_change);
    out["waited"] = pause.waited;
    out["reached_out"] = pause.reached_out;
    out["undecided"] = pause.undecided;
    out["no_outcome"] = pause.no_outcome;
    out["timed"] = pause.timed;
    out["ended_early"] = pause.ended_early;
}

Json pause_json(const PauseStats& pause) {
    Json out;
    add_pause_keys(out, pause);
    return out;
}

Json audit_json(const AuditStats& audit) {
    Json out;
    out["count"] = audit.count;
    out["known"] = audit.known;
    out["predicted"] = audit.predicted;
    // Two decimals: a stable number for scripts to compare.
    out["known_per_predicted"] = audit.known_per_predicted
                                     ? Json(std::round(*audit.known_per_predicted * 100) / 100)
                                     : Json(nullptr);
    out["rated"] = audit.rated;
    out["anxiety_before_median"] = optional_json(audit.anxiety_before);
    out["anxiety_after_median"] = optional_json(audit.anxiety_after);
    out["anxiety_change_median"] = optional_json(audit.anxiety_change);
    return out;
}

Json kinds_json(const KindCounts& kinds) {
    Json out;
    out["audit"] = kinds.audit;
    out["script"] = kinds.script;
    out["pause"] = kinds.pause;
    return out;
}

Json names_json(const std::vector<NameCount>& names) {
    Json out = Json::array();
    for (const auto& item : names)
        out.push_back(Json{{"name", item.name}, {"count", item.count}});
    return out;
}

Json span_json(const char* label_key, const std::string& label, const SpanStats& stats) {
    Json out;
    if (stats.empty_spans > 0) {
        // A run of empty weeks or months, one object: "empty_weeks": 312.
        out[fmt::format("empty_{}s", label_key)] = stats.empty_spans;
        out["since"] = iso_date(stats.span.first);
        out["until"] = iso_date(stats.span.last);
        out["entries"] = 0;
        return out;
    }
    out[label_key] = label;
    out["since"] = iso_date(stats.span.first);
    out["until"] = iso_date(stats.span.last);
    out["entries"] = stats.entries;
    out["by_kind"] = kinds_json(stats.by_kind);
    out["incomplete"] = stats.incomplete;
    out["pause"] = pause_json(stats.pause);
    out["audit"] = audit_json(stats.audit);
    return out;
}

Json outcomes_json(const PredictionOutcomes& outcomes) {
    auto share = outcomes.came_true();
    return Json{{"answered", outcomes.answered},
                {"happened", outcomes.happened},
                {"partly", outcomes.partly},
                {"didnt", outcomes.didnt},
                {"came_true_share", share ? Json(std::round(*share * 100) / 100) : Json(nullptr)}};
}

Json looking_back_json(const LookingBack& back) {
    Json out;
    out["predictions"] = back.predictions;
    out["answered"] = outcomes_json(back.answered);
    out["contested"] = back.contested;
    out["by_tag"] = Json::array();
    for (const auto& tag : back.by_tag) {
        auto row = Json{{"tag", tag.tag}};
        row.update(outcomes_json(tag.outcomes));
        out["by_tag"].push_back(std::move(row));
    }
    out["scripts"] = Json{{"answered", back.scripts_answered},
                          {"said", back.said},
                          {"sent", back.sent},
                          {"kept", back.kept},
                          {"closer", back.closer},
                          {"neutral", back.neutral},
                          {"harder", back.harder}};
    return out;
}

Json half_json(const std::optional<PauseHalf>& half) {
    if (!half)
        return nullptr;
    Json out;
    out["since"] = iso_date(half->span.first);
    out["until"] = iso_date(half->span.last);
    add_pause_keys(out, half->pause);
    return out;
}

Json period_json(const Summary& summary, const SummaryRequest& request) {
    const auto& period = request.period;
    Json out;
    if (period.since)
        out["since"] = bound_text(*period.since, false);
    else
        out["since"] = summary.days ? Json(iso_date(summary.days->first)) : Json(nullptr);
    if (period.until)
        out["until"] = bound_text(*period.until, true);
    else
        out["until"] = summary.days ? Json(iso_date(summary.days->last)) : Json(nullptr);
    out["days"] = summary.days ? Json(summary.days->days()) : Json(nullptr);
    return out;
}

} // namespace

std::string summary_json(const Summary& summary, const SummaryRequest& request) {
    Json out;
    out["period"] = period_json(summary, request);
    out["filters"] =
        Json{{"kind", request.kind ? Json(std::string(to_string(*request.kind))) : Json(nullptr)},
             {"tags", request.tags}};
    out["entries"] = summary.entries;
    out["by_kind"] = kinds_json(summary.by_kind);
    out["incomplete"] = summary.incomplete;
    out["by_hour"] = summary.by_hour;
    out["by_weekday"] = Json::object();
    constexpr std::array<const char*, 7> kWeekdayKeys = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (size_t day = 0; day < kWeekdayKeys.size(); ++day)
        out["by_weekday"][kWeekdayKeys[day]] = summary.by_weekday[day];
    out["pause"] = pause_json(summary.pause);
    out["pause"]["halves"] =
        Json{{"earlier", half_json(summary.earlier)}, {"later", half_json(summary.later)}};
    out["audit"] = audit_json(summary.audit);
    out["script"] = Json{{"count", summary.script.count},
                         {"feelings", names_json(summary.script.feelings)},
                         {"needs", names_json(summary.script.needs)}};
    out["tags"] = names_json(summary.tags);
    out["revisit"] = looking_back_json(summary.looking_back);
    out["weeks"] = Json::array();
    for (const auto& week : summary.weeks)
        out["weeks"].push_back(span_json("week", iso_week_label(week.span.first), week));
    out["months"] = Json::array();
    for (const auto& month : summary.months)
        out["months"].push_back(span_json("month", date::format("%Y-%m", month.span.first), month));
    out["skipped"] = Json::array();
    for (const auto& problem : summary.skipped)
        out["skipped"].push_back(
            Json{{"path", problem.path},
                 {"line", problem.line > 0 ? Json(problem.line) : Json(nullptr)},
                 {"message", problem.message}});
    return dump_json(out) + "\n";
}

} // namespace settle::cli
