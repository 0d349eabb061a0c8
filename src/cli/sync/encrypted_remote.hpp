// The encrypted remote: setting it up (`settle init --remote URL --encrypt`)
// and proving it can be read with the key kept (`settle sync --check`).
#pragma once

#include "cli/context.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace settle::cli {

// Points `origin` at gcrypt::URL, encrypted to one GnuPG key: `key` when
// given, else the person's only secret key, else a new one made with gpg
// (which asks for its passphrase). Tells the person what to back up.
void setup_encrypted_remote(const std::filesystem::path& folder, const std::string& url,
                            const std::optional<std::string>& key);

// Clones `remote` into a private temporary folder with the keys at hand and
// compares it with the journal here; throws RuntimeError when it cannot be
// read. The journal itself is never touched.
void check_remote_readable(const std::filesystem::path& folder, const std::string& remote);

} // namespace settle::cli
