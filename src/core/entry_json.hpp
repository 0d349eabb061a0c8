// The JSON form of an entry, for `--format json`. Keys mirror the file's
// keys (docs/entry-format.md) plus `id`, `path` and `note`.
#pragma once

#include "entry.hpp"
#include "journal.hpp"

#include <nlohmann/json.hpp>

namespace settle {

using Json = nlohmann::ordered_json;

Json entry_to_json(const Entry& entry, const EntryFile& file);

// Dumps with invalid UTF-8 replaced, so hand-edited bytes never make the
// output unparseable; every control character (C0, DEL, C1) is escaped, so
// JSON shown on a terminal cannot carry an escape sequence either.
std::string dump_json(const Json& value);

// The same bytes, made by nlohmann's dump and a pass that escapes what it
// leaves as it is. dump_json writes them itself, in a third of the time (a
// whole journal as JSON is mostly this); this is what it is tested against,
// and what it uses for text that is not valid UTF-8.
std::string nlohmann_dump_json(const Json& value);

} // namespace settle
