// Self-contained HTML pages for print: the summary report and the reading
// booklet. No script and nothing fetched from anywhere: the page is one file
// a person can keep, mail or print. Everything that came from a file (an
// entry, a topic) is escaped here before it reaches the page.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace settle::cli {

// Text for an element's content or a quoted attribute: & < > " ' become
// character references; control characters (but tab and newline) and the
// bidirectional embedding, override and isolate controls are dropped, so
// that no text can turn the rest of a line around.
std::string html_escape(std::string_view text);

// A person's own words: escaped, and isolated in <bdi> so that a
// right-to-left phrase keeps to itself.
std::string html_words(std::string_view text);

// The paper a page is laid out for; none lets the browser (or printer) choose.
enum class Paper { any, a4, letter };
Paper parse_paper(std::string_view name); // throws UsageError

struct HtmlPage {
    std::string title;   // <title> and the first heading's text, plain
    std::string running; // the line at the top of every printed page, plain
    std::string extra_css;
    std::string body; // HTML, already escaped
    Paper paper = Paper::any;
};

// The whole document: doctype, a strict Content-Security-Policy that allows
// no script and no fetch, the shared print and screen styles, and a running
// header repeated on every printed page.
std::string html_document(const HtmlPage& page);

// Prints `html` to a PDF at `pdf` with a headless Chromium (found as
// `chromium` or `chromium-browser` on $PATH), run directly, never through a
// shell, with no network use and a throwaway profile. Throws RuntimeError
// saying how to print from any browser when none can be run.
void print_pdf(const std::string& html, const std::filesystem::path& pdf);

} // namespace settle::cli
