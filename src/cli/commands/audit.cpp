// settle audit: the certainty audit. What I know is true right now, and
// what I am predicting, kept apart on the page.
#include "cli/commands.hpp"
#include "cli/guided/guided.hpp"
#include "cli/writing.hpp"

#include <memory>

namespace settle::cli {

namespace {

struct AuditOptions {
    WriteOptions write;
    std::vector<std::string> know;
    std::vector<std::string> predict;
    std::optional<std::string> anxiety_before;
    std::optional<std::string> anxiety_after;
};

void run_audit(Context& context, AuditOptions& options) {
    read_fields_from_stdin(options.write, {"know", "predict", "anxiety-before", "anxiety-after"},
                           [&](const FieldLine& field) {
                               if (field.name == "know")
                                   options.know.push_back(field.value);
                               else if (field.name == "predict")
                                   options.predict.push_back(field.value);
                               else if (field.name == "anxiety-before")
                                   set_once(options.anxiety_before, field);
                               else
                                   set_once(options.anxiety_after, field);
                           });
    AuditFields audit;
    audit.know = options.know;
    audit.predict = options.predict;
    if (options.anxiety_before)
        audit.anxiety_before = parse_rating(*options.anxiety_before, "--anxiety-before");
    if (options.anxiety_after)
        audit.anxiety_after = parse_rating(*options.anxiety_after, "--anxiety-after");
    if (should_guide(options.write, audit.know.empty() && audit.predict.empty()))
        return guide_audit(context, std::move(audit), options.write);
    Entry entry;
    entry.fields = audit;
    save_entry(context, std::move(entry), options.write);
}

} // namespace

void setup_audit(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "audit", "The certainty audit: what you know is true now vs what you are predicting");
    auto options = std::make_shared<AuditOptions>();
    take_verbatim(command->add_option("--know", options->know,
                                      "Something you know is true right now (repeatable)"));
    take_verbatim(command->add_option("--predict", options->predict,
                                      "Something you are predicting (repeatable)"));
    command->add_option("--anxiety-before", options->anxiety_before, "How anxious before, 0-10");
    command->add_option("--anxiety-after", options->anxiety_after, "How anxious after, 0-10");
    add_write_options(*command, options->write);
    command->footer(R"(Examples:
  settle audit --know "They said they'd call after work" --predict "They're angry with me"
  printf 'know: it is 9pm\npredict: they have gone off me\n' | settle audit --stdin)");
    command->callback([&context, options] { run_audit(context, *options); });
}

} // namespace settle::cli
