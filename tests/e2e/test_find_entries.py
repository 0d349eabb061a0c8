"""Finding an entry: `list --contains` and `--limit` in every format, the
periods `list` shares with `summary`, and `show`/`edit` of the latest
entries without an ID."""

import json
import os
import stat
import unittest

from harness import JournalTest


class ListFinds(JournalTest):
    def setUp(self):
        super().setUp()
        self.ok("audit", "--know", "She was at the Café all evening", "--predict",
                "they will leave", "--at", "2026-11-10 20:00")
        self.ok("script", "--situation", "no reply for hours", "--feel", "ANXIOUS",
                "--need", "reassurance", "--tag", "évening", "--at", "2026-11-11 20:00")
        self.ok("pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited",
                "--note", "Walked to the cafe and back.", "--at", "2026-11-12 20:00")
        self.ok("pause", "--urge-before", "6", "--urge-after", "5", "--outcome",
                "reached-out", "--at", "2026-10-05 09:00")

    def ids(self, *args):
        return [line.split()[0] for line in self.ok("list", *args).out.splitlines()]

    def test_contains_ignores_case_and_accents_over_fields_and_body(self):
        self.assertEqual(self.ids("--contains", "CAFE"),
                         ["2026-11-10-200000-audit", "2026-11-12-200000-pause"])
        self.assertEqual(self.ids("--contains", "café"),
                         ["2026-11-10-200000-audit", "2026-11-12-200000-pause"])
        self.assertEqual(self.ids("--contains", "anxious"), ["2026-11-11-200000-script"])
        self.assertEqual(self.ids("--contains", "Evening"),
                         ["2026-11-10-200000-audit", "2026-11-11-200000-script"])  # tag évening
        self.assertEqual(self.ids("--contains", "reached-out"), ["2026-10-05-090000-pause"])
        self.assertEqual(self.ids("--contains", "nowhere at all"), [])
        # Keys and kinds are not words the person wrote.
        self.assertEqual(self.ids("--contains", "urge_before"), [])

    def test_contains_and_limit_in_every_format(self):
        for fmt in ["json", "markdown", "text"]:
            with self.subTest(format=fmt):
                out = self.ok("list", "--contains", "cafe", "--limit", "1", "--format", fmt).out
                self.assertIn("2026-11-12-200000-pause", out)
                self.assertNotIn("2026-11-10-200000-audit", out)
        listed = json.loads(self.ok("list", "--contains", "CAFÉ", "--format", "json").out)
        self.assertEqual([e["kind"] for e in listed], ["audit", "pause"])

    def test_limit_keeps_the_most_recent_oldest_first(self):
        self.assertEqual(self.ids("--limit", "2"),
                         ["2026-11-11-200000-script", "2026-11-12-200000-pause"])
        self.assertEqual(len(self.ids("--limit", "100")), 4)
        result = self.run_settle("list", "--limit", "0")
        self.assertEqual(result.code, 2)
        self.assertIn("--limit must be 1 or more", result.err)
        self.assertEqual(self.run_settle("list", "--limit", "many").code, 2)

    def test_periods_as_people_type_them(self):
        self.assertEqual(self.ids("--since", "2026-11", "--until", "2026-11"),
                         ["2026-11-10-200000-audit", "2026-11-11-200000-script",
                          "2026-11-12-200000-pause"])
        self.assertEqual(self.ids("--until", "2026-10"), ["2026-10-05-090000-pause"])
        self.assertEqual(len(self.ids("--since", "2026", "--until", "2026")), 4)
        self.assertEqual(self.ids("--since", "2026-11-11", "--until", "2026-11-11"),
                         ["2026-11-11-200000-script"])
        self.assertEqual(len(self.ids("--all")), 4)

    def test_week_and_month_are_this_week_and_month(self):
        self.ok("pause", "--urge-before", "2", "--urge-after", "1", "--outcome", "waited")
        self.ok("pause", "--urge-before", "2", "--urge-after", "1", "--outcome", "waited",
                "--at", "2d")
        this_week = self.ids("--week")
        this_month = self.ids("--month")
        self.assertTrue(this_week and this_month)
        self.assertTrue(all(i in self.ids("--since", "this week") for i in this_week))
        self.assertEqual(this_week, self.ids("--since", "monday"))
        self.assertEqual(this_month, self.ids("--since", "this-month"))
        for old in ["2026-11-10-200000-audit", "2026-10-05-090000-pause"]:
            self.assertNotIn(old, this_week)
        result = self.run_settle("list", "--week", "--since", "7d")
        self.assertEqual(result.code, 2)
        self.assertIn("cannot be used together", result.err)

    def test_bad_period_words_are_usage_errors(self):
        for bad in ["next week", "2026-13", "someday"]:
            with self.subTest(bad=bad):
                result = self.run_settle("list", "--since", bad)
                self.assertEqual(result.code, 2)
                self.assertIn("--since takes a date such as", result.err)


class LatestEntries(JournalTest):
    def setUp(self):
        super().setUp()
        for n, day in enumerate(["2026-11-01", "2026-11-02", "2026-11-03"], start=1):
            self.ok("pause", "--urge-before", str(n), "--urge-after", "0", "--outcome",
                    "waited", "--at", f"{day} 10:00")

    def shown_id(self, *args):
        return json.loads(self.ok("show", *args, "--format", "json").out)["id"]

    def test_show_without_an_id_is_the_latest(self):
        self.assertEqual(self.shown_id(), "2026-11-03-100000-pause")
        self.assertEqual(self.shown_id("last"), "2026-11-03-100000-pause")
        self.assertEqual(self.shown_id("-1"), "2026-11-03-100000-pause")
        self.assertEqual(self.shown_id("-2"), "2026-11-02-100000-pause")
        self.assertEqual(self.shown_id("-3"), "2026-11-01-100000-pause")
        self.assertIn("Urge before    3/10", self.ok("show").out)

    def test_offsets_before_or_after_the_options(self):
        out = self.ok("show", "--format", "json", "-2").out
        self.assertEqual(json.loads(out)["id"], "2026-11-02-100000-pause")
        self.assertEqual(json.loads(self.ok("--color", "never", "show", "-3", "--format",
                                            "json").out)["id"], "2026-11-01-100000-pause")

    def test_further_back_than_the_journal(self):
        result = self.run_settle("show", "-4")
        self.assertEqual(result.code, 1)
        self.assertIn('"-4" is further back than the journal goes: it has 3 entries', result.err)

    def test_minus_zero_is_not_an_entry(self):
        result = self.run_settle("show", "-0")
        self.assertEqual(result.code, 2)
        self.assertIn('"-0" names no entry: -1 is the latest', result.err)

    def test_an_empty_journal(self):
        result = self.run_settle("--journal", str(self.home / "empty"), "show")
        self.assertEqual(result.code, 1)
        self.assertIn("no entries yet", result.err)

    def test_edit_without_an_id_opens_the_latest(self):
        editor = self.home / "append.sh"
        editor.write_text('#!/bin/sh\nprintf "edited\\n" >> "$1"\n')
        editor.chmod(0o755)
        self.ok("edit", env={"EDITOR": str(editor)})
        self.assertTrue(self.read_entry("2026/11/2026-11-03-100000-pause.md").endswith("edited\n"))
        self.ok("edit", "-2", env={"EDITOR": str(editor)})
        self.assertTrue(self.read_entry("2026/11/2026-11-02-100000-pause.md").endswith("edited\n"))
        self.assertFalse(self.read_entry("2026/11/2026-11-01-100000-pause.md").endswith("edited\n"))

    def test_without_an_editor_settle_says_which_it_opens_and_how_to_leave(self):
        # `editor` on PATH is what Debian's alternatives chose; here a stand-in
        # that calls itself nano.
        bin_dir = self.home / "bin"
        real = self.home / "real"
        bin_dir.mkdir()
        real.mkdir()
        nano = real / "nano"
        nano.write_text('#!/bin/sh\nprintf "by nano\\n" >> "$1"\n')
        nano.chmod(0o755)
        (bin_dir / "editor").symlink_to(nano)
        env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "VISUAL": "", "EDITOR": ""}
        result = self.ok("edit", env=env)
        self.assertIn("Opening nano (no $VISUAL or $EDITOR is set", result.err)
        self.assertIn("Ctrl-X leaves", result.err)
        self.assertTrue(self.read_entry("2026/11/2026-11-03-100000-pause.md").endswith("by nano\n"))

    def test_with_no_editor_at_all_it_is_vi_with_the_keys_to_leave(self):
        bin_dir = self.home / "bin"
        bin_dir.mkdir()
        vi = bin_dir / "vi"
        vi.write_text("#!/bin/sh\nexit 0\n")
        vi.chmod(0o755)
        result = self.ok("edit", env={"PATH": str(bin_dir), "VISUAL": "", "EDITOR": ""})
        self.assertIn("Opening vi", result.err)
        self.assertIn(":q! and Enter", result.err)
        self.assertIn("No changes", result.err)


if __name__ == "__main__":
    unittest.main()
