"""Tests for nps_kit.sections: what each report section returns and displays.

Sections run inside a real IPython shell. A section function displays nothing and leaves no
figure open in pyplot (the inline backend would show it); ``capture_output`` records what
showing its result displays, and the result's figures are its charts.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import html
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from _qa import qa_script
from bs4 import BeautifulSoup
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
from matplotlib.figure import Figure
from matplotlib.text import Text

from nps_kit import __version__, sections
from nps_kit.analysis import FollowupAnalysis, analyse_followups
from nps_kit.closed_loop import FollowupList, followup_list
from nps_kit.followup_files import FOLLOWUPS_MIME
from nps_kit.i18n import Language, label, t
from nps_kit.report import SUMMARY_MIME, keep_words, nobreak
from nps_kit.score import CONTROL_MIN_PERIODS, nps
from nps_kit.sections._common import _escape, _w
from nps_kit.summary import UnreadComments
from nps_kit.unit import (
    UnitData,
    breakdown_table,
    data_quality,
    headline,
    prepare_unit,
    trend_table,
)

matplotlib.use("Agg")

HEADER = [
    "response_id",
    "submitted_at",
    "score",
    "channel",
    "plan",
    "features",
    "rating_delivery",
    "rating_price",
    "comment",
    "contact_ok",
]
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
Row = tuple[str, int, str, str, str, str, str, str, bool]
# id, day, score, channel, plan, features, two 1–5 ratings, contact allowed.
# 2026-10: 5 promoters, 3 passives, 6 detractors → n 14, NPS −7.1; A15 has no score.
# Detractors who allow contact, most urgent first: A12 (0, the <script> comment), A09 (3),
# A13 (4), A10 (5).
CURRENT: list[Row] = [
    ("A01", 1, "10", "web", "basic", "search;favourites", "5", "4", True),
    ("A02", 2, "9", "app", "premium", "search", "4", "5", False),
    ("A03", 3, "10", "web", "premium", "favourites", "5", "4", True),
    ("A04", 4, "9", "store", "basic", "", "4", "3", False),
    ("A05", 5, "10", "app", "basic", "search", "5", "5", False),
    ("A06", 6, "8", "web", "basic", "search", "3", "3", False),
    ("A07", 7, "7", "app", "premium", "favourites", "4", "3", True),
    ("A08", 8, "8", "store", "basic", "search", "3", "4", False),
    ("A09", 9, "3", "web", "basic", "search", "1", "3", True),
    ("A10", 10, "5", "app", "premium", "favourites", "2", "3", True),
    ("A11", 11, "2", "web", "basic", "search", "1", "2", False),
    ("A12", 12, "0", "web", "premium", "", "2", "2", True),
    ("A13", 13, "4", "store", "basic", "search", "3", "1", True),
    ("A14", 14, "6", "app", "basic", "search", "3", "3", False),
    ("A15", 15, "", "web", "basic", "search", "1", "1", True),
]
# Comments (ja, en); ten valid respondents commented, A15 has no valid score.
COMMENT = {
    "A01": ("配送が早い", "Fast delivery"),
    "A02": ("価格が安い", "Fair price"),
    "A04": ("満足", "Happy"),
    "A06": ("普通", "Okay"),
    "A08": ("配送はまあまあ", "Delivery was fine"),
    "A09": ("配送が遅い", "Delivery was late"),
    "A10": ("荷物が届くのが遅い", "The parcel arrived late"),
    "A11": ("価格が高い", "The price is too high"),
    "A12": (SCRIPT, SCRIPT),
    "A13": ("価格が高すぎる", "Prices are too high"),
    "A15": ("配送が遅い", "Delivery was late"),
    "S1": ("配送が早い", "Fast"),
    "S2": (SCRIPT, SCRIPT),
}
# 2026-09: 4 promoters, 2 passives, 2 detractors (NPS 25).
PREVIOUS: list[Row] = [
    (f"P{day}", day, score, "web", "basic", "search", "4", "4", False)
    for day, score in enumerate(["10", "9", "9", "8", "7", "6", "3", "10"], start=1)
]
CONTACTS = ["A12", "A09", "A13", "A10"]

QUESTIONS: dict[Language, list[dict[str, Any]]] = {
    "ja": [
        {"column": "channel", "type": "categorical", "label": "利用チャネル"},
        {"column": "features", "type": "multi", "label": "利用した機能", "separator": ";"},
        {"column": "rating_delivery", "type": "rating", "label": "配送", "scale": [1, 5]},
        {"column": "rating_price", "type": "rating", "label": "価格", "scale": [1, 5]},
        {"column": "comment", "type": "text", "label": "スコアの理由"},
    ],
    "en": [
        {"column": "channel", "type": "categorical", "label": "Channel used"},
        {"column": "features", "type": "multi", "label": "Features used", "separator": ";"},
        {"column": "rating_delivery", "type": "rating", "label": "Delivery", "scale": [1, 5]},
        {"column": "rating_price", "type": "rating", "label": "Price", "scale": [1, 5]},
        {"column": "comment", "type": "text", "label": "Reason for the score"},
    ],
}
BREAKDOWNS: dict[Language, list[str | dict[str, str]]] = {
    "ja": ["channel", {"column": "plan", "label": "プラン"}],
    "en": ["channel", {"column": "plan", "label": "Plan"}],
}
# Section words of the English report that must not appear in a Japanese one.
ENGLISH_WORDS = [
    "Promoters",
    "Passives",
    "Detractors",
    "Responses",
    "vs previous month",
    "vs same month last year",
    "interval",
    "Evidence",
    "Answer",
    "Option",
    "Share of respondents",
    "respondents commented",
    "Mean rating",
    "Attribute",
    "Importance",
    "Quadrant",
    "Theme",
    "Voices of",
    "Response ID",
    "Comment",
    "Source file",
    "Valid answers",
    "small sample",
    "Dots show",
    "Confidence level",
    "generated",
]
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


def write_export(
    path: Path,
    lang: Language,
    rows: list[tuple[str, list[Row]]],
    *,
    comments: dict[str, tuple[str, str]] | None = None,
) -> Path:
    comments = COMMENT if comments is None else comments
    side = 0 if lang == "ja" else 1
    yes, no = ("はい", "いいえ") if lang == "ja" else ("Yes", "No")
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for month, month_rows in rows:
            for rid, day, score, *answers, ok in month_rows:
                comment = comments.get(rid, ("", ""))[side]
                date = f"{month}-{day:02d} 10:00:00"
                writer.writerow([rid, date, score, *answers, comment, yes if ok else no])
    return path


def make_unit(
    tmp_path: Path,
    lang: Language,
    rows: list[tuple[str, list[Row]]] | None = None,
    *,
    comments: dict[str, tuple[str, str]] | None = None,
) -> UnitData:
    rows = rows if rows is not None else [("2026-10", CURRENT), ("2026-09", PREVIOUS)]
    return prepare_unit(
        write_export(tmp_path / f"export_{lang}.csv", lang, rows, comments=comments),
        name="EC事業部" if lang == "ja" else "Web Shop",
        language=lang,
        period="2026-10",
        text_columns=["comment"],
    )


@dataclass
class Shown:
    """What one section returned and displayed."""

    value: Any
    outputs: list[dict[str, Any]]
    figures: list[Figure]
    stdout: str

    @property
    def html(self) -> str:
        return "\n".join(o["text/html"] for o in self.outputs if "text/html" in o)

    @property
    def text(self) -> str:
        """The displayed HTML as a reader sees it (tags gone, non-breaking spaces as spaces)."""
        soup = BeautifulSoup(self.html, "html.parser")
        return soup.get_text().replace("\u00a0", " ")

    @property
    def titles(self) -> list[str]:
        # The title sits on each figure's main (first) axes; twin axes have none.
        return [fig.axes[0].get_title(loc="left") for fig in self.figures]


@pytest.fixture
def shell() -> Iterator[InteractiveShell]:
    shell = InteractiveShell.instance()
    yield shell
    InteractiveShell.clear_instance()  # leave no global shell behind for other tests


@pytest.fixture
def show(shell: InteractiveShell) -> Callable[..., Shown]:
    def run(section: Callable[..., Any], *args: Any, **kwargs: Any) -> Shown:
        before = set(plt.get_fignums())
        with capture_output() as computing:
            result = section(*args, **kwargs)
        if not isinstance(result, sections.SectionResult):  # the summary publishes at once
            outputs = [o.data for o in computing.outputs]
            return Shown(result, outputs, [], computing.stdout)
        # computing shows nothing and leaves no figure for the inline backend to show
        assert computing.outputs == [] and computing.stdout == ""
        assert set(plt.get_fignums()) == before
        with capture_output() as captured:
            result.show()
        # Figures are shown where they stand; the other outputs are the section's HTML.
        figures = [
            o.data for o in captured.outputs if o.data.get("text/plain", "")[:7] == "<Figure"
        ]
        assert len(figures) == len(result.figures)
        outputs = [o.data for o in captured.outputs if o.data not in figures]
        return Shown(result.value, outputs, list(result.figures), captured.stdout)

    return run


@dataclass
class Report:
    """Every section of one unit, run in notebook order."""

    unit: UnitData
    analysis: FollowupAnalysis
    shown: dict[str, Shown]

    @property
    def html(self) -> str:
        return "\n".join(s.html for s in self.shown.values())


def run_report(
    show: Callable[..., Shown], unit: UnitData, lang: Language, *, min_report_n: int = 0
) -> Report:
    """Show every section; the fixture's themes have 3–5 mentions, so no floor for them unless
    ``min_report_n`` says (the floor has its own tests)."""
    shown: dict[str, Shown] = {}
    shown["title"] = show(sections.title, unit)
    shown["headline"] = show(sections.headline_section, unit, target=0.0)
    shown["distribution"] = show(sections.distribution, unit)
    shown["trend"] = show(sections.trend, unit, target=0.0)
    shown["breakdowns"] = show(sections.breakdowns, unit, BREAKDOWNS[lang])
    analysis = analyse_followups(unit, QUESTIONS[lang], min_report_n=min_report_n)
    shown["strategies"] = show(sections.strategies, unit, analysis)
    shown["followups"] = show(sections.followups, unit, analysis)
    shown["detractors"] = show(
        sections.detractors,
        unit,
        id_column="response_id",
        comment_column="comment",
        contact_column="contact_ok",
        breakdowns=BREAKDOWNS[lang],
        analysis=analysis,
        unit_id="ec",
        first=2,
    )
    shown["quality"] = show(sections.data_quality_section, unit, id_column="response_id")
    shown["method"] = show(sections.method, unit)
    shown["summary"] = show(
        sections.summary,
        unit,
        shown["headline"].value,
        shown["trend"].value,
        analysis,
        shown["detractors"].value,
        target=0.0,
    )
    return Report(unit, analysis, shown)


@pytest.fixture
def ja(tmp_path: Path, show: Callable[..., Shown]) -> Report:
    return run_report(show, make_unit(tmp_path, "ja"), "ja")


@pytest.fixture
def en(tmp_path: Path, show: Callable[..., Shown]) -> Report:
    return run_report(show, make_unit(tmp_path, "en"), "en")


# --- per section -------------------------------------------------------------------------------


def test_title(ja: Report, en: Report) -> None:
    assert ja.shown["title"].value is None
    assert "<h1>EC事業部 NPSレポート</h1>" in ja.shown["title"].html
    assert "2026年10月" in ja.shown["title"].html
    assert "<h1>Web Shop NPS report</h1>" in en.shown["title"].html
    assert "October 2026" in en.shown["title"].html


def test_headline_returns_the_headline_with_comparisons(ja: Report) -> None:
    shown = ja.shown["headline"]
    head = shown.value
    current = nps(ja.unit.current)
    assert head.period == "2026-10"
    assert (head.result.n, head.result.nps) == (14, pytest.approx(100 * (5 - 6) / 14))
    assert head.result.nps == pytest.approx(current.nps)
    assert [(c.kind, c.period) for c in head.comparisons] == [
        ("previous", "2026-09"),
        ("last_year", "2025-10"),
    ]
    previous = head.comparison("previous")
    assert previous is not None
    assert previous.result.nps == pytest.approx(25.0)
    assert previous.change.diff == pytest.approx(100 * (5 - 6) / 14 - 25.0)
    last_year = head.comparison("last_year")
    assert last_year is not None and last_year.change.verdict == "insufficient_data"
    # The headline block, a row of the two comparisons, and the segment-share chart.
    assert len(shown.outputs) == 2
    assert "−7.1" in shown.html and '回答数<span class="nps-nb">14件</span>' in shown.html
    assert "<dt>前月比</dt>" in shown.html and "前年同月比" in shown.html
    assert "2025年10月：回答なし" in shown.html  # nothing in 2025-10: no data, not hidden
    assert shown.titles == ["推奨者・中立者・批判者の構成比"]


def test_headline_with_one_comparison_shows_no_comparison_row(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    unit = make_unit(tmp_path, "en")
    shown = show(sections.headline_section, unit, comparison=["last_year"], target=None)
    assert [c.kind for c in shown.value.comparisons] == ["last_year"]
    assert len(shown.outputs) == 1
    assert "<dt>vs same month last year</dt>" in shown.html
    assert "<dt>Gap to target</dt><dd>no target<small>" in shown.html
    assert len(shown.figures) == 1


def test_distribution_and_trend(ja: Report) -> None:
    dist = ja.shown["distribution"]
    assert dist.value["score"].tolist() == list(range(11))
    assert dist.value["n"].sum() == 14
    assert dist.value.set_index("score")["n"].to_dict()[10] == 3
    assert dist.titles == ["スコア分布（2026年10月）"]
    trend = ja.shown["trend"]
    pd.testing.assert_frame_equal(trend.value, trend_table(ja.unit))
    assert trend.value["period"].tolist() == ["2026-09", "2026-10"]
    assert trend.value["n"].tolist() == [8, 14]
    assert trend.titles == ["月次NPSの推移（データのある2か月）"]  # not "12" (QA22)
    assert dist.outputs == [] and trend.outputs == []


def test_breakdowns_return_a_table_per_dimension(ja: Report) -> None:
    shown = ja.shown["breakdowns"]
    assert list(shown.value) == ["channel", "plan"]
    for column, table in shown.value.items():
        pd.testing.assert_frame_equal(table, breakdown_table(ja.unit, column))
    assert shown.value["plan"]["plan"].tolist() == ["premium", "basic"]  # best first
    assert shown.titles == ["channel別のNPS", "プラン別のNPS"]
    assert len(shown.outputs) == 1
    assert "白抜きは回答数30件未満" in shown.text


def test_breakdown_without_label_uses_the_column(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    unit = make_unit(tmp_path, "en")
    dimensions: list[Any] = [{"column": "plan", "label": None}]
    shown = show(sections.breakdowns, unit, dimensions)
    assert shown.titles == ["NPS by plan"]


def test_strategies_show_each_recommendation_with_its_evidence(ja: Report) -> None:
    shown = ja.shown["strategies"]
    assert shown.value is None
    assert ja.analysis.recommendations
    for rec in ja.analysis.recommendations:
        assert rec.evidence
        assert f'<p class="nps-rec__action">{rec.action}</p>' in shown.html
        assert rec.evidence in shown.text
    assert shown.html.count('<li class="nps-rec') == len(ja.analysis.recommendations)
    assert shown.html.count("<b>根拠</b>") == len(ja.analysis.recommendations)
    # A manager reads each segment's first action; the others wait in one fold (REPORT31).
    parts = shown.html.split('<details class="nps-recs__more">', 1)
    segments = [r.segment for r in ja.analysis.recommendations]
    assert parts[0].count('<li class="nps-rec') == len(set(segments))
    assert len(parts) == (2 if len(segments) > len(set(segments)) else 1)


def test_followups_show_every_question_in_order(ja: Report) -> None:
    shown = ja.shown["followups"]
    headings = re.findall(r"<h3>(.*?)</h3>", shown.html)
    assert headings == [
        "利用チャネル",
        "利用した機能",
        "スコアの理由",
        "評価項目の平均（セグメント別）",
        "キードライバー分析（重要度×評価）",
    ]
    # 10 valid respondents commented (A15's comment has no valid score).
    assert "回答者10人がコメント" in shown.text
    # FIX79: the ratings' scale is said under their means (3.9 out of 0–5 or of 1–5?)
    assert "平均は1〜5点の尺度の値です（パラメーターの followups.scale）。" in shown.text
    assert "（無回答）" in shown.html  # A04 and A12 chose no feature
    assert "配送（スピード・破損）" in shown.html
    # quoted under a theme: detractors who complain about it or ask to improve it
    assert "「配送（スピード・破損）」に関する批判者の不満・要望" in shown.html
    assert shown.titles == [
        "このテーマの批判者が中立者になった場合のNPS改善幅",
        "キードライバー分析（重要度×評価）",
    ]
    # The theme table names the one impact metric and its n, says which NPS covers commenters
    # only, and flags its rows (all under min_n mentions) as mentioned by few (JAREV: not
    # 「回答数少」, the badge of a group of few responses).
    for header in (
        ">このテーマの批判者が中立者になった場合のNPS改善幅（ポイント）</th>",
        ">このテーマの批判者（不満・要望、人数）</th>",
        ">このテーマに触れた批判者の割合（%）</th>",
        ">言及したコメント回答者のNPS</th>",
        ">言及しなかったコメント回答者のNPS</th>",
    ):
        assert header in shown.html.replace("<wbr>", ""), header
    assert "改善余地" not in shown.html and "批判者と推奨者を分ける言葉" not in shown.html
    assert "言及少（参考値）" in shown.html


def test_detractors_show_everyone_most_urgent_first_and_publish_the_work_table(
    ja: Report,
) -> None:
    shown = ja.shown["detractors"]
    full = followup_list(
        ja.unit,
        id_column="response_id",
        comment_column="comment",
        contact_column="contact_ok",
        breakdowns=BREAKDOWNS["ja"],
    )
    assert shown.value.rows["response_id"].tolist() == full.rows["response_id"].tolist()
    assert shown.value.rows["response_id"].tolist() == CONTACTS
    assert shown.value.consent_known
    assert "連絡を許可した批判者4人" in shown.html
    assert "連絡期限：回答から48時間以内" in shown.html  # a due date per person (QA20)
    # The first two are on the first screen, the other two behind the fold, none dropped.
    first, rest = shown.html.split('<details class="nps-followups__more"', 1)
    ids = r'data-label="回答ID">(A\d\d)</td>'
    assert re.findall(ids, first) == CONTACTS[:2]
    assert re.findall(ids, rest) == CONTACTS[2:]
    assert "<summary>残り2人を表示</summary>" in rest
    assert 'ec_followups.csv</span> と <span class="nps-nb">ec_followups.xlsx' in shown.html
    # Breakdowns under their labels (one cell, a line each), themes by label.
    assert '<span class="nps-followup__key">プラン：</span>premium</span>' in shown.html
    assert 'data-label="テーマ">配送（スピード・破損）（−）</td>' in shown.html
    published = [o[FOLLOWUPS_MIME] for o in shown.outputs if FOLLOWUPS_MIME in o]
    assert len(published) == 1
    assert published[0]["columns"] == [
        "response_id",
        "date",
        "age_days",
        "score",
        "channel",
        "プラン",  # the label, as in the report's table
        "themes",
        "comment",
        "owner",
        "status",
        "contacted_at",
        "note",
    ]
    assert [r[0] for r in published[0]["rows"]] == CONTACTS


def test_comments_are_escaped_everywhere(ja: Report, en: Report) -> None:
    for report in (ja, en):
        assert SCRIPT not in report.html
        assert "<script" not in report.html
        assert ESCAPED in report.shown["detractors"].html
        assert ESCAPED in report.shown["followups"].html  # a detractor's voice


def test_data_quality_and_method(ja: Report) -> None:
    quality = ja.shown["quality"]
    pd.testing.assert_frame_equal(quality.value, data_quality(ja.unit, id_column="response_id"))
    assert '<td class="is-text">除外：無回答</td><td class="is-text">1</td>' in quality.html
    method = ja.shown["method"]
    assert method.value is None
    assert f"nps-kit {__version__}" in method.html
    assert keep_words("信頼水準95%") in method.html
    assert "このレポートのテーマ" not in method.html  # without the analysis: nothing on themes


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_method_says_what_the_anonymity_floor_hides(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # FIX43: the method section said "hidden under 5 responses", not what a hidden group shows.
    unit = make_unit(tmp_path, lang)
    rule = t("sections.method_floor", lang, floor=5)
    assert ("人数だけ" if lang == "ja" else "shows only its size") in rule

    def text(shown: Shown) -> str:
        return BeautifulSoup(shown.html, "html.parser").get_text()

    assert rule in text(show(sections.method, unit))
    assert rule.split("5")[0] not in text(show(sections.method, unit, min_report_n=0))


@pytest.mark.parametrize(
    ("themes", "expected"),
    [
        (None, "Themes of this report: the retail pack (dictionaries, learned layer"),
        ("extends", "Themes of this report: mine.yaml, which extends the saas pack"),
        ("extends-more", "plus own words for 1 of its themes and 1 new themes"),
        ("copy", "Themes of this report: mine.yaml (dictionaries alone: the file does not extend"),
    ],
)
def test_method_says_which_themes_tagged_this_report(
    en: Report, show: Callable[..., Shown], tmp_path: Path, themes: str | None, expected: str
) -> None:
    from nps_kit.text.themes import load_themes

    path = tmp_path / "mine.yaml"
    text = {
        "extends": "version: 1\nextends: saas\nthemes: {}\n",
        "extends-more": (
            "version: 1\nextends: saas\nthemes:\n  price: {keywords: {en: [quid]}}\n"
            "  ads:\n    label: {ja: 広告, en: Ads}\n    keywords: {en: [adverts]}\n"
        ),
        # An edited copy of a pack without extends: the dictionaries alone.
        "copy": (
            "version: 1\nthemes:\n  price:\n    label: {ja: 価格, en: Price}\n"
            "    keywords: {en: [price], ja: [価格]}\n"
        ),
    }
    if themes is not None:
        path.write_text(text[themes], encoding="utf-8")
    book = load_themes(path if themes else None)
    analysis = dataclasses.replace(en.analysis, book=book)
    shown = show(sections.method, en.unit, analysis=analysis)
    assert expected in html.unescape(shown.html)


def test_summary_publishes_one_output_with_the_periods_numbers(ja: Report) -> None:
    shown = ja.shown["summary"]
    assert len(shown.outputs) == 1 and list(shown.outputs[0]) == [SUMMARY_MIME]
    assert shown.stdout == ""
    published = shown.outputs[0][SUMMARY_MIME]
    result = nps(ja.unit.current)
    assert published["period"] == "2026-10"
    for key in ("n", "nps", "ci_low", "ci_high", "pct_promoters", "pct_passives"):
        assert published[key] == pytest.approx(getattr(result, key)), key
    assert published["pct_detractors"] == pytest.approx(result.pct_detractors)
    assert published["small_sample"] is True
    assert published["target"] == 0.0
    assert published["change"]["vs"] == "2026-09"
    assert published["change"]["verdict"] == "no_change"
    trend = trend_table(ja.unit)
    assert [(t["period"], t["n"]) for t in published["trend"]] == list(
        zip(trend["period"], trend["n"], strict=True)
    )
    assert [t["nps"] for t in published["trend"]] == pytest.approx(trend["nps"].tolist())
    # Two months are too few for control limits (BROWSE36): none published, none flagged.
    assert len(trend) < CONTROL_MIN_PERIODS
    assert [t["control_low"] for t in published["trend"]] == [None] * len(trend)
    assert [t["out_of_control"] for t in published["trend"]] == [
        None if pd.isna(v) else v for v in trend["out_of_control"]
    ]
    month = trend.loc[trend["period"] == "2026-10"].iloc[0]
    assert month[["control_centre", "control_low", "control_high"]].isna().all()
    assert published["control"] == {
        "period": "2026-10",
        "centre": None,
        "low": None,
        "high": None,
        "outside": None,
    }
    assert published["detractors_to_contact"] == len(CONTACTS)
    assert published["consent_known"] is True
    assert published["contact_basis"] == "consent"  # FIX30: the e-mail words it from this
    assert published["excluded"] == {"missing": 1, "invalid": 0}
    assert published["top_themes"][0]["theme"] == "delivery"
    assert published["top_themes"][0]["label_en"] == "Delivery speed and damage"  # English pages
    assert published["top_themes"][0]["label_ja"] == published["top_themes"][0]["label"]
    # only themes some detractor complains about (QA18: "+0.0 points (0 people)" was listed)
    assert all(t["detractors"] > 0 for t in published["top_themes"])
    # the theme table's small-sample flag travels to the e-mail and overview (QA22)
    flags = ja.analysis.themes.set_index("theme")["small_sample"]
    assert [t["small_sample"] for t in published["top_themes"]] == [
        bool(flags[t["theme"]]) for t in published["top_themes"]
    ]
    assert any(t["small_sample"] for t in published["top_themes"])
    assert len(published["actions"]) == 3
    # Published once, across the whole report.
    everything = [o for s in ja.shown.values() for o in s.outputs]
    assert sum(SUMMARY_MIME in o for o in everything) == 1


def test_summary_without_analysis(show: Callable[..., Shown], ja: Report) -> None:
    shown = show(
        sections.summary,
        ja.unit,
        ja.shown["headline"].value,
        ja.shown["trend"].value,
        None,
        ja.shown["detractors"].value,
    )
    published = shown.outputs[0][SUMMARY_MIME]
    assert (published["top_themes"], published["actions"], published["target"]) == ([], [], None)


# --- language ----------------------------------------------------------------------------------


def test_japanese_unit_shows_japanese_only(ja: Report) -> None:
    html = ja.html
    for word in ("推奨者", "中立者", "批判者", "前月比", "根拠", "回答数"):
        assert word in html
    leaked = [word for word in ENGLISH_WORDS if word in html]
    assert leaked == []
    titles = [t for s in ja.shown.values() for t in s.titles]
    assert titles and all(JAPANESE.search(t) for t in titles)


def test_english_unit_shows_english_only(en: Report) -> None:
    html = en.html
    for word in ("Promoters", "Detractors", "vs previous month", "Evidence", "Responses"):
        assert word in html
    assert JAPANESE.findall(html) == []
    titles = [t for s in en.shown.values() for t in s.titles]
    assert titles and not any(JAPANESE.search(t) for t in titles)


def test_charts_are_drawn(ja: Report) -> None:
    counts = {name: len(s.figures) for name, s in ja.shown.items()}
    assert counts == {
        "title": 0,
        "headline": 1,
        "distribution": 1,
        "trend": 1,
        "breakdowns": 2,
        "strategies": 0,
        "followups": 2,  # theme impact and key drivers; typical phrases are a table
        "detractors": 0,
        "quality": 0,
        "method": 0,
        "summary": 0,
    }


# --- small and sparse units --------------------------------------------------------------------

SMALL: list[tuple[str, list[Row]]] = [
    (
        "2026-10",
        [
            ("S1", 2, "10", "web", "basic", "search", "5", "4", True),
            ("S2", 3, "3", "app", "basic", "", "1", "2", True),
            ("S3", 4, "", "web", "basic", "search", "3", "3", True),
        ],
    ),
    # Nothing in 2026-09: the previous month is empty.
    ("2026-08", [("S4", 5, "9", "web", "basic", "search", "4", "4", False)]),
]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_small_unit_runs_every_section_with_small_sample_flags(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    report = run_report(show, make_unit(tmp_path, lang, SMALL), lang)
    head = report.shown["headline"].value
    assert head.result.n == 2 and head.result.small_sample
    flag = "回答数少（参考値）" if lang == "ja" else "small sample"
    assert "nps-flag" in report.shown["headline"].html
    assert flag in report.shown["headline"].html
    assert flag in report.shown["followups"].html  # flagged answer rows
    assert SCRIPT not in report.html and ESCAPED in report.html
    # Two valid ratings per attribute: importance is undefined and so is the quadrant.
    assert report.analysis.drivers is not None
    assert report.analysis.drivers["quadrant"].isna().all()
    label = QUESTIONS[lang][2]["label"]
    no_quadrant = rf'<tr><td class="is-text">{label}</td>(<td[^>]*>[^<]*</td>){{2}}'
    no_quadrant += r'<td class="is-text is-na">—</td></tr>'
    assert re.search(no_quadrant, report.shown["followups"].html)
    published = report.shown["summary"].outputs[0][SUMMARY_MIME]
    assert published["small_sample"] is True
    assert published["n"] == 2


def test_one_rated_attribute_gets_no_key_driver_quadrants(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    # QA18: a gym's only rating ("スタッフの対応") was drawn as a quadrant chart of one item,
    # "重要度 0.822 … 平均並み": against nothing else, every attribute is average.
    one = [q for q in QUESTIONS["ja"] if q["column"] != "rating_price"]
    unit = make_unit(tmp_path, "ja")
    analysis = analyse_followups(unit, one)
    assert analysis.drivers is not None and len(analysis.drivers) == 1
    shown = show(sections.followups, unit, analysis)
    assert t("sections.drivers_title", "ja") not in shown.html
    both = show(sections.followups, unit, analyse_followups(unit, QUESTIONS["ja"]))
    assert t("sections.drivers_title", "ja") in both.html


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_theme_tables_hide_the_nps_of_themes_under_the_anonymity_floor(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # QA25: "Overall service, 1 mention, −100.0 (−100.0 to +48.5)" under a floor of 5.
    unit = make_unit(tmp_path, lang)
    floor = t("sections.theme_floor", lang, floor=5)
    shown = show(sections.followups, unit, analyse_followups(unit, QUESTIONS[lang]))
    text = BeautifulSoup(shown.html, "html.parser").get_text()
    assert floor in text
    bare = show(sections.followups, unit, analyse_followups(unit, QUESTIONS[lang], min_report_n=0))
    text = BeautifulSoup(bare.html, "html.parser").get_text()
    assert t("sections.theme_floor", lang, floor=0) not in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_theme_under_the_anonymity_floor_shows_only_its_mentions(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # FIX43: the row still showed its points gained and "this theme's detractors" (a theme of 4
    # mentions and 4 detractors is an NPS of −100), and the chart drew its gain.
    unit = make_unit(tmp_path, lang)
    analysis = analyse_followups(unit, QUESTIONS[lang])
    assert analysis.themes is not None
    hidden = analysis.themes.loc[analysis.themes["suppressed"] & analysis.themes["mentions"].gt(0)]
    assert len(hidden)
    shown = show(sections.followups, unit, analysis)
    soup = BeautifulSoup(shown.html, "html.parser")
    for theme in hidden.itertuples():
        rows = [tr for tr in soup.find_all("tr") if tr.find("td") and theme.label in tr.get_text()]
        assert rows, theme.label
        for tr in rows:
            cells = [c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])]
            assert cells[1] == str(theme.mentions)
            assert set(cells[2:]) == {"—"}, cells
        # The chart of gains leaves it out (its description names the themes it draws).
        assert f"{theme.label} (" not in soup.get_text() or lang == "ja"
        assert f"{theme.label}（" not in soup.get_text() or lang == "en"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_email_never_ranks_a_theme_under_the_anonymity_floor(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # FIX43: the e-mail's (and the overview's) top themes listed a theme of 3 mentions with
    # "+11.1 pts (2 complaining detractors)": under the floor only its size may be read.
    from nps_kit.mail.compose import compose_message
    from nps_kit.mail.units import MailOptions, MailUnit, parse_address

    report = run_report(show, make_unit(tmp_path, lang), lang, min_report_n=5)
    themes = report.analysis.themes
    assert themes is not None
    hidden = set(themes.loc[themes["suppressed"] & themes["mentions"].gt(0), "theme"])
    published = report.shown["summary"].outputs[0][SUMMARY_MIME]
    listed = {t["theme"] for t in published["top_themes"]}
    assert hidden and not hidden & listed
    html_file = tmp_path / "ec.html"
    html_file.write_text("<!DOCTYPE html><html><body>report</body></html>", encoding="utf-8")
    unit = MailUnit(
        unit="ec",
        name="EC",
        language=lang,
        status="ok",
        html=html_file,
        mail=MailOptions(to=(parse_address("team@example.com"),)),
        summary=published,
    )
    message = compose_message(unit, "2026-10", sender=parse_address("nps@example.com")).message
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    colon = "：" if lang == "ja" else ": "
    for theme in themes.loc[themes["theme"].isin(hidden)].itertuples():
        assert f"{theme.label}{colon}" not in text


def test_empty_previous_month_gives_insufficient_data(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    report = run_report(show, make_unit(tmp_path, "ja", SMALL), "ja")
    head = report.shown["headline"].value
    previous = head.comparison("previous")
    assert previous is not None
    assert (previous.period, previous.result.n) == ("2026-09", 0)
    assert previous.change.verdict == "insufficient_data"
    assert previous.change.diff is None
    # the month's line says why, once (BROWSE36: the generic note under the change said it too)
    assert "比較できるデータがありません" not in report.shown["headline"].html
    assert "2026年9月：回答なし" in report.shown["headline"].html
    change = report.shown["summary"].outputs[0][SUMMARY_MIME]["change"]
    assert change["verdict"] == "insufficient_data"
    assert change["diff"] is None


WITHOUT_TEXT_OR_RATINGS: dict[str, list[dict[str, Any]]] = {
    "none": [],
    "choices only": QUESTIONS["ja"][:2],
}


@pytest.mark.parametrize("kind", list(WITHOUT_TEXT_OR_RATINGS))
def test_followups_without_text_or_ratings(
    show: Callable[..., Shown], tmp_path: Path, kind: str
) -> None:
    unit = make_unit(tmp_path, "ja")
    questions = WITHOUT_TEXT_OR_RATINGS[kind]
    analysis = analyse_followups(unit, questions)
    shown = show(sections.followups, unit, analysis)
    assert re.findall(r"<h3>(.*?)</h3>", shown.html) == [q["label"] for q in questions]
    assert shown.figures == []
    assert "評価項目の平均" not in shown.html
    no_contacts = FollowupList(
        pd.DataFrame(), (), consent_known=False, as_of=dt.date(2026, 11, 5), id_name="response_id"
    )
    summary = show(sections.summary, unit, headline(unit), trend_table(unit), analysis, no_contacts)
    published = summary.outputs[0][SUMMARY_MIME]
    assert published["top_themes"] == []
    assert published["detractors_to_contact"] == 0
    # without themes or drivers each segment has one card: its general action
    assert [a["segment"] for a in published["actions"]] == ["detractor", "passive", "promoter"]
    assert published["consent_known"] is False
    assert published["contact_basis"] is None


def test_generation_time_is_in_the_readers_time_zone(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    unit = make_unit(tmp_path, "ja")
    shown = show(sections.method, unit)
    assert re.search(r"作成：\d{4}-\d{2}-\d{2} \d{2}:\d{2} JST", shown.text), shown.text
    english = show(sections.method, make_unit(tmp_path, "en"), timezone="America/New_York")
    assert re.search(r"generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} E[SD]T", english.text)


def test_follow_up_ages_count_to_today_in_the_units_time_zone(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    from zoneinfo import ZoneInfo

    unit = make_unit(tmp_path, "ja")
    # UTC−12 and UTC+14 are on different days at every moment: the day follows the zone
    days = {}
    for zone in ("Etc/GMT+12", "Pacific/Kiritimati"):
        before = dt.datetime.now(ZoneInfo(zone)).date()
        found = show(
            sections.detractors,
            unit,
            id_column="response_id",
            comment_column="comment",
            contact_column="contact_ok",
            timezone=zone,
        ).value
        assert found.as_of in (before, dt.datetime.now(ZoneInfo(zone)).date())
        days[zone] = found.as_of
    assert days["Pacific/Kiritimati"] > days["Etc/GMT+12"]


@pytest.mark.parametrize(
    ("lang", "marked", "note"),
    [
        (
            "ja",
            "プラン：全体より高い ▲ premium／全体より低い ▼ basic",
            "Benjamini-Hochberg法で偽発見率を5%に抑えて",
        ),
        (
            "en",
            "Plan: above the unit ▲ premium / below the unit ▼ basic",
            "hold the false discovery rate at 5% (Benjamini–Hochberg)",
        ),
    ],
)
def test_breakdowns_mark_groups_above_and_below_the_unit(
    show: Callable[..., Shown], tmp_path: Path, lang: Language, marked: str, note: str
) -> None:
    # 40 premium customers who all promote, 40 basic ones who all detract, 40 trial passives.
    rows: list[Row] = []
    for i, (plan, score) in enumerate([("premium", "10"), ("basic", "0"), ("trial", "8")] * 40):
        rows.append((f"M{i:03d}", 1 + i % 28, score, "web", plan, "", "", "", False))
    unit = make_unit(tmp_path, lang, [("2026-10", rows)])
    label = "プラン" if lang == "ja" else "Plan"
    shown = show(sections.breakdowns, unit, [{"column": "plan", "label": label}])
    table = shown.value["plan"]
    assert dict(zip(table["plan"], table["versus_unit"].fillna(""), strict=True)) == {
        "premium": "above",
        "trial": "",
        "basic": "below",
    }
    assert keep_words(html.escape(marked)) in shown.html  # words kept whole (FIX64)
    assert keep_words(note) in shown.html
    ticks = [t.get_text() for t in shown.figures[0].axes[0].get_yticklabels()]
    assert [t.split("\n")[0] for t in ticks] == ["premium ▲", "trial", "basic ▼"]


# Comments too uniform or too few to compare words (issue 9, defect 4).
DETRACTORS = ["A09", "A10", "A11", "A12", "A13", "A14"]
PROMOTERS = ["A01", "A02", "A03", "A04", "A05"]
DEGENERATE_COMMENTS: dict[str, dict[str, tuple[str, str]]] = {
    "all 満足": {rid: ("満足", "Happy") for rid, *_ in CURRENT},
    "all blank": {},
    "one comment": {"A09": ("配送が遅い", "Delivery was late")},
    "detractors only": {
        rid: ("配送が遅くて困った", "Delivery was late and slow") for rid in DETRACTORS
    },
    "one word each side": {
        **{rid: ("遅い", "late") for rid in DETRACTORS},
        **{rid: ("遅い", "late") for rid in PROMOTERS},
    },
}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("case", list(DEGENERATE_COMMENTS))
def test_text_question_with_too_little_text_says_so(
    show: Callable[..., Shown], tmp_path: Path, case: str, lang: Language
) -> None:
    unit = make_unit(tmp_path, lang, comments=DEGENERATE_COMMENTS[case])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning fails the unit in a run
        analysis = analyse_followups(unit, QUESTIONS[lang][-1:])
        shown = show(sections.followups, unit, analysis)
    phrases = analysis.questions[0].phrases
    assert phrases is not None and phrases.empty
    note = {
        "ja": "批判者と推奨者の言葉を比べるには、コメントの量や種類が足りません。",
        "en": "Not enough text to compare the words of detractors and promoters.",
    }[lang]
    assert keep_words(note) in shown.html  # a callout keeps its Japanese words whole
    assert _w_title(lang) not in shown.titles


def _w_title(lang: Language) -> str:
    return (
        "批判者と推奨者を分ける言葉"
        if lang == "ja"
        else "Words that separate detractors from promoters"
    )


def test_emoji_in_breakdown_values_and_labels_draws_without_warnings(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    # Issue 9, defect 3: "Glyph missing" for アプリ📱 failed the unit.
    from nps_kit.plot import set_theme
    from nps_kit.plot._glyphs import FONT_FAMILY
    from nps_kit.plot._png import palette_retina_png

    rows = [
        (rid, day, score, ch.replace("app", "アプリ📱"), *rest)
        for rid, day, score, ch, *rest in CURRENT
    ]
    unit = make_unit(tmp_path, "ja", [("2026-10", rows), ("2026-09", PREVIOUS)])  # type: ignore[list-item]
    with matplotlib.rc_context(), warnings.catch_warnings():
        warnings.simplefilter("error")
        set_theme()
        shown = show(sections.breakdowns, unit, [{"column": "channel", "label": "チャネル📱"}])
        assert len(shown.figures) == 1
        assert palette_retina_png(shown.figures[0]) is not None  # how the notebook shows it
        app = "アプリ📱" if {"Symbola", "Noto Emoji"} & set(FONT_FAMILY) else "アプリ□"
        labels = [t.get_text() for t in shown.figures[0].axes[0].get_yticklabels()]
        # アプリ📱 (5) is hidden so that the group under the floor cannot be worked out from
        # the total (PRIV56): its name is drawn in the chart's note, which must draw too.
        assert labels == ["web\n(6件)"]
        notes = "".join(t.get_text() for t in shown.figures[0].axes[0].texts)
        assert app in notes.replace("\n", "")
        assert shown.titles == ["チャネル📱別のNPS" if app == "アプリ📱" else "チャネル□別のNPS"]
    assert "アプリ📱" in set(shown.value["channel"]["channel"])  # only the chart replaces text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_invalid_ratings_are_counted_in_data_quality(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # Issue 9, defect 11: "very good" and 9 on a 1–5 scale were dropped without a word.
    bad = {"A01": ("very good", "4"), "A09": ("9", "0"), "A10": ("2", "6")}
    rows = [
        (rid, day, score, ch, plan, feat, *bad.get(rid, (delivery, price)), ok)
        for rid, day, score, ch, plan, feat, delivery, price, ok in CURRENT
    ]
    unit = make_unit(tmp_path, lang, [("2026-10", rows), ("2026-09", PREVIOUS)])
    analysis = analyse_followups(unit, QUESTIONS[lang])
    shown = show(sections.data_quality_section, unit, id_column="response_id", analysis=analysis)
    item, value = shown.value.iloc[-1]
    if lang == "ja":
        assert (item, value) == ("除外：評価の無効な値（尺度外・数値以外）", "配送 2, 価格 2")
    else:
        assert (item, value) == (
            "Excluded: invalid ratings (off the scale or not a number)",
            "Delivery 2, Price 2",
        )
    assert value in shown.html
    clean = make_unit(tmp_path, lang)
    table = data_quality(clean, ratings=analyse_followups(clean, QUESTIONS[lang]).ratings)
    assert table.iloc[-1]["value"] == "0"


def test_title_says_when_the_month_is_not_complete(
    ja: Report, en: Report, show: Callable[..., Shown]
) -> None:
    last = max(row[1] for row in CURRENT)
    assert last < 31  # the fixture's October ends early
    # Made on 31 October, 09:00 UTC (18:00 in Tokyo): the month is still running.
    running = dt.datetime(2026, 10, 31, 9, tzinfo=dt.UTC)
    english = show(sections.title, en.unit, now=running)
    assert (
        '<p class="nps-title__note" role="note">October 2026 is not complete: responses up to '
        f"2026-10-{last:02d}.</p>"
    ) in english.html
    assert "October 2026 · generated 2026-10-31" in english.html
    japanese = show(sections.title, ja.unit, now=running)
    assert f"2026年10月は集計途中です（2026-10-{last:02d}までの回答）。" in japanese.html
    # Made after October ended, the month is complete however early its last answer came.
    later = dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC)
    assert "nps-title__note" not in show(sections.title, en.unit, now=later).html
    # 16:00 UTC on the 31st is November in Tokyo, the Japanese report's default zone.
    late = dt.datetime(2026, 10, 31, 16, tzinfo=dt.UTC)
    assert "nps-title__note" not in show(sections.title, ja.unit, now=late).html
    assert "2026年10月・作成日：2026-11-01" in show(sections.title, ja.unit, now=late).html
    assert "nps-title__note" in show(sections.title, en.unit, now=late).html


def test_headline_of_a_month_not_over_says_month_to_date(
    en: Report, ja: Report, show: Callable[..., Shown]
) -> None:
    # QA20: mid-month (--period current) the headline read "NPS · December 2026", which a
    # manager quotes as the month's result; only the title said the month was not complete.
    running = dt.datetime(2026, 10, 31, 9, tzinfo=dt.UTC)
    english = show(sections.headline_section, en.unit, now=running)
    assert "NPS · October 2026 to date" in english.text
    shares = sections.headline_section(en.unit, now=running).tables["shares"]
    assert "October 2026 to date" in shares.iloc[0].tolist()
    assert "2026年10月（月途中）" in show(sections.headline_section, ja.unit, now=running).text
    later = dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC)
    ended = show(sections.headline_section, en.unit, now=later)
    assert "NPS · October 2026" in ended.text and "to date" not in ended.text


def test_a_comparison_month_without_responses_says_so(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    # Nothing in 2025-10: that is no data, not a group hidden for anonymity.
    for lang, empty, hidden in (
        ("ja", "2025年10月：回答なし", "非表示"),
        ("en", "October 2025: no responses", "hidden"),
    ):
        shown = show(sections.headline_section, make_unit(tmp_path, lang), target=0.0)
        assert empty in shown.text  # on its card
        # BROWSE31: not as an empty bar row under the card that says it
        assert not any("2025" in fact for fact in shown.figures[0].nps_kit_facts)  # type: ignore[attr-defined]
        shares = sections.headline_section(make_unit(tmp_path, lang), target=0.0).tables["shares"]
        assert len(shares) == 2 and bool((shares["n"] > 0).all())
        assert hidden not in shown.text
        assert not any(hidden in fact for fact in shown.figures[0].nps_kit_facts)  # type: ignore[attr-defined]


def test_headline_flags_responses_whose_date_could_not_be_read(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    for lang in ("ja", "en"):
        path = write_export(tmp_path / f"export_{lang}.csv", lang, [("2026-10", CURRENT)])
        with path.open("a", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(
                [
                    ["U1", "10月5日", "9", "web", "basic", "", "4", "4", "", "いいえ"],
                    ["U2", "先週", "3", "web", "basic", "", "4", "4", "", "いいえ"],
                    ["U3", "先週", "0", "web", "basic", "", "4", "4", "", "いいえ"],
                ]
            )
        unit = prepare_unit(path, name="EC", language=lang, period="2026-10")
        shown = show(sections.headline_section, unit, target=0.0)
        flag = BeautifulSoup(shown.html, "html.parser").select_one(".nps-flag")
        assert flag is not None
        if lang == "ja":
            assert flag.get_text() == (
                "読み取れない日付「submitted_at」の日付を読み取れない回答が3件あります（例：「10月5日」、"
                "「先週」）。これらの回答はどの期間にも入らず、月別など期間ごとの集計から除かれています。"
                "エクスポートのセルを読める形式（2026-10-03、2026/10/03、2026年10月3日、令和8年10月3日、"
                "R8.10.3など）に直すか、date_format（--date-format）にstrftimeの書式（'%d.%m.%Y'など）を"
                "設定してください。"
            )
        else:
            assert flag.get_text() == (
                "Unreadable dates3 responses have a date in column 'submitted_at' that could not "
                "be read, such as '10月5日', '先週'. A response without a readable date belongs "
                "to no period and is left out of every period's figures. Write these cells in a "
                "form nps-kit reads "
                "(2026-10-03, 2026/10/03, 2026年10月3日, 令和8年10月3日, R8.10.3), or give "
                "date_format (--date-format) a strftime pattern such as '%d.%m.%Y'."
            )
        assert shown.value.result.n == 14  # the period's NPS is of the dated responses
        summary = show(sections.summary, unit, shown.value)
        assert summary.value.unreadable_dates.to_json() == {
            "column": "submitted_at",
            "count": 3,
            "examples": ["10月5日", "先週"],
        }
    clean = make_unit(tmp_path, "en")
    assert "Unreadable dates" not in show(sections.headline_section, clean, target=0.0).html


# --- results and the page ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Hatched bars are months of fewer than 5 responses"),
        ("ja", "斜線の棒は回答5件未満の月で"),
    ],
)
def test_the_trend_explains_hatched_months_when_it_has_one(
    tmp_path: Path, lang: Language, sentence: str
) -> None:
    # BROWSE30: the section's text explained hollow months but not the hatched bar of a month
    # under the anonymity floor (months of 2, 30, 3 and 40 responses).
    from _exports import write_months

    unit = prepare_unit(
        write_months(tmp_path / "export.csv"),
        name="Leeds",
        language=lang,
        score_column="score",
        date_column="submitted_at",
        period="2026-10",
    )
    parts = sections.trend(unit, min_report_n=5).parts[1:]
    said = re.sub(r"<[^>]+>", "", " ".join(str(p.data) for p in parts)).replace("\xa0", " ")
    assert sentence in said
    # a unit whose every month is over the floor is not told about hatched bars
    shown = sections.trend(unit, min_report_n=2)
    assert not any(sentence[:12] in str(p.data) for p in shown.parts[1:])


def test_a_result_can_be_restyled_before_it_is_shown(
    shell: InteractiveShell, tmp_path: Path
) -> None:
    unit = make_unit(tmp_path, "en")
    trend = sections.trend(unit, target=0.0)
    assert trend.name == "trend" and trend.figure is trend.figures[0]
    pd.testing.assert_frame_equal(trend.tables["trend"], trend_table(unit))
    trend.ax.set_title("Our NPS", loc="left")
    with capture_output() as captured:
        sections.show(trend)
    assert len(captured.outputs) == 1
    assert trend.figure.axes[0].get_title(loc="left") == "Our NPS"
    groups = sections.breakdowns(unit, BREAKDOWNS["en"])
    with pytest.raises(ValueError) as err:
        _ = groups.figure
    assert str(err.value) == (
        "the breakdowns section has 2 figures, not one; pick one from .figures (0 to 1)"
    )
    with pytest.raises(ValueError) as err:
        _ = sections.method(unit).figure
    assert str(err.value) == "the method section has no figure"
    strategies = sections.strategies(unit, analyse_followups(unit, QUESTIONS["en"]))
    assert list(strategies.tables["recommendations"].columns) == ["segment", "action", "evidence"]


def test_a_cell_ending_with_a_result_shows_it(shell: InteractiveShell, tmp_path: Path) -> None:
    shell.user_ns["sections"] = sections
    shell.user_ns["u"] = make_unit(tmp_path, "en")
    with capture_output() as captured:
        shell.run_cell("sections.method(u)")
    # Each part once: the anonymity floor's rule (FIX43), then the facts with the version.
    assert ["nps-kit" in o.data.get("text/html", "") for o in captured.outputs] == [False, True]


def test_the_page_summary_leaves_out_what_was_not_shown(
    shell: InteractiveShell, tmp_path: Path
) -> None:
    unit = make_unit(tmp_path, "ja")
    analysis = analyse_followups(unit, QUESTIONS["ja"], min_report_n=0)  # themes of 3–4 mentions
    page = sections.Page(unit)
    with pytest.raises(ValueError) as err:
        page.summary(analysis)
    assert str(err.value) == (
        "the run summary needs the headline section: show it with "
        "page.show(sections.headline_section(...)) before page.summary()"
    )
    with capture_output() as captured:
        page.show(sections.headline_section(unit), sections.followups(unit, analysis))
        published = page.summary(analysis, target=0.0)
    assert page.names() == ["headline", "followups"] and "trend" not in page
    assert published.nps == pytest.approx(100 * (5 - 6) / 14)
    assert published.top_themes and published.top_themes[0].theme == "delivery"
    assert (published.trend, published.control, published.actions) == ((), None, ())
    assert (published.detractors_to_contact, published.consent_known) == (None, None)
    assert sum(SUMMARY_MIME in o.data for o in captured.outputs) == 1
    assert not any(FOLLOWUPS_MIME in o.data for o in captured.outputs)  # no work file either


def test_a_month_not_complete_yet_is_published_for_the_overview(
    shell: InteractiveShell, tmp_path: Path
) -> None:
    # The report is made on 20 October (Tokyo), before its month ends: the title says so, and
    # its value, the last answer's date, reaches the summary the overview reads.
    unit = make_unit(tmp_path, "ja")
    page = sections.Page(unit)
    during = dt.datetime(2026, 10, 31, 12, tzinfo=ZoneInfo("Asia/Tokyo"))
    with capture_output():
        title = sections.title(unit, now=during)
        page.show(title, sections.headline_section(unit))
        published = page.summary()
    last = unit.current["nps_date"].max()
    assert title.value == last and "集計途中です" in title.html
    assert published.incomplete_through == f"{last:%Y-%m-%d}"
    after = dt.datetime(2026, 11, 1, 0, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert sections.title(unit, now=after).value is None


def _clinic(tmp_path: Path, rows: list[tuple[str, str, int]]) -> Any:
    """A small clinic's October 2026 unit from (month, age group, score) rows."""
    path = tmp_path / "clinic.csv"
    pd.DataFrame(
        {
            "response_id": [f"R{i}" for i in range(len(rows))],
            "submitted_at": [f"{m}-10" for m, _, _ in rows],
            "score": [s for _, _, s in rows],
            "age": [a for _, a, _ in rows],
        }
    ).to_csv(path, index=False)
    return prepare_unit(path, name="川口院", language="ja", period="2026-10")


def test_what_moved_never_names_a_group_the_breakdowns_hide(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    # A clinic of 10: 50代 goes from 10 answers to 2 and 20代 has 3 — the breakdown hides both
    # (fewer than 5), so "what moved" names neither, and the summary (e-mail) neither.
    rows = [("2026-09", "40代", 9)] * 10 + [("2026-09", "50代", 9)] * 10
    rows += [("2026-10", "40代", 9)] * 2 + [("2026-10", "40代", 0)] * 3
    rows += [("2026-10", "50代", 0)] * 2
    rows += [("2026-10", "20代", 0)] * 3
    unit = _clinic(tmp_path, rows)
    head = show(sections.headline_section, unit, comparison=["previous"], target=None)
    dims = [{"column": "age", "label": "年代"}]
    breakdown = show(sections.breakdowns, unit, dims).value["age"]
    hidden = set(breakdown["age"].loc[breakdown["suppressed"]].astype(str))
    assert hidden == {"20代", "50代"}
    movers = show(sections.change_drivers, unit, head.value, dims)
    (record,) = movers.value
    named = {item["group"] for item in record["items"]} - {None}
    assert named == {"40代"}
    assert record["min_report_n"] == 5  # the floor its names were checked against (send reads it)
    assert not any(name in movers.text for name in hidden)
    assert "その他のグループ（匿名性のため非表示のグループを含む）" in movers.text
    # with no floor the same data names them: the floor is what keeps them out
    bare = show(sections.change_drivers, unit, head.value, dims, min_report_n=0)
    assert {i["group"] for i in bare.value[0]["items"]} & hidden
    assert bare.value[0]["min_report_n"] == 0
    summary = show(sections.summary, unit, head.value, contributors=movers.value).value
    from nps_kit.decompose import contributors_text

    mail_lines = [contributors_text(r, "ja") for r in summary.contributors]
    assert mail_lines and not any(name in line for line in mail_lines for name in hidden)


def test_what_moved_is_withheld_when_every_group_is_hidden(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    rows = [("2026-09", "40代", 9)] * 10 + [("2026-09", "50代", 9)] * 10
    rows += [("2026-10", "40代", 0)] * 3 + [("2026-10", "50代", 0)] * 4
    unit = _clinic(tmp_path, rows)
    head = show(sections.headline_section, unit, comparison=["previous"], target=None)
    movers = show(sections.change_drivers, unit, head.value, [{"column": "age", "label": "年代"}])
    (record,) = movers.value
    assert record["items"] == []
    assert "40代" not in movers.text and "50代" not in movers.text
    assert "どのグループも回答数が少なく匿名性のため示しません" in movers.text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_comments_quoted_under_a_theme_complain_about_it(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # The probe: "The broadband is fast but the billing is a mess" was quoted under
    # "Detractors on 'Quality'" although it praises quality. A14 (6) praises delivery.
    praise = ("配送は早いけど、価格が高すぎる", "Delivery was quick but the price is a rip-off")
    # Two detractors mention delivery: the old rule quoted both (up to two per theme).
    comments = {"A09": ("配送が遅い", "Delivery was late"), "A14": praise}
    unit = make_unit(tmp_path, lang, comments=comments)
    # Two commenters: no floor here (under it nobody is quoted under a theme, FIX43).
    analysis = analyse_followups(unit, QUESTIONS[lang][-1:], min_report_n=0)
    (result,) = analysis.questions
    assert result.polarity is not None
    assert result.polarity.loc[unit.current["response_id"] == "A14", "delivery"].tolist() == [
        "positive"
    ]
    shown = show(sections.followups, unit, analysis)
    label = result.table.set_index("theme").loc["delivery", "label"]
    heading = _escape(_w("theme_voices", lang, theme=label))
    assert heading in shown.html
    quoted = shown.html.split(heading, 1)[1].split("</ul>", 1)[0]
    assert comments["A09"][lang == "en"] in quoted
    assert praise[lang == "en"] not in quoted


def test_the_demo_cloud_unit_reads_its_improvement_answers_as_requests(
    show: Callable[..., Shown],
) -> None:
    from nps_kit.params import load_all, notebook_parameters, resolve_period

    root = Path(__file__).resolve().parents[1]
    params = load_all(root / "parameters", units=["cloud"]).units["cloud"]
    p = notebook_parameters(params, period=resolve_period(params))
    assert {q["column"]: q["asks"] for q in p["followups"] if q["type"] == "text"} == {
        "comment": None,
        "improvement": "improvement",
    }
    unit = prepare_unit(
        p["data_path"],
        name=p["unit_name"],
        language=p["language"],
        unit_column=p["filter_column"],
        unit_values=p["filter_values"],
        score_column=p["score_column"],
        date_column=p["date_column"],
        text_columns=["comment", "improvement"],
        period=p["period"],
    )
    analysis = analyse_followups(
        unit,
        p["followups"],
        themes_path=Path(p["themes_path"]),
        playbook_path=Path(p["playbook_path"]),
    )
    asked = unit.current["improvement"].astype("string").eq("Cheaper plans for small teams.")
    assert asked.fillna(False).sum() >= 2
    # Read as a request in the question's own table and in every respondent's themes (the
    # call-back list), never as staff (the customer's own team). Beside the reason question
    # the strategies and the mail rank reasons and list these requests apart (QA22).
    improvement = analysis.questions[-1]
    assert improvement.polarity is not None and analysis.polarity is not None
    mine = improvement.polarity.loc[asked.fillna(False).to_numpy()]
    assert mine.dropna(axis=1, how="all").columns.tolist() == ["price"]
    assert set(mine["price"]) == {"negative"}
    callback = show(
        sections.detractors,
        unit,
        id_column=p["id_column"],
        comment_column=p["comment_column"],
        contact_column=p["contact_column"],
        analysis=analysis,
    ).value.rows
    listed = callback.loc[
        callback["response_id"].isin(unit.current.loc[asked.fillna(False), "response_id"])
    ]
    # The unit is a software business on the saas pack (parameters/cloud.yaml).
    # Named with the question it came from: the card shows the reason, not this answer (QA18).
    assert (
        len(listed)
        and listed["themes"].str.contains(r"What to improve: Pricing and plans \(−\)").all()
    )
    assert not listed["themes"].str.contains("Staff").any()
    shown = show(sections.followups, unit, analysis)
    assert (
        "This question asks what to improve: a theme mentioned here counts as a request "
        "(negative) unless the answer clearly praises it. The actions and the e-mail rank themes "
        "by the reasons people gave for their score and list these requests separately."
        in shown.text
    )
    assert analysis.scope == "reasons"
    # FIX30: a report without the strategies section shows no actions; the note says what
    # the report and the e-mail do show.
    bare = show(sections.followups, unit, analysis, strategies=False)
    assert "actions" not in bare.text
    assert (
        "The e-mail ranks themes by the reasons people gave for their score and lists these "
        "requests separately." in bare.text
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("case", "said"), [("all 満足", False), ("detractors only", True)])
def test_improvement_answers_say_they_were_read_as_requests_only_when_a_theme_is_mentioned(
    show: Callable[..., Shown], tmp_path: Path, case: str, said: bool, lang: Language
) -> None:
    # A Google Forms export whose "what to improve" answers name no theme of the pack showed the
    # callout "a theme mentioned here counts as a request" over an empty theme table.
    unit = make_unit(tmp_path, lang, comments=DEGENERATE_COMMENTS[case])
    question = {**QUESTIONS[lang][-1], "asks": "improvement"}
    analysis = analyse_followups(unit, [question])
    assert bool(analysis.questions[0].table["mentions"].sum() > 0) is said
    shown = show(sections.followups, unit, analysis)
    callout = keep_words(nobreak(_escape(_w("asks_improvement", lang))))
    assert (callout in shown.html) is said


@pytest.mark.parametrize(
    ("pack", "expected"),
    [
        ("generic", "このレポートのテーマ：テーマパック「汎用」（辞書・学習済みの層・評価の補正）"),
        ("retail", "このレポートのテーマ：テーマパック「小売」（辞書・学習済みの層・評価の補正）"),
    ],
)
def test_a_japanese_report_names_the_theme_pack_in_japanese(pack: str, expected: str) -> None:
    # QA21: the method section of a Japanese report said テーマパック「generic」.
    from nps_kit.sections import themes_used
    from nps_kit.text import load_pack

    assert themes_used(load_pack(pack), "ja") == expected
    assert themes_used(load_pack(pack), "en").startswith(f"Themes of this report: the {pack} pack")


def test_the_method_says_a_pack_without_learned_layers_is_read_by_its_rules(
    tmp_path: Path,
) -> None:
    # FOOD57: the food pack has no learned layer nor polarity correction (no labelled sets to
    # train on yet); a report claiming them would overstate how its themes were read.
    from nps_kit.sections import themes_used
    from nps_kit.text import load_pack, load_themes

    assert themes_used(load_pack("food"), "ja") == (
        "このレポートのテーマ：テーマパック「飲食」（辞書とルールのみ。このパックには学習済みの層と"
        "評価の補正がまだありません）"
    )
    assert themes_used(load_pack("food"), "en") == (
        "Themes of this report: the food service pack (dictionaries and rules alone: no learned "
        "layer or polarity correction is trained for this pack yet)"
    )
    extends = tmp_path / "themes.yaml"
    extends.write_text("version: 1\nextends: food\nthemes: {}\n", encoding="utf-8")
    assert themes_used(load_themes(extends), "en") == (
        "Themes of this report: themes.yaml, which extends the food service pack (its "
        "dictionaries and rules alone, no learned layer or polarity correction yet; no words of "
        "its own yet)"
    )
    extends.write_text(
        "version: 1\nextends: food\nthemes:\n  food: {keywords: {en: [poutine]}}\n",
        encoding="utf-8",
    )
    assert themes_used(load_themes(extends), "en") == (
        "Themes of this report: themes.yaml, which extends the food service pack (its "
        "dictionaries and rules alone, plus own words for 1 of its themes and 0 new themes)"
    )


def test_the_method_names_the_logistics_pack_read_by_its_rules() -> None:
    # LOG76: no learned layer nor polarity correction is trained for the logistics pack.
    from nps_kit.sections import themes_used
    from nps_kit.text import load_pack

    assert themes_used(load_pack("logistics"), "ja") == (
        "このレポートのテーマ：テーマパック「物流」（辞書とルールのみ。このパックには学習済みの層と"
        "評価の補正がまだありません）"
    )
    assert themes_used(load_pack("logistics"), "en") == (
        "Themes of this report: the logistics pack (dictionaries and rules alone: no learned "
        "layer or polarity correction is trained for this pack yet)"
    )


def test_a_segment_without_respondents_gives_the_summary_no_action(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    # QA26 #21: the e-mail numbered "1. No detractors this period, so no advice is given for
    # this segment." as its first recommended action.
    from nps_kit.strategy import Recommendation

    unit = make_unit(tmp_path, "en")
    analysis = analyse_followups(unit, [])
    none = Recommendation(
        "detractor",
        "general",
        "no_data",
        "No detractors this period, so no advice is given for this segment.",
        "0 detractors of 40 responses",
        1,
    )
    analysis = dataclasses.replace(analysis, recommendations=(none, *analysis.recommendations[1:]))
    no_contacts = FollowupList(
        pd.DataFrame(), (), consent_known=False, as_of=dt.date(2026, 11, 5), id_name="response_id"
    )
    summary = show(sections.summary, unit, headline(unit), trend_table(unit), analysis, no_contacts)
    published = summary.outputs[0][SUMMARY_MIME]
    assert [a["segment"] for a in published["actions"]] == ["passive", "promoter"]
    assert not any("no advice" in a["text"] for a in published["actions"])


def test_detractors_none_of_whom_allowed_contact_get_no_call_back_action(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    # QA26 #21 (hospital 小児科): the playbook's "assign an owner to each detractor of the
    # follow-up list, check consent and call" was the strategy and the e-mail's action 1,
    # pointing to an empty list. The report says why nobody is to be called; the summary
    # numbers no such action and counts who said no.
    nobody = [(*row[:-1], row[-1] and int(row[2] or 10) > 6) for row in CURRENT]
    unit = make_unit(tmp_path, "en", [("2026-10", nobody), ("2026-09", PREVIOUS)])
    analysis = analyse_followups(unit, QUESTIONS["en"])
    calls = [r for r in analysis.recommendations if r.segment == "detractor"]
    assert calls and calls[0].source == "general"  # the playbook's call-back action
    plain = sections.strategies(unit, analysis).tables["recommendations"]
    assert plain["action"].tolist()[0] == calls[0].action  # without the consent column: as was
    table = sections.strategies(unit, analysis, contact_column="contact_ok")
    detractor = table.tables["recommendations"].query("segment == 'detractor'")
    assert detractor["action"].tolist()[0] == (
        "No detractor allowed contact, so there is no one to call back: the detractors' "
        "comments and themes in this report say what to improve"
    )
    listed = show(
        sections.detractors,
        unit,
        id_column="response_id",
        comment_column="comment",
        contact_column="contact_ok",
        analysis=analysis,
    )
    assert listed.value.nobody_to_call and listed.value.declined == 6
    assert "the 6 detractors of this period said no, so there is no one to call back" in (
        listed.text
    )
    summary = show(
        sections.summary, unit, headline(unit), trend_table(unit), analysis, listed.value
    )
    published = summary.outputs[0][SUMMARY_MIME]
    assert "detractor" not in [a["segment"] for a in published["actions"]]
    assert published["detractors_not_listed"] == 6 and published["detractors_to_contact"] == 0
    # Someone to call: the action stays, nobody is counted as not listed.
    unit = make_unit(tmp_path, "en")
    analysis = analyse_followups(unit, QUESTIONS["en"])
    table = sections.strategies(unit, analysis, contact_column="contact_ok")
    first = table.tables["recommendations"].query("segment == 'detractor'")
    assert first["action"].tolist()[0] == calls[0].action


def test_an_anonymous_form_publishes_nobody_to_call_back(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    # QA44: a Google Form (no id, no consent, no contact field) mailed "7 detractors awaiting
    # follow-up" beside the playbook's call-back action, with nothing to call anyone by.
    unit = make_unit(tmp_path, "en")
    analysis = analyse_followups(unit, QUESTIONS["en"])
    listed = show(
        sections.detractors, unit, id_column=None, comment_column="comment", contact_column=None
    )
    assert listed.value.anonymous and len(listed.value) > 0
    summary = show(
        sections.summary, unit, headline(unit), trend_table(unit), analysis, listed.value
    )
    published = summary.outputs[0][SUMMARY_MIME]
    assert published["contact_basis"] == "anonymous"
    assert published["detractors_to_contact"] == len(listed.value)
    assert "detractor" not in [a["segment"] for a in published["actions"]]
    # With an id the team can look people up: the list is no longer anonymous.
    with_id = show(
        sections.detractors,
        unit,
        id_column="response_id",
        comment_column="comment",
        contact_column=None,
    )
    assert not with_id.value.anonymous


ANONYMOUS_ACTION = {
    "ja": "フォームに回答ID・連絡の同意・連絡先がないため、個別に連絡できる方はいません。"
    "批判者のコメントとテーマから改善点を確かめてください。折り返し連絡するには、"
    "フォームに連絡の同意の設問と、電話番号またはメールアドレスの欄を加えてください",
    "en": "The form keeps no response id, consent or contact details, so there is no one to "
    "call back: the detractors' comments and themes in this report say what to improve. To "
    "call detractors back, add a consent question and a phone or e-mail field to the form",
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_anonymous_form_s_strategies_call_nobody_back(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # QA44 (dental Google Form): the e-mail dropped the playbook's call-back action, but the
    # report's strategy card still told the team to call detractors back, with nothing to call
    # them by. The card follows the same rule (FollowupList.anonymous).
    unit = make_unit(tmp_path, lang)
    analysis = analyse_followups(unit, QUESTIONS[lang])
    calls = [r for r in analysis.recommendations if r.segment == "detractor"]
    assert calls and calls[0].source == "general"  # the playbook's call-back action
    shown = show(sections.strategies, unit, analysis, id_column=None)
    table = sections.strategies(unit, analysis, id_column=None).tables["recommendations"]
    actions = table.query("segment == 'detractor'")["action"]
    assert actions.tolist()[0] == ANONYMOUS_ACTION[lang]
    assert calls[0].action not in actions.tolist()
    assert ANONYMOUS_ACTION[lang] in html.unescape(shown.html)
    assert calls[0].action not in html.unescape(shown.html)
    # With an id column the team can look people up: the playbook's action stays; an older
    # notebook that does not pass id_column keeps it too (its outdated-line warning says so).
    for kept in (
        sections.strategies(unit, analysis, id_column="response_id"),
        sections.strategies(unit, analysis),
    ):
        detractor = kept.tables["recommendations"].query("segment == 'detractor'")
        assert detractor["action"].tolist()[0] == calls[0].action


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_empty_theme_chart_when_the_floor_hides_every_gain(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # QA28 #10a: for 3 comments a full-height chart "NPS points gained…" showed only "no
    # data". Under the floor no chart is drawn; one line says why.
    unit = make_unit(tmp_path, lang, SMALL)
    shown = show(sections.followups, unit, analyse_followups(unit, QUESTIONS[lang]))
    assert label("impact", lang) not in shown.titles
    text = BeautifulSoup(shown.html, "html.parser").get_text()
    assert t("sections.impact_hidden", lang, floor=5) in text
    bare = show(sections.followups, unit, analyse_followups(unit, QUESTIONS[lang], min_report_n=0))
    bare_text = BeautifulSoup(bare.html, "html.parser").get_text()
    assert t("sections.impact_hidden", lang, floor=0) not in bare_text
    # Shown, but no detractor complains about a theme (S2's comment is a script): no chart of
    # zero bars either (BROWSE32 e), one line says why.
    assert label("impact", lang) not in bare.titles
    assert t("sections.impact_none", lang) in bare_text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_theme_chart_draws_no_bar_for_a_theme_no_detractor_complains_about(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # BROWSE32 e: the chart drew "Staff (0 complaining detractors) 0.0", an empty bar. Only
    # promoters mention staff here: the table lists it, the chart leaves it out.
    staff = ("スタッフがとても親切", "The staff were really friendly")
    comments = {**COMMENT, "A03": staff, "A05": staff}
    unit = make_unit(tmp_path, lang, comments=comments)
    analysis = analyse_followups(unit, QUESTIONS[lang], min_report_n=0)
    themes = analysis.themes.set_index("theme")
    assert themes.loc["staff", "mentions"] == 2 and themes.loc["staff", "detractors"] == 0
    assert themes.loc["delivery", "detractors"] > 0
    shown = show(sections.followups, unit, analysis)
    assert label("impact", lang) in shown.titles
    (chart,) = [
        f for f in shown.figures if f.axes[0].get_title(loc="left") == label("impact", lang)
    ]
    drawn = " ".join(x.get_text() for x in chart.findobj(Text))
    staff_label, delivery_label = themes.loc["staff", "label"], themes.loc["delivery", "label"]
    assert delivery_label in drawn and staff_label not in drawn
    assert staff_label in BeautifulSoup(shown.html, "html.parser").get_text()  # the table's row


def test_what_moved_says_nothing_against_a_month_under_the_floor(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    # BROWSE30: September had 3 answers (under the floor of 5), so the headline showed no
    # change against it, yet "What moved the +20.0 pts vs previous month" told it: October's
    # NPS minus 20 is September's score. A change the headline hides has no "what moved".
    rows = [("2026-09", "40代", 9), ("2026-09", "50代", 0), ("2026-09", "50代", 7)]
    rows += [("2026-10", "40代", 9)] * 12 + [("2026-10", "50代", 0)] * 8
    unit = _clinic(tmp_path, rows)
    head = show(
        sections.headline_section, unit, comparison=["previous"], target=None, min_report_n=5
    )
    assert "前月比+" not in head.text  # the card says there is nothing to compare with
    # ... and says why the card is missing (BROWSE30: only the trend's caption said it)
    assert "前月比：2026年9月（回答3件：5件未満のため非表示）" in head.text
    # ... in the words the trend chart's note says it in (one formatter: i18n.hidden_month)
    trend = show(sections.trend, unit, min_report_n=5)
    # (a line of its own: October's n=20 adds why it has no control limits, FIX73)
    notes = [
        x for fig in trend.figures for t in fig.axes[0].texts for x in t.get_text().split("\n")
    ]
    assert "2026年9月（回答3件：5件未満のため非表示）" in notes
    # The headline's value carries no change against it: the manifest's summary published
    # September's NPS and the change against it (BROWSE30), as would every later reader.
    assert head.value.comparisons == ()
    assert sections.summary(unit, head.value).changes == ()
    dims = [{"column": "age", "label": "年代"}]
    movers = show(sections.change_drivers, unit, head.value, dims)
    assert movers.value == [] and "前月比" not in movers.text
    # with no floor the same month is compared and what moved it is said
    whole = show(
        sections.headline_section, unit, comparison=["previous"], target=None, min_report_n=0
    )
    assert "前月比：2026年9月" not in whole.text
    assert sections.summary(unit, whole.value).changes[0].vs == "2026-09"
    bare = show(sections.change_drivers, unit, whole.value, dims, min_report_n=0)
    assert bare.value and bare.value[0]["vs"] == "2026-09"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_unit_under_the_floor_shows_only_its_n_in_the_headline(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # QA28 #5: the headline of a unit of 3 responses showed its NPS and shares while the
    # overview showed only its n. The floor is one rule: only n, no cards, no shares chart.
    unit = make_unit(tmp_path, lang, SMALL)
    shown = show(sections.headline_section, unit, min_report_n=5)
    text = BeautifulSoup(shown.html, "html.parser").get_text().replace("\xa0", " ")
    n = int(unit.current["nps_status"].eq("valid").sum())
    assert t("overview.under_floor", lang, n=n, min_n=5) in text
    assert shown.figures == []
    assert label("promoters", lang) not in text
    bare = show(sections.headline_section, unit, min_report_n=0)
    assert t("overview.under_floor", lang, n=n, min_n=0) not in bare.html
    assert len(bare.figures) == 1


@pytest.mark.parametrize(
    ("lang", "why_second"),
    [
        ("ja", "非表示（回答数不足のグループを合計から割り出せないように）：50代"),
        (
            "en",
            "Hidden so that the groups with too few responses cannot be worked out from the "
            "total: 50代",
        ),
    ],
)
def test_breakdown_hides_a_second_group_so_the_first_is_not_the_total_minus_the_rest(
    show: Callable[..., Shown], tmp_path: Path, lang: Language, why_second: str
) -> None:
    # PRIV56: 40代 20, 50代 15, 20代 3 in October. The headline shows the clinic's promoters and
    # detractors; with 20代 alone hidden, its mix was the total minus 40代 and 50代.
    rows = [("2026-10", "40代", 10)] * 12 + [("2026-10", "40代", 0)] * 8
    rows += [("2026-10", "50代", 9)] * 10 + [("2026-10", "50代", 3)] * 5
    rows += [("2026-10", "20代", 0)] * 3
    unit = _clinic(tmp_path, rows)
    unit = dataclasses.replace(unit, language=lang)
    shown = show(sections.breakdowns, unit, [{"column": "age", "label": "年代"}])
    table = shown.value["age"].set_index("age")
    assert table["suppressed"].to_dict() == {"40代": False, "50代": True, "20代": True}
    assert table["complementary"].to_dict() == {"40代": False, "50代": True, "20代": False}
    assert table.loc["50代", "n"] == 15 and table.loc["50代", "nps"] != table.loc["50代", "nps"]
    notes = [t.get_text() for fig in shown.figures for ax in fig.axes for t in ax.texts]
    why_first = "非表示（回答数不足）：20代" if lang == "ja" else "Hidden (too few responses): 20代"
    assert any(why_first in note and why_second in note for note in notes), notes


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "NPS by Hospital: all {n} responses this month are Royal Harbour."),
        ("ja", "病院別のNPS：今月の回答{n}件はすべて「Royal Harbour」です。"),
    ],
)
def test_a_breakdown_of_one_group_is_one_line_not_a_chart(
    tmp_path: Path, show: Callable[..., Shown], lang: Language, said: str
) -> None:
    # QA29 F11: "Hospital" held one value in a unit's month and drew a full chart.
    unit = make_unit(tmp_path, lang)
    unit = dataclasses.replace(unit, responses=unit.responses.assign(hospital="Royal Harbour"))
    label_ = "病院" if lang == "ja" else "Hospital"
    dims = [*BREAKDOWNS[lang], {"column": "hospital", "label": label_}]
    shown = show(sections.breakdowns, unit, dims)
    assert len(shown.figures) == len(BREAKDOWNS[lang])  # the other two still have theirs
    scored = int((unit.current["nps_status"] == "valid").sum())  # the breakdown's n
    assert said.format(n=f"{scored:,}") in shown.text
    assert list(shown.value["hospital"]["hospital"]) == ["Royal Harbour"]  # the table stays
    alone = show(sections.breakdowns, unit, dims[-1:])
    assert alone.figures == []
    # No chart, so no note on the charts' dots (QA29: every ward's breakdowns were one group).
    assert alone.text.strip() == said.format(n=f"{scored:,}")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "NPS by Status: no group is shown this month, to keep respondents anonymous "
            "(groups under 5 responses, and those whose figures the total would reveal: "
            "Completed, Partial).",
        ),
        (
            "ja",
            "ステータス別のNPS：匿名性のため、今月はどのグループも示しません（回答5件未満の"
            "グループと、合計から数値が割り出せてしまうグループ：Completed、Partial）。",
        ),
    ],
)
def test_a_breakdown_whose_every_group_is_hidden_is_one_line_not_an_empty_chart(
    tmp_path: Path, show: Callable[..., Shown], lang: Language, said: str
) -> None:
    # QA30 F10: Köln-Süd's "NPS by Status" was a 300 px frame reading "no data": Partial had 3
    # responses, so Completed (the total minus Partial) was hidden too.
    unit = make_unit(tmp_path, lang)
    current = unit.responses["nps_date"].dt.strftime("%Y-%m") == unit.period
    partial = current & (current.cumsum() <= 3)
    status = pd.Series("Completed", index=unit.responses.index).where(~partial, "Partial")
    unit = dataclasses.replace(unit, responses=unit.responses.assign(status=status))
    label_ = "ステータス" if lang == "ja" else "Status"
    shown = show(sections.breakdowns, unit, [{"column": "status", "label": label_}])
    assert bool(shown.value["status"]["suppressed"].all())  # the table stays, all hidden
    assert shown.figures == []
    assert shown.text.strip() == said


def test_every_theme_mentioned_is_in_the_table_the_first_few_in_view(
    show: Callable[..., Shown],
) -> None:
    # REPORT31: the theme table stopped at 8 themes (a pack has 20-odd) and took three phone
    # screens as cards. Every theme mentioned is a row now; the first TABLE_SHOWN are in view,
    # the others in a fold, in their order. The chart keeps the top 8.
    unit = prepare_unit(
        Path(__file__).resolve().parent.parent / "data" / "demo_responses.csv.gz",
        name="店舗事業部",
        language="ja",
        unit_column="business_unit",
        unit_values=["店舗事業部"],
        period="2026-10",
        text_columns=["comment"],
    )
    question = {"column": "comment", "type": "text", "label": "スコアの理由"}
    analysis = analyse_followups(unit, [question])
    shown = show(sections.followups, unit, analysis)
    (result,) = analysis.questions
    mentioned = result.table.loc[result.table["mentions"] > 0, "label"].tolist()
    assert len(mentioned) > sections.TABLE_SHOWN + 1 and len(mentioned) > 8
    soup = BeautifulSoup(shown.html, "html.parser")
    table = soup.find("th", string=re.compile("言及数")).find_parent("div", class_="nps-table-wrap")
    in_view = [tr.find("td").find(string=True) for tr in table.select("tbody tr")]
    fold = table.find_next_sibling("details", class_="nps-table__more")
    folded = [tr.find("td").find(string=True) for tr in fold.select("tbody tr")]
    assert in_view == mentioned[: sections.TABLE_SHOWN]
    assert folded == mentioned[sections.TABLE_SHOWN :]
    assert fold.summary.get_text() == f"残り{len(mentioned) - sections.TABLE_SHOWN}件を表示"
    # the chart still draws the eight largest
    assert len(shown.figures[0].axes[0].patches) == 8


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_headline_says_the_first_change_once(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # FIX72 (BROWSE31 #1): the hero card said "vs previous month −7.1" and the card row under
    # it said it again beside the year-ago card. The hero keeps it, with the month it compares
    # with (the row's note); the row holds only the other comparison.
    unit = make_unit(tmp_path, lang)
    shown = show(sections.headline_section, unit, target=0.0)
    soup = BeautifulSoup(shown.html, "html.parser")
    previous, last_year = label("vs_previous", lang), label("vs_last_year", lang)
    said = [e.get_text() for e in soup.select("dt")]
    assert said.count(previous) == 1 and said.count(last_year) == 1, said
    assert [e.get_text() for e in soup.select(".nps-changes dt")] == [last_year]
    fact = soup.select_one(".nps-headline__facts div").get_text().replace("\xa0", " ")
    month = "2026年9月：+25.0" if lang == "ja" else "September 2026: +25.0"
    assert month in fact, fact


def test_a_comment_is_quoted_under_one_theme_of_a_question(show: Callable[..., Shown]) -> None:
    # FIX72 (BROWSE31 #4): the demo cloud unit's "What to improve" quoted "Faster ticket
    # responses." and "Reply to emails faster." under "Support" and again under "Performance
    # and speed" (the tagger gives both themes to each; docs/labelling.md's saas performance is
    # the product's speed). A quote under one theme's heading is not repeated under another's
    # of the same question; a theme left with no other comment gets no heading.
    from nps_kit.params import load_all, notebook_parameters, resolve_period

    root = Path(__file__).resolve().parents[1]
    params = load_all(root / "parameters", units=["cloud"]).units["cloud"]
    p = notebook_parameters(params, period=resolve_period(params))
    unit = prepare_unit(
        p["data_path"],
        name=p["unit_name"],
        language=p["language"],
        unit_column=p["filter_column"],
        unit_values=p["filter_values"],
        score_column=p["score_column"],
        date_column=p["date_column"],
        text_columns=["comment", "improvement"],
        period="2026-10",
    )
    analysis = analyse_followups(
        unit,
        p["followups"],
        themes_path=Path(p["themes_path"]),
        playbook_path=Path(p["playbook_path"]),
    )
    soup = BeautifulSoup(show(sections.followups, unit, analysis).html, "html.parser")
    under: dict[tuple[str, str], list[str]] = {}
    question = heading = ""
    for element in soup.find_all(["h3", "h4", "blockquote"]):
        if element.name == "h3":
            question, heading = element.get_text(), ""
        elif element.name == "h4":
            heading = element.get_text()
        elif heading.startswith("Detractors' complaints and requests on"):
            under.setdefault((question, element.get_text()), []).append(heading)
    assert under, "no theme quotes"
    assert {k: v for k, v in under.items() if len(v) > 1} == {}
    improvement = "What to improve"
    assert under[(improvement, "Faster ticket responses.")] == [
        "Detractors' complaints and requests on “Support”"
    ]


def test_a_detractor_s_voice_is_not_quoted_again_under_a_theme(
    show: Callable[..., Shown],
) -> None:
    # BROWSE32: every report quoted one or two comments twice, under "Voices of Detractors"
    # and again under "Detractors' complaints and requests on …" of the same question (the
    # demo cloud unit: "Billing is a mess, we were charged twice." under both). The theme keeps
    # its quotes; the detractors' voices are others.
    from nps_kit.params import load_all, notebook_parameters, resolve_period

    root = Path(__file__).resolve().parents[1]
    params = load_all(root / "parameters", units=["cloud"]).units["cloud"]
    p = notebook_parameters(params, period=resolve_period(params))
    unit = prepare_unit(
        p["data_path"],
        name=p["unit_name"],
        language=p["language"],
        unit_column=p["filter_column"],
        unit_values=p["filter_values"],
        score_column=p["score_column"],
        date_column=p["date_column"],
        text_columns=["comment", "improvement"],
        period="2026-10",
    )
    analysis = analyse_followups(
        unit,
        p["followups"],
        themes_path=Path(p["themes_path"]),
        playbook_path=Path(p["playbook_path"]),
    )
    soup = BeautifulSoup(show(sections.followups, unit, analysis).html, "html.parser")
    voices: dict[str, set[str]] = {}
    themed: dict[str, set[str]] = {}
    question = heading = ""
    for element in soup.find_all(["h3", "h4", "blockquote"]):
        if element.name == "h3":
            question, heading = element.get_text(), ""
        elif element.name == "h4":
            heading = element.get_text()
        elif heading == "Voices of Detractors":
            voices.setdefault(question, set()).add(element.get_text())
        elif heading.startswith("Detractors' complaints and requests on"):
            themed.setdefault(question, set()).add(element.get_text())
    assert themed and all(len(v) == 3 for v in voices.values()), voices
    assert {q: voices.get(q, set()) & quotes for q, quotes in themed.items()} == {
        q: set() for q in themed
    }


# Delivery and packaging, which the comments of the FIX75/REVIEW33 tests always name together.
SAME_COMMENT_THEMES = (
    "version: 1\nthemes:\n"
    "  delivery: {label: {ja: 配送, en: Delivery}, keywords: {ja: [配送], en: [delivery]}}\n"
    "  packaging:\n"
    "    label: {ja: 梱包, en: Packaging}\n"
    "    keywords: {ja: [梱包], en: [packaging]}\n"
    "  price: {label: {ja: 価格, en: Price}, keywords: {ja: [価格], en: [price]}}\n"
)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_themes_the_same_comments_carry_are_one_row_of_the_table_and_chart(
    tmp_path: Path, show: Callable[..., Shown], lang: Language
) -> None:
    # FIX75: when every comment naming delivery names packaging too, the theme table and chart
    # showed two rows with the same mentions, shares, NPS and gain. They are one row now,
    # "配送／梱包", with a note saying why; the analysis keeps each theme's own row.
    themes = tmp_path / "themes.yaml"
    themes.write_text(SAME_COMMENT_THEMES, encoding="utf-8")
    good = ("配送と梱包が丁寧", "Careful delivery and packaging")
    bad = ("配送と梱包がひどい", "Terrible delivery and packaging")
    comments = {"A01": good, "A03": good, "A05": good, "A06": good}
    comments |= {"A09": bad, "A10": bad, "A11": bad}
    comments |= {"A02": ("価格が安い", "Fair price"), "A13": ("価格が高い", "High price")}
    unit = make_unit(tmp_path, lang, comments=comments)
    question = {"column": "comment", "type": "text", "label": "理由" if lang == "ja" else "Why"}
    playbook = tmp_path / "playbook.yaml"
    act = "{ja: 理由を聞く, en: Ask why}"
    playbook.write_text(
        f"version: 1\ngeneral: {{promoter: [{act}], passive: [{act}], detractor: [{act}]}}\n",
        encoding="utf-8",
    )
    analysis = analyse_followups(unit, [question], themes_path=themes, playbook_path=playbook)
    (result,) = analysis.questions
    table = result.table.set_index("theme")
    figures = table.drop(columns="label")
    assert figures.loc["delivery"].equals(figures.loc["packaging"])  # two identical rows
    assert table.loc["delivery", "mentions"] == 7
    shown = show(sections.followups, unit, analysis)
    soup = BeautifulSoup(shown.html, "html.parser")
    header = "言及数" if lang == "ja" else "Mentions"
    wrap = soup.find("th", string=re.compile(header)).find_parent("div", class_="nps-table-wrap")
    rows = [tr.find("td").find(string=True) for tr in wrap.select("tbody tr")]
    both = "配送／梱包" if lang == "ja" else "Delivery · Packaging"
    assert sorted(rows) == sorted([both, "価格" if lang == "ja" else "Price"])
    note = {
        "ja": "「配送／梱包」：これらのテーマはまったく同じコメントに付いているため、1行にまとめて"
        "います（どのテーマの数値もこの行の数値です）。",
        "en": "“Delivery · Packaging”: exactly the same comments carry these themes, so they "
        "share one row (each theme's figures are the row's).",
    }[lang]
    assert note in shown.text
    (chart,) = shown.figures
    bars = [t.get_text() for t in chart.axes[0].get_yticklabels()]
    assert both in " ".join(bars) and bars.count(both) <= 1
    # the analysis keeps each theme's own row, the figures traceable to either theme
    assert set(analysis.questions[0].table["theme"]) == {"delivery", "packaging", "price"}


def _two_questions_unit(tmp_path: Path, lang: Language) -> tuple[UnitData, FollowupAnalysis]:
    """A unit whose detractors answer why they scored and what to improve, on two themes."""
    themes = tmp_path / "themes.yaml"
    themes.write_text(
        "version: 1\nthemes:\n"
        "  delivery: {label: {ja: 配送, en: Delivery}, keywords: {ja: [配送], en: [delivery]}}\n"
        "  price: {label: {ja: 価格, en: Price}, keywords: {ja: [価格], en: [price]}}\n",
        encoding="utf-8",
    )
    playbook = tmp_path / "playbook.yaml"
    act = "{ja: 理由を聞く, en: Ask why}"
    playbook.write_text(
        f"version: 1\ngeneral: {{promoter: [{act}], passive: [{act}], detractor: [{act}]}}\n",
        encoding="utf-8",
    )
    comments = {
        "A09": ("配送が遅い", "Delivery was late"),
        "A13": ("価格が高すぎる", "The price is too high"),
        "A10": ("配送が早くて良い", "Delivery was fast, great"),
    }
    improvement = {
        "A09": ("配送を早くしてほしい", "Faster delivery please"),
        "A13": ("配送を早くしてほしい", "Faster delivery please"),
        "A10": ("配送を早くしてほしい", "Faster delivery please"),
    }
    unit = make_unit(tmp_path, lang, comments=comments)
    side = 0 if lang == "ja" else 1
    asked = unit.responses["response_id"].map(lambda r: improvement.get(r, ("", ""))[side])
    unit = dataclasses.replace(unit, responses=unit.responses.assign(improvement=asked))
    questions = [
        {"column": "comment", "type": "text", "label": "理由" if lang == "ja" else "Why"},
        {
            "column": "improvement",
            "type": "text",
            "label": "改善点" if lang == "ja" else "To improve",
            "asks": "improvement",
        },
    ]
    return unit, analyse_followups(unit, questions, themes_path=themes, playbook_path=playbook)


@pytest.mark.parametrize(
    ("lang", "once", "two"),
    [
        ("ja", "配送（−）", "価格（−）／改善点：配送（−）"),
        ("en", "Delivery (−)", "Price (−) / To improve: Delivery (−)"),
    ],
)
def test_a_call_back_row_names_a_theme_once_whichever_answers_name_it(
    tmp_path: Path, show: Callable[..., Shown], lang: Language, once: str, two: str
) -> None:
    # FIX75: A09 says delivery was late and asks for faster delivery: the call-back row read
    # "Delivery (−) / To improve: Delivery (−)". A theme is named once per row, with the shown
    # comment; a theme only the other answer names keeps that answer's label (QA18).
    unit, analysis = _two_questions_unit(tmp_path, lang)
    rows = show(
        sections.detractors,
        unit,
        id_column="response_id",
        comment_column="comment",
        contact_column="contact_ok",
        analysis=analysis,
    ).value.rows.set_index("response_id")
    assert rows.loc["A09", "themes"] == once
    assert rows.loc["A13", "themes"] == two
    # praised in the comment, asked for in the other answer: once, with both signs
    assert rows.loc["A10", "themes"] == once.replace("−", "±")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_themes_the_same_comments_carry_are_one_top_theme_of_the_e_mail_and_overview(
    tmp_path: Path, show: Callable[..., Shown], lang: Language
) -> None:
    # REVIEW33: FIX75 made delivery and packaging, which exactly the same comments carry, one
    # row of the report's table, but the summary the e-mail and the overview read still
    # listed them as two top themes with the same gain: "Delivery +6.7, Packaging +6.7", the
    # two problems the note under the table says they are not.
    themes = tmp_path / "themes.yaml"
    themes.write_text(SAME_COMMENT_THEMES, encoding="utf-8")
    bad = ("配送と梱包がひどい", "Terrible delivery and packaging")
    comments = {"A09": bad, "A10": bad, "A11": bad, "A13": ("価格が高い", "High price")}
    unit = make_unit(tmp_path, lang, comments=comments)
    question = {"column": "comment", "type": "text", "label": "理由" if lang == "ja" else "Why"}
    playbook = tmp_path / "playbook.yaml"
    act = "{ja: 理由を聞く, en: Ask why}"
    playbook.write_text(
        f"version: 1\ngeneral: {{promoter: [{act}], passive: [{act}], detractor: [{act}]}}\n",
        encoding="utf-8",
    )
    analysis = analyse_followups(
        unit, [question], themes_path=themes, playbook_path=playbook, min_report_n=0
    )
    head = show(sections.headline_section, unit, target=None).value
    top = sections.summary(unit, head, analysis=analysis).top_themes
    both = "配送／梱包" if lang == "ja" else "Delivery · Packaging"
    assert [x.label_in(lang) for x in top] == [both, "価格" if lang == "ja" else "Price"]
    assert (top[0].label_ja, top[0].label_en) == ("配送／梱包", "Delivery · Packaging")
    assert top[0].label == both  # the e-mail's row
    # neither theme is listed again alone, and the row's gain is each theme's (BROWSE33 saw
    # 梱包 and 配送 listed as two top themes with the same 34 detractors and +42.5 pts)
    names = {name for theme in top for name in (theme.label_ja, theme.label_en)}
    assert not {"配送", "梱包", "Delivery", "Packaging"} & names
    gains = analysis.themes.set_index("theme")["nps_gain"]
    assert top[0].nps_gain == gains["delivery"] == gains["packaging"] > 0
    # the analysis, which the strategies read, keeps each theme's own row
    assert {"delivery", "packaging"} <= set(analysis.themes["theme"])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_comments_no_pack_reads_are_said_so_not_too_few(
    tmp_path: Path, show: Callable[..., Shown], lang: Language
) -> None:
    # BROWSE33: a French restaurant's report (22 of 24 comments in French) said "Not enough
    # text to compare the words of detractors and promoters." under its question: no theme
    # and no phrase reads French, so the manager was told the wrong reason.
    bad = "Attente beaucoup trop longue, quarante minutes pour le plat principal."
    good = "Accueil chaleureux, cuisine délicieuse, je reviendrai sans hésiter."
    comments = {r: (bad, bad) for r in ("A09", "A10", "A11", "A12", "A13", "A14")}
    comments |= {r: (good, good) for r in ("A01", "A02", "A03", "A04", "A05")}
    unit = make_unit(tmp_path, lang, comments=comments)
    question = {"column": "comment", "type": "text", "label": "理由" if lang == "ja" else "Why"}
    analysis = analyse_followups(unit, [question])
    shown = show(sections.followups, unit, analysis)
    assert t("sections.words_too_few", lang) not in shown.text
    said = {
        "ja": "コメントの多く（11件中11件）はフランス語で、このレポートの分析はこの言語を"
        "読みません",
        "en": "Most comments (11 of 11) are in French, which this report's analysis does not read",
    }[lang]
    assert said in shown.text
    assert "themes.yaml" not in shown.text  # the reader's sentence (REVIEW35)
    # FIX78: the summary carries the fact the sentence is made of, for the e-mail and overview
    head = show(sections.headline_section, unit, target=None).value
    unread = sections.summary(unit, head, analysis=analysis).unread_comments
    assert unread == UnreadComments(comments=11, unread=11, languages=("fr",))
    assert unread.message(lang) in shown.text
    # … and only where the report shows the question's themes
    hidden = sections.summary(unit, head, analysis=analysis, shown=("headline",))
    assert hidden.unread_comments is None
    # A later question (no phrase table) whose comments are French says so too: the e-mail's
    # sentence may come from it (scope "reasons" ranks a reason question after a request one).
    later = {"column": "comment", "type": "text", "label": "2", "asks": "improvement"}
    both = analyse_followups(unit, [later, question])
    assert show(sections.followups, unit, both).text.count(unread.message(lang)) == 2


def test_the_contact_line_counts_detractors_whose_consent_is_unknown(tmp_path: Path) -> None:
    # FIX77 #2: a consent box left blank kept detractors off the call-back list unsaid.
    from nps_kit.sections import contact_quality
    from nps_kit.unit import prepare_unit

    path = tmp_path / "r.csv"
    path.write_text(
        "date,score,ok\n2026-10-01,2,yes\n2026-10-02,3,\n2026-10-03,1,\n2026-10-04,9,\n"
        "2026-10-05,0,no\n",
        encoding="utf-8",
    )
    unit = prepare_unit(
        path, name="Shop", language="en", score_column="score", date_column="date",
        period="2026-10",
    )  # fmt: skip
    row = contact_quality(unit, contact_column="ok")
    assert row is not None
    assert row["value"].startswith("1; 2 detractors left it blank or answered neither yes nor no")
    assert "list that value under contact.consent_yes or contact.consent_no" in row["value"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_theme_under_the_floor_is_not_said_to_have_no_complaining_detractor(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # REVIEW35: eight respondents praise the staff (a theme over the floor of 5, no detractor
    # complains) and two detractors complain of late delivery (under the floor: mentions
    # only). The report said "no detractor complains about or asks to improve any theme", and
    # the summary had no top theme and no reason (FIX78 covered only every theme under it), so
    # the e-mail and the overview read as "no complaint".
    staff = ("スタッフがとても親切でした", "The staff were very friendly")
    late = ("配送が遅い", "Delivery was late")
    praise = ("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08")
    comments = {r: staff for r in praise} | {"A09": late, "A10": late}
    unit = make_unit(tmp_path, lang, comments=comments)
    question = [q for q in QUESTIONS[lang] if q["type"] == "text"]
    analysis = analyse_followups(unit, question)
    gains = analysis.themes.set_index("theme")
    assert gains.loc["staff", "mentions"] == 8 and pd.isna(gains.loc["delivery", "nps_gain"])
    text = show(sections.followups, unit, analysis).text
    assert t("sections.impact_none", lang) not in text
    assert t("sections.impact_none_floor", lang, floor=5) in text
    head = show(sections.headline_section, unit, target=None).value
    summary = sections.summary(unit, head, analysis=analysis)
    assert summary.top_themes == () and summary.themes_under_floor == 5
    said = summary.themes_note(lang)
    assert said == t("summary.themes_none_over_floor", lang, floor=5)
    assert "Every theme" not in said and "どのテーマも" not in said


def _regions(tmp_path: Path, october: tuple[int, int, int], lang: Language) -> Any:
    """Five regions of 120 answers a month: 36/48/36 in September, ``october`` in October.

    ``october`` is (promoters, passives, detractors) of every region alike, so the change is
    spread evenly over the regions and no region's share moves.
    """
    rows = []
    for month, (p, a, d) in (("2026-09", (36, 48, 36)), ("2026-10", october)):
        for region in ("North", "East", "South", "West", "Centre"):
            rows += [(month, region, s) for s, k in ((10, p), (7, a), (0, d)) for _ in range(k)]
    path = tmp_path / "regions.csv"
    pd.DataFrame(
        {
            "response_id": [f"R{i}" for i in range(len(rows))],
            "submitted_at": [f"{m}-10" for m, _, _ in rows],
            "score": [s for _, _, s in rows],
            "region": [r for _, r, _ in rows],
        }
    ).to_csv(path, index=False)
    return prepare_unit(path, name="Regions", language=lang, period="2026-10")


def _z_tests(unit: Any) -> tuple[float, list[tuple[float, float]]]:
    """The change's z (Wald, by hand) and each region's within part with its margin (points)."""
    data = pd.concat([unit.current, unit.rows("2026-09")], keys=["now", "before"])
    data = data.assign(p=data["nps_score"] >= 9, d=data["nps_score"] <= 6)

    def nps_var(frame: pd.DataFrame) -> tuple[float, float]:
        p, d, n = frame["p"].mean(), frame["d"].mean(), len(frame)
        return 100 * (p - d), 100**2 * (p + d - (p - d) ** 2) / n

    def diff_se(now: pd.DataFrame, before: pd.DataFrame) -> tuple[float, float]:
        (a, va), (b, vb) = nps_var(now), nps_var(before)
        return a - b, (va + vb) ** 0.5

    diff, se = diff_se(data.loc["now"], data.loc["before"])
    parts = []
    for _, group in data.groupby("region"):
        share = len(group) / len(data)  # the same share in both months
        g_diff, g_se = diff_se(group.loc["now"], group.loc["before"])
        parts.append((share * g_diff, 1.96 * share * g_se))
    return diff / se, parts


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_significant_change_spread_over_groups_is_not_called_noise(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # BROWSE35: "every group's move is within noise" beside "significantly improved" read as a
    # contradiction. A real change, spread so that no group's part is beyond noise alone, says
    # both; a change within noise keeps the sentence.
    from nps_kit.decompose import contributors_text

    dims = [{"column": "region", "label": "Region"}]
    spread = "全体では有意な変化ですが" if lang == "ja" else "a significant change overall, spread"
    noise = (
        "どのグループの動きも誤差の範囲内で、"
        if lang == "ja"
        else "every group's move is within noise"
    )
    for october, significant in (((46, 48, 26), True), ((40, 48, 32), False)):
        unit = _regions(tmp_path, october, lang)
        z, parts = _z_tests(unit)
        assert bool(abs(z) > 1.96) is significant, z
        assert all(abs(part) < margin for part, margin in parts), parts
        head = show(sections.headline_section, unit, comparison=["previous"], target=None)
        assert head.value.comparisons[0].change.significant is significant
        movers = show(sections.change_drivers, unit, head.value, dims)
        (record,) = movers.value
        assert record["significant"] is significant
        assert all(item["noise"] for item in record["items"] if item["kind"] != "others")
        assert (spread in movers.text) is significant, movers.text
        assert (noise in movers.text) is not significant, movers.text
        # the e-mail words the summary's record alike
        summary = show(sections.summary, unit, head.value, contributors=movers.value).value
        (mailed,) = [contributors_text(r, lang, lead=False) for r in summary.contributors]
        assert (spread in mailed) is significant and (noise in mailed) is not significant


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_changes_interval_is_named_and_sits_under_the_change_not_the_month(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # BROWSE35: "September 2026: +0.4 pts" over "95% interval −10.2 to +16.6" read as that
    # month's interval. The change's interval is said to be the change's, right under it; the
    # compared month's NPS follows on a line of its own with no interval.
    unit = _regions(tmp_path, (46, 48, 26), lang)
    head = show(sections.headline_section, unit, comparison=["previous"], target=None)
    change = head.value.comparisons[0].change
    soup = BeautifulSoup(head.html, "html.parser")
    (fact,) = [
        d
        for d in soup.select(".nps-headline__facts > div")
        if d.dt.get_text() == _w("previous", lang)
    ]
    lines = [s.get_text().replace("\u00a0", " ") for s in fact.dd.find_all("small")]
    low, high = (f"{v:+.1f}".replace("-", "−") for v in (change.ci_low, change.ci_high))
    interval = (
        f"変化の95%信頼区間：{low}〜{high}"
        if lang == "ja"
        else f"95% interval of the change: {low} to {high}"
    )
    month = "2026年9月：0.0ポイント" if lang == "ja" else "September 2026: 0.0 pts"
    assert lines == [interval, month]
    # the unit's own NPS keeps its interval beside it
    main = soup.select_one(".nps-headline__main").get_text().replace("\u00a0", " ")
    assert ("95%信頼区間：" if lang == "ja" else "95% interval ") in main


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_second_change_card_says_its_verdict_and_interval_beside_the_change(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # BROWSE36: the same-month-last-year card read "2025年10月：−10.6ポイント・有意に改善",
    # the verdict after that month's NPS (as if October 2025 had improved) and no interval of
    # the change, while the headline's own change card had both beside the change.
    rows = [("2025-10", s) for s, k in ((10, 20), (7, 40), (0, 60)) for _ in range(k)]
    rows += [("2026-09", s) for s, k in ((10, 40), (7, 40), (0, 40)) for _ in range(k)]
    rows += [("2026-10", s) for s, k in ((10, 45), (7, 40), (0, 35)) for _ in range(k)]
    path = tmp_path / "yoy.csv"
    pd.DataFrame(
        {
            "response_id": [f"R{i}" for i in range(len(rows))],
            "submitted_at": [f"{m}-10" for m, _ in rows],
            "score": [s for _, s in rows],
        }
    ).to_csv(path, index=False)
    unit = prepare_unit(path, name="YoY", language=lang, period="2026-10")
    head = show(sections.headline_section, unit, target=None)
    last_year = head.value.comparison("last_year")
    assert last_year.change.verdict == "improvement"  # +8.3 vs −33.3: z far beyond 1.96
    # pandas: NPS of October 2025 and the change from it, as shown (one decimal)
    ly = 100 * (20 - 60) / 120
    now = 100 * (45 - 35) / 120
    soup = BeautifulSoup(head.html, "html.parser")
    (fact,) = [
        d
        for d in soup.select(".nps-headline__facts > div")
        if d.dt.get_text() == _w("last_year", lang)
    ]
    verdict = fact.dd.select_one(".nps-verdict--improvement")
    assert verdict is not None and verdict.get_text() == label("improvement", lang)
    lines = [s.get_text().replace("\u00a0", " ") for s in fact.dd.find_all("small")]
    change = f"{round(now, 1) - round(ly, 1):+.1f}".replace("-", "−")
    assert change in fact.dd.get_text().replace("\u00a0", " ")
    month = (
        f"2025年10月：{ly:+.1f}ポイント" if lang == "ja" else f"October 2025: {ly:+.1f} pts"
    ).replace("-", "−")
    assert lines[-1] == month  # the month's NPS alone, no verdict after it
    interval = "変化の95%信頼区間：" if lang == "ja" else "95% interval of the change:"
    assert lines[0].startswith(interval)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_change_card_without_a_compared_month_says_why_once(
    show: Callable[..., Shown], tmp_path: Path, lang: Language
) -> None:
    # BROWSE36: the year-ago card read "—", "No data to compare with", "November 2025: no
    # responses": two lines for one fact. The month's line says why; the generic one goes.
    unit = make_unit(tmp_path, lang)
    shown = show(sections.headline_section, unit, target=None)
    soup = BeautifulSoup(shown.html, "html.parser")
    (card,) = soup.select(".nps-changes > div")
    lines = [s.get_text() for s in card.dd.find_all("small")]
    month = "2025年10月：回答なし" if lang == "ja" else "October 2025: no responses"
    assert lines == [month], lines


# FIX88 #3: the 8-month floor for control limits (FIX86) was no parameter: a unit of four
# months of steady volume could not have limits, whatever its analyst knew of its process.
def test_the_control_limits_floor_is_the_parameter_given_and_the_method_says_it(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    from _exports import write_months

    path = write_months(tmp_path / "export.csv")
    unit = prepare_unit(
        path,
        name="Leeds",
        language="en",
        score_column="score",
        date_column="submitted_at",
        id_column="id",
        period="2026-10",
    )
    plain = show(sections.trend, unit, min_n=1, min_report_n=0)
    assert len(plain.value) == 4
    assert plain.value[["control_low", "control_high"]].isna().all().all()
    four = show(sections.trend, unit, min_n=1, min_report_n=0, control_min_months=4)
    assert four.value[["control_low", "control_high"]].notna().all().all()
    assert four.value["control_centre"].iloc[0] == pytest.approx(16.0)
    (figure,) = four.figures
    assert [line.get_gid() for line in figure.axes[0].lines].count("control-low") == 1
    assert "drawn once" not in " ".join(t.get_text() for t in figure.findobj(Text))
    (figure,) = show(sections.trend, unit, min_n=1, min_report_n=0, control_min_months=5).figures
    words = " ".join(t.get_text() for t in figure.findobj(Text))
    assert "Control limits (±3σ) are drawn once 5 months have data" in words
    said = show(sections.method, unit, control_min_months=4).text
    assert "control limits from 4 months with data" in said
    assert "control limits from 8 months with data" in show(sections.method, unit).text


# --- fiscal year to date ---------------------------------------------------------------------


def _fiscal_rows(months: dict[str, list[int]]) -> list[tuple[str, list[Row]]]:
    """Rows of the given scores in each month (day = position + 1)."""
    return [
        (
            month,
            [
                (f"{month}-{i}", i + 1, str(score), "web", "basic", "", "4", "4", True)
                for i, score in enumerate(scores)
            ],
        )
        for month, scores in months.items()
    ]


def _fiscal_unit(tmp_path: Path, lang: Language, months: dict[str, list[int]], **kwargs: Any):
    path = write_export(tmp_path / f"fiscal_{lang}.csv", lang, _fiscal_rows(months))
    options: dict[str, Any] = {"period": "2026-10", "fiscal_year_start": 4, **kwargs}
    return prepare_unit(path, name="EC事業部", language=lang, **options)


# FY2026 April–October: 10 promoters, 4 detractors in each of April and October (n 28,
# NPS +42.9); FY2025 April–October: 3 promoters and 3 detractors in May, June, August and
# September 2025 (n 6, NPS 0.0; four of its seven months answered, enough to compare; 1, 1, 1
# and 3 answers, so that no report of FY2025 to date, shown by nps_kit.score.told_parts, tells
# one month: September's is the first to be shown).
# March 2026 (FY2025) and 2024 months are in no span. English names these years by their end
# (fiscal_year_named_by): FY2027 and FY2026.
FISCAL = {
    "2024-10": [0, 0, 0],
    "2025-05": [10],
    "2025-06": [0],
    "2025-08": [10],
    "2025-09": [10, 0, 0],
    "2026-03": [0, 0, 0, 0],
    "2026-04": [10] * 5 + [9] * 5 + [3] * 4,
    "2026-10": [10] * 5 + [9] * 5 + [3] * 4,
}


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "ja",
            [
                "NPS・2026年度累計（4〜10月）",
                "+42.9",
                "回答数28件",
                "前年度同期比",
                "+42.9ポイント",
                "2025年度（4〜10月）：0.0ポイント",
            ],
        ),
        (
            "en",
            [
                "NPS · FY2027 to date (Apr–Oct)",
                "+42.9",
                "28 responses",
                "vs same months last fiscal year",
                "+42.9 pts",
                "FY2026 (Apr–Oct): 0.0 pts",
            ],
        ),
    ],
)
def test_the_headline_shows_the_fiscal_year_to_date_and_its_change(
    show: Callable[..., Shown], tmp_path: Path, lang: Language, words: list[str]
) -> None:
    unit = _fiscal_unit(tmp_path, lang, FISCAL)
    shown = show(
        sections.headline_section,
        unit,
        comparison=["previous", "fiscal_ytd"],
        min_n=30,
        min_report_n=5,
    )
    fiscal = shown.value.fiscal
    assert (fiscal.result.n, fiscal.result.nps) == (28, pytest.approx(100 * 12 / 28))
    assert fiscal.comparison.result.n == 6
    text = shown.text
    for word in words:
        assert word in text
    # 28 responses are fewer than min_n: flagged as the month would be
    assert text.count(label("small_sample", lang)) == 2
    # FY2025 has no responses in April, July and October: the months without are said
    gaps = {
        "ja": "前年度同期の2025年度（4〜10月）のうち、2025年4月、2025年7月、2025年10月は"
        "回答がありません。",
        "en": "Of the same months last fiscal year, FY2026 (Apr–Oct), April 2025, July 2025, "
        "October 2025 had no responses.",
    }[lang]
    assert gaps in text
    summary = sections.summary(unit, shown.value)
    assert summary.fiscal_ytd is not None
    assert (summary.fiscal_ytd.first, summary.fiscal_ytd.last) == ("2026-04", "2026-10")
    assert summary.fiscal_ytd.change is not None
    assert (summary.fiscal_ytd.change.kind, summary.fiscal_ytd.change.vs) == (
        "fiscal_ytd",
        "2025-04",
    )
    assert summary.fiscal_ytd.change.diff == 42.9  # of the shown values
    assert summary.fiscal_ytd.unshown is None and summary.fiscal_ytd.why(lang) is None
    assert summary.fiscal_ytd.before_counts == (0, 1, 1, 0, 1, 3, 0)
    # the year it starts in, and which year names it (2026年度, FY2027), for the overview and e-mail
    named = {"ja": "start", "en": "end"}[lang]
    assert (summary.fiscal_ytd.year, summary.fiscal_ytd.named_by) == (2026, named)
    assert summary.fiscal_ytd.span().name == {"ja": 2026, "en": 2027}[lang]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "ja",
            "2026年度累計（4〜10月）：NPS +42.9ポイント・回答数28件・回答数少（参考値）・"
            "前年度同期：比較なし（回答なし）",
        ),
        (
            "en",
            "FY2027 to date (Apr–Oct): NPS +42.9 pts · 28 responses · small sample · "
            "vs last FY: not compared (no responses)",
        ),
    ],
)
def test_a_fiscal_year_before_without_responses_is_said_in_the_summary(
    show: Callable[..., Shown], tmp_path: Path, lang: Language, line: str
) -> None:
    # An export that begins this fiscal year: the card says last year's span had none; the
    # overview's cell and the e-mail showed the figure with no change and no reason (FY43).
    months = {k: v for k, v in FISCAL.items() if k.startswith("2026-")}
    unit = _fiscal_unit(tmp_path, lang, months)
    shown = show(sections.headline_section, unit, comparison=["fiscal_ytd"], min_report_n=5)
    ytd = sections.summary(unit, shown.value).fiscal_ytd
    assert ytd is not None and ytd.unshown == "no_responses"
    assert ytd.text(lang) == line


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "2025年度（4〜10月）：回答のある月は7か月のうち3か月だけのため、比較しません"),
        ("en", "FY2026 (Apr–Oct): responses in only 3 of its 7 months, too few to compare"),
    ],
)
def test_a_fiscal_year_before_with_fewer_than_half_its_months_answered_is_not_compared(
    show: Callable[..., Shown], tmp_path: Path, lang: Language, said: str
) -> None:
    # QA42: an export that begins in November 2025 compared 2026年度累計（4〜11月）, 505
    # responses, with November 2025 alone and called it 前年度同期比 +18.0.
    months = {k: v for k, v in FISCAL.items() if k not in ("2025-08",)}
    unit = _fiscal_unit(tmp_path, lang, months)
    shown = show(sections.headline_section, unit, comparison=["fiscal_ytd"], min_report_n=5)
    fiscal = shown.value.fiscal
    assert fiscal.unanswered == ("2025-04", "2025-07", "2025-08", "2025-10")
    assert not fiscal.comparable
    assert fiscal.comparison.change.diff is None
    assert fiscal.comparison.change.verdict == "insufficient_data"
    assert said in shown.text
    assert "+42.9 pts" not in shown.text and "+42.9ポイント" not in shown.text
    gaps = {"ja": "前年度同期の2025年度", "en": "Of the same months last fiscal year"}[lang]
    assert gaps not in shown.text  # the card says it, once
    ytd = sections.summary(unit, shown.value).fiscal_ytd
    assert ytd is not None and ytd.change is not None and ytd.change.diff is None
    # the e-mail's and overview's line names no change either, and says why (FY43)
    assert t("sections.fiscal_ytd", lang) not in (ytd.text(lang) or "")
    assert ytd.unshown == "too_few"
    why = {
        "ja": "前年度同期：比較なし（回答のある月が7か月中3か月）",
        "en": "vs last FY: not compared (3 of 7 months answered)",
    }[lang]
    assert ytd.why(lang) == why and (ytd.text(lang) or "").endswith(why)


def test_a_fiscal_year_s_first_month_is_said_to_be_one_month(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    unit = _fiscal_unit(tmp_path, "en", FISCAL, period="2026-04")
    shown = show(sections.headline_section, unit, comparison=["fiscal_ytd"])
    assert "NPS · FY2027 to date (Apr only)" in shown.text
    assert "FY2026 (Apr only): no responses" in shown.text
    assert shown.value.fiscal.result == shown.value.result  # one month: the month's own


def test_the_fiscal_change_against_months_under_the_floor_is_not_shown(
    show: Callable[..., Shown], tmp_path: Path
) -> None:
    unit = _fiscal_unit(tmp_path, "en", FISCAL)
    shown = show(sections.headline_section, unit, comparison=["fiscal_ytd"], min_report_n=7)
    assert "FY2026 (Apr–Oct) (6 responses, fewer than 7: not shown)" in shown.text
    assert "+42.9 pts" not in shown.text
    assert shown.value.fiscal.comparison is None
    ytd = sections.summary(unit, shown.value).fiscal_ytd
    assert ytd.change is None
    # the overview and the e-mail say why (FY43): they showed the figure alone
    assert (ytd.unshown, ytd.floor, ytd.before_counts) == ("under_floor", 7, (0, 1, 1, 0, 1, 3, 0))
    assert ytd.why("en") == "vs last FY: not shown (6 responses, fewer than 7)"
    assert ytd.why("ja") == "前年度同期：非表示（回答6件、7件未満）"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "ja",
            "2026年度累計（4〜10月）：回答31件。表示した月や前月までの累計との差し引きで"
            "5件未満の月（2026年6月）のNPSが分かるため非表示",
        ),
        (
            "en",
            "FY2027 to date (Apr–Oct): 31 responses. Not shown: with the months and earlier "
            "years to date shown, it would tell the NPS of June 2026, under the floor of 5 "
            "responses.",
        ),
    ],
)
def test_the_fiscal_year_to_date_is_not_shown_when_it_tells_a_month_under_the_floor(
    show: Callable[..., Shown], tmp_path: Path, lang: Language, said: str
) -> None:
    # June 2026's 3 answers are under the floor: the trend shows only their n. The fiscal year
    # to date's NPS and n minus April's and October's, shown, would be June's NPS (REVIEW42: as
    # FIX63's month read off the trend), and so would its change with last year's NPS.
    months = {**FISCAL, "2026-06": [0, 0, 10]}
    unit = _fiscal_unit(tmp_path, lang, months)
    trend = show(sections.trend, unit, min_report_n=5).value
    assert trend.loc[trend["period"] == "2026-06", "nps"].isna().all()
    shown = show(sections.headline_section, unit, comparison=["fiscal_ytd"], min_report_n=5)
    text = shown.text.replace("\xa0", " ")
    assert said in text
    # neither the span's NPS (+35.5) nor last year's span, whose NPS and the change tell it
    assert "35.5" not in text
    assert ("2025年度" if lang == "ja" else "FY2026") not in text
    assert shown.value.fiscal.unshown == "ytd_tells"
    # The summary keeps its span, n and why, no NPS: the overview and e-mail say why (FY43).
    ytd = sections.summary(unit, shown.value).fiscal_ytd
    assert (ytd.nps, ytd.ci_low, ytd.ci_high, ytd.change, ytd.n) == (None, None, None, None, 31)
    assert (ytd.unshown, ytd.floor, ytd.counts) == ("ytd_tells", 5, (14, 0, 3, 0, 0, 0, 14))
    line = {
        "ja": "2026年度累計（4〜10月）：回答数31件・非表示（5件未満の月のNPSが分かるため）",
        "en": "FY2027 to date (Apr–Oct): 31 responses · not shown (it would tell the NPS of a "
        "month under 5 responses)",
    }[lang]
    assert ytd.text(lang) == line
    assert "35.5" not in line
    # Hidden months that hold the floor together tell no one month's NPS: shown, as a
    # breakdown's groups are (nps_kit.score.complement_floor).
    pooled = _fiscal_unit(tmp_path, lang, {**months, "2026-07": [10, 10]})
    kept = show(sections.headline_section, pooled, comparison=["fiscal_ytd"], min_report_n=5)
    assert kept.value.fiscal is not None and kept.value.fiscal.result.n == 33
    assert kept.value.fiscal.unshown is None
    # No floor, nothing hidden.
    plain = show(sections.headline_section, unit, comparison=["fiscal_ytd"], min_report_n=0)
    assert plain.value.fiscal is not None


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "ja",
            "2025年度（4〜10月）：比較は非表示。過去のレポートで表示した月や累計との差し引きで"
            "5件未満の月（2025年6月）のNPSが分かるため",
        ),
        (
            "en",
            "FY2026 (Apr–Oct): not compared. With the months and years to date earlier reports "
            "show, its NPS would tell that of June 2025, under the floor of 5 responses.",
        ),
    ],
)
def test_the_fiscal_change_is_not_shown_when_last_year_s_span_tells_a_month_under_the_floor(
    show: Callable[..., Shown], tmp_path: Path, lang: Language, said: str
) -> None:
    # June 2025's 3 answers were under the floor on the trends of the reports a year ago, which
    # showed May 2025's 6 and June's n: FY2025 April–October's NPS would be June's by
    # subtraction (REVIEW42). This year's span is shown; its change, which tells last year's
    # NPS, is not.
    # FY2025: May, August and September over the floor, June under it (four of seven months
    # answered, enough to compare).
    this_year = {k: v for k, v in FISCAL.items() if not k.startswith("2025-")}
    over = [10, 10, 10, 0, 0, 0]
    last_year = {"2025-05": over, "2025-06": [0, 0, 10], "2025-08": over, "2025-09": over}
    unit = _fiscal_unit(tmp_path, lang, {**this_year, **last_year})
    shown = show(sections.headline_section, unit, comparison=["fiscal_ytd"], min_report_n=5)
    text = shown.text
    assert said in text
    assert "+42.9" in text  # this year's span, no month of it hidden
    assert shown.value.fiscal is not None and shown.value.fiscal.comparison is None
    ytd = sections.summary(unit, shown.value).fiscal_ytd
    assert ytd.change is None and (ytd.unshown, ytd.floor) == ("tells", 5)
    assert (
        ytd.why(lang)
        == {
            "ja": "前年度同期：非表示（5件未満の月のNPSが分かるため）",
            "en": "vs last FY: not shown (it would tell the NPS of a month under 5 responses)",
        }[lang]
    )
    # Last year's hidden months that hold the floor together: compared as before.
    pooled = {**this_year, **last_year, "2025-07": [10, 10]}
    unit = _fiscal_unit(tmp_path, lang, pooled)
    kept = show(sections.headline_section, unit, comparison=["fiscal_ytd"], min_report_n=5)
    assert kept.value.fiscal.comparison is not None
    assert kept.value.fiscal.comparison.result.n == 23
    assert kept.value.fiscal.comparison.change.diff is not None


def test_method_says_how_fiscal_years_are_named(tmp_path: Path) -> None:
    unit = _fiscal_unit(tmp_path, "en", FISCAL)
    text = "".join(p.data for p in sections.method(unit).parts)
    assert (
        "A fiscal year is named by the year it ends in: FY2027 runs from April 2026 to March 2027."
    ) in BeautifulSoup(text, "html.parser").get_text().replace("\xa0", " ")
    # named by its start when the project says so; Japanese 年度 by its start
    start = _fiscal_unit(tmp_path, "en", FISCAL, fiscal_year_named_by="start")
    text = "".join(p.data for p in sections.method(start).parts)
    assert (
        "A fiscal year is named by the year it starts in: FY2026 runs from April 2026 to "
        "March 2027."
    ) in BeautifulSoup(text, "html.parser").get_text().replace("\xa0", " ")
    ja = _fiscal_unit(tmp_path, "ja", FISCAL)
    text = BeautifulSoup("".join(p.data for p in sections.method(ja).parts), "html.parser")
    assert "年度は始まる年で呼びます：2026年度は2026年4月から2027年3月までです。" in text.get_text()
    plain = make_unit(tmp_path, "en")
    assert "fiscal year" not in "".join(p.data for p in sections.method(plain).parts)


@pytest.fixture(scope="module")
def qa43_bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """QA43's bank export (``tests/qa43/gen.py``, cp932): 髙島屋前出張所 has 1–4 answers a month."""
    gen = qa_script("qa43", "gen")
    return gen.write_bank(tmp_path_factory.mktemp("qa43")) / gen.BANK_FILE


def _branch(path: Path, lang: Language, period: str) -> Any:
    return prepare_unit(
        path,
        name="髙島屋前出張所",
        language=lang,
        unit_column="支店名",
        unit_values=["髙島屋前出張所"],
        score_column="おすすめ度（0〜10）",
        date_column="回答日",
        encoding="cp932",
        period=period,
        fiscal_year_start=4,
    )


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "ja",
            ["回答3件：5件未満のため非表示", "NPS・2026年度累計（4〜11月）", "+40.0", "回答数20件"],
        ),
        (
            "en",
            [
                "3 responses, fewer than 5: not shown",
                "NPS · FY2027 to date (Apr–Nov)",
                "+40.0",
                "20 responses",
            ],
        ),
    ],
)
def test_a_month_under_the_floor_shows_its_fiscal_year_to_date_and_publishes_nothing_hidden(
    shell: InteractiveShell, qa43_bank: Path, lang: Language, words: list[str]
) -> None:
    # PRIV44: 髙島屋前出張所 has 3 answers in November 2026 and 20 in FY2026 to date, which
    # tell no month (nps_kit.score.told_parts): the year to date is shown under the month's
    # n (it was hidden with the month). What the page publishes for the runner (kept in the
    # executed notebook beside the report, and in manifest.json) holds nothing the floor hides.
    unit = _branch(qa43_bank, lang, "2026-11")
    page = sections.Page(unit, min_report_n=5)
    with capture_output() as captured:
        page.show(
            sections.headline_section(unit, comparison=["previous", "fiscal_ytd"], min_report_n=5)
        )
        published = page.summary()
    html_out = "".join(o.data.get("text/html", "") for o in captured.outputs)
    text = BeautifulSoup(html_out, "html.parser").get_text().replace("\xa0", " ")
    for word in words:
        assert word in text
    data = next(o.data[SUMMARY_MIME] for o in captured.outputs if SUMMARY_MIME in o.data)
    assert data == published.to_json()
    hidden = ("nps", "ci_low", "ci_high", "pct_promoters", "pct_passives", "pct_detractors")
    assert [data[k] for k in hidden] == [None] * len(hidden)
    assert (data["n"], data["change"], data["changes"], data["target_status"]) == (
        3,
        None,
        [],
        None,
    )
    fiscal = data["fiscal_ytd"]
    assert (fiscal["n"], fiscal["nps"], fiscal["counts"]) == (20, 40.0, [3, 4, 1, 2, 1, 4, 2, 3])
    assert fiscal["unshown"] == "too_few"  # last year's span: 2 of its 8 months answered


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "ja",
            "2026年度累計（4〜10月）：回答17件。表示した月や前月までの累計との差し引きで5件未満の月"
            "（2026年10月）のNPSが分かるため非表示",
        ),
        (
            "en",
            "FY2027 to date (Apr–Oct): 17 responses. Not shown: with the months and earlier "
            "years to date shown, it would tell the NPS of October 2026, under the floor of 5 "
            "responses.",
        ),
    ],
)
def test_a_month_under_the_floor_hides_a_fiscal_year_to_date_that_last_month_s_would_tell(
    shell: InteractiveShell, qa43_bank: Path, lang: Language, said: str
) -> None:
    # September's report showed FY2026 April–September (15 answers); October's (17) minus it
    # would be October's 2 answers.
    unit = _branch(qa43_bank, lang, "2026-10")
    page = sections.Page(unit, min_report_n=5)
    with capture_output() as captured:
        page.show(sections.headline_section(unit, comparison=["fiscal_ytd"], min_report_n=5))
        published = page.summary()
    html_out = "".join(o.data.get("text/html", "") for o in captured.outputs)
    text = BeautifulSoup(html_out, "html.parser").get_text().replace("\xa0", " ")
    assert said in text
    assert published.fiscal_ytd is not None
    assert (published.fiscal_ytd.nps, published.fiscal_ytd.unshown) == (None, "ytd_tells")
    september = _branch(qa43_bank, lang, "2026-09")
    shown = sections.headline_section(september, comparison=["fiscal_ytd"], min_report_n=5)
    assert shown.value.fiscal.result.n == 15 and shown.value.fiscal.unshown == "no_responses"
