// The summary as JSON, without the binary: the documented keys
// (docs/summary.md), numbers and nulls, and words kept exactly, with every
// control character escaped.
#include "cli/report/summary_json.hpp"
#include "summary_samples.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace settle;
using namespace settle::cli;
using namespace settle::testing;
using nlohmann::json;

namespace {

json parsed(const Summary& summary, const SummaryRequest& request) {
    auto text = summary_json(summary, request);
    REQUIRE(text.ends_with("}\n"));
    return json::parse(text);
}

} // namespace

TEST_CASE("json: an empty period has every key, zero counts and null medians") {
    auto request = request_for(kMonday, kSunday);
    auto out = parsed(summary_of(request, {}), request);
    CHECK(out["period"] == json{{"since", "2026-11-16"}, {"until", "2026-11-22"}, {"days", 7}});
    CHECK(out["filters"] == json{{"kind", nullptr}, {"tags", json::array()}});
    CHECK(out["entries"] == 0);
    CHECK(out["pause"]["count"] == 0);
    CHECK(out["pause"]["urge_before_median"].is_null());
    CHECK(out["pause"]["halves"]["earlier"]["count"] == 0);
    CHECK(out["audit"]["known_per_predicted"].is_null());
    CHECK(out["revisit"]["answered"]["came_true_share"].is_null());
    CHECK(out["by_hour"] == json(std::vector<int>(24, 0)));
    CHECK(out["by_weekday"].size() == 7);
    CHECK(out["weeks"].size() == 1);
    CHECK(out["skipped"] == json::array());

    // An empty journal: no dates at all.
    auto none = parsed(Summary{}, SummaryRequest{});
    CHECK(none["period"] == json{{"since", nullptr}, {"until", nullptr}, {"days", nullptr}});
    CHECK(none["pause"]["halves"] == json{{"earlier", nullptr}, {"later", nullptr}});
}

TEST_CASE("json: counts, medians, halves, weeks and months") {
    auto request = request_for(kMonday, kSunday);
    request.kind = std::nullopt;
    auto out = parsed(summary_of(request, november_week()), request);
    CHECK(out["entries"] == 4);
    CHECK(out["by_kind"] == json{{"audit", 1}, {"script", 1}, {"pause", 2}});
    CHECK(out["pause"]["urge_before_median"] == 7.5);
    CHECK(out["pause"]["urge_after_median"] == 4);
    CHECK(out["pause"]["urge_change_median"] == -3.5);
    CHECK(out["pause"]["waited"] == 1);
    CHECK(out["pause"]["reached_out"] == 1);
    CHECK(out["pause"]["halves"]["earlier"]["since"] == "2026-11-16");
    CHECK(out["pause"]["halves"]["earlier"]["until"] == "2026-11-18");
    CHECK(out["pause"]["halves"]["later"]["since"] == "2026-11-19");
    CHECK(out["pause"]["halves"]["later"]["urge_before_median"] == 7);
    CHECK(out["audit"]["known"] == 2);
    CHECK(out["audit"]["predicted"] == 1);
    CHECK(out["audit"]["known_per_predicted"] == 2.0);
    CHECK(out["audit"]["anxiety_change_median"] == -4);
    CHECK(out["script"]["feelings"] == json::array({{{"name", "lonely"}, {"count", 1}}}));
    CHECK(out["tags"] == json::array({{{"name", "work"}, {"count", 2}}}));
    // 21:10 on a Monday, 07:30 on a Thursday, noon on Friday, 18:00 on Sunday.
    CHECK(out["by_hour"][21] == 1);
    CHECK(out["by_hour"][7] == 1);
    CHECK(out["by_weekday"] == json{{"monday", 1},
                                    {"tuesday", 0},
                                    {"wednesday", 0},
                                    {"thursday", 1},
                                    {"friday", 1},
                                    {"saturday", 0},
                                    {"sunday", 1}});
    REQUIRE(out["weeks"].size() == 1);
    CHECK(out["weeks"][0]["week"] == "2026-W47");
    CHECK(out["weeks"][0]["entries"] == 4);
    CHECK(out["weeks"][0]["pause"]["urge_before_median"] == 7.5);
    REQUIRE(out["months"].size() == 1);
    CHECK(out["months"][0]["month"] == "2026-11");
    // A month row covers its whole month.
    CHECK(out["months"][0]["since"] == "2026-11-01");
    CHECK(out["months"][0]["until"] == "2026-11-30");
}

TEST_CASE("json: a ratio to two decimals, a bound that is not a whole day with its time") {
    auto request = request_for(kMonday, kSunday);
    request.period.since = *request.period.since + std::chrono::hours{8} + std::chrono::minutes{30};
    auto out = parsed(summary_of(request, {audit_entry("2026-11-20T12:00:00-07:00",
                                                       {"a", "b", "c", "d"}, {"x", "y", "z"})}),
                      request);
    CHECK(out["period"]["since"] == "2026-11-16T08:30:00");
    CHECK(out["period"]["until"] == "2026-11-22");
    CHECK(out["audit"]["known_per_predicted"] == 1.33);
}

TEST_CASE("json: a long quiet run is one object that says how many weeks") {
    auto request = request_for(calendar_day(2025, 1, 6), calendar_day(2026, 11, 22));
    auto out = parsed(summary_of(request, {pause_entry("2025-01-07T10:00:00-07:00", 9, 4),
                                           pause_entry("2026-11-17T10:00:00-07:00", 5, 5)}),
                      request);
    REQUIRE(out["weeks"].size() == 3);
    CHECK(out["weeks"][0]["week"] == "2025-W02");
    CHECK(out["weeks"][1] == json{{"empty_weeks", 96},
                                  {"since", "2025-01-13"},
                                  {"until", "2026-11-15"},
                                  {"entries", 0}});
    CHECK(out["weeks"][2]["week"] == "2026-W47");
    CHECK(out["months"][1]["empty_months"] == 21);
}

TEST_CASE("json: words are kept exactly, control characters escaped") {
    auto request = request_for(kMonday, kSunday);
    request.kind = Kind::script;
    std::string feeling = "bell\a esc\033[2j nul-free \x01\x1f del\x7f \u202E \"quoted\" \\";
    request.tags = {"t\"\n"};
    auto summary = summary_of(
        request, {script_entry("2026-11-18T09:00:00-07:00", feeling, "<b>need</b>", {"t\"\n"})});
    summary.skipped.push_back(Error("bad\tvalue", "2026/11/x\033.md", 0));
    auto text = summary_json(summary, request);
    // Nothing below U+0020 but the newlines between keys.
    for (unsigned char c : text)
        if (c != '\n')
            CHECK(c >= 0x20);
    CHECK(contains(text, "bell\\u0007 esc\\u001b[2j nul-free \\u0001\\u001f"));
    auto out = json::parse(text);
    CHECK(out["filters"] == json{{"kind", "script"}, {"tags", {"t\"\n"}}});
    CHECK(out["script"]["feelings"][0]["name"] == feeling);
    CHECK(out["script"]["needs"][0]["name"] == "<b>need</b>");
    CHECK(out["tags"][0]["name"] == "t\"\n");
    CHECK(out["skipped"] ==
          json::array(
              {{{"path", "2026/11/x\033.md"}, {"line", nullptr}, {"message", "bad\tvalue"}}}));
}
