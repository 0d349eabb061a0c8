// The two CLI11 classes that headers of the command layer name, declared
// without CLI11 itself. CLI11 2.1 (Debian 12) is header-only and its header
// compiles some 100 kB of code into every file that includes it, several
// seconds each; a header that only passes a CLI::App& along includes this
// instead, and only the files that build options include <CLI/CLI.hpp>.
#pragma once

namespace CLI {
class App;
class Option;
} // namespace CLI
