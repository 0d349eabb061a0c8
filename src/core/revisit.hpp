// Looking back at old entries: which predictions and scripts still wait for
// an answer, and how new answers combine with earlier ones.
#pragma once

#include "entry.hpp"

#include <optional>
#include <vector>

namespace settle {

struct OpenItems {
    std::vector<int> predictions; // 1-based positions not yet answered (contested ones too)
    bool script_unshared = false; // a script with no answer about sharing yet

    bool empty() const { return predictions.empty() && !script_unshared; }
};

// What in `entry` has not been revisited yet. Incomplete entries have no
// open items: there was nothing finished to look back on.
OpenItems open_items(const Entry& entry);

// New answers given at `when`, on top of any earlier ones: answered
// predictions stay answered unless answered again.
struct Answers {
    std::vector<std::pair<int, PredictionOutcome>> predictions;
    std::optional<Shared> shared;
    std::optional<Landed> landed;
    std::optional<std::string> note;

    bool empty() const { return predictions.empty() && !shared && !landed && !note; }
};
// New answers over earlier ones; a new note goes on a line after an earlier
// note instead of replacing it. Answering a contested prediction settles it.
Revisit combine(const std::optional<Revisit>& earlier, const Answers& answers, Timestamp when);

} // namespace settle
