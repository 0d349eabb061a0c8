#include "entry_json.hpp"

#include "display.hpp"
#include "entry_format.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace settle {

namespace {

// An object's members added in order. ordered_json's operator[] looks for
// the key among those already there before adding it, which is most of the
// cost of a whole journal as JSON; every key here is added once.
class Members {
  public:
    explicit Members(Json& object) : object_(object.get_ref<Json::object_t&>()) {
        object_.reserve(24);
    }
    void add(const char* key, Json value) {
        object_.Json::object_t::Container::emplace_back(key, std::move(value));
    }

  private:
    Json::object_t& object_;
};

Json optional_number(const std::optional<int>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json optional_name(const auto& value) {
    return value ? Json(to_string(*value)) : Json(nullptr);
}

void add_fields(Members& out, const AuditFields& audit) {
    out.add("anxiety_before", optional_number(audit.anxiety_before));
    out.add("anxiety_after", optional_number(audit.anxiety_after));
    out.add("know", audit.know);
    out.add("predict", audit.predict);
}

void add_fields(Members& out, const ScriptFields& script) {
    out.add("situation", script.situation);
    out.add("feeling", script.feeling);
    out.add("need", script.need);
    out.add("sentence", compose_sentence(script));
}

void add_fields(Members& out, const PauseFields& pause) {
    out.add("urge_before", optional_number(pause.urge_before));
    out.add("urge_after", optional_number(pause.urge_after));
    out.add("outcome", optional_name(pause.outcome));
}

Json timer_json(const Timer& timer) {
    Json out = Json::object();
    Members members(out);
    members.add("planned_seconds", timer.planned_seconds);
    members.add("elapsed_seconds", timer.elapsed_seconds);
    members.add("ended_early", timer.ended_early());
    return out;
}

Json revisit_json(const Revisit& revisit) {
    Json predictions = Json::object();
    for (const auto& [number, outcome] : revisit.predictions)
        predictions[std::to_string(number)] = to_string(outcome);
    Json contested = Json::object();
    for (const auto& [number, answers] : revisit.contested) {
        Json words = Json::array();
        for (auto answer : answers)
            words.push_back(to_string(answer));
        contested[std::to_string(number)] = std::move(words);
    }
    Json out = Json::object();
    Members members(out);
    members.add("date", revisit.date.rfc3339());
    members.add("predictions", std::move(predictions));
    members.add("contested", std::move(contested));
    members.add("shared", optional_name(revisit.shared));
    members.add("landed", optional_name(revisit.landed));
    members.add("note", revisit.note);
    return out;
}

} // namespace

Json entry_to_json(const Entry& entry, const EntryFile& file) {
    Json out = Json::object();
    Members members(out);
    members.add("id", file.id);
    members.add("path", file.relative);
    members.add("schema", entry.schema);
    members.add("kind", to_string(entry.kind()));
    members.add("created", entry.created.rfc3339());
    members.add("tags", entry.tags);
    members.add("incomplete", entry.incomplete);
    std::visit([&](const auto& fields) { add_fields(members, fields); }, entry.fields);
    members.add("timer", entry.timer ? timer_json(*entry.timer) : Json(nullptr));
    members.add("revisit", entry.revisit ? revisit_json(*entry.revisit) : Json(nullptr));
    members.add("note", entry.body);
    return out;
}

namespace {

// DEL, the C1 controls (U+0080-U+009F; U+009B is CSI to some terminals) and
// invisible format characters (a right-to-left override reorders what a
// terminal shows), which nlohmann writes as they are. JSON may escape any
// character, and these can only be inside strings; they read back as the
// same text.
bool escaped_beyond_nlohmann(int cp) {
    return cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || is_invisible_format(cp);
}

void append_unicode_escape(std::string& out, int cp) {
    if (cp > 0xFFFF) // a surrogate pair, as JSON writes it
        fmt::format_to(std::back_inserter(out), "\\u{:04x}\\u{:04x}",
                       0xD800 + ((cp - 0x10000) >> 10), 0xDC00 + ((cp - 0x10000) & 0x3FF));
    else
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", cp);
}

// The escapes JSON has a short form for, as nlohmann writes them; empty
// for any other byte.
std::string_view short_escape(unsigned char c) {
    constexpr std::pair<unsigned char, std::string_view> kShort[] = {
        {'"', "\\\""}, {'\\', "\\\\"}, {'\b', "\\b"}, {'\f', "\\f"},
        {'\n', "\\n"}, {'\r', "\\r"},  {'\t', "\\t"},
    };
    for (const auto& [byte, escaped] : kShort)
        if (byte == c)
            return escaped;
    return {};
}

// A string in valid UTF-8 as nlohmann's dump writes it (ensure_ascii off),
// with escaped_beyond_nlohmann's characters escaped too; runs of characters
// that need nothing are copied whole.
void append_string(std::string& out, std::string_view text) {
    if (!is_valid_utf8(text)) { // nlohmann's replacement of bad bytes stands
        out += nlohmann_dump_json(Json(std::string(text)));
        return;
    }
    out += '"';
    size_t copied = 0; // text before here is in `out`
    auto escape = [&](size_t start, size_t end, std::string_view with) {
        out.append(text, copied, start - copied);
        out += with;
        copied = end;
    };
    for (size_t pos = 0; pos < text.size();) {
        auto c = static_cast<unsigned char>(text[pos]);
        size_t start = pos;
        if (c >= 0x80) {
            int cp = decode_code_point(text, pos);
            if (escaped_beyond_nlohmann(cp)) {
                escape(start, pos, "");
                append_unicode_escape(out, cp);
            }
            continue;
        }
        ++pos;
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
            continue;
        auto with = short_escape(c);
        escape(start, pos, with);
        if (with.empty())
            append_unicode_escape(out, c);
    }
    out.append(text, copied);
    out += '"';
}

void append_indent(std::string& out, int depth) {
    out.append(static_cast<size_t>(depth) * 2, ' ');
}

void append_value(std::string& out, const Json& value, int depth) {
    switch (value.type()) {
    case Json::value_t::object:
    case Json::value_t::array: {
        bool object = value.is_object();
        if (value.empty()) {
            out += object ? "{}" : "[]";
            return;
        }
        out += object ? "{\n" : "[\n";
        for (auto item = value.begin(); item != value.end(); ++item) {
            if (item != value.begin())
                out += ",\n";
            append_indent(out, depth + 1);
            if (object) {
                append_string(out, item.key());
                out += ": ";
            }
            append_value(out, item.value(), depth + 1);
        }
        out += '\n';
        append_indent(out, depth);
        out += object ? '}' : ']';
        return;
    }
    case Json::value_t::string:
        append_string(out, value.get_ref<const std::string&>());
        return;
    case Json::value_t::boolean:
        out += value.get<bool>() ? "true" : "false";
        return;
    case Json::value_t::null:
        out += "null";
        return;
    case Json::value_t::number_integer:
        fmt::format_to(std::back_inserter(out), "{}", value.get<std::int64_t>());
        return;
    case Json::value_t::number_unsigned:
        fmt::format_to(std::back_inserter(out), "{}", value.get<std::uint64_t>());
        return;
    default: // floating point (nlohmann's shortest round trip), binary
        out += nlohmann_dump_json(value);
        return;
    }
}

} // namespace

std::string nlohmann_dump_json(const Json& value) {
    auto text = value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0 && c < 0x7F; }))
        return text; // plain ASCII: nothing below needs escaping
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        size_t start = pos;
        int cp = decode_code_point(text, pos);
        if (escaped_beyond_nlohmann(cp))
            append_unicode_escape(out, cp);
        else
            out.append(text, start, pos - start);
    }
    return out;
}

std::string dump_json(const Json& value) {
    std::string out;
    append_value(out, value, 0);
    return out;
}

} // namespace settle
