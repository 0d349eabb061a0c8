#include "text_match.hpp"

#include <algorithm>
#include <cstdlib>
#include <utf8proc.h>

namespace settle {

namespace {

char lower_ascii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

std::string fold_case(std::string_view text, Accents accents) {
    bool ascii = std::all_of(text.begin(), text.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) { // most words: no allocation by utf8proc, no table lookups
        std::string folded(text);
        std::transform(folded.begin(), folded.end(), folded.begin(), lower_ascii);
        return folded;
    }
    auto options = accents == Accents::kept
                       ? UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD
                       : UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                             UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK;
    utf8proc_uint8_t* mapped = nullptr;
    auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                               static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                               static_cast<utf8proc_option_t>(options));
    if (length < 0) { // not UTF-8 (or out of memory)
        std::string folded(text);
        std::transform(folded.begin(), folded.end(), folded.begin(), lower_ascii);
        return folded;
    }
    std::string folded(reinterpret_cast<const char*>(mapped), static_cast<size_t>(length));
    std::free(mapped);
    return folded;
}

void append_folded_code_point(int code_point, std::string& out) {
    utf8proc_int32_t parts[16];
    int boundclass = 0;
    auto n = code_point < 0 ? -1
                            : utf8proc_decompose_char(code_point, parts, 16,
                                                      static_cast<utf8proc_option_t>(
                                                          UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE),
                                                      &boundclass);
    if (n < 1 || n > 16) {
        parts[0] = code_point < 0 ? 0xFFFD : code_point;
        n = 1;
    }
    for (utf8proc_ssize_t i = 0; i < n; ++i) {
        utf8proc_uint8_t bytes[4];
        auto size = utf8proc_encode_char(parts[i], bytes);
        out.append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(size));
    }
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

std::string joined_list(const std::vector<std::string>& names, std::string_view last_joiner) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += i + 1 == names.size() ? last_joiner : ", ";
        out += names[i];
    }
    return out;
}

std::vector<std::string> nearest_names(std::string_view word,
                                       const std::vector<std::string>& candidates) {
    auto bare = [](std::string_view text) {
        return text.substr(std::min(text.find_first_not_of('-'), text.size()));
    };
    auto typed = bare(word);
    if (typed.empty())
        return {};
    size_t allowed = std::clamp<size_t>(typed.size() / 3, 1, 2);
    std::vector<std::string> best;
    size_t best_distance = allowed + 1;
    std::vector<std::string> starting;
    for (const auto& candidate : candidates) {
        auto name = bare(candidate);
        auto distance = edit_distance(typed, name);
        if (distance < best_distance) {
            best = {candidate};
            best_distance = distance;
        } else if (distance == best_distance && distance <= allowed) {
            best.push_back(candidate);
        }
        if (typed.size() >= 2 && name.substr(0, typed.size()) == typed)
            starting.push_back(candidate);
    }
    if (best.empty() && starting.size() == 1)
        return starting;
    if (best.size() > 3)
        best.resize(3);
    return best;
}

} // namespace settle
