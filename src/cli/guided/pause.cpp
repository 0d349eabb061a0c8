// The guided pause: the urge before, a timed pause with a breathing cue,
// the urge after, and whether contact is still needed. It never stands in
// the way of reaching out: it only asks, and offers help finding the words.
#include "cli/guided/breathing_cue.hpp"
#include "cli/guided/guided.hpp"
#include "cli/terminal/countdown.hpp"

#include "core/layout.hpp"

#include <fmt/format.h>

namespace settle::cli {

namespace {

class PauseSession {
  public:
    PauseSession(Context& context, PauseFields given, const WriteOptions& options)
        : options_(options), session_(context) {
        entry_.fields = given;
        start_draft(session_, entry_, options);
    }

    void run() {
        bool finished =
            run_keeping_words(session_, entry_, countdown_, options_, [this] { ask_and_pause(); });
        if (!finished)
            return;
        try {
            if (pause().outcome == Outcome::reached_out)
                offer_the_script();
            else
                session_.finish(pause().outcome == Outcome::waited
                                    ? "The urge may come back; the pause is here whenever it helps."
                                    : "There is no rush to decide. You can come back to it later.");
        } catch (const SessionEnded&) {
            // The pause is saved; there is nothing more to keep.
        }
    }

  private:
    PauseFields& pause() { return std::get<PauseFields>(entry_.fields); }

    void ask_and_pause() {
        auto& terminal = session_.terminal();
        session_.say(terminal.bold("Tolerating the pause.") +
                     " A few minutes with the urge, without acting on it yet.");
        if (!pause().urge_before)
            pause().urge_before = session_.ask_rating(
                "How strong is the urge to reach out, 0-10? " + terminal.dim("(Enter skips)") + " ",
                true, [this](int value) { pause().urge_before = value; });
        if (!options_.no_timer && terminal.can_draw()) {
            pause_with_breathing();
        } else {
            // Without the live cue the instructions are still given, once.
            say_instructions();
            if (!options_.no_timer)
                pause_with_breathing();
        }
        if (!pause().urge_after)
            pause().urge_after =
                session_.ask_rating("How strong is the urge now, 0-10? ", false,
                                    [this](int value) { pause().urge_after = value; });
        if (!pause().outcome)
            pause().outcome = ask_outcome();
        session_.save_finished(entry_, options_);
    }

    void say_instructions() {
        auto& terminal = session_.terminal();
        session_.say();
        session_.say("  Put one hand on your chest.");
        session_.say(
            "  Breathe in gently, then let the breath out slowly, longer than it came in.");
        session_.say(terminal.dim("  Stay with the urge for a while, without acting on it yet."));
        session_.say();
    }

    void pause_with_breathing() {
        auto& terminal = session_.terminal();
        const auto& settings = session_.context().settings();
        BreathingPace pace{settings.breathe_in_seconds.value, settings.breathe_out_seconds.value};
        if (terminal.can_draw())
            session_.say(terminal.dim("Nothing to decide yet. Breathe with the bar below; "
                                      "any key ends the pause early, c shows crisis lines."));
        else
            session_.say(terminal.dim("Nothing to decide yet. The time left is shown every 30 "
                                      "seconds; any key ends the pause early, c shows crisis "
                                      "lines."));
        countdown_.emplace(planned_seconds(options_, settings.pause_minutes.value));
        bool ended_early = breathe_through_pause(session_, *countdown_, pace);
        entry_.timer = countdown_->record();
        if (ended_early)
            session_.say(fmt::format("You ended the pause after {}.",
                                     format_clock(entry_.timer->elapsed_seconds)));
        else
            session_.say("The pause is over.");
        session_.say(terminal.dim("The urge may feel different now, or much the same; "
                                  "either is all right."));
    }

    Outcome ask_outcome() {
        auto& terminal = session_.terminal();
        session_.say();
        session_.say(terminal.bold("Do you still need to reach out, or was the pull mostly the "
                                   "anxiety?"));
        session_.say(
            fmt::format("  {}  It was mostly the anxiety; I can wait", terminal.bold("1")));
        session_.say(
            fmt::format("  {}  I still need to reach out (or I already did)", terminal.bold("2")));
        session_.say(fmt::format("  {}  Not sure yet", terminal.bold("3")));
        auto key = session_.ask_choice({{U'1', "It was mostly the anxiety; I can wait"},
                                        {U'2', "I still need to reach out"},
                                        {U'3', "Not sure yet"}},
                                       terminal.dim("One key: 1, 2 or 3."));
        return key == U'1'   ? Outcome::waited
               : key == U'2' ? Outcome::reached_out
               : key == U'2' ? Outcome::reached_out
                             : Outcome::undecided;
    }

    void offer_the_script() {
        auto& terminal = session_.terminal();
        session_.say();
        session_.say("That's okay; the pause only asks. Would you like to find the words first?");
        auto choices = fmt::format("  {}  yes, name the feeling and the need   {}  no, not now   "
                                   "{}  crisis lines",
                                   terminal.bold("y"), terminal.bold("n"), terminal.bold("c"));
        if (session_.ask_key(KeyQuestion{U"yn", "y or n", choices}) != U'y') {
            session_.finish({});
            return;
        }
        session_.say();
        session_.context().set_now(now_seconds());
        guide_script(session_, {}, WriteOptions{});
    }

    WriteOptions options_;
    Session session_;
    Entry entry_;
    std::optional<Countdown> countdown_;
};

} // namespace

void guide_pause(Context& context, PauseFields given, const WriteOptions& options) {
    PauseSession(context, given, options).run();
}

} // namespace settle::cli
