// The config reader, on any text a config.yaml could hold: no crash, and a
// refusal names the file and a line inside it.
#include "core/settings.hpp"
#include "fuzz_check.hpp"

using namespace settle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = fuzz::as_text(data, size);
    GetEnv env = [](const char* name) -> std::optional<std::string> {
        if (std::string_view(name) == "HOME")
            return std::string("/home/someone");
        return std::nullopt;
    };
    Settings settings;
    auto read = read_config_text(text, "config.yaml", settings, env);
    if (!read)
        fuzz::require_located(read.error(), "config.yaml", text);
    return 0;
}
