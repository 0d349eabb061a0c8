#include "revisit.hpp"

namespace settle {

OpenItems open_items(const Entry& entry) {
    OpenItems open;
    if (entry.incomplete)
        return open;
    if (const auto* audit = std::get_if<AuditFields>(&entry.fields)) {
        for (size_t i = 1; i <= audit->predict.size(); ++i) {
            int number = static_cast<int>(i);
            if (!entry.revisit || !entry.revisit->predictions.count(number))
                open.predictions.push_back(number);
        }
    } else if (entry.kind() == Kind::script) {
        open.script_unshared = !entry.revisit || !entry.revisit->shared;
    }
    return open;
}

Revisit combine(const std::optional<Revisit>& earlier, const Answers& answers, Timestamp when) {
    Revisit revisit = earlier.value_or(Revisit{});
    revisit.date = when;
    for (const auto& [number, outcome] : answers.predictions)
        revisit.predictions[number] = outcome;
    if (answers.shared)
        revisit.shared = answers.shared;
    if (answers.landed)
        revisit.landed = answers.landed;
    if (answers.note)
        revisit.note = *answers.note;
    return revisit;
}

} // namespace settle
