"""`cmake --install` into a staging DESTDIR puts every file where the shells,
man and settle look, and the installed binary works from there."""

import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from harness import JournalTest

BUILD = os.environ.get("SETTLE_BUILD_DIR")
CMAKE = os.environ.get("SETTLE_CMAKE", "cmake")


@unittest.skipUnless(BUILD, "SETTLE_BUILD_DIR is not set (run through ctest)")
class InstallTest(JournalTest):
    @classmethod
    def setUpClass(cls):
        cls._stage = tempfile.TemporaryDirectory(prefix="settle-stage-")
        cls.stage = Path(cls._stage.name)
        done = subprocess.run([CMAKE, "--install", BUILD, "--prefix", "/usr"],
                              env={**os.environ, "DESTDIR": str(cls.stage)},
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        cls.usr = cls.stage / "usr"
        cls.binary = cls.usr / "bin" / "settle"

    @classmethod
    def tearDownClass(cls):
        cls._stage.cleanup()

    def installed(self, *args, env=None):
        full = dict(self.env)
        full.update(env or {})
        return subprocess.run([str(self.binary), *args], capture_output=True, text=True,
                              env=full, timeout=60)

    def test_files_are_where_each_tool_looks(self):
        for path in ["bin/settle",
                     "share/man/man1/settle.1", "share/man/man1/settle-pause.1",
                     "share/man/man5/settle-journal.5", "share/man/man5/settle-config.5",
                     "share/bash-completion/completions/settle",
                     "share/zsh/vendor-completions/_settle",
                     "share/fish/vendor_completions.d/settle.fish"]:
            self.assertTrue((self.usr / path).is_file(), path)
        self.assertTrue(os.access(self.binary, os.X_OK))
        pages = {p.name for p in (self.usr / "share/man/man1").iterdir()}
        source = {p.name for p in (Path(__file__).resolve().parents[2] / "man/man1").iterdir()}
        self.assertEqual(pages, source)
        topics = self.usr / "share/settle/content/topics"
        self.assertTrue(topics.is_dir() and any(topics.glob("*.md")), "content is installed")

    def test_the_installed_binary_runs_and_writes(self):
        version = self.installed("--version")
        self.assertEqual(version.returncode, 0)
        self.assertRegex(version.stdout, r"^settle \d+\.\d+\.\d+( \([A-Za-z0-9._+-]+\))?\n$")
        wrote = self.installed("pause", "--urge-before", "6", "--urge-after", "2",
                               "--outcome", "waited")
        self.assertEqual(wrote.returncode, 0, wrote.stderr)
        self.assertEqual(len(self.entries()), 1)
        listed = self.installed("list")
        self.assertIn("pause", listed.stdout)

    @unittest.skipUnless(shutil.which("man"), "man is not installed")
    def test_installed_pages_open_with_man(self):
        page = self.usr / "share/man/man1/settle-pause.1"
        shown = subprocess.run(["man", "-l", str(page)], capture_output=True, text=True,
                               env={**self.env, "MANPAGER": "cat", "MANWIDTH": "80"})
        self.assertEqual(shown.returncode, 0, shown.stderr)
        self.assertIn("tolerate the pause", shown.stdout)

    @unittest.skipUnless(shutil.which("man"), "man is not installed")
    def test_help_uses_the_pages_installed_beside_the_binary(self):
        # A word only the staged copy has shows that this copy was opened.
        page = self.usr / "share/man/man1/settle-list.1"
        page.write_text(page.read_text().replace(".Sh DESCRIPTION\n",
                                                 ".Sh DESCRIPTION\nStagedcopymarker.\n"))
        shown = self.installed("help", "list", env={"MANPAGER": "cat", "PAGER": "cat"})
        self.assertEqual(shown.returncode, 0, shown.stderr)
        self.assertIn("Stagedcopymarker", shown.stdout)

    @unittest.skipUnless(Path("/usr/share/bash-completion/bash_completion").exists(),
                         "bash-completion is not installed")
    def test_bash_completion_finds_the_installed_script_on_its_own(self):
        script = """
source /usr/share/bash-completion/bash_completion
__load_completion settle
complete -p settle
COMP_LINE='settle list --kind '; COMP_POINT=${#COMP_LINE}
COMP_WORDS=(settle list --kind ""); COMP_CWORD=3
_settle settle "" --kind
printf '%s\\n' "${COMPREPLY[@]}"
"""
        env = {**self.env, "XDG_DATA_DIRS": str(self.usr / "share"),
               "PATH": f"{self.usr / 'bin'}:{self.env['PATH']}"}
        done = subprocess.run(["bash", "--norc", "--noprofile", "-c", script],
                              capture_output=True, text=True, env=env, timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("-F _settle settle", done.stdout)
        self.assertTrue(done.stdout.endswith("audit\nscript\npause\n"), done.stdout)


if __name__ == "__main__":
    unittest.main()
