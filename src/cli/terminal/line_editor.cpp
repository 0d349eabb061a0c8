#include "cli/terminal/line_editor.hpp"

#include "core/completion.hpp"
#include "core/display.hpp"
#include "core/layout.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <histedit.h>
#include <stdexcept>
#include <unistd.h>

namespace settle::cli {

namespace {

// Marks the start and end of style sequences in the prompt, which take no
// room on the screen (libedit's EL_PROMPT_ESC).
constexpr wchar_t kPromptIgnore = L'\1';

LineEditor* editor_of(EditLine* el) {
    void* data = nullptr;
    el_wget(el, EL_CLIENTDATA, &data);
    return static_cast<LineEditor*>(data);
}

// The prompt with its style sequences fenced for libedit.
std::wstring fence_styles(std::string_view prompt) {
    std::wstring out;
    for (size_t pos = 0; pos < prompt.size();) {
        if (prompt[pos] == '\033' && pos + 1 < prompt.size() && prompt[pos + 1] == '[') {
            size_t end = pos + 2;
            while (end < prompt.size() && !(prompt[end] >= '@' && prompt[end] <= '~'))
                ++end;
            out += kPromptIgnore;
            out += from_utf8(prompt.substr(pos, end + 1 - pos));
            out += kPromptIgnore;
            pos = end + 1;
            continue;
        }
        auto next = std::min(prompt.find('\033', pos + 1), prompt.size());
        out += from_utf8(prompt.substr(pos, next - pos));
        pos = next;
    }
    return out;
}

} // namespace

std::string to_utf8(std::wstring_view text) {
    std::string out;
    for (wchar_t c : text)
        out += utf8_encode(static_cast<char32_t>(c));
    return out;
}

std::wstring from_utf8(std::string_view text) {
    auto decoded = utf8_decode(text);
    return std::wstring(decoded.begin(), decoded.end());
}

LineEditor::LineEditor(Terminal& terminal) : terminal_(terminal) {
    // libedit takes the terminal's settings from its input stream; the
    // reading itself goes through read_character.
    int input_copy = ::dup(terminal_.input_fd());
    input_ = input_copy >= 0 ? ::fdopen(input_copy, "r") : nullptr;
    if (!input_)
        throw std::runtime_error("cannot read from the terminal");
    el_ = el_init("settle", input_, terminal_.output(), terminal_.output());
    if (!el_)
        throw std::runtime_error("cannot start line editing");
    history_ = history_winit();
    HistEventW event;
    history_w(history_, &event, H_SETSIZE, 200);
    history_w(history_, &event, H_SETUNIQUE, 1);

    el_wset(el_, EL_CLIENTDATA, this);
    el_wset(el_, EL_EDITOR, L"emacs");
    el_wset(el_, EL_HIST, history_w, history_);
    el_wset(el_, EL_PROMPT_ESC, &LineEditor::prompt_text, kPromptIgnore);
    el_wset(el_, EL_GETCFN, &LineEditor::read_character);
    el_wset(el_, EL_ADDFN, L"settle-offer-words", L"Offer words from the vocabulary",
            &LineEditor::complete);
    el_wset(el_, EL_BIND, L"^I", L"settle-offer-words", nullptr);
    // A person's own ~/.editrc (vi keys, say) is honoured, as in other
    // libedit programs.
    el_source(el_, nullptr);
}

LineEditor::~LineEditor() {
    el_end(el_);
    history_wend(history_);
    std::fclose(input_);
}

LineResult LineEditor::read(const LineRequest& request) {
    request_ = &request;
    prompt_ = fence_styles(request.prompt);
    ended_ = false;
    ended_by_paste_ = false;
    ended_text_.clear();
    if (!request.prefill.empty())
        el_wpush(el_, from_utf8(request.prefill).c_str());

    int count = 0;
    const wchar_t* line = el_wgets(el_, &count);
    request_ = nullptr;
    if (ended_) {
        if (ended_by_paste_)
            terminal_.write("\n");
        return LineResult{end_, ended_text_};
    }
    if (!line || count <= 0) {
        // Ctrl-D on an empty line, or the input closed under libedit.
        if (terminal_.hung_up())
            return LineResult{LineEnd::hangup, current_line()};
        terminal_.line();
        return LineResult{LineEnd::end_of_input, current_line()};
    }
    std::wstring text(line, static_cast<size_t>(count));
    while (!text.empty() && (text.back() == L'\n' || text.back() == L'\r'))
        text.pop_back();
    if (!text.empty()) {
        HistEventW event;
        history_w(history_, &event, H_ENTER, text.c_str());
    }
    return LineResult{LineEnd::entered, to_utf8(text)};
}

std::string LineEditor::current_line() const {
    const LineInfoW* info = el_wline(el_);
    if (!info)
        return {};
    auto text = std::wstring(info->buffer, static_cast<size_t>(info->lastchar - info->buffer));
    while (!text.empty() && (text.back() == L'\n' || text.back() == L'\r'))
        text.pop_back();
    return to_utf8(text);
}

void LineEditor::end_line(LineEnd end) {
    end_ = end;
    ended_ = true;
    ended_text_ = current_line();
}

int LineEditor::read_character(EditLine* el, wchar_t* out) {
    return editor_of(el)->next_character(out);
}

int LineEditor::next_character(wchar_t* out) {
    LiveStatus* status = request_ ? request_->status : nullptr;
    WaitHooks hooks{
        [&] { redraw_after_resize(status); },
        [&] {
            if (status)
                status->take_down();
            terminal_.line();
        },
        [&] {
            if (status)
                status->put_back();
            el_wset(el_, EL_REFRESH);
        },
        [&] { el_wset(el_, EL_REFRESH); },
    };
    while (true) {
        switch (wait_for_person(terminal_, status, hooks)) {
        case Heard::input:
            if (auto input = terminal_.read_input()) {
                if (!input->pasted) {
                    *out = static_cast<wchar_t>(input->key);
                    return 1;
                }
                if (take_paste(std::move(input->text), out))
                    return ended_ ? -1 : 1;
                break;
            }
            end_line(LineEnd::hangup);
            return -1;
        case Heard::time_up:
            // With words on the line, the person may finish it.
            if (!current_line().empty())
                break;
            end_line(LineEnd::time_up);
            return -1;
        case Heard::interrupt:
            end_line(LineEnd::interrupt);
            return -1;
        case Heard::terminate:
            end_line(LineEnd::terminate);
            return -1;
        case Heard::hangup:
            end_line(LineEnd::hangup);
            return -1;
        }
    }
}

bool LineEditor::take_paste(std::string text, wchar_t* out) {
    // Control characters have no place in a field; tabs become spaces.
    std::string clean;
    for (char c : text) {
        if (c == '\t')
            clean += ' ';
        else if (c == '\n' || static_cast<unsigned char>(c) >= 0x20 || c < 0)
            clean += c == 0x7F ? ' ' : c;
    }
    while (!clean.empty() && clean.back() == '\n')
        clean.pop_back();
    bool several_lines = clean.find('\n') != std::string::npos;
    if (several_lines && request_ && request_->list) {
        // Everything from the line and the paste, one item a line.
        const LineInfoW* info = el_wline(el_);
        auto before = to_utf8(
            std::wstring_view(info->buffer, static_cast<size_t>(info->cursor - info->buffer)));
        auto after = to_utf8(
            std::wstring_view(info->cursor, static_cast<size_t>(info->lastchar - info->cursor)));
        end_line(LineEnd::entered);
        ended_text_ = before + clean + after;
        ended_by_paste_ = true;
        return true;
    }
    if (several_lines)
        std::replace(clean.begin(), clean.end(), '\n', ' ');
    if (clean.empty())
        return false;
    // Typed into the line as if each character had been a key: libedit
    // reads the rest back before asking for more input.
    auto wide = from_utf8(clean);
    *out = wide.front();
    if (wide.size() > 1)
        el_wpush(el_, wide.substr(1).c_str());
    return true;
}

void LineEditor::redraw_after_resize(LiveStatus* status) {
    if (terminal_.can_draw()) {
        // libedit redraws the line from where it believes the line starts,
        // so go there and clear first. The terminal may have re-wrapped the
        // line to the new width; the cursor is that many rows down.
        const LineInfoW* info = el_wline(el_);
        int before_cursor = styled_width(request_ ? request_->prompt : std::string()) +
                            display_width(to_utf8(std::wstring_view(
                                info->buffer, static_cast<size_t>(info->cursor - info->buffer))));
        int rows_down = before_cursor / std::max(1, terminal_.size().columns);
        terminal_.write("\r" + (rows_down > 0 ? fmt::format("\033[{}A", rows_down) : "") +
                        "\033[J");
    }
    el_resize(el_);
    if (status)
        status->relayout();
    el_wset(el_, EL_REFRESH);
}

const wchar_t* LineEditor::prompt_text(EditLine* el) {
    return editor_of(el)->prompt_.c_str();
}

unsigned char LineEditor::complete(EditLine* el, int) {
    return editor_of(el)->offer_words();
}

unsigned char LineEditor::offer_words() {
    if (!request_ || !request_->vocabulary)
        return CC_ERROR;
    const LineInfoW* info = el_wline(el_);
    auto before_cursor =
        to_utf8(std::wstring_view(info->buffer, static_cast<size_t>(info->cursor - info->buffer)));
    auto completion = complete_phrase(before_cursor, *request_->vocabulary);
    if (completion.candidates.empty())
        return CC_ERROR;
    auto fragment = std::string_view(before_cursor).substr(completion.fragment_start);
    auto replacement = completion.candidates.size() == 1
                           ? std::string(completion.candidates.front())
                           : completion.common_prefix;
    if (replacement.size() > fragment.size() ||
        (completion.candidates.size() == 1 && replacement != fragment)) {
        el_deletestr(el_, static_cast<int>(from_utf8(fragment).size()));
        el_winsertstr(el_, from_utf8(replacement).c_str());
        return CC_REFRESH;
    }
    // Nothing more to add: show the choices under the line, in columns.
    int width = terminal_.size().columns;
    int widest = 0;
    for (auto candidate : completion.candidates)
        widest = std::max(widest, display_width(candidate));
    int per_row = std::max(1, (width - 1) / (widest + 2));
    std::string listing = "\n";
    for (size_t i = 0; i < completion.candidates.size(); ++i) {
        bool row_end =
            (i + 1) % static_cast<size_t>(per_row) == 0 || i + 1 == completion.candidates.size();
        listing += row_end ? std::string(completion.candidates[i]) + "\n"
                           : pad_to_width(completion.candidates[i], widest + 2);
    }
    terminal_.write(listing);
    return CC_REDISPLAY;
}

} // namespace settle::cli
