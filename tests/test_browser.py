"""Open rendered reports in real headless Debian chromium: phone/desktop layout, fonts, errors.

Headless chromium will not make a window narrower than 500 px (``--window-size=390,...`` gives
a 500 px layout, cropped), so the browser is driven over the DevTools protocol on a pipe
(``--remote-debugging-pipe``, no extra packages) and a phone is emulated with
``Emulation.setDeviceMetricsOverride`` (390 x 844, mobile, honours the viewport meta tag).
Every network request, console message, log error and exception is recorded.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from nbformat.v4 import new_markdown_cell, new_output
from test_render import TITLE, XSS, build_report_notebook, code

from nps_kit.render import write_html

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    pytest.skip(
        "Debian chromium is not installed (apt-get install -y chromium fonts-noto-cjk)",
        allow_module_level=True,
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


def _wide_table_cell() -> Any:
    wide = pd.DataFrame(
        {f"設問{i:02d}（満足度）": [4.2 + i / 10, 3.1, 2.8] for i in range(14)},
        index=["アプリ", "ウェブ", "店舗"],
    )
    return code(
        "wide",
        new_output("display_data", data={"text/html": wide.to_html(), "text/plain": "wide"}),
    )


@pytest.fixture(scope="module")
def report_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    nb = build_report_notebook(charts=3)
    nb.cells.append(new_markdown_cell("## 設問別の満足度"))
    nb.cells.append(_wide_table_cell())
    nb.cells.append(
        new_markdown_cell(
            "とても長い英数字の連続 "
            + "x" * 120
            + " も折り返されて、横スクロールを起こさないこと。"
        )
    )
    path = tmp_path_factory.mktemp("report") / "ec.html"
    write_html(nb, path, lang="ja", title=TITLE)
    return path


@pytest.fixture(scope="module")
def phone(browser: Chromium, report_path: Path) -> Page:
    return open_page(browser, report_path, PHONE)


@pytest.fixture(scope="module")
def desktop(browser: Chromium, report_path: Path) -> Page:
    return open_page(browser, report_path, DESKTOP)


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_full_page_screenshot_renders(
    device: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    page: Page = request.getfixturevalue(device)
    settings = PHONE if device == "phone" else DESKTOP
    png = page.screenshot(tmp_path / f"report-{device}.png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(png[16:20], "big")
    height = int.from_bytes(png[20:24], "big")
    assert width == settings["width"] * settings["deviceScaleFactor"]
    assert height > width  # a whole report, not a blank viewport
    assert len(png) > 50_000  # a blank page compresses to a few kB


def test_phone_viewport_and_no_horizontal_page_scroll(phone: Page) -> None:
    assert phone.js("window.innerWidth") == 390
    assert phone.js("document.documentElement.scrollWidth") == 390
    assert phone.js("document.body.scrollWidth") <= 390
    # every block stays inside the screen
    rights = phone.js(
        "Array.from(document.querySelectorAll('main > *, .nps-cell > *'))"
        ".map(e => e.getBoundingClientRect().right)"
    )
    assert rights and max(rights) <= 390


def test_phone_wide_table_scrolls_inside_its_wrapper(phone: Page) -> None:
    wrappers = phone.js(
        "Array.from(document.querySelectorAll('.nps-html')).map(e => "
        "({client: e.clientWidth, scroll: e.scrollWidth, "
        "overflow: getComputedStyle(e).overflowX}))"
    )
    wide = [w for w in wrappers if w["scroll"] > w["client"]]
    assert wide, wrappers
    assert all(w["overflow"] == "auto" for w in wide)


def test_charts_shrink_on_phone_and_show_at_css_size_on_desktop(phone: Page, desktop: Page) -> None:
    expression = (
        "Array.from(document.querySelectorAll('figure img')).map(i => ({attr: "
        "Number(i.getAttribute('width')), shown: i.getBoundingClientRect().width, "
        "height: i.getBoundingClientRect().height, natural: i.naturalWidth, "
        "naturalHeight: i.naturalHeight}))"
    )
    on_phone, on_desktop = phone.js(expression), desktop.js(expression)
    assert len(on_phone) == len(on_desktop) == 3
    for image in on_phone:
        assert 0 < image["shown"] <= 390 - 2 * 16
        ratio = image["natural"] / image["naturalHeight"]
        assert image["shown"] / image["height"] == pytest.approx(ratio, rel=0.02)
    for image in on_desktop:
        assert image["shown"] == image["attr"]
        assert image["natural"] // 2 == image["attr"]  # 2x pixels for sharp text


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_no_console_errors_and_no_network(device: str, request: pytest.FixtureRequest) -> None:
    page: Page = request.getfixturevalue(device)
    assert page.problems() == []
    schemes = {url.split(":", 1)[0] for url in page.requested_urls()}
    assert schemes <= {"file", "data"}, page.requested_urls()
    assert page.js("document.scripts.length") == 0


def test_escaped_comment_is_text_in_the_browser(phone: Page) -> None:
    quotes = phone.js(
        "Array.from(document.querySelectorAll('.nps-comments blockquote')).map(q => q.textContent)"
    )
    assert XSS in quotes


def test_page_language_and_title(phone: Page) -> None:
    assert phone.js("document.documentElement.lang") == "ja"
    assert phone.js("document.title") == TITLE


def test_japanese_font_is_installed_and_named_in_css(phone: Page) -> None:
    fc_list = shutil.which("fc-list")
    assert fc_list is not None, "fontconfig (fc-list) is missing"
    listing = subprocess.run(
        [fc_list, ":lang=ja", "family"], capture_output=True, text=True, check=True
    ).stdout
    installed = {name.strip() for line in listing.splitlines() for name in line.split(",")}
    assert installed, "no Japanese font installed (apt-get install -y fonts-noto-cjk)"
    family = phone.js("getComputedStyle(document.body).fontFamily")
    stack = [f.strip().strip("\"'") for f in family.split(",")]
    assert "Noto Sans CJK JP" in stack
    first = next((f for f in stack if f in installed), None)
    assert first is not None, (stack, sorted(installed))
    assert re.search(r"Sans", first), first  # a sans-serif Japanese face, not a serif fallback


def test_japanese_text_is_drawn_with_the_japanese_font(phone: Page) -> None:
    # A glyph missing from every font is drawn as the same empty box ("tofu"), so distinct
    # kanji would all get one width; real glyphs in a CJK font are full-width (1em).
    widths = phone.js(
        "(() => { const c = document.createElement('canvas').getContext('2d');"
        "c.font = '100px ' + getComputedStyle(document.body).fontFamily;"
        "return ['推', '奨', '者', 'A', 'i'].map(t => c.measureText(t).width); })()"
    )
    kanji, latin_a, latin_i = widths[:3], widths[3], widths[4]
    assert all(w == pytest.approx(100, abs=2) for w in kanji)
    assert latin_i < latin_a < 100  # proportional Latin: the font is not a box-drawing fallback


def test_print_layout(browser: Chromium, report_path: Path) -> None:
    page = open_page(browser, report_path, DESKTOP)
    page.browser.send("Emulation.setEmulatedMedia", page.session, media="print")
    styles = page.js(
        "(() => { const s = e => getComputedStyle(document.querySelector(e));"
        "return {shadow: s('.nps-report').boxShadow, figure: s('.nps-figure').breakInside,"
        "table: s('.nps-table-wrap').breakInside, headline: s('.nps-headline').boxShadow,"
        "overflow: s('.nps-table-wrap').overflowX}; })()"
    )
    assert styles == {
        "shadow": "none",
        "figure": "avoid",
        "table": "avoid",
        "headline": "none",
        "overflow": "visible",
    }
    pdf = base64.b64decode(page.browser.send("Page.printToPDF", page.session)["data"])
    assert pdf.startswith(b"%PDF")
