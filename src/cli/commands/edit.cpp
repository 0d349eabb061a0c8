// settle edit: open an entry in the person's editor, then check it.
//
// The editor works on a private copy beside the entry; the entry is replaced
// in one atomic step only when the editor finishes well and the text changed.
// A file left invalid is still kept exactly as written: the words matter more
// than the format, and `settle check` will keep naming the problem.
#include "cli/commands.hpp"
#include "cli/reading.hpp"
#include "cli/sync/git.hpp"
#include "cli/terminal/pager.hpp"
#include "cli/terminal/probe.hpp"
#include "core/atomic_file.hpp"
#include "core/display.hpp"
#include "core/fast_frontmatter.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <fmt/format.h>
#include <memory>
#include <optional>
#include <spawn.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

extern char** environ;

namespace settle::cli {

namespace {

std::string editor_command(const GetEnv& env) {
    for (const char* name : {"VISUAL", "EDITOR"})
        if (auto value = env(name); value && !value->empty())
            return *value;
    return {};
}

// Debian's choice of editor for whoever has not made one (`editor`, set by
// update-alternatives), else vi, which every Unix has. The name shown is
// what `editor` really is (nano, vim.basic), so the advice on leaving fits.
struct DefaultEditor {
    std::string command;
    std::string shown;
};

DefaultEditor default_editor(const GetEnv& env) {
    std::string path = env("PATH").value_or("/usr/bin:/bin");
    for (size_t start = 0; start <= path.size();) {
        auto end = std::min(path.find(':', start), path.size());
        auto folder = path.substr(start, end - start);
        start = end + 1;
        if (folder.empty())
            continue;
        auto candidate = fs::path(folder) / "editor";
        if (::access(candidate.c_str(), X_OK) != 0)
            continue;
        std::error_code ec;
        auto real = fs::canonical(candidate, ec);
        return {"editor", ec ? std::string("editor") : real.filename().string()};
    }
    return {"vi", "vi"};
}

// Said before an editor opens that the person did not choose: being stuck
// in an unfamiliar editor, not knowing how to leave, is a wall.
void say_which_editor(const DefaultEditor& editor) {
    std::string how;
    if (editor.shown.find("nano") != std::string::npos || editor.shown == "pico")
        how = "Ctrl-O then Enter saves, Ctrl-X leaves";
    else if (editor.shown.rfind("vi", 0) == 0 || editor.shown.rfind("nvi", 0) == 0 ||
             editor.shown.rfind("nvim", 0) == 0 || editor.shown.rfind("elvis", 0) == 0)
        how = "press Esc, then type :wq and Enter to save and leave, or :q! and Enter to leave "
              "without saving";
    else
        how = "save the file and quit the editor to come back";
    print_message(
        fmt::format("Opening {} (no $VISUAL or $EDITOR is set; set one to choose your editor).\n"
                    "To leave it: {}.\n",
                    neutralize_controls(editor.shown), how));
}

// Runs the editor through sh, as git does, so that "code --wait" or an
// editor with flags works. Returns the exit status, or -1 if it never ran.
int run_editor(const std::string& editor, const fs::path& file) {
    std::string script = editor + " \"$1\"";
    const char* argv[] = {"sh", "-c", script.c_str(), "sh", file.c_str(), nullptr};
    // The editor owns Ctrl-C while it runs, and settle outlives a closed
    // terminal or a SIGTERM until the editor has gone too: then it can keep
    // the edited copy, or remove it, and say which.
    constexpr int kSignals[] = {SIGINT, SIGQUIT, SIGHUP, SIGTERM};
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction previous[std::size(kSignals)]{};
    sigset_t defaults;
    sigemptyset(&defaults);
    for (size_t i = 0; i < std::size(kSignals); ++i) {
        sigaction(kSignals[i], &ignore, &previous[i]);
        sigaddset(&defaults, kSignals[i]);
    }
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    int status = -1;
    if (posix_spawn(&pid, "/bin/sh", nullptr, &attr, const_cast<char* const*>(argv), environ) ==
        0) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    }
    posix_spawnattr_destroy(&attr);
    for (size_t i = 0; i < std::size(kSignals); ++i)
        sigaction(kSignals[i], &previous[i], nullptr);
    return status;
}

struct EditOptions {
    std::string entry;
    bool kept = false; // open the kept copy instead of the entry
};

// Asks a yes-or-no question at the terminal; only a line typed after the
// question counts (keys typed ahead are dropped first). No is the default.
bool ask_yes(const std::string& question) {
    ::tcflush(STDIN_FILENO, TCIFLUSH);
    print_message(question + " [y/N] ");
    std::string answer;
    int c = 0;
    while ((c = std::getchar()) != EOF && c != '\n')
        answer += static_cast<char>(c);
    return answer == "y" || answer == "Y" || answer == "yes" || answer == "Yes";
}

// An edited copy an earlier `settle edit` kept is offered before anything
// else: at a terminal settle asks whether to open it, `--kept` opens it
// without asking, and otherwise settle says how. Returns the copy to open.
std::optional<Leftover> kept_copy_to_open(const Journal& journal, const EntryFile& file,
                                          const EditOptions& options) {
    auto kept = journal.kept_copies(file);
    if (kept.empty()) {
        if (options.kept)
            throw RuntimeError(
                fmt::format("there is no kept copy of {} to open", neutralize_controls(file.id)));
        return std::nullopt;
    }
    const auto& newest = kept.back();
    print_message(fmt::format(
        "An edited copy of {} that settle could not save is kept at {}{}.\n",
        neutralize_controls(file.id), neutralize_controls(newest.relative),
        kept.size() > 1
            ? fmt::format(" (and {} older ones; `settle check` lists them)", kept.size() - 1)
            : std::string()));
    if (options.kept)
        return newest;
    if (is_terminal(STDIN_FILENO) && is_terminal(STDERR_FILENO)) {
        if (ask_yes("Open the kept copy instead of the entry?"))
            return newest;
        print_message("The kept copy stays where it is.\n");
        return std::nullopt;
    }
    print_message(
        fmt::format("To open it instead: settle edit --kept {}\n", neutralize_controls(file.id)));
    return std::nullopt;
}

void run_edit(Context& context, const EditOptions& options) {
    auto journal = context.journal();
    auto file = find_entry(journal, options.entry);
    auto original = read_small_file(file.path, file.relative);
    if (!original)
        throw RuntimeError(original.error().located());
    auto restoring = kept_copy_to_open(journal, file, options);

    // The copy lives in the entry's own folder, opened once from the journal
    // folder down without following a link, and is read back through it.
    auto folder_path = file.path.parent_path().empty() ? fs::path(".") : file.path.parent_path();
    auto folder = open_journal_folder(journal.root(), folder_path, false);
    if (!folder)
        throw RuntimeError(folder.error().located());
    fs::path copy;
    if (restoring) {
        copy = restoring->path;
    } else {
        auto made = create_file_atomically(*folder, *original, [&](int n) {
            return fmt::format("{}{}-{}-{}.md", kEditCopyPrefix, ::getpid(), n, file.id);
        });
        if (!made)
            throw RuntimeError(made.error().located());
        copy = *made;
    }
    const auto copy_name = copy.filename().string();
    auto remove_copy = [&] {
        ::unlinkat(folder->fd(), copy_name.c_str(), 0);
    };
    // Where the copy is kept, said in every message that keeps it, and how
    // to come back to it.
    const auto kept_at =
        fmt::format("your edited copy is kept at {}; `settle edit {}` offers "
                    "to open it again",
                    neutralize_controls(copy.string()), neutralize_controls(file.id));

    auto editor = editor_command(context.env());
    if (editor.empty()) {
        auto fallback = default_editor(context.env());
        say_which_editor(fallback);
        editor = fallback.command;
    }
    int status = run_editor(editor, copy);
    std::string edited;
    if (auto read = read_small_file_at(folder->fd(), copy_name.c_str(), edited); !read)
        throw RuntimeError(fmt::format("{}: {}; {} is unchanged and {}",
                                       neutralize_controls(copy.string()), read.error().message,
                                       neutralize_controls(file.relative), kept_at));
    if (status != 0) {
        if (edited == *original) {
            remove_copy();
            throw RuntimeError(fmt::format("the editor ({}) did not finish well; {} is unchanged",
                                           editor, file.relative));
        }
        throw RuntimeError(
            fmt::format("the editor ({}) did not finish well; {} is unchanged and {}", editor,
                        file.relative, kept_at));
    }
    if (edited == *original) {
        remove_copy();
        print_message(fmt::format("No changes to {}.\n", neutralize_controls(file.relative)));
        return;
    }
    auto replaced = replace_file_if_unchanged(journal.root(), file.path, *original, edited);
    if (!replaced)
        throw RuntimeError(replaced.error().located() + "; " + kept_at);
    if (*replaced == Replaced::changed_meanwhile)
        throw RuntimeError(fmt::format(
            "{} changed while it was open in the editor (a revisit, or another edit), so it was "
            "left as it is now; {}",
            neutralize_controls(file.relative), kept_at));
    remove_copy();
    auto parsed = read_entry_text(edited, file.relative);
    if (!parsed) {
        print_message(fmt::format("Saved {} as you wrote it, but settle cannot read it yet:\n  {}\n"
                                  "Run `settle edit {}` again to fix it.\n",
                                  neutralize_controls(file.relative),
                                  neutralize_controls(parsed.error().located()),
                                  neutralize_controls(file.id)));
        context.exit_status = 1;
        return;
    }
    print_message(fmt::format("Saved {}.\n", neutralize_controls(file.relative)));
    commit_rewrite_if_asked(context, file.path, *parsed, "edit");
}

} // namespace

void setup_edit(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("edit", "Open an entry in $VISUAL or $EDITOR");
    auto options = std::make_shared<EditOptions>();
    add_entry_argument(*command, options->entry);
    command->add_flag("--kept", options->kept,
                      "Open the edited copy an earlier edit kept, instead of the entry");
    command->footer(R"(The entry is replaced atomically when the editor exits, then checked.
Without $VISUAL or $EDITOR, settle opens the system's editor and says how to
leave it. If an earlier edit could not be saved, its copy was kept: settle
edit says so, asks at a terminal whether to open it, and --kept opens it
directly.

Examples:
  settle edit
  EDITOR=nano settle edit 2026-11-27-2114
  settle edit --kept 2026-11-27-2114)");
    command->callback([&context, options] { run_edit(context, *options); });
}

} // namespace settle::cli
