"""Shell completion: `settle __complete` and the bash, zsh and fish scripts
in completions/, driven through the real shells."""

import os
import shutil
import subprocess
import unittest
from pathlib import Path

from harness import BINARY, JournalTest

COMPLETIONS = Path(__file__).resolve().parents[2] / "completions"
CONTENT = Path(__file__).resolve().parents[2] / "content"


class CompleteCommandTest(JournalTest):
    def complete(self, *words):
        result = self.ok("__complete", "--", *words)
        return [line.split("\t")[0] for line in result.out.splitlines()]

    def test_subcommands_and_hidden_ones(self):
        found = self.complete("")
        for command in ["audit", "script", "pause", "list", "show", "init", "config", "help"]:
            self.assertIn(command, found)
        self.assertNotIn("__complete", found)
        self.assertEqual(self.complete("au"), ["audit"])

    def test_options_of_a_command_and_global_ones(self):
        found = self.complete("pause", "--")
        for option in ["--urge-before", "--outcome", "--tag", "--at", "--stdin", "--help"]:
            self.assertIn(option, found)
        # Global options may follow the command too; each is offered once.
        self.assertIn("--journal", found)
        self.assertEqual(found.count("--help"), 1)
        self.assertIn("--journal", self.complete("--"))
        self.assertIn("--color", self.complete("--co"))

    def test_values_declared_with_the_option(self):
        self.assertEqual(self.complete("pause", "--outcome", ""),
                         ["waited", "reached-out", "undecided"])
        self.assertEqual(self.complete("list", "--kind", "pa"), ["pause"])
        self.assertEqual(self.complete("--color", ""), ["auto", "always", "never"])
        self.assertEqual(self.complete("list", "--format", ""), ["text", "markdown", "json"])
        self.assertEqual(self.complete("show", "x", "--format", "m"), ["markdown"])

    def test_option_equals_value_in_one_word_and_as_bash_splits_it(self):
        self.assertEqual(self.complete("list", "--kind=a"), ["--kind=audit"])
        self.assertEqual(self.complete("list", "--kind", "=", "a"), ["audit"])
        self.assertEqual(self.complete("list", "--kind", "=", ""), ["audit", "script", "pause"])

    def test_values_from_the_journal(self):
        self.ok("pause", "--urge-before", "5", "--urge-after", "2", "--outcome", "waited",
                "--tag", "evening", "--tag", "texts", "--at", "2026-11-20 21:00")
        self.ok("script", "--situation", "no reply", "--feel", "anxious", "--need",
                "reassurance", "--tag", "work", "--at", "2026-11-21 09:00")
        self.assertEqual(self.complete("list", "--tag", ""), ["evening", "texts", "work"])
        self.assertEqual(self.complete("audit", "--tag", "e"), ["evening"])
        self.assertEqual(self.complete("script", "--need", "re"), ["reassurance", "rest"])
        ids = self.complete("show", "2026-11-2")
        self.assertEqual(ids, ["2026-11-20-210000-pause", "2026-11-21-090000-script"])

    def test_own_feelings_and_needs_come_first_then_the_vocabulary(self):
        vocabulary = (CONTENT / "vocabulary" / "feelings.txt").read_text().splitlines()
        vocabulary = [w for w in vocabulary if w and not w.startswith("#")]
        self.ok("script", "--situation", "s", "--feel", "unmoored", "--need", "n",
                "--at", "2026-11-20 09:00")
        self.ok("script", "--situation", "s", "--feel", "rejected", "--need", "n",
                "--at", "2026-11-21 09:00")
        # Newest first, and a word already offered is not offered again.
        self.assertEqual(self.complete("script", "--feel", ""),
                         ["rejected", "unmoored"] + [w for w in vocabulary if w != "rejected"])
        self.assertEqual(self.complete("script", "--feel", "re"), ["rejected", "restless"])

    def test_a_configured_content_folder_brings_its_own_words(self):
        content = self.home / "content"
        shutil.copytree(CONTENT, content)
        (content / "vocabulary" / "needs.txt").write_text("# needs\nruhe\nnähe\n")
        self.assertIn("reassurance", self.complete("script", "--need", ""))
        env = {"SETTLE_CONTENT": str(content)}
        result = self.ok("__complete", "--", "script", "--need", "", env=env)
        self.assertEqual(result.out.splitlines(), ["ruhe", "nähe"])
        # A folder without word lists keeps the built-in ones.
        shutil.rmtree(content / "vocabulary")
        result = self.ok("__complete", "--", "script", "--need", "reas", env=env)
        self.assertEqual(result.out.splitlines(), ["reassurance"])

    def test_journal_named_on_the_command_line_is_the_one_read(self):
        other = self.home / "other"
        self.ok("--journal", str(other), "pause", "--urge-before", "5", "--urge-after", "2",
                "--outcome", "waited", "--tag", "elsewhere")
        self.assertEqual(self.complete("list", "--tag", ""), [])
        self.assertEqual(self.complete("--journal", str(other), "list", "--tag", ""),
                         ["elsewhere"])

    def test_a_broken_config_or_journal_offers_nothing_and_says_nothing(self):
        config = self.home / "config" / "settle"
        config.mkdir(parents=True)
        (config / "config.yaml").write_text("journal: [\n")
        result = self.ok("__complete", "--", "list", "--tag", "")
        self.assertEqual(result.out, "")
        self.assertEqual(self.complete("list", "--kind", ""), ["audit", "script", "pause"])

    def test_folders_are_left_to_the_shell(self):
        self.assertEqual(self.ok("__complete", "--", "init", "").out, ":dirs\n")
        self.assertIn(":dirs", self.ok("__complete", "--", "--journal", "").out)

    def test_entry_text_with_control_characters_is_not_offered(self):
        self.ok("script", "--situation", "s", "--feel", "bad\x1b[31m", "--need", "n")
        self.assertNotIn("bad\x1b[31m", self.complete("script", "--feel", ""))
        self.assertEqual(self.complete("script", "--feel", "bad"), [])
        self.ok("script", "--situation", "s", "--feel", ":dirs", "--need", "-n")
        self.assertEqual(self.ok("__complete", "--", "script", "--feel", ":").out, "")
        self.assertEqual(self.ok("__complete", "--", "script", "--need", "-").out, "")


def shell_env(test, extra_path):
    env = dict(test.env)
    env["PATH"] = f"{extra_path}:{env['PATH']}"
    env["HOME"] = str(test.home)
    return env


class RealShellTest(JournalTest):
    """The scripts as the shells load them, with `settle` found on PATH."""

    def setUp(self):
        super().setUp()
        self.bin = self.home / "bin"
        self.bin.mkdir()
        (self.bin / "settle").symlink_to(BINARY)
        self.ok("pause", "--urge-before", "5", "--urge-after", "2", "--outcome", "waited",
                "--tag", "evening")
        self.ok("script", "--situation", "no reply", "--feel", "left out", "--need", "calm")

    def shell(self, argv, script):
        completed = subprocess.run(argv + [script], capture_output=True, text=True,
                                   env=shell_env(self, self.bin), timeout=60)
        self.assertEqual(completed.returncode, 0, completed.stderr)
        return completed.stdout.splitlines()

    def bash(self, line):
        """COMPREPLY after the completion function ran on `line` (cursor at the end)."""
        script = f"""
source {COMPLETIONS / 'settle.bash'}
COMP_LINE={sh_quote(line)}
COMP_POINT=${{#COMP_LINE}}
COMP_WORDBREAKS=$' \\t\\n"\\'><=;|&(:'
# Split as readline does for this line: words at spaces, "=" on its own.
read -r -a COMP_WORDS <<< "$(sed -e 's/=/ = /g' <<< "$COMP_LINE")"
[[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
_settle settle "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
        return self.shell(["bash", "--norc", "--noprofile", "-c"], script)

    def fish(self, line):
        script = f"source {COMPLETIONS / 'settle.fish'}; complete -C {sh_quote(line)}"
        return [l.split("\t")[0] for l in self.shell(["fish", "--no-config", "-c"], script)]

    @unittest.skipUnless(shutil.which("bash"), "bash is not installed")
    def test_bash(self):
        self.assertEqual(self.bash("settle au"), ["audit"])
        self.assertEqual(self.bash("settle pause --outcome "), ["waited", "reached-out", "undecided"])
        self.assertEqual(self.bash("settle list --kind "), ["audit", "script", "pause"])
        self.assertEqual(self.bash("settle list --kind=p"), ["pause"])
        self.assertEqual(self.bash("settle list --tag ev"), ["evening"])
        self.assertEqual(self.bash("settle script --feel le"), ["left\\ out"])
        self.assertEqual(self.bash("settle script --feel ")[:2], ["left\\ out", "afraid"])
        if "read" in self.bash("settle re"):
            self.assertIn("reassurance", self.bash("settle read rea"))

    @unittest.skipUnless(shutil.which("fish"), "fish is not installed")
    def test_fish(self):
        self.assertEqual(self.fish("settle au"), ["audit"])
        self.assertEqual(sorted(self.fish("settle pause --outcome ")),
                         ["reached-out", "undecided", "waited"])
        self.assertEqual(sorted(self.fish("settle list --kind ")), ["audit", "pause", "script"])
        self.assertIn("--urge-before", self.fish("settle pause --ur"))
        self.assertEqual(self.fish("settle list --tag ev"), ["evening"])
        self.assertEqual(self.fish("settle script --feel le"), ["left out"])
        # fish sorts unless told to keep settle's order: own words first.
        self.assertEqual(self.fish("settle script --feel ")[:2], ["left out", "afraid"])
        if "read" in self.fish("settle re"):
            self.assertIn("reassurance", self.fish("settle read rea"))

    @unittest.skipUnless(shutil.which("zsh"), "zsh is not installed")
    def test_zsh(self):
        self.assertEqual(self.zsh("settle au"), ["audit"])
        self.assertEqual(sorted(self.zsh("settle pause --outcome ")),
                         ["reached-out", "undecided", "waited"])
        self.assertEqual(sorted(self.zsh("settle list --kind ")), ["audit", "pause", "script"])
        self.assertEqual(self.zsh("settle list --tag ev"), ["evening"])
        if "read" in self.zsh("settle re"):
            self.assertIn("reassurance", self.zsh("settle read rea"))

    def zsh(self, line):
        """The matches zsh's completion system offers for `line`, through a
        pseudo-terminal (zpty) running an interactive zsh with compinit."""
        fpath = self.home / "zfunc"
        fpath.mkdir(exist_ok=True)
        shutil.copy(COMPLETIONS / "_settle", fpath / "_settle")
        (self.home / "matches").unlink(missing_ok=True)
        script = f"""
zmodload zsh/zpty
zpty -b z 'zsh -f -i'
zpty -w z 'PS1=""; fpath=({fpath} $fpath); autoload -Uz compinit; compinit -u -D'
# Record what the completion function hands to compadd, then let it go on.
zpty -w z '_settle_capture() {{ compadd() {{ local -a m; builtin compadd -O m "$@"; print -rl -- "<<$m>>" >> {self.home}/matches; builtin compadd "$@"; }}; _settle "$@"; unfunction compadd; }}'
zpty -w z 'autoload -Uz _settle; compdef _settle_capture settle'
zpty -w z {sh_quote(line)}$'\\t'
sleep 1.5
zpty -w z $'\\C-u' 'exit'
zpty -d z
"""
        self.shell(["zsh", "-f", "-c"], script)
        matches = (self.home / "matches").read_text() if (self.home / "matches").exists() else ""
        found = []
        for chunk in matches.split("<<")[1:]:
            words = chunk.split(">>")[0].split()
            found.extend(w for w in words if w not in found)
        return found


def sh_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


if __name__ == "__main__":
    unittest.main()
