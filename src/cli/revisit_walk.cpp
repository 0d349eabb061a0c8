#include "revisit_walk.hpp"

#include "core/display.hpp"
#include "line_editor.hpp"
#include "tty.hpp"

#include <fmt/format.h>

namespace settle::cli {

namespace {

// How a walk ends before the last question: the answers given so far are
// already saved, so every ending is calm.
struct WalkStopped {};

struct Choice {
    char32_t key;
    std::string label;
};

// Shows the choices and waits for one key. Enter skips. (Not "s": it is
// "said" when asking whether a script was shared.)
std::optional<char32_t> ask(Terminal& terminal, const std::string& question,
                            const std::vector<Choice>& choices) {
    std::string line = question + "  ";
    for (const auto& choice : choices)
        line += fmt::format("[{}] {}  ", utf8_encode(choice.key), choice.label);
    line += terminal.dim("[Enter] skip");
    terminal.line(line);
    terminal.enter_key_mode();
    while (true) {
        switch (terminal.wait(std::nullopt)) {
        case Wake::input: {
            auto key = terminal.read_char();
            if (!key)
                throw WalkStopped{};
            if (*key == '\r' || *key == '\n') {
                terminal.restore_mode();
                return std::nullopt;
            }
            for (const auto& choice : choices)
                if (*key == choice.key) {
                    terminal.restore_mode();
                    terminal.line(terminal.dim("  " + choice.label));
                    return *key;
                }
            break;
        }
        case Wake::interrupt:
        case Wake::terminate:
        case Wake::hangup:
            terminal.restore_mode();
            throw WalkStopped{};
        case Wake::suspend:
            terminal.suspend([] {}, [] {});
            break;
        case Wake::timeout:
        case Wake::resize:
            break;
        }
    }
}

void walk_audit(Context& context, Terminal& terminal, const LoadedEntry& item) {
    const auto& audit = std::get<AuditFields>(item.entry.fields);
    for (int number : open_items(item.entry).predictions) {
        const auto& prediction = audit.predict[static_cast<size_t>(number - 1)];
        terminal.line(
            fmt::format("  {} {}", terminal.glyph("•", "-"), neutralize_controls(prediction)));
        auto key = ask(terminal, "  Did this happen?",
                       {{'h', "happened"}, {'p', "partly"}, {'d', "didn't"}});
        if (!key)
            continue;
        Answers answers;
        auto outcome = *key == 'h'   ? PredictionOutcome::happened
                       : *key == 'p' ? PredictionOutcome::partly
                                     : PredictionOutcome::didnt;
        answers.predictions.emplace_back(number, outcome);
        save_answers(context, item.file, answers);
    }
}

void walk_script(Context& context, Terminal& terminal, const LoadedEntry& item) {
    const auto& script = std::get<ScriptFields>(item.entry.fields);
    terminal.line("  " + neutralize_controls(compose_sentence(script)));
    auto shared = ask(terminal, "  Did you share it?",
                      {{'s', "said it"}, {'n', "sent it"}, {'k', "kept it to myself"}});
    if (!shared)
        return;
    Answers answers;
    answers.shared = *shared == 's' ? Shared::said : *shared == 'n' ? Shared::sent : Shared::kept;
    // Save the first answer at once: stopping at the next question keeps it.
    save_answers(context, item.file, answers);
    answers = {};
    if (*shared != 'k') {
        auto landed = ask(terminal, "  How did it land?",
                          {{'c', "closer"}, {'n', "neutral"}, {'h', "harder"}});
        if (landed) {
            answers.landed = *landed == 'c'   ? Landed::closer
                             : *landed == 'n' ? Landed::neutral
                                              : Landed::harder;
            save_answers(context, item.file, answers);
            answers = {};
        }
    }
    LineEditor editor(terminal);
    LineRequest request;
    request.prompt = "  A note, if you like (Enter to skip): ";
    auto note = editor.read(request);
    if (!note.text.empty())
        answers.note = note.text;
    if (!answers.empty())
        save_answers(context, item.file, answers);
    if (note.end != LineEnd::entered)
        throw WalkStopped{};
}

} // namespace

bool can_walk(const std::string& format) {
    return format == "text" && interactive_terminal_available();
}

void walk(Context& context, const std::vector<LoadedEntry>& entries) {
    if (entries.empty()) {
        fmt::print(stderr, "Nothing waiting to be looked back on.\n");
        return;
    }
    Terminal terminal(TerminalOptions{context.use_color(2), false});
    terminal.line(fmt::format("{} to look back on. Your answers are saved as you go; "
                              "Ctrl-C stops at any point.",
                              entries.size() == 1 ? std::string("One entry")
                                                  : fmt::format("{} entries", entries.size())));
    try {
        for (const auto& item : entries) {
            terminal.line();
            terminal.line(terminal.bold(
                fmt::format("{} · {}", to_string(item.entry.kind()),
                            date::format("%A %d %B %Y, %H:%M", item.entry.created.local()))));
            if (item.entry.kind() == Kind::audit)
                walk_audit(context, terminal, item);
            else
                walk_script(context, terminal, item);
        }
        terminal.line();
        terminal.line("That's all for now.");
    } catch (const WalkStopped&) {
        terminal.line();
        terminal.line("Stopped. Everything you answered is saved.");
    }
}

} // namespace settle::cli
