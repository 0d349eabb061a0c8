"""settle revisit without a terminal: listing what is open, writing answers
into entries while every other byte stays, and the coaching hints."""

import json
import unittest

from harness import JournalTest

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
