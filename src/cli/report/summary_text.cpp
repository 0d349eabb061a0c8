#include "cli/report/summary_text.hpp"

#include "cli/report/summary_wording.hpp"
#include "cli/terminal/styles.hpp"
#include "cli/terminal/tty.hpp"
#include "core/display.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace settle::cli {

namespace {

using namespace wording;

std::string share_text(const PredictionOutcomes& outcomes) {
    auto share = outcomes.came_true();
    return fmt::format("{} of {} answered came true{}", outcomes.happened, outcomes.answered,
                       share ? fmt::format(" ({:.0f}%)", *share * 100) : "");
}

class TextWriter {
  public:
    explicit TextWriter(const TextStyle& style) : style_(style) {}

    std::string bold(std::string_view text) const {
        return styled(text, Style::bold, style_.color);
    }
    std::string dim(std::string_view text) const { return styled(text, Style::dim, style_.color); }
    std::string accent(std::string_view text) const {
        return styled(text, Style::accent, style_.color);
    }
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

    // A sentence (it may be styled and start with an indent), word-wrapped
    // at a terminal with its continuation lines at `indent`; elsewhere as
    // written.
    void prose(std::string& out, std::string_view text, std::string_view indent = {}) const {
        if (!style_.prose_width) {
            out.append(text).append("\n");
            return;
        }
        size_t start = 0;
        while (start <= text.size()) {
            auto end = std::min(text.find('\n', start), text.size());
            for (const auto& line :
                 wrap_styled(text.substr(start, end - start), *style_.prose_width, indent))
                out.append(line).append("\n");
            start = end + 1;
        }
    }

    // `label` padded to the label column, then `value`, wrapped under it;
    // on a narrow terminal the value goes under its label instead.
    void row(std::string& out, std::string_view label, std::string_view value) const {
        if (!values_under_labels()) {
            prose(out, fmt::format("  {:<{}}{}", label, kLabelColumns, value),
                  std::string(kLabelColumns + 2, ' '));
            return;
        }
        if (!label.empty())
            prose(out, fmt::format("  {}", label), "  ");
        prose(out, fmt::format("    {}", value), "    ");
    }

    // Where a row's value starts.
    int value_column() const { return values_under_labels() ? 4 : kLabelColumns + 2; }

    // Items joined by dots ("lonely 4 · anxious 3"), wrapped under the
    // value column.
    void list_row(std::string& out, std::string_view label,
                  const std::vector<std::string>& items) const {
        int room =
            std::max(style_.prose_width ? 10 : 20,
                     std::min(width(), style_.prose_width.value_or(width())) - value_column());
        // A line that goes on ends in a dot, which must fit too.
        int dot_width = style_.unicode ? 2 : 1;
        std::string line;
        bool first_line = true;
        for (size_t i = 0; i < items.size(); ++i) {
            const auto& item = items[i];
            std::string joined = line.empty() ? item : line + std::string(dot()) + item;
            bool more = i + 1 < items.size();
            if (!line.empty() && display_width(joined) + (more ? dot_width : 0) > room) {
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
    // Fewer columns than this beside the labels, and a name cut to 30
    // columns would have to break.
    static constexpr int kNarrowestValues = 34;
    bool values_under_labels() const {
        return style_.prose_width && *style_.prose_width - kLabelColumns - 2 < kNarrowestValues;
    }

    TextStyle style_;
};

date::year_month_day ymd_of(Day day) {
    return date::year_month_day{day};
}

// "16 Nov – 18 Nov": a span's days without the year.
std::string days_text(const DaySpan& span, std::string_view dash) {
    if (span.first == span.last)
        return short_date(span.first);
    return fmt::format("{} {} {}", short_date(span.first), dash, short_date(span.last));
}

// "7 before, 4 after (change −3)"
std::string before_after(const TextWriter& w, const Median& before, const Median& after,
                         const Median& change) {
    return fmt::format("{} before, {} after (change {})", w.median(before), w.median(after),
                       w.median(change, true));
}

void text_pauses(std::string& out, const Summary& s, const TextWriter& w) {
    const auto& p = s.pause;
    w.prose(out, w.bold(fmt::format("Pauses: {}", p.count)));
    if (p.count == 0) {
        w.prose(out, "  None in this period.", "  ");
        out += "\n";
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
        auto right = span_text(s.later->span, w.dash());
        int column = std::max(16, display_width(left) + 3);
        // Too wide for the text: within one year, the dates without it (the
        // summary's first line gives it); else each range on a row of its own.
        bool dates_in_columns = true;
        if (2 + TextWriter::kLabelColumns + column + display_width(right) > w.width()) {
            if (ymd_of(s.earlier->span.first).year() == ymd_of(s.later->span.last).year()) {
                left = days_text(s.earlier->span, w.dash());
                right = days_text(s.later->span, w.dash());
                column = std::max(16, display_width(left) + 3);
            } else {
                dates_in_columns = false;
                column = 16;
            }
        }
        auto pair_row = [&](std::string_view label, const std::string& a, const std::string& b,
                            bool heading = false) {
            auto gap =
                std::string(static_cast<size_t>(std::max(1, column - display_width(a))), ' ');
            auto cells = heading ? w.dim(a) + gap + w.dim(b) : a + gap + b;
            out += fmt::format("  {:<{}}{}\n", label, TextWriter::kLabelColumns, cells);
        };
        out += "\n";
        if (!dates_in_columns) {
            w.row(out, "earlier half", left);
            w.row(out, "later half", right);
        }
        pair_row("", "earlier half", "later half", true);
        if (dates_in_columns)
            pair_row("", left, right, true);
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
    w.prose(out, w.bold(fmt::format("Audits: {}", a.count)));
    if (a.count == 0) {
        w.prose(out, "  None in this period.", "  ");
        out += "\n";
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
    w.prose(out, w.bold(fmt::format("Scripts: {}", s.script.count)));
    if (s.script.count == 0) {
        w.prose(out, "  None in this period.", "  ");
        out += "\n";
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
    w.prose(out, w.bold("Looking back"));
    if (back.answered.answered > 0) {
        w.row(out, "Predictions", share_text(back.answered));
        w.list_row(out, "",
                   {fmt::format("happened {}", back.answered.happened),
                    fmt::format("partly {}", back.answered.partly),
                    fmt::format("didn't {}", back.answered.didnt),
                    fmt::format("not yet looked at {}", back.predictions - back.answered.answered) +
                        (back.contested > 0
                             ? fmt::format(" ({} of them answered two ways)", back.contested)
                             : std::string())});
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
        w.prose(out,
                w.dim(fmt::format(
                    "  ({} in --format markdown or json)",
                    plural(static_cast<int>(from), "earlier month is", "earlier months are"))),
                "   ");
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
    w.prose(out, w.bold(fmt::format("{} left out", plural(static_cast<int>(s.skipped.size()),
                                                          "file could not be read and is",
                                                          "files could not be read and are"))));
    for (const auto& problem : s.skipped) {
        // The reason goes on its own line when path and reason do not fit.
        auto line = neutralize_controls(problem.located());
        if (display_width(line) + 2 > w.width())
            line = neutralize_controls(
                       fmt::format("{}{}:", problem.path,
                                   problem.line > 0 ? fmt::format(":{}", problem.line) : "")) +
                   "\n    " + neutralize_controls(problem.message);
        w.prose(out, "  " + line, "    ");
    }
    w.prose(out, w.dim("  `settle check` lists them too; each can be fixed in any editor."), "  ");
    out += "\n";
}

} // namespace

std::string summary_text(const Summary& summary, const SummaryRequest& request,
                         const TextStyle& style) {
    TextWriter w(style);
    const auto& s = summary;
    std::string out;
    if (s.days)
        w.prose(out, w.bold(fmt::format("Summary: {}", span_text(*s.days, w.dash()))) +
                         fmt::format(" ({})", plural(s.days->days(), "day", "days")));
    else
        w.prose(out, w.bold("Summary"));
    if (auto filters = filter_text(request); !filters.empty())
        w.prose(out, w.dim("Counting " + filters + "."));
    out += "\n";

    if (s.entries == 0) {
        w.prose(out, s.days ? "No entries in this period." : "No entries yet.");
        out += "\n";
        text_skipped(out, s, w);
        return out;
    }
    auto counts = plural(s.entries, "entry", "entries");
    if (!request.kind) // with --kind, every entry is of that kind
        counts += fmt::format(": {}{}{}{}{}", plural(s.by_kind.pause, "pause", "pauses"), w.dot(),
                              plural(s.by_kind.audit, "audit", "audits"), w.dot(),
                              plural(s.by_kind.script, "script", "scripts"));
    if (s.incomplete > 0)
        counts += fmt::format(" ({} left incomplete)", s.incomplete);
    w.prose(out, counts);
    out += "\n";

    if (!request.kind || *request.kind == Kind::pause)
        text_pauses(out, s, w);
    if (!request.kind || *request.kind == Kind::audit)
        text_audits(out, s, w);
    if (!request.kind || *request.kind == Kind::script)
        text_scripts(out, s, w);
    text_looking_back(out, s, w);
    if (!s.tags.empty()) {
        w.prose(out, w.bold("Tags"));
        w.names_row(out, "Most used", s.tags, 8);
        out += "\n";
    }
    text_spans(out, s, w);
    text_skipped(out, s, w);
    return out;
}

} // namespace settle::cli
