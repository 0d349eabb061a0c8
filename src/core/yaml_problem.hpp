// What to tell a person when yaml-cpp cannot load a document.
//
// yaml-cpp 0.7 stops at about 500 levels of nested lists or maps (it would
// otherwise run out of stack) and says only "bad file", which reads as if the
// disk were broken. Every reader of YAML text (entries, the config, content
// files) reports through here so that case is named plainly.
#pragma once

#include <string>
#include <string_view>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace settle {

// `what` names the document, e.g. "the frontmatter" or "the config".
inline std::string describe_yaml_problem(std::string_view what, const YAML::Exception& e) {
    if (dynamic_cast<const YAML::DeepRecursion*>(&e))
        return std::string(what) +
               " nests lists or maps hundreds of levels deep; settle reads only a few levels";
    return std::string(what) + " is not valid YAML: " + e.msg;
}

} // namespace settle
