"""Readers open only the month folders they need, and every reader of many
entries names a bad file by path and line and carries on with the rest."""

import json
import os
import subprocess
import unittest

from harness import BINARY, JournalTest

PAUSE = ["pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited"]
BAD = ("---\nschema: 1\nkind: pause\ncreated: {}T10:00:00-07:00\n"
       "urge_before: high\n---\n")
BAD_LINE = ':5: urge_before must be a whole number from 0 to 10, got "high"'


class MonthBounds(JournalTest):
    def setUp(self):
        super().setUp()
        self.ok(*PAUSE, "--at", "2026-11-20 21:00")
        self.ok("audit", "--know", "it is 9pm", "--predict", "they're angry", "--at",
                "2026-11-25 20:00")
        self.far_bad = "2021/03/2021-03-04-100000-pause.md"
        self.write(self.far_bad, BAD.format("2021-03-04"))

    def write(self, relative, text):
        path = self.journal / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def test_a_period_does_not_open_far_months(self):
        whole = self.ok("list")
        self.assertIn(self.far_bad + BAD_LINE, whole.err)
        recent = self.ok("list", "--since", "2026-11-19")
        self.assertEqual([line.split()[0] for line in recent.out.splitlines()],
                         ["2026-11-20-210000-pause", "2026-11-25-200000-audit"])
        self.assertNotIn("2021", recent.err)
        self.assertEqual(self.ok("list", "--since", "7d").err.count("2021/03"), 0)

    def test_a_far_fifo_is_never_looked_at_by_a_period(self):
        fifo = self.journal / "2020" / "05" / "2020-05-01-100000-pause.md"
        fifo.parent.mkdir(parents=True)
        os.mkfifo(fifo)
        self.assertIn("2020/05/2020-05-01-100000-pause.md: is not a regular file",
                      self.ok("list").err)
        self.assertNotIn("2020/05", self.ok("list", "--since", "2026-11-01").err)

    def test_a_bad_file_in_the_period_is_still_named(self):
        self.write("2026/11/2026-11-22-100000-pause.md", BAD.format("2026-11-22"))
        result = self.ok("list", "--since", "2026-11-19", "--until", "2026-11-30")
        self.assertIn("settle: skipped 2026/11/2026-11-22-100000-pause.md" + BAD_LINE, result.err)
        self.assertNotIn("2021", result.err)
        self.assertEqual(len(result.out.splitlines()), 2)

    def test_an_id_lists_only_its_own_month(self):
        # A file moved by hand into another month's folder, its name
        # starting like an entry of November: a lookup by a November ID
        # that November's folder answers never meets it.
        self.write("2021/03/2026-11-20-230000-pause.md",
                   (self.journal / "2026/11/2026-11-20-210000-pause.md").read_text())
        shown = self.ok("show", "2026-11-20", "--format", "json")
        self.assertEqual(json.loads(shown.out)["path"], "2026/11/2026-11-20-210000-pause.md")
        # Still found by its own ID, by a look through every folder.
        moved = self.ok("show", "2026-11-20-230000-pause", "--format", "json")
        self.assertEqual(json.loads(moved.out)["path"], "2021/03/2026-11-20-230000-pause.md")

    def test_show_and_the_latest_never_read_other_files(self):
        for args in (["show", "2026-11-25-200000-audit"], ["show"], ["show", "-2"]):
            with self.subTest(args=args):
                result = self.ok(*args)
                self.assertEqual(result.err, "")

    def test_every_reader_names_a_bad_file_by_path_and_line(self):
        self.write("2026/11/2026-11-22-100000-pause.md", BAD.format("2026-11-22"))
        where = "2026/11/2026-11-22-100000-pause.md" + BAD_LINE
        for args in (["list"], ["list", "--format", "json"], ["list", "--format", "markdown"],
                     ["list", "--kind", "audit", "--limit", "1"], ["revisit"],
                     ["revisit", "--format", "json"], ["summary", "--all"]):
            with self.subTest(args=args):
                result = self.ok(*args)
                self.assertIn("settle: skipped " + where, result.err)
                self.assertIn("settle: skipped " + self.far_bad + BAD_LINE, result.err)
        check = self.run_settle("check")
        self.assertEqual(check.code, 1)
        self.assertEqual(check.out.splitlines(), [self.far_bad + BAD_LINE, where])

    def test_problems_come_before_the_list_on_one_screen(self):
        # Said first, as always, though the list is printed as it is read:
        # stderr and stdout into one pipe show the problem, then the list.
        for args in (["list"], ["list", "--format", "json"], ["revisit"]):
            with self.subTest(args=args):
                together = subprocess.run([BINARY, *args], env=self.env, stdout=subprocess.PIPE,
                                          stderr=subprocess.STDOUT, text=True, timeout=60)
                self.assertEqual(together.returncode, 0)
                self.assertTrue(together.stdout.startswith("settle: skipped " + self.far_bad),
                                together.stdout)


if __name__ == "__main__":
    unittest.main()
