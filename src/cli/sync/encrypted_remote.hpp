// The remote a journal syncs with: setting it up, plain or encrypted
// (`settle init --remote URL [--encrypt]`, `settle sync --setup URL`), and
// proving an encrypted one can be read with the key kept (`settle sync
// --check`).
#pragma once

#include "cli/context.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace settle::cli {

// How a journal is to sync: where, and whether the remote keeps only
// ciphertext (then encrypted to `key`, else the person's only secret key,
// else a new one made with gpg).
struct RemoteSetup {
    std::string name = "origin";
    std::string url;
    bool encrypt = false;
    std::optional<std::string> key;
};

// Makes `folder` a journal that can sync: a git repository with settle's
// attributes and merge driver, everything inside private, the remote set
// (plain, or through git-remote-gcrypt), and a device tag. The one path
// behind `settle init --remote URL` and `settle sync --setup URL`. Throws
// UsageError for a URL or name git would take as an option.
void setup_remote(const std::filesystem::path& folder, const RemoteSetup& setup);

// Takes group and others' access away from everything inside `folder` (a
// clone follows the person's umask). Says how many of the person's own
// files changed.
void make_contents_private(const std::filesystem::path& folder);

// Clones `remote` into a private temporary folder with the keys at hand and
// compares it with the journal here; throws RuntimeError when it cannot be
// read. The journal itself is never touched.
void check_remote_readable(const std::filesystem::path& folder, const std::string& remote);

} // namespace settle::cli
