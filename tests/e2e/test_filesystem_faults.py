"""Filesystem faults and privacy: a full disk, a read-only journal and a
folder settle may not enter give a clear error naming the path, exit 1 and
leave nothing half-written; entries are private whatever the umask; and the
binary holds no network code.

The full disk is a 64 KiB tmpfs (skipped, saying so, where mounting is not
allowed). Permissions do not stop root, so those cases run settle as the
user `nobody` through setpriv.
"""

import os
import shutil
import subprocess
import unittest

from harness import BINARY, JournalTest, assert_no_sanitizer_report

WRITE = ["pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited",
         "--at", "2026-11-27 21:14:03"]


class FilesystemFaultTest(JournalTest):
    def leftovers(self):
        """Entry and temporary files under the journal (none may appear)."""
        return sorted(str(p.relative_to(self.journal)) for p in self.journal.rglob("*")
                      if p.is_file())

    def as_nobody(self, *args):
        setpriv = shutil.which("setpriv")
        if os.geteuid() == 0 and not setpriv:
            self.skipTest("running as root without setpriv: permissions do not stop root")
        command = [BINARY, *args]
        if os.geteuid() == 0:
            for path in [self.home, *self.home.rglob("*")]:
                os.chown(path, 65534, 65534, follow_symlinks=False)
            self.home.chmod(0o755)
            command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        result = subprocess.run(command, capture_output=True, text=True, env=self.env,
                                timeout=60)
        assert_no_sanitizer_report(result.stderr)
        return result

    def test_full_disk(self):
        os.makedirs(self.journal)
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs",
                                  str(self.journal)], capture_output=True, text=True)
        if mounted.returncode != 0:
            self.skipTest(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
        try:
            self.ok(*WRITE[:-2], "--at", "2026-11-20 10:00")
            before = self.leftovers()
            result = self.run_settle(*WRITE, "--note", "words " * 20000)
            self.assertEqual(result.code, 1, result)
            self.assertIn("settle: error: could not write ", result.err)
            self.assertIn(str(self.journal / "2026" / "11"), result.err)
            self.assertIn("No space left on device", result.err)
            self.assertEqual(self.leftovers(), before)
            self.assertEqual(self.ok("check").out, "")
        finally:  # before tearDown removes the folder it is mounted on
            subprocess.run(["umount", str(self.journal)], check=True)

    def test_read_only_journal(self):
        self.ok(*WRITE[:-2], "--at", "2026-11-20 10:00")
        for folder in (self.journal, self.journal / "2026", self.journal / "2026" / "11"):
            folder.chmod(0o500)
        before = self.leftovers()
        result = self.as_nobody(*WRITE)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(f"could not create {self.journal / '2026' / '11'}/.settle-tmp-",
                      result.stderr)
        self.assertIn("Permission denied", result.stderr)
        self.assertEqual(self.leftovers(), before)

    def test_folder_without_permission(self):
        (self.journal / "2026").mkdir(parents=True, mode=0o700)
        (self.journal / "2026").chmod(0)
        result = self.as_nobody(*WRITE)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(f"could not open folder {self.journal / '2026'}", result.stderr)
        self.assertIn("Permission denied", result.stderr)
        self.assertEqual(self.leftovers(), [])


class PrivacyTest(JournalTest):
    def test_files_and_folders_are_private_whatever_the_umask(self):
        for umask in (0o000, 0o022, 0o077):
            with self.subTest(umask=oct(umask)):
                old = os.umask(umask)
                try:
                    path = self.ok(*WRITE, "--print-path").out.strip()
                finally:
                    os.umask(old)
                self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
                for folder in (self.journal, self.journal / "2026", self.journal / "2026" / "11"):
                    self.assertEqual(os.stat(folder).st_mode & 0o777, 0o700, folder)

    def test_no_network_code(self):
        nm = shutil.which("nm")
        if not nm:
            self.skipTest("nm (binutils) is not installed")
        imported = subprocess.run([nm, "-D", "--undefined-only", BINARY], capture_output=True,
                                  text=True, check=True).stdout
        names = {line.split()[-1].split("@")[0] for line in imported.splitlines() if line.strip()}
        network = {"socket", "connect", "bind", "listen", "accept", "accept4", "getaddrinfo",
                   "gethostbyname", "gethostbyname_r", "send", "sendto", "sendmsg", "recv",
                   "recvfrom", "recvmsg", "curl_easy_init"}
        self.assertEqual(names & network, set())
        self.assertIn("renameat2", names)  # the check really sees imports


if __name__ == "__main__":
    unittest.main()
