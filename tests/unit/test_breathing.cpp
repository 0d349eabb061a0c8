#include "core/breathing.hpp"
#include "core/settings.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <unistd.h>

using namespace settle;

TEST_CASE("breath_at follows the inhale, then the longer exhale") {
    BreathingPace pace{4.0, 6.0};
    struct Moment {
        double at;
        bool inhaling;
        double fullness;
        double left_in_phase;
    };
    for (auto moment :
         {Moment{0.0, true, 0.0, 4.0}, Moment{2.0, true, 0.5, 2.0}, Moment{4.0, false, 1.0, 6.0},
          Moment{7.0, false, 0.5, 3.0}, Moment{11.0, true, 0.25, 3.0}}) {
        INFO("at " << moment.at << " s");
        auto breath = breath_at(pace, moment.at);
        CHECK(breath.inhaling == moment.inhaling);
        CHECK(breath.fullness == Approx(moment.fullness));
        CHECK(breath.seconds_left_in_phase == Approx(moment.left_in_phase));
    }
}

TEST_CASE("check_pace wants the exhale longer than the inhale") {
    CHECK(check_pace({4.0, 6.0}));
    CHECK_FALSE(check_pace({5.0, 5.0}));
    CHECK_FALSE(check_pace({6.0, 4.0}));
    CHECK_FALSE(check_pace({0.0, 4.0}));
}

namespace {

Expected<Settings> settings_with_config(const std::string& text) {
    std::string pattern = (fs::temp_directory_path() / "settle-pace-XXXXXX").string();
    fs::path home = ::mkdtemp(pattern.data());
    fs::create_directories(home / "settle");
    std::ofstream(home / "settle" / "config.yaml") << text;
    auto env = [home](const char* name) -> std::optional<std::string> {
        if (std::string(name) == "XDG_CONFIG_HOME" || std::string(name) == "HOME")
            return home.string();
        return std::nullopt;
    };
    auto settings = resolve_settings({}, env);
    fs::remove_all(home);
    return settings;
}

} // namespace

TEST_CASE("The breathing pace and the bell come from the config file") {
    auto defaults = settings_with_config("");
    REQUIRE(defaults);
    CHECK(defaults->breathe_in_seconds.value == 4.0);
    CHECK(defaults->breathe_out_seconds.value == 6.0);
    CHECK(defaults->bell.value);

    auto custom =
        settings_with_config("pause:\n  breathe_in: 3\n  breathe_out: 7.5\nbell: false\n");
    REQUIRE(custom);
    CHECK(custom->breathe_in_seconds.value == 3.0);
    CHECK(custom->breathe_out_seconds.value == 7.5);
    CHECK_FALSE(custom->bell.value);
    CHECK(custom->bell.source == Source::file);
}

TEST_CASE("A pace whose exhale is not the longer phase is refused") {
    auto same = settings_with_config("pause:\n  breathe_in: 5\n  breathe_out: 5\n");
    REQUIRE_FALSE(same);
    CHECK(same.error().line == 2);
    CHECK_THAT(same.error().message, Catch::Contains("must be longer than pause.breathe_in"));

    auto shorter = settings_with_config("pause:\n  breathe_out: 3\n");
    REQUIRE_FALSE(shorter);

    auto silly = settings_with_config("pause:\n  breathe_in: lots\n");
    REQUIRE_FALSE(silly);
    CHECK(silly.error().line == 2);

    auto bell = settings_with_config("bell: sometimes\n");
    REQUIRE_FALSE(bell);
    CHECK_THAT(bell.error().message, Catch::Contains("bell must be true or false"));
}
