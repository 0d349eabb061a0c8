"""The revisit walk at a terminal: one key an answer, each saved at once."""

import unittest

from tty_harness import InteractiveTest, require_tmux


@require_tmux
class RevisitWalk(InteractiveTest):
    def test_a_script_said_closer_with_a_note(self):
        self.ok("script", "--situation", "you were late", "--feel", "scared", "--need",
                "to know we're okay", "--at", "2026-11-02 10:00")
        tty = self.start("revisit")
        tty.wait_for_text("Did you share it?")
        tty.choose("s")  # "said it", not a skip
        tty.wait_for_text("How did it land?")
        tty.choose("c")
        tty.wait_for_text("A note, if you like")
        tty.line("we talked after dinner")
        self.assertEqual(tty.wait_for_exit(), 0)
        entry = self.only_entry("script")
        self.assertIn("  shared: said\n  landed: closer\n  note: we talked after dinner\n", entry)

    def test_predictions_answered_and_skipped(self):
        self.ok("audit", "--know", "k", "--predict", "they'll be cold", "--predict",
                "I'll cry", "--at", "2026-11-01 10:00")
        tty = self.start("revisit")
        tty.wait_for_text("they'll be cold")
        tty.choose("d")
        tty.wait_for_text("I'll cry")
        tty.press("Enter")
        self.assertEqual(tty.wait_for_exit(), 0)
        entry = self.only_entry("audit")
        self.assertIn("  predictions:\n    1: didnt\n", entry)
        self.assertNotIn("\n    2: ", entry)
        tty.assert_terminal_restored()


if __name__ == "__main__":
    unittest.main()
