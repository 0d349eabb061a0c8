// settle crisis: the crisis lines and the safety note, at once. Nothing can
// stand in front of them: no pager, no prompt, and a broken config file only
// means the built-in lines are shown, with a note about the file after them.
#include "cli/commands.hpp"
#include "cli/terminal/pager.hpp"
#include "core/display.hpp"
#include "core/render.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace settle::cli {

namespace {

std::string crisis_text(const std::vector<CrisisLine>& lines, bool built_in_shown,
                        const fs::path& config_file, const RenderOptions& style) {
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
    if (built_in_shown) {
        // Someone outside Canada must not take these for their own numbers.
        out += wrap_spans(
            {{fmt::format("The built-in numbers are for Canada and Alberta. To add the lines "
                          "where you live, list them under `crisis:` in {} (`settle crisis "
                          "--help` shows how); they are shown first.",
                          neutralize_controls(config_file.string())),
              face_plain}},
            style);
        out += "\n";
    }
    out += wrap_spans({{"settle is educational, not medical advice, diagnosis or treatment. If "
                        "worries get in the way of daily life, please reach out to a qualified "
                        "professional.",
                        face_plain}},
                      style);
    return out;
}

void run_crisis(Context& context) {
    auto lines = default_crisis_lines();
    bool built_in_shown = true;
    std::optional<std::string> problem;
    try {
        const auto& settings = context.settings();
        lines = settings.crisis_lines.value;
        built_in_shown = lines.size() > settings.crisis_configured;
    } catch (const std::exception& error) {
        problem = error.what();
    }
    auto size = screen_size(STDOUT_FILENO);
    RenderOptions style{size ? size->columns : 80, context.use_color(STDOUT_FILENO)};
    fmt::print("{}", crisis_text(lines, built_in_shown, config_file_path(context.env()), style));
    std::fflush(stdout);
    if (problem)
        print_message(fmt::format("settle: warning: {}; these are the built-in lines\n",
                                  neutralize_controls(*problem)));
}

} // namespace

void show_crisis_lines(Context& context) {
    run_crisis(context);
}

void setup_crisis(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("crisis", "Show crisis lines, now");
    command->footer(R"(The built-in lines are Canada's and Alberta's. Lines listed under `crisis:`
in the config file are shown first, and the built-in ones after them:

  crisis:
    - name: Samaritans (UK and Ireland)
      contact: 116 123
      note: free, any time

To show only your own lines, add `crisis_replace_builtin: true`.

Example:
  settle crisis)");
    command->callback([&context] { run_crisis(context); });
}

} // namespace settle::cli
