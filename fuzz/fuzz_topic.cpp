// A content topic file (`settle read`'s text, which a clinic may replace
// with its own folder): no crash, and a refusal names the file and a line
// inside it.
#include "core/content.hpp"
#include "fuzz_check.hpp"

using namespace settle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = fuzz::as_text(data, size);
    auto topic = parse_topic(text, "topics/fuzz.md");
    if (!topic)
        fuzz::require_located(topic.error(), "topics/fuzz.md", text);
    return 0;
}
