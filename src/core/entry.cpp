#include "entry.hpp"

#include "entry_keys.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <vector>

namespace settle {

namespace {

// Strips trailing sentence punctuation so the composed sentence does not end
// in "..", and spaces a person may have typed around a field.
std::string_view trim_for_sentence(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '.'))
        text.remove_suffix(1);
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    return text;
}

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

class Validator {
  public:
    explicit Validator(bool complete) : complete_(complete) {}

    // A message names a key as written in the file, and lists it in
    // Error::keys for the command layer to show the flag a person typed.
    static std::string name(Key key) { return std::string(key_name(key)); }

    Status rating(const std::optional<int>& value, Key key) const {
        if (value && (*value < spec(key).min || *value > spec(key).max))
            return Error{fmt::format("{} must be a whole number from {} to {}, got {}", name(key),
                                     spec(key).min, spec(key).max, *value)}
                .naming({name(key)});
        return success();
    }

    // What a missing value may be, said briefly: "0-10", "waited,
    // reached-out or undecided".
    static std::string hint(Key key) {
        if (spec(key).type == ValueType::integer)
            return fmt::format("{}-{}", spec(key).min, spec(key).max);
        return spoken_choices(spec(key).choices);
    }

    Status required(bool present, Key key) const {
        if (complete_ && !present)
            return Error{fmt::format("{} is missing ({})", name(key), hint(key))}.naming(
                {name(key)});
        return success();
    }

    Status text(std::string_view value, Key key) const {
        if (complete_ && blank(value))
            return Error{fmt::format("{} is empty; a few words are enough", name(key))}.naming(
                {name(key)});
        return success();
    }

    Status items(const std::vector<std::string>& values, Key key) const {
        for (const auto& item : values)
            if (blank(item))
                return Error{fmt::format("a {} item is empty", name(key))}.naming({name(key)});
        return success();
    }

    Status operator()(const AuditFields& audit) const {
        for (auto status : {rating(audit.anxiety_before, Key::anxiety_before),
                            rating(audit.anxiety_after, Key::anxiety_after),
                            items(audit.know, Key::know), items(audit.predict, Key::predict)})
            if (!status)
                return status;
        if (complete_ && audit.know.empty() && audit.predict.empty())
            return Error{fmt::format("an audit needs at least one {} or {} item", name(Key::know),
                                     name(Key::predict))}
                .naming({name(Key::know), name(Key::predict)});
        return success();
    }

    Status operator()(const ScriptFields& script) const {
        for (auto status : {text(script.situation, Key::situation),
                            text(script.feeling, Key::feeling), text(script.need, Key::need)})
            if (!status)
                return status;
        return success();
    }

    Status operator()(const PauseFields& pause) const {
        for (auto status : {rating(pause.urge_before, Key::urge_before),
                            rating(pause.urge_after, Key::urge_after),
                            // The rating before may be skipped, like the audit's: asked at
                            // the start of a hard moment, it must never stand in the way.
                            required(pause.urge_after.has_value(), Key::urge_after),
                            required(pause.outcome.has_value(), Key::outcome)})
            if (!status)
                return status;
        return success();
    }

  private:
    bool complete_;
};

} // namespace

std::string_view to_string(Kind kind) {
    return name_of(kind);
}
std::optional<Kind> parse_kind(std::string_view text) {
    return parse_name<Kind>(text);
}
std::string_view to_string(Outcome outcome) {
    return name_of(outcome);
}
std::optional<Outcome> parse_outcome(std::string_view text) {
    return parse_name<Outcome>(text);
}
std::string_view to_string(PredictionOutcome value) {
    return name_of(value);
}
std::string_view to_string(Shared value) {
    return name_of(value);
}
std::string_view to_string(Landed value) {
    return name_of(value);
}
std::optional<PredictionOutcome> parse_prediction_outcome(std::string_view text) {
    return parse_name<PredictionOutcome>(text);
}
std::optional<Shared> parse_shared(std::string_view text) {
    return parse_name<Shared>(text);
}
std::optional<Landed> parse_landed(std::string_view text) {
    return parse_name<Landed>(text);
}

std::string without_lead_in(ScriptPart part, std::string_view answer) {
    static const std::vector<std::string_view> when = {"when "};
    static const std::vector<std::string_view> feel = {
        "i notice i feel ", "i notice i'm feeling ", "i notice that i feel ",
        "i feel ",          "i'm feeling ",          "i am feeling ",
        "feeling "};
    static const std::vector<std::string_view> need = {"and what i'm actually needing is ",
                                                       "what i'm actually needing is ",
                                                       "what i am actually needing is ",
                                                       "what i'm needing is ",
                                                       "i'm needing ",
                                                       "i am needing ",
                                                       "i need "};
    const auto& lead_ins = part == ScriptPart::situation ? when
                           : part == ScriptPart::feeling ? feel
                                                         : need;
    auto start = answer.find_first_not_of(" \t");
    if (start == std::string_view::npos)
        return {};
    answer.remove_prefix(start);
    for (auto lead_in : lead_ins) {
        if (answer.size() <= lead_in.size())
            continue;
        bool same = true;
        for (size_t i = 0; i < lead_in.size() && same; ++i) {
            char c = answer[i];
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
            same = c == lead_in[i];
        }
        if (same) {
            answer.remove_prefix(lead_in.size());
            break;
        }
    }
    answer.remove_prefix(std::min(answer.find_first_not_of(" \t"), answer.size()));
    auto end = answer.find_last_not_of(" \t");
    auto trimmed = std::string(answer.substr(0, end + 1));
    // "When it's late," keeps its meaning without the comma the sentence adds.
    if (part == ScriptPart::situation && !trimmed.empty() && trimmed.back() == ',')
        trimmed.pop_back();
    return trimmed;
}

std::string compose_sentence(const ScriptFields& script) {
    return fmt::format("When {}, I notice I feel {}, and what I'm actually needing is {}.",
                       trim_for_sentence(without_lead_in(ScriptPart::situation, script.situation)),
                       trim_for_sentence(without_lead_in(ScriptPart::feeling, script.feeling)),
                       trim_for_sentence(without_lead_in(ScriptPart::need, script.need)));
}

namespace {

// The key of the first text field that is not well-formed UTF-8, if any:
// yaml-cpp would save its bytes as U+FFFD, so it is refused, not changed.
std::optional<std::string_view> text_not_utf8(const Entry& entry) {
    auto bad = [](const std::vector<std::string>& items) {
        return std::any_of(items.begin(), items.end(),
                           [](const std::string& item) { return !is_valid_utf8(item); });
    };
    if (bad(entry.tags))
        return "tags";
    if (const auto* audit = std::get_if<AuditFields>(&entry.fields)) {
        if (bad(audit->know))
            return "know";
        if (bad(audit->predict))
            return "predict";
    }
    if (const auto* script = std::get_if<ScriptFields>(&entry.fields))
        for (auto [key, value] :
             {std::pair{"situation", &script->situation}, std::pair{"feeling", &script->feeling},
              std::pair{"need", &script->need}})
            if (!is_valid_utf8(*value))
                return key;
    if (entry.revisit && !is_valid_utf8(entry.revisit->note))
        return "note";
    return std::nullopt;
}

} // namespace

Status validate(const Entry& entry) {
    if (auto key = text_not_utf8(entry))
        return Error{fmt::format("{} is not UTF-8 text, so it cannot be saved as given; is the "
                                 "terminal set to UTF-8?",
                                 *key)}
            .naming({std::string(*key)});
    for (const auto& tag : entry.tags)
        if (blank(tag) || tag.find_first_of(" \t\r\n,") != std::string::npos)
            return Error{fmt::format("tag \"{}\" must be one word (no spaces or commas)", tag)};
    if (entry.revisit) {
        const auto& revisit = *entry.revisit;
        const auto* audit = std::get_if<AuditFields>(&entry.fields);
        if (!audit && !revisit.predictions.empty())
            return Error{"only an audit has predictions to revisit"};
        if (!audit && !revisit.contested.empty())
            return Error{"only an audit has predictions to revisit"};
        for (const auto& [number, outcome] : revisit.predictions)
            if (number < 1 || static_cast<size_t>(number) > audit->predict.size())
                return Error{fmt::format("revisit names prediction {}, but the entry has {}",
                                         number, audit->predict.size())};
        // Contested answers: rules both readers share (docs/entry-format.md).
        for (const auto& [number, answers] : revisit.contested) {
            if (number < 1 || static_cast<size_t>(number) > audit->predict.size())
                return Error{fmt::format("revisit names prediction {}, but the entry has {}",
                                         number, audit->predict.size())};
            if (revisit.predictions.count(number))
                return Error{fmt::format("prediction {} is both answered and contested; keep one "
                                         "of the two",
                                         number)};
            bool distinct = std::adjacent_find(answers.begin(), answers.end()) == answers.end();
            if (answers.size() < 2 || !distinct || !std::is_sorted(answers.begin(), answers.end()))
                return Error{fmt::format("contested prediction {} must list two or more different "
                                         "answers",
                                         number)};
        }
        if ((revisit.shared || revisit.landed) && entry.kind() != Kind::script)
            return Error{"only a script can be revisited as shared or landed"};
    }
    return std::visit(Validator(!entry.incomplete), entry.fields);
}

} // namespace settle
