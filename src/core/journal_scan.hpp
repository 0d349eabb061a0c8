// Reading many entries quickly: the one way every reader walks the journal.
//
// A summary or a `list` may read a hundred thousand entries. Here each month
// folder is opened once, each file relative to it, read into a buffer that
// is reused, and parsed by read_entry_text's shortcut
// (yaml-cpp only when the file needs it), on a few threads. The rules are
// Journal's: <root>/YYYY/MM/*.md, not hidden; only regular files, never
// through a symbolic link, at most kMaxEntryBytes. A period opens only the
// month folders that can hold it.
#pragma once

#include "entry.hpp"
#include "error.hpp"
#include "journal.hpp"
#include "period.hpp"

#include <date/date.h>
#include <filesystem>
#include <functional>
#include <optional>

namespace settle {

// The local date at the start of an entry file's name (YYYY-MM-DD-...),
// which settle writes from the entry's own `created`.
std::optional<date::sys_days> date_in_file_name(std::string_view name);

// The files that can hold the entries of `period`: those named from the
// day before it starts to the day after it ends. A name is written from the
// entry's own local date; the day's margin keeps a name written a moment
// around midnight, or a `created` nudged by hand across it.
ScanRange files_for(const Period& period);

// Whether a file's name puts it in `period` itself, not in the margin: a
// problem with a file is the period's only then. A name without a date is
// every period's.
bool named_in(const Period& period, const std::optional<date::sys_days>& name_date);

// One month folder, <root>/YYYY/MM.
struct MonthFolder {
    fs::path path;
    std::string relative; // "2026/11/": how files in it are named in messages
};

// The month folders that can hold entries dated in `range`, oldest first
// (a link to a folder counts, as a folder).
std::vector<MonthFolder> month_folders(const fs::path& root, const ScanRange& range);

// The month folder an entry ID names by its date ("2026-11-27-..." and
// "2026-11" both name 2026/11), whether or not it exists; nullopt when the
// text does not start with a year and month.
std::optional<MonthFolder> month_of_id(const fs::path& root, std::string_view id);

// The entry files in one month folder (*.md, not hidden), in the order they
// were written; nothing is opened. A folder that cannot be listed has none.
std::vector<EntryFile> month_entry_files(const MonthFolder& month);

// The hidden names in one month folder (".x", never "." or ".."): where
// settle's temporary files and kept copies are.
std::vector<std::string> hidden_names(const MonthFolder& month);

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

struct ReadFile;

// What a reader asks of read_journal.
struct ReadRequest {
    ScanRange range;
    // Which entries are handed on (all when empty). It runs on the reading
    // threads, several at once, so it must only look at the entry.
    std::function<bool(const Entry&)> keep;
    // False: an entry's body (the note) is dropped once `keep` has seen it,
    // for readers that never print it; a whole journal then fits in little
    // memory.
    bool bodies = true;
    // What the reader prints of each kept entry, made on the reading threads
    // (nothing when empty), so that a whole journal's formatting is shared
    // among them; it comes in ReadFile::text. Like `keep`, it runs several
    // at once and must only look at the file.
    std::function<std::string(const ReadFile&)> render;
    // Given each month's hidden names (where settle's temporary files and
    // kept copies are), from the listing that finds its entries, on the
    // calling thread before that month's files are handed on.
    std::function<void(const MonthFolder&, const std::vector<std::string>& names)> hidden;
    unsigned workers = 0; // 0: default_scan_workers()
};

// One file as read_journal hands it on: where it is, and its entry or the
// problem that made it unreadable (error_at its relative path and line).
struct ReadFile {
    std::string relative; // "2026/11/2026-11-27-211403-pause.md"
    Expected<Entry> entry;
    std::string text; // what ReadRequest::render made of the entry

    // The file name without ".md": what `show` accepts.
    std::string_view id() const;
    // Where it is, as Journal::files describes it.
    EntryFile file(const fs::path& root) const;
};

// Reads the entry files in the request's range and hands each kept entry
// and every problem to `visit`, on the calling thread, in the journal's
// order: month folders oldest first, each month's files in the order they
// were written (Journal::files' order). Months are read ahead on other
// threads, a few at a time, so memory stays small however long the journal.
// An exception from `visit` stops the reading and comes out of here.
void read_journal(const std::filesystem::path& root, const ReadRequest& request,
                  const std::function<void(ReadFile&& file)>& visit);

struct LoadResult {
    std::vector<LoadedEntry> entries; // in the journal's order
    std::vector<Error> problems;      // one per file that could not be read
};

// read_journal's files, kept: a bad file becomes a problem and the rest
// still load. For the few entries a command holds at once; a reader of the
// whole journal hands each on through read_journal instead.
LoadResult load_entries(const Journal& journal, const ReadRequest& request);

} // namespace settle
