// settle config: every setting as resolved, and where each value came from
// (default, config file, environment, command line); with a key, that one
// setting and what it accepts. Both read the one table of settings
// (core/settings.hpp).
#include "cli/commands.hpp"
#include "cli/reading.hpp"
#include "cli/terminal/pager.hpp"
#include "core/display.hpp"
#include "core/entry_json.hpp"
#include "core/text_match.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>

namespace settle::cli {

namespace {

// The settings a key names: the setting itself, the lines of `crisis`
// (crisis.1, crisis.2 ...), or every member of a group (`pause`).
std::vector<const SettingSpec*> named_settings(const std::string& key) {
    std::vector<const SettingSpec*> named;
    for (const auto& spec : setting_table())
        if (spec.key == key || std::string_view(spec.key).starts_with(key + "."))
            named.push_back(&spec);
    if (named.empty()) {
        std::vector<std::string> keys;
        for (const auto& spec : setting_table())
            keys.emplace_back(spec.key);
        auto near = nearest_names(key, keys);
        throw UsageError(fmt::format("there is no setting \"{}\"; {}", neutralize_controls(key),
                                     near.empty()
                                         ? "`settle config` lists them all"
                                         : "did you mean " + joined_list(near, " or ") + "?"));
    }
    return named;
}

bool shows_row(const std::vector<const SettingSpec*>& specs, const SettingRow& row) {
    return std::any_of(specs.begin(), specs.end(), [&](const SettingSpec* spec) {
        return row.key == spec->key ||
               (spec->type == SettingType::crisis_lines &&
                std::string_view(row.key).starts_with(std::string(spec->key) + "."));
    });
}

void run_config(Context& context, const std::string& format, const std::string& key) {
    check_format(format, {"text", "json"});
    context.config_problems_are_errors = true;
    auto specs = key.empty() ? std::vector<const SettingSpec*>{} : named_settings(key);
    const auto& settings = context.settings();
    auto rows = setting_rows(settings);
    if (!key.empty())
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [&](const SettingRow& row) { return !shows_row(specs, row); }),
                   rows.end());
    if (format == "json") {
        Json values = Json::object();
        for (const auto& row : rows) {
            Json value = row.text ? Json(row.value) : Json::parse(row.value);
            values[row.key] = {{"value", value}, {"source", to_string(row.source)}};
        }
        Json out = {{"config_file", settings.config_file.string()},
                    {"config_file_found", settings.config_file_found},
                    {"settings", values}};
        fmt::print("{}\n", dump_json(out));
        return;
    }
    size_t key_width = 0;
    size_t value_width = 0;
    for (const auto& row : rows) {
        key_width = std::max(key_width, row.key.size());
        value_width = std::max(value_width, std::min<size_t>(row.value.size(), 40));
    }
    for (const auto& row : rows)
        fmt::print("{:<{}}  {:<{}}  ({})\n", neutralize_controls(row.key), key_width,
                   neutralize_controls(row.value), value_width, to_string(row.source));
    // Asked about one setting or group: what each accepts, from the table.
    for (const auto* spec : specs)
        fmt::print("\n{}: {}.\n  Takes {}; the default is {}.\n", spec->key, spec->help,
                   allowed_values(*spec), spec->default_value);
    print_message(
        fmt::format("Config file: {} ({})\n", neutralize_controls(settings.config_file.string()),
                    settings.config_file_found ? "read" : "not there, so defaults apply"));
}

} // namespace

void setup_config(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("config", "Show each setting and where it came from");
    auto format = std::make_shared<std::string>("text");
    auto key = std::make_shared<std::string>();
    command->add_option("setting", *key, "Show only this setting (or group, such as pause)");
    command->add_option("--format", *format, "Output format")->option_text("text|json");
    command->footer(R"(Settings come from built-in defaults, then the config file
(${XDG_CONFIG_HOME:-~/.config}/settle/config.yaml), then the environment
($SETTLE_JOURNAL, $NO_COLOR), then the command line; the last one given wins.
See settle-config(5) for every key.

Examples:
  settle config
  settle config pause.minutes
  settle --color never config --format json)");
    command->callback([&context, format, key] { run_config(context, *format, *key); });
}

} // namespace settle::cli
