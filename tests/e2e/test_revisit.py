"""settle revisit without a terminal: listing what is open, writing answers
into entries while every other byte stays, and the coaching hints."""

import json
import subprocess
import unittest

from harness import BINARY, JournalTest

HAND_EDITED_AUDIT = (
    "---\r\n"
    "# written on paper first\r\n"
    "kind: audit\r\n"
    "schema: 1\r\n"
    "created: 2026-11-01T21:14:03-06:00\r\n"
    "predict:\r\n"
    "  - They're angry with me   # the loud one\r\n"
    "  - They'll leave\r\n"
    "know: [It is 9pm]\r\n"
    "mine: kept\r\n"
    "---\r\n"
    "Body stays.\r\n"
)


class RevisitTest(JournalTest):
    def setUp(self):
        super().setUp()
        self.audit = self.journal / "2026/11/2026-11-01-211403-audit.md"
        self.audit.parent.mkdir(parents=True)
        self.audit.write_bytes(HAND_EDITED_AUDIT.encode())
        self.ok("script", "--situation", "a quiet evening", "--feel", "lonely", "--need",
                "closeness", "--at", "2026-11-02 20:00")
        self.ok("pause", "--urge-before", "5", "--urge-after", "2", "--outcome", "waited",
                "--at", "2026-11-03 20:00")
        # Too recent to look back on yet (older than 1 day is the default).
        self.ok("audit", "--predict", "something", "--know", "x")

    def test_lists_open_items_oldest_first(self):
        result = self.ok("revisit")
        self.assertEqual(result.out.splitlines(), [
            "2026-11-01-211403-audit  2 predictions to look back on",
            "2026-11-02-200000-script  not yet shared",
        ])
        data = json.loads(self.ok("revisit", "--format", "json", "--kind", "audit").out)
        self.assertEqual([d["open"]["predictions"] for d in data], [[1, 2]])
        self.assertEqual(len(json.loads(self.ok("revisit", "--older-than", "0d",
                                                "--format", "json").out)), 3)

    def test_answers_keep_every_other_byte(self):
        self.ok("revisit", "2026-11-01-211403-audit", "--prediction", "2", "--outcome", "didnt")
        text = self.audit.read_bytes().decode()
        before, after = HAND_EDITED_AUDIT.split("---\r\nBody")
        self.assertTrue(text.startswith(before), text)
        self.assertTrue(text.endswith("---\r\nBody stays.\r\n"), text)
        block = text[len(before):-len("---\r\nBody stays.\r\n")]
        self.assertRegex(block, r"^revisit:\r\n  date: \d{4}-\d\d-\d\dT[\d:]+-0[67]:00\r\n"
                                r"  predictions:\r\n    2: didnt\r\n$")
        self.assertEqual(self.ok("revisit", "--kind", "audit").out,
                         "2026-11-01-211403-audit  1 prediction to look back on\n")
        # Answering the rest replaces the block; nothing else moves.
        self.ok("revisit", "2026-11-01", "--prediction", "1", "--outcome", "happened")
        text = self.audit.read_bytes().decode()
        self.assertIn("  predictions:\r\n    1: happened\r\n    2: didnt\r\n---\r\nBody", text)
        self.assertEqual(text.count("revisit:"), 1)
        self.assertEqual(self.ok("revisit", "--kind", "audit").out, "")
        self.ok("check")

    def test_revisits_at_the_same_time_keep_every_answer(self):
        predictions = 40
        args = ["audit", "--know", "k", "--at", "2026-11-05 10:00"]
        for n in range(predictions):
            args += ["--predict", f"fear {n + 1}"]
        self.ok(*args)
        # Two processes answer alternate predictions of one entry at once;
        # each answer is a read, a merge and a rewrite of the same file.
        script = (f'for n in $(seq $1 2 {predictions}); do '
                  f'"{BINARY}" revisit 2026-11-05-100000-audit --prediction $n --outcome didnt '
                  '|| exit 1; done')
        env = {**self.env}
        runs = [subprocess.Popen(["sh", "-c", script, "sh", str(first)], env=env,
                                 stderr=subprocess.PIPE, text=True) for first in (1, 2)]
        for run in runs:
            _, err = run.communicate(timeout=300)
            self.assertEqual(run.returncode, 0, err)
        entry = json.loads(self.ok("show", "2026-11-05-100000-audit", "--format", "json").out)
        self.assertEqual(len(entry["revisit"]["predictions"]), predictions)

    def test_an_entry_reached_through_a_linked_folder_is_not_rewritten(self):
        outside = self.home / "outside"
        outside.mkdir()
        original = HAND_EDITED_AUDIT.replace("2026-11-01", "2026-10-01").encode()
        (outside / "2026-10-01-100000-audit.md").write_bytes(original)
        (self.journal / "2026" / "10").symlink_to(outside)
        result = self.run_settle("revisit", "2026-10-01-100000-audit", "--prediction", "1",
                                 "--outcome", "didnt")
        self.assertNotEqual(result.code, 0, result)
        self.assertIn("symbolic link", result.err)
        self.assertEqual((outside / "2026-10-01-100000-audit.md").read_bytes(), original)

    def test_script_answers(self):
        self.ok("revisit", "2026-11-02", "--shared", "said", "--landed", "closer", "--note",
                "it went well")
        data = json.loads(self.ok("show", "2026-11-02", "--format", "json").out)
        self.assertEqual(data["revisit"]["shared"], "said")
        self.assertEqual(data["revisit"]["landed"], "closer")
        self.assertEqual(data["revisit"]["note"], "it went well")

    def test_mistakes_write_nothing(self):
        before = self.audit.read_bytes()
        cases = [
            (["revisit", "2026-11-01", "--prediction", "3", "--outcome", "didnt"], 2,
             "revisit names prediction 3, but the entry has 2"),
            (["revisit", "2026-11-01", "--prediction", "1", "--outcome", "maybe"], 2,
             "--outcome must be happened, partly or didnt"),
            (["revisit", "2026-11-01", "--prediction", "1"], 2, "one --outcome for each"),
            (["revisit", "2026-11-01", "--shared", "said"], 2, "only a script"),
            (["revisit", "2026-11-03", "--prediction", "1", "--outcome", "didnt"], 2,
             "only an audit has predictions to revisit"),
            (["revisit", "--prediction", "1", "--outcome", "didnt"], 2, "name the entry"),
            (["revisit", "2026-11-02", "--shared", "shouted"], 2, "--shared must be"),
            (["revisit", "nothing-like-this", "--shared", "said"], 1, "no entry"),
        ]
        for args, code, message in cases:
            with self.subTest(args=args):
                result = self.run_settle(*args)
                self.assertEqual(result.code, code, result)
                self.assertIn(message, result.err)
        self.assertEqual(self.audit.read_bytes(), before)


if __name__ == "__main__":
    unittest.main()


class SummaryLookingBackTest(JournalTest):
    def test_summary_counts_what_came_true(self):
        self.ok("audit", "--know", "k", "--predict", "a", "--predict", "b", "--predict", "c",
                "--tag", "work", "--at", "2026-11-02 20:00")
        self.ok("audit", "--know", "k", "--predict", "d", "--at", "2026-11-03 20:00")
        self.ok("script", "--situation", "s", "--feel", "f", "--need", "n",
                "--at", "2026-11-04 20:00")
        self.ok("revisit", "2026-11-02", "--prediction", "1", "--outcome", "happened",
                "--prediction", "2", "--outcome", "didnt", "--prediction", "3", "--outcome", "partly")
        self.ok("revisit", "2026-11-03", "--prediction", "1", "--outcome", "didnt")
        self.ok("revisit", "2026-11-04", "--shared", "sent", "--landed", "closer")
        data = json.loads(self.ok("summary", "--since", "2026-11-01", "--until", "2026-11-30",
                                  "--format", "json").out)
        back = data["revisit"]
        self.assertEqual(back["predictions"], 4)
        self.assertEqual(back["answered"], {"answered": 4, "happened": 1, "partly": 1,
                                            "didnt": 2, "came_true_share": 0.25})
        self.assertEqual(back["by_tag"], [{"tag": "work", "answered": 3, "happened": 1,
                                           "partly": 1, "didnt": 1, "came_true_share": 0.33}])
        self.assertEqual(back["scripts"], {"answered": 1, "said": 0, "sent": 1, "kept": 0,
                                           "closer": 1, "neutral": 0, "harder": 0})
        text = self.ok("summary", "--since", "2026-11-01", "--until", "2026-11-30").out
        self.assertIn("1 of 4 answered came true (25%)", text)
        markdown = self.ok("summary", "--since", "2026-11-01", "--until", "2026-11-30",
                           "--format", "markdown").out
        self.assertIn("| all | 4 | 1 | 1 | 2 | 25% |", markdown)


class CoachingTest(JournalTest):
    def test_hints_on_stderr_never_block(self):
        result = self.ok("audit", "--know", "They said they'd call at 9", "--know",
                         "They'll be angry", "--predict", "they will leave")
        self.assertEqual(len(self.entries()), 1)
        self.assertIn('A gentle note: "They\'ll be angry" may be a guess', result.err)
        self.assertNotIn("they'd call", result.err)
        self.assertEqual(result.err.count("A gentle note"), 1)

    def test_script_hints(self):
        result = self.ok("script", "--situation", "you never call", "--feel", "angry",
                         "--need", "you to call")
        self.assertEqual(result.err.count("A gentle note"), 3)
        calm = self.ok("script", "--situation", "when the dishes sat for three days",
                       "--feel", "hurt", "--need", "to feel we're a team")
        self.assertNotIn("A gentle note", calm.err)

    def test_hints_in_json(self):
        self.ok("audit", "--know", "He's probably with someone else", "--predict", "x")
        [entry] = json.loads(self.ok("list", "--format", "json").out)
        self.assertEqual([(h["rule"], h["field"], h["item"]) for h in entry["hints"]],
                         [("know_sounds_like_prediction", "know", 1)])
        shown = json.loads(self.ok("show", entry["id"], "--format", "json").out)
        self.assertEqual(shown["hints"], entry["hints"])

    def test_coaching_can_be_switched_off(self):
        config = self.home / "config" / "settle"
        config.mkdir(parents=True)
        (config / "config.yaml").write_text("coaching: false\n")
        result = self.ok("audit", "--know", "They'll be angry", "--predict", "x")
        self.assertNotIn("A gentle note", result.err)
        [entry] = json.loads(self.ok("list", "--format", "json").out)
        self.assertNotIn("hints", entry)
        (config / "config.yaml").write_text("coaching: sometimes\n")
        bad = self.run_settle("list")
        self.assertEqual(bad.code, 0, bad)
        self.assertIn("config.yaml:1: coaching must be true or false", bad.err)
        self.assertEqual(self.run_settle("config").code, 2)
