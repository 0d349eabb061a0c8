#include "cli/terminal/pager.hpp"

#include "cli/terminal/tty.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

namespace settle::cli {

namespace {

// Longer lines are hard to follow back to the start of the next one.
constexpr int kComfortableColumns = 80;
constexpr int kPipeColumns = 80;
// What `sh` reports when the pager command does not exist.
constexpr int kCommandNotFound = 127;

void print(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

// While the pager runs, Ctrl-C and quitting early are the pager's business:
// settle must neither die under it (leaving the terminal to a pager whose
// input just vanished) nor be killed when the pager closes the pipe.
class PagerSignals {
  public:
    PagerSignals() {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        sigaction(SIGPIPE, &ignore, &pipe_);
        sigaction(SIGINT, &ignore, &interrupt_);
        sigaction(SIGQUIT, &ignore, &quit_);
    }
    ~PagerSignals() {
        sigaction(SIGPIPE, &pipe_, nullptr);
        sigaction(SIGINT, &interrupt_, nullptr);
        sigaction(SIGQUIT, &quit_, nullptr);
    }
    PagerSignals(const PagerSignals&) = delete;
    PagerSignals& operator=(const PagerSignals&) = delete;

  private:
    struct sigaction pipe_ {};
    struct sigaction interrupt_ {};
    struct sigaction quit_ {};
};

} // namespace

int reading_width() {
    auto size = screen_size(STDOUT_FILENO);
    return size ? std::min(size->columns, kComfortableColumns) : kPipeColumns;
}

void print_paged(std::string_view text, const GetEnv& env) {
    auto size = screen_size(STDOUT_FILENO);
    auto lines = std::count(text.begin(), text.end(), '\n');
    std::string pager = env("PAGER").value_or("less");
    // A terminal without cursor control cannot show a pager (as git).
    bool dumb = !term_takes_escapes(env);
    // An empty $PAGER, like `cat`, means "do not page".
    if (!size || dumb || lines < size->rows || pager.empty() || pager == "cat") {
        print(text);
        return;
    }
    std::fflush(stdout);
    int status = -1;
    // As git does: unless the person set their own, less quits at once when
    // the text fits (F), keeps colours (R) and leaves the text on the
    // screen afterwards (X).
    if (!env("LESS"))
        ::setenv("LESS", "FRX", 0);
    {
        PagerSignals quiet;
        FILE* pipe = ::popen(pager.c_str(), "w");
        if (!pipe) {
            print(text);
            return;
        }
        std::fwrite(text.data(), 1, text.size(), pipe);
        status = ::pclose(pipe);
    }
    if (status == -1 || (WIFEXITED(status) && WEXITSTATUS(status) == kCommandNotFound))
        print(text);
}

std::string wrap_for(int fd, std::string_view text) {
    auto size = screen_size(fd);
    if (!size)
        return std::string(text);
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
        auto end = std::min(text.find('\n', start), text.size());
        auto line = text.substr(start, end - start);
        auto lead = std::min(line.find_first_not_of(' '), line.size());
        for (const auto& piece : wrap_styled(line, size->columns, std::string(lead, ' ')))
            out.append(piece).append("\n");
        if (end == text.size()) {
            // A question waiting on its line keeps the space before the answer.
            out.pop_back();
            auto last = line.find_last_not_of(' ');
            out.append(line.substr(last == std::string_view::npos ? 0 : last + 1));
        }
        start = end + 1;
    }
    return out;
}

void print_message(std::string_view text) {
    auto wrapped = wrap_for(STDERR_FILENO, text);
    std::fwrite(wrapped.data(), 1, wrapped.size(), stderr);
    std::fflush(stderr);
}

} // namespace settle::cli
