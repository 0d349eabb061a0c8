#include "core/settings.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <unistd.h>

using namespace settle;

namespace {

struct FakeEnvironment {
    std::map<std::string, std::string> values;
    GetEnv get() const {
        return [this](const char* name) -> std::optional<std::string> {
            auto it = values.find(name);
            if (it == values.end())
                return std::nullopt;
            return it->second;
        };
    }
};

struct TempHome {
    TempHome() {
        std::string pattern = (fs::temp_directory_path() / "settle-home-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempHome() { fs::remove_all(path); }
    void write_config(const std::string& text) const {
        fs::create_directories(path / ".config" / "settle");
        std::ofstream(path / ".config" / "settle" / "config.yaml") << text;
    }
    fs::path path;
};

} // namespace

TEST_CASE("The journal folder: flag > environment > config file > default") {
    TempHome home;
    FakeEnvironment env{{{"HOME", home.path.string()}}};

    auto resolved = resolve_settings({}, env.get());
    REQUIRE(resolved);
    CHECK(resolved->journal.value == home.path / ".local/share/settle/journal");
    CHECK(resolved->journal.source == Source::built_in);

    env.values["XDG_DATA_HOME"] = "/data";
    CHECK(resolve_settings({}, env.get())->journal.value == "/data/settle/journal");

    home.write_config("journal: ~/notes/settle\n");
    resolved = resolve_settings({}, env.get());
    CHECK(resolved->journal.value == home.path / "notes/settle");
    CHECK(resolved->journal.source == Source::file);

    env.values["SETTLE_JOURNAL"] = "/from/env";
    resolved = resolve_settings({}, env.get());
    CHECK(resolved->journal.value == "/from/env");
    CHECK(resolved->journal.source == Source::environment);

    resolved = resolve_settings(SettingFlags{fs::path("/from/flag")}, env.get());
    CHECK(resolved->journal.value == "/from/flag");
    CHECK(resolved->journal.source == Source::flag);
}

TEST_CASE("Config problems name the file and line") {
    TempHome home;
    FakeEnvironment env{{{"HOME", home.path.string()}}};
    auto config = (home.path / ".config/settle/config.yaml").string();

    home.write_config("journal: ~/j\naudit:\n  minutes: lots\n");
    auto bad = resolve_settings({}, env.get());
    REQUIRE_FALSE(bad);
    CHECK(bad.error().located() ==
          config + ":3: audit.minutes must be a number of minutes from 0 to 120, got \"lots\"");

    home.write_config("journal: [oops\n");
    bad = resolve_settings({}, env.get());
    REQUIRE_FALSE(bad);
    CHECK(bad.error().path == config);

    home.write_config("journal: ~/j\ncolour: blue\npause:\n  minutes: 4\n");
    auto warned = resolve_settings({}, env.get());
    REQUIRE(warned);
    CHECK(warned->pause_minutes.value == 4.0);
    REQUIRE(warned->warnings.size() == 1);
    CHECK(warned->warnings[0] == config + ":2: unknown setting \"colour\" is ignored");
}
