// settle sync: one journal on several devices through any git remote.
// Fetches, commits what is pending, merges (entry files through settle's
// own merge driver, the hidden `settle __merge-entry`), and pushes. A
// failure at any step leaves the journal's files as they were.
#include "cli/commands.hpp"
#include "cli/sync/encrypted_remote.hpp"
#include "cli/sync/git.hpp"
#include "cli/terminal/pager.hpp"
#include "core/display.hpp"
#include "core/entry_format.hpp"
#include "core/entry_merge.hpp"
#include "core/fast_frontmatter.hpp"
#include "core/journal.hpp"

#include <algorithm>
#include <chrono>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <set>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace settle::cli {

namespace {

// Entry files only: YYYY/MM/*.md, as git pathspec.
const std::string kEntries = ":(glob)[0-9][0-9][0-9][0-9]/[0-9][0-9]/*.md";

// Network steps never stop to ask for a password on a terminal they do
// not show (their output is captured); an ssh key agent still works.
const std::vector<std::pair<std::string, std::string>> kNoPrompt = {{"GIT_TERMINAL_PROMPT", "0"}};

struct SyncOptions {
    std::string remote = "origin";
    bool check = false;
    std::optional<std::string> setup; // a URL: set the remote up first
    bool encrypt = false;
    std::optional<std::string> key;
};

std::string plural(size_t count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

// Held for the whole sync. The descriptor is deliberately inherited by
// the git processes settle starts, so that if settle is killed mid-sync the
// next sync waits until the git it left running has finished.
class SyncLock {
  public:
    explicit SyncLock(const fs::path& root) {
        auto path = root / ".git" / "settle-sync.lock";
        fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW, 0600);
        if (fd_ < 0)
            throw RuntimeError(
                fmt::format("cannot open {}: {}", path.string(), std::strerror(errno)));
        for (int waited = 0; ::flock(fd_, LOCK_EX | LOCK_NB) != 0; ++waited) {
            if (waited == 600) {
                ::close(fd_);
                throw RuntimeError("another sync of this journal is still running; nothing "
                                   "here changed, try again in a moment");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    ~SyncLock() { ::close(fd_); }
    SyncLock(const SyncLock&) = delete;
    SyncLock& operator=(const SyncLock&) = delete;

  private:
    int fd_ = -1;
};

// git's own lock files, which a git that was killed (a closed terminal
// takes settle's git with it) leaves behind: `.git/index.lock`, `HEAD.lock`
// and the like at the top of .git, and a branch's `refs/.../NAME.lock`.
// settle's own lock is not one of them.
std::vector<fs::path> git_lock_files(const fs::path& root) {
    std::vector<fs::path> locks;
    auto git_dir = root / ".git";
    std::error_code ec;
    auto is_lock = [](const fs::directory_entry& item) {
        std::error_code look;
        return item.path().extension() == ".lock" && item.is_regular_file(look) &&
               !item.is_symlink(look) && item.path().filename() != "settle-sync.lock";
    };
    for (const auto& item : fs::directory_iterator(git_dir, ec))
        if (is_lock(item))
            locks.push_back(item.path());
    for (auto item = fs::recursive_directory_iterator(git_dir / "refs", ec);
         !ec && item != fs::recursive_directory_iterator(); item.increment(ec))
        if (is_lock(*item))
            locks.push_back(item->path());
    return locks;
}

// Called with the sync lock held, so no other sync of this journal, nor any
// git one left running, is at work (they hold that lock too). A git lock
// file is then stale unless some other git works in this repository (a git
// run by hand, an auto-commit): those are waited for, a while, and never
// touched. Only locks no git can be holding are removed.
void clear_stale_git_locks(const fs::path& root) {
    auto locks = git_lock_files(root);
    if (locks.empty())
        return;
    for (int waited = 0;; ++waited) {
        auto working = git_processes_in(root);
        if (!working)
            break; // cannot tell (no /proc): only an old lock is taken as stale
        if (working->empty())
            break;
        if (waited == 100) {
            throw RuntimeError(fmt::format(
                "git is at work in this journal (process {}) and {} is there; nothing here "
                "changed. Try again once it has finished",
                working->front(),
                neutralize_controls(locks.front().lexically_relative(root).string())));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    bool can_tell = git_processes_in(root).has_value();
    std::vector<std::string> removed;
    for (const auto& lock : git_lock_files(root)) {
        std::error_code ec;
        auto age = fs::file_time_type::clock::now() - fs::last_write_time(lock, ec);
        if (ec)
            continue; // gone meanwhile
        auto relative = lock.lexically_relative(root).string();
        if (!can_tell && age < std::chrono::minutes(10))
            throw RuntimeError(fmt::format(
                "{} is there, so git may be at work in this journal; nothing here changed. If no "
                "git is running (it was stopped part-way), remove that file and sync again",
                neutralize_controls(relative)));
        if (fs::remove(lock, ec))
            removed.push_back(relative);
    }
    if (!removed.empty())
        print_message(fmt::format(
            "Removed {} git left when it was stopped part-way ({}); no entry is touched.\n",
            removed.size() == 1 ? "a lock file" : "lock files",
            neutralize_controls(fmt::format("{}", fmt::join(removed, ", ")))));
}

class Repository {
  public:
    explicit Repository(fs::path root) : root_(std::move(root)) {}

    ProgramRun git(std::vector<std::string> arguments, bool network = false) const {
        return run_git(root_, std::move(arguments),
                       network ? kNoPrompt : std::vector<std::pair<std::string, std::string>>{});
    }
    // Runs git and throws with `what` and git's own words if it fails.
    std::string must(std::vector<std::string> arguments, std::string_view what) const {
        auto run = git(std::move(arguments));
        if (!run.started || run.status != 0)
            throw RuntimeError(fmt::format("{}: {}", what, git_last_line(run.output)));
        return run.output;
    }
    std::optional<std::string> commit_of(const std::string& ref) const {
        auto run = git({"rev-parse", "-q", "--verify", ref + "^{commit}"});
        if (run.status != 0)
            return std::nullopt;
        return run.output.substr(0, run.output.find('\n'));
    }
    std::string empty_tree() const {
        return lines_of(must({"hash-object", "-t", "tree", "/dev/null"}, "git failed")).at(0);
    }
    // Entry files that differ between two trees or commits.
    std::vector<std::string> entries_changed(const std::string& from, const std::string& to,
                                             std::string_view filter = "AM") const {
        return lines_of(must({"diff", "--no-renames", "--name-only",
                              fmt::format("--diff-filter={}", filter), from, to, "--", kEntries},
                             "git could not compare"));
    }
    std::optional<std::string> blob(const std::string& commit, const std::string& path) const {
        auto run = git({"cat-file", "blob", commit + ":" + path});
        if (run.status != 0)
            return std::nullopt;
        return run.output;
    }
    bool exists_in(const std::string& commit, const std::string& path) const {
        return git({"cat-file", "-e", commit + ":" + path}).status == 0;
    }
    const fs::path& root() const { return root_; }

  private:
    fs::path root_;
};

// Commits everything pending in the journal folder (new entries, revisits,
// edits, a finished conflict) with a message that counts, never quotes.
size_t commit_pending(const Repository& repo) {
    repo.must({"add", "-A", "--", "."}, "git could not add the pending changes");
    auto staged = repo.git({"diff", "--cached", "--quiet"});
    bool merging = repo.commit_of("MERGE_HEAD").has_value();
    if (staged.status == 0 && !merging)
        return 0;
    auto head = repo.commit_of("HEAD");
    auto changed = lines_of(repo.must({"diff", "--cached", "--no-renames", "--name-only",
                                       head ? "HEAD" : repo.empty_tree(), "--", kEntries},
                                      "git could not compare"));
    repo.must({"commit", "-q", "--no-verify", "-m",
               fmt::format("settle sync: {} written or changed",
                           plural(changed.size(), "entry", "entries"))},
              "git could not commit the pending entries");
    return changed.size();
}

// Before merging: an entry name both sides added since they last agreed,
// for two different entries (written in the same second on two devices
// before either had a device tag), gets this device's tag here, so that
// both entries are kept under their own names.
size_t separate_same_names(const Repository& repo, const std::string& remote_commit,
                           const std::string& tag) {
    auto base = repo.git({"merge-base", "HEAD", remote_commit});
    std::string from = base.status == 0 ? lines_of(base.output).at(0) : repo.empty_tree();
    auto ours = repo.entries_changed(from, "HEAD", "A");
    auto theirs = repo.entries_changed(from, remote_commit, "A");
    std::set<std::string> added_there(theirs.begin(), theirs.end());
    size_t renamed = 0;
    for (const auto& path : ours) {
        if (!added_there.count(path))
            continue;
        auto mine = repo.blob("HEAD", path);
        auto other = repo.blob(remote_commit, path);
        if (!mine || !other || *mine == *other)
            continue;
        auto a = without_answers(*mine, path);
        auto b = without_answers(*other, path);
        if (a && b && *a == *b)
            continue; // the same entry, answered differently: the driver merges it
        auto stem = path.substr(0, path.size() - 3);
        std::string target;
        for (int n = 1;; ++n) {
            target = stem + "-" + tag + (n > 1 ? fmt::format("-{}", n) : "") + ".md";
            std::error_code ec;
            if (!repo.exists_in("HEAD", target) && !repo.exists_in(remote_commit, target) &&
                !fs::exists(repo.root() / target, ec))
                break;
        }
        repo.must({"mv", "--", path, target}, "git could not rename an entry");
        ++renamed;
    }
    if (renamed > 0)
        repo.must({"commit", "-q", "--no-verify", "-m",
                   fmt::format("settle sync: {} renamed to keep names apart",
                               plural(renamed, "entry", "entries"))},
                  "git could not commit renamed entries");
    return renamed;
}

// The branches fetched from `remote` so far.
std::vector<std::string> remote_branches(const Repository& repo, const std::string& remote) {
    auto prefix = fmt::format("refs/remotes/{}/", remote);
    auto refs = lines_of(
        repo.must({"for-each-ref", "--format=%(refname)", prefix}, "git could not list branches"));
    std::vector<std::string> branches;
    for (const auto& ref : refs)
        if (ref != prefix + "HEAD")
            branches.push_back(ref.substr(prefix.size()));
    return branches;
}

// The branch to sync: the remote's branch of the same name as ours, or its
// only branch (a journal cloned or started elsewhere may call it otherwise).
std::optional<std::string> remote_branch(const Repository& repo, const std::string& remote,
                                         const std::string& local) {
    if (repo.commit_of(fmt::format("refs/remotes/{}/{}", remote, local)))
        return local;
    auto refs = lines_of(
        repo.must({"for-each-ref", "--format=%(refname)", fmt::format("refs/remotes/{}/", remote)},
                  "git could not list branches"));
    auto prefix = fmt::format("refs/remotes/{}/", remote);
    std::vector<std::string> branches;
    for (const auto& ref : refs)
        if (ref != prefix + "HEAD")
            branches.push_back(ref.substr(prefix.size()));
    if (branches.size() == 1)
        return branches.front();
    return std::nullopt;
}

// ---- a merge stopped part-way ---------------------------------------------
//
// git updates the journal's files one by one while it merges: a file it is
// replacing is first removed, then written. A git killed in between (a
// closed terminal takes it with settle) leaves an entry missing or cut
// short, and the next sync would commit that as if the person had done it.
// So settle notes where this device stood before each merge, and the next
// sync puts back what the interrupted merge left half-done, then merges
// again.

constexpr const char* kMergingNote = "settle-merging";

void note_merging(const Repository& repo, const std::string& before, const std::string& target) {
    auto path = repo.root() / ".git" / kMergingNote;
    auto temporary = path;
    temporary += fmt::format(".{}", ::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << before << ' ' << target << '\n';
        out.flush();
        if (!out)
            throw RuntimeError(fmt::format("cannot write {}", temporary.string()));
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0)
        throw RuntimeError(fmt::format("cannot write {}", path.string()));
}

void merge_finished(const Repository& repo) {
    ::unlink((repo.root() / ".git" / kMergingNote).c_str());
}

void recover_interrupted_merge(const Repository& repo) {
    std::ifstream in(repo.root() / ".git" / kMergingNote);
    std::string before, target;
    if (!(in >> before >> target))
        return merge_finished(repo);
    // A merge that reached its end (committed, or stopped at a conflict
    // with every file written) needs nothing put back.
    if (repo.commit_of("MERGE_HEAD") || repo.commit_of("HEAD") != before || !repo.commit_of(target))
        return merge_finished(repo);
    size_t restored = 0;
    for (const auto& path : repo.entries_changed(before, target, "ACMRD")) {
        auto file = repo.root() / path;
        std::error_code ec;
        bool present = fs::is_regular_file(fs::symlink_status(file, ec));
        auto mine = repo.blob("HEAD", path);
        if (mine) {
            bool whole = present && [&] {
                auto text = read_small_file(file, path);
                return text && read_entry_text(*text, path).ok();
            }();
            if (whole || !read_entry_text(*mine, path).ok())
                continue; // a whole entry: git finished it, or the person changed it
            repo.must({"checkout", "HEAD", "--", path}, "git could not put an entry back");
            fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, ec);
            ++restored;
        } else if (present) {
            // New from the other device: git's own copy, perhaps cut short;
            // the merge brings it again whole.
            auto theirs = repo.blob(target, path);
            auto text = read_small_file(file, path);
            if (theirs && (!text || *text != *theirs)) {
                fs::remove(file, ec);
                ++restored;
            }
        }
    }
    if (restored > 0)
        print_message(
            fmt::format("The last sync stopped part-way through a merge; put back {} it had left "
                        "half-written. Nothing is lost: the merge runs again now.\n",
                        plural(restored, "entry", "entries")));
    merge_finished(repo);
}

struct Merged {
    size_t received = 0;
    std::vector<std::string> conflicts; // kept with both versions in the file
};

Merged merge_remote(const Repository& repo, const std::string& remote_commit) {
    Merged merged;
    auto before = repo.commit_of("HEAD");
    auto run = repo.git({"merge", "-q", "--no-edit", "--no-verify", "--allow-unrelated-histories",
                         "-m", "settle sync: merged", remote_commit});
    if (run.status != 0) {
        merged.conflicts = lines_of(repo.must({"diff", "--name-only", "--diff-filter=U"},
                                              "git could not list the conflicts"));
        if (merged.conflicts.empty()) {
            repo.git({"merge", "--abort"});
            throw RuntimeError(fmt::format("git could not merge what was received: {}; nothing "
                                           "here changed",
                                           git_last_line(run.output)));
        }
        // Both versions stay in each file, between conflict markers, and are
        // committed as they are: nothing is dropped, the journal is never
        // left half-merged, and `settle check` names each such file.
        repo.must({"add", "-A", "--", "."}, "git could not add the merged files");
        repo.must({"commit", "-q", "--no-edit", "--no-verify", "-m",
                   "settle sync: merged, both versions kept where they differ"},
                  "git could not commit the merge");
    }
    merged.received = repo.entries_changed(before ? *before : repo.empty_tree(), "HEAD").size();
    return merged;
}

void run_sync(Context& context, const SyncOptions& options) {
    auto root = context.journal().root();
    std::error_code ec;
    if ((options.encrypt || options.key) && !options.setup)
        throw UsageError("--encrypt and --key go with --setup URL");
    if (options.setup && options.check)
        throw UsageError("--setup and --check are separate steps: set up first, then check");
    if (!fs::is_directory(root, ec))
        throw RuntimeError(fmt::format("there is no journal at {} yet", root.string()));
    if (options.setup) {
        // The same path as `settle init --remote URL [--encrypt]`, on the
        // journal that is already here; then the first sync.
        setup_remote(root,
                     RemoteSetup{options.remote, *options.setup, options.encrypt, options.key});
    }
    if (!is_repository_top(root))
        throw RuntimeError(fmt::format(
            "{} is not a git repository of its own; `settle init --git --remote URL` makes it "
            "one that can sync",
            root.string()));
    // A remote name is passed to git as a word of its own; one that reads
    // as an option would change what git does.
    if (options.remote.empty() || options.remote.front() == '-' ||
        options.remote.find_first_of(std::string_view("\0\n\r\t ", 5)) != std::string::npos)
        throw UsageError(fmt::format("\"{}\" is not a remote name", options.remote));
    if (options.check) {
        check_remote_readable(root, options.remote);
        return;
    }
    Repository repo(root);
    SyncLock lock(root);
    clear_stale_git_locks(root);
    if (repo.git({"remote", "get-url", options.remote}).status != 0)
        throw RuntimeError(fmt::format("this journal has no remote called \"{}\" to sync with "
                                       "yet; `settle init --git --remote URL` adds one",
                                       options.remote));
    auto tag = ensure_device_tag(root);
    install_merge_driver(root);
    auto local = repo.git({"symbolic-ref", "-q", "--short", "HEAD"});
    if (local.status != 0)
        throw RuntimeError("git is not on a branch here (a rebase or checkout in progress?); "
                           "nothing here changed");
    auto branch = lines_of(local.output).at(0);

    // Reaching the remote comes first: offline, nothing here changes.
    auto fetched = repo.git({"fetch", "-q", "--no-tags", options.remote}, true);
    // git-remote-gcrypt says a missing remote is "not found" yet succeeds:
    // fine before the first push, unreachable once something was sent.
    bool vanished = fetched.output.find("gcrypt: Repository not found") != std::string::npos &&
                    !remote_branches(repo, options.remote).empty();
    if (fetched.status != 0 || vanished)
        throw RuntimeError(fmt::format("could not reach {} ({}); nothing here changed, and new "
                                       "entries go with the next sync",
                                       options.remote, git_last_line(fetched.output)));
    recover_interrupted_merge(repo);
    commit_pending(repo);

    Merged merged;
    size_t sent = 0;
    std::string target = branch;
    for (int attempt = 0;; ++attempt) {
        auto there = remote_branch(repo, options.remote, branch);
        std::optional<std::string> remote_commit;
        if (there) {
            target = *there;
            remote_commit =
                repo.commit_of(fmt::format("refs/remotes/{}/{}", options.remote, target));
        }
        if (remote_commit) {
            if (repo.commit_of("HEAD"))
                separate_same_names(repo, *remote_commit, tag);
            if (auto here = repo.commit_of("HEAD"))
                note_merging(repo, *here, *remote_commit);
            auto step = merge_remote(repo, *remote_commit);
            merge_finished(repo);
            merged.received += step.received;
            merged.conflicts.insert(merged.conflicts.end(), step.conflicts.begin(),
                                    step.conflicts.end());
        }
        if (!repo.commit_of("HEAD")) {
            print_message(fmt::format("Nothing to sync yet: the journal and {} are both empty.\n",
                                      neutralize_controls(options.remote)));
            return;
        }
        sent =
            repo.entries_changed(remote_commit ? *remote_commit : repo.empty_tree(), "HEAD").size();
        if (remote_commit &&
            repo.git({"merge-base", "--is-ancestor", "HEAD", *remote_commit}).status == 0)
            break; // nothing new to send
        auto pushed = repo.git(
            {"push", "-q", "--no-verify", options.remote, "HEAD:refs/heads/" + target}, true);
        if (pushed.status == 0)
            break;
        // Most often another device pushed in between: fetch and merge again.
        auto again = repo.git({"fetch", "-q", "--no-tags", options.remote}, true);
        if (attempt == 2 || again.status != 0)
            throw RuntimeError(fmt::format(
                "could not send to {} ({}); {} received and kept here, the rest goes with the "
                "next sync",
                options.remote, git_last_line(pushed.output),
                plural(merged.received, "entry", "entries")));
    }
    print_message(
        fmt::format("{} sent, {} received.\n", plural(sent, "entry", "entries"), merged.received));
    if (!merged.conflicts.empty()) {
        print_message(
            fmt::format("{} changed on two devices in ways settle cannot merge; both versions are "
                        "kept in the file, between <<<<<<< and >>>>>>> lines. `settle check` lists "
                        "them and `settle edit` keeps what stands:\n",
                        plural(merged.conflicts.size(), "file was", "files were")));
        for (const auto& path : merged.conflicts)
            print_message(fmt::format("  {}\n", neutralize_controls(path)));
        context.exit_status = 1;
    }
}

// ---- the merge driver ----------------------------------------------------

std::string read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// git calls this for entry files changed on both sides of a merge and takes
// %A as the result: exit 0 for a clean merge, 1 for a conflict left marked.
int run_merge_entry(const std::vector<std::string>& files) {
    const auto& base = files.at(0);
    const auto& ours = files.at(1);
    const auto& theirs = files.at(2);
    std::string shown = files.size() > 3 ? files[3] : ours;
    if (auto merged =
            merge_entry_texts(read_whole(base), read_whole(ours), read_whole(theirs), shown)) {
        std::ofstream out(ours, std::ios::binary | std::ios::trunc);
        out << *merged;
        out.flush();
        if (out)
            return 0;
    }
    auto run = run_program({"git", "merge-file", "-L", "this device", "-L", "before", "-L",
                            "other device", ours, base, theirs});
    return run.status == 0 ? 0 : 1;
}

} // namespace

void setup_sync(CLI::App& app, Context& context) {
    auto* command =
        app.add_subcommand("sync", "Send and receive entries through the journal's git remote");
    auto options = std::make_shared<SyncOptions>();
    command->add_option("--remote", options->remote, "The git remote to sync with")
        ->option_text("NAME")
        ->default_str("origin");
    command->add_flag("--check", options->check,
                      "Prove the remote can be read with the keys here (a clone to a temporary "
                      "folder, compared with this journal); changes nothing");
    command
        ->add_option("--setup", options->setup,
                     "First make this journal sync with URL (as `settle init --remote URL` "
                     "does), then sync")
        ->option_text("URL");
    command->add_flag("--encrypt", options->encrypt,
                      "With --setup: keep only ciphertext on the remote (git-remote-gcrypt and "
                      "GnuPG)");
    command
        ->add_option("--key", options->key, "With --setup --encrypt: the GnuPG key to encrypt to")
        ->option_text("KEY");
    command->footer(R"(Commits what is pending (new entries, revisits, edits; messages hold no
entry text), fetches, merges and pushes. The same entry answered on two
devices is merged; a prediction answered two ways keeps both answers until
`settle revisit` asks which stands; anything else settle cannot merge keeps
both versions in the file and is listed. Offline, nothing here changes. See
settle-sync(1).

--setup URL sets up an existing journal to sync (with --encrypt, through
an encrypted remote; settle helps make a GnuPG key and says what to back up).

Examples:
  settle init --git --remote git@example.org:me/journal.git
  settle sync
  settle sync --setup ssh://host/srv/journal.git --encrypt
  settle sync --check)");
    command->callback([&context, options] { run_sync(context, *options); });
}

void setup_merge_entry(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("__merge-entry", "git's merge driver for entry files");
    command->group(""); // hidden: git calls it, people need not
    auto files = std::make_shared<std::vector<std::string>>();
    command->add_option("files", *files, "BASE OURS THEIRS [PATH]")->expected(3, 4)->required();
    command->callback([&context, files] { context.exit_status = run_merge_entry(*files); });
}

void sync_in_background_if_asked(Context& context) {
    if (!context.settings().git_auto_sync.value)
        return;
    start_detached({own_executable(), "--journal", context.journal().root().string(), "sync"});
}

void commit_rewrite_if_asked(Context& context, const fs::path& file, const Entry& entry,
                             std::string_view what) {
    if (context.settings().git_auto_commit.value)
        commit_rewrite(context.journal().root(), file, entry, what);
    sync_in_background_if_asked(context);
}

} // namespace settle::cli
