#include "entry_keys.hpp"

namespace settle {

std::string spoken_choices(std::span<const std::string_view> names) {
    std::string text;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            text += i + 1 == names.size() ? " or " : ", ";
        text += names[i];
    }
    return text;
}

std::string option_choices(std::span<const std::string_view> names) {
    std::string text;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            text += '|';
        text += names[i];
    }
    return text;
}

std::vector<std::string_view> kind_names(KindSet kinds) {
    std::vector<std::string_view> names;
    for (size_t i = 0; i < names_of<Kind>().size(); ++i)
        if (kinds.has(static_cast<Kind>(i)))
            names.push_back(names_of<Kind>()[i]);
    return names;
}

} // namespace settle
