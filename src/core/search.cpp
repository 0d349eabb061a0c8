#include "search.hpp"

#include "display.hpp"

#include <cstdlib>
#include <utf8proc.h>

namespace settle {

namespace {

bool has_folded(std::string_view text, std::string_view folded) {
    return fold_for_search(text).find(folded) != std::string::npos;
}

} // namespace

std::string fold_for_search(std::string_view text) {
    if (text.empty())
        return {};
    // Invalid sequences replaced, so utf8proc_map never refuses.
    auto valid = replace_invalid_utf8(text);
    utf8proc_uint8_t* mapped = nullptr;
    auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                       UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                               static_cast<utf8proc_ssize_t>(valid.size()), &mapped, options);
    if (length < 0) // only on running out of memory, as the input is valid
        return valid;
    std::string out(reinterpret_cast<const char*>(mapped), static_cast<size_t>(length));
    std::free(mapped);
    return out;
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
