"""The printable pages in a real browser: Debian's headless Chromium prints
the summary and the reading booklet to PDF (read back with poppler's
pdftotext and pdfinfo), and lays the summary out at a phone's width and a
desktop's, where nothing may stick out sideways. Skipped, saying so, where
chromium or poppler-utils is not installed (scripts/install-deps has both)."""

import json
import re
import shutil
import subprocess
import unittest
from pathlib import Path

from harness import JournalTest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "summary"
PERIOD = ["--since", "2026-11-02", "--until", "2026-11-15"]
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
MISSING = "needs chromium and poppler-utils (scripts/install-deps installs them)"

# Added to a copy of the page only here, to measure it; the page itself runs
# no script (and forbids one).
MEASURE = """<script>
var width = document.documentElement.clientWidth, outside = [];
document.querySelectorAll('body *').forEach(function (e) {
  var box = e.getBoundingClientRect();
  if (box.width > 0 && (box.right > width + 1 || box.left < -1))
    outside.push(e.tagName + '.' + (e.className.baseVal || e.className));
});
document.body.setAttribute('data-scroll', document.documentElement.scrollWidth - width);
document.body.setAttribute('data-outside', outside.slice(0, 5).join(' '));
</script>"""


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:.*\((\w+)\)", info, re.M)
    return pages, size.group(1) if size else None


def page_text(path, page):
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path),
                           "-"], capture_output=True, text=True, check=True).stdout


@unittest.skipUnless(BROWSER and POPPLER, MISSING)
class BrowserTest(JournalTest):
    def setUp(self):
        super().setUp()
        shutil.copytree(FIXTURES / "journal", self.journal)
        self.env["PATH"] = str(Path(BROWSER).parent) + ":/usr/bin:/bin"

    def test_summary_prints_on_a4_and_letter(self):
        for paper, size in (("a4", "A4"), ("letter", "letter")):
            pdf = self.home / f"summary-{paper}.pdf"
            result = self.ok("summary", *PERIOD, "--include", "predictions,notes", "--paper",
                             paper, "--pdf", str(pdf), timeout=120)
            self.assertIn("Wrote", result.err)
            self.assertEqual(pdf.stat().st_mode & 0o777, 0o600)
            pages, found_size = pdf_pages(pdf)
            self.assertEqual(found_size, size)
            self.assertTrue(2 <= pages <= 6, pages)
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

    def test_printing_sends_nothing_over_the_network(self):
        # A stand-in `chromium` that runs the real one with a network log.
        bin_dir = self.home / "bin"
        bin_dir.mkdir()
        net_log = self.home / "net.json"
        wrapper = bin_dir / "chromium"
        wrapper.write_text(f'#!/bin/sh\nexec "{BROWSER}" --log-net-log="{net_log}" "$@"\n')
        wrapper.chmod(0o755)
        self.ok("summary", *PERIOD, "--include", "all", "--pdf", str(self.home / "s.pdf"),
                env={"PATH": f"{bin_dir}:/usr/bin:/bin"}, timeout=120)
        log = json.loads(net_log.read_text())
        names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
        sent = [(names[e["type"]], e.get("params")) for e in log["events"]
                if names[e["type"]] in ("TCP_CONNECT", "UDP_BYTES_SENT", "SOCKET_BYTES_SENT",
                                        "SSL_CONNECT")
                or (names[e["type"]] == "HOST_RESOLVER_DNS_TASK" and e.get("params"))]
        self.assertEqual(sent, [])
        requested = [e["params"]["url"] for e in log["events"]
                     if "url" in e.get("params", {})]
        self.assertFalse([url for url in requested if "evil" in url or url.startswith("data")],
                         requested)

    def test_booklet_prints_with_the_crisis_page_first(self):
        pdf = self.home / "reading.pdf"
        self.ok("read", "--all", "--paper", "a4", "--pdf", str(pdf), timeout=120)
        pages, size = pdf_pages(pdf)
        self.assertEqual(size, "A4")
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

    def test_no_sideways_overflow_on_a_phone_or_a_desktop(self):
        html = self.ok("summary", *PERIOD, "--format", "html", "--include", "all").out
        measured = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        measured = measured.replace("</body>", MEASURE + "</body>")
        page = self.home / "measure.html"
        page.write_text(measured, encoding="utf-8")
        for width in (390, 1280):
            dom = subprocess.run(
                [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", f"--user-data-dir={self.home / 'profile'}",
                 f"--window-size={width},900", "--dump-dom", page.as_uri()],
                capture_output=True, text=True, timeout=120,
                env={"HOME": str(self.home), "PATH": "/usr/bin:/bin"}).stdout
            scroll = re.search(r'data-scroll="(-?\d+)"', dom)
            self.assertIsNotNone(scroll, dom[-500:])
            self.assertLessEqual(int(scroll.group(1)), 0, f"sideways scroll at {width}px")
            outside = re.search(r'data-outside="([^"]*)"', dom).group(1)
            self.assertEqual(outside, "", f"outside the page at {width}px")


if __name__ == "__main__":
    unittest.main()
