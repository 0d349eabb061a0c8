"""Crash safety: SIGKILL settle at random moments while it writes entries,
then prove that nothing is half-written and nothing that was reported saved
is missing.

Most kills are aimed at the write itself: an inotify watch on the month
folders sees the writer's temporary file appear (its name carries the
writer's pid) and the kill follows at once or a moment later, landing while
the text is written, synced, renamed or the folder synced. The others land
at a random moment of the process's life. A kill counts as "mid-write" only
when that writer's temporary file had appeared before it died.

Prints: N writes, K killed mid-write, 0 corrupt, 0 lost
(lost = a write that reported success but whose entry is missing).
"""

import ctypes
import hashlib
import json
import os
import random
import select
import signal
import struct
import subprocess
import sys
import time
import unittest

from harness import BINARY, JournalTest, assert_no_sanitizer_report

WRITES = int(os.environ.get("SETTLE_CRASH_WRITES", "500"))
# A few seconds only, so that many writers land on the same name and the
# "-2", "-3" suffix path is killed too.
TIMES = ["2025-10-31 23:59:59", "2025-11-01 00:00:00", "2025-11-27 21:14:03",
         "2025-12-31 23:59:59", "2026-01-01 00:00:00"]
TEMP_PREFIX = ".settle-tmp-"

IN_CREATE = 0x100
IN_MOVED_TO = 0x80
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000


class Inotify:
    """The folder events of Linux's inotify, through libc."""

    def __init__(self):
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")

    def watch(self, folder):
        if self.libc.inotify_add_watch(self.fd, os.fsencode(folder), IN_CREATE | IN_MOVED_TO) < 0:
            raise OSError(ctypes.get_errno(), f"inotify_add_watch {folder}")

    def names(self, timeout):
        """Names created in watched folders, waiting at most `timeout`."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return []
        try:
            data = os.read(self.fd, 65536)
        except BlockingIOError:
            return []
        names, pos = [], 0
        while pos < len(data):
            _, _, _, length = struct.unpack_from("iIII", data, pos)
            raw = data[pos + 16: pos + 16 + length]
            names.append(raw.rstrip(b"\0").decode("utf-8", "replace"))
            pos += 16 + length
        return names

    def close(self):
        os.close(self.fd)


def note_for(token, rng):
    """A note up to ~96 KB (argv allows 128 KB an argument), so the write
    takes long enough to be hit: the token, then lines derived from it."""
    filler = hashlib.sha256(token.encode()).hexdigest()
    lines = rng.randrange(0, 1500)
    return token + "\n" + "".join(f"{i:05d} {filler}\n" for i in range(lines))


def body_of(text):
    """The body of an entry file as settle wrote it (after the closing fence)."""
    _, _, rest = text.partition("\n---\n")
    return rest


class CrashSafetyTest(JournalTest):
    def assert_readers_see_only_entries(self):
        """check and list read every entry file, each whole, and nothing else."""
        on_disk = len(list(self.journal.rglob("*.md")))
        check = self.run_settle("check", timeout=120)
        # Temporary files that kills left are named by check, one a line
        # (and make it exit 1), never read as entries.
        temps = list(self.journal.rglob(TEMP_PREFIX + "*"))
        self.assertEqual(check.code, 1 if temps else 0, check)
        self.assertEqual(len(check.out.splitlines()), len(temps), check)
        for line in check.out.splitlines():
            self.assertIn("a temporary file left by a settle that stopped while saving", line)
        self.assertIn(f"{on_disk} {'entry' if on_disk == 1 else 'entries'} checked", check.err)
        listed = self.ok("list", "--format", "json", timeout=120)
        self.assertNotIn(TEMP_PREFIX, listed.out + listed.err)
        self.assertEqual(len(json.loads(listed.out)), on_disk)

    def test_sigkill_during_writes_loses_and_corrupts_nothing(self):
        rng = random.Random(os.environ.get("SETTLE_CRASH_SEED", "settle"))
        for month in ("2025/10", "2025/11", "2025/12", "2026/01"):
            os.makedirs(self.journal / month, mode=0o700)
        for folder in (self.journal / "2025", self.journal / "2026", self.journal):
            os.chmod(folder, 0o700)
        watcher = Inotify()
        self.addCleanup(watcher.close)
        for month in ("2025/10", "2025/11", "2025/12", "2026/01"):
            watcher.watch(self.journal / month)

        env = dict(self.env)
        notes = {}            # token -> the note written
        reported = {}         # token -> path settle printed on success
        killed = 0
        killed_mid_write = 0
        temps_left = 0        # kills that left a temporary file behind
        typical = 0.02        # seconds a write takes, updated from clean runs

        for i in range(WRITES):
            token = f"crash-{i:04d}-{rng.randrange(1 << 32):08x}"
            notes[token] = note_for(token, rng)
            plan = rng.random()
            proc = subprocess.Popen(
                [BINARY, "pause", "--urge-before", "7", "--urge-after", "3", "--outcome",
                 "waited", "--at", rng.choice(TIMES), "--print-path", "--note", notes[token]],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            temp_seen = False
            mine = f"{TEMP_PREFIX}{proc.pid}-"
            start = time.monotonic()
            if plan < 0.45:
                # Aimed at the write: kill once the temporary file exists,
                # at once or up to a few milliseconds later.
                while proc.poll() is None and time.monotonic() - start < 30:
                    if any(name.startswith(mine) for name in watcher.names(0.05)):
                        temp_seen = True
                        delay = rng.choice([0, 0, rng.uniform(0, 0.004)])
                        if delay:
                            time.sleep(delay)
                        proc.send_signal(signal.SIGKILL)
                        break
            elif plan < 0.75:
                # Any moment of the process's life.
                time.sleep(rng.uniform(0, typical * 1.5))
                proc.send_signal(signal.SIGKILL)
            out, err = proc.communicate(timeout=60)
            assert_no_sanitizer_report(err.decode(errors="replace"))
            if not temp_seen:
                temp_seen = any(name.startswith(mine) for name in watcher.names(0))
            else:
                watcher.names(0)
            if proc.returncode == -signal.SIGKILL:
                killed += 1
                killed_mid_write += temp_seen
                if any(self.journal.glob(f"*/*/{mine}*")):
                    temps_left += 1
                    # Now and then, while a dead writer's temporary file is
                    # there: readers must not see it.
                    if temps_left % 20 == 1:
                        self.assert_readers_see_only_entries()
                continue
            self.assertEqual(proc.returncode, 0, err.decode(errors="replace"))
            reported[token] = out.decode().strip()
            if plan >= 0.75:
                elapsed = time.monotonic() - start
                typical = 0.8 * typical + 0.2 * elapsed

        # Every file that looks like an entry must be a whole entry holding
        # exactly one note that was given; no note may appear twice.
        found = {}
        corrupt = []
        for path in sorted(self.journal.rglob("*.md")):
            text = path.read_text(encoding="utf-8", errors="replace")
            body = body_of(text)
            token = body.split("\n", 1)[0]
            if token not in notes or body != notes[token] or token in found:
                corrupt.append(str(path))
                continue
            found[token] = str(path)
        lost = [t for t, path in reported.items() if found.get(t) != path]

        self.assert_readers_see_only_entries()

        # What kills left behind is removed by the next write to its folder
        # (each write also removed those of earlier kills as it went).
        for when in ("2025-10-15", "2025-11-15", "2025-12-15", "2026-01-15"):
            self.ok("pause", "--urge-before", "1", "--urge-after", "1", "--outcome", "waited",
                    "--at", when)
        self.assertEqual(list(self.journal.rglob(TEMP_PREFIX + "*")), [])

        print(f"\n{WRITES} writes, {killed_mid_write} killed mid-write, {len(corrupt)} corrupt, "
              f"{len(lost)} lost", file=sys.stderr)
        print(f"  ({killed} killed in all; {temps_left} of them left a temporary file, hidden "
              f"from readers and removed by the next write; {len(found) - len(reported)} died "
              f"after the rename, their entry whole; {len(reported)} reported saved)",
              file=sys.stderr)
        self.assertEqual(corrupt, [])
        self.assertEqual(lost, [])
        # Saved entries are exactly the reported ones plus those whose writer
        # died after the rename but before it could say so.
        self.assertLessEqual(len(reported), len(found))
        # The test means something only if many kills hit the write.
        self.assertGreaterEqual(killed_mid_write, WRITES // 5)


if __name__ == "__main__":
    unittest.main()
