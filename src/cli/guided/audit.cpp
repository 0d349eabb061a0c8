// The guided certainty audit: an optional rating, a timed page of what is
// known and what is predicted, an optional rating after, then the two
// columns side by side.
#include "cli/guided/guided.hpp"
#include "cli/hints.hpp"
#include "cli/terminal/countdown.hpp"

#include "core/display.hpp"
#include "core/layout.hpp"

#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace settle::cli {

namespace {

class AuditSession {
  public:
    AuditSession(Context& context, AuditFields given, const WriteOptions& options)
        : options_(options), session_(context) {
        entry_.fields = std::move(given);
        start_draft(session_, entry_, options);
    }

    void run() {
        bool finished =
            run_keeping_words(session_, entry_, countdown_, options_, [this] { ask_and_write(); });
        if (!finished || !saved_)
            return;
        try {
            session_.finish(
                audit().predict.empty()
                    ? "What you wrote is kept; `settle summary` shows it beside the "
                      "others whenever you want to look back."
                    : "In a day or two, `settle revisit` asks whether these came true.");
        } catch (const SessionEnded&) {
            // Saved already; nothing more to keep.
        }
    }

  private:
    AuditFields& audit() { return std::get<AuditFields>(entry_.fields); }

    void ask_and_write() {
        auto& terminal = session_.terminal();
        session_.say(terminal.bold("Certainty audit.") +
                     " What you know is true right now, beside what you fear.");
        if (!audit().anxiety_before)
            audit().anxiety_before = session_.ask_rating(
                "How anxious are you right now, 0-10? " + terminal.dim("(Enter skips)") + " ", true,
                [this](int value) { audit().anxiety_before = value; });

        write_columns();
        if (audit().know.empty() && audit().predict.empty()) {
            // Nothing to set side by side; keep the rating if there was one.
            session_.save_unfinished(entry_, has_content(entry_), options_,
                                     SessionEnded{SessionEnd::end_of_input});
            return;
        }
        if (!audit().anxiety_after)
            audit().anxiety_after = session_.ask_rating(
                "How anxious are you now, 0-10? " + terminal.dim("(Enter skips)") + " ", true,
                [this](int value) { audit().anxiety_after = value; });
        review();
        session_.save_finished(entry_, options_);
        saved_ = true;
    }

    void write_columns() {
        auto& terminal = session_.terminal();
        std::optional<CountdownStatus> status;
        if (!options_.no_timer) {
            auto seconds =
                planned_seconds(options_, session_.context().settings().audit_minutes.value);
            session_.say(terminal.dim(fmt::format("{}. One thing per line; an empty line moves on.",
                                                  minutes_in_words(seconds))));
            countdown_.emplace(seconds);
            status.emplace(terminal, *countdown_);
        } else {
            session_.say(terminal.dim("One thing per line; an empty line moves on."));
        }
        LiveStatus* live = status ? &*status : nullptr;
        auto stop_the_clock = [&] {
            if (countdown_ && !entry_.timer)
                entry_.timer = countdown_->record();
            status.reset();
            live = nullptr;
        };

        session_.say();
        session_.say(terminal.bold("What do you know is true right now?") +
                     terminal.dim(" Only what you could check."));
        if (collect(audit().know, "know", live)) {
            // The timer is a guide, not a gate: the predictions are the
            // other half of the exercise, so they are still asked.
            stop_the_clock();
            session_.say(terminal.dim("Time is up. The predictions still matter; take the time "
                                      "you need for them."));
        }
        session_.say();
        session_.say(terminal.bold("What are you predicting?") +
                     terminal.dim(" Let the worries out, onto the page."));
        bool time_up = collect(audit().predict, "predict", live);
        stop_the_clock();
        if (time_up)
            session_.say(terminal.dim("Time is up."));
    }

    // Asks for items until an empty line; true when the time ran out. A
    // paste of several lines gives one item a line.
    bool collect(std::vector<std::string>& items, std::string_view label, LiveStatus* status) {
        bool asked_again = false;
        while (true) {
            Question question{session_.prompt(label), nullptr, status,
                              [&items](const std::string& unfinished) {
                                  for (const auto& line : lines_of(unfinished))
                                      items.push_back(line);
                              }};
            question.list = true;
            auto answer = session_.ask_line(question);
            if (!answer)
                return true;
            auto lines = lines_of(*answer);
            if (lines.size() > 1)
                for (const auto& line : lines)
                    session_.say(fmt::format("  {} {}", session_.terminal().glyph("•", "-"),
                                             neutralize_controls(line)));
            for (auto& line : lines)
                items.push_back(std::move(line));
            if (status && status->time_is_up())
                return true;
            if (!lines.empty())
                continue;
            if (items.empty() && !asked_again) {
                // An Enter pressed too soon must not skip half the exercise.
                asked_again = true;
                session_.say(session_.terminal().dim(
                    "Nothing here yet. Even one small thing helps; Enter again moves on."));
                continue;
            }
            return false;
        }
    }

    static std::vector<std::string> lines_of(std::string_view text) {
        std::vector<std::string> lines;
        size_t start = 0;
        while (start <= text.size()) {
            auto end = std::min(text.find('\n', start), text.size());
            auto line = text.substr(start, end - start);
            auto first = line.find_first_not_of(" \t");
            if (first != std::string_view::npos) {
                auto last = line.find_last_not_of(" \t");
                lines.emplace_back(line.substr(first, last + 1 - first));
            }
            start = end + 1;
        }
        return lines;
    }

    // What will be saved, with keep / change. Coaching notes appear here,
    // where they can be acted on: a "know" item that reads like a
    // prediction can be moved with one key.
    void review() {
        auto& terminal = session_.terminal();
        while (true) {
            show_side_by_side();
            auto noted = noted_know_items();
            for (const auto& [index, message] : noted)
                session_.say(terminal.dim(hint_for_terminal(
                    fmt::format("know {}: {}", index + 1, message), terminal.size().columns)));
            session_.say();
            std::string keys = fmt::format("Save this?  {} keep it   {} change something",
                                           terminal.bold("k"), terminal.bold("e"));
            if (!noted.empty())
                keys += fmt::format("   {} move {} to the predictions", terminal.bold("m"),
                                    noted.size() == 1 ? "that line" : "those lines");
            auto key = *session_.ask_key(KeyQuestion{noted.empty() ? U"ke" : U"kem",
                                                     noted.empty() ? "k or e" : "k, e or m", keys});
            if (key == U'k')
                return;
            if (key == U'm') {
                for (auto it = noted.rbegin(); it != noted.rend(); ++it) {
                    audit().predict.push_back(audit().know[it->first]);
                    audit().know.erase(audit().know.begin() + static_cast<long>(it->first));
                }
                session_.say(terminal.dim("  Moved to the predictions."));
                continue;
            }
            change();
        }
    }

    std::vector<std::pair<size_t, std::string>> noted_know_items() {
        std::vector<std::pair<size_t, std::string>> noted;
        if (!rules_)
            rules_.emplace(coaching_rules(session_.context()));
        if (!*rules_)
            return noted;
        for (size_t i = 0; i < audit().know.size(); ++i) {
            auto hints = (*rules_)->check_know_item(audit().know[i], static_cast<int>(i + 1));
            if (!hints.empty())
                noted.emplace_back(i, hints.front().message);
        }
        return noted;
    }

    // Every field that will be saved can be changed here: the two lists,
    // the two ratings, the tags and the note.
    void change() {
        auto& terminal = session_.terminal();
        auto parts =
            fmt::format("Which part?  {} what you know   {} what you predict   {} anxiety before"
                        "   {} anxiety after   {} tags   {} note",
                        terminal.bold("1"), terminal.bold("2"), terminal.bold("3"),
                        terminal.bold("4"), terminal.bold("5"), terminal.bold("6"));
        auto part = *session_.ask_key(KeyQuestion{U"123456", "1 to 6", parts});
        if (part == U'3' || part == U'4') {
            auto& rating = part == U'3' ? audit().anxiety_before : audit().anxiety_after;
            rating = session_.ask_rating(
                fmt::format("How anxious {}, 0-10? ",
                            part == U'3' ? "were you at the start" : "are you now") +
                    terminal.dim("(empty: no rating)") + " ",
                true, [&rating](int value) { rating = value; }, rating);
            return;
        }
        if (part == U'5')
            return change_tags(session_, entry_);
        if (part == U'6')
            return change_note(session_, entry_);
        bool know = part == U'1';
        auto& items = know ? audit().know : audit().predict;
        std::string_view label = know ? "know" : "predict";
        for (size_t i = 0; i < items.size(); ++i)
            session_.say(fmt::format("  {}  {}", i + 1, neutralize_controls(items[i])));
        session_.say(terminal.dim("A number changes that line (emptied, it is removed); "
                                  "Enter alone adds lines."));
        auto which = session_.ask_line(Question{session_.prompt("line")});
        if (!which || which->find_first_not_of(" \t") == std::string::npos) {
            collect(items, label, nullptr);
            return;
        }
        int number = 0;
        auto text = lines_of(*which);
        auto [end, ec] =
            std::from_chars(text.front().data(), text.front().data() + text.front().size(), number);
        if (ec != std::errc{} || end != text.front().data() + text.front().size() || number < 1 ||
            number > static_cast<int>(items.size())) {
            session_.say(terminal.dim("There is no line with that number; nothing changed."));
            return;
        }
        auto index = static_cast<size_t>(number - 1);
        Question edit{session_.prompt(label)};
        edit.prefill = items[index];
        auto changed = session_.ask_line(edit);
        auto lines = lines_of(changed.value_or(""));
        if (lines.empty())
            items.erase(items.begin() + static_cast<long>(index));
        else
            items[index] = lines.front();
    }

    void show_side_by_side() {
        auto& terminal = session_.terminal();
        auto safe = [](const std::vector<std::string>& items) {
            std::vector<std::string> shown;
            for (const auto& item : items)
                shown.push_back(neutralize_controls(item));
            return shown;
        };
        int width = std::max(20, terminal.size().columns - 1);
        const auto& glyphs = terminal.utf8() ? kUnicodeTable : kAsciiTable;
        session_.say();
        for (const auto& line :
             side_by_side({"What I know", safe(audit().know)},
                          {"What I'm predicting", safe(audit().predict)}, width, glyphs))
            session_.say(line);
        session_.say();
        if (audit().anxiety_before || audit().anxiety_after) {
            auto rating = [](const std::optional<int>& value) {
                return value ? std::to_string(*value) : std::string("not rated");
            };
            session_.say(fmt::format("Anxiety {} {} {}", rating(audit().anxiety_before),
                                     terminal.glyph("→", "->"), rating(audit().anxiety_after)));
        }
        show_tags_and_note(session_, entry_);
        session_.say(terminal.dim("The left side is what is true right now."));
    }

    static std::string minutes_in_words(double seconds) {
        if (seconds >= 60 && static_cast<int>(seconds) % 60 == 0)
            return fmt::format("{} minute{}", static_cast<int>(seconds) / 60,
                               seconds == 60 ? "" : "s");
        return fmt::format("{} seconds", static_cast<int>(std::lround(seconds)));
    }

    WriteOptions options_;
    Session session_;
    Entry entry_;
    std::optional<Countdown> countdown_;
    // Loaded on the first "know" item; empty inside when coaching is off.
    std::optional<std::optional<CoachingRules>> rules_;
    bool saved_ = false;
};

} // namespace

void guide_audit(Context& context, AuditFields given, const WriteOptions& options) {
    AuditSession(context, std::move(given), options).run();
}

} // namespace settle::cli
