// The summary as Markdown, without the binary: its tables, empty periods,
// numbers, and words from entries that cannot break a table or add markup.
#include "cli/reading.hpp"
#include "cli/report/summary_markdown.hpp"
#include "summary_samples.hpp"

#include <catch2/catch.hpp>

using namespace settle;
using namespace settle::cli;
using namespace settle::testing;

namespace {

// The cells of a table row: split at each pipe that no backslash escapes.
std::vector<std::string> cells_of(const std::string& row) {
    std::vector<std::string> cells;
    std::string cell;
    bool open = false;
    for (size_t i = 0; i < row.size(); ++i) {
        if (row[i] == '\\' && i + 1 < row.size()) {
            cell += row.substr(i, 2);
            ++i;
        } else if (row[i] == '|') {
            if (open)
                cells.push_back(cell.size() >= 2 ? cell.substr(1, cell.size() - 2) : cell);
            open = true;
            cell.clear();
        } else {
            cell += row[i];
        }
    }
    return cells;
}

// Every table in `markdown` has as many cells in each row as in its header.
void check_tables(const std::string& markdown) {
    size_t columns = 0;
    for (const auto& line : lines_of(markdown)) {
        INFO(line);
        if (!line.starts_with("|")) {
            columns = 0;
            continue;
        }
        CHECK(line.ends_with("|"));
        auto cells = cells_of(line);
        if (columns == 0)
            columns = cells.size();
        CHECK(cells.size() == columns);
    }
}

} // namespace

TEST_CASE("markdown: an empty period is a heading and a sentence") {
    auto request = request_for(kMonday, kSunday);
    CHECK(summary_markdown(summary_of(request, {}), request) ==
          "# Summary: 2026-11-16 to 2026-11-22\n\n"
          "No entries in this period.\n\n"
          "Medians are over entries rated both before and after; a dash means there was "
          "nothing to take a median of.\n");
    CHECK(summary_markdown(Summary{}, SummaryRequest{}).starts_with("# Summary\n\nNo entries"));
}

TEST_CASE("markdown: the tables and their numbers") {
    auto request = request_for(kMonday, kSunday);
    auto md = summary_markdown(summary_of(request, november_week()), request);
    check_tables(md);
    CHECK(md.starts_with("# Summary: 2026-11-16 to 2026-11-22\n\n"
                         "7 days · 4 entries: 2 pauses, 1 audit, 1 script · 0 incomplete\n\n"
                         "## Pauses\n\n"
                         "|  | whole period | earlier half (2026-11-16 to 2026-11-18) | "
                         "later half (2026-11-19 to 2026-11-22) |\n"
                         "|:--|--:|--:|--:|\n"
                         "| pauses | 2 | 1 | 1 |\n"
                         "| rated before and after | 2 | 1 | 1 |\n"
                         "| median urge before | 7.5 | 8 | 7 |\n"
                         "| median urge after | 4 | 3 | 5 |\n"
                         "| median change | −3.5 | −5 | −2 |\n"
                         "| waited | 1 | 1 | 0 |\n"
                         "| reached out | 1 | 0 | 1 |\n"
                         "| undecided | 0 | 0 | 0 |\n\n"));
    CHECK(contains(md, "| known for each prediction | 2.0 |\n"));
    CHECK(contains(md, "| median change | −4 |\n"));
    CHECK(contains(md, "## Scripts\n\n1 script.\n\n| feeling | times |\n|:--|--:|\n"
                       "| lonely | 1 |\n"));
    CHECK(contains(md, "## Tags\n\n| tag | times |\n|:--|--:|\n| work | 2 |\n"));
    // The week table: eleven columns, the dates of each week, a dash for a
    // median of nothing.
    CHECK(contains(md,
                   "## Week by week\n\n| week | from | to | entries | pauses | audits | "
                   "scripts | median urge before | median urge after | median anxiety "
                   "before | median anxiety after |\n"
                   "|:--|:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|\n"
                   "| 2026-W47 | 2026-11-16 | 2026-11-22 | 4 | 2 | 1 | 1 | 7.5 | 4 | 6 | 2 |\n"));
    CHECK_FALSE(contains(md, "## Looking back"));
    CHECK_FALSE(contains(md, "## Files left out"));
}

TEST_CASE("markdown: a rise is signed, a missing median is a dash, never zero") {
    auto request = request_for(kMonday, kSunday);
    auto md = summary_markdown(
        summary_of(request, {pause_entry("2026-11-17T10:00:00-07:00", 3, 6),
                             pause_entry("2026-11-20T10:00:00-07:00", 5, std::nullopt)}),
        request);
    CHECK(contains(md, "| median change | +3 | +3 | – |\n"));
    CHECK(contains(md, "| rated before and after | 1 | 1 | 0 |\n"));
    CHECK(contains(md, "| median urge after | 6 | 6 | – |\n"));
}

TEST_CASE("markdown: months for a long period, an empty run as one row") {
    auto request = request_for(calendar_day(2024, 1, 1), calendar_day(2026, 11, 30));
    auto md =
        summary_markdown(summary_of(request, {pause_entry("2024-01-10T10:00:00-07:00", 9, 4),
                                              pause_entry("2026-11-10T10:00:00-07:00", 5, 5)}),
                         request);
    check_tables(md);
    CHECK(contains(md, "## Month by month\n"));
    CHECK(contains(md, "| Jan 2024 | 2024-01-01 | 2024-01-31 | 1 | 1 | 0 | 0 | 9 | 4 | – | – |\n"
                       "| … 33 months with no entries … | 2024-02-01 | 2026-10-31 | 0 | 0 | 0 | "
                       "0 | – | – | – | – |\n"
                       "| Nov 2026 | 2026-11-01 | 2026-11-30 | 1 | 1 | 0 | 0 | 5 | 5 | – | – |\n"));
}

TEST_CASE("markdown: words from entries stay words: no broken table, no markup, no HTML") {
    auto request = request_for(kMonday, kSunday);
    request.tags = {"a|b"};
    auto hostile =
        script_entry("2026-11-18T09:00:00-07:00", "pipe | back`tick` *star* _u_",
                     "<script>alert(1)</script> [link](javascript:x) \033[31m# h", {"a|b"});
    auto summary = summary_of(request, {hostile});
    summary.skipped.push_back(Error("not | valid <b>", "2026/11/x|`<i>.md", 2));
    auto md = summary_markdown(summary, request);
    INFO(md);
    check_tables(md);
    CHECK(contains(md, "Counting only entries tagged \\#a\\|b.\n"));
    CHECK(contains(md, "| pipe \\| back\\`tick\\` \\*star\\* \\_u\\_ | 1 |\n"));
    CHECK(contains(md, "| \\<script\\>alert(1)\\</script\\> \\[link\\](javascript:x) "
                       "^\\[\\[31m\\# h | 1 |\n"));
    CHECK(contains(md, "| a\\|b | 1 |\n"));
    CHECK(contains(md, "- 2026/11/x\\|\\`\\<i\\>.md:2: not \\| valid \\<b\\>\n"));
    // No raw control character, and every < from an entry is escaped.
    CHECK(md.find('\033') == std::string::npos);
    for (size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1))
        CHECK(md[at - 1] == '\\');
}

TEST_CASE("markdown: a cell's text escapes what Markdown would act on") {
    CHECK(markdown_text("plain words") == "plain words");
    CHECK(markdown_text("a|b`c*d_e[f]g<h>i#j~k\\l") ==
          "a\\|b\\`c\\*d\\_e\\[f\\]g\\<h\\>i\\#j\\~k\\\\l");
    CHECK(markdown_text("tab\there\nline") == "tab here line");
    CHECK(markdown_text("\u202Eevil") == "\\<U+202E\\>evil");
    CHECK(markdown_row({"a", "b"}) == "| a | b |\n");
    CHECK(markdown_row({}) == "|\n");
}
