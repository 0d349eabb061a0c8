#include "entry_values.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <limits>
#include <map>

namespace settle {

namespace {

// Thrown only inside this file; build_entry turns it into an Error value.
struct Problem {
    int line;
    std::string message;
};

std::optional<int> whole_number(std::string_view text, int min, int max) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max)
        return std::nullopt;
    return value;
}

// What a key's value must be, as a message says it.
std::string must_be(Key key) {
    const auto& rule = spec(key);
    switch (rule.type) {
    case ValueType::integer:
        return fmt::format("a whole number from {} to {}", rule.min, rule.max);
    case ValueType::choice:
    case ValueType::numbered:
    case ValueType::numbered_lists:
        return spoken_choices(rule.choices);
    case ValueType::time:
        return "a date and time";
    case ValueType::list:
        return "a list";
    case ValueType::boolean:
        return "true or false";
    case ValueType::text:
    case ValueType::record:
        break;
    }
    return "text";
}

// Reads the values key by key, each as its entry in the table says.
class ValueReader {
  public:
    explicit ValueReader(const FrontmatterValues& values) : values_(values) {}

    const RawValue& get(Key key) const { return values_[key]; }

    [[noreturn]] void fail(const RawValue& value, std::string message) const {
        throw Problem{value.line, std::move(message)};
    }

    // Present with a value: a null (`key:`, `key: ~`) counts as absent.
    bool has(Key key) const {
        auto shape = get(key).shape;
        return shape != ValueShape::absent && shape != ValueShape::null;
    }

    std::string_view scalar(Key key) const {
        const auto& value = get(key);
        if (value.shape == ValueShape::absent)
            throw Problem{values_.first_line, fmt::format("missing key \"{}\"", key_name(key))};
        if (value.shape != ValueShape::scalar)
            fail(value, fmt::format("{} must be {}", key_name(key), must_be(key)));
        return utf8_text(value, key);
    }

    // Bytes that are not UTF-8 would be written back as U+FFFD, so the text
    // would change the next time settle saves the entry.
    std::string_view utf8_text(const RawValue& value, Key key) const {
        if (!is_valid_utf8(value.text))
            fail(value, fmt::format("{} is not valid UTF-8 text; was the file saved in another "
                                    "encoding?",
                                    key_name(key)));
        return value.text;
    }

    std::optional<int> integer(Key key) const {
        if (!has(key))
            return std::nullopt;
        const auto& value = get(key);
        if (value.shape != ValueShape::scalar)
            fail(value, fmt::format("{} must be {}", key_name(key), must_be(key)));
        auto number = whole_number(value.text, spec(key).min, spec(key).max);
        if (!number)
            fail(value,
                 fmt::format("{} must be {}, got \"{}\"", key_name(key), must_be(key), value.text));
        return number;
    }

    std::string text(Key key) const {
        if (!has(key))
            return {};
        return std::string(scalar(key));
    }

    std::vector<std::string> list(Key key) const {
        std::vector<std::string> items;
        if (!has(key))
            return items;
        const auto& value = get(key);
        if (value.shape == ValueShape::scalar) // `tags: work` is a reasonable hand edit
            return {std::string(utf8_text(value, key))};
        if (value.shape != ValueShape::list)
            fail(value, fmt::format("{} must be {}", key_name(key), must_be(key)));
        items.reserve(value.count);
        for (const auto& item : children(value)) {
            if (item.value.shape == ValueShape::null)
                continue; // an empty `- ` line left while editing
            if (item.value.shape != ValueShape::scalar)
                fail(item.value, fmt::format("each {} item must be text", key_name(key)));
            items.emplace_back(utf8_text(item.value, key));
        }
        return items;
    }

    bool boolean(Key key) const {
        if (!has(key))
            return false;
        const auto& value = get(key);
        auto decoded = value.shape == ValueShape::scalar ? yaml_boolean(value.text) : std::nullopt;
        if (!decoded)
            fail(value, fmt::format("{} must be {}", key_name(key), must_be(key)));
        return *decoded;
    }

    // One of the key's choices. A key every entry has is read even when
    // null (and refused), an optional one only when it holds a value.
    template <typename E> std::optional<E> choice(Key key, bool required = false) const {
        if (!required && !has(key))
            return std::nullopt;
        auto text = scalar(key);
        auto value = parse_name<E>(text);
        if (!value)
            fail(get(key),
                 fmt::format("{} must be {}, got \"{}\"", key_name(key), must_be(key), text));
        return value;
    }

    std::span<const RawItem> children(const RawValue& value) const {
        return std::span<const RawItem>(values_.items).subspan(value.first, value.count);
    }

    int first_line() const { return values_.first_line; }

  private:
    const FrontmatterValues& values_;
};

KindFields read_fields(Kind kind, const ValueReader& r) {
    switch (kind) {
    case Kind::audit: {
        AuditFields audit;
        audit.anxiety_before = r.integer(Key::anxiety_before);
        audit.anxiety_after = r.integer(Key::anxiety_after);
        audit.know = r.list(Key::know);
        audit.predict = r.list(Key::predict);
        return audit;
    }
    case Kind::script: {
        ScriptFields script;
        script.situation = r.text(Key::situation);
        script.feeling = r.text(Key::feeling);
        script.need = r.text(Key::need);
        return script;
    }
    case Kind::pause: {
        PauseFields pause;
        pause.urge_before = r.integer(Key::urge_before);
        pause.urge_after = r.integer(Key::urge_after);
        pause.outcome = r.choice<Outcome>(Key::outcome);
        return pause;
    }
    }
    return AuditFields{};
}

// "timer must have planned_seconds and elapsed_seconds"
std::string record_must_have(Key record) {
    std::string names;
    for (const auto& key : kKeys)
        if (key.parent == record)
            names += (names.empty() ? "" : " and ") + std::string(key.name);
    return fmt::format("{} must have {}", key_name(record), names);
}

std::optional<Timer> read_timer(const ValueReader& r) {
    if (!r.has(Key::timer))
        return std::nullopt;
    const auto& node = r.get(Key::timer);
    if (node.shape != ValueShape::map)
        r.fail(node, record_must_have(Key::timer));
    auto planned = r.integer(Key::planned_seconds);
    auto elapsed = r.integer(Key::elapsed_seconds);
    if (!planned || !elapsed)
        r.fail(node, record_must_have(Key::timer));
    return Timer{*planned, *elapsed};
}

std::map<int, PredictionOutcome> read_predictions(const ValueReader& r) {
    std::map<int, PredictionOutcome> predictions;
    if (!r.has(Key::predictions))
        return predictions;
    const auto& node = r.get(Key::predictions);
    if (node.shape != ValueShape::map)
        r.fail(node, "revisit predictions must be 'number: outcome' lines");
    for (const auto& [key, value] : r.children(node)) {
        auto name = key.shape == ValueShape::scalar ? key.text : std::string_view{};
        auto number = whole_number(name, 1, std::numeric_limits<int>::max());
        if (!number)
            r.fail(key, fmt::format("a revisited prediction is named by its number (1, 2, ...), "
                                    "got \"{}\"",
                                    name));
        auto outcome = value.shape == ValueShape::scalar ? parse_name<PredictionOutcome>(value.text)
                                                         : std::nullopt;
        if (!outcome)
            r.fail(value, fmt::format("a prediction's outcome must be {}",
                                      spoken_choices(spec(Key::predictions).choices)));
        if (!predictions.emplace(*number, *outcome).second)
            r.fail(key, fmt::format("prediction {} is answered twice", *number));
    }
    return predictions;
}

// "N: [answer, answer]": a prediction answered differently on two devices
// (docs/entry-format.md#contested-answers). The answers are kept in enum
// order; the prediction must be one the entry has, not also answered, with
// two or more different answers.
std::map<int, std::vector<PredictionOutcome>>
read_contested(const ValueReader& r, const Revisit& revisit, const AuditFields* audit) {
    std::map<int, std::vector<PredictionOutcome>> contested;
    if (!r.has(Key::contested))
        return contested;
    const auto& node = r.get(Key::contested);
    if (node.shape != ValueShape::map)
        r.fail(node, "revisit contested must be 'number: [answer, answer]' lines");
    for (const auto& [key, value] : r.children(node)) {
        auto name = key.shape == ValueShape::scalar ? key.text : std::string_view{};
        auto number = whole_number(name, 1, std::numeric_limits<int>::max());
        if (!number)
            r.fail(key, fmt::format("a contested prediction is named by its number (1, 2, ...), "
                                    "got \"{}\"",
                                    name));
        if (value.shape != ValueShape::list)
            r.fail(value, "a contested prediction lists its answers, e.g. [didnt, partly]");
        std::vector<PredictionOutcome> answers;
        for (const auto& item : r.children(value)) {
            auto outcome = item.value.shape == ValueShape::scalar
                               ? parse_name<PredictionOutcome>(item.value.text)
                               : std::nullopt;
            if (!outcome)
                r.fail(item.value,
                       fmt::format("a prediction's outcome must be {}", must_be(Key::contested)));
            answers.push_back(*outcome);
        }
        std::sort(answers.begin(), answers.end());
        if (contested.count(*number))
            r.fail(key, fmt::format("prediction {} is contested twice", *number));
        // Only an audit has predictions; validate() says so for other kinds.
        if (audit && static_cast<size_t>(*number) > audit->predict.size())
            r.fail(key, fmt::format("revisit names prediction {}, but the entry has {}", *number,
                                    audit->predict.size()));
        if (revisit.predictions.count(*number))
            r.fail(key, fmt::format("prediction {} is both answered and contested; keep one of "
                                    "the two",
                                    *number));
        if (answers.size() < 2 ||
            std::adjacent_find(answers.begin(), answers.end()) != answers.end())
            r.fail(value, fmt::format("contested prediction {} must list two or more different "
                                      "answers",
                                      *number));
        contested.emplace(*number, std::move(answers));
    }
    return contested;
}

std::optional<Revisit> read_revisit(const ValueReader& r, const KindFields& fields) {
    if (!r.has(Key::revisit))
        return std::nullopt;
    const auto& node = r.get(Key::revisit);
    if (node.shape != ValueShape::map)
        r.fail(node, "revisit must hold date and the answers");
    Revisit revisit;
    auto date_text = r.scalar(Key::revisit_date);
    auto date = parse_rfc3339(date_text);
    if (!date)
        r.fail(r.get(Key::revisit_date),
               fmt::format("revisit date must be an RFC 3339 time, got \"{}\"", date_text));
    revisit.date = *date;
    revisit.predictions = read_predictions(r);
    revisit.contested = read_contested(r, revisit, std::get_if<AuditFields>(&fields));
    revisit.shared = r.choice<Shared>(Key::shared);
    revisit.landed = r.choice<Landed>(Key::landed);
    revisit.note = r.text(Key::note);
    return revisit;
}

Entry read_entry(const ValueReader& r, std::string_view body) {
    Entry entry;
    auto schema = r.integer(Key::schema);
    if (!schema)
        throw Problem{r.first_line(), "missing key \"schema\" (the format version, 1)"};
    if (*schema != kSchemaVersion)
        r.fail(r.get(Key::schema), fmt::format("schema {} is newer than this settle understands "
                                               "({}); a newer settle can read it",
                                               *schema, kSchemaVersion));
    entry.schema = *schema;

    auto kind = *r.choice<Kind>(Key::kind, true);

    auto created_text = r.scalar(Key::created);
    auto created = parse_rfc3339(created_text);
    if (!created)
        r.fail(r.get(Key::created), fmt::format("created must be an RFC 3339 time such as "
                                                "2026-11-27T21:14:03-07:00, got \"{}\"",
                                                created_text));
    entry.created = *created;
    entry.tags = r.list(Key::tags);
    entry.fields = read_fields(kind, r);
    entry.timer = read_timer(r);
    entry.incomplete = r.boolean(Key::incomplete);
    entry.revisit = read_revisit(r, entry.fields);
    entry.body.assign(body);
    return entry;
}

} // namespace

Expected<Entry> build_entry(const FrontmatterValues& values, const std::string& path) {
    if (values.repeated_key)
        return error_at(
            path, values.repeated_key->second,
            fmt::format("key \"{}\" appears twice; keep one", values.repeated_key->first));
    try {
        auto entry = read_entry(ValueReader(values), values.body);
        if (auto valid = validate(entry); !valid)
            return error_at(path, values.first_line, valid.error().message);
        return entry;
    } catch (const Problem& problem) {
        return error_at(path, problem.line, problem.message);
    }
}

namespace {

void describe_value(std::string& out, const FrontmatterValues& values, const RawValue& value) {
    static constexpr std::string_view shapes[] = {"absent", "null", "scalar",
                                                  "list",   "map",  "other"};
    out += fmt::format("{}@{}", shapes[static_cast<size_t>(value.shape)], value.line);
    if (value.shape == ValueShape::scalar)
        out += fmt::format(" \"{}\"", value.text);
    if (value.count == 0)
        return;
    out += " [";
    for (const auto& item :
         std::span<const RawItem>(values.items).subspan(value.first, value.count)) {
        if (item.key.shape != ValueShape::absent) {
            describe_value(out, values, item.key);
            out += " -> ";
        }
        describe_value(out, values, item.value);
        out += "; ";
    }
    out += "]";
}

} // namespace

std::string describe(const FrontmatterValues& values) {
    std::string out = fmt::format("first line {}\n", values.first_line);
    if (values.repeated_key)
        out += fmt::format("repeated key \"{}\" at {}\n", values.repeated_key->first,
                           values.repeated_key->second);
    for (const auto& key : kKeys) {
        const auto& value = values[key.key];
        if (value.shape == ValueShape::absent)
            continue;
        out += fmt::format("{}: ", key.name);
        describe_value(out, values, value);
        out += '\n';
    }
    out += fmt::format("body {} bytes\n", values.body.size());
    return out;
}

std::optional<bool> yaml_boolean(std::string_view text) {
    // yaml-cpp's rule: the word in lower case, upper case or capitalized.
    auto lower = [](char c) {
        return c >= 'a' && c <= 'z';
    };
    auto upper = [](char c) {
        return c >= 'A' && c <= 'Z';
    };
    auto all = [](std::string_view s, auto test) {
        for (char c : s)
            if (!test(c))
                return false;
        return true;
    };
    if (!text.empty() && !all(text, lower) &&
        !(upper(text[0]) && (all(text.substr(1), lower) || all(text.substr(1), upper))))
        return std::nullopt;
    std::string folded(text);
    for (auto& c : folded)
        if (upper(c))
            c = static_cast<char>(c - 'A' + 'a');
    for (auto [yes, no] : {std::pair{"y", "n"}, std::pair{"yes", "no"}, std::pair{"true", "false"},
                           std::pair{"on", "off"}}) {
        if (folded == yes)
            return true;
        if (folded == no)
            return false;
    }
    return std::nullopt;
}

} // namespace settle
