#include "cli/guided/revisit.hpp"
#include "cli/terminal/pager.hpp"

#include "cli/terminal/line_editor.hpp"
#include "cli/terminal/tty.hpp"
#include "core/display.hpp"

#include <algorithm>
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

// One key pressed on its own, among `keys` ('\n' for Enter); a burst or a
// typed line is not an answer, and is said so gently.
char32_t one_key(Terminal& terminal, std::u32string_view keys, const std::string& named,
                 bool any_key = false) {
    terminal.enter_key_mode();
    while (true) {
        auto press = wait_for_key_press(terminal, nullptr);
        switch (press.heard) {
        case Heard::input:
            break;
        case Heard::interrupt:
        case Heard::terminate:
        case Heard::hangup:
            terminal.restore_mode();
            throw WalkStopped{};
        case Heard::time_up:
            continue;
        }
        if (press.typing) {
            if (any_key) {
                terminal.restore_mode();
                return 0;
            }
            terminal.line(terminal.dim("  That looked like typing, so it is not taken as an "
                                       "answer. One key: " +
                                       named + "."));
            continue;
        }
        char32_t key = *press.key == U'\r' ? U'\n' : *press.key;
        if (key >= U'A' && key <= U'Z')
            key = key - U'A' + U'a';
        if (key == 4) { // Ctrl-D
            terminal.restore_mode();
            throw WalkStopped{};
        }
        if (any_key || keys.find(key) != std::u32string_view::npos) {
            terminal.restore_mode();
            return key;
        }
        terminal.line(terminal.dim("  One key: " + named + "."));
    }
}

// Shows the choices and waits for one key, then echoes the answer, which
// Enter keeps and u (or Backspace, or any other key) changes. Enter at
// once skips. (Not "s": it is "said" when asking whether a script was
// shared.)
std::optional<char32_t> ask(Terminal& terminal, const std::string& question,
                            const std::vector<Choice>& choices, const std::string& lead = {}) {
    std::u32string keys = U"\n";
    std::string named;
    std::string line = question + "  ";
    for (size_t i = 0; i < choices.size(); ++i) {
        keys += choices[i].key;
        named += utf8_encode(choices[i].key) + (i + 1 < choices.size() ? ", " : "");
        line += fmt::format("[{}] {}  ", utf8_encode(choices[i].key), choices[i].label);
    }
    named += " or Enter";
    line += terminal.dim("[Enter] skip");
    // What the question is about is shown only once keys typed ahead (meant
    // for an earlier question) are dropped, so a key pressed on seeing it
    // counts.
    std::string shown = lead.empty() ? line : lead + "\n" + line;
    while (true) {
        terminal.flush_input();
        terminal.line(shown);
        auto key = one_key(terminal, keys, named);
        if (key == U'\n')
            return std::nullopt;
        const auto& chosen = *std::find_if(choices.begin(), choices.end(),
                                           [&](const Choice& c) { return c.key == key; });
        terminal.flush_input();
        terminal.line(fmt::format("  {} {}", terminal.glyph("→", "->"), chosen.label) +
                      terminal.dim("   Enter keeps it, u changes it"));
        if (one_key(terminal, {}, {}, true) == U'\n')
            return key;
        shown = terminal.dim("  Nothing recorded yet. ") + line;
    }
}

Choice choice_for(PredictionOutcome outcome) {
    switch (outcome) {
    case PredictionOutcome::happened:
        return {'h', "happened"};
    case PredictionOutcome::partly:
        return {'p', "partly"};
    case PredictionOutcome::didnt:
        break;
    }
    return {'d', "didn't"};
}

void walk_audit(Context& context, Terminal& terminal, const LoadedEntry& item) {
    const auto& audit = std::get<AuditFields>(item.entry.fields);
    for (int number : open_items(item.entry).predictions) {
        const auto& prediction = audit.predict[static_cast<size_t>(number - 1)];
        auto lead =
            fmt::format("  {} {}", terminal.glyph("•", "-"), neutralize_controls(prediction));
        std::vector<Choice> choices = {
            {'h', "happened"}, {'p', "partly"}, {'d', "didn't"}, {'?', "not sure"}};
        std::string question = "  Did this happen?";
        // Answered two ways on two devices: both answers are kept until the
        // person says which one stands; only they can.
        if (item.entry.revisit) {
            if (auto contested = item.entry.revisit->contested.find(number);
                contested != item.entry.revisit->contested.end()) {
                std::vector<std::string> labels;
                choices.clear();
                for (auto answer : contested->second) {
                    choices.push_back(choice_for(answer));
                    labels.push_back(choices.back().label);
                }
                choices.push_back({'?', "not sure yet"});
                lead += "\n" + terminal.dim(fmt::format("  Answered two ways on two devices: {}.",
                                                        fmt::join(labels, " and ")));
                question = "  Which answer stands?";
            }
        }
        auto key = ask(terminal, question, choices, lead);
        if (!key || *key == '?')
            continue; // still open: asked again another time
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
    auto shared = ask(terminal, "  Did you share it?",
                      {{'s', "said it"}, {'n', "sent it"}, {'k', "kept it to myself"}},
                      "  " + neutralize_controls(compose_sentence(script)));
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
        print_message("Nothing waiting to be looked back on.\n");
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
