"""The conventions people rely on from any command-line tool: write errors
on standard output fail loudly, colour follows the usual variables, the
version says what was built, a missing journal is named, and mistakes get a
suggestion rather than a wall."""

import json
import os
import re
import unittest
from pathlib import Path

from harness import JournalTest
from tty_harness import InteractiveTest, require_tmux

ESC = "\x1b["


class WriteErrors(JournalTest):
    """`>/dev/full`: every command and format says so and exits 1."""

    def setUp(self):
        super().setUp()
        self.ok("pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited",
                "--at", "2026-11-20 21:00", "--note", "a walk")
        self.ok("audit", "--know", "it is late", "--predict", "no reply", "--at",
                "2026-11-21 21:00")

    def run_into_full_disk(self, *args):
        with open("/dev/full", "w") as full:
            import subprocess
            from harness import BINARY
            return subprocess.run([BINARY, *args], stdout=full, stderr=subprocess.PIPE,
                                  text=True, env=self.env, timeout=60)

    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_every_reader_and_format_fails_on_a_full_disk(self):
        cases = [["--version"], ["--help"], ["list", "--help"], ["crisis"],
                 ["read"], ["read", "--all", "--plain"], ["summary", "--all"],
                 ["revisit", "--older-than", "0d"], ["revisit", "--older-than", "0d",
                                                     "--format", "json"]]
        for fmt in ["text", "markdown", "json"]:
            cases += [["list", "--format", fmt], ["show", "--format", fmt],
                      ["summary", "--all", "--format", fmt]]
        for args in cases:
            with self.subTest(args=args):
                result = self.run_into_full_disk(*args)
                self.assertEqual(result.returncode, 1, result.stderr)
                # The reason, when a command had not already met (and
                # swallowed) it while flushing on its own.
                self.assertRegex(result.stderr, r"(?m)^settle: error: cannot write the output"
                                                r"(: No space left on device)?$")

    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_a_write_with_print_path_says_so_but_keeps_the_entry(self):
        result = self.run_into_full_disk("script", "--situation", "s", "--feel", "f",
                                         "--need", "n", "--print-path")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("cannot write the output", result.stderr)
        self.assertEqual(len(self.entries()), 3)


class Colour(JournalTest):
    """Output into a pipe has no colour unless asked for, by flag or by the
    variables other tools share."""

    def styled(self, *args, env=None):
        return ESC in self.ok("crisis", *args, env=env).out

    def test_no_colour_into_a_pipe_by_default(self):
        self.assertFalse(self.styled())

    def test_clicolor_force_and_force_color(self):
        self.assertTrue(self.styled(env={"CLICOLOR_FORCE": "1"}))
        self.assertTrue(self.styled(env={"FORCE_COLOR": "1"}))
        self.assertTrue(self.styled(env={"FORCE_COLOR": "true"}))
        self.assertFalse(self.styled(env={"FORCE_COLOR": "0"}))
        self.assertFalse(self.styled(env={"CLICOLOR_FORCE": ""}))

    def test_no_color_and_the_flag_win_over_forcing(self):
        self.assertFalse(self.styled(env={"FORCE_COLOR": "1", "NO_COLOR": "1"}))
        self.assertFalse(self.styled("--color", "never", env={"CLICOLOR_FORCE": "1"}))

    def test_color_after_the_command(self):
        self.assertTrue(self.styled("--color", "always"))
        self.assertTrue(ESC in self.ok("--color", "always", "crisis").out)
        self.assertEqual(self.run_settle("crisis", "--color", "sometimes").code, 2)
        # The journal too: a global option anywhere on the line.
        other = self.home / "other"
        self.ok("pause", "--urge-before", "1", "--urge-after", "1", "--outcome", "waited",
                "--journal", str(other))
        self.assertEqual(len(list(other.rglob("*.md"))), 1)


@require_tmux
class ColourAtATerminal(InteractiveTest):
    def crisis_screen(self, env):
        tty = self.start("crisis", env=env)
        self.assertEqual(tty.wait_for_exit(), 0)
        return tty.styled_screen()

    def test_a_terminal_gets_colour_but_not_a_dumb_one(self):
        self.assertIn("\x1b[", self.crisis_screen({"TERM": "screen"}))
        self.assertNotIn("\x1b[", self.crisis_screen({"TERM": "dumb"}))
        self.assertIn("\x1b[", self.crisis_screen({"TERM": "dumb", "FORCE_COLOR": "1"}))


class Version(JournalTest):
    def test_version_names_settle_and_the_build(self):
        out = self.ok("--version").out
        self.assertRegex(out, r"^settle 0\.1\.0( \([A-Za-z0-9._+-]+\))?\n$")


class MissingJournal(JournalTest):
    """A journal folder that does not exist is named, never passed off as an
    empty journal; the output is still what an empty journal gives."""

    def test_readers_name_the_missing_folder(self):
        gone = self.home / "no-such-journal"
        for args, verb in [(["list"], "list"), (["summary"], "summarize"),
                           (["check"], "check"), (["revisit"], "revisit")]:
            with self.subTest(args=args):
                result = self.run_settle("--journal", str(gone), *args)
                self.assertEqual(result.code, 0, result)
                self.assertIn(f"settle: no journal at {gone}; nothing to {verb}\n", result.err)
        listed = self.ok("--journal", str(gone), "list", "--format", "json")
        self.assertEqual(json.loads(listed.out), [])
        self.assertFalse(gone.exists(), "reading never makes the folder")

    def test_an_empty_journal_says_nothing_of_the_kind(self):
        self.journal.mkdir(mode=0o700)
        self.assertNotIn("no journal", self.ok("list").err)


class DidYouMean(JournalTest):
    def error(self, *args):
        result = self.run_settle(*args)
        self.assertEqual(result.code, 2, result)
        self.assertEqual(self.entries(), [])
        return result.err

    def test_a_mistyped_command(self):
        self.assertEqual(self.error("pasue"),
                         "settle: error: \"pasue\" is not a settle command; did you mean "
                         "settle pause?\nTry 'settle --help'.\n")
        self.assertIn("did you mean settle summary?", self.error("sumary", "--all"))
        self.assertIn("did you mean settle revisit?", self.error("revist"))
        self.assertNotIn("did you mean", self.error("xyzzy"))

    def test_a_mistyped_option_is_named_not_its_value(self):
        err = self.error("pause", "--urge-before", "5", "--outcme", "waited")
        self.assertEqual(err, "settle: error: unknown option \"--outcme\"; did you mean "
                              "--outcome?\nTry 'settle pause --help'.\n")
        self.assertIn('unknown option "--outcme"; did you mean --outcome?',
                      self.error("pause", "--outcme=waited"))
        self.assertIn('unknown option "--contain"; did you mean --contains?',
                      self.error("list", "--contain", "cafe"))
        # A global option is suggested too.
        self.assertIn('did you mean --journal?', self.error("list", "--jurnal", "x"))
        self.assertNotIn("did you mean", self.error("list", "--zzzzzz"))


class PlainHelp(JournalTest):
    """--help speaks of values in words, never the parser's internals."""

    def test_no_parser_internals_in_any_help(self):
        pages = [self.ok("--help").out]
        for line in self.ok("--help").out.splitlines():
            words = line.split()
            if line.startswith("  ") and words and re.fullmatch(r"[a-z]+", words[0]):
                pages.append(self.ok(words[0], "--help").out)
        self.assertGreater(len(pages), 10)
        for page in pages:
            for internal in ["FLOAT", "INT", "Excludes", "Needs:", " in [", "TEXT:", "REQUIRED",
                             "UINT", "[Option"]:
                self.assertNotIn(internal, page)
        pause = self.ok("pause", "--help").out
        self.assertRegex(pause, r"--minutes MINUTES\s+Run a timer of this many minutes")
        self.assertRegex(pause, r"--at WHEN\s")
        self.assertIn("--width COLUMNS", self.ok("summary", "--help").out)


if __name__ == "__main__":
    unittest.main()
