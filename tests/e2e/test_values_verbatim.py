"""Values are saved exactly as typed: every text given through a flag or
through --stdin reads back identical (from `settle show --format json`), or
is refused with a message and nothing written.

The property test generates its strings from a fixed seed, so a failure is
reproduced by running the test again; the failing string is printed.
"""

import json
import random
import unittest

from harness import JournalTest

# Pieces chosen for what breaks option parsers, YAML and terminals: CLI11's
# list syntax (brackets, commas), quotes, YAML indicators at the start, in
# the middle and at the end, CR, NEL and the Unicode line separators,
# bidirectional overrides and isolates, zero-width characters, a BOM,
# noncharacters, combining and wide characters, emoji, and spaces at either
# end.
PIECES = [
    "[", "]", "[]", "[unclear]", ",", ", ", "{", "}", '"', "'", "`", "\\", "- ", "-", "--",
    "? ", ": ", ":", " #", "#", "&", "*", "!", "|", ">", "%", "@", "~", "null", "yes",
    "0", "1.5", "---", "...", "\r", "\t", " ", "  ", "\u0085", "\u2028", "\u2029",
    "\u202e", "\u2066", "\u2069", "\u200b", "\u200d", "\ufeff", "\uffff", "\ufdd0", "\U0010ffff", "\u00a0", "\u00e9",
    "e\u0301", "\u5fc3", "\U0001f494", "\x1b[31m", "she", "didn't", "reply", "angry",
    "they", "will", "leave", "=",
]


def generate(rng):
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 7)))


def blank(text):
    """settle's own test for an empty item: nothing but spaces, tabs and
    line ends."""
    return text.strip(" \t\r\n") == ""


def flag(name, value):
    # A value that starts with "-" looks like an option to any parser; the
    # "--name=value" form is how a person gives one, and takes it whole.
    return [f"--{name}={value}"] if value.startswith("-") else [f"--{name}", value]


class ValuesVerbatimTest(JournalTest):
    def saved_audit(self, result):
        """The audit the last write saved, as `show --format json` reads it."""
        path = result.out.strip()
        self.assertTrue(path, result)
        return json.loads(self.ok("show", path, "--format", "json").out)

    def test_bracketed_values_are_kept_whole(self):
        cases = [
            (["--know", "[unclear]"], ["[unclear]"], []),
            (["--know", "[she didn't reply, she's angry]"],
             ["[she didn't reply, she's angry]"], []),
            (["--know", "[]", "--predict", "they will leave"], ["[]"], ["they will leave"]),
            (["--know", "a,b", "--know", "[x]", "--predict", "[y, z]"], ["a,b", "[x]"],
             ["[y, z]"]),
        ]
        for args, know, predict in cases:
            with self.subTest(args=args):
                audit = self.saved_audit(self.ok("audit", *args, "--print-path"))
                self.assertEqual(audit["know"], know)
                self.assertEqual(audit["predict"], predict)

    def test_bracketed_tags_and_filters_are_kept_whole(self):
        pause = ["pause", "--urge-before", "5", "--urge-after", "3", "--outcome", "waited"]
        # A tag is one word: "[a,b]" is refused as it is, never split in two.
        refused = self.run_settle(*pause, "--tag", "[a,b]")
        self.assertEqual(refused.code, 2, refused)
        self.assertIn('tag "[a,b]" must be one word', refused.err)
        self.ok(*pause, "--tag", "[work]", "--tag", "x]")
        entries = json.loads(self.ok("list", "--format", "json").out)
        self.assertEqual(entries[0]["tags"], ["[work]", "x]"])
        self.assertEqual(len(json.loads(self.ok("list", "--tag", "[work]", "--format",
                                                "json").out)), 1)
        self.assertEqual(json.loads(self.ok("list", "--tag", "work", "--format", "json").out),
                         [])

    def test_a_value_never_takes_the_next_flag(self):
        result = self.run_settle("audit", "--know", "[]", "--know")
        self.assertNotEqual(result.code, 0, result)
        self.assertEqual(self.entries(), [])

    def test_cr_in_a_field_round_trips(self):
        for text in ("before\rafter", "ends with CR\r", "CR LF\r\ninside"):
            with self.subTest(text=text):
                audit = self.saved_audit(self.ok("audit", "--know", text, "--print-path"))
                self.assertEqual(audit["know"], [text])

    def test_cr_before_a_line_end_in_a_note_is_refused_with_every_word(self):
        result = self.run_settle("audit", "--know", "it is 9pm", "--note",
                                 "first line\r\nsecond line")
        self.assertNotEqual(result.code, 0, result)
        self.assertIn("carriage return", result.err)
        self.assertIn("Here is everything you wrote", result.err)
        self.assertIn("second line", result.err)
        self.assertEqual(self.entries(), [])

    def test_stdin_value_is_the_rest_of_the_line(self):
        stdin = ("know:  two spaces, then one at the end \n"
                 "know:[no space after the colon]\n"
                 "know: a CR\rinside\n"
                 "predict: - they: will # leave\n")
        audit = self.saved_audit(self.ok("audit", "--stdin", "--print-path", stdin=stdin))
        self.assertEqual(audit["know"], [" two spaces, then one at the end ",
                                         "[no space after the colon]", "a CR\rinside"])
        self.assertEqual(audit["predict"], ["- they: will # leave"])

    def check_batch(self, texts, write):
        """Writes `texts` as the know items of one audit, with a prediction
        after them to show that no flag was taken as a value; all must read
        back identical. If the batch is refused, the item at fault is named."""
        result = write(texts)
        if result.code != 0:
            for text in texts:
                single = write([text])
                self.assertEqual(single.code, 0, f"refused {text!r}: {single.err}")
            self.fail(f"a batch was refused, each item alone was saved:\n{result.err}")
        audit = self.saved_audit(result)
        self.assertEqual(audit["know"], texts)
        self.assertEqual(audit["predict"], ["p"])

    def test_generated_strings_round_trip_through_flags_and_stdin(self):
        rng = random.Random(20261130)
        texts = [generate(rng) for _ in range(1200)]
        # Only an empty item (nothing but spaces, tabs and line ends) is
        # refused: anything with a visible character is somebody's words.
        empty = [text for text in texts if blank(text)]
        words = [text for text in texts if not blank(text)]

        def by_flags(batch):
            args = ["audit", "--print-path"]
            for text in batch:
                args += flag("know", text)
            return self.run_settle(*args, "--predict", "p")

        def by_stdin(batch):
            # A value is the rest of its line, so a line feed cannot be in
            # one; the first line sets the line ends (LF here), so a CR at a
            # value's end is text.
            lines = ["# generated"] + [f"know: {text}" for text in batch] + ["predict: p"]
            return self.run_settle("audit", "--stdin", "--print-path",
                                   stdin="\n".join(lines) + "\n")

        for start in range(0, len(words), 60):
            batch = words[start:start + 60]
            with self.subTest(first=start):
                self.check_batch(batch, by_flags)
                self.check_batch(batch, by_stdin)
        for text in empty:
            for write in (by_flags, by_stdin):
                result = write([text])
                self.assertNotEqual(result.code, 0, f"saved an empty item {text!r}")
                self.assertIn("empty", result.err)
        print(f"\n{len(texts)} generated strings, each through flags and --stdin: "
              f"{len(words)} read back identical, {len(empty)} empty ones refused")


if __name__ == "__main__":
    unittest.main()
