"""`settle` alone: a short calm menu at a terminal; usage and exit 2 in a pipe."""

import unittest

from tty_harness import InteractiveTest, require_tmux


@require_tmux
class MenuAtATerminal(InteractiveTest):
    def test_the_menu_runs_the_chosen_exercise(self):
        tty = self.start("--journal", str(self.home / "elsewhere"), env={"SETTLE_JOURNAL": ""})
        text = tty.wait_for_text("q  not now") and tty.text()
        for line in ("a  audit", "p  pause", "s  script", "q  not now"):
            self.assertIn(line, text)
        tty.press("s")
        tty.wait_for_text("When ›")
        tty.line("the house is quiet")
        tty.line("lonely")
        tty.line("closeness")
        self.save(tty)
        saved = list((self.home / "elsewhere").rglob("*-script.md"))
        self.assertEqual(len(saved), 1, "the chosen command keeps the global --journal")
        tty.assert_terminal_restored()

    def test_not_now_ends_quietly(self):
        tty = self.start()
        tty.wait_for_text("What would help right now?")
        tty.press("q")
        self.assertEqual(tty.wait_for_exit(), 0)
        self.assertEqual(self.entries(), [])
        tty.assert_terminal_restored()


class MenuInAPipe(InteractiveTest):
    def test_usage_on_stderr_and_exit_2(self):
        result = self.run_settle(stdin="")
        self.assertEqual(result.code, 2, result)
        self.assertEqual(result.out, "")
        self.assertIn("Usage:", result.err)
        self.assertNotIn("What would help", result.err)


if __name__ == "__main__":
    unittest.main()
