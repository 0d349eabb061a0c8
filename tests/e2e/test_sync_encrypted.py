"""`settle sync` through an end-to-end encrypted remote (git-remote-gcrypt):
the remote holds only ciphertext, a fresh clone with the kept key reads every
entry, and `settle sync --check` proves it. Keys are throwaway ones made in a
temporary GNUPGHOME; nothing leaves the machine."""

import json
import shutil
import subprocess
import unittest
import zlib

from harness import JournalTest

PAUSE = ["pause", "--urge-before", "7", "--urge-after", "3", "--outcome", "waited"]


@unittest.skipUnless(shutil.which("git") and shutil.which("gpg") and
                     shutil.which("git-remote-gcrypt"), "git, gpg or git-remote-gcrypt missing")
class EncryptedSyncTest(JournalTest):
    def setUp(self):
        super().setUp()
        gnupg = self.home / "gnupg"
        gnupg.mkdir(mode=0o700)
        self.env.update({
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
            "GIT_CONFIG_NOSYSTEM": "1", "GNUPGHOME": str(gnupg),
        })
        self.addCleanup(subprocess.run, ["gpgconf", "--kill", "all"], env=self.env,
                        capture_output=True)
        subprocess.run(["gpg", "--batch", "--passphrase", "", "--quick-gen-key",
                        "settle test <test@example.org>", "future-default", "default", "never"],
                       env=self.env, check=True, capture_output=True)
        listed = subprocess.run(["gpg", "--with-colons", "--list-secret-keys"], env=self.env,
                                check=True, capture_output=True, text=True).stdout
        self.key = next(line.split(":")[9] for line in listed.splitlines()
                        if line.startswith("fpr:"))
        self.hub = self.home / "hub.git"
        self.git(self.home, "init", "-q", "--bare", str(self.hub))

    def git(self, folder, *args):
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                              env=self.env)
        self.assertEqual(done.returncode, 0, done.stderr)
        return done.stdout

    def on(self, device, *args, **kwargs):
        return self.ok("--journal", str(device), *args, **kwargs)

    def entry_files(self, device):
        return {str(p.relative_to(device)): p.read_bytes() for p in device.rglob("*.md")
                if ".git" not in p.relative_to(device).parts}

    def remote_bytes(self):
        """Every file of the remote as stored, and each git object in it
        inflated, so that compression cannot hide plain text."""
        chunks = []
        for path in self.hub.rglob("*"):
            relative = path.relative_to(self.hub)
            if not path.is_file() or relative.parts[0] in ("hooks", "info", "description"):
                continue
            data = path.read_bytes()
            chunks.append(str(relative).encode())
            chunks.append(data)
            if relative.parts[0] == "objects" and len(relative.parts) == 3:
                chunks.append(zlib.decompress(data))
        chunks.append(subprocess.run(["git", "-C", str(self.hub), "cat-file",
                                      "--batch-all-objects", "--batch"],
                                     capture_output=True, env=self.env).stdout)
        return b"\n".join(chunks)

    def test_the_remote_holds_only_ciphertext_and_the_key_reads_it_back(self):
        laptop = self.home / "laptop"
        setup = self.on(laptop, "init", "--git", "--remote", str(self.hub), "--encrypt",
                        "--key", self.key)
        self.assertIn("gpg --export-secret-keys --armor " + self.key, setup.err)
        self.on(laptop, *PAUSE, "--tag", "harbourlight", "--note", "Wintermoss felt far away",
                "--at", "2026-11-27 21:14:05")
        self.on(laptop, "script", "--situation", "Quillon was quiet", "--feel", "uneasy",
                "--need", "steadiness", "--at", "2026-11-28 08:05")
        self.assertIn("2 entries sent, 0 received.", self.on(laptop, "sync").err)

        stored = self.remote_bytes()
        names = [name for path in self.entry_files(laptop)
                 for name in (path, path.split("/")[-1], path.split("/")[-1][:-3])]
        words = ["harbourlight", "Wintermoss", "Quillon", "uneasy", "steadiness", "pause",
                 "script", "2026-11-27", "2026-11-28", "2026/11", "21:14", "settle sync"]
        for secret in words + names:
            self.assertNotIn(secret.encode(), stored, secret)

        check = self.on(laptop, "sync", "--check")
        self.assertIn("can be read with the keys here: 2 entries, exactly as in this journal",
                      check.err)

        # A second device with the kept key reads every entry.
        phone = self.home / "phone"
        self.git(self.home, "clone", "-q", "gcrypt::" + str(self.hub), str(phone))
        self.on(phone, "init", "--git")
        self.assertEqual(self.entry_files(phone), self.entry_files(laptop))
        self.assertEqual(len(json.loads(self.on(phone, "list", "--format", "json").out)), 2)
        self.on(phone, *PAUSE, "--at", "2026-11-29 07:00")
        self.assertIn("1 entry sent", self.on(phone, "sync").err)
        self.assertIn("1 received", self.on(laptop, "sync").err)
        self.assertEqual(self.entry_files(phone), self.entry_files(laptop))

    def test_without_the_key_the_check_fails_and_the_journal_is_untouched(self):
        laptop = self.home / "laptop"
        self.on(laptop, "init", "--remote", str(self.hub), "--encrypt", "--key", self.key)
        self.on(laptop, *PAUSE)
        self.on(laptop, "sync")
        before = self.entry_files(laptop)
        stranger = self.home / "stranger"
        stranger.mkdir(mode=0o700)
        result = self.run_settle("--journal", str(laptop), "sync", "--check",
                                 env={"GNUPGHOME": str(stranger)})
        self.assertEqual(result.code, 1, result)
        self.assertIn("could not be read with the keys here", result.err)
        self.assertEqual(self.entry_files(laptop), before)
        subprocess.run(["gpgconf", "--kill", "all"], env={**self.env, "GNUPGHOME": str(stranger)},
                       capture_output=True)

    def test_encrypt_needs_a_remote_and_a_known_key(self):
        result = self.run_settle("init", "--encrypt")
        self.assertEqual(result.code, 2)
        self.assertIn("go with --remote", result.err)
        result = self.run_settle("init", "--remote", str(self.hub), "--encrypt", "--key",
                                 "nobody@example.org")
        self.assertEqual(result.code, 2)
        self.assertIn("names 0 secret keys", result.err)


if __name__ == "__main__":
    unittest.main()
