#include "summary.hpp"

#include "journal_scan.hpp"
#include "text_match.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <functional>
#include <set>

namespace settle {

namespace {

Day day_of(LocalSeconds local) {
    return Day{std::chrono::floor<date::days>(local).time_since_epoch()};
}

// Feelings and needs as people type them: "Lonely " and "lonely" are the
// same word. Case folding is the one rule of text_match.hpp, so "ÉPUISÉ"
// meets "épuisé" too, as it does in the coaching rules.
std::string fold_name(std::string_view text) {
    auto first = text.find_first_not_of(" \t\n.");
    if (first == std::string_view::npos)
        return {};
    text = text.substr(first, text.find_last_not_of(" \t\n.") - first + 1);
    return fold_case(text);
}

std::vector<NameCount> most_frequent(const std::unordered_map<std::string, int>& counts,
                                     size_t keep) {
    std::vector<NameCount> names;
    names.reserve(counts.size());
    for (const auto& [name, count] : counts)
        names.push_back(NameCount{name, count});
    auto order = [](const NameCount& a, const NameCount& b) {
        return a.count != b.count ? a.count > b.count : a.name < b.name;
    };
    keep = std::min(keep, names.size());
    std::partial_sort(names.begin(), names.begin() + static_cast<long>(keep), names.end(), order);
    names.resize(keep);
    return names;
}

void merge_counts(std::unordered_map<std::string, int>& into,
                  const std::unordered_map<std::string, int>& from) {
    for (const auto& [name, count] : from)
        into[name] += count;
}

void add_pause_counts(PauseStats& into, const PauseStats& from) {
    into.count += from.count;
    into.waited += from.waited;
    into.reached_out += from.reached_out;
    into.undecided += from.undecided;
    into.no_outcome += from.no_outcome;
    into.timed += from.timed;
    into.ended_early += from.ended_early;
}

void add_audit_counts(AuditStats& into, const AuditStats& from) {
    into.count += from.count;
    into.known += from.known;
    into.predicted += from.predicted;
}

SpanStats span_stats(DaySpan span, const DayTally& tally) {
    return SpanStats{span,
                     tally.entries,
                     tally.by_kind,
                     tally.incomplete,
                     tally.pause.stats(),
                     tally.audit.stats()};
}

// The rows for the spans from the one starting `first_start` to the one
// starting `last_start`, walking only the spans that hold entries: a run of
// empty spans costs one row and no time, however long it is.
//   start_of(day): the start of the span holding `day`
//   next(start): the start of the span after
//   between(a, b): how many spans start from a up to, not including, b
//   end_of(start): the span's last day
template <typename StartOf, typename Next, typename Between, typename EndOf, typename TallyOf>
std::vector<SpanStats> span_rows(Day first_start, Day last_start, const std::vector<Day>& days,
                                 StartOf start_of, Next next, Between between, EndOf end_of,
                                 TallyOf tally_of) {
    std::vector<SpanStats> rows;
    auto add_empty = [&](Day from, Day to) { // [from, to): span starts
        long count = between(from, to);
        if (count > kLongestEmptyRunShown) {
            SpanStats run;
            // The run's last span is the one just before `to`.
            run.span = DaySpan{from, end_of(start_of(to - date::days{1}))};
            run.empty_spans = count;
            rows.push_back(run);
            return;
        }
        for (Day start = from; start < to; start = next(start)) {
            DaySpan span{start, end_of(start)};
            rows.push_back(span_stats(span, tally_of(span)));
        }
    };
    Day cursor = first_start;
    for (Day day : days) {
        Day start = start_of(day);
        if (start < cursor || start > last_start)
            continue; // a second day in a span already added, or outside
        add_empty(cursor, start);
        DaySpan span{start, end_of(start)};
        rows.push_back(span_stats(span, tally_of(span)));
        cursor = next(start);
    }
    if (cursor <= last_start)
        add_empty(cursor, next(last_start));
    return rows;
}

} // namespace

long spans_covered(const std::vector<SpanStats>& rows) {
    long count = 0;
    for (const auto& row : rows)
        count += row.empty_spans > 0 ? row.empty_spans : 1;
    return count;
}

// ---------------------------------------------------------------- tallies

void RatingPairs::add(const std::optional<int>& rating_before,
                      const std::optional<int>& rating_after) {
    if (!rating_before || !rating_after)
        return;
    before.add(*rating_before);
    after.add(*rating_after);
    change.add(*rating_after - *rating_before);
}

void RatingPairs::merge(const RatingPairs& other) {
    before.merge(other.before);
    after.merge(other.after);
    change.merge(other.change);
}

void PauseTally::add(const PauseFields& pause, const std::optional<Timer>& timer) {
    ++counts.count;
    urge.add(pause.urge_before, pause.urge_after);
    if (!pause.outcome)
        ++counts.no_outcome;
    else if (*pause.outcome == Outcome::waited)
        ++counts.waited;
    else if (*pause.outcome == Outcome::reached_out)
        ++counts.reached_out;
    else
        ++counts.undecided;
    if (timer) {
        ++counts.timed;
        counts.ended_early += timer->ended_early() ? 1 : 0;
    }
}

void PauseTally::merge(const PauseTally& other) {
    add_pause_counts(counts, other.counts);
    urge.merge(other.urge);
}

PauseStats PauseTally::stats() const {
    auto stats = counts;
    stats.rated = urge.before.total();
    stats.urge_before = urge.before.median();
    stats.urge_after = urge.after.median();
    stats.urge_change = urge.change.median();
    return stats;
}

void AuditTally::add(const AuditFields& audit) {
    ++counts.count;
    counts.known += static_cast<int>(audit.know.size());
    counts.predicted += static_cast<int>(audit.predict.size());
    anxiety.add(audit.anxiety_before, audit.anxiety_after);
}

void AuditTally::merge(const AuditTally& other) {
    add_audit_counts(counts, other.counts);
    anxiety.merge(other.anxiety);
}

AuditStats AuditTally::stats() const {
    auto stats = counts;
    if (stats.predicted > 0)
        stats.known_per_predicted = static_cast<double>(stats.known) / stats.predicted;
    stats.rated = anxiety.before.total();
    stats.anxiety_before = anxiety.before.median();
    stats.anxiety_after = anxiety.after.median();
    stats.anxiety_change = anxiety.change.median();
    return stats;
}

void DayTally::add(const Entry& entry) {
    ++entries;
    incomplete += entry.incomplete ? 1 : 0;
    if (const auto* fields = std::get_if<PauseFields>(&entry.fields)) {
        ++by_kind.pause;
        pause.add(*fields, entry.timer);
    } else if (const auto* audit_fields = std::get_if<AuditFields>(&entry.fields)) {
        ++by_kind.audit;
        audit.add(*audit_fields);
    } else {
        ++by_kind.script;
    }
}

void DayTally::merge(const DayTally& other) {
    entries += other.entries;
    by_kind.audit += other.by_kind.audit;
    by_kind.script += other.by_kind.script;
    by_kind.pause += other.by_kind.pause;
    incomplete += other.incomplete;
    pause.merge(other.pause);
    audit.merge(other.audit);
}

void PredictionOutcomes::add(PredictionOutcome outcome) {
    ++answered;
    happened += outcome == PredictionOutcome::happened ? 1 : 0;
    partly += outcome == PredictionOutcome::partly ? 1 : 0;
    didnt += outcome == PredictionOutcome::didnt ? 1 : 0;
}

void PredictionOutcomes::merge(const PredictionOutcomes& other) {
    answered += other.answered;
    happened += other.happened;
    partly += other.partly;
    didnt += other.didnt;
}

void LookingBack::add(const Entry& entry) {
    if (const auto* audit = std::get_if<AuditFields>(&entry.fields))
        predictions += static_cast<int>(audit->predict.size());
    if (!entry.revisit)
        return;
    for (const auto& [number, outcome] : entry.revisit->predictions)
        answered.add(outcome);
    contested += static_cast<int>(entry.revisit->contested.size());
    if (entry.kind() == Kind::script && entry.revisit->shared) {
        ++scripts_answered;
        auto shared = *entry.revisit->shared;
        said += shared == Shared::said ? 1 : 0;
        sent += shared == Shared::sent ? 1 : 0;
        kept += shared == Shared::kept ? 1 : 0;
    }
    if (entry.revisit->landed) {
        auto landed = *entry.revisit->landed;
        closer += landed == Landed::closer ? 1 : 0;
        neutral += landed == Landed::neutral ? 1 : 0;
        harder += landed == Landed::harder ? 1 : 0;
    }
}

void LookingBack::merge(const LookingBack& other) {
    predictions += other.predictions;
    answered.merge(other.answered);
    contested += other.contested;
    scripts_answered += other.scripts_answered;
    said += other.said;
    sent += other.sent;
    kept += other.kept;
    closer += other.closer;
    neutral += other.neutral;
    harder += other.harder;
}

// ---------------------------------------------------------------- builder

SummaryBuilder::SummaryBuilder(SummaryRequest request) : request_(std::move(request)) {}

bool wanted(const SummaryRequest& request, const Entry& entry) {
    if (request.kind && entry.kind() != *request.kind)
        return false;
    for (const auto& tag : request.tags)
        if (std::find(entry.tags.begin(), entry.tags.end(), tag) == entry.tags.end())
            return false;
    return request.period.contains(entry.created);
}

void SummaryBuilder::add(const Entry& entry) {
    if (!wanted(request_, entry))
        return;
    auto local = entry.created.local();
    auto day = day_of(local);
    days_[day].add(entry);
    auto since_midnight = local - std::chrono::floor<date::days>(local);
    ++hours_[static_cast<size_t>(std::chrono::floor<std::chrono::hours>(since_midnight).count())];
    looking_back_.add(entry);
    if (entry.revisit && !entry.revisit->predictions.empty()) {
        for (const auto& tag : std::set<std::string>(entry.tags.begin(), entry.tags.end()))
            for (const auto& [number, outcome] : entry.revisit->predictions)
                prediction_tags_[tag].add(outcome);
    }
    if (const auto* script = std::get_if<ScriptFields>(&entry.fields)) {
        for (auto [text, counts] :
             {std::pair{&script->feeling, &feelings_}, std::pair{&script->need, &needs_}})
            if (auto name = fold_name(*text); !name.empty())
                ++(*counts)[name];
    }
    for (size_t i = 0; i < entry.tags.size(); ++i) {
        const auto& tag = entry.tags[i];
        // A tag written twice on one entry still marks one entry.
        if (std::find(entry.tags.begin(), entry.tags.begin() + static_cast<long>(i), tag) ==
            entry.tags.begin() + static_cast<long>(i))
            ++tags_[tag];
    }
}

void SummaryBuilder::skip(Error problem, std::optional<Day> name_date) {
    skipped_.emplace_back(std::move(problem), name_date);
}

void SummaryBuilder::merge(SummaryBuilder&& other) {
    for (const auto& [day, tally] : other.days_)
        days_[day].merge(tally);
    for (size_t hour = 0; hour < hours_.size(); ++hour)
        hours_[hour] += other.hours_[hour];
    merge_counts(feelings_, other.feelings_);
    merge_counts(needs_, other.needs_);
    merge_counts(tags_, other.tags_);
    looking_back_.merge(other.looking_back_);
    for (const auto& [tag, outcomes] : other.prediction_tags_)
        prediction_tags_[tag].merge(outcomes);
    for (auto& skipped : other.skipped_)
        skipped_.push_back(std::move(skipped));
}

std::optional<DaySpan> SummaryBuilder::reported_days() const {
    const auto& period = request_.period;
    std::optional<Day> first, last;
    if (period.since)
        first = day_of(*period.since);
    else if (!days_.empty())
        first = days_.begin()->first;
    if (period.until)
        last = day_of(*period.until);
    else if (!days_.empty())
        last = days_.rbegin()->first;
    if (!first || !last || *first > *last)
        return std::nullopt;
    return DaySpan{*first, *last};
}

Summary SummaryBuilder::finish() const {
    auto tally_of = [&](DaySpan span) {
        DayTally sum;
        for (auto it = days_.lower_bound(span.first); it != days_.end() && it->first <= span.last;
             ++it)
            sum.merge(it->second);
        return sum;
    };

    Summary summary;
    summary.days = reported_days();
    DayTally total;
    for (const auto& [day, tally] : days_) {
        total.merge(tally);
        auto weekday = (date::weekday{day} - date::Monday).count();
        summary.by_weekday[static_cast<size_t>(weekday)] += tally.entries;
    }
    summary.by_hour = hours_;
    summary.entries = total.entries;
    summary.by_kind = total.by_kind;
    summary.incomplete = total.incomplete;
    summary.pause = total.pause.stats();
    summary.audit = total.audit.stats();
    summary.script.count = total.by_kind.script;
    summary.script.feelings = most_frequent(feelings_, request_.top_names);
    summary.script.needs = most_frequent(needs_, request_.top_names);
    summary.tags = most_frequent(tags_, request_.top_names);
    summary.looking_back = looking_back_;
    for (const auto& [tag, outcomes] : prediction_tags_)
        summary.looking_back.by_tag.push_back(TagOutcomes{tag, outcomes});
    std::stable_sort(summary.looking_back.by_tag.begin(), summary.looking_back.by_tag.end(),
                     [](const TagOutcomes& a, const TagOutcomes& b) {
                         return a.outcomes.answered > b.outcomes.answered;
                     });
    if (summary.looking_back.by_tag.size() > request_.top_names)
        summary.looking_back.by_tag.resize(request_.top_names);

    if (summary.days) {
        const auto span = *summary.days;
        if (span.days() >= 2) {
            auto middle = span.first + date::days{span.days() / 2};
            DaySpan earlier{span.first, middle - date::days{1}}, later{middle, span.last};
            summary.earlier = PauseHalf{earlier, tally_of(earlier).pause.stats()};
            summary.later = PauseHalf{later, tally_of(later).pause.stats()};
        }
        std::vector<Day> days;
        for (auto it = days_.lower_bound(span.first); it != days_.end() && it->first <= span.last;
             ++it)
            days.push_back(it->first);
        summary.weeks = span_rows(
            monday_of(span.first), monday_of(span.last), days,
            [](Day day) { return monday_of(day); },
            [](Day monday) { return monday + date::days{7}; },
            [](Day from, Day to) { return static_cast<long>((to - from).count() / 7); },
            [](Day monday) { return monday + date::days{6}; }, tally_of);
        auto month_start = [](Day day) {
            date::year_month_day ymd{day};
            return Day{ymd.year() / ymd.month() / 1};
        };
        auto month_number = [](Day start) {
            date::year_month_day ymd{start};
            return static_cast<long>(static_cast<int>(ymd.year())) * 12 +
                   static_cast<long>(static_cast<unsigned>(ymd.month()));
        };
        summary.months = span_rows(
            month_start(span.first), month_start(span.last), days, month_start,
            [](Day start) { return Day{date::year_month_day{start} + date::months{1}}; },
            [&](Day from, Day to) { return month_number(to) - month_number(from); },
            [](Day start) {
                date::year_month_day ymd{start};
                return Day{ymd.year() / ymd.month() / date::last};
            },
            tally_of);
    }

    const auto& period = request_.period;
    for (const auto& [problem, name_date] : skipped_) {
        if (named_in(period, name_date))
            summary.skipped.push_back(problem);
    }
    std::sort(summary.skipped.begin(), summary.skipped.end(), [](const Error& a, const Error& b) {
        return a.path != b.path ? a.path < b.path : a.line < b.line;
    });
    return summary;
}

// ---------------------------------------------------------------- reading

namespace {

// Reads the files the request's period can hold with `workers` threads (0:
// one per core), each worker with its own copy of `initial` that `visit`
// folds every file into; returns the workers' states, to be combined.
template <typename State, typename Visit>
std::vector<State> scan_period(const std::filesystem::path& root, const SummaryRequest& request,
                               unsigned workers, const State& initial, Visit visit) {
    auto range = files_for(request.period);
    if (workers == 0)
        workers = default_scan_workers();
    std::vector<State> states(workers, initial);
    scan_journal(root, range, workers, [&](unsigned worker, ScannedFile&& file) {
        visit(states[worker], std::move(file));
    });
    return states;
}

} // namespace

Summary summarize(const std::filesystem::path& root, const SummaryRequest& request,
                  unsigned workers) {
    auto builders = scan_period(root, request, workers, SummaryBuilder(request),
                                [](SummaryBuilder& builder, ScannedFile&& file) {
                                    if (file.entry)
                                        builder.add(*file.entry);
                                    else
                                        builder.skip(file.entry.error(), file.name_date);
                                });
    for (size_t i = 1; i < builders.size(); ++i)
        builders[0].merge(std::move(builders[i]));
    return builders[0].finish();
}

std::vector<Entry> entries_for(const std::filesystem::path& root, const SummaryRequest& request,
                               unsigned workers) {
    auto found = scan_period(root, request, workers, std::vector<Entry>{},
                             [&](std::vector<Entry>& mine, ScannedFile&& file) {
                                 if (file.entry && wanted(request, *file.entry))
                                     mine.push_back(std::move(*file.entry));
                             });
    std::vector<Entry> entries;
    for (auto& some : found)
        std::move(some.begin(), some.end(), std::back_inserter(entries));
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.created.utc < b.created.utc; });
    return entries;
}

Day monday_of(Day day) {
    return day - (date::weekday{day} - date::Monday);
}

std::string iso_week_label(Day day) {
    // The ISO year is the year of the week's Thursday.
    auto thursday = monday_of(day) + date::days{3};
    auto year = date::year_month_day{thursday}.year();
    auto week = (thursday - Day{year / 1 / 1}).count() / 7 + 1;
    return fmt::format("{:04}-W{:02}", int(year), week);
}

} // namespace settle
