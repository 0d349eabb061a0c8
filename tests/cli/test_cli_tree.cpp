// The CLI11 tree against what is offered around it: every subcommand and
// option must be offered by shell completion and described in its manual
// page. A command or option added without them fails here.
#include "cli/commands.hpp"
#include "cli/commands/complete.hpp"

#include "core/settings.hpp"

#include <algorithm>
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

// The keys settle-config(5) documents under "Keys": `.It Cm bell : ...` is
// "bell", and a group `.It Cm pause : No { Cm minutes : Ar M , ... No }`
// gives "pause.minutes" and each other member named inside the braces.
std::set<std::string> keys_documented(const std::string& page) {
    std::set<std::string> keys;
    auto start = page.find(".Ss Keys\n");
    if (start == std::string::npos)
        return keys;
    auto end = page.find("\n.Sh ", start);
    std::istringstream lines(page.substr(start, end - start));
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind(".It Cm ", 0) != 0)
            continue;
        std::istringstream words(line.substr(4));
        std::vector<std::string> tokens;
        for (std::string word; words >> word;)
            tokens.push_back(word);
        auto group = tokens.at(1);
        auto open = std::find(tokens.begin(), tokens.end(), "{");
        if (open == tokens.end()) {
            keys.insert(group);
            continue;
        }
        for (auto it = open; it + 1 != tokens.end(); ++it)
            if (*it == "Cm")
                keys.insert(group + "." + *(it + 1));
    }
    return keys;
}

TEST_CASE("settle-config(5) documents exactly the settings of the table") {
    auto page = page_text("settle-config", 5);
    REQUIRE_FALSE(page.empty());
    std::set<std::string> table;
    for (const auto& spec : setting_table())
        table.insert(std::string(spec.key));
    auto documented = keys_documented(page);
    for (const auto& key : table) {
        INFO("in the table, not in the page: " << key);
        CHECK(documented.count(key) == 1);
    }
    for (const auto& key : documented) {
        INFO("in the page, not in the table: " << key);
        CHECK(table.count(key) == 1);
    }
}

TEST_CASE("the keys settle-config(5) lists are read from its Keys section") {
    // The reader above, on a page of two groups and a plain key, so that a
    // change to how keys are written cannot make the check pass on nothing.
    auto keys = keys_documented(".Ss Keys\n"
                                ".Bl -tag -width Ds\n"
                                ".It Cm bell : Ar true | false\n"
                                "Text.\n"
                                ".It Cm pause : No { Cm breathe_in : Ar S , Cm breathe_out : Ar S "
                                "No }\n"
                                ".El\n"
                                ".Sh ENVIRONMENT\n"
                                ".It Cm elsewhere : Ar x\n");
    CHECK(keys == std::set<std::string>{"bell", "pause.breathe_in", "pause.breathe_out"});
}

TEST_CASE("completion offers every setting of the table to settle config") {
    Tree tree;
    auto offered_keys = offered(tree, {"config", ""});
    for (const auto& spec : setting_table())
        CHECK(offered_keys.count(std::string(spec.key)) == 1);
    CHECK(offered(tree, {"config", "pause.b"}) ==
          std::set<std::string>{"pause.breathe_in", "pause.breathe_out"});
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
