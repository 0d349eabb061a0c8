#include "search.hpp"

#include "display.hpp"
#include "text_match.hpp"

#include <cstdlib>

namespace settle {

namespace {

bool has_folded(std::string_view text, std::string_view folded) {
    return fold_for_search(text).find(folded) != std::string::npos;
}

} // namespace

std::string fold_for_search(std::string_view text) {
    if (text.empty())
        return {};
    // Invalid sequences replaced, so the fold keeps the rest of the text.
    return fold_case(replace_invalid_utf8(text), Accents::ignored);
}

bool entry_contains(const Entry& entry, std::string_view folded) {
    if (folded.empty())
        return true;
    auto any = [&](const std::vector<std::string>& items) {
        for (const auto& item : items)
            if (has_folded(item, folded))
                return true;
        return false;
    };
    bool in_fields = std::visit(
        [&](const auto& fields) {
            using Fields = std::decay_t<decltype(fields)>;
            if constexpr (std::is_same_v<Fields, AuditFields>)
                return any(fields.know) || any(fields.predict);
            else if constexpr (std::is_same_v<Fields, ScriptFields>)
                return has_folded(fields.situation, folded) || has_folded(fields.feeling, folded) ||
                       has_folded(fields.need, folded);
            else
                return fields.outcome && has_folded(to_string(*fields.outcome), folded);
        },
        entry.fields);
    return in_fields || any(entry.tags) ||
           (entry.revisit && has_folded(entry.revisit->note, folded)) ||
           has_folded(entry.body, folded);
}

} // namespace settle
