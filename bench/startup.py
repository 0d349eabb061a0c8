#!/usr/bin/env python3
"""How much settle costs to start, against /bin/true.

Times, in alternating rounds so that a busy machine slows every command
alike: `/bin/true`, `settle --version`, `settle read TOPIC --plain`, and a
non-interactive entry write (`settle pause` with every field as a flag) into
a fresh temporary journal. Prints, in one table, each command's median wall
time, its ratio to /bin/true and the milliseconds it adds.

Targets (PRODUCT.md): `--version` and `read TOPIC --plain` within a few
milliseconds of /bin/true; an entry write under 10 ms.

Usage: bench/startup.py [--settle build/settle] [--runs 200] [--topic pause]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WITHIN_MS = 5.0      # "a few milliseconds" above /bin/true
WRITE_UNDER_MS = 10.0


def time_once(argv, env):
    start = time.perf_counter()
    code = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          env=env).returncode
    elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"{' '.join(argv)} exited with status {code}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    parser.add_argument("--settle", default=str(root / "build" / "settle"))
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--topic", default="pause")
    args = parser.parse_args()

    settle = str(Path(args.settle).resolve())
    with tempfile.TemporaryDirectory(prefix="settle-bench-startup-") as scratch:
        scratch = Path(scratch)
        # A clean environment: no config file, no pager, the journal in scratch.
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(scratch),
               "XDG_CONFIG_HOME": str(scratch / "config"), "LANG": "C.UTF-8",
               "SETTLE_JOURNAL": str(scratch / "journal"), "TZ": "UTC"}
        commands = [
            ("/bin/true", ["/bin/true"]),
            ("settle --version", [settle, "--version"]),
            (f"settle read {args.topic} --plain", [settle, "read", args.topic, "--plain"]),
            ("settle pause (a write)", [settle, "pause", "--urge-before", "7",
                                        "--urge-after", "4", "--outcome", "waited",
                                        "--tag", "bench"]),
        ]
        for _, argv in commands:  # warm the page cache and the journal folder
            time_once(argv, env)
        samples = {name: [] for name, _ in commands}
        for _ in range(args.runs):
            for name, argv in commands:
                samples[name].append(time_once(argv, env))
        written = sum(1 for _ in (scratch / "journal").rglob("*-pause*.md"))
        if written != args.runs + 1:
            raise SystemExit(f"expected {args.runs + 1} entries, found {written}")

    base = statistics.median(samples["/bin/true"]) * 1000
    load = os.getloadavg()[0]
    print(f"{args.runs} alternating runs each, load average {load:.1f}; "
          f"times are medians of wall time, including Python's spawn cost\n")
    print(f"{'command':<30} {'median':>9} {'ratio':>7} {'added':>9}")
    verdicts = []
    for name, _ in commands:
        ms = statistics.median(samples[name]) * 1000
        added = ms - base
        print(f"{name:<30} {ms:>7.2f}ms {ms / base:>6.2f}x {added:>+7.2f}ms")
        if name.startswith("settle pause"):
            verdicts.append((f"{name}: {ms:.2f} ms, target under {WRITE_UNDER_MS:.0f} ms",
                             ms < WRITE_UNDER_MS))
        elif name != "/bin/true":
            verdicts.append((f"{name}: {added:+.2f} ms over /bin/true, target within "
                             f"{WITHIN_MS:.0f} ms", added < WITHIN_MS))
    print()
    for text, met in verdicts:
        print(f"{'met' if met else 'MISSED'}: {text}")
    return 0 if all(met for _, met in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
