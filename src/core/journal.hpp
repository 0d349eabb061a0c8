// The journal folder: where entries live, how they are named, and how they
// are found again. Layout: <root>/YYYY/MM/YYYY-MM-DD-HHMMSS-<kind>[-TAG][-N].md,
// named from the entry's own local date and time (TAG: a synced device's).
#pragma once

#include "atomic_file.hpp"
#include "entry.hpp"
#include "error.hpp"

#include <dirent.h>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace settle {

// Entries are a few kilobytes; anything this large is not one, and reading
// it whole would only cost memory.
inline constexpr std::uintmax_t kMaxEntryBytes = 1 << 20;

// The file name (without folder) for an entry; n > 1 adds a "-n" suffix for
// a second entry in the same second. A device `tag` (four lower-case
// letters, given by a clone that syncs) goes after the kind, so that two
// devices never give different entries the same name.
std::string entry_file_name(const Entry& entry, int n, std::string_view tag = {});

// A span of entry file dates, by the local date each name starts with.
struct ScanRange {
    // Files whose name carries a date outside [first, last] are not opened
    // (nor month folders outside those months). Either end may be open.
    std::optional<date::sys_days> first;
    std::optional<date::sys_days> last;
};

struct EntryFile {
    fs::path path;        // absolute or as given
    std::string relative; // relative to the journal root, for messages
    std::string id;       // the file name without ".md": what `show` accepts
};

struct Leftover;

class Journal {
  public:
    explicit Journal(fs::path root);

    const fs::path& root() const { return root_; }

    // The device tag new entry names carry (empty: none, today's names).
    void set_name_tag(std::string tag) { name_tag_ = std::move(tag); }

    // Writes a new entry atomically, creating folders as needed; never
    // replaces an existing file. Returns the new file's path.
    Expected<fs::path> add(const Entry& entry) const;

    // Every candidate entry file (YYYY/MM/*.md, not hidden) in the month
    // folders `range` can hold, oldest first: by month, and in each month in
    // the order they were written. Nothing is opened; a missing journal
    // simply has none.
    std::vector<EntryFile> files(const ScanRange& range = {}) const;
    // The newest `count` of them (fewer: the whole journal), oldest first;
    // only the newest month folders are listed.
    std::vector<EntryFile> latest_files(size_t count) const;
    // Hands each file to `visit`, newest first, until it returns false;
    // month folders are listed only as far back as that.
    void each_file_newest_first(const std::function<bool(EntryFile&)>& visit) const;

    // Reads and parses one file. Refuses anything but a regular file of at
    // most kMaxEntryBytes (a FIFO would block, a link may point outside).
    Expected<Entry> read(const EntryFile& file) const;

    // Finds an entry by path (as given, or relative to the root) or by ID
    // or a unique prefix of one. An ID that starts with a year and month
    // lists only that month's folder.
    Expected<EntryFile> find(std::string_view path_or_id) const;

    EntryFile describe(const fs::path& path) const;

    // Hidden files settle left in the month folders: copies `settle edit`
    // kept because it could not save them (the editor failed, the entry
    // changed meanwhile, settle was killed), and temporary files of writers
    // that stopped mid-write. Files of a settle still running are not
    // listed. `check` names them all; `edit` and `list` name the kept copies.
    // Only the month folders `range` can hold are looked in.
    std::vector<Leftover> leftovers(const ScanRange& range = {}) const;
    // The kept copies of one entry, oldest first.
    std::vector<Leftover> kept_copies(const EntryFile& file) const;

  private:
    fs::path root_;
    std::string name_tag_;
};

// The editing copy `settle edit` makes beside an entry:
// ".settle-edit-<pid>-<n>-<entry id>.md".
inline constexpr std::string_view kEditCopyPrefix = ".settle-edit-";

struct Leftover {
    fs::path path;
    std::string relative;       // relative to the journal root
    bool edit_copy = false;     // a kept copy of an edit, else a temporary file
    std::string entry_id;       // for a kept copy: the entry it is a copy of
    fs::file_time_type written; // when it was last written
};

struct MonthFolder;

// What a hidden name in a month folder is, if settle left it there (a
// temporary file or a kept copy whose writer has gone and which is still a
// file); nullopt for anything else.
std::optional<Leftover> leftover_in(const MonthFolder& month, const std::string& name);

struct LoadedEntry {
    EntryFile file;
    Entry entry;
};

// Reads a whole file with the same rules as Journal::read (regular file, no
// symlink, size cap). Errors name `shown_path`.
Expected<std::string> read_small_file(const fs::path& path, const std::string& shown_path);

// The same for many files: reads `name` in the folder open as `folder`
// (AT_FDCWD for a path) into `buffer`, reusing its memory. `type` is what
// readdir said the file is, which spares a look before opening; DT_UNKNOWN
// when not known. A problem comes back without a path, for the caller to add.
Status read_small_file_at(int folder, const char* name, std::string& buffer,
                          unsigned char type = DT_UNKNOWN);

} // namespace settle
