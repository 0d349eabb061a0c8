#include "cli/report/summary_markdown.hpp"

#include "cli/reading.hpp"
#include "cli/report/summary_wording.hpp"

#include <fmt/format.h>

namespace settle::cli {

namespace {

using namespace wording;

void markdown_names(std::string& out, const char* heading, const std::vector<NameCount>& names) {
    if (names.empty())
        return;
    out += markdown_row({heading, "times"});
    out += "|:--|--:|\n";
    for (const auto& item : names)
        out += markdown_row({markdown_text(item.name), std::to_string(item.count)});
    out += "\n";
}

} // namespace

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

} // namespace settle::cli
