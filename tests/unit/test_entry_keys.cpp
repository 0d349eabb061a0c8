// The one table of the entry format (entry_keys.hpp): its enum names, its
// keys, and the pages that describe it to people, which must say the same.
#include "core/entry_keys.hpp"
#include "core/entry_values.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>
#include <yaml-cpp/yaml.h>

using namespace settle;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The rows of the key table in docs/entry-format.md: key -> its cells.
std::vector<std::vector<std::string>> key_rows(const std::string& page) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(page.substr(page.find("## Frontmatter keys")));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("| `", 0) != 0)
            continue;
        std::vector<std::string> cells;
        size_t pos = 1;
        while (pos < line.size()) {
            // A cell ends at a '|' that is not escaped as "\|".
            size_t end = pos;
            while (end < line.size() && !(line[end] == '|' && line[end - 1] != '\\'))
                ++end;
            auto cell = line.substr(pos, end - pos);
            cell.erase(0, cell.find_first_not_of(' '));
            cell.erase(cell.find_last_not_of(' ') + 1);
            cells.push_back(cell);
            pos = end + 1;
        }
        rows.push_back(cells);
        if (line.find("`revisit`") == 2)
            break;
    }
    return rows;
}

} // namespace

TEST_CASE("Entry keys: Each enum's names are read back as its values") {
    CHECK(name_of(Outcome::reached_out) == "reached-out");
    CHECK(parse_name<Outcome>("reached-out") == Outcome::reached_out);
    CHECK_FALSE(parse_name<Outcome>("reached_out"));
    CHECK(parse_name<PredictionOutcome>("didnt") == PredictionOutcome::didnt);
    CHECK_FALSE(parse_name<Kind>(""));
    for (auto kind : {Kind::audit, Kind::script, Kind::pause})
        CHECK(parse_name<Kind>(name_of(kind)) == kind);
    CHECK(spoken_choices<Outcome>() == "waited, reached-out or undecided");
    CHECK(option_choices<Landed>() == "closer|neutral|harder");
    CHECK(spoken_choices(kind_names(revisitable_kinds())) == "audit or script");
}

TEST_CASE("Entry keys: Every key is found by its name inside its parent, and only there") {
    for (const auto& key : kKeys) {
        INFO(key.name);
        CHECK(find_key(key.name, key.parent) == key.key);
        CHECK(spec(key.key).key == key.key); // the table is in Key order
        if (key.parent) {
            CHECK(spec(*key.parent).type == ValueType::record);
            CHECK_FALSE(find_key(key.name));
        }
    }
    CHECK_FALSE(find_key("mood"));
}

TEST_CASE("Entry keys: docs/entry-format.md lists the keys, kinds and choices of the table") {
    auto rows = key_rows(read_file(SETTLE_SOURCE_DOCS "/entry-format.md"));
    std::vector<const KeySpec*> top_level;
    for (const auto& key : kKeys)
        if (!key.parent)
            top_level.push_back(&key);
    REQUIRE(rows.size() == top_level.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        const auto& key = *top_level[i];
        const auto& cells = rows[i];
        INFO("row " << i + 1 << ": " << cells[0]);
        REQUIRE(cells.size() >= 4);
        CHECK(cells[0] == "`" + std::string(key.name) + "`");
        if (key.type == ValueType::choice) {
            std::string listed;
            for (auto name : key.choices)
                listed += (listed.empty() ? "`" : " \\| `") + std::string(name) + "`";
            CHECK(cells[1] == listed);
        }
        if (key.type == ValueType::integer && key.max == kRatingMax)
            CHECK(cells[1] == fmt::format("integer {}-{}", key.min, key.max));
        // revisit is listed by the kinds `settle revisit` writes it for.
        auto kinds = key.key == Key::revisit ? revisitable_kinds() : key.kinds;
        std::string named;
        for (auto name : kind_names(kinds))
            named += (named.empty() ? "" : ", ") + std::string(name);
        CHECK(cells[2] == (kinds.is_all() ? std::string("all") : named));
    }
}

// The words set as command words (after a `Cm` macro) in an mdoc page, with
// mdoc's escaped hyphen as a plain one.
std::set<std::string> command_words(const std::string& page) {
    std::set<std::string> words;
    std::istringstream lines(page);
    std::string line;
    while (std::getline(lines, line)) {
        auto at = line.find("Cm ");
        if (at == std::string::npos)
            continue;
        std::istringstream tokens(line.substr(at + 3));
        std::string token;
        while (tokens >> token) {
            for (auto pos = token.find("\\-"); pos != std::string::npos; pos = token.find("\\-"))
                token.replace(pos, 2, "-");
            words.insert(token);
        }
    }
    return words;
}

TEST_CASE("Entry keys: The manual page of the journal names every key and choice of the table") {
    auto words = command_words(read_file(SETTLE_SOURCE_MAN "/man5/settle-journal.5"));
    for (const auto& key : kKeys) {
        INFO(key.name);
        CHECK(words.count(std::string(key.name)) == 1);
        for (auto choice : key.choices) {
            INFO(choice);
            CHECK(words.count(std::string(choice)) == 1);
        }
    }
}

TEST_CASE("Entry keys: YAML booleans are read as yaml-cpp reads them") {
    for (std::string word :
         {"y",     "Y",     "yes",   "Yes", "YES", "yEs",  "true", "True", "TRUE",  "tRUE",
          "on",    "On",    "ON",    "n",   "N",   "no",   "No",   "NO",   "false", "False",
          "FALSE", "off",   "Off",   "OFF", "",    "1",    "0",    "t",    "f",     "truE",
          "yes ",  " true", "True.", "ja",  "nil", "TrUe", "oN"}) {
        INFO("\"" << word << "\"");
        bool expected = false;
        YAML::Node node(word);
        auto decoded = YAML::convert<bool>::decode(node, expected);
        auto ours = yaml_boolean(word);
        REQUIRE(ours.has_value() == decoded);
        if (decoded)
            CHECK(*ours == expected);
    }
}
