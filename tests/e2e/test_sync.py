"""`settle sync`: one journal on several devices through a git remote.

A local bare repository is the remote and two or three clones in the test's
temporary folder are the devices. After every sequence of writes, revisits,
edits and syncs (in any order, some killed part-way) each device must hold
every entry, byte for byte."""

import json
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path
import unittest

from harness import BINARY, JournalTest

PAUSE = ["pause", "--urge-before", "7", "--urge-after", "3", "--outcome", "waited"]
SAME_SECOND = "2026-11-27 21:14:05"


@unittest.skipUnless(shutil.which("git"), "git is not installed")
class SyncTest(JournalTest):
    def setUp(self):
        super().setUp()
        self.env.update({
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
            "GIT_CONFIG_NOSYSTEM": "1",
        })
        self.hub = self.home / "hub.git"
        self.git(self.home, "init", "-q", "--bare", str(self.hub))

    def git(self, folder, *args, check=True):
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                              env=self.env)
        if check:
            self.assertEqual(done.returncode, 0, done.stderr)
        return done.stdout

    def device(self, name):
        folder = self.home / name
        self.ok("--journal", str(folder), "init", "--git", "--remote", str(self.hub))
        return folder

    def on(self, device, *args, **kwargs):
        return self.ok("--journal", str(device), *args, **kwargs)

    def sync(self, device):
        return self.on(device, "sync")

    def files(self, device):
        """Every entry file: relative path -> bytes."""
        found = {}
        for path in device.rglob("*.md"):
            relative = path.relative_to(device)
            if relative.parts[0] == ".git" or path.name.startswith("."):
                continue
            found[str(relative)] = path.read_bytes()
        return found

    def assert_same_everywhere(self, devices, count):
        first = self.files(devices[0])
        self.assertEqual(len(first), count, sorted(first))
        for device in devices[1:]:
            self.assertEqual(self.files(device), first)
        for device in devices:
            self.on(device, "check")
            self.assertEqual(self.git(device, "status", "--porcelain"), "")

    def settle_everywhere(self, devices):
        # Two rounds: the first gathers everything at the remote, the second
        # brings it to every device.
        for _ in range(2):
            for device in devices:
                self.sync(device)

    def test_entries_written_in_the_same_second_on_three_devices_all_arrive(self):
        devices = [self.device(name) for name in ("laptop", "desktop", "phone")]
        for device in devices:
            self.on(device, *PAUSE, "--at", SAME_SECOND)
            self.on(device, "audit", "--know", "it is late", "--predict", "no reply",
                    "--at", SAME_SECOND)
        first = self.sync(devices[0])
        self.assertIn("2 entries sent, 0 received.", first.err)
        self.assertIn("2 entries sent, 2 received.", self.sync(devices[1]).err)
        self.assertIn("2 entries sent, 4 received.", self.sync(devices[2]).err)
        self.assertIn("0 entries sent, 4 received.", self.sync(devices[0]).err)
        self.sync(devices[1])
        self.assert_same_everywhere(devices, 6)
        names = sorted(self.files(devices[0]))
        # Each device's names carry its own short tag.
        tags = {name.rsplit("-", 1)[1][:-3] for name in names}
        self.assertEqual(len(tags), 3)
        listed = json.loads(self.on(devices[2], "list", "--format", "json").out)
        self.assertEqual(len(listed), 6)

    def test_syncs_in_every_order_lose_nothing(self):
        devices = [self.device(name) for name in ("a", "b", "c")]
        written = 0
        for order in ([0, 1, 2], [2, 1, 0], [1, 0, 2], [0, 2, 1]):
            for device in devices:
                self.on(device, *PAUSE, "--at", SAME_SECOND)
                written += 1
            for index in order:
                self.sync(devices[index])
        self.settle_everywhere(devices)
        self.assert_same_everywhere(devices, written)

    def test_names_from_before_sync_written_in_the_same_second_are_both_kept(self):
        laptop, phone = self.home / "laptop", self.home / "phone"
        for device, note in ((laptop, "on the laptop"), (phone, "on the phone")):
            self.on(device, "init", "--git")
            self.on(device, *PAUSE, "--at", SAME_SECOND, "--note", note)
            self.on(device, "init", "--remote", str(self.hub), "--commit-existing")
        self.settle_everywhere([laptop, phone])
        self.assert_same_everywhere([laptop, phone], 2)
        texts = b"".join(self.files(laptop).values())
        self.assertIn(b"on the laptop", texts)
        self.assertIn(b"on the phone", texts)

    def written_audit(self, device):
        self.on(device, "audit", "--know", "we spoke", "--predict", "no reply",
                "--predict", "an argument", "--at", "2026-11-20 10:00")
        return self.files(device).popitem()[0]

    def test_answers_to_different_predictions_on_two_devices_are_combined(self):
        laptop, phone = self.device("laptop"), self.device("phone")
        entry = self.written_audit(laptop)
        self.settle_everywhere([laptop, phone])
        self.on(laptop, "revisit", entry, "--prediction", "1", "--outcome", "didnt")
        self.on(phone, "revisit", entry, "--prediction", "2", "--outcome", "partly")
        self.settle_everywhere([laptop, phone])
        self.assert_same_everywhere([laptop, phone], 1)
        shown = json.loads(self.on(phone, "show", entry, "--format", "json").out)
        self.assertEqual(shown["revisit"]["predictions"], {"1": "didnt", "2": "partly"})

    def test_an_edit_on_one_device_and_a_revisit_on_another_are_both_kept(self):
        laptop, phone = self.device("laptop"), self.device("phone")
        entry = self.written_audit(laptop)
        self.settle_everywhere([laptop, phone])
        editor = self.home / "editor.sh"
        editor.write_text('#!/bin/sh\nsed -i "s/we spoke/we spoke at noon/" "$1"\n')
        editor.chmod(0o755)
        self.on(laptop, "edit", entry, env={"EDITOR": str(editor), "VISUAL": ""})
        self.on(phone, "revisit", entry, "--prediction", "1", "--outcome", "happened")
        self.settle_everywhere([phone, laptop])
        self.assert_same_everywhere([laptop, phone], 1)
        text = (laptop / entry).read_text()
        self.assertIn("we spoke at noon", text)
        self.assertIn("happened", text)

    def test_contradicting_answers_to_one_prediction_are_both_kept_until_one_is_chosen(self):
        laptop, phone = self.device("laptop"), self.device("phone")
        entry = self.written_audit(laptop)
        self.settle_everywhere([laptop, phone])
        self.on(laptop, "revisit", entry, "--prediction", "1", "--outcome", "didnt")
        self.on(laptop, "revisit", entry, "--prediction", "2", "--outcome", "happened")
        self.on(phone, "revisit", entry, "--prediction", "1", "--outcome", "partly")
        self.sync(laptop)
        merged = self.sync(phone)  # exits 0: nothing is left for the person to untangle
        self.assertNotIn("<<<<<<<", merged.err)
        self.sync(laptop)
        self.assert_same_everywhere([laptop, phone], 1)
        text = (laptop / entry).read_text()
        self.assertNotIn("<<<<<<<", text)
        self.assertIn("  predictions:\n    2: happened\n  contested:\n    1: [partly, didnt]\n",
                      text)
        # A question for the person, not a broken file.
        check = self.on(phone, "check")
        self.assertIn(f"{entry}: prediction 1 was answered two ways on two devices "
                      f"(partly, didn't)", check.out)
        self.assertIn("waiting for you to say which answer stands", check.err)
        waiting = self.on(phone, "revisit", "--older-than", "0d")
        self.assertIn("one answered two ways on two devices", waiting.out)
        shown = json.loads(self.on(phone, "show", entry, "--format", "json").out)
        self.assertEqual(shown["revisit"]["predictions"], {"2": "happened"})
        self.assertEqual(shown["revisit"]["contested"], {"1": ["partly", "didnt"]})
        # Not counted as came true or not until it is settled.
        summary = json.loads(self.on(phone, "summary", "--since", "2026-11-01", "--until",
                                     "2026-11-30", "--format", "json").out)
        looking = summary["revisit"]
        self.assertEqual((looking["predictions"], looking["answered"]["answered"],
                          looking["contested"]), (2, 1, 1))
        text = self.on(phone, "summary", "--since", "2026-11-01", "--until", "2026-11-30").out
        self.assertIn("not yet looked at 1 (1 of them answered two ways)", text)
        # The person says which stands; every device ends with that one answer.
        self.on(phone, "revisit", entry, "--prediction", "1", "--outcome", "partly")
        self.settle_everywhere([phone, laptop])
        self.assert_same_everywhere([laptop, phone], 1)
        text = (laptop / entry).read_text()
        self.assertNotIn("contested", text)
        self.assertIn("  predictions:\n    1: partly\n    2: happened\n", text)

    def test_what_settle_cannot_merge_is_kept_listed_and_named_by_check(self):
        laptop, phone = self.device("laptop"), self.device("phone")
        self.on(laptop, "script", "--situation", "no reply", "--feel", "scared", "--need",
                "calm", "--at", "2026-11-20 10:00")
        entry = self.files(laptop).popitem()[0]
        self.settle_everywhere([laptop, phone])
        self.on(laptop, "revisit", entry, "--shared", "said")
        self.on(phone, "revisit", entry, "--shared", "kept")
        self.sync(laptop)
        result = self.run_settle("--journal", str(phone), "sync")
        self.assertEqual(result.code, 1, result)
        self.assertIn("both versions are kept", result.err)
        self.assertIn(entry, result.err)
        text = (phone / entry).read_text()
        self.assertIn("shared: said", text)
        self.assertIn("shared: kept", text)
        check = self.run_settle("--journal", str(phone), "check")
        self.assertEqual(check.code, 1)
        self.assertIn(entry, check.out)
        self.assertIn("sync conflict", check.out)
        # The journal is not left half-merged: writing and syncing go on.
        self.assertEqual(self.git(phone, "status", "--porcelain"), "")
        self.on(phone, *PAUSE)
        self.sync(phone)

    def test_offline_nothing_changes_and_writing_goes_on(self):
        laptop = self.device("laptop")
        self.on(laptop, *PAUSE)
        self.sync(laptop)
        self.on(laptop, *PAUSE, "--at", "2026-11-28 09:00")
        head = self.git(laptop, "rev-parse", "HEAD")
        before = self.files(laptop)
        self.hub.rename(self.home / "away.git")
        result = self.run_settle("--journal", str(laptop), "sync")
        self.assertEqual(result.code, 1)
        self.assertIn("could not reach origin", result.err)
        self.assertIn("nothing here changed", result.err)
        self.assertEqual(self.git(laptop, "rev-parse", "HEAD"), head)
        self.assertEqual(self.files(laptop), before)
        self.on(laptop, *PAUSE, "--at", "2026-11-28 10:00")
        (self.home / "away.git").rename(self.hub)
        self.assertIn("2 entries sent", self.sync(laptop).err)

    def test_commit_messages_hold_no_entry_text(self):
        laptop = self.device("laptop")
        self.on(laptop, "script", "--situation", "Sam was late", "--feel", "scared",
                "--need", "calm", "--tag", "secret-tag")
        self.sync(laptop)
        log = self.git(self.hub, "log", "--format=%B")
        for word in ("Sam", "scared", "calm", "secret"):
            self.assertNotIn(word, log)

    def test_a_sync_killed_at_random_points_loses_nothing(self):
        laptop, phone = self.device("laptop"), self.device("phone")
        chance = random.Random(16)
        written = 0
        for round_number in range(6):
            for device in (laptop, phone):
                self.on(device, *PAUSE, "--at", SAME_SECOND)
                written += 1
            device = (laptop, phone)[round_number % 2]
            process = subprocess.Popen([BINARY, "--journal", str(device), "sync"],
                                       env=self.env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            time.sleep(chance.uniform(0.0, 0.25))
            process.send_signal(signal.SIGKILL)
            process.wait()
        self.settle_everywhere([laptop, phone])
        self.assert_same_everywhere([laptop, phone], written)

    def serve_from_another_session(self, device):
        """The remote's side of a push or fetch (git-receive-pack and
        git-upload-pack, which a local remote runs as children) goes to a
        session of its own, as on a server: killing this device's settle
        and its git then leaves the remote's side to finish or clean up."""
        self.git(device, "config", "remote.origin.receivepack", "setsid git-receive-pack")
        self.git(device, "config", "remote.origin.uploadpack", "setsid git-upload-pack")

    def test_a_sync_killed_with_its_git_at_random_points_leaves_nothing_in_the_way(self):
        # A closed terminal kills settle and the git it runs, mid-step:
        # git's lock files (.git/index.lock, a branch's .lock) stay behind.
        laptop, phone = self.device("laptop"), self.device("phone")
        for device in (laptop, phone):
            self.serve_from_another_session(device)
        entry = self.written_audit(laptop)
        self.settle_everywhere([laptop, phone])
        chance = random.Random(1604)
        written, stale = 1, 0
        for round_number in range(10):
            for device in (laptop, phone):
                self.on(device, *PAUSE, "--at", SAME_SECOND)
                written += 1
            device = (laptop, phone)[round_number % 2]
            self.on(device, "revisit", entry, "--prediction", str(round_number % 2 + 1),
                    "--outcome", chance.choice(["happened", "partly", "didnt"]))
            process = subprocess.Popen([BINARY, "--journal", str(device), "sync"],
                                       env=self.env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, start_new_session=True)
            time.sleep(chance.uniform(0.0, 0.4))
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            stale += 1 if list((device / ".git").glob("*.lock")) else 0
            # The very next sync goes through, whatever was left.
            self.sync(device)
            self.assertEqual(list((device / ".git").glob("index.lock")), [])
        self.settle_everywhere([laptop, phone])
        self.assert_same_everywhere([laptop, phone], written)
        # Every answer given is still there, as an answer or in a contest.
        shown = json.loads(self.on(phone, "show", entry, "--format", "json").out)
        answered = set(shown["revisit"]["predictions"]) | set(shown["revisit"]["contested"])
        self.assertEqual(answered, {"1", "2"})

    def test_a_stale_git_lock_is_removed_and_a_live_git_is_left_alone(self):
        laptop = self.device("laptop")
        self.on(laptop, *PAUSE)
        self.sync(laptop)
        # As a git killed mid-commit leaves them.
        (laptop / ".git" / "index.lock").write_text("")
        branch = self.git(laptop, "symbolic-ref", "--short", "HEAD").strip()
        (laptop / ".git" / "refs" / "heads" / f"{branch}.lock").write_text("")
        self.on(laptop, *PAUSE, "--at", "2026-11-28 09:00")
        result = self.sync(laptop)
        self.assertIn("Removed lock files git left when it was stopped part-way "
                      f"(.git/index.lock, .git/refs/heads/{branch}.lock)", result.err)
        self.assertIn("1 entry sent", result.err)
        # A git still at work here (by hand, say) keeps its lock: settle waits,
        # then says what it found, and changes nothing.
        busy = subprocess.Popen(["git", "hash-object", "--stdin"], cwd=laptop, env=self.env,
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
        self.addCleanup(busy.wait)
        self.addCleanup(busy.stdin.close)
        (laptop / ".git" / "index.lock").write_text("")
        self.on(laptop, *PAUSE, "--at", "2026-11-28 10:00")
        head = self.git(laptop, "rev-parse", "HEAD")
        refused = self.run_settle("--journal", str(laptop), "sync")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn(f"git is at work in this journal (process {busy.pid}) and "
                      ".git/index.lock is there; nothing here changed", refused.err)
        self.assertTrue((laptop / ".git" / "index.lock").exists())
        self.assertEqual(self.git(laptop, "rev-parse", "HEAD"), head)
        busy.stdin.close()
        busy.wait()
        # That git ended without its lock (as if it had been killed): now stale.
        self.assertIn("1 entry sent", self.sync(laptop).err)

    def test_a_merge_killed_mid_checkout_is_put_right_by_the_next_sync(self):
        laptop, phone = self.device("laptop"), self.device("phone")
        entry = self.written_audit(laptop)
        self.on(laptop, "script", "--situation", "no call", "--feel", "uneasy", "--need",
                "calm", "--at", "2026-11-21 09:00")
        script = next(name for name in self.files(laptop) if "script" in name)
        self.settle_everywhere([laptop, phone])
        self.on(laptop, "revisit", entry, "--prediction", "1", "--outcome", "didnt")
        self.on(laptop, "revisit", script, "--shared", "said")
        self.on(laptop, *PAUSE, "--at", "2026-11-22 08:00")
        self.sync(laptop)
        self.on(phone, "revisit", entry, "--prediction", "2", "--outcome", "partly")
        # The phone's sync committed its answer and fetched, then git was
        # killed while it rewrote the files: one entry removed and not yet
        # written again, one cut short, one new one half there.
        self.git(phone, "add", "-A")
        self.git(phone, "commit", "-q", "-m", "settle sync: 1 entry written or changed")
        self.git(phone, "fetch", "-q", "origin")
        here = self.git(phone, "rev-parse", "HEAD").strip()
        there = self.git(phone, "rev-parse", "origin/" + self.git(
            phone, "symbolic-ref", "--short", "HEAD").strip()).strip()
        (phone / ".git" / "settle-merging").write_text(f"{here} {there}\n")
        (phone / entry).unlink()
        (phone / script).write_text((phone / script).read_text()[:40])
        new = next(name for name in self.files(laptop) if "2026-11-22" in name)
        (phone / new).write_bytes(self.files(laptop)[new][:30])
        (phone / ".git" / "index.lock").write_text("")
        result = self.sync(phone)
        self.assertIn("put back 3 entries it had left half-written", result.err)
        self.sync(laptop)
        self.assert_same_everywhere([laptop, phone], 3)
        shown = json.loads(self.on(laptop, "show", entry, "--format", "json").out)
        self.assertEqual(shown["revisit"]["predictions"], {"1": "didnt", "2": "partly"})
        self.assertFalse((phone / ".git" / "settle-merging").exists())

    def test_auto_sync_sends_in_the_background_and_never_blocks_a_write(self):
        laptop = self.device("laptop")
        config = self.home / "config" / "settle"
        config.mkdir(parents=True)
        (config / "config.yaml").write_text("git:\n  auto_commit: true\n  auto_sync: true\n")
        self.on(laptop, *PAUSE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.git(self.hub, "for-each-ref", check=False).strip():
                break
            time.sleep(0.1)
        listing = self.git(self.hub, "log", "--all", "--name-only", "--format=")
        self.assertIn("-pause-", listing)
        # Offline, a write still succeeds at once.
        self.hub.rename(self.home / "away.git")
        self.on(laptop, *PAUSE, "--at", "2026-11-28 09:00")
        self.assertEqual(len(self.files(laptop)), 2)
        self.wait_for_background_syncs(laptop)

    def wait_for_background_syncs(self, journal):
        """The detached syncs must end before the folders are removed."""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            running = False
            for proc in Path("/proc").iterdir():
                try:
                    words = (proc / "cmdline").read_bytes().split(b"\0")
                except OSError:
                    continue
                if b"sync" in words and str(journal).encode() in words:
                    running = True
                    break
            if not running:
                return
            time.sleep(0.1)
        self.fail("a background sync did not finish")

    def test_a_fresh_clone_becomes_a_private_journal(self):
        laptop = self.device("laptop")
        self.on(laptop, *PAUSE)
        self.sync(laptop)
        clone = self.home / "clone"
        old = os.umask(0o022)
        try:
            self.git(self.home, "clone", "-q", str(self.hub), str(clone))
        finally:
            os.umask(old)
        self.on(clone, "init", "--git")
        for path in [clone, *clone.rglob("*")]:
            if ".git" in path.relative_to(self.home).parts[1:]:
                continue
            mode = path.stat().st_mode & 0o777
            self.assertEqual(mode & 0o077, 0, path)
        self.assertIn("settle __merge-entry",
                      self.git(clone, "config", "merge.settle-entry.driver").replace("'", ""))
        self.assertEqual(self.files(clone), self.files(laptop))
        self.on(clone, *PAUSE, "--at", "2026-11-28 09:00")
        self.sync(clone)
        self.sync(laptop)
        self.assert_same_everywhere([laptop, clone], 2)

    def test_a_remote_that_reads_as_an_option_is_refused(self):
        laptop = self.device("laptop")
        marker = self.home / "ran"
        result = self.run_settle("--journal", str(laptop), "sync",
                                 f"--remote=--upload-pack=touch {marker}")
        self.assertEqual(result.code, 2, result)
        self.assertIn("is not a remote name", result.err)
        result = self.run_settle("--journal", str(laptop), "init",
                                 f"--remote=--upload-pack=touch {marker}")
        self.assertEqual(result.code, 2, result)
        self.assertIn("is not a remote URL", result.err)
        self.assertFalse(marker.exists())
        self.assertEqual(self.git(laptop, "remote", "get-url", "origin").strip(), str(self.hub))

    def test_an_entry_merge_falls_back_to_markers_when_settle_has_moved(self):
        laptop, phone = self.device("laptop"), self.device("phone")
        entry = self.written_audit(laptop)
        self.settle_everywhere([laptop, phone])
        self.on(laptop, "revisit", entry, "--prediction", "1", "--outcome", "didnt")
        self.on(phone, "revisit", entry, "--prediction", "2", "--outcome", "partly")
        self.sync(laptop)
        # A plain `git pull` after settle moved: git's line merge, never one side.
        self.git(phone, "config", "merge.settle-entry.driver",
                 "'/nowhere/settle' __merge-entry %O %A %B %P || { s=$?; [ $s -lt 126 ] || "
                 "exec git merge-file -L 'this device' -L before -L 'other device' %A %O %B; "
                 "exit $s; }")
        self.git(phone, "add", "-A")
        self.git(phone, "commit", "-q", "-m", "revisit")
        self.git(phone, "pull", "-q", "--no-rebase", "origin", "HEAD", check=False)
        text = (phone / entry).read_text()
        self.assertIn("didnt", text)
        self.assertIn("partly", text)

    def test_no_remote_and_no_repository_say_what_to_do(self):
        result = self.run_settle("sync")
        self.assertEqual(result.code, 1)
        self.assertIn("there is no journal", result.err)
        self.ok("init", "--git")
        result = self.run_settle("sync")
        self.assertEqual(result.code, 1)
        self.assertIn("--remote URL", result.err)


if __name__ == "__main__":
    unittest.main()
