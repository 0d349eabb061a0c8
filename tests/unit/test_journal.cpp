#include "core/atomic_file.hpp"
#include "core/entry_format.hpp"
#include "core/journal.hpp"
#include "core/journal_scan.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <optional>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace settle;
using settle::testing::TempFolder;

namespace {

class ScopedUmask {
  public:
    explicit ScopedUmask(mode_t mask) : previous_(::umask(mask)) {}
    ~ScopedUmask() { ::umask(previous_); }

  private:
    mode_t previous_;
};

Entry pause_at(const char* created) {
    Entry entry;
    entry.created = *parse_rfc3339(created);
    entry.fields = PauseFields{7, 3, Outcome::waited};
    return entry;
}

unsigned mode_of(const fs::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

} // namespace

TEST_CASE("Entries are named from their own local date, time and kind") {
    auto entry = pause_at("2026-11-27T21:14:03-07:00");
    CHECK(entry_file_name(entry, 1) == "2026-11-27-211403-pause.md");
    CHECK(entry_file_name(entry, 3) == "2026-11-27-211403-pause-3.md");
}

TEST_CASE("Writing lands in YYYY/MM with private permissions whatever the umask") {
    for (mode_t mask : {mode_t{022}, mode_t{077}, mode_t{0}}) {
        TempFolder tmp;
        ScopedUmask umask(mask);
        Journal journal(tmp.path() / "journal");
        auto path = journal.add(pause_at("2026-12-01T00:30:00-07:00"));
        REQUIRE(path);
        CHECK(*path == tmp.path() / "journal" / "2026" / "12" / "2026-12-01-003000-pause.md");
        CHECK(mode_of(*path) == 0600);
        CHECK(mode_of(tmp.path() / "journal") == 0700);
        CHECK(mode_of(tmp.path() / "journal" / "2026") == 0700);
        CHECK(mode_of(tmp.path() / "journal" / "2026" / "12") == 0700);
    }
}

TEST_CASE("Two entries in the same second never clobber each other") {
    TempFolder tmp;
    Journal journal(tmp.path());
    auto first = journal.add(pause_at("2026-11-27T21:14:03-07:00"));
    auto second = journal.add(pause_at("2026-11-27T21:14:03-07:00"));
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->filename() == "2026-11-27-211403-pause.md");
    CHECK(second->filename() == "2026-11-27-211403-pause-2.md");
    CHECK(journal.files().size() == 2);
}

TEST_CASE("Many threads writing at once leave distinct, whole entries") {
    TempFolder tmp;
    Journal journal(tmp.path());
    std::vector<std::thread> writers;
    std::vector<int> failures(16, 0);
    for (int i = 0; i < 16; ++i)
        writers.emplace_back([&, i] {
            for (int n = 0; n < 10; ++n)
                if (!journal.add(pause_at("2026-11-27T21:14:03-07:00")))
                    ++failures[static_cast<size_t>(i)];
        });
    for (auto& writer : writers)
        writer.join();
    CHECK(std::count(failures.begin(), failures.end(), 0) == 16);
    auto files = journal.files();
    CHECK(files.size() == 160);
    for (const auto& file : files)
        CHECK(journal.read(file));
}

TEST_CASE("Readers see only entries: not temporary files, .git or stray folders") {
    TempFolder tmp;
    Journal journal(tmp.path());
    REQUIRE(journal.add(pause_at("2026-11-27T21:14:03-07:00")));
    auto month = tmp.path() / "2026" / "11";
    std::ofstream(month / ".settle-tmp-99999999-abc") << "half";
    std::ofstream(month / "notes.txt") << "not an entry";
    fs::create_directories(tmp.path() / ".git" / "11");
    fs::create_directories(tmp.path() / "misc");
    std::ofstream(tmp.path() / "misc" / "x.md") << "---\n";
    std::ofstream(tmp.path() / "README.md") << "my journal\n";
    auto files = journal.files();
    REQUIRE(files.size() == 1);
    CHECK(files[0].relative == "2026/11/2026-11-27-211403-pause.md");
    CHECK(files[0].id == "2026-11-27-211403-pause");
}

TEST_CASE("Temporary files from writers that died are cleaned by the next write") {
    TempFolder tmp;
    Journal journal(tmp.path());
    auto month = tmp.path() / "2026" / "11";
    fs::create_directories(month);
    // PID 2^22+1 is above Linux's pid_max default ceiling, so no such process.
    std::ofstream(month / ".settle-tmp-4194305-0123456789abcdef") << "partial";
    auto live = month / fmt::format(".settle-tmp-{}-0123456789abcdef", ::getpid());
    std::ofstream(live) << "being written";
    REQUIRE(journal.add(pause_at("2026-11-27T21:14:03-07:00")));
    CHECK_FALSE(fs::exists(month / ".settle-tmp-4194305-0123456789abcdef"));
    CHECK(fs::exists(live));
}

TEST_CASE("Writers refuse to follow a symbolic link out of the journal") {
    TempFolder tmp;
    fs::create_directories(tmp.path() / "journal");
    fs::create_directories(tmp.path() / "elsewhere");
    fs::create_directory_symlink(tmp.path() / "elsewhere", tmp.path() / "journal" / "2026");
    Journal journal(tmp.path() / "journal");
    auto written = journal.add(pause_at("2026-11-27T21:14:03-07:00"));
    REQUIRE_FALSE(written);
    CHECK_THAT(written.error().message, Catch::Contains("symbolic link"));
    CHECK(fs::is_empty(tmp.path() / "elsewhere"));
}

TEST_CASE("Finding an entry by path, ID or prefix") {
    TempFolder tmp;
    Journal journal(tmp.path());
    REQUIRE(journal.add(pause_at("2026-11-27T21:14:03-07:00")));
    REQUIRE(journal.add(pause_at("2026-11-28T08:00:00-07:00")));
    CHECK(journal.find("2026-11-27-211403-pause")->id == "2026-11-27-211403-pause");
    CHECK(journal.find("2026-11-27")->id == "2026-11-27-211403-pause");
    CHECK(journal.find("2026/11/2026-11-28-080000-pause.md")->id == "2026-11-28-080000-pause");
    auto ambiguous = journal.find("2026-11");
    REQUIRE_FALSE(ambiguous);
    CHECK_THAT(ambiguous.error().message, Catch::Contains("matches 2 entries"));
    CHECK_FALSE(journal.find("2025"));
}

TEST_CASE("Reading refuses what is not a small regular file") {
    TempFolder tmp;
    Journal journal(tmp.path());
    auto month = tmp.path() / "2026" / "11";
    fs::create_directories(month);
    REQUIRE(::mkfifo((month / "2026-11-27-000000-pause.md").c_str(), 0600) == 0);
    std::ofstream(tmp.path() / "outside.md") << "---\n";
    fs::create_symlink(tmp.path() / "outside.md", month / "2026-11-27-000001-pause.md");
    std::ofstream(month / "2026-11-27-000002-pause.md") << std::string(kMaxEntryBytes + 1, 'x');
    auto loaded = load_entries(journal, {});
    CHECK(loaded.entries.empty());
    REQUIRE(loaded.problems.size() == 3);
    CHECK_THAT(loaded.problems[0].message, Catch::Contains("not a regular file"));
    CHECK_THAT(loaded.problems[1].message, Catch::Contains("symbolic link"));
    CHECK_THAT(loaded.problems[2].message, Catch::Contains("larger than an entry can be"));
}

namespace {

std::string contents_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

} // namespace

TEST_CASE("A rewrite happens only over the text it was made from") {
    TempFolder temp;
    auto root = temp.path();
    fs::create_directories(root / "2026" / "11");
    auto entry = root / "2026" / "11" / "e.md";
    write_file(entry, "old\n");

    auto done = replace_file_if_unchanged(root, entry, "old\n", "new\n");
    REQUIRE(done);
    CHECK(*done == Replaced::done);
    CHECK(contents_of(entry) == "new\n");
    struct stat st {};
    REQUIRE(::stat(entry.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    // Made from "old\n", but the file now holds something else: left alone.
    auto stale = replace_file_if_unchanged(root, entry, "old\n", "from stale text\n");
    REQUIRE(stale);
    CHECK(*stale == Replaced::changed_meanwhile);
    CHECK(contents_of(entry) == "new\n");
}

TEST_CASE("A rewrite waits for one in progress, then sees that the file changed") {
    TempFolder temp;
    auto root = temp.path();
    auto entry = root / "e.md";
    write_file(entry, "first\n");
    // Hold the lock as a rewrite in progress would, then replace the file.
    int held = ::open(entry.c_str(), O_RDONLY);
    REQUIRE(held >= 0);
    REQUIRE(::flock(held, LOCK_EX) == 0);
    std::optional<Expected<Replaced>> other;
    std::thread waiting([&] { other = replace_file_if_unchanged(root, entry, "first\n", "x\n"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    write_file(root / "next", "second\n");
    fs::rename(root / "next", entry);
    ::close(held);
    waiting.join();
    REQUIRE(other);
    REQUIRE(*other);
    CHECK(**other == Replaced::changed_meanwhile);
    CHECK(contents_of(entry) == "second\n");
}

TEST_CASE("A rewrite never goes through a linked folder out of the journal") {
    TempFolder temp;
    auto root = temp.path() / "journal";
    auto outside = temp.path() / "outside";
    fs::create_directories(root / "2026");
    fs::create_directories(outside);
    fs::create_directory_symlink(outside, root / "2026" / "11");
    write_file(outside / "e.md", "mine\n");
    auto refused = replace_file_if_unchanged(root, root / "2026" / "11" / "e.md", "mine\n", "x\n");
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::Contains("symbolic link"));
    CHECK(contents_of(outside / "e.md") == "mine\n");
    // Nor to a file that is itself a link.
    fs::create_directories(root / "2026" / "12");
    fs::create_symlink(outside / "e.md", root / "2026" / "12" / "e.md");
    CHECK_FALSE(replace_file_if_unchanged(root, root / "2026" / "12" / "e.md", "mine\n", "x\n"));
    CHECK(contents_of(outside / "e.md") == "mine\n");
}

TEST_CASE("Entries of the same second list in the order they were written") {
    TempFolder temp;
    Journal journal(temp.path());
    for (int i = 0; i < 12; ++i)
        REQUIRE(journal.add(pause_at("2026-11-01T10:00:00-07:00")));
    Entry audit;
    audit.created = *parse_rfc3339("2026-11-01T10:00:00-07:00");
    audit.fields = AuditFields{std::nullopt, std::nullopt, {"k"}, {"p"}};
    REQUIRE(journal.add(audit));
    REQUIRE(journal.add(pause_at("2026-11-01T10:00:01-07:00")));
    std::vector<std::string> ids;
    for (const auto& file : journal.files())
        ids.push_back(file.id);
    std::vector<std::string> expected = {"2026-11-01-100000-audit", "2026-11-01-100000-pause"};
    for (int n = 2; n <= 12; ++n)
        expected.push_back(fmt::format("2026-11-01-100000-pause-{}", n));
    expected.push_back("2026-11-01-100001-pause");
    CHECK(ids == expected);
}

TEST_CASE("read_journal hands entries on in the journal's order, whatever the threads") {
    TempFolder temp;
    Journal journal(temp.path());
    // Months out of name order on disk, several entries in a second, and a
    // bad file among them.
    for (const char* when : {"2026-11-01T10:00:00-07:00", "2025-02-03T08:00:00-07:00",
                             "2026-01-09T22:00:00-07:00", "2024-12-31T23:59:59-07:00"})
        for (int i = 0; i < 11; ++i)
            REQUIRE(journal.add(pause_at(when)));
    std::ofstream(temp.path() / "2026" / "01" / "2026-01-09-230000-pause.md") << "not an entry\n";
    std::vector<std::string> expected;
    for (const auto& file : journal.files())
        expected.push_back(file.relative);
    REQUIRE(expected.size() == 45);
    for (unsigned workers : {1u, 2u, 3u, 8u}) {
        ReadRequest request;
        request.workers = workers;
        request.bodies = false;
        std::vector<std::string> seen;
        size_t problems = 0;
        read_journal(temp.path(), request, [&](ReadFile&& read) {
            seen.push_back(read.relative);
            if (!read.entry) {
                ++problems;
                CHECK(read.entry.error().path == read.relative);
            }
        });
        CHECK(seen == expected);
        CHECK(problems == 1);
    }
    // A period opens only the month folders that can hold it.
    ReadRequest january;
    january.range.first = date::sys_days{date::year{2026} / 1 / 1};
    january.range.last = date::sys_days{date::year{2026} / 1 / 31};
    auto loaded = load_entries(journal, january);
    CHECK(loaded.entries.size() == 11);
    CHECK(loaded.problems.size() == 1);
    CHECK(month_folders(temp.path(), january.range).size() == 1);
}

TEST_CASE("An ID names its month's folder") {
    CHECK(month_of_id("/j", "2026-11-27-211403-pause")->relative == "2026/11/");
    CHECK(month_of_id("/j", "2026-11")->path == fs::path("/j/2026/11"));
    CHECK_FALSE(month_of_id("/j", "2026-1"));
    CHECK_FALSE(month_of_id("/j", "2026-112"));
    CHECK_FALSE(month_of_id("/j", "notes"));
}
