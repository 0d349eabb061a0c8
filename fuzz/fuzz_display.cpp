// Terminal safety: whatever bytes an entry holds, neutralize_controls lets
// no control character (C0, DEL, C1) and no invalid UTF-8 through, so no
// escape sequence can reach the terminal, and JSON output escapes them all
// and still reads back as the same text, in the bytes nlohmann would give;
// truncation never makes text wider than asked.
#include "core/display.hpp"
#include "core/entry_json.hpp"
#include "core/utf8.hpp"
#include "fuzz_check.hpp"
#include "terminal_text.hpp"

#include <algorithm>

using namespace settle;
using fuzz::safe_for_terminal;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    int columns = data[0] % 100;
    auto text = fuzz::as_text(data + 1, size - 1);
    FUZZ_REQUIRE(safe_for_terminal(neutralize_controls(text, false), false));
    FUZZ_REQUIRE(safe_for_terminal(neutralize_controls(text, true), true));
    auto json = dump_json(Json(std::string(text)));
    FUZZ_REQUIRE(safe_for_terminal(json, true));
    // settle's own JSON writer gives the very bytes of nlohmann's dump and
    // the escaping pass, as a value and as a key.
    FUZZ_REQUIRE(json == nlohmann_dump_json(Json(std::string(text))));
    Json keyed = Json::object();
    keyed[std::string(text)] = nullptr;
    FUZZ_REQUIRE(dump_json(keyed) == nlohmann_dump_json(keyed));
    if (is_valid_utf8(text))
        FUZZ_REQUIRE(Json::parse(json).get<std::string>() == text);
    auto cut = truncate_to_width(neutralize_controls(text), columns);
    FUZZ_REQUIRE(display_width(cut) <= std::max(columns, 1));
    // Clusters cover the text exactly, in order, so wrapping loses nothing.
    size_t total = 0;
    for (auto cluster : grapheme_clusters(text)) {
        FUZZ_REQUIRE(!cluster.empty() && cluster.data() == text.data() + total);
        total += cluster.size();
    }
    FUZZ_REQUIRE(total == text.size());
    return 0;
}
