#include "entry_format.hpp"

#include "utf8.hpp"
#include "yaml_problem.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
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
// single-quoted scalar: line breaks of every kind (CR, NEL, the separators),
// other control characters, a BOM, and blanks at either end. In double
// quotes yaml-cpp writes them as escapes ("\r", "\x85", "\uFEFF").
bool needs_escapes(std::string_view s) {
    if (s.empty())
        return false;
    if (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t')
        return true;
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7F)
            return true;
    return s.find("\xC2\x85") != std::string_view::npos ||
           s.find("\xEF\xBB\xBF") != std::string_view::npos || has_unicode_separator(s);
}

void emit_text(YAML::Emitter& out, const std::string& text) {
    if (looks_like_non_string(text) || needs_escapes(text))
        out << YAML::DoubleQuoted;
    // Written as \u2028 and \u2029, which every reader gives back as is.
    if (has_unicode_separator(text))
        out << YAML::EscapeNonAscii;
    out << text;
}

void emit_list(YAML::Emitter& out, const char* key, const std::vector<std::string>& items) {
    out << YAML::Key << key << YAML::Value;
    if (items.empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
    }
    out << YAML::BeginSeq;
    for (const auto& item : items)
        emit_text(out, item);
    out << YAML::EndSeq;
}

template <typename T>
void emit_optional(YAML::Emitter& out, const char* key, const std::optional<T>& v) {
    if (v)
        out << YAML::Key << key << YAML::Value << *v;
}

void emit_fields(YAML::Emitter& out, const AuditFields& audit) {
    emit_optional(out, "anxiety_before", audit.anxiety_before);
    emit_optional(out, "anxiety_after", audit.anxiety_after);
    emit_list(out, "know", audit.know);
    emit_list(out, "predict", audit.predict);
}

void emit_fields(YAML::Emitter& out, const ScriptFields& script) {
    for (auto [key, value] :
         {std::pair{"situation", &script.situation}, std::pair{"feeling", &script.feeling},
          std::pair{"need", &script.need}}) {
        out << YAML::Key << key << YAML::Value;
        emit_text(out, *value);
    }
    // A script stopped before its three answers has no sentence yet: a
    // sentence with holes in it would read as something the person wrote.
    auto answered = [](const std::string& text) {
        return text.find_first_not_of(" \t\r\n.") != std::string::npos;
    };
    if (!answered(script.situation) || !answered(script.feeling) || !answered(script.need))
        return;
    out << YAML::Key << "sentence" << YAML::Value;
    emit_text(out, compose_sentence(script));
}

void emit_fields(YAML::Emitter& out, const PauseFields& pause) {
    emit_optional(out, "urge_before", pause.urge_before);
    emit_optional(out, "urge_after", pause.urge_after);
    if (pause.outcome)
        out << YAML::Key << "outcome" << YAML::Value << std::string(to_string(*pause.outcome));
}

void emit_revisit(YAML::Emitter& out, const Revisit& revisit) {
    out << YAML::Key << "revisit" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "date" << YAML::Value << revisit.date.rfc3339();
    if (!revisit.predictions.empty()) {
        out << YAML::Key << "predictions" << YAML::Value << YAML::BeginMap;
        for (const auto& [number, outcome] : revisit.predictions)
            out << YAML::Key << number << YAML::Value << std::string(to_string(outcome));
        out << YAML::EndMap;
    }
    if (revisit.shared)
        out << YAML::Key << "shared" << YAML::Value << std::string(to_string(*revisit.shared));
    if (revisit.landed)
        out << YAML::Key << "landed" << YAML::Value << std::string(to_string(*revisit.landed));
    if (!revisit.note.empty()) {
        out << YAML::Key << "note" << YAML::Value;
        emit_text(out, revisit.note);
    }
    out << YAML::EndMap;
}

// ---------------------------------------------------------------- reading

// Thrown only inside this file; parse_entry turns it into an Error value.
struct FormatProblem {
    int line;
    std::string message;
};

class FieldReader {
  public:
    FieldReader(const YAML::Node& root, int first_line) : root_(root), first_line_(first_line) {}

    int line_of(const YAML::Node& node) const { return first_line_ + node.Mark().line; }

    [[noreturn]] void fail(const YAML::Node& node, std::string message) const {
        throw FormatProblem{node.Mark().is_null() ? first_line_ : line_of(node),
                            std::move(message)};
    }

    YAML::Node get(const char* key) const { return root_[key]; }

    bool has(const char* key) const {
        auto node = root_[key];
        return node.IsDefined() && !node.IsNull();
    }

    std::string scalar(const char* key, std::string_view what) const {
        auto node = get(key);
        if (!node.IsDefined())
            throw FormatProblem{first_line_, fmt::format("missing key \"{}\"", key)};
        if (!node.IsScalar())
            fail(node, fmt::format("{} must be {}", key, what));
        return utf8_text(node, key);
    }

    // yaml-cpp would write bytes that are not UTF-8 back as U+FFFD, so the
    // text would change the next time settle saves the entry.
    const std::string& utf8_text(const YAML::Node& node, const char* key) const {
        if (!is_valid_utf8(node.Scalar()))
            fail(node, fmt::format("{} is not valid UTF-8 text; was the file saved in another "
                                   "encoding?",
                                   key));
        return node.Scalar();
    }

    std::optional<int> integer(const char* key, int min, int max) const {
        if (!has(key))
            return std::nullopt;
        auto node = get(key);
        auto range = fmt::format("a whole number from {} to {}", min, max);
        if (!node.IsScalar())
            fail(node, fmt::format("{} must be {}", key, range));
        const auto& text = node.Scalar();
        int value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max)
            fail(node, fmt::format("{} must be {}, got \"{}\"", key, range, text));
        return value;
    }

    std::optional<int> rating(const char* key) const { return integer(key, 0, 10); }

    std::string text(const char* key) const {
        if (!has(key))
            return {};
        return scalar(key, "text");
    }

    std::vector<std::string> list(const char* key) const {
        std::vector<std::string> items;
        if (!has(key))
            return items;
        auto node = get(key);
        if (node.IsScalar()) // `tags: work` is a reasonable hand edit
            return {utf8_text(node, key)};
        if (!node.IsSequence())
            fail(node, fmt::format("{} must be a list", key));
        for (const auto& item : node) {
            if (item.IsNull())
                continue; // an empty `- ` line left while editing
            if (!item.IsScalar())
                fail(item, fmt::format("each {} item must be text", key));
            items.push_back(utf8_text(item, key));
        }
        return items;
    }

    bool boolean(const char* key) const {
        if (!has(key))
            return false;
        auto node = get(key);
        bool value = false;
        if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
            fail(node, fmt::format("{} must be true or false", key));
        return value;
    }

  private:
    const YAML::Node& root_;
    int first_line_;
};

void reject_duplicate_keys(const YAML::Node& root, const FieldReader& reader) {
    std::set<std::string> seen;
    for (const auto& pair : root) {
        if (!pair.first.IsScalar())
            continue;
        if (!seen.insert(pair.first.Scalar()).second)
            reader.fail(pair.first,
                        fmt::format("key \"{}\" appears twice; keep one", pair.first.Scalar()));
    }
}

KindFields read_fields(Kind kind, const FieldReader& r) {
    switch (kind) {
    case Kind::audit:
        return AuditFields{r.rating("anxiety_before"), r.rating("anxiety_after"), r.list("know"),
                           r.list("predict")};
    case Kind::script:
        return ScriptFields{r.text("situation"), r.text("feeling"), r.text("need")};
    case Kind::pause: {
        PauseFields pause{r.rating("urge_before"), r.rating("urge_after"), std::nullopt};
        if (r.has("outcome")) {
            auto text = r.scalar("outcome", "waited, reached-out or undecided");
            pause.outcome = parse_outcome(text);
            if (!pause.outcome)
                r.fail(r.get("outcome"),
                       fmt::format("outcome must be waited, reached-out or undecided, got \"{}\"",
                                   text));
        }
        return pause;
    }
    }
    return AuditFields{};
}

std::optional<Timer> read_timer(const FieldReader& r) {
    if (!r.has("timer"))
        return std::nullopt;
    auto node = r.get("timer");
    if (!node.IsMap())
        r.fail(node, "timer must have planned_seconds and elapsed_seconds");
    FieldReader timer(node, r.line_of(node) - node.Mark().line);
    constexpr int day = 24 * 3600;
    auto planned = timer.integer("planned_seconds", 0, day);
    auto elapsed = timer.integer("elapsed_seconds", 0, day);
    if (!planned || !elapsed)
        r.fail(node, "timer must have planned_seconds and elapsed_seconds");
    return Timer{*planned, *elapsed};
}

template <typename T>
std::optional<T> read_choice(const FieldReader& r, const char* key,
                             std::optional<T> (*parse)(std::string_view), const char* choices) {
    if (!r.has(key))
        return std::nullopt;
    auto text = r.scalar(key, choices);
    auto value = parse(text);
    if (!value)
        r.fail(r.get(key), fmt::format("{} must be {}, got \"{}\"", key, choices, text));
    return value;
}

std::optional<Revisit> read_revisit(const FieldReader& r) {
    if (!r.has("revisit"))
        return std::nullopt;
    auto node = r.get("revisit");
    if (!node.IsMap())
        r.fail(node, "revisit must hold date and the answers");
    FieldReader inner(node, r.line_of(node) - node.Mark().line);
    Revisit revisit;
    auto date_text = inner.scalar("date", "a date and time");
    auto date = parse_rfc3339(date_text);
    if (!date)
        inner.fail(inner.get("date"),
                   fmt::format("revisit date must be an RFC 3339 time, got \"{}\"", date_text));
    revisit.date = *date;
    if (inner.has("predictions")) {
        auto predictions = inner.get("predictions");
        if (!predictions.IsMap())
            inner.fail(predictions, "revisit predictions must be 'number: outcome' lines");
        for (const auto& pair : predictions) {
            int number = 0;
            const auto& key = pair.first.IsScalar() ? pair.first.Scalar() : std::string{};
            auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), number);
            if (ec != std::errc{} || end != key.data() + key.size() || number < 1)
                inner.fail(pair.first, fmt::format("a revisited prediction is named by its "
                                                   "number (1, 2, ...), got \"{}\"",
                                                   key));
            auto outcome = pair.second.IsScalar() ? parse_prediction_outcome(pair.second.Scalar())
                                                  : std::nullopt;
            if (!outcome)
                inner.fail(pair.second, "a prediction's outcome must be happened, partly or didnt");
            if (!revisit.predictions.emplace(number, *outcome).second)
                inner.fail(pair.first, fmt::format("prediction {} is answered twice", number));
        }
    }
    revisit.shared = read_choice<Shared>(inner, "shared", parse_shared, "said, sent or kept");
    revisit.landed =
        read_choice<Landed>(inner, "landed", parse_landed, "closer, neutral or harder");
    revisit.note = inner.text("note");
    return revisit;
}

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
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    out << YAML::Key << "schema" << YAML::Value << entry.schema;
    out << YAML::Key << "kind" << YAML::Value << std::string(to_string(entry.kind()));
    out << YAML::Key << "created" << YAML::Value << entry.created.rfc3339();
    emit_list(out, "tags", entry.tags);
    std::visit([&](const auto& fields) { emit_fields(out, fields); }, entry.fields);
    if (entry.timer) {
        out << YAML::Key << "timer" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "planned_seconds" << YAML::Value << entry.timer->planned_seconds;
        out << YAML::Key << "elapsed_seconds" << YAML::Value << entry.timer->elapsed_seconds;
        out << YAML::EndMap;
    }
    if (entry.incomplete)
        out << YAML::Key << "incomplete" << YAML::Value << true;
    if (entry.revisit)
        emit_revisit(out, *entry.revisit);
    out << YAML::EndMap;

    std::string text = "---\n";
    text += out.c_str();
    text += "\n---\n";
    if (!entry.body.empty()) {
        text += entry.body;
        if (entry.body.back() != '\n')
            text += '\n';
    }
    return text;
}

Expected<Frontmatter> split_frontmatter(std::string_view raw, const std::string& path) {
    // CRLF (or CRCRLF) line ends from an editor on another system: drop the
    // CRs before each line break and at the very end, so that line numbers
    // stay the same and every key reads as written. Any other CR in the body
    // is the person's text and stays; a run is judged whole, in linear time.
    auto source = strip_bom(raw);
    std::string text;
    text.reserve(source.size());
    for (size_t i = 0; i < source.size();) {
        if (source[i] != '\r') {
            text += source[i++];
            continue;
        }
        auto run_end = std::min(source.find_first_not_of('\r', i), source.size());
        if (run_end != source.size() && source[run_end] != '\n')
            text += source.substr(i, run_end - i);
        i = run_end;
    }

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

// The line (1-based) where git's conflict markers begin, when the file holds
// two versions of itself (<<<<<<<, =======, >>>>>>> at line starts).
static std::optional<int> conflict_marker_line(std::string_view text) {
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

Expected<Entry> parse_entry(std::string_view text, const std::string& path) {
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
    YAML::Node root;
    try {
        root = YAML::Load(fm->yaml);
    } catch (const YAML::Exception& e) {
        // A problem found at the end of the input (an unclosed bracket) is
        // reported on the frontmatter's last line, not on the fence after it.
        int last_line = fm->first_line +
                        static_cast<int>(std::count(fm->yaml.begin(), fm->yaml.end(), '\n')) - 1;
        int line =
            e.mark.is_null() ? fm->first_line : std::min(fm->first_line + e.mark.line, last_line);
        return error_at(path, line, describe_yaml_problem("the frontmatter", e));
    }
    if (!root.IsMap())
        return error_at(path, fm->first_line,
                        "the frontmatter must be a set of 'key: value' lines");

    FieldReader reader(root, fm->first_line);
    try {
        reject_duplicate_keys(root, reader);
        Entry entry;
        auto schema = reader.integer("schema", 0, 1000000);
        if (!schema)
            throw FormatProblem{fm->first_line, "missing key \"schema\" (the format version, 1)"};
        if (*schema != kSchemaVersion)
            reader.fail(reader.get("schema"),
                        fmt::format("schema {} is newer than this settle understands ({}); "
                                    "a newer settle can read it",
                                    *schema, kSchemaVersion));
        entry.schema = *schema;

        auto kind_text = reader.scalar("kind", "audit, script or pause");
        auto kind = parse_kind(kind_text);
        if (!kind)
            reader.fail(reader.get("kind"),
                        fmt::format("kind must be audit, script or pause, got \"{}\"", kind_text));

        auto created_text = reader.scalar("created", "a date and time");
        auto created = parse_rfc3339(created_text);
        if (!created)
            reader.fail(reader.get("created"),
                        fmt::format("created must be an RFC 3339 time such as "
                                    "2026-11-27T21:14:03-07:00, got \"{}\"",
                                    created_text));
        entry.created = *created;
        entry.tags = reader.list("tags");
        entry.fields = read_fields(*kind, reader);
        entry.timer = read_timer(reader);
        entry.incomplete = reader.boolean("incomplete");
        entry.revisit = read_revisit(reader);
        entry.body = std::move(fm->body);

        if (auto valid = validate(entry, FieldNames::keys); !valid)
            return error_at(path, fm->first_line, valid.error().message);
        return entry;
    } catch (const FormatProblem& problem) {
        return error_at(path, problem.line, problem.message);
    } catch (const YAML::Exception& e) {
        return error_at(path, fm->first_line, "the frontmatter could not be read: " + e.msg);
    }
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
std::string revisit_block(const Revisit& revisit, const std::string& newline) {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    emit_revisit(out, revisit);
    out << YAML::EndMap;
    std::string block;
    for (auto& line : split_lines(std::string_view(out.c_str())))
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
    // Only a block exactly as settle writes it is replaced: an empty
    // placeholder with a comment under it, a key settle does not know or a
    // note in another layout would be lost. Answers settle cannot find as
    // its own block (a quoted key, a flow map) are left alone too.
    const bool own_block =
        block_end > block_start && before->revisit &&
        original.substr(cut_from, cut_to - cut_from) == revisit_block(*before->revisit, newline);
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
