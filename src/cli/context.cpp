#include "context.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace settle::cli {

const Settings& Context::settings() {
    if (!settings_) {
        SettingFlags flags;
        if (global.journal)
            flags.journal = fs::path(*global.journal);
        auto resolved = resolve_settings(flags, env_);
        if (!resolved)
            throw UsageError(resolved.error().located());
        for (const auto& warning : resolved->warnings)
            fmt::print(stderr, "settle: warning: {}\n", warning);
        settings_ = std::move(resolved.value());
    }
    return *settings_;
}

const LocalZone& Context::zone() {
    if (!zone_)
        zone_.emplace();
    return *zone_;
}

bool Context::use_color(int stream) const {
    if (global.color == "always")
        return true;
    if (global.color == "never" || env_("NO_COLOR").value_or("") != "")
        return false;
    return ::isatty(stream) == 1;
}

} // namespace settle::cli
