// settle script: name the feeling, not the partner.
#include "cli/commands.hpp"
#include "cli/guided/guided.hpp"
#include "cli/writing.hpp"

#include <fmt/format.h>
#include <memory>

namespace settle::cli {

namespace {

struct ScriptOptions {
    WriteOptions write;
    std::optional<std::string> situation;
    std::optional<std::string> feel;
    std::optional<std::string> need;
};

void run_script(Context& context, ScriptOptions& options) {
    read_fields_from_stdin(options.write, {"situation", "feel", "need"},
                           [&](const FieldLine& field) {
                               if (field.name == "situation")
                                   set_once(options.situation, field);
                               else if (field.name == "feel")
                                   set_once(options.feel, field);
                               else
                                   set_once(options.need, field);
                           });
    if (should_guide(options.write, !options.situation || !options.feel || !options.need))
        return guide_script(context, {options.situation, options.feel, options.need},
                            options.write);
    ScriptFields script{options.situation.value_or(""), options.feel.value_or(""),
                        options.need.value_or("")};
    Entry entry;
    entry.fields = script;
    save_entry(context, std::move(entry), options.write, compose_sentence(script));
}

} // namespace

void setup_script(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "script", "Name the feeling, not the partner: compose what you want to say");
    auto options = std::make_shared<ScriptOptions>();
    command->add_option("--situation", options->situation, "When ... (the specific situation)");
    command->add_option("--feel", options->feel, "I notice I feel ... (the specific emotion)");
    command->add_option("--need", options->need, "What I'm actually needing is ...");
    add_write_options(*command, options->write);
    command->footer(R"(Prints the composed sentence on stdout:
  When [situation], I notice I feel [emotion], and what I'm actually needing is [need].

Examples:
  settle script --situation "we haven't talked properly for a few days" \
                --feel "anxious that something is wrong" --need "to hear that we're okay"
  settle script --stdin < words.txt)");
    command->callback([&context, options] { run_script(context, *options); });
}

} // namespace settle::cli
