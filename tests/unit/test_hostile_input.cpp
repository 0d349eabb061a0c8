// Inputs that once broke a promise (found by the fuzzers in fuzz/ or by the
// hostile-file corpus), kept so each stays fixed. The raw inputs are also
// replayed by CTest from fuzz/regressions/.
#include "core/entry_format.hpp"
#include "core/entry_json.hpp"
#include "core/settings.hpp"

#include <catch2/catch.hpp>

using namespace settle;
using namespace std::string_literals;

namespace {

std::string located_problem(std::string_view text) {
    auto entry = parse_entry(text, "e.md");
    REQUIRE_FALSE(entry);
    return entry.error().located();
}

const char* kHead = "---\nschema: 1\nkind: script\ncreated: 2026-11-30T23:15:00-07:00\n";

} // namespace

TEST_CASE("Text that is not UTF-8 is named on read, since saving would change it") {
    // fuzz_entry: yaml-cpp wrote these bytes back as U+FFFD, so an entry
    // read, saved and read again was no longer the same.
    CHECK(located_problem(std::string(kHead) + "situation: the \x94\x97one went quiet\n"
                                               "feeling: a\nneed: b\n---\n") ==
          "e.md:5: situation is not valid UTF-8 text; was the file saved in another encoding?");
    CHECK(located_problem(std::string(kHead) + "tags: [caf\xe9]\nsituation: a\nfeeling: b\n"
                                               "need: c\n---\n")
              .rfind("e.md:5: tags is not valid UTF-8 text", 0) == 0);
    // Valid UTF-8 of every length still reads.
    auto ok =
        parse_entry(std::string(kHead) +
                        "situation: café, 你好, 👩‍👩‍👧\nfeeling: a\nneed: b\n---\n",
                    "e.md");
    REQUIRE(ok);
}

TEST_CASE("Writers refuse text that is not UTF-8 instead of changing it") {
    Entry entry;
    entry.created = *parse_rfc3339("2026-11-30T23:15:00-07:00");
    entry.fields = ScriptFields{"caf\xe9", "alone", "quiet"};
    auto valid = validate(entry);
    REQUIRE_FALSE(valid);
    CHECK(valid.error().message.rfind("situation is not UTF-8 text", 0) == 0);
    CHECK(valid.error().keys == std::vector<std::string>{"situation"});
    entry.fields = ScriptFields{"café", "alone", "quiet"};
    entry.tags = {"\xff"};
    REQUIRE_FALSE(validate(entry));
}

TEST_CASE("A NUL byte in the frontmatter is named, not called an escape") {
    CHECK(located_problem(std::string(kHead) + "situation: a\nfeeling: b\x00\nneed: c\n---\n"s) ==
          "e.md:6: the frontmatter holds a NUL byte, which text never does; the file may be "
          "damaged or not an entry");
}

TEST_CASE("Nesting deeper than yaml-cpp reads is named, not called a bad file") {
    auto deep = std::string(kHead) + "x: " + std::string(10000, '[') + std::string(10000, ']') +
                "\nsituation: a\nfeeling: b\nneed: c\n---\n";
    CHECK(located_problem(deep) == "e.md:5: the frontmatter nests lists or maps hundreds of "
                                   "levels deep; settle reads only a few levels");
    std::string dashes = std::string(kHead) + "x:\n";
    for (int i = 0; i < 10000; ++i)
        dashes += "- ";
    CHECK(located_problem(dashes + "y\n---\n").rfind("e.md:6: the frontmatter nests", 0) == 0);

    Settings settings;
    auto env = [](const char*) -> std::optional<std::string> {
        return std::nullopt;
    };
    auto config =
        read_config_text("audit: " + std::string(5000, '{'), "config.yaml", settings, env);
    REQUIRE_FALSE(config);
    CHECK(config.error().located() == "config.yaml:1: the config nests lists or maps hundreds of "
                                      "levels deep; settle reads only a few levels");
}

TEST_CASE("JSON escapes DEL and C1 controls as well as C0") {
    // U+009B is a one-character CSI to terminals that honour C1 controls.
    auto text = dump_json(Json("a\x1b[2J \x7f \xc2\x9b"
                               "31m \xc2\x9d"
                               "0;t\xc2\x9c \xc2\xa0 é"));
    CHECK(text == R"("a\u001b[2J \u007f \u009b31m \u009d0;t\u009c )"
                  "\xc2\xa0"
                  R"( é")");
    CHECK(Json::parse(text).get<std::string>() == "a\x1b[2J \x7f \xc2\x9b"
                                                  "31m \xc2\x9d"
                                                  "0;t\xc2\x9c \xc2\xa0 é");
}

TEST_CASE("Only the CRs of line ends are dropped; any other CR in a note is kept") {
    // Found by tests/e2e/test_terminal_safety.py: a note holding "\r" lost
    // it on reading, so the note read back was not the note written.
    auto entry =
        parse_entry(std::string(kHead) + "situation: a\r\r\nfeeling: b\rc\nneed: d\r\n---\r\n"
                                         "fine\rEVIL\r\nnext\r\r\nlast\r",
                    "e.md");
    REQUIRE(entry);
    CHECK(entry->body == "fine\rEVIL\nnext\nlast");
    const auto& script = std::get<ScriptFields>(entry->fields);
    CHECK(script.situation == "a");
    CHECK(script.feeling == "bc");
    // The body is kept through a rewrite, too.
    auto again = parse_entry(format_entry(*entry), "e.md");
    REQUIRE(again);
    CHECK(again->body == "fine\rEVIL\nnext\nlast\n");
}
