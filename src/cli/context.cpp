#include "cli/context.hpp"
#include "cli/terminal/pager.hpp"

#include "cli/flag_names.hpp"
#include "cli/terminal/probe.hpp"
#include "core/display.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace settle::cli {

const Settings& Context::settings() {
    if (!settings_) {
        SettingFlags flags;
        if (global.journal)
            flags.journal = fs::path(*global.journal);
        flags.color = global.color;
        auto resolved = resolve_settings(flags, env_);
        if (!resolved && !config_problems_are_errors)
            if (auto lenient = resolve_settings(flags, env_, ConfigFile::read_leniently))
                resolved = std::move(lenient);
        if (!resolved && !config_problems_are_errors) {
            auto defaults = resolve_settings(flags, env_, ConfigFile::skip);
            if (defaults) {
                print_message(fmt::format("settle: warning: {}; running on the defaults\n",
                                          neutralize_controls(resolved.error().located())));
                resolved = std::move(defaults);
            }
        }
        if (!resolved) {
            Error shown = resolved.error(); // "give journal": --journal, to a person
            shown.message = in_flag_terms(shown);
            throw UsageError(shown.located());
        }
        // One line each; a key from the file may hold terminal controls.
        for (const auto& warning : resolved->warnings)
            print_message(fmt::format("settle: warning: {}\n", neutralize_controls(warning)));
        settings_ = std::move(resolved.value());
    }
    return *settings_;
}

const LocalZone& Context::zone() {
    if (!zone_)
        zone_.emplace();
    return *zone_;
}

namespace {

// FORCE_COLOR=0 and CLICOLOR_FORCE=0 mean "not forced", as in the tools
// that started these conventions.
bool forced(const std::optional<std::string>& value) {
    return value && !value->empty() && *value != "0";
}

} // namespace

bool Context::use_color(int stream) {
    // The same order as settings().color, without reading the config file
    // when the flag or the environment already decide: --color, NO_COLOR,
    // CLICOLOR_FORCE or FORCE_COLOR, then `color:` in the config.
    std::string mode = "auto";
    if (global.color)
        mode = *global.color;
    else if (env_("NO_COLOR").value_or("") != "")
        mode = "never";
    else if (forced(env_("CLICOLOR_FORCE")) || forced(env_("FORCE_COLOR")))
        mode = "always";
    else {
        try {
            mode = settings().color.value;
        } catch (const UsageError&) {
            // A broken config file must not stop `settle crisis` or `read`;
            // the commands that need the config report it.
        }
    }
    if (mode == "always")
        return true;
    if (mode == "never")
        return false;
    // "auto": a terminal that can show colour. TERM=dumb (Emacs shells,
    // some editors' terminals) shows escape codes as text.
    return escape_capable_terminal(stream, env_);
}

} // namespace settle::cli
