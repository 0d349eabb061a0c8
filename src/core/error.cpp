#include "error.hpp"

namespace settle {

std::string Error::located() const {
    if (path.empty())
        return message;
    if (line <= 0)
        return path + ": " + message;
    return path + ":" + std::to_string(line) + ": " + message;
}

} // namespace settle
