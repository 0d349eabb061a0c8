#include "cli/hints.hpp"
#include "cli/terminal/pager.hpp"

#include "core/content.hpp"
#include "core/display.hpp"
#include "core/layout.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace settle::cli {

namespace {

constexpr const char* kRulesFile = "coaching.yaml";

} // namespace

std::optional<CoachingRules> coaching_rules(Context& context,
                                            const std::function<void(const std::string&)>& warn) {
    if (!context.settings().coaching.value)
        return std::nullopt;
    auto source = ContentSource::from_setting(context.settings().content.value);
    auto text = source.read(kRulesFile);
    if (!text && !source.is_built_in()) {
        // A translated folder without coaching rules uses the built-in ones.
        source = ContentSource::built_in();
        text = source.read(kRulesFile);
    }
    if (!text)
        return std::nullopt;
    auto rules = CoachingRules::parse(*text, source.shown_path(kRulesFile));
    if (!rules) {
        auto line = fmt::format("settle: warning: {}; no hints this time\n",
                                neutralize_controls(rules.error().located()));
        if (warn)
            warn(line);
        else
            print_message(line);
        return std::nullopt;
    }
    return std::move(rules.value());
}

void print_hints(const std::vector<Hint>& hints) {
    for (const auto& hint : hints)
        print_message(fmt::format("A gentle note: {}\n", neutralize_controls(hint.message)));
}

std::string hint_for_terminal(std::string_view message, int columns) {
    std::string out;
    for (const auto& line : wrap_to_width(neutralize_controls(message), std::max(20, columns - 3)))
        out += (out.empty() ? "  " : "\n  ") + line;
    return out;
}

Json hints_json(const std::vector<Hint>& hints) {
    Json out = Json::array();
    for (const auto& hint : hints)
        out.push_back(Json{{"rule", hint.rule},
                           {"field", hint.field},
                           {"item", hint.item > 0 ? Json(hint.item) : Json(nullptr)},
                           {"text", hint.text},
                           {"message", hint.message}});
    return out;
}

} // namespace settle::cli
