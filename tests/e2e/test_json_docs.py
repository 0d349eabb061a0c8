"""docs/json.md against real output: every key the documentation lists is
in the JSON of `list`, `show` and `revisit`, and every key they print is
documented, for each kind of entry, with a timer, revisit answers and
coaching hints filled in."""

import json
import re
import unittest
from pathlib import Path

from harness import JournalTest

DOC = Path(__file__).resolve().parents[2] / "docs" / "json.md"


def documented_keys():
    """{section heading: set of dotted keys} from the first column of each
    table in docs/json.md."""
    sections = {}
    heading = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            continue
        if heading and line.startswith("| `"):
            first = line.split("|")[1]
            sections.setdefault(heading, set()).update(re.findall(r"`([^`]+)`", first))
    return sections


def flatten(value, prefix=""):
    """Dotted paths of every key: objects keyed by words are walked into,
    lists of objects as `key[].field`; an object keyed by numbers (a map
    such as revisit.predictions) is one value."""
    keys = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            path = prefix + key
            keys.add(path)
            if isinstance(inner, dict) and inner and not any(k.isdigit() for k in inner):
                keys |= flatten(inner, path + ".")
            elif isinstance(inner, list) and inner and isinstance(inner[0], dict):
                for item in inner:
                    keys |= flatten(item, path + "[].")
    return keys


def present(entry, documented):
    """The documented keys this entry can show: inner keys only where their
    object is there (a timer that ran, revisit answers, a hint)."""
    keys = set(documented)
    for parent, prefix in [("timer", "timer."), ("revisit", "revisit."), ("hints", "hints[].")]:
        if not entry.get(parent):
            keys = {k for k in keys if not k.startswith(prefix)}
    return keys


class DocumentedJson(JournalTest):
    def setUp(self):
        super().setUp()
        self.doc = documented_keys()
        # An audit with a hint ("will" in what is known), a timer and a
        # prediction answered; a script shared and answered; a pause.
        self.ok("audit", "--know", "she will be cross", "--predict", "they will leave",
                "--predict", "no reply tonight", "--anxiety-before", "7", "--anxiety-after",
                "4", "--minutes", "0.01", "--at", "2026-11-20 21:00", "--note", "hard evening")
        self.ok("script", "--situation", "no reply for hours", "--feel", "lonely",
                "--need", "reassurance", "--tag", "evening", "--at", "2026-11-21 21:00")
        self.ok("pause", "--urge-before", "8", "--urge-after", "3", "--outcome", "waited",
                "--at", "2026-11-22 21:00")
        ids = [line.split()[0] for line in self.ok("list").out.splitlines()]
        self.audit, self.script, self.pause = ids

    def expected(self, kind, *extra):
        keys = set(self.doc["Every entry"]) | set(self.doc[f"{kind.capitalize()} entries"])
        for section in extra:
            keys |= self.doc[section]
        return keys

    def test_the_documentation_has_its_sections(self):
        for section in ["Every entry", "Audit entries", "Script entries", "Pause entries",
                        "Coaching hints (`list` and `show`)", "Open items (`revisit`)"]:
            self.assertIn(section, self.doc)

    def test_show_prints_exactly_the_documented_keys(self):
        self.ok("revisit", self.audit, "--prediction", "1", "--outcome", "didnt")
        self.ok("revisit", self.script, "--shared", "said", "--landed", "closer",
                "--note", "went well")
        hints = "Coaching hints (`list` and `show`)"
        for kind, entry in [("audit", self.audit), ("script", self.script), ("pause", self.pause)]:
            with self.subTest(kind=kind):
                printed = json.loads(self.ok("show", entry, "--format", "json").out)
                self.assertEqual(flatten(printed), present(printed, self.expected(kind, hints)))
        # The audit has every inner object, so each documented key of it is
        # really printed somewhere.
        audit = json.loads(self.ok("show", self.audit, "--format", "json").out)
        self.assertEqual(flatten(audit), self.expected("audit", hints))
        self.assertTrue(audit["hints"], "the audit's know item raises a hint")
        self.assertEqual(audit["revisit"]["predictions"], {"1": "didnt"})

    def test_list_prints_the_documented_keys_for_each_kind(self):
        printed = json.loads(self.ok("list", "--format", "json").out)
        hints = "Coaching hints (`list` and `show`)"
        for entry in printed:
            with self.subTest(kind=entry["kind"]):
                self.assertEqual(flatten(entry),
                                 present(entry, self.expected(entry["kind"], hints)))

    def test_coaching_off_drops_only_the_hints(self):
        config = self.home / "config" / "settle"
        config.mkdir(parents=True)
        (config / "config.yaml").write_text("coaching: false\n")
        printed = json.loads(self.ok("show", self.pause, "--format", "json").out)
        self.assertNotIn("hints", printed)
        self.assertEqual(flatten(printed), present(printed, self.expected("pause")))

    def test_revisit_lists_with_the_open_items(self):
        printed = json.loads(self.ok("revisit", "--format", "json", "--older-than", "0d").out)
        self.assertEqual([e["id"] for e in printed], [self.audit, self.script])
        open_items = "Open items (`revisit`)"
        for entry in printed:
            with self.subTest(kind=entry["kind"]):
                self.assertEqual(flatten(entry),
                                 present(entry, self.expected(entry["kind"], open_items)))
        self.assertEqual(printed[0]["open"], {"predictions": [1, 2], "script_unshared": False})

    def test_keys_come_in_the_documented_order(self):
        # "id ... incomplete, then the kind's own keys, then timer, revisit,
        # note, and last hints or open" (docs/json.md, Stability).
        self.ok("revisit", self.script, "--shared", "kept")
        for entry in [self.audit, self.script, self.pause]:
            printed = list(json.loads(self.ok("show", entry, "--format", "json").out))
            kind_keys = printed[7:-4]
            self.assertEqual(printed[:7], ["id", "path", "schema", "kind", "created", "tags",
                                           "incomplete"])
            self.assertEqual(printed[-4:], ["timer", "revisit", "note", "hints"])
            kind = json.loads(self.ok("show", entry, "--format", "json").out)["kind"]
            section = [k for k in re.findall(r"^\| `([a-z_]+)` \|",
                                             DOC.read_text(encoding="utf-8"), re.M)]
            self.assertEqual(set(kind_keys), self.doc[f"{kind.capitalize()} entries"])
            self.assertEqual(kind_keys, sorted(kind_keys, key=section.index))


if __name__ == "__main__":
    unittest.main()
