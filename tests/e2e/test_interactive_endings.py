"""Never lose a word: however a guided session ends (Ctrl-C, Ctrl-D, the
terminal closing, SIGTERM), what was typed is saved as an entry marked
incomplete, and the terminal is left as it was found. Only an explicit
discard drops the words."""

import time
import unittest

from tty_harness import SIGHUP, SIGTERM, InteractiveTest, require_tmux


@require_tmux
class EndingAGuidedSession(InteractiveTest):
    def start_audit_with_typing(self, **kwargs):
        tty = self.start("audit", "--minutes", "2", "--anxiety-before", "6", **kwargs)
        tty.wait_for_text("know ›")
        tty.line("the phone has been quiet since lunch")
        tty.wait_for_text("know › the phone has been quiet since lunch\n")
        tty.type("they read my mess")
        tty.wait_for_text("know › they read my mess")
        return tty

    def assert_saved_incomplete(self, entry, *texts):
        self.assertIn("incomplete: true", entry)
        for text in texts:
            self.assertIn(text, entry)

    def test_words_are_shown_when_the_journal_cannot_be_written(self):
        # The month's folder is a symbolic link out of the journal, which a
        # writer refuses: the words must still reach the person.
        elsewhere = self.home / "elsewhere"
        elsewhere.mkdir()
        (self.journal / "2026").mkdir(parents=True)
        (self.journal / "2026" / "11").symlink_to(elsewhere)
        tty = self.start("script", "--at", "2026-11-02 10:00")
        tty.wait_for_text("When ›")
        tty.line("the call went to voicemail twice")
        tty.line("small")
        tty.line("to hear a kind voice")
        tty.keep()
        self.assertEqual(tty.wait_for_exit(), 1)
        tty.wait_for_text("This could not be saved. Here is everything you wrote, to keep a copy:")
        for text in ["situation: the call went to voicemail twice", "feeling: small",
                     "need: to hear a kind voice", "settle: error:"]:
            self.assertIn(text, tty.text())
        self.assertEqual(list(elsewhere.iterdir()), [])
        tty.assert_terminal_restored()

    def test_ctrl_c_at_a_prompt_offers_a_choice_and_saves(self):
        tty = self.start_audit_with_typing()
        tty.press("C-c")
        tty.wait_for_text("Stop here?  s save what you wrote   d discard it   Enter keep going")
        tty.press("s")
        self.assertEqual(tty.wait_for_exit(), 130)
        tty.wait_for_text("Saved what you wrote so far, marked incomplete, in")
        entry = self.only_entry("audit")
        self.assert_saved_incomplete(entry, "  - the phone has been quiet since lunch\n",
                                     "  - they read my mess\n", "anxiety_before: 6")
        self.assertIn("planned_seconds: 120", entry)
        self.assertIn(str(self.journal), tty.text().replace("\n  ", ""))
        tty.assert_terminal_restored()

    def test_ctrl_c_then_keep_going_carries_on_with_the_line(self):
        tty = self.start_audit_with_typing()
        tty.press("C-c")
        tty.wait_for_text("Stop here?")
        tty.press_after("Enter", "know › they read my mess")  # the line again
        tty.line("age")
        tty.line("")
        tty.wait_for_text("predict ›")
        tty.line("")
        tty.wait_for_text("Nothing here yet")
        tty.line("")
        tty.wait_for_text("How anxious are you now")
        tty.line("3")
        self.save(tty)
        entry = self.only_entry("audit")
        self.assertIn("  - they read my message\n", entry)
        self.assertNotIn("incomplete", entry)

    def test_a_second_ctrl_c_saves_and_stops(self):
        tty = self.start_audit_with_typing()
        tty.press("C-c")
        tty.wait_for_text("Stop here?")
        tty.press("C-c")
        self.assertEqual(tty.wait_for_exit(), 130)
        self.assert_saved_incomplete(self.only_entry("audit"), "  - they read my mess\n")

    def test_the_explicit_discard_saves_nothing(self):
        tty = self.start_audit_with_typing()
        tty.press("C-c")
        tty.wait_for_text("Stop here?")
        tty.press("d")
        self.assertEqual(tty.wait_for_exit(), 130)
        tty.wait_for_text("Nothing was saved.")
        self.assertEqual(self.entries(), [])
        tty.assert_terminal_restored()

    def test_ctrl_c_before_any_word_just_stops(self):
        tty = self.start("script")
        tty.wait_for_text("When ›")
        tty.press("C-c")
        self.assertEqual(tty.wait_for_exit(), 130)
        tty.wait_for_text("Nothing was written yet, so there is nothing to save.")
        self.assertEqual(self.entries(), [])
        tty.assert_terminal_restored()

    def test_ctrl_c_during_the_pause_countdown(self):
        tty = self.start("pause", "--minutes", "2")
        tty.wait_for_text("How strong is the urge to reach out, 0-10?")
        tty.line("9")
        tty.wait_for_text("breathe")
        tty.press("C-c")
        tty.wait_for_text("Stop here?")
        tty.press("s")
        self.assertEqual(tty.wait_for_exit(), 130)
        entry = self.only_entry("pause")
        self.assert_saved_incomplete(entry, "urge_before: 9", "planned_seconds: 120")
        self.assertNotIn("outcome", entry)
        tty.assert_terminal_restored()

    def test_ctrl_c_during_the_audit_countdown_keeps_the_line_being_typed(self):
        tty = self.start("audit", "--minutes", "0.5")
        tty.wait_for_text("How anxious")
        tty.line("")
        tty.wait_for_text("left")
        tty.type("nobody has said anything unkind")
        tty.wait_for_text("nobody has said anything unkind")
        tty.press("C-c")
        tty.wait_for_text("Stop here?")
        tty.press("s")
        tty.wait_for_exit()
        entry = self.only_entry("audit")
        self.assert_saved_incomplete(entry, "  - nobody has said anything unkind\n")
        self.assertRegex(entry, r"elapsed_seconds: \d+\n")

    def test_ctrl_d_saves_what_was_typed(self):
        tty = self.start("script", "--situation", "you went quiet after dinner")
        tty.wait_for_text("I feel ›")
        tty.line("uneasy")
        tty.wait_for_text("I need ›")
        tty.press("C-d")
        self.assertEqual(tty.wait_for_exit(), 0)
        entry = self.only_entry("script")
        self.assert_saved_incomplete(entry, "situation: you went quiet after dinner",
                                     "feeling: uneasy")
        tty.assert_terminal_restored()

    def test_sigterm_and_sighup_save_the_line_being_typed(self):
        for number, status in ((SIGTERM, 143), (SIGHUP, 129)):
            with self.subTest(signal=number.name):
                tty = self.start_audit_with_typing()
                tty.signal(number)
                self.assertEqual(tty.wait_for_exit(), status)
                self.assert_saved_incomplete(self.only_entry("audit"), "  - they read my mess\n")
                tty.assert_terminal_restored()
                for entry in self.entries():
                    (self.journal / entry).unlink()

    def test_closing_the_terminal_saves_the_line_being_typed(self):
        tty = self.start_audit_with_typing()
        tty.hang_up()
        self.wait_for_entry()
        self.assert_saved_incomplete(self.only_entry("audit"),
                                     "  - the phone has been quiet since lunch\n",
                                     "  - they read my mess\n")

    def test_closing_the_terminal_during_the_pause(self):
        tty = self.start("pause", "--minutes", "2", "--urge-before", "7")
        tty.wait_for_text("breathe")
        tty.hang_up()
        self.wait_for_entry()
        self.assert_saved_incomplete(self.only_entry("pause"), "urge_before: 7")


if __name__ == "__main__":
    unittest.main()
