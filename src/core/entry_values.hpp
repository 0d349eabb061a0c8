// The neutral form between the two syntax front ends and the one semantic
// pass that makes an Entry.
//
// An entry's frontmatter is read in two steps. A syntax front end turns the
// YAML text into FrontmatterValues: for every key of the format (the table in
// entry_keys.hpp) what the file holds there (nothing, a null, a scalar, a
// list, a map or something else) with its text and file line. There are two
// front ends: yaml-cpp (parse_entry, for every valid YAML form) and the
// shortcut (fast_frontmatter.cpp, for the form settle writes, in about a
// microsecond). Then build_entry, the one semantic pass, reads those values
// against the table: types, ranges, choices, required keys, kinds, and every
// message with its line. So the two front ends can only differ in syntax, and
// tests/unit/test_fast_frontmatter.cpp compares them on exactly that.
#pragma once

#include "entry.hpp"
#include "entry_keys.hpp"
#include "error.hpp"

#include <array>
#include <cstdint>
#include <forward_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace settle {

// What a file holds at a key, as far as the format looks.
enum class ValueShape : std::uint8_t { absent, null, scalar, list, map, other };

struct RawValue {
    ValueShape shape = ValueShape::absent;
    // The file line (1-based) yaml-cpp gives the value: a scalar's own line,
    // a block list's or map's first item, the frontmatter's first line when
    // yaml-cpp gives none.
    int line = 0;
    std::string_view text; // a scalar's text
    // A list's items, or a numbered map's entries: items[first, first + count).
    std::uint32_t first = 0;
    std::uint32_t count = 0;
};

// A list item (its `key` absent) or an entry of a numbered map.
struct RawItem {
    RawValue key;
    RawValue value;
};

struct FrontmatterValues {
    int first_line = 2; // the file line where the frontmatter starts
    // The first top-level key that appears a second time, at that second place.
    std::optional<std::pair<std::string_view, int>> repeated_key;
    // What the file holds at each key of the table, by Key. A nested key is
    // filled only when its parent is a map.
    std::array<RawValue, kKeyCount> values{};
    std::vector<RawItem> items;
    std::string_view body;
    // Text a front end had to make (escapes decoded) for `text` to point to.
    std::forward_list<std::string> storage;

    RawValue& operator[](Key key) { return values[static_cast<size_t>(key)]; }
    const RawValue& operator[](Key key) const { return values[static_cast<size_t>(key)]; }
};

// The one semantic pass: the Entry the values describe, or the first problem
// as `path:line: message`.
Expected<Entry> build_entry(const FrontmatterValues& values, const std::string& path);

// The values as readable text, every key, item and line: what the syntax
// tests compare between the front ends and print when they differ.
std::string describe(const FrontmatterValues& values);

// A YAML 1.1 boolean word as yaml-cpp reads one (y, yes, true, on and their
// opposites, in lower, upper or capitalized case).
std::optional<bool> yaml_boolean(std::string_view text);

} // namespace settle
