#include "cli/guided/guided.hpp"

#include "cli/terminal/tty.hpp"

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

double planned_seconds(const WriteOptions& options, double configured_minutes) {
    return (options.minutes ? *options.minutes : configured_minutes) * 60.0;
}

} // namespace settle::cli
