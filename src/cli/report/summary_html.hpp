// The summary as one printable HTML page: charts drawn in inline SVG, each
// with its numbers in a table, and the person's own words only where they
// asked for them (--include).
#pragma once

#include "cli/report/html_page.hpp"
#include "core/entry.hpp"
#include "core/summary.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace settle::cli {

// What of the person's own writing goes into the page. None by default.
struct HtmlIncludes {
    bool predictions = false; // audits' predictions and how they turned out
    bool scripts = false;     // scripts' sentences; the most named feelings and needs
    bool notes = false;       // the notes under entries and written when looking back
    bool tags = false;        // tag names
    bool any() const { return predictions || scripts || notes || tags; }
};

// From --include's words: predictions, scripts, notes, tags, all.
HtmlIncludes parse_includes(const std::vector<std::string>& names); // throws UsageError

// `entries` are those the summary counted, oldest first; only read for what
// `includes` asks.
std::string summary_html(const Summary& summary, const SummaryRequest& request,
                         const HtmlIncludes& includes, const std::vector<Entry>& entries,
                         Paper paper = Paper::any);

} // namespace settle::cli
