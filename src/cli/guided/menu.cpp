#include "cli/guided/menu.hpp"

#include "cli/guided/session.hpp"

#include "core/content.hpp"
#include "core/display.hpp"

#include <algorithm>
#include <charconv>
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

// The numbered topic picker: the topic's name, or nothing to go back to the
// menu. When the topics cannot be loaded, `read` itself says why.
std::optional<std::vector<std::string>> pick_topic(Context& context, Session& session) {
    auto library = load_topics(ContentSource::from_setting(context.settings().content.value));
    if (!library || library->topics.empty())
        return std::vector<std::string>{"read"};
    auto& terminal = session.terminal();
    const auto& topics = library->topics;
    session.say(terminal.bold("What would you like to read?"));
    session.say();
    for (size_t i = 0; i < topics.size(); ++i)
        session.say(fmt::format("  {:>2}  {}", i + 1, neutralize_controls(topics[i].title)) +
                    terminal.dim(" " + neutralize_controls(topics[i].summary)));
    session.say(terminal.dim("A number, then Enter; Enter alone goes back."));
    while (true) {
        auto answer = session.ask_line(Question{session.prompt("topic")});
        auto first = answer ? answer->find_first_not_of(" \t") : std::string::npos;
        if (first == std::string::npos)
            return std::nullopt;
        auto text = answer->substr(first);
        while (!text.empty() && (text.back() == ' ' || text.back() == '.'))
            text.pop_back();
        int number = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec == std::errc{} && end == text.data() + text.size() && number >= 1 &&
            number <= static_cast<int>(topics.size()))
            return std::vector<std::string>{"read", topics[static_cast<size_t>(number - 1)].name};
        session.say(terminal.dim(
            fmt::format("A number from 1 to {}, please, or Enter to go back.", topics.size())));
    }
}

} // namespace

std::optional<std::vector<std::string>>
choose_from_menu(Context& context, const std::vector<std::string>& available) {
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
    std::u32string keys = U"q\n";
    for (const auto& item : shown)
        keys += item.key;
    KeyQuestion question{keys, "the letter before what you want",
                         fmt::format("  {}  not now", terminal.bold("q"))};
    question.crisis_key = false; // `c` is on the menu itself
    try {
        // The menu again after the topic picker, until something is chosen.
        while (true) {
            session.say(terminal.bold("What would help right now?"));
            session.say();
            for (const auto& item : shown)
                session.say(fmt::format("  {}  {}  {}", terminal.bold(utf8_encode(item.key)),
                                        item.label, item.description));
            auto key = session.ask_key(question);
            auto chosen = std::find_if(shown.begin(), shown.end(),
                                       [&](const MenuItem& item) { return key == item.key; });
            if (chosen == shown.end())
                return std::nullopt; // q or Enter: not now
            session.say();
            if (std::string_view(chosen->command) != "read")
                return std::vector<std::string>{chosen->command};
            if (auto picked = pick_topic(context, session))
                return picked;
            session.say();
        }
    } catch (const SessionEnded&) {
        // Ctrl-C or a closed terminal at the menu: nothing was begun.
    }
    return std::nullopt;
}

} // namespace settle::cli
