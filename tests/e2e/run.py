#!/usr/bin/env python3
"""Runs one end-to-end test file for CTest and accounts for every skip.

    python3 run.py test_write

unittest reports a skipped test as a pass of the whole file, so a missing
tool (tmux, a shell, a browser) could quietly turn a file's checks off. This
runs the file as `python3 -m unittest -v` does, then:

- names every skipped test and its reason at the end of the output, and in
  $SETTLE_BUILD_DIR/Testing/skipped/FILE.txt, which scripts/test lists after
  CTest has run (the file is removed when nothing was skipped);
- exits 77 when every test of the file was skipped, which CTest shows as
  "Skipped" (SKIP_RETURN_CODE);
- fails (exit 1) when anything was skipped and SETTLE_EXPECT_NO_SKIPS=1,
  which .ci/run sets: CI's machine has every dependency installed and runs
  as root, so a skip there means a test stopped running.
"""

import os
import sys
import unittest
from pathlib import Path

SKIPPED = 77


def skip_record_path(name):
    build = os.environ.get("SETTLE_BUILD_DIR")
    return Path(build) / "Testing" / "skipped" / f"{name}.txt" if build else None


def main():
    if len(sys.argv) != 2:
        print("usage: run.py TEST_FILE_NAME", file=sys.stderr)
        return 2
    name = sys.argv[1]
    suite = unittest.defaultTestLoader.loadTestsFromName(name)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    sys.stdout.flush()

    skipped = [f"{test.id()}: {reason}" for test, reason in result.skipped]
    record = skip_record_path(name)
    if record:
        if skipped:
            record.parent.mkdir(parents=True, exist_ok=True)
            record.write_text("".join(line + "\n" for line in skipped))
        elif record.exists():
            record.unlink()
    if skipped:
        print(f"\nskipped {len(skipped)} of {result.testsRun}:")
        for line in skipped:
            print(f"  {line}")

    if not result.wasSuccessful():
        return 1
    if skipped and os.environ.get("SETTLE_EXPECT_NO_SKIPS") == "1":
        print("\nSETTLE_EXPECT_NO_SKIPS=1: every dependency is installed on this machine, "
              "so no test may skip; install what is missing or fix the test")
        return 1
    if skipped and len(skipped) >= result.testsRun:
        return SKIPPED
    return 0


if __name__ == "__main__":
    sys.exit(main())
