#include "git.hpp"

#include "core/atomic_file.hpp"
#include "core/display.hpp"
#include "process.hpp"

#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

namespace settle::cli {

namespace {

// Entries stay LF on every system (an editor on Windows may write CRLF,
// which settle reads but git should not churn on) and diff as text.
constexpr std::string_view kGitAttributes =
    "# settle journal: entries are plain text with LF line ends everywhere.\n"
    "*.md text eol=lf diff=markdown\n";

// settle's own temporary and editing copies are never entries.
constexpr std::string_view kGitIgnore = "# settle's temporary and editing copies\n"
                                        ".settle-*\n";

ProgramRun git(const fs::path& folder, std::vector<std::string> arguments) {
    std::vector<std::string> argv = {"git", "-C", folder.string()};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    RunOptions options;
    options.capture = true;
    return run_program(argv, options);
}

// git's last message line, for telling the person what went wrong.
std::string last_line(const std::string& output) {
    auto end = output.find_last_not_of("\r\n");
    if (end == std::string::npos)
        return "no message";
    auto start = output.rfind('\n', end);
    auto line = output.substr(start == std::string::npos ? 0 : start + 1, end - start);
    if (line.rfind("fatal: ", 0) == 0 || line.rfind("error: ", 0) == 0)
        line = line.substr(line.find(' ') + 1);
    return line;
}

// Writes a small private file unless one is already there. Returns whether
// it was written.
bool write_if_missing(const fs::path& path, std::string_view text) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, kFileMode);
    if (fd < 0) {
        if (errno == EEXIST)
            return false;
        throw RuntimeError(
            fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
    }
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ok = ::fsync(fd) == 0 && ok;
    ::close(fd);
    if (!ok)
        throw RuntimeError(fmt::format("cannot write {}", path.string()));
    return true;
}

bool is_repository_top(const fs::path& folder) {
    auto top = git(folder, {"rev-parse", "--show-toplevel"});
    if (!top.started || top.status != 0)
        return false;
    std::error_code ec;
    auto shown = top.output.substr(0, top.output.find('\n'));
    return fs::equivalent(fs::path(shown), folder, ec);
}

} // namespace

std::string commit_message(const Entry& entry) {
    return fmt::format("{} {}", to_string(entry.kind()),
                       date::format("%Y-%m-%d %H:%M", entry.created.local()));
}

void start_repository(const fs::path& folder) {
    bool existed = is_repository_top(folder);
    if (!existed) {
        auto init = git(folder, {"init", "-q"});
        if (!init.started)
            throw RuntimeError("git is not installed (or not on PATH); the journal folder is "
                               "ready, without a repository");
        if (init.status != 0)
            throw RuntimeError("git init failed: " + last_line(init.output));
    }
    std::vector<std::string> written;
    for (auto [name, text] :
         {std::pair{".gitattributes", kGitAttributes}, std::pair{".gitignore", kGitIgnore}})
        if (write_if_missing(folder / name, text))
            written.emplace_back(name);
    fmt::print(stderr, "{} git repository in {}.\n", existed ? "Using the" : "Started a",
               neutralize_controls(folder.string()));
    if (written.empty())
        return;
    std::vector<std::string> add = {"add", "--"};
    add.insert(add.end(), written.begin(), written.end());
    std::vector<std::string> commit = {"commit", "-q", "-m", "settle journal: git settings", "--"};
    commit.insert(commit.end(), written.begin(), written.end());
    auto added = git(folder, add);
    auto committed = added.status == 0 ? git(folder, commit) : added;
    if (committed.status != 0)
        fmt::print(stderr,
                   "Wrote {} but git could not commit {}: {}\n"
                   "Once that is sorted out, `git commit` will pick {} up.\n",
                   fmt::join(written, " and "), written.size() == 1 ? "it" : "them",
                   neutralize_controls(last_line(committed.output)),
                   written.size() == 1 ? "it" : "them");
}

bool commit_entry(const fs::path& root, const fs::path& file, const Entry& entry) {
    auto not_committed = [](const std::string& why) {
        fmt::print(stderr, "settle: not committed to git ({}); the entry itself is saved.\n",
                   neutralize_controls(why));
        return false;
    };
    auto inside = git(root, {"rev-parse", "--is-inside-work-tree"});
    if (!inside.started)
        return not_committed("git is not installed (or not on PATH)");
    if (inside.status != 0)
        return not_committed(fmt::format("{} is not a git repository (`settle init --git` makes "
                                         "it one)",
                                         root.string()));
    auto relative = file.lexically_relative(root).string();
    auto added = git(root, {"add", "--", relative});
    if (added.status != 0)
        return not_committed("git add said: " + last_line(added.output));
    // Naming the path commits only this entry, whatever else is staged.
    auto committed = git(root, {"commit", "-q", "-m", commit_message(entry), "--", relative});
    if (committed.status != 0)
        return not_committed("git commit said: " + last_line(committed.output));
    return true;
}

} // namespace settle::cli
