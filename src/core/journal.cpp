#include "journal.hpp"

#include "entry_format.hpp"
#include "entry_writer.hpp"
#include "fast_frontmatter.hpp"
#include "journal_scan.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <optional>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>

namespace settle {

namespace {

fs::path month_folder(const fs::path& root, const Entry& entry) {
    auto day = entry.created.local_date();
    return root / fmt::format("{:04}", int(day.year())) /
           fmt::format("{:02}", unsigned(day.month()));
}

} // namespace

std::string entry_file_name(const Entry& entry, int n, std::string_view tag) {
    auto name = date::format("%Y-%m-%d-%H%M%S-", entry.created.local()) +
                std::string(to_string(entry.kind()));
    if (!tag.empty())
        name += fmt::format("-{}", tag);
    if (n > 1)
        name += fmt::format("-{}", n);
    return name + ".md";
}

Journal::Journal(fs::path root) : root_(std::move(root)) {}

Expected<fs::path> Journal::add(const Entry& entry) const {
    auto text = format_entry_for_saving(entry);
    if (!text)
        return text.error();
    auto folder = open_journal_folder(root_, month_folder(root_, entry), true);
    if (!folder)
        return folder.error();
    remove_stale_temp_files(*folder);
    return create_file_atomically(*folder, *text,
                                  [&](int n) { return entry_file_name(entry, n, name_tag_); });
}

std::vector<EntryFile> Journal::files(const ScanRange& range) const {
    std::vector<EntryFile> result;
    for (const auto& month : month_folders(root_, range)) {
        auto files = month_entry_files(month);
        std::move(files.begin(), files.end(), std::back_inserter(result));
    }
    return result;
}

void Journal::each_file_newest_first(const std::function<bool(EntryFile&)>& visit) const {
    auto months = month_folders(root_, {});
    for (auto month = months.rbegin(); month != months.rend(); ++month) {
        auto files = month_entry_files(*month);
        for (auto file = files.rbegin(); file != files.rend(); ++file)
            if (!visit(*file))
                return;
    }
}

std::vector<EntryFile> Journal::latest_files(size_t count) const {
    std::vector<EntryFile> result;
    if (count > 0)
        each_file_newest_first([&](EntryFile& file) {
            result.push_back(std::move(file));
            return result.size() < count;
        });
    std::reverse(result.begin(), result.end());
    return result;
}

namespace {

// What a hidden name in a month folder is, if settle made it and the settle
// that made it has gone.
std::optional<Leftover> leftover_named(const std::string& name) {
    Leftover found;
    if (name.rfind(kEditCopyPrefix, 0) == 0 && name.size() > 3 &&
        name.compare(name.size() - 3, 3, ".md") == 0) {
        // <pid>-<n>-<id>.md
        std::string_view rest(name);
        rest.remove_prefix(kEditCopyPrefix.size());
        rest.remove_suffix(3);
        auto first = rest.find('-');
        auto second = first == std::string_view::npos ? first : rest.find('-', first + 1);
        if (second == std::string_view::npos || second + 1 >= rest.size())
            return std::nullopt;
        auto number = rest.substr(first + 1, second - first - 1);
        if (number.empty() || !std::all_of(number.begin(), number.end(),
                                           [](unsigned char c) { return std::isdigit(c); }))
            return std::nullopt;
        if (!writer_is_gone(rest))
            return std::nullopt;
        found.edit_copy = true;
        found.entry_id = std::string(rest.substr(second + 1));
        return found;
    }
    if (name.rfind(kTempPrefix, 0) == 0 && writer_is_gone(name.substr(kTempPrefix.size())))
        return found;
    return std::nullopt;
}

// Looked at afresh, after the writer was found gone: a writer renames its
// file before it exits, so a file still there now was truly left behind.
bool still_a_file(const fs::path& path) {
    std::error_code ec;
    return fs::symlink_status(path, ec).type() == fs::file_type::regular;
}

} // namespace

std::optional<Leftover> leftover_in(const MonthFolder& month, const std::string& name) {
    auto found = leftover_named(name);
    auto path = month.path / name;
    if (!found || !still_a_file(path))
        return std::nullopt;
    std::error_code ec;
    found->path = path;
    found->relative = month.relative + name;
    found->written = fs::last_write_time(path, ec);
    return found;
}

std::vector<Leftover> Journal::leftovers(const ScanRange& range) const {
    std::vector<Leftover> result;
    for (const auto& month : month_folders(root_, range))
        for (const auto& name : hidden_names(month))
            if (auto found = leftover_in(month, name))
                result.push_back(std::move(*found));
    std::sort(result.begin(), result.end(),
              [](const Leftover& a, const Leftover& b) { return a.relative < b.relative; });
    return result;
}

std::vector<Leftover> Journal::kept_copies(const EntryFile& file) const {
    std::vector<Leftover> result;
    std::error_code ec;
    auto folder = file.path.parent_path().empty() ? fs::path(".") : file.path.parent_path();
    for (const auto& item : fs::directory_iterator(folder, ec)) {
        auto found = leftover_named(item.path().filename().string());
        if (!found || !found->edit_copy || found->entry_id != file.id || !still_a_file(item.path()))
            continue;
        found->path = item.path();
        found->relative = describe(item.path()).relative;
        found->written = item.last_write_time(ec);
        result.push_back(std::move(*found));
    }
    std::sort(result.begin(), result.end(), [](const Leftover& a, const Leftover& b) {
        return std::tie(a.written, a.relative) < std::tie(b.written, b.relative);
    });
    return result;
}

EntryFile Journal::describe(const fs::path& path) const {
    EntryFile file;
    file.path = path;
    auto relative = path.lexically_relative(root_);
    bool inside = !relative.empty() && *relative.begin() != "..";
    file.relative = inside ? relative.string() : path.string();
    file.id = path.stem().string();
    return file;
}

Status read_small_file_at(int folder, const char* name, std::string& buffer, unsigned char type) {
    // Look before opening: opening a device (a tape, a terminal) can do
    // something by itself. The checks after opening still hold if the file
    // is swapped in between.
    if (type == DT_UNKNOWN) {
        struct stat look {};
        if (::fstatat(folder, name, &look, AT_SYMLINK_NOFOLLOW) == 0)
            type = static_cast<unsigned char>(IFTODT(look.st_mode));
    }
    if (type == DT_LNK)
        return Error{"is a symbolic link; skipped"};
    if (type != DT_REG && type != DT_UNKNOWN)
        return Error{"is not a regular file; skipped"};
    int fd = ::openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return Error{errno == ELOOP ? std::string("is a symbolic link; skipped")
                                    : fmt::format("could not open: {}", std::strerror(errno))};
    struct stat st {};
    Error problem;
    if (::fstat(fd, &st) != 0)
        problem = Error{fmt::format("could not read: {}", std::strerror(errno))};
    else if (!S_ISREG(st.st_mode))
        problem = Error{"is not a regular file; skipped"};
    else if (static_cast<std::uintmax_t>(st.st_size) > kMaxEntryBytes)
        problem = Error{fmt::format("is {} bytes, larger than an entry can be ({} bytes); skipped",
                                    st.st_size, kMaxEntryBytes)};
    else {
        buffer.resize(static_cast<size_t>(st.st_size));
        size_t got = 0;
        while (got < buffer.size()) {
            auto n = ::read(fd, buffer.data() + got, buffer.size() - got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            got += static_cast<size_t>(n);
        }
        buffer.resize(got); // the file may have shrunk while we read
    }
    ::close(fd);
    if (!problem.message.empty())
        return problem;
    return success();
}

Expected<std::string> read_small_file(const fs::path& path, const std::string& shown_path) {
    std::string text;
    if (auto read = read_small_file_at(AT_FDCWD, path.c_str(), text); !read)
        return error_at(shown_path, 0, read.error().message);
    return text;
}

Expected<Entry> Journal::read(const EntryFile& file) const {
    auto text = read_small_file(file.path, file.relative);
    if (!text)
        return text.error();
    return read_entry_text(*text, file.relative);
}

LoadResult load_entries(const Journal& journal, const ReadRequest& request) {
    LoadResult result;
    read_journal(journal.root(), request, [&](ReadFile&& read) {
        if (read.entry)
            result.entries.push_back(
                LoadedEntry{read.file(journal.root()), std::move(*read.entry)});
        else
            result.problems.push_back(std::move(read.entry.error()));
    });
    return result;
}

Expected<EntryFile> Journal::find(std::string_view path_or_id) const {
    std::string wanted(path_or_id);
    std::error_code ec;
    for (const auto& candidate : {fs::path(wanted), root_ / wanted}) {
        if (fs::is_regular_file(candidate, ec) || fs::is_symlink(candidate, ec))
            return describe(candidate);
    }
    if (auto stem = fs::path(wanted).filename(); stem.extension() == ".md")
        wanted = stem.stem().string();
    // An ID starts with its date, and its file is in that month's folder:
    // only that folder is listed. A file someone moved to another folder
    // is still found, by a look through every folder when its own has none.
    std::vector<EntryFile> matches;
    auto match = [&](std::vector<EntryFile> files) -> std::optional<EntryFile> {
        for (auto& file : files) {
            if (file.id == wanted)
                return std::move(file);
            if (file.id.rfind(wanted, 0) == 0)
                matches.push_back(std::move(file));
        }
        return std::nullopt;
    };
    if (auto month = month_of_id(root_, wanted))
        if (auto exact = match(month_entry_files(*month)))
            return *exact;
    if (matches.empty())
        if (auto exact = match(files()))
            return *exact;
    if (matches.size() == 1)
        return matches.front();
    if (matches.empty())
        return Error{fmt::format("no entry \"{}\" in {}; `settle list` shows the IDs", path_or_id,
                                 root_.string())};
    std::string names;
    for (size_t i = 0; i < matches.size() && i < 5; ++i)
        names += "\n  " + matches[i].id;
    if (matches.size() > 5)
        names += fmt::format("\n  ... and {} more", matches.size() - 5);
    return Error{fmt::format("\"{}\" matches {} entries; give more of the ID:{}", path_or_id,
                             matches.size(), names)};
}

} // namespace settle
