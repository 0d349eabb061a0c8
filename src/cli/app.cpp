// The command table and the one place where errors become exit statuses.
#include "commands.hpp"
#include "core/display.hpp"
#include "menu.hpp"
#include "tty.hpp"

#include <fmt/format.h>
#include <unistd.h>

#ifndef SETTLE_VERSION
#define SETTLE_VERSION "0.0.0"
#endif

namespace settle::cli {

namespace {

struct CommandEntry {
    void (*setup)(CLI::App&, Context&);
};

// Every subcommand, in the order `settle --help` lists them.
constexpr CommandEntry kCommands[] = {
    {setup_audit},    {setup_script},      {setup_pause}, {setup_read},   {setup_list},
    {setup_summary},  {setup_revisit},     {setup_show},  {setup_check},  {setup_edit},
    {setup_crisis},   {setup_init},        {setup_sync},  {setup_config}, {setup_help},
    {setup_complete}, {setup_merge_entry},
};

constexpr int kExitOk = 0;
constexpr int kExitRuntime = 1;
constexpr int kExitUsage = 2;

// Messages can quote a file's text (a bad value, an entry's ID), so they
// reach the terminal neutralized like any other text from a file.
void print_error(std::string_view message) {
    fmt::print(stderr, "settle: error: {}\n", neutralize_controls(message, true));
}

} // namespace

void build(CLI::App& app, Context& context) {
    app.set_version_flag("--version", SETTLE_VERSION, "Print the version and exit");
    app.add_option("--journal", context.global.journal, "The journal folder")->option_text("DIR");
    app.add_option("--color", context.global.color, "When to use colour")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->option_text("auto|always|never");
    for (const auto& command : kCommands)
        command.setup(app, context);
    app.footer(R"(The journal folder is --journal, else $SETTLE_JOURNAL, else `journal:` in
~/.config/settle/config.yaml, else ~/.local/share/settle/journal.

Examples:
  settle pause --urge-before 8 --urge-after 4 --outcome waited
  settle list --since 7d
  settle read reassurance
Run `settle COMMAND --help` for a command's options.
In a crisis, `settle crisis` shows who to call.)");
}

namespace {

// CLI11's own exit codes are 100-127; a person or script expects 2 for any
// mistake in the command line.
// "0.010000" as a person writes it: "0.01".
std::string plain_number(std::string number) {
    if (number.find('.') != std::string::npos) {
        number.erase(number.find_last_not_of('0') + 1);
        if (number.back() == '.')
            number.pop_back();
    }
    return number;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// CLI11's messages in settle's words, for the mistakes people make most.
// (CLI11 2.1's wording, matched as plain text.)
std::string parse_error_message(const CLI::ParseError& error, bool command_chosen) {
    std::string_view text = error.what();
    for (std::string_view lead : {"The following argument was not expected: ",
                                  "The following arguments were not expected: "}) {
        if (!starts_with(text, lead))
            continue;
        auto word =
            std::string(text.substr(lead.size(), text.find(' ', lead.size()) - lead.size()));
        if (starts_with(word, "-"))
            return fmt::format("unknown option \"{}\"", word);
        if (!command_chosen)
            return fmt::format("\"{}\" is not a settle command", word);
        return fmt::format("unexpected \"{}\"", word);
    }
    auto colon = text.find(": ");
    if (colon == std::string_view::npos || !starts_with(text, "-"))
        return std::string(text);
    auto option = std::string(text.substr(0, colon));
    auto rest = text.substr(colon + 2);
    if (starts_with(rest, "At Most 1 required but received "))
        return fmt::format("{} was given more than once", option);
    if (ends_with(rest, " missing") && rest.find(" required ") != std::string_view::npos)
        return fmt::format("{} needs a value", option);
    auto range = rest.find(" not in range ");
    auto to = rest.rfind(" to ");
    if (starts_with(rest, "Value ") && range != std::string_view::npos && to > range)
        return fmt::format("{} must be a number from {} to {}, got \"{}\"", option,
                           plain_number(std::string(rest.substr(range + 14, to - range - 14))),
                           plain_number(std::string(rest.substr(to + 4))),
                           rest.substr(6, range - 6));
    return std::string(text);
}

int report_parse_error(CLI::App& app, const CLI::ParseError& error) {
    if (error.get_exit_code() == 0)
        return app.exit(error); // --help, --version: printed on stdout
    std::string where = "settle";
    for (auto* sub = &app; sub;) {
        auto chosen = sub->get_subcommands();
        if (chosen.empty())
            break;
        sub = chosen.front();
        where += " " + sub->get_name();
    }
    print_error(
        fmt::format("{}\nTry '{} --help'.", parse_error_message(error, where != "settle"), where));
    return kExitUsage;
}

// `settle` alone at a terminal: the menu's choice runs as if it had been
// typed after the global options given (`settle --journal DIR` + `audit`).
int run_chosen_from_menu(const CLI::App& app, Context& context, int argc, char** argv) {
    std::vector<std::string> available;
    for (const auto* command : app.get_subcommands([](const CLI::App*) { return true; }))
        available.push_back(command->get_name());
    auto chosen = choose_from_menu(context, available);
    if (!chosen)
        return kExitOk;
    std::vector<std::string> words(argv, argv + argc);
    words.push_back(*chosen);
    std::vector<char*> pointers;
    for (auto& word : words)
        pointers.push_back(word.data());
    return run(static_cast<int>(pointers.size()), pointers.data());
}

} // namespace

int run(int argc, char** argv) {
    Context context(process_environment(), now_seconds());
    CLI::App app{"settle: a calm journal for anxious attachment", "settle"};
    build(app, context);
    app.require_subcommand(0, 1);
    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) {
            if (interactive_terminal_available())
                return run_chosen_from_menu(app, context, argc, argv);
            fmt::print(stderr, "{}", app.help());
            return kExitUsage;
        }
        return context.exit_status;
    } catch (const CLI::ParseError& error) {
        return report_parse_error(app, error);
    } catch (const UsageError& error) {
        print_error(error.what());
        return kExitUsage;
    } catch (const RuntimeError& error) {
        print_error(error.what());
        return kExitRuntime;
    } catch (const std::exception& error) {
        print_error(error.what());
        return kExitRuntime;
    }
    return kExitOk;
}

} // namespace settle::cli
