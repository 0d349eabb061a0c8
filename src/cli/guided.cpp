#include "guided.hpp"

#include "tty.hpp"

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

bool has_content(const Entry& entry) {
    return std::visit(HasContent{}, entry.fields);
}

double planned_seconds(const WriteOptions& options, double configured_minutes) {
    return (options.minutes ? *options.minutes : configured_minutes) * 60.0;
}

} // namespace settle::cli
