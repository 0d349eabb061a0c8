"""No way out through the folder tree. Writers open the journal folder once
and walk YYYY/MM with openat(O_NOFOLLOW | O_DIRECTORY), naming every file
relative to the month they opened, so swapping a folder for a symbolic link
while settle writes (renameat2 RENAME_EXCHANGE, hundreds of times) never puts
an entry, a temporary file or a rewrite outside the journal. Folders settle
did not make are checked as ssh checks ~/.ssh."""

import ctypes
import ctypes.util
import os
import subprocess
import sys
import threading
import unittest

from harness import BINARY, JournalTest

RENAME_EXCHANGE = 2
AT_FDCWD = -100
MIN_SWAPS = 400

libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
libc.renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                           ctypes.c_uint]


def exchange(a, b):
    if libc.renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err), str(a))


class FolderSwapRaceTest(JournalTest):
    def setUp(self):
        super().setUp()
        self.outside = self.home / "outside"
        (self.outside / "11").mkdir(parents=True)
        self.ok("pause", "--urge-before", "5", "--urge-after", "2", "--outcome", "waited",
                "--at", "2026-11-01 08:00")
        self.ok("script", "--situation", "s", "--feel", "f", "--need", "n",
                "--at", "2026-11-02 08:00")

    def everything_outside(self):
        return sorted(str(p) for p in self.outside.rglob("*") if p != self.outside / "11")

    def swap_while(self, links, work):
        """Swaps each (real folder, link) pair back and forth until `work`
        is done and at least MIN_SWAPS swaps were made; returns the count."""
        done = threading.Event()
        count = [0]

        def swapper():
            while not done.is_set() or count[0] < MIN_SWAPS:
                for real, link in links:
                    exchange(real, link)
                    exchange(real, link)
                    count[0] += 2

        thread = threading.Thread(target=swapper)
        thread.start()
        try:
            work()
        finally:
            done.set()
            thread.join()
        return count[0]

    def test_swapping_the_month_or_year_for_a_link_never_lets_a_write_out(self):
        month = self.journal / "2026" / "11"
        (self.journal / "2026" / "swap").symlink_to(self.outside / "11")
        (self.journal / "swap").symlink_to(self.outside)
        links = [(month, self.journal / "2026" / "swap"),
                 (self.journal / "2026", self.journal / "swap")]
        results = []

        def work():
            for i in range(40):
                results.append(self.run_settle(
                    "pause", "--urge-before", "5", "--urge-after", "2", "--outcome", "waited",
                    "--at", f"2026-11-03 08:{i:02d}"))
                results.append(self.run_settle("revisit", "2026-11-02-080000-script",
                                               "--shared", "said", "--note", f"note {i}"))
                # The editor adds a line to the body in place, and never
                # creates a file (dd conv=nocreat): what it writes through
                # the path it is given is its own doing, not settle's.
                results.append(self.run_settle(
                    "edit", "2026-11-01-080000-pause",
                    env={"EDITOR": f"echo line {i} | dd conv=nocreat,notrunc oflag=append "
                                   "status=none of=",
                         "VISUAL": ""}))

        swaps = self.swap_while(links, work)
        print(f"\n{swaps} folder swaps during {len(results)} writes and rewrites: "
              f"{sum(r.code == 0 for r in results)} saved, {sum(r.code != 0 for r in results)} "
              f"refused with a reason, {len(self.everything_outside())} files outside the journal",
              file=sys.stderr)
        self.assertGreaterEqual(swaps, MIN_SWAPS)
        self.assertEqual(self.everything_outside(), [])
        saved = [r for r in results if r.code == 0]
        refused = [r for r in results if r.code != 0]
        for result in refused:
            # A refusal says why; it never pretends to have saved.
            self.assertRegex(result.err, r"symbolic link|could not|changed while|no entry|"
                                         r"did not finish well|kept changing|not a folder",
                             result)
            self.assertNotIn("Saved", result.err)
        self.assertGreater(len(saved), 0)
        # Every entry reported saved is in the journal, whole.
        check = self.run_settle("check")
        self.assertNotIn("outside", check.out + check.err)


class FolderOwnershipTest(JournalTest):
    WRITE = ["pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited",
             "--at", "2026-11-27 21:14:03"]

    def test_a_folder_others_can_write_to_is_refused_with_the_reason(self):
        month = self.journal / "2026" / "11"
        month.mkdir(parents=True, mode=0o700)
        for mode, who in [(0o777, "anyone"), (0o770, "its group")]:
            with self.subTest(mode=oct(mode)):
                os.chmod(month, mode)
                result = self.run_settle(*self.WRITE)
                self.assertEqual(result.code, 1, result)
                self.assertIn(f"{month} can be written by {who} (mode 0{mode:o})", result.err)
                self.assertIn(f"chmod go-w {month}", result.err)
                self.assertEqual(list(month.iterdir()), [])
        os.chmod(month, 0o755)
        self.ok(*self.WRITE)

    @unittest.skipUnless(os.geteuid() == 0, "needs root to give a folder to another user")
    def test_a_folder_owned_by_someone_else_is_refused(self):
        year = self.journal / "2026"
        year.mkdir(parents=True, mode=0o700)
        os.chown(year, 65534, 65534)
        result = self.run_settle(*self.WRITE)
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"{year} belongs to another user (uid 65534)", result.err)
        self.assertEqual(list(year.iterdir()), [])


if __name__ == "__main__":
    unittest.main()
