#include "cli/flag_names.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace settle::cli {

namespace {

// Keys whose flag is not simply the key with dashes.
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kRenamed = {{
    {"feeling", "--feel"},
    {"created", "--at"},
    {"tags", "--tag"},
}};

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

} // namespace

std::string flag_for_key(std::string_view key) {
    for (const auto& [name, flag] : kRenamed)
        if (name == key)
            return std::string(flag);
    std::string flag = "--" + std::string(key);
    std::replace(flag.begin(), flag.end(), '_', '-');
    return flag;
}

std::string in_flag_terms(const Error& error) {
    std::string message = error.message;
    for (const auto& key : error.keys) {
        if (key.empty())
            continue;
        for (size_t at = message.find(key); at != std::string::npos;
             at = message.find(key, at + 1)) {
            size_t end = at + key.size();
            bool whole = (at == 0 || !word_char(message[at - 1])) &&
                         (end == message.size() || !word_char(message[end]));
            if (!whole)
                continue;
            message.replace(at, key.size(), flag_for_key(key));
            break;
        }
    }
    return message;
}

} // namespace settle::cli
