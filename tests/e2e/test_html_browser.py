"""The printable pages in a real browser: Debian's headless Chromium prints
the summary and the reading booklet to PDF (read back with poppler's
pdftotext and pdfinfo: every page numbered, under the period), takes
screenshots of them at a phone's width and a desktop's, light and dark
(read with Pillow: nothing sticks out sideways), and logs its network use
throughout (nothing the page asks for, nothing leaves the machine). Skipped,
saying so, where chromium, poppler-utils or python3-pil is not installed
(scripts/install-deps has all three)."""

import json
import os
import re
import shutil
import subprocess
import unittest
from html.parser import HTMLParser
from pathlib import Path

from harness import JournalTest

try:
    from PIL import Image
except ImportError:  # the screenshot test says it is skipped
    Image = None

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "summary"
PERIOD = ["--since", "2026-11-02", "--until", "2026-11-15"]
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
MISSING = "needs chromium and poppler-utils (scripts/install-deps installs them)"

# The test's own Chromium runs, quiet as settle's --pdf: no name resolves, so
# nothing can leave the machine even if the page asked.
QUIET = ["--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions",
         "--disable-features=NetworkTimeServiceQuerying", "--host-resolver-rules=MAP * ~NOTFOUND",
         "--hide-scrollbars"] + (["--no-sandbox"] if os.geteuid() == 0 else [])

# Added to a copy of the page only here, to measure it; the page itself runs
# no script (and forbids one). Every element's box is compared with the
# viewport, and the page's height and paper colour are handed back for the
# screenshot check.
MEASURE = """<script>
var width = document.documentElement.clientWidth, outside = [];
document.querySelectorAll('body *').forEach(function (e) {
  var box = e.getBoundingClientRect();
  if (box.width > 0 && (box.right > width + 1 || box.left < -1))
    outside.push(e.tagName + '.' + (e.className.baseVal || e.className));
});
document.body.setAttribute('data-scroll', document.documentElement.scrollWidth - width);
document.body.setAttribute('data-outside', outside.slice(0, 5).join(' '));
document.body.setAttribute('data-height', document.documentElement.scrollHeight);
document.body.setAttribute('data-paper',
  getComputedStyle(document.documentElement).backgroundColor);
</script>"""

# Net log events that mean something left the machine: a name looked up for
# real, a connection made, a byte or packet sent. (A UDP "connect", as in
# Chromium's IPv6 reachability probe, only picks an address and sends nothing.)
LEFT_THE_MACHINE = {"HOST_RESOLVER_DNS_TASK", "HOST_RESOLVER_SYSTEM_TASK", "TCP_CONNECT",
                    "TCP_CONNECT_ATTEMPT", "SSL_CONNECT", "SOCKET_BYTES_SENT",
                    "SSL_SOCKET_BYTES_SENT", "UDP_BYTES_SENT", "QUIC_SESSION_PACKET_SENT",
                    "BIDIRECTIONAL_STREAM_BYTES_SENT"}


def network_use(net_log):
    """From a Chromium net log: the addresses the page itself asked for (a
    request with an initiator; Chromium's own background requests have none,
    "not an origin"), and the events that reached the network."""
    log = json.loads(Path(net_log).read_text())
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    asked = [e["params"]["url"] for e in log["events"]
             if names.get(e["type"]) == "URL_REQUEST_START_JOB" and "url" in e.get("params", {})
             and e["params"].get("initiator") != "not an origin"]
    left = [(names[e["type"]], e.get("params")) for e in log["events"]
            if names.get(e["type"]) in LEFT_THE_MACHINE]
    return asked, left


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:.*\((\w+)\)", info, re.M)
    return pages, size.group(1) if size else None


def page_text(path, page, mode="-layout"):
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), mode, str(path),
                           "-"], capture_output=True, text=True, check=True).stdout


def words(text):
    return " ".join(text.split())


class PrintUnits(HTMLParser):
    """The text of each element of a page that must print whole, on one
    page, in document order: every table (its caption and cells; not the
    table that frames the page) and every chart (its labels; an SVG's
    <title> is not drawn), and whatever else `tags` names."""

    def __init__(self, tags=("table", "svg")):
        super().__init__(convert_charrefs=True)
        self.tags = set(tags)
        self.open = []  # [tag, parts] of each unit being read, outermost first
        self.units = []
        self.hidden = 0  # inside <head> or an SVG's <title>

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "title"):
            self.hidden += 1
        elif tag in self.tags and ("class", "page") not in attrs:
            self.open.append([tag, []])

    def handle_endtag(self, tag):
        if tag in ("head", "title"):
            self.hidden -= 1
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                unit = words(" ".join(self.open.pop(i)[1]))
                if unit:
                    self.units.append((tag, unit))
                break

    def handle_data(self, data):
        if not self.hidden:
            for unit in self.open:
                unit[1].append(data)


def split_units(html, pages, tags=("table", "svg")):
    """The units of `html` (PrintUnits) whose text is not found whole on
    one of `pages` (each page's text, from pdftotext -raw, which reads a
    page in the order it was drawn: the document's). Compared without
    spaces, since a line may break where the page has none ("1-855-" and
    "242-3310")."""
    parser = PrintUnits(tags)
    parser.feed(html)
    assert parser.units, "the page has tables or charts to check"
    flat = ["".join(page.split()) for page in pages]
    return [unit for unit in parser.units
            if not any("".join(unit[1].split()) in page for page in flat)]


@unittest.skipUnless(BROWSER and POPPLER, MISSING)
class BrowserTest(JournalTest):
    def setUp(self):
        super().setUp()
        shutil.copytree(FIXTURES / "journal", self.journal)
        # settle finds this stand-in `chromium` first: it runs the real one
        # with a network log, so every print below is checked for network use.
        bin_dir = self.home / "bin"
        bin_dir.mkdir()
        self.net_log = self.home / "net.json"
        wrapper = bin_dir / "chromium"
        wrapper.write_text(f'#!/bin/sh\nexec "{BROWSER}" --log-net-log="{self.net_log}" "$@"\n')
        wrapper.chmod(0o755)
        self.env["PATH"] = f"{bin_dir}:/usr/bin:/bin"

    def assert_no_network_use(self, net_log, what):
        asked, left = network_use(net_log)
        self.assertEqual(asked, [], f"{what}: the page asked for these")
        self.assertEqual(left, [], f"{what}: this reached the network")

    def print_pdf(self, *args):
        """Runs settle with --pdf; returns the PDF's path, its network use checked."""
        pdf = self.home / f"printed-{len(list(self.home.glob('printed-*')))}.pdf"
        self.net_log.unlink(missing_ok=True)
        result = self.ok(*args, "--pdf", str(pdf), timeout=180)
        self.assertIn("Wrote", result.err)
        self.assert_no_network_use(self.net_log, " ".join(args))
        return pdf

    def test_summary_prints_on_a4_and_letter(self):
        for paper, size in (("a4", "A4"), ("letter", "letter")):
            pdf = self.print_pdf("summary", *PERIOD, "--include", "all", "--paper", paper)
            self.assertEqual(pdf.stat().st_mode & 0o777, 0o600)
            pages, found_size = pdf_pages(pdf)
            self.assertEqual(found_size, size)
            self.assertTrue(2 <= pages <= 6, pages)
            # No chart and no table split across two pages.
            html = self.ok("summary", *PERIOD, "--include", "all", "--paper", paper,
                           "--format", "html").out
            drawn = [page_text(pdf, page, "-raw") for page in range(1, pages + 1)]
            self.assertEqual(split_units(html, drawn), [], f"split across pages on {size}")
            text = ""
            for page in range(1, pages + 1):
                one = page_text(pdf, page)
                self.assertIn("settle · journal summary · 2 Nov – 15 Nov 2026", one,
                              f"the period heads page {page}")
                self.assertRegex(one, rf"\bpage {page} of {pages}\s*$",
                                 f"page {page} is numbered at its foot")
                text += one
            flat = " ".join(text.split())
            for expected in ["Journal summary", "What this page holds", "Pauses",
                             "7 pauses; 6 rated before and after. Median urge 7 before and "
                             "3.5 after", "The urge before and after, by week",
                             "What was chosen after each pause", "Predictions, looked back on",
                             "When entries were written", "Day of the week", "Notes"]:
                self.assertIn(expected, flat)
            self.assertRegex(flat, r"2 Nov – 8 Nov 2026 4 3 8 5")

    def test_booklet_prints_with_the_crisis_page_first(self):
        for paper, size in (("a4", "A4"), ("letter", "letter")):
            pdf = self.print_pdf("read", "--all", "--paper", paper)
            pages, found_size = pdf_pages(pdf)
            self.assertEqual(found_size, size)
            self.assertTrue(10 <= pages <= 80, pages)
            for page in range(1, pages + 1):
                one = page_text(pdf, page)
                self.assertIn("settle · Reading", one, f"the running header on page {page}")
                self.assertRegex(one, rf"\bpage {page} of {pages}\s*$",
                                 f"page {page} is numbered at its foot")
            first = " ".join(page_text(pdf, 1).split())
            self.assertIn("Contents", first)
            everything = " ".join(
                subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.split())
            crisis = everything.index("Safety and crisis lines", everything.index("Contents") + 1)
            later = everything.index("What anxious attachment is", crisis)
            self.assertLess(crisis, later)
            self.assertIn("9-8-8", everything)
            self.assertIn("Sources", everything[later:])
            # A list item, a quotation or a block of code is never split.
            html = self.ok("read", "--all", "--paper", paper, "--format", "html").out
            drawn = [page_text(pdf, page, "-raw") for page in range(1, pages + 1)]
            self.assertEqual(split_units(html, drawn, ("li", "blockquote", "pre", "table")), [],
                             f"split across pages on {size}")

    def test_the_split_check_sees_a_split(self):
        # The check above must be able to fail: a table whose last rows went
        # to the next page, and a chart whose labels did, are found.
        html = ("<html><head><title>t</title></head><body><table class=\"page\"><tr><td>"
                "<table><caption>Day &amp; count</caption><tr><td>Monday</td><td>2</td></tr>"
                "<tr><td>Sunday</td><td>1</td></tr></table>"
                "<svg><title>chart</title><text>0</text><text>5</text><text>2 Nov</text></svg>"
                "</td></tr></table></body></html>")
        whole = ["settle · header\nDay & count\nMonday 2\nSunday 1\n0\n5\n2 Nov\n"]
        self.assertEqual(split_units(html, whole), [])
        split = ["settle · header\nDay & count\nMonday 2\n0\n5\n", "Sunday 1\n2 Nov\n"]
        self.assertEqual(split_units(html, split),
                         [("table", "Day & count Monday 2 Sunday 1"), ("svg", "0 5 2 Nov")])

    def test_the_network_check_sees_what_a_page_asks_for(self):
        # The check above must be able to fail: a page that asks for an
        # image (at a name that never resolves) shows up in the log.
        page = self.home / "asks.html"
        page.write_text('<!DOCTYPE html><img src="http://settle-test.invalid/a.png">')
        subprocess.run([BROWSER, *QUIET, f"--user-data-dir={self.home / 'profile'}",
                        f"--log-net-log={self.net_log}", "--dump-dom", page.as_uri()],
                       capture_output=True, timeout=180, env={"HOME": str(self.home),
                                                              "PATH": "/usr/bin:/bin"})
        asked, left = network_use(self.net_log)
        self.assertEqual(asked, ["http://settle-test.invalid/a.png"])
        self.assertEqual(left, [])

    def render(self, page, width, height, dark):
        """One Chromium run on `page` (a measured copy): its DOM after the
        measuring script, and a screenshot of `height` pixels."""
        shot = self.home / "shot.png"
        shot.unlink(missing_ok=True)
        self.net_log.unlink(missing_ok=True)
        dom = subprocess.run(
            [BROWSER, *QUIET, f"--user-data-dir={self.home / 'profile'}",
             f"--log-net-log={self.net_log}", f"--window-size={width},{height}",
             *(["--force-dark-mode"] if dark else []), f"--screenshot={shot}", "--dump-dom",
             page.as_uri()],
            capture_output=True, text=True, timeout=180,
            env={"HOME": str(self.home), "PATH": "/usr/bin:/bin"}).stdout
        measured = {key: re.search(rf'data-{key}="([^"]*)"', dom) for key in
                    ("scroll", "outside", "height", "paper")}
        self.assertTrue(all(measured.values()), dom[-500:])
        return {key: found.group(1) for key, found in measured.items()}, shot

    def check_layout(self, name, html, widths_and_heights, screenshots=True):
        """Lays `html` out at each (width, expected height) light and dark:
        no sideways scroll, no element outside the page (measured in the
        DOM), no network use (the CSP taken out, so the page's own markup is
        what is tested), and in the screenshot, as wide as the window, the
        page's paper colour all down both edges."""
        measured = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        self.assertNotIn("Content-Security-Policy", measured)
        page = self.home / f"{name}.html"
        page.write_text(measured.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
        papers = {}
        for width, height in widths_and_heights:
            for dark in (False, True) if screenshots else (False,):
                where = f"{name} at {width}px, {'dark' if dark else 'light'}"
                dom, shot = self.render(page, width, height, dark)
                if screenshots and int(dom["height"]) > height:  # a longer page: shoot it whole
                    height = int(dom["height"])
                    dom, shot = self.render(page, width, height, dark)
                self.assertLessEqual(int(dom["scroll"]), 0, f"sideways scroll: {where}")
                self.assertEqual(dom["outside"], "", f"outside the page: {where}")
                self.assert_no_network_use(self.net_log, where)
                if not screenshots:
                    continue
                paper = tuple(int(n) for n in re.findall(r"\d+", dom["paper"])[:3])
                papers[dark] = paper
                with Image.open(shot) as image:
                    self.assertEqual(image.size, (width, height), where)
                    rgb = image.convert("RGB")
                    for edge in ((0, 0, 12, height), (width - 12, 0, width, height)):
                        colours = rgb.crop(edge).getcolors(8)
                        self.assertEqual([c for _, c in colours or [(0, "many")]], [paper],
                                         f"{where}: something is drawn at the edge {edge}")
        if screenshots:
            self.assertGreater(sum(papers[False]), 600, "the light page is light")
            self.assertLess(sum(papers[True]), 150, "the dark page is dark")

    @unittest.skipUnless(Image, "needs python3-pil to read the screenshots")
    def test_summary_on_a_phone_and_a_desktop(self):
        html = self.ok("summary", *PERIOD, "--format", "html", "--include", "all").out
        self.check_layout("summary", html, [(390, 5400), (1280, 4500)])

    @unittest.skipUnless(Image, "needs python3-pil to read the screenshots")
    def test_booklet_on_a_phone_and_a_desktop(self):
        # Screenshots of one topic's booklet (the crisis page, the topic, its
        # sources); the whole booklet, 35,000 pixels tall on a phone, is
        # measured in the DOM only.
        html = self.ok("read", "pause", "--format", "html").out
        self.check_layout("topic", html, [(390, 2100), (1280, 1700)])
        html = self.ok("read", "--all", "--format", "html").out
        self.check_layout("booklet", html, [(390, 900), (1280, 900)], screenshots=False)


if __name__ == "__main__":
    unittest.main()
