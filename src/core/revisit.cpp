#include "revisit.hpp"

namespace settle {

namespace {

bool ends_with_line(std::string_view text, std::string_view line) {
    if (text == line)
        return true;
    return text.size() > line.size() && text.substr(text.size() - line.size()) == line &&
           text[text.size() - line.size() - 1] == '\n';
}

} // namespace

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
    // An answer given now settles a prediction two devices answered two
    // ways: the person has said which answer stands.
    for (const auto& [number, outcome] : answers.predictions) {
        revisit.predictions[number] = outcome;
        revisit.contested.erase(number);
    }
    if (answers.shared)
        revisit.shared = answers.shared;
    if (answers.landed)
        revisit.landed = answers.landed;
    // A note adds to an earlier one: what the person wrote then stays. The
    // same words given again (a command run twice) are not added twice.
    if (answers.note && !answers.note->empty() && !ends_with_line(revisit.note, *answers.note))
        revisit.note = revisit.note.empty() ? *answers.note : revisit.note + "\n" + *answers.note;
    return revisit;
}

} // namespace settle
