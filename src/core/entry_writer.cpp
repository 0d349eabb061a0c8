#include "entry_writer.hpp"

#include "entry_format.hpp"
#include "fast_frontmatter.hpp"
#include "journal.hpp"

#include <fmt/format.h>

namespace settle {

namespace {

// Names the first part of `got` that differs from `wanted`, for a message a
// person can act on.
std::string first_difference(const Entry& wanted, const Entry& got) {
    if (!(wanted.created == got.created))
        return "the time";
    if (wanted.tags != got.tags)
        return "a tag";
    if (wanted.body != got.body)
        return "the note";
    if (!(wanted.fields == got.fields))
        return "a field";
    return "the entry";
}

// The times an entry can record, said plainly; the read-back below would
// refuse them too, with the reader's words.
Status check_time(const Timestamp& created) {
    auto offset = created.offset;
    if (offset >= std::chrono::hours(24) || offset <= -std::chrono::hours(24))
        return Error{fmt::format("the time zone in force (TZ) is {} hours from UTC, and an "
                                 "entry's time can be at most 23:59 from it; set TZ to a real "
                                 "zone and save again",
                                 std::chrono::duration_cast<std::chrono::hours>(offset).count())};
    auto day = std::chrono::floor<date::days>(created.local());
    auto year = static_cast<int>(date::year_month_day{day}.year());
    if (year < 0 || year > 9999)
        return Error{fmt::format("the year {} cannot be written in an entry (0000 to 9999)", year)};
    return success();
}

} // namespace

Expected<std::string> format_entry_for_saving(const Entry& entry) {
    if (auto time = check_time(entry.created); !time)
        return time.error();
    auto text = format_entry(entry);
    if (text.size() > kMaxEntryBytes)
        return Error{fmt::format("this entry would take {} bytes, more than the {} settle reads "
                                 "back as an entry; shorten the note or split it into two entries",
                                 text.size(), kMaxEntryBytes)};
    Entry wanted = entry;
    if (!wanted.body.empty() && wanted.body.back() != '\n')
        wanted.body += '\n';
    auto read = parse_entry(text, "the new entry");
    if (!read)
        return Error{fmt::format("this entry would not read back once written ({}), so it was "
                                 "not saved",
                                 read.error().message)};
    if (read->body != wanted.body && wanted.body.find('\r') != std::string::npos)
        return Error{"the note has a carriage return (CR) just before a line end or at its end, "
                     "which every reader takes as part of the line end, so it would not read "
                     "back as given; nothing was saved"};
    if (!(*read == wanted))
        return Error{fmt::format("{} would not read back exactly as given, so nothing was saved",
                                 first_difference(wanted, *read))};
    // The shortcut may decline, but must never answer with another entry.
    if (auto fast = read_canonical_entry(text); fast && !(*fast == wanted))
        return Error{fmt::format("{} would not read back the same way by every reader, so "
                                 "nothing was saved",
                                 first_difference(wanted, *fast))};
    return text;
}

} // namespace settle
