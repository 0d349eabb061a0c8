"""settle summary --format html and settle read --format html: one
self-contained page with no active content, whatever the journal holds; the
person's words only when --include asks for them; the numbers beside each
chart; the reading booklet with the crisis page first."""

import json
import os
import re
import unittest
from html.parser import HTMLParser
from pathlib import Path

from harness import JournalTest

PERIOD = ["--since", "2026-11-02", "--until", "2026-11-15"]
BIDI = "\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
# Each hostile string carries a marker, so that the test can find where (and
# whether) it landed in the page.
HOSTILE = {
    "predict": 'MARK-P <script>alert(1)</script> "quoted" \'single\'',
    "know": "MARK-K </style><style>body{background:url(https://evil.example/x)}</style>",
    "situation": 'MARK-S <a href="javascript:alert(1)">click</a>',
    "feeling": "MARK-F <svg onload=alert(1)><circle/></svg>",
    "need": "MARK-N \u202eevil\u202c reversed \u2066isolated\u2069",
    "note": "MARK-B <img src=x onerror=alert(1)> @import url(http://evil.example/a.css); "
            "<link rel=stylesheet href=//evil.example/s.css> & < > \u202egnp.exe",
    "revisit": "MARK-R ]]></title><iframe src=https://evil.example></iframe>",
    "tag": "mark-t<b>bold</b>",
}


def quoted(text):
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def write_entry(journal, name, text):
    path = Path(journal) / "2026" / "11" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


class Page(HTMLParser):
    """Collects what could run or fetch anything."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.problems = []
        self.text = []
        self.in_bdi = 0
        self.bdi_text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("script", "iframe", "object", "embed", "link", "base", "form", "frame",
                   "meta") and not (tag == "meta" and self._harmless_meta(attrs)):
            self.problems.append(f"<{tag}>")
        if tag == "bdi":
            self.in_bdi += 1
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            lowered = re.sub(r"\s", "", value).lower()
            if lowered.startswith(("javascript:", "vbscript:")):
                self.problems.append(f"<{tag} {name}={value}>")
            if name in ("src", "href", "xlink:href", "srcset", "action", "poster", "data"):
                if value and not (value.startswith("#") or value.startswith("data:")):
                    self.problems.append(f"<{tag} {name}={value}> reaches out")
            if name == "style":
                self.problems.append(f"<{tag} style=...>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "bdi":
            self.in_bdi -= 1

    def handle_endtag(self, tag):
        if tag == "bdi":
            self.in_bdi -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self.in_bdi:
            self.bdi_text.append(data)

    @staticmethod
    def _harmless_meta(attrs):
        names = dict(attrs)
        return "charset" in names or names.get("name") in ("viewport", "color-scheme") or \
            names.get("http-equiv") == "Content-Security-Policy"


def style_blocks(html):
    return re.findall(r"<style>(.*?)</style>", html, re.S)


class HtmlPageChecks:
    def assert_inert(self, html):
        page = Page()
        page.feed(html)
        page.close()
        self.assertEqual(page.problems, [])
        self.assertEqual(page.tags.count("style"), 1, "one style block, ours")
        self.assertEqual(html.count("</style>"), 1)
        for css in style_blocks(html):
            self.assertNotIn("@import", css)
            self.assertNotIn("url(", css)
        # An address a person wrote is shown as text; anywhere else it could be fetched.
        outside_words = re.sub(r"<bdi>.*?</bdi>", "", html, flags=re.S)
        self.assertNotRegex(outside_words, r"(?i)https?:|//evil|url\(")
        for char in BIDI:
            self.assertNotIn(char, html, f"U+{ord(char):04X} left in the page")
        return page


class SummaryHtmlTest(JournalTest, HtmlPageChecks):
    def setUp(self):
        super().setUp()
        h = HOSTILE
        write_entry(self.journal, "2026-11-03-071500-audit.md", f"""---
schema: 1
kind: audit
created: 2026-11-03T07:15:00-07:00
tags:
  - {quoted(h["tag"])}
anxiety_before: 7
anxiety_after: 4
know:
  - {quoted(h["know"])}
predict:
  - {quoted(h["predict"])}
  - second fear MARK-P2
revisit:
  date: 2026-11-10T08:00:00-07:00
  predictions:
    1: didnt
    2: happened
---
{h["note"]}
""")
        write_entry(self.journal, "2026-11-05-213000-script.md", f"""---
schema: 1
kind: script
created: 2026-11-05T21:30:00-07:00
tags: []
situation: {quoted(h["situation"])}
feeling: {quoted(h["feeling"])}
need: {quoted(h["need"])}
revisit:
  date: 2026-11-12T08:00:00-07:00
  shared: said
  landed: closer
  note: {quoted(h["revisit"])}
---
""")
        for day, hour, before, after, outcome in [(4, 22, 8, 5, "waited"), (6, 12, 6, 6, "undecided"),
                                                  (10, 22, 9, 4, "waited"),
                                                  (12, 23, 7, 7, "reached-out")]:
            write_entry(self.journal, f"2026-11-{day:02}-{hour:02}0000-pause.md", f"""---
schema: 1
kind: pause
created: 2026-11-{day:02}T{hour:02}:00:00-07:00
tags: []
urge_before: {before}
urge_after: {after}
outcome: {outcome}
---
""")

    def page(self, *args):
        return self.ok("summary", *PERIOD, "--format", "html", *args).out

    def test_nothing_written_in_entries_by_default(self):
        html = self.page()
        self.assertNotIn("MARK", html)
        self.assertNotIn("mark-t", html)
        self.assertIn("None of the words written in entries are on this page.", html)
        self.assert_inert(html)

    def test_hostile_words_included_stay_inert_and_isolated(self):
        html = self.page("--include", "predictions,scripts,notes,tags")
        page = self.assert_inert(html)
        isolated = "".join(page.bdi_text)
        for marker in ["MARK-P", "MARK-P2", "MARK-S", "MARK-F", "MARK-N", "MARK-B", "MARK-R",
                       "mark-t"]:
            self.assertIn(marker, isolated, f"{marker} is shown, inside <bdi>")
        # Shown as text, every character kept but the direction controls.
        self.assertIn("<script>alert(1)</script>", isolated)
        self.assertIn('"quoted" \'single\'', isolated)
        self.assertIn("<svg onload=alert(1)>", isolated)
        self.assertIn("evil reversed isolated", isolated)
        self.assertNotIn("<svg onload", html)
        self.assertIn("&lt;script&gt;", html)
        self.assertIn("&#39;single&#39;", html)
        self.assertIn("Words from entries included, as chosen: predictions and how they turned "
                      "out, scripts, with their feelings and needs, notes and tags.", html)
        # Nothing from an entry lands in an SVG or in the style.
        for svg in re.findall(r"<svg.*?</svg>", html, re.S):
            self.assertNotIn("MARK", svg)
            self.assertNotIn("mark-t", svg)
        for css in style_blocks(html):
            self.assertNotIn("MARK", css)

    def test_include_all_and_one_at_a_time(self):
        only_notes = self.page("--include", "notes")
        self.assertIn("MARK-B", only_notes)
        self.assertIn("MARK-R", only_notes)
        for absent in ["MARK-P", "MARK-S", "MARK-F", "mark-t"]:
            self.assertNotIn(absent, only_notes)
        everything = self.page("--include", "all")
        for marker in ["MARK-P", "MARK-S", "MARK-B", "mark-t"]:
            self.assertIn(marker, everything)

    def test_numbers_beside_every_chart(self):
        html = self.page()
        page = self.assert_inert(html)
        self.assertEqual(page.tags.count("svg"), 5)
        self.assertGreaterEqual(page.tags.count("table"), 6)
        for figure in re.findall(r"<figure.*?</figure>", html, re.S):
            self.assertIn("<svg", figure)
            self.assertIn("<table>", figure)
            self.assertIn("viewBox=", figure)
        text = " ".join("".join(page.text).split())
        self.assertIn("2 Nov – 15 Nov 2026 (14 days)", text)
        self.assertIn("4 pauses; 4 rated before and after. Median urge 7.5 before and 5.5 after",
                      text)
        # Outcomes, predictions, hours and weekdays, as counted.
        self.assertRegex(text, r"Waited\s*2\s*Reached out\s*1\s*Undecided\s*1")
        self.assertRegex(text, r"Written\s*2\s*Looked back on\s*2\s*Happened\s*1\s*Partly\s*0\s*"
                               r"Did not happen\s*1")
        self.assertRegex(text, r"21:00 to 23:59\s*4")
        self.assertRegex(text, r"06:00 to 08:59\s*1")
        self.assertRegex(text, r"12:00 to 14:59\s*1")
        self.assertRegex(text, r"Monday\s*0\s*Tuesday\s*2\s*Wednesday\s*1\s*Thursday\s*2\s*Friday\s*1")
        # The week table: 9 Nov to 15 Nov holds two pauses, medians 8 and 5.5.
        self.assertRegex(text, r"9 Nov – 15 Nov 2026\s*2\s*2\s*8\s*5.5")
        # Printable, on a phone, in the dark.
        self.assertIn("@page", html)
        self.assertIn("break-inside: avoid", html)
        self.assertIn("prefers-color-scheme: dark", html)
        self.assertIn('name="viewport"', html)
        self.assertIn('<div class="running">settle · journal summary · 2 Nov – 15 Nov 2026</div>',
                      html)

    def test_paper_sizes(self):
        self.assertIn("size: A4", self.page("--paper", "a4"))
        self.assertIn("size: letter", self.page("--paper", "letter"))

    def test_empty_journal_still_makes_a_page(self):
        html = self.ok("summary", "--since", "2020-01-01", "--until", "2020-01-31",
                       "--format", "html").out
        self.assertIn("No entries in this period.", html)
        self.assert_inert(html)

    def test_usage_errors(self):
        for args in (["--include", "notes"], ["--format", "json", "--include", "notes"],
                     ["--format", "html", "--include", "diary"],
                     ["--format", "html", "--paper", "a3"],
                     ["--format", "markdown", "--pdf", "x.pdf"]):
            result = self.run_settle("summary", *PERIOD, *args)
            self.assertEqual(result.code, 2, (args, result))
            self.assertEqual(result.out, "")
        # A terminal message quotes what was typed as typed, not as HTML.
        for option, value in (("--paper", "a<3&"), ("--include", "notes,<b>&")):
            result = self.run_settle("summary", *PERIOD, "--format", "html", option, value)
            self.assertEqual(result.code, 2, result)
            self.assertIn('"a<3&"' if option == "--paper" else '"<b>&"', result.err)
            self.assertNotIn("&lt;", result.err)

    def test_pdf_without_a_browser_says_how_to_print(self):
        empty = self.home / "bin"
        empty.mkdir()
        result = self.run_settle("summary", *PERIOD, "--pdf", str(self.home / "r.pdf"),
                                 env={"PATH": str(empty)})
        self.assertEqual(result.code, 1, result)
        self.assertIn("Chromium", result.err)
        self.assertIn("open it in any web browser and choose Print", result.err)
        self.assertFalse((self.home / "r.pdf").exists())

    def fake_chromium(self):
        """A stand-in for Chromium that records its arguments, checks that the
        file:// URL names the page, and prints a small 'PDF'."""
        folder = self.home / "fakebin"
        folder.mkdir(exist_ok=True)
        script = folder / "chromium"
        script.write_text(
            "#!/usr/bin/env python3\n"
            "import json, os, sys, urllib.parse\n"
            "args = sys.argv[1:]\n"
            f"open({str(self.home / 'args.json')!r}, 'w').write(json.dumps(args))\n"
            "url = urllib.parse.urlsplit(args[-1])\n"
            "page = urllib.parse.unquote(url.path)\n"
            "if url.scheme != 'file' or url.fragment or not os.path.isfile(page):\n"
            "    sys.exit(3)\n"
            "out = [a for a in args if a.startswith('--print-to-pdf=')][0].split('=', 1)[1]\n"
            "open(out, 'w').write('%PDF-1.4 fake')\n", encoding="utf-8")
        script.chmod(0o755)
        return {"PATH": f"{folder}:/usr/bin:/bin"}

    def test_pdf_is_private_and_follows_no_link(self):
        env = self.fake_chromium()
        target = self.home / "r.pdf"
        victim = self.home / "victim.txt"
        victim.write_text("keep me", encoding="utf-8")
        victim.chmod(0o644)
        (self.home / "r.pdf.settle-partial").symlink_to(victim)
        self.ok("summary", *PERIOD, "--pdf", str(target), env=env)
        self.assertEqual(target.read_text(), "%PDF-1.4 fake")
        self.assertEqual(target.stat().st_mode & 0o777, 0o600)
        self.assertEqual(victim.read_text(), "keep me")
        self.assertEqual(victim.stat().st_mode & 0o777, 0o644)
        leftovers = [p.name for p in self.home.iterdir() if p.name.startswith(".settle-tmp-")]
        self.assertEqual(leftovers, [])
        # An existing PDF is replaced, and ends up private too.
        target.write_text("old")
        target.chmod(0o644)
        self.ok("summary", *PERIOD, "--pdf", str(target), env=env)
        self.assertEqual(target.read_text(), "%PDF-1.4 fake")
        self.assertEqual(target.stat().st_mode & 0o777, 0o600)

    def test_pdf_from_a_temporary_folder_with_awkward_name(self):
        env = self.fake_chromium()
        tmp = self.home / "tmp 50% #1"
        tmp.mkdir()
        env["TMPDIR"] = str(tmp)
        self.ok("read", "reassurance", "--pdf", str(self.home / "b.pdf"), env=env)
        args = json.loads((self.home / "args.json").read_text())
        self.assertIn("/tmp%2050%25%20%231/", args[-1])
        # The sandbox is given up only where Chromium cannot run it: as root.
        self.assertEqual("--no-sandbox" in args, os.geteuid() == 0)
        self.assertEqual(list(tmp.iterdir()), [])


class BookletHtmlTest(JournalTest, HtmlPageChecks):
    def test_all_topics_crisis_page_first_with_contents_and_sources(self):
        html = self.ok("read", "--all", "--format", "html").out
        page = self.assert_inert_booklet(html)
        self.assertIn("<nav class=\"contents keep\">", html)
        first_topic = re.search(r'<section class="topic" id="topic-1">\s*<h2>(.*?)</h2>', html)
        self.assertEqual(first_topic.group(1), "Safety and crisis lines")
        contents = re.findall(r'<li><a href="#topic-(\d+)">', html)
        sections = re.findall(r'<section class="topic" id="topic-(\d+)">', html)
        self.assertEqual(contents, sections)
        self.assertGreater(len(sections), 10)
        self.assertIn("<h2>Sources</h2>", html)
        # Rendered by cmark: lists and emphasis, not Markdown marks.
        self.assertIn("<ul>", html)
        self.assertIn("<strong>Canada</strong>", html)
        self.assertNotIn("**Canada**", "".join(page.text))

    def test_one_topic(self):
        html = self.ok("read", "reassurance", "--format", "html").out
        self.assert_inert_booklet(html)
        self.assertNotIn("<nav", html)
        self.assertEqual(html.count('<section class="topic"'), 1)
        # No crisis page in a one-topic booklet, yet it still says where to
        # turn: at the top, at the end and on every printed page's header.
        header = html[html.index("<header>"):html.index("</header>")]
        footer = html[html.index("<footer"):html.index("</footer>")]
        running = re.search(r'<div class="running">(.*?)</div>', html).group(1)
        for part in (header, footer, running):
            self.assertIn("settle crisis", part)
            self.assertIn("9-8-8", part)
            self.assertIn("911", part)

    def test_one_topic_with_own_crisis_lines(self):
        self.write_config('crisis:\n  - name: "My counsellor"\n    contact: "555-0100"\n')
        html = self.ok("read", "reassurance", "--format", "html").out
        header = html[html.index("<header>"):html.index("</header>")]
        self.assertIn("My counsellor", header)
        self.assertIn("555-0100", header)
        self.assertIn("9-8-8", header)

    def test_own_crisis_lines_and_hostile_content_folder(self):
        self.write_config(
            'crisis:\n  - name: "Line <script>x</script>"\n    contact: "1 <b>2</b> 3"\n')
        content = self.home / "content" / "topics"
        content.mkdir(parents=True)
        (content / "01-x.md").write_text(
            "---\nname: x\ntitle: \"T <script>t</script>\"\nsummary: s\norder: 1\n---\n"
            "# Title\n\n<script>alert(1)</script>\n\n[link](javascript:alert(1)) "
            "![pic](https://evil.example/p.png)\n\n<style>body{}</style>\n", encoding="utf-8")
        html = self.ok("read", "--all", "--format", "html",
                       env={"SETTLE_CONTENT": str(self.home / "content")}).out
        self.assert_inert_booklet(html)
        self.assertIn("Line &lt;script&gt;x&lt;/script&gt;", html)
        self.assertIn("T &lt;script&gt;t&lt;/script&gt;", html)
        self.assertIn("pic", html)

    def test_usage_errors(self):
        for args in (["--format", "html"], ["--search", "calm", "--format", "html"],
                     ["--all", "--paper", "a4"], ["--all", "--format", "markdown", "--pdf", "x"]):
            result = self.run_settle("read", *args)
            self.assertEqual(result.code, 2, (args, result))

    def write_config(self, text):
        config = self.home / "config" / "settle"
        config.mkdir(parents=True)
        (config / "config.yaml").write_text(text, encoding="utf-8")

    def assert_inert_booklet(self, html):
        page = Page()
        page.feed(html)
        page.close()
        # Links to the works cited are allowed in the booklet; nothing fetches.
        problems = [p for p in page.problems if not re.match(r"<a href=https?://", p)]
        self.assertEqual(problems, [])
        self.assertEqual(html.count("</style>"), 1)
        self.assertNotRegex(html, r"(?i)<img|<script|\son\w+=|javascript:")
        return page


if __name__ == "__main__":
    unittest.main()
