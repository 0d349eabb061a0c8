// settle read --format html: the topics as a printable booklet, the crisis
// page first, then a contents list, the topics in reading order, and the
// works they draw on.
#pragma once

#include "cli/report/html_page.hpp"
#include "core/content.hpp"
#include "core/settings.hpp"

#include <string>
#include <vector>

namespace settle::cli {

// `topics` in reading order; the one named "safety" (the crisis page) is
// moved to the front. `own_lines` are the crisis lines the person listed
// in their config file, shown at the very top.
std::string booklet_html(const std::vector<Topic>& topics, const std::vector<CrisisLine>& own_lines,
                         Paper paper = Paper::any);

} // namespace settle::cli
