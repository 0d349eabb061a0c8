"""Terminal safety: text from entries (fields, tags, notes, file names, bad
values quoted in errors) and from content files holds escape sequences that
would retitle the window, write the clipboard, plant a hyperlink or clear the
screen. None may reach a terminal raw: each reader is run on a real
pseudo-terminal and its output must hold no control character at all (the
payloads shown visibly instead, as ^[ and <U+009B>); JSON output escapes
them.

NO_COLOR is set, so settle's own styling adds no escape sequence either and
any ESC in the output is a leak.
"""

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import termios
import unittest

from harness import BINARY, JournalTest, assert_no_sanitizer_report

PAYLOADS = {
    "clear": "\x1b[2J\x1b[H",
    "title": "\x1b]0;owned\x07",
    "hyperlink": "\x1b]8;;https://example.invalid/\x1b\\click\x1b]8;;\x1b\\",
    "clipboard": "\x1b]52;c;cm0gLXJmIH4K\x07",
    "c1-csi": "\u009b31m",
    "c1-osc": "\u009d0;owned\u009c",
    "dcs": "\x1bP+q544e\x1b\\",
    "overwrite": "fine\rEVIL\x08\x08",
    "del": "a\x7fb",
}
ALL = "".join(PAYLOADS.values())
# What a terminal could act on: C0 controls but newline and tab, DEL, C1.
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]")
MONTH = "2026/11"


class TerminalSafetyTest(JournalTest):
    def setUp(self):
        super().setUp()
        self.env["NO_COLOR"] = "1"
        self.ok("script", "--situation", "s" + ALL, "--feel", "f" + ALL, "--need", "n" + ALL,
                "--tag", "t" + PAYLOADS["title"], "--note", "note" + ALL, "--at",
                "2026-11-27 21:00")
        self.ok("audit", "--know", "k" + ALL, "--predict", "p" + ALL, "--at", "2026-11-27 22:00")
        self.ok("pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited",
                "--note", "body" + ALL, "--at", "2026-11-27 23:00")
        # A file name and a bad value carrying sequences, written by hand.
        self.odd_name = f"2026-11-28-080000-pause{PAYLOADS['title']}{PAYLOADS['c1-csi']}"
        (self.journal / MONTH / f"{self.odd_name}.md").write_text(
            "---\nschema: 1\nkind: pause\ncreated: 2026-11-28T08:00:00-07:00\nurge_before: 8\n"
            "urge_after: 3\noutcome: waited\ntags: [x]\n---\nNUL \x00 in the body\n")
        self.bad_name = "2026-11-28-090000-pause.md"
        (self.journal / MONTH / self.bad_name).write_text(
            "---\nschema: 1\nkind: pause\ncreated: 2026-11-28T09:00:00-07:00\n"
            f"urge_before: \"{PAYLOADS['clipboard']}\"\nurge_after: 3\noutcome: waited\n---\n")

    def in_terminal(self, *args, env=None, keys=()):
        """Runs settle with stdin, stdout and stderr on a new pseudo-terminal
        (200 columns, no output processing); returns (exit status, text).
        Each of `keys` is typed once the output has paused (for interactive
        views)."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        attributes = termios.tcgetattr(slave)
        attributes[1] &= ~termios.OPOST  # keep "\n" as it is: a "\r" would be settle's
        termios.tcsetattr(slave, termios.TCSANOW, attributes)
        full_env = dict(self.env, TERM="xterm-256color", **(env or {}))
        proc = subprocess.Popen([BINARY, *args], stdin=slave, stdout=slave, stderr=slave,
                                env=full_env, start_new_session=True)
        os.close(slave)
        output = b""
        keys = list(keys)
        while True:
            ready, _, _ = select.select([master], [], [], 0.3 if keys else 30)
            if not ready and keys:
                try:
                    os.write(master, keys.pop(0))
                except OSError:  # settle has already finished
                    keys.clear()
                continue
            if not ready:
                proc.kill()
                self.fail(f"settle {' '.join(args)} did not finish at a terminal")
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: every end of the terminal is closed
                break
            if not data:
                break
            output += data
        os.close(master)
        text = output.decode("utf-8", errors="replace")
        assert_no_sanitizer_report(text)
        return proc.wait(timeout=30), text

    def assert_safe(self, text, *, visible=True):
        leaks = sorted({f"U+{ord(c):04X}" for c in RAW.findall(text)})
        self.assertEqual(leaks, [], f"control characters reached the terminal:\n{text!r}")
        if visible:  # shown, not silently dropped
            self.assertIn("^[]0;owned^G", text)

    def test_list(self):
        code, text = self.in_terminal("list")
        self.assertEqual(code, 0, text)
        self.assert_safe(text)
        self.assertIn("2026-11-28-080000-pause^[]0;owned^G<U+009B>", text)

    def test_show_every_format(self):
        # entry -> formats that show the title payload visibly as ^[ ... ^G:
        # text always; Markdown (the file as it is) where the file holds the
        # raw bytes (the bodies; YAML itself writes fields escaped); JSON
        # shows it escaped as \u001b.
        visible = {"2026-11-27-210000-script": {"text", "markdown"},
                   "2026-11-27-220000-audit": {"text"},
                   "2026-11-27-230000-pause": {"text", "markdown"},
                   self.odd_name: {"text"}}
        for entry, shown in visible.items():
            for form in ("text", "markdown", "json"):
                with self.subTest(entry=entry, format=form):
                    code, text = self.in_terminal("show", f"{MONTH}/{entry}.md", "--format", form)
                    self.assertEqual(code, 0, text)
                    self.assert_safe(text, visible=form in shown)

    def test_check_and_errors(self):
        code, text = self.in_terminal("check")
        self.assertEqual(code, 1, text)
        self.assert_safe(text, visible=False)
        self.assertIn('urge_before must be a whole number from 0 to 10, got "^[]52;c;', text)
        code, text = self.in_terminal("show", self.bad_name[:-3])
        self.assertEqual(code, 1, text)
        self.assert_safe(text, visible=False)
        self.assertIn("^[]52;c;", text)

    def test_ambiguous_id_lists_names_safely(self):
        code, text = self.in_terminal("show", "2026-11-28")
        self.assertEqual(code, 1, text)
        self.assert_safe(text)

    def test_edit_messages(self):
        code, text = self.in_terminal("edit", self.odd_name, env={"EDITOR": "true"})
        self.assertEqual(code, 0, text)
        self.assert_safe(text)

    def test_writing_echoes_the_sentence_safely(self):
        code, text = self.in_terminal("script", "--situation", "s" + ALL, "--feel", "f",
                                      "--need", "n", "--at", "2026-11-29 10:00")
        self.assertEqual(code, 0, text)
        self.assert_safe(text)

    def test_revisit_walk(self):
        if not self.has_command("revisit"):
            self.skipTest("settle revisit is not built yet")
        self.ok("audit", "--know", "k", "--predict", "p" + ALL, "--at", "2026-11-01 10:00")
        # Enter skips each question, so the walk ends by itself.
        code, text = self.in_terminal("revisit", keys=[b"\r"] * 4)
        self.assertEqual(code, 0, text)
        # settle's own switch for bracketed paste, on and off, is the one
        # sequence it sends here; nothing from the entries may reach it.
        self.assertIn("\x1b[?2004h", text)
        text = text.replace("\x1b[?2004h", "").replace("\x1b[?2004l", "")
        self.assert_safe(text)
        self.assertIn("p^[[2J^[[H^[]0;owned^G", text)

    def test_summary(self):
        if not self.has_command("summary"):
            self.skipTest("settle summary is not built yet")
        for form in ("text", "markdown"):
            with self.subTest(format=form):
                code, text = self.in_terminal("summary", "--all", "--format", form)
                self.assertEqual(code, 0, text)
                self.assert_safe(text, visible=False)

    def test_read_content_files(self):
        if not self.has_command("read"):
            self.skipTest("settle read is not built yet")
        topics = self.home / "content" / "topics"
        topics.mkdir(parents=True)
        (topics / "calm.md").write_text(
            # JSON strings are valid YAML double-quoted scalars: the escapes
            # arrive in the title and summary as the raw control characters.
            f"---\nname: calm\ntitle: {json.dumps('Calm ' + PAYLOADS['title'])}\n"
            f"summary: {json.dumps('s' + ALL)}\n"
            f"order: 1\n---\n# Heading {ALL}\n\nA paragraph {ALL}\n\n> quote {ALL}\n\n"
            f"- item {ALL}\n\n```\ncode {ALL}\n```\n\n[link{ALL}](https://x.invalid/{ALL})\n")
        env = {"SETTLE_CONTENT": str(self.home / "content")}
        for args in (["read", "calm"], ["read"], ["read", "calm", "--plain"]):
            with self.subTest(args=args):
                code, text = self.in_terminal(*args, env=env)
                self.assertEqual(code, 0, text)
                self.assert_safe(text, visible=False)
                self.assertIn("^[", text)


class JsonEscapesTest(JournalTest):
    """JSON output escapes every control character, DEL and C1 included, and
    still reads back as exactly what was written."""

    def test_json_escapes_and_round_trips(self):
        self.ok("script", "--situation", ALL, "--feel", "f", "--need", "n", "--note", ALL,
                "--at", "2026-11-27 21:00")
        for args in (["list", "--format", "json"],
                     ["show", "2026-11-27-210000-script", "--format", "json"]):
            with self.subTest(args=args):
                out = self.ok(*args).out
                self.assertIsNone(RAW.search(out), repr(out))
                data = json.loads(out)
                entry = data[0] if isinstance(data, list) else data
                self.assertEqual(entry["situation"], ALL)
                self.assertEqual(entry["note"], ALL + "\n")


if __name__ == "__main__":
    unittest.main()
