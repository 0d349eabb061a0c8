#include "cli/report/summary_report.hpp"

#include "cli/reading.hpp"
#include "core/display.hpp"
#include "core/entry_json.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace settle::cli {

namespace {

// ---------------------------------------------------------------- shared

constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Weeks read well up to a season; beyond that the text and Markdown show
// months (JSON always has both).
constexpr size_t kMostWeeksShown = 13;

std::string iso_date(Day day) {
    return date::format("%F", day);
}

date::year_month_day ymd_of(Day day) {
    return date::year_month_day{day};
}

std::string month_name(Day day) {
    return kMonthNames[unsigned(ymd_of(day).month()) - 1];
}

// "27 Nov"
std::string short_date(Day day) {
    return fmt::format("{} {}", unsigned(ymd_of(day).day()), month_name(day));
}

// "27 Nov 2026"
std::string long_date(Day day) {
    return fmt::format("{} {}", short_date(day), int(ymd_of(day).year()));
}

// "31 Oct – 27 Nov 2026", or with both years when they differ.
std::string span_text(const DaySpan& span, std::string_view dash) {
    if (span.first == span.last)
        return long_date(span.first);
    bool same_year = ymd_of(span.first).year() == ymd_of(span.last).year();
    return fmt::format("{} {} {}", same_year ? short_date(span.first) : long_date(span.first), dash,
                       long_date(span.last));
}

// A bound as asked: a date when it falls on a day boundary, else the local
// date and time.
std::string bound_text(LocalSeconds bound, bool is_until) {
    auto day = std::chrono::floor<date::days>(bound);
    auto boundary = is_until ? day + date::days{1} - std::chrono::seconds{1} : LocalSeconds{day};
    if (bound == boundary)
        return date::format("%F", day);
    return date::format("%FT%T", bound);
}

std::string number_text(double value) {
    if (value == std::floor(value))
        return fmt::format("{}", static_cast<long>(value));
    return fmt::format("{:.1f}", value);
}

// Medians and changes: "7", "6.5", "−3" (a true minus sign where the
// characters allow), and a dash for "no value".
std::string median_text(const Median& value, bool unicode, bool signed_change = false) {
    if (!value)
        return unicode ? "–" : "-";
    auto text = number_text(std::fabs(*value));
    if (*value < 0)
        return (unicode ? "−" : "-") + text;
    if (signed_change && *value > 0)
        return "+" + text;
    return text;
}

std::string plural(int count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

// What the person asked for, in words: "pauses tagged #work".
std::string filter_text(const SummaryRequest& request) {
    std::string text;
    if (request.kind)
        text = fmt::format("only {}s", to_string(*request.kind));
    for (const auto& tag : request.tags)
        text += (text.empty() ? "only entries tagged #" : ", tagged #") + neutralize_controls(tag);
    return text;
}

bool show_weeks(const Summary& summary) {
    return spans_covered(summary.weeks) <= static_cast<long>(kMostWeeksShown);
}

// "… 312 weeks with no entries …": a run of empty spans, one row.
std::string empty_run_text(const SpanStats& run, bool week, bool unicode = true) {
    return fmt::format("{0} {1} {2} with no entries {0}", unicode ? "…" : "...", run.empty_spans,
                       week ? (run.empty_spans == 1 ? "week" : "weeks")
                            : (run.empty_spans == 1 ? "month" : "months"));
}

// ---------------------------------------------------------------- JSON

Json optional_json(const std::optional<double>& value) {
    return value ? Json(*value) : Json(nullptr);
}

void add_pause_keys(Json& out, const PauseStats& pause) {
    out["count"] = pause.count;
    out["rated"] = pause.rated;
    out["urge_before_median"] = optional_json(pause.urge_before);
    out["urge_after_median"] = optional_json(pause.urge_after);
    out["urge_change_median"] = optional_json(pause.urge_change);
    out["waited"] = pause.waited;
    out["reached_out"] = pause.reached_out;
    out["undecided"] = pause.undecided;
    out["no_outcome"] = pause.no_outcome;
    out["timed"] = pause.timed;
    out["ended_early"] = pause.ended_early;
}

Json pause_json(const PauseStats& pause) {
    Json out;
    add_pause_keys(out, pause);
    return out;
}

Json audit_json(const AuditStats& audit) {
    Json out;
    out["count"] = audit.count;
    out["known"] = audit.known;
    out["predicted"] = audit.predicted;
    // Two decimals: a stable number for scripts to compare.
    out["known_per_predicted"] = audit.known_per_predicted
                                     ? Json(std::round(*audit.known_per_predicted * 100) / 100)
                                     : Json(nullptr);
    out["rated"] = audit.rated;
    out["anxiety_before_median"] = optional_json(audit.anxiety_before);
    out["anxiety_after_median"] = optional_json(audit.anxiety_after);
    out["anxiety_change_median"] = optional_json(audit.anxiety_change);
    return out;
}

Json kinds_json(const KindCounts& kinds) {
    Json out;
    out["audit"] = kinds.audit;
    out["script"] = kinds.script;
    out["pause"] = kinds.pause;
    return out;
}

Json names_json(const std::vector<NameCount>& names) {
    Json out = Json::array();
    for (const auto& item : names)
        out.push_back(Json{{"name", item.name}, {"count", item.count}});
    return out;
}

Json span_json(const char* label_key, const std::string& label, const SpanStats& stats) {
    Json out;
    if (stats.empty_spans > 0) {
        // A run of empty weeks or months, one object: "empty_weeks": 312.
        out[fmt::format("empty_{}s", label_key)] = stats.empty_spans;
        out["since"] = iso_date(stats.span.first);
        out["until"] = iso_date(stats.span.last);
        out["entries"] = 0;
        return out;
    }
    out[label_key] = label;
    out["since"] = iso_date(stats.span.first);
    out["until"] = iso_date(stats.span.last);
    out["entries"] = stats.entries;
    out["by_kind"] = kinds_json(stats.by_kind);
    out["incomplete"] = stats.incomplete;
    out["pause"] = pause_json(stats.pause);
    out["audit"] = audit_json(stats.audit);
    return out;
}

Json outcomes_json(const PredictionOutcomes& outcomes) {
    auto share = outcomes.came_true();
    return Json{{"answered", outcomes.answered},
                {"happened", outcomes.happened},
                {"partly", outcomes.partly},
                {"didnt", outcomes.didnt},
                {"came_true_share", share ? Json(std::round(*share * 100) / 100) : Json(nullptr)}};
}

Json looking_back_json(const LookingBack& back) {
    Json out;
    out["predictions"] = back.predictions;
    out["answered"] = outcomes_json(back.answered);
    out["by_tag"] = Json::array();
    for (const auto& tag : back.by_tag) {
        auto row = Json{{"tag", tag.tag}};
        row.update(outcomes_json(tag.outcomes));
        out["by_tag"].push_back(std::move(row));
    }
    out["scripts"] = Json{{"answered", back.scripts_answered},
                          {"said", back.said},
                          {"sent", back.sent},
                          {"kept", back.kept},
                          {"closer", back.closer},
                          {"neutral", back.neutral},
                          {"harder", back.harder}};
    return out;
}

std::string share_text(const PredictionOutcomes& outcomes) {
    auto share = outcomes.came_true();
    return fmt::format("{} of {} answered came true{}", outcomes.happened, outcomes.answered,
                       share ? fmt::format(" ({:.0f}%)", *share * 100) : "");
}

Json half_json(const std::optional<PauseHalf>& half) {
    if (!half)
        return nullptr;
    Json out;
    out["since"] = iso_date(half->span.first);
    out["until"] = iso_date(half->span.last);
    add_pause_keys(out, half->pause);
    return out;
}

Json period_json(const Summary& summary, const SummaryRequest& request) {
    const auto& period = request.period;
    Json out;
    if (period.since)
        out["since"] = bound_text(*period.since, false);
    else
        out["since"] = summary.days ? Json(iso_date(summary.days->first)) : Json(nullptr);
    if (period.until)
        out["until"] = bound_text(*period.until, true);
    else
        out["until"] = summary.days ? Json(iso_date(summary.days->last)) : Json(nullptr);
    out["days"] = summary.days ? Json(summary.days->days()) : Json(nullptr);
    return out;
}

// ---------------------------------------------------------------- Markdown

void markdown_names(std::string& out, const char* heading, const std::vector<NameCount>& names) {
    if (names.empty())
        return;
    out += markdown_row({heading, "times"});
    out += "|:--|--:|\n";
    for (const auto& item : names)
        out += markdown_row({markdown_text(item.name), std::to_string(item.count)});
    out += "\n";
}

std::string span_label(const SpanStats& stats, bool week) {
    return week ? iso_week_label(stats.span.first)
                : fmt::format("{} {}", month_name(stats.span.first),
                              int(ymd_of(stats.span.first).year()));
}

// ---------------------------------------------------------------- text

class TextWriter {
  public:
    explicit TextWriter(const TextStyle& style) : style_(style) {}

    std::string bold(std::string_view text) const { return styled(text, "\033[1m", "\033[22m"); }
    std::string dim(std::string_view text) const { return styled(text, "\033[2m", "\033[22m"); }
    std::string accent(std::string_view text) const { return styled(text, "\033[36m", "\033[39m"); }
    bool unicode() const { return style_.unicode; }
    std::string_view dash() const { return style_.unicode ? "–" : "-"; }
    std::string_view dot() const { return style_.unicode ? " · " : ", "; }
    std::string_view arrow() const { return style_.unicode ? "→" : "->"; }
    std::string median(const Median& value, bool signed_change = false) const {
        return median_text(value, style_.unicode, signed_change);
    }
    int width() const { return style_.width; }

    // A horizontal bar `cells` long, in eighths with block characters, or
    // rounded to whole '#' cells in ASCII. Returns the bar and the columns
    // it takes.
    std::pair<std::string, int> bar(double cells) const {
        cells = std::max(0.0, cells);
        if (!style_.unicode) {
            int whole = static_cast<int>(std::lround(cells));
            return {std::string(static_cast<size_t>(whole), '#'), whole};
        }
        static constexpr const char* kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
        int eighths = static_cast<int>(std::lround(cells * 8));
        std::string text;
        for (int i = 0; i < eighths / 8; ++i)
            text += "█";
        text += kEighths[eighths % 8];
        return {text, (eighths + 7) / 8};
    }

    // `label` padded to the label column, then `value`.
    void row(std::string& out, std::string_view label, std::string_view value) const {
        out += fmt::format("  {:<{}}{}\n", label, kLabelColumns, value);
    }

    // Items joined by dots ("lonely 4 · anxious 3"), wrapped under the
    // value column.
    void list_row(std::string& out, std::string_view label,
                  const std::vector<std::string>& items) const {
        int room = std::max(20, width() - kLabelColumns - 2);
        std::string line;
        bool first_line = true;
        for (const auto& item : items) {
            std::string joined = line.empty() ? item : line + std::string(dot()) + item;
            if (!line.empty() && display_width(joined) > room) {
                row(out, first_line ? label : "", line + (style_.unicode ? " ·" : ","));
                first_line = false;
                joined = item;
            }
            line = joined;
        }
        if (!line.empty())
            row(out, first_line ? label : "", line);
    }

    // The most frequent names with their counts.
    void names_row(std::string& out, std::string_view label, const std::vector<NameCount>& names,
                   size_t most) const {
        std::vector<std::string> items;
        for (size_t i = 0; i < names.size() && i < most; ++i)
            items.push_back(fmt::format("{} {}",
                                        truncate_to_width(neutralize_controls(names[i].name), 30),
                                        names[i].count));
        list_row(out, label, items);
    }

    static constexpr int kLabelColumns = 24;

  private:
    std::string styled(std::string_view text, const char* on, const char* off) const {
        if (!style_.color)
            return std::string(text);
        return on + std::string(text) + off;
    }

    TextStyle style_;
};

// "7 before, 4 after (change −3)"
std::string before_after(const TextWriter& w, const Median& before, const Median& after,
                         const Median& change) {
    return fmt::format("{} before, {} after (change {})", w.median(before), w.median(after),
                       w.median(change, true));
}

void text_pauses(std::string& out, const Summary& s, const TextWriter& w) {
    const auto& p = s.pause;
    out += w.bold(fmt::format("Pauses: {}", p.count)) + "\n";
    if (p.count == 0) {
        out += "  None in this period.\n\n";
        return;
    }
    if (p.rated > 0)
        w.row(out, fmt::format("Urge, median of {}", p.rated),
              before_after(w, p.urge_before, p.urge_after, p.urge_change));
    std::vector<std::string> then = {fmt::format("waited {}", p.waited),
                                     fmt::format("reached out {}", p.reached_out),
                                     fmt::format("undecided {}", p.undecided)};
    if (p.no_outcome > 0)
        then.push_back(fmt::format("not recorded {}", p.no_outcome));
    w.list_row(out, "Then", then);
    if (p.timed > 0)
        w.row(out, "Timer", fmt::format("ended early in {} of {}", p.ended_early, p.timed));

    if (s.earlier && s.later) {
        // Two columns, each as wide as its date range. Padding is measured
        // on the plain text, before any style is added.
        auto left = span_text(s.earlier->span, w.dash());
        int column = std::max(16, display_width(left) + 3);
        auto pair_row = [&](std::string_view label, const std::string& a, const std::string& b,
                            bool heading = false) {
            auto gap =
                std::string(static_cast<size_t>(std::max(1, column - display_width(a))), ' ');
            auto cells = heading ? w.dim(a) + gap + w.dim(b) : a + gap + b;
            out += fmt::format("  {:<{}}{}\n", label, TextWriter::kLabelColumns, cells);
        };
        out += "\n";
        pair_row("", "earlier half", "later half", true);
        pair_row("", left, span_text(s.later->span, w.dash()), true);
        const auto &a = s.earlier->pause, &b = s.later->pause;
        pair_row("pauses", std::to_string(a.count), std::to_string(b.count));
        auto urge = [&](const PauseStats& x) {
            return fmt::format("{} {} {}", w.median(x.urge_before), w.arrow(),
                               w.median(x.urge_after));
        };
        pair_row(fmt::format("urge before {} after", w.arrow()), urge(a), urge(b));
        pair_row("change", w.median(a.urge_change, true), w.median(b.urge_change, true));
        pair_row("waited", std::to_string(a.waited), std::to_string(b.waited));
        pair_row("reached out", std::to_string(a.reached_out), std::to_string(b.reached_out));
        pair_row("undecided", std::to_string(a.undecided), std::to_string(b.undecided));
        if (p.timed > 0)
            pair_row("ended early", std::to_string(a.ended_early), std::to_string(b.ended_early));
    }
    out += "\n";
}

void text_audits(std::string& out, const Summary& s, const TextWriter& w) {
    const auto& a = s.audit;
    out += w.bold(fmt::format("Audits: {}", a.count)) + "\n";
    if (a.count == 0) {
        out += "  None in this period.\n\n";
        return;
    }
    w.row(out, "Things known", std::to_string(a.known));
    std::string predicted = std::to_string(a.predicted);
    if (a.known_per_predicted)
        predicted += fmt::format(" ({} known for each prediction)",
                                 fmt::format("{:.1f}", *a.known_per_predicted));
    w.row(out, "Predictions", predicted);
    if (a.rated > 0)
        w.row(out, fmt::format("Anxiety, median of {}", a.rated),
              before_after(w, a.anxiety_before, a.anxiety_after, a.anxiety_change));
    out += "\n";
}

void text_scripts(std::string& out, const Summary& s, const TextWriter& w) {
    out += w.bold(fmt::format("Scripts: {}", s.script.count)) + "\n";
    if (s.script.count == 0) {
        out += "  None in this period.\n\n";
        return;
    }
    w.names_row(out, "Feelings named", s.script.feelings, 6);
    w.names_row(out, "Needs named", s.script.needs, 6);
    out += "\n";
}

void text_looking_back(std::string& out, const Summary& s, const TextWriter& w) {
    const auto& back = s.looking_back;
    if (back.answered.answered == 0 && back.scripts_answered == 0)
        return;
    out += w.bold("Looking back") + "\n";
    if (back.answered.answered > 0) {
        w.row(out, "Predictions", share_text(back.answered));
        w.row(out, "",
              fmt::format("happened {}{}partly {}{}didn't {}{}not yet looked at {}",
                          back.answered.happened, w.dot(), back.answered.partly, w.dot(),
                          back.answered.didnt, w.dot(), back.predictions - back.answered.answered));
        for (const auto& tag : back.by_tag)
            w.row(out, "  #" + neutralize_controls(tag.tag), share_text(tag.outcomes));
    }
    if (back.scripts_answered > 0) {
        w.row(out, "Scripts shared",
              fmt::format("said {}{}sent {}{}kept {}", back.said, w.dot(), back.sent, w.dot(),
                          back.kept));
        if (back.closer + back.neutral + back.harder > 0)
            w.row(out, "How they landed",
                  fmt::format("closer {}{}neutral {}{}harder {}", back.closer, w.dot(),
                              back.neutral, w.dot(), back.harder));
    }
    out += "\n";
}

void text_spans(std::string& out, const Summary& s, const TextWriter& w) {
    bool weeks = show_weeks(s);
    const auto& spans = weeks ? s.weeks : s.months;
    // The most recent rows when there are many; JSON and Markdown have all.
    constexpr size_t kMostMonthsShown = 24;
    size_t from = !weeks && spans.size() > kMostMonthsShown ? spans.size() - kMostMonthsShown : 0;
    int most = 1;
    for (size_t i = from; i < spans.size(); ++i)
        most = std::max(most, spans[i].entries);

    // label 18 + count (as wide as the largest, at least 3) + space + entries
    // bar + 2 + urge before 16 + urge after 16
    constexpr int kLabel = 18, kUrge = 16;
    int count_width = std::max(3, static_cast<int>(std::to_string(most).size())) + 1;
    int bar_room = std::max(4, w.width() - 2 - kLabel - count_width - 2 - 2 * kUrge);
    out += w.bold(weeks ? "Week by week" : "Month by month") +
           (weeks ? w.dim(" (Monday to Sunday)") : "") + "\n";
    out += w.dim(fmt::format("  {:<{}}{:<{}}{:<{}}{}", weeks ? "week" : "month", kLabel, "entries",
                             count_width + bar_room + 2, "urge before", kUrge, "urge after"))
               .append("\n");
    if (from > 0)
        out += w.dim(fmt::format(
                   "  ({} in --format markdown or json)",
                   plural(static_cast<int>(from), "earlier month is", "earlier months are"))) +
               "\n";
    for (size_t i = from; i < spans.size(); ++i) {
        const auto& span = spans[i];
        if (span.empty_spans > 0) {
            out += "  " + w.dim(empty_run_text(span, weeks, w.unicode())) + "\n";
            continue;
        }
        auto label = weeks ? fmt::format("{}  {:>6}", iso_week_label(span.span.first),
                                         short_date(span.span.first))
                           : span_label(span, false);
        auto [entries_bar, entries_cells] =
            w.bar(static_cast<double>(span.entries) * bar_room / most);
        auto urge_cell = [&](const Median& value, bool after) {
            // One cell per point of the 0-10 scale, then the number.
            auto [text, cells] = w.bar(value.value_or(0));
            auto shown = after ? w.accent(text) : w.dim(text);
            return shown + std::string(static_cast<size_t>(10 - cells + 1), ' ') +
                   fmt::format("{:<{}}", w.median(value), kUrge - 11);
        };
        std::string line =
            fmt::format("  {:<{}}{:>{}} ", label, kLabel, span.entries, count_width - 1);
        line += w.accent(entries_bar) +
                std::string(static_cast<size_t>(bar_room - entries_cells + 2), ' ');
        line += urge_cell(span.pause.urge_before, false) + urge_cell(span.pause.urge_after, true);
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    out += "\n";
}

void text_skipped(std::string& out, const Summary& s, const TextWriter& w) {
    if (s.skipped.empty())
        return;
    out += w.bold(fmt::format("{} left out", plural(static_cast<int>(s.skipped.size()),
                                                    "file could not be read and is",
                                                    "files could not be read and are"))) +
           "\n";
    for (const auto& problem : s.skipped) {
        // The reason goes on its own line when path and reason do not fit.
        auto line = neutralize_controls(problem.located());
        if (display_width(line) + 2 > w.width())
            line = neutralize_controls(
                       fmt::format("{}{}:", problem.path,
                                   problem.line > 0 ? fmt::format(":{}", problem.line) : "")) +
                   "\n    " + neutralize_controls(problem.message);
        out += "  " + line + "\n";
    }
    out += w.dim("  `settle check` lists them too; each can be fixed in any editor.") + "\n\n";
}

} // namespace

// ---------------------------------------------------------------- public

std::string summary_json(const Summary& summary, const SummaryRequest& request) {
    Json out;
    out["period"] = period_json(summary, request);
    out["filters"] =
        Json{{"kind", request.kind ? Json(std::string(to_string(*request.kind))) : Json(nullptr)},
             {"tags", request.tags}};
    out["entries"] = summary.entries;
    out["by_kind"] = kinds_json(summary.by_kind);
    out["incomplete"] = summary.incomplete;
    out["by_hour"] = summary.by_hour;
    out["by_weekday"] = Json::object();
    constexpr std::array<const char*, 7> kWeekdayKeys = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (size_t day = 0; day < kWeekdayKeys.size(); ++day)
        out["by_weekday"][kWeekdayKeys[day]] = summary.by_weekday[day];
    out["pause"] = pause_json(summary.pause);
    out["pause"]["halves"] =
        Json{{"earlier", half_json(summary.earlier)}, {"later", half_json(summary.later)}};
    out["audit"] = audit_json(summary.audit);
    out["script"] = Json{{"count", summary.script.count},
                         {"feelings", names_json(summary.script.feelings)},
                         {"needs", names_json(summary.script.needs)}};
    out["tags"] = names_json(summary.tags);
    out["revisit"] = looking_back_json(summary.looking_back);
    out["weeks"] = Json::array();
    for (const auto& week : summary.weeks)
        out["weeks"].push_back(span_json("week", iso_week_label(week.span.first), week));
    out["months"] = Json::array();
    for (const auto& month : summary.months)
        out["months"].push_back(span_json("month", date::format("%Y-%m", month.span.first), month));
    out["skipped"] = Json::array();
    for (const auto& problem : summary.skipped)
        out["skipped"].push_back(
            Json{{"path", problem.path},
                 {"line", problem.line > 0 ? Json(problem.line) : Json(nullptr)},
                 {"message", problem.message}});
    return dump_json(out) + "\n";
}

std::string summary_markdown(const Summary& summary, const SummaryRequest& request) {
    std::string out;
    const auto& s = summary;
    auto md = [](const Median& value, bool change = false) {
        return median_text(value, true, change);
    };
    if (s.days)
        out +=
            fmt::format("# Summary: {} to {}\n\n", iso_date(s.days->first), iso_date(s.days->last));
    else
        out += "# Summary\n\n";
    if (auto filters = filter_text(request); !filters.empty())
        out += "Counting " + markdown_text(filters) + ".\n\n";
    if (s.entries == 0)
        out += "No entries in this period.\n\n";
    else
        out += fmt::format("{} · {}: {}, {}, {} · {} incomplete\n\n",
                           plural(s.days ? s.days->days() : 0, "day", "days"),
                           plural(s.entries, "entry", "entries"),
                           plural(s.by_kind.pause, "pause", "pauses"),
                           plural(s.by_kind.audit, "audit", "audits"),
                           plural(s.by_kind.script, "script", "scripts"), s.incomplete);

    if (s.pause.count > 0) {
        out += "## Pauses\n\n";
        std::vector<const PauseStats*> columns = {&s.pause};
        std::vector<std::string> header = {"", "whole period"};
        if (s.earlier && s.later) {
            columns.push_back(&s.earlier->pause);
            columns.push_back(&s.later->pause);
            for (const auto* half : {&*s.earlier, &*s.later})
                header.push_back(fmt::format(
                    "{} ({} to {})", half == &*s.earlier ? "earlier half" : "later half",
                    iso_date(half->span.first), iso_date(half->span.last)));
        }
        out += markdown_row(header);
        out += "|:--|" + std::string(columns.size() == 1 ? "--:|" : "--:|--:|--:|") + "\n";
        auto line = [&](const char* label, auto value) {
            std::vector<std::string> cells = {label};
            for (const auto* p : columns)
                cells.push_back(value(*p));
            out += markdown_row(cells);
        };
        auto count = [](int PauseStats::*field) {
            return [field](const PauseStats& p) {
                return std::to_string(p.*field);
            };
        };
        line("pauses", count(&PauseStats::count));
        line("rated before and after", count(&PauseStats::rated));
        line("median urge before", [&](const PauseStats& p) { return md(p.urge_before); });
        line("median urge after", [&](const PauseStats& p) { return md(p.urge_after); });
        line("median change", [&](const PauseStats& p) { return md(p.urge_change, true); });
        line("waited", count(&PauseStats::waited));
        line("reached out", count(&PauseStats::reached_out));
        line("undecided", count(&PauseStats::undecided));
        if (s.pause.no_outcome > 0)
            line("decision not recorded", count(&PauseStats::no_outcome));
        if (s.pause.timed > 0)
            line("timer ended early", [](const PauseStats& p) {
                return fmt::format("{} of {}", p.ended_early, p.timed);
            });
        out += "\n";
    }

    if (s.audit.count > 0) {
        const auto& a = s.audit;
        out += "## Audits\n\n| | |\n|:--|--:|\n";
        out += markdown_row({"audits", std::to_string(a.count)});
        out += markdown_row({"things known", std::to_string(a.known)});
        out += markdown_row({"predictions", std::to_string(a.predicted)});
        out += markdown_row(
            {"known for each prediction",
             a.known_per_predicted ? fmt::format("{:.1f}", *a.known_per_predicted) : "–"});
        out += markdown_row({"rated before and after", std::to_string(a.rated)});
        out += markdown_row({"median anxiety before", md(a.anxiety_before)});
        out += markdown_row({"median anxiety after", md(a.anxiety_after)});
        out += markdown_row({"median change", md(a.anxiety_change, true)});
        out += "\n";
    }

    if (s.script.count > 0) {
        out += fmt::format("## Scripts\n\n{}.\n\n", plural(s.script.count, "script", "scripts"));
        markdown_names(out, "feeling", s.script.feelings);
        markdown_names(out, "need", s.script.needs);
    }

    if (const auto& back = s.looking_back;
        back.answered.answered > 0 || back.scripts_answered > 0) {
        out += "## Looking back\n\n";
        if (back.answered.answered > 0) {
            out += markdown_row(
                {"predictions", "answered", "happened", "partly", "didn't", "came true"});
            out += "|:--|--:|--:|--:|--:|--:|\n";
            auto row = [&](const std::string& label, const PredictionOutcomes& o) {
                auto share = o.came_true();
                out += markdown_row({label, std::to_string(o.answered), std::to_string(o.happened),
                                     std::to_string(o.partly), std::to_string(o.didnt),
                                     share ? fmt::format("{:.0f}%", *share * 100) : "–"});
            };
            row("all", back.answered);
            for (const auto& tag : back.by_tag)
                row("#" + markdown_text(tag.tag), tag.outcomes);
            out += "\n";
        }
        if (back.scripts_answered > 0)
            out += fmt::format("Scripts: said {}, sent {}, kept {}; landed closer {}, neutral {}, "
                               "harder {}.\n\n",
                               back.said, back.sent, back.kept, back.closer, back.neutral,
                               back.harder);
    }

    if (!s.tags.empty()) {
        out += "## Tags\n\n";
        markdown_names(out, "tag", s.tags);
    }

    bool weeks = show_weeks(s);
    const auto& spans = weeks ? s.weeks : s.months;
    if (!spans.empty() && s.entries > 0) {
        out += weeks ? "## Week by week\n\n" : "## Month by month\n\n";
        out += markdown_row({weeks ? "week" : "month", "from", "to", "entries", "pauses", "audits",
                             "scripts", "median urge before", "median urge after",
                             "median anxiety before", "median anxiety after"});
        out += "|:--|:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|\n";
        for (const auto& span : spans)
            out +=
                span.empty_spans > 0
                    ? markdown_row({empty_run_text(span, weeks), iso_date(span.span.first),
                                    iso_date(span.span.last), "0", "0", "0", "0", "–", "–", "–",
                                    "–"})
                    : markdown_row({span_label(span, weeks), iso_date(span.span.first),
                                    iso_date(span.span.last), std::to_string(span.entries),
                                    std::to_string(span.by_kind.pause),
                                    std::to_string(span.by_kind.audit),
                                    std::to_string(span.by_kind.script), md(span.pause.urge_before),
                                    md(span.pause.urge_after), md(span.audit.anxiety_before),
                                    md(span.audit.anxiety_after)});
        out += "\n";
    }

    if (!s.skipped.empty()) {
        out += "## Files left out\n\nThese could not be read; everything else is counted.\n\n";
        for (const auto& problem : s.skipped)
            out += "- " + markdown_text(problem.located()) + "\n";
        out += "\n";
    }
    out += "Medians are over entries rated both before and after; a dash means there was "
           "nothing to take a median of.\n";
    return out;
}

std::string summary_text(const Summary& summary, const SummaryRequest& request,
                         const TextStyle& style) {
    TextWriter w(style);
    const auto& s = summary;
    std::string out;
    if (s.days)
        out += w.bold(fmt::format("Summary: {}", span_text(*s.days, w.dash()))) +
               fmt::format(" ({})\n", plural(s.days->days(), "day", "days"));
    else
        out += w.bold("Summary") + "\n";
    if (auto filters = filter_text(request); !filters.empty())
        out += w.dim("Counting " + filters + ".") + "\n";
    out += "\n";

    if (s.entries == 0) {
        out += s.days ? "No entries in this period.\n\n" : "No entries yet.\n\n";
        text_skipped(out, s, w);
        return out;
    }
    out += plural(s.entries, "entry", "entries");
    if (!request.kind) // with --kind, every entry is of that kind
        out += fmt::format(": {}{}{}{}{}", plural(s.by_kind.pause, "pause", "pauses"), w.dot(),
                           plural(s.by_kind.audit, "audit", "audits"), w.dot(),
                           plural(s.by_kind.script, "script", "scripts"));
    if (s.incomplete > 0)
        out += fmt::format(" ({} left incomplete)", s.incomplete);
    out += "\n\n";

    if (!request.kind || *request.kind == Kind::pause)
        text_pauses(out, s, w);
    if (!request.kind || *request.kind == Kind::audit)
        text_audits(out, s, w);
    if (!request.kind || *request.kind == Kind::script)
        text_scripts(out, s, w);
    text_looking_back(out, s, w);
    if (!s.tags.empty()) {
        out += w.bold("Tags") + "\n";
        w.names_row(out, "Most used", s.tags, 8);
        out += "\n";
    }
    text_spans(out, s, w);
    text_skipped(out, s, w);
    return out;
}

} // namespace settle::cli
