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


    def test_a_prediction_answered_two_ways_asks_which_stands(self):
        # As `settle sync` leaves it when two devices answered differently.
        self.ok("audit", "--know", "k", "--predict", "they'll be cold", "--predict",
                "I'll cry", "--at", "2026-11-01 10:00")
        path = self.journal / self.entries()[0]
        text = path.read_text()
        fence = text.index("---\n", 4)  # the closing one
        path.write_text(text[:fence] + "revisit:\n  date: 2026-11-03T10:00:00+00:00\n"
                        "  predictions:\n    2: happened\n"
                        "  contested:\n    1: [partly, didnt]\n" + text[fence:])
        self.assertIn("contested:", self.only_entry("audit"))
        tty = self.start("revisit")
        tty.wait_for_text("Answered two ways on two devices: partly and didn't.")
        tty.wait_for_text("Which answer stands?")
        screen = "\n".join(tty.screen())
        self.assertIn("[p] partly", screen)
        self.assertIn("[d] didn't", screen)
        self.assertNotIn("[h] happened", screen)  # only the answers given
        tty.press("h")  # not one of them: asked again, nothing recorded
        tty.wait_for_text("One key: p, d, ? or Enter.")
        tty.choose("d")
        self.assertEqual(tty.wait_for_exit(), 0)
        entry = self.only_entry("audit")
        self.assertIn("  predictions:\n    1: didnt\n    2: happened\n", entry)
        self.assertNotIn("contested", entry)
        self.assertNotIn("partly", entry)
        check = self.run_settle("check")
        self.assertEqual(check.code, 0, check)
        self.assertEqual(check.out, "")
        tty.assert_terminal_restored()

if __name__ == "__main__":
    unittest.main()
