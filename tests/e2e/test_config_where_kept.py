"""Config is taken where people keep it: a config.yaml that is a symbolic
link into a dotfiles folder is read; a `journal:` path with `~`, $VAR or
${VAR}, or relative to the config file's folder, is resolved as
settle-config(5) says (never against the folder settle runs in); a broken
config never blocks an exercise or a reader (one warning line, then the
defaults) while `settle config` and `settle check` name it as an error.
And the conventions: with HOME unset the home folder comes from the
password database, and relative XDG_* values are ignored."""

import json
import os
import pwd
import subprocess
import unittest

from harness import BINARY, JournalTest

PAUSE = ["pause", "--urge-before", "6", "--urge-after", "3", "--outcome", "waited",
         "--at", "2026-11-27 21:14:03", "--print-path"]


class ConfigWhereKeptTest(JournalTest):
    def setUp(self):
        super().setUp()
        # The journal comes from the config file in these tests.
        self.env["SETTLE_JOURNAL"] = ""
        self.config_folder = self.home / "config" / "settle"
        self.config_folder.mkdir(parents=True)
        self.elsewhere = self.home / "run-from-here"
        self.elsewhere.mkdir()

    def write_config(self, text):
        (self.config_folder / "config.yaml").write_text(text)

    def run_in(self, folder, *args, env=None):
        full = dict(self.env)
        full.update(env or {})
        return subprocess.run([BINARY, *args], cwd=folder, env=full, capture_output=True,
                              text=True, timeout=60)

    def journal_setting(self, env=None):
        result = self.run_in(self.elsewhere, "config", "--format", "json", env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def test_a_linked_config_file_is_read(self):
        dotfiles = self.home / "dotfiles" / "settle"
        dotfiles.mkdir(parents=True)
        (dotfiles / "config.yaml").write_text("journal: ~/linked-journal\n")
        (self.config_folder / "config.yaml").symlink_to(dotfiles / "config.yaml")
        result = self.run_in(self.elsewhere, *PAUSE)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), str(
            self.home / "linked-journal/2026/11/2026-11-27-211403-pause.md"))
        self.assertEqual(result.stderr.count("warning"), 0, result.stderr)

    def test_journal_paths_resolve_as_the_manual_says(self):
        cases = {
            "journal: notes/settle\n": self.config_folder / "notes/settle",
            "journal: ./j\n": self.config_folder / "j",
            "journal: ../elsewhere\n": self.home / "config" / "elsewhere",
            "journal: ~/j\n": self.home / "j",
            "journal: '~'\n": self.home,
            "journal: $HOME/j\n": self.home / "j",
            "journal: ${HOME}/j\n": self.home / "j",
            "journal: $MY_NOTES/settle\n": self.home / "notes" / "settle",
            "journal: ${MY_NOTES}/x-$MY_NOTES\n": self.home / "notes" / f"x-{self.home}" / "notes",
        }
        for text, expected in cases.items():
            with self.subTest(config=text):
                self.write_config(text)
                out = self.journal_setting(env={"MY_NOTES": str(self.home / "notes")})
                self.assertEqual(out["settings"]["journal"]["value"], str(expected))

    def test_a_relative_journal_never_lands_where_settle_runs(self):
        self.write_config("journal: my-journal\n")
        result = self.run_in(self.elsewhere, *PAUSE)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(result.stdout.startswith(str(self.config_folder / "my-journal") + "/"))
        self.assertEqual(list(self.elsewhere.iterdir()), [])

    def test_what_cannot_be_resolved_is_named_with_its_key(self):
        cases = {
            "journal: $NOT_SET_ANYWHERE/j\n": "journal uses $NOT_SET_ANYWHERE, which is not set",
            "journal: ${NOT_SET_ANYWHERE}\n": "journal uses $NOT_SET_ANYWHERE, which is not set",
            "journal: ${HOME\n": "journal has \"${\" without a closing \"}\"",
            "journal: ~someone/j\n": "journal starts with ~name",
            "content: $NOT_SET_ANYWHERE\n": "content uses $NOT_SET_ANYWHERE",
        }
        for text, message in cases.items():
            with self.subTest(config=text):
                self.write_config(text)
                result = self.run_in(self.elsewhere, "config")
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn("config.yaml:1: " + message, result.stderr)

    def test_a_broken_config_never_blocks_an_exercise_or_a_reader(self):
        default_journal = self.home / "data" / "settle" / "journal"
        for text in ["pause:\n  minutes: -2\n", "journal: $NOT_SET_ANYWHERE\n",
                     "journal: [unclosed\n", "- a\n- list\n"]:
            with self.subTest(config=text):
                self.write_config(text)
                written = self.run_in(self.elsewhere, *PAUSE)
                self.assertEqual(written.returncode, 0, written.stderr)
                self.assertTrue(written.stdout.startswith(str(default_journal) + "/"))
                warnings = [line for line in written.stderr.splitlines() if "warning" in line]
                self.assertEqual(len(warnings), 1, written.stderr)
                self.assertRegex(warnings[0], r"config\.yaml:\d+: ")
                # A file that cannot be parsed is set aside; one wrong setting
                # keeps its default and the rest of the file applies.
                self.assertRegex(warnings[0], "running on the defaults|keeps its default")
                for reader in (["list"], ["summary"], ["show", "2026-11-27-211403-pause"],
                               ["crisis"], ["read"]):
                    result = self.run_in(self.elsewhere, *reader)
                    self.assertEqual(result.returncode, 0, (reader, result.stderr))
                    self.assertEqual(result.stderr.count("settle: warning:"), 1, result.stderr)
                # The commands about the config name it as an error.
                for strict in (["config"], ["check"]):
                    result = self.run_in(self.elsewhere, *strict)
                    self.assertEqual(result.returncode, 2, (strict, result.stderr))
                    self.assertRegex(result.stderr, r"config\.yaml:\d+: ")


    def test_one_wrong_setting_never_moves_the_journal(self):
        own_journal = self.home / "own-journal"
        for mistake in ["bell: maybe\n", "color: sometimes\n", "pause:\n  minutes: -2\n",
                        "crisis: nothing\n", "git:\n  auto_commit: perhaps\n"]:
            with self.subTest(mistake=mistake):
                self.write_config(f"journal: {own_journal}\n" + mistake)
                written = self.run_in(self.elsewhere, *PAUSE)
                self.assertEqual(written.returncode, 0, written.stderr)
                self.assertTrue(written.stdout.startswith(str(own_journal) + "/"), written.stdout)
                warnings = [line for line in written.stderr.splitlines() if "warning" in line]
                self.assertEqual(len(warnings), 1, written.stderr)
                self.assertRegex(warnings[0], r"config\.yaml:[23]: .*keeps its default")
                listed = self.run_in(self.elsewhere, "list", "--format", "json")
                self.assertEqual(listed.returncode, 0, listed.stderr)
                self.assertIn("2026-11-27-211403-pause", listed.stdout)
                result = self.run_in(self.elsewhere, "config")
                self.assertEqual(result.returncode, 2, result.stderr)


class ConventionsTest(JournalTest):
    def run_env(self, env, cwd, *args):
        return subprocess.run([BINARY, *args], cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=60)

    def test_without_home_the_password_database_names_it(self):
        env = {k: v for k, v in self.env.items()
               if k not in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "SETTLE_JOURNAL")}
        result = self.run_env(env, self.home, "config", "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        out = json.loads(result.stdout)
        home = pwd.getpwuid(os.getuid()).pw_dir
        self.assertEqual(out["settings"]["journal"]["value"],
                         os.path.join(home, ".local/share/settle/journal"))
        self.assertEqual(out["config_file"], os.path.join(home, ".config/settle/config.yaml"))

    def test_relative_xdg_values_are_ignored(self):
        env = dict(self.env, XDG_DATA_HOME="data", XDG_CONFIG_HOME="config", SETTLE_JOURNAL="")
        (self.home / "config" / "settle").mkdir(parents=True)
        (self.home / "config" / "settle" / "config.yaml").write_text("journal: /not/this/one\n")
        result = self.run_env(env, self.home, "config", "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        out = json.loads(result.stdout)
        self.assertEqual(out["settings"]["journal"]["value"],
                         str(self.home / ".local/share/settle/journal"))
        self.assertEqual(out["config_file"], str(self.home / ".config/settle/config.yaml"))


if __name__ == "__main__":
    unittest.main()
