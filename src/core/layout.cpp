#include "layout.hpp"

#include "display.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace settle {

namespace {

// The lines of one item: a bullet on the first, an indent on the rest.
std::vector<std::string> bulleted(std::string_view item, int width, std::string_view bullet) {
    auto lines = wrap_to_width(item, std::max(1, width - 2));
    for (size_t i = 0; i < lines.size(); ++i)
        lines[i] = (i == 0 ? std::string(bullet) + " " : std::string("  ")) + lines[i];
    return lines;
}

std::vector<std::string> column_body(const TextColumn& column, int width,
                                     const TableGlyphs& glyphs) {
    std::vector<std::string> lines;
    for (const auto& item : column.items) {
        auto item_lines = bulleted(item, width, glyphs.bullet);
        lines.insert(lines.end(), item_lines.begin(), item_lines.end());
    }
    return lines;
}

std::string repeat(std::string_view piece, int times) {
    std::string out;
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

std::vector<std::string> stacked(const TextColumn& left, const TextColumn& right, int width,
                                 const TableGlyphs& glyphs) {
    std::vector<std::string> lines;
    for (const auto* column : {&left, &right}) {
        if (column == &right)
            lines.emplace_back();
        for (auto& line : wrap_to_width(column->title, width))
            lines.push_back(std::move(line));
        lines.push_back(repeat(glyphs.horizontal, std::min(width, display_width(column->title))));
        for (auto& line : column_body(*column, width, glyphs))
            lines.push_back(std::move(line));
    }
    return lines;
}

} // namespace

std::string pad_to_width(std::string_view text, int columns) {
    return std::string(text) +
           std::string(static_cast<size_t>(std::max(0, columns - display_width(text))), ' ');
}

std::vector<std::string> side_by_side(const TextColumn& left, const TextColumn& right, int width,
                                      const TableGlyphs& glyphs) {
    if (width < kNarrowestSideBySide)
        return stacked(left, right, width, glyphs);
    // " │ " between the columns; the left column gets the odd column.
    const int left_width = (width - 3 + 1) / 2;
    const int right_width = width - 3 - left_width;
    auto divider = fmt::format(" {} ", glyphs.vertical);

    std::vector<std::string> lines;
    auto add_row = [&](const std::string& a, const std::string& b) {
        auto row = pad_to_width(a, left_width) + divider + b;
        // Trailing spaces would only make a copied table ragged.
        while (!row.empty() && row.back() == ' ')
            row.pop_back();
        lines.push_back(std::move(row));
    };
    auto left_title = wrap_to_width(left.title, left_width);
    auto right_title = wrap_to_width(right.title, right_width);
    for (size_t i = 0; i < std::max(left_title.size(), right_title.size()); ++i)
        add_row(i < left_title.size() ? left_title[i] : "",
                i < right_title.size() ? right_title[i] : "");
    lines.push_back(repeat(glyphs.horizontal, left_width + 1) + std::string(glyphs.cross) +
                    repeat(glyphs.horizontal, right_width + 1));
    auto left_body = column_body(left, left_width, glyphs);
    auto right_body = column_body(right, right_width, glyphs);
    for (size_t i = 0; i < std::max(left_body.size(), right_body.size()); ++i)
        add_row(i < left_body.size() ? left_body[i] : "",
                i < right_body.size() ? right_body[i] : "");
    return lines;
}

std::string format_clock(int seconds) {
    seconds = std::max(0, seconds);
    return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

std::string progress_bar(double fraction, int cells, std::string_view filled,
                         std::string_view empty) {
    int full = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * cells));
    return repeat(filled, full) + repeat(empty, cells - full);
}

} // namespace settle
