"""list, show, check and edit on a fresh journal, including hand-edited and
broken files: readers report a bad file and carry on."""

import json
import os
import stat
import textwrap
import unittest

from harness import BINARY, JournalTest

PAUSE = ["pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited"]


class ReaderTest(JournalTest):
    def setUp(self):
        super().setUp()
        self.ok(*PAUSE, "--at", "2026-11-20 21:00", "--tag", "work")
        self.ok("audit", "--know", "it is 9pm", "--predict", "they're angry", "--at",
                "2026-11-25 20:00")
        self.ok("script", "--situation", "a quiet evening", "--feel", "lonely", "--need",
                "closeness", "--at", "2026-11-27 22:00")

    def write_raw(self, relative, text):
        path = self.journal / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path


class ListTest(ReaderTest):
    def test_lists_every_entry_oldest_first(self):
        result = self.ok("list")
        self.assertEqual(result.out.splitlines(), [
            "2026-11-20-210000-pause  urge 8 → 3, waited #work",
            "2026-11-25-200000-audit  1 known, 1 predicted",
            "2026-11-27-220000-script  feel lonely; need closeness",
        ])

    def test_markdown_table(self):
        self.ok("script", "--situation", "s", "--feel", "torn | split", "--need", "*space*",
                "--at", "2026-11-28 08:00")
        result = self.ok("list", "--format", "markdown")
        self.assertEqual(result.out.splitlines(), [
            "| entry | what |",
            "| --- | --- |",
            "| 2026-11-20-210000-pause | urge 8 → 3, waited \\#work |",
            "| 2026-11-25-200000-audit | 1 known, 1 predicted |",
            "| 2026-11-27-220000-script | feel lonely; need closeness |",
            "| 2026-11-28-080000-script | feel torn \\| split; need \\*space\\* |",
        ])

    def test_filters(self):
        self.assertEqual(len(self.ok("list", "--kind", "audit").out.splitlines()), 1)
        self.assertEqual(len(self.ok("list", "--tag", "work").out.splitlines()), 1)
        since = self.ok("list", "--since", "2026-11-25").out.splitlines()
        self.assertEqual([l.split()[0] for l in since],
                         ["2026-11-25-200000-audit", "2026-11-27-220000-script"])
        until = self.ok("list", "--until", "2026-11-25").out.splitlines()
        self.assertEqual([l.split()[0] for l in until],
                         ["2026-11-20-210000-pause", "2026-11-25-200000-audit"])

    def test_json(self):
        data = json.loads(self.ok("list", "--format", "json").out)
        self.assertEqual([e["kind"] for e in data], ["pause", "audit", "script"])
        pause = data[0]
        self.assertEqual(pause["path"], "2026/11/2026-11-20-210000-pause.md")
        self.assertEqual(pause["created"], "2026-11-20T21:00:00-07:00")
        self.assertEqual((pause["urge_before"], pause["urge_after"], pause["outcome"]),
                         (8, 3, "waited"))
        self.assertEqual(pause["tags"], ["work"])
        self.assertIsNone(pause["timer"])
        self.assertEqual(data[2]["sentence"], "When a quiet evening, I notice I feel lonely, "
                                              "and what I'm actually needing is closeness.")

    def test_bad_file_is_reported_and_the_rest_still_listed(self):
        self.write_raw("2026/11/2026-11-26-100000-pause.md",
                       "---\nschema: 1\nkind: pause\ncreated: 2026-11-26T10:00:00-07:00\n"
                       "urge_before: high\n---\n")
        result = self.ok("list")
        self.assertEqual(len(result.out.splitlines()), 3)
        self.assertIn("2026/11/2026-11-26-100000-pause.md:5: urge_before must be a whole number "
                      'from 0 to 10, got "high"', result.err)

    def test_bad_values(self):
        for args in (["list", "--kind", "mood"], ["list", "--since", "someday"],
                     ["list", "--format", "xml"], ["list", "--since", "2026-11-27",
                                                   "--until", "2026-11-01"]):
            with self.subTest(args=args):
                self.assertEqual(self.run_settle(*args).code, 2)

    def test_escape_sequences_in_entries_are_neutralized(self):
        self.ok("script", "--situation", "x\x1b]0;pwned\x07", "--feel", "a\x1b[31mred",
                "--need", "n")
        result = self.ok("list")
        self.assertNotIn("\x1b", result.out)
        self.assertIn("a^[[31mred", result.out)
        data = self.ok("list", "--format", "json").out
        self.assertNotIn("\x1b", data)
        self.assertIn("\\u001b", data)


class ShowTest(ReaderTest):
    def test_show_by_id_prefix_and_path(self):
        by_id = self.ok("show", "2026-11-25-200000-audit").out
        self.assertIn("What I know is true right now\n  - it is 9pm", by_id)
        self.assertIn("What I am predicting\n  - they're angry", by_id)
        self.assertEqual(self.ok("show", "2026-11-25").out, by_id)
        self.assertEqual(self.ok("show", "2026/11/2026-11-25-200000-audit.md").out, by_id)
        self.assertEqual(self.ok("show", str(self.journal / "2026/11/2026-11-25-200000-audit.md")).out,
                         by_id)

    def test_formats(self):
        path = self.journal / "2026/11/2026-11-20-210000-pause.md"
        self.assertEqual(self.ok("show", "2026-11-20", "--format", "markdown").out,
                         path.read_text())
        data = json.loads(self.ok("show", "2026-11-20", "--format", "json").out)
        self.assertEqual(data["outcome"], "waited")

    def test_missing_and_ambiguous(self):
        missing = self.run_settle("show", "2025")
        self.assertEqual(missing.code, 1)
        self.assertIn("no entry", missing.err)
        ambiguous = self.run_settle("show", "2026-11-2")
        self.assertEqual(ambiguous.code, 1)
        self.assertIn("matches 3 entries", ambiguous.err)


class CheckTest(ReaderTest):
    def test_clean_journal(self):
        result = self.ok("check")
        self.assertEqual(result.out, "")
        self.assertIn("3 entries checked", result.err)

    def test_every_problem_named_with_path_and_line(self):
        self.write_raw("2026/11/2026-11-26-100000-pause.md",
                       "---\nschema: 1\nkind: pause\ncreated: 2026-11-26T10:00:00-07:00\n"
                       "urge_before: 4\nurge_after: 2\noutcome: later\n---\n")
        self.write_raw("2026/11/2026-11-26-110000-audit.md", "no frontmatter here\n")
        result = self.run_settle("check")
        self.assertEqual(result.code, 1, result)
        self.assertEqual(result.out.splitlines(), [
            '2026/11/2026-11-26-100000-pause.md:7: outcome must be waited, reached-out or '
            'undecided, got "later"',
            "2026/11/2026-11-26-110000-audit.md:1: an entry must start with a '---' line "
            "(the YAML frontmatter)",
        ])

    def test_hand_edited_file_passes(self):
        self.write_raw("2026/11/2026-11-26-100000-pause.md", textwrap.dedent("""\
            ---
            # edited by hand
            kind: pause
            urge_after: 2
            schema: 1
            created: 2026-11-26T10:00:00-07:00
            urge_before: 9
            outcome: reached-out
            my_own_key: kept
            tags:
              - added
            ---
            body
            """).replace("\n", "\r\n"))
        self.ok("check")
        self.assertIn("urge 9 → 2, reached-out #added", self.ok("list").out)


class EditTest(ReaderTest):
    def edit_copies(self):
        """The editing copies settle kept beside the entries (hidden files)."""
        return [p for p in (self.journal / "2026/11").iterdir() if p.name.startswith(".settle-edit")]

    def editor(self, script):
        path = self.home / "editor.sh"
        path.write_text("#!/bin/sh\n" + script)
        path.chmod(0o755)
        return {"EDITOR": str(path), "VISUAL": ""}

    def test_edit_replaces_the_entry_and_checks_it(self):
        env = self.editor('sed -i "s/urge_after: 3/urge_after: 1/" "$1"\n')
        result = self.ok("edit", "2026-11-20", env=env)
        self.assertIn("Saved 2026/11/2026-11-20-210000-pause.md", result.err)
        text = self.read_entry("2026/11/2026-11-20-210000-pause.md")
        self.assertIn("urge_after: 1", text)
        mode = stat.S_IMODE(os.stat(self.journal / "2026/11/2026-11-20-210000-pause.md").st_mode)
        self.assertEqual(mode, 0o600)
        self.assertEqual(len(list((self.journal / "2026/11").iterdir())), 3)

    def test_invalid_edit_is_kept_as_written_and_named(self):
        env = self.editor('sed -i "s/urge_after: 3/urge_after: lots/" "$1"\n')
        result = self.run_settle("edit", "2026-11-20", env=env)
        self.assertEqual(result.code, 1, result)
        self.assertIn("2026/11/2026-11-20-210000-pause.md:8: urge_after must be", result.err)
        self.assertIn("urge_after: lots", self.read_entry("2026/11/2026-11-20-210000-pause.md"))

    def test_visual_wins_over_editor_and_no_change_is_no_write(self):
        env = self.editor("exit 0\n")
        env["VISUAL"] = env.pop("EDITOR")
        env["EDITOR"] = "false"
        before = os.stat(self.journal / "2026/11/2026-11-20-210000-pause.md").st_ino
        result = self.ok("edit", "2026-11-20", env=env)
        self.assertIn("No changes", result.err)
        after = os.stat(self.journal / "2026/11/2026-11-20-210000-pause.md").st_ino
        self.assertEqual(before, after)

    def test_a_change_made_while_editing_is_not_undone(self):
        self.ok("script", "--situation", "s", "--feel", "f", "--need", "rest",
                "--at", "2026-11-21 09:00")
        entry = "2026/11/2026-11-21-090000-script.md"
        # While the editor is open, a revisit answers the script.
        env = self.editor(f'"{BINARY}" revisit 2026-11-21-0900 --shared said\n'
                          'sed -i "s/need: rest/need: closeness/" "$1"\n')
        result = self.run_settle("edit", "2026-11-21-0900", env=env)
        self.assertEqual(result.code, 1, result)
        self.assertIn("changed while it was open in the editor", result.err)
        self.assertIn("your edited copy is kept at", result.err)
        text = self.read_entry(entry)
        self.assertIn("shared: said", text)
        self.assertIn("need: rest\n", text)
        copies = self.edit_copies()
        self.assertEqual(len(copies), 1)
        self.assertIn("need: closeness", copies[0].read_text())

    def test_settle_outlives_a_hang_up_or_sigterm_while_the_editor_is_open(self):
        for signal_name in ["HUP", "TERM"]:
            with self.subTest(signal=signal_name):
                # settle runs the editor through sh: settle is the grandparent.
                env = self.editor('read -r _ _ _ settle _ < /proc/$PPID/stat\n'
                                  f'kill -{signal_name} $settle; sleep 0.2\n'
                                  'sed -i "s/urge_after: [0-9]*/urge_after: 2/" "$1"\n')
                result = self.run_settle("edit", "2026-11-20", env=env)
                self.assertEqual(result.code, 0, result)
                self.assertIn("urge_after: 2", self.read_entry("2026/11/2026-11-20-210000-pause.md"))
                copies = self.edit_copies()
                self.assertEqual(copies, [])
                self.ok("edit", "2026-11-20", env=self.editor('sed -i "s/urge_after: 2/urge_after: 3/" "$1"\n'))

    def test_an_edit_too_large_to_read_keeps_the_copy_and_says_where(self):
        env = self.editor('head -c 2000000 /dev/zero | tr "\\0" x >> "$1"\n')
        result = self.run_settle("edit", "2026-11-20", env=env)
        self.assertEqual(result.code, 1, result)
        self.assertIn("your edited copy is kept at", result.err)
        self.assertIn("urge_after: 3", self.read_entry("2026/11/2026-11-20-210000-pause.md"))

    def test_failing_editor_keeps_the_original_and_the_copy(self):
        env = self.editor('echo "new words" >> "$1"; exit 3\n')
        result = self.run_settle("edit", "2026-11-20", env=env)
        self.assertEqual(result.code, 1, result)
        self.assertIn("your edited copy is kept at", result.err)
        self.assertNotIn("new words", self.read_entry("2026/11/2026-11-20-210000-pause.md"))
        copies = self.edit_copies()
        self.assertEqual(len(copies), 1)
        self.assertIn("new words", copies[0].read_text())
        # The copy is hidden: readers do not see it as an entry.
        self.assertEqual(len(self.ok("list").out.splitlines()), 3)


if __name__ == "__main__":
    unittest.main()
