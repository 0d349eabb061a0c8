"""Manual pages: lint-clean, cross-references that resolve, and `settle
help` opening them (or falling back to --help without man)."""

import re
import shutil
import subprocess
import unittest
from pathlib import Path

from harness import JournalTest

MAN = Path(__file__).resolve().parents[2] / "man"
PAGES = sorted(MAN.glob("man[15]/*.[15]"))


class ManPageTest(JournalTest):
    def commands(self):
        out = self.ok("__complete", "--", "").out
        return [line.split("\t")[0] for line in out.splitlines()]

    def test_pages_exist_for_settle_and_the_formats(self):
        for page in ["man1/settle.1", "man5/settle-journal.5", "man5/settle-config.5"]:
            self.assertTrue((MAN / page).is_file(), page)
        for command in self.commands():
            self.assertTrue((MAN / "man1" / f"settle-{command}.1").is_file(), command)

    @unittest.skipUnless(shutil.which("mandoc"), "mandoc is not installed")
    def test_mandoc_lint_is_clean(self):
        # Style notes about cross-references are left out: mandoc looks them
        # up in the system's manual database, where these pages are not yet.
        # test_cross_references_resolve checks them against man/ instead.
        lint = subprocess.run(["mandoc", "-Tlint", "-W", "warning", *map(str, PAGES)],
                              capture_output=True, text=True)
        self.assertEqual(lint.stdout + lint.stderr, "")
        self.assertEqual(lint.returncode, 0)
        style = subprocess.run(["mandoc", "-Tlint", *map(str, PAGES)], capture_output=True,
                               text=True)
        notes = [line for line in (style.stdout + style.stderr).splitlines()
                 if "referenced manual not found" not in line and "mandoc.db" not in line]
        self.assertEqual(notes, [])

    @unittest.skipUnless(shutil.which("groff"), "groff is not installed")
    def test_groff_has_no_warnings(self):
        for page in PAGES:
            run = subprocess.run(["groff", "-ww", "-z", "-mdoc", str(page)], capture_output=True,
                                 text=True)
            self.assertEqual(run.stderr, "", page.name)

    def test_cross_references_resolve(self):
        for page in PAGES:
            for name, section in re.findall(r"^\.Xr (settle\S*) (\d)", page.read_text(), re.M):
                self.assertTrue((MAN / f"man{section}" / f"{name}.{section}").is_file(),
                                f"{page.name} refers to {name}({section})")

    def test_the_journal_page_documents_every_key_and_the_schema(self):
        text = (MAN / "man5" / "settle-journal.5").read_text()
        # Every key of the contract's table, so a key added there needs a
        # line here too.
        contract = (MAN.parent / "docs" / "entry-format.md").read_text()
        keys = re.findall(r"^\| `([a-z_]+)` \|", contract, re.M)
        self.assertIn("urge_before", keys)
        for key in keys + ["planned_seconds", "elapsed_seconds"]:
            self.assertRegex(text, rf"Cm {key}\b", key)
        self.assertIn("Safe hand edits", text)
        self.assertIn("YYYY-MM-DD-HHMMSS", text)

    def test_help_of_every_command_has_an_example(self):
        for command in self.commands():
            with self.subTest(command=command):
                self.assertRegex(self.ok(command, "--help").out, r"Examples?:")


@unittest.skipUnless(shutil.which("man"), "man is not installed")
class HelpCommandTest(JournalTest):
    def test_opens_the_page_of_a_command(self):
        result = self.ok("help", "pause", env={"MANPAGER": "cat", "PAGER": "cat",
                                               "MANWIDTH": "80"})
        self.assertIn("tolerate the pause", result.out)
        self.assertIn("--urge-before", result.out)

    def test_opens_settle_and_the_journal_format(self):
        env = {"MANPAGER": "cat", "PAGER": "cat"}
        self.assertIn("calm journal", self.ok("help", env=env).out)
        self.assertIn("entry format", self.ok("help", "journal", env=env).out)

    def test_an_unknown_topic_is_a_usage_error(self):
        result = self.run_settle("help", "paws")
        self.assertEqual(result.code, 2)
        self.assertIn("pause", result.err)

    def test_without_man_prints_the_short_help(self):
        empty = self.home / "empty-path"
        empty.mkdir()
        result = self.ok("help", "pause", env={"PATH": str(empty)})
        self.assertIn("Usage: settle pause [OPTIONS]", result.out)
        self.assertIn("--urge-before", result.out)
        self.assertIn("man is not installed", result.err)
        # settle's own help, not the help of `settle help`.
        result = self.ok("help", env={"PATH": str(empty)})
        self.assertIn("Usage: settle [OPTIONS] [SUBCOMMAND]", result.out)
        self.assertIn("summary", result.out)


if __name__ == "__main__":
    unittest.main()
