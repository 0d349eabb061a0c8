#include "entry_format.hpp"

#include "entry_values.hpp"
#include "utf8.hpp"
#include "yaml_problem.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <memory>
#include <optional>
#include <set>
#include <yaml-cpp/yaml.h>

namespace settle {

namespace {

// ---------------------------------------------------------------- writing

bool looks_like_non_string(std::string_view s) {
    // yaml-cpp writes these plain, but YAML 1.1 readers (PyYAML, yq) would
    // turn them into booleans, nulls or numbers. Quoting keeps them text for
    // every reader a person might point at their journal.
    std::string lower(s);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static const std::set<std::string> words = {"y",    "n",     "yes",  "no", "on", "off",
                                                "true", "false", "null", "~",  ""};
    if (words.count(lower))
        return true;
    char first = s.front();
    if (first >= '0' && first <= '9')
        return true;
    return (first == '+' || first == '-' || first == '.') && s.size() > 1 &&
           ((s[1] >= '0' && s[1] <= '9') || s[1] == '.');
}

// The Unicode line and paragraph separators: YAML 1.1 readers take them
// for line breaks, even inside quotes.
bool has_unicode_separator(std::string_view s) {
    return s.find("\xE2\x80\xA8") != std::string_view::npos ||
           s.find("\xE2\x80\xA9") != std::string_view::npos;
}

// Characters a YAML reader would not give back as they are in a plain or
// single-quoted scalar: line breaks (CR, NEL), other control characters, a
// BOM, and blanks at either end. In double quotes yaml-cpp writes them as
// escapes ("\r", "\x85", "\uFEFF").
bool needs_escapes(std::string_view s) {
    if (s.empty())
        return false;
    if (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t')
        return true;
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7F)
            return true;
    return s.find("\xC2\x85") != std::string_view::npos ||
           s.find("\xEF\xBB\xBF") != std::string_view::npos;
}

// Code points yaml-cpp does not write faithfully inside double quotes, so
// settle writes them as escapes itself (see EntryEmitter): the Unicode line
// and paragraph separators, which yaml-cpp writes as they are and YAML 1.1
// readers then take for line breaks, and the noncharacters (U+FDD0-U+FDEF,
// and the last two code points of every plane), which yaml-cpp replaces with
// U+FFFD. Each has a place in a block of stand-ins; -1 for any other.
int stand_in_offset(char32_t c) {
    if (c == 0x2028 || c == 0x2029)
        return static_cast<int>(c - 0x2028);
    if (c >= 0xFDD0 && c <= 0xFDEF)
        return 2 + static_cast<int>(c - 0xFDD0);
    if ((c & 0xFFFE) == 0xFFFE && c <= 0x10FFFF)
        return 34 + static_cast<int>(c >> 16) * 2 + static_cast<int>(c & 1);
    return -1;
}
constexpr char32_t kStandInBlockSize = 34 + 17 * 2;

char32_t from_stand_in_offset(int offset) {
    if (offset < 2)
        return 0x2028 + static_cast<char32_t>(offset);
    if (offset < 34)
        return 0xFDD0 + static_cast<char32_t>(offset - 2);
    offset -= 34;
    return (static_cast<char32_t>(offset / 2) << 16) | 0xFFFE | static_cast<char32_t>(offset % 2);
}

bool has_code_point_to_escape(std::string_view s) {
    // Only three-byte (U+0800-U+FFFF) and four-byte sequences can be one.
    for (size_t pos = 0; pos < s.size();) {
        if (static_cast<unsigned char>(s[pos]) < 0xE0) {
            ++pos;
            continue;
        }
        int c = decode_code_point(s, pos);
        if (c >= 0 && stand_in_offset(static_cast<char32_t>(c)) >= 0)
            return true;
    }
    return false;
}

// How text is written. Earlier, settle (its first release among them) left
// the line separators to yaml-cpp, which then escaped every character
// outside ASCII in such a text, and the noncharacters too, which it wrote
// as they are where plain style served and lost elsewhere. `revisit` still
// knows a block written that way as its own: only the note's line differs.
enum class TextStyle { current, earlier };

// yaml-cpp's emitter, and the code points it cannot write inside double
// quotes. A text holding one is given to yaml-cpp with each replaced by a
// stand-in from a block of the Supplementary Private Use Area, which yaml-cpp
// writes as it is; document() then writes every stand-in as its escape
// ("\u2028", "\uffff", "\U0010ffff", in lower case like yaml-cpp's own).
// A person's own text could hold a character of the block itself:
// document() sees that by count and declines, and emit_document tries the
// next block.
class EntryEmitter : public YAML::Emitter {
  public:
    EntryEmitter(char32_t block, TextStyle style) : block_(block), style_(style) { SetIndent(2); }

    TextStyle text_style() const { return style_; }

    std::string with_stand_ins(std::string_view text) {
        std::string out;
        for (size_t pos = 0; pos < text.size();) {
            size_t start = pos;
            int c = decode_code_point(text, pos);
            int offset = c < 0 ? -1 : stand_in_offset(static_cast<char32_t>(c));
            if (offset < 0) {
                out.append(text.substr(start, pos - start));
                continue;
            }
            out += utf8_encode(block_ + static_cast<char32_t>(offset));
            ++stand_ins_;
        }
        return out;
    }

    // The document, or nothing when it holds more stand-ins than were made.
    std::optional<std::string> document() const {
        std::string_view raw = c_str();
        if (stand_ins_ == 0)
            return std::string(raw);
        std::string out;
        size_t seen = 0;
        for (size_t pos = 0; pos < raw.size();) {
            size_t start = pos;
            int c = decode_code_point(raw, pos);
            auto code = static_cast<char32_t>(c);
            if (c < 0 || code < block_ || code >= block_ + kStandInBlockSize) {
                out.append(raw.substr(start, pos - start));
                continue;
            }
            ++seen;
            char32_t escaped = from_stand_in_offset(static_cast<int>(code - block_));
            out += escaped <= 0xFFFF ? fmt::format("\\u{:04x}", static_cast<unsigned>(escaped))
                                     : fmt::format("\\U{:08x}", static_cast<unsigned>(escaped));
        }
        if (seen != stand_ins_)
            return std::nullopt;
        return out;
    }

  private:
    char32_t block_;
    TextStyle style_;
    size_t stand_ins_ = 0;
};

// The frontmatter `emit` writes, with the first block of stand-ins that is
// free of the person's own text. The blocks lie in the Supplementary Private
// Use Area-A (U+F0000-U+FFFFD). Should a text hold a character of every
// block, yaml-cpp's own writing is returned: the read-back check before
// saving then refuses it, and nothing is changed.
template <typename Emit>
std::string emit_document(Emit emit, TextStyle style = TextStyle::current) {
    constexpr char32_t first_block = 0xF0000;
    for (char32_t block = first_block; block + kStandInBlockSize <= 0xFFFFE;
         block += kStandInBlockSize) {
        EntryEmitter out(block, style);
        emit(out);
        if (auto document = out.document())
            return *document;
    }
    EntryEmitter out(first_block, style);
    emit(out);
    return out.c_str();
}

void emit_text(EntryEmitter& out, const std::string& text) {
    if (out.text_style() == TextStyle::current && has_code_point_to_escape(text)) {
        out << YAML::DoubleQuoted << out.with_stand_ins(text);
        return;
    }
    // The earlier way with a separator (the current style has taken any
    // text holding one above): yaml-cpp's escapes for all outside ASCII.
    const bool separators = has_unicode_separator(text);
    if (looks_like_non_string(text) || needs_escapes(text) || separators)
        out << YAML::DoubleQuoted;
    if (separators)
        out << YAML::EscapeNonAscii;
    out << text;
}

void emit_key(EntryEmitter& out, Key key) {
    out << YAML::Key << std::string(key_name(key)) << YAML::Value;
}

void emit_list(EntryEmitter& out, Key key, const std::vector<std::string>& items) {
    emit_key(out, key);
    if (items.empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
    }
    out << YAML::BeginSeq;
    for (const auto& item : items)
        emit_text(out, item);
    out << YAML::EndSeq;
}

void emit_number(EntryEmitter& out, Key key, const std::optional<int>& value) {
    if (value) {
        emit_key(out, key);
        out << *value;
    }
}

template <typename E> void emit_name(EntryEmitter& out, Key key, const std::optional<E>& value) {
    if (value) {
        emit_key(out, key);
        out << std::string(name_of(*value));
    }
}

void emit_text(EntryEmitter& out, Key key, const std::string& text) {
    emit_key(out, key);
    emit_text(out, text);
}

// A script stopped before its three answers has no sentence yet: a sentence
// with holes in it would read as something the person wrote.
void emit_sentence(EntryEmitter& out, const ScriptFields& script) {
    auto answered = [](const std::string& text) {
        return text.find_first_not_of(" \t\r\n.") != std::string::npos;
    };
    if (!answered(script.situation) || !answered(script.feeling) || !answered(script.need))
        return;
    emit_text(out, Key::sentence, compose_sentence(script));
}

// One key of the revisit record, if the revisit has a value for it.
void emit_revisit_key(EntryEmitter& out, const Revisit& revisit, Key key) {
    switch (key) {
    case Key::revisit_date:
        emit_key(out, key);
        out << revisit.date.rfc3339();
        return;
    case Key::predictions:
        if (!revisit.predictions.empty()) {
            emit_key(out, key);
            out << YAML::BeginMap;
            for (const auto& [number, outcome] : revisit.predictions)
                out << YAML::Key << number << YAML::Value << std::string(name_of(outcome));
            out << YAML::EndMap;
        }
        return;
    case Key::contested: // one flow list a line: `2: [partly, didnt]`
        if (!revisit.contested.empty()) {
            emit_key(out, key);
            out << YAML::BeginMap;
            for (const auto& [number, answers] : revisit.contested) {
                out << YAML::Key << number << YAML::Value << YAML::Flow << YAML::BeginSeq;
                for (auto answer : answers)
                    out << std::string(name_of(answer));
                out << YAML::EndSeq;
            }
            out << YAML::EndMap;
        }
        return;
    case Key::shared:
        return emit_name(out, key, revisit.shared);
    case Key::landed:
        return emit_name(out, key, revisit.landed);
    case Key::note:
        if (!revisit.note.empty())
            emit_text(out, key, revisit.note);
        return;
    case Key::schema: // not in the revisit record
    case Key::kind:
    case Key::created:
    case Key::tags:
    case Key::anxiety_before:
    case Key::anxiety_after:
    case Key::know:
    case Key::predict:
    case Key::situation:
    case Key::feeling:
    case Key::need:
    case Key::sentence:
    case Key::urge_before:
    case Key::urge_after:
    case Key::outcome:
    case Key::timer:
    case Key::planned_seconds:
    case Key::elapsed_seconds:
    case Key::incomplete:
    case Key::revisit:
        return;
    }
}

// The revisit record, its keys in the table's order.
void emit_revisit(EntryEmitter& out, const Revisit& revisit) {
    emit_key(out, Key::revisit);
    out << YAML::BeginMap;
    for (const auto& key : kKeys)
        if (key.parent == Key::revisit)
            emit_revisit_key(out, revisit, key.key);
    out << YAML::EndMap;
}

// One top-level key of the table, if the entry has a value for it. The
// table decides the order and which kinds have the key.
void emit_top_level(EntryEmitter& out, const Entry& entry, Key key) {
    const auto* audit = std::get_if<AuditFields>(&entry.fields);
    const auto* script = std::get_if<ScriptFields>(&entry.fields);
    const auto* pause = std::get_if<PauseFields>(&entry.fields);
    switch (key) {
    case Key::schema:
        emit_key(out, key);
        out << entry.schema;
        return;
    case Key::kind:
        emit_name(out, key, std::optional(entry.kind()));
        return;
    case Key::created:
        emit_key(out, key);
        out << entry.created.rfc3339();
        return;
    case Key::tags:
        return emit_list(out, key, entry.tags);
    case Key::anxiety_before:
        return emit_number(out, key, audit->anxiety_before);
    case Key::anxiety_after:
        return emit_number(out, key, audit->anxiety_after);
    case Key::know:
        return emit_list(out, key, audit->know);
    case Key::predict:
        return emit_list(out, key, audit->predict);
    case Key::situation:
        return emit_text(out, key, script->situation);
    case Key::feeling:
        return emit_text(out, key, script->feeling);
    case Key::need:
        return emit_text(out, key, script->need);
    case Key::sentence:
        return emit_sentence(out, *script);
    case Key::urge_before:
        return emit_number(out, key, pause->urge_before);
    case Key::urge_after:
        return emit_number(out, key, pause->urge_after);
    case Key::outcome:
        return emit_name(out, key, pause->outcome);
    case Key::timer:
        if (entry.timer) {
            emit_key(out, key);
            out << YAML::BeginMap;
            emit_number(out, Key::planned_seconds, entry.timer->planned_seconds);
            emit_number(out, Key::elapsed_seconds, entry.timer->elapsed_seconds);
            out << YAML::EndMap;
        }
        return;
    case Key::incomplete:
        if (entry.incomplete) {
            emit_key(out, key);
            out << true;
        }
        return;
    case Key::revisit:
        if (entry.revisit)
            emit_revisit(out, *entry.revisit);
        return;
    case Key::planned_seconds: // nested: written with their record
    case Key::elapsed_seconds:
    case Key::revisit_date:
    case Key::predictions:
    case Key::contested:
    case Key::shared:
    case Key::landed:
    case Key::note:
        return;
    }
}

// ---------------------------------------------------------------- reading

// The yaml-cpp syntax front end: what the loaded document holds at each key
// of the format, for the one semantic pass (build_entry). Only the keys of
// the table are looked up, each only as deep as the table goes, so a hostile
// document (an alias bomb, deep nesting) is never walked.
class YamlValues {
  public:
    YamlValues(FrontmatterValues& out, int first_line) : out_(out), first_line_(first_line) {}

    void read(const YAML::Node& root) {
        std::set<std::string> seen;
        for (const auto& pair : root) {
            if (!pair.first.IsScalar())
                continue;
            if (!seen.insert(pair.first.Scalar()).second && !out_.repeated_key) {
                out_.repeated_key.emplace(pair.first.Scalar(), line_of(pair.first));
                return;
            }
        }
        read_keys(root, std::nullopt);
    }

  private:
    int line_of(const YAML::Node& node) const {
        return node.Mark().is_null() ? first_line_ : first_line_ + node.Mark().line;
    }

    // The node itself, without what it holds.
    RawValue shallow(const YAML::Node& node) const {
        RawValue value;
        if (!node.IsDefined())
            return value;
        value.line = line_of(node);
        switch (node.Type()) {
        case YAML::NodeType::Null:
            value.shape = ValueShape::null;
            break;
        case YAML::NodeType::Scalar:
            value.shape = ValueShape::scalar;
            value.text = node.Scalar(); // lives as long as the document
            break;
        case YAML::NodeType::Sequence:
            value.shape = ValueShape::list;
            break;
        case YAML::NodeType::Map:
            value.shape = ValueShape::map;
            break;
        default:
            value.shape = ValueShape::other;
        }
        return value;
    }

    void read_keys(const YAML::Node& map, std::optional<Key> parent) {
        for (const auto& key : kKeys)
            if (key.parent == parent)
                read_key(map[std::string(key.name)], key);
    }

    void read_key(const YAML::Node& node, const KeySpec& key) {
        auto& value = out_[key.key] = shallow(node);
        if (value.shape == ValueShape::list) {
            // A list's items, one level: an item that is a list or a map
            // itself is only named, never walked.
            value.first = static_cast<std::uint32_t>(out_.items.size());
            for (const auto& item : node)
                out_.items.push_back(RawItem{{}, shallow(item)});
            value.count = static_cast<std::uint32_t>(out_.items.size()) - value.first;
        } else if (value.shape == ValueShape::map && key.type == ValueType::record) {
            read_keys(node, key.key);
        } else if (value.shape == ValueShape::map && key.type == ValueType::numbered) {
            value.first = static_cast<std::uint32_t>(out_.items.size());
            for (const auto& pair : node)
                out_.items.push_back(RawItem{shallow(pair.first), shallow(pair.second)});
            value.count = static_cast<std::uint32_t>(out_.items.size()) - value.first;
        } else if (value.shape == ValueShape::map && key.type == ValueType::numbered_lists) {
            // Each entry's list items first, then the entries, so that both
            // sit together in `items`. A list's items are read one level.
            std::vector<RawItem> entries;
            for (const auto& pair : node) {
                RawItem entry{shallow(pair.first), shallow(pair.second)};
                if (entry.value.shape == ValueShape::list) {
                    entry.value.first = static_cast<std::uint32_t>(out_.items.size());
                    for (const auto& item : pair.second)
                        out_.items.push_back(RawItem{{}, shallow(item)});
                    entry.value.count =
                        static_cast<std::uint32_t>(out_.items.size()) - entry.value.first;
                }
                entries.push_back(entry);
            }
            value.first = static_cast<std::uint32_t>(out_.items.size());
            out_.items.insert(out_.items.end(), entries.begin(), entries.end());
            value.count = static_cast<std::uint32_t>(entries.size());
        }
    }

    FrontmatterValues& out_;
    int first_line_;
};
std::string_view strip_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    return text;
}

bool is_fence(std::string_view line, std::string_view fence) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
        line.remove_suffix(1);
    return line == fence;
}

} // namespace

std::string format_entry(const Entry& entry) {
    std::string text = "---\n";
    text += emit_document([&](EntryEmitter& out) {
        out << YAML::BeginMap;
        for (const auto& key : kKeys)
            if (!key.parent && key.kinds.has(entry.kind()))
                emit_top_level(out, entry, key.key);
        out << YAML::EndMap;
    });
    text += "\n---\n";
    if (!entry.body.empty()) {
        text += entry.body;
        if (entry.body.back() != '\n')
            text += '\n';
    }
    return text;
}

std::optional<std::string> without_bom_and_crlf(std::string_view raw) {
    // CRLF (or CRCRLF) line ends come from an editor on another system, a
    // BOM from one that marks its files. A run of CRs is judged whole, in
    // linear time.
    auto source = strip_bom(raw);
    auto first_cr = source.find('\r');
    if (first_cr == std::string_view::npos)
        return source.size() == raw.size() ? std::nullopt : std::optional<std::string>(source);
    std::string text(source.substr(0, first_cr));
    text.reserve(source.size());
    for (size_t i = first_cr; i < source.size();) {
        if (source[i] != '\r') {
            text += source[i++];
            continue;
        }
        auto run_end = std::min(source.find_first_not_of('\r', i), source.size());
        if (run_end != source.size() && source[run_end] != '\n')
            text += source.substr(i, run_end - i);
        i = run_end;
    }
    return text;
}

Expected<Frontmatter> split_frontmatter(std::string_view raw, const std::string& path) {
    auto cleaned = without_bom_and_crlf(raw);
    std::string text = cleaned ? std::move(*cleaned) : std::string(raw);

    auto first_end = text.find('\n');
    if (!is_fence(std::string_view(text).substr(0, first_end), "---"))
        return error_at(path, 1, "an entry must start with a '---' line (the YAML frontmatter)");
    if (first_end == std::string::npos)
        return error_at(path, 1, "the frontmatter opened on line 1 is never closed with '---'");

    Frontmatter fm;
    size_t pos = first_end + 1;
    int line = 2;
    while (pos <= text.size()) {
        auto end = text.find('\n', pos);
        auto current =
            std::string_view(text).substr(pos, end == std::string::npos ? end : end - pos);
        if (is_fence(current, "---") || is_fence(current, "...")) {
            fm.yaml = text.substr(first_end + 1, pos - first_end - 1);
            // A stray CR means nothing in YAML but would stick to a value.
            fm.yaml.erase(std::remove(fm.yaml.begin(), fm.yaml.end(), '\r'), fm.yaml.end());
            fm.body = end == std::string::npos ? std::string{} : text.substr(end + 1);
            return fm;
        }
        if (end == std::string::npos)
            break;
        pos = end + 1;
        ++line;
    }
    return error_at(path, 1, "the frontmatter opened on line 1 is never closed with '---'");
}

std::optional<int> conflict_marker_line(std::string_view text) {
    auto at_line_start = [&](std::string_view marker, size_t from) {
        for (auto found = text.find(marker, from); found != std::string_view::npos;
             found = text.find(marker, found + 1))
            if (found == 0 || text[found - 1] == '\n')
                return found;
        return std::string_view::npos;
    };
    auto start = at_line_start("<<<<<<<", 0);
    if (start == std::string_view::npos)
        return std::nullopt;
    auto middle = at_line_start("=======", start);
    if (middle == std::string_view::npos ||
        at_line_start(">>>>>>>", middle) == std::string_view::npos)
        return std::nullopt;
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + start, '\n'));
}

Expected<YamlFrontmatter> read_values_with_yaml(std::string_view text, const std::string& path) {
    if (auto line = conflict_marker_line(text))
        return error_at(path, *line,
                        "a sync conflict: this file holds two versions of the entry, between "
                        "the <<<<<<< and >>>>>>> lines; keep what stands with `settle edit`");
    auto fm = split_frontmatter(text, path);
    if (!fm)
        return fm.error();
    // yaml-cpp reads a NUL as "unknown escape character"; text never holds
    // one, so name it for what it is.
    if (auto nul = fm->yaml.find('\0'); nul != std::string::npos)
        return error_at(path,
                        fm->first_line + static_cast<int>(std::count(fm->yaml.begin(),
                                                                     fm->yaml.begin() + nul, '\n')),
                        "the frontmatter holds a NUL byte, which text never does; the file may "
                        "be damaged or not an entry");
    struct Document {
        Frontmatter frontmatter;
        YAML::Node root;
    };
    auto document = std::make_shared<Document>(Document{std::move(*fm), {}});
    const auto& yaml = document->frontmatter.yaml;
    const int first_line = document->frontmatter.first_line;
    try {
        document->root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        // A problem found at the end of the input (an unclosed bracket) is
        // reported on the frontmatter's last line, not on the fence after it.
        int last_line =
            first_line + static_cast<int>(std::count(yaml.begin(), yaml.end(), '\n')) - 1;
        int line = e.mark.is_null() ? first_line : std::min(first_line + e.mark.line, last_line);
        return error_at(path, line, describe_yaml_problem("the frontmatter", e));
    }
    if (!document->root.IsMap())
        return error_at(path, first_line, "the frontmatter must be a set of 'key: value' lines");

    YamlFrontmatter result;
    result.values.first_line = first_line;
    result.values.body = document->frontmatter.body;
    try {
        YamlValues(result.values, first_line).read(document->root);
    } catch (const YAML::Exception& e) {
        return error_at(path, first_line, "the frontmatter could not be read: " + e.msg);
    }
    result.document = std::move(document);
    return result;
}

Expected<Entry> parse_entry(std::string_view text, const std::string& path) {
    auto read = read_values_with_yaml(text, path);
    if (!read)
        return read.error();
    return build_entry(read->values, path);
}

} // namespace settle

namespace settle {

namespace {

struct Line {
    size_t start;          // offset of the first byte
    size_t end;            // offset just past the line end (or the text's end)
    std::string_view text; // without the line end
};

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    size_t pos = 0;
    while (pos < text.size()) {
        auto newline = text.find('\n', pos);
        size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
        auto content =
            text.substr(pos, (newline == std::string_view::npos ? text.size() : newline) - pos);
        if (!content.empty() && content.back() == '\r')
            content.remove_suffix(1);
        lines.push_back(Line{pos, end, content});
        pos = end;
    }
    return lines;
}

bool starts_top_level_key(std::string_view line) {
    return !line.empty() && line.front() != ' ' && line.front() != '\t';
}

bool blank_line(std::string_view line) {
    return line.find_first_not_of(" \t") == std::string_view::npos;
}

// Whether a frontmatter line starts the top-level key `revisit` itself, as
// settle writes it: a key of the person's own that merely begins with
// "revisit" ("revisit:later:", "revisits:") is not it.
bool is_revisit_key_line(std::string_view line) {
    constexpr std::string_view key = "revisit:";
    return line.substr(0, key.size()) == key &&
           (line.size() == key.size() || line[key.size()] == ' ' || line[key.size()] == '\t');
}

// The revisit block as settle writes it, with the file's line ends.
std::string revisit_block(const Revisit& revisit, const std::string& newline,
                          TextStyle style = TextStyle::current) {
    auto document = emit_document(
        [&](EntryEmitter& out) {
            out << YAML::BeginMap;
            emit_revisit(out, revisit);
            out << YAML::EndMap;
        },
        style);
    std::string block;
    for (auto& line : split_lines(std::string_view(document)))
        block += std::string(line.text) + newline;
    return block;
}

} // namespace

Expected<std::string> write_revisit(std::string_view original, const Revisit& revisit,
                                    const std::string& path) {
    auto before = parse_entry(original, path);
    if (!before)
        return before.error();

    auto lines = split_lines(original);
    const bool crlf =
        !lines.empty() && original.substr(0, lines[0].end).find("\r\n") != std::string_view::npos;
    const std::string newline = crlf ? "\r\n" : "\n";

    // Lines 1..fence-1 are the frontmatter (line 0 is the opening fence).
    size_t fence = 0;
    for (size_t i = 1; i < lines.size() && fence == 0; ++i)
        if (is_fence(lines[i].text, "---") || is_fence(lines[i].text, "..."))
            fence = i;
    size_t block_start = fence, block_end = fence;
    for (size_t i = 1; i < fence; ++i) {
        if (is_revisit_key_line(lines[i].text)) {
            block_start = i;
            block_end = i + 1;
            while (block_end < fence && !starts_top_level_key(lines[block_end].text))
                ++block_end;
            break;
        }
    }

    // Blank lines after the block belong to what follows it.
    while (block_end > block_start + 1 && blank_line(lines[block_end - 1].text))
        --block_end;

    size_t cut_from = lines[block_start].start;
    size_t cut_to = block_end > block_start ? lines[block_end - 1].end : cut_from;
    // Only a block exactly as settle writes it, or wrote it earlier (see
    // TextStyle), is replaced: an empty placeholder with a comment under it,
    // a key settle does not know or a note in another layout would be lost.
    // Answers settle cannot find as its own block (a quoted key, a flow map)
    // are left alone too.
    const auto old_block = original.substr(cut_from, cut_to - cut_from);
    const bool own_block =
        block_end > block_start && before->revisit &&
        (old_block == revisit_block(*before->revisit, newline) ||
         old_block == revisit_block(*before->revisit, newline, TextStyle::earlier));
    if (block_end > block_start ? !own_block : before->revisit.has_value()) {
        size_t at = block_start;
        for (size_t i = 1; i < fence && at == fence; ++i)
            if (lines[i].text.find("revisit") != std::string_view::npos)
                at = i;
        return Error{"the revisit answers in this entry were written by hand, not by settle, so "
                     "settle leaves them to you: add the new answers with `settle edit`",
                     path, static_cast<int>(at == fence ? 0 : at) + 1};
    }
    std::string block = revisit_block(revisit, newline);

    // Replace the old block's lines, or insert before the closing fence.
    std::string result(original.substr(0, cut_from));
    result += block;
    result += original.substr(cut_to);

    auto after = parse_entry(result, path);
    if (!after)
        return Error{"the answers could not be written without changing the rest of the entry: " +
                         after.error().message,
                     path};
    auto expected = *before;
    expected.revisit = revisit;
    if (!(*after == expected))
        return Error{"the answers could not be written without changing the rest of the entry",
                     path};
    return result;
}

} // namespace settle
