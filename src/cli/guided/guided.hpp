// The guided (interactive) forms of the three exercises. A writing command
// runs its guided form when stdin and stdout are terminals, --stdin was not
// given, and a field the exercise needs is missing; the flags that were
// given are taken as answers and not asked again.
#pragma once

#include "cli/context.hpp"
#include "cli/guided/session.hpp"
#include "cli/terminal/countdown.hpp"
#include "cli/writing.hpp"
#include "core/entry.hpp"

#include <functional>
#include <optional>
#include <string>

namespace settle::cli {

// Whether the command should guide the person rather than write at once.
bool should_guide(const WriteOptions& options, bool fields_missing);

void guide_audit(Context& context, AuditFields given, const WriteOptions& options);
void guide_pause(Context& context, PauseFields given, const WriteOptions& options);

struct ScriptAnswers {
    std::optional<std::string> situation;
    std::optional<std::string> feeling;
    std::optional<std::string> need;
};
void guide_script(Context& context, ScriptAnswers given, const WriteOptions& options);
// The script inside a running session (offered at the end of a pause).
void guide_script(Session& session, ScriptAnswers given, const WriteOptions& options);

// Stamps a guided exercise's draft (time, tags, note) before anyone types,
// and tells the session when the draft holds words.
void start_draft(Session& session, Entry& draft, const WriteOptions& options);

// Runs an exercise's steps. If the session ends early, the draft is saved
// marked incomplete, with the countdown's time so far. Returns whether the
// steps finished.
bool run_keeping_words(Session& session, Entry& draft, const std::optional<Countdown>& countdown,
                       const WriteOptions& options, const std::function<void()>& steps);

// True when the draft holds anything the person gave.
bool has_content(const Entry& entry);

// The review before saving: the tags and the note the entry will be saved
// with (from --tag and --note), shown when there are any, and asked for
// again when the person chooses to change them.
void show_tags_and_note(Session& session, const Entry& entry);
void change_tags(Session& session, Entry& entry);
void change_note(Session& session, Entry& entry);

// The timer length for a session: --minutes, else the configured default.
double planned_seconds(const WriteOptions& options, double configured_minutes);

} // namespace settle::cli
