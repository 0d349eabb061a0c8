"""settle summary on a hand-written fixture journal (canonical files, hand
edits, CRLF, a BOM, flow lists, an entry written in Tokyo, a malformed file,
entries one second either side of the period), compared with golden output;
and the period rules, filters, empty journals and usage errors."""

import json
import os
import re
import shutil
import unittest
from pathlib import Path

from harness import MOUNTAIN_RULES, JournalTest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "summary"
PERIOD = ["--since", "2026-11-02", "--until", "2026-11-15"]

# Regenerates the golden files instead of comparing (then review the diff):
#   SETTLE_UPDATE_GOLDEN=1 ctest -R summary
UPDATE = os.environ.get("SETTLE_UPDATE_GOLDEN") == "1"


class FixtureJournalTest(JournalTest):
    def setUp(self):
        super().setUp()
        shutil.copytree(FIXTURES / "journal", self.journal)

    def golden(self, name, actual):
        path = FIXTURES / name
        if UPDATE:
            path.write_text(actual, encoding="utf-8")
        self.assertEqual(actual, path.read_text(encoding="utf-8"), f"differs from {name}")

    def summary(self, *args, **kwargs):
        return self.ok("summary", *args, **kwargs)


class GoldenOutputTest(FixtureJournalTest):
    def test_exact_json(self):
        result = self.summary(*PERIOD, "--format", "json")
        self.golden("expected.json", result.out)

    def test_json_has_the_known_medians(self):
        data = json.loads(self.summary(*PERIOD, "--format", "json").out)
        self.assertEqual(data["period"], {"since": "2026-11-02", "until": "2026-11-15", "days": 14})
        self.assertEqual(data["entries"], 12)
        self.assertEqual(data["by_kind"], {"audit": 2, "script": 3, "pause": 7})
        self.assertEqual(data["incomplete"], 1)
        pause = data["pause"]
        self.assertEqual((pause["count"], pause["rated"]), (7, 6))
        self.assertEqual((pause["urge_before_median"], pause["urge_after_median"],
                          pause["urge_change_median"]), (7, 3.5, -3))
        self.assertEqual((pause["waited"], pause["reached_out"], pause["undecided"],
                          pause["no_outcome"]), (4, 1, 1, 1))
        self.assertEqual((pause["timed"], pause["ended_early"]), (4, 2))
        earlier, later = pause["halves"]["earlier"], pause["halves"]["later"]
        self.assertEqual((earlier["since"], earlier["until"]), ("2026-11-02", "2026-11-08"))
        self.assertEqual((earlier["urge_before_median"], earlier["urge_after_median"]), (8, 5))
        self.assertEqual((later["urge_before_median"], later["urge_after_median"]), (6, 2))
        audit = data["audit"]
        self.assertEqual((audit["count"], audit["known"], audit["predicted"],
                          audit["known_per_predicted"]), (2, 5, 3, 1.67))
        self.assertEqual((audit["anxiety_before_median"], audit["anxiety_after_median"]),
                         (6.5, 4))
        self.assertEqual(data["script"]["feelings"],
                         [{"name": "lonely", "count": 2}, {"name": "afraid", "count": 1}])
        self.assertEqual(data["script"]["needs"],
                         [{"name": "a check-in", "count": 2}, {"name": "reassurance", "count": 1}])
        self.assertEqual([t["name"] for t in data["tags"]], ["evening", "work", "text", "travel"])
        self.assertEqual([(w["week"], w["since"], w["entries"]) for w in data["weeks"]],
                         [("2026-W45", "2026-11-02", 6), ("2026-W46", "2026-11-09", 6)])

    def test_golden_text_at_80_columns(self):
        result = self.summary(*PERIOD, "--width", "80")
        self.golden("expected.txt", result.out)
        for line in result.out.splitlines():
            self.assertLessEqual(len(line), 80, line)

    def test_columns_sets_the_width_too(self):
        by_option = self.summary(*PERIOD, "--width", "100").out
        by_columns = self.summary(*PERIOD, env={"COLUMNS": "100"}).out
        self.assertEqual(by_option, by_columns)
        self.assertNotEqual(by_option, self.summary(*PERIOD, "--width", "80").out)

    def test_golden_text_in_ascii_when_the_locale_is_not_utf8(self):
        result = self.summary(*PERIOD, "--width", "80", env={"LANG": "C", "LC_ALL": "C"})
        self.golden("expected-ascii.txt", result.out)
        self.assertTrue(result.out.isascii())

    def test_golden_markdown(self):
        self.golden("expected.md", self.summary(*PERIOD, "--format", "markdown").out)

    def test_colour_only_when_asked_or_at_a_terminal(self):
        self.assertNotIn("\033[", self.summary(*PERIOD).out)  # a pipe, not a terminal
        forced = self.ok("--color", "always", "summary", *PERIOD).out
        self.assertIn("\033[1m", forced)


class SkippedFilesTest(FixtureJournalTest):
    def test_malformed_file_is_listed_and_everything_else_counts(self):
        result = self.summary(*PERIOD, "--format", "json")
        data = json.loads(result.out)
        self.assertEqual(data["skipped"], [{
            "path": "2026/11/2026-11-14-090000-pause.md",
            "line": 5,
            "message": 'urge_before must be a whole number from 0 to 10, got "high"',
        }])
        self.assertEqual(data["entries"], 12)
        self.assertIn("settle: skipped 2026/11/2026-11-14-090000-pause.md:5:", result.err)

    def test_only_files_dated_in_the_period_are_listed(self):
        october = json.loads(self.summary("--all", "--format", "json").out)
        self.assertEqual([s["path"] for s in october["skipped"]],
                         ["2026/10/2026-10-20-180000-pause.md",
                          "2026/11/2026-11-14-090000-pause.md"])
        self.assertEqual(october["period"]["since"], "2026-11-01")
        self.assertEqual(october["period"]["until"], "2026-11-16")
        self.assertEqual(october["entries"], 14)

    def test_files_that_are_not_entries_are_named(self):
        november = self.journal / "2026" / "11"
        (november / "2026-11-10-120000-pause.md").symlink_to(november / "2026-11-02-213000-pause.md")
        os.mkfifo(november / "2026-11-11-120000-pause.md")
        (november / "2026-11-12-120000-pause.md").write_bytes(b"---\n" + b"x" * (2 << 20))
        data = json.loads(self.summary(*PERIOD, "--format", "json", timeout=20).out)
        messages = {s["path"].split("/")[-1]: s["message"] for s in data["skipped"]}
        self.assertEqual(messages["2026-11-10-120000-pause.md"], "is a symbolic link; skipped")
        self.assertEqual(messages["2026-11-11-120000-pause.md"], "is not a regular file; skipped")
        self.assertIn("larger than an entry can be", messages["2026-11-12-120000-pause.md"])
        self.assertEqual(data["entries"], 12)


class PeriodTest(FixtureJournalTest):
    def counts(self, *args, env=None):
        return json.loads(self.summary(*args, "--format", "json", env=env).out)

    def test_ends_are_inclusive_to_the_second(self):
        # 23:59:59 on the 15th counts; 00:00:00 on the 16th and 23:59:59 on
        # the 1st do not.
        self.assertEqual(self.counts(*PERIOD)["pause"]["count"], 7)
        self.assertEqual(self.counts("--since", "2026-11-01", "--until", "2026-11-16")
                         ["pause"]["count"], 9)

    def test_an_entry_counts_on_its_own_local_date_in_any_reader_zone(self):
        # The Tokyo entry was written on 8 November at 07:30 local time,
        # which is still 7 November in UTC and in mountain time.
        for zone in [MOUNTAIN_RULES, "Asia/Tokyo", "UTC"]:
            day = self.counts("--since", "2026-11-08", "--until", "2026-11-08",
                              env={"TZ": zone})
            self.assertEqual(day["entries"], 1, zone)
            self.assertEqual(day["pause"]["urge_before_median"], 7, zone)
        same = self.counts(*PERIOD, env={"TZ": "Asia/Tokyo"})
        self.assertEqual(same, self.counts(*PERIOD))

    def test_weeks_start_on_monday(self):
        data = self.counts("--since", "2026-11-01", "--until", "2026-11-16")
        self.assertEqual([(w["week"], w["since"], w["until"]) for w in data["weeks"]],
                         [("2026-W44", "2026-10-26", "2026-11-01"),
                          ("2026-W45", "2026-11-02", "2026-11-08"),
                          ("2026-W46", "2026-11-09", "2026-11-15"),
                          ("2026-W47", "2026-11-16", "2026-11-22")])
        self.assertEqual([w["entries"] for w in data["weeks"]], [1, 6, 6, 1])

    def test_a_bound_with_a_time_of_day(self):
        data = self.counts("--since", "2026-11-02 22:00", "--until", "2026-11-15")
        self.assertEqual(data["period"]["since"], "2026-11-02T22:00:00")
        self.assertEqual(data["entries"], 11)

    def test_filters(self):
        data = self.counts(*PERIOD, "--kind", "pause", "--tag", "evening")
        self.assertEqual(data["filters"], {"kind": "pause", "tags": ["evening"]})
        self.assertEqual(data["entries"], 3)
        self.assertEqual(data["by_kind"], {"audit": 0, "script": 0, "pause": 3})
        text = self.summary(*PERIOD, "--kind", "pause", "--tag", "evening").out
        self.assertIn("Counting only pauses, tagged #evening.", text)
        self.assertNotIn("Audits", text)


class DefaultPeriodTest(JournalTest):
    def test_the_last_28_days_including_today(self):
        self.ok("pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited",
                "--at", "today")
        self.ok("pause", "--urge-before", "6", "--urge-after", "2", "--outcome", "waited",
                "--at", "27d")
        self.ok("pause", "--urge-before", "9", "--urge-after", "9", "--outcome", "waited",
                "--at", "29d")
        data = json.loads(self.ok("summary", "--format", "json").out)
        self.assertEqual(data["period"]["days"], 28)
        self.assertEqual(data["entries"], 2)
        self.assertEqual(data["pause"]["urge_before_median"], 7)

    def test_week_and_month(self):
        week = json.loads(self.ok("summary", "--week", "--format", "json").out)
        self.assertEqual(week["period"]["days"], 7)
        self.assertEqual(len(week["weeks"]), 1)
        self.assertEqual(week["weeks"][0]["since"], week["period"]["since"])
        month = json.loads(self.ok("summary", "--month", "--format", "json").out)
        self.assertTrue(month["period"]["since"].endswith("-01"))
        self.assertIn(month["period"]["days"], [28, 29, 30, 31])


class EmptyTest(JournalTest):
    def test_empty_journal(self):
        result = self.ok("summary", "--format", "json")
        data = json.loads(result.out)
        self.assertEqual(data["entries"], 0)
        self.assertEqual(data["by_kind"], {"audit": 0, "script": 0, "pause": 0})
        for key in ["urge_before_median", "urge_after_median", "urge_change_median"]:
            self.assertIsNone(data["pause"][key])
        self.assertIsNone(data["audit"]["known_per_predicted"])
        self.assertEqual(data["skipped"], [])
        self.assertTrue(all(w["entries"] == 0 for w in data["weeks"]))
        self.assertIn("No entries in this period.", self.ok("summary").out)
        everything = json.loads(self.ok("summary", "--all", "--format", "json").out)
        self.assertEqual(everything["period"], {"since": None, "until": None, "days": None})
        self.assertEqual(everything["weeks"], [])
        self.assertIn("No entries yet.", self.ok("summary", "--all").out)
        self.assertIn("# Summary", self.ok("summary", "--format", "markdown").out)

    def test_empty_period(self):
        self.ok("pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited",
                "--at", "2026-11-20 21:00")
        data = json.loads(self.ok("summary", "--since", "2025-01-01", "--until", "2025-01-31",
                                  "--format", "json").out)
        self.assertEqual(data["entries"], 0)
        self.assertEqual(data["period"]["days"], 31)
        self.assertIsNone(data["pause"]["halves"]["earlier"]["urge_before_median"])


class HostileTextTest(JournalTest):
    def test_entry_text_never_reaches_the_terminal_raw(self):
        path = self.journal / "2026" / "11" / "2026-11-20-210000-script.md"
        path.parent.mkdir(parents=True)
        path.write_text('---\nschema: 1\nkind: script\ncreated: 2026-11-20T21:00:00-07:00\n'
                        'tags: [x]\nsituation: s\nfeeling: "\\e]0;owned\\a|calm*"\n'
                        'need: "\\e[2Jrest"\n---\n', encoding="utf-8")
        for fmt in ["text", "markdown"]:
            out = self.ok("summary", "--since", "2026-11-01", "--until", "2026-11-30",
                          "--format", fmt).out
            self.assertNotIn("\033", out, fmt)
            self.assertNotIn("\a", out, fmt)
            self.assertIn("^[" if fmt == "text" else "^\\[", out, fmt)  # Markdown escapes [ too
        data = json.loads(self.ok("summary", "--since", "2026-11-01", "--until", "2026-11-30",
                                  "--format", "json").out)
        self.assertEqual(data["script"]["feelings"][0]["name"], "\033]0;owned\a|calm*")


class UsageTest(JournalTest):
    def test_mistakes_exit_2(self):
        for args in (["--week", "--all"], ["--month", "--since", "7d"], ["--all", "--until", "today"],
                     ["--kind", "mood"], ["--format", "yaml"], ["--since", "someday"],
                     ["--since", "2026-11-20", "--until", "2026-11-01"], ["--width", "10"]):
            result = self.run_settle("summary", *args)
            self.assertEqual(result.code, 2, args)
            self.assertRegex(result.err, r"^settle: error: ", args)
            self.assertEqual(result.out, "", args)

    def test_a_journal_that_cannot_be_read_is_an_error_not_an_empty_summary(self):
        self.journal.write_text("not a folder")
        # Every reader, not only the summary.
        for command in ["summary", "list", "check", "revisit"]:
            result = self.run_settle(command)
            self.assertEqual(result.code, 1, (command, result))
            self.assertIn("is not a folder", result.err)
            self.assertEqual(result.out, "")

    def test_an_unreadable_journal_folder_is_an_error(self):
        self.journal.mkdir()
        self.journal.chmod(0)
        try:
            result = self.run_settle_as_nobody("summary")
        finally:
            self.journal.chmod(0o700)
        self.assertEqual(result.code, 1, result)
        self.assertIn("cannot read the journal folder", result.err)

    def test_a_journal_not_made_yet_has_no_entries(self):
        self.assertFalse(self.journal.exists())
        self.assertEqual(json.loads(self.ok("summary", "--format", "json").out)["entries"], 0)


if __name__ == "__main__":
    unittest.main()
