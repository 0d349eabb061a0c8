"""Drives settle at a real pseudo-terminal, as a person would: tmux runs the
binary in a window of a chosen size, the tests type keys with send-keys and
read the screen with capture-pane. Each session records the terminal's stty
settings before and after the run, and settle's exit status, so tests can
check that the terminal was left as it was found.

Waits poll the screen until what is expected appears; no test asserts how
fast anything happens."""

import os
import shlex
import shutil
import signal
import subprocess
import time
import unittest
from pathlib import Path

import harness

TMUX = shutil.which("tmux")


def require_tmux(test_class):
    return unittest.skipUnless(TMUX, "tmux is needed for the terminal tests")(test_class)


class TerminalSession:
    """One settle command running in its own tmux server and window."""

    def __init__(self, test, args, width=80, height=24, env=None, name="tty", record=False):
        self.test = test
        self.dir = Path(test.home) / name
        self.dir.mkdir()
        self.socket = self.dir / "tmux.sock"
        full_env = dict(test.env)
        full_env.update(env or {})
        # The tmux server hands on the environment it was started in; the
        # locale must come from the test alone (dh_auto_test, for one, sets
        # LC_ALL=C.UTF-8, which would beat a test's LANG=C).
        exports = "unset LC_ALL LC_CTYPE LC_MESSAGES\n" + "".join(
            f"export {k}={shlex.quote(v)}\n" for k, v in full_env.items())
        command = " ".join(shlex.quote(a) for a in [harness.BINARY, *args])
        script = self.dir / "run.sh"
        # bash waits for a child that handles Ctrl-C itself and carries on,
        # so the "after" settings are recorded once settle has exited.
        script.write_text(
            exports
            + f"cd {shlex.quote(str(self.dir))}\n"
            + "stty -g > stty.before\n"
            # When recording, settle starts only once the recording has.
            + ("while [ ! -e go ]; do sleep 0.02; done\n" if record else "")
            + f"{command}\n"
            + "echo $? > status\n"
            + "stty -g > stty.after\n"
        )
        config = self.dir / "tmux.conf"
        # The window stays after the command ends, so its last screen can be read.
        config.write_text("set -g remain-on-exit on\nset -g status off\n")
        self._tmux(
            "-f", str(config), "new-session", "-d", "-x", str(width), "-y", str(height),
            "-s", "settle", f"bash --norc --noprofile {shlex.quote(str(script))}",
        )
        self.output = None
        if record:
            # Every byte settle writes, escape sequences included.
            self.output = self.dir / "output.raw"
            self._tmux("pipe-pane", "-o", "-t", "settle",
                       f"cat >> {shlex.quote(str(self.output))}")
            (self.dir / "go").write_text("")

    def _tmux(self, *args, check=True):
        return subprocess.run(
            [TMUX, "-S", str(self.socket), *args],
            capture_output=True, text=True, check=check, timeout=30,
        )

    def close(self):
        self._tmux("kill-server", check=False)

    # -- typing

    def type(self, text):
        """Types `text` literally (no Enter)."""
        self._tmux("send-keys", "-t", "settle", "-l", text)

    def press(self, *keys):
        """Presses named keys: Enter, Tab, C-c, C-d, BSpace, ..."""
        self._tmux("send-keys", "-t", "settle", *keys)

    def line(self, text):
        self.type(text)
        self.press("Enter")

    def paste(self, text):
        """Pastes `text` as a terminal does: in one go, inside the
        bracketed-paste markers when the program asked for them."""
        self._tmux("set-buffer", "--", text)
        self._tmux("paste-buffer", "-p", "-t", "settle")

    # -- the answers every guided session asks for

    def press_after(self, key, marker):
        """Presses `key` once `marker` appears once more on the screen than
        it did before, so an older copy of it does not count."""
        before = self.text().count(marker)
        self.press(key)
        self.wait_for(lambda lines: "\n".join(lines).count(marker) > before, repr(marker))

    def choose(self, key):
        """Answers a recorded one-key question and keeps the answer."""
        self.press_after(key, "Enter keeps it")
        self.press("Enter")

    def change(self, part, shown):
        """At the review before saving: asks to change `part` (its number)
        and waits for its prompt, which shows `shown` (the answer so far)."""
        self.press_after("e", "Which part?")
        self.press_after(part, shown)

    def keep(self):
        """Keeps what the review before saving shows."""
        self.wait_for_text("Save this?")
        self.press("k")

    def close_ending(self):
        """Leaves the last screen of an exercise."""
        self.wait_for_text("any other key closes")
        self.press("Enter")

    # -- reading the screen

    def screen(self):
        return self._tmux("capture-pane", "-p", "-t", "settle").stdout.rstrip("\n").split("\n")

    def history(self):
        """Every line the window has shown, the scrolled-off ones too."""
        return self._tmux("capture-pane", "-p", "-S", "-", "-t", "settle").stdout.rstrip(
            "\n").split("\n")

    def styled_screen(self):
        return self._tmux("capture-pane", "-p", "-e", "-t", "settle").stdout

    def text(self):
        return "\n".join(self.screen())

    def wait_for(self, predicate, what, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            lines = self.screen()
            found = predicate(lines)
            if found:
                return found
            if time.monotonic() > deadline:
                self.test.fail(f"waited for {what}; the screen shows:\n" + "\n".join(lines))
            time.sleep(0.05)

    def wait_for_text(self, text, timeout=60):
        return self.wait_for(lambda lines: text in "\n".join(lines), repr(text), timeout)

    # -- the process

    def settle_pid(self):
        """The settle process (the child of the window's shell)."""
        shell = int(self._tmux("display-message", "-p", "-t", "settle", "#{pane_pid}").stdout)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
            if children:
                return int(children[0])
            time.sleep(0.05)
        self.test.fail("settle did not start")

    def signal(self, number):
        os.kill(self.settle_pid(), number)

    def resize(self, width, height):
        self._tmux("resize-window", "-t", "settle", "-x", str(width), "-y", str(height))

    def hang_up(self):
        """Closes the terminal under settle, as closing the window would."""
        self.close()

    def wait_for_exit(self, timeout=60):
        status = self.dir / "status"
        deadline = time.monotonic() + timeout
        while not status.exists() or not status.read_text().strip():
            if time.monotonic() > deadline:
                self.test.fail("settle did not exit; the screen shows:\n" + self.text())
            time.sleep(0.05)
        # The settings after are written just after the status.
        after = self.dir / "stty.after"
        while not after.exists() or not after.read_text().strip():
            if time.monotonic() > deadline:
                self.test.fail("the terminal settings after the run were not recorded")
            time.sleep(0.05)
        return int(status.read_text())

    def assert_terminal_restored(self):
        before = (self.dir / "stty.before").read_text()
        after = (self.dir / "stty.after").read_text()
        self.test.assertEqual(before, after, "stty settings changed by the session")


class InteractiveTest(harness.JournalTest):
    """A JournalTest that can open terminal sessions; they close at the end."""

    def setUp(self):
        super().setUp()
        self.env["TERM"] = "screen"
        self._sessions = []

    def tearDown(self):
        for session in self._sessions:
            session.close()
        super().tearDown()

    def start(self, *args, width=80, height=24, env=None, record=False):
        session = TerminalSession(self, list(args), width, height, env,
                                  name=f"tty{len(self._sessions)}", record=record)
        self._sessions.append(session)
        return session

    def save(self, tty):
        """Keeps what the review shows, closes the last screen and checks
        that the session ended well."""
        tty.keep()
        tty.close_ending()
        self.assertEqual(tty.wait_for_exit(), 0)

    def only_entry(self, kind=None):
        entries = [e for e in self.entries() if kind is None or e.endswith(f"-{kind}.md")]
        self.assertEqual(len(entries), 1, f"entries: {self.entries()}")
        return self.read_entry(entries[0])

    def wait_for_entry(self, timeout=60):
        deadline = time.monotonic() + timeout
        while not self.entries():
            if time.monotonic() > deadline:
                self.fail("no entry was saved")
            time.sleep(0.05)
        return self.entries()  # complete: an entry appears by an atomic rename


SIGTERM = signal.SIGTERM
SIGHUP = signal.SIGHUP
