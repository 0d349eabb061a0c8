#include "reading.hpp"

#include "core/display.hpp"

#include <fmt/format.h>

namespace settle::cli {

namespace {

std::string rating_change(const char* label, const std::optional<int>& before,
                          const std::optional<int>& after) {
    if (!before && !after)
        return {};
    auto show = [](const std::optional<int>& v) {
        return v ? std::to_string(*v) : "?";
    };
    return fmt::format("{} {} → {}", label, show(before), show(after));
}

std::string describe(const AuditFields& audit) {
    auto text = fmt::format("{} known, {} predicted", audit.know.size(), audit.predict.size());
    if (auto change = rating_change("anxiety", audit.anxiety_before, audit.anxiety_after);
        !change.empty())
        text += ", " + change;
    return text;
}

std::string describe(const ScriptFields& script) {
    return fmt::format("feel {}; need {}", script.feeling.empty() ? "?" : script.feeling,
                       script.need.empty() ? "?" : script.need);
}

std::string describe(const PauseFields& pause) {
    auto text = rating_change("urge", pause.urge_before, pause.urge_after);
    if (pause.outcome)
        text += (text.empty() ? "" : ", ") + std::string(to_string(*pause.outcome));
    return text;
}

} // namespace

Journal readable_journal(Context& context) {
    auto journal = context.journal();
    const auto& root = journal.root();
    std::error_code ec;
    auto status = fs::status(root, ec);
    if (status.type() == fs::file_type::not_found)
        return journal;
    if (!ec && !fs::is_directory(status))
        throw RuntimeError(fmt::format("the journal {} is not a folder", root.string()));
    if (!ec)
        fs::directory_iterator(root, ec);
    if (ec)
        throw RuntimeError(
            fmt::format("cannot read the journal folder {}: {}", root.string(), ec.message()));
    return journal;
}

void report_skipped(const std::vector<Error>& problems) {
    for (const auto& problem : problems) {
        auto text = neutralize_controls(problem.located());
        // Some problems end "; skipped" already (a link, a FIFO): say it once.
        constexpr std::string_view kSaid = "; skipped";
        if (text.size() > kSaid.size() &&
            text.compare(text.size() - kSaid.size(), kSaid.size(), kSaid) == 0)
            text.resize(text.size() - kSaid.size());
        fmt::print(stderr, "settle: skipped {}\n", text);
    }
}

std::string describe_entry(const Entry& entry) {
    auto text = std::visit([](const auto& fields) { return describe(fields); }, entry.fields);
    if (entry.timer && entry.timer->ended_early())
        text += ", ended early";
    if (entry.incomplete)
        text += " (incomplete)";
    for (const auto& tag : entry.tags)
        text += " #" + tag;
    return neutralize_controls(text);
}

std::string markdown_text(std::string_view raw) {
    std::string out;
    for (char c : neutralize_controls(raw)) {
        if (std::string_view("\\`*_[]<>|#~").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

std::string markdown_row(const std::vector<std::string>& cells) {
    std::string row = "|";
    for (const auto& cell : cells)
        row += " " + cell + " |";
    return row + "\n";
}

void check_format(const std::string& format, std::initializer_list<const char*> allowed) {
    std::string names;
    for (const char* name : allowed) {
        if (format == name)
            return;
        names += (names.empty() ? "" : ", ") + std::string(name);
    }
    throw UsageError(fmt::format("--format must be one of {}, got \"{}\"", names, format));
}

} // namespace settle::cli
