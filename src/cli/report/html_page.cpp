#include "cli/report/html_page.hpp"

#include "cli/context.hpp"
#include "cli/process.hpp"
#include "core/atomic_file.hpp"
#include "core/display.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace settle::cli {

namespace {

// U+200E-200F (marks), U+202A-202E (embeddings, overrides), U+2066-2069
// (isolates), U+061C (Arabic letter mark): as UTF-8, the sequences that
// start at `text[i]`, or 0.
size_t bidi_control_length(std::string_view text, size_t i) {
    auto byte = [&](size_t at) {
        return at < text.size() ? static_cast<unsigned char>(text[at]) : 0u;
    };
    if (byte(i) == 0xD8 && byte(i + 1) == 0x9C)
        return 2;
    if (byte(i) != 0xE2)
        return 0;
    auto second = byte(i + 1), third = byte(i + 2);
    if (second == 0x80 && (third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE)))
        return 3;
    if (second == 0x81 && third >= 0xA6 && third <= 0xA9)
        return 3;
    return 0;
}

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light dark; --ink: #1e2428; --paper: #fdfdfc; --muted: #5a646c;
  --rule: #d4dadf; --soft: #eef1f3; --one: #7b64a8; --two: #2f8077; --three: #b0703a;
  --four: #8a949c; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e4e8eb; --paper: #14181b; --muted: #a0aab2; --rule: #3a434a;
    --soft: #20262a; --one: #b5a0dc; --two: #69c0b5; --three: #e0a36f; --four: #8f9aa3; }
}
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0 auto; max-width: 46rem; padding: 1rem; font: 1rem/1.55 Georgia,
  "DejaVu Serif", serif; overflow-wrap: break-word; }
h1, h2, h3 { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; line-height: 1.25;
  break-after: avoid; }
h1 { font-size: 1.6rem; margin: 0.2rem 0 0.6rem; }
h2 { font-size: 1.25rem; margin: 1.8rem 0 0.5rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
p, li { orphans: 2; widows: 2; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { padding: 0.2rem 0.6rem 0.2rem 0; text-align: left; border-bottom: 1px solid var(--rule);
  vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.2rem; }
.scroll { overflow-x: auto; }
figure { margin: 0.5rem 0 1.2rem; }
figure.pair, svg, table, .keep { break-inside: avoid; }
.key, h3 { break-after: avoid; }
svg { display: block; width: 100%; height: auto; max-height: 18rem; }
svg text { fill: var(--muted); font: 11px "DejaVu Sans", Arial, sans-serif; }
svg.columns text { font-size: 15px; }
svg .axis { stroke: var(--rule); stroke-width: 1; }
svg .one, .key .one { fill: var(--one); background: var(--one); }
svg .two, .key .two { fill: var(--two); background: var(--two); }
svg .three, .key .three { fill: var(--three); background: var(--three); }
svg .four, .key .four { fill: var(--four); background: var(--four); }
.key { font-size: 0.85rem; color: var(--muted); margin: 0.2rem 0; }
.key span.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin: 0 0.3em 0 0.8em;
  vertical-align: -0.05em; }
.muted, figcaption { color: var(--muted); font-size: 0.9rem; }
blockquote, .words { margin: 0.4rem 0; padding: 0.1rem 0 0.1rem 0.8rem;
  border-left: 3px solid var(--rule); white-space: pre-wrap; }
table.page { width: 100%; border: 0; margin: 0; font-size: 1rem; }
table.page > thead > tr > td, table.page > tbody > tr > td { border: 0; padding: 0; }
.running { font: 0.8rem "DejaVu Sans", Arial, sans-serif; color: var(--muted);
  border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; margin-bottom: 0.4rem; }
@media (min-width: 40rem), print {
  figure.pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: 1rem; align-items: start; }
  figure.pair table { margin-top: 0; }
}
@media print {
  :root { color-scheme: light; --ink: #000; --paper: #fff; --muted: #444; --rule: #bbb;
    --soft: #eee; --one: #6a5597; --two: #23695f; --three: #9a5a22; --four: #777; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  svg { max-height: 5.5cm; }
  h2 { margin-top: 1.2rem; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
)css";

// Page numbers in the bottom margin of every printed page. Margin boxes are
// printed by Chromium 131 and later (so by --pdf) and ignored by browsers
// without them, where the print dialog's own footer can number the pages.
// The period needs no margin box: the running header repeats it.
constexpr std::string_view kPageNumbers =
    "@page { @bottom-right { content: \"page \" counter(page) \" of \" counter(pages);\n"
    "  font: 8pt \"DejaVu Sans\", Arial, sans-serif; color: #444; } }\n";

std::string page_size_rule(Paper paper) {
    switch (paper) {
    case Paper::a4:
        return "@page { size: A4; margin: 16mm 15mm 18mm; }\n";
    case Paper::letter:
        return "@page { size: letter; margin: 0.65in 0.6in 0.7in; }\n";
    case Paper::any:
        break;
    }
    // Margins that suit both A4 and Letter.
    return "@page { margin: 16mm 15mm 18mm; }\n";
}

// A private folder for the browser's profile and the page; removed after.
struct TempFolder {
    std::filesystem::path path;
    TempFolder() {
        const char* base = std::getenv("TMPDIR");
        std::string pattern =
            (std::filesystem::path(base && *base ? base : "/tmp") / "settle-print-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw RuntimeError(fmt::format("cannot make a folder to print in: {}",
                                           std::generic_category().message(errno)));
        path = std::filesystem::absolute(pattern); // a file:// URL needs the whole path
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
};

// A file:// URL for an absolute path: every byte but the unreserved ones
// and '/' percent-escaped, so a folder named with %, # or a space still
// names the file.
std::string file_url(const std::filesystem::path& path) {
    std::string url = "file://";
    for (unsigned char c : path.string()) {
        bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                     c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        url += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
    }
    return url;
}

constexpr std::string_view kHowToPrint =
    "write the page with --format html > report.html instead, open it in any web browser "
    "and choose Print (Save as PDF is one of the printers)";

} // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (size_t i = 0; i < text.size(); ++i) {
        if (auto length = bidi_control_length(text, i)) {
            i += length - 1;
            continue;
        }
        auto c = static_cast<unsigned char>(text[i]);
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        case '\n':
        case '\t':
            out += static_cast<char>(c);
            break;
        default:
            if (c < 0x20 || c == 0x7F)
                break; // a control character has nothing to show
            if (c == 0xC2 && i + 1 < text.size() &&
                static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
                ++i; // a C1 control, as UTF-8
                break;
            }
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string html_words(std::string_view text) {
    return "<bdi>" + html_escape(text) + "</bdi>";
}

Paper parse_paper(std::string_view name) {
    if (name == "a4" || name == "A4")
        return Paper::a4;
    if (name == "letter" || name == "Letter")
        return Paper::letter;
    throw UsageError(fmt::format("--paper must be a4 or letter, got \"{}\"", name));
}

std::string html_document(const HtmlPage& page) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    // Belt and braces: even a page edited by hand fetches and runs nothing.
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; img-src data:\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"color-scheme\" content=\"light dark\">\n";
    out += fmt::format("<title>{}</title>\n<style>\n{}{}{}{}</style>\n</head>\n<body>\n",
                       html_escape(page.title), page_size_rule(page.paper), kPageNumbers, kStyle,
                       page.extra_css);
    // The running line is a table header, which browsers repeat at the top
    // of every printed page the table spans.
    out += fmt::format("<table class=\"page\" role=\"presentation\">\n<thead><tr><td><div "
                       "class=\"running\">{}</div></td></tr></thead>\n<tbody><tr><td>\n",
                       html_escape(page.running));
    out += page.body;
    out += "</td></tr></tbody>\n</table>\n</body>\n</html>\n";
    return out;
}

void print_pdf(const std::string& html, const std::filesystem::path& pdf) {
    TempFolder folder;
    auto page = folder.path / "page.html";
    auto printed = folder.path / "page.pdf";
    {
        std::ofstream out(page, std::ios::binary);
        out << html;
        if (!out.flush())
            throw RuntimeError(
                fmt::format("cannot write the page to print in {}", folder.path.string()));
    }
    ::chmod(page.c_str(), 0600);
    RunOptions options;
    options.capture = true;
    options.environment = {{"HOME", folder.path.string()},
                           {"XDG_CONFIG_HOME", folder.path.string()},
                           {"XDG_CACHE_HOME", folder.path.string()}};
    ProgramRun run;
    for (const char* browser : {"chromium", "chromium-browser"}) {
        std::vector<std::string> command = {browser, "--headless", "--disable-gpu",
                                            "--no-first-run", "--disable-background-networking",
                                            "--disable-component-update", "--disable-sync",
                                            "--disable-extensions", "--no-pdf-header-footer",
                                            // Chromium asks a time server on start; not here.
                                            "--disable-features=NetworkTimeServiceQuerying",
                                            // No name resolves: nothing Chromium might try on its
                                            // own (update checks, sign-in) can leave the machine.
                                            "--host-resolver-rules=MAP * ~NOTFOUND",
                                            "--user-data-dir=" + (folder.path / "profile").string(),
                                            "--print-to-pdf=" + printed.string()};
        // Chromium refuses to start its sandbox as root; anyone else keeps it.
        if (::geteuid() == 0)
            command.push_back("--no-sandbox");
        command.push_back(file_url(page));
        run = run_program(command, options);
        if (run.started)
            break;
    }
    if (!run.started)
        throw RuntimeError(fmt::format("--pdf needs Chromium (chromium on $PATH), and none was "
                                       "found; {}",
                                       kHowToPrint));
    std::error_code error;
    if (run.status != 0 || !std::filesystem::exists(printed, error) ||
        std::filesystem::file_size(printed, error) == 0)
        throw RuntimeError(fmt::format("Chromium could not print the page (exit status {}); {}",
                                       run.status, kHowToPrint));
    // Into place in one step, private from the first byte (the page may
    // quote the person's words): a half-written PDF never stands under the
    // name, and no link left beside it is followed.
    std::ifstream in(printed, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
        throw RuntimeError(fmt::format("cannot read the printed page in {}",
                                       neutralize_controls(folder.path.string())));
    if (auto written = write_file_replacing(std::filesystem::absolute(pdf, error), bytes); !written)
        throw RuntimeError(written.error().message);
}

} // namespace settle::cli
