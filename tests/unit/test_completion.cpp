#include "core/completion.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

using namespace settle;

namespace {

const std::vector<std::string_view> kFeelings = {"anxious", "alone", "left out", "lonely",
                                                 "longing", "lost",  "on edge"};

} // namespace

TEST_CASE("complete_phrase completes a unique fragment") {
    auto c = complete_phrase("anx", kFeelings);
    CHECK(c.fragment_start == 0);
    CHECK(c.candidates == std::vector<std::string_view>{"anxious"});
    CHECK(c.common_prefix == "anxious");
}

TEST_CASE("complete_phrase offers every entry sharing the fragment") {
    auto c = complete_phrase("anxious and lo", kFeelings);
    CHECK(c.fragment_start == 12);
    CHECK(c.candidates == std::vector<std::string_view>{"lonely", "longing", "lost"});
    CHECK(c.common_prefix == "lo");
}

TEST_CASE("complete_phrase prefers the longest fragment, so phrases complete") {
    auto c = complete_phrase("feeling left o", kFeelings);
    CHECK(c.fragment_start == 8);
    CHECK(c.candidates == std::vector<std::string_view>{"left out"});

    auto on = complete_phrase("a bit on", kFeelings);
    CHECK(on.candidates == std::vector<std::string_view>{"on edge"});
}

TEST_CASE("complete_phrase ignores ASCII case") {
    auto c = complete_phrase("Anx", kFeelings);
    CHECK(c.candidates == std::vector<std::string_view>{"anxious"});
}

TEST_CASE("complete_phrase offers everything on an empty line or after a space") {
    CHECK(complete_phrase("", kFeelings).candidates.size() == kFeelings.size());
    CHECK(complete_phrase("and ", kFeelings).candidates.size() == kFeelings.size());
    CHECK(complete_phrase("", kFeelings).common_prefix.empty());
}

TEST_CASE("complete_phrase offers nothing when no entry fits") {
    auto c = complete_phrase("zz", kFeelings);
    CHECK(c.candidates.empty());
    CHECK(c.fragment_start == 2);
}

// --- Shell completion ---------------------------------------------------------

namespace {

std::optional<std::string> test_environment(const char* name) {
    if (std::string_view(name) == "HOME")
        return std::string("/home/ana");
    if (std::string_view(name) == "WORK")
        return std::string("/w");
    return std::nullopt;
}

} // namespace

TEST_CASE("only IDs named as settle names entries are offered") {
    CHECK(is_entry_id("2026-11-25-100000-script"));
    CHECK(is_entry_id("2026-11-25-100000-audit"));
    CHECK(is_entry_id("2026-11-25-100000-pause-2"));
    CHECK(is_entry_id("2026-11-25-100000-pause-1234"));
    CHECK_FALSE(is_entry_id("2026-11-25-100000-script;{touch,x};"));
    CHECK_FALSE(is_entry_id("2026-11-25-100000-script-$(x)"));
    CHECK_FALSE(is_entry_id("2026-11-25-100000-scripts"));
    CHECK_FALSE(is_entry_id("2026-11-25-100000-pause-0"));
    CHECK_FALSE(is_entry_id("2026-11-25-100000-pause-"));
    CHECK_FALSE(is_entry_id("2026-11-25-10000-pause"));
    CHECK_FALSE(is_entry_id("2026-1x-25-100000-pause"));
    CHECK_FALSE(is_entry_id(""));
}

TEST_CASE("a candidate with control or invisible characters never reaches a shell") {
    CHECK(offerable_to_shell("x;>y"));
    CHECK(offerable_to_shell("to hear \"we're\" ok, ä\\b"));
    CHECK_FALSE(offerable_to_shell(""));
    CHECK_FALSE(offerable_to_shell("a\nb"));
    CHECK_FALSE(offerable_to_shell("a\tb"));
    CHECK_FALSE(offerable_to_shell("bad\x1b[31m"));
    CHECK_FALSE(offerable_to_shell("a\xc2\x9b"
                                   "b")); // C1 CSI
    CHECK_FALSE(offerable_to_shell("a\xe2\x80\xae"
                                   "b")); // right-to-left override
    CHECK_FALSE(offerable_to_shell("a\xe2\x80\x8b"
                                   "b"));     // zero-width space
    CHECK_FALSE(offerable_to_shell("a\xff")); // not UTF-8
}

TEST_CASE("a journal path is expanded as the shell will expand it") {
    CHECK(expand_home_and_variables("~", test_environment) == "/home/ana");
    CHECK(expand_home_and_variables("~/x", test_environment) == "/home/ana/x");
    CHECK(expand_home_and_variables("$HOME/x", test_environment) == "/home/ana/x");
    CHECK(expand_home_and_variables("${WORK}/j", test_environment) == "/w/j");
    CHECK(expand_home_and_variables("$UNSET/j", test_environment) == "/j");
    CHECK(expand_home_and_variables("~bob/x", test_environment) == "~bob/x");
    CHECK(expand_home_and_variables("/a/$/b", test_environment) == "/a/$/b");
}

TEST_CASE("a bash line is split into the words the command will get") {
    auto plain = split_bash_line("settle list --tag ev", "ev", test_environment);
    REQUIRE(plain);
    CHECK(plain->words == std::vector<std::string>{"list", "--tag", "ev"});
    CHECK(plain->lead.empty());
    CHECK(plain->quote == 0);

    auto quoted =
        split_bash_line("settle script --need \"to hear we", "to hear we", test_environment);
    REQUIRE(quoted);
    CHECK(quoted->words == std::vector<std::string>{"script", "--need", "to hear we"});
    CHECK(quoted->quote == '"');
    CHECK(quoted->lead.empty());

    auto escaped =
        split_bash_line("settle script --need to\\ hear\\ we", "to\\ hear\\ we", test_environment);
    REQUIRE(escaped);
    CHECK(escaped->words.back() == "to hear we");
    CHECK(escaped->quote == 0);

    // readline's text starts after the last opening quote.
    auto single = split_bash_line("settle script --need 'it'\\''s", "s", test_environment);
    REQUIRE(single);
    CHECK(single->words.back() == "it's");
    CHECK(single->lead == "it'");
    CHECK(single->quote == '\'');

    // ... or after "=" and ":", which readline breaks words at.
    auto equals = split_bash_line("settle list --kind=pa", "pa", test_environment);
    REQUIRE(equals);
    CHECK(equals->words.back() == "--kind=pa");
    CHECK(equals->lead == "--kind=");
    auto colon = split_bash_line("settle list --tag x:y", "y", test_environment);
    REQUIRE(colon);
    CHECK(colon->lead == "x:");

    auto empty = split_bash_line("settle list --tag ", "", test_environment);
    REQUIRE(empty);
    CHECK(empty->words == std::vector<std::string>{"list", "--tag", ""});
}

TEST_CASE("a bash line: home, variables, redirections, other commands") {
    auto home = split_bash_line("settle --journal ~/j list --tag ", "", test_environment);
    REQUIRE(home);
    CHECK(home->words[1] == "/home/ana/j");
    auto variable =
        split_bash_line("settle --journal \"$HOME/my j\" list --tag ", "", test_environment);
    REQUIRE(variable);
    CHECK(variable->words[1] == "/home/ana/my j");
    auto folder = split_bash_line("settle --journal ~/j", "~/j", test_environment);
    REQUIRE(folder);
    CHECK(folder->words.back() == "/home/ana/j");
    CHECK(folder->file_text == "~/j"); // compgen expands it and keeps it on the line
    auto quoted_folder = split_bash_line("settle init \"my f", "my f", test_environment);
    REQUIRE(quoted_folder);
    CHECK(quoted_folder->file_text == "my f");
    auto literal = split_bash_line("settle --journal '$HOME/j' list --tag ", "", test_environment);
    REQUIRE(literal);
    CHECK(literal->words[1] == "$HOME/j");

    auto redirect = split_bash_line("settle script --stdin < fi", "fi", test_environment);
    REQUIRE(redirect);
    CHECK(redirect->redirection);
    CHECK(redirect->words == std::vector<std::string>{"script", "--stdin", "fi"});
    auto after = split_bash_line("settle script 2>err --stdin --tag ", "", test_environment);
    REQUIRE(after);
    CHECK_FALSE(after->redirection);
    CHECK(after->words == std::vector<std::string>{"script", "--stdin", "--tag", ""});

    auto second = split_bash_line("echo hi; settle li", "li", test_environment);
    REQUIRE(second);
    CHECK(second->words == std::vector<std::string>{"li"});

    CHECK_FALSE(split_bash_line("settle list # --tag ", "", test_environment));
    CHECK_FALSE(split_bash_line("settle list --tag $'a", "a", test_environment));
    CHECK_FALSE(split_bash_line("settl", "settl", test_environment)); // the command's name
    CHECK_FALSE(split_bash_line("settle list", "other", test_environment));
}

TEST_CASE("values are quoted for bash where readline's text starts") {
    CHECK(quote_for_bash("x;>y", 0) == "x\\;\\>y");
    CHECK(quote_for_bash("left out", 0) == "left\\ out");
    CHECK(quote_for_bash("~a #b", 0) == "\\~a\\ \\#b");
    CHECK(quote_for_bash("ä-b_c.d,e/f+g@h%i=j:k", 0) == "ä-b_c.d,e/f+g@h%i=j:k");
    CHECK(quote_for_bash("it's", '\'') == "it'\\''s");
    CHECK(quote_for_bash("a \"$b\" `c` \\d", '"') == "a \\\"\\$b\\\" \\`c\\` \\\\d");
    CHECK(quote_for_bash("hi!", '"') == "hi\"'!'\"");
}
