// The summary as text for a terminal, without the binary: rows and columns,
// empty periods, numbers, ASCII and colour, and hostile words kept from
// acting on the terminal.
#include "cli/report/summary_text.hpp"
#include "core/display.hpp"
#include "summary_samples.hpp"

#include <catch2/catch.hpp>

using namespace settle;
using namespace settle::cli;
using namespace settle::testing;

namespace {

std::string week_text(const TextStyle& style = {}) {
    auto request = request_for(kMonday, kSunday);
    return summary_text(summary_of(request, november_week()), request, style);
}

// The line that starts with `start` (after any indent), or "".
std::string line_starting(const std::string& text, std::string_view start) {
    for (const auto& line : lines_of(text)) {
        auto first = line.find_first_not_of(' ');
        if (first != std::string::npos && std::string_view(line).substr(first).starts_with(start))
            return line;
    }
    return "";
}

} // namespace

TEST_CASE("text: an empty journal and an empty period say so in a sentence") {
    CHECK(summary_text(Summary{}, SummaryRequest{}, {}) == "Summary\n\nNo entries yet.\n\n");

    auto request = request_for(kMonday, kSunday);
    CHECK(summary_text(summary_of(request, {}), request, {}) ==
          "Summary: 16 Nov – 22 Nov 2026 (7 days)\n\nNo entries in this period.\n\n");
    // A period reaching into another year names both years.
    auto winter = request_for(calendar_day(2025, 12, 29), calendar_day(2026, 1, 4));
    CHECK(summary_text(summary_of(winter, {}), winter, {})
              .starts_with("Summary: 29 Dec 2025 – 4 Jan 2026 (7 days)\n"));
}

TEST_CASE("text: counts, medians and the halves of the period") {
    auto text = week_text();
    CHECK(text.starts_with("Summary: 16 Nov – 22 Nov 2026 (7 days)\n\n"
                           "4 entries: 2 pauses · 1 audit · 1 script\n\n"
                           "Pauses: 2\n"
                           "  Urge, median of 2       7.5 before, 4 after (change −3.5)\n"
                           "  Then                    waited 1 · reached out 1 · undecided 0\n"));
    // The earlier half is three days, the later four (it takes the middle day).
    CHECK(contains(text, "                          earlier half           later half\n"
                         "                          16 Nov – 18 Nov 2026   19 Nov – 22 Nov 2026\n"
                         "  pauses                  1                      1\n"
                         "  urge before → after     8 → 3                  7 → 5\n"
                         "  change                  −5                     −2\n"
                         "  waited                  1                      0\n"
                         "  reached out             0                      1\n"));
    CHECK(contains(text, "Audits: 1\n"
                         "  Things known            2\n"
                         "  Predictions             1 (2.0 known for each prediction)\n"
                         "  Anxiety, median of 1    6 before, 2 after (change −4)\n"));
    CHECK(contains(text, "Scripts: 1\n"
                         "  Feelings named          lonely 1\n"
                         "  Needs named             reassurance 1\n"));
    CHECK(contains(text, "Tags\n  Most used               work 2\n"));
    // Nothing looked back on yet: no such section.
    CHECK_FALSE(contains(text, "Looking back"));
}

TEST_CASE("text: a section with nothing in it says none, a --kind leaves the others out") {
    auto request = request_for(kMonday, kSunday);
    auto pauses_only =
        summary_of(request, {pause_entry("2026-11-17T10:00:00-07:00", 6, std::nullopt)});
    auto text = summary_text(pauses_only, request, {});
    CHECK(contains(text, "1 entry: 1 pause · 0 audits · 0 scripts\n"));
    CHECK(contains(text, "Audits: 0\n  None in this period.\n"));
    CHECK(contains(text, "Scripts: 0\n  None in this period.\n"));
    // Rated before only: no median row, not a median of zero.
    CHECK_FALSE(contains(text, "Urge, median"));

    request.kind = Kind::pause;
    auto kind_text = summary_text(summary_of(request, november_week()), request, {});
    CHECK(contains(kind_text, "Counting only pauses.\n"));
    CHECK(contains(kind_text, "\n2 entries\n")); // every one a pause: no breakdown
    CHECK_FALSE(contains(kind_text, "Audits:"));
    CHECK_FALSE(contains(kind_text, "Scripts:"));
}

TEST_CASE("text: the week table's columns line up and each row is one week") {
    auto text = week_text({80, true, false});
    auto header = line_starting(text, "week ");
    REQUIRE_FALSE(header.empty());
    auto row = line_starting(text, "2026-W47");
    REQUIRE_FALSE(row.empty());
    CHECK(row.starts_with("  2026-W47  16 Nov    4 █"));
    // Each column's numbers sit under its heading: the entries count ends
    // where "entries" begins plus its width, the medians start under
    // "urge before" and "urge after" (counted in columns, not bytes).
    auto column_of = [](const std::string& line, std::string_view part) {
        auto at = line.find(part);
        REQUIRE(at != std::string::npos);
        return display_width(std::string_view(line).substr(0, at));
    };
    int before_column = column_of(header, "urge before");
    int after_column = column_of(header, "urge after");
    // The count, right-aligned, under the start of "entries".
    CHECK(column_of(header, "entries") == 20);
    CHECK(column_of(row, "   4 ") == 19);
    // The urge cells: a bar of one cell per point, then the median at the
    // eleventh column of the cell.
    CHECK(column_of(row, " 7.5") + 1 == before_column + 11);
    CHECK(display_width(row) == after_column + 11 + 1); // "4" ends the row
}

TEST_CASE("text: no line is wider than the width asked for") {
    for (int width : {60, 80, 120, 160}) {
        for (bool unicode : {true, false}) {
            auto text = week_text({width, unicode, false});
            for (const auto& line : lines_of(text)) {
                INFO("width " << width << (unicode ? " unicode: " : " ascii: ") << line);
                CHECK(display_width(line) <= width);
            }
        }
    }
    // At 60 columns the halves' dates lose the year the first line gives.
    CHECK(contains(week_text({60, true, false}),
                   "                          earlier half      later half\n"
                   "                          16 Nov – 18 Nov   19 Nov – 22 Nov\n"));
    // Halves in different years: each range on a row of its own instead.
    auto request = request_for(calendar_day(2024, 11, 1), calendar_day(2026, 10, 31));
    auto years = summary_text(summary_of(request, {pause_entry("2025-01-10T10:00:00-07:00", 9, 4),
                                                   pause_entry("2026-02-10T10:00:00-07:00", 5, 5)}),
                              request, {60, true, false});
    CHECK(contains(years, "  earlier half            1 Nov 2024 – 31 Oct 2025\n"
                          "  later half              1 Nov 2025 – 31 Oct 2026\n"
                          "                          earlier half    later half\n"
                          "  pauses                  1               1\n"));
    for (const auto& line : lines_of(years))
        CHECK(display_width(line) <= 60);

    // The bar of the busiest week grows with the width.
    auto bar_of = [](const std::string& text) {
        auto row = line_starting(text, "2026-W47");
        return std::count(row.begin(), row.end(), '#');
    };
    CHECK(bar_of(week_text({120, false, false})) > bar_of(week_text({60, false, false})));
}

TEST_CASE("text: ASCII where the terminal cannot show more, colour only when asked") {
    auto ascii = week_text({80, false, false});
    for (unsigned char c : ascii)
        CHECK(c < 0x80);
    CHECK(contains(ascii, "7.5 before, 4 after (change -3.5)"));
    CHECK(contains(ascii, "waited 1, reached out 1, undecided 0"));
    CHECK(contains(ascii, "urge before -> after"));
    CHECK(contains(ascii, "16 Nov - 18 Nov 2026"));
    CHECK(line_starting(ascii, "2026-W47").find('#') != std::string::npos);

    auto plain = week_text({80, true, false});
    CHECK(plain.find('\033') == std::string::npos);
    auto colour = week_text({80, true, true});
    CHECK(colour.starts_with("\033[1mSummary: 16 Nov – 22 Nov 2026\033[22m (7 days)\n"));
    CHECK(contains(colour, "\033[1mPauses: 2\033[22m\n"));
    // Styles never count as width: the colour text's columns match the plain.
    auto strip = [](std::string text) {
        std::string out;
        for (size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\033') {
                i = text.find('m', i);
                continue;
            }
            out += text[i];
        }
        return out;
    };
    CHECK(strip(colour) == plain);
}

TEST_CASE("text: a long journal shows months, a long run of empty months as one row") {
    auto request = request_for(calendar_day(2023, 1, 1), calendar_day(2026, 11, 30));
    // Every month of 2023 to June 2024, none from July 2024 to September
    // 2025 (15 months), every month again from October 2025.
    std::vector<Entry> entries;
    for (Day month = calendar_day(2023, 1, 10); month <= calendar_day(2026, 11, 10);
         month = Day{date::year_month_day{month} + date::months{1}}) {
        if (month > calendar_day(2024, 6, 30) && month < calendar_day(2025, 10, 1))
            continue;
        entries.push_back(pause_entry(date::format("%FT10:00:00-07:00", month), 6, 4));
    }
    auto text = summary_text(summary_of(request, entries), request, {});
    CHECK(contains(text, "Month by month\n"));
    CHECK_FALSE(contains(text, "Week by week"));
    // 33 rows: the text shows the last 24 and says where the rest are.
    CHECK(contains(text, "  (9 earlier months are in --format markdown or json)\n"));
    CHECK_FALSE(contains(text, "Sep 2023"));
    CHECK(line_starting(text, "Oct 2023").starts_with("  Oct 2023            1 "));
    CHECK(contains(text, "  Jun 2024            1 "));
    CHECK(contains(text, "\n  … 15 months with no entries …\n  Oct 2025            1 "));
    CHECK(contains(text, "  Nov 2026            1 "));
    auto ascii = summary_text(summary_of(request, entries), request, {80, false, false});
    CHECK(contains(ascii, "\n  ... 15 months with no entries ...\n"));
}

TEST_CASE("text: words from entries cannot act on the terminal or turn the line around") {
    auto request = request_for(kMonday, kSunday);
    request.tags = {"t\u202Eg"};
    auto hostile = script_entry("2026-11-18T09:00:00-07:00", "red \033[31mink\033]0;title\a",
                                "ok\u200B\u2066x\u2069", {"t\u202Eg"});
    auto summary = summary_of(request, {hostile});
    summary.skipped.push_back(Error("bad\033[2J\u202Efile", "2026/11/x\033[1m.md", 3));
    auto text = summary_text(summary, request, {});
    INFO(text);
    CHECK(text.find('\033') == std::string::npos);
    CHECK(text.find('\a') == std::string::npos);
    for (std::string_view invisible : {"\u202E", "\u200B", "\u2066", "\u2069"})
        CHECK(text.find(invisible) == std::string::npos);
    CHECK(contains(text, "Counting only entries tagged #t<U+202E>g.\n"));
    CHECK(contains(text, "red ^[[31mink^[]0;title^G 1"));
    CHECK(contains(text, "ok<U+200B><U+2066>x<U+2069> 1"));
    CHECK(contains(text, "Most used               t<U+202E>g 1\n"));
    CHECK(contains(text, "1 file could not be read and is left out\n"));
    CHECK(contains(text, "  2026/11/x^[[1m.md:3: bad^[[2J<U+202E>file\n"));
}

TEST_CASE("text: how predictions turned out, wrapped under its column when long") {
    auto request = request_for(kMonday, kSunday);
    auto looked_back = [](int count, PredictionOutcome outcome) {
        std::vector<Entry> entries;
        for (int i = 0; i < count; ++i) {
            auto audit = audit_entry("2026-11-18T09:00:00-07:00", {}, {"fear"});
            audit.revisit = Revisit{audit.created, {{1, outcome}}, {}, {}, ""};
            entries.push_back(audit);
        }
        return entries;
    };
    auto entries = looked_back(1, PredictionOutcome::happened);
    auto didnt = looked_back(3, PredictionOutcome::didnt);
    entries.insert(entries.end(), didnt.begin(), didnt.end());
    entries.push_back(audit_entry("2026-11-19T09:00:00-07:00", {}, {"a", "b"}));
    auto text = summary_text(summary_of(request, entries), request, {});
    CHECK(contains(text, "Looking back\n"
                         "  Predictions             1 of 4 answered came true (25%)\n"
                         "                          happened 1 · partly 0 · didn't 3 · not yet "
                         "looked at 2\n"));

    std::vector<Entry> many;
    for (auto outcome :
         {PredictionOutcome::happened, PredictionOutcome::partly, PredictionOutcome::didnt}) {
        auto some = looked_back(100, outcome);
        many.insert(many.end(), some.begin(), some.end());
    }
    many.push_back(
        audit_entry("2026-11-19T09:00:00-07:00", {}, std::vector<std::string>(1000, "x")));
    auto long_text = summary_text(summary_of(request, many), request, {});
    CHECK(contains(long_text, "                          happened 100 · partly 100 · didn't 100 ·\n"
                              "                          not yet looked at 1000\n"));
    for (const auto& line : lines_of(long_text))
        CHECK(display_width(line) <= 80);
}

TEST_CASE("text: a long name is cut, a long list wraps under its column") {
    auto request = request_for(kMonday, kSunday);
    std::vector<Entry> entries;
    const char* feelings[] = {"anxious", "lonely", "restless", "hurt", "ashamed", "hopeful"};
    for (int i = 0; i < 6; ++i)
        entries.push_back(
            script_entry("2026-11-18T09:00:00-07:00", feelings[i], std::string(40, char('a' + i))));
    auto text = summary_text(summary_of(request, entries), request, {60, true, false});
    // Names longer than 30 columns end in an ellipsis.
    CHECK(contains(text, "  Needs named             " + std::string(29, 'a') + "… 1 ·\n"));
    for (const auto& line : lines_of(text))
        CHECK(display_width(line) <= 60);
    // A continuation line starts under the values, not under the labels.
    auto feelings_row = text.find("  Feelings named          ");
    REQUIRE(feelings_row != std::string::npos);
    auto next = text.substr(text.find('\n', feelings_row) + 1);
    CHECK(next.starts_with(std::string(26, ' ')));
}
