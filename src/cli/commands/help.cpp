// settle help [COMMAND]: opens the manual page (settle-pause(1), ...), or
// prints the command's --help when man is missing or has no page.
#include "cli/commands.hpp"
#include "cli/process.hpp"

#include <fmt/format.h>
#include <memory>

#ifndef SETTLE_MANDIR_FROM_BINDIR
#define SETTLE_MANDIR_FROM_BINDIR "../share/man"
#endif

namespace settle::cli {

namespace {

struct Page {
    std::string section;
    std::string name;
    const CLI::App* command = nullptr; // whose --help stands in without man
};

// Where settle's own pages are, found from the binary itself: beside an
// installed binary (<prefix>/bin/../share/man), or the copy a build folder
// keeps next to the binary it built (build/man). Nothing found means man's
// own search path (MANPATH, manpath(1)), which holds them once installed
// under /usr or /usr/local.
std::optional<fs::path> manual_folder() {
    std::error_code ec;
    auto binary = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return std::nullopt;
    for (const auto& folder :
         {binary.parent_path() / SETTLE_MANDIR_FROM_BINDIR, binary.parent_path() / "man"})
        if (fs::is_regular_file(folder / "man1" / "settle.1", ec))
            return folder.lexically_normal();
    return std::nullopt;
}

Page find_page(const CLI::App& root, const std::string& name) {
    if (name.empty() || name == "settle")
        return {"1", "settle", &root};
    if (name == "journal")
        return {"5", "settle-journal", nullptr};
    for (const auto* command : root.get_subcommands({}))
        if (command->get_name() == name && !command->get_group().empty())
            return {"1", "settle-" + name, command};
    std::vector<std::string> names;
    for (const auto* command : root.get_subcommands({}))
        if (!command->get_group().empty())
            names.push_back(command->get_name());
    throw UsageError(fmt::format("there is no help on \"{}\"; try one of: {}, journal", name,
                                 fmt::join(names, ", ")));
}

int show_page(const CLI::App& root, const std::string& name) {
    auto page = find_page(root, name);
    RunOptions options;
    if (auto folder = manual_folder())
        // The empty entry after ':' keeps the system's pages reachable too.
        options.environment.emplace_back("MANPATH", folder->string() + ":");
    auto run = run_program({"man", page.section, page.name}, options);
    if (run.started && run.status == 0)
        return 0;
    if (!run.started)
        fmt::print(stderr, "settle: man is not installed, so here is the short help.\n");
    else
        fmt::print(stderr, "settle: man could not show {}({}); here is the short help.\n",
                   page.name, page.section);
    if (page.command)
        // Through the formatter: App::help() would describe the command
        // being run (help itself), and name a subcommand without "settle".
        fmt::print("{}",
                   page.command->get_formatter()->make_help(
                       page.command,
                       page.command == &root ? "settle" : "settle " + page.command->get_name(),
                       CLI::AppFormatMode::Normal));
    else
        fmt::print("The entry format is described in {}({}) and in docs/entry-format.md.\n",
                   page.name, page.section);
    return 0;
}

} // namespace

void setup_help(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("help", "Open the manual page of settle or a command");
    auto name = std::make_shared<std::string>();
    command->add_option("command", *name, "A command, or \"journal\" for the entry format")
        ->option_text("COMMAND");
    command->footer(R"(Uses man (and so $MANPAGER or $PAGER); without man, prints --help.

Examples:
  settle help pause
  settle help journal)");
    command->callback([&app, &context, name] { context.exit_status = show_page(app, *name); });
}

} // namespace settle::cli
