"""The writing commands (audit, script, pause) from flags and stdin, with no
terminal: what lands on disk, where, with which permissions and times."""

import os
import re
import signal
import stat
import subprocess
import time
import unittest
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from harness import BINARY, MOUNTAIN_RULES, JournalTest, wait_until_waiting_for

PAUSE = ["pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited"]


class WritingTest(JournalTest):
    def test_pause_writes_one_entry_with_its_fields(self):
        result = self.ok(*PAUSE, "--tag", "work", "--tag", "evening", "--note", "walked it off")
        self.assertIn("Saved 20", result.err)
        [path] = self.entries()
        self.assertRegex(path, r"^\d{4}/\d{2}/\d{4}-\d{2}-\d{2}-\d{6}-pause\.md$")
        text = self.read_entry(path)
        self.assertRegex(
            text,
            r"^---\nschema: 1\nkind: pause\ncreated: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[67]:00\n"
            r"tags:\n  - work\n  - evening\nurge_before: 8\nurge_after: 3\noutcome: waited\n"
            r"---\nwalked it off\n$",
        )

    def test_audit_keeps_each_item_on_its_own_line(self):
        self.ok("audit", "--know", "They said they'd call at 9", "--know", "It is 9:40",
                "--predict", "They're angry: I know it", "--anxiety-before", "7",
                "--anxiety-after", "4")
        [path] = self.entries()
        text = self.read_entry(path)
        self.assertIn("anxiety_before: 7\nanxiety_after: 4\nknow:\n"
                      "  - They said they'd call at 9\n  - It is 9:40\n"
                      "predict:\n  - \"They're angry: I know it\"\n", text)

    def test_script_prints_the_composed_sentence(self):
        result = self.ok("script", "--situation", "we haven't talked properly for a few days",
                         "--feel", "anxious", "--need", "to hear that we're okay")
        self.assertEqual(result.out, "When we haven't talked properly for a few days, I notice I "
                                     "feel anxious, and what I'm actually needing is to hear "
                                     "that we're okay.\n")
        [path] = self.entries()
        self.assertIn("sentence: When we haven't", self.read_entry(path))

    def test_lead_ins_given_as_flags_are_not_doubled(self):
        result = self.ok("script", "--situation", "When you left", "--feel", "I feel scared",
                         "--need", "what I'm actually needing is closeness")
        self.assertEqual(result.out, "When you left, I notice I feel scared, and what I'm "
                                     "actually needing is closeness.\n")
        [path] = self.entries()
        entry = self.read_entry(path)
        # The answers themselves are kept as given.
        self.assertIn("situation: When you left\nfeeling: I feel scared\n", entry)
        result = self.ok("script", "--stdin", stdin="situation: when it got late,\n"
                                                    "feel: feeling small\nneed: I need rest\n")
        self.assertEqual(result.out, "When it got late, I notice I feel small, and what I'm "
                                     "actually needing is rest.\n")

    def test_print_path_prints_only_the_new_file(self):
        result = self.ok("script", "--situation", "a", "--feel", "b", "--need", "c", "--print-path")
        [path] = self.entries()
        self.assertEqual(result.out, str(self.journal / path) + "\n")

    def test_fields_from_stdin_never_touch_argv(self):
        words = ("# private words\n"
                 "situation: they hadn't replied since lunch\n"
                 "feel: afraid\n"
                 "need: to know we're okay\n"
                 "tag: texts\n"
                 "note: first line\n"
                 "  second line\n")
        result = self.ok("script", "--stdin", stdin=words)
        self.assertIn("When they hadn't replied since lunch, I notice I feel afraid", result.out)
        text = self.read_entry(self.entries()[0])
        self.assertIn("tags:\n  - texts\n", text)
        self.assertTrue(text.endswith("---\nfirst line\nsecond line\n"))

    def test_stdin_lists_add_to_flags(self):
        self.ok("audit", "--know", "from a flag", "--stdin",
                stdin="know: from stdin\npredict: a fear\n")
        text = self.read_entry(self.entries()[0])
        self.assertIn("know:\n  - from a flag\n  - from stdin\npredict:\n  - a fear\n", text)

    def test_pause_from_stdin(self):
        self.ok("pause", "--stdin", stdin="urge-before: 6\nurge-after: 6\noutcome: undecided\n")
        self.assertIn("outcome: undecided", self.read_entry(self.entries()[0]))

    def test_two_entries_in_one_second_get_distinct_names(self):
        self.ok(*PAUSE, "--at", "2026-11-27 21:14")
        self.ok(*PAUSE, "--at", "2026-11-27 21:14")
        self.assertEqual(self.entries(), ["2026/11/2026-11-27-211400-pause-2.md",
                                          "2026/11/2026-11-27-211400-pause.md"])


class ValidationTest(JournalTest):
    """Every mistake: one line on stderr, exit 2, nothing written."""

    CASES = [
        (["pause", "--urge-before", "high", "--urge-after", "3", "--outcome", "waited"],
         '--urge-before must be a whole number from 0 to 10, got "high"'),
        (["pause", "--urge-before", "11", "--urge-after", "3", "--outcome", "waited"],
         "--urge-before must be a whole number from 0 to 10"),
        (["pause", "--urge-before", "-1", "--urge-after", "3", "--outcome", "waited"],
         "--urge-before must be a whole number from 0 to 10"),
        (["pause", "--urge-before", "4.5", "--urge-after", "3", "--outcome", "waited"],
         "--urge-before must be a whole number from 0 to 10"),
        (["pause", "--urge-before", "5", "--urge-after", "3", "--outcome", "maybe"],
         '--outcome must be waited, reached-out or undecided, got "maybe"'),
        (["pause", "--urge-before", "5", "--outcome", "waited"], "--urge-after is missing"),
        (["pause", "--urge-before", "5", "--urge-after", "3"], "--outcome is missing"),
        (["audit"], "an audit needs at least one --know or --predict item"),
        (["audit", "--know", "  "], "a --know item is empty"),
        (["audit", "--know", "x", "--anxiety-before", "12"], "--anxiety-before must be"),
        (["script", "--situation", "x", "--feel", "", "--need", "y"], "--feel is empty"),
        (["script", "--situation", "x", "--need", "y"], "--feel is empty"),
        (["script", "--situation", "x", "--feel", "y", "--need", "z", "--bogus"],
         "--bogus"),
        (PAUSE + ["--tag", "two words"], 'tag "two words" must be one word'),
        (PAUSE + ["--at", "next tuesday"], '--at takes a date such as'),
        (PAUSE + ["--at", "2026-02-30"], '--at takes a date such as'),
        (PAUSE + ["--minutes", "0"], "--minutes"),
        (PAUSE + ["--minutes", "1", "--no-timer"], "--no-timer"),
        (["pause", "--stdin"], "--urge-after is missing"),
    ]

    def test_each_mistake_exits_2_and_writes_nothing(self):
        for args, message in self.CASES:
            with self.subTest(args=args):
                result = self.run_settle(*args)
                self.assertEqual(result.code, 2, result)
                self.assertIn(message, result.err)
                self.assertTrue(result.err.startswith("settle: error: "), result.err)
                self.assertEqual(result.out, "")
                self.assertEqual(self.entries(), [])

    def test_stdin_mistakes_name_the_line(self):
        result = self.run_settle("script", "--stdin", stdin="situation: x\nfeeling: y\n")
        self.assertEqual(result.code, 2, result)
        self.assertIn('stdin:2: unknown field "feeling"', result.err)
        result = self.run_settle("script", "--situation", "a", "--stdin",
                                 stdin="situation: again\n")
        self.assertEqual(result.code, 2, result)
        self.assertIn("stdin:1: situation was already given", result.err)
        result = self.run_settle("pause", "--stdin",
                                 stdin="urge-after: 3\nurge-before: eleven\noutcome: waited\n")
        self.assertEqual(result.code, 2, result)
        self.assertIn('stdin:2: urge-before must be a whole number from 0 to 10, got "eleven"',
                      result.err)
        self.assertEqual(self.entries(), [])

    def test_stdin_may_start_with_a_byte_order_mark(self):
        self.ok("audit", "--stdin", stdin="\ufeffknow: it is 9pm\npredict: they're angry\n")
        [path] = self.entries()
        self.assertIn("know:\n  - it is 9pm\n", self.read_entry(path))


class DatesAndZonesTest(JournalTest):
    def created(self):
        [path] = self.entries()
        match = re.search(r"^created: (.*)$", self.read_entry(path), re.M)
        return path, match.group(1)

    def test_same_instant_in_two_zones(self):
        self.ok(*PAUSE, "--at", "2026-11-28T04:14:03Z", env={"TZ": MOUNTAIN_RULES})
        self.assertEqual(self.created(), ("2026/11/2026-11-27-211403-pause.md",
                                          "2026-11-27T21:14:03-07:00"))

    def test_local_time_follows_tz(self):
        self.ok(*PAUSE, "--at", "2026-11-27 21:14", env={"TZ": MOUNTAIN_RULES})
        self.assertEqual(self.created(), ("2026/11/2026-11-27-211400-pause.md",
                                          "2026-11-27T21:14:00-07:00"))

    def test_named_zones_agree_with_the_system_database(self):
        # Named zones follow whatever tzdata is installed (Edmonton's rules
        # changed in 2026), so the expected wall time comes from Python's
        # reading of the same database rather than from a fixed offset.
        instant = datetime(2026, 11, 28, 4, 14, 3, tzinfo=timezone.utc)
        for zone in ["America/Edmonton", "Asia/Tokyo", "Europe/London"]:
            with self.subTest(zone=zone):
                for path in self.entries():
                    (self.journal / path).unlink()
                self.ok(*PAUSE, "--at", "2026-11-28T04:14:03Z", env={"TZ": zone})
                local = instant.astimezone(ZoneInfo(zone))
                self.assertEqual(self.created(), (
                    local.strftime("%Y/%m/%Y-%m-%d-%H%M%S-pause.md"),
                    local.isoformat()))

    def test_tokyo(self):
        self.ok(*PAUSE, "--at", "2026-11-27 21:14", env={"TZ": "Asia/Tokyo"})
        self.assertEqual(self.created(), ("2026/11/2026-11-27-211400-pause.md",
                                          "2026-11-27T21:14:00+09:00"))

    def test_now_is_written_with_the_offset_in_force(self):
        self.ok(*PAUSE, env={"TZ": "Asia/Tokyo"})
        _, created = self.created()
        self.assertTrue(created.endswith("+09:00"), created)

    def test_entry_at_a_dst_change(self):
        # Mountain time falls back at 02:00 on 2026-11-01: 01:30 happens twice.
        self.ok(*PAUSE, "--at", "2026-11-01 01:30", env={"TZ": MOUNTAIN_RULES})
        self.assertEqual(self.created(), ("2026/11/2026-11-01-013000-pause.md",
                                          "2026-11-01T01:30:00-06:00"))

    def test_back_dating_across_a_month_boundary(self):
        # 23:30 on 31 October in mountain time is already November in UTC.
        self.ok(*PAUSE, "--at", "2026-10-31 23:30", env={"TZ": MOUNTAIN_RULES})
        self.assertEqual(self.created(), ("2026/10/2026-10-31-233000-pause.md",
                                          "2026-10-31T23:30:00-06:00"))

    def test_relative_back_dating(self):
        # A date alone is its midnight; a day named from today keeps the
        # time of day (tests/e2e/test_at_dates.py has the details).
        self.ok(*PAUSE, "--at", "2026-11-20")
        [path] = self.entries()
        self.assertIn("-000000-pause.md", path)


class PermissionsTest(JournalTest):
    def check_private(self, umask):
        script = f"umask {umask:03o}; exec \"$@\""
        env = dict(self.env)
        subprocess.run(["sh", "-c", script, "sh", BINARY, *PAUSE], env=env, check=True,
                       capture_output=True)
        [path] = self.entries()
        mode = lambda p: stat.S_IMODE(os.stat(p).st_mode)
        self.assertEqual(mode(self.journal / path), 0o600)
        self.assertEqual(mode(self.journal), 0o700)
        self.assertEqual(mode(self.journal / path.split("/")[0]), 0o700)
        self.assertEqual(mode((self.journal / path).parent), 0o700)

    def test_umask_022(self):
        self.check_private(0o022)

    def test_umask_077(self):
        self.check_private(0o077)


class ConcurrencyTest(JournalTest):
    def test_twenty_writers_at_once(self):
        env = dict(self.env)
        procs = [subprocess.Popen([BINARY, *PAUSE, "--at", "2026-11-27 21:14", "--note", f"w{i}"],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for i in range(20)]
        for proc in procs:
            proc.communicate(timeout=60)
            self.assertEqual(proc.returncode, 0)
        paths = self.entries()
        self.assertEqual(len(paths), 20)
        notes = sorted(self.read_entry(p).rsplit("---\n", 1)[1] for p in paths)
        self.assertEqual(notes, sorted(f"w{i}\n" for i in range(20)))
        check = self.run_settle("check")
        self.assertEqual(check.code, 0, check)


class TimerTest(JournalTest):
    def test_requested_timer_records_planned_and_elapsed(self):
        self.ok(*PAUSE, "--minutes", "0.02")
        text = self.read_entry(self.entries()[0])
        self.assertIn("timer:\n  planned_seconds: 1\n  elapsed_seconds: 1\n", text)

    def test_no_timer_without_a_terminal_unless_asked(self):
        self.ok(*PAUSE)
        self.assertNotIn("timer:", self.read_entry(self.entries()[0]))
        self.ok(*PAUSE, "--no-timer")
        self.assertNotIn("timer:", self.read_entry(self.entries()[1]))

    def test_ending_the_timer_early_keeps_the_entry(self):
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            with self.subTest(signal=sig):
                before = set(self.entries())
                proc = subprocess.Popen([BINARY, *PAUSE, "--minutes", "1"], env=self.env,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                wait_until_waiting_for(proc.pid, sig)
                proc.send_signal(sig)
                _, err = proc.communicate(timeout=30)
                self.assertEqual(proc.returncode, 0, err)
                self.assertIn("ended early", err)
                [new] = set(self.entries()) - before
                text = self.read_entry(new)
                planned = int(re.search(r"planned_seconds: (\d+)", text).group(1))
                elapsed = int(re.search(r"elapsed_seconds: (\d+)", text).group(1))
                self.assertEqual(planned, 60)
                self.assertLess(elapsed, 60)


if __name__ == "__main__":
    unittest.main()
