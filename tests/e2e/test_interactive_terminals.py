"""The guided sessions fit any terminal: every line ends with its text
attributes reset, and a terminal without cursor control (TERM=dumb) gets
plain lines and not one escape sequence. (Word-wrapping at 40 and 80
columns: test_interactive_wrapping.py.)"""

import re
import unittest

from tty_harness import InteractiveTest, require_tmux

SGR = re.compile(rb"\x1b\[([0-9;]*)m")


def flows():
    """Each guided screen, driven to its end: (name, args, steps, prose)."""
    def menu(tty):
        tty.wait_for_text("not now")
        tty.press("q")

    def pause(tty):
        tty.wait_for_text("How strong is the urge to reach out")
        tty.line("6")
        tty.wait_for_text("How strong is the urge now")
        tty.line("4")
        tty.wait_for_text("One key: 1, 2 or 3.")
        tty.choose("1")
        tty.close_ending()

    def audit(tty):
        tty.wait_for_text("know ›")
        tty.line("")
        tty.wait_for_text("Nothing here yet")
        tty.line("The kettle is on and the door is locked")
        tty.line("")
        tty.wait_for_text("predict ›")
        tty.line("They will be cold with me")
        tty.line("")
        tty.keep()
        tty.close_ending()

    def script(tty):
        tty.wait_for_text("When ›")
        tty.line("you went quiet")
        tty.wait_for_text("I feel ›")
        tty.line("scared")
        tty.wait_for_text("I need ›")
        tty.line("to hear from you")
        tty.keep()
        tty.close_ending()

    return [
        ("menu", [], menu, ["Sort what you know from what you fear",
                            "Sit with the urge before reaching out",
                            "Crisis lines, if you need someone now"]),
        ("pause", ["pause", "--no-timer"], pause, [
            "Tolerating the pause. A few minutes with the urge, without acting on it yet.",
            "How strong is the urge to reach out, 0-10?",
            "Breathe in gently, then let the breath out slowly, longer than it came in.",
            "Do you still need to reach out, or was the pull mostly the anxiety?",
            "It was mostly the anxiety; I can wait",
            "I still need to reach out (or I already did)",
            "Enter keeps it, u changes it",
            "The urge may come back; the pause is here whenever it helps.",
            "c crisis lines any other key closes"]),
        ("audit", ["audit", "--no-timer", "--anxiety-before", "5", "--anxiety-after", "3"],
         audit, [
            "Certainty audit. What you know is true right now, beside what you fear.",
            "What do you know is true right now? Only what you could check.",
            "Nothing here yet. Even one small thing helps; Enter again moves on.",
            "What are you predicting? Let the worries out, onto the page.",
            "Save this? k keep it e change something",
            "In a day or two, `settle revisit` asks whether these came true."]),
        ("script", ["script"], script, [
            "Name the feeling, not the partner. Three short answers make one sentence you "
            "could say.",
            "What is happening? A few words about the situation.",
            "When you went quiet, I notice I feel scared, and what I'm actually needing is "
            "to hear from you.",
            "When you have said it, sent it or kept it, `settle revisit` asks how it went, "
            "if you like."]),
    ]


@require_tmux
class Attributes(InteractiveTest):
    def assert_reset_at_every_line_end(self, raw):
        active = set()
        for number, line in enumerate(raw.split(b"\n")[:-1]):
            for match in SGR.finditer(line):
                codes = [int(c) for c in match.group(1).split(b";") if c] or [0]
                for code in codes:
                    if code == 0:
                        active.clear()
                    elif code in (22, 27, 39, 49):
                        active = {a for a in active if
                                  not (code == 22 and a in (1, 2)) and
                                  not (code == 27 and a == 7) and
                                  not (code == 39 and 30 <= a <= 37) and
                                  not (code == 49 and 40 <= a <= 47)}
                    else:
                        active.add(code)
            self.assertEqual(active, set(), f"line {number} ends styled: {line!r}")

    def test_attributes_are_reset_at_the_end_of_every_line(self):
        for name, args, steps, _ in flows():
            with self.subTest(screen=name):
                tty = self.start("--color", "always", *args, width=60, height=40, record=True)
                steps(tty)
                tty.wait_for_exit()
                raw = tty.output.read_bytes()
                self.assertIn(b"\x1b[1m", raw)  # styled at all
                self.assert_reset_at_every_line_end(raw)


@require_tmux
class DumbTerminal(InteractiveTest):
    def test_the_pause_prints_the_time_every_30_seconds_and_no_escapes(self):
        tty = self.start("pause", "--minutes", "0.52", "--urge-before", "5",
                         env={"TERM": "dumb"}, record=True)
        tty.wait_for_text("Put one hand on your chest.")
        tty.wait_for_text("0:30 left", timeout=60)
        tty.wait_for_text("Time is up.", timeout=60)
        tty.wait_for_text("How strong is the urge now")
        tty.line("3")
        tty.wait_for_text("One key: 1, 2 or 3.")
        tty.choose("1")
        tty.close_ending()
        self.assertEqual(tty.wait_for_exit(), 0)
        self.assertNotIn("█", tty.text())
        raw = tty.output.read_bytes()
        self.assertNotIn(b"\x1b", raw)
        self.assertIn("urge_after: 3\n", self.only_entry("pause"))

    def test_the_audit_and_script_send_no_escapes(self):
        tty = self.start("--color", "always", "audit", "--minutes", "1", "--anxiety-before",
                         "5", env={"TERM": "dumb"}, record=True)
        tty.wait_for_text("know")
        tty.line("the door is locked")
        tty.line("")
        tty.wait_for_text("predict")
        tty.line("they will leave")
        tty.line("")
        tty.wait_for_text("How anxious are you now")
        tty.line("")
        self.save(tty)
        self.assertNotIn(b"\x1b", tty.output.read_bytes())


if __name__ == "__main__":
    unittest.main()


@require_tmux
class ReadingFromTheMenu(InteractiveTest):
    def test_read_opens_a_numbered_picker_and_returns_to_the_menu(self):
        tty = self.start(env={"PAGER": ""}, width=80, height=40)
        tty.wait_for_text("not now")
        tty.press("r")
        tty.wait_for_text("What would you like to read?")
        self.assertRegex(tty.text(), r"\n +1  \S")
        tty.wait_for_text("topic ›")
        tty.line("1")
        tty.wait_for(lambda lines: "\n".join(lines).count("What would help right now?") >= 1
                     and "not now" in lines[-1], "the menu again")
        tty.press("q")
        self.assertEqual(tty.wait_for_exit(), 0)

    def test_a_long_summary_goes_through_the_pager(self):
        for day in range(1, 8):
            self.ok("pause", "--urge-before", "7", "--urge-after", "3", "--outcome", "waited",
                    "--at", f"2026-11-0{day} 21:00")
        paged = self.home / "paged.txt"
        tty = self.start("summary", "--since", "2026-10-01", env={"PAGER": f"cat > {paged}"},
                         height=5)
        self.assertEqual(tty.wait_for_exit(), 0)
        self.assertIn("7", paged.read_text())
        self.assertTrue(paged.read_text().strip())
