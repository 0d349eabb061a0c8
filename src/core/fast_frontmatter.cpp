#include "fast_frontmatter.hpp"

#include "entry_format.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

namespace settle {

namespace {

// The keys format_entry writes. Every other key sends the file to yaml-cpp.
enum class Key {
    schema,
    kind,
    created,
    tags,
    anxiety_before,
    anxiety_after,
    know,
    predict,
    situation,
    feeling,
    need,
    sentence,
    urge_before,
    urge_after,
    outcome,
    timer,
    incomplete,
    revisit,
};
constexpr std::array<std::string_view, 18> kKeyNames = {
    "schema",      "kind",       "created",   "tags",    "anxiety_before", "anxiety_after",
    "know",        "predict",    "situation", "feeling", "need",           "sentence",
    "urge_before", "urge_after", "outcome",   "timer",   "incomplete",     "revisit",
};

std::optional<Key> find_key(std::string_view name) {
    for (size_t i = 0; i < kKeyNames.size(); ++i)
        if (kKeyNames[i] == name)
            return static_cast<Key>(i);
    return std::nullopt;
}

bool is_list_key(Key key) {
    return key == Key::tags || key == Key::know || key == Key::predict;
}

// Whether format_entry writes `key` for an entry of `kind`.
bool key_belongs_to(Key key, Kind kind) {
    switch (key) {
    case Key::anxiety_before:
    case Key::anxiety_after:
    case Key::know:
    case Key::predict:
        return kind == Kind::audit;
    case Key::situation:
    case Key::feeling:
    case Key::need:
    case Key::sentence:
        return kind == Kind::script;
    case Key::urge_before:
    case Key::urge_after:
    case Key::outcome:
        return kind == Kind::pause;
    default:
        return true;
    }
}

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
// invalid bytes, so those must go the long way too).
bool clean_line(std::string_view line) {
    if (!line.empty() && line.back() == ' ')
        return false;
    bool ascii = true;
    for (char c : line) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F)
            return false;
        ascii = ascii && byte < 0x80;
    }
    return ascii || (is_valid_utf8(line) && !has_doubtful_code_point(line));
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// ------------------------------------------------------------ scalars

// One scalar value. `text` points into the file, or into `decoded` when
// escapes had to be decoded; a Scalar is filled in place and never moved.
struct Scalar {
    std::string_view text;
    bool plain = false;
    std::string decoded;

    Scalar() = default;
    Scalar(const Scalar&) = delete;
    Scalar& operator=(const Scalar&) = delete;
};

// A plain scalar that yaml-cpp reads as exactly these characters in block
// context: it starts with no YAML indicator, holds no ": " or " #" (a value
// or a comment), does not end in ':' and is not one of the null words.
bool read_plain(std::string_view value, Scalar& out) {
    constexpr std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`~ ";
    if (indicators.find(value.front()) != std::string_view::npos)
        return false;
    if (value.back() == ':' || value.find(": ") != std::string_view::npos ||
        value.find(" #") != std::string_view::npos)
        return false;
    if (value == "null" || value == "Null" || value == "NULL")
        return false;
    out.text = value;
    out.plain = true;
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
        append_utf8(out, *cp);
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

enum class Shape { absent, scalar, list, map };

// What one top-level key holds.
struct Slot {
    Shape shape = Shape::absent;
    Scalar scalar;
    std::vector<std::string> items;
    std::optional<int> planned_seconds;
    std::optional<int> elapsed_seconds;
    Revisit revisit;
    std::array<bool, 5> revisit_keys{}; // date, predictions, shared, landed, note seen
};

class LineCursor {
  public:
    LineCursor(std::string_view text, size_t pos) : text_(text), pos_(pos) {}

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
    void advance() { pos_ = end_ + 1; }
    size_t position() const { return std::min(pos_, text_.size()); }

    // The next line if it starts with `indent` (and is clean), consumed.
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
};

// The same conversion FieldReader::integer makes, so both agree on "08" and
// on what is out of range.
std::optional<int> to_integer(std::string_view text, int min, int max) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max)
        return std::nullopt;
    return value;
}

// "planned_seconds: 300" under `timer:`.
bool read_timer_line(std::string_view child, Slot& slot) {
    auto colon = child.find(": ");
    if (colon == std::string_view::npos)
        return false;
    auto name = child.substr(0, colon);
    auto* target = name == "planned_seconds"   ? &slot.planned_seconds
                   : name == "elapsed_seconds" ? &slot.elapsed_seconds
                                               : nullptr;
    if (!target || *target)
        return false;
    Scalar value;
    if (!read_scalar(child.substr(colon + 2), value))
        return false;
    constexpr int day = 24 * 3600;
    *target = to_integer(value.text, 0, day);
    return target->has_value();
}

// "N: outcome" lines under `predictions:` in a revisit, as read_revisit
// reads them: N a whole number from 1, each once.
bool read_predictions(LineCursor& lines, Revisit& revisit) {
    std::string_view line;
    int answers = 0;
    while (lines.next_child("    ", line)) {
        auto colon = line.find(": ");
        if (!clean_line(line) || colon == std::string_view::npos || colon == 0 ||
            line.substr(0, colon).find_first_not_of("0123456789") != std::string_view::npos)
            return false;
        auto number = to_integer(line.substr(0, colon), 1, std::numeric_limits<int>::max());
        Scalar value;
        if (!number || !read_scalar(line.substr(colon + 2), value))
            return false;
        auto outcome = parse_prediction_outcome(value.text);
        if (!outcome || !revisit.predictions.emplace(*number, *outcome).second)
            return false;
        ++answers;
    }
    return answers > 0;
}

// One line under `revisit:` (and, for `predictions:`, the lines under it).
bool read_revisit_line(std::string_view child, LineCursor& lines, Slot& slot) {
    constexpr std::array<std::string_view, 5> names = {"date", "predictions", "shared", "landed",
                                                       "note"};
    auto colon = child.find(':');
    auto name = child.substr(0, colon);
    auto known = std::find(names.begin(), names.end(), name);
    if (colon == std::string_view::npos || known == names.end())
        return false;
    auto& seen = slot.revisit_keys[static_cast<size_t>(known - names.begin())];
    if (seen)
        return false;
    seen = true;
    auto& revisit = slot.revisit;
    auto rest = child.substr(colon + 1);
    if (name == "predictions")
        return rest.empty() && read_predictions(lines, revisit);
    Scalar value;
    if (rest.substr(0, 1) != " " || !read_scalar(rest.substr(1), value))
        return false;
    if (name == "date") {
        auto date = parse_rfc3339(value.text);
        revisit.date = date.value_or(Timestamp{});
        return date.has_value();
    }
    if (name == "shared") {
        revisit.shared = parse_shared(value.text);
        return revisit.shared.has_value();
    }
    if (name == "landed") {
        revisit.landed = parse_landed(value.text);
        return revisit.landed.has_value();
    }
    revisit.note.assign(value.text);
    return true;
}

// The lines under `key:` with an empty value: "  - item" for a list, the
// timer's two numbers, or a revisit's answers.
bool read_block(Key key, Slot& slot, LineCursor& lines) {
    int children = 0;
    std::string_view child;
    while (lines.next_child("  ", child)) {
        if (!clean_line(child))
            return false;
        if (is_list_key(key) && child.substr(0, 2) == "- ") {
            Scalar item;
            if (!read_scalar(child.substr(2), item))
                return false;
            slot.items.emplace_back(item.text);
        } else if (key == Key::timer) {
            if (!read_timer_line(child, slot))
                return false;
        } else if (key == Key::revisit) {
            if (!read_revisit_line(child, lines, slot))
                return false;
        } else {
            return false;
        }
        ++children;
    }
    if (children == 0) // `key:` alone is null in YAML; leave that to yaml-cpp
        return false;
    slot.shape = is_list_key(key) ? Shape::list : Shape::map;
    return true;
}

// ------------------------------------------------------------ the entry

// Reads the slots the way parse_entry's FieldReader reads the nodes.
class SlotReader {
  public:
    explicit SlotReader(std::array<Slot, kKeyNames.size()>& slots) : slots_(slots) {}

    Slot& operator[](Key key) { return slots_[static_cast<size_t>(key)]; }

    std::optional<std::string_view> scalar(Key key) {
        auto& slot = (*this)[key];
        if (slot.shape != Shape::scalar)
            return std::nullopt;
        return slot.scalar.text;
    }

    // nullopt in `ok` means "decline"; an absent key is a valid nullopt value.
    std::optional<int> rating(Key key, bool& ok) {
        if ((*this)[key].shape == Shape::absent)
            return std::nullopt;
        auto text = scalar(key);
        auto value = text ? to_integer(*text, 0, 10) : std::nullopt;
        ok = ok && value.has_value();
        return value;
    }

    std::string text(Key key, bool& ok) {
        if ((*this)[key].shape == Shape::absent)
            return {};
        auto value = scalar(key);
        ok = ok && value.has_value();
        return value ? std::string(*value) : std::string();
    }

    std::vector<std::string> list(Key key, bool& ok) {
        auto& slot = (*this)[key];
        if (slot.shape == Shape::scalar) // `tags: work`, as FieldReader::list allows
            return {std::string(slot.scalar.text)};
        ok = ok && slot.shape != Shape::map;
        return std::move(slot.items);
    }

  private:
    std::array<Slot, kKeyNames.size()>& slots_;
};

std::optional<KindFields> read_fields(Kind kind, SlotReader& r) {
    bool ok = true;
    KindFields fields;
    switch (kind) {
    case Kind::audit: {
        AuditFields audit;
        audit.anxiety_before = r.rating(Key::anxiety_before, ok);
        audit.anxiety_after = r.rating(Key::anxiety_after, ok);
        audit.know = r.list(Key::know, ok);
        audit.predict = r.list(Key::predict, ok);
        fields = std::move(audit);
        break;
    }
    case Kind::script:
        fields = ScriptFields{r.text(Key::situation, ok), r.text(Key::feeling, ok),
                              r.text(Key::need, ok)};
        break;
    case Kind::pause: {
        PauseFields pause{r.rating(Key::urge_before, ok), r.rating(Key::urge_after, ok),
                          std::nullopt};
        if (r[Key::outcome].shape != Shape::absent) {
            auto text = r.scalar(Key::outcome);
            pause.outcome = text ? parse_outcome(*text) : std::nullopt;
            ok = ok && pause.outcome.has_value();
        }
        fields = pause;
        break;
    }
    }
    if (!ok)
        return std::nullopt;
    return fields;
}

std::optional<Entry> build_entry(std::array<Slot, kKeyNames.size()>& slots, std::string_view body) {
    SlotReader r(slots);
    auto schema = r.scalar(Key::schema);
    if (!schema || to_integer(*schema, 0, 1000000) != kSchemaVersion)
        return std::nullopt;
    auto kind_text = r.scalar(Key::kind);
    auto kind = kind_text ? parse_kind(*kind_text) : std::nullopt;
    if (!kind)
        return std::nullopt;
    for (size_t i = 0; i < slots.size(); ++i)
        if (slots[i].shape != Shape::absent && !key_belongs_to(static_cast<Key>(i), *kind))
            return std::nullopt;
    auto created_text = r.scalar(Key::created);
    auto created = created_text ? parse_rfc3339(*created_text) : std::nullopt;
    if (!created)
        return std::nullopt;

    Entry entry;
    entry.created = *created;
    bool ok = true;
    entry.tags = r.list(Key::tags, ok);
    auto fields = read_fields(*kind, r);
    if (!ok || !fields)
        return std::nullopt;
    entry.fields = std::move(*fields);

    auto& timer = r[Key::timer];
    if (timer.shape == Shape::map) {
        if (!timer.planned_seconds || !timer.elapsed_seconds)
            return std::nullopt;
        entry.timer = Timer{*timer.planned_seconds, *timer.elapsed_seconds};
    } else if (timer.shape != Shape::absent) {
        return std::nullopt;
    }

    auto& revisit = r[Key::revisit];
    if (revisit.shape == Shape::map) {
        if (!revisit.revisit_keys[0]) // the date is required
            return std::nullopt;
        entry.revisit = std::move(revisit.revisit);
    } else if (revisit.shape != Shape::absent) {
        return std::nullopt;
    }

    // yaml-cpp also reads y/yes/on/True...; settle writes only `true`.
    auto& incomplete = r[Key::incomplete];
    if (incomplete.shape != Shape::absent) {
        if (incomplete.shape != Shape::scalar || !incomplete.scalar.plain)
            return std::nullopt;
        if (incomplete.scalar.text == "true")
            entry.incomplete = true;
        else if (incomplete.scalar.text != "false")
            return std::nullopt;
    }

    if (!validate(entry, FieldNames::keys))
        return std::nullopt; // parse_entry will say what is wrong, with the line
    entry.body.assign(body);
    return entry;
}

} // namespace

std::optional<Entry> read_canonical_entry(std::string_view text) {
    // CRLF, a lone CR or a BOM: split_frontmatter rewrites those first.
    if (text.substr(0, 4) != "---\n" || text.find('\r') != std::string_view::npos)
        return std::nullopt;
    std::array<Slot, kKeyNames.size()> slots;
    LineCursor lines(text, 4);
    std::string_view line;
    while (lines.peek(line)) {
        lines.advance();
        if (line == "---")
            return build_entry(slots, text.substr(lines.position()));
        if (!clean_line(line))
            return std::nullopt;
        auto colon = line.find(':');
        auto key = colon == std::string_view::npos ? std::nullopt : find_key(line.substr(0, colon));
        if (!key)
            return std::nullopt;
        auto& slot = slots[static_cast<size_t>(*key)];
        if (slot.shape != Shape::absent)
            return std::nullopt; // a key twice: parse_entry names it
        auto rest = line.substr(colon + 1);
        if (rest.empty()) {
            if (!read_block(*key, slot, lines))
                return std::nullopt;
            continue;
        }
        if (rest.front() != ' ')
            return std::nullopt;
        rest.remove_prefix(1);
        if (rest == "[]" && is_list_key(*key))
            slot.shape = Shape::list;
        else if (read_scalar(rest, slot.scalar))
            slot.shape = Shape::scalar;
        else
            return std::nullopt;
    }
    return std::nullopt; // never closed
}

Expected<Entry> read_entry_text(std::string_view text, const std::string& path) {
    if (auto entry = read_canonical_entry(text))
        return std::move(*entry);
    return parse_entry(text, path);
}

} // namespace settle
