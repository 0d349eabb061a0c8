// The guided script: name the feeling, not the partner. Three answers,
// composed into one sentence that is printed on stdout to copy.
#include "cli/guided/guided.hpp"
#include "cli/hints.hpp"
#include "cli/vocabulary.hpp"

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
        review();
        session_.say();
        session_.say(terminal.dim("Here it is, to say or to send:"));
        session_.save_finished(entry_, options_, compose_sentence(script()));
        saved_ = true;
    }

    bool saved() const { return saved_; }

  private:
    ScriptFields& script() { return std::get<ScriptFields>(entry_.fields); }

    std::string ask(const std::string& question, std::string_view label,
                    const std::vector<std::string_view>* vocabulary, std::string& field) {
        session_.say();
        session_.say(question);
        return ask_answer(label, vocabulary, field, {});
    }

    std::string ask_answer(std::string_view label, const std::vector<std::string_view>* vocabulary,
                           std::string& field, const std::string& prefill) {
        while (true) {
            Question question{session_.prompt(label), vocabulary, nullptr,
                              [&field, label](const std::string& unfinished) {
                                  field = without_lead_in(label, unfinished);
                              }};
            question.prefill = prefill;
            auto answer = session_.ask_line(question);
            auto text = answer ? without_lead_in(label, *answer) : std::string();
            if (text.find_first_not_of(" \t") != std::string::npos)
                return text;
            session_.say(session_.terminal().dim("A few words are enough."));
        }
    }

    // The sentence already says "When", "I feel" and "I need": typed again
    // at the start of an answer, they would be said twice.
    static std::string without_lead_in(std::string_view label, std::string_view answer) {
        return settle::without_lead_in(label == "When"     ? ScriptPart::situation
                                       : label == "I feel" ? ScriptPart::feeling
                                                           : ScriptPart::need,
                                       answer);
    }

    // The sentence as it will be saved, with keep / change; coaching notes
    // appear here, where they can be acted on.
    void review() {
        auto& terminal = session_.terminal();
        while (true) {
            session_.say();
            session_.say(terminal.dim("This is what will be saved:"));
            session_.say("  " + neutralize_controls(compose_sentence(script())));
            note_hints("When", script().situation);
            note_hints("I feel", script().feeling);
            note_hints("I need", script().need);
            show_tags_and_note(session_, entry_);
            auto keys = fmt::format("Save this?  {} keep it   {} change something",
                                    terminal.bold("k"), terminal.bold("e"));
            if (*session_.ask_key(KeyQuestion{U"ke", "k or e", keys}) == U'k')
                return;
            auto parts = fmt::format(
                "Which part?  {} the situation   {} the feeling   {} the need   {} tags   {} note",
                terminal.bold("1"), terminal.bold("2"), terminal.bold("3"), terminal.bold("4"),
                terminal.bold("5"));
            auto part = *session_.ask_key(KeyQuestion{U"12345", "1 to 5", parts});
            if (part == U'4')
                change_tags(session_, entry_);
            else if (part == U'5')
                change_note(session_, entry_);
            else if (part == U'1')
                script().situation =
                    ask_answer("When", nullptr, script().situation, script().situation);
            else if (part == U'2')
                script().feeling =
                    ask_answer("I feel", TabWords(session_.context(), WordList::feelings).views(),
                               script().feeling, script().feeling);
            else
                script().need =
                    ask_answer("I need", TabWords(session_.context(), WordList::needs).views(),
                               script().need, script().need);
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

    bool saved_ = false;
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
    bool saved = false;
    bool finished = run_keeping_words(session, entry, std::nullopt, options, [&] {
        ScriptSteps steps(session, options, entry);
        steps.run(given);
        saved = steps.saved();
    });
    if (!finished || !saved)
        return;
    try {
        session.finish("When you have said it, sent it or kept it, `settle revisit` asks how "
                       "it went, if you like.");
    } catch (const SessionEnded&) {
        // Saved already; nothing more to keep.
    }
}

void guide_script(Context& context, ScriptAnswers given, const WriteOptions& options) {
    Session session(context);
    guide_script(session, std::move(given), options);
}

} // namespace settle::cli
