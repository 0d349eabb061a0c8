#include "entry_json.hpp"

#include "display.hpp"
#include "entry_format.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace settle {

namespace {

Json optional_number(const std::optional<int>& value) {
    return value ? Json(*value) : Json(nullptr);
}

void add_fields(Json& out, const AuditFields& audit) {
    out["anxiety_before"] = optional_number(audit.anxiety_before);
    out["anxiety_after"] = optional_number(audit.anxiety_after);
    out["know"] = audit.know;
    out["predict"] = audit.predict;
}

void add_fields(Json& out, const ScriptFields& script) {
    out["situation"] = script.situation;
    out["feeling"] = script.feeling;
    out["need"] = script.need;
    out["sentence"] = compose_sentence(script);
}

void add_fields(Json& out, const PauseFields& pause) {
    out["urge_before"] = optional_number(pause.urge_before);
    out["urge_after"] = optional_number(pause.urge_after);
    out["outcome"] = pause.outcome ? Json(std::string(to_string(*pause.outcome))) : Json(nullptr);
}

} // namespace

Json entry_to_json(const Entry& entry, const EntryFile& file) {
    Json out;
    out["id"] = file.id;
    out["path"] = file.relative;
    out["schema"] = entry.schema;
    out["kind"] = std::string(to_string(entry.kind()));
    out["created"] = entry.created.rfc3339();
    out["tags"] = entry.tags;
    out["incomplete"] = entry.incomplete;
    std::visit([&](const auto& fields) { add_fields(out, fields); }, entry.fields);
    if (entry.timer)
        out["timer"] = {{"planned_seconds", entry.timer->planned_seconds},
                        {"elapsed_seconds", entry.timer->elapsed_seconds},
                        {"ended_early", entry.timer->ended_early()}};
    else
        out["timer"] = nullptr;
    if (entry.revisit) {
        Json predictions = Json::object();
        for (const auto& [number, outcome] : entry.revisit->predictions)
            predictions[std::to_string(number)] = std::string(to_string(outcome));
        Json contested = Json::object();
        for (const auto& [number, answers] : entry.revisit->contested) {
            Json words = Json::array();
            for (auto answer : answers)
                words.push_back(std::string(to_string(answer)));
            contested[std::to_string(number)] = std::move(words);
        }
        auto optional_text = [](const auto& value) {
            return value ? Json(std::string(to_string(*value))) : Json(nullptr);
        };
        out["revisit"] = {{"date", entry.revisit->date.rfc3339()},
                          {"predictions", predictions},
                          {"contested", contested},
                          {"shared", optional_text(entry.revisit->shared)},
                          {"landed", optional_text(entry.revisit->landed)},
                          {"note", entry.revisit->note}};
    } else {
        out["revisit"] = nullptr;
    }
    out["note"] = entry.body;
    return out;
}

std::string dump_json(const Json& value) {
    auto text = value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0 && c < 0x7F; }))
        return text; // plain ASCII: nothing below needs escaping
    // nlohmann escapes C0 controls but writes DEL, the C1 controls (U+0080-
    // U+009F; U+009B is CSI to some terminals) and invisible format
    // characters (a right-to-left override reorders what a terminal shows)
    // as they are. JSON may escape any character, and these can only be
    // inside strings; they read back as the same text.
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        size_t start = pos;
        int cp = decode_code_point(text, pos);
        if (cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || is_invisible_format(cp)) {
            if (cp > 0xFFFF) // a surrogate pair, as JSON writes it
                out += fmt::format("\\u{:04x}\\u{:04x}", 0xD800 + ((cp - 0x10000) >> 10),
                                   0xDC00 + ((cp - 0x10000) & 0x3FF));
            else
                out += fmt::format("\\u{:04x}", cp);
        } else {
            out.append(text, start, pos - start);
        }
    }
    return out;
}

} // namespace settle
