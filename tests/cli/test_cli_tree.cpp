// The CLI11 tree against what is offered around it: every subcommand and
// option must be offered by shell completion and described in its manual
// page. A command or option added without them fails here.
#include "cli/commands.hpp"
#include "cli/commands/complete.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace settle;
using namespace settle::cli;

namespace {

struct Tree {
    Context context{[](const char*) { return std::optional<std::string>{}; }, SysSeconds{}};
    CLI::App app{"settle", "settle"};
    Tree() { build(app, context); }
};

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
    std::vector<const CLI::App*> commands;
    for (const auto* command : app.get_subcommands({}))
        if (!command->get_group().empty())
            commands.push_back(command);
    return commands;
}

std::set<std::string> offered(Tree& tree, std::vector<std::string> words) {
    std::set<std::string> values;
    for (const auto& candidate : complete(tree.app, tree.context, words).candidates)
        values.insert(candidate.value);
    return values;
}

std::string page_text(const std::string& name, int section) {
    std::ifstream in(fmt::format("{}/man{}/{}.{}", SETTLE_MAN_DIR, section, name, section));
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// How an option is written in mdoc: `Fl \-urge\-before` for --urge-before,
// `Fl h , \-help` for -h, --help.
bool page_mentions_option(const std::string& page, const std::string& long_name) {
    std::string escaped = "\\-";
    for (char c : long_name)
        escaped += c == '-' ? std::string("\\-") : std::string(1, c);
    std::istringstream lines(page);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind(".It Fl ", 0) != 0 && line.rfind(".Op Fl ", 0) != 0)
            continue;
        for (auto at = line.find(escaped); at != std::string::npos;
             at = line.find(escaped, at + 1)) {
            auto end = at + escaped.size();
            if (line[at - 1] == ' ' && (end == line.size() || line[end] == ' '))
                return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("completion offers every visible subcommand and no hidden one") {
    Tree tree;
    auto top = offered(tree, {""});
    for (const auto* command : visible_commands(tree.app))
        CHECK(top.count(command->get_name()) == 1);
    CHECK(top.count("__complete") == 0);
}

TEST_CASE("completion offers every option of every command") {
    Tree tree;
    auto global = offered(tree, {"-"});
    for (const auto* option : tree.app.get_options())
        for (const auto& name : option->get_lnames())
            CHECK(global.count("--" + name) == 1);
    for (const auto* command : visible_commands(tree.app)) {
        auto options = offered(tree, {command->get_name(), "-"});
        for (const auto* option : command->get_options())
            for (const auto& name : option->get_lnames()) {
                INFO("settle " << command->get_name() << " --" << name);
                CHECK(options.count("--" + name) == 1);
            }
    }
}

TEST_CASE("completion offers the values an option declares as a|b|c") {
    Tree tree;
    for (const auto* command : visible_commands(tree.app))
        for (const auto* option : command->get_options()) {
            const auto& text = option->get_option_text();
            if (option->get_lnames().empty() || text.find('|') == std::string::npos)
                continue;
            auto values =
                offered(tree, {command->get_name(), "--" + option->get_lnames().front(), ""});
            std::stringstream words(text);
            for (std::string word; std::getline(words, word, '|');) {
                INFO("settle " << command->get_name() << " --" << option->get_lnames().front());
                CHECK(values.count(word) == 1);
            }
        }
}

TEST_CASE("every command has a manual page that names each of its options") {
    Tree tree;
    auto main_page = page_text("settle", 1);
    REQUIRE_FALSE(main_page.empty());
    for (const auto* option : tree.app.get_options())
        for (const auto& name : option->get_lnames())
            CHECK(page_mentions_option(main_page, name));
    for (const auto* command : visible_commands(tree.app)) {
        auto name = "settle-" + command->get_name();
        INFO("man/man1/" << name << ".1");
        auto page = page_text(name, 1);
        REQUIRE_FALSE(page.empty());
        CHECK(main_page.find(".Xr " + name + " 1") != std::string::npos);
        for (const char* section : {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "ENVIRONMENT",
                                    "FILES", "EXIT STATUS", "EXAMPLES", "SEE ALSO"})
            CHECK(page.find(std::string(".Sh ") + section + "\n") != std::string::npos);
        for (const auto* option : command->get_options()) {
            for (const auto& long_name : option->get_lnames()) {
                INFO("--" << long_name);
                CHECK(page_mentions_option(page, long_name));
            }
            if (option->get_positional()) {
                INFO("positional " << option->get_name());
                CHECK(page.find("Ar " + option->get_name()) != std::string::npos);
            }
        }
    }
}

TEST_CASE("every key settle config shows is documented in settle-config(5)") {
    auto page = page_text("settle-config", 5);
    REQUIRE_FALSE(page.empty());
    for (const auto& row : setting_rows(Settings{})) {
        // "pause.breathe_in" is documented as `pause: {breathe_in: ...}`;
        // crisis.1, crisis.2 ... as the `crisis:` list.
        auto key = row.key.substr(row.key.rfind('.') + 1);
        if (row.key.rfind("crisis.", 0) == 0)
            key = "crisis";
        INFO(row.key);
        CHECK(page.find("Cm " + key + " :") != std::string::npos);
    }
}

TEST_CASE("every option takes each value exactly as typed") {
    // CLI11's list syntax would turn `--know "[unclear]"` into "unclear",
    // split "[a, b]" in two, or let "[]" take the next flag as its value.
    Tree tree;
    std::vector<const CLI::Option*> options;
    for (const auto* option : tree.app.get_options())
        options.push_back(option);
    for (const auto* command : tree.app.get_subcommands({}))
        for (const auto* option : command->get_options())
            options.push_back(option);
    for (const auto* option : options) {
        // A positional list (the hidden completer's words) takes the rest of
        // the line by design; every flag takes one value at a time.
        if (!option->nonpositional())
            continue;
        INFO(option->get_name());
        CHECK_FALSE(option->get_allow_extra_args());
        // `summary --include` takes a list of fixed words, never anyone's text.
        if (option->get_name() != "--include")
            CHECK(option->get_delimiter() == '\0');
        CHECK(option->get_items_expected_max() <= 1);
    }
}
