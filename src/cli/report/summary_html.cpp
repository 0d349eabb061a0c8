// settle summary --format html. The charts are drawn here as inline SVG
// from the Summary's numbers; nothing in an SVG or a style comes from an
// entry. The person's words appear only in the sections --include asks for,
// escaped and isolated (html_words).
#include "cli/report/summary_html.hpp"

#include "cli/context.hpp"
#include "cli/report/summary_wording.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace settle::cli {

namespace {

using wording::long_date;
using wording::number_text;
using wording::plural;
using wording::short_date;

constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 7> kWeekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};
// Up to half a year of weeks in the chart; months beyond that.
constexpr size_t kMostWeeksCharted = 26;

// The summary's shared words, with the typographic dash and minus.
std::string span_text(const DaySpan& span) {
    return wording::span_text(span, "–");
}

std::string median_text(const Median& value) {
    return wording::median_text(value, true);
}

// A round top for a count axis: 1, 2, 5, 10, 20, 50, ...
double nice_top(double largest) {
    double top = 1;
    while (top < largest) {
        for (double step : {2.0, 2.5, 2.0}) {
            top *= step;
            if (top >= largest)
                break;
        }
    }
    return top;
}

struct Series {
    std::string name;
    std::string css_class; // one, two, three, four
    std::vector<std::optional<double>> values;
};

constexpr double kWidth = 640, kHeight = 220;
constexpr double kLeft = 34, kRight = 8, kTop = 12, kBottom = 34;

std::string svg_open(std::string_view label, double width, double height,
                     std::string_view css_class) {
    return fmt::format("<svg class=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" "
                       "preserveAspectRatio=\"xMidYMid meet\">\n<title>{}</title>\n",
                       css_class, width, height, html_escape(label), html_escape(label));
}

// Bars standing on a common axis, one group per label, one bar per series;
// a value of none draws nothing.
std::string column_chart(std::string_view label, const std::vector<std::string>& groups,
                         const std::vector<Series>& series, double top) {
    std::string out = svg_open(label, kWidth, kHeight, "columns");
    const double plot_width = kWidth - kLeft - kRight, plot_height = kHeight - kTop - kBottom;
    const double baseline = kTop + plot_height;
    for (double tick : {0.0, top / 2, top}) {
        double y = baseline - plot_height * tick / top;
        out += fmt::format("<line class=\"axis\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" "
                           "y2=\"{:.1f}\"/>\n<text x=\"{:.1f}\" y=\"{:.1f}\" "
                           "text-anchor=\"end\">{}</text>\n",
                           kLeft, y, kWidth - kRight, y, kLeft - 6, y + 4, number_text(tick));
    }
    if (groups.empty())
        return out + "</svg>\n";
    const double group_width = plot_width / static_cast<double>(groups.size());
    const double bar_width = group_width * 0.8 / static_cast<double>(series.size());
    const size_t label_every = (groups.size() + 11) / 12;
    for (size_t g = 0; g < groups.size(); ++g) {
        double x0 = kLeft + group_width * static_cast<double>(g) + group_width * 0.1;
        for (size_t s = 0; s < series.size(); ++s) {
            const auto& value = series[s].values[g];
            if (!value)
                continue;
            double height = plot_height * std::clamp(*value / top, 0.0, 1.0);
            out += fmt::format("<rect class=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
                               "height=\"{:.1f}\"/>\n",
                               series[s].css_class, x0 + bar_width * static_cast<double>(s),
                               baseline - height, std::max(bar_width - 1, 0.5), height);
        }
        if (g % label_every == 0)
            out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                               kLeft + group_width * (static_cast<double>(g) + 0.5), baseline + 18,
                               html_escape(groups[g]));
    }
    return out + "</svg>\n";
}

// One bar per row, its count at the end.
std::string row_chart(std::string_view label, const std::vector<std::string>& rows,
                      const std::vector<int>& counts, const std::vector<std::string>& classes) {
    // Narrower than a column chart: it sits beside its table, and its
    // words should print at the same size.
    constexpr double kRowWidth = 400, kRow = 28, kLabel = 120;
    const double height = kRow * static_cast<double>(rows.size()) + 8;
    std::string out = svg_open(label, kRowWidth, height, "rows");
    int largest = 0;
    for (int count : counts)
        largest = std::max(largest, count);
    const double scale = (kRowWidth - kLabel - 36) / std::max(1, largest);
    for (size_t r = 0; r < rows.size(); ++r) {
        double y = 4 + kRow * static_cast<double>(r);
        double width = scale * counts[r];
        out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                           kLabel - 8, y + 17, html_escape(rows[r]));
        if (counts[r] > 0)
            out += fmt::format("<rect class=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
                               "height=\"{:.1f}\"/>\n",
                               classes[r % classes.size()], kLabel, y + 4, width, kRow - 8);
        out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", kLabel + width + 6,
                           y + 17, counts[r]);
    }
    return out + "</svg>\n";
}

std::string key(const std::vector<Series>& series) {
    std::string out = "<p class=\"key\" aria-hidden=\"true\">";
    for (const auto& s : series)
        out += fmt::format("<span class=\"swatch {}\"></span>{}", s.css_class, html_escape(s.name));
    return out + "</p>\n";
}

// A table of numbers; the first column is the row's name. Cells are HTML.
std::string number_table(std::string_view caption, const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows) {
    std::string out = fmt::format(
        "<div class=\"scroll\"><table>\n<caption>{}</caption>\n<thead><tr>", html_escape(caption));
    for (size_t i = 0; i < header.size(); ++i)
        out += fmt::format("<th scope=\"col\"{}>{}</th>", i ? " class=\"n\"" : "",
                           html_escape(header[i]));
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        out += "<tr>";
        for (size_t i = 0; i < row.size(); ++i)
            out += i ? fmt::format("<td class=\"n\">{}</td>", row[i])
                     : fmt::format("<th scope=\"row\">{}</th>", row[i]);
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table></div>\n";
}

std::string figure(std::string_view svg, std::string_view table, std::string_view before = {}) {
    return fmt::format("<figure>\n{}{}{}</figure>\n", before, svg, table);
}

// A short chart and its table side by side where there is room.
std::string figure_pair(std::string_view svg, std::string_view table) {
    return fmt::format("<figure class=\"pair\">\n<div>{}</div>\n<div>{}</div></figure>\n", svg,
                       table);
}

void included_section(std::string& out, const HtmlIncludes& includes) {
    out += "<section class=\"keep\">\n<h2>What this page holds</h2>\n";
    out += "<p>Counts and medians from the journal: when entries were written, the urge before "
           "and after each pause, what was chosen after it, and how predictions turned out.</p>\n";
    if (!includes.any()) {
        out += "<p>None of the words written in entries are on this page.</p>\n";
    } else {
        std::vector<std::string> parts;
        if (includes.predictions)
            parts.push_back("predictions and how they turned out");
        if (includes.scripts)
            parts.push_back("scripts, with their feelings and needs");
        if (includes.notes)
            parts.push_back("notes");
        if (includes.tags)
            parts.push_back("tags");
        std::string list;
        for (size_t i = 0; i < parts.size(); ++i)
            list += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
        out += fmt::format("<p>Words from entries included, as chosen: {}. Nothing else written "
                           "in entries is on this page.</p>\n",
                           list);
    }
    out += "</section>\n";
}

void overview_section(std::string& out, const Summary& s) {
    out += "<section>\n<h2>Entries</h2>\n";
    if (s.entries == 0) {
        out += "<p>No entries in this period.</p>\n</section>\n";
        return;
    }
    out += number_table("Entries by kind", {"Kind", "Entries"},
                        {{"Pauses", std::to_string(s.by_kind.pause)},
                         {"Certainty audits", std::to_string(s.by_kind.audit)},
                         {"Scripts", std::to_string(s.by_kind.script)},
                         {"All", std::to_string(s.entries)},
                         {"Of these, ended before the end", std::to_string(s.incomplete)}});
    out += "</section>\n";
}

void pause_section(std::string& out, const Summary& s) {
    if (s.pause.count == 0)
        return;
    out += "<section>\n<h2>Pauses</h2>\n";
    out += fmt::format("<p>{}; {} rated before and after. Median urge {} before and {} after "
                       "(on 0 to 10).</p>\n",
                       plural(s.pause.count, "pause", "pauses"), s.pause.rated,
                       median_text(s.pause.urge_before), median_text(s.pause.urge_after));

    bool by_week = s.weeks.size() <= kMostWeeksCharted;
    const auto& spans = by_week ? s.weeks : s.months;
    std::vector<std::string> groups;
    Series before{"median urge before", "one", {}}, after{"median urge after", "two", {}};
    std::vector<std::vector<std::string>> rows;
    for (const auto& span : spans) {
        date::year_month_day first{span.span.first};
        groups.push_back(by_week ? short_date(span.span.first)
                                 : fmt::format("{} {}", kMonths[unsigned(first.month()) - 1],
                                               int(first.year()) % 100));
        before.values.push_back(span.pause.urge_before);
        after.values.push_back(span.pause.urge_after);
        rows.push_back({html_escape(span_text(span.span)), std::to_string(span.pause.count),
                        std::to_string(span.pause.rated), median_text(span.pause.urge_before),
                        median_text(span.pause.urge_after)});
    }
    std::string unit = by_week ? "week" : "month";
    out += "<h3>The urge before and after, by " + unit + "</h3>\n";
    out += figure(column_chart("Median urge before and after each pause, by " + unit, groups,
                               {before, after}, 10),
                  number_table("Urge (0 to 10) by " + unit,
                               {by_week ? "Week" : "Month", "Pauses", "Rated", "Median before",
                                "Median after"},
                               rows),
                  key({before, after}));

    out += "<h3>What was chosen after each pause</h3>\n";
    std::vector<std::string> labels = {"Waited", "Reached out", "Undecided"};
    std::vector<int> counts = {s.pause.waited, s.pause.reached_out, s.pause.undecided};
    if (s.pause.no_outcome > 0) {
        labels.push_back("Not recorded");
        counts.push_back(s.pause.no_outcome);
    }
    std::vector<std::vector<std::string>> outcome_rows;
    for (size_t i = 0; i < labels.size(); ++i)
        outcome_rows.push_back({labels[i], std::to_string(counts[i])});
    out += figure_pair(row_chart("What was chosen after each pause", labels, counts,
                                 {"two", "one", "three", "four"}),
                       number_table("After the pause", {"Choice", "Pauses"}, outcome_rows));
    out += "</section>\n";
}

void prediction_section(std::string& out, const Summary& s) {
    const auto& back = s.looking_back;
    if (s.audit.count == 0 && back.predictions == 0 && back.answered.answered == 0)
        return;
    out += "<section>\n<h2>Predictions, looked back on</h2>\n";
    out += fmt::format("<p>{} written in {}; {} looked back on with <code>settle revisit</code>",
                       plural(back.predictions, "prediction", "predictions"),
                       plural(s.audit.count, "audit", "audits"), back.answered.answered);
    if (back.answered.answered > 0)
        out += fmt::format(": {} happened, {} partly, {} did not", back.answered.happened,
                           back.answered.partly, back.answered.didnt);
    out += ".</p>\n";
    std::vector<std::string> labels = {"Written", "Looked back on", "Happened", "Partly",
                                       "Did not happen"};
    std::vector<int> counts = {back.predictions, back.answered.answered, back.answered.happened,
                               back.answered.partly, back.answered.didnt};
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < labels.size(); ++i)
        rows.push_back({labels[i], std::to_string(counts[i])});
    out += figure_pair(row_chart("Predictions written, looked back on, and how they turned out",
                                 labels, counts, {"four", "four", "three", "one", "two"}),
                       number_table("Predictions", {"", "Count"}, rows));
    if (s.audit.rated > 0)
        out += number_table("Anxiety in audits (0 to 10)", {"", "Median"},
                            {{"Before", median_text(s.audit.anxiety_before)},
                             {"After", median_text(s.audit.anxiety_after)},
                             {"Audits rated both times", std::to_string(s.audit.rated)}});
    out += "</section>\n";
}

void timing_section(std::string& out, const Summary& s) {
    if (s.entries == 0)
        return;
    out += "<section>\n<h2>When entries were written</h2>\n";
    out += "<p class=\"muted\">By the local time each entry was written.</p>\n";
    std::vector<std::string> bands;
    std::vector<int> band_counts;
    std::vector<std::vector<std::string>> rows;
    for (int start = 0; start < 24; start += 3) {
        int count =
            s.by_hour[size_t(start)] + s.by_hour[size_t(start + 1)] + s.by_hour[size_t(start + 2)];
        bands.push_back(fmt::format("{:02}–{:02}", start, start + 3));
        band_counts.push_back(count);
        rows.push_back(
            {fmt::format("{:02}:00 to {:02}:59", start, start + 2), std::to_string(count)});
    }
    double top = nice_top(*std::max_element(band_counts.begin(), band_counts.end()));
    Series series{"entries", "one", {}};
    for (int count : band_counts)
        series.values.push_back(count);
    out += "<h3>Time of day</h3>\n";
    out += figure_pair(
        column_chart("Entries by time of day, in three-hour spans", bands, {series}, top),
        number_table("Entries by time of day", {"Hours", "Entries"}, rows));

    std::vector<std::string> days;
    std::vector<int> day_counts;
    std::vector<std::vector<std::string>> day_rows;
    for (size_t d = 0; d < 7; ++d) {
        days.push_back(kWeekdays[d]);
        day_counts.push_back(s.by_weekday[d]);
        day_rows.push_back({kWeekdays[d], std::to_string(s.by_weekday[d])});
    }
    out += "<h3>Day of the week</h3>\n";
    out += figure_pair(row_chart("Entries by day of the week", days, day_counts, {"two"}),
                       number_table("Entries by day of the week", {"Day", "Entries"}, day_rows));
    out += "</section>\n";
}

std::string entry_date(const Entry& entry) {
    auto local = entry.created.local();
    auto day = Day{std::chrono::floor<date::days>(local).time_since_epoch()};
    return fmt::format("{}, {}", long_date(day),
                       date::format("%H:%M", std::chrono::floor<std::chrono::minutes>(local)));
}

std::string_view outcome_words(std::optional<PredictionOutcome> outcome) {
    if (!outcome)
        return "not looked back on";
    switch (*outcome) {
    case PredictionOutcome::happened:
        return "happened";
    case PredictionOutcome::partly:
        return "partly";
    case PredictionOutcome::didnt:
        return "did not happen";
    }
    return "";
}

void words_sections(std::string& out, const Summary& s, const HtmlIncludes& includes,
                    const std::vector<Entry>& entries) {
    if (includes.predictions) {
        out += "<section>\n<h2>Predictions, in the words written</h2>\n";
        bool any = false;
        for (const auto& entry : entries) {
            const auto* audit = std::get_if<AuditFields>(&entry.fields);
            if (!audit || audit->predict.empty())
                continue;
            any = true;
            out += fmt::format("<div class=\"keep\">\n<h3>{}</h3>\n<ul>\n",
                               html_escape(entry_date(entry)));
            for (size_t i = 0; i < audit->predict.size(); ++i) {
                std::optional<PredictionOutcome> outcome;
                if (entry.revisit)
                    if (auto found = entry.revisit->predictions.find(int(i) + 1);
                        found != entry.revisit->predictions.end())
                        outcome = found->second;
                out += fmt::format("<li>{} <span class=\"muted\">({})</span></li>\n",
                                   html_words(audit->predict[i]), outcome_words(outcome));
            }
            out += "</ul>\n</div>\n";
        }
        if (!any)
            out += "<p>No predictions were written in this period.</p>\n";
        out += "</section>\n";
    }
    if (includes.scripts) {
        out += "<section>\n<h2>Scripts</h2>\n";
        bool any = false;
        for (const auto& entry : entries) {
            const auto* script = std::get_if<ScriptFields>(&entry.fields);
            if (!script)
                continue;
            any = true;
            out +=
                fmt::format("<div class=\"keep\"><h3>{}</h3>\n<p class=\"words\">{}</p></div>\n",
                            html_escape(entry_date(entry)), html_words(compose_sentence(*script)));
        }
        if (!any)
            out += "<p>No scripts in this period.</p>\n";
        for (auto [caption, names] : {std::pair{"Feelings named most", &s.script.feelings},
                                      std::pair{"Needs named most", &s.script.needs}}) {
            if (names->empty())
                continue;
            std::vector<std::vector<std::string>> rows;
            for (const auto& name : *names)
                rows.push_back({html_words(name.name), std::to_string(name.count)});
            out += number_table(caption, {"Word", "Scripts"}, rows);
        }
        out += "</section>\n";
    }
    if (includes.notes) {
        out += "<section>\n<h2>Notes</h2>\n";
        bool any = false;
        for (const auto& entry : entries) {
            bool body = entry.body.find_first_not_of(" \t\n") != std::string::npos;
            bool looking_back = entry.revisit && !entry.revisit->note.empty();
            if (!body && !looking_back)
                continue;
            any = true;
            out +=
                fmt::format("<div class=\"keep\"><h3>{} <span class=\"muted\">({})</span></h3>\n",
                            html_escape(entry_date(entry)), to_string(entry.kind()));
            if (body)
                out += fmt::format("<p class=\"words\">{}</p>\n", html_words(entry.body));
            if (looking_back)
                out +=
                    fmt::format("<p class=\"muted\">Looking back:</p>\n<p class=\"words\">{}</p>\n",
                                html_words(entry.revisit->note));
            out += "</div>\n";
        }
        if (!any)
            out += "<p>No notes in this period.</p>\n";
        out += "</section>\n";
    }
    if (includes.tags && !s.tags.empty()) {
        std::vector<std::vector<std::string>> rows;
        for (const auto& tag : s.tags)
            rows.push_back({html_words(tag.name), std::to_string(tag.count)});
        out += "<section>\n<h2>Tags</h2>\n" +
               number_table("Tags used most", {"Tag", "Entries"}, rows) + "</section>\n";
    }
}

} // namespace

HtmlIncludes parse_includes(const std::vector<std::string>& names) {
    HtmlIncludes includes;
    for (const auto& name : names) {
        if (name == "predictions")
            includes.predictions = true;
        else if (name == "scripts")
            includes.scripts = true;
        else if (name == "notes")
            includes.notes = true;
        else if (name == "tags")
            includes.tags = true;
        else if (name == "all")
            includes = HtmlIncludes{true, true, true, true};
        else if (!name.empty())
            throw UsageError(fmt::format(
                "--include takes predictions, scripts, notes, tags or all, got \"{}\"", name));
    }
    return includes;
}

std::string summary_html(const Summary& summary, const SummaryRequest& request,
                         const HtmlIncludes& includes, const std::vector<Entry>& entries,
                         Paper paper) {
    std::string period = summary.days ? span_text(*summary.days) : "no entries yet";
    std::string body = "<header>\n<h1>Journal summary</h1>\n";
    body += fmt::format("<p><strong>{}</strong>", html_escape(period));
    if (summary.days)
        body += fmt::format(" ({})", plural(summary.days->days(), "day", "days"));
    body += "</p>\n";
    std::string filters;
    if (request.kind)
        filters = fmt::format("only {}s", to_string(*request.kind));
    for (const auto& tag : request.tags)
        filters += (filters.empty() ? "only entries tagged " : ", tagged ") + html_words(tag);
    if (!filters.empty())
        body += "<p>Counting " + filters + ".</p>\n";
    body += "</header>\n";
    included_section(body, includes);
    overview_section(body, summary);
    pause_section(body, summary);
    prediction_section(body, summary);
    timing_section(body, summary);
    words_sections(body, summary, includes, entries);
    if (!summary.skipped.empty())
        body += fmt::format("<p class=\"muted\">{} could not be read and {} not counted.</p>\n",
                            plural(int(summary.skipped.size()), "file", "files"),
                            summary.skipped.size() == 1 ? "is" : "are");
    body += "<footer class=\"muted\"><p>Counts and medians from a settle journal. Medians leave "
            "out what was not rated; a dash means nothing was.</p></footer>\n";
    return html_document(
        {"Journal summary, " + period, "settle · journal summary · " + period, "", body, paper});
}

} // namespace settle::cli
