// settle never writes an entry it cannot read back: generated text of every
// awkward kind goes through format_entry_for_saving and must either come
// back from both readers exactly as given, or be refused with a message.
#include "core/entry_format.hpp"
#include "core/entry_writer.hpp"
#include "core/fast_frontmatter.hpp"
#include "core/journal.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace settle;

namespace {

// Pieces chosen for what breaks YAML, option parsers and terminals:
// brackets and commas (CLI11 lists), YAML indicators at the start, inside
// and at the end, quotes, line breaks of every kind (CR, NEL, U+2028/9),
// bidirectional overrides, zero-width and BOM characters, noncharacters
// (which yaml-cpp cannot write in quotes) and the private use characters
// settle writes in their place, wide and combining text, and spaces at
// either end.
const std::vector<std::string> kPieces = {"[",
                                          "]",
                                          "[]",
                                          ",",
                                          ", ",
                                          "{",
                                          "}",
                                          "\"",
                                          "'",
                                          "`",
                                          "\\",
                                          "- ",
                                          "-",
                                          "? ",
                                          "?",
                                          ": ",
                                          ":",
                                          " #",
                                          "#",
                                          "&",
                                          "*",
                                          "!",
                                          "|",
                                          ">",
                                          "%",
                                          "@",
                                          "~",
                                          "null",
                                          "yes",
                                          "no",
                                          "0",
                                          "1.5",
                                          "0x1F",
                                          "---",
                                          "...",
                                          "\r",
                                          "\r\n",
                                          "\n",
                                          "\t",
                                          " ",
                                          "  ",
                                          "\xC2\x85",
                                          "\xE2\x80\xA8",
                                          "\xE2\x80\xA9",
                                          "\xE2\x80\xAE",
                                          "\xE2\x81\xA6",
                                          "\xE2\x80\x8B",
                                          "\xEF\xBB\xBF",
                                          "\xEF\xBF\xBF",
                                          "\xEF\xBF\xBE",
                                          "\xEF\xB7\x90",
                                          "\xF4\x8F\xBF\xBF",
                                          "\xF3\xB0\x80\x80",
                                          "\xF3\xB0\x80\xA1",
                                          "\xC2\xA0",
                                          "\xC3\xA9",
                                          "e\xCC\x81",
                                          "\xE5\xBF\x83",
                                          "\xF0\x9F\x92\x94",
                                          "they",
                                          "didn't",
                                          "reply",
                                          "angry",
                                          "I",
                                          "am",
                                          "okay",
                                          "\x1B[31m",
                                          "\x7F",
                                          "\x01"};

std::string generate(std::mt19937& random) {
    std::uniform_int_distribution<size_t> count(1, 8);
    std::uniform_int_distribution<size_t> pick(0, kPieces.size() - 1);
    std::string text;
    for (size_t n = count(random); n > 0; --n)
        text += kPieces[pick(random)];
    return text;
}

Entry audit_with(const std::string& text) {
    Entry entry;
    entry.created = *parse_rfc3339("2026-11-27T21:14:03-07:00");
    entry.tags = {"evening"};
    entry.fields = AuditFields{3, 2, {text, "it is 9pm"}, {text}};
    entry.body = text;
    return entry;
}

Entry script_with(const std::string& text) {
    Entry entry;
    entry.created = *parse_rfc3339("2026-11-27T21:14:03+09:00");
    entry.fields = ScriptFields{text, "scared " + text, text + " to hear from them"};
    return entry;
}

struct Counts {
    int saved = 0;
    int refused = 0;
};

void check_round_trip(const Entry& entry, Counts& counts) {
    auto text = format_entry_for_saving(entry);
    if (!text) {
        CHECK_FALSE(text.error().message.empty());
        ++counts.refused;
        return;
    }
    ++counts.saved;
    Entry wanted = entry;
    if (!wanted.body.empty() && wanted.body.back() != '\n')
        wanted.body += '\n';
    auto read = parse_entry(*text, "generated");
    REQUIRE(read);
    CHECK(*read == wanted);
    if (auto fast = read_canonical_entry(*text))
        CHECK(*fast == wanted);
}

} // namespace

TEST_CASE("Generated text in every field reads back exactly or is refused") {
    std::mt19937 random(20261130);
    Counts counts;
    for (int i = 0; i < 3000; ++i) {
        auto text = generate(random);
        INFO("text: " << text);
        check_round_trip(audit_with(text), counts);
        check_round_trip(script_with(text), counts);
    }
    INFO("saved " << counts.saved << ", refused " << counts.refused);
    // The writer quotes what YAML would change, so refusals are the few
    // notes that hold a CR before a line end, never the fields.
    CHECK(counts.saved > counts.refused * 10);
}

TEST_CASE("Field text with CR, NEL and YAML indicators is saved, not refused") {
    for (std::string text : {"a\rb",
                             "a\r",
                             "x\xC2\x85",
                             "line\xE2\x80\xA8two",
                             " lead",
                             "trail ",
                             "- item",
                             "key: value",
                             "# not a comment",
                             "&anchor",
                             "*alias",
                             "!tag",
                             "| literal",
                             "> folded",
                             "%directive",
                             "@at",
                             "[unclear]",
                             "[she didn't reply, she's angry]",
                             "[]",
                             "\xEF\xBB\xBF"
                             "bom",
                             "\xE2\x80\xAE"
                             "reversed",
                             "tab\there"}) {
        INFO("text: " << text);
        Entry entry = audit_with(text);
        entry.body.clear();
        auto saved = format_entry_for_saving(entry);
        REQUIRE(saved);
        CHECK(*parse_entry(*saved, "t") == entry);
    }
}

TEST_CASE("Noncharacters and line separators are written as escapes and read back") {
    // yaml-cpp's emitter turns a noncharacter into U+FFFD inside double
    // quotes, and writes U+2028 as it is; settle writes both as escapes.
    struct Case {
        std::string text;
        std::string written;
    };
    for (const auto& [text, written] : std::vector<Case>{
             {" a\uFFFF", "\" a\\uffff\""},
             {"#0\uFFFF f#1\uFEFF: \"it's over\"", "\"#0\\uffff f#1\\ufeff: \\\"it's over\\\"\""},
             {"x\uFDD0\uFDEFy", "\"x\\ufdd0\\ufdefy\""},
             {"\U0010FFFF\U0001FFFE", "\"\\U0010ffff\\U0001fffe\""},
             {"caf\u00E9\u2028next\u2029", "\"caf\u00E9\\u2028next\\u2029\""},
             // A private use character of the first block of stand-ins,
             // written by the person: the next block is used instead.
             {"\U000F0000 and \uFFFF", "\"\U000F0000 and \\uffff\""}}) {
        INFO("text: " << text);
        Entry entry = audit_with(text);
        entry.body.clear();
        auto saved = format_entry_for_saving(entry);
        REQUIRE(saved);
        CHECK(saved->find("- " + written + "\n") != std::string::npos);
        CHECK(*parse_entry(*saved, "t") == entry);
        if (auto fast = read_canonical_entry(*saved))
            CHECK(*fast == entry);
    }
}

TEST_CASE("A note with a CR before a line end is refused, not changed") {
    Entry entry = audit_with("words");
    entry.body = "first\r\nsecond";
    auto saved = format_entry_for_saving(entry);
    REQUIRE_FALSE(saved);
    CHECK(saved.error().message.find("carriage return") != std::string::npos);
}

TEST_CASE("An entry the reader would refuse is never written") {
    SECTION("over the size limit") {
        Entry entry = audit_with("words");
        entry.body = std::string(kMaxEntryBytes, 'a');
        auto saved = format_entry_for_saving(entry);
        REQUIRE_FALSE(saved);
        CHECK(saved.error().message.find("bytes") != std::string::npos);
    }
    SECTION("an offset of a day or more") {
        Entry entry = audit_with("words");
        entry.created.offset = std::chrono::hours(25);
        REQUIRE_FALSE(format_entry_for_saving(entry));
    }
    SECTION("a year RFC 3339 cannot write") {
        Entry entry = audit_with("words");
        entry.created.utc = SysSeconds{std::chrono::hours(24 * 366) * 9000};
        REQUIRE_FALSE(format_entry_for_saving(entry));
    }
}
