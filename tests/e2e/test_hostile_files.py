"""Hostile files: a journal holding malformed and adversarial files next to
good entries. Each bad file gets a `path:line: message` (or, for what is not
a regular file or is too large, a documented `path: ...; skipped`); no reader
crashes or hangs, and every good entry is still read and counted.

The static corpus is tests/fixtures/hostile/; what cannot live in git (a
10 MB file, 10,000-deep nesting, a large alias bomb, symbolic links, a FIFO,
a device, a socket, an unreadable file, a folder named like an entry) is
made here. Writers are checked too: they never follow a symbolic link out of
the journal.
"""

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import time
import unittest
from pathlib import Path

from harness import BINARY, JournalTest, assert_no_sanitizer_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
MONTH = "2026/11"
PREFIX = "2026-11-27-2114"
NEST = "nests lists or maps hundreds of levels deep"
NOT_RFC3339 = "created must be an RFC 3339 time such as 2026-11-27T21:14:03-07:00, got"
SYMLINK = "is a symbolic link; skipped"
NOT_REGULAR = "is not a regular file; skipped"

# Fixture -> (line, start of the message), or None when it is a valid entry
# (a hand edit settle must read). Line 0 means a whole-file skip.
EXPECTED = {
    "alias-bomb-in-tags.md": (18, "each tags item must be text"),
    "alias-bomb-unknown-key.md": None,
    "anchors-in-expected-keys.md": None,
    "binary-junk.md": (1, "an entry must start with a '---' line"),
    "bom-and-crlf.md": None,
    "complex-key.md": None,
    "cr-only-line-ends.md": (1, "an entry must start with a '---' line"),
    "date-a-list.md": (4, "created must be a date and time"),
    "date-february-30.md": (4, NOT_RFC3339),
    "date-leap-second.md": (4, NOT_RFC3339),
    "date-month-13.md": (4, NOT_RFC3339 + ' "2026-13-45T21:14:03-07:00"'),
    "date-no-offset.md": (4, NOT_RFC3339),
    "date-offset-25h.md": (4, NOT_RFC3339),
    "date-year-99999.md": (4, NOT_RFC3339 + ' "99999-01-01T00:00:00Z"'),
    "duplicate-key.md": (7, 'key "urge_before" appears twice; keep one'),
    "duplicate-kind.md": (8, 'key "kind" appears twice; keep one'),
    "empty-frontmatter.md": (2, "the frontmatter must be a set of 'key: value' lines"),
    "empty.md": (1, "an entry must start with a '---' line"),
    "escapes-in-an-error.md": (5, 'urge_before must be a whole number from 0 to 10, got '
                                  '"^[]0;owned^G^[[2J"'),
    "frontmatter-a-list.md": (2, "the frontmatter must be a set of 'key: value' lines"),
    "frontmatter-plain-text.md": (2, "the frontmatter must be a set of 'key: value' lines"),
    "incomplete-maybe.md": (8, "incomplete must be true or false"),
    "invalid-utf8-situation.md": (5, "situation is not valid UTF-8 text"),
    "invalid-utf8-value.md": (8, "tags is not valid UTF-8 text"),
    "kind-unknown.md": (3, 'kind must be audit, script or pause, got "mood"'),
    "know-item-a-map.md": (6, "each know item must be text"),
    "long-line.md": None,
    "missing-created.md": (2, 'missing key "created"'),
    "nesting-600-deep.md": (8, "the frontmatter " + NEST),
    "no-closing-fence.md": (1, "the frontmatter opened on line 1 is never closed with '---'"),
    "no-opening-fence.md": (1, "an entry must start with a '---' line"),
    "nul-in-body.md": None,
    "nul-in-frontmatter.md": (5, "the frontmatter holds a NUL byte"),
    "only-a-fence.md": (1, "the frontmatter opened on line 1 is never closed with '---'"),
    "outcome-unknown.md": (7, 'outcome must be waited, reached-out or undecided, got "later"'),
    "schema-a-word.md": (2, 'schema must be a whole number from 0 to 1000000, got "one"'),
    "schema-newer.md": (2, "schema 2 is newer than this settle understands (1)"),
    "tab-indentation.md": (9, "the frontmatter is not valid YAML"),
    "tags-a-map.md": (5, "tags must be a list"),
    "timer-a-number.md": (8, "timer must have planned_seconds and elapsed_seconds"),
    "timer-negative.md": (10, 'elapsed_seconds must be a whole number from 0 to 86400, got "-5"'),
    "unclosed-bracket.md": (8, "the frontmatter is not valid YAML"),
    "urge-a-list.md": (5, "urge_before must be a whole number from 0 to 10"),
    "urge-a-word.md": (5, 'urge_before must be a whole number from 0 to 10, got "high"'),
    "urge-float.md": (5, 'urge_before must be a whole number from 0 to 10, got "7.5"'),
    "urge-huge-integer.md": (5, "urge_before must be a whole number from 0 to 10, got "
                                '"99999999999999999999999999999999"'),
    "urge-negative.md": (5, 'urge_before must be a whole number from 0 to 10, got "-1"'),
    "urge-out-of-range.md": (5, 'urge_before must be a whole number from 0 to 10, got "11"'),
    "utf16.md": (1, "an entry must start with a '---' line"),
    "yaml-directive.md": (2, 'missing key "kind"'),
}

HEAD = "---\nschema: 1\nkind: pause\ncreated: 2026-11-27T21:14:03-07:00\n"
PAUSE = "urge_before: 8\nurge_after: 3\noutcome: waited\n"


def alias_bomb(levels, width):
    """A billion-laughs document: `levels` anchors, each `width` aliases of
    the one before; as a tree it has width**levels leaves."""
    lines = []
    for i in range(levels):
        item = f"*l{i - 1}" if i else "lol"
        lines.append(f"l{i}: &l{i} [" + ", ".join([item] * width) + "]\n")
    return "".join(lines)


class HostileJournalTest(JournalTest):
    """One journal holding every hostile file and three good entries."""

    def setUp(self):
        super().setUp()
        self.outside = self.home / "outside"
        self.outside.mkdir()
        (self.outside / "secret.md").write_text(HEAD + PAUSE + "---\nnot the journal's\n")
        for args in (["pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited",
                      "--at", "2026-11-20 21:00"],
                     ["audit", "--know", "it is 9pm", "--at", "2026-11-25 20:00"],
                     ["script", "--situation", "a quiet evening", "--feel", "lonely", "--need",
                      "closeness", "--at", "2026-11-26 22:00"]):
            self.ok(*args)
        self.good = 3
        self.month = self.journal / MONTH
        # name -> (line, message) or None, for every file put in the journal
        self.expected = {}
        for n, fixture in enumerate(sorted(FIXTURES.iterdir())):
            name = f"{PREFIX}{n:02d}-{fixture.name}"
            shutil.copyfile(fixture, self.month / name)
            self.expected[name] = EXPECTED[fixture.name]
        self.make_generated()

    def add(self, stem, expected):
        name = f"2026-11-28-{len(self.expected):06d}-{stem}.md"
        self.expected[name] = expected
        return self.month / name

    def make_generated(self):
        self.add("ten-megabytes", (0, "is 10485760 bytes, larger than an entry can be "
                                      "(1048576 bytes); skipped")).write_bytes(b"a" * 10485760)
        head = (HEAD + PAUSE + "---\n").encode()
        self.add("one-mebibyte-and-one", (0, "is 1048577 bytes, larger than an entry can be")) \
            .write_bytes(head + b"x" * (1048577 - len(head)))
        self.add("one-mebibyte-exactly", None) \
            .write_bytes(head + b"x\n" * ((1048576 - len(head)) // 2))
        self.add("nesting-flow-10000", (8, "the frontmatter " + NEST)) \
            .write_text(HEAD + PAUSE + "deep: " + "[" * 10000 + "]" * 10000 + "\n---\n")
        self.add("nesting-maps-10000", (8, "the frontmatter " + NEST)) \
            .write_text(HEAD + PAUSE + "deep: " + "{a: " * 10000 + "1" + "}" * 10000 + "\n---\n")
        self.add("nesting-dashes-10000", (9, "the frontmatter " + NEST)) \
            .write_text(HEAD + PAUSE + "deep:\n" + "- " * 10000 + "x\n---\n")
        # 10^40 leaves as a tree; never walked because settle reads only
        # the keys it expects, with the types it expects.
        self.add("alias-bomb-unknown-key", None) \
            .write_text(HEAD + PAUSE + alias_bomb(40, 10) + "---\n")
        # Named at line 43, where the offending item (the list l38) is made.
        self.add("alias-bomb-in-know", (43, "each know item must be text")).write_text(
            "---\nschema: 1\nkind: audit\ncreated: 2026-11-27T21:14:03-07:00\n"
            + alias_bomb(40, 10) + "know: *l39\n---\n")
        self.add("symlink-outside", (0, SYMLINK)).symlink_to(self.outside / "secret.md")
        self.add("symlink-dangling", (0, SYMLINK)).symlink_to(self.outside / "missing.md")
        loop_a = self.add("symlink-loop-a", (0, SYMLINK))
        loop_b = self.add("symlink-loop-b", (0, SYMLINK))
        loop_a.symlink_to(loop_b)
        loop_b.symlink_to(loop_a)
        self_loop = self.add("symlink-to-itself", (0, SYMLINK))
        self_loop.symlink_to(self_loop)
        os.mkfifo(self.add("fifo", (0, NOT_REGULAR)))
        self.add("folder-named-like-an-entry", (0, NOT_REGULAR)).mkdir()
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(self.add("socket", (0, NOT_REGULAR))))
        self.addCleanup(server.close)
        device = self.add("device", (0, NOT_REGULAR))
        try:  # a character device like /dev/null; containers may forbid it
            os.mknod(device, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        except PermissionError:
            del self.expected[device.name]

    def problems(self):
        return {n: e for n, e in self.expected.items() if e is not None}

    def located(self, name, expected):
        line, message = expected
        where = f"{MONTH}/{name}" + (f":{line}" if line else "")
        return f"{where}: {message}"

    def test_check_names_every_bad_file_and_counts_the_rest(self):
        started = time.monotonic()
        result = self.run_settle("check", timeout=60)
        elapsed = time.monotonic() - started
        self.assertEqual(result.code, 1, result)
        lines = result.out.splitlines()
        problems = self.problems()
        self.assertEqual(len(lines), len(problems), result.out)
        for name, expected in problems.items():
            with self.subTest(file=name):
                wanted = self.located(name, expected)
                found = [l for l in lines if l.startswith(f"{MONTH}/{name}:")]
                self.assertEqual(len(found), 1, result.out)
                self.assertTrue(found[0].startswith(wanted), f"{found[0]!r}\n  wanted {wanted!r}")
        total = len(self.expected) + self.good
        self.assertIn(f"{len(problems)} of {total} entries need a look", result.err)
        print(f"\nhostile files: {len(self.expected)} in the journal, {len(problems)} named "
              f"with path:line or skipped, {total - len(problems)} read, check took "
              f"{elapsed:.2f} s", file=sys.stderr)

    def test_list_reports_and_carries_on(self):
        result = self.run_settle("list", "--format", "json", timeout=60)
        self.assertEqual(result.code, 0, result)
        listed = {item["id"] for item in json.loads(result.out)}
        readable = {n[:-3] for n, e in self.expected.items() if e is None}
        self.assertEqual(len(listed), self.good + len(readable))
        self.assertLessEqual(readable, listed)
        skipped = [l for l in result.err.splitlines() if l.startswith("settle: skipped ")]
        self.assertEqual(len(skipped), len(self.problems()), result.err)
        text = self.run_settle("list", timeout=60)
        self.assertEqual(text.code, 0, text)
        self.assertEqual(len(text.out.splitlines()), self.good + len(readable))

    def test_summary_reports_and_carries_on(self):
        if not self.has_command("summary"):
            self.skipTest("settle summary is not built yet")
        for form in ("text", "json"):
            with self.subTest(format=form):
                result = self.run_settle("summary", "--all", "--format", form, timeout=60)
                self.assertEqual(result.code, 0, result)
                self.assertGreater(len(result.out), 0)
                for name in self.problems():
                    self.assertIn(name, result.err)

    def test_show_names_the_problem(self):
        for name, expected in self.problems().items():
            with self.subTest(file=name):
                result = self.run_settle("show", f"{MONTH}/{name}", timeout=30)
                self.assertEqual(result.code, 1, result)
                self.assertIn(self.located(name, expected), result.err)


class UnreadableFileTest(JournalTest):
    """A file the reader may not open. Tests run as root, which may read any
    file whatever its mode; then the reader is run as the unprivileged user
    `nobody` through setpriv, so the refusal is real."""

    def test_unreadable_file_is_named_and_the_rest_read(self):
        self.ok("pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited",
                "--at", "2026-11-20 21:00")
        locked = self.journal / MONTH / "2026-11-21-100000-pause.md"
        locked.write_text(HEAD + PAUSE + "---\n")
        locked.chmod(0)
        command = [BINARY, "check"]
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            if not setpriv:
                self.skipTest("running as root without setpriv: root reads any file")
            for path in [self.home, *self.journal.rglob("*"), self.journal]:
                if path != locked:
                    os.chown(path, 65534, 65534, follow_symlinks=False)
            self.home.chmod(0o755)
            command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        result = subprocess.run(command, capture_output=True, text=True, env=self.env, timeout=30)
        assert_no_sanitizer_report(result.stderr)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stdout,
                         f"{MONTH}/2026-11-21-100000-pause.md: could not open: Permission denied\n")
        self.assertIn("1 of 2 entries need a look", result.stderr)


class WritersStayInTheJournalTest(JournalTest):
    """Writers never follow a symbolic link out of the journal: not a
    symlinked year or month folder, not a link where the new file's name
    would be."""

    WRITE = ["pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited",
             "--at", "2026-11-27 21:14:03"]

    def setUp(self):
        super().setUp()
        self.outside = self.home / "outside"
        self.outside.mkdir()
        self.journal.mkdir(mode=0o700)

    def assert_refused(self, link):
        result = self.run_settle(*self.WRITE)
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"{link} is a symbolic link; settle writes only to real folders inside "
                      "the journal", result.err)
        self.assertEqual(list(self.outside.rglob("*")), [])

    def test_symlinked_year_folder(self):
        (self.journal / "2026").symlink_to(self.outside)
        self.assert_refused(self.journal / "2026")

    def test_symlinked_month_folder(self):
        (self.journal / "2026").mkdir(mode=0o700)
        (self.journal / "2026" / "11").symlink_to(self.outside)
        self.assert_refused(self.journal / "2026" / "11")

    def test_symlink_loop_as_year_folder(self):
        (self.journal / "2026").symlink_to(self.journal / "2026")
        result = self.run_settle(*self.WRITE, timeout=30)
        self.assertEqual(result.code, 1, result)
        self.assertIn("is a symbolic link", result.err)

    def test_link_at_the_new_files_name_is_left_alone(self):
        month = self.journal / "2026" / "11"
        month.mkdir(parents=True, mode=0o700)
        target = self.outside / "target.md"
        target.write_text("someone else's file\n")
        (month / "2026-11-27-211403-pause.md").symlink_to(target)
        saved = self.ok(*self.WRITE, "--print-path").out.strip()
        self.assertEqual(saved, str(month / "2026-11-27-211403-pause-2.md"))
        self.assertEqual(target.read_text(), "someone else's file\n")
        self.assertTrue((month / "2026-11-27-211403-pause.md").is_symlink())

    def test_a_symlinked_journal_root_is_followed(self):
        # The journal itself may live elsewhere (a synced folder): the root
        # is where the person pointed settle, so a link there is theirs.
        real = self.home / "real-journal"
        real.mkdir(mode=0o700)
        self.journal.rmdir()
        self.journal.symlink_to(real)
        self.ok(*self.WRITE)
        self.assertTrue((real / "2026" / "11" / "2026-11-27-211403-pause.md").is_file())


if __name__ == "__main__":
    unittest.main()
