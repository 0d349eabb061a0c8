// The shortcut reader is a syntax front end: whenever it reads a file's
// values, yaml-cpp must see the very same values (texts, shapes, lines) in
// the same bytes, so the one semantic pass answers alike; anything else must
// make it decline. This checks that promise on any bytes, and that the
// combined reader agrees with parse_entry on every file.
#include "core/entry_format.hpp"
#include "core/fast_frontmatter.hpp"
#include "fuzz_check.hpp"

using namespace settle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = fuzz::as_text(data, size);
    auto full = parse_entry(text, "fuzz.md");
    FrontmatterValues values;
    if (read_canonical_values(text, values)) {
        auto yaml = read_values_with_yaml(text, "fuzz.md");
        FUZZ_REQUIRE(yaml.ok());
        FUZZ_REQUIRE(describe(values) == describe(yaml->values));
    }
    if (auto fast = read_canonical_entry(text)) {
        FUZZ_REQUIRE(full.ok());
        FUZZ_REQUIRE(*fast == *full);
    }
    auto combined = read_entry_text(text, "fuzz.md");
    FUZZ_REQUIRE(combined.ok() == full.ok());
    if (combined.ok())
        FUZZ_REQUIRE(*combined == *full);
    else
        FUZZ_REQUIRE(combined.error().located() == full.error().located());
    return 0;
}
