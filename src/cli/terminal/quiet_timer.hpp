// A timer for scripts and pipes: it waits without drawing anything, and ends
// early, without losing the entry, on SIGINT, SIGTERM or SIGHUP.
#pragma once

#include <csignal>

namespace settle::cli {

// Holds SIGINT, SIGTERM and SIGHUP back while in scope, so that a session
// being ended cannot interrupt the moment its entry is saved. A signal that
// arrives meanwhile is delivered when the scope ends, after the save.
class EndingSignalsBlocked {
  public:
    EndingSignalsBlocked();
    ~EndingSignalsBlocked();
    EndingSignalsBlocked(const EndingSignalsBlocked&) = delete;
    EndingSignalsBlocked& operator=(const EndingSignalsBlocked&) = delete;
    const sigset_t& signals() const { return ending_; }

  private:
    sigset_t ending_{};
    sigset_t previous_{};
};

struct TimerRun {
    int planned_seconds = 0;
    int elapsed_seconds = 0;
    bool interrupted = false;
};

// Waits for `planned_seconds`, or until one of the blocked signals arrives
// (consuming it). Call with an EndingSignalsBlocked in scope.
TimerRun wait_quietly(double planned_seconds, const EndingSignalsBlocked& blocked);

} // namespace settle::cli
