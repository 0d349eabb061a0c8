#!/usr/bin/env python3
"""How fast `settle summary --all` reads a big journal, against `grep -r`.

For each size it writes a journal with generate_journal.py (deterministic,
kept between runs in --workdir), warms the page cache, then times `grep -r`
and `settle summary --all` in alternating runs and prints, in one table:
the median wall time of each, their ratio, settle's CPU time and peak memory,
the scaling from the smallest to the largest size, and the peak memory for
the largest size again with notes eight times longer (memory must not grow
with entry bodies).

grep is given every advantage: the C locale, and a count per file so that it
reads every byte of every file (with output going to /dev/null, GNU grep would
stop at the first match).

Usage: bench/summary.py [--settle build/settle] [--sizes 10000,100000] [--runs 7]
Target (PRODUCT.md): ratio <= 2 at 100,000 entries, linear from 10k to 100k.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 2.0
GNU_TIME = "/usr/bin/time"  # Debian's `time` package


def generate(workdir, entries, seed, note_scale):
    folder = workdir / f"journal-{entries}-seed{seed}-notes{note_scale}"
    done = folder / ".complete"
    if not done.exists():
        print(f"  writing {entries:,} entries to {folder} ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, str(HERE / "generate_journal.py"), "--entries",
                        str(entries), "--seed", str(seed), "--note-scale", str(note_scale),
                        "--out", str(folder)], check=True)
        done.touch()
    return folder


def run_once(argv, env, stdout_path, scratch):
    """Wall seconds, CPU seconds and peak RSS (KiB) of one run.

    GNU time runs the command, because a child's peak RSS as the kernel
    reports it includes the memory of whoever forked it (this Python).
    """
    report = scratch / "time"
    timed = [GNU_TIME, "-q", "-o", str(report), "-f", "%U %S %M", *argv]
    with open(stdout_path, "wb") as out:
        start = time.perf_counter()
        code = subprocess.run(timed, stdout=out, stderr=subprocess.DEVNULL, env=env).returncode
        wall = time.perf_counter() - start
    if code not in (0, 1):  # grep exits 1 when a file has no match
        raise SystemExit(f"{argv[0]} failed with exit status {code}")
    user, system, peak = report.read_text().split()[-3:]
    return wall, float(user) + float(system), int(peak)


def measure(settle, journal, runs, scratch):
    grep_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
    settle_env = {"PATH": grep_env["PATH"], "HOME": str(scratch), "LANG": "C.UTF-8",
                  "XDG_CONFIG_HOME": str(scratch / "config"), "TZ": "America/Edmonton",
                  "SETTLE_JOURNAL": str(journal)}
    grep = ["grep", "-r", "-c", "urge_before", str(journal)]
    summary = [str(settle), "summary", "--all", "--width", "80"]
    out = scratch / "out"
    for argv, env in ((grep, grep_env), (summary, settle_env)):  # warm the page cache
        run_once(argv, env, out, scratch)
    grep_runs, summary_runs = [], []
    for _ in range(runs):  # alternate, so both see the same machine load
        grep_runs.append(run_once(grep, grep_env, out, scratch))
        summary_runs.append(run_once(summary, settle_env, out, scratch))
    return {
        "grep": statistics.median(r[0] for r in grep_runs),
        "grep_cpu": statistics.median(r[1] for r in grep_runs),
        "summary": statistics.median(r[0] for r in summary_runs),
        "summary_cpu": statistics.median(r[1] for r in summary_runs),
        "rss": max(r[2] for r in summary_runs),
    }


def folder_megabytes(folder):
    return sum(f.stat().st_size for f in folder.rglob("*.md")) / 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settle", type=Path, default=HERE.parent / "build" / "settle")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "settle-bench")
    args = parser.parse_args()
    if not Path(GNU_TIME).is_file():
        raise SystemExit(f"{GNU_TIME} is missing: apt-get install time")
    if not args.settle.is_file():
        raise SystemExit(f"no settle binary at {args.settle}; build it or pass --settle")
    sizes = [int(s) for s in args.sizes.split(",")]
    args.workdir.mkdir(parents=True, exist_ok=True)

    load = os.getloadavg()[0]
    results = {}
    with tempfile.TemporaryDirectory(prefix="settle-bench-") as scratch:
        scratch = Path(scratch)
        for size in sizes:
            journal = generate(args.workdir, size, args.seed, 1)
            results[size] = measure(args.settle, journal, args.runs, scratch)
            results[size]["mb"] = folder_megabytes(journal)
        long_notes = generate(args.workdir, sizes[-1], args.seed, 8)
        long = measure(args.settle, long_notes, max(3, args.runs // 2), scratch)
        long["mb"] = folder_megabytes(long_notes)

    print(f"settle summary --all against grep -r, median of {args.runs} alternating runs, "
          f"warm cache, {os.cpu_count()} cores, load average {load:.1f} at the start")
    if load > os.cpu_count():
        print("(a busy machine: wall times wander; CPU times, user + system, are steadier)")
    print(f"{'entries':>9} {'text MB':>8} {'grep -r':>9} {'summary':>9} {'ratio':>6} "
          f"{'grep CPU':>9} {'summary CPU':>12} {'CPU ratio':>10} {'peak RSS':>9}")
    for size, r in results.items():
        print(f"{size:>9,} {r['mb']:>8.1f} {r['grep']:>8.3f}s {r['summary']:>8.3f}s "
              f"{r['summary'] / r['grep']:>5.2f}x {r['grep_cpu']:>8.3f}s {r['summary_cpu']:>11.3f}s "
              f"{r['summary_cpu'] / r['grep_cpu']:>9.2f}x {r['rss'] / 1024:>6.1f} MB")
    small, large = sizes[0], sizes[-1]
    if large != small:
        factor = large / small
        growth = {key: results[large][key] / results[small][key]
                  for key in ("grep", "summary", "grep_cpu", "summary_cpu")}
        print(f"scaling {small:,} -> {large:,} entries (x{factor:g}): wall grep x"
              f"{growth['grep']:.1f}, summary x{growth['summary']:.1f}; CPU grep x"
              f"{growth['grep_cpu']:.1f}, summary x{growth['summary_cpu']:.1f}")
    print(f"{large:,} entries with notes 8x longer ({long['mb']:.0f} MB of text): summary "
          f"{long['summary']:.3f}s, peak RSS {long['rss'] / 1024:.1f} MB "
          f"(vs {results[large]['rss'] / 1024:.1f} MB)")
    ratio = results[large]["summary"] / results[large]["grep"]
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"target: summary at most {TARGET_RATIO:g}x grep -r at {large:,} entries: {verdict} "
          f"({ratio:.2f}x)")


if __name__ == "__main__":
    main()
