// The entry reader, on any bytes a file could hold. Besides not crashing, it
// must keep two promises: every refusal names the file and a line inside it,
// and whatever it accepts survives settle's own writer unchanged (read, write
// in canonical form, read again: the same entry, so no word is lost when
// `settle edit` or `revisit` rewrites a hand-edited file).
#include "core/entry_format.hpp"
#include "fuzz_check.hpp"

using namespace settle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = fuzz::as_text(data, size);
    auto entry = parse_entry(text, "fuzz.md");
    if (!entry) {
        fuzz::require_located(entry.error(), "fuzz.md", text);
        return 0;
    }
    auto written = format_entry(*entry);
    auto again = parse_entry(written, "again.md");
    FUZZ_REQUIRE(again.ok());
    // The writer ends a non-empty body with a line break; nothing else moves.
    auto expected = *entry;
    if (!expected.body.empty() && expected.body.back() != '\n')
        expected.body += '\n';
    FUZZ_REQUIRE(*again == expected);
    return 0;
}
