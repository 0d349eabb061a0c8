"""Coaching hints inline in the guided sessions: a gentle note under an
answer, the offer to move a "know" item to the predictions, never a block."""

import unittest

from tty_harness import InteractiveTest, require_tmux


@require_tmux
class GuidedCoaching(InteractiveTest):
    def test_script_notes_blame_and_carries_on(self):
        tty = self.start("script")
        tty.wait_for_text("When ›")
        tty.line("you never call")
        tty.wait_for_text("I feel ›")
        tty.line("hurt")
        tty.wait_for_text("I need ›")
        tty.line("to feel chosen")
        self.save(tty)
        entry = self.only_entry("script")
        self.assertIn("situation: you never call\n", entry)
        # The note comes with the review, where the answer can be changed.
        self.assertIn("reads as something your partner did", tty.text())
        self.assertNotIn("softer underneath", tty.text())

    def test_audit_offers_to_move_a_prediction(self):
        tty = self.start("audit", "--no-timer", "--anxiety-before", "6")
        tty.wait_for_text("know ›")
        tty.line("They said they'd call at 9")
        tty.wait_for_text("know ›")
        tty.line("They'll be angry")
        tty.line("")
        tty.wait_for_text("predict ›")
        tty.line("They won't call")
        tty.line("")
        tty.wait_for_text("How anxious are you now")
        tty.line("")
        tty.wait_for_text("m move that line to the")
        tty.press("m")
        tty.wait_for_text("Moved to the predictions.")
        self.save(tty)
        entry = self.only_entry("audit")
        self.assertIn("know:\n  - They said they'd call at 9\npredict:\n  - They won't call\n"
                      "  - They'll be angry\n", entry)


    def test_own_words_are_offered_first(self):
        self.ok("script", "--situation", "s", "--feel", "quietly dreading", "--need",
                "a slow evening together", "--at", "2026-11-01 20:00")
        tty = self.start("script", "--situation", "a quiet evening")
        tty.wait_for_text("I feel ›")
        tty.type("quietly d")
        tty.press("Tab")
        tty.wait_for_text("I feel › quietly dreading")
        tty.press("Enter")
        tty.wait_for_text("I need ›")
        tty.type("a slow")
        tty.press("Tab")
        tty.wait_for_text("I need › a slow evening together")
        tty.press("Enter")
        self.save(tty)
        newest = sorted(self.entries())[-1]  # the guided one, written today
        self.assertIn("feeling: quietly dreading\n", self.read_entry(newest))

if __name__ == "__main__":
    unittest.main()
