#include "coaching.hpp"

#include "text_match.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace settle {

namespace {

constexpr const char* kRuleNames[] = {"know_sounds_like_prediction", "harm_in_situation",
                                      "blame_in_situation", "reactive_feeling", "need_as_order"};

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' ||
           (static_cast<unsigned char>(c) & 0x80);
}

// Where a phrase occurs at a word boundary on both sides, in order; "'ll"
// matches the end of a word.
std::vector<size_t> phrase_positions(const std::string& text, const std::string& phrase) {
    std::vector<size_t> found;
    if (phrase.empty())
        return found;
    const bool suffix = phrase.front() == '\'';
    for (size_t pos = text.find(phrase); pos != std::string::npos;
         pos = text.find(phrase, pos + 1)) {
        size_t end = pos + phrase.size();
        bool starts_ok = suffix ? pos > 0 && is_word_char(text[pos - 1])
                                : pos == 0 || !is_word_char(text[pos - 1]);
        bool ends_ok = end == text.size() || !is_word_char(text[end]);
        if (starts_ok && ends_ok)
            found.push_back(pos);
    }
    return found;
}

// Where the clause holding `pos` begins: just after the last . ; ! ? that
// ends a sentence or clause (followed by a space or the end), or a line
// break. "9.30" does not end a clause.
size_t clause_start(const std::string& text, size_t pos) {
    for (size_t i = pos; i > 0; --i) {
        char c = text[i - 1];
        if (c == '\n' || c == '\r')
            return i;
        bool ends = i == pos || text[i] == ' ' || text[i] == '\t' || text[i] == '\n';
        if ((c == '.' || c == ';' || c == '!' || c == '?') && ends)
            return i;
    }
    return 0;
}

// A listed word counts unless reported speech comes before it in the same
// clause: in "They said they will call", "will" is what was said, which can
// be checked; in "She said hi. He will leave me." it is not.
bool contains_word(const std::string& text, const CoachingRules::Rule& rule) {
    for (const auto& word : rule.words) {
        for (size_t pos : phrase_positions(text, word)) {
            size_t start = clause_start(text, pos);
            bool reported = std::any_of(
                rule.unless_after.begin(), rule.unless_after.end(), [&](const std::string& said) {
                    auto where = phrase_positions(text, said);
                    return std::any_of(where.begin(), where.end(),
                                       [&](size_t at) { return at >= start && at < pos; });
                });
            if (!reported)
                return true;
        }
    }
    return false;
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (is_word_char(c)) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

// Whether the "you" at `pos` opens a clause, where it names who did
// something: at the start of the text, after punctuation, or after one of
// `openers` ("when", "that", "because"). "I told you" and "thank you" do
// not.
bool opens_clause(const std::string& text, size_t pos, const std::vector<std::string>& openers) {
    size_t end = text.find_last_not_of(" \t", pos == 0 ? std::string::npos : pos - 1);
    if (pos == 0 || end == std::string::npos)
        return true;
    char before = text[end];
    if (!std::isalnum(static_cast<unsigned char>(before)) &&
        !(static_cast<unsigned char>(before) & 0x80))
        return true; // punctuation: , . ; : ! ? quotes and brackets
    std::string head = text.substr(0, end + 1);
    return std::any_of(openers.begin(), openers.end(), [&](const std::string& opener) {
        return head.size() >= opener.size() &&
               head.compare(head.size() - opener.size(), opener.size(), opener) == 0 &&
               (head.size() == opener.size() ||
                !is_word_char(head[head.size() - opener.size() - 1]));
    });
}

// One of `listed` within three words after a "you" (or "you've", "you're",
// "you'd", "you'll") that opens a clause: "you ignored", "when you've been
// ignoring", "you just don't". The words are looked for in that clause only.
bool follows_you(const std::string& text, const std::vector<std::string>& listed,
                 const std::vector<std::string>& openers) {
    if (listed.empty())
        return false;
    constexpr size_t kReach = 3;
    for (size_t pos = 0; (pos = text.find("you", pos)) != std::string::npos; pos += 3) {
        if (pos > 0 && is_word_char(text[pos - 1]))
            continue;
        size_t after = pos + 3;
        if (after < text.size() && is_word_char(text[after]) && text[after] != '\'')
            continue; // "young", "yours"
        if (!opens_clause(text, pos, openers))
            continue;
        size_t clause_end = text.find_first_of(".;!?\n", after);
        auto words = words_of(text.substr(pos, clause_end == std::string::npos ? std::string::npos
                                                                               : clause_end - pos));
        for (size_t j = 1; j < words.size() && j <= kReach; ++j)
            if (std::find(listed.begin(), listed.end(), words[j]) != listed.end())
                return true;
    }
    return false;
}

std::string without_lead_in(std::string text) {
    auto start = text.find_first_not_of(" \t\"'");
    text.erase(0, start == std::string::npos ? text.size() : start);
    for (const char* lead : {"when ", "that "})
        if (text.rfind(lead, 0) == 0)
            text.erase(0, std::string_view(lead).size());
    return text;
}

bool starts_with_phrase(const std::string& text, const std::string& phrase) {
    return text.rfind(phrase, 0) == 0 &&
           (text.size() == phrase.size() || !is_word_char(text[phrase.size()]));
}

std::vector<std::string> read_phrases(const YAML::Node& node, const std::string& path,
                                      const char* key) {
    std::vector<std::string> phrases;
    if (!node[key])
        return phrases;
    if (!node[key].IsSequence())
        throw Error{fmt::format("{} must be a list", key), path, node[key].Mark().line + 1};
    for (const auto& item : node[key]) {
        if (!item.IsScalar())
            throw Error{fmt::format("each {} item must be text", key), path, item.Mark().line + 1};
        phrases.push_back(fold_for_matching(item.Scalar()));
    }
    return phrases;
}

} // namespace

std::string fold_for_matching(std::string_view text) {
    std::string straight;
    straight.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        // U+2018 and U+2019, the curly single quotes, become '.
        if (text.compare(i, 3, "\xE2\x80\x98") == 0 || text.compare(i, 3, "\xE2\x80\x99") == 0) {
            straight += '\'';
            i += 2;
            continue;
        }
        straight += text[i];
    }
    return fold_case(straight);
}

Expected<CoachingRules> CoachingRules::parse(std::string_view yaml, const std::string& path) {
    CoachingRules rules;
    try {
        auto root = YAML::Load(std::string(yaml));
        if (!root.IsMap())
            return Error{"the coaching rules must be a set of named rules", path, 1};
        for (const char* name : kRuleNames) {
            auto node = root[name];
            if (!node)
                continue; // a translation may leave a rule out
            if (!node.IsMap())
                return Error{fmt::format("{} must hold words or starts_with, and a message", name),
                             path, node.Mark().line + 1};
            Rule rule;
            rule.name = name;
            rule.words = read_phrases(node, path, "words");
            rule.unless_after = read_phrases(node, path, "unless_after");
            rule.starts_with = read_phrases(node, path, "starts_with");
            rule.after_you = read_phrases(node, path, "after_you");
            rule.clause_openers = read_phrases(node, path, "clause_openers");
            if (!node["message"] || !node["message"].IsScalar())
                return Error{fmt::format("{} needs a message", name), path, node.Mark().line + 1};
            rule.message = node["message"].Scalar();
            rules.rules_.push_back(std::move(rule));
        }
    } catch (const Error& error) {
        return error;
    } catch (const YAML::Exception& e) {
        return Error{"the coaching rules are not valid YAML: " + e.msg, path,
                     e.mark.is_null() ? 1 : e.mark.line + 1};
    }
    return rules;
}

std::vector<Hint> CoachingRules::apply(const char* rule_name, const char* field,
                                       std::string_view text, int item) const {
    auto rule = std::find_if(rules_.begin(), rules_.end(),
                             [&](const Rule& r) { return r.name == rule_name; });
    if (rule == rules_.end())
        return {};
    auto folded = fold_for_matching(text);
    auto opening = without_lead_in(folded);
    bool matched =
        contains_word(folded, *rule) ||
        std::any_of(rule->starts_with.begin(), rule->starts_with.end(),
                    [&](const std::string& start) { return starts_with_phrase(opening, start); }) ||
        follows_you(folded, rule->after_you, rule->clause_openers);
    if (!matched)
        return {};
    std::string message = rule->message;
    for (auto pos = message.find("{text}"); pos != std::string::npos;
         pos = message.find("{text}", pos + text.size()))
        message.replace(pos, 6, text);
    while (!message.empty() && message.back() == '\n')
        message.pop_back();
    return {Hint{rule->name, field, item, std::string(text), message}};
}

std::vector<Hint> CoachingRules::check_know_item(std::string_view item, int position) const {
    return apply("know_sounds_like_prediction", "know", item, position);
}

std::vector<Hint> CoachingRules::check_situation(std::string_view situation) const {
    // Being hurt, threatened or controlled is not blame to reword: where it
    // is named, the only note is the gentle pointer to when worry is
    // accurate.
    if (auto harm = apply("harm_in_situation", "situation", situation, 0); !harm.empty())
        return harm;
    return apply("blame_in_situation", "situation", situation, 0);
}

std::vector<Hint> CoachingRules::check_feeling(std::string_view feeling) const {
    return apply("reactive_feeling", "feeling", feeling, 0);
}

std::vector<Hint> CoachingRules::check_need(std::string_view need) const {
    return apply("need_as_order", "need", need, 0);
}

std::vector<Hint> CoachingRules::check(const Entry& entry) const {
    std::vector<Hint> hints;
    auto add = [&](std::vector<Hint> more) {
        hints.insert(hints.end(), std::make_move_iterator(more.begin()),
                     std::make_move_iterator(more.end()));
    };
    if (const auto* audit = std::get_if<AuditFields>(&entry.fields)) {
        for (size_t i = 0; i < audit->know.size(); ++i)
            add(check_know_item(audit->know[i], static_cast<int>(i + 1)));
    } else if (const auto* script = std::get_if<ScriptFields>(&entry.fields)) {
        add(check_situation(script->situation));
        add(check_feeling(script->feeling));
        add(check_need(script->need));
    }
    return hints;
}

} // namespace settle
