// The guided script: name the feeling, not the partner. Three answers,
// composed into one sentence that is printed on stdout to copy.
#include "guided.hpp"
#include "hints.hpp"
#include "vocabulary.hpp"

#include "core/display.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace settle::cli {

namespace {

// The words offered on Tab for one question; the line editor borrows views.
class TabWords {
  public:
    TabWords(Context& context, WordList which)
        : words_(offered_words(context, which)), views_(words_.begin(), words_.end()) {}
    const std::vector<std::string_view>* views() const { return &views_; }

  private:
    std::vector<std::string> words_;
    std::vector<std::string_view> views_;
};

class ScriptSteps {
  public:
    ScriptSteps(Session& session, const WriteOptions& options, Entry& entry)
        : session_(session), options_(options), entry_(entry) {}

    void run(const ScriptAnswers& given) {
        auto& terminal = session_.terminal();
        session_.say(terminal.bold("Name the feeling, not the partner.") +
                     " Three short answers make one sentence you could say.");
        // Answers given as flags go into the draft first, so they are kept
        // even if the session ends at the first question.
        script().situation = given.situation.value_or("");
        script().feeling = given.feeling.value_or("");
        script().need = given.need.value_or("");
        if (!given.situation)
            script().situation = ask("What is happening? A few words about the situation.", "When",
                                     nullptr, script().situation);
        if (!given.feeling)
            script().feeling =
                ask("What do you notice you feel?" + terminal.dim(" Tab offers words."), "I feel",
                    TabWords(session_.context(), WordList::feelings).views(), script().feeling);
        if (!given.need)
            script().need =
                ask("What are you actually needing?" + terminal.dim(" Tab offers words."), "I need",
                    TabWords(session_.context(), WordList::needs).views(), script().need);
        session_.say();
        session_.say(terminal.dim("Here it is, to say or to send:"));
        session_.save_finished(entry_, options_, compose_sentence(script()));
    }

  private:
    ScriptFields& script() { return std::get<ScriptFields>(entry_.fields); }

    std::string ask(const std::string& question, std::string_view label,
                    const std::vector<std::string_view>* vocabulary, std::string& field) {
        session_.say();
        session_.say(question);
        while (true) {
            auto answer = session_.ask_line(Question{session_.prompt(label), vocabulary, nullptr,
                                                     [&field](const std::string& unfinished) {
                                                         field = unfinished;
                                                     }});
            if (answer && answer->find_first_not_of(" \t") != std::string::npos) {
                note_hints(label, *answer);
                return *answer;
            }
            session_.say(session_.terminal().dim("A few words are enough."));
        }
    }

    // A gentle note under an answer that drifts from the exercise (blame in
    // the situation, a reactive feeling, a need as an order). Never blocks.
    void note_hints(std::string_view label, const std::string& answer) {
        if (!rules_)
            rules_.emplace(coaching_rules(session_.context()));
        if (!*rules_)
            return;
        const auto& rules = **rules_;
        auto hints = label == "When"     ? rules.check_situation(answer)
                     : label == "I feel" ? rules.check_feeling(answer)
                                         : rules.check_need(answer);
        for (const auto& hint : hints)
            session_.say(session_.terminal().dim(
                hint_for_terminal(hint.message, session_.terminal().size().columns)));
    }

    Session& session_;
    std::optional<std::optional<CoachingRules>> rules_;
    const WriteOptions& options_;
    Entry& entry_;
};

} // namespace

void guide_script(Session& session, ScriptAnswers given, const WriteOptions& options) {
    Entry entry;
    entry.fields = ScriptFields{};
    start_draft(session, entry, options);
    run_keeping_words(session, entry, std::nullopt, options,
                      [&] { ScriptSteps(session, options, entry).run(given); });
}

void guide_script(Context& context, ScriptAnswers given, const WriteOptions& options) {
    Session session(context);
    guide_script(session, std::move(given), options);
}

} // namespace settle::cli
