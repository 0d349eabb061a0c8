#include "cli/guided/breathing_cue.hpp"

#include "cli/terminal/countdown.hpp"
#include "core/layout.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace settle::cli {

namespace {

// Often enough for the bar to move smoothly, rarely enough to cost nothing.
constexpr std::chrono::milliseconds kFrame{100};
// A key only ends the pause once it has surely been pressed after it began.
constexpr std::chrono::milliseconds kPauseGrace{1000};

class BreathingStatus : public LiveStatus {
  public:
    BreathingStatus(Terminal& terminal, const Countdown& countdown, const BreathingPace& pace,
                    std::chrono::steady_clock::time_point keys_from)
        : terminal_(terminal), countdown_(countdown), pace_(pace), keys_from_(keys_from),
          panel_(terminal, 4), plain_(terminal, countdown, false) {
        update();
    }

    std::chrono::milliseconds until_next_update() const override { return kFrame; }

    void update() override {
        if (!cued_ && countdown_.finished()) {
            cued_ = true;
            terminal_.ring_bell();
        }
        plain_.update(cued_);
        if (!terminal_.can_draw())
            return;
        int width = panel_.width();
        auto breath = breath_at(pace_, countdown_.elapsed_seconds());
        auto words = breath.inhaling ? "breathe in " : "breathe out";
        int cells = std::clamp(width - 18, 4, 32);
        auto bar = progress_bar(breath.fullness, cells, terminal_.glyph("█", "="),
                                terminal_.glyph("░", " "));
        std::string_view instruction = "  One hand on your chest. Let each breath out slowly.";
        if (static_cast<int>(instruction.size()) >= width)
            instruction = "  Hand on your chest. A slow exhale.";
        // The keys are offered once they are listened to.
        std::string_view keys = "  c crisis lines   any other key ends the pause early";
        if (static_cast<int>(keys.size()) >= width)
            keys = "  c crisis · other keys end it";
        if (std::chrono::steady_clock::now() < keys_from_)
            keys = {};
        panel_.show({
            terminal_.dim(instruction),
            fmt::format("  {}  {}", words, terminal_.accent(bar)),
            countdown_line(terminal_, countdown_, width),
            terminal_.dim(keys),
        });
    }

    void relayout() override {
        panel_.relayout();
        update();
    }
    void take_down() override { panel_.take_down(); }
    void put_back() override {
        panel_.put_back();
        update();
    }
    bool time_is_up() const override { return cued_; }

  private:
    Terminal& terminal_;
    const Countdown& countdown_;
    BreathingPace pace_;
    std::chrono::steady_clock::time_point keys_from_;
    StatusPanel panel_;
    PlainTimeLines plain_;
    bool cued_ = false;
};

} // namespace

bool breathe_through_pause(Session& session, const Countdown& countdown,
                           const BreathingPace& pace) {
    auto& terminal = session.terminal();
    auto keys_from = std::chrono::steady_clock::now() + kPauseGrace;
    BreathingStatus status(terminal, countdown, pace, keys_from);
    terminal.hide_cursor();
    struct ShowCursor {
        Terminal& terminal;
        ~ShowCursor() { terminal.show_cursor(); }
    } show{terminal};
    // Keys typed ahead (a second Enter after the rating) and keys still on
    // their way in the first moment never end the pause.
    KeyQuestion any_key;
    any_key.status = &status;
    any_key.grace_until = keys_from;
    return session.ask_key(any_key).has_value();
}

} // namespace settle::cli
