#include "settings.hpp"

#include "journal.hpp"
#include "yaml_problem.hpp"

#include <algorithm>
#include <cerrno>
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

    // Minutes as a positive number no larger than two hours.
    Status minutes(const YAML::Node& node, const char* key, Setting<double>& target) const {
        double value = 0;
        if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !(value > 0) ||
            value > 120)
            return bad(
                node, fmt::format(
                          "{} must be a number of minutes, more than 0 and at most 120, got \"{}\"",
                          key, node.IsScalar() ? node.Scalar() : "a list"));
        target.set(value, Source::file);
        return success();
    }

    // Seconds for one phase of the paced breathing.
    Status breath_seconds(const YAML::Node& node, const std::string& key,
                          Setting<double>& target) const {
        double value = 0;
        if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) ||
            !(value >= kShortestBreathSeconds) || value > kLongestBreathSeconds)
            return bad(node, fmt::format("{} must be a number of seconds from {} to {}, got \"{}\"",
                                         key, kShortestBreathSeconds, kLongestBreathSeconds,
                                         node.IsScalar() ? node.Scalar() : "a list"));
        target.set(value, Source::file);
        return success();
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
                settings.warnings.push_back(
                    layer
                        .bad(field.first,
                             fmt::format("unknown setting \"crisis.{}\" is ignored", name))
                        .located());
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
        settings.warnings.push_back(
            layer
                .bad(*replace_node, "crisis_replace_builtin: true needs lines of your own under "
                                    "'crisis:'; the built-in lines are kept")
                .located());
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

bool is_color_mode(const std::string& text) {
    return text == "auto" || text == "always" || text == "never";
}

// `git: {auto_commit: true, auto_sync: true}`.
Status read_git_settings(const FileLayer& layer, const YAML::Node& value, Settings& settings) {
    if (!value.IsMap())
        return layer.bad(value, "git must hold settings such as 'auto_commit: true'");
    for (const auto& inner : value) {
        auto name = inner.first.IsScalar() ? inner.first.Scalar() : std::string{};
        if (name != "auto_commit" && name != "auto_sync") {
            settings.warnings.push_back(
                layer.bad(inner.first, fmt::format("unknown setting \"git.{}\" is ignored", name))
                    .located());
            continue;
        }
        bool on = false;
        if (!inner.second.IsScalar() || !YAML::convert<bool>::decode(inner.second, on))
            return layer.bad(inner.second, fmt::format("git.{} must be true or false", name));
        (name == "auto_commit" ? settings.git_auto_commit : settings.git_auto_sync)
            .set(on, Source::file);
    }
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
    auto read_setting = [&](const YAML::detail::iterator_value& pair) -> Status {
        const auto key = pair.first.IsScalar() ? pair.first.Scalar() : std::string{};
        const auto& value = pair.second;
        if (key == "journal" || key == "content") {
            if (!value.IsScalar() || value.Scalar().empty())
                return layer.bad(value, fmt::format("{} must be a folder path", key));
            auto folder =
                config_folder_path(value.Scalar(), key, fs::path(shown).parent_path(), env);
            if (!folder)
                return layer.bad(value, folder.error().message);
            (key == "journal" ? settings.journal : settings.content).set(*folder, Source::file);
        } else if (key == "crisis") {
            if (auto ok = read_crisis_lines(layer, value, settings, configured_crisis_lines); !ok)
                return ok;
        } else if (key == "crisis_replace_builtin") {
            bool replace = false;
            if (!value.IsScalar() || !YAML::convert<bool>::decode(value, replace))
                return layer.bad(value, "crisis_replace_builtin must be true or false");
            settings.crisis_replace_builtin.set(replace, Source::file);
            replace_node = value;
        } else if (key == "audit" || key == "pause") {
            if (!value.IsMap())
                return layer.bad(value,
                                 fmt::format("{} must hold settings such as 'minutes: 3'", key));
            for (const auto& inner : value) {
                auto name = inner.first.IsScalar() ? inner.first.Scalar() : std::string{};
                if (name == "minutes") {
                    auto& target = key == "audit" ? settings.audit_minutes : settings.pause_minutes;
                    if (auto ok = layer.minutes(inner.second, (key + ".minutes").c_str(), target);
                        !ok)
                        return ok;
                } else if (key == "pause" && (name == "breathe_in" || name == "breathe_out")) {
                    auto& target = name == "breathe_in" ? settings.breathe_in_seconds
                                                        : settings.breathe_out_seconds;
                    if (auto ok = layer.breath_seconds(inner.second, "pause." + name, target); !ok)
                        return ok;
                } else {
                    settings.warnings.push_back(
                        error_at(shown, layer.line(inner.first),
                                 fmt::format("unknown setting \"{}.{}\" is ignored", key, name))
                            .located());
                }
            }
            if (!(settings.breathe_out_seconds.value > settings.breathe_in_seconds.value))
                return layer.bad(value, fmt::format("pause.breathe_out ({}) must be longer than "
                                                    "pause.breathe_in ({}): the slow exhale is "
                                                    "what calms",
                                                    settings.breathe_out_seconds.value,
                                                    settings.breathe_in_seconds.value));
        } else if (key == "bell") {
            bool ring = true;
            if (!value.IsScalar() || !YAML::convert<bool>::decode(value, ring))
                return layer.bad(value, "bell must be true or false");
            settings.bell.set(ring, Source::file);
        } else if (key == "coaching") {
            bool on = true;
            if (!value.IsScalar() || !YAML::convert<bool>::decode(value, on))
                return layer.bad(value, "coaching must be true or false");
            settings.coaching.set(on, Source::file);
        } else if (key == "color") {
            if (!value.IsScalar() || !is_color_mode(value.Scalar()))
                return layer.bad(value,
                                 fmt::format("color must be auto, always or never, got \"{}\"",
                                             value.IsScalar() ? value.Scalar() : "a list"));
            settings.color.set(value.Scalar(), Source::file);
        } else if (key == "git") {
            if (auto ok = read_git_settings(layer, value, settings); !ok)
                return ok;
        } else {
            settings.warnings.push_back(
                error_at(shown, layer.line(pair.first),
                         fmt::format("unknown setting \"{}\" is ignored", key))
                    .located());
        }
        return success();
    };
    for (const auto& pair : root) {
        auto read = read_setting(pair);
        if (read)
            continue;
        if (mistakes == ConfigMistakes::are_errors)
            return read;
        // One wrong setting keeps its default; the rest of the file, above
        // all the journal's folder, still applies.
        if (pair.first.IsScalar() && pair.first.Scalar() == "crisis")
            configured_crisis_lines.clear();
        settings.warnings.push_back(read.error().located() + "; that setting keeps its default");
    }
    settle_crisis_lines(layer, replace_node ? &*replace_node : nullptr,
                        std::move(configured_crisis_lines), settings);
    return success();
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
        return Error{"there is no home folder to keep the journal in (HOME is unset and the "
                     "password database has none); set SETTLE_JOURNAL or use --journal"};
    return settings;
}

std::vector<SettingRow> setting_rows(const Settings& settings) {
    auto text = [](std::string key, const auto& setting) {
        return SettingRow{std::move(key), fmt::format("{}", setting.value), setting.source, true};
    };
    auto number = [](std::string key, const auto& setting) {
        return SettingRow{std::move(key), fmt::format("{}", setting.value), setting.source, false};
    };
    std::vector<SettingRow> rows = {
        SettingRow{"journal", settings.journal.value.string(), settings.journal.source, true},
        SettingRow{"content",
                   settings.content.value.empty() ? std::string("built-in")
                                                  : settings.content.value.string(),
                   settings.content.source, true},
        number("audit.minutes", settings.audit_minutes),
        number("pause.minutes", settings.pause_minutes),
        number("pause.breathe_in", settings.breathe_in_seconds),
        number("pause.breathe_out", settings.breathe_out_seconds),
        number("bell", settings.bell),
        number("coaching", settings.coaching),
        text("color", settings.color),
        number("git.auto_commit", settings.git_auto_commit),
        number("git.auto_sync", settings.git_auto_sync),
        number("crisis_replace_builtin", settings.crisis_replace_builtin),
    };
    for (size_t i = 0; i < settings.crisis_lines.value.size(); ++i) {
        const auto& line = settings.crisis_lines.value[i];
        auto shown = line.note.empty()
                         ? fmt::format("{}: {}", line.name, line.contact)
                         : fmt::format("{}: {} ({})", line.name, line.contact, line.note);
        // Each line says where it came from: the config file or settle.
        rows.push_back({fmt::format("crisis.{}", i + 1), shown,
                        i < settings.crisis_configured ? Source::file : Source::built_in, true});
    }
    return rows;
}

} // namespace settle
