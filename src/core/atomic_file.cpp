#include "atomic_file.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
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

Status fsync_folder(const fs::path& folder) {
    FileDescriptor fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0)
        return os_error(folder, "open folder", errno);
    if (::fsync(fd.get()) != 0)
        return os_error(folder, "sync folder", errno);
    return success();
}

// The pid in the name lets a later writer tell a live write from a dead one.
std::string temp_name() {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    return fmt::format("{}{}-{:016x}", kTempPrefix, ::getpid(), rng());
}

// Writes `contents` to a new private temporary file in `folder` and syncs it.
Expected<fs::path> write_temp_file(const fs::path& folder, std::string_view contents) {
    fs::path temp;
    int raw = -1;
    for (int attempt = 0; attempt < 100 && raw < 0; ++attempt) {
        temp = folder / temp_name();
        raw = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, kFileMode);
        if (raw < 0 && errno != EEXIST)
            return os_error(temp, "create", errno);
    }
    if (raw < 0)
        return os_error(temp, "create", EEXIST);
    FileDescriptor fd(raw);
    auto fail = [&](std::string_view action) {
        int err = errno;
        ::unlink(temp.c_str());
        return os_error(temp, action, err);
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

} // namespace

Expected<fs::path> create_file_atomically(const fs::path& folder, std::string_view contents,
                                          const std::function<std::string(int)>& name_for) {
    auto temp = write_temp_file(folder, contents);
    if (!temp)
        return temp.error();
    for (int n = 1; n < 10000; ++n) {
        fs::path target = folder / name_for(n);
        // RENAME_NOREPLACE makes "take this name unless it is taken" one
        // atomic step, so two writers in the same second never collide.
        if (::renameat2(AT_FDCWD, temp->c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0) {
            if (auto synced = fsync_folder(folder); !synced)
                return synced.error();
            return target;
        }
        if (errno == EEXIST)
            continue;
        if (errno == EINVAL || errno == ENOSYS) {
            // A file system without RENAME_NOREPLACE: link() also refuses
            // to replace, then the temporary name is dropped.
            if (::link(temp->c_str(), target.c_str()) == 0) {
                ::unlink(temp->c_str());
                if (auto synced = fsync_folder(folder); !synced)
                    return synced.error();
                return target;
            }
            if (errno == EEXIST)
                continue;
        }
        int err = errno;
        ::unlink(temp->c_str());
        return os_error(target, "create", err);
    }
    ::unlink(temp->c_str());
    return Error{fmt::format("could not find a free file name in {}", folder.string())};
}

namespace {

// No folder below `root` on the way to `folder` may be a symbolic link: a
// rewrite must not land outside the journal. (A file named by a path that
// is not below the journal at all is the person's explicit choice.)
Status refuse_links_below(const fs::path& root, const fs::path& folder) {
    auto relative = folder.lexically_relative(root);
    if (relative.empty() || *relative.begin() == "..")
        return success();
    fs::path dir = root;
    for (const auto& part : relative) {
        if (part == ".")
            continue;
        dir /= part;
        struct stat st {};
        if (::lstat(dir.c_str(), &st) != 0)
            return os_error(dir, "look at", errno);
        if (S_ISLNK(st.st_mode))
            return Error{fmt::format("{} is a symbolic link; settle rewrites only files in real "
                                     "folders inside the journal",
                                     dir.string())};
    }
    return success();
}

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
    auto folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (auto inside = refuse_links_below(root, folder); !inside)
        return inside.error();
    // Every settle that rewrites an entry holds this lock from the check to
    // the rename, so two rewrites cannot both start from the same text.
    for (int attempt = 0; attempt < 20; ++attempt) {
        FileDescriptor fd(::open(target.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
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
        if (::lstat(target.c_str(), &named) != 0)
            return errno == ENOENT ? Replaced::changed_meanwhile
                                   : Expected<Replaced>(os_error(target, "look at", errno));
        if (held.st_ino != named.st_ino || held.st_dev != named.st_dev)
            continue; // replaced while this one waited: lock the new file
        auto same = holds(fd.get(), target, expected);
        if (!same)
            return same.error();
        if (!*same)
            return Replaced::changed_meanwhile;
        auto temp = write_temp_file(folder, contents);
        if (!temp)
            return temp.error();
        if (::rename(temp->c_str(), target.c_str()) != 0) {
            int err = errno;
            ::unlink(temp->c_str());
            return os_error(target, "replace", err);
        }
        if (auto synced = fsync_folder(folder); !synced)
            return synced.error();
        return Replaced::done;
    }
    return Replaced::changed_meanwhile;
}

Status make_private_folders(const fs::path& root, const fs::path& folder) {
    // Build the chain from the deepest existing ancestor down to `folder`
    // (the root's own parents too, for a first write to a new journal).
    std::vector<fs::path> chain;
    std::error_code ec;
    for (fs::path p = folder; !p.empty(); p = p.parent_path()) {
        chain.push_back(p);
        if (p == p.parent_path() ||
            (p.string().size() <= root.string().size() && fs::exists(p, ec)))
            break;
    }
    std::reverse(chain.begin(), chain.end());
    for (const auto& dir : chain) {
        struct stat st {};
        if (::lstat(dir.c_str(), &st) == 0) {
            bool inside_root = dir != root && dir.string().size() > root.string().size();
            if (inside_root && S_ISLNK(st.st_mode))
                return Error{fmt::format("{} is a symbolic link; settle writes only to real "
                                         "folders inside the journal",
                                         dir.string())};
            if (S_ISDIR(st.st_mode) || (S_ISLNK(st.st_mode) && fs::is_directory(dir)))
                continue;
            return Error{fmt::format("{} exists and is not a folder", dir.string())};
        }
        if (errno != ENOENT)
            return os_error(dir, "look at", errno);
        if (::mkdir(dir.c_str(), kFolderMode) != 0 && errno != EEXIST)
            return os_error(dir, "create folder", errno);
        if (::chmod(dir.c_str(), kFolderMode) != 0)
            return os_error(dir, "set permissions on", errno);
        if (dir.has_parent_path())
            if (auto synced = fsync_folder(dir.parent_path()); !synced)
                return synced;
    }
    return success();
}

int remove_stale_temp_files(const fs::path& folder) {
    int removed = 0;
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(folder, ec)) {
        auto name = item.path().filename().string();
        if (name.rfind(kTempPrefix, 0) != 0)
            continue;
        auto pid_text = name.substr(kTempPrefix.size());
        pid_t pid = static_cast<pid_t>(std::strtol(pid_text.c_str(), nullptr, 10));
        if (pid <= 0)
            continue;
        // A live writer's file is still being written; leave it alone.
        if (::kill(pid, 0) == 0 || errno == EPERM)
            continue;
        if (::unlink(item.path().c_str()) == 0)
            ++removed;
    }
    return removed;
}

} // namespace settle
