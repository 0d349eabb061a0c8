"""Shared helpers for the end-to-end tests: run the built settle binary
against a fresh temporary journal, with a clean, predictable environment."""

import os
import shutil
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

# Mountain time by POSIX rules (-07 in winter, -06 from the second Sunday of
# March to the first Sunday of November). Named zones change by law
# (Edmonton's changed in tzdata 2026); rules in $TZ itself never do.
MOUNTAIN_RULES = "MST7MDT,M3.2.0,M11.1.0"

BINARY = os.environ.get("SETTLE_BINARY", str(Path(__file__).resolve().parents[2] / "build" / "settle"))


def assert_no_sanitizer_report(text):
    """A sanitizer's report fails the test even when the exit status is the
    one expected (AddressSanitizer exits 1 by default, like a settle error)."""
    for marker in ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", ": runtime error: "):
        if marker in text:
            raise AssertionError(f"sanitizer report from settle:\n{text}")


def wait_until_waiting_for(pid, sig, timeout=60):
    """Waits until process `pid` waits for `sig` (a quiet timer blocks the
    ending signals and waits in sigtimedwait), as /proc shows it, so that a
    signal sent next is the one it waits for, however slowly a busy machine
    started it. While in sigtimedwait the kernel lifts the block, so either
    sign counts."""
    deadline = time.monotonic() + timeout
    bit = 1 << (int(sig) - 1)
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/wchan", encoding="ascii") as wchan:
                if "sigtimedwait" in wchan.read():
                    return
            with open(f"/proc/{pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("SigBlk:") and int(line.split()[1], 16) & bit:
                        return
        except FileNotFoundError:
            raise AssertionError(f"process {pid} ended before it waited for {sig}")
        time.sleep(0.01)
    raise AssertionError(f"process {pid} never waited for {sig}")


class Result:
    def __init__(self, completed):
        self.code = completed.returncode
        self.out = completed.stdout
        self.err = completed.stderr

    def __repr__(self):
        return f"<exit {self.code}\nstdout:\n{self.out}\nstderr:\n{self.err}>"


class JournalTest(unittest.TestCase):
    """Each test gets a new HOME with an empty journal folder path in it."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="settle-e2e-")
        self.home = Path(self._tmp.name)
        self.journal = self.home / "journal"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "XDG_DATA_HOME": str(self.home / "data"),
            "SETTLE_JOURNAL": str(self.journal),
            "TZ": MOUNTAIN_RULES,
            "LANG": "C.UTF-8",
        }
        # Under the sanitizer build (scripts/test), their settings reach settle.
        for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if name in os.environ:
                self.env[name] = os.environ[name]

    def tearDown(self):
        self._tmp.cleanup()

    def run_settle(self, *args, stdin=None, env=None, timeout=60):
        full_env = dict(self.env)
        full_env.update(env or {})
        completed = subprocess.run(
            [BINARY, *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=full_env,
            timeout=timeout,
        )
        assert_no_sanitizer_report(completed.stderr)
        return Result(completed)

    def ok(self, *args, **kwargs):
        result = self.run_settle(*args, **kwargs)
        self.assertEqual(result.code, 0, result)
        return result

    def run_settle_as_nobody(self, *args, timeout=60):
        """settle run where file permissions hold. Root may read any file or
        folder whatever its mode, so as root (CI) settle is run as the user
        `nobody` through setpriv, with the test's home given to it."""
        command = [BINARY, *args]
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            if not setpriv:
                self.skipTest("running as root without setpriv: permissions do not stop root")
            for path in [self.home, *self.home.rglob("*")]:
                os.chown(path, 65534, 65534, follow_symlinks=False)
            self.home.chmod(0o755)
            command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        completed = subprocess.run(command, capture_output=True, text=True, env=self.env,
                                   timeout=timeout)
        assert_no_sanitizer_report(completed.stderr)
        return Result(completed)

    def has_command(self, name):
        """Whether this build of settle has the subcommand `name` (for tests
        of commands that land later)."""
        listing = self.run_settle("--help").out
        return any(line.split()[:1] == [name] for line in listing.splitlines()
                   if line.startswith("  "))

    def entries(self):
        """Entry files in the journal, relative paths, sorted."""
        if not self.journal.exists():
            return []
        return sorted(
            str(p.relative_to(self.journal))
            for p in self.journal.rglob("*.md")
            if not p.name.startswith(".")
        )

    def read_entry(self, relative):
        return (self.journal / relative).read_text(encoding="utf-8")
