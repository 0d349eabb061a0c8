"""The guided certainty audit at a terminal: the questions, the live
countdown, the cue when time is up, and the two columns side by side."""

import re
import unittest

from tty_harness import InteractiveTest, require_tmux

CLOCK = re.compile(r"(\d+):(\d\d) left")


def seconds_shown(lines):
    """The countdown's m:ss on the bottom line, in seconds, or None."""
    match = next((m for m in map(CLOCK.search, lines[-3:]) if m), None)
    return int(match.group(1)) * 60 + int(match.group(2)) if match else None


@require_tmux
class GuidedAudit(InteractiveTest):
    def test_happy_path_writes_a_complete_entry(self):
        tty = self.start("audit", "--minutes", "2", "--tag", "evening")
        tty.wait_for_text("How anxious are you right now, 0-10?")
        tty.line("7")
        tty.wait_for_text("What do you know is true right now?")
        tty.line("It is nine in the evening")
        tty.line("They said they would call after work")
        tty.line("")
        tty.wait_for_text("What are you predicting?")
        tty.line("They are upset with me")
        tty.line("")
        tty.wait_for_text("How anxious are you now, 0-10?")
        tty.line("4")
        self.save(tty)
        text = tty.text()
        self.assertIn("What I know", text)
        self.assertIn("Anxiety 7 → 4", text)
        self.assertIn("Saved 20", text)
        entry = self.only_entry("audit")
        self.assertIn("anxiety_before: 7\nanxiety_after: 4\n", entry)
        self.assertIn("know:\n  - It is nine in the evening\n  - They said they would call after work\n",
                      entry)
        self.assertIn("predict:\n  - They are upset with me\n", entry)
        self.assertIn("planned_seconds: 120", entry)
        self.assertIn("tags:\n  - evening\n", entry)
        self.assertNotIn("incomplete", entry)
        tty.assert_terminal_restored()
        self.ok("check")

    def test_the_countdown_visibly_decreases(self):
        tty = self.start("audit", "--minutes", "0.2", "--anxiety-before", "5")
        first = tty.wait_for(seconds_shown, "the countdown on the bottom line")
        tty.wait_for(lambda lines: (seconds_shown(lines) or first) < first,
                     f"the countdown to go below {first} seconds")
        self.assertRegex(tty.text(), r"\d:\d\d left  [█░]+")
        tty.press("C-c")
        tty.wait_for_text("Stop here?")
        tty.press("d")
        tty.wait_for_exit()

    def test_time_up_cues_and_lets_the_line_finish(self):
        tty = self.start("audit", "--minutes", "0.05", "--anxiety-before", "6")
        tty.wait_for_text("know ›")
        tty.type("They have not answered since no")
        tty.wait_for_text("Time is up. Finish the line you are on")
        tty.line("on")
        # The timer is a guide: the predictions are still asked.
        tty.wait_for_text("What are you predicting?")
        tty.line("They are pulling away")
        tty.line("")
        tty.wait_for_text("How anxious are you now")
        tty.line("")
        self.save(tty)
        entry = self.only_entry("audit")
        self.assertIn("  - They have not answered since noon\n", entry)
        self.assertIn("predict:\n  - They are pulling away\n", entry)
        self.assertIn("elapsed_seconds: 3\n", entry)
        self.assertNotIn("incomplete", entry)

    def side_by_side(self, width):
        long_item = ("They said they would call after work, which is usually somewhere "
                     "between six and seven, and it is only just past eight now")
        tty = self.start("audit", "--no-timer", "--anxiety-before", "8", "--anxiety-after", "6",
                         width=width, height=30)
        tty.wait_for_text("know ›")
        tty.line(long_item)
        tty.line("")
        tty.line("They are tired of me")
        tty.line("")
        self.save(tty)
        screen = tty.screen()
        header = next(i for i, line in enumerate(screen) if line.startswith("What I know"))
        self.assertIn("│ What I'm predicting", screen[header])
        divider = screen[header].index("│")
        self.assertEqual(screen[header + 1].index("┼"), divider)
        rows = screen[header + 2:]
        table = rows[:next(i for i, line in enumerate(rows) if "│" not in line)]
        for line in table:
            self.assertLessEqual(len(line), width - 1)
            self.assertEqual(line.index("│"), divider, line)
        left = " ".join(line[:divider].strip() for line in table)
        self.assertEqual(left, "• " + long_item)
        self.assertIn("• They are tired of me", table[0])
        self.assertGreater(len(table), 1, "the long item should wrap")
        return divider, table

    def test_side_by_side_at_60_columns(self):
        divider, table = self.side_by_side(60)
        self.assertEqual(divider, 29)
        self.assertGreaterEqual(len(table), 5)

    def test_side_by_side_at_120_columns(self):
        divider, table = self.side_by_side(120)
        self.assertEqual(divider, 59)
        self.assertLessEqual(len(table), 3)

    def test_ascii_when_the_locale_is_not_utf8(self):
        tty = self.start("audit", "--minutes", "1", "--anxiety-before", "3", env={"LANG": "C"})
        tty.wait_for_text("know >")
        tty.wait_for(lambda lines: any(re.search(r"\d:\d\d left  [#.]+$", l) for l in lines[-3:]),
                     "an ASCII countdown")
        self.assertNotIn("█", tty.text())
        tty.line("the kettle is on")
        tty.line("")
        tty.wait_for_text("predict >")
        tty.line("")
        tty.wait_for_text("Nothing here yet")
        tty.line("")
        tty.wait_for_text("How anxious are you now")
        tty.line("")
        self.save(tty)
        text = tty.text()
        self.assertIn("What I know", text)
        self.assertIn(" | ", text)
        self.assertNotIn("│", text)
        self.assertIn("  - the kettle is on", self.only_entry("audit"))

    def test_resize_mid_countdown_keeps_the_status_line_at_the_bottom(self):
        tty = self.start("audit", "--minutes", "1", "--anxiety-before", "5", width=120, height=24)
        tty.wait_for_text("know ›")
        tty.type("the message was deli")
        tty.resize(60, 16)
        tty.wait_for(lambda lines: len(lines) == 16 and seconds_shown(lines) is not None,
                     "the countdown on the new bottom line")
        tty.wait_for(lambda lines: all(len(line) <= 60 for line in lines), "lines fitting 60 columns")
        tty.line("vered")
        tty.wait_for(lambda lines: any("know › the message was delivered" in l for l in lines),
                     "the finished line")
        tty.resize(100, 30)
        tty.wait_for(lambda lines: len(lines) == 30 and seconds_shown(lines) is not None,
                     "the countdown after growing")
        tty.line("")
        tty.wait_for_text("predict ›")
        tty.line("")
        tty.wait_for_text("Nothing here yet")
        tty.line("")
        tty.wait_for_text("How anxious are you now")
        tty.line("")
        self.save(tty)
        self.assertIn("  - the message was delivered\n", self.only_entry("audit"))
        tty.assert_terminal_restored()

    def test_no_color_and_color_never_draw_without_colour(self):
        for env, args in (({"NO_COLOR": "1"}, []), ({}, ["--color", "never"])):
            tty = self.start(*args, "audit", "--minutes", "1", env=env)
            tty.wait_for_text("How anxious")
            self.assertNotIn("\x1b[36m", tty.styled_screen())
            self.assertNotIn("\x1b[2m", tty.styled_screen())
            tty.press("C-c")
            tty.wait_for_exit()
        tty = self.start("--color", "always", "audit", "--minutes", "1")
        tty.wait_for_text("How anxious")
        tty.press("Enter")
        tty.wait_for_text("know ›")
        self.assertIn("\x1b[", tty.styled_screen())
        tty.press("C-c")
        tty.wait_for_exit()


class AuditWithoutATerminal(InteractiveTest):
    def test_a_pipe_gets_no_prompts_and_a_usage_error(self):
        result = self.run_settle("audit", stdin="")
        self.assertEqual(result.code, 2, result)
        self.assertIn("an audit needs at least one --know or --predict item", result.err)
        self.assertEqual(result.out, "")
        self.assertEqual(self.entries(), [])


if __name__ == "__main__":
    unittest.main()
