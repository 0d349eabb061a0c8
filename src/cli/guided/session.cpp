#include "cli/guided/session.hpp"

#include "cli/commands.hpp"
#include "core/display.hpp"
#include "core/entry_format.hpp"

#include <algorithm>
#include <charconv>
#include <csignal>
#include <cstdio>
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

// "8", and also "8/10" and "8." as people write them.
std::optional<int> parse_rating_answer(std::string_view text) {
    auto answer = trimmed(text);
    for (std::string_view suffix : {"/10", "/ 10", " / 10", " /10", "."})
        if (answer.size() > suffix.size() &&
            answer.compare(answer.size() - suffix.size(), suffix.size(), suffix) == 0) {
            answer.resize(answer.size() - suffix.size());
            break;
        }
    answer = trimmed(answer);
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
    // The style ends before the last space: libedit drops a style sequence
    // at the very end of a prompt, which left the typed answer coloured.
    return terminal_.accent(fmt::format("{} {}", label, terminal_.glyph("›", ">"))) + " ";
}

std::optional<std::string> Session::ask_line(const Question& question) {
    std::string prefill = question.prefill;
    while (true) {
        auto result = editor_.read(LineRequest{question.prompt, question.vocabulary, prefill,
                                               question.status, question.list});
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
                                       const std::function<void(int)>& keep,
                                       std::optional<int> current) {
    // A question too long to stand before the cursor is said above it, so
    // that it wraps between words.
    std::string shown_prompt = prompt;
    if (styled_width(prompt) > terminal_.size().columns - 12) {
        auto end = prompt.find_last_not_of(' ');
        say(prompt.substr(0, end + 1));
        shown_prompt = terminal_.accent(std::string(terminal_.glyph("›", ">"))) + " ";
    }
    Question question{shown_prompt, nullptr, nullptr, [&](const std::string& unfinished) {
                          // A number typed but not yet entered still counts.
                          if (auto value = parse_rating_answer(unfinished); value && keep)
                              keep(*value);
                      }};
    if (current)
        question.prefill = std::to_string(*current);
    while (true) {
        auto answer = ask_line(question);
        if (!answer || (blank(*answer) && can_skip))
            return std::nullopt;
        if (auto value = parse_rating_answer(*answer))
            return value;
        say(terminal_.dim(can_skip ? "A whole number from 0 to 10, please, or Enter to skip."
                                   : "A whole number from 0 to 10, please; a guess is fine."));
        terminal_.flush_input(); // the rest of a burst is not the next try
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

std::optional<char32_t> Session::ask_key(const KeyQuestion& question) {
    // Keys typed ahead were meant for an earlier question.
    terminal_.flush_input();
    if (!question.prompt.empty())
        say(question.prompt);
    while (true) {
        KeyPress press;
        {
            KeyMode key_mode(terminal_);
            press = wait_for_key_press(terminal_, question.status);
        }
        switch (press.heard) {
        case Heard::input:
            break;
        case Heard::time_up:
            return std::nullopt;
        case Heard::interrupt:
            switch (offer_to_stop(question.status, false)) {
            case AfterInterrupt::keep_going:
                terminal_.flush_input();
                continue;
            case AfterInterrupt::stop:
                end(SessionEnd::stopped, {}, {});
            case AfterInterrupt::discard:
                end(SessionEnd::discarded, {}, {});
            }
            continue;
        case Heard::terminate:
            end(SessionEnd::terminated, {}, {});
        case Heard::hangup:
            end(SessionEnd::hung_up, {}, {});
        }
        // Still on its way when the question began: not an answer to it.
        if (question.grace_until && std::chrono::steady_clock::now() < *question.grace_until)
            continue;
        if (press.typing) {
            if (question.report_typing)
                return kTyping;
            say(terminal_.dim(
                question.keys_named.empty()
                    ? "That looked like typing, so it is not taken as an answer."
                    : "That looked like typing, so it is not taken as an answer. This question "
                      "takes one key: " +
                          question.keys_named + "."));
            continue;
        }
        char32_t key = *press.key == U'\r' ? U'\n' : lower(*press.key);
        if (*press.key == kControlD)
            end(SessionEnd::end_of_input, {}, {});
        if (question.crisis_key && key == U'c') {
            show_crisis();
            if (!question.prompt.empty())
                say(question.prompt);
            continue;
        }
        if (question.keys.empty() || question.keys.find(key) != std::u32string::npos)
            return key;
        if (!question.keys_named.empty())
            say(terminal_.dim("This question takes one key: " + question.keys_named + "."));
    }
}

namespace {

constexpr char32_t kBackspace = 0x7F;
constexpr char32_t kControlH = 0x08;

std::string keys_in_words(const std::vector<Choice>& choices) {
    std::string out;
    for (size_t i = 0; i < choices.size(); ++i) {
        if (i > 0)
            out += i + 1 == choices.size() ? " or " : ", ";
        out += utf8_encode(choices[i].key);
    }
    return out;
}

} // namespace

char32_t Session::ask_choice(const std::vector<Choice>& choices, const std::string& prompt) {
    std::u32string keys;
    for (const auto& choice : choices)
        keys += choice.key;
    std::string shown = prompt;
    while (true) {
        auto key = ask_key(KeyQuestion{keys, keys_in_words(choices), shown});
        const auto& chosen = *std::find_if(choices.begin(), choices.end(),
                                           [&](const Choice& c) { return c.key == key; });
        KeyQuestion confirm;
        confirm.prompt = fmt::format("  {} {}", terminal_.glyph("→", "->"), chosen.label) +
                         terminal_.dim("   Enter keeps it, u changes it");
        confirm.report_typing = true;
        auto next = ask_key(confirm);
        if (next == U'\n') {
            return chosen.key;
        }
        shown =
            terminal_.dim("Nothing recorded yet. Choose again: " + keys_in_words(choices) + ".");
        if (next != U'u' && next != kBackspace && next != kControlH)
            shown = terminal_.dim("Not kept, since that was not Enter. ") + shown;
    }
}

void Session::show_crisis() {
    terminal_.line();
    std::fflush(stdout);
    show_crisis_lines(context_);
    std::fflush(stdout);
    terminal_.line();
}

void Session::finish(std::string_view next_step) {
    // Already saved: a Ctrl-C here has nothing to keep or lose.
    has_content_ = {};
    if (!next_step.empty())
        say(next_step);
    KeyQuestion last;
    last.prompt = terminal_.dim("c crisis lines   any other key closes");
    last.crisis_key = true;
    last.report_typing = true;
    ask_key(last);
}

Session::AfterInterrupt Session::offer_to_stop(LiveStatus* status, bool has_unfinished_text) {
    bool has_words = has_unfinished_text || (has_content_ && has_content_());
    terminal_.line();
    if (!has_words)
        return AfterInterrupt::stop; // nothing to keep or to lose: just stop
    auto options = fmt::format("Stop here?  {} save what you wrote   {} discard it   {} keep going"
                               "\n            {} crisis lines, if you need someone now",
                               terminal_.bold("s"), terminal_.bold("d"), terminal_.bold("Enter"),
                               terminal_.bold("c"));
    terminal_.flush_input();
    say(options);
    KeyMode key_mode(terminal_);
    while (true) {
        auto press = wait_for_key_press(terminal_, status);
        switch (press.heard) {
        case Heard::input: {
            if (press.typing)
                break; // only a key pressed on its own decides
            auto c = press.key;
            if (lower(*c) == U's' || *c == kControlD)
                return AfterInterrupt::stop;
            if (lower(*c) == U'd')
                return AfterInterrupt::discard;
            if (*c == U'\n' || *c == U'\r' || lower(*c) == U'k')
                return AfterInterrupt::keep_going;
            if (lower(*c) == U'c') {
                terminal_.restore_mode();
                show_crisis();
                say(options);
                terminal_.enter_key_mode();
            }
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
