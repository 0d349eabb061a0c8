// The person's terminal during an interactive session: its modes, its size,
// its character set, and the signals that can end a session. Everything the
// sessions draw goes to the terminal itself (/dev/tty), never to stdout, so
// data on stdout stays clean.
//
// Whatever way a session ends (finished, Ctrl-C, the terminal closed, a
// SIGTERM, an exception), the terminal is left as it was found: the
// destructor restores the saved mode and shows the cursor, and the ending
// signals are caught rather than fatal.
#pragma once

#include "core/utf8.hpp" // utf8_encode, utf8_decode: the one decoder

#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <termios.h>
#include <vector>

#include "core/wrap.hpp"

namespace settle::cli {

// Whether a guided session is possible: both stdin and stdout are terminals.
bool interactive_terminal_available();

// What woke a wait on the terminal.
enum class Wake {
    input,     // a key is ready to read
    timeout,   // the wait's time ran out
    interrupt, // Ctrl-C (SIGINT)
    terminate, // SIGTERM or SIGQUIT: the system wants the session to end
    hangup,    // the terminal went away (SIGHUP, or the input closed)
    resize,    // the window changed size (SIGWINCH), or the session was resumed
    suspend,   // Ctrl-Z (SIGTSTP): call Terminal::suspend
};

struct WindowSize {
    int columns = 80;
    int rows = 24;
};

// One thing the person gave: a key, or text pasted in one go (between the
// terminal's bracketed-paste markers), which is never taken for keys.
struct Input {
    bool pasted = false;
    char32_t key = 0; // when not pasted
    std::string text; // when pasted: UTF-8, line ends as '\n'
};

struct TerminalOptions {
    bool color = false; // from --color / NO_COLOR
    bool bell = true;   // from the `bell` setting
};

class Terminal {
  public:
    explicit Terminal(TerminalOptions options);
    ~Terminal();
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;

    int input_fd() const { return input_fd_; }
    FILE* output() const { return output_; }

    // Output. Everything written is flushed at once: a session is slow
    // enough that buffering only risks a half-drawn screen at an ending.
    void write(std::string_view text);
    // Prose: each line word-wrapped at the window's width (a line's leading
    // spaces indent its continuation lines), attributes reset at each end.
    void line(std::string_view text = {});
    void ring_bell();

    // Styles for calm emphasis; plain text when colour is off.
    std::string dim(std::string_view text) const;
    std::string bold(std::string_view text) const;
    std::string accent(std::string_view text) const;
    std::string inverse(std::string_view text) const;

    // True when the locale can show UTF-8; otherwise sessions draw in ASCII.
    bool utf8() const { return utf8_; }
    // Picks the Unicode or the ASCII form of a symbol.
    std::string_view glyph(std::string_view unicode, std::string_view ascii) const {
        return utf8_ ? unicode : ascii;
    }
    // Whether cursor movement can be used (not a "dumb" terminal): without
    // it the live status lines are left out and the session still works.
    bool can_draw() const { return can_draw_; }

    WindowSize size() const;

    // Key mode: no echo and no line buffering, for one-key answers and the
    // pause. Ctrl-C still arrives as an interrupt. Restored by
    // restore_mode() or the destructor.
    void enter_key_mode();
    void restore_mode();
    void hide_cursor();
    void show_cursor();

    // Waits until input is ready, a signal arrives or `timeout` passes
    // (none: no limit). Once the terminal is gone every wait reports a
    // hangup at once.
    Wake wait(std::optional<std::chrono::milliseconds> timeout);
    // Reads one character (UTF-8 decoded) after wait() reported input;
    // nothing when the input has closed.
    std::optional<char32_t> read_char();
    // Reads a key or a whole bracketed paste; nothing when the input closed.
    std::optional<Input> read_input();
    // True when more input arrives within `settle` (or is already waiting):
    // a key that comes with others is a burst or typing, not an answer.
    bool more_input_within(std::chrono::milliseconds settle);
    // Reads and drops everything arriving until the input has been quiet
    // for `settle`, so the rest of a burst cannot answer the next question.
    void drop_burst(std::chrono::milliseconds settle);
    // Drops keys typed ahead (tcflush): they were meant for an earlier
    // question, never for the one about to be asked.
    void flush_input();
    bool hung_up() const { return hung_up_; }

    // Ctrl-Z: puts the terminal back as it was, stops the process, and on
    // `fg` returns to the mode in force before. `before_stop` and
    // `after_resume` let the caller take down and redraw what it shows.
    void suspend(const std::function<void()>& before_stop,
                 const std::function<void()>& after_resume);

  private:
    bool read_byte(char& byte);
    void bracketed_paste(bool on);

    TerminalOptions options_;
    std::string pending_; // bytes read ahead while telling a paste from a key
    int input_fd_ = -1;
    int output_fd_ = -1;
    FILE* output_ = nullptr;
    termios original_{};
    bool have_original_ = false;
    bool utf8_ = true;
    bool can_draw_ = true;
    bool hung_up_ = false;
    bool cursor_hidden_ = false;
    std::string previous_ctype_ = "C";
};

// Something drawn live while the session waits for the person (the
// countdown's status line): waits wake up in time to update it, and it is
// redrawn after a resize and taken down over a Ctrl-Z.
class LiveStatus {
  public:
    virtual ~LiveStatus() = default;
    // How long until the display next changes.
    virtual std::chrono::milliseconds until_next_update() const = 0;
    virtual void update() = 0;
    virtual void relayout() = 0;
    virtual void take_down() = 0;
    virtual void put_back() = 0;
    // True once the time is up: a prompt with nothing typed then ends, and
    // one with text waits for the person to finish the line.
    virtual bool time_is_up() const = 0;
    // True once after update() printed a plain line (a terminal without
    // cursor control gets the time that way): a line being edited must be
    // shown again below it.
    virtual bool printed_plain_line() { return false; }
};

// How a wait for the person ends.
enum class Heard { input, interrupt, terminate, hangup, time_up };

// What a wait does around a resize and a Ctrl-Z; each defaults to what the
// status needs (relayout, take_down, put_back).
struct WaitHooks {
    std::function<void()> resized;
    std::function<void()> stopping;
    std::function<void()> resumed;
    std::function<void()> printed; // after the status printed a plain line
};

// Waits for the person while keeping `status` (if any) current: it is
// redrawn after a resize and steps aside for Ctrl-Z. Returns when a key is
// ready, the session is asked to end, or the status says time is up (and
// then again at each update while it stays up).
Heard wait_for_person(Terminal& terminal, LiveStatus* status, const WaitHooks& hooks = {});

// How long the input must stay quiet after a key for the key to count as
// pressed on its own: the keys of a typed word or a burst come closer.
constexpr std::chrono::milliseconds kKeySettle{150};

// What a one-key question heard.
struct KeyPress {
    Heard heard = Heard::input;
    std::optional<char32_t> key; // a key pressed on its own
    bool typing = false;         // a burst, a typed line or a paste: not an answer
};

// Waits for one deliberate key, as wait_for_person does. A key that
// arrives with others after it, and any paste, is read whole (so none of
// it answers a later question) and reported as typing.
KeyPress wait_for_key_press(Terminal& terminal, LiveStatus* status, const WaitHooks& hooks = {});

// Columns a line takes that may hold style sequences (ESC [ ... letter),
// which take none.
int styled_width(std::string_view styled);
// Cuts such a line to `columns` display columns, keeping its sequences.
std::string fit_styled(std::string_view styled, int columns);

// Breaks a line that may hold style sequences into lines of at most
// `columns`, with the one word wrapper (core/wrap.hpp). The line's leading
// spaces indent its first line, continuation lines get `indent`; each line
// ends with its attributes reset and opens again the styles still in force.
std::vector<std::string> wrap_styled(std::string_view styled, int columns,
                                     std::string_view indent = {});
// The runs of such a line with their faces (its style sequences read).
std::vector<Span> spans_of_styled(std::string_view styled);

} // namespace settle::cli
