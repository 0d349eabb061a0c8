#include "cli/terminal/countdown.hpp"

#include "core/display.hpp"
#include "core/layout.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace settle::cli {

namespace {

// Escape sequences understood by every terminal settle draws on (VT100 and
// its descendants: xterm, the Linux console, tmux, screen).
constexpr std::string_view kSaveCursor = "\0337";
constexpr std::string_view kRestoreCursor = "\0338";
constexpr std::string_view kIndex = "\033D"; // down one line, scrolling at the bottom

std::string move_to_row(int row) {
    return fmt::format("\033[{};1H", row);
}

} // namespace

StatusPanel::StatusPanel(Terminal& terminal, int lines)
    : terminal_(terminal), count_(lines), shown_(static_cast<size_t>(lines)) {
    if (!terminal_.can_draw())
        return;
    reserve();
    active_ = true;
}

StatusPanel::~StatusPanel() {
    take_down();
}

void StatusPanel::reserve() {
    size_ = terminal_.size();
    std::string out;
    // A resize may leave an old region behind; let the whole window scroll
    // (setting a region moves the cursor home, hence the save and restore).
    out += kSaveCursor;
    out += "\033[r";
    out += kRestoreCursor;
    // Make room: move down (scrolling at the bottom) as many lines as the
    // panel needs, then back up, keeping the column libedit expects.
    for (int i = 0; i < count_; ++i)
        out += kIndex;
    out += fmt::format("\033[{}A", count_);
    // Clear below the cursor's row, where an older panel may still be after
    // a resize; the person's text is never below the cursor.
    out += kSaveCursor;
    out += "\033[1B\r\033[J";
    out += kRestoreCursor;
    out += kSaveCursor;
    out += fmt::format("\033[1;{}r", std::max(1, size_.rows - count_));
    out += kRestoreCursor;
    terminal_.write(out);
}

void StatusPanel::take_down() {
    if (!active_)
        return;
    active_ = false;
    std::string out(kSaveCursor);
    out += "\033[r"; // the whole window scrolls again
    out += move_to_row(size_.rows - count_ + 1) + "\033[J";
    out += kRestoreCursor;
    terminal_.write(out);
}

void StatusPanel::put_back() {
    if (active_ || !terminal_.can_draw())
        return;
    reserve();
    active_ = true;
    for (size_t i = 0; i < shown_.size(); ++i)
        draw(i);
}

void StatusPanel::relayout() {
    if (!active_)
        return;
    reserve();
    for (size_t i = 0; i < shown_.size(); ++i)
        draw(i);
}

void StatusPanel::show(const std::vector<std::string>& lines) {
    for (size_t i = 0; i < shown_.size(); ++i) {
        const std::string& line = i < lines.size() ? lines[i] : std::string();
        if (line == shown_[i])
            continue;
        shown_[i] = line;
        draw(i);
    }
}

void StatusPanel::draw(size_t index) {
    if (!active_)
        return;
    int row = size_.rows - count_ + 1 + static_cast<int>(index);
    // One column short of the edge: writing the last column would leave
    // some terminals waiting to wrap.
    auto text = fit_styled(shown_[index], size_.columns - 1);
    terminal_.write(std::string(kSaveCursor) + move_to_row(row) + "\033[2K" + text +
                    std::string(kRestoreCursor));
}

Countdown::Countdown(double planned_seconds) : planned_(planned_seconds), start_(Clock::now()) {}

double Countdown::elapsed_seconds() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
}

int Countdown::seconds_left() const {
    return static_cast<int>(std::ceil(std::max(0.0, planned_ - elapsed_seconds())));
}

double Countdown::fraction_done() const {
    return planned_ > 0 ? std::min(1.0, elapsed_seconds() / planned_) : 1.0;
}

std::chrono::milliseconds Countdown::until_next_second() const {
    double left = planned_ - elapsed_seconds();
    if (left <= 0)
        return std::chrono::milliseconds(1000);
    double to_next = left - std::floor(left);
    if (to_next <= 0)
        to_next = 1.0;
    // A hair past the boundary, so the new second is already showing.
    return std::chrono::milliseconds(static_cast<long>(to_next * 1000) + 5);
}

Timer Countdown::record() const {
    Timer timer;
    timer.planned_seconds = static_cast<int>(std::lround(planned_));
    timer.elapsed_seconds =
        std::min(timer.planned_seconds, static_cast<int>(std::lround(elapsed_seconds())));
    if (!finished() && timer.elapsed_seconds >= timer.planned_seconds)
        timer.elapsed_seconds = std::max(0, timer.planned_seconds - 1);
    return timer;
}

std::string countdown_line(const Terminal& terminal, const Countdown& countdown, int width) {
    auto clock = format_clock(countdown.seconds_left()) + " left";
    int cells = std::clamp(width - 2 - display_width(clock) - 2 - 1, 0, 30);
    auto bar = progress_bar(countdown.fraction_done(), cells, terminal.glyph("█", "#"),
                            terminal.glyph("░", "."));
    return fmt::format("  {}  {}", clock, terminal.dim(bar));
}

namespace {

constexpr int kPlainLineSeconds = 30;

} // namespace

PlainTimeLines::PlainTimeLines(Terminal& terminal, const Countdown& countdown, bool mid_line)
    : terminal_(terminal), countdown_(countdown), mid_line_(mid_line),
      last_mark_((countdown.seconds_left() + kPlainLineSeconds - 1) / kPlainLineSeconds) {}

bool PlainTimeLines::update(bool time_is_up) {
    if (terminal_.can_draw())
        return false;
    std::string text;
    if (time_is_up) {
        if (said_time_up_)
            return false;
        said_time_up_ = true;
        text = "  Time is up.";
    } else {
        int left = countdown_.seconds_left();
        int mark = (left + kPlainLineSeconds - 1) / kPlainLineSeconds;
        if (mark >= last_mark_ || left % kPlainLineSeconds != 0)
            return false;
        last_mark_ = mark;
        text = fmt::format("  {} left", format_clock(left));
    }
    terminal_.write((mid_line_ ? "\n" : "") + text + "\n");
    return true;
}

std::chrono::milliseconds PlainTimeLines::until_next_line() const {
    return countdown_.until_next_second();
}

CountdownStatus::CountdownStatus(Terminal& terminal, const Countdown& countdown)
    : terminal_(terminal), countdown_(countdown), panel_(terminal, 2),
      plain_(terminal, countdown, true) {
    update();
}

std::chrono::milliseconds CountdownStatus::until_next_update() const {
    return countdown_.until_next_second();
}

void CountdownStatus::update() {
    if (!cued_ && countdown_.finished()) {
        cued_ = true;
        terminal_.ring_bell();
    }
    printed_ = plain_.update(cued_) || printed_;
    bool narrow = panel_.width() < 60;
    auto crisis = terminal_.dim(narrow ? "  Ctrl-C, then c: crisis lines"
                                       : "  Ctrl-C, then c: crisis lines, if you need someone now");
    if (cued_)
        panel_.show({terminal_.inverse(narrow ? "  Time is up. Finish this line. "
                                              : "  Time is up. Finish the line you are on, "
                                                "then press Enter. "),
                     crisis});
    else
        panel_.show({countdown_line(terminal_, countdown_, panel_.width()), crisis});
}

void CountdownStatus::relayout() {
    panel_.relayout();
    update();
}

void CountdownStatus::put_back() {
    panel_.put_back();
    update();
}

} // namespace settle::cli
