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


# Stands in for the person at gpg's passphrase prompt: gpg-agent starts it
# and speaks the pinentry protocol (Assuan) to it; each passphrase asked for
# is noted in a file beside it.
FAKE_PINENTRY = """#!/bin/sh
echo "OK Pleased to meet you"
while read -r line; do
  case "$line" in
    GETPIN*) echo asked >> "$(dirname "$0")/passphrases-asked"
             echo "D settle test passphrase"; echo OK;;
    BYE*) echo OK; exit 0;;
    *) echo OK;;
  esac
done
"""

NEEDED = shutil.which("git") and shutil.which("gpg") and shutil.which("git-remote-gcrypt")


class EncryptedRemoteTest(JournalTest):
    def setUp(self):
        super().setUp()
        self.env.update({
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
            "GIT_CONFIG_NOSYSTEM": "1", "GNUPGHOME": str(self.gnupg_home("gnupg")),
        })
        self.hub = self.home / "hub.git"
        self.git(self.home, "init", "-q", "--bare", str(self.hub))

    def gnupg_home(self, name):
        """A throwaway GnuPG home whose passphrase prompts the fake pinentry
        answers; its agent is stopped when the test ends."""
        folder = self.home / name
        folder.mkdir(mode=0o700)
        pinentry = folder / "pinentry"
        pinentry.write_text(FAKE_PINENTRY)
        pinentry.chmod(0o700)
        (folder / "gpg-agent.conf").write_text(f"pinentry-program {pinentry}\n")
        self.addCleanup(subprocess.run, ["gpgconf", "--kill", "all"],
                        env={**self.env, "GNUPGHOME": str(folder)}, capture_output=True)
        return folder

    def secret_keys(self, env=None):
        listed = subprocess.run(["gpg", "--with-colons", "--list-secret-keys"],
                                env=env or self.env, capture_output=True, text=True).stdout
        keys, after_sec = [], False
        for line in listed.splitlines():
            if line.startswith("sec:"):
                after_sec = True
            elif line.startswith("fpr:") and after_sec:
                keys.append(line.split(":")[9])  # the primary key's, not a subkey's
                after_sec = False
        return keys

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


@unittest.skipUnless(NEEDED, "git, gpg or git-remote-gcrypt missing")
class EncryptedSyncTest(EncryptedRemoteTest):
    def setUp(self):
        super().setUp()
        subprocess.run(["gpg", "--batch", "--passphrase", "", "--quick-gen-key",
                        "settle test <test@example.org>", "future-default", "default", "never"],
                       env=self.env, check=True, capture_output=True)
        self.key = self.secret_keys()[0]

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


@unittest.skipUnless(NEEDED, "git, gpg or git-remote-gcrypt missing")
class NewKeyTest(EncryptedRemoteTest):
    """No key yet and none named: settle has gpg make one (gpg asks for its
    passphrase through the pinentry), then says exactly what to keep and
    where. Following those words on another device must read every entry."""

    def assert_key_made_and_explained(self, told):
        keys = self.secret_keys()
        self.assertEqual(len(keys), 1, told)
        key = keys[0]
        self.assertIn("You have no GnuPG key yet", told)
        # The passphrase was asked for (and confirmed), never set by settle.
        asked = (self.home / "gnupg" / "passphrases-asked").read_text().split()
        self.assertGreaterEqual(len(asked), 1)
        self.assertIn(f"the GnuPG key {key}, which is kept in {self.home / 'gnupg'} on this "
                      "device alone", told)
        self.assertIn(f"  gpg --export-secret-keys --armor {key} > settle-journal-key.asc\n",
                      told)
        self.assertIn("move settle-journal-key.asc off this device", told)
        self.assertIn("passphrase", told.split("Back it up now")[1])
        return key

    def follow_the_backup_words_on_a_new_device(self, key, laptop):
        """Export as told, import into another GnuPG home, clone, read."""
        exported = subprocess.run(["gpg", "--export-secret-keys", "--armor", key],
                                  env=self.env, capture_output=True, check=True).stdout
        self.assertIn(b"PRIVATE KEY", exported)
        backup = self.home / "settle-journal-key.asc"
        backup.write_bytes(exported)
        elsewhere = {**self.env, "GNUPGHOME": str(self.gnupg_home("phone-gnupg"))}
        subprocess.run(["gpg", "--batch", "--import", str(backup)], env=elsewhere,
                       capture_output=True, check=True)
        phone = self.home / "phone"
        cloned = subprocess.run(["git", "clone", "-q", "gcrypt::" + str(self.hub), str(phone)],
                                env=elsewhere, capture_output=True, text=True)
        self.assertEqual(cloned.returncode, 0, cloned.stderr)
        self.ok("--journal", str(phone), "init", "--git", env=elsewhere)
        self.assertEqual(self.entry_files(phone), self.entry_files(laptop))
        check = self.ok("--journal", str(phone), "sync", "--check", env=elsewhere)
        self.assertIn("exactly as in this journal", check.err)

    def test_init_with_encrypt_and_no_key_makes_one_and_says_what_to_keep(self):
        laptop = self.home / "laptop"
        setup = self.on(laptop, "init", "--git", "--remote", str(self.hub), "--encrypt")
        key = self.assert_key_made_and_explained(setup.err)
        self.on(laptop, *PAUSE, "--note", "Marrowlight at the window", "--at", "2026-11-27 21:14")
        self.assertIn("1 entry sent", self.on(laptop, "sync").err)
        self.assertNotIn(b"Marrowlight", self.remote_bytes())
        self.follow_the_backup_words_on_a_new_device(key, laptop)

    def test_sync_setup_encrypts_an_existing_journal(self):
        laptop = self.home / "laptop"
        self.on(laptop, "init")
        self.on(laptop, *PAUSE, "--note", "Tallowfern kept quiet", "--at", "2026-11-20 08:00")
        self.on(laptop, "script", "--situation", "no call", "--feel", "uneasy", "--need",
                "steadiness", "--at", "2026-11-21 09:00")
        setup = self.on(laptop, "sync", "--setup", str(self.hub), "--encrypt")
        key = self.assert_key_made_and_explained(setup.err)
        self.assertIn("2 entries sent, 0 received.", setup.err)
        self.assertEqual(self.git(laptop, "remote", "get-url", "origin").strip(),
                         "gcrypt::" + str(self.hub))
        self.assertEqual(self.git(laptop, "config", "merge.settle-entry.name").strip(),
                         "settle journal entries")
        stored = self.remote_bytes()
        for secret in ("Tallowfern", "steadiness", "2026-11-20", "pause", "script"):
            self.assertNotIn(secret.encode(), stored, secret)
        self.follow_the_backup_words_on_a_new_device(key, laptop)
        # Set up again: nothing new is made, the key stays the one.
        again = self.on(laptop, "sync", "--setup", str(self.hub), "--encrypt")
        self.assertNotIn("You have no GnuPG key yet", again.err)
        self.assertEqual(self.secret_keys(), [key])

    def test_setup_words_go_together(self):
        for args, says in ((["sync", "--encrypt"], "go with --setup URL"),
                           (["sync", "--key", "x", "--setup", str(self.hub)],
                            "--key goes with --encrypt"),
                           (["sync", "--setup", str(self.hub), "--check"], "separate steps"),
                           (["sync", "--setup=--upload-pack=touch x"], "is not a remote URL"),
                           (["init", "--remote", str(self.hub), "--key", "x"],
                            "--key goes with --encrypt")):
            self.ok("init")
            result = self.run_settle(*args)
            self.assertEqual(result.code, 2, (args, result))
            self.assertIn(says, result.err)
        self.assertEqual(self.secret_keys(), [])


if __name__ == "__main__":
    unittest.main()
