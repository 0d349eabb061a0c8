// The `--stdin` field reader, on any text piped in: no crash, every field
// and every refusal points at a line of the input.
#include "core/field_input.hpp"
#include "fuzz_check.hpp"

using namespace settle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = fuzz::as_text(data, size);
    static const std::vector<std::string> allowed = {"situation", "feel", "need", "know",
                                                     "predict",   "tag",  "note"};
    auto fields = parse_field_lines(text, allowed, "stdin");
    if (!fields) {
        fuzz::require_located(fields.error(), "stdin", text);
        return 0;
    }
    for (const auto& field : *fields)
        FUZZ_REQUIRE(field.line >= 1 && fuzz::line_in_range(field.line, text));
    return 0;
}
