// The one word wrapper. Every screen and page settle lays out (the guided
// sessions, the menu, `read`, `crisis`, the summary's prose, edit's
// messages, the audit's columns) breaks its lines here, by display width
// (utf8proc: wide CJK and emoji take two columns, an accent stays with its
// letter), so that no word is ever cut where a whole word would fit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace settle {

// How a run of text looks when styled; combined as bits.
enum Face : unsigned {
    face_plain = 0,
    face_bold = 1u << 0,
    face_italic = 1u << 1,
    face_underline = 1u << 2,
    face_dim = 1u << 3,
    face_code = 1u << 4, // cyan: commands to type, and the sessions' accent
    face_inverse = 1u << 5,
};

struct Span {
    std::string text; // "\n" alone forces a line break
    unsigned face = face_plain;
};

// One laid-out line: its runs and the columns they take.
struct StyledLine {
    std::vector<Span> spans;
    int width = 0;

    bool empty() const { return spans.empty(); }
    // Appends `text`, which takes `columns` display columns.
    void add(std::string_view text, unsigned face, int columns);
    void trim_trailing_spaces();
};

// Breaks `spans` into lines of at most `first_columns` (the first line) and
// `rest_columns` (the others) display columns, between words. A run of
// spaces between two words on one line is kept as written; the spaces at a
// break are dropped. A word is cut between characters (never inside one)
// only when it is longer than a whole line.
std::vector<StyledLine> wrap_lines(const std::vector<Span>& spans, int first_columns,
                                   int rest_columns);

// Appends `prefix` and `content` as one line ending with "\n". When
// `styled`, styles switch only where the face changes and are reset before
// the newline, so a pager or a cut line never bleeds style; otherwise the
// text is plain.
void append_styled_line(std::string& out, const std::vector<Span>& prefix,
                        const StyledLine& content, bool styled);

// The escape sequence that turns `face` on (not for face_plain): the one
// table of styles, which the command layer's styles (cli/terminal/styles)
// draw from too.
std::string sgr(unsigned face);
// The sequence that turns one face off and leaves any other on.
std::string sgr_off(Face face);
// Ends every face at once.
inline constexpr std::string_view kSgrReset = "\x1b[0m";

// Plain text broken into lines of at most `columns` display columns, as
// wrap_lines does. An empty text gives one empty line.
std::vector<std::string> wrap_to_width(std::string_view text, int columns);

} // namespace settle
