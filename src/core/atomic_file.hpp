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

// Writes `contents` to a temporary file in `folder`, fsyncs it, then gives
// it the first free name that `name_for(n)` returns for n = 1, 2, ... (never
// replacing an existing file), and fsyncs the folder. Returns the final path.
Expected<fs::path> create_file_atomically(const fs::path& folder, std::string_view contents,
                                          const std::function<std::string(int)>& name_for);

// Writes `contents` over `target` in one step (temporary file, fsync,
// rename), but only if `target` still holds `expected`, the text the new
// contents were made from: an entry changed meanwhile (a second revisit,
// an edit) is left alone and `changed_meanwhile` returned, so no answer or
// edit silently undoes another. Refuses a target reached through a symbolic
// link below the journal folder `root`. For explicit rewrites only
// (`settle edit`, `settle revisit`).
enum class Replaced { done, changed_meanwhile };
Expected<Replaced> replace_file_if_unchanged(const fs::path& root, const fs::path& target,
                                             std::string_view expected, std::string_view contents);

// Creates `folder` and any missing parents with mode 0700, refusing to pass
// through a symbolic link below `root` so that writes stay in the journal.
Status make_private_folders(const fs::path& root, const fs::path& folder);

// Removes temporary files in `folder` left by writers that no longer run
// (killed mid-write). Returns how many were removed.
int remove_stale_temp_files(const fs::path& folder);

} // namespace settle
