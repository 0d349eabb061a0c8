#include "cli/process.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace settle::cli {

namespace {

// The process environment with `overrides` replacing variables of the same
// name. The strings live in `storage`.
std::vector<char*> environment_with(const RunOptions& options, std::vector<std::string>& storage) {
    for (char** item = environ; *item; ++item) {
        std::string entry(*item);
        bool replaced = false;
        for (const auto& [name, value] : options.environment)
            replaced = replaced || entry.rfind(name + "=", 0) == 0;
        if (!replaced)
            storage.push_back(std::move(entry));
    }
    for (const auto& [name, value] : options.environment)
        storage.push_back(name + "=" + value);
    std::vector<char*> pointers;
    for (auto& entry : storage)
        pointers.push_back(entry.data());
    pointers.push_back(nullptr);
    return pointers;
}

int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

} // namespace

ProgramRun run_program(const std::vector<std::string>& argv, const RunOptions& options) {
    ProgramRun run;
    std::vector<std::string> arguments = argv;
    std::vector<char*> arg_pointers;
    for (auto& argument : arguments)
        arg_pointers.push_back(argument.data());
    arg_pointers.push_back(nullptr);
    std::vector<std::string> env_storage;
    auto env = environment_with(options, env_storage);

    int pipe_fds[2] = {-1, -1};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (options.capture) {
        if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
            posix_spawn_file_actions_destroy(&actions);
            return run;
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
    }
    pid_t pid = 0;
    int spawned =
        ::posix_spawnp(&pid, arg_pointers[0], &actions, nullptr, arg_pointers.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    if (options.capture)
        ::close(pipe_fds[1]);
    if (spawned != 0) {
        if (options.capture)
            ::close(pipe_fds[0]);
        return run;
    }
    run.started = true;
    if (options.capture) {
        char buffer[4096];
        for (;;) {
            auto got = ::read(pipe_fds[0], buffer, sizeof buffer);
            if (got > 0)
                run.output.append(buffer, static_cast<size_t>(got));
            else if (got == 0 || errno != EINTR)
                break;
        }
        ::close(pipe_fds[0]);
    }
    run.status = wait_for(pid);
    return run;
}

bool start_detached(const std::vector<std::string>& argv) {
    std::vector<std::string> arguments = argv;
    std::vector<char*> arg_pointers;
    for (auto& argument : arguments)
        arg_pointers.push_back(argument.data());
    arg_pointers.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    for (int fd : {0, 1, 2})
        posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY,
                                         0);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
    pid_t pid = 0;
    int spawned =
        ::posix_spawnp(&pid, arg_pointers[0], &actions, &attributes, arg_pointers.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    // Not waited for: settle exits within moments and the child is then
    // adopted (and reaped) by init.
    return spawned == 0;
}

} // namespace settle::cli
