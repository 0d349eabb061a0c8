"""Only a deliberate key press is an answer, and each exercise stays whole:
keys typed ahead, a sentence typed at a one-key question and multi-line
pastes never record an answer the person did not give; the audit asks for
its predictions whatever the timer says; crisis lines are one key away."""

import re
import unittest

from tty_harness import InteractiveTest, require_tmux


def elapsed(entry):
    return int(re.search(r"elapsed_seconds: (\d+)", entry).group(1))


@require_tmux
class DeliberateAnswers(InteractiveTest):
    def test_a_double_enter_before_the_pause_does_not_end_it(self):
        tty = self.start("pause", "--minutes", "0.1")
        tty.wait_for_text("How strong is the urge to reach out, 0-10?")
        tty.type("8")
        tty.press("Enter", "Enter")  # the second one typed ahead, in the same burst
        tty.wait_for_text("breathe")
        tty.wait_for_text("The pause is over.")
        self.assertNotIn("You ended the pause", tty.text())
        tty.wait_for_text("How strong is the urge now")
        tty.line("5")
        tty.wait_for_text("One key: 1, 2 or 3.")
        tty.choose("1")
        tty.close_ending()
        self.assertEqual(tty.wait_for_exit(), 0)
        entry = self.only_entry("pause")
        self.assertIn("urge_before: 8\nurge_after: 5\n", entry)
        self.assertEqual(elapsed(entry), 6)

    def test_a_sentence_typed_at_a_one_key_question_is_not_an_answer(self):
        tty = self.start("pause", "--no-timer", "--urge-before", "9", "--urge-after", "8")
        tty.wait_for_text("One key: 1, 2 or 3.")
        tty.type("I think 2 maybe, or 1")
        tty.wait_for_text("That looked like typing, so it is not taken as an answer.")
        self.assertNotIn("Enter keeps it", tty.text())
        tty.choose("3")
        tty.close_ending()
        self.assertEqual(tty.wait_for_exit(), 0)
        self.assertIn("outcome: undecided\n", self.only_entry("pause"))

    def test_a_typed_line_at_revisit_is_not_an_answer(self):
        self.ok("audit", "--know", "k", "--predict", "they'll be cold", "--at", "2026-11-01 10:00")
        tty = self.start("revisit")
        tty.wait_for_text("Did this happen?")
        tty.line("did they? hard to say")
        tty.wait_for_text("That looked like typing")
        self.assertNotIn("Enter keeps it", tty.text())
        tty.choose("?")  # not sure: it stays open
        self.assertEqual(tty.wait_for_exit(), 0)
        self.assertNotIn("predictions:", self.only_entry("audit"))

    def test_a_chosen_answer_is_echoed_and_can_be_changed(self):
        tty = self.start("pause", "--no-timer", "--urge-before", "9", "--urge-after", "8")
        tty.wait_for_text("One key: 1, 2 or 3.")
        tty.press_after("2", "→ I still need to reach out")
        tty.press_after("u", "Nothing recorded yet. Choose again")
        tty.choose("1")
        tty.close_ending()
        self.assertEqual(tty.wait_for_exit(), 0)
        self.assertIn("outcome: waited\n", self.only_entry("pause"))

    def test_a_paste_at_a_one_key_question_is_not_an_answer(self):
        tty = self.start("pause", "--no-timer", "--urge-before", "9", "--urge-after", "8")
        tty.wait_for_text("One key: 1, 2 or 3.")
        tty.paste("1\n2\n3")
        tty.wait_for_text("That looked like typing")
        tty.choose("2")
        tty.wait_for_text("no, not now")
        tty.press("n")
        tty.close_ending()
        self.assertEqual(tty.wait_for_exit(), 0)
        self.assertIn("outcome: reached-out\n", self.only_entry("pause"))


@require_tmux
class Pastes(InteractiveTest):
    def test_a_three_line_paste_into_each_audit_field(self):
        tty = self.start("audit", "--no-timer")
        tty.wait_for_text("How anxious are you right now")
        tty.paste("7\n8\n9\n")  # one line, not three answers
        tty.wait_for_text("(Enter skips) 7 8 9")
        tty.press("Enter")
        tty.wait_for_text("A whole number from 0 to 10")
        tty.line("7")
        tty.wait_for_text("know ›")
        tty.paste("It is Tuesday\nThey replied at noon\nThe phone is charged\n")
        tty.wait_for_text("• The phone is charged")
        tty.line("")
        tty.wait_for_text("predict ›")
        tty.paste("They are bored of me\nThey will not call\nI will be alone")
        tty.wait_for_text("• I will be alone")
        tty.line("")
        tty.wait_for_text("How anxious are you now")
        tty.paste("4\nmore\nlines")
        tty.wait_for_text("4 more lines")
        tty.press("Enter")
        tty.wait_for_text("A whole number from 0 to 10")
        tty.line("4")
        self.save(tty)
        entry = self.only_entry("audit")
        self.assertIn("anxiety_before: 7\nanxiety_after: 4\n", entry)
        self.assertIn("know:\n  - It is Tuesday\n  - They replied at noon\n"
                      "  - The phone is charged\npredict:\n  - They are bored of me\n"
                      "  - They will not call\n  - I will be alone\n", entry)

    def test_a_three_line_paste_into_each_script_field(self):
        tty = self.start("script")
        tty.wait_for_text("When ›")
        tty.paste("you were late\nand did not text\nall evening")
        tty.wait_for_text("When › you were late and did not text all evening")
        tty.press("Enter")
        tty.wait_for_text("I feel ›")
        tty.paste("scared\nsmall\ntired\n")
        tty.wait_for_text("I feel › scared small tired")
        tty.press("Enter")
        tty.wait_for_text("I need ›")
        tty.paste("to know\nwe are\nokay")
        tty.wait_for_text("I need › to know we are okay")
        tty.press("Enter")
        self.save(tty)
        entry = self.only_entry("script")
        self.assertIn("situation: you were late and did not text all evening\n", entry)
        self.assertIn("feeling: scared small tired\n", entry)
        self.assertIn("need: to know we are okay\n", entry)

    def test_a_three_line_paste_into_the_revisit_note(self):
        self.ok("script", "--situation", "s", "--feel", "f", "--need", "n",
                "--at", "2026-11-02 10:00")
        tty = self.start("revisit")
        tty.wait_for_text("Did you share it?")
        tty.choose("k")
        tty.wait_for_text("A note, if you like")
        tty.paste("we talked\nit helped\na bit")
        tty.wait_for_text("we talked it helped a bit")
        tty.press("Enter")
        self.assertEqual(tty.wait_for_exit(), 0)
        self.assertIn("note: we talked it helped a bit\n", self.only_entry("script"))


@require_tmux
class WholeExercises(InteractiveTest):
    def test_the_audit_timing_out_on_know_still_asks_the_predictions(self):
        tty = self.start("audit", "--minutes", "0.05", "--anxiety-before", "6")
        tty.wait_for_text("know ›")
        tty.line("They have not answered yet")
        tty.wait_for_text("The predictions still matter")
        tty.wait_for_text("What are you predicting?")
        tty.line("They are angry with me")
        tty.line("")
        tty.wait_for_text("How anxious are you now")
        tty.line("")
        tty.keep()
        tty.wait_for_text("In a day or two, `settle revisit` asks whether these came true.")
        tty.close_ending()
        self.assertEqual(tty.wait_for_exit(), 0)
        entry = self.only_entry("audit")
        self.assertIn("know:\n  - They have not answered yet\npredict:\n"
                      "  - They are angry with me\n", entry)
        self.assertNotIn("incomplete", entry)

    def test_an_empty_first_line_asks_once_more(self):
        tty = self.start("audit", "--no-timer", "--anxiety-before", "4")
        tty.wait_for_text("know ›")
        tty.line("")
        tty.wait_for_text("Nothing here yet. Even one small thing helps")
        tty.line("The door is locked")
        tty.line("")
        tty.wait_for_text("predict ›")
        tty.line("")
        tty.wait_for(lambda lines: "\n".join(lines).count("Nothing here yet") == 2,
                     "the second gentle question")
        tty.line("")
        tty.wait_for_text("How anxious are you now")
        tty.line("")
        self.save(tty)
        self.assertIn("know:\n  - The door is locked\n", self.only_entry("audit"))

    def test_the_review_can_change_an_answer(self):
        tty = self.start("script", "--feel", "scared", "--need", "rest")
        tty.wait_for_text("When ›")
        tty.line("When you went quiet")  # "When" is not said twice
        tty.wait_for_text("When you went quiet, I notice I feel scared")
        tty.wait_for_text("Save this?")
        tty.change("1", "When › you went quiet")
        tty.press("C-u")
        tty.line("I feel the evening was long")
        tty.wait_for_text("When I feel the evening was long, I notice I feel scared")
        self.save(tty)
        self.assertIn("situation: I feel the evening was long\n", self.only_entry("script"))

    def test_the_review_can_change_every_field_of_an_audit(self):
        tty = self.start("audit", "--no-timer", "--tag", "late", "--note", "first note")
        tty.wait_for_text("How anxious are you right now")
        tty.line("6")
        tty.wait_for_text("know ›")
        tty.line("The door is locked")
        tty.line("")
        tty.wait_for_text("predict ›")
        tty.line("They will leave")
        tty.line("")
        tty.wait_for_text("How anxious are you now")
        tty.line("")  # skipped here, given at the review
        tty.wait_for_text("Anxiety 6 → not rated")
        tty.wait_for_text("Tags  #late")
        tty.wait_for_text("Save this?")
        tty.change("3", "(empty: no rating) 6")  # the rating stands on the line
        tty.press("BSpace")
        tty.line("8")
        tty.wait_for_text("Anxiety 8 → not rated")
        tty.change("4", "How anxious are you now")
        tty.line("3")
        tty.wait_for_text("Anxiety 8 → 3")
        tty.change("5", "tags › late")
        tty.line(" #night")
        tty.wait_for_text("Tags  #late #night")
        tty.change("6", "note › first note")
        tty.press("C-u")
        tty.line("a calmer note")
        tty.wait_for_text("  a calmer note")
        tty.change("2", "line ›")
        tty.line("1")
        tty.wait_for_text("predict › They will leave")
        tty.press("C-u")
        tty.line("They might need time")
        tty.wait_for_text("• They might need time")
        self.save(tty)
        entry = self.only_entry("audit")
        self.assertIn("tags:\n  - late\n  - night\n", entry)
        self.assertIn("anxiety_before: 8\nanxiety_after: 3\n", entry)
        self.assertIn("predict:\n  - They might need time\n", entry)
        self.assertTrue(entry.endswith("---\na calmer note\n"), entry)

    def test_the_review_can_take_a_rating_away_and_change_a_scripts_tags(self):
        tty = self.start("audit", "--no-timer", "--anxiety-before", "4", "--anxiety-after", "2")
        tty.wait_for_text("know ›")
        tty.line("k")
        tty.line("")
        tty.wait_for_text("predict ›")
        tty.line("p")
        tty.line("")
        tty.wait_for_text("Anxiety 4 → 2")
        tty.change("4", "(empty: no rating) 2")
        tty.press("BSpace")
        tty.press("Enter")
        tty.wait_for_text("Anxiety 4 → not rated")
        self.save(tty)
        entry = self.only_entry("audit")
        self.assertIn("anxiety_before: 4\n", entry)
        self.assertNotIn("anxiety_after", entry)

        tty = self.start("script", "--situation", "s", "--feel", "f", "--tag", "old")
        tty.wait_for_text("I need ›")
        tty.line("n")
        tty.wait_for_text("Tags  #old")
        tty.change("4", "tags › old")
        tty.press("C-u")
        tty.line("new, other")
        tty.wait_for_text("Tags  #new #other")
        self.save(tty)
        self.assertIn("tags:\n  - new\n  - other\n", self.only_entry("script"))

    def test_lead_ins_typed_are_not_doubled(self):
        tty = self.start("script")
        tty.wait_for_text("When ›")
        tty.line("when you left early,")
        tty.wait_for_text("I feel ›")
        tty.line("I feel unsettled")
        tty.wait_for_text("I need ›")
        tty.line("I need a hug")
        self.save(tty)
        self.assertIn("sentence: When you left early, I notice I feel unsettled, and what I'm "
                      "actually needing is a hug.", self.only_entry("script"))

    def test_an_incomplete_script_stores_no_broken_sentence(self):
        tty = self.start("script")
        tty.wait_for_text("When ›")
        tty.line("you went quiet")
        tty.wait_for_text("I feel ›")
        tty.press("C-c")
        tty.wait_for_text("Stop here?")
        tty.press("s")
        self.assertEqual(tty.wait_for_exit(), 130)
        entry = self.only_entry("script")
        self.assertIn("incomplete: true", entry)
        self.assertNotIn("sentence", entry)

    def test_the_urge_rating_may_be_skipped_and_read_as_people_write_it(self):
        tty = self.start("pause", "--no-timer")
        tty.wait_for_text("How strong is the urge to reach out")
        tty.line("")
        tty.wait_for_text("Put one hand on your chest.")  # said once without the timer
        tty.wait_for_text("How strong is the urge now")
        tty.line("3/10")
        tty.wait_for_text("or was the pull mostly the anxiety?")
        tty.wait_for_text("One key: 1, 2 or 3.")
        tty.choose("1")
        tty.close_ending()
        self.assertEqual(tty.wait_for_exit(), 0)
        entry = self.only_entry("pause")
        self.assertNotIn("urge_before", entry)
        self.assertIn("urge_after: 3\n", entry)

    def test_a_rating_with_a_full_stop(self):
        tty = self.start("audit", "--no-timer")
        tty.wait_for_text("How anxious are you right now")
        tty.line("8.")
        tty.wait_for_text("know ›")
        tty.press("C-c")
        tty.wait_for_text("Stop here?")
        tty.press("s")
        tty.wait_for_exit()
        self.assertIn("anxiety_before: 8\n", self.only_entry("audit"))


@require_tmux
class CrisisIsOneKeyAway(InteractiveTest):
    def test_c_from_the_ctrl_c_dialog(self):
        tty = self.start("script")
        tty.wait_for_text("When ›")
        tty.type("the flat is quiet")
        tty.wait_for_text("When › the flat is quiet")
        tty.press("C-c")
        tty.wait_for_text("c crisis lines")
        tty.press("c")
        tty.wait_for_text("9-8-8")
        self.assertIn("911", tty.text())
        tty.press_after("Enter", "When › the flat is quiet")  # and the session goes on
        tty.press("C-c")
        tty.wait_for_text("Stop here?")
        tty.press("d")
        self.assertEqual(tty.wait_for_exit(), 130)
        self.assertEqual(self.entries(), [])

    def test_c_from_the_countdown_and_the_pause_goes_on(self):
        tty = self.start("pause", "--minutes", "1", "--urge-before", "7")
        tty.wait_for_text("c crisis lines")
        tty.press("c")
        tty.wait_for_text("9-8-8")
        self.assertNotIn("You ended the pause", tty.text())
        tty.wait_for_text("breathe")
        tty.press("C-c")
        tty.wait_for_text("Stop here?")
        tty.press("d")
        self.assertEqual(tty.wait_for_exit(), 130)

    def test_c_at_the_end_of_an_exercise(self):
        tty = self.start("script", "--situation", "s", "--feel", "f")
        tty.wait_for_text("I need ›")
        tty.line("quiet")
        tty.keep()
        tty.wait_for_text("c crisis lines   any other key closes")
        tty.press("c")
        tty.wait_for_text("9-8-8")
        tty.close_ending()
        self.assertEqual(tty.wait_for_exit(), 0)


if __name__ == "__main__":
    unittest.main()
