#include "render.hpp"

#include "display.hpp"

#include <algorithm>
#include <cmark.h>
#include <memory>

namespace settle {

namespace {

// Prefixes (quote bars, list indents) never leave the text fewer columns
// than this; deeper nesting stops indenting instead.
constexpr int kMinTextColumns = 12;
// Containers nested deeper than this are laid out flat, so a hostile file
// of ten thousand '>' cannot exhaust the stack.
constexpr int kMaxNesting = 24;

using Document = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;
using Iterator = std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)>;

Document parse(std::string_view markdown) {
    return {cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT),
            &cmark_node_free};
}

std::string_view literal(cmark_node* node) {
    const char* text = cmark_node_get_literal(node);
    return text ? text : "";
}

// The spans of a leaf block's inline content, walked without recursion so
// that deeply nested emphasis costs no stack.
std::vector<Span> inline_spans(cmark_node* block, unsigned base_face, bool styled) {
    std::vector<Span> spans;
    std::vector<unsigned> faces{base_face};
    std::vector<size_t> link_starts;
    auto add = [&](std::string_view text, unsigned face) {
        spans.push_back(Span{neutralize_controls(text), face});
    };
    Iterator iter(cmark_iter_new(block), &cmark_iter_free);
    for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (node == block)
            continue;
        bool enter = event == CMARK_EVENT_ENTER;
        auto nest = [&](unsigned face) {
            if (enter)
                faces.push_back(faces.back() | face);
            else if (faces.size() > 1)
                faces.pop_back();
        };
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
            add(literal(node), faces.back());
            break;
        case CMARK_NODE_SOFTBREAK:
            spans.push_back(Span{" ", faces.back()});
            break;
        case CMARK_NODE_LINEBREAK:
            spans.push_back(Span{"\n", faces.back()});
            break;
        case CMARK_NODE_CODE:
            // Unstyled text keeps the backticks: they mark a command to type.
            if (styled)
                add(literal(node), faces.back() | face_code);
            else
                add("`" + std::string(literal(node)) + "`", faces.back());
            break;
        case CMARK_NODE_EMPH:
            nest(face_italic);
            break;
        case CMARK_NODE_STRONG:
            nest(face_bold);
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: {
            nest(face_underline);
            if (enter) {
                link_starts.push_back(spans.size());
                break;
            }
            std::string shown;
            for (size_t i = link_starts.empty() ? spans.size() : link_starts.back();
                 i < spans.size(); ++i)
                shown += spans[i].text;
            if (!link_starts.empty())
                link_starts.pop_back();
            // The address matters on paper, where nothing can be clicked.
            const char* url = cmark_node_get_url(node);
            if (url && *url && shown != url && "mailto:" + shown != url)
                add(" (" + std::string(url) + ")", faces.back());
            break;
        }
        default:
            break;
        }
    }
    return spans;
}

bool is_leaf_block(cmark_node_type type) {
    return type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING ||
           type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK ||
           type == CMARK_NODE_THEMATIC_BREAK;
}

std::vector<std::string> code_lines(cmark_node* node) {
    std::vector<std::string> lines;
    auto text = literal(node);
    size_t start = 0;
    while (start < text.size()) {
        size_t end = std::min(text.find('\n', start), text.size());
        std::string line;
        for (char c : text.substr(start, end - start)) {
            if (c == '\t')
                line.append(4 - line.size() % 4, ' ');
            else
                line += c;
        }
        lines.push_back(neutralize_controls(line));
        start = end + 1;
    }
    return lines;
}

bool is_comment(std::string_view html) {
    return html.rfind("<!--", 0) == 0;
}

class Renderer {
  public:
    explicit Renderer(const RenderOptions& options) : options_(options) {}

    std::string take() { return std::move(out_); }

    void children(cmark_node* parent) {
        for (auto* child = cmark_node_first_child(parent); child; child = cmark_node_next(child))
            block(child);
    }

  private:
    struct Level {
        std::vector<Span> first; // before the block's first line (a list marker)
        std::vector<Span> rest;  // before every later line
        bool used = false;
    };

    const RenderOptions& options_;
    std::string out_;
    std::vector<Level> levels_;
    std::vector<bool> tight_lists_;
    int prefix_width_ = 0;
    bool need_gap_ = false;

    int columns() const { return std::max(1, options_.width - prefix_width_); }

    void push_level(std::string first, std::string rest, unsigned face) {
        int width = display_width(first);
        if (prefix_width_ + width > options_.width - kMinTextColumns) {
            levels_.push_back(Level{});
            return;
        }
        levels_.push_back(Level{{Span{std::move(first), face}}, {Span{std::move(rest), face}}});
        prefix_width_ += width;
    }

    void pop_level() {
        for (const auto& span : levels_.back().rest)
            prefix_width_ -= display_width(span.text);
        levels_.pop_back();
    }

    void emit(const StyledLine& content) {
        std::vector<Span> prefix;
        for (auto& level : levels_) {
            const auto& spans = level.used ? level.rest : level.first;
            prefix.insert(prefix.end(), spans.begin(), spans.end());
            level.used = true;
        }
        append_styled_line(out_, prefix, content, options_.styled);
        need_gap_ = true;
    }

    // One blank line between blocks, except between the items of a tight
    // list; inside a quote the bar continues through it.
    void start_block() {
        if (need_gap_ && (tight_lists_.empty() || !tight_lists_.back())) {
            std::vector<Span> prefix;
            for (const auto& level : levels_)
                prefix.insert(prefix.end(), level.rest.begin(), level.rest.end());
            append_styled_line(out_, prefix, StyledLine{}, options_.styled);
        }
        need_gap_ = false;
    }

    void paragraph(const std::vector<Span>& spans) {
        for (const auto& line : wrap_lines(spans, columns(), columns()))
            emit(line);
    }

    void heading(cmark_node* node) {
        int level = cmark_node_get_heading_level(node);
        unsigned face = level == 1   ? face_bold | face_underline
                        : level == 2 ? face_bold
                                     : face_bold | face_italic;
        auto lines =
            wrap_lines(inline_spans(node, options_.styled ? face : face_plain, options_.styled),
                       columns(), columns());
        int widest = 0;
        for (const auto& line : lines) {
            emit(line);
            widest = std::max(widest, line.width);
        }
        // Without styles, the two top levels are underlined with characters.
        if (!options_.styled && level <= 2 && widest > 0) {
            StyledLine rule;
            rule.add(std::string(static_cast<size_t>(widest), level == 1 ? '=' : '-'), face_plain,
                     widest);
            emit(rule);
        }
    }

    void code_block(cmark_node* node) {
        push_level("    ", "    ", face_plain);
        for (const auto& text : code_lines(node)) {
            StyledLine line;
            if (text.empty())
                emit(line);
            for (auto cluster : grapheme_clusters(text)) {
                int width = display_width(cluster);
                if (line.width + width > columns() && !line.empty()) {
                    emit(line);
                    line = StyledLine{};
                }
                line.add(cluster, options_.styled ? face_code : face_plain, width);
            }
            if (!line.empty())
                emit(line);
        }
        pop_level();
    }

    void thematic_break() {
        StyledLine line;
        std::string_view mark = "* * *";
        int indent = std::max(0, (columns() - static_cast<int>(mark.size())) / 2);
        line.add(std::string(static_cast<size_t>(indent), ' '), face_plain, indent);
        line.add(mark, options_.styled ? face_dim : face_plain, static_cast<int>(mark.size()));
        emit(line);
    }

    void leaf(cmark_node* node) {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH:
            paragraph(inline_spans(node, face_plain, options_.styled));
            break;
        case CMARK_NODE_HEADING:
            heading(node);
            break;
        case CMARK_NODE_CODE_BLOCK:
            code_block(node);
            break;
        case CMARK_NODE_HTML_BLOCK:
            // Comments are notes for translators; other HTML is shown as text.
            if (!is_comment(literal(node)))
                paragraph({Span{neutralize_controls(literal(node)), face_plain}});
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            thematic_break();
            break;
        default:
            break;
        }
    }

    // Past kMaxNesting: every leaf block below `node`, in order, at the
    // current indent, found without recursion.
    void flat(cmark_node* node) {
        Iterator iter(cmark_iter_new(node), &cmark_iter_free);
        for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
             event = cmark_iter_next(iter.get())) {
            cmark_node* inner = cmark_iter_get_node(iter.get());
            if (event == CMARK_EVENT_ENTER && is_leaf_block(cmark_node_get_type(inner))) {
                start_block();
                leaf(inner);
            }
        }
    }

    void list(cmark_node* node) {
        bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        int number = cmark_node_get_list_start(node);
        int count = 0;
        for (auto* item = cmark_node_first_child(node); item; item = cmark_node_next(item))
            ++count;
        const char* delimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : ".";
        auto marker_for = [&](int n) {
            if (!ordered)
                return std::string(options_.styled ? "• " : "- ");
            return std::to_string(n) + delimiter + " ";
        };
        auto marker_width = static_cast<size_t>(display_width(marker_for(number + count - 1)));
        tight_lists_.push_back(cmark_node_get_list_tight(node) != 0);
        for (auto* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
            auto marker = marker_for(number++);
            marker.resize(std::max(marker.size(), marker_width), ' ');
            start_block();
            push_level(marker, std::string(marker_width, ' '), face_plain);
            if (!cmark_node_first_child(item))
                emit(StyledLine{});
            children(item);
            pop_level();
        }
        tight_lists_.pop_back();
    }

    void block(cmark_node* node) {
        auto type = cmark_node_get_type(node);
        start_block();
        if (is_leaf_block(type)) {
            leaf(node);
        } else if (static_cast<int>(levels_.size()) >= kMaxNesting) {
            flat(node);
        } else if (type == CMARK_NODE_BLOCK_QUOTE) {
            if (options_.styled)
                push_level("│ ", "│ ", face_dim);
            else
                push_level("    ", "    ", face_plain);
            children(node);
            pop_level();
        } else if (type == CMARK_NODE_LIST) {
            list(node);
        } else {
            children(node);
        }
    }
};

} // namespace

std::string wrap_spans(const std::vector<Span>& spans, const RenderOptions& options,
                       const std::vector<Span>& first_prefix,
                       const std::vector<Span>& rest_prefix) {
    auto available = [&](const std::vector<Span>& prefix) {
        int width = 0;
        for (const auto& span : prefix)
            width += display_width(span.text);
        return std::max(1, options.width - width);
    };
    std::string out;
    bool first = true;
    for (const auto& line : wrap_lines(spans, available(first_prefix), available(rest_prefix))) {
        append_styled_line(out, first ? first_prefix : rest_prefix, line, options.styled);
        first = false;
    }
    return out;
}

std::string wrap_spans(const std::vector<Span>& spans, const RenderOptions& options,
                       std::string_view first_prefix, std::string_view rest_prefix) {
    return wrap_spans(spans, options, {Span{std::string(first_prefix), face_plain}},
                      {Span{std::string(rest_prefix), face_plain}});
}

std::string term_and_description(const Span& term, int widest_term,
                                 const std::vector<std::vector<Span>>& paragraphs,
                                 const RenderOptions& options) {
    int column = 2 + widest_term + 2;
    bool beside = column <= options.width / 2;
    std::vector<Span> indent{
        {std::string(static_cast<size_t>(beside ? column : 4), ' '), face_plain}};
    std::string out;
    std::vector<Span> first = indent;
    if (beside) {
        auto padding = static_cast<size_t>(column - 2 - display_width(term.text));
        first = {{"  ", face_plain}, term, {std::string(padding, ' '), face_plain}};
    } else {
        out = wrap_spans({term}, options, "  ", "  ");
    }
    for (const auto& paragraph : paragraphs) {
        out += wrap_spans(paragraph, options, first, indent);
        first = indent;
    }
    return out;
}

std::string render_markdown(std::string_view markdown, const RenderOptions& options) {
    auto document = parse(markdown);
    Renderer renderer(options);
    renderer.children(document.get());
    return renderer.take();
}

std::vector<std::string> markdown_text_lines(std::string_view markdown) {
    auto document = parse(markdown);
    std::vector<std::string> lines;
    Iterator iter(cmark_iter_new(document.get()), &cmark_iter_free);
    for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        auto type = cmark_node_get_type(node);
        if (event != CMARK_EVENT_ENTER)
            continue;
        if (type == CMARK_NODE_CODE_BLOCK) {
            for (auto& line : code_lines(node))
                lines.push_back(std::move(line));
        } else if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) {
            std::string text;
            for (const auto& span : inline_spans(node, face_plain, false))
                text += span.text == "\n" ? " " : span.text;
            lines.push_back(std::move(text));
        }
    }
    return lines;
}

} // namespace settle
