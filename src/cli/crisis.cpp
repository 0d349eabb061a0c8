// settle crisis: the crisis lines and the safety note, at once. Nothing can
// stand in front of them: no pager, no prompt, and a broken config file only
// means the built-in lines are shown, with a note about the file after them.
#include "commands.hpp"
#include "core/display.hpp"
#include "core/render.hpp"
#include "pager.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace settle::cli {

namespace {

std::string crisis_text(const std::vector<CrisisLine>& lines, const RenderOptions& style) {
    std::string out = wrap_spans(
        {{"In a crisis, call your local emergency services or a crisis line now.", face_plain}},
        style);
    out += "\n";
    int widest = 0;
    for (const auto& line : lines)
        widest = std::max(widest, display_width(neutralize_controls(line.contact)));
    // The number to dial stands first, where the eye lands.
    for (const auto& line : lines) {
        auto who = neutralize_controls(line.name);
        if (!line.note.empty())
            who += ", " + neutralize_controls(line.note);
        out += term_and_description({neutralize_controls(line.contact), face_bold}, widest,
                                    {{{who, face_plain}}}, style);
    }
    out += "\n";
    out += wrap_spans({{"settle is educational, not medical advice, diagnosis or treatment. If "
                        "worries get in the way of daily life, please reach out to a qualified "
                        "professional.",
                        face_plain}},
                      style);
    return out;
}

void run_crisis(Context& context) {
    auto lines = default_crisis_lines();
    std::optional<std::string> problem;
    try {
        lines = context.settings().crisis_lines.value;
    } catch (const std::exception& error) {
        problem = error.what();
    }
    auto size = screen_size(STDOUT_FILENO);
    RenderOptions style{size ? size->columns : 80, context.use_color(STDOUT_FILENO)};
    fmt::print("{}", crisis_text(lines, style));
    std::fflush(stdout);
    if (problem)
        fmt::print(stderr, "settle: warning: {}; these are the built-in lines\n", *problem);
}

} // namespace

void setup_crisis(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("crisis", "Show crisis lines, now");
    command->footer(R"(The lines are Canada's and Alberta's unless the config file lists your own,
in the same shape as this one:

  crisis:
    - name: Suicide Crisis Helpline (Canada)
      contact: 9-8-8
      note: call or text

Example:
  settle crisis)");
    command->callback([&context] { run_crisis(context); });
}

} // namespace settle::cli
