"""settle revisit rewrites only a `revisit:` block that settle itself wrote
and that reads back exactly. Golden tests over hand-edited entries in
tests/fixtures/revisit: a refused file stays byte for byte as it was, with
`path:line` and a pointer to `settle edit`; an accepted one becomes exactly
the `.expected.md` file beside it (the new answer's date aside)."""

import re
import unittest
from pathlib import Path

from harness import JournalTest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "revisit"
ENTRY = "2026/11/2026-11-02-200000-script.md"
ANSWER_DATE = re.compile(r"^(  date: )\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", re.M)

# Fixture -> the line settle must name when it refuses.
REFUSED = {
    "placeholder-with-comment.md": 9,
    "empty-placeholder.md": 9,
    "comment-in-block.md": 9,
    "quoted-flow-block.md": 9,
}
ACCEPTED = ["own-key-starting-with-revisit.md", "settle-block.md"]


class RevisitKeepsWordsTest(JournalTest):
    def put(self, fixture):
        path = self.journal / ENTRY
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((FIXTURES / fixture).read_bytes())
        return path

    def test_refuses_blocks_settle_did_not_write(self):
        for fixture, line in REFUSED.items():
            with self.subTest(fixture=fixture):
                path = self.put(fixture)
                result = self.run_settle("revisit", "2026-11-02-200000-script",
                                         "--shared", "said", "--landed", "closer")
                self.assertNotEqual(result.code, 0, result)
                self.assertIn(f"{ENTRY}:{line}:", result.err)
                self.assertIn("settle edit", result.err)
                self.assertEqual(path.read_bytes(), (FIXTURES / fixture).read_bytes())

    def test_rewrites_only_its_own_block(self):
        for fixture in ACCEPTED:
            with self.subTest(fixture=fixture):
                path = self.put(fixture)
                args = ["--shared", "said"]
                if fixture == "settle-block.md":
                    args += ["--landed", "closer"]
                self.ok("revisit", "2026-11-02-200000-script", *args)
                expected = (FIXTURES / fixture.replace(".md", ".expected.md")).read_text()
                actual = path.read_text()
                self.assertEqual(ANSWER_DATE.sub(r"\1DATE", actual),
                                 ANSWER_DATE.sub(r"\1DATE", expected))
                self.assertEqual(len(ANSWER_DATE.findall(actual)), 1)


if __name__ == "__main__":
    unittest.main()
