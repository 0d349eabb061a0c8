#!/usr/bin/env python3
"""How fast `settle summary --all --format html` makes the printable page.

It writes a journal with generate_journal.py (the same deterministic
journals as bench/summary.py, kept between runs in --workdir), warms the
page cache, then times in alternating runs `settle summary --all` (text),
the HTML page with counts and charts only (the default), and the HTML page
with every word the person could choose to include (`--include all`, the
largest page there can be). It prints the median wall and CPU time of each,
the ratio of each HTML page to the text summary, and the share of the
budget each uses.

Usage: bench/summary_html.py [--settle build/settle] [--entries 10000] [--runs 7]
Target (issue 17): the HTML page of 10,000 entries in under one second.
"""

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from summary import GNU_TIME, generate, run_once  # noqa: E402  (bench/summary.py)

BUDGET_SECONDS = 1.0


def measure(settle, journal, runs, scratch):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(scratch),
           "LANG": "C.UTF-8", "XDG_CONFIG_HOME": str(scratch / "config"),
           "TZ": "America/Edmonton", "SETTLE_JOURNAL": str(journal)}
    commands = {
        "text": [str(settle), "summary", "--all", "--width", "80"],
        "html": [str(settle), "summary", "--all", "--format", "html"],
        "html, every word": [str(settle), "summary", "--all", "--format", "html",
                             "--include", "all"],
    }
    outputs = {name: scratch / f"out-{i}" for i, name in enumerate(commands)}
    for name, argv in commands.items():  # warm the page cache
        run_once(argv, env, outputs[name], scratch)
    times = {name: [] for name in commands}
    for _ in range(runs):  # alternate, so all see the same machine load
        for name, argv in commands.items():
            times[name].append(run_once(argv, env, outputs[name], scratch))
    return {name: {"wall": statistics.median(r[0] for r in found),
                   "cpu": statistics.median(r[1] for r in found),
                   "rss": max(r[2] for r in found),
                   "bytes": outputs[name].stat().st_size}
            for name, found in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settle", type=Path, default=HERE.parent / "build" / "settle")
    parser.add_argument("--entries", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "settle-bench")
    args = parser.parse_args()
    if not Path(GNU_TIME).is_file():
        raise SystemExit(f"{GNU_TIME} is missing: apt-get install time")
    if not args.settle.is_file():
        raise SystemExit(f"no settle binary at {args.settle}; build it or pass --settle")
    args.workdir.mkdir(parents=True, exist_ok=True)

    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="settle-bench-") as scratch:
        journal = generate(args.workdir, args.entries, args.seed, 1)
        results = measure(args.settle, journal, args.runs, Path(scratch))

    print(f"settle summary --all of {args.entries:,} entries, as text and as the HTML page, "
          f"median of {args.runs} alternating runs, warm cache, {os.cpu_count()} cores, "
          f"load average {load:.1f} at the start")
    if load > os.cpu_count():
        print("(a busy machine: wall times wander; CPU times, user + system, are steadier)")
    text = results["text"]
    print(f"{'output':>17} {'size':>9} {'wall':>8} {'CPU':>8} {'wall / text':>12} "
          f"{'CPU / text':>11} {'of 1 s':>7} {'peak RSS':>9}")
    for name, r in results.items():
        print(f"{name:>17} {r['bytes'] / 1e6:>6.2f} MB {r['wall']:>7.3f}s {r['cpu']:>7.3f}s "
              f"{r['wall'] / text['wall']:>11.2f}x {r['cpu'] / max(text['cpu'], 0.01):>10.2f}x "
              f"{r['wall'] / BUDGET_SECONDS:>6.0%} {r['rss'] / 1024:>6.1f} MB")
    worst = max(results["html"]["wall"], results["html, every word"]["wall"])
    verdict = "met" if worst < BUDGET_SECONDS else "NOT met"
    print(f"target: the HTML page of {args.entries:,} entries in under {BUDGET_SECONDS:g} s: "
          f"{verdict} (the slower page takes {worst / BUDGET_SECONDS:.0%} of it)")


if __name__ == "__main__":
    main()
