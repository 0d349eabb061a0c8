#include "menu.hpp"

#include "session.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace settle::cli {

namespace {

struct MenuItem {
    char32_t key;
    const char* command;
    const char* label;
    std::string description;
};

std::string minutes(double value) {
    return fmt::format("{:g} min", value);
}

} // namespace

std::optional<std::string> choose_from_menu(Context& context,
                                            const std::vector<std::string>& available) {
    const auto& settings = context.settings();
    const std::vector<MenuItem> all = {
        {U'a', "audit", "audit ",
         fmt::format("Sort what you know from what you fear ({})",
                     minutes(settings.audit_minutes.value))},
        {U'p', "pause", "pause ",
         fmt::format("Sit with the urge before reaching out ({})",
                     minutes(settings.pause_minutes.value))},
        {U's', "script", "script", "Find words for what you feel and need"},
        {U'r', "read", "read  ", "Read about anxious attachment"},
        {U'c', "crisis", "crisis", "Crisis lines, if you need someone now"},
    };
    std::vector<MenuItem> shown;
    for (const auto& item : all)
        if (std::find(available.begin(), available.end(), item.command) != available.end())
            shown.push_back(item);

    Session session(context);
    auto& terminal = session.terminal();
    session.say(terminal.bold("What would help right now?"));
    session.say();
    std::u32string keys = U"q\n";
    for (const auto& item : shown) {
        session.say(fmt::format("  {}  {}  {}", terminal.bold(utf8_encode(item.key)), item.label,
                                item.description));
        keys += item.key;
    }
    try {
        KeyQuestion question{keys, "the letter before what you want",
                             fmt::format("  {}  not now", terminal.bold("q"))};
        question.crisis_key = false; // `c` is on the menu itself
        auto key = session.ask_key(question);
        for (const auto& item : shown)
            if (key == item.key) {
                session.say();
                return item.command;
            }
    } catch (const SessionEnded&) {
        // Ctrl-C or a closed terminal at the menu: nothing was begun.
    }
    return std::nullopt;
}

} // namespace settle::cli
