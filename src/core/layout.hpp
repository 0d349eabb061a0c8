// Plain-text layout for the interactive sessions: items wrapped by display
// width, the audit's two columns side by side, and the countdown's clock and
// bar. Pure text in, text out: the command layer decides where it is shown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wrap.hpp"

namespace settle {

// Pads `text` with spaces to exactly `columns` display columns (it must fit).
std::string pad_to_width(std::string_view text, int columns);

// The characters that draw the table and mark items, so a locale that
// cannot show box drawing still gets a readable table.
struct TableGlyphs {
    std::string_view vertical;
    std::string_view horizontal;
    std::string_view cross;
    std::string_view bullet; // followed by a space; one column wide
};
inline constexpr TableGlyphs kUnicodeTable{"│", "─", "┼", "•"};
inline constexpr TableGlyphs kAsciiTable{"|", "-", "+", "-"};

struct TextColumn {
    std::string title;
    std::vector<std::string> items;
};

// Narrower than this, two columns would be too cramped to read, so
// side_by_side stacks them instead.
inline constexpr int kNarrowestSideBySide = 40;

// Lays the two columns out side by side in `width` display columns: titles,
// a rule, then the items as bulleted paragraphs with a hanging indent. Each
// returned line is at most `width` columns, without a newline.
std::vector<std::string> side_by_side(const TextColumn& left, const TextColumn& right, int width,
                                      const TableGlyphs& glyphs);

// Seconds as the countdown shows them: "3:00", "0:07", "12:30".
std::string format_clock(int seconds);

// A bar of `cells` cells, the first `fraction` of them filled.
std::string progress_bar(double fraction, int cells, std::string_view filled,
                         std::string_view empty);

} // namespace settle
