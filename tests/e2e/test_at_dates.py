"""`--at` on the writing commands: the period forms, the time of day kept
for a day named from today, and the dates that are refused or asked about
(the future, before 1900)."""

import re
import unittest

from harness import JournalTest
from tty_harness import InteractiveTest, require_tmux

PAUSE = ["pause", "--urge-before", "6", "--urge-after", "2", "--outcome", "waited"]


def created(text):
    return re.search(r"^created: (\S+)$", text, re.M).group(1)


class AtDates(JournalTest):
    def test_yesterday_keeps_the_time_of_day(self):
        self.ok(*PAUSE)
        self.ok(*PAUSE, "--at", "yesterday")
        now, yesterday = sorted(self.entries(), key=lambda e: created(self.read_entry(e)))[::-1]
        now_created, then_created = created(self.read_entry(now)), created(self.read_entry(yesterday))
        # Same clock time (to the minute, allowing for the minute turning
        # between the two runs), one calendar day apart.
        self.assertNotEqual(then_created[:10], now_created[:10])
        h1, m1 = int(now_created[11:13]), int(now_created[14:16])
        h2, m2 = int(then_created[11:13]), int(then_created[14:16])
        self.assertLessEqual(abs((h1 * 60 + m1) - (h2 * 60 + m2)) % (24 * 60), 2)
        self.assertNotEqual(then_created[11:19], "00:00:00")

    def test_a_date_alone_is_its_midnight(self):
        self.ok(*PAUSE, "--at", "2026-11-20")
        self.assertEqual(created(self.read_entry(self.entries()[0])), "2026-11-20T00:00:00-07:00")

    def test_a_span_is_not_a_moment(self):
        for span in ["2026-11", "2026", "last week"]:
            with self.subTest(span=span):
                result = self.run_settle(*PAUSE, "--at", span)
                self.assertEqual(result.code, 2)
                self.assertIn("--at takes a day or a time", result.err)
        self.assertEqual(self.entries(), [])

    def test_the_future_is_refused(self):
        result = self.run_settle(*PAUSE, "--at", "2099-01-01 10:00")
        self.assertEqual(result.code, 2)
        self.assertEqual(result.err, "settle: error: --at 2099-01-01 10:00 is in the future; an "
                                     "entry records something that has already happened\n")
        self.assertEqual(self.entries(), [])

    def test_before_1900_needs_force_in_a_script(self):
        result = self.run_settle(*PAUSE, "--at", "0026-11-27 21:00")
        self.assertEqual(result.code, 2)
        self.assertIn("--at 0026-11-27 is before the year 1900, which is most often a typo "
                      "(2026?); nothing was saved. Give --force", result.err)
        self.assertEqual(self.entries(), [])
        self.ok(*PAUSE, "--at", "0026-11-27 21:00", "--force")
        self.assertEqual(self.entries(), ["0026/11/0026-11-27-210000-pause.md"])
        # What was written reads back.
        self.assertIn("0026-11-27-210000-pause", self.ok("list", "--all").out)

    def test_other_writers_check_the_same(self):
        result = self.run_settle("script", "--situation", "s", "--feel", "f", "--need", "n",
                                 "--at", "1850-01-01")
        self.assertEqual(result.code, 2)
        self.assertIn("before the year 1900", result.err)
        result = self.run_settle("audit", "--know", "k", "--at", "2100-01-01")
        self.assertEqual(result.code, 2)
        self.assertIn("is in the future", result.err)
        self.assertEqual(self.entries(), [])


@require_tmux
class AtDatesAtATerminal(InteractiveTest):
    def test_an_old_date_is_asked_about(self):
        tty = self.start(*PAUSE, "--at", "0026-11-27 21:00", width=120)
        tty.wait_for_text("before the year 1900 (2026?). Save the entry with this date? [y/N]")
        tty.line("n")
        self.assertEqual(tty.wait_for_exit(), 2)
        self.assertIn("nothing was saved", tty.text())
        self.assertEqual(self.entries(), [])

        tty = self.start(*PAUSE, "--at", "0026-11-27 21:00", width=120)
        tty.wait_for_text("Save the entry with this date? [y/N]")
        tty.line("y")
        self.assertEqual(tty.wait_for_exit(), 0)
        self.assertEqual(self.entries(), ["0026/11/0026-11-27-210000-pause.md"])


if __name__ == "__main__":
    unittest.main()
