// Making text from files safe and tidy for a terminal. Entry and content
// files are data a person (or someone else) wrote; an escape sequence in them
// must never reach the terminal as a command (retitling the window, writing
// the clipboard, hiding text). Control characters are shown visibly instead.
#pragma once

#include "utf8.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace settle {

// True for a character that changes how text around it is shown while
// showing nothing itself: bidirectional embeddings, overrides and isolates
// (U+202A-202E, U+2066-2069), zero-width spaces, joiners and marks
// (U+200B-200F), the line and paragraph separators (U+2028, U+2029), the
// byte order mark (U+FEFF), and every other format character (Unicode
// category Cf, from utf8proc).
bool is_invisible_format(int code_point);

// `text` with each byte that starts no valid UTF-8 sequence replaced by
// U+FFFD, for libraries (utf8proc) that refuse anything else.
std::string replace_invalid_utf8(std::string_view text);

// The one neutralizer for anything settle did not write itself (entry text,
// file names, paths, config keys and values, tags) on its way to a
// terminal. Replaces C0/C1 control characters and DEL with a visible form
// (ESC as "^[", U+009B as "<U+009B>"), invisible format characters with
// their code ("<U+202E>"; a joiner between two visible characters is kept,
// as emoji and some scripts need it), and invalid UTF-8 with U+FFFD.
// Newlines and tabs are kept when `keep_newlines`, otherwise shown as
// spaces.
std::string neutralize_controls(std::string_view text, bool keep_newlines = false);

// Columns `text` takes on a terminal (wide CJK and emoji count two).
int display_width(std::string_view text);

// Cuts `text` to at most `columns` display columns, ending with "…" when cut.
std::string truncate_to_width(std::string_view text, int columns);

// Splits `text` into user-perceived characters (grapheme clusters), so that
// wrapping never parts a letter from its accent or an emoji from its
// modifier. An invalid byte is a cluster of its own.
std::vector<std::string_view> grapheme_clusters(std::string_view text);

} // namespace settle
