#include "cli/sync/git.hpp"
#include "cli/terminal/pager.hpp"

#include "cli/process.hpp"
#include "core/atomic_file.hpp"
#include "core/display.hpp"
#include "core/journal.hpp"

#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <random>
#include <unistd.h>

namespace settle::cli {

namespace {

// Entries stay LF on every system (an editor on Windows may write CRLF,
// which settle reads but git should not churn on) and diff as text. Two
// devices' answers to the same entry are merged by settle itself.
constexpr std::string_view kGitAttributes =
    "# settle journal: entries are plain text with LF line ends everywhere.\n"
    "*.md text eol=lf diff=markdown\n"
    "# Answers given to the same entry on two devices are merged by settle.\n"
    "*.md merge=settle-entry\n";
constexpr std::string_view kMergeAttribute = "*.md merge=settle-entry";

// settle's own temporary and editing copies are never entries.
constexpr std::string_view kGitIgnore = "# settle's temporary and editing copies\n"
                                        ".settle-*\n";

constexpr std::string_view kDeviceFile = ".git/settle-device";
// Consonants only: a tag never spells a word and is never all digits (which
// would read as the "-N" of a second entry in the same second).
constexpr std::string_view kTagLetters = "bcdfghjkmnpqrstvwxz";
constexpr size_t kTagLength = 4;

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

bool valid_tag(std::string_view tag) {
    return tag.size() == kTagLength && tag.find_first_not_of(kTagLetters) == std::string::npos;
}

// For a shell that git starts the merge driver with: one single-quoted word.
std::string shell_quoted(std::string_view word) {
    std::string quoted = "'";
    for (char c : word)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

bool commit_file(const fs::path& root, const fs::path& file, const std::string& message,
                 std::string_view saved_what) {
    auto not_committed = [&](const std::string& why) {
        print_message(fmt::format("settle: not committed to git ({}); the {} itself is saved.\n",
                                  neutralize_controls(why), saved_what));
        return false;
    };
    auto top = run_git(root, {"rev-parse", "--show-toplevel"});
    if (!top.started)
        return not_committed("git is not installed (or not on PATH)");
    if (top.status != 0)
        return not_committed(fmt::format("{} is not a git repository (`settle init --git` makes "
                                         "it one)",
                                         root.string()));
    if (!is_repository_top(root))
        return not_committed(fmt::format(
            "{} is inside the repository {}, and settle commits only into a journal's own "
            "repository; `settle init --git` gives it one",
            root.string(), top.output.substr(0, top.output.find('\n'))));
    auto relative = file.lexically_relative(root).string();
    auto added = run_git(root, {"add", "--", relative});
    if (added.status != 0)
        return not_committed("git add said: " + git_last_line(added.output));
    // Naming the path commits only this entry, whatever else is staged.
    auto committed = run_git(root, {"commit", "-q", "-m", message, "--", relative});
    if (committed.status != 0)
        return not_committed("git commit said: " + git_last_line(committed.output));
    return true;
}

} // namespace

ProgramRun run_git(const fs::path& folder, std::vector<std::string> arguments,
                   std::vector<std::pair<std::string, std::string>> environment) {
    std::vector<std::string> argv = {"git", "-C", folder.string()};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    RunOptions options;
    options.capture = true;
    options.environment = std::move(environment);
    return run_program(argv, options);
}

std::string git_last_line(const std::string& output) {
    auto end = output.find_last_not_of("\r\n");
    if (end == std::string::npos)
        return "no message";
    auto start = output.rfind('\n', end);
    auto line = output.substr(start == std::string::npos ? 0 : start + 1,
                              end - (start == std::string::npos ? 0 : start + 1) + 1);
    if (line.rfind("fatal: ", 0) == 0 || line.rfind("error: ", 0) == 0)
        line = line.substr(line.find(' ') + 1);
    return line;
}

std::optional<fs::path> repository_top(const fs::path& folder) {
    auto top = run_git(folder, {"rev-parse", "--show-toplevel"});
    if (!top.started || top.status != 0)
        return std::nullopt;
    return fs::path(top.output.substr(0, top.output.find('\n')));
}

bool is_repository_top(const fs::path& folder) {
    auto top = repository_top(folder);
    std::error_code ec;
    return top && fs::equivalent(*top, folder, ec);
}

std::string own_executable() {
    std::array<char, PATH_MAX> buffer{};
    auto length = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
    if (length <= 0)
        return "settle";
    return std::string(buffer.data(), static_cast<size_t>(length));
}

std::optional<std::vector<int>> git_processes_in(const fs::path& root) {
    std::error_code ec;
    if (!fs::exists("/proc/self/cwd", ec))
        return std::nullopt;
    auto top = fs::canonical(root, ec);
    if (ec)
        return std::nullopt;
    std::vector<int> found;
    for (const auto& item : fs::directory_iterator("/proc", ec)) {
        auto name = item.path().filename().string();
        if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        int pid = std::atoi(name.c_str());
        if (pid == ::getpid())
            continue;
        std::ifstream comm_file(item.path() / "comm");
        std::string comm;
        std::getline(comm_file, comm);
        if (comm != "git" && comm.rfind("git-", 0) != 0)
            continue;
        std::error_code look;
        auto cwd = fs::read_symlink(item.path() / "cwd", look);
        if (look) // gone, or another user's (who cannot work in a 0700 journal)
            continue;
        auto inside = cwd.lexically_relative(top);
        if (!inside.empty() && *inside.begin() != "..")
            found.push_back(pid);
    }
    return found;
}

bool install_merge_driver(const fs::path& root) {
    // git runs this with a shell. Should the binary have moved since (an
    // upgrade), git's own line merge steps in, so nothing is ever resolved
    // by keeping one side.
    auto driver = shell_quoted(own_executable()) +
                  " __merge-entry %O %A %B %P || { s=$?; [ $s -lt 126 ] || exec git merge-file -L "
                  "'this device' -L before -L 'other device' %A %O %B; exit $s; }";
    for (auto [key, value] :
         {std::pair<std::string, std::string>{"merge.settle-entry.name", "settle journal entries"},
          std::pair<std::string, std::string>{"merge.settle-entry.driver", driver}}) {
        auto now = run_git(root, {"config", "--local", "--get", key});
        if (now.status == 0 && now.output == value + "\n")
            continue;
        auto set = run_git(root, {"config", "--local", key, value});
        if (set.status != 0)
            throw RuntimeError("git could not be configured: " + git_last_line(set.output));
    }
    auto attributes = root / ".gitattributes";
    if (write_if_missing(attributes, kGitAttributes))
        return true;
    auto text = read_small_file(attributes, ".gitattributes");
    if (!text)
        throw RuntimeError(text.error().located());
    if (text->find(kMergeAttribute) != std::string::npos)
        return false;
    std::string updated = *text;
    if (!updated.empty() && updated.back() != '\n')
        updated += '\n';
    updated += "# Answers given to the same entry on two devices are merged by settle.\n";
    updated += std::string(kMergeAttribute) + "\n";
    auto replaced = replace_file_if_unchanged(root, attributes, *text, updated);
    if (!replaced)
        throw RuntimeError(replaced.error().located());
    return *replaced == Replaced::done;
}

std::string device_tag(const fs::path& root) {
    auto text = read_small_file(root / kDeviceFile, std::string(kDeviceFile));
    if (!text)
        return "";
    auto tag = text->substr(0, text->find('\n'));
    return valid_tag(tag) ? tag : "";
}

std::string ensure_device_tag(const fs::path& root) {
    if (auto tag = device_tag(root); !tag.empty())
        return tag;
    // A tag no entry name already carries: another device's, most likely.
    std::vector<std::string> names;
    for (const auto& file : Journal(root).files())
        names.push_back(file.id);
    std::random_device random;
    std::string tag;
    for (int attempt = 0; attempt < 100; ++attempt) {
        tag.clear();
        for (size_t i = 0; i < kTagLength; ++i)
            tag += kTagLetters[random() % kTagLetters.size()];
        bool taken = false;
        for (const auto& name : names)
            taken = taken || name.find("-" + tag) != std::string::npos;
        if (!taken)
            break;
    }
    auto path = root / kDeviceFile;
    auto temporary = path;
    temporary += fmt::format(".{}", ::getpid());
    ::unlink(temporary.c_str());
    if (!write_if_missing(temporary, tag + "\n") || ::rename(temporary.c_str(), path.c_str()) != 0)
        throw RuntimeError(fmt::format("cannot write {}", path.string()));
    return tag;
}

std::string commit_message(const Entry& entry) {
    return fmt::format("{} {}", to_string(entry.kind()),
                       date::format("%Y-%m-%d %H:%M", entry.created.local()));
}

void start_repository(const fs::path& folder) {
    bool existed = is_repository_top(folder);
    if (!existed) {
        auto init = run_git(folder, {"init", "-q"});
        if (!init.started)
            throw RuntimeError("git is not installed (or not on PATH); the journal folder is "
                               "ready, without a repository");
        if (init.status != 0)
            throw RuntimeError("git init failed: " + git_last_line(init.output));
    }
    std::vector<std::string> written;
    if (install_merge_driver(folder))
        written.emplace_back(".gitattributes");
    if (write_if_missing(folder / ".gitignore", kGitIgnore))
        written.emplace_back(".gitignore");
    print_message(fmt::format("{} git repository in {}.\n", existed ? "Using the" : "Started a",
                              neutralize_controls(folder.string())));
    if (written.empty())
        return;
    std::vector<std::string> add = {"add", "--"};
    add.insert(add.end(), written.begin(), written.end());
    std::vector<std::string> commit = {"commit", "-q", "-m", "settle journal: git settings", "--"};
    commit.insert(commit.end(), written.begin(), written.end());
    auto added = run_git(folder, add);
    auto committed = added.status == 0 ? run_git(folder, commit) : added;
    if (committed.status != 0)
        print_message(fmt::format("Wrote {} but git could not commit {}: {}\n"
                                  "Once that is sorted out, `git commit` will pick {} up.\n",
                                  fmt::join(written, " and "), written.size() == 1 ? "it" : "them",
                                  neutralize_controls(git_last_line(committed.output)),
                                  written.size() == 1 ? "it" : "them"));
}

bool commit_entry(const fs::path& root, const fs::path& file, const Entry& entry) {
    return commit_file(root, file, commit_message(entry), "entry");
}

bool commit_rewrite(const fs::path& root, const fs::path& file, const Entry& entry,
                    std::string_view what) {
    return commit_file(root, file, fmt::format("{} {}", what, commit_message(entry)), "change");
}

} // namespace settle::cli
