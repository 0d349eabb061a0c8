// Line input for the guided sessions, through libedit (BSD licence): the
// usual editing keys, the session's earlier answers on Up/Down, UTF-8 input,
// Tab offering words from a vocabulary, and a live status line that keeps
// updating while the person types. Any ending (Ctrl-C, Ctrl-D, a closed
// terminal, SIGTERM) returns the text on the line so far, so nothing typed
// is lost.
#pragma once

#include "cli/terminal/tty.hpp"

#include <string>
#include <string_view>
#include <vector>

typedef struct editline EditLine;
typedef struct historyW HistoryW;

namespace settle::cli {

enum class LineEnd {
    entered,      // Enter
    time_up,      // the status said time is up and nothing was typed
    interrupt,    // Ctrl-C
    end_of_input, // Ctrl-D on an empty line
    terminate,    // SIGTERM or SIGQUIT
    hangup,       // the terminal went away
};

struct LineResult {
    LineEnd end = LineEnd::entered;
    std::string text; // what was on the line, without the newline
};

struct LineRequest {
    std::string prompt;                                        // may hold style sequences
    const std::vector<std::string_view>* vocabulary = nullptr; // offered on Tab
    std::string prefill;                                       // text already on the line
    LiveStatus* status = nullptr;                              // kept up to date meanwhile
    // A multi-line paste ends a list field's line with all its lines
    // ('\n' between them); elsewhere its lines join on the one line.
    bool list = false;
};

class LineEditor {
  public:
    explicit LineEditor(Terminal& terminal);
    ~LineEditor();
    LineEditor(const LineEditor&) = delete;
    LineEditor& operator=(const LineEditor&) = delete;

    LineResult read(const LineRequest& request);

  private:
    // libedit calls these through its C interface.
    static int read_character(EditLine* el, wchar_t* out);
    static const wchar_t* prompt_text(EditLine* el);
    static unsigned char complete(EditLine* el, int key);

    int next_character(wchar_t* out);
    void redraw_after_resize(LiveStatus* status);
    unsigned char offer_words();
    std::string current_line() const;
    void end_line(LineEnd end);
    // Puts pasted text where it belongs: true when it ended the line
    // (ended_ is set) or gave a first character in `out` (the rest follows).
    bool take_paste(std::string text, wchar_t* out);

    Terminal& terminal_;
    FILE* input_ = nullptr;
    EditLine* el_ = nullptr;
    HistoryW* history_ = nullptr;
    const LineRequest* request_ = nullptr;
    std::wstring prompt_;
    LineEnd end_ = LineEnd::entered;
    bool ended_ = false;
    bool ended_by_paste_ = false;
    std::string ended_text_;
};

// Converts what libedit holds (UTF-32 on Linux) to UTF-8, and back.
std::string to_utf8(std::wstring_view text);
std::wstring from_utf8(std::string_view text);

} // namespace settle::cli
