"""The journal kept in git: `settle init --git`, committing each entry when
the config asks for it (no entry text in the message, never a push), what
happens when git is missing or fails, and two clones merging."""

import json
import os
import shutil
import stat
import subprocess
import unittest

from harness import JournalTest

PAUSE = ["pause", "--urge-before", "7", "--urge-after", "3", "--outcome", "waited"]


@unittest.skipUnless(shutil.which("git"), "git is not installed")
class GitTest(JournalTest):
    def setUp(self):
        super().setUp()
        self.env.update({
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
            "GIT_CONFIG_NOSYSTEM": "1",
        })

    def git(self, folder, *args):
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                              env=self.env)
        self.assertEqual(done.returncode, 0, done.stderr)
        return done.stdout

    def auto_commit(self):
        config = self.home / "config" / "settle"
        config.mkdir(parents=True, exist_ok=True)
        (config / "config.yaml").write_text("git:\n  auto_commit: true\n")

    def test_init_git_makes_a_private_repository_that_keeps_entries_lf(self):
        result = self.ok("init", "--git")
        self.assertEqual(result.out, "")
        self.assertEqual(stat.S_IMODE(self.journal.stat().st_mode), 0o700)
        self.assertTrue((self.journal / ".git").is_dir())
        self.assertIn("*.md text eol=lf", (self.journal / ".gitattributes").read_text())
        self.assertIn(".settle-*", (self.journal / ".gitignore").read_text())
        self.assertEqual(self.git(self.journal, "status", "--porcelain"), "")
        self.assertEqual(self.git(self.journal, "check-attr", "eol", "--", "2026/11/x.md"),
                         "2026/11/x.md: eol: lf\n")
        self.assertEqual(self.git(self.journal, "check-ignore", ".settle-tmp-1"), ".settle-tmp-1\n")
        # A second run changes nothing.
        self.ok("init", "--git")
        self.assertEqual(len(self.git(self.journal, "log", "--format=%H").split()), 1)

    def test_init_makes_an_existing_open_folder_private(self):
        self.journal.mkdir(mode=0o755)
        self.journal.chmod(0o755)
        (self.journal / "notes.txt").write_text("mine")
        result = self.ok("init", "--git")
        self.assertEqual(stat.S_IMODE(self.journal.stat().st_mode), 0o700)
        self.assertIn("it is now private", result.err)
        self.assertEqual((self.journal / "notes.txt").read_text(), "mine")
        # Already private: nothing to say about it.
        self.assertIn("nothing in it was changed", self.ok("init").err)

    def test_init_makes_a_named_folder_with_parents(self):
        target = self.home / "a" / "b" / "journal"
        result = self.ok("init", str(target))
        self.assertTrue(target.is_dir())
        self.assertEqual(stat.S_IMODE(target.stat().st_mode), 0o700)
        self.assertFalse((target / ".git").exists())
        self.assertIn("--journal", result.err)

    def test_each_entry_is_committed_without_its_words_and_nothing_is_pushed(self):
        self.ok("init", "--git")
        remote = self.home / "remote.git"
        self.git(self.home, "init", "-q", "--bare", str(remote))
        self.git(self.journal, "remote", "add", "origin", str(remote))
        self.git(self.journal, "config", "push.autoSetupRemote", "true")
        self.auto_commit()
        self.ok(*PAUSE, "--tag", "secret-tag", "--note", "private words about Sam",
                "--at", "2026-11-27 21:14")
        self.ok("script", "--situation", "Sam was late", "--feel", "scared", "--need", "calm",
                "--at", "2026-11-28 08:05")
        log = self.git(self.journal, "log", "--format=%B%x00", "--name-only")
        messages = self.git(self.journal, "log", "--format=%s").splitlines()
        self.assertEqual(messages[:2], ["script 2026-11-28 08:05", "pause 2026-11-27 21:14"])
        for word in ["Sam", "private", "secret", "scared", "calm"]:
            self.assertNotIn(word, "\n".join(messages))
        self.assertIn("2026/11/2026-11-27-211400-pause.md", log)
        self.assertEqual(self.git(self.journal, "status", "--porcelain"), "")
        self.assertEqual(self.git(remote, "for-each-ref"), "")

    def test_only_the_entry_is_committed_whatever_else_is_staged(self):
        self.ok("init", "--git")
        self.auto_commit()
        (self.journal / "notes.txt").write_text("mine\n")
        self.git(self.journal, "add", "notes.txt")
        self.ok(*PAUSE)
        self.assertEqual(self.git(self.journal, "show", "--name-only", "--format=", "HEAD").count("\n"), 1)
        self.assertEqual(self.git(self.journal, "status", "--porcelain"), "A  notes.txt\n")

    def test_a_folder_that_is_no_repository_still_gets_the_entry(self):
        self.auto_commit()
        result = self.ok(*PAUSE)
        self.assertEqual(len(self.entries()), 1)
        self.assertEqual(result.err.count("not committed"), 1)
        self.assertIn("not a git repository", result.err)
        # First that the words are safe, then the note about git.
        self.assertLess(result.err.index("Saved"), result.err.index("not committed"))

    def test_git_missing_still_saves(self):
        self.ok("init", "--git")
        self.auto_commit()
        empty = self.home / "no-git"
        empty.mkdir()
        result = self.ok(*PAUSE, env={"PATH": str(empty)})
        self.assertEqual(len(self.entries()), 1)
        self.assertIn("git is not installed", result.err)
        self.assertEqual(result.err.count("not committed"), 1)

    def test_init_git_without_git_makes_the_folder_and_says_so(self):
        empty = self.home / "no-git"
        empty.mkdir()
        result = self.run_settle("init", "--git", env={"PATH": str(empty)})
        self.assertEqual(result.code, 1)
        self.assertTrue(self.journal.is_dir())
        self.assertIn("git is not installed", result.err)

    def test_a_failing_commit_still_saves(self):
        self.ok("init", "--git")
        self.auto_commit()
        hook = self.journal / ".git" / "hooks" / "pre-commit"
        hook.write_text("#!/bin/sh\necho 'refusing for the test' >&2\nexit 1\n")
        hook.chmod(0o755)
        result = self.ok(*PAUSE)
        self.assertEqual(len(self.entries()), 1)
        self.assertIn("not committed", result.err)
        self.assertIn("refusing for the test", result.err)

    def test_a_journal_inside_another_repository_is_never_committed_into_it(self):
        dotfiles = self.home / "dotfiles"
        self.git(self.home, "init", "-q", str(dotfiles))
        inner = dotfiles / "journal"
        self.auto_commit()
        result = self.ok("--journal", str(inner), *PAUSE)
        self.assertEqual(result.err.count("not committed"), 1)
        self.assertIn("inside the repository", result.err)
        self.assertIn("settle init --git", result.err)
        self.assertEqual(self.git(dotfiles, "rev-list", "--all"), "")
        # Given a repository of its own, it is committed there.
        self.ok("--journal", str(inner), "init", "--git")
        self.ok("--journal", str(inner), *PAUSE, "--at", "2026-11-28 09:00")
        self.assertEqual(self.git(inner, "log", "-1", "--format=%s"), "pause 2026-11-28 09:00\n")
        self.assertEqual(self.git(dotfiles, "rev-list", "--all"), "")

    def test_revisits_and_edits_are_committed_without_their_words(self):
        self.ok("init", "--git")
        self.auto_commit()
        self.ok("audit", "--know", "Sam called", "--predict", "Sam leaves", "--at",
                "2026-11-27 21:14")
        entry = self.entries()[0]
        self.ok("revisit", entry, "--prediction", "1", "--outcome", "didnt")
        editor = self.home / "editor.sh"
        editor.write_text('#!/bin/sh\nsed -i "s/Sam called/Sam called twice/" "$1"\n')
        editor.chmod(0o755)
        self.ok("edit", entry, env={"EDITOR": str(editor), "VISUAL": ""})
        messages = self.git(self.journal, "log", "--format=%s").splitlines()
        self.assertEqual(messages[:3], ["edit audit 2026-11-27 21:14",
                                        "revisit audit 2026-11-27 21:14",
                                        "audit 2026-11-27 21:14"])
        self.assertEqual(self.git(self.journal, "status", "--porcelain"), "")

    def test_auto_commit_off_by_default(self):
        self.ok("init", "--git")
        self.ok(*PAUSE)
        self.assertEqual(len(self.git(self.journal, "log", "--format=%H").split()), 1)
        self.assertIn("?? 20", self.git(self.journal, "status", "--porcelain"))

    def test_two_clones_merge_without_conflict(self):
        self.ok("init", "--git")
        hub = self.home / "hub.git"
        self.git(self.home, "clone", "-q", "--bare", str(self.journal), str(hub))
        laptop, phone = self.home / "laptop", self.home / "phone"
        self.git(self.home, "clone", "-q", str(hub), str(laptop))
        self.git(self.home, "clone", "-q", str(hub), str(phone))
        self.auto_commit()
        for at in ["2026-11-20 21:00", "2026-11-21 07:30"]:
            self.ok("--journal", str(laptop), *PAUSE, "--at", at, "--tag", "laptop")
        for at in ["2026-11-20 21:00:30", "2026-11-22 12:00"]:
            self.ok("--journal", str(phone), "audit", "--know", "it is noon", "--at", at,
                    "--tag", "phone")
        self.ok("--journal", str(phone), *PAUSE, "--at", "2026-11-23 22:10")
        self.git(laptop, "push", "-q", "origin", "HEAD")
        self.git(phone, "pull", "-q", "--no-rebase", "--no-edit", "origin", "HEAD")
        self.git(phone, "push", "-q", "origin", "HEAD")
        self.git(laptop, "pull", "-q", "--no-rebase", "--no-edit", "origin", "HEAD")
        for clone in [laptop, phone]:
            listed = json.loads(self.ok("--journal", str(clone), "list", "--format", "json").out)
            self.assertEqual(len(listed), 5)
            self.ok("--journal", str(clone), "check")
            self.assertEqual(self.git(clone, "status", "--porcelain"), "")
        if "summary" in self.ok("__complete", "--", "").out:
            summary = self.ok("--journal", str(phone), "summary", "--since", "2026-11-01",
                              "--until", "2026-11-30")
            self.assertRegex(summary.out, r"\b5\b")


if __name__ == "__main__":
    unittest.main()
