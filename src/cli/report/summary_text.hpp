// The summary as text for a person at a terminal: counts and medians in
// sentences and rows, the weeks (or months) as bar charts. Everything from
// an entry or a file name is neutralized for the terminal
// (neutralize_controls). Returns the text; the command prints it.
#pragma once

#include "core/summary.hpp"

#include <optional>
#include <string>

namespace settle::cli {

struct TextStyle {
    int width = 80;      // columns the text may use
    bool unicode = true; // block characters for bars; ASCII otherwise
    bool color = false;  // ANSI styles, only for a terminal
    // At a terminal, its width: the sentences and the rows' values are
    // word-wrapped to it (the charts keep `width`). Pipes and files: none,
    // each line as written.
    std::optional<int> prose_width;
};

std::string summary_text(const Summary& summary, const SummaryRequest& request,
                         const TextStyle& style);

} // namespace settle::cli
