#include "settings.hpp"

#include "journal.hpp"
#include "text_match.hpp"
#include "yaml_problem.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <fmt/format.h>
#include <pwd.h>
#include <set>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

namespace settle {

namespace {

std::optional<std::string> non_empty(std::optional<std::string> value) {
    if (value && value->empty())
        return std::nullopt;
    return value;
}

// $HOME, else the password database, as the shell and ssh do: with HOME
// unset (a cron job, `env -i`), "." would put the journal wherever settle
// happened to run. Empty when neither knows.
fs::path home(const GetEnv& env) {
    if (auto value = non_empty(env("HOME")))
        return fs::path(*value);
    long size = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(static_cast<size_t>(size > 0 ? size : 16384));
    struct passwd entry {};
    struct passwd* found = nullptr;
    while (::getpwuid_r(::getuid(), &entry, buffer.data(), buffer.size(), &found) == ERANGE &&
           buffer.size() < (1u << 20))
        buffer.resize(buffer.size() * 2);
    if (found && found->pw_dir && found->pw_dir[0] == '/')
        return fs::path(found->pw_dir);
    return {};
}

// An XDG base folder: the XDG spec says a relative value is to be ignored.
std::optional<fs::path> xdg_folder(const GetEnv& env, const char* name) {
    auto value = non_empty(env(name));
    if (!value || fs::path(*value).is_relative())
        return std::nullopt;
    return fs::path(*value);
}

// A folder named in the config file, resolved the way settle-config(5)
// says: `~` and `~/` are the home folder, $NAME and ${NAME} are taken from
// the environment (unset is an error naming the key), and what is still
// relative is relative to the config file's own folder.
Expected<fs::path> config_folder_path(const std::string& text, const std::string& key,
                                      const fs::path& config_folder, const GetEnv& env) {
    std::string expanded;
    size_t pos = 0;
    if (text == "~" || text.rfind("~/", 0) == 0) {
        auto base = home(env);
        if (base.empty())
            return Error{fmt::format("{} starts with ~, but there is no home folder (HOME is "
                                     "unset and the password database has none)",
                                     key)};
        expanded = base.string();
        pos = 1;
    } else if (!text.empty() && text[0] == '~') {
        return Error{fmt::format("{} starts with ~name, which settle does not expand; write the "
                                 "full path",
                                 key)};
    }
    auto is_name_char = [](char c, bool first) {
        return c == '_' || std::isalpha(static_cast<unsigned char>(c)) ||
               (!first && std::isdigit(static_cast<unsigned char>(c)));
    };
    while (pos < text.size()) {
        char c = text[pos];
        if (c != '$') {
            expanded += c;
            ++pos;
            continue;
        }
        std::string name;
        size_t after = pos + 1;
        if (after < text.size() && text[after] == '{') {
            auto close = text.find('}', after);
            if (close == std::string::npos)
                return Error{fmt::format("{} has \"${{\" without a closing \"}}\"", key)};
            name = text.substr(after + 1, close - after - 1);
            after = close + 1;
        } else {
            while (after < text.size() && is_name_char(text[after], after == pos + 1))
                name += text[after++];
        }
        if (name.empty() || !is_name_char(name[0], true) ||
            !std::all_of(name.begin(), name.end(), [&](char n) { return is_name_char(n, false); }))
            return Error{fmt::format("{} has a \"$\" that is not followed by a variable name; "
                                     "settle expands only $NAME and ${{NAME}}",
                                     key)};
        auto value = name == "HOME" ? std::optional<std::string>(home(env).string())
                                    : non_empty(env(name.c_str()));
        if (!value || value->empty())
            return Error{fmt::format("{} uses ${}, which is not set", key, name)};
        expanded += *value;
        pos = after;
    }
    fs::path path(expanded);
    if (path.is_relative()) {
        if (!config_folder.is_absolute())
            return Error{
                fmt::format("{} must be an absolute path, or start with ~/ or $HOME", key)};
        path = config_folder / path;
    }
    return path.lexically_normal();
}

struct FileLayer {
    const YAML::Node& root;
    const std::string& path;

    int line(const YAML::Node& node) const { return node.Mark().line + 1; }

    Error bad(const YAML::Node& node, const std::string& message) const {
        return error_at(path, line(node), message);
    }

    void warn(Settings& settings, const YAML::Node& node, const std::string& message) const {
        settings.warnings.push_back(bad(node, message).located());
    }
};

// `crisis:` is a list of {name, contact, note}, shown before the built-in
// lines. An empty list is refused: it says nothing, and with
// `crisis_replace_builtin` it would leave the command nowhere to point.
Status read_crisis_lines(const FileLayer& layer, const YAML::Node& value, Settings& settings,
                         std::vector<CrisisLine>& lines) {
    constexpr const char* kShape =
        "crisis must be a list of lines, each with 'name:' and 'contact:' "
        "(and an optional 'note:')";
    if (!value.IsSequence() || value.size() == 0)
        return layer.bad(value, kShape);
    lines.clear();
    for (const auto& item : value) {
        if (!item.IsMap())
            return layer.bad(item, kShape);
        CrisisLine line;
        for (const auto& field : item) {
            auto name = field.first.IsScalar() ? field.first.Scalar() : std::string{};
            std::string* target = name == "name"      ? &line.name
                                  : name == "contact" ? &line.contact
                                  : name == "note"    ? &line.note
                                                      : nullptr;
            if (!target) {
                layer.warn(settings, field.first,
                           fmt::format("unknown setting \"crisis.{}\" is ignored", name));
                continue;
            }
            if (!field.second.IsScalar())
                return layer.bad(field.second,
                                 fmt::format("crisis {} must be a line of text", name));
            *target = field.second.Scalar();
        }
        if (line.name.empty() || line.contact.empty())
            return layer.bad(item, kShape);
        lines.push_back(std::move(line));
    }
    return success();
}

// The configured lines first, then the built-in ones unless they are
// explicitly turned off, which needs lines of one's own. Asking to turn them
// off without any is a mistake that must not stop anything, least of all
// an exercise: it is a warning, and the built-in lines stay.
void settle_crisis_lines(const FileLayer& layer, const YAML::Node* replace_node,
                         std::vector<CrisisLine> configured, Settings& settings) {
    if (settings.crisis_replace_builtin.value && configured.empty()) {
        layer.warn(settings, *replace_node,
                   "crisis_replace_builtin: true needs lines of your own under 'crisis:'; the "
                   "built-in lines are kept");
        settings.crisis_replace_builtin = Setting<bool>{false};
        return;
    }
    if (configured.empty())
        return;
    settings.crisis_configured = configured.size();
    if (!settings.crisis_replace_builtin.value)
        for (auto& line : default_crisis_lines())
            configured.push_back(std::move(line));
    settings.crisis_lines.set(std::move(configured), Source::file);
}

// The one scalar of a setting, as text for a message: a list or a map is
// named, not printed.
std::string shown_value(const YAML::Node& node) {
    return node.IsScalar() ? node.Scalar() : node.IsSequence() ? "a list" : "a set of settings";
}

// Reads one setting's value as its table entry says. `crisis` is read into
// `crisis_lines`, settled once the whole file is read.
Status read_setting_value(const FileLayer& layer, const SettingSpec& spec, const YAML::Node& value,
                          Settings& settings, const GetEnv& env,
                          std::vector<CrisisLine>& crisis_lines) {
    const std::string key(spec.key);
    switch (spec.type) {
    case SettingType::folder: {
        if (!value.IsScalar() || value.Scalar().empty())
            return layer.bad(value, fmt::format("{} must be a folder path", key));
        auto folder =
            config_folder_path(value.Scalar(), key, fs::path(layer.path).parent_path(), env);
        if (!folder)
            return layer.bad(value, folder.error().message);
        (settings.*std::get<Setting<fs::path> Settings::*>(spec.field)).set(*folder, Source::file);
        return success();
    }
    case SettingType::number: {
        double number = 0;
        bool in_range = value.IsScalar() && YAML::convert<double>::decode(value, number) &&
                        (spec.low_open ? number > spec.low : number >= spec.low) &&
                        number <= spec.high;
        if (!in_range)
            return layer.bad(value, fmt::format("{} must be a number of {}, got \"{}\"", key,
                                                allowed_values(spec), shown_value(value)));
        (settings.*std::get<Setting<double> Settings::*>(spec.field)).set(number, Source::file);
        return success();
    }
    case SettingType::boolean: {
        bool on = false;
        if (!value.IsScalar() || !YAML::convert<bool>::decode(value, on))
            return layer.bad(value, fmt::format("{} must be true or false", key));
        (settings.*std::get<Setting<bool> Settings::*>(spec.field)).set(on, Source::file);
        return success();
    }
    case SettingType::choice: {
        auto choices = setting_choices(spec);
        if (!value.IsScalar() ||
            std::find(choices.begin(), choices.end(), value.Scalar()) == choices.end())
            return layer.bad(value, fmt::format("{} must be {}, got \"{}\"", key,
                                                allowed_values(spec), shown_value(value)));
        (settings.*std::get<Setting<std::string> Settings::*>(spec.field))
            .set(value.Scalar(), Source::file);
        return success();
    }
    case SettingType::crisis_lines:
        return read_crisis_lines(layer, value, settings, crisis_lines);
    }
    return success();
}

// The settings of a group (`pause:` holds pause.minutes, pause.breathe_in
// ...), or empty when `name` is not a group.
std::vector<const SettingSpec*> group_members(std::string_view name) {
    std::vector<const SettingSpec*> members;
    for (const auto& spec : setting_table())
        if (spec.key.size() > name.size() && spec.key.substr(0, name.size()) == name &&
            spec.key[name.size()] == '.')
            members.push_back(&spec);
    return members;
}

// One top-level key of the file: a setting, a group of them, or unknown.
Status read_top_level(const FileLayer& layer, const std::string& key, const YAML::Node& key_node,
                      const YAML::Node& value, Settings& settings, const GetEnv& env,
                      std::vector<CrisisLine>& crisis_lines) {
    // A group's member is written inside it (`pause: {minutes: 4}`), never
    // dotted at the top ("pause.minutes: 4" is an unknown key).
    const auto* spec = key.find('.') == std::string::npos ? find_setting(key) : nullptr;
    if (spec)
        return read_setting_value(layer, *spec, value, settings, env, crisis_lines);
    auto members = group_members(key);
    if (members.empty()) {
        layer.warn(settings, key_node, fmt::format("unknown setting \"{}\" is ignored", key));
        return success();
    }
    if (!value.IsMap()) {
        const auto& example = *members.front();
        return layer.bad(value,
                         fmt::format("{} must hold settings such as '{}: {}'", key,
                                     example.key.substr(key.size() + 1), example.default_value));
    }
    for (const auto& inner : value) {
        auto name = key + "." + (inner.first.IsScalar() ? inner.first.Scalar() : std::string{});
        const auto* member = find_setting(name);
        if (!member) {
            layer.warn(settings, inner.first,
                       fmt::format("unknown setting \"{}\" is ignored", name));
            continue;
        }
        if (auto ok = read_setting_value(layer, *member, inner.second, settings, env, crisis_lines);
            !ok)
            return ok;
    }
    return success();
}

// Rules between settings, checked after each key of the file.
Status check_together(const FileLayer& layer, const YAML::Node& value, const Settings& settings) {
    if (!(settings.breathe_out_seconds.value > settings.breathe_in_seconds.value))
        return layer.bad(value, fmt::format("pause.breathe_out ({}) must be longer than "
                                            "pause.breathe_in ({}): the slow exhale is what calms",
                                            settings.breathe_out_seconds.value,
                                            settings.breathe_in_seconds.value));
    return success();
}

Status read_config_file(const fs::path& file, Settings& settings, const GetEnv& env,
                        ConfigMistakes mistakes) {
    const std::string shown = file.string();
    // The no-link rule of read_small_file is for entries; a config file is
    // often a link into a dotfiles folder, so the link is resolved first.
    std::error_code ec;
    auto target = fs::canonical(file, ec);
    auto text = read_small_file(ec ? file : target, shown);
    if (!text)
        return text.error();
    return read_config_text(*text, shown, settings, env, mistakes);
}

} // namespace

Status read_config_text(std::string_view text, const std::string& shown, Settings& settings,
                        const GetEnv& env, ConfigMistakes mistakes) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        return error_at(shown, e.mark.is_null() ? 1 : e.mark.line + 1,
                        describe_yaml_problem("the config", e));
    }
    if (root.IsNull())
        return success(); // an empty file is a valid config
    if (!root.IsMap())
        return error_at(shown, 1, "the config must be a set of 'key: value' lines");
    FileLayer layer{root, shown};
    std::vector<CrisisLine> configured_crisis_lines;
    std::optional<YAML::Node> replace_node;
    for (const auto& pair : root) {
        const auto key = pair.first.IsScalar() ? pair.first.Scalar() : std::string{};
        // A wrong setting keeps its default, even when part of it (one
        // member of a group) was read before the mistake.
        Settings before = settings;
        auto read = read_top_level(layer, key, pair.first, pair.second, settings, env,
                                   configured_crisis_lines);
        if (read)
            read = check_together(layer, pair.second, settings);
        if (read) {
            if (key == "crisis_replace_builtin")
                replace_node = pair.second;
            continue;
        }
        if (mistakes == ConfigMistakes::are_errors)
            return read;
        // One wrong setting keeps its default; the rest of the file, above
        // all the journal's folder, still applies.
        auto warnings = std::move(settings.warnings);
        settings = std::move(before);
        settings.warnings = std::move(warnings);
        if (key == "crisis")
            configured_crisis_lines.clear();
        settings.warnings.push_back(read.error().located() + "; that setting keeps its default");
    }
    settle_crisis_lines(layer, replace_node ? &*replace_node : nullptr,
                        std::move(configured_crisis_lines), settings);
    return success();
}

namespace {

using S = Settings;

SettingSpec spec_of(std::string_view key, SettingType type, std::string_view default_value,
                    std::string_view help, SettingField field = {}) {
    SettingSpec spec;
    spec.key = key;
    spec.type = type;
    spec.default_value = default_value;
    spec.help = help;
    spec.field = field;
    return spec;
}

SettingSpec number(std::string_view key, std::string_view default_value, std::string_view help,
                   Setting<double> S::*field, std::string_view unit, double low, bool low_open,
                   double high) {
    auto spec = spec_of(key, SettingType::number, default_value, help, field);
    spec.unit = unit;
    spec.low = low;
    spec.low_open = low_open;
    spec.high = high;
    return spec;
}

SettingSpec choice(std::string_view key, std::string_view default_value, std::string_view help,
                   Setting<std::string> S::*field, std::string_view choices) {
    auto spec = spec_of(key, SettingType::choice, default_value, help, field);
    spec.choices = choices;
    return spec;
}

constexpr bool kMoreThan = true;
constexpr bool kFrom = false;

} // namespace

const std::vector<SettingSpec>& setting_table() {
    static const std::vector<SettingSpec> table = {
        spec_of("journal", SettingType::folder, "${XDG_DATA_HOME:-~/.local/share}/settle/journal",
                "The journal folder", &S::journal),
        spec_of("content", SettingType::folder, "built-in",
                "A folder of psychoeducation text used instead of settle's own", &S::content),
        number("audit.minutes", "3", "The certainty audit's timer", &S::audit_minutes, "minutes", 0,
               kMoreThan, 120),
        number("pause.minutes", "5", "The pause's timer", &S::pause_minutes, "minutes", 0,
               kMoreThan, 120),
        number("pause.breathe_in", "4", "Each breath in of the breathing cue",
               &S::breathe_in_seconds, "seconds", kShortestBreathSeconds, kFrom,
               kLongestBreathSeconds),
        number("pause.breathe_out", "6",
               "Each breath out of the breathing cue, longer than the breath in",
               &S::breathe_out_seconds, "seconds", kShortestBreathSeconds, kFrom,
               kLongestBreathSeconds),
        spec_of("bell", SettingType::boolean, "true",
                "Whether the terminal bell marks the end of a timer", &S::bell),
        spec_of("coaching", SettingType::boolean, "true",
                "Gentle hints when an entry drifts from what its exercise asks", &S::coaching),
        choice("color", "auto", "When to use colour; auto means only at a terminal", &S::color,
               "auto|always|never"),
        spec_of("git.auto_commit", SettingType::boolean, "false",
                "Commit each new entry to the journal's git repository", &S::git_auto_commit),
        spec_of("git.auto_sync", SettingType::boolean, "false",
                "Run settle sync in the background after each write", &S::git_auto_sync),
        spec_of("crisis_replace_builtin", SettingType::boolean, "false",
                "Show only your own crisis lines, without the built-in ones",
                &S::crisis_replace_builtin),
        spec_of("crisis", SettingType::crisis_lines, "the built-in lines (Canada, Alberta)",
                "Crisis lines of your own, shown first by settle crisis"),
    };
    return table;
}

const SettingSpec* find_setting(std::string_view key) {
    for (const auto& spec : setting_table())
        if (spec.key == key)
            return &spec;
    return nullptr;
}

std::vector<std::string> setting_choices(const SettingSpec& spec) {
    std::vector<std::string> words;
    for (size_t start = 0; start < spec.choices.size();) {
        auto end = std::min(spec.choices.find('|', start), spec.choices.size());
        words.emplace_back(spec.choices.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::string allowed_values(const SettingSpec& spec) {
    switch (spec.type) {
    case SettingType::folder:
        return "a folder path";
    case SettingType::number:
        return spec.low_open
                   ? fmt::format("{}, more than {} and at most {}", spec.unit, spec.low, spec.high)
                   : fmt::format("{}, from {} to {}", spec.unit, spec.low, spec.high);
    case SettingType::boolean:
        return "true or false";
    case SettingType::choice:
        return joined_list(setting_choices(spec), " or ");
    case SettingType::crisis_lines:
        return "a list of lines, each with a name, a contact and an optional note";
    }
    return {};
}

// The built-in defaults come from the table, the one place they are written.
Settings::Settings() {
    for (const auto& spec : setting_table()) {
        const std::string text(spec.default_value);
        std::visit(
            [&](auto member) {
                using Member = decltype(member);
                if constexpr (std::is_same_v<Member, Setting<double> Settings::*>)
                    std::from_chars(text.data(), text.data() + text.size(), (this->*member).value);
                else if constexpr (std::is_same_v<Member, Setting<bool> Settings::*>)
                    (this->*member).value = text == "true";
                else if constexpr (std::is_same_v<Member, Setting<std::string> Settings::*>)
                    (this->*member).value = text;
            },
            spec.field);
    }
}

std::vector<CrisisLine> default_crisis_lines() {
    return {
        {"Suicide Crisis Helpline (Canada)", "9-8-8", "call or text, 24 hours"},
        {"Emergencies (Canada)", "911", ""},
        {"Kids Help Phone (Canada), for young people", "1-800-668-6868",
         "or text CONNECT to 686868"},
        {"Hope for Wellness Help Line (Canada), for First Nations, Inuit and Metis people",
         "1-855-242-3310", "24 hours"},
        {"Mental Health Help Line (Alberta)", "1-877-303-2642", "24 hours"},
        {"Family Violence Info Line (Alberta)", "310-1818",
         "call or text, 24 hours, more than 170 languages"},
        {"Community and social services (Alberta)", "211", ""},
    };
}

std::string_view to_string(Source source) {
    switch (source) {
    case Source::built_in:
        return "default";
    case Source::file:
        return "config file";
    case Source::environment:
        return "environment";
    case Source::flag:
        return "command line";
    }
    return "?";
}

GetEnv process_environment() {
    return [](const char* name) -> std::optional<std::string> {
        if (const char* value = std::getenv(name))
            return std::string(value);
        return std::nullopt;
    };
}

fs::path expand_home(const std::string& text, const GetEnv& env) {
    if (text == "~")
        return home(env);
    if (text.rfind("~/", 0) == 0)
        return home(env) / text.substr(2);
    return fs::path(text);
}

fs::path config_file_path(const GetEnv& env) {
    auto base = xdg_folder(env, "XDG_CONFIG_HOME");
    fs::path config_home = base ? *base : home(env) / ".config";
    return config_home / "settle" / "config.yaml";
}

Expected<Settings> resolve_settings(const SettingFlags& flags, const GetEnv& env,
                                    ConfigFile config) {
    Settings settings;
    auto data = xdg_folder(env, "XDG_DATA_HOME");
    auto home_folder = home(env);
    if (data || !home_folder.empty())
        settings.journal.set((data ? *data : home_folder / ".local" / "share") / "settle" /
                                 "journal",
                             Source::built_in);

    settings.config_file = config_file_path(env);
    std::error_code ec;
    // exists() follows a symbolic link: a config kept by stow, chezmoi or
    // home-manager is a link into another folder, and is read like a file.
    if (config != ConfigFile::skip &&
        (fs::exists(settings.config_file, ec) || fs::is_symlink(settings.config_file, ec))) {
        settings.config_file_found = true;
        auto mistakes = config == ConfigFile::read_leniently ? ConfigMistakes::are_warnings
                                                             : ConfigMistakes::are_errors;
        if (auto read = read_config_file(settings.config_file, settings, env, mistakes); !read)
            return read.error();
    }
    if (auto content = non_empty(env("SETTLE_CONTENT")))
        settings.content.set(expand_home(*content, env), Source::environment);
    if (auto journal = non_empty(env("SETTLE_JOURNAL")))
        settings.journal.set(expand_home(*journal, env), Source::environment);
    if (flags.journal)
        settings.journal.set(*flags.journal, Source::flag);
    if (non_empty(env("NO_COLOR")))
        settings.color.set("never", Source::environment);
    if (flags.color)
        settings.color.set(*flags.color, Source::flag);
    if (settings.journal.value.empty())
        return Error{"there is no home folder (HOME is unset and the password database has "
                     "none), so no default place for the entries; give journal or SETTLE_JOURNAL"}
            .naming({"journal"});
    return settings;
}

std::vector<SettingRow> setting_rows(const Settings& settings) {
    std::vector<SettingRow> rows;
    for (const auto& spec : setting_table()) {
        std::string key(spec.key);
        switch (spec.type) {
        case SettingType::folder: {
            const auto& setting = settings.*std::get<Setting<fs::path> Settings::*>(spec.field);
            auto shown =
                setting.value.empty() ? std::string(spec.default_value) : setting.value.string();
            rows.push_back({key, shown, setting.source, true});
            break;
        }
        case SettingType::number: {
            const auto& setting = settings.*std::get<Setting<double> Settings::*>(spec.field);
            rows.push_back({key, fmt::format("{}", setting.value), setting.source, false});
            break;
        }
        case SettingType::boolean: {
            const auto& setting = settings.*std::get<Setting<bool> Settings::*>(spec.field);
            rows.push_back({key, fmt::format("{}", setting.value), setting.source, false});
            break;
        }
        case SettingType::choice: {
            const auto& setting = settings.*std::get<Setting<std::string> Settings::*>(spec.field);
            rows.push_back({key, setting.value, setting.source, true});
            break;
        }
        case SettingType::crisis_lines:
            for (size_t i = 0; i < settings.crisis_lines.value.size(); ++i) {
                const auto& line = settings.crisis_lines.value[i];
                auto shown = line.note.empty()
                                 ? fmt::format("{}: {}", line.name, line.contact)
                                 : fmt::format("{}: {} ({})", line.name, line.contact, line.note);
                // Each line says where it came from: the config file or settle.
                rows.push_back({fmt::format("{}.{}", key, i + 1), shown,
                                i < settings.crisis_configured ? Source::file : Source::built_in,
                                true});
            }
            break;
        }
    }
    return rows;
}

} // namespace settle
