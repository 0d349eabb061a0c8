// The live countdown of a session: the time left as m:ss with a progress
// bar, on status lines kept at the bottom of the window while what the
// person types scrolls above them.
#pragma once

#include "cli/terminal/tty.hpp"
#include "core/entry.hpp"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace settle::cli {

// A few lines at the bottom of the window. A scrolling region above them
// keeps typed text and prompts from running into them, and each line is
// drawn with the cursor saved and restored, so drawing never moves the
// place where the person is typing. Removed (blank) when destroyed.
class StatusPanel {
  public:
    StatusPanel(Terminal& terminal, int lines);
    ~StatusPanel();
    StatusPanel(const StatusPanel&) = delete;
    StatusPanel& operator=(const StatusPanel&) = delete;

    // Draws the lines that changed since the last call; each is cut to fit.
    void show(const std::vector<std::string>& lines);
    // After a resize: reserves the lines again at the new bottom and redraws.
    void relayout();
    // Gives the whole window back (Ctrl-Z) and takes it again (fg).
    void take_down();
    void put_back();
    int width() const { return size_.columns; }

  private:
    void reserve();
    void draw(size_t index);

    Terminal& terminal_;
    int count_;
    WindowSize size_;
    bool active_ = false;
    std::vector<std::string> shown_;
};

// Time kept for a session timer, against a steady clock.
class Countdown {
  public:
    explicit Countdown(double planned_seconds);

    double planned_seconds() const { return planned_; }
    double elapsed_seconds() const;
    bool finished() const { return elapsed_seconds() >= planned_; }
    // Whole seconds left, rounded up, so "0:00" shows only when time is up.
    int seconds_left() const;
    double fraction_done() const;
    std::chrono::milliseconds until_next_second() const;
    // What the entry records; a timer stopped before its end never claims
    // the full time.
    Timer record() const;

  private:
    using Clock = std::chrono::steady_clock;
    double planned_;
    Clock::time_point start_;
};

// "2:41 left  ██████░░░░": the time left and a bar of the time gone.
std::string countdown_line(const Terminal& terminal, const Countdown& countdown, int width);

// Where a terminal cannot draw a status line: "  2:30 left" on a line of its
// own every 30 seconds, and once when the time is up.
class PlainTimeLines {
  public:
    PlainTimeLines(Terminal& terminal, const Countdown& countdown, bool mid_line);
    // Prints a line when one is due; true when it did.
    bool update(bool time_is_up);
    std::chrono::milliseconds until_next_line() const;

  private:
    Terminal& terminal_;
    const Countdown& countdown_;
    bool mid_line_;
    int last_mark_;
    bool said_time_up_ = false;
};

// The audit's status line: the countdown until the time is up, then a
// gentle cue (the bell, unless turned off, and a changed line).
class CountdownStatus : public LiveStatus {
  public:
    CountdownStatus(Terminal& terminal, const Countdown& countdown);

    std::chrono::milliseconds until_next_update() const override;
    void update() override;
    void relayout() override;
    void take_down() override { panel_.take_down(); }
    void put_back() override;
    bool time_is_up() const override { return cued_; }
    bool printed_plain_line() override { return std::exchange(printed_, false); }

  private:
    Terminal& terminal_;
    const Countdown& countdown_;
    StatusPanel panel_;
    PlainTimeLines plain_;
    bool cued_ = false;
    bool printed_ = false;
};

} // namespace settle::cli
