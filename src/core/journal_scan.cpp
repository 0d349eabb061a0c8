#include "journal_scan.hpp"

#include "entry_format.hpp"
#include "fast_frontmatter.hpp"
#include "journal.hpp"

#include <algorithm>
#include <atomic>
#include <dirent.h>
#include <exception>
#include <fcntl.h>
#include <fmt/format.h>
#include <limits>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace settle {

namespace {

// The value of `text` if it is all ASCII digits, else -1.
int digits_value(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return text.empty() ? -1 : value;
}

bool is_entry_name(std::string_view name) {
    return name.size() > 3 && name.front() != '.' && name.substr(name.size() - 3) == ".md";
}

struct MonthFolder {
    fs::path path;
    std::string relative; // "2026/11/": how files in it are named in messages
};

// Sub-folders of `folder` named by `width` digits (as Journal::files sees
// them: a link to a folder counts), with their numbers.
std::vector<std::pair<int, fs::path>> numbered_folders(const fs::path& folder, size_t width) {
    std::vector<std::pair<int, fs::path>> found;
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(folder, ec)) {
        auto name = item.path().filename().string();
        int number = name.size() == width ? digits_value(name) : -1;
        if (number >= 0 && item.is_directory(ec))
            found.emplace_back(number, item.path());
    }
    return found;
}

int month_index(date::sys_days day) {
    date::year_month_day ymd{day};
    return int(ymd.year()) * 12 + int(unsigned(ymd.month()));
}

std::vector<MonthFolder> month_folders(const fs::path& root, const ScanRange& range) {
    auto first = range.first ? month_index(*range.first) : 0;
    auto last = range.last ? month_index(*range.last) : std::numeric_limits<int>::max();
    std::vector<MonthFolder> months;
    for (const auto& [year, year_path] : numbered_folders(root, 4)) {
        if (year * 12 + 12 < first || year * 12 + 1 > last)
            continue;
        for (const auto& [month, month_path] : numbered_folders(year_path, 2)) {
            int index = year * 12 + month;
            if (index >= first && index <= last)
                months.push_back(MonthFolder{month_path, fmt::format("{:04}/{:02}/", year, month)});
        }
    }
    return months;
}

bool in_range(const std::optional<date::sys_days>& day, const ScanRange& range) {
    return !day || ((!range.first || *day >= *range.first) && (!range.last || *day <= *range.last));
}

class MonthScanner {
  public:
    MonthScanner(const ScanRange& range, unsigned worker,
                 const std::function<void(unsigned, ScannedFile&&)>& visit, std::mutex& yaml_lock)
        : range_(range), worker_(worker), visit_(visit), yaml_lock_(yaml_lock) {}

    void scan(const MonthFolder& month) {
        int folder = ::open(month.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (folder < 0)
            return; // as in Journal::files: a folder that cannot be listed holds no entries
        DIR* listing = ::fdopendir(folder);
        if (!listing) {
            ::close(folder);
            return;
        }
        while (const dirent* item = ::readdir(listing)) {
            std::string_view name = item->d_name;
            if (!is_entry_name(name))
                continue;
            auto day = date_in_file_name(name);
            if (!in_range(day, range_))
                continue;
            visit_(worker_, ScannedFile{read_entry(folder, month, item), day});
        }
        ::closedir(listing);
    }

  private:
    Expected<Entry> read_entry(int folder, const MonthFolder& month, const dirent* item) {
        // readdir's d_type lets links, FIFOs and devices be refused unopened.
        auto status = read_small_file_at(folder, item->d_name, buffer_, item->d_type);
        if (!status)
            return error_at(month.relative + item->d_name, 0, status.error().message);
        if (auto entry = read_canonical_entry(buffer_))
            return std::move(*entry);
        // yaml-cpp does not promise to be safe on several threads at once,
        // and the few files that need it are not worth finding out.
        std::lock_guard lock(yaml_lock_);
        return parse_entry(buffer_, month.relative + item->d_name);
    }

    const ScanRange& range_;
    unsigned worker_;
    const std::function<void(unsigned, ScannedFile&&)>& visit_;
    std::mutex& yaml_lock_;
    std::string buffer_; // keeps its memory from file to file
};

} // namespace

std::optional<date::sys_days> date_in_file_name(std::string_view name) {
    if (name.size() < 11 || name[4] != '-' || name[7] != '-' || name[10] != '-')
        return std::nullopt;
    int year = digits_value(name.substr(0, 4));
    int month = digits_value(name.substr(5, 2));
    int day = digits_value(name.substr(8, 2));
    if (year < 0 || month < 0 || day < 0)
        return std::nullopt;
    date::year_month_day ymd{date::year{year}, date::month{unsigned(month)},
                             date::day{unsigned(day)}};
    if (!ymd.ok())
        return std::nullopt;
    return date::sys_days{ymd};
}

unsigned default_scan_workers() {
    // Beyond a few threads the disk and the kernel's directory locks, not the
    // parsing, set the pace.
    return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

void scan_journal(const fs::path& root, const ScanRange& range, unsigned workers,
                  const std::function<void(unsigned worker, ScannedFile&& file)>& visit) {
    auto months = month_folders(root, range);
    if (months.empty())
        return;
    workers = std::clamp(workers, 1u, static_cast<unsigned>(months.size()));

    std::atomic<size_t> next{0};
    std::mutex failure_lock;
    std::mutex yaml_lock;
    std::exception_ptr failure;
    auto work = [&](unsigned worker) {
        try {
            MonthScanner scanner(range, worker, visit, yaml_lock);
            for (size_t i; (i = next++) < months.size();)
                scanner.scan(months[i]);
        } catch (...) {
            next = months.size(); // the others stop at their next folder
            std::lock_guard lock(failure_lock);
            failure = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned worker = 1; worker < workers; ++worker)
        threads.emplace_back(work, worker);
    work(0);
    for (auto& thread : threads)
        thread.join();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace settle
