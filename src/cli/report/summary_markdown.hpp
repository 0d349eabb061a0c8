// The summary as Markdown, for notes and for a therapist: a heading, the
// counts in a line, then a table per kind of exercise and one per week (or
// month). Every word from an entry is escaped for Markdown (markdown_text).
#pragma once

#include "core/summary.hpp"

#include <string>

namespace settle::cli {

std::string summary_markdown(const Summary& summary, const SummaryRequest& request);

} // namespace settle::cli
