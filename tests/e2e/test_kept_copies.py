"""A kept copy is never forgotten. When `settle edit` keeps the person's
edited copy (the editor failed, the entry changed meanwhile, settle was
killed), every later `settle edit`, `check` and `list` of that entry says so,
and `settle edit` offers to open it (asking at a terminal, or with --kept).
Temporary files of a writer that stopped are named by `check`."""

import os
import signal
import subprocess
import time
import unittest

from harness import BINARY, JournalTest
from tty_harness import InteractiveTest, require_tmux

ENTRY = "2026/11/2026-11-21-090000-script.md"
ID = "2026-11-21-090000-script"


class KeptCopyBase(JournalTest):
    def setUp(self):
        super().setUp()
        self.ok("script", "--situation", "s", "--feel", "f", "--need", "rest",
                "--at", "2026-11-21 09:00")
        self.ok("pause", "--urge-before", "5", "--urge-after", "2", "--outcome", "waited",
                "--at", "2026-11-22 09:00")

    def editor(self, script):
        path = self.home / f"editor-{abs(hash(script))}.sh"
        path.write_text("#!/bin/sh\n" + script)
        path.chmod(0o755)
        return {"EDITOR": str(path), "VISUAL": ""}

    def copies(self):
        return sorted(p for p in (self.journal / "2026/11").iterdir()
                      if p.name.startswith(".settle-edit-"))

    def keep_a_copy_by_conflict(self):
        env = self.editor(f'"{BINARY}" revisit {ID} --shared said\n'
                          'sed -i "s/need: rest/need: closeness/" "$1"\n')
        result = self.run_settle("edit", ID, env=env)
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"`settle edit {ID}` offers to open it again", result.err)
        [copy] = self.copies()
        return copy

    def assert_everyone_says_so(self, copy):
        listed = self.ok("list")
        self.assertIn(f"settle: {ID} has an edited copy that an earlier edit kept; "
                      f"`settle edit {ID}` offers to open it", listed.err)
        self.assertNotIn("2026-11-22-090000-pause has", listed.err)
        # The other formats stay as they are; the note is on stderr.
        self.assertIn(ID, self.ok("list", "--format", "json").err)
        check = self.run_settle("check")
        self.assertEqual(check.code, 1, check)
        self.assertIn(f"2026/11/{copy.name}: an edited copy of {ID} that settle could not save",
                      check.out)
        self.assertIn("1 file was left beside the entries", check.err)


class KeptCopyTest(KeptCopyBase):

    def test_a_copy_kept_after_a_conflict_is_named_and_restored(self):
        copy = self.keep_a_copy_by_conflict()
        self.assert_everyone_says_so(copy)
        # Without a terminal, edit says where the copy is and how to open it,
        # then edits the entry as asked (here: no change).
        plain = self.ok("edit", ID, env=self.editor("exit 0\n"))
        self.assertIn(f"An edited copy of {ID} that settle could not save is kept at "
                      f"2026/11/{copy.name}", plain.err)
        self.assertIn(f"To open it instead: settle edit --kept {ID}", plain.err)
        self.assertEqual(self.copies(), [copy])
        # --kept opens the copy; saved, it replaces the entry and is gone.
        restored = self.ok("edit", "--kept", ID, env=self.editor("exit 0\n"))
        self.assertIn(f"Saved {ENTRY}", restored.err)
        self.assertIn("need: closeness", self.read_entry(ENTRY))
        self.assertEqual(self.copies(), [])
        self.ok("check")
        self.assertEqual(self.ok("list").err, "")
        missing = self.run_settle("edit", "--kept", ID, env=self.editor("exit 0\n"))
        self.assertEqual(missing.code, 1, missing)
        self.assertIn("there is no kept copy", missing.err)

    def test_a_copy_kept_when_settle_is_killed_is_named(self):
        marker = self.home / "editor-running"
        env = self.editor(f'sed -i "s/need: rest/need: quiet/" "$1"\ntouch "{marker}"\n'
                          'sleep 60\n')
        full = dict(self.env, **env)
        proc = subprocess.Popen([BINARY, "edit", ID], env=full, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(marker.exists())
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        [copy] = self.copies()
        self.assertIn("need: quiet", copy.read_text())
        self.assert_everyone_says_so(copy)
        self.ok("edit", "--kept", ID, env=self.editor("exit 0\n"))
        self.assertIn("need: quiet", self.read_entry(ENTRY))

    def test_stale_temporary_files_are_named_by_check(self):
        # PID 2^22+1 is above Linux's pid_max ceiling: that writer is gone.
        stale = self.journal / "2026/11/.settle-tmp-4194305-0123456789abcdef"
        stale.write_text("---\nkind: pause\n")
        live = self.journal / f"2026/11/.settle-tmp-{os.getpid()}-0123456789abcdef"
        live.write_text("being written")
        check = self.run_settle("check")
        self.assertEqual(check.code, 1, check)
        self.assertIn(f"2026/11/{stale.name}: a temporary file left by a settle that stopped "
                      "while saving", check.out)
        self.assertNotIn(live.name, check.out)


@require_tmux
class KeptCopyAtATerminalTest(InteractiveTest, KeptCopyBase):
    def test_edit_asks_whether_to_open_the_kept_copy(self):
        copy = self.keep_a_copy_by_conflict()
        env = self.editor("exit 0\n")
        # No is the default: Enter alone keeps the copy and edits the entry.
        session = self.start("edit", ID, env=env)
        session.wait_for_text("Open the kept copy instead of the entry? [y/N]")
        session.press("Enter")
        self.assertEqual(session.wait_for_exit(), 0)
        self.assertIn("The kept copy stays where it is.", session.text())
        self.assertEqual(self.copies(), [copy])
        # "y" opens the copy, which then replaces the entry.
        session = self.start("edit", ID, env=env)
        session.wait_for_text("Open the kept copy instead of the entry? [y/N]")
        session.line("y")
        self.assertEqual(session.wait_for_exit(), 0)
        self.assertIn(f"Saved {ENTRY}", session.text())
        self.assertIn("need: closeness", self.read_entry(ENTRY))
        self.assertEqual(self.copies(), [])


if __name__ == "__main__":
    unittest.main()
