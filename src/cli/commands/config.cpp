// settle config: every setting as resolved, and where each value came from
// (default, config file, environment, command line).
#include "cli/commands.hpp"
#include "cli/reading.hpp"
#include "cli/terminal/pager.hpp"
#include "core/display.hpp"
#include "core/entry_json.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>

namespace settle::cli {

namespace {

void run_config(Context& context, const std::string& format) {
    check_format(format, {"text", "json"});
    context.config_problems_are_errors = true;
    const auto& settings = context.settings();
    auto rows = setting_rows(settings);
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
    print_message(
        fmt::format("Config file: {} ({})\n", neutralize_controls(settings.config_file.string()),
                    settings.config_file_found ? "read" : "not there, so defaults apply"));
}

} // namespace

void setup_config(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("config", "Show each setting and where it came from");
    auto format = std::make_shared<std::string>("text");
    command->add_option("--format", *format, "Output format")->option_text("text|json");
    command->footer(R"(Settings come from built-in defaults, then the config file
(${XDG_CONFIG_HOME:-~/.config}/settle/config.yaml), then the environment
($SETTLE_JOURNAL, $NO_COLOR), then the command line; the last one given wins.
See settle-config(5) for every key.

Examples:
  settle config
  settle --color never config --format json)");
    command->callback([&context, format] { run_config(context, *format); });
}

} // namespace settle::cli
