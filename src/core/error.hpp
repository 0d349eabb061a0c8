// Recoverable errors are values: a function that can fail on bad input returns
// Expected<T>, and the caller decides whether to report and carry on (readers)
// or stop (writers). Only the command layer turns an Error into an exit code.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace settle {

// A problem, optionally located in a file. `line` is 1-based; 0 means "the file
// as a whole". Formats as the brief's `path:line: message`.
struct Error {
    Error() = default;
    explicit Error(std::string message_, std::string path_ = {}, int line_ = 0)
        : message(std::move(message_)), path(std::move(path_)), line(line_) {}

    std::string message;
    std::string path;
    int line = 0;
    // The keys the message names, as written in the file or the config
    // ("urge_before", "since"). The core speaks only of keys; where a person
    // typed a flag instead, the command layer puts the flag in each key's
    // first place in the message (cli/flag_names.hpp).
    std::vector<std::string> keys;

    std::string located() const;

    Error&& naming(std::vector<std::string> named) && {
        keys = std::move(named);
        return std::move(*this);
    }
};

template <typename T> class Expected {
  public:
    Expected(T value) : state_(std::move(value)) {}
    Expected(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(state_); }

  private:
    std::variant<T, Error> state_;
};

// For operations that produce nothing on success.
struct Done {};
using Status = Expected<Done>;
inline Status success() {
    return Done{};
}

inline Error error_at(std::string path, int line, std::string message) {
    return Error{std::move(message), std::move(path), line};
}

} // namespace settle
