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

from nps_kit._followup_html import followup_html
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
    shown, folded = boxes[:20], boxes[20:]
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
    assert [b["visible"] for b in boxes] == [True] * 20 + [False] * (N - 20)
    # the comment is in view without scrolling sideways, even with four breakdowns
    comment_right, wrap_right = desktop.js(
        "[document.querySelector('.nps-followup__comment').getBoundingClientRect().right, "
        "document.querySelector('.nps-followups .nps-table-wrap').getBoundingClientRect().right]"
    )
    assert comment_right <= wrap_right
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
