// What `settle summary` reports: counts and medians over a span of the
// person's local calendar, so that change over weeks and months becomes
// visible without anyone passing a verdict on it.
//
// The period rule (shared with `list`, see period.hpp): an entry belongs to
// the local date and time at which it was written, as recorded in its own
// `created` offset. Ratings are whole numbers 0-10, so a median is whole or
// ends in .5; the median of nothing is "no value" (nullopt), never 0.
//
// Memory does not grow with the entries' text: each entry is folded into
// per-day counts and rating histograms as it is read, then dropped.
#pragma once

#include "entry.hpp"
#include "error.hpp"
#include "period.hpp"

#include <array>
#include <date/date.h>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace settle {

using Median = std::optional<double>;
using Day = date::sys_days; // a local calendar date

// Inclusive on both ends.
struct DaySpan {
    Day first;
    Day last;
    int days() const { return static_cast<int>((last - first).count()) + 1; }
    bool contains(Day day) const { return day >= first && day <= last; }
    bool operator==(const DaySpan&) const = default;
};

struct KindCounts {
    int audit = 0;
    int script = 0;
    int pause = 0;
    int total() const { return audit + script + pause; }
};

struct PauseStats {
    int count = 0;
    // Pauses with both urges rated. The medians describe these, so that
    // before and after always compare the same pauses.
    int rated = 0;
    Median urge_before;
    Median urge_after;
    Median urge_change; // of (after - before) per pause: negative when the urge fell
    int waited = 0;
    int reached_out = 0;
    int undecided = 0;
    int no_outcome = 0; // incomplete pauses that ended before deciding
    int timed = 0;      // pauses with a timer
    int ended_early = 0;
};

struct AuditStats {
    int count = 0;
    int known = 0;                             // "know" items, all audits together
    int predicted = 0;                         // "predict" items
    std::optional<double> known_per_predicted; // no value without predictions
    int rated = 0;                             // audits with anxiety before and after
    Median anxiety_before;
    Median anxiety_after;
    Median anxiety_change;
};

struct NameCount {
    std::string name;
    int count = 0;
    bool operator==(const NameCount&) const = default;
};

struct ScriptStats {
    int count = 0;
    // The most frequent, case-folded and trimmed; most frequent first, ties
    // in alphabetical order.
    std::vector<NameCount> feelings;
    std::vector<NameCount> needs;
};

// Looking back (`settle revisit`): how the period's predictions turned out,
// and whether its scripts were shared and how they landed.
struct PredictionOutcomes {
    int answered = 0;
    int happened = 0;
    int partly = 0;
    int didnt = 0;
    // The share that came true: happened ÷ answered (partly is counted
    // apart, not as half). None before any answer.
    std::optional<double> came_true() const {
        if (answered == 0)
            return std::nullopt;
        return static_cast<double>(happened) / answered;
    }
    void add(PredictionOutcome outcome);
    void merge(const PredictionOutcomes& other);
};

struct TagOutcomes {
    std::string tag;
    PredictionOutcomes outcomes;
};

struct LookingBack {
    int predictions = 0; // every prediction in the period's audits
    PredictionOutcomes answered;
    // Answered two ways on two devices and not yet settled by the person:
    // counted with the unanswered, never as came true or not.
    int contested = 0;
    std::vector<TagOutcomes> by_tag; // audits' tags, most answered first
    int scripts_answered = 0;        // scripts with an answer about sharing
    int said = 0;
    int sent = 0;
    int kept = 0;
    int closer = 0;
    int neutral = 0;
    int harder = 0;
    void add(const Entry& entry);
    void merge(const LookingBack& other);
};

// One ISO week (Monday to Sunday) or one calendar month; or, when
// `empty_spans` is above zero, a run of that many weeks or months in a row
// with no entries, from the first one's start to the last one's end.
struct SpanStats {
    DaySpan span;
    int entries = 0;
    KindCounts by_kind;
    int incomplete = 0;
    PauseStats pause;
    AuditStats audit;
    long empty_spans = 0;
};

// Runs of more empty weeks or months than this are one row (a quarter's
// weeks or a year's months still show one by one), so that a table stays
// small whatever dates its entries hold: two entries thousands of years
// apart would otherwise be half a million rows.
inline constexpr long kLongestEmptyRunShown = 12;

// The weeks or months `rows` stands for, each empty run counted in full.
long spans_covered(const std::vector<SpanStats>& rows);

struct PauseHalf {
    DaySpan span;
    PauseStats pause;
};

struct Summary {
    // The local dates reported on: the period's own, or with no bounds the
    // first to the last entry's date (none in an empty journal).
    std::optional<DaySpan> days;
    int entries = 0;
    KindCounts by_kind;
    int incomplete = 0;
    PauseStats pause;
    // The earlier and later half of `days` side by side (the later half gets
    // the middle day of an odd count); none for a single day.
    std::optional<PauseHalf> earlier;
    std::optional<PauseHalf> later;
    AuditStats audit;
    ScriptStats script;
    std::vector<NameCount> tags; // most used first
    LookingBack looking_back;
    // Every ISO week and calendar month that `days` touches, in order; a run
    // of more than kLongestEmptyRunShown empty ones is a single row.
    std::vector<SpanStats> weeks;
    std::vector<SpanStats> months;
    // When entries were written, by their own local time: hour 0-23, and
    // weekday Monday (0) to Sunday (6).
    std::array<int, 24> by_hour{};
    std::array<int, 7> by_weekday{};
    // Files that could not be read, by path: those whose name dates them in
    // `days`, and those whose name carries no date.
    std::vector<Error> skipped;
};

struct SummaryRequest {
    Period period;
    std::optional<Kind> kind;
    std::vector<std::string> tags; // an entry must carry all of them
    size_t top_names = 10;         // feelings, needs and tags kept
};

// Whether the request counts this entry: in the period, of the kind, with
// every tag asked for.
bool wanted(const SummaryRequest& request, const Entry& entry);

// The entries the request counts, oldest first, text and all: for a report
// that quotes the person's own words when they ask for them.
std::vector<Entry> entries_for(const std::filesystem::path& root, const SummaryRequest& request,
                               unsigned workers = 0);

// Counts of whole numbers from Low to High: enough for an exact median
// without keeping the values.
template <int Low, int High> class Histogram {
  public:
    void add(int value) {
        ++counts_[static_cast<size_t>(value - Low)];
        ++total_;
    }
    void merge(const Histogram& other) {
        for (size_t i = 0; i < counts_.size(); ++i)
            counts_[i] += other.counts_[i];
        total_ += other.total_;
    }
    int total() const { return total_; }
    Median median() const {
        if (total_ == 0)
            return std::nullopt;
        return (value_at_rank((total_ - 1) / 2) + value_at_rank(total_ / 2)) / 2.0;
    }

  private:
    int value_at_rank(int rank) const {
        int seen = 0;
        for (size_t i = 0; i < counts_.size(); ++i) {
            seen += counts_[i];
            if (seen > rank)
                return Low + static_cast<int>(i);
        }
        return High;
    }

    std::array<int, High - Low + 1> counts_{};
    int total_ = 0;
};

// Ratings before and after the same sessions; a session with only one of
// the two is left out, so that before and after describe the same people.
struct RatingPairs {
    Histogram<0, 10> before;
    Histogram<0, 10> after;
    Histogram<-10, 10> change;

    void add(const std::optional<int>& rating_before, const std::optional<int>& rating_after);
    void merge(const RatingPairs& other);
};

struct PauseTally {
    PauseStats counts; // its medians stay empty; `urge` holds the ratings
    RatingPairs urge;

    void add(const PauseFields& pause, const std::optional<Timer>& timer);
    void merge(const PauseTally& other);
    PauseStats stats() const;
};

struct AuditTally {
    AuditStats counts; // its medians and ratio stay empty; `anxiety` holds the ratings
    RatingPairs anxiety;

    void add(const AuditFields& audit);
    void merge(const AuditTally& other);
    AuditStats stats() const;
};

// Everything counted for one local date.
struct DayTally {
    int entries = 0;
    KindCounts by_kind;
    int incomplete = 0;
    PauseTally pause;
    AuditTally audit;

    void add(const Entry& entry);
    void merge(const DayTally& other);
};

// Folds entries into per-day tallies as they are read; what a Summary is
// made from. One per reading thread, merged at the end.
class SummaryBuilder {
  public:
    explicit SummaryBuilder(SummaryRequest request);

    // Counts the entry if it is in the period and passes the filters.
    void add(const Entry& entry);
    // A file that could not be read; `name_date` is the date in its name.
    void skip(Error problem, std::optional<Day> name_date);
    void merge(SummaryBuilder&& other);
    Summary finish() const;

  private:
    std::optional<DaySpan> reported_days() const;

    SummaryRequest request_;
    std::map<Day, DayTally> days_;
    std::array<int, 24> hours_{};
    std::unordered_map<std::string, int> feelings_;
    std::unordered_map<std::string, int> needs_;
    std::unordered_map<std::string, int> tags_;
    LookingBack looking_back_;
    std::map<std::string, PredictionOutcomes> prediction_tags_;
    std::vector<std::pair<Error, std::optional<Day>>> skipped_;
};

// Reads the journal at `root` (only files whose name dates them within a
// day of the period) and summarizes it. `workers` 0: one per core.
Summary summarize(const std::filesystem::path& root, const SummaryRequest& request,
                  unsigned workers = 0);

// The ISO 8601 week of a date: "2026-W48" (the year is the ISO year).
std::string iso_week_label(Day day);
Day monday_of(Day day);

} // namespace settle
