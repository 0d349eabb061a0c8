"""Every screen fits the terminal: at 40 and 80 columns each line of prose is
word-wrapped, never broken in the middle of a word.

Each screen is driven to its end three times on a fresh journal: at 200
columns, where nothing needs wrapping, and at 40 and 80. Every word the
narrow screens show must be a word the wide one showed (a word broken
across two lines shows as two pieces that are not), every line must fit,
and the screen's own sentences must read whole once the lines are joined."""

import os
import re
import stat
import unittest

from tty_harness import InteractiveTest, require_tmux

WIDE = 200
# A date or an entry's time changes from run to run (a session saves "now"),
# and so does the journal's folder (a fresh one for each run).
CHANGES_BETWEEN_RUNS = re.compile(r"\d{4}-\d\d-\d\d|\d\d:\d\d|/journal-")


def words(lines):
    """The words of the lines that hold a letter (bars and rules do not)."""
    return [word for line in lines for word in line.split()
            if any(c.isalpha() for c in word) and not CHANGES_BETWEEN_RUNS.search(word)]


def joined(lines):
    return " ".join(" ".join(line.split()) for line in lines if line.strip())


class Screen:
    """One screen: how to fill its journal, the command, how to drive it to
    its end, and sentences it must show whole."""

    def __init__(self, name, args, steps, prose=(), seed=None, env=None, status=None,
                 prose_until=None):
        self.name = name
        self.args = args
        self.steps = steps
        self.prose = prose
        self.seed = seed or (lambda test, journal: None)
        self.env = env or {}
        self.status = status
        # The summary's charts are tables, laid out for 60 columns or more;
        # only the sentences above them are checked.
        self.prose_until = prose_until


def menu(tty):
    tty.wait_for_text("not now")
    tty.press("r")
    tty.wait_for_text("topic ›")
    tty.press("Enter")  # back to the menu
    tty.wait_for(lambda lines: "not now" in "\n".join(lines).rpartition("topic ›")[2],
                 "the menu again")
    tty.press("q")


def pause(tty):
    tty.wait_for_text("How strong is the urge to reach out")
    tty.line("6")
    tty.wait_for_text("c crisis")  # under the countdown
    tty.press("c")
    tty.wait_for_text("9-8-8")
    tty.wait_for_text("left")  # the countdown goes on; a key ends it early
    tty.press("Space")
    tty.wait_for_text("How strong is the urge now", timeout=90)
    tty.line("4")
    tty.wait_for_text("One key: 1, 2 or 3.")
    tty.choose("1")
    tty.close_ending()


def audit(tty):
    tty.wait_for_text("know ›")
    tty.line("")
    tty.wait_for_text("Nothing here yet")
    tty.line("The kettle is on and the door is locked")
    tty.type("and the heating hums")
    tty.wait_for_text("the heating hums")
    tty.press("C-c")  # the Ctrl-C dialog, and its crisis key
    tty.wait_for_text("Stop here?")
    tty.press("c")
    tty.wait_for_text("9-8-8")
    tty.press_after("Enter", "the heating hums")
    tty.press("Enter")
    tty.line("")
    tty.wait_for_text("predict ›")
    tty.line("They will be cold with me when they come home tonight")
    tty.line("")
    tty.wait_for_text("Save this?")
    tty.change("4", "How anxious are you now")
    tty.press("C-u")
    tty.line("2")
    tty.keep()
    tty.close_ending()


def script(tty):
    tty.wait_for_text("When ›")
    # Short enough that the line being typed fits: the line editor shows
    # what is typed as it comes, as a shell does.
    tty.line("you went quiet")
    tty.wait_for_text("I feel ›")
    tty.line("scared")
    tty.wait_for_text("I need ›")
    tty.line("to hear from you")
    tty.wait_for_text("Save this?")
    tty.change("4", "tags ›")
    tty.line("evening")
    tty.keep()
    tty.close_ending()


def revisit(tty):
    tty.wait_for_text("Did this happen?")
    tty.choose("h")


def nothing(tty):
    pass


def seed_prediction(test, journal):
    test.ok("--journal", journal, "audit", "--know", "k", "--predict",
            "they will decide that they have had enough of me", "--at", "2026-11-01 10:00")


def seed_script(test, journal):
    test.ok("--journal", journal, "script", "--situation", "the house went quiet in the evening",
            "--feel", "lonely", "--need", "closeness", "--at", "2026-11-01 10:00")


def seed_summary(test, journal):
    seed_prediction(test, journal)
    seed_script(test, journal)
    test.ok("--journal", journal, "audit", "--know", "k", "--predict", "p", "--anxiety-before",
            "7", "--anxiety-after", "4", "--at", "2026-11-02 10:00", "--tag",
            "an-unusually-long-tag-for-a-narrow-screen")


def screens(editor_path):
    return [
        Screen("menu", [], menu, [
            "Sort what you know from what you fear",
            "Sit with the urge before reaching out",
            "A number, then Enter; Enter alone goes back.",
            "Crisis lines, if you need someone now"]),
        Screen("pause", ["pause", "--minutes", "0.5"], pause, [
            "Tolerating the pause. A few minutes with the urge, without acting on it yet.",
            "How strong is the urge to reach out, 0-10?",
            "In a crisis, call your local emergency services or a crisis line now.",
            "Do you still need to reach out, or was the pull mostly the anxiety?",
            "It was mostly the anxiety; I can wait",
            "Enter keeps it, u changes it",
            "The urge may come back; the pause is here whenever it helps."]),
        Screen("audit", ["audit", "--no-timer", "--anxiety-before", "5", "--anxiety-after", "3"],
               audit, [
                   "Certainty audit. What you know is true right now, beside what you fear.",
                   "Nothing here yet. Even one small thing helps; Enter again moves on.",
                   "Stop here? s save what you wrote d discard it Enter keep going",
                   "crisis lines, if you need someone now",
                   "The built-in numbers are for Canada and Alberta.",
                   "What are you predicting? Let the worries out, onto the page.",
                   "Which part? 1 what you know 2 what you predict 3 anxiety before",
                   "Anxiety 5 → 2",
                   "In a day or two, `settle revisit` asks whether these came true."]),
        Screen("script", ["script"], script, [
            "Name the feeling, not the partner. Three short answers make one sentence you "
            "could say.",
            "When you went quiet, I notice I feel scared, and what I'm actually needing is to "
            "hear from you.",
            "Tags #evening",
            "When you have said it, sent it or kept it, `settle revisit` asks how it went, "
            "if you like."]),
        Screen("revisit", ["revisit"], revisit, [
            "Your answers are saved as you go; Ctrl-C stops at any point.",
            "they will decide that they have had enough of me",
            "[h] happened [p] partly [d] didn't [?] not sure [Enter] skip",
            "That's all for now."], seed=seed_prediction),
        Screen("edit", ["edit"], nothing, [
            "no $VISUAL or $EDITOR is set; set one to choose your editor",
            "To leave it: save the file and quit the editor to come back.",
            "as you wrote it, but settle cannot read it yet:",
            "again to fix it."],
               seed=seed_script, status=1,
               env={"VISUAL": "", "EDITOR": "",
                    "PATH": f"{editor_path}:{os.environ.get('PATH', '/usr/bin:/bin')}"}),
        Screen("summary", ["summary", "--since", "2026-10-01", "--until", "2026-11-30"], nothing, [
            "Things known",
            "2 (1.0 known for each prediction)",
            "7 before, 4 after (change −3)",
            "Feelings named lonely 1"],
               seed=seed_summary, env={"PAGER": ""}, prose_until=("Week by week",
                                                                   "Month by month")),
        Screen("summary of nothing", ["summary", "--since", "2026-10-01", "--tag", "nothing",
                                      "--tag", "a-somewhat-long-tag"],
               nothing, ["no journal at", "nothing to summarize",
                         "Counting only entries tagged #nothing, tagged #a-somewhat-long-tag.",
                         "No entries in this period."],
               env={"PAGER": ""}),
        Screen("crisis", ["crisis"], nothing, [
            "In a crisis, call your local emergency services or a crisis line now.",
            "Suicide Crisis Helpline (Canada), call or text, 24 hours",
            "To add the lines where you live, list them under `crisis:` in",
            "settle is educational, not medical advice, diagnosis or treatment."]),
    ]


@require_tmux
class EveryScreenWrapsBetweenWords(InteractiveTest):
    def setUp(self):
        super().setUp()
        # An editor that leaves the entry unreadable, for edit's longest message.
        self.bin = self.home / "bin"
        self.bin.mkdir()
        editor = self.bin / "editor"
        editor.write_text("#!/bin/sh\nsed -i 's/^kind: script$/kind: a-kind-settle-lacks/' \"$1\"\n")
        editor.chmod(stat.S_IRWXU)

    def run_screen(self, screen, width):
        journal = str(self.home / f"journal-{screen.name.replace(' ', '-')}-{width}")
        screen.seed(self, journal)
        tty = self.start("--journal", journal, *screen.args, width=width, height=60,
                         env=screen.env)
        screen.steps(tty)
        status = tty.wait_for_exit(timeout=60)
        if screen.status is not None:
            self.assertEqual(status, screen.status, tty.text())
        # tmux's own last line, once settle has exited, is not settle's.
        lines = [line for line in tty.history() if not line.startswith("Pane is dead")]
        if screen.prose_until:
            ends = [i for i, line in enumerate(lines) if line.startswith(screen.prose_until)]
            self.assertTrue(ends, "\n".join(lines))
            lines = lines[:ends[0]]
        return lines

    def test_no_word_is_broken_at_40_or_80_columns(self):
        for screen in screens(self.bin):
            with self.subTest(screen=screen.name):
                wide_lines = self.run_screen(screen, WIDE)
                wide = set(words(wide_lines))
                for width in (40, 80):
                    lines = self.run_screen(screen, width)
                    shown = "\n".join(lines)
                    for line in lines:
                        self.assertLessEqual(len(line), width, f"{width} columns:\n{shown}")
                    # Only a word longer than a line (a long path) may be cut.
                    too_long = [word for line in wide_lines for word in line.split()
                                if len(word) > width - 8]
                    broken = [word for word in words(lines) if word not in wide and
                              not any(word in long_word for long_word in too_long)]
                    self.assertEqual(broken, [], f"{width} columns:\n{shown}")
                    text = joined(lines)
                    for sentence in screen.prose:
                        self.assertIn(" ".join(sentence.split()), text,
                                      f"{width} columns:\n{shown}")


if __name__ == "__main__":
    unittest.main()
