// What the reading commands (list, show, check, summary) share.
#pragma once

#include "cli/cli11_fwd.hpp"
#include "cli/context.hpp"
#include "core/entry.hpp"
#include "core/entry_json.hpp"
#include "core/journal.hpp"
#include "core/period.hpp"

#include <exception>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace settle::cli {

// The journal, for a command that reads it. A journal that does not exist
// yet has no entries, and a line on stderr says so ("no journal at PATH;
// nothing to `verb`"); one that exists but is not a folder, or cannot be
// listed, is an error (exit 1), never passed off as an empty journal.
Journal readable_journal(Context& context, std::string_view verb);

// The entry a person names for `show` or `edit`: a path, an ID or the start
// of one; nothing or "last" for the latest entry, "-N" (or "last-N") for the
// Nth latest. A name that finds nothing is an error (exit 1).
EntryFile find_entry(const Journal& journal, const std::string& wanted);

// Adds the ENTRY argument of `show` and `edit`, which find_entry reads.
void add_entry_argument(CLI::App& command, std::string& entry);

// The command line with "-N" after `show` or `edit` made "last-N", which
// the option parser would otherwise take for an option.
std::vector<std::string> with_entry_offsets(std::vector<std::string> words);

// Prints each problem as `settle: skipped path:line: message` on stderr, so
// a reader can report a bad file and carry on with the rest.
void report_skipped(const Error& problem);
void report_skipped(const std::vector<Error>& problems);

// What a reader of many entries prints on stdout, made as it reads them.
// The problems it meets are said first, on stderr, as for a small journal,
// so the output is held back until the reading is done; when it grows past
// kHeldBytes (a whole large journal as JSON), what is held goes out and the
// rest follows as it comes, a problem found later being said when found.
class HeldOutput {
  public:
    static constexpr size_t kHeldBytes = size_t{16} << 20;

    HeldOutput() = default;
    HeldOutput(const HeldOutput&) = delete;
    HeldOutput& operator=(const HeldOutput&) = delete;
    ~HeldOutput();

    void skipped(const Error& problem);
    // A line for stderr that comes after the problems (a warning).
    void warn(const std::string& line);
    void print(std::string_view text);
    // Says the problems held, then prints the output held (before any
    // message that must come after both).
    void finish();
    bool any_problem() const { return said_problem_; }

  private:
    void let_go();

    std::string held_;
    std::vector<Error> problems_;
    std::vector<std::string> warnings_;
    bool streaming_ = false;
    bool said_problem_ = false;
    int exceptions_at_start_ = std::uncaught_exceptions();
};

// A JSON array printed an element at a time, in the very bytes dump_json
// gives for the whole array and a newline, so that no reader holds every
// element as JSON at once.
class JsonArrayOut {
  public:
    explicit JsonArrayOut(HeldOutput& out) : out_(out) {}
    // An element's text as it stands in the array (its lines one level
    // in), made apart from the printing so that a reader can make it on its
    // reading threads.
    static std::string element(Json value);
    void add(std::string_view element); // as element() gives it
    void finish();                      // "]" and the newline ("[]" for none)

  private:
    HeldOutput& out_;
    bool any_ = false;
};

// One line about an entry, made safe for a terminal: "urge 8 → 3, waited".
std::string describe_entry(const Entry& entry);

// Text from entries inside a Markdown table cell or line: control
// characters shown, and the characters Markdown would act on escaped.
std::string markdown_text(std::string_view raw);
// "| a | b |" and a newline; the cells are already Markdown.
std::string markdown_row(const std::vector<std::string>& cells);

// The period a reading command is asked about: --since and --until, or one
// of the named spans --week, --month and --all, each alone.
struct PeriodOptions {
    std::optional<std::string> since;
    std::optional<std::string> until;
    bool week = false;
    bool month = false;
    bool all = false;
    bool named_span() const { return week || month || all; }
};

// Adds --since, --until, --week, --month and --all to `command`, a named
// span excluding every other period option; the help for --until and --all
// says what each means for that command.
void add_period_options(CLI::App& command, PeriodOptions& options, const std::string& until_help,
                        const std::string& all_help);

// The period the options name, by make_period's rules: --week is "this
// week" (Monday to Sunday), --month "this month", --all the whole journal,
// as are no options at all. A date that cannot be read is a usage error.
Period chosen_period(Context& context, const PeriodOptions& options);

// Refuses a --format value the command does not offer (exit 2).
void check_format(const std::string& format, std::initializer_list<const char*> allowed);

} // namespace settle::cli
