// What the fuzz targets share: a check that stops the run when a property
// fails, so libFuzzer keeps the input (and the replay test names it).
#pragma once

#include "core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// Stops with a message naming the property; abort() is what libFuzzer and
// the replay runner both treat as a finding.
#define FUZZ_REQUIRE(condition)                                                                    \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition);  \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace settle::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Lines a reader may name in an error about `text`: 1 up to one past the
// last line break (an unterminated last line).
inline bool line_in_range(int line, std::string_view text) {
    std::size_t breaks = 0;
    for (char c : text)
        breaks += c == '\n';
    return line >= 0 && static_cast<std::size_t>(line) <= breaks + 1;
}

// What every reader promises when it refuses: the problem names the input it
// was given and a line inside it, and says something.
inline void require_located(const Error& error, std::string_view path, std::string_view text) {
    FUZZ_REQUIRE(error.path == path);
    FUZZ_REQUIRE(!error.message.empty());
    FUZZ_REQUIRE(line_in_range(error.line, text));
}

} // namespace settle::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
