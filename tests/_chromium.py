"""Real headless Debian chromium for tests, spoken to over the DevTools pipe.

``browser`` is a module-scoped fixture (``from _chromium import browser``); ``open_page`` loads a
file at a device size; ``layout_problems`` runs every layout check a report must pass.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium")
#: Mark for modules that need it.
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Debian chromium is not installed (apt-get install -y chromium fonts-noto-cjk)",
)

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True}
DESKTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
#: Safety net against a hung browser; not a timing assertion.
DEADLINE = 120.0


class Chromium:
    """A headless chromium spoken to over ``--remote-debugging-pipe`` (fd 3 in, fd 4 out)."""

    def __init__(self, profile: Path) -> None:
        assert CHROMIUM is not None
        to_child, self._write = os.pipe()
        self._read, from_child = os.pipe()
        # Park the child's ends at fd >= 10 so that moving them to 3 and 4 cannot clobber
        # each other, whatever numbers the pipes got.
        high_in = fcntl.fcntl(to_child, fcntl.F_DUPFD_CLOEXEC, 10)
        high_out = fcntl.fcntl(from_child, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_child)
        os.close(from_child)

        def wire_pipes() -> None:  # runs in the child before exec; dup2 clears close-on-exec
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"],
            close_fds=False,  # Python's own descriptors are non-inheritable (PEP 446) anyway
            preexec_fn=wire_pipes,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(high_in)
        os.close(high_out)
        self._buffer = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer")
            ready, _, _ = select.select([self._read], [], [], left)
            if ready:
                chunk = os.read(self._read, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the DevTools pipe")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        result: dict[str, Any] = json.loads(message)
        return result

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._id += 1
        request: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if session is not None:
            request["sessionId"] = session
        os.write(self._write, json.dumps(request).encode() + b"\0")
        deadline = time.monotonic() + DEADLINE
        while True:
            message = self._message(deadline)
            if message.get("id") == self._id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def wait_for(self, method: str, session: str) -> None:
        deadline = time.monotonic() + DEADLINE
        if any(e.get("method") == method and e.get("sessionId") == session for e in self.events):
            return
        while True:
            message = self._message(deadline)
            self.events.append(message)
            if message.get("method") == method and message.get("sessionId") == session:
                return

    def close(self) -> None:
        try:
            self.send("Browser.close")
            self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            os.close(self._write)
            os.close(self._read)


@dataclass
class Page:
    """A loaded page: evaluate JavaScript, take screenshots, read what happened."""

    browser: Chromium
    session: str
    target: str
    url: str
    events: list[dict[str, Any]] = field(default_factory=list)

    def js(self, expression: str) -> Any:
        result = self.browser.send(
            "Runtime.evaluate", self.session, expression=expression, returnByValue=True
        )
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def screenshot(self, path: Path) -> bytes:
        size = self.browser.send("Page.getLayoutMetrics", self.session)["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        shot = self.browser.send(
            "Page.captureScreenshot",
            self.session,
            format="png",
            captureBeyondViewport=True,
            clip=clip,
        )
        png = base64.b64decode(shot["data"])
        path.write_bytes(png)
        return png

    def mine(self) -> list[dict[str, Any]]:
        return [e for e in self.browser.events if e.get("sessionId") == self.session]

    def problems(self) -> list[str]:
        found = []
        for event in self.mine():
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails'].get('text')}")
            elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "warning"):
                found.append(f"console.{params['type']}: {params.get('args')}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append(f"log: {params['entry'].get('text')}")
            elif method == "Network.loadingFailed":
                found.append(f"network: {params.get('errorText')}")
        return found

    def requested_urls(self) -> list[str]:
        return [
            e["params"]["request"]["url"]
            for e in self.mine()
            if e.get("method") == "Network.requestWillBeSent"
        ]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    chromium = Chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield chromium
    finally:
        chromium.close()


def open_page(browser: Chromium, path: Path, device: dict[str, Any]) -> Page:
    target = browser.send("Target.createTarget", url="about:blank")["targetId"]
    session = browser.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.send(f"{domain}.enable", session)
    browser.send("Emulation.setDeviceMetricsOverride", session, **device)
    browser.send("Page.navigate", session, url=path.as_uri())
    browser.wait_for("Page.loadEventFired", session)
    return Page(browser, session, target, path.as_uri())


#: Cells of a column headed "NPS…" that a reader cannot see (right of the table's visible box):
#: the first such column (the key figure) must always be in view; later ones may scroll out of
#: view only behind a visible scroll shadow (a gradient background on the scrolling wrapper).
HIDDEN_NPS_CELLS = """(() => {
  const out = [];
  for (const table of document.querySelectorAll('table')) {
    const heads = Array.from(table.querySelectorAll('thead th'));
    const wrap = table.closest('.nps-table-wrap, .nps-html');
    const box = (wrap || table).getBoundingClientRect();
    const right = Math.min(box.right, document.documentElement.clientWidth) + 0.5;
    const shadow = wrap && wrap.scrollWidth > wrap.clientWidth &&
      getComputedStyle(wrap).backgroundImage.includes('gradient');
    let first = true;
    heads.forEach((th, i) => {
      if (!th.textContent.trim().startsWith('NPS')) return;
      const key = first;
      first = false;
      if (!key && shadow) return;
      for (const row of table.querySelectorAll('tbody tr')) {
        const cell = row.children[i];
        if (cell && cell.getBoundingClientRect().right > right)
          out.push(th.textContent + ': ' + row.children[0].textContent);
      }
    });
  }
  return out;
})()"""

#: Line breaks inside a word or between a number and its unit, found from the rendered line
#: boxes: a character whose box starts a new line (its top below the previous character's).
BROKEN_WORDS = """(() => {
  // letters, digits and katakana (the middle dot U+30FB is a phrase boundary, not a letter)
  const word = /[A-Za-z0-9\\u30A0-\\u30FA\\u30FC-\\u30FF\\uFF66-\\uFF9F.,]/;
  const unit = /^(ポイント|pts|件|人|%)/;
  const found = [];
  const roots = document.querySelectorAll(
    'h1, h2, h3, h4, .nps-headline, .nps-kpi, th, td, .nps-callout, .nps-rec, ' +
    '.nps-facts li, .nps-segments__legend, .nps-prose p');
  const seen = new Set();
  for (const root of roots) {
    if (root.closest('.nps-comments')) continue;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (seen.has(node)) continue;
      seen.add(node);
      const text = node.textContent;
      const range = document.createRange();
      let previous = null;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || !rect.height) continue;  // a collapsed space at a line end
        if (previous && rect.top > previous.top + previous.height / 2) {
          const a = text[i - 1], b = text[i];
          const inWord = (word.test(a) && word.test(b)) ||
            (/[0-9]-$/.test(text.slice(i - 2, i)) && /[0-9]/.test(b));  // 2026-10-|31
          const numberUnit = /[0-9]/.test(a.trim() ? a : text[i - 2] || '') &&
            unit.test(text.slice(i));
          if (inWord || numberUnit)
            found.push(text.slice(Math.max(0, i - 12), i) + '|' + text.slice(i, i + 12));
        }
        previous = rect;
      }
    }
  }
  return found;
})()"""

#: Chart images whose smallest text is under 11 CSS px as shown (the variant the browser chose).
SMALL_CHART_TEXT = """(() => {
  const out = [];
  for (const img of document.querySelectorAll('figure img')) {
    const source = img.parentElement.tagName === 'PICTURE'
      ? img.parentElement.querySelector('source') : null;
    const narrow = source && img.currentSrc === source.getAttribute('srcset');
    const px = Number((narrow ? source : img).dataset.textPx);
    const drawn = Number((narrow ? source : img).getAttribute('width'));
    const shown = img.getBoundingClientRect().width;
    if (!px || !drawn) { out.push('no text size: ' + img.alt.slice(0, 40)); continue; }
    if (px * shown / drawn < 11) out.push(img.alt.slice(0, 40) + ': ' + (px * shown / drawn));
  }
  return out;
})()"""

#: Chart images without a description (an alt that only says "chart").
UNDESCRIBED_CHARTS = """Array.from(document.querySelectorAll('figure img'))
  .filter(i => !i.alt || ['グラフ', 'Chart', 'chart'].includes(i.alt.trim()))
  .map(i => i.src.slice(0, 40))"""


#: Folds a reader opens with a tap (the analysts' sections, the other actions and table rows,
#: the follow-up notes): opened before the checks, which measure only what is drawn. The list
#: of the other detractors and the charts' figures stay as they are.
OPEN_FOLDS = """document.querySelectorAll(
  'details.nps-fold, details.nps-recs__more, details.nps-followups__notes, ' +
  'details.nps-table__more'
).forEach(d => { d.open = true; })"""


def layout_problems(page: Page) -> dict[str, Any]:
    """Every layout defect the checks above find, by kind (empty lists when the page is clean)."""
    page.js(OPEN_FOLDS)
    return {
        # a phone widens its layout viewport (innerWidth) to fit what overflows; the
        # document's client width stays the screen's
        "page_scrolls_sideways": page.js("document.documentElement.scrollWidth")
        > page.js("document.documentElement.clientWidth"),
        "hidden_nps_cells": page.js(HIDDEN_NPS_CELLS),
        "broken_words": page.js(BROKEN_WORDS),
        "small_chart_text": page.js(SMALL_CHART_TEXT),
        "undescribed_charts": page.js(UNDESCRIBED_CHARTS),
    }


CLEAN = {
    "page_scrolls_sideways": False,
    "hidden_nps_cells": [],
    "broken_words": [],
    "small_chart_text": [],
    "undescribed_charts": [],
}
