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
    # Invisible format characters: they print nothing but reorder or hide
    # the text around them (a right-to-left override makes "exe.txt" of
    # "txt.exe"), so they are shown as <U+XXXX> too.
    "bidi": "\u202ereversed\u202c",
    "isolate": "\u2067rtl\u2069",
    "zero-width": "a\u200bb\u200e",
    "separator": "a\u2028b\u2029c",
    "bom": "\ufeffx",
    "soft-hyphen": "in\u00advisible",
}
ALL = "".join(PAYLOADS.values())
# What a terminal could act on: C0 controls but newline and tab, DEL, C1;
# and what would change the text shown without being seen: bidirectional
# controls, zero-width characters, line and paragraph separators, the BOM,
# and every other format character (Unicode category Cf).
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u00ad\u061c\u180e"
                 r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2028\u2029\ufeff\ufff9-\ufffb]")
MONTH = "2026/11"


class PseudoTerminalTest(JournalTest):
    """Runs settle on a real pseudo-terminal and checks what reaches it."""

    def setUp(self):
        super().setUp()
        self.env["NO_COLOR"] = "1"

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
        # settle's own bracketed-paste switch is the one sequence it may send.
        text = text.replace("\x1b[?2004h", "").replace("\x1b[?2004l", "")
        leaks = sorted({f"U+{ord(c):04X}" for c in RAW.findall(text)})
        self.assertEqual(leaks, [], f"control characters reached the terminal:\n{text!r}")
        if visible:  # shown, not silently dropped
            self.assertIn("^[]0;owned^G", text)


class TerminalSafetyTest(PseudoTerminalTest):
    def setUp(self):
        super().setUp()
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

    def test_invisible_format_characters_are_shown(self):
        code, text = self.in_terminal("show", f"{MONTH}/2026-11-27-220000-audit.md")
        self.assertEqual(code, 0, text)
        self.assert_safe(text)
        for shown in ("<U+202E>reversed<U+202C>", "<U+2067>rtl<U+2069>", "a<U+200B>b<U+200E>",
                      "a<U+2028>b<U+2029>c", "<U+FEFF>x", "in<U+00AD>visible"):
            self.assertIn(shown, text)

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


HOSTILE = "x" + PAYLOADS["title"] + PAYLOADS["bidi"] + PAYLOADS["c1-csi"]


class EveryCommandTest(PseudoTerminalTest):
    """Every command and the messages around it (success, warnings, errors)
    on a real pseudo-terminal, with a journal folder, a config file, config
    keys and values, tags and entry names that carry escape sequences and
    bidirectional overrides. Nothing may reach the terminal raw."""

    def setUp(self):
        super().setUp()
        self.hostile_journal = self.home / f"journal{HOSTILE}"
        config = self.home / "config" / "settle"
        config.mkdir(parents=True)
        (config / "config.yaml").write_text(
            # Unknown keys are warned about, quoting the key, on every run.
            f"{json.dumps('key' + HOSTILE)}: {json.dumps('value' + HOSTILE)}\n"
            f"git:\n  {json.dumps('git' + HOSTILE)}: 1\n")

    def walk(self, commands, env):
        for args in commands:
            with self.subTest(args=args):
                # The revisit walk asks; Enter skips each question until it
                # ends by itself (keys go once settle waits for them).
                keys = [b"\r"] * 4 if args == ["revisit"] else []
                code, text = self.in_terminal(*args, env=env, keys=keys)
                self.assertNotIn(code, (None, -9), text)
                self.assert_safe(text, visible=False)
                yield args, code, text

    def test_every_command_and_message(self):
        env = {"SETTLE_JOURNAL": str(self.hostile_journal), "EDITOR": "true", "PAGER": ""}
        tag = "t" + PAYLOADS["bidi"].replace(" ", "")
        writes = [
            ["init"],
            ["init"],
            ["audit", "--know", HOSTILE, "--predict", HOSTILE, "--tag", tag, "--at",
             "2026-11-20 10:00"],
            ["script", "--situation", HOSTILE, "--feel", HOSTILE, "--need", HOSTILE,
             "--tag", tag, "--print-path", "--at", "2026-11-21 10:00"],
            ["pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited",
             "--note", HOSTILE, "--tag", tag, "--print-path", "--at", "2026-11-22 10:00"],
            ["audit", "--know", HOSTILE, "--note", "a\r\nb" + HOSTILE],  # refused
            ["audit", "--know", "k", "--tag", HOSTILE + " two words"],  # refused
            ["show", HOSTILE],  # no such entry
            ["revisit", HOSTILE, "--prediction", "1", "--outcome", "didnt"],
        ]
        seen = "".join(text for _, _, text in self.walk(writes, env))
        # The journal folder's name, the refused words, the tag and the
        # missing ID are each quoted, visibly.
        self.assertIn("<U+202E>", seen)
        self.assertIn("^[]0;owned^G", seen)
        self.assertIn("Here is everything you wrote", seen)
        entry = "2026-11-20-100000-audit"
        reads = [
            ["list"], ["list", "--format", "markdown"], ["show", entry],
            ["show", entry, "--format", "markdown"], ["check"], ["summary", "--all"],
            ["summary", "--all", "--format", "markdown"], ["config"], ["edit", entry],
            ["revisit", entry, "--prediction", "1", "--outcome", "didnt"], ["revisit"],
            ["read"], ["crisis"], ["--help"], ["audit", "--help"], ["--version"],
            ["init", "--git"],
        ]
        outputs = {tuple(args): text for args, _, text in self.walk(reads, env)}
        self.assertIn("<U+202E>", outputs[("config",)])
        self.assertIn("<U+202E>", outputs[("show", entry)])


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
