"""The guided script at a terminal: three answers with line editing and
Tab completion, the composed sentence on stdout, and flags taken as answers."""

import unittest

from tty_harness import InteractiveTest, require_tmux


@require_tmux
class GuidedScript(InteractiveTest):
    def test_happy_path_with_tab_completion(self):
        tty = self.start("script")
        tty.wait_for_text("What is happening?")
        tty.line("we haven't talked properly for a few days")
        tty.wait_for_text("I feel ›")
        tty.type("anx")
        tty.press("Tab")
        tty.wait_for_text("I feel › anxious")
        tty.type(" and lo")
        tty.press("Tab")
        tty.wait_for_text("lonely")
        self.assertIn("longing", tty.text())  # the choices are listed
        tty.type("nel")
        tty.press("Tab")
        tty.wait_for_text("I feel › anxious and lonely")
        tty.press("Enter")
        tty.wait_for_text("I need ›")
        tty.type("to hear th")
        tty.press("Tab")
        tty.wait_for_text("I need › to hear that we're okay")
        tty.press("Enter")
        self.save(tty)
        sentence = ("When we haven't talked properly for a few days, I notice I feel anxious "
                    "and lonely, and what I'm actually needing is to hear that we're okay.")
        entry = self.only_entry("script")
        self.assertIn("feeling: anxious and lonely\n", entry)
        self.assertIn("need: to hear that we're okay\n", entry)
        self.assertIn(f"sentence: {sentence}", entry)
        self.assertNotIn("incomplete", entry)
        tty.wait_for_text("Saved 20")
        self.assertIn(sentence.replace(" ", ""), tty.text().replace("\n", "").replace(" ", ""))
        tty.assert_terminal_restored()

    def test_line_editing_and_history(self):
        tty = self.start("script")
        tty.wait_for_text("When ›")
        tty.type("the evening was quiet")
        tty.press("C-a")
        tty.type("all ")
        tty.press("Enter")
        tty.wait_for_text("I feel ›")
        tty.press("Up")  # the earlier answer comes back
        tty.wait_for_text("I feel › all the evening was quiet")
        tty.press("C-u")
        tty.line("unsettled é")
        tty.wait_for_text("I need ›")
        tty.line("closeness")
        self.save(tty)
        entry = self.only_entry("script")
        self.assertIn("situation: all the evening was quiet\n", entry)
        self.assertIn("feeling: unsettled é\n", entry)

    def test_accents_are_kept_when_the_locale_is_not_utf8(self):
        tty = self.start("script", "--feel", "sad", "--need", "rest", env={"LANG": "C"})
        tty.wait_for_text("When >")
        tty.line("café à deux, straße")
        self.save(tty)
        self.assertIn("situation: café à deux, straße\n", self.only_entry("script"))

    def test_flags_given_are_not_asked_again(self):
        tty = self.start("script", "--situation", "you were late", "--need", "a plan")
        tty.wait_for_text("I feel ›")
        self.assertNotIn("When ›", tty.text())
        tty.line("worried")
        self.save(tty)
        self.assertNotIn("I need ›", tty.text())
        self.assertIn("sentence: When you were late, I notice I feel worried, and what I'm "
                      "actually needing is a plan.", self.only_entry("script"))

    def test_an_empty_answer_is_asked_again(self):
        tty = self.start("script", "--situation", "x", "--feel", "sad")
        tty.wait_for_text("I need ›")
        tty.line("")
        tty.wait_for_text("A few words are enough.")
        tty.line("rest")
        self.save(tty)
        self.assertIn("need: rest\n", self.only_entry("script"))


class ScriptWithoutATerminal(InteractiveTest):
    def test_a_pipe_keeps_todays_behaviour(self):
        result = self.run_settle("script", "--situation", "x")
        self.assertEqual(result.code, 2, result)
        self.assertEqual(self.entries(), [])


if __name__ == "__main__":
    unittest.main()
