#!/usr/bin/env python3
"""Every reader of the journal at the speed of `grep -r`, in little memory.

On one generated journal (generate_journal.py, 100,000 entries by default,
written once and kept in --workdir), this times in alternating runs, after a
warm-up that fills the page cache:

- each reader of the whole journal (list, list --kind pause --format json,
  check, revisit's listing as text and JSON, summary --all) against
  `grep -r` over the same folder, as a ratio of median wall times, with its
  peak memory (GNU time's maximum resident set size);
- the quick ones (list --since 7d, show ID, the shell's completion of IDs)
  against their 50 ms budget.

grep is given every advantage: the C locale, and a count per file so that it
reads every byte of every file (with output going to /dev/null, GNU grep
would stop at the first match).

With --baseline OLD_SETTLE (a build of an earlier commit), OLD_SETTLE's
summary --all runs in the same rounds, and the ratio of the two says
whether summary --all is any slower than it was.

Usage: bench/readers.py [--settle build/settle] [--entries 100000] [--runs 5]
                        [--baseline OLD_SETTLE]
Targets (issue #14): every whole-journal reader at most 1x grep -r with a
peak under 64 MB; the quick ones under 50 ms; summary --all no slower than
the baseline.
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
GNU_TIME = "/usr/bin/time"  # Debian's `time` package
TARGET_RATIO = 1.0
TARGET_PEAK_MB = 64
TARGET_QUICK_MS = 50
BASELINE = "summary --all, the baseline's"

WHOLE = [
    ("list", ["list"]),
    ("list --kind pause --format json", ["list", "--kind", "pause", "--format", "json"]),
    ("check", ["check"]),
    ("revisit (its listing)", ["revisit"]),
    ("revisit --format json", ["revisit", "--format", "json"]),
    ("summary --all", ["summary", "--all", "--width", "80"]),
]


def quick_commands(journal):
    """The quick readers, with an entry from the middle of the journal to show."""
    months = sorted(p for p in journal.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]") if p.is_dir())
    names = sorted(p.stem for p in months[len(months) // 2].glob("*.md"))
    entry = names[len(names) // 2]
    return [
        ("list --since 7d", ["list", "--since", "7d"]),
        (f"show {entry}", ["show", entry]),
        ("completion of IDs (show <Tab>)", ["__complete", "--", "show", ""]),
    ]


def generate(workdir, entries, seed):
    folder = workdir / f"journal-{entries}-seed{seed}-notes1"
    done = folder / ".complete"
    if not done.exists():
        print(f"  writing {entries:,} entries to {folder} (once) ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, str(HERE / "generate_journal.py"), "--entries",
                        str(entries), "--seed", str(seed), "--out", str(folder)], check=True)
        done.touch()
    return folder


def run_once(argv, env, scratch):
    """Wall seconds, CPU seconds (user + system) and peak RSS (KiB) of one
    run, its output to /dev/null.

    GNU time runs the command, because a child's peak RSS as the kernel
    reports it includes the memory of whoever forked it (this Python).
    """
    report = scratch / "time"
    timed = [GNU_TIME, "-q", "-o", str(report), "-f", "%U %S %M", *argv]
    start = time.perf_counter()
    code = subprocess.run(timed, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          env=env).returncode
    wall = time.perf_counter() - start
    if code not in (0, 1):  # grep: a file without a match; check: files that need a look
        raise SystemExit(f"{' '.join(argv)} failed with exit status {code}")
    user, system, peak = report.read_text().split()[-3:]
    return wall, float(user) + float(system), int(peak)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settle", type=Path, default=HERE.parent / "build" / "settle")
    parser.add_argument("--entries", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick-runs", type=int, default=21)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=HERE.parent / "build" / "bench")
    parser.add_argument("--baseline", type=Path,
                        help="an earlier build of settle, whose summary --all is timed too")
    args = parser.parse_args()
    if not Path(GNU_TIME).is_file():
        raise SystemExit(f"{GNU_TIME} is missing: apt-get install time")
    if not args.settle.is_file():
        raise SystemExit(f"no settle binary at {args.settle}; build it or pass --settle")
    args.workdir.mkdir(parents=True, exist_ok=True)
    journal = generate(args.workdir, args.entries, args.seed)
    settle = str(args.settle.resolve())

    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="settle-bench-") as scratch:
        scratch = Path(scratch)
        path = os.environ.get("PATH", "/usr/bin:/bin")
        grep_env = {"PATH": path, "LC_ALL": "C"}
        settle_env = {"PATH": path, "HOME": str(scratch), "LANG": "C.UTF-8",
                      "XDG_CONFIG_HOME": str(scratch / "config"), "TZ": "America/Edmonton",
                      "SETTLE_JOURNAL": str(journal)}
        grep = ("grep -r", ["grep", "-r", "-c", "urge_before", str(journal)], grep_env)
        whole = [grep] + [(name, [settle, *argv], settle_env) for name, argv in WHOLE]
        if args.baseline:
            whole.append((BASELINE, [str(args.baseline.resolve()), *dict(WHOLE)["summary --all"]],
                          settle_env))
        quick = [(name, [settle, *argv], settle_env) for name, argv in quick_commands(journal)]

        for _, argv, env in whole + quick:  # warm the page cache
            run_once(argv, env, scratch)
        walls = {name: [] for name, _, _ in whole + quick}
        cpus = {name: [] for name, _, _ in whole + quick}
        peaks = {name: 0 for name, _, _ in whole + quick}
        for rounds, commands in ((args.runs, whole), (args.quick_runs, quick)):
            for _ in range(rounds):  # alternate, so that all see the same machine load
                for name, argv, env in commands:
                    wall, cpu, peak = run_once(argv, env, scratch)
                    walls[name].append(wall)
                    cpus[name].append(cpu)
                    peaks[name] = max(peaks[name], peak)
    median = {name: statistics.median(times) for name, times in walls.items()}
    cpu = {name: statistics.median(times) for name, times in cpus.items()}

    entries = sum(1 for _ in journal.glob("*/*/*.md"))
    print(f"settle's readers on a generated journal of {entries:,} entries, warm cache, "
          f"{os.cpu_count()} cores, load average {load:.1f} at the start")
    print(f"whole journal: median of {args.runs} alternating runs against grep -r "
          f"({median['grep -r']:.3f} s, CPU {cpu['grep -r']:.3f} s)")
    print(f"  {'reader':<34} {'median':>9} {'vs grep -r':>11} {'CPU vs grep':>12} "
          f"{'peak memory':>12}  target")
    failed = []
    for name, _, _ in whole[1:]:
        if name == BASELINE:
            continue
        ratio = median[name] / median["grep -r"]
        peak_mb = peaks[name] / 1024
        met = ratio <= TARGET_RATIO and peak_mb < TARGET_PEAK_MB
        if not met:
            failed.append(name)
        print(f"  {name:<34} {median[name]:>8.3f}s {ratio:>10.2f}x "
              f"{cpu[name] / cpu['grep -r']:>11.2f}x {peak_mb:>9.1f} MB  "
              f"{'met' if met else 'NOT met'}")
    if args.baseline:
        ratio = median["summary --all"] / median[BASELINE]
        met = ratio <= 1.0
        if not met:
            failed.append("summary --all against the baseline")
        print(f"summary --all against the baseline ({args.baseline}, {median[BASELINE]:.3f} s): "
              f"{ratio:.2f}x wall, {cpu['summary --all'] / cpu[BASELINE]:.2f}x CPU  "
              f"{'met' if met else 'NOT met'}")
    print(f"quick readers: median of {args.quick_runs} runs against the {TARGET_QUICK_MS} ms "
          f"budget")
    print(f"  {'reader':<34} {'median':>9} {'of budget':>11} {'peak memory':>12}  target")
    for name, _, _ in quick:
        share = median[name] * 1000 / TARGET_QUICK_MS
        met = share < 1
        if not met:
            failed.append(name)
        print(f"  {name:<34} {median[name] * 1000:>7.1f}ms {share:>10.2f}x "
              f"{peaks[name] / 1024:>9.1f} MB  {'met' if met else 'NOT met'}")
    if load > (os.cpu_count() or 1):
        print("(a busy machine: wall times wander, and the ratios are of this run only; "
              "CPU times, user + system, are steadier)")
    print("targets: " + ("all met" if not failed else "NOT met for " + ", ".join(failed)))


if __name__ == "__main__":
    main()
