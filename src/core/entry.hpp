// The journal's data model: one Entry per exercise session. This is the
// in-memory form of the on-disk format documented in docs/entry-format.md.
#pragma once

#include "error.hpp"
#include "time.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace settle {

inline constexpr int kSchemaVersion = 1;

enum class Kind { audit, script, pause };
std::string_view to_string(Kind kind);
std::optional<Kind> parse_kind(std::string_view text);

// What the person decided after a pause.
enum class Outcome { waited, reached_out, undecided };
std::string_view to_string(Outcome outcome); // "waited", "reached-out", "undecided"
std::optional<Outcome> parse_outcome(std::string_view text);

struct Timer {
    int planned_seconds = 0;
    int elapsed_seconds = 0;
    bool ended_early() const { return elapsed_seconds < planned_seconds; }
    bool operator==(const Timer&) const = default;
};

// Ratings are whole numbers 0-10.
inline constexpr int kRatingMin = 0;
inline constexpr int kRatingMax = 10;
inline bool valid_rating(int value) {
    return value >= kRatingMin && value <= kRatingMax;
}

struct AuditFields {
    std::optional<int> anxiety_before;
    std::optional<int> anxiety_after;
    std::vector<std::string> know;
    std::vector<std::string> predict;
    bool operator==(const AuditFields&) const = default;
};

struct ScriptFields {
    std::string situation;
    std::string feeling;
    std::string need;
    bool operator==(const ScriptFields&) const = default;
};

struct PauseFields {
    std::optional<int> urge_before;
    std::optional<int> urge_after;
    std::optional<Outcome> outcome;
    bool operator==(const PauseFields&) const = default;
};

using KindFields = std::variant<AuditFields, ScriptFields, PauseFields>;

// Looking back later (`settle revisit`): did a prediction come true, was a
// script shared and how did it land.
enum class PredictionOutcome { happened, partly, didnt };
enum class Shared { said, sent, kept };
enum class Landed { closer, neutral, harder };
std::string_view to_string(PredictionOutcome value); // happened, partly, didnt
std::string_view to_string(Shared value);            // said, sent, kept
std::string_view to_string(Landed value);            // closer, neutral, harder
std::optional<PredictionOutcome> parse_prediction_outcome(std::string_view text);
std::optional<Shared> parse_shared(std::string_view text);
std::optional<Landed> parse_landed(std::string_view text);

struct Revisit {
    Timestamp date; // when the answers were last written
    // Audit: 1-based position in `predict` -> what happened.
    std::map<int, PredictionOutcome> predictions;
    // Script: whether and how it was shared, and how it landed.
    std::optional<Shared> shared;
    std::optional<Landed> landed;
    std::string note;
    // Last, so that aggregate initialization of the fields above still
    // works. Audit: a prediction answered differently on two devices (merged by
    // `settle sync`): its number -> every answer given, in enum order, at
    // least two. Never also in `predictions`; it counts as not yet answered
    // until the person says which answer stands. (Key `contested` in the
    // file; see docs/entry-format.md.)
    std::map<int, std::vector<PredictionOutcome>> contested;
    bool operator==(const Revisit&) const = default;
};

struct Entry {
    int schema = kSchemaVersion;
    Timestamp created;
    std::vector<std::string> tags;
    KindFields fields;
    std::optional<Timer> timer;
    // True when the session ended before the exercise was finished (Ctrl-C,
    // a closed terminal): the words are kept, the missing fields are allowed.
    bool incomplete = false;
    std::optional<Revisit> revisit;
    // Free text after the frontmatter: the person's note. Never interpreted.
    std::string body;

    Kind kind() const { return static_cast<Kind>(fields.index()); }
    bool operator==(const Entry&) const = default;
};

// "When …, I notice I feel …, and what I'm actually needing is …."
// An answer that starts with the words the sentence already says before it
// ("When …", "I feel …", "I need …") does not say them twice.
std::string compose_sentence(const ScriptFields& script);

// The three answers of a script.
enum class ScriptPart { situation, feeling, need };

// `answer` without spaces around it and without the words the sentence
// already says before it: "When it's late," gives "it's late", "I notice I
// feel scared" gives "scared", "what I'm actually needing is rest" gives
// "rest" (letters compared without regard to case). An answer that is only
// those words is kept as it is.
std::string without_lead_in(ScriptPart part, std::string_view answer);

// Checks what the exercise requires of a complete entry (an incomplete one
// may lack fields, but what it has must still be in range). Messages name
// fields by their keys in the file (urge_before), listed in Error::keys.
Status validate(const Entry& entry);

} // namespace settle
