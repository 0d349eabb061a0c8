#include "cli/terminal/tty.hpp"

#include "cli/terminal/probe.hpp"
#include "cli/terminal/styles.hpp"
#include "core/display.hpp"
#include "core/wrap.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <clocale>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <stdexcept>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utility>

namespace settle::cli {

namespace {

// Signal handlers can only do async-signal-safe things, so each one just
// writes its signal number into a pipe that Terminal::wait polls beside the
// keyboard (the self-pipe pattern). The pipe is process-wide because signal
// dispositions are; only one Terminal exists at a time.
int g_signal_pipe[2] = {-1, -1};

constexpr std::array kSessionSignals = {SIGINT,   SIGTERM, SIGQUIT, SIGHUP,
                                        SIGWINCH, SIGTSTP, SIGCONT};
std::array<struct sigaction, kSessionSignals.size()> g_previous_actions{};

extern "C" void note_signal(int signal_number) {
    int saved_errno = errno;
    auto byte = static_cast<unsigned char>(signal_number);
    // If the pipe is full the session is already ending; losing a byte is harmless.
    [[maybe_unused]] auto written = ::write(g_signal_pipe[1], &byte, 1);
    errno = saved_errno;
}

void install_signal_handlers() {
    if (::pipe2(g_signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        throw std::runtime_error("cannot set up the terminal session (pipe)");
    struct sigaction action {};
    action.sa_handler = note_signal;
    sigemptyset(&action.sa_mask);
    // Restarting keeps writes to the terminal from failing half-way.
    action.sa_flags = SA_RESTART;
    for (size_t i = 0; i < kSessionSignals.size(); ++i)
        sigaction(kSessionSignals[i], &action, &g_previous_actions[i]);
    // The ending signals may have been blocked by whoever started us.
    sigset_t ending;
    sigemptyset(&ending);
    for (int sig : kSessionSignals)
        sigaddset(&ending, sig);
    sigprocmask(SIG_UNBLOCK, &ending, nullptr);
}

void remove_signal_handlers() {
    for (size_t i = 0; i < kSessionSignals.size(); ++i)
        sigaction(kSessionSignals[i], &g_previous_actions[i], nullptr);
    for (int& fd : g_signal_pipe) {
        ::close(fd);
        fd = -1;
    }
}

Wake wake_for(int signal_number) {
    switch (signal_number) {
    case SIGINT:
        return Wake::interrupt;
    case SIGHUP:
        return Wake::hangup;
    case SIGWINCH:
    case SIGCONT:
        return Wake::resize;
    case SIGTSTP:
        return Wake::suspend;
    default:
        return Wake::terminate;
    }
}

// Calls `text_run` for each stretch of plain text in `styled` and
// `sequence` for each style sequence (ESC [ ... letter) between them.
template <typename OnText, typename OnSequence>
void walk_styled(std::string_view styled, OnText text_run, OnSequence sequence) {
    size_t pos = 0;
    while (pos < styled.size()) {
        if (styled[pos] == '\033' && pos + 1 < styled.size() && styled[pos + 1] == '[') {
            size_t end = pos + 2;
            while (end < styled.size() && !(styled[end] >= '@' && styled[end] <= '~'))
                ++end;
            sequence(styled.substr(pos, end + 1 - pos));
            pos = end + 1;
            continue;
        }
        auto run = styled.substr(pos, styled.find('\033', pos + 1) - pos);
        text_run(run);
        pos += run.size();
    }
}

} // namespace

bool interactive_terminal_available() {
    return is_terminal(STDIN_FILENO) && is_terminal(STDOUT_FILENO);
}

Terminal::Terminal(TerminalOptions options) : options_(options), input_fd_(STDIN_FILENO) {
    // The sessions talk to the terminal itself, so that stdout carries only
    // data (the script's sentence) even when stderr is redirected.
    output_fd_ = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (output_fd_ < 0)
        output_fd_ = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    output_ = output_fd_ >= 0 ? ::fdopen(output_fd_, "w") : nullptr;
    if (!output_)
        throw std::runtime_error("cannot write to the terminal");

    // The locale decides what the terminal can show: libedit decodes input
    // with it and the sessions draw box and bar characters only in UTF-8.
    if (const char* before = std::setlocale(LC_CTYPE, nullptr))
        previous_ctype_ = before;
    std::setlocale(LC_CTYPE, "");
    const char* codeset = nl_langinfo(CODESET);
    utf8_ = codeset && (std::strcmp(codeset, "UTF-8") == 0 || std::strcmp(codeset, "utf8") == 0);
    // Drawing stays ASCII then, but input is still read as UTF-8: in the C
    // locale libedit would take é or ß for Meta keys and drop them, and a
    // word typed must never be lost. A terminal left in the C locale (over
    // ssh, say) nearly always sends UTF-8.
    if (!utf8_)
        std::setlocale(LC_CTYPE, "C.UTF-8");
    can_draw_ = term_takes_escapes(process_environment());
    // A terminal without cursor control gets no escape sequence at all,
    // colours included.
    if (!can_draw_)
        options_.color = false;

    have_original_ = ::tcgetattr(input_fd_, &original_) == 0;
    install_signal_handlers();
    // A paste then arrives marked, so it goes into the field it was pasted
    // into instead of answering the questions after it.
    bracketed_paste(true);
}

void Terminal::bracketed_paste(bool on) {
    if (can_draw_)
        write(on ? "\033[?2004h" : "\033[?2004l");
}

Terminal::~Terminal() {
    // Also after a hangup: a SIGHUP sent with `kill` leaves the terminal
    // open, and on a closed one these writes simply fail.
    if (cursor_hidden_)
        show_cursor();
    if (options_.color)
        write("\033[0m");
    bracketed_paste(false);
    restore_mode();
    std::fclose(output_);
    remove_signal_handlers();
    // What runs next (the menu's choice) gets the locale it started with.
    std::setlocale(LC_CTYPE, previous_ctype_.c_str());
}

namespace {

// Where the continuation lines of a paragraph start: under its text, or for
// a short key or number set off by two spaces ("  1  It was ..."), under
// the words after it.
std::string hanging_indent(std::string_view styled) {
    std::string plain;
    walk_styled(
        styled, [&](std::string_view run) { plain.append(run); }, [](std::string_view) {});
    auto lead = std::min<size_t>(plain.find_first_not_of(' '), 20);
    if (lead == std::string::npos)
        return {};
    auto gap = plain.find("  ", lead);
    if (gap != std::string::npos && gap - lead <= 6) {
        auto text = plain.find_first_not_of(' ', gap);
        if (text != std::string::npos && text <= 16)
            return std::string(text, ' ');
    }
    return std::string(lead, ' ');
}

} // namespace

void Terminal::line(std::string_view text) {
    std::string out;
    int columns = std::max(20, size().columns - 1);
    size_t start = 0;
    while (start <= text.size()) {
        auto end = std::min(text.find('\n', start), text.size());
        auto paragraph = text.substr(start, end - start);
        for (const auto& piece : wrap_styled(paragraph, columns, hanging_indent(paragraph)))
            out += piece + "\n";
        start = end + 1;
    }
    write(out);
}

void Terminal::write(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), output_);
    std::fflush(output_);
}

void Terminal::ring_bell() {
    if (options_.bell)
        write("\a");
}

std::string Terminal::dim(std::string_view text) const {
    return styled(text, Style::dim, options_.color);
}

std::string Terminal::bold(std::string_view text) const {
    return styled(text, Style::bold, options_.color);
}

std::string Terminal::accent(std::string_view text) const {
    return styled(text, Style::accent, options_.color);
}

std::string Terminal::inverse(std::string_view text) const {
    return styled(text, Style::reverse, options_.color);
}

WindowSize Terminal::size() const {
    WindowSize size;
    if (auto screen = screen_size(output_fd_); screen && screen->rows > 0) {
        size.columns = screen->columns;
        size.rows = screen->rows;
    }
    return size;
}

void Terminal::enter_key_mode() {
    termios keys{};
    if (::tcgetattr(input_fd_, &keys) != 0)
        return;
    keys.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
    keys.c_cc[VMIN] = 1;
    keys.c_cc[VTIME] = 0;
    ::tcsetattr(input_fd_, TCSADRAIN, &keys);
}

void Terminal::restore_mode() {
    if (have_original_)
        ::tcsetattr(input_fd_, TCSADRAIN, &original_);
}

void Terminal::hide_cursor() {
    if (can_draw_) {
        write("\033[?25l");
        cursor_hidden_ = true;
    }
}

void Terminal::show_cursor() {
    if (can_draw_)
        write("\033[?25h");
    cursor_hidden_ = false;
}

Wake Terminal::wait(std::optional<std::chrono::milliseconds> timeout) {
    if (hung_up_)
        return Wake::hangup;
    if (!pending_.empty())
        return Wake::input;
    std::array<pollfd, 2> fds{pollfd{g_signal_pipe[0], POLLIN, 0}, pollfd{input_fd_, POLLIN, 0}};
    int ms = timeout ? static_cast<int>(std::max<long long>(0, timeout->count())) : -1;
    while (true) {
        int ready = ::poll(fds.data(), fds.size(), ms);
        if (ready < 0 && errno == EINTR)
            continue; // the handler has written to the pipe; poll again to read it
        if (ready <= 0)
            return Wake::timeout;
        // Signals first: an interrupt typed just after a key is still an interrupt.
        if (fds[0].revents & POLLIN) {
            unsigned char byte = 0;
            if (::read(g_signal_pipe[0], &byte, 1) == 1) {
                auto wake = wake_for(byte);
                if (wake == Wake::hangup)
                    hung_up_ = true;
                return wake;
            }
        }
        if (fds[1].revents & POLLIN)
            return Wake::input;
        if (fds[1].revents & (POLLHUP | POLLERR | POLLNVAL)) {
            hung_up_ = true;
            return Wake::hangup;
        }
    }
}

bool Terminal::read_byte(char& byte) {
    if (!pending_.empty()) {
        byte = pending_.front();
        pending_.erase(0, 1);
        return true;
    }
    while (true) {
        auto n = ::read(input_fd_, &byte, 1);
        if (n == 1)
            return true;
        if (n < 0 && errno == EINTR)
            continue;
        hung_up_ = true;
        return false;
    }
}

std::optional<char32_t> Terminal::read_char() {
    std::string bytes(1, '\0');
    if (!read_byte(bytes[0]))
        return std::nullopt;
    // The rest of a character typed at once is already waiting.
    for (int i = 1; i < utf8_sequence_length(static_cast<unsigned char>(bytes[0])); ++i) {
        char next = 0;
        if (!read_byte(next))
            return std::nullopt;
        bytes += next;
    }
    return utf8_decode(bytes).front();
}

bool Terminal::more_input_within(std::chrono::milliseconds settle) {
    if (!pending_.empty())
        return true;
    if (hung_up_)
        return false;
    pollfd fd{input_fd_, POLLIN, 0};
    while (true) {
        int ready = ::poll(&fd, 1, static_cast<int>(settle.count()));
        if (ready < 0 && errno == EINTR)
            continue;
        return ready > 0 && (fd.revents & POLLIN);
    }
}

void Terminal::drop_burst(std::chrono::milliseconds settle) {
    // A bound, so that a stream that never stops cannot hold the session.
    for (int i = 0; i < 65536 && more_input_within(settle); ++i) {
        char byte = 0;
        if (!read_byte(byte))
            return;
    }
}

void Terminal::flush_input() {
    pending_.clear();
    ::tcflush(input_fd_, TCIFLUSH);
}

namespace {

constexpr std::string_view kPasteStart = "\033[200~";
constexpr std::string_view kPasteEnd = "\033[201~";
// The bytes of a marker arrive together; this only covers a slow link.
constexpr std::chrono::milliseconds kMarkerWait{50};
// Between the chunks of a long paste.
constexpr std::chrono::milliseconds kPasteChunkWait{2000};
constexpr size_t kLongestPaste = 1 << 20;

} // namespace

std::optional<Input> Terminal::read_input() {
    auto first = read_char();
    if (!first)
        return std::nullopt;
    if (*first != U'\033')
        return Input{false, *first, {}};
    // Is this the start of a paste? Read just enough to tell, and give back
    // what is not.
    std::string seen;
    while (seen.size() + 1 < kPasteStart.size() && more_input_within(kMarkerWait)) {
        char byte = 0;
        if (!read_byte(byte))
            return std::nullopt;
        seen += byte;
        if (kPasteStart.substr(1, seen.size()) != seen)
            break;
    }
    if (seen != kPasteStart.substr(1)) {
        pending_.insert(0, seen);
        return Input{false, U'\033', {}};
    }
    std::string text;
    while (text.size() < kLongestPaste) {
        if (!more_input_within(kPasteChunkWait))
            break; // the end marker never came; what arrived is the paste
        char byte = 0;
        if (!read_byte(byte))
            break;
        text += byte;
        if (text.size() >= kPasteEnd.size() &&
            text.compare(text.size() - kPasteEnd.size(), kPasteEnd.size(), kPasteEnd) == 0) {
            text.resize(text.size() - kPasteEnd.size());
            break;
        }
    }
    // Line ends as the terminal sends them (CR) become '\n'.
    std::string lines;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            lines += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else {
            lines += text[i];
        }
    }
    return Input{true, 0, lines};
}

void Terminal::suspend(const std::function<void()>& before_stop,
                       const std::function<void()>& after_resume) {
    termios current{};
    bool have_current = ::tcgetattr(input_fd_, &current) == 0;
    before_stop();
    if (cursor_hidden_)
        write("\033[?25h");
    bracketed_paste(false);
    restore_mode();
    // Stop for real with the default action, then take Ctrl-Z back.
    struct sigaction stop {};
    struct sigaction ours {};
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &ours);
    ::raise(SIGTSTP);
    sigaction(SIGTSTP, &ours, nullptr);
    if (have_current)
        ::tcsetattr(input_fd_, TCSADRAIN, &current);
    if (cursor_hidden_)
        write("\033[?25l");
    bracketed_paste(true);
    after_resume();
}

Heard wait_for_person(Terminal& terminal, LiveStatus* status, const WaitHooks& hooks) {
    auto call = [](const std::function<void()>& hook, auto fallback) {
        if (hook)
            hook();
        else
            fallback();
    };
    while (true) {
        std::optional<std::chrono::milliseconds> timeout;
        if (status)
            timeout = status->until_next_update();
        switch (terminal.wait(timeout)) {
        case Wake::input:
            return Heard::input;
        case Wake::interrupt:
            return Heard::interrupt;
        case Wake::terminate:
            return Heard::terminate;
        case Wake::hangup:
            return Heard::hangup;
        case Wake::timeout:
            if (status) {
                status->update();
                if (status->printed_plain_line() && hooks.printed)
                    hooks.printed();
                if (status->time_is_up())
                    return Heard::time_up;
            }
            break;
        case Wake::resize:
            call(hooks.resized, [&] {
                if (status)
                    status->relayout();
            });
            break;
        case Wake::suspend:
            terminal.suspend(
                [&] {
                    call(hooks.stopping, [&] {
                        if (status)
                            status->take_down();
                    });
                },
                [&] {
                    call(hooks.resumed, [&] {
                        if (status)
                            status->put_back();
                    });
                });
            break;
        }
    }
}

KeyPress wait_for_key_press(Terminal& terminal, LiveStatus* status, const WaitHooks& hooks) {
    auto heard = wait_for_person(terminal, status, hooks);
    if (heard != Heard::input)
        return KeyPress{heard, std::nullopt, false};
    auto input = terminal.read_input();
    if (!input)
        return KeyPress{Heard::hangup, std::nullopt, false};
    if (input->pasted || terminal.more_input_within(kKeySettle)) {
        terminal.drop_burst(kKeySettle);
        return KeyPress{Heard::input, std::nullopt, true};
    }
    return KeyPress{Heard::input, input->key, false};
}

int styled_width(std::string_view styled) {
    int width = 0;
    walk_styled(
        styled, [&](std::string_view run) { width += display_width(run); },
        [](std::string_view) {});
    return width;
}

namespace {

// The face after a style sequence (ESC [ ... m) of the kinds the sessions
// and the summary write: bold, dim, italic, underline, inverse and the cyan
// accent, and the codes that end them.
unsigned face_after(unsigned face, std::string_view sequence) {
    auto params = sequence.substr(2, sequence.size() - 3);
    size_t start = 0;
    do {
        auto end = std::min(params.find(';', start), params.size());
        int code = 0;
        for (char c : params.substr(start, end - start))
            code = c >= '0' && c <= '9' ? code * 10 + (c - '0') : code;
        switch (code) {
        case 0:
            face = face_plain;
            break;
        case 1:
            face |= face_bold;
            break;
        case 2:
            face |= face_dim;
            break;
        case 3:
            face |= face_italic;
            break;
        case 4:
            face |= face_underline;
            break;
        case 7:
            face |= face_inverse;
            break;
        case 22:
            face &= ~unsigned{face_bold | face_dim};
            break;
        case 23:
            face &= ~unsigned{face_italic};
            break;
        case 24:
            face &= ~unsigned{face_underline};
            break;
        case 27:
            face &= ~unsigned{face_inverse};
            break;
        case 39:
            face &= ~unsigned{face_code};
            break;
        default:
            if (code >= 30 && code <= 37)
                face |= face_code;
            break;
        }
        start = end + 1;
    } while (start <= params.size());
    return face;
}

} // namespace

std::vector<Span> spans_of_styled(std::string_view styled) {
    std::vector<Span> spans;
    unsigned face = face_plain;
    walk_styled(
        styled,
        [&](std::string_view run) {
            if (!spans.empty() && spans.back().face == face)
                spans.back().text.append(run);
            else
                spans.push_back(Span{std::string(run), face});
        },
        [&](std::string_view sequence) {
            // Only styles: a sequence that would move the cursor or clear
            // the screen has no place in prose, and is left out.
            if (sequence.size() >= 3 && sequence.back() == 'm')
                face = face_after(face, sequence);
        });
    return spans;
}

std::vector<std::string> wrap_styled(std::string_view styled, int columns,
                                     std::string_view indent) {
    auto spans = spans_of_styled(styled);
    // The paragraph's own leading spaces indent its first line.
    size_t lead = 0;
    while (!spans.empty()) {
        auto& text = spans.front().text;
        auto first = text.find_first_not_of(' ');
        lead += first == std::string::npos ? text.size() : first;
        if (first != std::string::npos) {
            text.erase(0, first);
            break;
        }
        spans.erase(spans.begin());
    }
    std::vector<Span> first_prefix{{std::string(lead, ' '), face_plain}};
    std::vector<Span> rest_prefix{{std::string(indent), face_plain}};
    std::vector<std::string> lines;
    for (const auto& line :
         wrap_lines(spans, columns - static_cast<int>(lead), columns - display_width(indent))) {
        std::string out;
        append_styled_line(out, lines.empty() ? first_prefix : rest_prefix, line, true);
        out.pop_back(); // the newline
        lines.push_back(std::move(out));
    }
    if (lines.empty())
        lines.emplace_back();
    return lines;
}

std::string fit_styled(std::string_view styled, int columns) {
    std::string out;
    int width = 0;
    bool cut = false;
    walk_styled(
        styled,
        [&](std::string_view run) {
            for (auto cluster : grapheme_clusters(run)) {
                if (cut || width + display_width(cluster) > columns) {
                    cut = true;
                    return;
                }
                width += display_width(cluster);
                out.append(cluster);
            }
        },
        [&](std::string_view sequence) { out.append(sequence); });
    return cut ? out + "\033[0m" : out;
}

} // namespace settle::cli
