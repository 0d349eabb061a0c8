#include "entry_merge.hpp"

#include "entry_format.hpp"

#include <algorithm>
#include <set>
#include <vector>

namespace settle {

namespace {

// Three-way choice for one value: the side that changed it wins; both
// changing it differently is a contradiction.
template <typename T> std::optional<T> three_way(const T& base, const T& ours, const T& theirs) {
    if (ours == theirs || base == theirs)
        return ours;
    if (base == ours)
        return theirs;
    return std::nullopt;
}

// Every answer one version holds for a prediction: none, one, or the two or
// more a contested prediction keeps (in enum order).
std::vector<PredictionOutcome> answers_to(const Revisit& revisit, int number) {
    if (auto found = revisit.predictions.find(number); found != revisit.predictions.end())
        return {found->second};
    if (auto found = revisit.contested.find(number); found != revisit.contested.end())
        return found->second;
    return {};
}

} // namespace

std::optional<std::string> without_answers(std::string_view text, const std::string& path) {
    auto written = write_revisit(text, Revisit{}, path);
    if (!written)
        return std::nullopt;
    return *written;
}

// Answers given on two devices, combined; nullopt when they contradict in a
// way only the person can settle by editing (a script's answers). Two
// different answers to the same prediction are not such a case: both are
// kept, as a contested prediction that `settle revisit` asks about.
std::optional<std::optional<Revisit>> merge_answers(const std::optional<Revisit>& base,
                                                    const std::optional<Revisit>& ours,
                                                    const std::optional<Revisit>& theirs) {
    if (auto simple = three_way(base, ours, theirs))
        return simple;
    Revisit o = base.value_or(Revisit{}), a = ours.value_or(Revisit{}),
            b = theirs.value_or(Revisit{});
    Revisit merged;
    merged.date = a.date.utc >= b.date.utc ? a.date : b.date;
    std::set<int> numbers;
    for (const auto* side : {&a, &b}) {
        for (const auto& [number, outcome] : side->predictions)
            numbers.insert(number);
        for (const auto& [number, answers] : side->contested)
            numbers.insert(number);
    }
    for (int number : numbers) {
        auto answers =
            three_way(answers_to(o, number), answers_to(a, number), answers_to(b, number));
        if (!answers) {
            // Both devices changed this answer, differently: keep both.
            std::set<PredictionOutcome> both;
            for (const auto* side : {&a, &b})
                for (auto answer : answers_to(*side, number))
                    both.insert(answer);
            answers.emplace(both.begin(), both.end());
        }
        if (answers->size() == 1)
            merged.predictions[number] = answers->front();
        else if (answers->size() > 1)
            merged.contested[number] = *answers;
    }
    auto shared = three_way(o.shared, a.shared, b.shared);
    auto landed = three_way(o.landed, a.landed, b.landed);
    if (!shared || !landed)
        return std::nullopt;
    merged.shared = *shared;
    merged.landed = *landed;
    if (auto note = three_way(o.note, a.note, b.note)) {
        merged.note = *note;
    } else {
        // Notes only grow, a line at a time: keep every line from both.
        merged.note = a.note;
        auto mine = lines_of(a.note);
        for (const auto& line : lines_of(b.note))
            if (std::find(mine.begin(), mine.end(), line) == mine.end())
                merged.note += (merged.note.empty() ? "" : "\n") + line;
    }
    return std::optional<Revisit>(merged);
}

// One entry as changed on this device (`ours`) and another (`theirs`) since
// `base` (empty when both added it). The merged text, or nothing when only
// a person can decide.
std::optional<std::string> merge_entry_texts(const std::string& base, const std::string& ours,
                                             const std::string& theirs, const std::string& path) {
    auto a = parse_entry(ours, path);
    auto b = parse_entry(theirs, path);
    if (!a || !b)
        return std::nullopt;
    auto o = base.empty() ? Expected<Entry>(error_at(path, 0, "no base")) : parse_entry(base, path);
    auto a_rest = without_answers(ours, path);
    auto b_rest = without_answers(theirs, path);
    if (!a_rest || !b_rest)
        return std::nullopt;
    std::optional<std::string> o_rest = o ? without_answers(base, path) : std::nullopt;
    // Which text carries everything but the answers: both agree, or only
    // one side changed it (an edit there, a revisit here).
    const std::string* text = nullptr;
    if (*a_rest == *b_rest || (o_rest && *o_rest == *b_rest))
        text = &ours;
    else if (o_rest && *o_rest == *a_rest)
        text = &theirs;
    else
        return std::nullopt;
    auto answers = merge_answers(o ? o->revisit : std::nullopt, a->revisit, b->revisit);
    if (!answers)
        return std::nullopt;
    const auto& kept = text == &ours ? *a : *b;
    if (kept.revisit == *answers)
        return *text;
    if (!*answers)
        return std::nullopt; // answers removed by hand on one side: a person decides
    auto written = write_revisit(*text, **answers, path);
    if (!written)
        return std::nullopt;
    return *written;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        if (end > start)
            lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

} // namespace settle
