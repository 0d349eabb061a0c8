#include "breathing.hpp"

#include <cmath>
#include <fmt/format.h>

namespace settle {

Status check_pace(const BreathingPace& pace) {
    if (!(pace.in_seconds > 0) || !(pace.out_seconds > 0))
        return Error{"the breathing phases must be positive numbers of seconds"};
    if (!(pace.out_seconds > pace.in_seconds))
        return Error{fmt::format("the exhale ({} s) must be longer than the inhale ({} s)",
                                 pace.out_seconds, pace.in_seconds)};
    return success();
}

Breath breath_at(const BreathingPace& pace, double elapsed_seconds) {
    double into_cycle = std::fmod(std::max(0.0, elapsed_seconds), pace.cycle_seconds());
    if (into_cycle < pace.in_seconds)
        return Breath{true, into_cycle / pace.in_seconds, pace.in_seconds - into_cycle};
    double into_exhale = into_cycle - pace.in_seconds;
    return Breath{false, 1.0 - into_exhale / pace.out_seconds, pace.out_seconds - into_exhale};
}

} // namespace settle
