// Markdown to text for a terminal or for print. The Markdown is parsed with
// cmark; the layout is ours: headings, emphasis, lists with a hanging indent
// and quotes with a bar, wrapped by display width so that no line is wider
// than asked, whatever the script (accents, emoji, CJK). Every piece of text
// from a file goes through neutralize_controls: no escape sequence written in
// a content file reaches the terminal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wrap.hpp"

namespace settle {

struct RenderOptions {
    int width = 80;      // no line is wider than this, in display columns
    bool styled = false; // terminal escape codes; false: plain text for pipes and print
};

// Lays `spans` out as one paragraph, breaking at spaces (and inside a word
// only when it is longer than a line). The first line starts with
// `first_prefix`, the others with `rest_prefix` (a hanging indent). Returns
// the lines, each ending with "\n".
std::string wrap_spans(const std::vector<Span>& spans, const RenderOptions& options,
                       std::string_view first_prefix = {}, std::string_view rest_prefix = {});
// The same with styled prefixes (a bold name in a column, say).
std::string wrap_spans(const std::vector<Span>& spans, const RenderOptions& options,
                       const std::vector<Span>& first_prefix, const std::vector<Span>& rest_prefix);

// One entry of a two-column list: `term` (a topic's name, a phone number)
// indented by two, and each of `paragraphs` beside it, wrapped with a
// hanging indent. `widest_term` is the widest term's display width, so that
// the entries line up. When the term column would take more than half the
// width, the paragraphs go under the term instead.
std::string term_and_description(const Span& term, int widest_term,
                                 const std::vector<std::vector<Span>>& paragraphs,
                                 const RenderOptions& options);

// Renders a Markdown document; the result ends with "\n" unless empty.
std::string render_markdown(std::string_view markdown, const RenderOptions& options);

// The document's text as plain lines, one per paragraph, heading, list item
// or code line, unwrapped: what search looks through and shows.
std::vector<std::string> markdown_text_lines(std::string_view markdown);

} // namespace settle
