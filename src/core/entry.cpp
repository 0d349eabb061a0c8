#include "entry.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <fmt/format.h>

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

// `key` is the name in the file; the flag differs only in spelling, except
// that the feeling is typed as --feel.
std::string field(std::string_view key, FieldNames names) {
    if (names == FieldNames::keys)
        return std::string(key);
    if (key == "feeling")
        return "--feel";
    std::string flag = "--" + std::string(key);
    std::replace(flag.begin(), flag.end(), '_', '-');
    return flag;
}

class Validator {
  public:
    explicit Validator(FieldNames names, bool complete) : names_(names), complete_(complete) {}

    Status rating(const std::optional<int>& value, std::string_view key) const {
        if (value && !valid_rating(*value))
            return Error{fmt::format("{} must be a whole number from 0 to 10, got {}",
                                     field(key, names_), *value)};
        return success();
    }

    Status required(bool present, std::string_view key, std::string_view hint) const {
        if (complete_ && !present)
            return Error{fmt::format("{} is missing ({})", field(key, names_), hint)};
        return success();
    }

    Status text(std::string_view value, std::string_view key) const {
        if (complete_ && blank(value))
            return Error{fmt::format("{} is empty; a few words are enough", field(key, names_))};
        return success();
    }

    Status items(const std::vector<std::string>& values, std::string_view key) const {
        for (const auto& item : values)
            if (blank(item))
                return Error{fmt::format("a {} item is empty", field(key, names_))};
        return success();
    }

    Status operator()(const AuditFields& audit) const {
        for (auto status : {rating(audit.anxiety_before, "anxiety_before"),
                            rating(audit.anxiety_after, "anxiety_after"), items(audit.know, "know"),
                            items(audit.predict, "predict")})
            if (!status)
                return status;
        if (complete_ && audit.know.empty() && audit.predict.empty())
            return Error{fmt::format("an audit needs at least one {} or {} item",
                                     field("know", names_), field("predict", names_))};
        return success();
    }

    Status operator()(const ScriptFields& script) const {
        for (auto status : {text(script.situation, "situation"), text(script.feeling, "feeling"),
                            text(script.need, "need")})
            if (!status)
                return status;
        return success();
    }

    Status operator()(const PauseFields& pause) const {
        for (auto status :
             {rating(pause.urge_before, "urge_before"), rating(pause.urge_after, "urge_after"),
              // The rating before may be skipped, like the audit's: asked at
              // the start of a hard moment, it must never stand in the way.
              required(pause.urge_after.has_value(), "urge_after", "0-10"),
              required(pause.outcome.has_value(), "outcome", "waited, reached-out or undecided")})
            if (!status)
                return status;
        return success();
    }

  private:
    FieldNames names_;
    bool complete_;
};

} // namespace

std::string_view to_string(Kind kind) {
    switch (kind) {
    case Kind::audit:
        return "audit";
    case Kind::script:
        return "script";
    case Kind::pause:
        return "pause";
    }
    return "?";
}

std::optional<Kind> parse_kind(std::string_view text) {
    for (auto kind : {Kind::audit, Kind::script, Kind::pause})
        if (text == to_string(kind))
            return kind;
    return std::nullopt;
}

std::string_view to_string(Outcome outcome) {
    switch (outcome) {
    case Outcome::waited:
        return "waited";
    case Outcome::reached_out:
        return "reached-out";
    case Outcome::undecided:
        return "undecided";
    }
    return "?";
}

std::optional<Outcome> parse_outcome(std::string_view text) {
    for (auto outcome : {Outcome::waited, Outcome::reached_out, Outcome::undecided})
        if (text == to_string(outcome))
            return outcome;
    return std::nullopt;
}

namespace {

template <typename E, size_t N>
std::optional<E> parse_named(std::string_view text, const E (&values)[N]) {
    for (auto value : values)
        if (text == to_string(value))
            return value;
    return std::nullopt;
}

constexpr PredictionOutcome kPredictionOutcomes[] = {
    PredictionOutcome::happened, PredictionOutcome::partly, PredictionOutcome::didnt};
constexpr Shared kShared[] = {Shared::said, Shared::sent, Shared::kept};
constexpr Landed kLanded[] = {Landed::closer, Landed::neutral, Landed::harder};

} // namespace

std::string_view to_string(PredictionOutcome value) {
    switch (value) {
    case PredictionOutcome::happened:
        return "happened";
    case PredictionOutcome::partly:
        return "partly";
    case PredictionOutcome::didnt:
        return "didnt";
    }
    return "?";
}

std::string_view to_string(Shared value) {
    switch (value) {
    case Shared::said:
        return "said";
    case Shared::sent:
        return "sent";
    case Shared::kept:
        return "kept";
    }
    return "?";
}

std::string_view to_string(Landed value) {
    switch (value) {
    case Landed::closer:
        return "closer";
    case Landed::neutral:
        return "neutral";
    case Landed::harder:
        return "harder";
    }
    return "?";
}

std::optional<PredictionOutcome> parse_prediction_outcome(std::string_view text) {
    return parse_named(text, kPredictionOutcomes);
}
std::optional<Shared> parse_shared(std::string_view text) {
    return parse_named(text, kShared);
}
std::optional<Landed> parse_landed(std::string_view text) {
    return parse_named(text, kLanded);
}

std::string compose_sentence(const ScriptFields& script) {
    return fmt::format("When {}, I notice I feel {}, and what I'm actually needing is {}.",
                       trim_for_sentence(script.situation), trim_for_sentence(script.feeling),
                       trim_for_sentence(script.need));
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
        return "tag";
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

Status validate(const Entry& entry, FieldNames names) {
    if (auto key = text_not_utf8(entry))
        return Error{fmt::format("{} is not UTF-8 text, so it cannot be saved as given; is the "
                                 "terminal set to UTF-8?",
                                 field(*key, names))};
    for (const auto& tag : entry.tags)
        if (blank(tag) || tag.find_first_of(" \t\r\n,") != std::string::npos)
            return Error{fmt::format("tag \"{}\" must be one word (no spaces or commas)", tag)};
    if (entry.revisit) {
        const auto& revisit = *entry.revisit;
        const auto* audit = std::get_if<AuditFields>(&entry.fields);
        if (!audit && !revisit.predictions.empty())
            return Error{"only an audit has predictions to revisit"};
        for (const auto& [number, outcome] : revisit.predictions)
            if (number < 1 || static_cast<size_t>(number) > audit->predict.size())
                return Error{fmt::format("revisit names prediction {}, but the entry has {}",
                                         number, audit->predict.size())};
        if ((revisit.shared || revisit.landed) && entry.kind() != Kind::script)
            return Error{"only a script can be revisited as shared or landed"};
    }
    return std::visit(Validator(names, !entry.incomplete), entry.fields);
}

} // namespace settle
