// Helpers the unit tests share: a temporary folder and a temporary $TZ,
// each put back as it was when the test ends, and text split into lines.
#pragma once

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace settle::testing {

// A fresh folder under the system temporary folder, removed afterwards.
class TempFolder {
  public:
    TempFolder() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "settle-unit-XXXXXX").string();
        path_ = ::mkdtemp(pattern.data());
    }
    ~TempFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// Mountain time by POSIX rules (-07 in winter, -06 from the second Sunday
// of March to the first Sunday of November). Named zones change by law
// (Edmonton's rules changed in tzdata 2026), so tests that expect a
// particular offset in a particular year use rules no tzdata update touches.
inline constexpr const char* kMountainRules = "MST7MDT,M3.2.0,M11.1.0";

// Sets $TZ for one test and restores it afterwards; LocalZone reads it.
class ScopedTz {
  public:
    explicit ScopedTz(const char* zone) {
        if (const char* old = std::getenv("TZ"))
            previous_ = old;
        setenv("TZ", zone, 1);
        tzset();
    }
    ~ScopedTz() {
        if (previous_.empty())
            unsetenv("TZ");
        else
            setenv("TZ", previous_.c_str(), 1);
        tzset();
    }
    ScopedTz(const ScopedTz&) = delete;
    ScopedTz& operator=(const ScopedTz&) = delete;

  private:
    std::string previous_;
};

// The lines of `text`, without their "\n"; a last line without one counts.
inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        lines.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return lines;
}

} // namespace settle::testing
