// Paced breathing for `settle pause`: where in the breath a moment falls, so
// the cue can show an inhale as a growing bar and an exhale as a shrinking
// one. A longer exhale than inhale is what gives the body the calming signal,
// so a pace must keep it that way.
#pragma once

#include "error.hpp"

namespace settle {

struct BreathingPace {
    double in_seconds = 4.0;
    double out_seconds = 6.0;
    double cycle_seconds() const { return in_seconds + out_seconds; }
};

// Refuses a pace whose phases are not positive or whose exhale is not the
// longer phase.
Status check_pace(const BreathingPace& pace);

struct Breath {
    bool inhaling = true;
    // How full the lungs are, from 0 (empty) to 1 (full): rises during the
    // inhale, falls during the exhale.
    double fullness = 0.0;
    double seconds_left_in_phase = 0.0;
};

// The breath `elapsed_seconds` after the first inhale began.
Breath breath_at(const BreathingPace& pace, double elapsed_seconds);

} // namespace settle
