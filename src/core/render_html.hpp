// Markdown to HTML for the printable reading booklet, by cmark (the library
// that parses the text for the terminal too). Raw HTML and dangerous links
// in the Markdown are dropped (CMARK_OPT_SAFE), and images are not
// fetched: an image becomes its description, so the page loads nothing.
#pragma once

#include <string>
#include <string_view>

namespace settle {

// `heading_shift` moves every heading down that many levels (at most h6),
// so that a topic's "# Title" can sit under a booklet's own h1.
std::string render_markdown_html(std::string_view markdown, int heading_shift = 0);

} // namespace settle
