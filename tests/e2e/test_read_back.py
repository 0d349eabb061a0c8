"""settle never writes an entry it cannot read back: an entry every reader
would refuse (over the size limit, a time RFC 3339 cannot hold) is refused
before a byte is written, with every word shown so that none is lost. And
whatever dates a journal holds, `summary --all` stays small.
"""

import json

from harness import JournalTest

KEPT = "Here is everything you wrote"


class RefusedBeforeWritingTest(JournalTest):
    def assert_refused_with_words(self, result, words):
        self.assertNotEqual(result.code, 0, result)
        self.assertIn(KEPT, result.err)
        for word in words:
            self.assertIn(word, result.err)
        self.assertEqual(self.entries(), [])
        self.ok("check")

    def test_a_note_over_the_size_limit(self):
        note = "all of this matters " * 60000  # 1.2 MB, over the 1 MiB a reader takes
        result = self.run_settle("audit", "--stdin", stdin=f"know: it is late\nnote: {note}\n")
        self.assert_refused_with_words(result, ["it is late", note.strip()])
        self.assertIn("bytes", result.err)

    def test_a_hundred_thousand_tags(self):
        tags = "".join(f"tag: t{n}\n" for n in range(100000))
        result = self.run_settle("audit", "--stdin", stdin=f"know: still here\n{tags}")
        if result.code == 0:  # written: then every reader must take it
            self.assertEqual(len(self.entries()), 1)
            self.ok("check")
            self.assertEqual(len(json.loads(self.ok("list", "--format", "json").out)[0]["tags"]),
                             100000)
        else:
            self.assert_refused_with_words(result, ["still here", "t99999"])

    def test_an_offset_of_a_day_or_more(self):
        for zone in ("<+25>-25", "<-25>25", "<+24>-24"):
            with self.subTest(zone=zone):
                result = self.run_settle("pause", "--urge-before", "7", "--urge-after", "3",
                                         "--outcome", "waited", "--note",
                                         "the words I typed", env={"TZ": zone})
                if result.code == 0:
                    self.ok("check")
                    self.assertEqual(len(json.loads(self.ok("list", "--format", "json").out)),
                                     len(self.entries()))
                else:
                    self.assert_refused_with_words(result, ["the words I typed"])


class SummaryOfFarDatesTest(JournalTest):
    def write(self, name, created):
        folder = self.journal / name[:4] / name[5:7]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}-pause.md").write_text(
            f"---\nschema: 1\nkind: pause\ncreated: {created}\nurge_before: 6\n"
            "urge_after: 2\noutcome: waited\n---\n")

    def test_empty_years_are_one_row(self):
        self.write("0001-01-01-100000", "0001-01-01T10:00:00+00:00")
        self.write("9999-12-31-100000", "9999-12-31T10:00:00+00:00")
        self.write("2026-11-27-100000", "2026-11-27T10:00:00-07:00")
        for form in ("text", "markdown", "json"):
            with self.subTest(format=form):
                out = self.ok("summary", "--all", "--format", form, timeout=60).out
                self.assertLess(len(out), 20000, out[:2000])
                if form == "json":
                    data = json.loads(out)
                    runs = [row for row in data["weeks"] if "empty_weeks" in row]
                    self.assertEqual(len(runs), 2, data["weeks"])
                    # The runs and the weeks with entries cover every week.
                    self.assertEqual(sum(row["entries"] for row in data["weeks"]), 3)
                    self.assertEqual(sum(row["entries"] for row in data["months"]), 3)
                    self.assertGreater(sum(row.get("empty_months", 0) for row in data["months"]),
                                       119000)
                else:
                    self.assertIn("months with no entries", out)

    def test_a_short_gap_keeps_its_weeks(self):
        self.write("2026-11-02-100000", "2026-11-02T10:00:00-07:00")
        self.write("2026-11-23-100000", "2026-11-23T10:00:00-07:00")
        data = json.loads(self.ok("summary", "--all", "--format", "json").out)
        self.assertEqual([row["entries"] for row in data["weeks"]], [1, 0, 0, 1])
        self.assertNotIn("no entries", self.ok("summary", "--all").out)


if __name__ == "__main__":
    import unittest

    unittest.main()
