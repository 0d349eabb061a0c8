// Settings resolved once, in one place, from four layers:
// built-in defaults < config file < environment < command-line flags.
// Each value remembers which layer it came from, for `settle config`.
#pragma once

#include "error.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace settle {

namespace fs = std::filesystem;

enum class Source { built_in, file, environment, flag };
std::string_view to_string(Source source);

template <typename T> struct Setting {
    T value{};
    Source source = Source::built_in;

    void set(T new_value, Source from) {
        value = std::move(new_value);
        source = from;
    }
};

// Limits for one phase of the paced breathing, in seconds.
inline constexpr double kShortestBreathSeconds = 1.0;
inline constexpr double kLongestBreathSeconds = 20.0;

// One crisis line: what to call or text, and who answers.
struct CrisisLine {
    std::string name;    // who answers: "Suicide Crisis Helpline (Canada)"
    std::string contact; // what to dial or text: "9-8-8"
    std::string note;    // when or how, may be empty: "call or text"
};

// The lines built into settle: Canada's, then Alberta's.
std::vector<CrisisLine> default_crisis_lines();

// The values of the settings, with the built-in defaults of the table below
// (setting_table) filled in by the constructor; `journal` has its default
// only once resolved, since it depends on the environment.
struct Settings {
    Settings();

    Setting<fs::path> journal;
    // A folder of psychoeducation text (a clinic's translation); empty means
    // the text built into settle.
    Setting<fs::path> content;
    // What `settle crisis` shows: the lines of a `crisis:` list in the config
    // first (the first `crisis_configured` of them), then the built-in ones,
    // which go only when the person says so (`crisis_replace_builtin: true`).
    Setting<std::vector<CrisisLine>> crisis_lines{default_crisis_lines()};
    size_t crisis_configured = 0;
    Setting<bool> crisis_replace_builtin;
    Setting<double> audit_minutes;
    Setting<double> pause_minutes;
    // The paced breathing of `settle pause`, in seconds; the exhale is always
    // the longer one, since a slow exhale is what calms.
    Setting<double> breathe_in_seconds;
    Setting<double> breathe_out_seconds;
    Setting<bool> bell;
    Setting<bool> coaching;
    Setting<std::string> color;
    Setting<bool> git_auto_commit;
    Setting<bool> git_auto_sync;
    fs::path config_file; // where the file layer was looked for
    bool config_file_found = false;
    std::vector<std::string> warnings; // e.g. unknown keys, for stderr
};

// What kind of value a setting holds; each kind has one reader of the config
// file and one way of being shown.
enum class SettingType { folder, number, boolean, choice, crisis_lines };

// Where a setting's value lives in `Settings`.
using SettingField =
    std::variant<std::monostate, Setting<fs::path> Settings::*, Setting<double> Settings::*,
                 Setting<bool> Settings::*, Setting<std::string> Settings::*>;

// One setting of the config file. The table of them (setting_table) is the
// one list that parsing, `settle config`, its completion and the check of
// settle-config(5) all read, so a setting added here is known everywhere.
struct SettingSpec {
    std::string_view key; // as in `settle config`; a group's member is dotted: "pause.minutes"
    SettingType type = SettingType::boolean;
    std::string_view default_value; // as `settle config` shows it
    std::string_view help;          // one line, for `settle config KEY` and completion
    SettingField field;
    // Numbers: the range, in `unit`; `low` itself is allowed unless `low_open`.
    double low = 0;
    double high = 0;
    bool low_open = false;
    std::string_view unit;
    // Choices: the words allowed, separated by '|'.
    std::string_view choices;
};

// Every setting, in the order `settle config` lists them.
const std::vector<SettingSpec>& setting_table();

// The setting with this key, or null.
const SettingSpec* find_setting(std::string_view key);

// The words a choice allows ("auto", "always", "never"); empty for others.
std::vector<std::string> setting_choices(const SettingSpec& spec);

// What a setting accepts, for messages and help: "true or false",
// "auto, always or never", "more than 0 and at most 120 minutes".
std::string allowed_values(const SettingSpec& spec);

// What the command line said; empty means "not given".
struct SettingFlags {
    std::optional<fs::path> journal;
    std::optional<std::string> color;
};

// Looks up an environment variable; injected so tests need not touch the
// process environment.
using GetEnv = std::function<std::optional<std::string>(const char*)>;
GetEnv process_environment();

// Where the config file lives: ${XDG_CONFIG_HOME:-~/.config}/settle/config.yaml.
// A relative XDG_* value is ignored, as the XDG spec says; with HOME unset
// the home folder comes from the password database.
fs::path config_file_path(const GetEnv& env);

// Resolves every setting. A config file that exists but cannot be used is a
// usage problem (`path:line: message`), not something to guess around.
// `ConfigFile::read_leniently` turns a wrong setting into a warning and keeps
// its default, so one mistake never moves the journal or blocks an exercise;
// `ConfigFile::skip` leaves the file out: settle's own defaults under the
// environment and the flags, for running on when the file cannot be parsed.
enum class ConfigFile { read, read_leniently, skip };
Expected<Settings> resolve_settings(const SettingFlags& flags, const GetEnv& env,
                                    ConfigFile config = ConfigFile::read);

// Applies a config file's text to `settings`; `shown` names the file in
// errors. resolve_settings reads the file and calls this; the config fuzzer
// calls it directly, with no file.
enum class ConfigMistakes { are_errors, are_warnings };
Status read_config_text(std::string_view text, const std::string& shown, Settings& settings,
                        const GetEnv& env, ConfigMistakes mistakes = ConfigMistakes::are_errors);

// One resolved setting as `settle config` shows it, named by its key in the
// config file ("pause.minutes"). `text` tells a JSON writer whether `value`
// is a string or already a JSON number or boolean.
struct SettingRow {
    std::string key;
    std::string value;
    Source source = Source::built_in;
    bool text = true;
};

// Every setting of the table, in its order; the crisis list gives a row per
// line ("crisis.1", "crisis.2", ...).
std::vector<SettingRow> setting_rows(const Settings& settings);

// Expands a leading "~/" with $HOME.
fs::path expand_home(const std::string& text, const GetEnv& env);

} // namespace settle
