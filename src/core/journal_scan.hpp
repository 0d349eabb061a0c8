// Reading many entries quickly, for `settle summary`.
//
// Journal::files() and Journal::read() are made for a handful of entries;
// a summary may read a hundred thousand. Here each file is opened relative
// to its month folder, read into a buffer that is reused, and parsed by the
// canonical-form shortcut (yaml-cpp only when the file needs it), on a few
// threads. The rules are Journal's: <root>/YYYY/MM/*.md, not hidden; only
// regular files, never through a symbolic link, at most kMaxEntryBytes.
#pragma once

#include "entry.hpp"
#include "error.hpp"

#include <date/date.h>
#include <filesystem>
#include <functional>
#include <optional>

namespace settle {

// The local date at the start of an entry file's name (YYYY-MM-DD-...),
// which settle writes from the entry's own `created`.
std::optional<date::sys_days> date_in_file_name(std::string_view name);

struct ScanRange {
    // Files whose name carries a date outside [first, last] are not opened
    // (nor month folders outside those months). Either end may be open.
    std::optional<date::sys_days> first;
    std::optional<date::sys_days> last;
};

// What one file gave: an entry, or the problem that made it unreadable.
struct ScannedFile {
    Expected<Entry> entry;
    std::optional<date::sys_days> name_date; // nullopt when the name has none
};

// How many threads reading pays for on this machine.
unsigned default_scan_workers();

// Reads the entry files in `range` and hands each to `visit(worker, file)`,
// with `worker` in 0..workers-1. Each worker runs on its own thread and
// calls with the same number never overlap, so a caller can keep one
// accumulator per worker and merge them after. Files arrive in no
// particular order.
void scan_journal(const std::filesystem::path& root, const ScanRange& range, unsigned workers,
                  const std::function<void(unsigned worker, ScannedFile&& file)>& visit);

} // namespace settle
