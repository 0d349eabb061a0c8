"""Conventions every command keeps: --help with an example, --version, exit
codes, messages on stderr and data on stdout, the journal folder's origin."""

import unittest

from harness import JournalTest

COMMANDS = ["audit", "script", "pause", "list", "show", "check", "edit"]


class CliTest(JournalTest):
    def test_help_on_every_command_has_an_example(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                result = self.ok(command, "--help")
                self.assertIn("Usage:", result.out)
                self.assertIn("settle " + command, result.out)
                self.assertRegex(result.out, r"Examples?:")

    def test_version(self):
        result = self.ok("--version")
        self.assertRegex(result.out, r"^settle \d+\.\d+\.\d+( \([A-Za-z0-9._+-]+\))?\n$")

    def test_no_command_without_a_terminal_is_a_usage_error(self):
        result = self.run_settle(stdin="")
        self.assertEqual(result.code, 2)
        self.assertIn("audit", result.err)
        self.assertEqual(result.out, "")

    def test_unknown_command(self):
        result = self.run_settle("paws")
        self.assertEqual(result.code, 2)
        self.assertEqual(result.err, "settle: error: \"paws\" is not a settle command\n"
                                     "Try 'settle --help'.\n")

    def test_command_line_mistakes_in_plain_words(self):
        cases = [
            (["list", "--bogus"], 'unknown option "--bogus"'),
            (["list", "extra"], 'unexpected "extra"'),
            (["pause", "--urge-before", "5", "--urge-before", "6"],
             "--urge-before was given more than once"),
            (["pause", "--urge-before"], "--urge-before needs a value"),
            (["pause", "--minutes", "abc"], '--minutes must be a number from 0.01 to 120, got "abc"'),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                result = self.run_settle(*args)
                self.assertEqual(result.code, 2, result)
                self.assertIn(f"settle: error: {message}\nTry 'settle {args[0]} --help'.",
                              result.err)
                self.assertEqual(self.entries(), [])

    def test_journal_flag_beats_environment(self):
        other = self.home / "other"
        self.ok("--journal", str(other), "pause", "--urge-before", "1", "--urge-after", "1",
                "--outcome", "waited")
        self.assertEqual(self.entries(), [])
        self.assertEqual(len(list(other.rglob("*.md"))), 1)

    def test_default_journal_is_under_xdg_data_home(self):
        env = {"SETTLE_JOURNAL": ""}
        self.ok("pause", "--urge-before", "1", "--urge-after", "1", "--outcome", "waited", env=env)
        self.assertEqual(len(list((self.home / "data" / "settle" / "journal").rglob("*.md"))), 1)

    def test_config_file_names_the_journal(self):
        config = self.home / "config" / "settle"
        config.mkdir(parents=True)
        (config / "config.yaml").write_text("journal: ~/from-config\n")
        self.ok("pause", "--urge-before", "1", "--urge-after", "1", "--outcome", "waited",
                env={"SETTLE_JOURNAL": ""})
        self.assertEqual(len(list((self.home / "from-config").rglob("*.md"))), 1)

    def test_broken_config_is_a_warning_with_its_line_and_an_error_for_config(self):
        config = self.home / "config" / "settle"
        config.mkdir(parents=True)
        (config / "config.yaml").write_text("journal: ~/j\npause:\n  minutes: -2\n")
        result = self.run_settle("list")
        self.assertEqual(result.code, 0, result)
        self.assertIn("warning: ", result.err)
        self.assertIn("config.yaml:3: pause.minutes must be", result.err)
        result = self.run_settle("config")
        self.assertEqual(result.code, 2)
        self.assertIn("config.yaml:3: pause.minutes must be", result.err)

    def test_color_flag_is_checked(self):
        self.assertEqual(self.run_settle("--color", "sometimes", "list").code, 2)
        self.ok("--color", "never", "list")


if __name__ == "__main__":
    unittest.main()
