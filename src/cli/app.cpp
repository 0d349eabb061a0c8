// The command table and the one place where errors become exit statuses.
#include "cli/commands.hpp"
#include "cli/guided/menu.hpp"
#include "cli/reading.hpp"
#include "cli/terminal/pager.hpp"
#include "cli/terminal/tty.hpp"
#include "core/display.hpp"
#include "core/text_match.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <system_error>
#include <unistd.h>

namespace settle::cli {

// "settle 0.1.0 (v0.1.0-3-gabc1234)": made at build time (cmake/version.cmake).
extern const char* const kVersionText;

namespace {

// --help in plain words: each option's value is named by its option_text
// (WHEN, N, audit|script|pause) or a plain word for its type, never the
// parser's validators ("FLOAT:FLOAT in [0.01 - 120]") or its rules between
// options ("Excludes: --no-timer"), which the descriptions say in words.
class PlainFormatter : public CLI::Formatter {
  public:
    std::string make_option_opts(const CLI::Option* option) const override {
        if (!option->get_option_text().empty())
            return " " + option->get_option_text();
        auto type = option->get_type_name();
        if (option->get_type_size() == 0 || type.empty()) // a flag
            return {};
        type = type.substr(0, type.find(':'));
        if (type == "INT" || type == "UINT")
            return " N";
        if (type == "FLOAT")
            return " NUMBER";
        return " TEXT";
    }
};

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
    print_message(fmt::format("settle: error: {}\n", neutralize_controls(message, true)));
}

} // namespace

void build(CLI::App& app, Context& context) {
    // Set before the subcommands are added: each takes its parent's
    // formatter and fallthrough when it is made. Fallthrough lets the
    // global options come after the command too (`settle list --color never`).
    app.formatter(std::make_shared<PlainFormatter>());
    app.fallthrough();
    app.set_version_flag("--version", kVersionText, "Print the version and exit");
    app.add_option("--journal", context.global.journal, "The journal folder")->option_text("DIR");
    app.add_option("--color", context.global.color, "When to use colour (also after the command)")
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

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string did_you_mean(const std::vector<std::string>& suggestions, std::string_view before) {
    if (suggestions.empty())
        return {};
    std::vector<std::string> shown;
    for (const auto& suggestion : suggestions)
        shown.push_back(fmt::format("{}{}", before, suggestion));
    return "; did you mean " + joined_list(shown, " or ") + "?";
}

// The chosen subcommands, outermost first.
std::vector<const CLI::App*> chosen_path(const CLI::App& app) {
    std::vector<const CLI::App*> path{&app};
    while (!path.back()->get_subcommands().empty())
        path.push_back(path.back()->get_subcommands().front());
    return path;
}

// "unknown option "--outcme"; did you mean --outcome?": the first word the
// parser could not place, said about the word itself, never the value that
// followed it.
std::string unexpected_words_message(const CLI::App& app) {
    auto path = chosen_path(app);
    std::vector<std::string> words;
    for (const auto* level : path)
        for (auto& word : level->remaining(false))
            words.push_back(word);
    if (words.empty())
        return {};
    // No command chosen: the first word was meant as one (`settle sumary
    // --all` is about "sumary", not "--all").
    if (path.size() == 1 && words.front()[0] != '-') {
        std::vector<std::string> commands;
        for (const auto* command : app.get_subcommands({}))
            if (!command->get_group().empty())
                commands.push_back(command->get_name());
        return fmt::format("\"{}\" is not a settle command{}", neutralize_controls(words.front()),
                           did_you_mean(nearest_names(words.front(), commands), "settle "));
    }
    auto option = std::find_if(words.begin(), words.end(),
                               [](const std::string& w) { return w.size() > 1 && w[0] == '-'; });
    if (option != words.end()) {
        auto typed = option->substr(0, option->find('='));
        std::vector<std::string> names;
        for (const auto* level : {path.back(), path.front()})
            for (const auto* known : level->get_options())
                for (const auto& name : known->get_lnames())
                    names.push_back("--" + name);
        return fmt::format("unknown option \"{}\"{}", neutralize_controls(typed),
                           did_you_mean(nearest_names(typed, names), ""));
    }
    const auto& word = words.front();
    return fmt::format("unexpected \"{}\"", neutralize_controls(word));
}

// CLI11's messages in settle's words, for the mistakes people make most.
// (CLI11 2.1's wording, matched as plain text.)
std::string parse_error_message(const CLI::App& app, const CLI::ParseError& error) {
    std::string_view text = error.what();
    if (std::string_view(text).starts_with("The following argument")) {
        if (auto message = unexpected_words_message(app); !message.empty())
            return message;
    }
    if (auto excludes = text.find(" excludes ");
        std::string_view(text).starts_with("-") && excludes != std::string_view::npos)
        return fmt::format("{} and {} cannot be used together", text.substr(0, excludes),
                           text.substr(excludes + 10));
    auto colon = text.find(": ");
    if (colon == std::string_view::npos || !std::string_view(text).starts_with("-"))
        return std::string(text);
    auto option = std::string(text.substr(0, colon));
    auto rest = text.substr(colon + 2);
    if (std::string_view(rest).starts_with("At Most 1 required but received "))
        return fmt::format("{} was given more than once", option);
    if (ends_with(rest, " missing") && rest.find(" required ") != std::string_view::npos)
        return fmt::format("{} needs a value", option);
    auto range = rest.find(" not in range ");
    auto to = rest.rfind(" to ");
    if (std::string_view(rest).starts_with("Value ") && range != std::string_view::npos &&
        to > range)
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
    print_error(fmt::format("{}\nTry '{} --help'.", parse_error_message(app, error), where));
    return kExitUsage;
}

// `settle` alone at a terminal: the menu's choice runs as if it had been
// typed after the global options given (`settle --journal DIR` + `audit`).
int run_chosen_from_menu(const CLI::App& app, Context& context, int argc, char** argv) {
    std::vector<std::string> available;
    for (const auto* command : app.get_subcommands([](const CLI::App*) { return true; }))
        available.push_back(command->get_name());
    // After reading a topic, the menu comes back.
    while (true) {
        auto chosen = choose_from_menu(context, available);
        if (!chosen)
            return kExitOk;
        std::vector<std::string> words(argv, argv + argc);
        words.insert(words.end(), chosen->begin(), chosen->end());
        std::vector<char*> pointers;
        for (auto& word : words)
            pointers.push_back(word.data());
        int status = run(static_cast<int>(pointers.size()), pointers.data());
        if (chosen->front() != "read" || chosen->size() < 2 || status != kExitOk)
            return status;
    }
}

} // namespace

namespace {

int run_parsed(int argc, char** argv) {
    Context context(process_environment(), now_seconds());
    CLI::App app{"settle: a calm journal for anxious attachment", "settle"};
    build(app, context);
    app.require_subcommand(0, 1);
    auto words = with_entry_offsets(std::vector<std::string>(argv, argv + argc));
    std::vector<char*> pointers;
    for (auto& word : words)
        pointers.push_back(word.data());
    try {
        app.parse(static_cast<int>(pointers.size()), pointers.data());
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
    } catch (const std::system_error& error) {
        // fmt's way of saying a write failed (a full disk, a closed pipe).
        print_error(fmt::format("cannot write the output: {}", error.code().message()));
        return kExitRuntime;
    } catch (const std::exception& error) {
        print_error(error.what());
        return kExitRuntime;
    }
    return kExitOk;
}

} // namespace

int run(int argc, char** argv) {
    int status = run_parsed(argc, argv);
    // Output still in the buffer is written now, and a failure to write it
    // (a full disk, `>/dev/full`) is said and fails the command, as `ls`
    // and `git` do, whatever the command and format.
    // (A command that flushed on its own and failed left only the error
    // flag, without the reason.)
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        int error = errno;
        if (status == kExitOk) { // else the failure was said already
            print_error(error ? fmt::format("cannot write the output: {}", std::strerror(error))
                              : std::string("cannot write the output"));
            status = kExitRuntime;
        }
    }
    return status;
}

} // namespace settle::cli
