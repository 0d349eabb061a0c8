#include "render_html.hpp"

#include <algorithm>
#include <cmark.h>
#include <cstdlib>
#include <memory>
#include <vector>

namespace settle {

std::string render_markdown_html(std::string_view markdown, int heading_shift) {
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_SAFE), &cmark_node_free);
    // Collected first: the tree is changed only after the walk.
    std::vector<cmark_node*> images;
    {
        std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(document.get()),
                                                                     &cmark_iter_free);
        for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
             event = cmark_iter_next(iter.get())) {
            if (event != CMARK_EVENT_ENTER)
                continue;
            auto* node = cmark_iter_get_node(iter.get());
            if (cmark_node_get_type(node) == CMARK_NODE_HEADING)
                cmark_node_set_heading_level(
                    node, std::min(6, cmark_node_get_heading_level(node) + heading_shift));
            else if (cmark_node_get_type(node) == CMARK_NODE_IMAGE)
                images.push_back(node);
        }
    }
    // An image keeps its description (its children) and loses its source.
    for (auto* image : images) {
        while (auto* child = cmark_node_first_child(image))
            cmark_node_insert_before(image, child);
        cmark_node_free(image);
    }
    char* html = cmark_render_html(document.get(), CMARK_OPT_SAFE);
    std::string out(html);
    std::free(html);
    return out;
}

} // namespace settle
