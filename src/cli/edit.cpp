// settle edit: open an entry in the person's editor, then check it.
//
// The editor works on a private copy beside the entry; the entry is replaced
// in one atomic step only when the editor finishes well and the text changed.
// A file left invalid is still kept exactly as written: the words matter more
// than the format, and `settle check` will keep naming the problem.
#include "commands.hpp"
#include "core/atomic_file.hpp"
#include "core/display.hpp"
#include "core/entry_format.hpp"
#include "git.hpp"
#include "reading.hpp"

#include <algorithm>
#include <csignal>
#include <fmt/format.h>
#include <memory>
#include <spawn.h>
#include <sys/wait.h>
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
    fmt::print(stderr,
               "Opening {} (no $VISUAL or $EDITOR is set; set one to choose your editor).\n"
               "To leave it: {}.\n",
               neutralize_controls(editor.shown), how);
    std::fflush(stderr);
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

void run_edit(Context& context, const std::string& wanted) {
    auto journal = context.journal();
    auto file = find_entry(journal, wanted);
    auto original = read_small_file(file.path, file.relative);
    if (!original)
        throw RuntimeError(original.error().located());

    auto folder = file.path.parent_path();
    auto copy =
        create_file_atomically(folder.empty() ? fs::path(".") : folder, *original, [&](int n) {
            return fmt::format(".settle-edit-{}-{}-{}.md", ::getpid(), n, file.id);
        });
    if (!copy)
        throw RuntimeError(copy.error().located());

    auto editor = editor_command(context.env());
    if (editor.empty()) {
        auto fallback = default_editor(context.env());
        say_which_editor(fallback);
        editor = fallback.command;
    }
    int status = run_editor(editor, *copy);
    auto edited = read_small_file(*copy, copy->string());
    if (!edited)
        throw RuntimeError(edited.error().located() +
                           fmt::format("; {} is unchanged and your edited copy is kept at {}",
                                       neutralize_controls(file.relative), copy->string()));
    if (status != 0) {
        if (*edited == *original) {
            fs::remove(*copy);
            throw RuntimeError(fmt::format("the editor ({}) did not finish well; {} is unchanged",
                                           editor, file.relative));
        }
        throw RuntimeError(fmt::format("the editor ({}) did not finish well; {} is unchanged and "
                                       "your edited copy is kept at {}",
                                       editor, file.relative, copy->string()));
    }
    if (*edited == *original) {
        fs::remove(*copy);
        fmt::print(stderr, "No changes to {}.\n", neutralize_controls(file.relative));
        return;
    }
    auto replaced = replace_file_if_unchanged(journal.root(), file.path, *original, *edited);
    if (!replaced)
        throw RuntimeError(replaced.error().located() +
                           fmt::format("; your edited copy is kept at {}", copy->string()));
    if (*replaced == Replaced::changed_meanwhile)
        throw RuntimeError(fmt::format(
            "{} changed while it was open in the editor (a revisit, or another edit), so it was "
            "left as it is now; your edited copy is kept at {}",
            neutralize_controls(file.relative), copy->string()));
    fs::remove(*copy);
    auto parsed = parse_entry(*edited, file.relative);
    if (!parsed) {
        fmt::print(stderr,
                   "Saved {} as you wrote it, but settle cannot read it yet:\n  {}\n"
                   "Run `settle edit {}` again to fix it.\n",
                   neutralize_controls(file.relative),
                   neutralize_controls(parsed.error().located()), neutralize_controls(file.id));
        context.exit_status = 1;
        return;
    }
    fmt::print(stderr, "Saved {}.\n", neutralize_controls(file.relative));
    commit_rewrite_if_asked(context, file.path, *parsed, "edit");
}

} // namespace

void setup_edit(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("edit", "Open an entry in $VISUAL or $EDITOR");
    auto wanted = std::make_shared<std::string>();
    command
        ->add_option("entry", *wanted,
                     "The entry's path, ID or the start of its ID; last (the default), -1, "
                     "-2, ... for the latest ones")
        ->option_text("ENTRY");
    command->footer(R"(The entry is replaced atomically when the editor exits, then checked.
Without $VISUAL or $EDITOR, settle opens the system's editor and says how to
leave it.

Examples:
  settle edit
  EDITOR=nano settle edit 2026-11-27-2114)");
    command->callback([&context, wanted] { run_edit(context, *wanted); });
}

} // namespace settle::cli
