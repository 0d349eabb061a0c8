#include "cli/terminal/probe.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

namespace settle::cli {

bool is_terminal(int fd) {
    return ::isatty(fd) == 1;
}

std::optional<ScreenSize> screen_size(int fd) {
    struct winsize size {};
    if (!is_terminal(fd) || ::ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_col == 0)
        return std::nullopt;
    return ScreenSize{size.ws_col, size.ws_row};
}

bool term_takes_escapes(const GetEnv& env) {
    return env("TERM").value_or("") != "dumb";
}

bool escape_capable_terminal(int fd, const GetEnv& env) {
    return is_terminal(fd) && term_takes_escapes(env);
}

} // namespace settle::cli
