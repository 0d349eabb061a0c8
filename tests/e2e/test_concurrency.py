"""Concurrency: four processes write 250 entries each at the same time, all
aiming at the same few seconds so that they race for the same file names,
while readers (list, check, and summary where it exists) run over the
journal again and again. Afterwards there must be 1,000 distinct, whole
entries; no reader may crash, report a problem, or see a half-written note.

Prints: 4 writers x 250 entries: 1000 distinct entries, R reader runs, 0 problems seen
"""

import json
import os
import subprocess
import sys
import threading
import unittest

from harness import BINARY, JournalTest, assert_no_sanitizer_report

WRITERS = 4
PER_WRITER = int(os.environ.get("SETTLE_CONCURRENT_ENTRIES", "250"))
TIMES = ["2026-11-27 21:14:03", "2026-11-27 21:14:04", "2026-10-01 08:00:00"]


def note_for(writer, n):
    token = f"writer-{writer}-entry-{n:03d}"
    return token, token + "\n" + "".join(f"{token} line {i}\n" for i in range(n % 40))


class ConcurrencyTest(JournalTest):
    def run_binary(self, *args):
        result = subprocess.run([BINARY, *args], capture_output=True, text=True, env=self.env,
                                timeout=120)
        assert_no_sanitizer_report(result.stderr)
        return result

    def test_four_writers_and_readers_at_once(self):
        notes = {}
        for writer in range(WRITERS):
            for n in range(PER_WRITER):
                token, note = note_for(writer, n)
                notes[token] = note
        failures = []
        reader_runs = {}
        done = threading.Event()

        def write(writer):
            for n in range(PER_WRITER):
                token, note = note_for(writer, n)
                result = self.run_binary("audit", "--know", token, "--at", TIMES[n % len(TIMES)],
                                         "--note", note)
                if result.returncode != 0:
                    failures.append(f"writer {writer}: {result.stderr}")

        readers = [["list", "--format", "json"], ["check"]]
        if self.has_command("summary"):
            readers.append(["summary"])

        def read(args):
            name = args[0]
            while not done.is_set():
                result = self.run_binary(*args)
                reader_runs[name] = reader_runs.get(name, 0) + 1
                # check exits 1 when any file cannot be read: a half-written
                # file would be one. Every reader names such a file on stderr.
                if result.returncode != 0 or "skipped" in result.stderr or \
                        "need a look" in result.stderr:
                    failures.append(f"{name} exited {result.returncode}: {result.stderr}")
                    continue
                if name == "list":
                    for item in json.loads(result.stdout):
                        token = item["know"][0]
                        if item["note"] != notes[token]:
                            failures.append(f"list saw a partial note for {token}")

        threads = [threading.Thread(target=read, args=(args,)) for args in readers]
        writers = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
        for thread in threads + writers:
            thread.start()
        for thread in writers:
            thread.join()
        done.set()
        for thread in threads:
            thread.join()

        self.assertEqual(failures, [])
        listed = json.loads(self.ok("list", "--format", "json", timeout=120).out)
        tokens = [item["know"][0] for item in listed]
        self.assertEqual(len(tokens), WRITERS * PER_WRITER)
        self.assertEqual(sorted(tokens), sorted(notes))
        self.assertEqual(len({item["path"] for item in listed}), WRITERS * PER_WRITER)
        for item in listed:
            self.assertEqual(item["note"], notes[item["know"][0]])
        check = self.ok("check", timeout=120)
        self.assertIn(f"{WRITERS * PER_WRITER} entries checked", check.err)
        runs = sum(reader_runs.values())
        detail = ", ".join(f"{name} {count}" for name, count in sorted(reader_runs.items()))
        print(f"\n{WRITERS} writers x {PER_WRITER} entries: {len(set(tokens))} distinct entries, "
              f"{runs} reader runs ({detail}), {len(failures)} problems seen", file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
