#include "fast_frontmatter.hpp"

#include "entry_format.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>

namespace settle {

namespace {

// ------------------------------------------------------------ characters

// Code points that yaml-cpp may treat as line breaks or byte-order marks, or
// that YAML forbids: C1 controls (NEL among them), U+2028, U+2029, U+FEFF,
// U+FFFE and U+FFFF. Rather than learn what it does with them, decline.
// `line` is valid UTF-8 here, so these bytes can only start those code points.
bool has_doubtful_code_point(std::string_view line) {
    auto byte = [&](size_t i) {
        return static_cast<unsigned char>(line[i]);
    };
    for (size_t i = 0; i + 1 < line.size(); ++i) {
        if (byte(i) == 0xC2 && byte(i + 1) <= 0x9F)
            return true;
        if (i + 2 < line.size() &&
            ((byte(i) == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) & 0xFE) == 0xA8) ||
             (byte(i) == 0xEF && byte(i + 1) == 0xBB && byte(i + 2) == 0xBF) ||
             (byte(i) == 0xEF && byte(i + 1) == 0xBF && (byte(i + 2) & 0xFE) == 0xBE)))
            return true;
    }
    return false;
}

// A frontmatter line the shortcut is willing to look at: no control
// characters or tabs, no trailing blank, and clean UTF-8 (yaml-cpp replaces
// invalid bytes, so those must go the long way too). DEL passes here, as
// yaml-cpp writes it unescaped inside double quotes; only read_plain refuses it.
bool clean_line(std::string_view line) {
    if (!line.empty() && line.back() == ' ')
        return false;
    // Eight bytes at a time while none is below 0x20 or has the high bit (a
    // byte below 0x20 borrows, setting its own high bit), then byte by byte.
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    size_t i = 0;
    for (; i + 8 <= line.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, line.data() + i, sizeof word);
        if (((word - ones * 0x20) | word) & highs)
            break;
    }
    bool ascii = true;
    for (; i < line.size(); ++i) {
        auto byte = static_cast<unsigned char>(line[i]);
        if (byte < 0x20)
            return false;
        ascii = ascii && byte < 0x80;
    }
    return ascii || (is_valid_utf8(line) && !has_doubtful_code_point(line));
}

// ------------------------------------------------------------ scalars

// One scalar as the shortcut reads it: `text` points into the file, or into
// `decoded` when escapes had to be decoded.
struct Scalar {
    std::string_view text;
    std::string decoded;
};

// Whether " #" (a comment) is in `value`. It looks for the '#', which text
// seldom holds, rather than for the blank, which is in nearly every value.
bool has_comment(std::string_view value) {
    for (auto at = value.find('#', 1); at != std::string_view::npos; at = value.find('#', at + 1))
        if (value[at - 1] == ' ')
            return true;
    return false;
}

// A plain scalar that yaml-cpp reads as exactly these characters in block
// context: it starts with no YAML indicator (as yaml-cpp's scanner has it,
// '-', '?' and ':' may start one when a non-blank follows: "-x", "?x",
// "---" are text), holds no ": " or " #" (a value or a comment), does not
// end in ':' and is not one of the null words.
bool read_plain(std::string_view value, Scalar& out) {
    constexpr std::string_view indicators = ",[]{}#&*!|>'\"%@` ";
    if (indicators.find(value.front()) != std::string_view::npos)
        return false;
    if ((value.front() == '-' || value.front() == '?' || value.front() == ':') &&
        (value.size() == 1 || value[1] == ' '))
        return false;
    if (value.back() == ':' || value.find(": ") != std::string_view::npos || has_comment(value) ||
        value.find('\x7F') != std::string_view::npos)
        return false;
    if (value == "~" || value == "null" || value == "Null" || value == "NULL")
        return false;
    out.text = value;
    return true;
}

std::optional<char32_t> read_hex(std::string_view digits) {
    char32_t cp = 0;
    for (char c : digits) {
        int nibble = c >= '0' && c <= '9'   ? c - '0'
                     : c >= 'a' && c <= 'f' ? c - 'a' + 10
                     : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : -1;
        if (nibble < 0)
            return std::nullopt;
        cp = cp * 16 + static_cast<char32_t>(nibble);
    }
    return cp;
}

// The escapes format_entry can produce, and the plain one-character ones
// whose meaning yaml-cpp shares with the YAML spec. `\N`, `\_`, `\L`, `\P`
// and escaped blanks decline (yaml-cpp has its own ideas about some of them).
bool read_escape(std::string_view value, size_t& pos, std::string& out) {
    if (pos >= value.size())
        return false;
    char c = value[pos++];
    switch (c) {
    case '"':
    case '\\':
    case '/':
        out += c;
        return true;
    case '0':
        out += '\0';
        return true;
    case 'a':
        out += '\a';
        return true;
    case 'b':
        out += '\b';
        return true;
    case 't':
        out += '\t';
        return true;
    case 'n':
        out += '\n';
        return true;
    case 'v':
        out += '\v';
        return true;
    case 'f':
        out += '\f';
        return true;
    case 'r':
        out += '\r';
        return true;
    case 'e':
        out += '\x1B';
        return true;
    case 'x':
    case 'u':
    case 'U': {
        size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (pos + digits > value.size())
            return false;
        auto cp = read_hex(value.substr(pos, digits));
        if (!cp || *cp == 0 || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
            return false;
        out += utf8_encode(*cp);
        pos += digits;
        return true;
    }
    default:
        return false;
    }
}

// A double-quoted scalar that closes on its own line, with nothing after it.
bool read_double_quoted(std::string_view value, Scalar& out) {
    size_t pos = 1;
    bool escaped = false;
    while (pos < value.size()) {
        char c = value[pos];
        if (c == '"') {
            if (pos + 1 != value.size())
                return false;
            out.text = escaped ? std::string_view(out.decoded) : value.substr(1, pos - 1);
            return true;
        }
        if (c == '\\') {
            if (!escaped)
                out.decoded.assign(value.substr(1, pos - 1));
            escaped = true;
            ++pos;
            if (!read_escape(value, pos, out.decoded))
                return false;
            continue;
        }
        if (escaped)
            out.decoded += c;
        ++pos;
    }
    return false;
}

bool read_scalar(std::string_view value, Scalar& out) {
    if (value.empty())
        return false;
    if (value.front() == '"')
        return read_double_quoted(value, out);
    return read_plain(value, out);
}

// ------------------------------------------------------------ structure

class LineCursor {
  public:
    LineCursor(std::string_view text, size_t pos, int line) : text_(text), pos_(pos), line_(line) {}

    // The next line without its '\n', left in place; false at the end.
    bool peek(std::string_view& line) {
        if (pos_ >= text_.size())
            return false;
        end_ = text_.find('\n', pos_);
        if (end_ == std::string_view::npos)
            end_ = text_.size();
        line = text_.substr(pos_, end_ - pos_);
        return true;
    }
    // Moves past the line peek() returned.
    void advance() {
        pos_ = end_ + 1;
        ++line_;
    }
    size_t position() const { return std::min(pos_, text_.size()); }
    // The file line (1-based) of the line peek() returns next.
    int line() const { return line_; }

    // The next line if it starts with `indent`, consumed, without the indent.
    bool next_child(std::string_view indent, std::string_view& child) {
        std::string_view line;
        if (!peek(line) || line.substr(0, indent.size()) != indent)
            return false;
        advance();
        child = line.substr(indent.size());
        return true;
    }

  private:
    std::string_view text_;
    size_t pos_;
    size_t end_ = 0;
    int line_;
};

// A scalar on file line `line` as a value; text decoded from escapes is kept
// in `out.storage`.
bool scalar_value(std::string_view written, int line, FrontmatterValues& out, RawValue& value) {
    Scalar scalar;
    if (!read_scalar(written, scalar))
        return false;
    value.shape = ValueShape::scalar;
    value.line = line;
    if (scalar.text.data() == scalar.decoded.data()) {
        out.storage.push_front(std::move(scalar.decoded));
        value.text = out.storage.front();
    } else {
        value.text = scalar.text;
    }
    return true;
}

// A word in a flow list that yaml-cpp reads as exactly these characters:
// letters, digits, '-' and '_', starting with a letter or digit, and not a
// null word. (The answers settle writes are such words.)
bool flow_word(std::string_view word) {
    auto alnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    if (word.empty() || !alnum(word.front()))
        return false;
    for (char c : word)
        if (!alnum(c) && c != '-' && c != '_')
            return false;
    return word != "null" && word != "Null" && word != "NULL";
}

// "[word, word]" (or "[]") on file line `line`, as format_entry writes the
// answers of a contested prediction and as people write tags by hand: a list
// whose items go to `out.items`, contiguous.
bool flow_list(std::string_view list, int line, FrontmatterValues& out, RawValue& value) {
    if (list.size() < 2 || list.front() != '[' || list.back() != ']')
        return false;
    value = RawValue{ValueShape::list, line, {}};
    value.first = static_cast<std::uint32_t>(out.items.size());
    auto words = list.substr(1, list.size() - 2);
    while (!words.empty()) {
        auto comma = words.find(", ");
        auto word = words.substr(0, comma);
        if (!flow_word(word))
            return false;
        out.items.push_back(RawItem{{}, RawValue{ValueShape::scalar, line, word}});
        if (comma == std::string_view::npos)
            break;
        words.remove_prefix(comma + 2);
        if (words.empty()) // "[a, ]"
            return false;
    }
    value.count = static_cast<std::uint32_t>(out.items.size()) - value.first;
    return true;
}

// What follows "key:" on its line: " value" or " [word, ...]". (An empty
// rest, a block, is read by read_block.)
bool inline_value(std::string_view rest, int line, FrontmatterValues& out, RawValue& value) {
    if (rest.substr(0, 1) != " ")
        return false;
    rest.remove_prefix(1);
    if (rest.starts_with('['))
        return flow_list(rest, line, out, value);
    return scalar_value(rest, line, out, value);
}

bool read_block(const KeySpec& key, std::string_view indent, LineCursor& lines,
                FrontmatterValues& out);

// "name: value" (or "name:" and a block) inside the record `parent`.
bool read_record_line(Key parent, std::string_view child, int line, LineCursor& lines,
                      FrontmatterValues& out) {
    auto colon = child.find(':');
    if (colon == std::string_view::npos)
        return false;
    auto key = find_key(child.substr(0, colon), parent);
    if (!key || out[*key].shape != ValueShape::absent) // unknown, or twice
        return false;
    auto rest = child.substr(colon + 1);
    if (rest.empty())
        return (spec(*key).type == ValueType::numbered ||
                spec(*key).type == ValueType::numbered_lists) &&
               read_block(spec(*key), "    ", lines, out);
    return inline_value(rest, line, out, out[*key]);
}

// "N: outcome" inside a numbered map: N written as digits only.
bool read_numbered_line(std::string_view child, int line, FrontmatterValues& out) {
    auto colon = child.find(": ");
    if (colon == std::string_view::npos || colon == 0 ||
        child.substr(0, colon).find_first_not_of("0123456789") != std::string_view::npos)
        return false;
    RawItem entry;
    entry.key = RawValue{ValueShape::scalar, line, child.substr(0, colon)};
    if (!scalar_value(child.substr(colon + 2), line, out, entry.value))
        return false;
    out.items.push_back(entry);
    return true;
}

// "N: [word, word]" inside a map of numbered lists, as format_entry writes
// it: the list's items go to `out.items` now, its entry to `entries` (the
// caller adds the entries after every list, so each range is contiguous).
bool read_numbered_list_line(std::string_view child, int line, FrontmatterValues& out,
                             std::vector<RawItem>& entries) {
    auto colon = child.find(": ");
    if (colon == std::string_view::npos || colon == 0 ||
        child.substr(0, colon).find_first_not_of("0123456789") != std::string_view::npos)
        return false;
    RawItem entry;
    entry.key = RawValue{ValueShape::scalar, line, child.substr(0, colon)};
    if (!flow_list(child.substr(colon + 2), line, out, entry.value))
        return false;
    entries.push_back(entry);
    return true;
}

// The lines under "key:" with nothing after the colon, each starting with
// `indent`: "- item" lines make a list (whatever the key), "name: value"
// lines the keys of a record or the entries of a numbered map. The value's
// line is its first child's, as yaml-cpp marks a block collection.
bool read_block(const KeySpec& key, std::string_view indent, LineCursor& lines,
                FrontmatterValues& out) {
    auto& value = out[key.key];
    value.first = static_cast<std::uint32_t>(out.items.size());
    std::vector<RawItem> entries; // of a map of numbered lists
    std::string_view child;
    int line = lines.line();
    while (lines.next_child(indent, child)) {
        if (!clean_line(child))
            return false;
        const bool item = child.substr(0, 2) == "- ";
        if (value.shape == ValueShape::absent) {
            value.shape = item ? ValueShape::list : ValueShape::map;
            value.line = line;
        } else if (item != (value.shape == ValueShape::list)) {
            return false;
        }
        if (item) {
            RawItem raw;
            if (!scalar_value(child.substr(2), line, out, raw.value))
                return false;
            out.items.push_back(raw);
        } else if (key.type == ValueType::record) {
            if (!read_record_line(key.key, child, line, lines, out))
                return false;
        } else if (key.type == ValueType::numbered_lists) {
            if (!read_numbered_list_line(child, line, out, entries))
                return false;
        } else if (key.type != ValueType::numbered || !read_numbered_line(child, line, out)) {
            return false;
        }
        line = lines.line();
    }
    if (value.shape == ValueShape::absent) // `key:` alone is null; leave that to yaml-cpp
        return false;
    if (value.shape == ValueShape::map && key.type == ValueType::numbered_lists) {
        value.first = static_cast<std::uint32_t>(out.items.size());
        out.items.insert(out.items.end(), entries.begin(), entries.end());
        value.count = static_cast<std::uint32_t>(entries.size());
    } else if (value.shape == ValueShape::list || key.type == ValueType::numbered)
        value.count = static_cast<std::uint32_t>(out.items.size()) - value.first;
    else
        value.first = 0;
    return true;
}

// "name: value" with a name the format does not have, which yaml-cpp's front
// end never looks at: a short word (letters, digits, '_' and '-'; YAML
// refuses a key of over 1,024 characters), not seen before (a key twice is
// parse_entry's to name), with a one-line scalar after it. A value in a
// block, or spread over lines, sends the file the long way.
bool ignorable_key(std::string_view name, std::string_view rest,
                   std::vector<std::string_view>& seen) {
    constexpr size_t kLongestName = 64;
    if (name.size() > kLongestName || !flow_word(name) ||
        std::find(seen.begin(), seen.end(), name) != seen.end())
        return false;
    seen.push_back(name);
    Scalar scalar;
    return rest.starts_with(' ') && read_scalar(rest.substr(1), scalar);
}

} // namespace

bool read_canonical_values(std::string_view text, FrontmatterValues& out) {
    // Git's conflict markers anywhere: parse_entry's to name.
    if (conflict_marker_line(text))
        return false;
    // A file saved by an editor that writes a BOM or CRLF line ends: read
    // the text without them, exactly as split_frontmatter gives it to
    // yaml-cpp. (A file with CRLF only here and there goes the long way.)
    if (text.starts_with("\xEF\xBB\xBF") || text.starts_with("---\r")) {
        auto cleaned = without_bom_and_crlf(text);
        out.storage.push_front(std::move(*cleaned));
        text = out.storage.front();
    }
    if (!text.starts_with("---\n"))
        return false;
    out.first_line = 2;
    out.items.reserve(32); // once, not growing item by item
    LineCursor lines(text, 4, 2);
    std::string_view line;
    bool any_key = false;
    std::vector<std::string_view> unknown_keys;
    while (lines.peek(line)) {
        const int number = lines.line();
        lines.advance();
        if (line == "---") {
            // Nothing but comments between the fences is a null document,
            // not a map.
            if (!any_key)
                return false;
            // split_frontmatter takes a CR before a line end, or at the very
            // end, as part of the line end; any other CR is the note's own.
            // (clean_line refuses every CR in the frontmatter.)
            out.body = text.substr(lines.position());
            return out.body.find("\r\n") == std::string_view::npos && !out.body.ends_with('\r');
        }
        if (!clean_line(line))
            return false;
        // A comment on a line of its own, as people leave them: nothing to
        // YAML. (One inside a block ends the block here, and the lines after
        // it then send the file the long way.)
        if (line.starts_with('#'))
            continue;
        any_key = true;
        auto colon = line.find(':');
        if (colon == std::string_view::npos)
            return false;
        auto name = line.substr(0, colon);
        auto rest = line.substr(colon + 1);
        auto key = find_key(name);
        if (!key) {
            // A key of a person's own ("mood: calmer"): both front ends
            // pass over it, if its value is one line the shortcut reads.
            if (!ignorable_key(name, rest, unknown_keys))
                return false;
            continue;
        }
        // A key twice (parse_entry names it).
        if (out[*key].shape != ValueShape::absent)
            return false;
        if (rest.empty() ? !read_block(spec(*key), "  ", lines, out)
                         : !inline_value(rest, number, out, out[*key]))
            return false;
    }
    return false; // never closed
}

std::optional<Entry> read_canonical_entry(std::string_view text) {
    FrontmatterValues values;
    if (!read_canonical_values(text, values))
        return std::nullopt;
    static const std::string no_path;
    auto entry = build_entry(values, no_path);
    if (!entry)
        return std::nullopt; // read_entry_text says what is wrong, with the line
    return std::move(*entry);
}

Expected<Entry> read_entry_text(std::string_view text, const std::string& path) {
    FrontmatterValues values;
    if (read_canonical_values(text, values))
        return build_entry(values, path);
    return parse_entry(text, path);
}

} // namespace settle
