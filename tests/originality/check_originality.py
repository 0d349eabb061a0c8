#!/usr/bin/env python3
"""Checks that settle's own words stay clear of the source article.

The three exercises come from a therapy clinic's article on anxious
attachment. settle may use its facts (corrected by the project's fact sheet)
but not its sentences. This compares every topic in content/, the strings of
the interactive prompts and messages (src/cli/*.cpp) and every manual page
with the article, as runs of eight words (lower case, punctuation removed),
and fails when any one of them shares more than four runs with it.

The article is never part of the repository. It is read from
$SETTLE_SEED_ARTICLE, else from shared/seed/article.txt beside the
repository or a folder above it; when it is absent the test is skipped (exit
status 77, which CTest reports as a skip) and says so.
"""

import os
import re
import sys
from pathlib import Path

RUN = 8
MOST_SHARED = 4
SKIPPED = 77

ROOT = Path(__file__).resolve().parents[2]


def find_article():
    given = os.environ.get("SETTLE_SEED_ARTICLE")
    if given:
        return Path(given) if Path(given).is_file() else None
    for folder in ROOT.parents:
        candidate = folder / "shared" / "seed" / "article.txt"
        if candidate.is_file():
            return candidate
    return None


def words(text):
    """Lower-case words with punctuation removed ("Don't" -> "dont")."""
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"[^\w\s]", "", text)
    return text.split()


def runs(text):
    w = words(text)
    return {" ".join(w[i:i + RUN]) for i in range(len(w) - RUN + 1)}


STRING_LITERAL = re.compile(r'R"\((.*?)\)"|"((?:[^"\\\n]|\\.)*)"', re.S)


def program_strings(path):
    """The string literals of a C++ file, joined, so that a sentence split
    over adjacent literals reads as one."""
    source = path.read_text(encoding="utf-8")
    source = re.sub(r"//[^\n]*", "", source)
    parts = []
    for raw, plain in STRING_LITERAL.findall(source):
        parts.append(raw if raw else plain.replace("\\n", " ").replace('\\"', '"'))
    return " ".join(parts)


def manual_text(path):
    """An mdoc page's text without its macro names."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(".\\\""):
            continue
        if line.startswith("."):
            line = line.split(" ", 1)[1] if " " in line else ""
        lines.append(line)
    return "\n".join(lines)


def documents():
    """(name, text) of every piece of settle's own words that is checked."""
    for path in sorted((ROOT / "content").rglob("*")):
        if path.is_file() and path.suffix in (".md", ".yaml", ".txt"):
            yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "src" / "cli").glob("*.cpp")):
        yield str(path.relative_to(ROOT)), program_strings(path)
    for path in sorted((ROOT / "man").rglob("*.[0-9]")):
        yield str(path.relative_to(ROOT)), manual_text(path)
    for path in (ROOT / "README.md",):
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


def main():
    article = find_article()
    if article is None:
        print("SKIPPED: the source article is not here (set $SETTLE_SEED_ARTICLE or place "
              "shared/seed/article.txt above the repository); originality not checked")
        return SKIPPED
    source_runs = runs(article.read_text(encoding="utf-8"))
    checked = 0
    failed = []
    for name, text in documents():
        checked += 1
        shared = sorted(runs(text) & source_runs)
        if len(shared) > MOST_SHARED:
            failed.append((name, shared))
        elif shared:
            print(f"{name}: {len(shared)} shared run(s), within the limit of {MOST_SHARED}")
    for name, shared in failed:
        print(f"{name}: {len(shared)} eight-word runs shared with the source article "
              f"(at most {MOST_SHARED}):")
        for run in shared:
            print(f"    {run}")
    print(f"{checked} documents compared with {article.name}: {len(failed)} too close")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
