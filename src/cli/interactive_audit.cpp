// The guided certainty audit: an optional rating, a timed page of what is
// known and what is predicted, an optional rating after, then the two
// columns side by side.
#include "countdown.hpp"
#include "guided.hpp"
#include "hints.hpp"

#include "core/display.hpp"
#include "core/layout.hpp"

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
        run_keeping_words(session_, entry_, countdown_, options_, [this] { ask_and_write(); });
    }

  private:
    AuditFields& audit() { return std::get<AuditFields>(entry_.fields); }

    void ask_and_write() {
        auto& terminal = session_.terminal();
        session_.say(terminal.bold("Certainty audit.") +
                     " What you know is true right now, beside what you fear.");
        if (!audit().anxiety_before)
            audit().anxiety_before = session_.ask_rating(
                "How anxious are you right now, 0-10? " + terminal.dim("(Enter skips) "), true,
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
                "How anxious are you now, 0-10? " + terminal.dim("(Enter skips) "), true,
                [this](int value) { audit().anxiety_after = value; });
        show_side_by_side();
        session_.save_finished(entry_, options_);
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

        session_.say();
        session_.say(terminal.bold("What do you know is true right now?") +
                     terminal.dim(" Only what you could check."));
        bool time_up = collect(audit().know, "know", live);
        if (!time_up) {
            session_.say();
            session_.say(terminal.bold("What are you predicting?") +
                         terminal.dim(" Let the worries out, onto the page."));
            time_up = collect(audit().predict, "predict", live);
        }
        if (countdown_)
            entry_.timer = countdown_->record();
        status.reset();
        if (time_up)
            session_.say(terminal.dim("Time is up."));
    }

    // Asks for items until an empty line; true when the time ran out.
    bool collect(std::vector<std::string>& items, std::string_view label, LiveStatus* status) {
        while (true) {
            auto answer = session_.ask_line(Question{session_.prompt(label), nullptr, status,
                                                     [&items](const std::string& unfinished) {
                                                         items.push_back(unfinished);
                                                     }});
            if (!answer)
                return true;
            auto item = std::string(*answer);
            bool typed = item.find_first_not_of(" \t") != std::string::npos;
            if (typed && label == "know" && hinted_ && (item == "m" || item == "M")) {
                // The person accepted the hint: the item was a prediction.
                audit().predict.push_back(std::move(items[*hinted_]));
                items.erase(items.begin() + static_cast<long>(*hinted_));
                hinted_.reset();
                session_.say(session_.terminal().dim("  Moved to the predictions."));
                continue;
            }
            hinted_.reset();
            if (typed)
                items.push_back(item.substr(item.find_first_not_of(" \t")));
            if (typed && label == "know")
                offer_to_move(items);
            if (status && status->time_is_up())
                return true;
            if (!typed)
                return false;
        }
    }

    // A "know" item that reads like a prediction gets a gentle note and the
    // offer to move it; anything else typed next simply carries on.
    void offer_to_move(const std::vector<std::string>& items) {
        if (!rules_)
            rules_.emplace(coaching_rules(session_.context()));
        if (!*rules_)
            return;
        auto hints = (*rules_)->check_know_item(items.back(), static_cast<int>(items.size()));
        if (hints.empty())
            return;
        auto& terminal = session_.terminal();
        session_.say(terminal.dim(
            hint_for_terminal(hints.front().message + " Type m and Enter to move it there.",
                              terminal.size().columns)));
        hinted_ = items.size() - 1;
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
        if (audit().anxiety_before && audit().anxiety_after)
            session_.say(fmt::format("Anxiety {} {} {}", *audit().anxiety_before,
                                     terminal.glyph("→", "->"), *audit().anxiety_after));
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
    std::optional<size_t> hinted_; // the "know" item a hint is about
};

} // namespace

void guide_audit(Context& context, AuditFields given, const WriteOptions& options) {
    AuditSession(context, std::move(given), options).run();
}

} // namespace settle::cli
