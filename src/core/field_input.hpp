// Entry fields read from standard input, so private words need not pass
// through argv (visible in `ps`) or shell history. The form, one field a line:
//
//   situation: they hadn't replied since lunch
//   feel: anxious
//   know: they are at work until six
//   know: they replied this morning
//   note: a first line
//     and an indented second line continues the note
//
// Names are the long flags without "--". Repeating a list field (know,
// predict, tag) adds an item. Blank lines and lines starting with '#' are
// ignored. A value is the rest of its line after the colon and one space,
// kept exactly (brackets, commas, quotes, further spaces, a CR); only the
// indentation of a continuation line is not part of it. Input whose first
// line ends in CR LF has the CR before every line feed taken as line end.
#pragma once

#include "error.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace settle {

struct FieldLine {
    std::string name;
    std::string value;
    int line = 0;
};

// `allowed` are the names this command takes; `source` names the input in
// errors (e.g. "stdin").
Expected<std::vector<FieldLine>> parse_field_lines(std::string_view text,
                                                   const std::vector<std::string>& allowed,
                                                   const std::string& source);

} // namespace settle
