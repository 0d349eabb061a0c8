#include "journal_scan.hpp"

#include "fast_frontmatter.hpp"
#include "journal.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
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

// Sub-folders of `folder` named by `width` digits (a link to a folder
// counts), with their numbers, in number order.
std::vector<std::pair<int, fs::path>> numbered_folders(const fs::path& folder, size_t width) {
    std::vector<std::pair<int, fs::path>> found;
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(folder, ec)) {
        auto name = item.path().filename().string();
        int number = name.size() == width ? digits_value(name) : -1;
        if (number >= 0 && item.is_directory(ec))
            found.emplace_back(number, item.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

int month_index(date::sys_days day) {
    date::year_month_day ymd{day};
    return int(ymd.year()) * 12 + int(unsigned(ymd.month()));
}

bool in_range(const std::optional<date::sys_days>& day, const ScanRange& range) {
    return !day || ((!range.first || *day >= *range.first) && (!range.last || *day <= *range.last));
}

// Where an entry file sorts among those of its month: in the order they
// were written. That is name order, except that the "-2", "-3", ... a writer
// adds when a name is taken come right after that name and in number order
// ("-pause.md", "-pause-2.md", ..., "-pause-10.md"), where plain name order
// would put "-pause-2.md" first. Worked out once per file, from its ID.
struct WrittenOrder {
    std::string_view base; // the ID without its "-N"
    int n;                 // 1 for an ID without "-N"
    std::string_view id;

    explicit WrittenOrder(std::string_view entry_id) : base(entry_id), n(1), id(entry_id) {
        auto dash = id.rfind('-');
        if (dash == std::string_view::npos)
            return;
        auto digits = id.substr(dash + 1);
        int value = digits.size() <= 4 ? digits_value(digits) : -1;
        if (value >= 0) {
            base = id.substr(0, dash);
            n = value;
        }
    }
    bool operator<(const WrittenOrder& other) const {
        return std::tie(base, n, id) < std::tie(other.base, other.n, other.id);
    }
};

// An entry file's name in a month folder, as readdir gave it.
struct EntryName {
    std::string name;   // "2026-11-27-211403-pause.md"
    unsigned char type; // readdir's d_type
    std::string_view id() const { return std::string_view(name).substr(0, name.size() - 3); }
};

bool is_hidden_name(std::string_view name) {
    return name.size() > 1 && name.front() == '.' && name != "..";
}

// Calls `visit(folder, item)` for each name in the month folder, then
// `then(folder)` while the folder is still open. A folder that cannot be
// listed holds no entries, as for Journal::files.
template <typename Visit, typename Then>
void each_name(const MonthFolder& month, Visit visit, Then then) {
    int folder = ::open(month.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder < 0)
        return;
    DIR* listing = ::fdopendir(folder);
    if (!listing) {
        ::close(folder);
        return;
    }
    struct Closer {
        DIR* listing;
        ~Closer() { ::closedir(listing); }
    } closer{listing};
    while (const dirent* item = ::readdir(listing))
        visit(folder, item);
    then(folder);
}

template <typename Visit> void each_name(const MonthFolder& month, Visit visit) {
    each_name(month, visit, [](int) {});
}

// Calls `visit(folder, name)` for each entry file in the month folder whose
// name is not outside `range`, in the order they were written. Names are
// sorted before any file is opened, so no entry is moved to be put in
// order. The hidden names go to `hidden` when given, from the same listing.
// A folder that cannot be listed holds no entries, as for Journal::files.
template <typename Visit>
void each_entry_in_written_order(const MonthFolder& month, const ScanRange& range, Visit visit,
                                 std::vector<std::string>* hidden = nullptr) {
    std::vector<EntryName> names;
    auto list = [&](int, const dirent* item) {
        std::string_view name = item->d_name;
        if (is_entry_name(name) && in_range(date_in_file_name(name), range))
            names.push_back(EntryName{std::string(name), item->d_type});
        else if (hidden && is_hidden_name(name))
            hidden->emplace_back(name);
    };
    auto in_order = [&](int folder) {
        std::vector<std::pair<WrittenOrder, const EntryName*>> order;
        order.reserve(names.size());
        for (const auto& name : names)
            order.emplace_back(WrittenOrder(name.id()), &name);
        std::sort(order.begin(), order.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [written, name] : order)
            visit(folder, *name);
    };
    each_name(month, list, in_order);
}

EntryFile entry_file(const MonthFolder& month, std::string_view name) {
    EntryFile file;
    file.path = month.path / name;
    file.relative = month.relative;
    file.relative += name;
    file.id = name.substr(0, name.size() - 3);
    return file;
}

// One file, read with the reader's buffer (which keeps its memory from file
// to file). `type` is readdir's d_type, which lets links, FIFOs and devices
// be refused unopened.
Expected<Entry> read_entry_at(int folder, const MonthFolder& month, const char* name,
                              unsigned char type, std::string& buffer, std::mutex& yaml_lock) {
    auto status = read_small_file_at(folder, name, buffer, type);
    if (!status)
        return error_at(month.relative + name, 0, status.error().message);
    // Nearly every file is one the shortcut reads, without a lock.
    // yaml-cpp does not promise to be safe on several threads at once, and
    // the few files that need it are not worth finding out.
    if (auto entry = read_canonical_entry(buffer))
        return std::move(*entry);
    std::lock_guard lock(yaml_lock);
    return read_entry_text(buffer, month.relative + name);
}

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

ScanRange files_for(const Period& period) {
    auto day_of = [](LocalSeconds local) {
        return date::sys_days{std::chrono::floor<date::days>(local).time_since_epoch()};
    };
    ScanRange range;
    if (period.since)
        range.first = day_of(*period.since) - date::days{1};
    if (period.until)
        range.last = day_of(*period.until) + date::days{1};
    return range;
}

bool named_in(const Period& period, const std::optional<date::sys_days>& name_date) {
    auto day_of = [](LocalSeconds local) {
        return date::sys_days{std::chrono::floor<date::days>(local).time_since_epoch()};
    };
    return !name_date || ((!period.since || *name_date >= day_of(*period.since)) &&
                          (!period.until || *name_date <= day_of(*period.until)));
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

std::optional<MonthFolder> month_of_id(const fs::path& root, std::string_view id) {
    if (id.size() < 7 || id[4] != '-' || (id.size() > 7 && id[7] != '-'))
        return std::nullopt;
    auto year = id.substr(0, 4), month = id.substr(5, 2);
    if (digits_value(year) < 0 || digits_value(month) < 0)
        return std::nullopt;
    return MonthFolder{root / year / month, fmt::format("{}/{}/", year, month)};
}

std::vector<EntryFile> month_entry_files(const MonthFolder& month) {
    std::vector<EntryFile> files;
    each_entry_in_written_order(month, ScanRange{}, [&](int, const EntryName& name) {
        files.push_back(entry_file(month, name.name));
    });
    return files;
}

std::vector<std::string> hidden_names(const MonthFolder& month) {
    std::vector<std::string> names;
    each_name(month, [&](int, const dirent* item) {
        std::string_view name = item->d_name;
        if (is_hidden_name(name))
            names.emplace_back(name);
    });
    return names;
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
            std::string buffer;
            for (size_t i; (i = next++) < months.size();) {
                each_name(months[i], [&](int folder, const dirent* item) {
                    std::string_view name = item->d_name;
                    if (!is_entry_name(name))
                        return;
                    auto day = date_in_file_name(name);
                    if (!in_range(day, range))
                        return;
                    visit(worker, ScannedFile{read_entry_at(folder, months[i], item->d_name,
                                                            item->d_type, buffer, yaml_lock),
                                              day});
                });
            }
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

std::string_view ReadFile::id() const {
    std::string_view name = relative;
    name.remove_prefix(name.rfind('/') + 1);
    return name.substr(0, name.size() - 3);
}

EntryFile ReadFile::file(const fs::path& root) const {
    EntryFile file;
    file.path = root / relative;
    file.relative = relative;
    file.id = id();
    return file;
}

namespace {

// One month's files, read by a worker, waiting to be handed on in order.
struct MonthRead {
    std::vector<ReadFile> files;
    std::vector<std::string> hidden; // when the request asks for them
    std::exception_ptr failure;
    bool ready = false;
};

MonthRead read_month(const MonthFolder& month, const ReadRequest& request, std::string& buffer,
                     std::mutex& yaml_lock) {
    MonthRead read;
    auto& files = read.files;
    auto visit = [&](int folder, const EntryName& name) {
        auto entry = read_entry_at(folder, month, name.name.c_str(), name.type, buffer, yaml_lock);
        if (entry) {
            if (request.keep && !request.keep(*entry))
                return;
            if (!request.bodies)
                std::string().swap(entry->body);
        }
        auto& file = files.emplace_back(ReadFile{month.relative + name.name, std::move(entry), {}});
        if (request.render && file.entry)
            file.text = request.render(file);
    };
    each_entry_in_written_order(month, request.range, visit,
                                request.hidden ? &read.hidden : nullptr);
    return read;
}

} // namespace

void read_journal(const fs::path& root, const ReadRequest& request,
                  const std::function<void(ReadFile&& file)>& visit) {
    auto months = month_folders(root, request.range);
    if (months.empty())
        return;
    unsigned workers = request.workers == 0 ? default_scan_workers() : request.workers;
    workers = std::clamp(workers, 1u, static_cast<unsigned>(months.size()));
    // Months read but not yet handed on, at most: enough to keep every
    // worker busy while the caller works through one.
    const size_t ahead = size_t{workers} * 2;

    std::vector<MonthRead> reads(months.size());
    std::mutex lock;
    std::condition_variable changed;
    size_t next = 0;   // the next month a worker takes
    size_t handed = 0; // months handed on so far
    bool stop = false;
    std::mutex yaml_lock;

    auto work = [&] {
        std::string buffer;
        for (;;) {
            size_t i = 0;
            {
                std::unique_lock guard(lock);
                changed.wait(
                    guard, [&] { return stop || next >= months.size() || next < handed + ahead; });
                if (stop || next >= months.size())
                    return;
                i = next++;
            }
            MonthRead read;
            try {
                read = read_month(months[i], request, buffer, yaml_lock);
            } catch (...) {
                read.failure = std::current_exception();
            }
            read.ready = true;
            {
                std::lock_guard guard(lock);
                reads[i] = std::move(read);
            }
            changed.notify_all();
        }
    };

    std::vector<std::thread> threads;
    // However this ends (an exception from `visit` included), the workers
    // are told to stop and waited for before their shared state goes.
    struct Joiner {
        std::vector<std::thread>& threads;
        std::mutex& lock;
        std::condition_variable& changed;
        bool& stop;
        ~Joiner() {
            {
                std::lock_guard guard(lock);
                stop = true;
            }
            changed.notify_all();
            for (auto& thread : threads)
                thread.join();
        }
    } joiner{threads, lock, changed, stop};
    for (unsigned worker = 0; worker < workers; ++worker)
        threads.emplace_back(work);

    for (size_t i = 0; i < months.size(); ++i) {
        MonthRead read;
        {
            std::unique_lock guard(lock);
            changed.wait(guard, [&] { return reads[i].ready; });
            read = std::move(reads[i]);
            handed = i + 1;
        }
        changed.notify_all();
        if (read.failure)
            std::rethrow_exception(read.failure);
        if (request.hidden)
            request.hidden(months[i], read.hidden);
        for (auto& file : read.files)
            visit(std::move(file));
    }
}

} // namespace settle
