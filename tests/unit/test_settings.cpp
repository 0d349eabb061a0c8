#include "core/settings.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
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
    CHECK(bad.error().located() == config + ":3: audit.minutes must be a number of minutes, more "
                                            "than 0 and at most 120, got \"lots\"");

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

TEST_CASE("The content folder: environment > config file > the built-in text") {
    TempHome home;
    FakeEnvironment env{{{"HOME", home.path.string()}}};
    auto resolved = resolve_settings({}, env.get());
    REQUIRE(resolved);
    CHECK(resolved->content.value.empty());

    home.write_config("content: ~/clinic/text\n");
    resolved = resolve_settings({}, env.get());
    CHECK(resolved->content.value == home.path / "clinic/text");
    CHECK(resolved->content.source == Source::file);

    env.values["SETTLE_CONTENT"] = "/from/env";
    resolved = resolve_settings({}, env.get());
    CHECK(resolved->content.value == "/from/env");
    CHECK(resolved->content.source == Source::environment);

    home.write_config("content: [a, b]\n");
    auto bad = resolve_settings({}, env.get());
    REQUIRE_FALSE(bad);
    CHECK(bad.error().line == 1);
    CHECK(bad.error().message == "content must be a folder path");
}

TEST_CASE("Crisis lines: configured ones first, Canada's and Alberta's kept unless replaced") {
    TempHome home;
    FakeEnvironment env{{{"HOME", home.path.string()}}};
    auto resolved = resolve_settings({}, env.get());
    REQUIRE(resolved);
    const auto defaults = resolved->crisis_lines.value;
    std::vector<std::string> contacts;
    for (const auto& line : defaults)
        contacts.push_back(line.contact);
    CHECK(contacts == std::vector<std::string>{"9-8-8", "911", "1-800-668-6868", "1-855-242-3310",
                                               "1-877-303-2642", "310-1818", "211"});
    CHECK(resolved->crisis_configured == 0);
    CHECK_FALSE(resolved->crisis_replace_builtin.value);

    home.write_config("crisis:\n"
                      "  - name: Helpline\n"
                      "    contact: \"555 0100\"\n"
                      "    note: any time\n"
                      "  - {name: Emergencies, contact: \"112\", colour: red}\n");
    resolved = resolve_settings({}, env.get());
    REQUIRE(resolved);
    const auto& lines = resolved->crisis_lines.value;
    REQUIRE(lines.size() == 2 + defaults.size());
    CHECK(resolved->crisis_configured == 2);
    CHECK(lines[0].name == "Helpline");
    CHECK(lines[0].contact == "555 0100");
    CHECK(lines[0].note == "any time");
    CHECK(lines[1].note.empty());
    CHECK(lines[2].contact == "9-8-8");
    CHECK(lines[3].contact == "911");
    CHECK(resolved->crisis_lines.source == Source::file);
    REQUIRE(resolved->warnings.size() == 1);
    CHECK(resolved->warnings[0].ends_with(":5: unknown setting \"crisis.colour\" is ignored"));

    // Only when the person says so do the built-in lines go, and in either
    // order of the two keys.
    for (const char* config :
         {"crisis_replace_builtin: true\ncrisis:\n  - {name: Helpline, contact: \"112\"}\n",
          "crisis:\n  - {name: Helpline, contact: \"112\"}\ncrisis_replace_builtin: true\n"}) {
        home.write_config(config);
        resolved = resolve_settings({}, env.get());
        REQUIRE(resolved);
        REQUIRE(resolved->crisis_lines.value.size() == 1);
        CHECK(resolved->crisis_lines.value[0].contact == "112");
        CHECK(resolved->crisis_replace_builtin.value);
    }
    home.write_config("crisis_replace_builtin: false\ncrisis:\n  - {name: H, contact: \"112\"}\n");
    resolved = resolve_settings({}, env.get());
    REQUIRE(resolved);
    CHECK(resolved->crisis_lines.value.size() == 1 + defaults.size());

    auto problem = [&](const std::string& config) {
        home.write_config(config);
        auto result = resolve_settings({}, env.get());
        REQUIRE_FALSE(result);
        return result.error().line;
    };
    CHECK(problem("crisis: []\n") == 1);
    CHECK(problem("crisis: 9-8-8\n") == 1);
    CHECK(problem("crisis:\n  - name: No contact\n") == 2);
    CHECK(problem("crisis:\n  - name: x\n    contact: [1, 2]\n") == 3);
    CHECK(problem("bell: true\ncrisis_replace_builtin: maybe\n") == 2);

    // Turning the built-in lines off with nothing in their place would leave
    // nowhere to turn: the flag is ignored with a warning, and nothing stops.
    home.write_config("bell: false\ncrisis_replace_builtin: true\n");
    resolved = resolve_settings({}, env.get());
    REQUIRE(resolved);
    CHECK_FALSE(resolved->crisis_replace_builtin.value);
    CHECK(resolved->crisis_replace_builtin.source == Source::built_in);
    CHECK(resolved->crisis_lines.value.size() == defaults.size());
    CHECK(resolved->crisis_configured == 0);
    CHECK_FALSE(resolved->bell.value); // the rest of the file still applies
    REQUIRE(resolved->warnings.size() == 1);
    CHECK(resolved->warnings[0].ends_with(
        ":2: crisis_replace_builtin: true needs lines of your own under 'crisis:'; the "
        "built-in lines are kept"));
}

TEST_CASE("One table of settings gives the defaults, the keys and what each accepts") {
    Settings defaults;
    std::set<std::string_view> keys;
    for (const auto& spec : setting_table()) {
        INFO(spec.key);
        CHECK(keys.insert(spec.key).second); // each key once
        CHECK_FALSE(spec.help.empty());
        CHECK(find_setting(spec.key) == &spec);
    }
    CHECK(find_setting("colour") == nullptr);
    // The values a fresh Settings holds are the table's defaults.
    for (const auto& row : setting_rows(defaults)) {
        const auto* spec = find_setting(row.key);
        if (!spec || spec->type == SettingType::folder)
            continue;
        INFO(row.key);
        CHECK(row.value == spec->default_value);
        CHECK(row.source == Source::built_in);
    }
    CHECK(defaults.pause_minutes.value == 5.0);
    CHECK(defaults.color.value == "auto");
    CHECK(allowed_values(*find_setting("color")) == "auto, always or never");
    CHECK(allowed_values(*find_setting("bell")) == "true or false");
    CHECK(allowed_values(*find_setting("audit.minutes")) == "minutes, more than 0 and at most 120");
    CHECK(allowed_values(*find_setting("pause.breathe_in")) == "seconds, from 1 to 20");
}

TEST_CASE("The config file is read by the table's rules") {
    FakeEnvironment env{{{"HOME", "/home/someone"}}};
    auto read = [&](const std::string& text, ConfigMistakes mistakes = ConfigMistakes::are_errors) {
        Settings settings;
        auto status = read_config_text(text, "config.yaml", settings, env.get(), mistakes);
        return std::make_pair(status, settings);
    };
    auto [colour, unused] = read("color: blue\n");
    REQUIRE_FALSE(colour);
    CHECK(colour.error().located() ==
          "config.yaml:1: color must be auto, always or never, got \"blue\"");
    auto [breath, unused2] = read("pause:\n  breathe_in: 0.5\n");
    REQUIRE_FALSE(breath);
    CHECK(breath.error().message ==
          "pause.breathe_in must be a number of seconds, from 1 to 20, got \"0.5\"");
    auto [group, unused3] = read("git: true\n");
    REQUIRE_FALSE(group);
    CHECK(group.error().message == "git must hold settings such as 'auto_commit: false'");

    Settings dotted;
    REQUIRE(read_config_text("pause.minutes: 4\n", "config.yaml", dotted, env.get()));
    CHECK(dotted.pause_minutes.value == 5.0);
    REQUIRE(dotted.warnings.size() == 1);
    CHECK(dotted.warnings[0] == "config.yaml:1: unknown setting \"pause.minutes\" is ignored");

    auto [fine, settings] = read("pause:\n  minutes: 4\n  breathe_out: 8\ngit:\n  auto_sync: yes\n"
                                 "bell: off\ncolor: never\n");
    REQUIRE(fine);
    CHECK(settings.pause_minutes.value == 4.0);
    CHECK(settings.breathe_out_seconds.value == 8.0);
    CHECK(settings.git_auto_sync.value);
    CHECK_FALSE(settings.bell.value);
    CHECK(settings.color.value == "never");
    CHECK(settings.color.source == Source::file);
}

TEST_CASE("Read leniently, a wrong group keeps all of its defaults") {
    // breathe_in 9 with the default breath out of 6 breaks the rule that the
    // exhale is the longer one: the whole `pause:` keeps its defaults, even
    // the minutes read before the mistake, and the rest of the file applies.
    FakeEnvironment env{{{"HOME", "/home/someone"}}};
    Settings settings;
    auto status =
        read_config_text("pause:\n  minutes: 4\n  breathe_in: 9\nbell: false\n", "config.yaml",
                         settings, env.get(), ConfigMistakes::are_warnings);
    REQUIRE(status);
    CHECK(settings.pause_minutes.value == 5.0);
    CHECK(settings.pause_minutes.source == Source::built_in);
    CHECK(settings.breathe_in_seconds.value == 4.0);
    CHECK_FALSE(settings.bell.value);
    REQUIRE(settings.warnings.size() == 1);
    CHECK(settings.warnings[0].find("that setting keeps its default") != std::string::npos);
}
