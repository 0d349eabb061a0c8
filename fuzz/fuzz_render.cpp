// The Markdown renderer behind `settle read`, on any content file: no crash,
// no line wider than asked, and nothing that could reach a terminal as a
// command. Plain output holds no control character at all; styled output
// holds only the renderer's own SGR sequences (ESC [ digits ; m).
#include "core/display.hpp"
#include "core/render.hpp"
#include "fuzz_check.hpp"
#include "terminal_text.hpp"

#include <algorithm>
#include <cctype>
#include <string>

using namespace settle;

namespace {

// `text` with the renderer's colour and weight codes taken out.
std::string without_sgr(std::string_view text) {
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
        if (text.compare(pos, 2, "\x1b[") == 0) {
            size_t end = pos + 2;
            while (end < text.size() &&
                   (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == ';'))
                ++end;
            if (end < text.size() && text[end] == 'm') {
                pos = end + 1;
                continue;
            }
        }
        out += text[pos++];
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    RenderOptions options;
    options.width = 20 + data[0] % 128;
    options.styled = data[0] >= 128;
    auto markdown = fuzz::as_text(data + 1, size - 1);

    auto shown = without_sgr(render_markdown(markdown, options));
    FUZZ_REQUIRE(fuzz::safe_for_terminal(shown, true));
    size_t start = 0;
    while (start < shown.size()) {
        size_t end = std::min(shown.find('\n', start), shown.size());
        FUZZ_REQUIRE(display_width(std::string_view(shown).substr(start, end - start)) <=
                     options.width);
        start = end + 1;
    }
    for (const auto& line : markdown_text_lines(markdown))
        (void)line.size();
    return 0;
}
