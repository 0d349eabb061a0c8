// The entry format, key by key: the one description of every key an entry
// file holds (its name, the kinds it belongs to, its type, range and
// choices) and of the names each enum is written with. The writer
// (format_entry), both syntax front ends (yaml-cpp in entry_format.cpp, the
// shortcut in fast_frontmatter.cpp), the one semantic pass that builds an
// Entry and its messages (entry_fields.cpp), and the command layer's choices,
// messages and completion all read it from here. docs/entry-format.md
// describes the same table; tests/unit/test_entry_keys.cpp keeps them equal.
#pragma once

#include "entry.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace settle {

// ------------------------------------------------------------ enum names

// The words an enum is written with in a file, in the order of its values.
template <typename E> struct EnumNames;
template <> struct EnumNames<Kind> {
    static constexpr std::array<std::string_view, 3> names = {"audit", "script", "pause"};
};
template <> struct EnumNames<Outcome> {
    static constexpr std::array<std::string_view, 3> names = {"waited", "reached-out", "undecided"};
};
template <> struct EnumNames<PredictionOutcome> {
    static constexpr std::array<std::string_view, 3> names = {"happened", "partly", "didnt"};
};
template <> struct EnumNames<Shared> {
    static constexpr std::array<std::string_view, 3> names = {"said", "sent", "kept"};
};
template <> struct EnumNames<Landed> {
    static constexpr std::array<std::string_view, 3> names = {"closer", "neutral", "harder"};
};

template <typename E> constexpr std::span<const std::string_view> names_of() {
    return EnumNames<E>::names;
}

template <typename E> constexpr std::string_view name_of(E value) {
    auto index = static_cast<size_t>(value);
    return index < EnumNames<E>::names.size() ? EnumNames<E>::names[index] : "?";
}

template <typename E> constexpr std::optional<E> parse_name(std::string_view text) {
    const auto& names = EnumNames<E>::names;
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == text)
            return static_cast<E>(i);
    return std::nullopt;
}

// "waited, reached-out or undecided": the choices as a message says them.
std::string spoken_choices(std::span<const std::string_view> names);
// "waited|reached-out|undecided": as an option's value is named in --help,
// the manual pages and completion.
std::string option_choices(std::span<const std::string_view> names);

template <typename E> std::string spoken_choices() {
    return spoken_choices(names_of<E>());
}
template <typename E> std::string option_choices() {
    return option_choices(names_of<E>());
}

// ------------------------------------------------------------ keys

// Every key of the format, top level and nested, in the order settle writes
// them (a nested key follows its parent).
enum class Key : std::uint8_t {
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
    planned_seconds,
    elapsed_seconds,
    incomplete,
    revisit,
    revisit_date,
    predictions,
    contested,
    shared,
    landed,
    note,
};
inline constexpr size_t kKeyCount = static_cast<size_t>(Key::note) + 1;

enum class ValueType : std::uint8_t {
    integer,  // a whole number from `min` to `max`
    text,     // UTF-8 text
    list,     // a list of text; `tags: work` is read as a list of one
    choice,   // one of `choices`
    time,     // an RFC 3339 date and time
    boolean,  // true or false
    record,   // a map holding the keys whose parent it is
    numbered, // a map from 1, 2, ... to one of `choices` (revisit predictions)
    // A map from 1, 2, ... to a list of two or more different `choices`
    // (revisit contested: a prediction answered two ways on two devices).
    numbered_lists,
};

// The kinds of entry a key belongs to.
class KindSet {
  public:
    constexpr KindSet() = default;
    static constexpr KindSet all() { return KindSet(0b111); }
    static constexpr KindSet only(Kind kind) {
        return KindSet(static_cast<std::uint8_t>(1u << static_cast<unsigned>(kind)));
    }
    constexpr bool has(Kind kind) const { return bits_ & (1u << static_cast<unsigned>(kind)); }
    constexpr bool is_all() const { return bits_ == 0b111; }
    constexpr KindSet operator|(KindSet other) const {
        return KindSet(static_cast<std::uint8_t>(bits_ | other.bits_));
    }

  private:
    constexpr explicit KindSet(std::uint8_t bits) : bits_(bits) {}
    std::uint8_t bits_ = 0;
};

struct KeySpec {
    Key key;
    std::string_view name;
    std::optional<Key> parent; // the record it sits in; none at the top level
    KindSet kinds;
    ValueType type;
    int min = 0; // integer: the range
    int max = 0;
    std::span<const std::string_view> choices = {}; // choice, numbered, numbered_lists
    // Written for a person reading the file and never read back (the
    // script's sentence, recomposed from its three parts).
    bool derived = false;
};

inline constexpr int kTimerMaxSeconds = 24 * 3600;
// The widest schema number read before saying it is newer than this settle.
inline constexpr int kSchemaMax = 1000000;

inline constexpr std::array<KeySpec, kKeyCount> kKeys = {{
    {Key::schema, "schema", {}, KindSet::all(), ValueType::integer, 0, kSchemaMax},
    {Key::kind, "kind", {}, KindSet::all(), ValueType::choice, 0, 0, names_of<Kind>()},
    {Key::created, "created", {}, KindSet::all(), ValueType::time},
    {Key::tags, "tags", {}, KindSet::all(), ValueType::list},
    {Key::anxiety_before,
     "anxiety_before",
     {},
     KindSet::only(Kind::audit),
     ValueType::integer,
     kRatingMin,
     kRatingMax},
    {Key::anxiety_after,
     "anxiety_after",
     {},
     KindSet::only(Kind::audit),
     ValueType::integer,
     kRatingMin,
     kRatingMax},
    {Key::know, "know", {}, KindSet::only(Kind::audit), ValueType::list},
    {Key::predict, "predict", {}, KindSet::only(Kind::audit), ValueType::list},
    {Key::situation, "situation", {}, KindSet::only(Kind::script), ValueType::text},
    {Key::feeling, "feeling", {}, KindSet::only(Kind::script), ValueType::text},
    {Key::need, "need", {}, KindSet::only(Kind::script), ValueType::text},
    {Key::sentence, "sentence", {}, KindSet::only(Kind::script), ValueType::text, 0, 0, {}, true},
    {Key::urge_before,
     "urge_before",
     {},
     KindSet::only(Kind::pause),
     ValueType::integer,
     kRatingMin,
     kRatingMax},
    {Key::urge_after,
     "urge_after",
     {},
     KindSet::only(Kind::pause),
     ValueType::integer,
     kRatingMin,
     kRatingMax},
    {Key::outcome,
     "outcome",
     {},
     KindSet::only(Kind::pause),
     ValueType::choice,
     0,
     0,
     names_of<Outcome>()},
    {Key::timer, "timer", {}, KindSet::all(), ValueType::record},
    {Key::planned_seconds, "planned_seconds", Key::timer, KindSet::all(), ValueType::integer, 0,
     kTimerMaxSeconds},
    {Key::elapsed_seconds, "elapsed_seconds", Key::timer, KindSet::all(), ValueType::integer, 0,
     kTimerMaxSeconds},
    {Key::incomplete, "incomplete", {}, KindSet::all(), ValueType::boolean},
    {Key::revisit, "revisit", {}, KindSet::all(), ValueType::record},
    {Key::revisit_date, "date", Key::revisit, KindSet::all(), ValueType::time},
    {Key::predictions, "predictions", Key::revisit, KindSet::only(Kind::audit), ValueType::numbered,
     0, 0, names_of<PredictionOutcome>()},
    {Key::contested, "contested", Key::revisit, KindSet::only(Kind::audit),
     ValueType::numbered_lists, 0, 0, names_of<PredictionOutcome>()},
    {Key::shared, "shared", Key::revisit, KindSet::only(Kind::script), ValueType::choice, 0, 0,
     names_of<Shared>()},
    {Key::landed, "landed", Key::revisit, KindSet::only(Kind::script), ValueType::choice, 0, 0,
     names_of<Landed>()},
    {Key::note, "note", Key::revisit, KindSet::all(), ValueType::text},
}};

constexpr const KeySpec& spec(Key key) {
    return kKeys[static_cast<size_t>(key)];
}
constexpr std::string_view key_name(Key key) {
    return spec(key).name;
}

// The key called `name` inside `parent` (at the top level without one).
constexpr std::optional<Key> find_key(std::string_view name, std::optional<Key> parent = {}) {
    for (const auto& key : kKeys)
        if (key.parent == parent && key.name == name)
            return key.key;
    return std::nullopt;
}

// The kinds whose entries can be revisited: those with an answer of their
// own in the revisit record (an audit's predictions, a script's sharing).
constexpr KindSet revisitable_kinds() {
    KindSet kinds;
    for (const auto& key : kKeys)
        if (key.parent == Key::revisit && !key.kinds.is_all())
            kinds = kinds | key.kinds;
    return kinds;
}

// The names of `kinds`, in Kind order: {"audit", "script"}.
std::vector<std::string_view> kind_names(KindSet kinds);

} // namespace settle
