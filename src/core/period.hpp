// A span of the person's local calendar, used by `list` and `summary`.
// The rule: an entry belongs to the local date and time at which it was
// written, as recorded in its own `created` offset. An entry written at
// 23:30 in Edmonton belongs to that evening even when read in Tokyo.
#pragma once

#include "time.hpp"

#include <optional>

namespace settle {

struct Period {
    std::optional<LocalSeconds> since; // inclusive
    std::optional<LocalSeconds> until; // inclusive

    bool contains(const Timestamp& created) const {
        auto local = created.local();
        return (!since || local >= *since) && (!until || local <= *until);
    }
};

// Builds the bounds from --since/--until values: a day, week, month or year
// covers the whole span at either end (since = its first second, until =
// its last), so --since 2026-11 --until 2026-11 is November.
Expected<Period> make_period(const std::optional<std::string>& since,
                             const std::optional<std::string>& until, SysSeconds now,
                             const LocalZone& zone);

} // namespace settle
