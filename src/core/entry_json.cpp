#include "entry_json.hpp"

#include "entry_format.hpp"

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
    out["note"] = entry.body;
    return out;
}

std::string dump_json(const Json& value) {
    return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace settle
