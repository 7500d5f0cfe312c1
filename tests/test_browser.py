"""Open rendered reports in real headless Debian chromium: phone/desktop layout, fonts, errors.

Headless chromium will not make a window narrower than 500 px (``--window-size=390,...`` gives
a 500 px layout, cropped), so the browser is driven over the DevTools protocol on a pipe
(``--remote-debugging-pipe``, no extra packages) and a phone is emulated with
``Emulation.setDeviceMetricsOverride`` (390 x 844, mobile, honours the viewport meta tag).
Every network request, console message, log error and exception is recorded.
"""

from __future__ import annotations

import base64
import itertools
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from _chromium import (
    CLEAN,
    DESKTOP,
    PHONE,
    Chromium,
    Page,
    layout_problems,
    needs_chromium,
    open_page,
)
from nbformat.v4 import new_markdown_cell, new_output
from test_render import TITLE, XSS, build_report_notebook, code

from nps_kit.render import write_html

pytestmark = [pytest.mark.slow, needs_chromium]


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


# -- layout checks shared with the end-to-end reports (tests/test_e2e_reports.py) -------------


def _defective_page(path: Path) -> Path:
    """A page with every defect the checks must catch, so they are shown to be able to fail."""
    cells = "".join(f"<td>{'x' * 30}</td>" for _ in range(6))
    path.write_text(
        '<!DOCTYPE html><html lang="ja"><head><meta name="viewport" '
        'content="width=device-width, initial-scale=1"></head><body style="margin:0">'
        '<h3 style="width:64px;font-size:16px;overflow-wrap:anywhere">'
        "Communication パフォーマンス</h3>"
        '<h4 style="width:4.4em;font-size:16px;word-break:keep-all">+2.1 ポイント</h4>'
        '<h4 style="width:5em;font-size:16px">2026-10-31</h4>'
        "<table><thead><tr><th>回答</th><th>a</th><th>b</th><th>c</th><th>d</th><th>e</th>"
        f"<th>NPS</th></tr></thead><tbody><tr>{cells}<td>+5.0</td></tr></tbody></table>"
        '<figure><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAA'
        'AAD0lEQVR4nGP8//8/AwMDAA7/Av+4xZ6ZAAAAAElFTkSuQmCC" width="640" data-text-px="13.9" '
        'style="width:300px" alt="グラフ"></figure></body></html>',
        encoding="utf-8",
    )
    return path


def test_layout_checks_catch_each_defect(browser: Chromium, tmp_path: Path) -> None:
    page = open_page(browser, _defective_page(tmp_path / "bad.html"), PHONE)
    problems = layout_problems(page)
    assert problems["page_scrolls_sideways"] is True
    assert problems["hidden_nps_cells"] == ["NPS: " + "x" * 30]
    broken = "\n".join(problems["broken_words"])
    assert "Commu|nication" in broken and "パフォ|ーマンス" in broken, broken
    assert "+2.1 |ポイント" in broken and "2026-10-|31" in broken, broken
    assert problems["small_chart_text"] == ["グラフ: 6.515625"]
    assert problems["undescribed_charts"]


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_report_components_pass_the_layout_checks(
    device: str, browser: Chromium, tmp_path: Path
) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from nbformat.v4 import new_notebook

    from nps_kit import plot, report
    from nps_kit.plot._png import palette_retina_png

    plot.set_theme()
    groups = pd.DataFrame(
        {
            "label": ["検索エンジン", "友人・知人の紹介", "Communication tools"],
            "n": [181, 80, 44],
            "nps": [5.0, 17.5, 4.5],
            "ci_low": [-7.0, -0.7, -19.9],
            "ci_high": [16.8, 34.4, 28.4],
            "share": [30.4, 13.4, 7.4],
            "share_promoters": [31.0, 15.0, 7.0],
            "share_detractors": [29.0, 10.0, 8.0],
            "small_sample": [False, False, False],
        }
    )
    table = report.table(
        groups,
        columns={
            "label": "回答",
            "n": "回答数",
            "nps": "NPS（95%信頼区間）",
            "share": "回答者に占める割合（%）",
            "share_promoters": "推奨者に占める割合",
            "share_detractors": "批判者に占める割合",
        },
        formats={"nps": "+.1f"},
        intervals={"nps": ("ci_low", "ci_high")},
        lang="ja",
    )
    ax = plot.breakdown(
        groups.rename(columns={"label": "channel"}),
        by="channel",
        lang="ja",
        title="テーマ別：批判者が中立者になった場合のNPS改善幅（パフォーマンス）",
    )
    rendered = palette_retina_png(ax.figure)
    assert rendered is not None
    png, metadata = rendered
    chart = new_output(
        "display_data",
        data={"image/png": base64.b64encode(png).decode(), "text/plain": "<Figure>"},
        metadata={"image/png": metadata},
    )
    cells = [
        code("headline", new_output("display_data", data={"text/html": _headline_html()})),
        code("table", new_output("display_data", data={"text/html": table.data})),
        code("chart", chart),
    ]
    path = tmp_path / "components.html"
    write_html(new_notebook(cells=cells), path, lang="ja", title=TITLE)
    page = open_page(browser, path, PHONE if device == "phone" else DESKTOP)
    assert layout_problems(page) == CLEAN


def _headline_html() -> str:
    from test_report import Change, Result

    from nps_kit import report

    head = report.headline(
        Result(),
        Change(),
        target=None,
        lang="ja",
        period_label="2026年10月",
        comparison_label="前月比",
    )
    kpis = report.kpi_row(
        [
            ("前月比", "+2.1 ポイント", "2026年9月: −1.1 ポイント · 有意な変化なし"),
            ("前年同月比", "+11.6 ポイント", "2025年10月: −10.6 ポイント · 有意に改善"),
        ]
    )
    return str(head.data) + str(kpis.data)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_phrase_table_fits_a_phone_with_the_example_under_the_phrase(
    lang: str, browser: Chromium, tmp_path: Path
) -> None:
    from nbformat.v4 import new_notebook

    from nps_kit.sections._strategies import _phrase_table

    rows = {
        "en": [
            ("waited 40 minutes to check", "Waited 40 minutes to check in, nobody apologised."),
            (
                "minibar prices are a joke",
                "Overpriced for what you get, the minibar prices are a joke.",
            ),
            ("super comfy", "Beds were super comfy, slept like a baby."),
        ],
        "ja": [
            ("配送状況", "配送状況が追跡できない。"),
            ("週間", "配送が遅すぎます。注文から１週間以上かかりました。"),
            ("不在票", "置き配を指定したのに不在票が入っていた。"),
        ],
    }[lang]
    phrases = pd.DataFrame(
        {
            "segment": ["detractor", "detractor", "promoter"],
            "phrase": [p for p, _ in rows],
            "count": [15, 13, 180],
            "share": [27.8, 22.2, 50.0],
            "example": [e for _, e in rows],
        }
    )
    table = _phrase_table(phrases, lang=lang)  # the section's own table
    cells = [code("table", new_output("display_data", data={"text/html": table.data}))]
    path = tmp_path / "phrases.html"
    write_html(new_notebook(cells=cells), path, lang=lang, title=TITLE)
    page = open_page(browser, path, PHONE)
    assert layout_problems(page) == CLEAN
    wrap = "document.querySelector('.nps-table-wrap')"
    assert page.js(f"{wrap}.scrollWidth <= {wrap}.clientWidth")  # every column in view
    notes = page.js("Array.from(document.querySelectorAll('small.nps-note')).length")
    assert notes == 3


#: Every cell of the cards' tables: its box and whether its column's name is shown beside it.
CARD_CELLS = """Array.from(document.querySelectorAll('.nps-table--cards td')).map(td => {
  const r = td.getBoundingClientRect();
  return {left: r.left, right: r.right, width: r.width,
          label: getComputedStyle(td, '::before').content};
})"""


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_wide_tables_and_the_overview_read_as_cards_on_a_phone(
    device: str, lang: str, browser: Chromium, tmp_path: Path
) -> None:
    # QA22 (390 px): the theme tables hid 3 of 7 columns and the overview hid Target, Top
    # complaint and Detractors to contact behind a sideways scroll.
    from test_overview import unit

    from nps_kit import report
    from nps_kit.overview import write_overview

    themes = pd.DataFrame(
        {
            "label": ["Communication and release notes", "配送・受け取り"],
            "commenters": [12, 9],
            "share": [41.7, 33.3],
            "nps_with": [-20.0, 12.5],
            "nps_without": [30.0, 25.0],
            "nps_gain": [8.0, 4.0],
            "detractors": [2, 1],
        }
    )
    table = report.table(themes, lang=lang).data
    narrow = report.table(themes[["label", "share"]], lang=lang).data
    assert "nps-table--cards" in table and "nps-table--cards" not in narrow
    css = (Path(report.__file__).parent / "templates/nps_report/static/report.css").read_text()
    page_path = tmp_path / "tables.html"
    page_path.write_text(
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<style>{css}</style></head><body><main class="nps-report">{table}{narrow}</main>'
        "</body></html>",
        encoding="utf-8",
    )
    manifest = {
        "period": "2026-10",
        "units": [unit("ent", "Enterprise", lang, 48.0), unit("free", "Free", lang, -19.1)],
    }
    overview = write_overview(tmp_path / "reports", manifest, language=lang)
    settings = PHONE if device == "phone" else DESKTOP
    for path in (page_path, overview):
        page = open_page(browser, path, settings)
        assert layout_problems(page) == CLEAN, path.name
        cells = page.js(CARD_CELLS)
        assert cells and max(c["right"] for c in cells) <= settings["width"], path.name
        named = [c["label"] not in ("none", "normal") for c in cells]
        if device == "phone":  # one card per row: its first cell heads it, the rest are named
            assert page.js("getComputedStyle(document.querySelector('thead')).display") == "none"
            rows = page.js("document.querySelectorAll('.nps-table--cards tbody tr').length")
            assert named.count(False) == rows
        else:  # a table with its header row
            assert not any(named)
            assert page.js("getComputedStyle(document.querySelector('thead')).display") != "none"


#: Each line of each callout paragraph as the browser laid it out.
CALLOUT_LINES = """Array.from(document.querySelectorAll('.nps-callout p')).map(p => {
  const lines = [];
  let top = null, line = '';
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    for (let i = 0; i < node.textContent.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect || !rect.height) continue;
      if (top !== null && rect.top > top + rect.height / 2) { lines.push(line); line = ''; }
      top = rect.top;
      line += node.textContent[i];
    }
  }
  lines.push(line);
  return lines;
})"""

#: The EC demo's notes at 390 px (FIX64): 非表示 was split 「非」/「表示」.
FLOOR_NOTE = (
    "点はNPS、横線は95%信頼区間。白抜きは回答数30件未満（参考値）、5件未満のグループは匿名性のため"
    "非表示です。非表示のグループが合わせて5件未満のときは、合計からの差し引きで割り出せないよう、"
    "次に小さいグループも非表示にしています。▲／▼は、このレポートのほかの回答より有意に高い／低い"
    "グループです。グループが多いほど偶然の差が見つかりやすいため、内訳ごとにBenjamini-Hochberg法で"
    "偽発見率を5%に抑えて判定しています（区間は調整前のまま）。"
)


def test_japanese_callouts_wrap_between_words_on_a_phone(browser: Chromium, tmp_path: Path) -> None:
    from nbformat.v4 import new_notebook

    from nps_kit import report

    note = report.callout(FLOOR_NOTE)
    cells = [code("note", new_output("display_data", data={"text/html": note.data}))]
    path = tmp_path / "notes.html"
    write_html(new_notebook(cells=cells), path, lang="ja", title=TITLE)
    page = open_page(browser, path, PHONE)
    (lines,) = page.js(CALLOUT_LINES)
    assert "".join(lines) == FLOOR_NOTE
    ends = list(itertools.accumulate(len(line) for line in lines))[:-1]
    for word in ("非表示", "匿名性", "偽発見率", "信頼区間", "グループ", "レポート"):
        inside = [
            f"{FLOOR_NOTE[end - 4 : end]}|{FLOOR_NOTE[end : end + 4]}"
            for m in re.finditer(word, FLOOR_NOTE)
            for end in ends
            if m.start() < end < m.end()
        ]
        assert inside == [], word
    assert [line for line in lines if len(line.strip()) < 2] == []
    assert len(lines) > 5  # wrapped: a phone's line holds about 20 characters


# -- the analysts' sections folded (nps_kit._fold, REPORT31) -----------------------------------

#: Each fold's section, whether it is open, and the height it takes below its heading.
FOLD_HEIGHTS = """Array.from(document.querySelectorAll('details.nps-fold')).map(d => [
  d.dataset.section, d.open, Math.round(d.getBoundingClientRect().height
    - d.querySelector(':scope > summary').getBoundingClientRect().height)])"""


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_analyst_sections_are_closed_on_screen_open_on_a_tap_and_printed_open(
    browser: Chromium, tmp_path: Path, device: dict[str, Any]
) -> None:
    from test_fold import THEMES, _notebook

    from nps_kit.notebook import ANALYST_SECTIONS, SECTIONS

    path = tmp_path / "folded.html"
    write_html(_notebook(list(SECTIONS)), path, lang="ja", title=TITLE)
    page = open_page(browser, path, device)
    analysts = [s for s in SECTIONS if s in ANALYST_SECTIONS]
    assert page.js(FOLD_HEIGHTS) == [[name, False, 0] for name in analysts]
    # The manager's part ends where the first fold's heading starts; the folds take a heading
    # row each (a tap target of at least 44 px), nothing more.
    rows = page.js(
        "Array.from(document.querySelectorAll('details.nps-fold > summary'))"
        ".map(s => s.getBoundingClientRect().height)"
    )
    assert all(44 <= h <= 80 for h in rows), rows
    # A tap on a heading opens its section, with the whole theme table.
    page.js("document.querySelector(\"details[data-section='followups'] > summary\").click()")
    opened = dict((name, (is_open, height)) for name, is_open, height in page.js(FOLD_HEIGHTS))
    assert opened["followups"][0] and opened["followups"][1] > 23 * 20
    shown = page.js(
        "Array.from(document.querySelectorAll(\"details[data-section='followups'] tbody tr\"))"
        ".filter(r => r.getBoundingClientRect().height > 0).map(r => r.cells[0].textContent)"
    )
    assert shown == THEMES
    assert layout_problems(page) == CLEAN
    # On paper every fold is open, its heading a section heading.
    page.browser.send("Emulation.setEmulatedMedia", page.session, media="print")
    page.js("document.querySelectorAll('details').forEach(d => { d.open = false; })")
    printed = page.js(FOLD_HEIGHTS)
    assert [name for name, _, height in printed if height > 0] == analysts
    assert page.js("getComputedStyle(document.querySelector('.nps-fold-intro')).display") == "none"


def test_every_fold_line_is_a_tap_target_on_a_phone(browser: Chromium, tmp_path: Path) -> None:
    # BROWSE31: a chart's "グラフの数値" line was 23 px high on the 390 px screen (the other
    # "show more" lines 39 px, the analysts' headings 53 px): under WCAG 2.5.8's 24 px and a
    # thumb's reach. Every summary a reader taps is at least 36 px high.
    nb = build_report_notebook(charts=1)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                meta = output.setdefault("metadata", {}).setdefault("image/png", {})
                meta["facts"] = ["2026年10月：NPS +1.0（回答数596件）"]
    path = tmp_path / "facts.html"
    write_html(nb, path, lang="ja", title=TITLE)
    page = open_page(browser, path, PHONE)
    heights = page.js(
        "Array.from(document.querySelectorAll('summary'))"
        ".filter(s => s.getBoundingClientRect().height > 0)"
        ".map(s => [s.closest('.nps-facts') ? 'nps-facts' : s.parentElement.className,"
        " Math.round(s.getBoundingClientRect().height)])"
    )
    assert any(name == "nps-facts" for name, _ in heights), heights
    assert [(name, h) for name, h in heights if h < 36] == []
