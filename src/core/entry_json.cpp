#include "entry_json.hpp"

#include "entry_format.hpp"

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
        auto optional_text = [](const auto& value) {
            return value ? Json(std::string(to_string(*value))) : Json(nullptr);
        };
        out["revisit"] = {{"date", entry.revisit->date.rfc3339()},
                          {"predictions", predictions},
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
    // nlohmann escapes C0 controls but writes DEL and the C1 controls
    // (U+0080-U+009F; U+009B is CSI to some terminals) as they are. JSON may
    // escape any character, and these can only be inside strings.
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (byte == 0x7F) {
            out += "\\u007f";
        } else if (byte == 0xC2 && next >= 0x80 && next < 0xA0) {
            out += fmt::format("\\u{:04x}", next);
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace settle
