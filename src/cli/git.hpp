// The journal kept in git: starting a repository for it and committing each
// new entry. Always through the git binary with an argument list (never a
// shell), never pushing, and never putting entry text in a commit message.
#pragma once

#include "context.hpp"
#include "core/entry.hpp"

#include <filesystem>
#include <string>

namespace settle::cli {

// Makes `folder` a git repository with the .gitattributes and .gitignore a
// journal needs, and commits those two files. Messages go to stderr; an
// error is thrown only when the folder could not be made a repository.
void start_repository(const std::filesystem::path& folder);

// Commits the entry just written to `file` inside the journal `root`, with a
// message naming only its kind and time ("pause 2026-11-27 21:14"). When the
// folder is not a repository or git fails, the entry stays saved and one calm
// line on stderr says why it was not committed. Returns whether it was.
bool commit_entry(const std::filesystem::path& root, const std::filesystem::path& file,
                  const Entry& entry);

// The commit message for an entry: its kind and local time, nothing else.
std::string commit_message(const Entry& entry);

} // namespace settle::cli
