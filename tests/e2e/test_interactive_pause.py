"""The guided pause at a terminal: the urge, the breathing cue with its
countdown, ending early with a key, and the question about reaching out,
which only ever asks."""

import re
import time
import unittest
from datetime import datetime, timedelta

from tty_harness import InteractiveTest, require_tmux


def created(entry):
    return datetime.fromisoformat(re.search(r"^created: (.*)$", entry, re.M).group(1))


@require_tmux
class GuidedPause(InteractiveTest):
    def test_happy_path_runs_the_whole_pause(self):
        tty = self.start("pause", "--minutes", "0.05")
        tty.wait_for_text("How strong is the urge to reach out, 0-10?")
        tty.line("8")
        tty.wait_for_text("One hand on your chest. Let each breath out slowly.")
        self.assertRegex(tty.text(), r"breathe (in |out) ")
        tty.wait_for_text("The pause is over.")
        tty.wait_for_text("How strong is the urge now, 0-10?")
        tty.line("4")
        tty.wait_for_text("One key: 1, 2 or 3.")
        tty.choose("1")
        tty.close_ending()
        self.assertEqual(tty.wait_for_exit(), 0)
        entry = self.only_entry("pause")
        self.assertIn("urge_before: 8\nurge_after: 4\noutcome: waited\n", entry)
        self.assertIn("planned_seconds: 3\n  elapsed_seconds: 3\n", entry)
        self.assertNotIn("incomplete", entry)
        self.assertNotIn("Would you like to find the words", tty.text())
        tty.assert_terminal_restored()

    def test_the_breathing_bar_grows_and_shrinks(self):
        tty = self.start("pause", "--minutes", "1", "--urge-before", "6",
                         env={"XDG_CONFIG_HOME": str(self.home / "config")})
        bar = re.compile(r"breathe (in |out)  (█*)")

        def phase(wanted):
            def seen(lines):
                for line in lines:
                    match = bar.search(line)
                    if match and match.group(1).strip() == wanted:
                        return len(match.group(2))
                return None
            return seen

        inhale_start = tty.wait_for(lambda l: phase("in")(l) is not None, "breathing in")
        tty.wait_for(lambda l: (phase("in")(l) or 0) > inhale_start, "the bar growing")
        exhale = tty.wait_for(phase("out"), "breathing out")
        tty.wait_for(lambda l: (phase("out")(l) or exhale) < exhale, "the bar shrinking")
        tty.press("x")
        tty.wait_for_text("You ended the pause after")
        tty.press("C-c")
        tty.wait_for_text("Stop here?")
        tty.press("d")
        tty.wait_for_exit()

    def test_a_key_ends_early_and_the_entry_says_so(self):
        tty = self.start("pause", "--minutes", "2", "--urge-before", "7")
        tty.wait_for_text("other key ends the pause")
        tty.press("Space")
        tty.wait_for_text("You ended the pause after")
        tty.wait_for_text("How strong is the urge now")
        tty.line("6")
        tty.wait_for_text("One key: 1, 2 or 3.")
        tty.choose("3")
        tty.close_ending()
        self.assertEqual(tty.wait_for_exit(), 0)
        entry = self.only_entry("pause")
        self.assertIn("outcome: undecided", entry)
        elapsed = int(re.search(r"elapsed_seconds: (\d+)", entry).group(1))
        self.assertIn("planned_seconds: 120", entry)
        self.assertLess(elapsed, 120)

    def test_reaching_out_is_never_blocked_and_the_script_is_offered(self):
        tty = self.start("pause", "--no-timer", "--urge-before", "9", "--urge-after", "8")
        tty.wait_for_text("One key: 1, 2 or 3.")
        tty.choose("2")
        tty.wait_for_text("no, not now")
        time.sleep(2.2)  # the script is dated when it begins, after the pause
        tty.press("y")
        tty.wait_for_text("When ›")
        tty.line("you haven't replied today")
        tty.line("scared")
        tty.line("reassurance")
        self.save(tty)
        pause, script = self.only_entry("pause"), self.only_entry("script")
        self.assertIn("outcome: reached-out", pause)
        self.assertIn("need: reassurance", script)
        self.assertNotIn("incomplete", pause)
        self.assertGreaterEqual(created(script) - created(pause), timedelta(seconds=2))

    def test_declining_the_script_just_ends(self):
        tty = self.start("pause", "--no-timer", "--urge-before", "9", "--urge-after", "8")
        tty.wait_for_text("One key: 1, 2 or 3.")
        tty.choose("2")
        tty.wait_for_text("That's okay; the pause only asks.")
        tty.wait_for_text("no, not now")
        tty.press("n")
        tty.close_ending()
        self.assertEqual(tty.wait_for_exit(), 0)
        self.assertEqual(len(self.entries()), 1)

    def test_the_breathing_pace_comes_from_the_config(self):
        config = self.home / "config" / "settle"
        config.mkdir(parents=True)
        (config / "config.yaml").write_text("pause:\n  breathe_in: 3\n  breathe_out: 3\n")
        result = self.run_settle("pause", "--urge-before", "1", "--urge-after", "1",
                                 "--outcome", "waited")
        # A wrong setting never blocks the exercise: one warning, its default.
        self.assertEqual(result.code, 0, result)
        self.assertIn("pause.breathe_out (3) must be longer than pause.breathe_in (3)", result.err)
        self.assertIn("that setting keeps its default", result.err)
        self.assertEqual(self.run_settle("config").code, 2)


if __name__ == "__main__":
    unittest.main()
