// An end-to-end encrypted remote for `settle sync`: git-remote-gcrypt keeps
// the whole repository (entries, file names, commit messages and times) as
// GnuPG ciphertext on the remote, while the journal here stays plain text.
#include "cli/sync/encrypted_remote.hpp"
#include "cli/terminal/pager.hpp"
#include "cli/terminal/probe.hpp"

#include "cli/sync/git.hpp"
#include "core/display.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <sstream>
#include <unistd.h>

namespace settle::cli {

namespace {

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::istringstream folders(path ? path : "/usr/bin:/bin");
    for (std::string folder; std::getline(folders, folder, ':');)
        if (!folder.empty() && ::access((folder + "/" + program).c_str(), X_OK) == 0)
            return true;
    return false;
}

// Fingerprints of the secret keys gpg has (of `wanted` only, when given).
std::vector<std::string> secret_keys(const std::optional<std::string>& wanted) {
    std::vector<std::string> argv = {"gpg", "--batch", "--with-colons", "--list-secret-keys"};
    if (wanted)
        argv.push_back(*wanted);
    RunOptions options;
    options.capture = true;
    auto run = run_program(argv, options);
    std::vector<std::string> keys;
    bool after_sec = false;
    std::istringstream lines(run.output);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("sec:", 0) == 0)
            after_sec = true;
        else if (after_sec && line.rfind("fpr:", 0) == 0) {
            // fpr:::::::::FINGERPRINT:
            size_t field = 0, start = 0;
            for (; field < 9 && start != std::string::npos; ++field)
                start = line.find(':', start + 1);
            if (start != std::string::npos) {
                auto end = line.find(':', start + 1);
                keys.push_back(line.substr(start + 1, end - start - 1));
            }
            after_sec = false;
        }
    }
    return keys;
}

std::string choose_key(const std::optional<std::string>& wanted) {
    if (wanted) {
        auto keys = secret_keys(wanted);
        if (keys.size() != 1)
            throw UsageError(
                fmt::format("\"{}\" names {} secret keys in your GnuPG keyring; give one key (`gpg "
                            "--list-secret-keys` shows them)",
                            *wanted, keys.size()));
        return keys.front();
    }
    auto keys = secret_keys(std::nullopt);
    if (keys.size() > 1)
        throw UsageError(fmt::format("you have {} secret keys; pick the one for the journal with "
                                     "--key (`gpg --list-secret-keys` shows them)",
                                     keys.size()));
    if (keys.size() == 1)
        return keys.front();
    print_message(
        fmt::format("You have no GnuPG key yet, so gpg now makes one for the journal. It "
                    "asks for a passphrase to protect the key: pick one you will remember, "
                    "as the key cannot be used without it.\n"));
    RunOptions options;
    // gpg asks through a pinentry on the terminal named by GPG_TTY; without
    // it, a pinentry started by the agent cannot find this terminal.
    if (!std::getenv("GPG_TTY") && is_terminal(STDIN_FILENO))
        if (const char* tty = ::ttyname(STDIN_FILENO))
            options.environment.emplace_back("GPG_TTY", tty);
    auto made = run_program({"gpg", "--batch", "--quick-gen-key", "settle journal",
                             "future-default", "default", "never"},
                            options);
    keys = secret_keys(std::nullopt);
    if (made.status != 0 || keys.size() != 1)
        throw RuntimeError("gpg could not make a key; nothing was changed");
    return keys.front();
}

} // namespace

namespace {

// Where gpg keeps its keys, for telling the person where theirs is.
std::string gnupg_home() {
    RunOptions options;
    options.capture = true;
    auto run = run_program({"gpgconf", "--list-dirs", "homedir"}, options);
    auto home = run.output.substr(0, run.output.find('\n'));
    if (run.status == 0 && !home.empty())
        return home;
    const char* set = std::getenv("GNUPGHOME");
    return set && *set ? set : "~/.gnupg";
}

// Points `name` at `url`, adding it or changing where it points.
void set_remote_url(const fs::path& folder, const std::string& name, const std::string& url) {
    auto now = run_git(folder, {"remote", "get-url", name});
    if (now.status == 0 && now.output == url + "\n")
        return;
    auto set =
        run_git(folder, now.status == 0 ? std::vector<std::string>{"remote", "set-url", name, url}
                                        : std::vector<std::string>{"remote", "add", name, url});
    if (set.status != 0)
        throw RuntimeError("git could not set the remote: " + git_last_line(set.output));
}

void setup_plain_remote(const fs::path& folder, const RemoteSetup& setup) {
    auto now = run_git(folder, {"remote", "get-url", setup.name});
    if (now.status == 0 && now.output == setup.url + "\n") {
        print_message(fmt::format("The remote {} is already {}.\n", neutralize_controls(setup.name),
                                  neutralize_controls(setup.url)));
        return;
    }
    set_remote_url(folder, setup.name, setup.url);
    print_message(fmt::format("Entries will sync with {} (`settle sync`).\n",
                              neutralize_controls(setup.url)));
}

void setup_encrypted_remote(const fs::path& folder, const RemoteSetup& setup) {
    if (!on_path("git-remote-gcrypt") || !on_path("gpg"))
        throw RuntimeError("an encrypted remote needs git-remote-gcrypt and gnupg (Debian and "
                           "Termux: install the packages git-remote-gcrypt and gnupg); nothing "
                           "was changed");
    auto fingerprint = choose_key(setup.key);
    const auto& url = setup.url;
    auto remote = url.rfind("gcrypt::", 0) == 0 ? url : "gcrypt::" + url;
    set_remote_url(folder, setup.name, remote);
    for (const char* what : {"gcrypt-participants", "gcrypt-signingkey"}) {
        auto configured =
            run_git(folder, {"config", "--local", fmt::format("remote.{}.{}", setup.name, what),
                             fingerprint});
        if (configured.status != 0)
            throw RuntimeError("git could not be configured: " + git_last_line(configured.output));
    }
    // gcrypt replaces the remote's one encrypted history on every push.
    run_git(folder,
            {"config", "--local",
             fmt::format("remote.{}.gcrypt-require-explicit-force-push", setup.name), "false"});
    print_message(fmt::format(
        "Entries will sync with {}, which keeps only ciphertext: no entry text, file "
        "names, commit messages or times.\n"
        "They can be read only with the GnuPG key {}, which is kept in {} on this "
        "device alone. Back it up now:\n"
        "  gpg --export-secret-keys --armor {} > settle-journal-key.asc\n"
        "then move settle-journal-key.asc off this device, somewhere safe (a password "
        "manager, a USB stick kept in a drawer), and keep the key's passphrase with "
        "you. That file and that passphrase are all you need to keep.\n"
        "Every other device needs the key too (`gpg --import settle-journal-key.asc` "
        "there). `settle sync --check` proves the remote can be read with it. Losing it "
        "never touches the journal here.\n",
        neutralize_controls(remote), fingerprint, neutralize_controls(gnupg_home()), fingerprint));
}

} // namespace

void make_contents_private(const fs::path& folder) {
    std::error_code ec;
    size_t changed = 0;
    for (auto item = fs::recursive_directory_iterator(folder, ec);
         !ec && item != fs::recursive_directory_iterator(); item.increment(ec)) {
        std::error_code look;
        auto status = item->symlink_status(look);
        if (look || fs::is_symlink(status))
            continue;
        bool folder_item = fs::is_directory(status);
        if (!folder_item && !fs::is_regular_file(status))
            continue;
        // Only group and others lose access: git's read-only objects stay
        // read-only, files become 0600 (or 0400), folders 0700.
        auto wanted =
            folder_item ? fs::perms::owner_all : status.permissions() & fs::perms::owner_all;
        if (status.permissions() != wanted) {
            std::error_code set_ec;
            fs::permissions(item->path(), wanted, set_ec);
            // git's own files are fixed quietly; the person hears about theirs.
            bool in_git = *item->path().lexically_relative(folder).begin() == ".git";
            changed += set_ec || in_git ? 0 : 1;
        }
    }
    if (changed > 0)
        print_message(fmt::format("Made {} {} inside private (folders 0700, files 0600).\n",
                                  changed, changed == 1 ? "thing" : "things"));
}

void setup_remote(const fs::path& folder, const RemoteSetup& setup) {
    // Both are passed to git as words of their own: one that reads as an
    // option would change what git does.
    const auto& url = setup.url;
    if (url.empty() || url.front() == '-' || url.find_first_of("\n\r") != std::string::npos)
        throw UsageError(fmt::format("\"{}\" is not a remote URL", url));
    if (setup.name.empty() || setup.name.front() == '-' ||
        setup.name.find_first_of(std::string_view("\0\n\r\t ", 5)) != std::string::npos)
        throw UsageError(fmt::format("\"{}\" is not a remote name", setup.name));
    if (setup.key && !setup.encrypt)
        throw UsageError("--key goes with --encrypt");
    start_repository(folder);
    make_contents_private(folder);
    if (setup.encrypt)
        setup_encrypted_remote(folder, setup);
    else
        setup_plain_remote(folder, setup);
    ensure_device_tag(folder);
}

void check_remote_readable(const fs::path& folder, const std::string& remote) {
    auto url = run_git(folder, {"remote", "get-url", remote});
    if (url.status != 0)
        throw RuntimeError(fmt::format("this journal has no remote called \"{}\"", remote));
    auto address = url.output.substr(0, url.output.find('\n'));
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/settle-check-XXXXXX";
    if (!::mkdtemp(pattern.data()))
        throw RuntimeError("could not make a private temporary folder for the check");
    fs::path scratch = pattern;
    struct Cleanup {
        fs::path path;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    } cleanup{scratch};
    auto clone = scratch / "journal";
    RunOptions options;
    options.capture = true;
    options.environment = {{"GIT_TERMINAL_PROMPT", "0"}};
    auto cloned = run_program(
        {"git", "clone", "-q", "--no-checkout", "--", address, clone.string()}, options);
    auto head = cloned.status == 0 ? run_git(clone, {"rev-parse", "-q", "--verify", "HEAD^{tree}"})
                                   : cloned;
    if (head.status != 0)
        throw RuntimeError(fmt::format("{} could not be read with the keys here ({}); the journal "
                                       "here is untouched",
                                       neutralize_controls(address), git_last_line(head.output)));
    auto there = head.output.substr(0, head.output.find('\n'));
    // Entry files: YYYY/MM/*.md (ls-tree takes no glob pathspec).
    auto listed = run_git(clone, {"ls-tree", "-r", "--name-only", "HEAD"});
    size_t count = 0;
    std::istringstream names(listed.output);
    for (std::string name; std::getline(names, name);) {
        auto digits = [&](size_t from, size_t length) {
            return name.size() > from + length &&
                   name.find_first_not_of("0123456789", from) >= from + length;
        };
        count += name.size() > 11 && digits(0, 4) && name[4] == '/' && digits(5, 2) &&
                         name[7] == '/' && name.find('/', 8) == std::string::npos &&
                         name.compare(name.size() - 3, 3, ".md") == 0 && name[8] != '.'
                     ? 1
                     : 0;
    }
    auto here = run_git(folder, {"rev-parse", "-q", "--verify", "HEAD^{tree}"});
    bool same = here.status == 0 && here.output.substr(0, here.output.find('\n')) == there;
    print_message(fmt::format("{} can be read with the keys here: {} {}, {}.\n",
                              neutralize_controls(address), count, count == 1 ? "entry" : "entries",
                              same ? "exactly as in this journal"
                                   : "as of the last sync (`settle sync` sends "
                                     "the rest)"));
}

} // namespace settle::cli
