// The pause's timer with a paced-breathing cue: a bar that grows while
// breathing in and shrinks while breathing out, the words with it, one short
// instruction, and the countdown, drawn at the bottom of the window.
#pragma once

#include "cli/guided/session.hpp"
#include "core/breathing.hpp"
#include "core/entry.hpp"

namespace settle::cli {

class Countdown;

// Runs the pause until `countdown` is done or the person presses a key (then
// true: ended early). Ctrl-C and the other endings behave as at any prompt
// (SessionEnded); the countdown tells the caller how far the pause got.
bool breathe_through_pause(Session& session, const Countdown& countdown, const BreathingPace& pace);

} // namespace settle::cli
