#include "wrap.hpp"

#include "display.hpp"

#include <algorithm>
#include <utility>

namespace settle {

namespace {

struct Word {
    std::vector<Span> parts;
    int width = 0;
    int spaces_before = 0;   // as written, kept between words on one line
    bool line_break = false; // a hard break, not a word
};

std::vector<Word> split_words(const std::vector<Span>& spans) {
    std::vector<Word> words(1);
    int spaces = 0;
    auto finish = [&] {
        if (!words.back().parts.empty())
            words.emplace_back();
    };
    for (const auto& span : spans) {
        if (span.text == "\n") {
            finish();
            words.back().line_break = true;
            words.emplace_back();
            spaces = 0;
            continue;
        }
        size_t start = 0;
        while (start <= span.text.size()) {
            size_t space = std::min(span.text.find(' ', start), span.text.size());
            if (space > start) {
                auto piece = std::string_view(span.text).substr(start, space - start);
                auto& word = words.back();
                if (word.parts.empty())
                    word.spaces_before = std::exchange(spaces, 0);
                if (!word.parts.empty() && word.parts.back().face == span.face)
                    word.parts.back().text += piece;
                else
                    word.parts.push_back(Span{std::string(piece), span.face});
                word.width += display_width(piece);
            }
            if (space < span.text.size()) {
                finish();
                ++spaces;
            }
            start = space + 1;
        }
    }
    if (words.back().parts.empty() && !words.back().line_break)
        words.pop_back();
    return words;
}

} // namespace

void StyledLine::add(std::string_view text, unsigned face, int columns) {
    if (!spans.empty() && spans.back().face == face)
        spans.back().text += text;
    else
        spans.push_back(Span{std::string(text), face});
    width += columns;
}

void StyledLine::trim_trailing_spaces() {
    while (!spans.empty()) {
        auto& text = spans.back().text;
        while (!text.empty() && text.back() == ' ') {
            text.pop_back();
            --width;
        }
        if (!text.empty())
            break;
        spans.pop_back();
    }
}

namespace {

// The one table of styles: each face's SGR parameter on, and the one that
// turns it off without ending another face around it.
struct FaceCodes {
    Face face;
    std::string_view on;
    std::string_view off;
};
constexpr FaceCodes kFaceCodes[] = {
    {face_bold, "1", "22"},      {face_dim, "2", "22"},     {face_italic, "3", "23"},
    {face_underline, "4", "24"}, {face_inverse, "7", "27"}, {face_code, "36", "39"},
};

} // namespace

std::string sgr(unsigned face) {
    std::string codes;
    for (const auto& entry : kFaceCodes)
        if (face & entry.face)
            codes.append(codes.empty() ? "" : ";").append(entry.on);
    return "\x1b[" + codes + "m";
}

std::string sgr_off(Face face) {
    for (const auto& entry : kFaceCodes)
        if (entry.face == face)
            return "\x1b[" + std::string(entry.off) + "m";
    return std::string(kSgrReset);
}

void append_styled_line(std::string& out, const std::vector<Span>& prefix,
                        const StyledLine& content, bool styled) {
    StyledLine line;
    for (const auto& span : prefix)
        line.add(span.text, span.face, 0);
    for (const auto& span : content.spans)
        line.add(span.text, span.face, 0);
    line.trim_trailing_spaces();
    unsigned current = face_plain;
    for (const auto& span : line.spans) {
        if (styled && span.face != current) {
            if (current != face_plain)
                out += kSgrReset;
            if (span.face != face_plain)
                out += sgr(span.face);
            current = span.face;
        }
        out += span.text;
    }
    if (current != face_plain)
        out += kSgrReset;
    out += '\n';
}

std::vector<StyledLine> wrap_lines(const std::vector<Span>& spans, int first_columns,
                                   int rest_columns) {
    first_columns = std::max(1, first_columns);
    rest_columns = std::max(1, rest_columns);
    std::vector<StyledLine> lines;
    StyledLine current;
    auto columns = [&] {
        return lines.empty() ? first_columns : rest_columns;
    };
    auto flush = [&] {
        current.trim_trailing_spaces();
        lines.push_back(std::move(current));
        current = StyledLine{};
    };
    auto add_word = [&](const Word& word) {
        for (const auto& part : word.parts)
            current.add(part.text, part.face, display_width(part.text));
    };
    for (const auto& word : split_words(spans)) {
        if (word.line_break) {
            flush();
            continue;
        }
        int gap = current.empty() ? 0 : std::max(1, word.spaces_before);
        if (current.width + gap + word.width <= columns()) {
            // The spaces keep the styles both neighbours share, so an
            // underlined heading is underlined from end to end.
            if (gap)
                current.add(std::string(static_cast<size_t>(gap), ' '),
                            current.spans.back().face & word.parts.front().face, gap);
            add_word(word);
            continue;
        }
        if (word.width <= rest_columns && !current.empty()) {
            flush();
            add_word(word);
            continue;
        }
        // Longer than a whole line (a URL, a run of CJK): cut between
        // characters, starting on this line when a fair part of it is free.
        if (!current.empty()) {
            if (columns() - current.width - 1 < columns() / 4)
                flush();
            else
                current.add(" ", face_plain, 1);
        }
        for (const auto& part : word.parts) {
            for (auto cluster : grapheme_clusters(part.text)) {
                int width = display_width(cluster);
                if (current.width + width > columns() && !current.empty())
                    flush();
                current.add(cluster, part.face, width);
            }
        }
    }
    if (!current.empty())
        flush();
    return lines;
}

std::vector<std::string> wrap_to_width(std::string_view text, int columns) {
    std::vector<std::string> out;
    for (const auto& line : wrap_lines({Span{std::string(text), face_plain}}, columns, columns)) {
        std::string plain;
        for (const auto& span : line.spans)
            plain += span.text;
        out.push_back(std::move(plain));
    }
    if (out.empty())
        out.emplace_back();
    return out;
}

} // namespace settle
