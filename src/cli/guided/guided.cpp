#include "cli/guided/guided.hpp"

#include "cli/terminal/tty.hpp"

#include "core/display.hpp"

#include <algorithm>

namespace settle::cli {

namespace {

struct HasContent {
    bool operator()(const AuditFields& audit) const {
        return audit.anxiety_before || audit.anxiety_after || !audit.know.empty() ||
               !audit.predict.empty();
    }
    bool operator()(const ScriptFields& script) const {
        return !script.situation.empty() || !script.feeling.empty() || !script.need.empty();
    }
    bool operator()(const PauseFields& pause) const {
        return pause.urge_before || pause.urge_after || pause.outcome;
    }
};

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace

bool should_guide(const WriteOptions& options, bool fields_missing) {
    return fields_missing && !options.from_stdin && interactive_terminal_available();
}

void start_draft(Session& session, Entry& draft, const WriteOptions& options) {
    stamp_entry(session.context(), draft, options);
    session.set_has_content([&draft] { return has_content(draft); });
}

bool run_keeping_words(Session& session, Entry& draft, const std::optional<Countdown>& countdown,
                       const WriteOptions& options, const std::function<void()>& steps) {
    try {
        steps();
        return true;
    } catch (const SessionEnded& ended) {
        if (countdown)
            draft.timer = countdown->record();
        session.save_unfinished(draft, has_content(draft), options, ended);
        return false;
    }
}

bool has_content(const Entry& entry) {
    return std::visit(HasContent{}, entry.fields);
}

void show_tags_and_note(Session& session, const Entry& entry) {
    auto& terminal = session.terminal();
    if (!entry.tags.empty()) {
        std::string tags;
        for (const auto& tag : entry.tags)
            tags += (tags.empty() ? "#" : " #") + neutralize_controls(tag);
        session.say(terminal.dim("Tags  ") + tags);
    }
    if (!blank(entry.body)) {
        session.say(terminal.dim("Note"));
        for (size_t start = 0; start <= entry.body.size();) {
            auto end = std::min(entry.body.find('\n', start), entry.body.size());
            session.say("  " + neutralize_controls(entry.body.substr(start, end - start)));
            start = end + 1;
        }
    }
}

void change_tags(Session& session, Entry& entry) {
    auto& terminal = session.terminal();
    session.say(terminal.dim("Tags, one word each, with spaces between; empty, there are none."));
    std::string current;
    for (const auto& tag : entry.tags)
        current += (current.empty() ? "" : " ") + tag;
    Question question{session.prompt("tags")};
    question.prefill = current;
    auto answer = session.ask_line(question);
    if (!answer)
        return;
    std::vector<std::string> tags;
    std::string word;
    auto finish = [&] {
        // "#late" is the tag "late", as the summary shows it.
        auto first = word.find_first_not_of('#');
        if (first != std::string::npos) {
            auto tag = word.substr(first);
            if (std::find(tags.begin(), tags.end(), tag) == tags.end())
                tags.push_back(std::move(tag));
        }
        word.clear();
    };
    for (char c : *answer) {
        if (c == ' ' || c == '\t' || c == ',' || c == '\n' || c == '\r')
            finish();
        else
            word += c;
    }
    finish();
    entry.tags = std::move(tags);
}

void change_note(Session& session, Entry& entry) {
    auto& terminal = session.terminal();
    Question question{session.prompt("note")};
    question.list = true; // a pasted note keeps its lines
    if (entry.body.find('\n') == std::string::npos) {
        session.say(terminal.dim("The note; empty, there is none."));
        question.prefill = entry.body;
    } else {
        session.say(terminal.dim("A new note replaces the one above; Enter alone keeps it."));
    }
    auto answer = session.ask_line(question);
    if (!answer || (blank(*answer) && entry.body.find('\n') != std::string::npos))
        return;
    entry.body = blank(*answer) ? std::string() : *answer;
}

double planned_seconds(const WriteOptions& options, double configured_minutes) {
    return (options.minutes ? *options.minutes : configured_minutes) * 60.0;
}

} // namespace settle::cli
