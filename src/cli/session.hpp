// A guided session at the terminal: the questions asked, and the ways a
// session can end early without losing a word. Each exercise (audit, script,
// pause) is a short flow written against this class.
//
// When a session ends early (Ctrl-C then "save", Ctrl-D, SIGTERM, a closed
// terminal), the text on the current line is handed to the flow's `keep`
// callback and SessionEnded is thrown; the flow catches it and saves its
// draft with save_unfinished(), marked incomplete. Only an explicit "d" after
// Ctrl-C discards.
#pragma once

#include "context.hpp"
#include "line_editor.hpp"
#include "tty.hpp"
#include "writing.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace settle::cli {

enum class SessionEnd {
    stopped,      // Ctrl-C, then "save" (or nothing had been written yet)
    discarded,    // Ctrl-C, then "discard"
    end_of_input, // Ctrl-D
    terminated,   // SIGTERM or SIGQUIT
    hung_up,      // the terminal closed
};

struct SessionEnded {
    SessionEnd how;
};

// Receives the unfinished text of the current line when a session ends.
using KeepUnfinished = std::function<void(const std::string&)>;

struct Question {
    std::string prompt; // the text before the cursor, e.g. "know › "
    const std::vector<std::string_view>* vocabulary = nullptr;
    LiveStatus* status = nullptr;
    KeepUnfinished keep;
};

class Session {
  public:
    explicit Session(Context& context);

    Terminal& terminal() { return terminal_; }
    Context& context() { return context_; }

    // Tells the session whether the flow's draft holds anything yet, so a
    // Ctrl-C before any word is typed simply ends without asking.
    void set_has_content(std::function<bool()> has_content) {
        has_content_ = std::move(has_content);
    }

    // One line of text. Nothing when the status said time is up and the
    // line was still empty.
    std::optional<std::string> ask_line(const Question& question);

    // A whole number 0-10, asked until one is given (or skipped with Enter
    // when `can_skip`).
    std::optional<int> ask_rating(const std::string& prompt, bool can_skip,
                                  const std::function<void(int)>& keep = {});

    // A single key among `keys` (lower case; '\n' stands for Enter), or
    // any key when `keys` is empty. With a `status`, it is kept up to date
    // and nothing is returned once its time is up.
    std::optional<char32_t> ask_key(std::u32string_view keys, LiveStatus* status = nullptr);

    // Words of the session, written above the prompts.
    void say(std::string_view text = {}) { terminal_.line(text); }
    // "know › " in the session's style: the arrow falls back to ">" in ASCII.
    std::string prompt(std::string_view label) const;

    // Where an ended session's draft goes: written marked incomplete (unless
    // discarded or empty), the person told calmly where, and the exit status
    // set (130 after Ctrl-C, 143 SIGTERM, 129 hang-up, 0 Ctrl-D).
    void save_unfinished(Entry draft, bool has_content, const WriteOptions& options,
                         const SessionEnded& ended);

    // Saves a finished entry and reports it like the flag-driven commands.
    SavedEntry save_finished(const Entry& entry, const WriteOptions& options,
                             const std::string& stdout_text = {});

  private:
    enum class AfterInterrupt { keep_going, stop, discard };
    AfterInterrupt offer_to_stop(LiveStatus* status, bool has_unfinished_text);
    [[noreturn]] void end(SessionEnd how, const std::string& unfinished,
                          const KeepUnfinished& keep);
    // Writes the entry; if it cannot be written (a full disk, a folder that
    // is not writable), shows everything in it before the error, so that
    // the person can copy the words somewhere safe.
    SavedEntry add_keeping_words(const Entry& entry);

    Context& context_;
    Terminal terminal_;
    LineEditor editor_;
    std::function<bool()> has_content_;
};

} // namespace settle::cli
