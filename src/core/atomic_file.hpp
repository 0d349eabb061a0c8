// Creating files so that a crash, a kill or a concurrent writer can never
// leave a partial file under a reader's eyes or replace someone's words.
#pragma once

#include "error.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace settle {

namespace fs = std::filesystem;

// Files settle writes are private to the person, whatever the umask.
inline constexpr unsigned kFileMode = 0600;
inline constexpr unsigned kFolderMode = 0700;

// Temporary files start with this; readers skip every name starting with '.'.
inline constexpr std::string_view kTempPrefix = ".settle-tmp-";

// A folder of the journal, open. Writers open it once, walking down from
// the journal folder with openat(O_NOFOLLOW | O_DIRECTORY), and then name
// every file relative to it: swapping a folder on the way for a symbolic
// link afterwards cannot move a write out of the journal.
class OpenFolder {
  public:
    OpenFolder(int fd, fs::path path) : fd_(fd), path_(std::move(path)) {}
    ~OpenFolder();
    OpenFolder(OpenFolder&& other) noexcept;
    OpenFolder& operator=(OpenFolder&& other) noexcept {
        std::swap(fd_, other.fd_);
        std::swap(path_, other.path_);
        return *this;
    }
    OpenFolder(const OpenFolder&) = delete;
    OpenFolder& operator=(const OpenFolder&) = delete;
    int fd() const { return fd_; }
    const fs::path& path() const { return path_; } // for messages only

  private:
    int fd_;
    fs::path path_;
};

// Opens `folder`, which lies below the journal folder `root` (or is it).
// The root and the folders above it are opened by path, as the person named
// them; each folder below is opened from the one above it without following
// a link. With `create`, missing folders are made with mode 0700. Every
// folder from the root down must be owned by the person and writable by no
// one else (as ssh asks of ~/.ssh), or the write is refused with the reason.
// A folder not below `root` (a file named by its path) is opened as given.
Expected<OpenFolder> open_journal_folder(const fs::path& root, const fs::path& folder, bool create);

// Writes `contents` to a temporary file in `folder`, fsyncs it, then gives
// it the first free name that `name_for(n)` returns for n = 1, 2, ... (never
// replacing an existing file), and fsyncs the folder. Returns the final path.
Expected<fs::path> create_file_atomically(const OpenFolder& folder, std::string_view contents,
                                          const std::function<std::string(int)>& name_for);

// Writes `contents` over `target` in one step (temporary file, fsync,
// rename), but only if `target` still holds `expected`, the text the new
// contents were made from: an entry changed meanwhile (a second revisit,
// an edit) is left alone and `changed_meanwhile` returned, so no answer or
// edit silently undoes another. The target's folder is opened as
// open_journal_folder does, so a symbolic link below the journal folder
// `root` is refused, and the file is named relative to it. For explicit rewrites only
// (`settle edit`, `settle revisit`).
enum class Replaced { done, changed_meanwhile };
Expected<Replaced> replace_file_if_unchanged(const fs::path& root, const fs::path& target,
                                             std::string_view expected, std::string_view contents);

// Writes `contents` to `target` in one step (a new private temporary file
// beside it, fsync, rename, fsync of the folder), replacing a file already
// there: for output a person names, such as `--pdf FILE`. The temporary file
// is always created afresh, so no link left in its place is ever followed.
Status write_file_replacing(const fs::path& target, std::string_view contents);

// Creates `folder` and any missing parents with mode 0700, refusing to pass
// through a symbolic link below `root` so that writes stay in the journal.
Status make_private_folders(const fs::path& root, const fs::path& folder);

// Removes temporary files in `folder` left by writers that no longer run
// (killed mid-write). Returns how many were removed.
int remove_stale_temp_files(const OpenFolder& folder);

// For a hidden file settle names ".settle-...-<pid>-...": whether the settle
// that made it has gone (given the name from the pid on). A live one's file
// is in use.
bool writer_is_gone(std::string_view pid_and_rest);

} // namespace settle
