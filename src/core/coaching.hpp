// Gentle coaching: noticing when an entry drifts from what its exercise asks
// (a prediction hiding among the facts, a situation that opens with blame).
// The word lists and messages are data (content/coaching.yaml), so they can
// be translated; this file only knows how to match them. Hints never block.
#pragma once

#include "entry.hpp"
#include "error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace settle {

struct Hint {
    std::string rule;    // e.g. "know_sounds_like_prediction"
    std::string field;   // the entry key it is about: know, situation, feeling, need
    int item = 0;        // 1-based list position for `know`, else 0
    std::string text;    // the words it is about
    std::string message; // what to show the person
};

class CoachingRules {
  public:
    // Reads the rules file; `path` names it in errors.
    static Expected<CoachingRules> parse(std::string_view yaml, const std::string& path);

    // The hints for an entry, in the order its fields are asked.
    std::vector<Hint> check(const Entry& entry) const;

    // The single checks, for the interactive prompts that ask one field at
    // a time. Each returns an empty list when the text reads fine.
    std::vector<Hint> check_know_item(std::string_view item, int position) const;
    std::vector<Hint> check_situation(std::string_view situation) const;
    std::vector<Hint> check_feeling(std::string_view feeling) const;
    std::vector<Hint> check_need(std::string_view need) const;

    struct Rule {
        std::string name;
        std::vector<std::string> words;
        std::vector<std::string> unless_after; // reported speech: "said", "told me"
        std::vector<std::string> starts_with;
        std::vector<std::string> after_you; // "ignored" in "you ignored my texts"
        // Words after which a "you" opens a clause ("when you ..."), besides
        // the start of the text and punctuation; only such a "you" counts
        // for `after_you`.
        std::vector<std::string> clause_openers;
        std::string message;
    };

  private:
    std::vector<Hint> apply(const char* rule_name, const char* field, std::string_view text,
                            int item) const;
    std::vector<Rule> rules_;
};

// Folds case in any script (Unicode case folding, composed: "ÉPUISÉ" reads
// as "épuisé", however its accents were typed) and straightens curly
// apostrophes, so that matching depends neither on the keyboard's case nor
// on its quote style. Text that is not valid UTF-8 has only its ASCII
// letters folded.
std::string fold_for_matching(std::string_view text);

} // namespace settle
