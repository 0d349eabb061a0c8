// The summary as JSON, for scripts. Its keys are a documented contract
// (docs/summary.md): a key is added, never renamed or dropped.
#pragma once

#include "core/summary.hpp"

#include <string>

namespace settle::cli {

// One JSON object and a newline. Every count is there, medians with no
// value are null, and the weeks and the months are both listed in full.
std::string summary_json(const Summary& summary, const SummaryRequest& request);

} // namespace settle::cli
