#include "session.hpp"

#include "core/display.hpp"
#include "core/entry_format.hpp"

#include <charconv>
#include <csignal>
#include <fmt/format.h>
#include <unistd.h>

namespace settle::cli {

namespace {

TerminalOptions terminal_options(Context& context) {
    TerminalOptions options;
    options.color = context.use_color(STDOUT_FILENO);
    options.bell = context.settings().bell.value;
    return options;
}

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t") == std::string_view::npos;
}

std::string trimmed(std::string_view text) {
    auto start = text.find_first_not_of(" \t");
    if (start == std::string_view::npos)
        return {};
    auto end = text.find_last_not_of(" \t");
    return std::string(text.substr(start, end + 1 - start));
}

std::optional<int> parse_rating_answer(std::string_view text) {
    auto answer = trimmed(text);
    int value = -1;
    auto [end, ec] = std::from_chars(answer.data(), answer.data() + answer.size(), value);
    if (ec != std::errc{} || end != answer.data() + answer.size() || !valid_rating(value))
        return std::nullopt;
    return value;
}

char32_t lower(char32_t c) {
    return c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c;
}

} // namespace

Session::Session(Context& context)
    : context_(context), terminal_(terminal_options(context)), editor_(terminal_) {}

std::string Session::prompt(std::string_view label) const {
    return terminal_.accent(fmt::format("{} {} ", label, terminal_.glyph("›", ">")));
}

std::optional<std::string> Session::ask_line(const Question& question) {
    std::string prefill;
    while (true) {
        auto result = editor_.read(
            LineRequest{question.prompt, question.vocabulary, prefill, question.status});
        switch (result.end) {
        case LineEnd::entered:
            return result.text;
        case LineEnd::time_up:
            terminal_.line();
            return std::nullopt;
        case LineEnd::interrupt:
            switch (offer_to_stop(question.status, !blank(result.text))) {
            case AfterInterrupt::keep_going:
                prefill = result.text;
                continue;
            case AfterInterrupt::stop:
                end(SessionEnd::stopped, result.text, question.keep);
            case AfterInterrupt::discard:
                end(SessionEnd::discarded, {}, {});
            }
            break;
        case LineEnd::end_of_input:
            end(SessionEnd::end_of_input, result.text, question.keep);
        case LineEnd::terminate:
            end(SessionEnd::terminated, result.text, question.keep);
        case LineEnd::hangup:
            end(SessionEnd::hung_up, result.text, question.keep);
        }
    }
}

std::optional<int> Session::ask_rating(const std::string& prompt, bool can_skip,
                                       const std::function<void(int)>& keep) {
    Question question{prompt, nullptr, nullptr, [&](const std::string& unfinished) {
                          // A number typed but not yet entered still counts.
                          if (auto value = parse_rating_answer(unfinished); value && keep)
                              keep(*value);
                      }};
    while (true) {
        auto answer = ask_line(question);
        if (!answer || (blank(*answer) && can_skip))
            return std::nullopt;
        if (auto value = parse_rating_answer(*answer))
            return value;
        say(terminal_.dim(can_skip ? "A whole number from 0 to 10, please, or Enter to skip."
                                   : "A whole number from 0 to 10, please; a guess is fine."));
    }
}

namespace {

// Key mode for as long as one question waits for its key.
class KeyMode {
  public:
    explicit KeyMode(Terminal& terminal) : terminal_(terminal) { terminal_.enter_key_mode(); }
    ~KeyMode() { terminal_.restore_mode(); }
    KeyMode(const KeyMode&) = delete;
    KeyMode& operator=(const KeyMode&) = delete;

  private:
    Terminal& terminal_;
};

constexpr char32_t kControlD = 4;

} // namespace

std::optional<char32_t> Session::ask_key(std::u32string_view keys, LiveStatus* status) {
    while (true) {
        std::optional<char32_t> c;
        {
            KeyMode key_mode(terminal_);
            switch (wait_for_person(terminal_, status)) {
            case Heard::input:
                c = terminal_.read_char();
                if (!c)
                    end(SessionEnd::hung_up, {}, {});
                break;
            case Heard::time_up:
                return std::nullopt;
            case Heard::interrupt:
                break; // asked below, outside key mode
            case Heard::terminate:
                end(SessionEnd::terminated, {}, {});
            case Heard::hangup:
                end(SessionEnd::hung_up, {}, {});
            }
        }
        if (!c) {
            switch (offer_to_stop(status, false)) {
            case AfterInterrupt::keep_going:
                continue;
            case AfterInterrupt::stop:
                end(SessionEnd::stopped, {}, {});
            case AfterInterrupt::discard:
                end(SessionEnd::discarded, {}, {});
            }
        }
        char32_t key = *c == U'\r' ? U'\n' : lower(*c);
        if (keys.empty() || keys.find(key) != std::u32string_view::npos)
            return key;
        if (*c == kControlD)
            end(SessionEnd::end_of_input, {}, {});
    }
}

Session::AfterInterrupt Session::offer_to_stop(LiveStatus* status, bool has_unfinished_text) {
    bool has_words = has_unfinished_text || (has_content_ && has_content_());
    terminal_.line();
    if (!has_words)
        return AfterInterrupt::stop; // nothing to keep or to lose: just stop
    say(fmt::format("Stop here?  {} save what you wrote   {} discard it   {} keep going",
                    terminal_.bold("s"), terminal_.bold("d"), terminal_.bold("Enter")));
    KeyMode key_mode(terminal_);
    while (true) {
        switch (wait_for_person(terminal_, status)) {
        case Heard::input: {
            auto c = terminal_.read_char();
            if (!c || lower(*c) == U's' || *c == kControlD)
                return AfterInterrupt::stop;
            if (lower(*c) == U'd')
                return AfterInterrupt::discard;
            if (*c == U'\n' || *c == U'\r' || lower(*c) == U'k')
                return AfterInterrupt::keep_going;
            break;
        }
        case Heard::time_up:
            break;             // the countdown has said so; the choice is still open
        case Heard::interrupt: // a second Ctrl-C: stop, keeping the words
        case Heard::terminate:
        case Heard::hangup:
            return AfterInterrupt::stop;
        }
    }
}

void Session::end(SessionEnd how, const std::string& unfinished, const KeepUnfinished& keep) {
    if (keep && !blank(unfinished))
        keep(trimmed(unfinished));
    throw SessionEnded{how};
}

SavedEntry Session::add_keeping_words(const Entry& entry) {
    try {
        if (auto valid = validate(entry); !valid)
            throw UsageError(valid.error().message);
        return add_to_journal(context_, entry);
    } catch (const std::exception&) {
        terminal_.line();
        say("This could not be saved. Here is everything you wrote, to keep a copy:");
        terminal_.line();
        say(neutralize_controls(format_entry(entry), true));
        throw;
    }
}

SavedEntry Session::save_finished(const Entry& entry, const WriteOptions& options,
                                  const std::string& stdout_text) {
    auto saved = add_keeping_words(entry);
    print_on_stdout(saved, options, stdout_text);
    say(terminal_.dim(fmt::format("Saved {}", neutralize_controls(saved.relative))));
    commit_if_asked(context_, saved, entry);
    return saved;
}

void Session::save_unfinished(Entry draft, bool has_content, const WriteOptions& options,
                              const SessionEnded& ended) {
    switch (ended.how) {
    case SessionEnd::stopped:
    case SessionEnd::discarded:
        context_.exit_status = 128 + SIGINT;
        break;
    case SessionEnd::end_of_input:
        context_.exit_status = 0;
        break;
    case SessionEnd::terminated:
        context_.exit_status = 128 + SIGTERM;
        break;
    case SessionEnd::hung_up:
        context_.exit_status = 128 + SIGHUP;
        break;
    }
    terminal_.line();
    if (ended.how == SessionEnd::discarded) {
        say("Nothing was saved. Take care of yourself.");
        return;
    }
    if (!has_content) {
        say("Nothing was written yet, so there is nothing to save.");
        return;
    }
    draft.incomplete = true;
    auto saved = add_keeping_words(draft);
    print_on_stdout(saved, options, {});
    say(fmt::format("Saved what you wrote so far, marked incomplete, in\n  {}",
                    neutralize_controls(saved.path.string())));
    commit_if_asked(context_, saved, draft);
}

} // namespace settle::cli
