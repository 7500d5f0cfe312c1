"""The detractor follow-up list in real headless chromium: one card per person at 390 px."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from _chromium import (
    DESKTOP,
    PHONE,
    Chromium,
    Page,
    needs_chromium,
    open_page,
)
from nbformat.v4 import new_output
from test_render import TITLE, build_report_notebook, code

from nps_kit._followup_html import FIRST_SCREEN, followup_html
from nps_kit.closed_loop import FollowupList
from nps_kit.render import write_html

pytestmark = [
    pytest.mark.slow,
    needs_chromium,
]
N = 60
LONG = "配送が遅く、問い合わせても返事がなかったので、とても困りました。" * 3


def followups() -> FollowupList:
    rows = pd.DataFrame(
        {
            "response_id": [f"R{i:06d}" for i in range(N)],
            "date": ["2026-10-03"] * N,
            "age_days": pd.array([33] * N, dtype="Int64"),
            "score": pd.array([i % 7 for i in range(N)], dtype="Int64"),
            "plan": ["プレミアム"] * N,
            "channel": ["アプリ"] * N,
            "region": ["関東"] * N,
            "tenure": ["1年未満"] * N,
            "themes": ["配送（スピード・破損）, サポート"] * N,
            "comment": [LONG + "x" * 80] * N,  # a long unbroken run must wrap too
        }
    )
    return FollowupList(
        rows,
        (("plan", "プラン"), ("channel", "チャネル"), ("region", "地域"), ("tenure", "利用年数")),
        consent_known=True,
        as_of=dt.date(2026, 11, 5),
        # ids of an id column (without one they are rows in the file, headed so: BROWSE35)
        id_name="response_id",
    )


@pytest.fixture(scope="module")
def report_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    nb = build_report_notebook(charts=0)
    html = followup_html(followups(), lang="ja", work_files=("ec_followups.csv", "x.xlsx"))
    nb.cells.append(
        code("sections.detractors(u)", new_output("display_data", data={"text/html": html.data}))
    )
    path = tmp_path_factory.mktemp("followups") / "ec.html"
    write_html(nb, path, lang="ja", title=TITLE)
    return path


BOXES = """(() => Array.from(document.querySelectorAll('.nps-followups__table tbody tr'))
  .map(tr => { const r = tr.getBoundingClientRect();
               return {left: r.left, right: r.right, top: r.top, height: r.height,
                       display: getComputedStyle(tr).display,
                       visible: tr.checkVisibility()}; }))()"""


def test_one_card_per_person_at_390_px(browser: Chromium, report_path: Path) -> None:
    phone: Page = open_page(browser, report_path, PHONE)
    assert phone.js("document.documentElement.scrollWidth") == 390  # no sideways page scroll
    boxes = phone.js(BOXES)
    assert len(boxes) == N  # everyone is in the page
    shown, folded = boxes[:FIRST_SCREEN], boxes[FIRST_SCREEN:]
    assert {b["display"] for b in boxes} == {"block"}
    for card in shown:
        assert 0 <= card["left"] and card["right"] <= 390 - 16 + 1
        assert card["height"] > 100  # a card: one line per field, not a 2-character column
    tops = [card["top"] for card in shown]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # stacked, one per row
    assert all(card["visible"] for card in shown)
    assert not any(card["visible"] for card in folded)  # behind the closed <details>
    assert (
        phone.js("getComputedStyle(document.querySelector('.nps-followups__table thead')).display")
        == "none"
    )
    label = phone.js(
        "getComputedStyle(document.querySelector('.nps-followup__response_id'), '::before').content"
    )
    assert label == '"回答ID"'
    comment_width = phone.js(
        "document.querySelector('.nps-followup__comment').getBoundingClientRect().width"
    )
    assert comment_width > 250  # the comment gets the card's width, not a sliver
    assert phone.problems() == []


def test_a_table_on_desktop_and_everyone_on_paper(browser: Chromium, report_path: Path) -> None:
    desktop = open_page(browser, report_path, DESKTOP)
    boxes = desktop.js(BOXES)
    assert {b["display"] for b in boxes} == {"table-row"}
    assert [b["visible"] for b in boxes] == [True] * FIRST_SCREEN + [False] * (N - FIRST_SCREEN)
    # the comment is in view without scrolling sideways, even with four breakdowns
    comment_right, wrap_right = desktop.js(
        "[document.querySelector('.nps-followup__comment').getBoundingClientRect().right, "
        "document.querySelector('.nps-followups .nps-table-wrap').getBoundingClientRect().right]"
    )
    assert comment_right <= wrap_right
    # and so are the four breakdowns, one labelled line each in one column (FIX31)
    assert desktop.js(FITS)["out"] == []
    desktop.browser.send("Emulation.setEmulatedMedia", desktop.session, media="print")
    printed = desktop.js(BOXES)
    assert all(b["visible"] for b in printed)  # the fold is open on paper


def test_two_breakdowns_fit_a_1280_px_screen(
    browser: Chromium, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # QA20: a dental chain's detractor table (Clinic, Appointment) overflowed its card at
    # 1280 px ("Emergenc" cut behind the scroll edge) and a themes cell wrapped to 8 lines.
    n = 6
    rows = pd.DataFrame(
        {
            "response_id": [str(600 + i) for i in range(n)],
            "date": ["2026-11-03"] * n,
            "age_days": pd.array([31] * n, dtype="Int64"),
            "score": pd.array([i % 7 for i in range(n)], dtype="Int64"),
            "clinic": ["Oxford Summertown"] * n,
            "appointment": ["Emergency appointment"] * n,
            "themes": [
                "Speed and waiting times (−), Communication and information (−) / What we could "
                "do better: Ease of use and convenience (−)"
            ]
            * n,
            "comment": ["Waited 50 minutes past my appointment time and nobody apologised"] * n,
        }
    )
    found = FollowupList(
        rows,
        (("clinic", "Clinic"), ("appointment", "Appointment")),
        consent_known=False,
        as_of=dt.date(2026, 12, 4),
    )
    nb = build_report_notebook(charts=0)
    html = followup_html(found, lang="en", work_files=("south_followups.csv", "x.xlsx"))
    nb.cells.append(
        code("sections.detractors(u)", new_output("display_data", data={"text/html": html.data}))
    )
    path = tmp_path_factory.mktemp("dental") / "south.html"
    write_html(nb, path, lang="en", title="South")
    page = open_page(browser, path, DESKTOP)
    scroll, client, lines = page.js(
        "(() => { const w = document.querySelector('.nps-followups .nps-table-wrap');"
        " const c = document.querySelector('.nps-followup__themes');"
        " const lh = parseFloat(getComputedStyle(c).lineHeight);"
        " return [w.scrollWidth, w.clientWidth, Math.round(c.getBoundingClientRect().height / lh)];"
        " })()"
    )
    assert scroll <= client
    assert lines <= 6


def _clinic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """QA23's clinic: a timestamp id and three breakdowns, the first a long free answer."""
    n = 8
    rows = pd.DataFrame(
        {
            "response_id": [f"2026/11/{17 - i:02d} 18:47:24" for i in range(n)],
            "date": [f"2026-11-{17 - i:02d}" for i in range(n)],
            "age_days": pd.array([18 + i for i in range(n)], dtype="Int64"),
            "score": pd.array([i % 7 for i in range(n)], dtype="Int64"),
            "improve": ["キャッシュレス決済に対応してほしい", "駐車場を広くしてほしい"] * (n // 2),
            "dept": ["矯正歯科"] * n,
            "age": ["70代以上"] * n,
            "themes": ["スピード・待ち時間 (−) / 改善してほしい点：使いやすさ・利便性 (−)"] * n,
            "comment": ["会計で２０分待ちました。キャッシュレス決済に対応してほしい。"] * n,
        }
    )
    found = FollowupList(
        rows,
        (("improve", "改善してほしい点"), ("dept", "受診科"), ("age", "年代")),
        consent_known=False,
        as_of=dt.date(2026, 12, 5),
    )
    nb = build_report_notebook(charts=0)
    html = followup_html(found, lang="ja", work_files=("minami_followups.csv", "x.xlsx"))
    nb.cells.append(
        code("sections.detractors(u)", new_output("display_data", data={"text/html": html.data}))
    )
    path = tmp_path_factory.mktemp("clinic") / "minami.html"
    write_html(nb, path, lang="ja", title="さくら歯科 南口")
    return path


FITS = """(() => { const w = document.querySelector('.nps-followups .nps-table-wrap');
  const right = w.getBoundingClientRect().right + 0.5;
  const cells = [...w.querySelectorAll('thead th, tbody tr:first-child td')];
  return {scroll: w.scrollWidth, client: w.clientWidth,
          out: cells.filter(c => c.getBoundingClientRect().right > right)
                    .map(c => c.textContent)}; })()"""


@pytest.mark.parametrize(
    ("width", "media"),
    [(1280, "screen"), (725, "print"), (703, "print")],
    ids=["1280px", "letter-paper", "a4-paper"],
)
def test_a_timestamp_id_and_three_breakdowns_fit_1280_px_and_paper(
    browser: Chromium, tmp_path_factory: pytest.TempPathFactory, width: int, media: str
) -> None:
    # QA23: at 1280 px 改善してほしい点 was cut mid-word and 受診科, 年代 sat behind the scroll
    # shadow, lost on paper too. Paper: Letter and A4 less the report's 12 mm margins.
    page = open_page(browser, _clinic(tmp_path_factory), {**DESKTOP, "width": width})
    page.browser.send("Emulation.setEmulatedMedia", page.session, media=media)
    fits = page.js(FITS)
    assert fits["out"] == [] and fits["scroll"] <= fits["client"], fits
    if width == 1280:  # the id wraps, "2026/11/17" over "18:47:24" (143 px on one line)
        lines = page.js(
            "(() => { const c = document.querySelector('.nps-followup__response_id');"
            " return c.innerText.split(/\\s+/).length === 2 &&"
            " c.querySelector('.nps-followup__word:last-child').getBoundingClientRect().top >"
            " c.querySelector('.nps-followup__word').getBoundingClientRect().top; })()"
        )
        assert lines
        text = page.js("document.querySelector('.nps-followup__nps_profile').innerText")
        assert text.splitlines() == [
            "改善してほしい点：キャッシュレス決済に対応してほしい",
            "受診科：矯正歯科",
            "年代：70代以上",
        ]


def test_the_clinics_card_at_390_px_keeps_the_comment_and_the_profile_readable(
    browser: Chromium, tmp_path_factory: pytest.TempPathFactory
) -> None:
    phone = open_page(browser, _clinic(tmp_path_factory), PHONE)
    assert phone.js("document.documentElement.scrollWidth") == 390
    widths = phone.js(
        "['.nps-followup__comment', '.nps-followup__nps_profile', '.nps-followup__response_id']"
        ".map(s => document.querySelector(s).getBoundingClientRect().width)"
    )
    assert all(w > 250 for w in widths), widths
    label = phone.js(
        "getComputedStyle(document.querySelector('.nps-followup__nps_profile'), '::before').content"
    )
    assert label == '"属性"'
    # the id's words and the facts each one item in the value column, not spread over the
    # card's label column
    lefts = phone.js(
        "['.nps-followup__word', '.nps-followup__fact'].map(s => [...document.querySelector("
        "'.nps-followups__table tbody tr').querySelectorAll(s)]"
        ".map(e => e.getBoundingClientRect().left))"
    )
    words, facts = lefts
    assert len(set(facts)) == 1 and words[0] == facts[0] < words[1], lefts


def test_the_row_in_file_heading_stays_on_one_line_at_1280_px(
    browser: Chromium, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # FIX87 #4: without an id column the first column is headed 行番号（ファイル）, which
    # wrapped to 行番号 over （ファイル） at 1280 px beside the timestamp ids.
    page = open_page(browser, _clinic(tmp_path_factory), DESKTOP)
    heading, lines = page.js(
        "(() => { const th = document.querySelector('.nps-followups__table thead th');"
        " const r = document.createRange(); r.selectNodeContents(th);"
        " const tops = new Set([...r.getClientRects()].map(b => Math.round(b.top)));"
        " return [th.textContent, tops.size]; })()"
    )
    assert (heading, lines) == ("行番号（ファイル）", 1)
    assert page.js(FITS)["out"] == []
