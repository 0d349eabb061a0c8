#include "completion.hpp"

#include <algorithm>

namespace settle {

namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(),
                      [](char a, char b) { return lower(a) == lower(b); });
}

std::string common_prefix(const std::vector<std::string_view>& candidates) {
    std::string_view shared = candidates.front();
    for (auto candidate : candidates) {
        size_t n = 0;
        while (n < shared.size() && n < candidate.size() && lower(shared[n]) == lower(candidate[n]))
            ++n;
        shared = shared.substr(0, n);
    }
    // Never end inside a UTF-8 sequence: back off over continuation bytes.
    while (!shared.empty() && shared.size() < candidates.front().size() &&
           (static_cast<unsigned char>(candidates.front()[shared.size()]) & 0xC0) == 0x80)
        shared.remove_suffix(1);
    return std::string(shared);
}

} // namespace

Completion complete_phrase(std::string_view typed,
                           const std::vector<std::string_view>& vocabulary) {
    Completion result;
    result.fragment_start = typed.size();
    for (size_t start = 0; start < typed.size(); ++start) {
        if (start > 0 && typed[start - 1] != ' ')
            continue;
        auto fragment = typed.substr(start);
        if (fragment.front() == ' ')
            continue;
        for (auto entry : vocabulary)
            if (starts_with_ignoring_case(entry, fragment))
                result.candidates.push_back(entry);
        if (!result.candidates.empty()) {
            result.fragment_start = start;
            break;
        }
    }
    bool at_word_start = typed.empty() || typed.back() == ' ';
    if (result.candidates.empty() && at_word_start)
        result.candidates.assign(vocabulary.begin(), vocabulary.end());
    if (!result.candidates.empty())
        result.common_prefix = common_prefix(result.candidates);
    return result;
}

} // namespace settle
