#include "cli/terminal/quiet_timer.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <ctime>

namespace settle::cli {

EndingSignalsBlocked::EndingSignalsBlocked() {
    sigemptyset(&ending_);
    for (int sig : {SIGINT, SIGTERM, SIGHUP})
        sigaddset(&ending_, sig);
    sigprocmask(SIG_BLOCK, &ending_, &previous_);
}

EndingSignalsBlocked::~EndingSignalsBlocked() {
    sigprocmask(SIG_SETMASK, &previous_, nullptr);
}

TimerRun wait_quietly(double planned_seconds, const EndingSignalsBlocked& blocked) {
    using clock = std::chrono::steady_clock;
    TimerRun run;
    run.planned_seconds = static_cast<int>(std::lround(planned_seconds));
    // The ending signals are blocked, so we wait for them synchronously: no
    // handler runs at an awkward moment, and the wait ends as one arrives.

    const auto start = clock::now();
    const auto deadline = start + std::chrono::duration<double>(planned_seconds);
    while (true) {
        auto left = deadline - clock::now();
        if (left <= clock::duration::zero())
            break;
        auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
        timespec timeout{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
        int sig = sigtimedwait(&blocked.signals(), nullptr, &timeout);
        if (sig > 0) {
            run.interrupted = true;
            break;
        }
        if (sig < 0 && errno != EAGAIN && errno != EINTR)
            break;
    }
    auto elapsed = std::chrono::duration<double>(clock::now() - start).count();
    run.elapsed_seconds = std::min(run.planned_seconds, static_cast<int>(std::lround(elapsed)));
    if (run.interrupted && run.elapsed_seconds >= run.planned_seconds)
        run.elapsed_seconds = std::max(0, run.planned_seconds - 1);
    return run;
}

} // namespace settle::cli
