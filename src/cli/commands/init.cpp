// settle init: make a journal folder (private), optionally a git repository.
#include "cli/commands.hpp"
#include "cli/sync/encrypted_remote.hpp"
#include "cli/sync/git.hpp"
#include "cli/terminal/pager.hpp"
#include "core/atomic_file.hpp"
#include "core/display.hpp"

#include <fmt/format.h>
#include <memory>

namespace settle::cli {

namespace {

struct InitOptions {
    std::optional<std::string> folder;
    bool git = false;
    std::optional<std::string> remote;
    bool commit_existing = false;
    bool encrypt = false;
    std::optional<std::string> key;
};

// Entries already in the folder that git does not track yet (a journal kept
// before git, or written while auto-commit was off): committed when asked.
void commit_existing_entries(const fs::path& folder) {
    auto added = run_git(folder, {"add", "-A", "--", "."});
    if (added.status != 0)
        throw RuntimeError("git could not add the entries: " + git_last_line(added.output));
    if (run_git(folder, {"diff", "--cached", "--quiet"}).status == 0) {
        print_message("Nothing was waiting to be committed.\n");
        return;
    }
    auto committed =
        run_git(folder, {"commit", "-q", "-m", "settle journal: entries kept before git"});
    if (committed.status != 0)
        throw RuntimeError("git could not commit the entries: " + git_last_line(committed.output));
    print_message("Committed the entries that were waiting.\n");
}

void run_init(Context& context, const InitOptions& options) {
    if ((options.encrypt || options.key) && !options.remote)
        throw UsageError("--encrypt and --key go with --remote URL");
    if (options.key && !options.encrypt)
        throw UsageError("--key goes with --encrypt");
    // Refused before anything is made (setup_remote checks it again).
    if (const auto& url = options.remote;
        url && (url->empty() || url->front() == '-' || url->find('\n') != std::string::npos))
        throw UsageError(fmt::format("\"{}\" is not a remote URL", *url));
    fs::path folder =
        options.folder ? expand_home(*options.folder, context.env()) : context.journal().root();
    std::error_code ec;
    bool existed = fs::is_directory(folder, ec);
    // A journal is private whoever made the folder: others could read every
    // entry (and, with --git, every entry's history). Made private first,
    // since writers refuse a folder others can write to.
    bool opened_up = existed && (fs::status(folder, ec).permissions() &
                                 (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none;
    if (opened_up) {
        fs::permissions(folder, fs::perms::owner_all, ec);
        if (ec)
            throw RuntimeError(
                fmt::format("could not make {} private: {}", folder.string(), ec.message()));
    }
    if (auto made = make_private_folders(folder, folder); !made)
        throw RuntimeError(made.error().located());
    if (opened_up) {
        print_message(
            fmt::format("{} is already there; it is now private (only you can read it).\n",
                        neutralize_controls(folder.string())));
    } else if (existed)
        print_message(fmt::format("{} is already there; nothing in it was changed.\n",
                                  neutralize_controls(folder.string())));
    else
        print_message(fmt::format("Made the journal folder {} (only you can read it).\n",
                                  neutralize_controls(folder.string())));
    if (options.git || options.remote || options.commit_existing) {
        if (options.remote) {
            setup_remote(folder,
                         RemoteSetup{"origin", *options.remote, options.encrypt, options.key});
        } else {
            start_repository(folder);
            make_contents_private(folder);
        }
        if (options.commit_existing)
            commit_existing_entries(folder);
    }
    if (options.folder && fs::absolute(folder, ec) != fs::absolute(context.journal().root(), ec))
        print_message(
            fmt::format("To write there, use --journal {0}, set SETTLE_JOURNAL={0}, or put\n"
                        "  journal: {0}\ninto {1}.\n",
                        folder.string(), context.settings().config_file.string()));
}

} // namespace

void setup_init(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("init", "Make a journal folder, optionally kept in git");
    auto options = std::make_shared<InitOptions>();
    command->add_option("dir", options->folder, "The folder (default: the journal folder)")
        ->option_text("DIR");
    command->add_flag("--git", options->git,
                      "Also make it a git repository that keeps entries LF and diffable");
    command
        ->add_option("--remote", options->remote,
                     "The git remote `settle sync` sends to and receives from (implies --git)")
        ->option_text("URL");
    command->add_flag("--encrypt", options->encrypt,
                      "Keep only ciphertext on the remote (git-remote-gcrypt and GnuPG)");
    command->add_option("--key", options->key, "The GnuPG key to encrypt to (with --encrypt)")
        ->option_text("KEY");
    command->add_flag("--commit-existing", options->commit_existing,
                      "Commit entries already in the folder that git does not track yet");
    command->footer(R"(The folder is made private (mode 0700). With --git, settle writes a
.gitattributes and a .gitignore and commits them; add `git: {auto_commit: true}`
to the config file to commit each new entry as it is written. It also installs
settle's merge driver for entries. On a fresh clone it makes everything inside
private too. --remote URL sets the remote `settle sync` uses.

Examples:
  settle init --git
  settle init --git --remote git@example.org:me/journal.git
  settle init ~/notes/journal)");
    command->callback([&context, options] { run_init(context, *options); });
}

} // namespace settle::cli
