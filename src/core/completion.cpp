#include "completion.hpp"

#include "display.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <cstring>

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

// --- Shell completion -----------------------------------------------------

namespace {

// strchr, but the terminating NUL of `set` is not a member.
bool one_of(const char* set, char c) {
    return c != '\0' && std::strchr(set, c) != nullptr;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool digits(std::string_view text, size_t at, size_t count) {
    if (at + count > text.size())
        return false;
    return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(at),
                       text.begin() + static_cast<std::ptrdiff_t>(at + count), is_digit);
}

bool name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool name_char(char c) {
    return name_start(c) || is_digit(c);
}

// A variable reference at `text[at]` ('$'): "$NAME" or "${NAME}". Appends
// its value to `out` and returns the length read, or 0 when it is none.
size_t expand_variable(std::string_view text, size_t at, const Environment& environment,
                       std::string& out) {
    size_t start = at + 1;
    bool braced = start < text.size() && text[start] == '{';
    if (braced)
        ++start;
    if (start >= text.size() || !name_start(text[start]))
        return 0;
    size_t end = start;
    while (end < text.size() && name_char(text[end]))
        ++end;
    if (braced && (end >= text.size() || text[end] != '}'))
        return 0;
    if (auto value = environment(std::string(text.substr(start, end - start)).c_str()))
        out += *value;
    return end - at + (braced ? 1 : 0);
}

bool word_ends_after_tilde(std::string_view text, size_t at) {
    return at + 1 >= text.size() || text[at + 1] == '/' || text[at + 1] == ' ' ||
           text[at + 1] == '\t';
}

} // namespace

bool offerable_to_shell(std::string_view candidate) {
    if (candidate.empty() || !is_valid_utf8(candidate))
        return false;
    size_t pos = 0;
    while (pos < candidate.size()) {
        int cp = decode_code_point(candidate, pos);
        bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
        bool invisible = cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) ||
                         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) ||
                         cp == 0xFEFF;
        if (control || invisible)
            return false;
    }
    return true;
}

bool is_entry_id(std::string_view id) {
    // 2026-11-25-100000-script, optionally -N (N from 2 on, as writers add it).
    if (id.size() < 18 || !digits(id, 0, 4) || id[4] != '-' || !digits(id, 5, 2) || id[7] != '-' ||
        !digits(id, 8, 2) || id[10] != '-' || !digits(id, 11, 6) || id[17] != '-')
        return false;
    auto rest = id.substr(18);
    for (std::string_view kind : {"audit", "script", "pause"}) {
        if (rest.substr(0, kind.size()) != kind)
            continue;
        auto suffix = rest.substr(kind.size());
        if (suffix.empty())
            return true;
        return suffix.size() >= 2 && suffix.size() <= 5 && suffix[0] == '-' && suffix[1] != '0' &&
               digits(suffix, 1, suffix.size() - 1);
    }
    return false;
}

std::string expand_home_and_variables(std::string_view path, const Environment& environment) {
    std::string out;
    size_t pos = 0;
    if (!path.empty() && path[0] == '~' && word_ends_after_tilde(path, 0)) {
        if (auto home = environment("HOME")) {
            out = *home;
            pos = 1;
        }
    }
    while (pos < path.size()) {
        if (path[pos] == '$')
            if (size_t used = expand_variable(path, pos, environment, out)) {
                pos += used;
                continue;
            }
        out += path[pos++];
    }
    return out;
}

std::optional<BashLine> split_bash_line(std::string_view line, std::string_view readline_text,
                                        const Environment& environment) {
    if (readline_text.size() > line.size() ||
        line.substr(line.size() - readline_text.size()) != readline_text)
        return std::nullopt;
    const size_t text_start = line.size() - readline_text.size();
    enum class Quote { none, single, double_ } quote = Quote::none;
    std::vector<std::string> words; // of the command being typed, its name first
    std::string word;
    std::string word_home; // what a leading "~" of the word became
    bool in_word = false;
    size_t word_start = 0;
    bool redirect_next = false; // the next word is a file after < or >
    bool taken = false;         // the state where readline's text starts is known
    std::string lead;
    char lead_quote = 0;

    auto end_word = [&] {
        if (!in_word)
            return;
        if (redirect_next)
            redirect_next = false; // a file name, not one of settle's words
        else
            words.push_back(word);
        word.clear();
        word_home.clear();
        in_word = false;
    };
    auto start_word = [&](size_t at) {
        if (!in_word) {
            in_word = true;
            word_start = at;
        }
    };

    for (size_t i = 0;;) {
        if (i == text_start && !taken) {
            taken = true;
            lead = in_word ? word : std::string();
            lead_quote = quote == Quote::single ? '\'' : quote == Quote::double_ ? '"' : 0;
        }
        if (i >= line.size())
            break;
        char c = line[i];
        if (quote == Quote::single) {
            if (c == '\'')
                quote = Quote::none;
            else
                word += c;
            ++i;
            continue;
        }
        if (quote == Quote::double_) {
            if (c == '"') {
                quote = Quote::none;
            } else if (c == '\\' && i + 1 < line.size() && one_of("$`\"\\\n", line[i + 1])) {
                word += line[i + 1];
                i += 2;
                continue;
            } else if (c == '\\' && i + 1 == line.size()) {
                // A backslash just typed: it quotes what comes next.
            } else if (c == '$') {
                if (size_t used = expand_variable(line, i, environment, word)) {
                    i += used;
                    continue;
                }
                word += c;
            } else {
                word += c;
            }
            ++i;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n') {
            end_word();
            ++i;
            continue;
        }
        bool redirection =
            c == '<' || c == '>' || (c == '&' && i + 1 < line.size() && line[i + 1] == '>');
        if (redirection) {
            // "2>file": the digits name a file descriptor, not a word.
            if (in_word && !word.empty() && std::all_of(word.begin(), word.end(), is_digit) &&
                word_start + word.size() == i) {
                word.clear();
                in_word = false;
            }
            end_word();
            while (i < line.size() && one_of("<>&|", line[i]))
                ++i;
            redirect_next = true;
            continue;
        }
        if (one_of(";&|()", c)) {
            // Another command starts: only its words count.
            end_word();
            words.clear();
            redirect_next = false;
            ++i;
            continue;
        }
        if (c == '#' && !in_word)
            return std::nullopt; // the rest of the line is a comment
        bool at_word_start = !in_word;
        start_word(i);
        if (c == '\\') {
            if (i + 1 < line.size())
                word += line[i + 1];
            i += 2;
            continue;
        }
        if (c == '\'') {
            quote = Quote::single;
        } else if (c == '"') {
            quote = Quote::double_;
        } else if (c == '$') {
            if (i + 1 < line.size() && line[i + 1] == '\'')
                return std::nullopt; // $'...': not read here
            if (size_t used = expand_variable(line, i, environment, word)) {
                i += used;
                continue;
            }
            word += c;
        } else if (c == '~' && at_word_start && word_ends_after_tilde(line, i)) {
            auto home = environment("HOME");
            word_home = home ? *home : std::string("~");
            word += word_home;
        } else {
            word += c;
        }
        ++i;
    }
    // readline's text must lie within the word being completed.
    if (in_word ? text_start < word_start : text_start < line.size())
        return std::nullopt;
    BashLine result;
    result.redirection = redirect_next;
    if (words.empty())
        return std::nullopt; // the command name itself is being typed
    result.words.assign(words.begin() + 1, words.end());
    result.words.push_back(in_word ? word : std::string());
    result.lead = lead;
    result.quote = lead_quote;
    const auto& current = result.words.back();
    result.file_text = current.substr(std::min(lead.size(), current.size()));
    if (lead.empty() && !word_home.empty())
        result.file_text = "~" + current.substr(word_home.size()); // compgen expands it

    return result;
}

std::string quote_for_bash(std::string_view text, char quote) {
    std::string out;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (quote == '\'') {
            out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        } else if (quote == '"') {
            if (c == '!')
                out += "\"'!'\""; // history expansion acts on "!" even inside "..."
            else if (one_of("\"\\$`", c))
                out += {'\\', c};
            else
                out += c;
        } else {
            bool plain = byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         is_digit(c) || one_of("_-.,/+@%=:", c);
            if (!plain)
                out += '\\';
            out += c;
        }
    }
    return out;
}

} // namespace settle
