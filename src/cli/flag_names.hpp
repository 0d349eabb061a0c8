// The core names what a message is about by its key ("urge_before",
// "since"); a person at the command line typed a flag. This is the one map
// from the one to the other, used where a message answers a flag.
#pragma once

#include "core/error.hpp"

#include <string>
#include <string_view>

namespace settle::cli {

// The flag for a key: "urge_before" -> "--urge-before", and the keys whose
// flag has another name: "feeling" -> "--feel", "created" -> "--at",
// "tags" -> "--tag".
std::string flag_for_key(std::string_view key);

// The error's message with each key it names (Error::keys) replaced, at its
// first place as a whole word, by the flag.
std::string in_flag_terms(const Error& error);

} // namespace settle::cli
