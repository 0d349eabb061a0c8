#!/usr/bin/env python3
"""Writes a realistic settle journal of N entries for the summary benchmark.

The journal spans several years, has every kind of entry, tags, notes of
varied length, incomplete entries, entries written while travelling (another
UTC offset), a few files in hand-edited styles (comments, CRLF, reordered keys,
flow lists, quoted values, a BOM) and a few malformed files. Everything is
decided by the seed, so two runs with the same arguments write the same bytes.

Most files are in the canonical form `settle` itself writes (the form yaml-cpp's
emitter produces), because that is what a real journal is made of.

About 1% of files are hand-edited and 0.1% malformed.

Usage: generate_journal.py --entries 100000 --seed 1 --out /tmp/journal
"""

import argparse
import datetime as dt
import os
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SITUATIONS = [
    "he hasn't replied since this morning",
    "she said she needs a quiet evening",
    "the message was read and no answer came",
    "we planned to talk and it got postponed",
    "he went out with friends without saying when he'd be back",
    "her reply was shorter than usual",
    "I saw them online but they didn't write",
    "the call ended abruptly",
    "plans for the weekend are still open",
    "he mentioned an old friend twice",
]
KNOWN = [
    "he is at work until six",
    "I sent one message at noon",
    "she said she loves me yesterday",
    "we have dinner plans on Friday",
    "his phone battery was low",
    "nothing has actually changed since this morning",
    "I have felt this way before and it passed",
    "she replied to my last message within an hour",
]
PREDICTED = [
    "he is angry with me",
    "she is losing interest",
    "they will leave",
    "I said something wrong, again",
    "he is talking to someone else",
    "the relationship is ending",
    "she regrets the weekend",
    "no reply means no",
]
NOTES = [
    "Hand on chest, three slow breaths.",
    "Walked around the block and the urge was smaller when I came back.",
    "The message came later; it was about dinner.",
    "I noticed the old story: if they are quiet, I am too much.",
    "Made tea. Wrote this instead of writing to him.",
    "Talked to my sister for a while. It helped to say it out loud.",
    "It is late and I am tired; tired makes everything louder.",
]
TAGS = ["work", "evening", "weekend", "travel", "family", "text", "call", "morning", "friends"]
ZONES = [(-7, 0.55), (-6, 0.35), (9, 0.05), (1, 0.05)]  # offsets in hours, weights


def vocabulary(name):
    lines = (ROOT / "content" / "vocabulary" / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def quote_if_needed(text):
    """What settle's writer does: quote words YAML 1.1 readers would not read as text."""
    lower = text.lower()
    words = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", ""}
    if lower in words or text[0].isdigit() or (text[0] in "+-." and len(text) > 1 and (text[1].isdigit() or text[1] == ".")):
        return '"' + text + '"'
    if ": " in text or " #" in text or text[0] in "-?:,[]{}#&*!|>'\"%@`" or text.endswith(":"):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def block_list(key, items):
    if not items:
        return [f"{key}: []"]
    return [f"{key}:"] + [f"  - {quote_if_needed(item)}" for item in items]


class Generator:
    def __init__(self, seed, feelings, needs, note_scale):
        self.rng = random.Random(seed)
        self.feelings = feelings
        self.needs = needs
        self.note_scale = note_scale

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def offset(self):
        roll = self.rng.random()
        for hours, weight in ZONES:
            if roll < weight:
                return hours
            roll -= weight
        return ZONES[0][0]

    def rating(self, low=0, high=10):
        return self.rng.randint(low, high)

    def note(self):
        count = self.rng.choice([0, 0, 1, 1, 2, 4]) * self.note_scale
        return "\n\n".join(self.pick(NOTES) for _ in range(count))

    def fields(self, kind, incomplete):
        rng = self.rng
        if kind == "pause":
            before = self.rating(3, 10)
            after = max(0, before - rng.randint(-1, 6))
            lines = [f"urge_before: {before}"]
            if not incomplete:
                lines.append(f"urge_after: {min(after, 10)}")
                outcome = rng.choices(["waited", "reached-out", "undecided"], [6, 2, 2])[0]
                lines.append(f"outcome: {outcome}")
            return lines
        if kind == "audit":
            lines = []
            if rng.random() < 0.7:
                before = self.rating(3, 10)
                lines.append(f"anxiety_before: {before}")
                if not incomplete:
                    lines.append(f"anxiety_after: {max(0, before - rng.randint(0, 5))}")
            know = [self.pick(KNOWN) for _ in range(rng.randint(1, 4))]
            predict = [] if incomplete else [self.pick(PREDICTED) for _ in range(rng.randint(0, 3))]
            return lines + block_list("know", know) + block_list("predict", predict)
        situation = self.pick(SITUATIONS)
        feeling = self.pick(self.feelings)
        if rng.random() < 0.1:
            feeling = feeling.capitalize()  # people type "Lonely" too
        need = self.pick(self.needs)
        sentence = (f"When {situation}, I notice I feel {feeling}, "
                    f"and what I'm actually needing is {need}.")
        return [f"situation: {quote_if_needed(situation)}", f"feeling: {quote_if_needed(feeling)}",
                f"need: {quote_if_needed(need)}", f"sentence: {quote_if_needed(sentence)}"]

    def entry(self, local, offset_hours, kind):
        rng = self.rng
        incomplete = rng.random() < 0.03
        sign = "-" if offset_hours < 0 else "+"
        created = local.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{abs(offset_hours):02}:00"
        tags = sorted(set(self.pick(TAGS) for _ in range(rng.choice([0, 1, 1, 2, 3]))))
        lines = ["schema: 1", f"kind: {kind}", f"created: {created}"]
        lines += block_list("tags", tags)
        lines += self.fields(kind, incomplete)
        if kind != "script" and rng.random() < 0.8:
            planned = 300 if kind == "pause" else 180
            elapsed = planned if rng.random() < 0.8 else rng.randint(20, planned - 1)
            lines += ["timer:", f"  planned_seconds: {planned}", f"  elapsed_seconds: {elapsed}"]
        if incomplete:
            lines.append("incomplete: true")
        elif kind != "pause" and rng.random() < 0.4:
            lines += self.revisit(local, offset_hours, kind, lines)
        return lines, self.note()

    def revisit(self, local, offset_hours, kind, lines):
        """Answers given a few days later with `settle revisit`."""
        rng = self.rng
        later = local + dt.timedelta(days=rng.randint(1, 10), hours=rng.randint(0, 12))
        sign = "-" if offset_hours < 0 else "+"
        block = ["revisit:", f"  date: {later:%Y-%m-%dT%H:%M:%S}{sign}{abs(offset_hours):02}:00"]
        if kind == "audit":
            predictions = sum(1 for line in lines[lines.index("predict:") + 1:]
                              if line.startswith("  - ")) if "predict:" in lines else 0
            if predictions:
                block.append("  predictions:")
                for number in range(1, predictions + 1):
                    outcome = rng.choices(["didnt", "partly", "happened"], [7, 2, 1])[0]
                    block.append(f"    {number}: {outcome}")
        else:
            block.append(f"  shared: {rng.choice(['said', 'sent', 'kept'])}")
            block.append(f"  landed: {rng.choice(['closer', 'neutral', 'harder'])}")
        if rng.random() < 0.3:
            block.append(f"  note: {quote_if_needed(self.pick(NOTES))}")
        return block

    def hand_edit(self, lines, body):
        """One of the ways a person leaves a file after editing it by hand."""
        style = self.rng.randrange(6)
        if style == 0:
            lines.insert(2, "# edited after talking to my therapist")
        elif style == 1:
            lines = lines[1:2] + lines[:1] + lines[2:]  # kind before schema
        elif style == 2:
            lines = [line.replace("tags: []", "tags: [edited]") for line in lines]
        elif style == 3:
            lines.append("mood: calmer")  # a key settle does not know
        text = "---\n" + "\n".join(lines) + "\n---\n" + (body + "\n" if body else "")
        if style == 4:
            text = text.replace("\n", "\r\n")
        elif style == 5:
            text = "\ufeff" + text
        return text

    def malformed(self, lines):
        style = self.rng.randrange(4)
        if style == 0:
            return "---\n" + "\n".join(lines) + "\n"  # never closed
        if style == 1:
            return "---\n" + "\n".join(lines).replace("schema: 1", "schema: 7") + "\n---\n"
        if style == 2:
            return "---\nkind: pause\nurge_before: high\n---\n"
        return "---\n" + "\n".join(lines) + "\n  : [\n---\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--end", default="2026-11-27", help="local date of the newest entry")
    parser.add_argument("--years", type=float, default=4.0, help="span of the journal")
    parser.add_argument("--note-scale", type=int, default=1,
                        help="make every note this many times longer (memory checks)")
    args = parser.parse_args()

    gen = Generator(args.seed, vocabulary("feelings.txt"), vocabulary("needs.txt"),
                    args.note_scale)
    end = dt.datetime.fromisoformat(args.end) + dt.timedelta(hours=23, minutes=59)
    span = int(args.years * 365.25 * 24 * 3600)
    step = span / max(args.entries, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    os.chmod(args.out, 0o700)
    made = set()
    for i in range(args.entries):
        local = end - dt.timedelta(seconds=int(span - i * step) + gen.rng.randrange(int(step) + 1))
        offset = gen.offset()
        kind = gen.rng.choices(["pause", "audit", "script"], [45, 30, 25])[0]
        lines, body = gen.entry(local, offset, kind)
        roll = gen.rng.random()
        if roll < 0.001:
            text = gen.malformed(lines)
        elif roll < 0.011:
            text = gen.hand_edit(lines, body)
        else:
            text = "---\n" + "\n".join(lines) + "\n---\n" + (body + "\n" if body else "")
        folder = args.out / f"{local:%Y}" / f"{local:%m}"
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
            os.chmod(folder.parent, 0o700)
            made.add(folder)
        stem = f"{local:%Y-%m-%d-%H%M%S}-{kind}"
        path, n = folder / f"{stem}.md", 1
        while path.exists():
            n += 1
            path = folder / f"{stem}-{n}.md"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)


if __name__ == "__main__":
    main()
