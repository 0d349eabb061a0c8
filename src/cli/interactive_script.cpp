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

const std::vector<std::string_view>& feelings() {
    static const auto words = vocabulary_entries(feelings_text());
    return words;
}

const std::vector<std::string_view>& needs() {
    static const auto words = vocabulary_entries(needs_text());
    return words;
}

// Entries read for the person's own words: enough for what they use now,
// quick on a journal of many years.
constexpr size_t kRecentEntries = 300;

// The feelings or needs the person has written in recent scripts, newest
// first, then the built-in words they have not used: their own language is
// offered before anyone else's.
class Vocabulary {
  public:
    Vocabulary(Context& context, bool feelings_wanted) {
        auto journal = context.journal();
        auto files = journal.files();
        size_t read = 0;
        for (auto file = files.rbegin(); file != files.rend() && read < kRecentEntries;
             ++file, ++read) {
            auto entry = journal.read(*file);
            const auto* script = entry ? std::get_if<ScriptFields>(&entry->fields) : nullptr;
            if (!script)
                continue;
            const auto& word = feelings_wanted ? script->feeling : script->need;
            bool plain = !word.empty() && word.size() <= 60 && neutralize_controls(word) == word;
            if (plain && std::find(own_.begin(), own_.end(), word) == own_.end())
                own_.push_back(word);
        }
        words_.assign(own_.begin(), own_.end());
        for (auto word : feelings_wanted ? feelings() : needs())
            if (std::find(own_.begin(), own_.end(), word) == own_.end())
                words_.push_back(word);
    }
    const std::vector<std::string_view>* words() const { return &words_; }

  private:
    std::vector<std::string> own_;
    std::vector<std::string_view> words_;
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
                    Vocabulary(session_.context(), true).words(), script().feeling);
        if (!given.need)
            script().need =
                ask("What are you actually needing?" + terminal.dim(" Tab offers words."), "I need",
                    Vocabulary(session_.context(), false).words(), script().need);
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
