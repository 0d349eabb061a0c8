#include "atomic_file.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <limits>
#include <random>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace settle {

namespace {

std::string errno_text(int err) {
    return std::strerror(err);
}

Error os_error(const fs::path& path, std::string_view action, int err) {
    return Error{fmt::format("could not {} {}: {}", action, path.string(), errno_text(err))};
}

class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

  private:
    int fd_;
};

Status fsync_folder(int folder, const fs::path& shown) {
    if (::fsync(folder) != 0)
        return os_error(shown, "sync folder", errno);
    return success();
}

// The pid in the name lets a later writer tell a live write from a dead one.
std::string temp_name() {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    return fmt::format("{}{}-{:016x}", kTempPrefix, ::getpid(), rng());
}

// Writes `contents` to a new private temporary file in the open folder
// `folder` (`shown` names it in messages) and syncs it. Returns its name.
Expected<std::string> write_temp_file(int folder, const fs::path& shown,
                                      std::string_view contents) {
    std::string temp;
    int raw = -1;
    for (int attempt = 0; attempt < 100 && raw < 0; ++attempt) {
        temp = temp_name();
        raw = ::openat(folder, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                       kFileMode);
        if (raw < 0 && errno != EEXIST)
            return os_error(shown / temp, "create", errno);
    }
    if (raw < 0)
        return os_error(shown / temp, "create", EEXIST);
    FileDescriptor fd(raw);
    auto fail = [&](std::string_view action) {
        int err = errno;
        ::unlinkat(folder, temp.c_str(), 0);
        return os_error(shown / temp, action, err);
    };
    // The umask may have narrowed the mode further, never widened it; set
    // it exactly so the file is the person's alone.
    if (::fchmod(fd.get(), kFileMode) != 0)
        return fail("set permissions on");
    size_t written = 0;
    while (written < contents.size()) {
        auto n = ::write(fd.get(), contents.data() + written, contents.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail("write");
        }
        written += static_cast<size_t>(n);
    }
    if (::fsync(fd.get()) != 0)
        return fail("sync");
    if (::close(fd.release()) != 0)
        return fail("close");
    return temp;
}

// A folder settle writes into must be the person's alone, as ssh asks of
// ~/.ssh: owned by them and writable by no one else. Otherwise someone else
// could swap what is in it, or read what is written there.
Status check_private(int fd, const fs::path& shown) {
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return os_error(shown, "look at", errno);
    if (st.st_uid != ::geteuid())
        return Error{fmt::format("{} belongs to another user (uid {}); settle saves only into "
                                 "folders that are yours",
                                 shown.string(), st.st_uid)};
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0)
        return Error{fmt::format("{} can be written by {} (mode {:04o}); settle saves only into "
                                 "folders that are yours alone: chmod go-w {}",
                                 shown.string(), (st.st_mode & S_IWOTH) ? "anyone" : "its group",
                                 st.st_mode & 07777, shown.string())};
    return success();
}

// Creates `folder` and its missing parents (mode 0700) by path: the
// folders above the journal are the person's own choice, links included.
Status make_folders_by_path(const fs::path& folder) {
    std::vector<fs::path> missing;
    for (fs::path p = folder; !p.empty(); p = p.parent_path()) {
        struct stat st {};
        if (::stat(p.c_str(), &st) == 0) {
            if (!S_ISDIR(st.st_mode))
                return Error{fmt::format("{} exists and is not a folder", p.string())};
            break;
        }
        missing.push_back(p);
        if (p == p.parent_path())
            break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), kFolderMode) != 0) {
            if (errno == EEXIST)
                continue;
            return os_error(*it, "create folder", errno);
        }
        if (::chmod(it->c_str(), kFolderMode) != 0)
            return os_error(*it, "set permissions on", errno);
    }
    return success();
}

} // namespace

OpenFolder::~OpenFolder() {
    if (fd_ >= 0)
        ::close(fd_);
}

OpenFolder::OpenFolder(OpenFolder&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

Expected<OpenFolder> open_journal_folder(const fs::path& root, const fs::path& folder,
                                         bool create) {
    auto relative = folder.lexically_relative(root);
    bool inside = !relative.empty() && *relative.begin() != "..";
    // A folder outside the journal (a file the person named by its path)
    // is theirs to choose; only the way down from the journal is guarded.
    const fs::path& top = inside ? root : folder;
    if (create)
        if (auto made = make_folders_by_path(top); !made)
            return made.error();
    OpenFolder current(::open(top.empty() ? "." : top.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC),
                       top);
    if (current.fd() < 0)
        return os_error(top, "open folder", errno);
    if (!inside)
        return current;
    if (auto mine = check_private(current.fd(), top); !mine)
        return mine.error();
    for (const auto& part : relative) {
        if (part == "." || part.empty())
            continue;
        if (part == "..")
            return Error{fmt::format("{} is not inside the journal", folder.string())};
        auto shown = current.path() / part;
        int fd =
            ::openat(current.fd(), part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        bool made = false;
        if (fd < 0 && errno == ENOENT && create) {
            if (::mkdirat(current.fd(), part.c_str(), kFolderMode) == 0)
                made = true;
            else if (errno != EEXIST)
                return os_error(shown, "create folder", errno);
            fd = ::openat(current.fd(), part.c_str(),
                          O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (fd < 0) {
            int err = errno;
            struct stat st {};
            if (::fstatat(current.fd(), part.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
                if (S_ISLNK(st.st_mode))
                    return Error{fmt::format("{} is a symbolic link; settle writes only to real "
                                             "folders inside the journal",
                                             shown.string())};
                if (!S_ISDIR(st.st_mode))
                    return Error{fmt::format("{} exists and is not a folder", shown.string())};
            }
            return os_error(shown, "open folder", err);
        }
        OpenFolder next(fd, shown);
        // What mkdirat made is checked as it is opened: whatever sits at
        // the name now must still be the person's alone.
        if (made) {
            struct stat st {};
            if (::fstat(fd, &st) == 0 && st.st_uid == ::geteuid())
                ::fchmod(fd, kFolderMode);
            if (auto synced = fsync_folder(current.fd(), current.path()); !synced)
                return synced.error();
        }
        if (auto mine = check_private(fd, shown); !mine)
            return mine.error();
        current = std::move(next);
    }
    return current;
}

Expected<fs::path> create_file_atomically(const OpenFolder& folder, std::string_view contents,
                                          const std::function<std::string(int)>& name_for) {
    auto temp = write_temp_file(folder.fd(), folder.path(), contents);
    if (!temp)
        return temp.error();
    const int dir = folder.fd();
    for (int n = 1; n < 10000; ++n) {
        auto name = name_for(n);
        fs::path target = folder.path() / name;
        // RENAME_NOREPLACE makes "take this name unless it is taken" one
        // atomic step, so two writers in the same second never collide;
        // both names are relative to the one open folder, so a folder
        // swapped for a link meanwhile changes nothing.
        if (::renameat2(dir, temp->c_str(), dir, name.c_str(), RENAME_NOREPLACE) == 0) {
            if (auto synced = fsync_folder(dir, folder.path()); !synced)
                return synced.error();
            return target;
        }
        if (errno == EEXIST)
            continue;
        if (errno == EINVAL || errno == ENOSYS) {
            // A file system without RENAME_NOREPLACE: link() also refuses
            // to replace, then the temporary name is dropped.
            if (::linkat(dir, temp->c_str(), dir, name.c_str(), 0) == 0) {
                ::unlinkat(dir, temp->c_str(), 0);
                if (auto synced = fsync_folder(dir, folder.path()); !synced)
                    return synced.error();
                return target;
            }
            if (errno == EEXIST)
                continue;
        }
        int err = errno;
        ::unlinkat(dir, temp->c_str(), 0);
        return os_error(target, "create", err);
    }
    ::unlinkat(dir, temp->c_str(), 0);
    return Error{fmt::format("could not find a free file name in {}", folder.path().string())};
}

namespace {

// Whether the open file holds exactly `expected`.
Expected<bool> holds(int fd, const fs::path& path, std::string_view expected) {
    std::string current(expected.size() + 1, '\0');
    size_t got = 0;
    while (got < current.size()) {
        auto n = ::read(fd, current.data() + got, current.size() - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return os_error(path, "read", errno);
        if (n == 0)
            break;
        got += static_cast<size_t>(n);
    }
    return std::string_view(current.data(), got) == expected;
}

} // namespace

Expected<Replaced> replace_file_if_unchanged(const fs::path& root, const fs::path& target,
                                             std::string_view expected, std::string_view contents) {
    auto opened = open_journal_folder(root, target.parent_path(), false);
    if (!opened)
        return opened.error();
    const int dir = opened->fd();
    const std::string name = target.filename().string();
    // Every settle that rewrites an entry holds this lock from the check to
    // the rename, so two rewrites cannot both start from the same text.
    for (int attempt = 0; attempt < 20; ++attempt) {
        FileDescriptor fd(::openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
        if (fd.get() < 0)
            return errno == ENOENT ? Replaced::changed_meanwhile
                                   : Expected<Replaced>(os_error(target, "open", errno));
        while (::flock(fd.get(), LOCK_EX) != 0)
            if (errno != EINTR)
                return os_error(target, "lock", errno);
        struct stat held {
        }, named{};
        if (::fstat(fd.get(), &held) != 0)
            return os_error(target, "look at", errno);
        if (::fstatat(dir, name.c_str(), &named, AT_SYMLINK_NOFOLLOW) != 0)
            return errno == ENOENT ? Replaced::changed_meanwhile
                                   : Expected<Replaced>(os_error(target, "look at", errno));
        if (held.st_ino != named.st_ino || held.st_dev != named.st_dev)
            continue; // replaced while this one waited: lock the new file
        auto same = holds(fd.get(), target, expected);
        if (!same)
            return same.error();
        if (!*same)
            return Replaced::changed_meanwhile;
        auto temp = write_temp_file(dir, opened->path(), contents);
        if (!temp)
            return temp.error();
        if (::renameat(dir, temp->c_str(), dir, name.c_str()) != 0) {
            int err = errno;
            ::unlinkat(dir, temp->c_str(), 0);
            return os_error(target, "replace", err);
        }
        if (auto synced = fsync_folder(dir, opened->path()); !synced)
            return synced.error();
        return Replaced::done;
    }
    return Replaced::changed_meanwhile;
}

Status write_file_replacing(const fs::path& target, std::string_view contents) {
    auto folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    auto name = target.filename();
    FileDescriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0)
        return os_error(folder, "open folder", errno);
    auto temp = write_temp_file(dir.get(), folder, contents);
    if (!temp)
        return temp.error();
    if (::renameat(dir.get(), temp->c_str(), dir.get(), name.c_str()) != 0) {
        int err = errno;
        ::unlinkat(dir.get(), temp->c_str(), 0);
        return os_error(target, "write", err);
    }
    return fsync_folder(dir.get(), folder);
}

Status make_private_folders(const fs::path& root, const fs::path& folder) {
    auto opened = open_journal_folder(root, folder, true);
    if (!opened)
        return opened.error();
    return success();
}

int remove_stale_temp_files(const OpenFolder& folder) {
    int removed = 0;
    int fd = ::openat(folder.fd(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    DIR* dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return 0;
    }
    while (auto* item = ::readdir(dir)) {
        std::string_view name = item->d_name;
        if (name.substr(0, kTempPrefix.size()) != kTempPrefix)
            continue;
        if (!writer_is_gone(name.substr(kTempPrefix.size())))
            continue;
        if (::unlinkat(folder.fd(), item->d_name, 0) == 0)
            ++removed;
    }
    ::closedir(dir);
    return removed;
}

bool writer_is_gone(std::string_view pid_and_rest) {
    std::string pid_text(pid_and_rest.substr(0, pid_and_rest.find('-')));
    char* end = nullptr;
    long pid = std::strtol(pid_text.c_str(), &end, 10);
    if (pid_text.empty() || *end != '\0' || pid <= 0 || pid > std::numeric_limits<pid_t>::max())
        return false;
    // A live writer's file is still being written; leave it alone.
    return !(::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

} // namespace settle
