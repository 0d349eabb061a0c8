// The three faces of a Summary: text for a person at a terminal (with
// charts), Markdown for notes and a therapist, JSON for scripts (its keys
// are a documented contract: docs/summary.md).
#pragma once

#include "core/summary.hpp"

#include <string>

namespace settle::cli {

struct TextStyle {
    int width = 80;      // columns the text may use
    bool unicode = true; // block characters for bars; ASCII otherwise
    bool color = false;  // ANSI styles, only for a terminal
};

std::string summary_json(const Summary& summary, const SummaryRequest& request);
std::string summary_markdown(const Summary& summary, const SummaryRequest& request);
std::string summary_text(const Summary& summary, const SummaryRequest& request,
                         const TextStyle& style);

} // namespace settle::cli
