// settle init: make a journal folder (private), optionally a git repository.
#include "commands.hpp"
#include "core/atomic_file.hpp"
#include "core/display.hpp"
#include "git.hpp"

#include <fmt/format.h>
#include <memory>

namespace settle::cli {

namespace {

struct InitOptions {
    std::optional<std::string> folder;
    bool git = false;
};

void run_init(Context& context, const InitOptions& options) {
    fs::path folder =
        options.folder ? expand_home(*options.folder, context.env()) : context.journal().root();
    std::error_code ec;
    bool existed = fs::is_directory(folder, ec);
    if (auto made = make_private_folders(folder, folder); !made)
        throw RuntimeError(made.error().located());
    if (existed && (fs::status(folder, ec).permissions() &
                    (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none) {
        // A journal is private whoever made the folder: others could read
        // every entry (and, with --git, every entry's history).
        fs::permissions(folder, fs::perms::owner_all, ec);
        if (ec)
            throw RuntimeError(
                fmt::format("could not make {} private: {}", folder.string(), ec.message()));
        fmt::print(stderr, "{} is already there; it is now private (only you can read it).\n",
                   neutralize_controls(folder.string()));
    } else if (existed)
        fmt::print(stderr, "{} is already there; nothing in it was changed.\n",
                   neutralize_controls(folder.string()));
    else
        fmt::print(stderr, "Made the journal folder {} (only you can read it).\n",
                   neutralize_controls(folder.string()));
    if (options.git)
        start_repository(folder);
    if (options.folder && fs::absolute(folder, ec) != fs::absolute(context.journal().root(), ec))
        fmt::print(stderr,
                   "To write there, use --journal {0}, set SETTLE_JOURNAL={0}, or put\n"
                   "  journal: {0}\ninto {1}.\n",
                   folder.string(), context.settings().config_file.string());
}

} // namespace

void setup_init(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("init", "Make a journal folder, optionally kept in git");
    auto options = std::make_shared<InitOptions>();
    command->add_option("dir", options->folder, "The folder (default: the journal folder)")
        ->option_text("DIR");
    command->add_flag("--git", options->git,
                      "Also make it a git repository that keeps entries LF and diffable");
    command->footer(R"(The folder is made private (mode 0700). With --git, settle writes a
.gitattributes and a .gitignore and commits them; add `git: {auto_commit: true}`
to the config file to commit each new entry as it is written.

Examples:
  settle init --git
  settle init ~/notes/journal)");
    command->callback([&context, options] { run_init(context, *options); });
}

} // namespace settle::cli
