// The one way an entry's text is made for saving: settle never writes an
// entry it cannot read back. The text is formatted, then read again by both
// readers (parse_entry and the canonical shortcut) and compared with the
// entry it came from; anything that would not come back exactly, or that a
// reader would refuse (a file over the size limit, a time RFC 3339 cannot
// hold), is refused before a byte is written.
#pragma once

#include "entry.hpp"
#include "error.hpp"

#include <string>

namespace settle {

// The text to save for `entry`, or why it cannot be saved as given. The body
// is compared with the one line end the format adds to a note without one.
Expected<std::string> format_entry_for_saving(const Entry& entry);

} // namespace settle
