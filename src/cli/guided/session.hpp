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

#include "cli/context.hpp"
#include "cli/terminal/line_editor.hpp"
#include "cli/terminal/tty.hpp"
#include "cli/writing.hpp"

#include <chrono>
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
    Question(std::string prompt_text, const std::vector<std::string_view>* words = nullptr,
             LiveStatus* live = nullptr, KeepUnfinished keep_unfinished = {})
        : prompt(std::move(prompt_text)), vocabulary(words), status(live),
          keep(std::move(keep_unfinished)) {}

    std::string prompt; // the text before the cursor, e.g. "know › "
    const std::vector<std::string_view>* vocabulary = nullptr;
    LiveStatus* status = nullptr;
    KeepUnfinished keep;
    // A list field: a multi-line paste returns its lines, one item each,
    // separated by '\n'. Otherwise a paste's lines join into the one line.
    bool list = false;
    std::string prefill; // text already on the line (changing an answer)
};

// A question answered with one key.
struct KeyQuestion {
    KeyQuestion() = default;
    KeyQuestion(std::u32string key_list, std::string named, std::string prompt_text = {})
        : keys(std::move(key_list)), keys_named(std::move(named)), prompt(std::move(prompt_text)) {}

    std::u32string keys;    // lower case; '\n' stands for Enter; empty: any key
    std::string keys_named; // said when typing arrives instead: "1, 2 or 3"
    // Said once the keys typed ahead are dropped, so that a key pressed on
    // seeing it is never dropped with them.
    std::string prompt;
    LiveStatus* status = nullptr;
    bool crisis_key = true; // `c` shows the crisis lines, then asks again
    // Keys before this moment were typed before the question could be
    // read: dropped, like the keys typed ahead.
    std::optional<std::chrono::steady_clock::time_point> grace_until;
    // Typing (a burst, a line, a paste) returns kTyping instead of a gentle
    // note and another wait.
    bool report_typing = false;
};
constexpr char32_t kTyping = 0;

// One answer of a recorded choice.
struct Choice {
    char32_t key;
    std::string label;
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
    // when `can_skip`). `current` stands on the line already, to keep with
    // Enter or change.
    std::optional<int> ask_rating(const std::string& prompt, bool can_skip,
                                  const std::function<void(int)>& keep = {},
                                  std::optional<int> current = std::nullopt);

    // A single deliberate key (see KeyQuestion). Keys typed ahead are
    // dropped first. With a `status`, it is kept up to date and nothing is
    // returned once its time is up.
    std::optional<char32_t> ask_key(const KeyQuestion& question);

    // An answer that is recorded: one key among `choices`, echoed, then kept
    // with Enter or changed with u or Backspace (any typing also changes it).
    // `prompt` is the line said last, once keys typed ahead are dropped.
    char32_t ask_choice(const std::vector<Choice>& choices, const std::string& prompt);

    // The crisis lines, in the middle of anything.
    void show_crisis();

    // The last words of an exercise: one next step, and `c` for the crisis
    // lines before the session closes.
    void finish(std::string_view next_step);

    // Words of the session, written above the prompts: word-wrapped at the
    // terminal's width (Terminal::line).
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
