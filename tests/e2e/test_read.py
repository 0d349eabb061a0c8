"""settle read and settle crisis: the topic list, one topic, prefixes and
typos, search, plain and Markdown output, widths, the booklet, where the text
comes from, paging at a terminal, and the crisis lines."""

import fcntl
import json
import os
import re
import select
import shutil
import struct
import subprocess
import termios
import textwrap
import unicodedata
import unittest
from pathlib import Path

import harness
from harness import JournalTest

CONTENT = Path(__file__).resolve().parents[2] / "content"
ESC = "\x1b"


def topic_files():
    """(name, path) of every topic in content/, in file order."""
    found = []
    for path in sorted((CONTENT / "topics").glob("*.md")):
        name = re.search(r"^name: *(\S+) *$", path.read_text(encoding="utf-8"), re.M).group(1)
        found.append((name, path))
    return found


def columns(line):
    """Display columns of a line, as a terminal counts them."""
    width = 0
    for ch in line:
        if unicodedata.combining(ch) or ch in "\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def write_topic(folder, file_name, name, title, body, order=1):
    topics = Path(folder) / "topics"
    topics.mkdir(parents=True, exist_ok=True)
    (topics / file_name).write_text(
        f"---\nname: {name}\ntitle: {title}\nsummary: About {name}.\norder: {order}\n---\n{body}",
        encoding="utf-8")


class ConfiguredTest(JournalTest):
    def write_config(self, text):
        config = self.home / "config" / "settle" / "config.yaml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(textwrap.dedent(text), encoding="utf-8")


class ReadTest(ConfiguredTest):
    def test_list_names_every_topic_and_ends_pointing_to_crisis(self):
        out = self.ok("read").out
        for name, _ in topic_files():
            self.assertRegex(out, rf"(?m)^  {re.escape(name)}\b")
        self.assertIn("The reassurance cycle", out)
        self.assertIn("Why asking again brings relief that does not last.", out)
        self.assertIn("settle crisis", out.strip().splitlines()[-1])
        self.assertNotIn(ESC, out)

    def test_a_topic_by_name_and_by_prefix(self):
        full = self.ok("read", "reassurance").out
        self.assertTrue(full.startswith("The reassurance cycle\n=====================\n"), full)
        self.assertIn("Over time this can become a loop:", full)
        self.assertEqual(self.ok("read", "reass").out, full)
        self.assertEqual(self.ok("read", "REASSURANCE").out, full)
        self.assertEqual(self.ok("read", "reassurance", "--plain").out, full)

    def test_a_typo_gets_did_you_mean(self):
        result = self.run_settle("read", "reasurance")
        self.assertEqual(result.code, 2, result)
        self.assertEqual(result.out, "")
        self.assertIn('did you mean "reassurance"?', result.err)
        self.assertTrue(result.err.startswith("settle: error: "), result.err)

    def test_an_ambiguous_prefix_names_the_candidates(self):
        result = self.run_settle("read", "pa")
        self.assertEqual(result.code, 2, result)
        self.assertIn("patterns or pause", result.err)

    def test_paths_are_refused(self):
        outside = self.home / "secret.md"
        outside.write_text("---\nname: secret\ntitle: S\nsummary: S\n---\nsecret text\n")
        for wanted in ("../../etc/passwd", "/etc/passwd", str(outside), "..", "topics/06-reassurance.md",
                       "~/secret.md", "..\\..\\x"):
            with self.subTest(wanted=wanted):
                result = self.run_settle("read", wanted)
                self.assertEqual(result.code, 2, result)
                self.assertEqual(result.out, "")
                self.assertIn("not a path", result.err)

    def test_search_shows_topics_and_matching_lines(self):
        out = self.ok("read", "--search", "EXHALE").out
        self.assertIn("pause: Tolerating the pause\n", out)
        for line in out.splitlines():
            if line.startswith("  "):
                continue
            self.assertRegex(line, r"^[a-z-]+: ", line)
        self.assertNotIn("**", out)
        self.assertIn("exhale", out.lower())

        within = self.ok("read", "pause", "--search", "exhale").out
        self.assertTrue(within.startswith("pause: "), within)

        missing = self.run_settle("read", "--search", "xylophone")
        self.assertEqual(missing.code, 1, missing)
        self.assertEqual(missing.out, "")
        self.assertIn('No topic mentions "xylophone".', missing.err)

    def test_no_escape_codes_unless_asked_and_never_with_plain(self):
        self.assertNotIn(ESC, self.ok("read", "--all").out)
        self.assertNotIn(ESC, self.ok("--color", "always", "read", "calm", "--plain").out)
        self.assertNotIn(ESC, self.ok("--color", "never", "read", "calm").out)
        styled = self.ok("--color", "always", "read", "calm").out
        self.assertIn(ESC + "[1", styled)
        self.assertNotIn(ESC, self.ok("read", "calm", env={"NO_COLOR": "1"}).out)

    def test_width_bounds_every_line(self):
        for width in (20, 40, 72, 120):
            for args in (["read"], ["read", "--all"], ["read", "--search", "the"],
                         ["--color", "always", "read", "--all"]):
                with self.subTest(width=width, args=args):
                    out = self.ok(*args, "--width", str(width)).out
                    for line in re.sub(r"\x1b\[[0-9;]*m", "", out).splitlines():
                        self.assertLessEqual(columns(line), width, line)
        narrow = self.ok("read", "calm", "--width", "40").out
        self.assertGreater(len(narrow.splitlines()), len(self.ok("read", "calm").out.splitlines()))

    def test_width_out_of_range_is_a_usage_error(self):
        for width in ("5", "100000", "wide"):
            with self.subTest(width=width):
                self.assertEqual(self.run_settle("read", "calm", "--width", width).code, 2)

    def test_all_is_every_topic_in_reading_order(self):
        out = self.ok("read", "--all", "--plain").out
        self.assertTrue(out.startswith("Contents\n"), out[:200])
        titles = [re.search(r"^title: *(.+)$", path.read_text(encoding="utf-8"), re.M).group(1)
                  for _, path in topic_files()]
        body = out.split("\n\n\n", 1)[1]
        positions = [body.find(title + "\n" + "=" * len(title)) for title in titles]
        self.assertNotIn(-1, positions)
        self.assertEqual(positions, sorted(positions))
        self.assertEqual(self.run_settle("read", "calm", "--all").code, 2)

    def test_markdown_is_the_file_itself(self):
        for name, path in topic_files():
            with self.subTest(name=name):
                out = self.ok("read", name, "--format", "markdown").out
                self.assertEqual(out, path.read_text(encoding="utf-8"))
        booklet = self.ok("read", "--all", "--format", "markdown").out
        self.assertIn("# The reassurance cycle\n", booklet)
        self.assertNotIn("\norder:", booklet)
        self.assertEqual(self.run_settle("read", "calm", "--plain", "--format", "markdown").code, 2)
        self.assertEqual(self.run_settle("read", "calm", "--format", "json").code, 2)

    def test_settle_content_points_at_another_folder(self):
        clinic = self.home / "clinic"
        write_topic(clinic, "01-kalme.md", "kalme", "Pourquoi le calme inquiète",
                    "# Pourquoi le calme inquiète\n\nUn café, s'il vous plaît.\n")
        env = {"SETTLE_CONTENT": str(clinic)}
        listing = self.ok("read", env=env).out
        self.assertIn("kalme", listing)
        self.assertNotIn("reassurance", listing)
        self.assertIn("Un café", self.ok("read", "kal", env=env).out)
        self.assertEqual(self.run_settle("read", "calm", env=env).code, 2)

    def test_config_content_and_the_environment_winning_over_it(self):
        from_config = self.home / "from-config"
        from_env = self.home / "from-env"
        write_topic(from_config, "a.md", "configured", "Configured", "# Configured\n")
        write_topic(from_env, "a.md", "environment", "Environment", "# Environment\n")
        self.write_config(f"content: {from_config}\n")
        self.assertIn("configured", self.ok("read").out)
        self.assertIn("environment", self.ok("read", env={"SETTLE_CONTENT": str(from_env)}).out)

    def test_a_missing_content_folder_says_where_it_was_set(self):
        result = self.run_settle("read", env={"SETTLE_CONTENT": str(self.home / "nowhere")})
        self.assertEqual(result.code, 1, result)
        self.assertIn("$SETTLE_CONTENT", result.err)
        self.write_config("content: [not, a, path]\n")
        result = self.run_settle("read")
        self.assertEqual(result.code, 0, result)
        self.assertIn("config.yaml:1: content must be a folder path", result.err)
        self.assertIn("that setting keeps its default", result.err)

    def test_a_bad_topic_file_is_reported_and_the_rest_still_read(self):
        clinic = self.home / "clinic"
        write_topic(clinic, "01-good.md", "good", "Good", "# Good\n")
        (clinic / "topics" / "02-bad.md").write_text("---\nname: Bad Name\ntitle: x\nsummary: y\n---\n")
        result = self.ok("read", env={"SETTLE_CONTENT": str(clinic)})
        self.assertIn("good", result.out)
        self.assertIn("02-bad.md:2: name must be", result.err)

    def test_needs_no_journal_and_no_time_zone(self):
        # A journal path that is a file and a zone that does not exist: both
        # would fail if read touched them.
        blocker = self.home / "not-a-folder"
        blocker.write_text("")
        env = {"SETTLE_JOURNAL": str(blocker / "journal"), "TZ": "Nowhere/Nothing"}
        self.assertIn("Why calm does not feel safe", self.ok("read", "calm", "--plain", env=env).out)

    @unittest.skipUnless(shutil.which("strace"), "strace shows which files are opened")
    def test_reads_no_time_zone_database(self):
        log = self.home / "strace.log"
        # LeakSanitizer cannot run under ptrace; the ASan build's leak check
        # is off for this one traced run (every other test still has it).
        env = dict(self.env)
        env["ASAN_OPTIONS"] = ":".join(
            filter(None, [os.environ.get("ASAN_OPTIONS", ""), "detect_leaks=0"]))
        traced = subprocess.run(
            ["strace", "-f", "-e", "trace=openat,open", "-o", str(log), harness.BINARY, "read",
             "calm", "--plain"],
            capture_output=True, text=True, env=env, timeout=60)
        if traced.returncode != 0 or not log.exists():
            self.skipTest(f"strace cannot trace here: {traced.stderr[-200:]}")
        opened = log.read_text()
        self.assertNotIn("zoneinfo", opened)
        self.assertNotIn(str(self.journal), opened)

    def test_sources_lists_every_work_once(self):
        out = self.ok("read", "--sources", "--format", "markdown").out
        listed = [line[2:] for line in out.splitlines() if line.startswith("- ")]
        self.assertEqual(len(listed), len(set(listed)))
        self.assertEqual(listed, sorted(listed, key=lambda s: s.replace("*", "").lower()))
        # Every topic's sources, and nothing else.
        named = set()
        for name, path in topic_files():
            body = path.read_text(encoding="utf-8")
            self.assertIn("\n## Sources\n", body, name)
            section = body.split("\n## Sources\n", 1)[1]
            items = [line[2:] for line in section.splitlines() if line.startswith("- ")]
            self.assertTrue(items, name)
            named.update(items)
        self.assertEqual(set(listed), named)
        self.assertIn("Evraire, Dozois and Wilde (2022)", out)

        text = self.ok("read", "--sources", "--plain", "--width", "400").out
        self.assertIn("Europe's Journal of Psychology, 18(1), 19-39", text)
        self.assertNotIn("*", text)
        one = self.ok("read", "pause", "--sources", "--plain").out
        self.assertIn("Craske", one)
        self.assertNotIn("Evraire", one)
        self.assertEqual(self.run_settle("read", "--sources", "--all").code, 2)
        self.assertEqual(self.run_settle("read", "--sources", "--search", "x").code, 2)

    def test_examples_come_last_so_the_text_reads_without_them(self):
        for name, path in topic_files():
            with self.subTest(name=name):
                out = self.ok("read", name, "--plain", "--width", "72").out
                head = out.split("\nWith settle\n", 1)[0].split("\nSources\n", 1)[0]
                self.assertNotIn("settle audit", head)
                self.assertNotIn("settle pause", head)
                self.assertNotIn("`", head)

    def test_help_has_examples(self):
        self.assertIn("Examples:\n  settle read", self.ok("read", "--help").out)
        self.assertIn("settle crisis", self.ok("crisis", "--help").out)


class CrisisTest(ConfiguredTest):
    def test_default_lines_and_the_safety_note(self):
        result = self.ok("crisis")
        self.assertEqual(result.err, "")
        out = result.out
        flat = re.sub(r"\s+", " ", out)
        self.assertRegex(out, r"(?m)^  9-8-8 +Suicide Crisis Helpline \(Canada\), call or text, 24 hours$")
        self.assertRegex(out, r"(?m)^  911 +Emergencies \(Canada\)$")
        self.assertRegex(out, r"(?m)^  1-877-303-2642 +Mental Health Help Line \(Alberta\), 24 hours$")
        self.assertRegex(out, r"(?m)^  211 +Community and social services \(Alberta\)$")
        # Fact sheet 11: the family-violence line, and the lines for young
        # people and for First Nations, Inuit and Metis people.
        self.assertRegex(out, r"(?m)^  310-1818 +Family Violence Info Line \(Alberta\)")
        self.assertIn("more than 170 languages", flat)
        self.assertRegex(out, r"(?m)^  1-800-668-6868 +Kids Help Phone")
        self.assertIn("text CONNECT to 686868", flat)
        self.assertRegex(out, r"(?m)^  1-855-242-3310 +Hope for Wellness Help Line")
        self.assertIn("First Nations, Inuit and Metis people", flat)
        # Someone elsewhere learns these are Canada's, and how to add theirs.
        self.assertIn("The built-in numbers are for Canada", flat)
        self.assertIn("`crisis:`", flat)
        self.assertIn("not medical advice", flat)
        self.assertNotIn(ESC, out)
        self.assertLess(len(out.splitlines()), 30)

    def test_configured_lines_come_first_and_the_built_in_ones_stay(self):
        self.write_config("""\
            crisis:
              - name: Local helpline
                contact: "555 0100"
                note: any time
              - name: Emergencies
                contact: "112"
            """)
        out = self.ok("crisis").out
        self.assertRegex(out, r"(?m)^  555 0100 +Local helpline, any time$")
        self.assertRegex(out, r"(?m)^  112 +Emergencies$")
        self.assertRegex(out, r"(?m)^  9-8-8 +Suicide Crisis Helpline")
        self.assertRegex(out, r"(?m)^  911 +Emergencies \(Canada\)$")
        self.assertLess(out.index("555 0100"), out.index("9-8-8"))
        self.assertLess(out.index("112"), out.index("911"))
        self.assertIn("The built-in numbers are for Canada", re.sub(r"\s+", " ", out))

        settings = json.loads(self.ok("config", "--format", "json").out)["settings"]
        self.assertEqual(settings["crisis.1"]["source"], "config file")
        self.assertEqual(settings["crisis.3"]["source"], "default")
        self.assertEqual(settings["crisis_replace_builtin"]["value"], False)

    def test_the_built_in_lines_go_only_when_the_person_says_so(self):
        self.write_config("""\
            crisis_replace_builtin: true
            crisis:
              - name: Local helpline
                contact: "555 0100"
            """)
        out = self.ok("crisis").out
        self.assertRegex(out, r"(?m)^  555 0100 +Local helpline$")
        self.assertNotIn("9-8-8", out)
        self.assertNotIn("911", out)
        self.assertNotIn("Canada", out)
        self.assertEqual(self.ok("config").out.count("crisis_replace_builtin"), 1)

        # Without lines of one's own, nothing is replaced.
        self.write_config("crisis_replace_builtin: true\n")
        result = self.run_settle("crisis")
        self.assertEqual(result.code, 0, result)
        self.assertIn("9-8-8", result.out)
        self.assertIn("crisis_replace_builtin: true needs lines of your own", result.err)

    def test_read_safety_lists_every_line(self):
        out = re.sub(r"\s+", " ", self.ok("read", "safety", "--plain").out)
        for number in ("9-8-8", "911", "1-800-668-6868", "686868", "1-855-242-3310",
                       "1-877-303-2642", "310-1818", "211", "sheltersafe.ca"):
            self.assertIn(number, out)
        self.assertIn("First Nations, Inuit and Metis", out)
        self.assertIn("crisis_replace_builtin", out)

    def test_a_broken_config_never_hides_the_lines(self):
        self.write_config("crisis:\n  - name: No contact here\n")
        result = self.run_settle("crisis")
        self.assertEqual(result.code, 0, result)
        self.assertIn("9-8-8", result.out)
        self.assertIn("config.yaml:2: crisis must be a list", result.err)
        # Other commands warn about the same file, naming the line, and run
        # on the defaults; `settle config` refuses it.
        listing = self.run_settle("list")
        self.assertEqual(listing.code, 0, listing)
        self.assertIn("config.yaml:2:", listing.err)
        self.assertEqual(self.run_settle("config").code, 2)

        self.write_config("crisis: [unclosed\n")
        result = self.run_settle("crisis")
        self.assertEqual(result.code, 0, result)
        self.assertIn("9-8-8", result.out)

    def test_config_text_cannot_reach_the_terminal_raw(self):
        self.write_config('crisis:\n  - name: "Help \\e]0;owned\\a"\n    contact: "1\\e[2J"\n')
        out = self.ok("--color", "always", "crisis").out
        self.assertNotIn(ESC + "]", out)
        self.assertNotIn(ESC + "[2J", out)
        self.assertIn("^[", out)


class PagingTest(JournalTest):
    """At a terminal, long text goes through $PAGER; short text and pipes do not."""

    def in_terminal(self, *args, rows, env=None):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 80, 0, 0))
        full_env = dict(self.env)
        full_env.update(env or {})
        process = subprocess.Popen([harness.BINARY, *args], stdin=subprocess.DEVNULL,
                                   stdout=slave, stderr=slave, env=full_env)
        os.close(slave)
        output = b""
        while True:
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                process.kill()
                self.fail("settle did not finish at the terminal")
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal closed: everything has been read
                break
            if not data:
                break
            output += data
        os.close(master)
        self.assertEqual(process.wait(timeout=30), 0, output)
        return output.decode("utf-8", "replace")

    def test_long_text_goes_through_the_pager(self):
        paged = self.home / "paged.txt"
        shown = self.in_terminal("read", "reassurance", rows=10,
                                 env={"PAGER": f"cat > {paged}"})
        self.assertNotIn("reassurance cycle", shown)
        text = paged.read_text()
        self.assertIn("reassurance cycle", text)
        self.assertIn(ESC + "[1", text)  # styled, for less -R

    def test_short_text_and_crisis_are_never_paged(self):
        paged = self.home / "paged.txt"
        env = {"PAGER": f"cat > {paged}"}
        self.assertIn("reassurance cycle", self.in_terminal("read", "reassurance", rows=500, env=env))
        self.assertIn("9-8-8", self.in_terminal("crisis", rows=3, env=env))
        self.assertFalse(paged.exists())

    def test_a_missing_pager_still_shows_the_text(self):
        shown = self.in_terminal("read", "reassurance", rows=10,
                                 env={"PAGER": "no-such-pager-anywhere"})
        self.assertIn("reassurance cycle", shown)


if __name__ == "__main__":
    unittest.main()
