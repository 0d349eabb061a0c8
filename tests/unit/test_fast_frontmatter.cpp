// The shortcut reader must never disagree with yaml-cpp: whenever it answers,
// parse_entry must read the very same entry from the same bytes. These tests
// generate entries with awkward text, write them with format_entry, edit them
// the ways people do, mutate bytes at random, and compare the two readers.
#include "core/entry_format.hpp"
#include "core/fast_frontmatter.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace settle;
using settle::testing::lines_of;

namespace {

// Pieces that YAML treats specially somewhere, mixed with ordinary words.
const std::vector<std::string> kAwkwardPieces = {
    "he said",  "yes",   "No",   "on",      "null",     "~",      "8",        "3.5",
    "-1",       ":",     ": ",   " #",      "#",        "'",      "\"",       "\\",
    "[",        "]",     "{",    "}",       ",",        "&a",     "*b",       "!t",
    "|",        ">",     "%",    "@",       "`",        "é",      "日本",     "🙂",
    "\t",       "\n",    "\x01", "\x1b[2J", "\x7f",     "\u0085", "\u2028",   "\ufeff",
    " ",        "  ",    "---",  "...",     "-",        "?",      "- ",       "? ",
    "true",     "False", "0x1F", "1e3",     "\xC3\x28", "\r",     "\r\n",     "\\n",
    "http://x", "a: b",  "it's", "don't",   "<<",       "=",      "\xC2\xA0", "\x9b",
};

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
                                                 "    1: maybe"};
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

// The one property that matters: when the shortcut answers, yaml-cpp agrees.
// Returns whether the shortcut answered.
bool agrees_with_yaml_cpp(const std::string& text) {
    auto fast = read_canonical_entry(text);
    if (!fast)
        return false;
    auto full = parse_entry(text, "entry.md");
    INFO("file:\n" << text);
    if (!full)
        FAIL("the shortcut read a file yaml-cpp refuses: " << full.error().located());
    CHECK(*fast == *full);
    return true;
}

} // namespace

TEST_CASE("Fast frontmatter: The shortcut reads every ordinary entry settle writes, exactly as "
          "yaml-cpp does") {
    Generator gen(20261127);
    for (int i = 0; i < 3000; ++i) {
        auto entry = gen.entry(false);
        if (!validate(entry, FieldNames::keys))
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

TEST_CASE("Fast frontmatter: Hand-edited and damaged files never make the shortcut disagree") {
    Generator gen(42);
    for (int i = 0; i < 6000; ++i) {
        auto canonical = format_entry(gen.entry(gen.chance(0.3)));
        auto edited = hand_edit(canonical, gen);
        if (gen.chance(0.3))
            edited = hand_edit(edited, gen);
        agrees_with_yaml_cpp(edited);
    }
}

TEST_CASE("Fast frontmatter: Fuzzed bytes never make the shortcut disagree") {
    Generator gen(1234);
    for (int i = 0; i < 8000; ++i) {
        auto canonical = format_entry(gen.entry(gen.chance(0.3)));
        agrees_with_yaml_cpp(mutate_bytes(canonical, gen));
    }
}

TEST_CASE("Fast frontmatter: The shortcut declines the forms it is not sure about") {
    const std::string canonical =
        "---\nschema: 1\nkind: pause\ncreated: 2026-11-27T21:14:03-07:00\n"
        "tags: []\nurge_before: 8\nurge_after: 3\noutcome: waited\n---\n";
    REQUIRE(read_canonical_entry(canonical));
    auto replace = [&](const std::string& from, const std::string& to) {
        auto text = canonical;
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    for (const auto& doubtful : {
             "\xEF\xBB\xBF" + canonical,                       // BOM
             replace("\n", "\r\n"),                            // CRLF
             replace("tags: []\n", "# note\ntags: []\n"),      // comment line
             replace("urge_after: 3", "urge_after: 3 # fell"), // comment after a value
             replace("tags: []", "tags: [work]"),              // flow list
             replace("outcome: waited", "outcome: 'waited'"),  // single quotes
             replace("tags: []\n", "tags: []\n\n"),            // blank line
             replace("tags: []\n", "tags: []\nmood: calm\n"),  // unknown key
             replace("urge_before: 8", "urge_before: ~"),      // null
             replace("urge_before: 8\n", "urge_before: 8\nurge_before: 8\n"), // twice
             replace("\n---\n", "\n...\n"),                                   // other closing fence
             replace("waited", "waited "),                                    // trailing blank
         }) {
        INFO(doubtful);
        CHECK_FALSE(read_canonical_entry(doubtful));
        // ...and the full reader still reads or names each one.
        auto full = read_entry_text(doubtful, "entry.md");
        CHECK((full.ok() || !full.error().message.empty()));
    }
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
