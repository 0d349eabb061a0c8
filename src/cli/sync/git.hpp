// The journal kept in git: starting a repository for it, committing entries
// as they are written or rewritten, and the pieces `settle sync` builds on.
// Always through the git binary with an argument list (never a shell), and
// never putting entry text in a commit message.
#pragma once

#include "cli/context.hpp"
#include "cli/process.hpp"
#include "core/entry.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace settle::cli {

// Runs `git -C folder ARGUMENTS...`, capturing its output, with no stdin.
ProgramRun run_git(const std::filesystem::path& folder, std::vector<std::string> arguments,
                   std::vector<std::pair<std::string, std::string>> environment = {});

// git's last message line, without "fatal: " or "error: ", for telling the
// person what went wrong.
std::string git_last_line(const std::string& output);

// Where the repository holding `folder` has its top, if `folder` is in one.
std::optional<std::filesystem::path> repository_top(const std::filesystem::path& folder);

// Whether `folder` is the top of its own repository (not merely somewhere
// inside another one, such as a dotfiles repository).
bool is_repository_top(const std::filesystem::path& folder);

// Makes `folder` a git repository with the .gitattributes and .gitignore a
// journal needs, installs the entry merge driver, and commits the two files.
// Messages go to stderr; an error is thrown only when the folder could not be
// made a repository.
void start_repository(const std::filesystem::path& folder);

// Configures the merge driver for entry files in the repository's own
// config (pointing at this settle binary) and makes sure .gitattributes
// names it. Returns whether .gitattributes changed (it is then left for the
// caller to commit). Throws RuntimeError when git cannot be configured.
bool install_merge_driver(const std::filesystem::path& root);

// The short tag this clone adds to new entry names once it syncs, so that
// two devices never give different entries the same name: four lower-case
// consonants kept in .git/settle-device. Empty when the clone has none.
std::string device_tag(const std::filesystem::path& root);
// Gives the clone a tag if it has none (one no entry name in the journal
// already carries), and returns it.
std::string ensure_device_tag(const std::filesystem::path& root);

// Commits the entry just written to `file` inside the journal `root`, with a
// message naming only its kind and time ("pause 2026-11-27 21:14"). When the
// folder is not the top of its own repository or git fails, the entry stays
// saved and one calm line on stderr says why it was not committed. Returns
// whether it was.
bool commit_entry(const std::filesystem::path& root, const std::filesystem::path& file,
                  const Entry& entry);

// The same for an entry rewritten in place (`revisit`, `edit`): the message
// is "<what> <kind> <time>", for example "revisit audit 2026-11-27 21:14".
bool commit_rewrite(const std::filesystem::path& root, const std::filesystem::path& file,
                    const Entry& entry, std::string_view what);

// With `git.auto_commit`, commits an entry rewritten in place; with
// `git.auto_sync`, then starts `settle sync` in the background. Never throws
// and never makes the caller wait for the network.
void commit_rewrite_if_asked(Context& context, const std::filesystem::path& file,
                             const Entry& entry, std::string_view what);

// With `git.auto_sync: true`, starts `settle sync` detached (its output goes
// nowhere) so that a write never waits for or fails on the network.
void sync_in_background_if_asked(Context& context);

// The commit message for an entry: its kind and local time, nothing else.
std::string commit_message(const Entry& entry);

// The ids of the git processes (git itself and its helpers, such as
// git-remote-gcrypt) working in the repository at `root`: those whose
// current folder is `root` or inside it. Nothing when this system cannot
// tell (no /proc).
std::optional<std::vector<int>> git_processes_in(const std::filesystem::path& root);

// The absolute path of the running settle binary (for git to call back).
std::string own_executable();

} // namespace settle::cli
