#include "breathing_cue.hpp"

#include "core/layout.hpp"
#include "countdown.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace settle::cli {

namespace {

// Often enough for the bar to move smoothly, rarely enough to cost nothing.
constexpr std::chrono::milliseconds kFrame{100};

class BreathingStatus : public LiveStatus {
  public:
    BreathingStatus(Terminal& terminal, const Countdown& countdown, const BreathingPace& pace)
        : terminal_(terminal), countdown_(countdown), pace_(pace), panel_(terminal, 3) {
        update();
    }

    std::chrono::milliseconds until_next_update() const override { return kFrame; }

    void update() override {
        if (!cued_ && countdown_.finished()) {
            cued_ = true;
            terminal_.ring_bell();
        }
        int width = panel_.width();
        auto breath = breath_at(pace_, countdown_.elapsed_seconds());
        auto words = breath.inhaling ? "breathe in " : "breathe out";
        int cells = std::clamp(width - 18, 4, 32);
        auto bar = progress_bar(breath.fullness, cells, terminal_.glyph("█", "="),
                                terminal_.glyph("░", " "));
        std::string_view instruction = "  One hand on your chest. Let each breath out slowly.";
        if (static_cast<int>(instruction.size()) >= width)
            instruction = "  Hand on your chest. A slow exhale.";
        panel_.show({
            terminal_.dim(instruction),
            fmt::format("  {}  {}", words, terminal_.accent(bar)),
            countdown_line(terminal_, countdown_, width - 26) +
                terminal_.dim("   any key ends the pause"),
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
    StatusPanel panel_;
    bool cued_ = false;
};

} // namespace

bool breathe_through_pause(Session& session, const Countdown& countdown,
                           const BreathingPace& pace) {
    auto& terminal = session.terminal();
    BreathingStatus status(terminal, countdown, pace);
    terminal.hide_cursor();
    struct ShowCursor {
        Terminal& terminal;
        ~ShowCursor() { terminal.show_cursor(); }
    } show{terminal};
    return session.ask_key(U"", &status).has_value();
}

} // namespace settle::cli
