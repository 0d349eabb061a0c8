// The shortcut reader must never disagree with yaml-cpp. Both are syntax
// front ends feeding the one semantic pass (build_entry), so what must agree
// is syntax: whenever the shortcut reads a file's values, yaml-cpp must see
// the very same values, texts and lines. These tests generate entries with
// awkward text, write them with format_entry, edit them the ways people do,
// mutate bytes at random, and compare the two front ends; and they check
// that the shortcut reads every file settle's writer makes.
#include "core/entry_format.hpp"
#include "core/entry_keys.hpp"
#include "core/entry_values.hpp"
#include "core/entry_writer.hpp"
#include "core/fast_frontmatter.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <set>

using namespace settle;
using settle::testing::lines_of;

namespace {

// Pieces that YAML treats specially somewhere, mixed with ordinary words.
const std::vector<std::string> kAwkwardPieces = {
    "he said", "yes",    "No",       "on",         "null",  "~",     "8",   "3.5",      "-1",
    ":",       ": ",     " #",       "#",          "'",     "\"",    "\\",  "[",        "]",
    "{",       "}",      ",",        "&a",         "*b",    "!t",    "|",   ">",        "%",
    "@",       "`",      "é",        "日本",       "🙂",  "\t",    "\n",  "\x01",     "\x1b[2J",
    "\x7f",    "\u0085", "\u2028",   "\ufeff",     " ",     "  ",    "---", "...",      "-",
    "?",       "- ",     "? ",       "true",       "False", "0x1F",  "1e3", "\xC3\x28", "\r",
    "\r\n",    "\\n",    "http://x", "a: b",       "it's",  "don't", "<<",  "=",        "\xC2\xA0",
    "\x9b",    "\uFFFF", "\uFDD0",   "\U0010FFFF",
};

// Tags are one word each, but as awkward as a word can be.
const std::vector<std::string> kTagWords = {
    "work", "yes", "null", "~",   "8",     "#x", "a:b", "&a",  "*b",   "!t",   "é", "日本",
    "🙂", "[x]", "{y}",  "'q'", "\"q\"", "-",  "---", "...", "true", "0x1F", "%", "@home"};

const std::vector<std::string> kWords = {"lonely", "afraid",   "he",   "hasn't", "replied",
                                         "since",  "noon",     "work", "the",    "call",
                                         "ended",  "abruptly", "I",    "need",   "closeness"};

class Generator {
  public:
    explicit Generator(unsigned seed) : rng_(seed) {}

    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
    template <typename T> const T& pick(const std::vector<T>& items) {
        return items[static_cast<size_t>(between(0, static_cast<int>(items.size()) - 1))];
    }

    std::string ordinary_text() {
        std::string text = pick(kWords);
        for (int i = between(0, 6); i > 0; --i)
            text += (chance(0.2) ? ", " : chance(0.1) ? "'s " : " ") + pick(kWords);
        return text;
    }

    std::string awkward_text() {
        std::string text;
        for (int i = between(1, 5); i > 0; --i)
            text += chance(0.5) ? pick(kAwkwardPieces) : pick(kWords);
        return text;
    }

    std::string text(bool awkward) {
        return awkward && chance(0.6) ? awkward_text() : ordinary_text();
    }

    std::vector<std::string> items(bool awkward, int most) {
        std::vector<std::string> out;
        for (int i = between(0, most); i > 0; --i)
            out.push_back(text(awkward));
        return out;
    }

    std::optional<int> rating() {
        if (chance(0.2))
            return std::nullopt;
        return between(0, 10);
    }

    Entry entry(bool awkward) {
        Entry entry;
        int offset_minutes = pick(std::vector<int>{-420, -360, 0, 60, 330, 540, 765});
        auto local =
            date::local_days{date::year{between(2020, 2030)} / between(1, 12) / between(1, 28)} +
            std::chrono::seconds{between(0, 86399)};
        entry.created =
            Timestamp{SysSeconds{local.time_since_epoch() - std::chrono::minutes{offset_minutes}},
                      std::chrono::minutes{offset_minutes}};
        for (int i = between(0, 3); i > 0; --i)
            entry.tags.push_back(pick(kWords));
        entry.incomplete = chance(0.1);
        switch (between(0, 2)) {
        case 0:
            entry.fields = AuditFields{rating(), rating(), items(awkward, 4), items(awkward, 3)};
            break;
        case 1:
            entry.fields = ScriptFields{text(awkward), text(awkward), text(awkward)};
            break;
        default: {
            PauseFields pause{rating(), rating(), std::nullopt};
            if (chance(0.9))
                pause.outcome = pick(std::vector<Outcome>{Outcome::waited, Outcome::reached_out,
                                                          Outcome::undecided});
            entry.fields = pause;
        }
        }
        if (chance(0.7)) {
            int planned = between(60, 600);
            entry.timer = Timer{planned, between(0, planned)};
        }
        if (chance(0.7))
            entry.body = awkward ? awkward_text() + "\n" + text(true) : ordinary_text() + "\n";
        if (chance(0.3))
            entry.revisit = revisit(entry, awkward);
        return entry;
    }

    // Answers given later; now and then ones that do not fit the entry (a
    // prediction it does not have), which both readers must refuse.
    Revisit revisit(const Entry& entry, bool awkward) {
        Revisit answers;
        answers.date = Timestamp{entry.created.utc + std::chrono::hours{between(1, 2000)},
                                 entry.created.offset};
        if (const auto* audit = std::get_if<AuditFields>(&entry.fields)) {
            for (int i =
                     between(0, static_cast<int>(audit->predict.size()) + (chance(0.1) ? 1 : 0));
                 i > 0; --i)
                answers.predictions[between(1, i)] = pick(std::vector<PredictionOutcome>{
                    PredictionOutcome::happened, PredictionOutcome::partly,
                    PredictionOutcome::didnt});
            // Now and then a prediction two devices answered two ways; at
            // times one that does not fit (a single answer, one also
            // answered plainly, a number the entry lacks).
            if (!audit->predict.empty() && chance(0.3)) {
                std::vector<PredictionOutcome> contest;
                for (auto outcome : {PredictionOutcome::happened, PredictionOutcome::partly,
                                     PredictionOutcome::didnt})
                    if (chance(0.7))
                        contest.push_back(outcome);
                int number =
                    between(1, static_cast<int>(audit->predict.size()) + (chance(0.1) ? 1 : 0));
                if (chance(0.9))
                    answers.predictions.erase(number);
                answers.contested[number] = contest;
            }
        }
        if (entry.kind() == Kind::script || chance(0.05)) {
            if (chance(0.8))
                answers.shared =
                    pick(std::vector<Shared>{Shared::said, Shared::sent, Shared::kept});
            if (chance(0.8))
                answers.landed =
                    pick(std::vector<Landed>{Landed::closer, Landed::neutral, Landed::harder});
        }
        if (chance(0.5))
            answers.note = text(awkward);
        return answers;
    }

    // An entry of `kind` with every field the format has for it, the
    // optional ones too, and text as awkward as asked.
    Entry full_entry(Kind kind, bool awkward) {
        Entry entry = this->entry(awkward);
        switch (kind) {
        case Kind::audit:
            entry.fields =
                AuditFields{between(0, 10), between(0, 10), items(awkward, 3), items(awkward, 3)};
            std::get<AuditFields>(entry.fields).know.push_back(text(awkward));
            std::get<AuditFields>(entry.fields).predict.push_back(text(awkward));
            break;
        case Kind::script:
            entry.fields = ScriptFields{text(awkward), text(awkward), text(awkward)};
            break;
        case Kind::pause:
            entry.fields =
                PauseFields{between(0, 10), between(0, 10),
                            static_cast<Outcome>(between(0, int(names_of<Outcome>().size()) - 1))};
            break;
        }
        entry.tags.push_back(pick(kTagWords));
        int planned = between(60, 600);
        entry.timer = Timer{planned, between(0, planned)};
        entry.incomplete = chance(0.3);
        entry.body = text(awkward) + "\n" + text(awkward) + "\n";
        entry.revisit = revisit(entry, awkward);
        entry.revisit->note = text(awkward);
        entry.revisit->predictions.clear();
        entry.revisit->contested.clear();
        if (const auto* audit = std::get_if<AuditFields>(&entry.fields)) {
            // Each prediction answered, or now and then answered two ways
            // on two devices (contested: two different answers, in order).
            for (int i = 1; i <= static_cast<int>(audit->predict.size()); ++i) {
                auto outcome = static_cast<PredictionOutcome>(between(0, 2));
                if (chance(0.3)) {
                    auto other =
                        static_cast<PredictionOutcome>((static_cast<int>(outcome) + 1) % 3);
                    entry.revisit->contested[i] = {std::min(outcome, other),
                                                   std::max(outcome, other)};
                } else {
                    entry.revisit->predictions[i] = outcome;
                }
            }
        }
        if (kind == Kind::script) {
            entry.revisit->shared = static_cast<Shared>(between(0, 2));
            entry.revisit->landed = static_cast<Landed>(between(0, 2));
        } else {
            entry.revisit->shared.reset();
            entry.revisit->landed.reset();
        }
        return entry;
    }

    std::mt19937& engine() { return rng_; }

  private:
    std::mt19937 rng_;
};

std::string join(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines)
        text += line + "\n";
    return text;
}

// The index of the closing fence in `lines` (the frontmatter is 1..fence-1).
size_t closing_fence(const std::vector<std::string>& lines) {
    for (size_t i = 1; i < lines.size(); ++i)
        if (lines[i] == "---")
            return i;
    return lines.size();
}

// The ways a person leaves a file after editing it by hand, and some ways a
// file gets damaged. Each returns the edited text.
std::string hand_edit(const std::string& canonical, Generator& gen) {
    auto lines = lines_of(canonical);
    auto fence = closing_fence(lines);
    if (fence < 2)
        return canonical + "\n"; // already cut down to almost nothing
    auto some_line = [&] {
        return static_cast<size_t>(gen.between(1, static_cast<int>(fence) - 1));
    };
    const std::vector<std::string> insertions = {"# a comment",
                                                 "  # indented comment",
                                                 "",
                                                 "mood: calmer",
                                                 "schema: 1",
                                                 "kind: audit",
                                                 "tags: [a, b]",
                                                 "tags: work",
                                                 "tags:",
                                                 "  - extra",
                                                 "    deeper",
                                                 "timer:",
                                                 "\tkind: x",
                                                 "? complex",
                                                 "... ",
                                                 "--- ",
                                                 "%YAML 1.2",
                                                 "&anchor",
                                                 "<<: *x",
                                                 "incomplete: yes",
                                                 "incomplete: True",
                                                 "urge_before: 08",
                                                 "urge_after: ~",
                                                 "outcome: \"waited\"",
                                                 "anxiety_before: null",
                                                 "know: []",
                                                 "predict: x",
                                                 "feeling: 'single'",
                                                 "need: \"a\\N\"",
                                                 "situation: \"x\\u00e9\"",
                                                 "sentence: |",
                                                 "  literal text",
                                                 "created: 2026-11-27 21:14:03Z",
                                                 "created: \"2026-11-27T21:14:03+00:00\"",
                                                 "revisit:",
                                                 "  date: 2026-12-01T10:00:00-07:00",
                                                 "  predictions:",
                                                 "    1: happened",
                                                 "    02: didnt",
                                                 "    0: partly",
                                                 "  shared: said",
                                                 "  landed: closer",
                                                 "  note: fine",
                                                 "  date: later",
                                                 "    1: maybe",
                                                 "  contested:",
                                                 "    1: [partly, didnt]",
                                                 "    1: [didnt, partly]",
                                                 "    2: [happened,didnt]",
                                                 "    2: [happened]",
                                                 "    2: [happened, happened]",
                                                 "    1: [\"partly\", didnt]",
                                                 "    1:\n      - partly\n      - didnt"};
    switch (gen.between(0, 11)) {
    case 0: // insert a line somewhere in the frontmatter
        lines.insert(lines.begin() + static_cast<long>(some_line()), gen.pick(insertions));
        break;
    case 1: // swap two frontmatter lines
        std::swap(lines[some_line()], lines[some_line()]);
        break;
    case 2: // remove a frontmatter line
        lines.erase(lines.begin() + static_cast<long>(some_line()));
        break;
    case 3:
        return "\xEF\xBB\xBF" + canonical;
    case 4: {
        std::string crlf;
        for (const auto& line : lines)
            crlf += line + "\r\n";
        return crlf;
    }
    case 5: // trailing blanks
        lines[some_line()] += gen.chance(0.5) ? " " : "\t";
        break;
    case 6: // a comment after a value
        lines[some_line()] += " # why";
        break;
    case 7: // re-indent
        lines[some_line()].insert(0, gen.chance(0.5) ? " " : "  ");
        break;
    case 8: // a different closing fence
        if (fence < lines.size())
            lines[fence] = gen.pick(std::vector<std::string>{"...", "--- ", "----", ""});
        break;
    case 9: // cut the file anywhere
        return canonical.substr(
            0, static_cast<size_t>(gen.between(0, static_cast<int>(canonical.size()))));
    case 10: // double a key
        lines.insert(lines.begin() + static_cast<long>(fence), lines[some_line()]);
        break;
    default: { // replace a value with an awkward one
        auto& line = lines[some_line()];
        auto colon = line.find(": ");
        if (colon != std::string::npos)
            line = line.substr(0, colon + 2) + gen.awkward_text();
    }
    }
    return join(lines);
}

// Random byte-level damage: flips, insertions of YAML-significant bytes,
// deletions.
std::string mutate_bytes(std::string text, Generator& gen) {
    const std::string significant = ":-#'\"\\[]{}!&*|>%@` \t\r\n~?,\x01\x7f\xc3\xa9\xff";
    for (int i = gen.between(1, 4); i > 0 && !text.empty(); --i) {
        auto pos = static_cast<size_t>(gen.between(0, static_cast<int>(text.size()) - 1));
        switch (gen.between(0, 2)) {
        case 0:
            text[pos] = significant[static_cast<size_t>(
                gen.between(0, static_cast<int>(significant.size()) - 1))];
            break;
        case 1:
            text.insert(pos, 1,
                        significant[static_cast<size_t>(
                            gen.between(0, static_cast<int>(significant.size()) - 1))]);
            break;
        default:
            text.erase(pos, 1);
        }
    }
    return text;
}

// The one property that matters: when the shortcut reads the syntax, yaml-cpp
// sees the same values, so the one semantic pass answers the same for both
// (the same entry, or the same message at the same line). Returns whether
// the shortcut answered with an entry.
bool agrees_with_yaml_cpp(const std::string& text) {
    INFO("file:\n" << text);
    FrontmatterValues fast;
    const bool read = read_canonical_values(text, fast);
    auto combined = read_entry_text(text, "entry.md");
    auto full = parse_entry(text, "entry.md");
    REQUIRE(combined.ok() == full.ok());
    if (full.ok())
        CHECK(*combined == *full);
    else
        CHECK(combined.error().located() == full.error().located());
    if (!read) {
        CHECK_FALSE(read_canonical_entry(text));
        return false;
    }
    auto yaml = read_values_with_yaml(text, "entry.md");
    if (!yaml)
        FAIL("the shortcut read a file yaml-cpp refuses: " << yaml.error().located());
    REQUIRE(describe(fast) == describe(yaml->values));
    auto entry = read_canonical_entry(text);
    CHECK(entry.has_value() == full.ok());
    return entry.has_value();
}

// A file that is exactly as settle would write the entry it holds: the
// shortcut must read it.
bool in_settles_own_form(const std::string& text) {
    auto full = parse_entry(text, "entry.md");
    return full && format_entry(*full) == text;
}

} // namespace

TEST_CASE("Fast frontmatter: The shortcut reads every ordinary entry settle writes, exactly as "
          "yaml-cpp does") {
    Generator gen(20261127);
    for (int i = 0; i < 3000; ++i) {
        auto entry = gen.entry(false);
        if (!validate(entry))
            continue;
        auto text = format_entry(entry);
        INFO(text);
        REQUIRE(agrees_with_yaml_cpp(text));
        CHECK(*read_canonical_entry(text) == entry);
    }
}

TEST_CASE(
    "Fast frontmatter: Awkward text is read exactly as yaml-cpp reads it, or left to yaml-cpp") {
    Generator gen(7);
    int answered = 0, total = 0;
    for (int i = 0; i < 4000; ++i) {
        auto entry = gen.entry(true);
        auto text = format_entry(entry);
        answered += agrees_with_yaml_cpp(text) ? 1 : 0;
        ++total;
    }
    // Quotes, colons, unicode and YAML words are all written in forms the
    // shortcut knows; only the truly odd (control characters, invalid UTF-8,
    // line separators...) should go the long way.
    CHECK(answered > total / 2);
}

// How the shortcut fared on a set of edited files: how many it answered,
// how many it left to yaml-cpp, and how many of those yaml-cpp read.
struct Tally {
    int answered = 0;
    int declined_but_read = 0;
    int refused = 0;

    void add(const std::string& text) {
        if (agrees_with_yaml_cpp(text)) {
            ++answered;
            return;
        }
        // A file still in settle's own form must never go the long way.
        INFO("file:\n" << text);
        CHECK_FALSE(in_settles_own_form(text));
        ++(parse_entry(text, "entry.md") ? declined_but_read : refused);
    }
};

TEST_CASE("Fast frontmatter: Hand-edited and damaged files never make the shortcut disagree") {
    Generator gen(42);
    Tally tally;
    for (int i = 0; i < 6000; ++i) {
        auto canonical = format_entry(gen.entry(gen.chance(0.3)));
        auto edited = hand_edit(canonical, gen);
        if (gen.chance(0.3))
            edited = hand_edit(edited, gen);
        tally.add(edited);
    }
    // The comparison above only means something if the edits reach all three
    // outcomes often: read by the shortcut, read only by yaml-cpp, refused.
    INFO(tally.answered << " answered, " << tally.declined_but_read << " left to yaml-cpp, "
                        << tally.refused << " refused");
    CHECK(tally.answered > 200);
    CHECK(tally.declined_but_read > 1000);
    CHECK(tally.refused > 1000);
}

TEST_CASE("Fast frontmatter: Fuzzed bytes never make the shortcut disagree") {
    Generator gen(1234);
    Tally tally;
    for (int i = 0; i < 8000; ++i) {
        auto canonical = format_entry(gen.entry(gen.chance(0.3)));
        tally.add(mutate_bytes(canonical, gen));
    }
    INFO(tally.answered << " answered, " << tally.declined_but_read << " left to yaml-cpp, "
                        << tally.refused << " refused");
    CHECK(tally.answered > 500);
    CHECK(tally.declined_but_read > 500);
    CHECK(tally.refused > 500);
}

TEST_CASE("Fast frontmatter: The shortcut declines the forms it is not sure about") {
    const std::string canonical =
        "---\nschema: 1\nkind: pause\ncreated: 2026-11-27T21:14:03-07:00\n"
        "tags: []\nurge_before: 8\nurge_after: 3\noutcome: waited\n---\n";
    auto expected = read_canonical_entry(canonical);
    REQUIRE(expected);
    auto replace = [&](const std::string& from, const std::string& to) {
        auto text = canonical;
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    auto with = [&](auto change) {
        auto entry = *expected;
        change(entry);
        return entry;
    };
    struct Case {
        std::string text;
        // What the full reader must make of it: an entry, or this message.
        std::optional<Entry> entry;
        std::string error;
    };
    const std::vector<Case> cases = {
        {replace("urge_after: 3", "urge_after: 3 # fell"), *expected, {}}, // comment after a value
        {replace("tags: []", "tags: [ work ]"),
         with([](Entry& e) { e.tags = {"work"}; }),
         {}}, // blanks in a flow list
        {replace("tags: []", "tags: [\"work\"]"),
         with([](Entry& e) { e.tags = {"work"}; }),
         {}},                                                                   // quoted flow item
        {replace("outcome: waited", "outcome: 'waited'"), *expected, {}},       // single quotes
        {replace("tags: []\n", "  # note\ntags: []\n"), *expected, {}},         // indented comment
        {replace("urge_before: 8\n", "urge_before: 8\r\n"), *expected, {}},     // one CRLF line
        {replace("outcome: waited\n", "outcome: wai\rted\r\n"), *expected, {}}, // a stray CR
        {"---\n# only a comment\n---\n", std::nullopt,
         "entry.md:2: the frontmatter must be a set of 'key: value' lines"},   // a null document
        {replace("tags: []\n", "tags: []\n\n"), *expected, {}},                // blank line
        {replace("tags: []\n", "tags: []\nmood:\n  - calm\n"), *expected, {}}, // unknown, a block
        {replace("tags: []\n", "tags: []\nmood: [calm]\n"), *expected, {}},    // unknown, a list
        {replace("tags: []\n", "tags: []\nmood: calm\n  and slow\n"), *expected, {}}, // two lines
        {replace("tags: []\n", "tags: []\n\"mood\": calm\n"), *expected, {}}, // a quoted name
        {replace("tags: []\n", "tags: []\n" + std::string(65, 'm') + ": calm\n"),
         *expected,
         {}}, // a long name (YAML refuses one over 1,024 characters)
        {replace("tags: []\n", "tags: []\n" + std::string(1100, 'm') + ": calm\n"), std::nullopt,
         "entry.md:6: the frontmatter is not valid YAML: illegal map value"},
        {replace("tags: []\n", "mood: calm\ntags: []\nmood: calm\n"), std::nullopt,
         "entry.md:7: key \"mood\" appears twice; keep one"}, // an unknown key twice
        {replace("urge_before: 8", "urge_before: ~"),
         with([](Entry& e) { std::get<PauseFields>(e.fields).urge_before.reset(); }),
         {}}, // null
        {replace("urge_before: 8\n", "urge_before: 8\nurge_before: 8\n"), std::nullopt,
         "entry.md:7: key \"urge_before\" appears twice; keep one"}, // twice
        {replace("\n---\n", "\n...\n"), *expected, {}},              // other closing fence
        {replace("waited", "waited "), *expected, {}},               // trailing blank
        {canonical + "<<<<<<< ours\n=======\n>>>>>>> theirs\n", std::nullopt,
         "entry.md:10: a sync conflict: this file holds two versions of the entry, between the "
         "<<<<<<< and >>>>>>> lines; keep what stands with `settle edit`"}, // conflict in the body
        {"---\n---\nbody\n", std::nullopt,
         "entry.md:2: the frontmatter must be a set of 'key: value' lines"}, // nothing in it
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK_FALSE(read_canonical_entry(c.text));
        FrontmatterValues values;
        CHECK_FALSE(read_canonical_values(c.text, values));
        auto full = read_entry_text(c.text, "entry.md");
        if (c.entry) {
            REQUIRE(full);
            CHECK(*full == *c.entry);
        } else {
            REQUIRE_FALSE(full);
            CHECK(full.error().located() == c.error);
        }
    }
}

TEST_CASE("Fast frontmatter: The shortcut reads what editors and people commonly leave in a "
          "file") {
    // A journal edited on another system or by hand must not be read 60
    // times slower: a BOM, CRLF line ends, comment lines, flow lists of words
    // and keys of a person's own are read by the shortcut, and read as
    // yaml-cpp reads them.
    const std::string canonical =
        "---\nschema: 1\nkind: pause\ncreated: 2026-11-27T21:14:03-07:00\n"
        "tags: []\nurge_before: 8\nurge_after: 3\noutcome: waited\n---\nA note.\n";
    auto expected = read_canonical_entry(canonical);
    REQUIRE(expected);
    auto replace = [&](std::string text, const std::string& from, const std::string& to) {
        for (auto at = text.find(from); at != std::string::npos;
             at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
        return text;
    };
    auto tagged = *expected;
    tagged.tags = {"work", "sleep-2"};
    auto crlf = replace(canonical, "\n", "\r\n");
    auto with_cr_in_note = *expected;
    with_cr_in_note.body = "A\rnote.\n";
    const std::vector<std::pair<std::string, Entry>> cases = {
        {"\xEF\xBB\xBF" + canonical, *expected},
        {crlf, *expected},
        {"\xEF\xBB\xBF" + crlf, *expected},
        {replace(crlf, "\r\nA note.\r\n", "\r\nA note.\r\r\n"), *expected},
        {replace(crlf, "A note.", "A\rnote."), with_cr_in_note},
        {replace(canonical, "tags: []\n", "# edited after talking it through\ntags: []\n"),
         *expected},
        {replace(canonical, "---\nschema", "---\n#\n# by hand\nschema"), *expected},
        {replace(canonical, "outcome: waited\n", "outcome: waited\n# the end\n"), *expected},
        {replace(canonical, "tags: []", "tags: [work, sleep-2]"), tagged},
        {replace(canonical, "tags: []\n", "tags: []\nmood: calmer\nslept: \"6 hours\"\n"),
         *expected},
        {"\xEF\xBB\xBF" +
             replace(replace(canonical, "tags: []", "# mine\ntags: [work, sleep-2]"), "\n", "\r\n"),
         tagged},
    };
    for (const auto& [text, entry] : cases) {
        INFO(text);
        FrontmatterValues values;
        CHECK(read_canonical_values(text, values));
        REQUIRE(agrees_with_yaml_cpp(text));
        CHECK(*read_canonical_entry(text) == entry);
    }
    // A comment inside a block ends the block for the shortcut; yaml-cpp
    // reads the rest.
    auto audit = "---\nschema: 1\nkind: audit\ncreated: 2026-11-27T21:14:03-07:00\n"
                 "know:\n  - a\n# between\n  - b\n---\n";
    CHECK_FALSE(agrees_with_yaml_cpp(audit));
    auto read = read_entry_text(audit, "entry.md");
    REQUIRE(read);
    CHECK(std::get<AuditFields>(read->fields).know == std::vector<std::string>{"a", "b"});
}

TEST_CASE("Fast frontmatter: The fallback reads hand edits and names problems with their line") {
    auto edited = read_entry_text("---\n# by hand\nschema: 1\nkind: pause\n"
                                  "created: 2026-11-27T21:14:03-07:00\nurge_before: 8\n"
                                  "urge_after: 3\noutcome: waited\n---\n",
                                  "a.md");
    REQUIRE(edited);
    CHECK(std::get<PauseFields>(edited->fields).urge_after == 3);

    auto broken = read_entry_text("---\nschema: 1\nkind: pause\n"
                                  "created: 2026-11-27T21:14:03-07:00\nurge_before: high\n---\n",
                                  "b.md");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().located() ==
          "b.md:5: urge_before must be a whole number from 0 to 10, got \"high\"");
}

TEST_CASE("Fast frontmatter: The shortcut reads every file settle writes") {
    // Entries of every kind with every field, in ordinary and in awkward
    // words, saved by the real writer. A key or a form the writer learns
    // and the shortcut does not would send such files the slow way (60
    // times slower) without a wrong answer anywhere; this count catches it.
    Generator gen(20261130);
    int saved = 0, answered = 0;
    std::set<std::string> keys_seen;
    for (int i = 0; i < 3000; ++i) {
        auto entry = gen.full_entry(static_cast<Kind>(i % 3), i % 2 == 1);
        auto text = format_entry_for_saving(entry);
        if (!text)
            continue; // refused with a message, never written
        ++saved;
        for (const auto& line : lines_of(*text)) {
            auto start = line.find_first_not_of(' ');
            auto colon = line.find(':');
            if (start != std::string::npos && colon != std::string::npos && colon > start)
                keys_seen.insert(line.substr(start, colon - start));
        }
        auto fast = read_canonical_entry(*text);
        INFO("file:\n" << *text);
        CHECK(fast.has_value());
        if (fast) {
            ++answered;
            CHECK(*fast == *parse_entry(*text, "entry.md"));
        }
    }
    CHECK(answered == saved);
    // The awkward half includes text the writer refuses (not UTF-8, a CR
    // before a line end), but most entries must be saved and counted.
    CHECK(saved > 2000);
    // Every key of the format was written, so each one was read here.
    for (const auto& key : kKeys) {
        INFO("key " << key.name);
        CHECK(keys_seen.count(std::string(key.name)) == 1);
    }
}

TEST_CASE(
    "Fast frontmatter: A problem in settle's own syntax is named as yaml-cpp's reader names it") {
    const std::string head = "---\nschema: 1\nkind: pause\ncreated: 2026-11-27T21:14:03-07:00\n";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {head + "urge_before: 11\nurge_after: 3\noutcome: waited\n---\n",
         "b.md:5: urge_before must be a whole number from 0 to 10, got \"11\""},
        {head + "urge_after: 3\noutcome: left\n---\n",
         "b.md:6: outcome must be waited, reached-out or undecided, got \"left\""},
        {head + "urge_after: 3\noutcome: waited\ntimer: 5\n---\n",
         "b.md:7: timer must have planned_seconds and elapsed_seconds"},
        {head + "urge_after: 3\noutcome: waited\ntimer:\n  planned_seconds: 300\n---\n",
         "b.md:8: timer must have planned_seconds and elapsed_seconds"},
        {head + "urge_after: 3\noutcome: waited\nincomplete: maybe\n---\n",
         "b.md:7: incomplete must be true or false"},
        {head + "urge_after: 3\n---\n", "b.md:2: outcome is missing (waited, reached-out or "
                                        "undecided)"},
        {"---\nschema: 1\nkind: walk\n---\n",
         "b.md:3: kind must be audit, script or pause, got \"walk\""},
        {"---\nschema: 1\nkind: audit\ncreated: 2026-11-27T21:14:03-07:00\nknow:\n  - a\n"
         "revisit:\n  date: 2026-11-28T10:00:00-07:00\n  predictions:\n    1: maybe\n---\n",
         "b.md:10: a prediction's outcome must be happened, partly or didnt"},
    };
    for (const auto& [text, message] : cases) {
        INFO(text);
        FrontmatterValues values;
        CHECK(read_canonical_values(text, values)); // the message comes from the shortcut's values
        auto fast = read_entry_text(text, "b.md");
        REQUIRE_FALSE(fast);
        CHECK(fast.error().located() == message);
        auto full = parse_entry(text, "b.md");
        REQUIRE_FALSE(full);
        CHECK(full.error().located() == message);
    }
}
