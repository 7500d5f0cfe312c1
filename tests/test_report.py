"""Tests for nps_kit.report: HTML building blocks and the summary hand-over."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import FakeChange as Change
from conftest import FakeResult as Result
from IPython.core.formatters import DisplayFormatter
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
from nbformat.v4 import new_code_cell, new_notebook, new_output

from nps_kit import report
from nps_kit.report import SUMMARY_MIME

XSS = "<script>alert(1)</script>"


def soup_of(obj: object) -> BeautifulSoup:
    html = obj.data  # type: ignore[attr-defined]
    assert isinstance(html, str)
    return BeautifulSoup(html, "html.parser")


def text_of(obj: object) -> str:
    return " ".join(soup_of(obj).get_text(" ").split())


# ---- headline ----


RESULT, CHANGE = Result(), Change()


def _headline(result: Result = RESULT, change: Change | None = CHANGE, **kw: object) -> object:
    args: dict[str, object] = {
        "target": 0.0,
        "lang": "ja",
        "period_label": "2026年10月",
        "comparison_label": "前月比",
    }
    args.update(kw)
    return report.headline(result, change, **args)  # type: ignore[arg-type]


def test_headline_ja_numbers_and_verdict() -> None:
    soup = soup_of(_headline())
    assert soup.select_one(".nps-headline__value").get_text() == "−4.9"
    assert soup.select_one(".nps-headline__label").get_text() == "NPS・2026年10月"
    meta = soup.select_one(".nps-headline__meta").get_text(" ")
    assert "95%信頼区間：−11.0〜+1.2" in meta and "回答数 512件" in meta  # "512件": one span
    facts = [" ".join(d.get_text(" ").split()) for d in soup.select(".nps-headline__facts > div")]
    assert facts[0] == "前月比 +3.2ポイント 有意な変化なし 変化の95%信頼区間：−5.0〜+11.4"
    # the interval −11.0〜1.2 contains the target: neither met nor missed
    assert facts[1] == "目標との差 −4.9ポイント 目標との差は誤差の範囲内 目標： 0.0ポイント"
    assert soup.select_one(".nps-verdict--no_change") is not None
    assert soup.select_one(".nps-flag") is None


def test_headline_segment_bar_widths() -> None:
    soup = soup_of(_headline())
    widths = [s["style"] for s in soup.select(".nps-segments__bar span")]
    assert widths == ["width:20.1%", "width:54.9%", "width:25.0%"]
    legend = " ".join(soup.select_one(".nps-segments__legend").get_text(" ").split())
    assert "推奨者 20.1%" in legend and "批判者 25.0%" in legend  # 推奨者<b>20.1%</b>


@pytest.mark.parametrize(
    ("verdict", "ja", "en"),
    [
        ("improvement", "有意に改善", "significant improvement"),
        ("decline", "有意に悪化", "significant decline"),
    ],
)
def test_headline_verdicts(verdict: str, ja: str, en: str) -> None:
    change = replace(Change(), verdict=verdict)
    assert ja in text_of(_headline(change=change))
    assert en in text_of(_headline(change=change, lang="en", comparison_label="vs September"))
    assert soup_of(_headline(change=change)).select_one(f".nps-verdict--{verdict}") is not None


def test_headline_english_on_target() -> None:
    text = text_of(
        _headline(
            replace(Result(), nps=12.0, ci_low=6.0, ci_high=18.0),
            lang="en",
            period_label="October 2026",
            comparison_label=None,
            target=10,
        )
    )
    assert "NPS · October 2026" in text
    assert "512 responses" in text
    assert "vs previous month +3.2 pts no significant change" in text
    assert "Gap to target +2.0 pts not distinguishable target +10.0 pts" in text
    assert "target met" not in text


@pytest.mark.parametrize(
    ("low", "high", "ja", "en"),
    [
        (0.5, 9.0, "目標達成", "target met"),
        (-9.0, -0.5, "目標未達", "target missed"),
        (-9.0, 0.0, "目標との差は誤差の範囲内", "not distinguishable"),
    ],
)
def test_headline_target_status_needs_the_whole_interval(
    low: float, high: float, ja: str, en: str
) -> None:
    result = replace(Result(), nps=(low + high) / 2, ci_low=low, ci_high=high)
    soup = soup_of(_headline(result))
    status = soup.select(".nps-headline__facts > div")[1].select_one(".nps-verdict")
    assert status is not None and status.get_text() == ja
    assert en in text_of(_headline(result, lang="en", comparison_label=None))


def test_headline_keeps_numbers_with_their_units() -> None:
    html = _headline().data  # type: ignore[attr-defined]
    assert '<span class="nps-nb">+3.2ポイント</span>' in html
    assert '<span class="nps-nb">−4.9ポイント</span>' in html


def test_headline_small_sample_flag() -> None:
    soup = soup_of(_headline(replace(Result(), n=18, small_sample=True)))
    flag = soup.select_one(".nps-flag")
    assert flag is not None and flag["role"] == "note"
    assert flag.strong.get_text() == "回答数少（参考値）"
    assert "回答数が18件と少ない" in flag.get_text()


def test_headline_without_change_target_or_score() -> None:
    result = replace(Result(), nps=None, ci_low=None, ci_high=None)
    text = text_of(_headline(result, None, target=None))
    assert "前月比 — 比較できるデータがありません" in text
    assert "目標との差 目標未設定 目標はパラメーターの target で設定できます" in text
    assert "目標達成" not in text and "目標：0.0" not in text
    assert soup_of(_headline(result, None)).select_one(".nps-headline__value").get_text() == "—"


def test_headline_insufficient_data_and_empty_period() -> None:
    empty = replace(
        Result(),
        n=0,
        pct_promoters=None,
        pct_passives=None,
        pct_detractors=None,
        nps=None,
        ci_low=None,
        ci_high=None,
    )
    change = replace(Change(), diff=None, ci_low=None, ci_high=None, verdict="insufficient_data")
    soup = soup_of(_headline(empty, change))
    assert soup.select(".nps-segments__bar span") == []
    legend = " ".join(soup.select_one(".nps-segments__legend").get_text(" ").split())
    assert legend == "推奨者 — 中立者 — 批判者 —"
    assert "前月比 — 比較できるデータがありません" in text_of(_headline(empty, change))


def test_headline_names_the_interval_level() -> None:
    @dataclass(frozen=True)
    class Result90(Result):
        level: float = 0.9

    assert "90%信頼区間：−11.0〜+1.2" in text_of(_headline(Result90()))
    assert "90% interval" in text_of(_headline(Result90(), lang="en"))


def test_headline_escapes_labels() -> None:
    html = _headline(period_label=XSS, comparison_label=XSS).data  # type: ignore[attr-defined]
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") == 2


def test_headline_rejects_unknown_verdict_and_language() -> None:
    with pytest.raises(ValueError, match=r"^change.verdict must be one of 'improvement', "):
        _headline(change=replace(Change(), verdict="better"))
    with pytest.raises(ValueError, match=r"^lang must be 'ja' or 'en', got 'de'$"):
        _headline(lang="de")


# ---- table ----


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "channel": ["アプリ", XSS, "電話"],
            "n": pd.array([1240, 180, 22], dtype="Int64"),
            "nps": [-2.54, 8.0, np.nan],
            "small_sample": [False, False, True],
        }
    )


def test_table_cells_alignment_and_na(frame: pd.DataFrame) -> None:
    soup = soup_of(
        report.table(
            frame,
            columns={"channel": "チャネル", "n": "回答数", "nps": "NPS"},
            lang="ja",
            flag_column="small_sample",
        )
    )
    assert soup.select_one("div.nps-table-wrap > table.nps-table") is not None
    assert [th.get_text() for th in soup.select("thead th")] == ["チャネル", "回答数", "NPS"]
    assert [th["class"] for th in soup.select("thead th")] == [["is-text"], ["is-num"], ["is-num"]]
    rows = [[td.get_text() for td in tr.select("td")] for tr in soup.select("tbody tr")]
    assert rows == [
        ["アプリ", "1,240", "−2.5"],
        [XSS, "180", "8.0"],
        ["電話回答数少（参考値）", "22", "—"],
    ]
    flagged = soup.select("tbody tr")[2]
    assert flagged["class"] == ["is-flagged"]
    assert flagged.select_one(".nps-badge").get_text() == "回答数少（参考値）"
    assert "is-na" in flagged.select("td")[2]["class"]


def test_table_formats_and_default_columns(frame: pd.DataFrame) -> None:
    obj = report.table(
        frame,
        lang="en",
        formats={"nps": "+.2f", "n": lambda v: f"n={v}"},
        flag_column="small_sample",
    )
    soup = soup_of(obj)
    assert [th.get_text() for th in soup.select("thead th")] == ["channel", "n", "nps"]
    rows = [[td.get_text() for td in tr.select("td")] for tr in soup.select("tbody tr")]
    assert rows[0] == ["アプリ", "n=1240", "−2.54"]
    assert rows[1][2] == "+8.00"
    assert rows[2] == ["電話small sample", "n=22", "—"]


def test_table_headings_may_wrap_between_japanese_phrases(frame: pd.DataFrame) -> None:
    heading = "このテーマの批判者が中立者になった場合のNPS改善幅（ポイント）"
    html = report.table(frame, columns={"channel": "<チャネル>", "nps": heading}, lang="ja")
    soup = soup_of(html)
    assert [th.get_text() for th in soup.select("thead th")] == ["<チャネル>", heading]
    assert str(soup.select("thead th")[1]).count("<wbr/>") == 7  # この|テーマの|批判者が|…
    assert "&lt;チャネル&gt;" in html._repr_html_()


def test_table_notes_go_under_the_value_in_the_same_cell() -> None:
    df = pd.DataFrame({"phrase": ["送料", "<b>"], "n": [3, 2], "example": ["送料が高い", None]})
    soup = soup_of(
        report.table(df, columns={"phrase": "語句"}, notes={"phrase": "example"}, lang="ja")
    )
    cells = soup.select("tbody td")
    assert [c.get_text() for c in cells] == ["送料送料が高い", "<b>"]
    assert cells[0].select_one("small.nps-note").get_text() == "送料が高い"
    assert cells[1].select_one("small.nps-note") is None  # no example, no empty line
    with pytest.raises(KeyError, match="'missing'"):
        report.table(df, notes={"phrase": "missing"}, lang="ja")


def test_table_first_rows_in_view_and_the_others_folded_under_the_same_header() -> None:
    df = pd.DataFrame({"theme": [f"t{i}" for i in range(7)], "n": range(7, 0, -1)})
    columns = {"theme": "テーマ", "n": "言及数"}
    soup = soup_of(report.table(df, columns=columns, lang="en", first=3))
    tables = soup.select("table.nps-table")
    assert [[tr.td.get_text() for tr in t.select("tbody tr")] for t in tables] == [
        ["t0", "t1", "t2"],
        ["t3", "t4", "t5", "t6"],
    ]
    assert [[th.get_text() for th in t.select("th")] for t in tables] == [["テーマ", "言及数"]] * 2
    fold = soup.select_one("details.nps-table__more")
    assert fold is not None and "open" not in fold.attrs
    assert fold.summary.get_text() == "Show 4 more rows"
    assert tables[1].find_parent("details") is fold and tables[0].find_parent("details") is None
    whole = soup_of(report.table(df, columns=columns, lang="ja", first=7))
    assert whole.select("details") == [] and len(whole.select("tbody tr")) == 7
    # one row left: no fold, which would take the room of the row it hides
    one = soup_of(report.table(df, columns=columns, lang="ja", first=6))
    assert one.select("details") == [] and len(one.select("tbody tr")) == 7
    two = soup_of(report.table(df, columns=columns, lang="ja", first=5))
    assert two.summary.get_text() == "残り2件を表示"


def test_table_booleans_and_dates() -> None:
    df = pd.DataFrame({"ok": [True, False], "day": pd.to_datetime(["2026-10-01", None])})
    rows = [
        [td.get_text() for td in tr.select("td")]
        for tr in soup_of(report.table(df, lang="ja")).select("tbody tr")
    ]
    assert rows == [["はい", "2026-10-01"], ["いいえ", "—"]]


def test_table_unknown_column_message(frame: pd.DataFrame) -> None:
    with pytest.raises(KeyError) as info:
        report.table(frame, columns={"chanel": "x"}, lang="ja")
    assert info.value.args[0] == (
        "table: no column(s) 'chanel' in the frame; "
        "columns are 'channel', 'n', 'nps', 'small_sample'"
    )


# ---- comments, callout, kpi_row, recommendations ----


def test_comments_escape_and_meta() -> None:
    obj = report.comments(
        [XSS, ("配送が遅い。\n二度と使わない", "スコア 3 · 2026-10-12")], lang="ja"
    )
    soup = soup_of(obj)
    quotes = soup.select(".nps-comments blockquote")
    assert [q.get_text() for q in quotes] == [XSS, "配送が遅い。\n二度と使わない"]
    assert soup.select_one(".nps-comments__meta").get_text() == "スコア 3 · 2026-10-12"
    assert "<script>" not in obj.data


def test_comments_show_masks_in_the_reports_language() -> None:
    # QA21: 「折り返しは[PHONE]か[EMAIL]まで」 in a Japanese report's 中立者の声.
    text = "折り返しは[PHONE]か[EMAIL]まで"
    ja = [q.get_text() for q in soup_of(report.comments([text], lang="ja")).select("blockquote")]
    en = [q.get_text() for q in soup_of(report.comments([text], lang="en")).select("blockquote")]
    assert ja == ["折り返しは［電話番号］か［メールアドレス］まで"]
    assert en == [text]


def test_comments_empty() -> None:
    assert text_of(report.comments([], lang="ja")) == "該当するコメントはありません。"
    assert text_of(report.comments([], lang="en")) == "No comments."


def test_callout_kinds_and_paragraphs() -> None:
    soup = soup_of(report.callout(f"一行目\n\n{XSS}", kind="action"))
    box = soup.select_one("div.nps-callout")
    assert box["class"] == ["nps-callout", "nps-callout--action"]
    assert [p.get_text() for p in box.select("p")] == ["一行目", XSS]
    assert soup_of(report.callout("x")).div["class"][1] == "nps-callout--info"
    with pytest.raises(ValueError) as info:
        report.callout("x", kind="danger")
    assert str(info.value) == "kind must be one of 'info', 'warning', 'action', got 'danger'"


def test_kpi_row_values() -> None:
    soup = soup_of(
        report.kpi_row(
            [
                ("回答数", 1512, None),
                ("NPS", -4.94, "前月 −8.1"),
                ("批判者", "25.0%", XSS),
                ("欠損", None, None),
            ]
        )
    )
    values = [v.get_text() for v in soup.select(".nps-kpi__value")]
    assert values == ["1,512", "−4.9", "25.0%", "—"]
    assert [n.get_text() for n in soup.select(".nps-kpi__note")] == ["前月 −8.1", XSS]


def test_recommendations_cards() -> None:
    obj = report.recommendations(
        [
            ("detractor", "配送遅延の連絡を48時間以内に", "批判者の32%が配送に言及"),
            ("Promoters", "紹介プログラムの案内", None),
            ("新規顧客", XSS, XSS),
        ],
        lang="ja",
    )
    soup = soup_of(obj)
    cards = soup.select("li.nps-rec")
    assert [c["class"] for c in cards] == [
        ["nps-rec", "nps-rec--detractor"],
        ["nps-rec", "nps-rec--promoter"],
        ["nps-rec"],
    ]
    assert [c.select_one(".nps-rec__segment").get_text() for c in cards] == [
        "批判者",
        "推奨者",
        "新規顧客",
    ]
    assert cards[0].select_one(".nps-rec__evidence").get_text() == "根拠批判者の32%が配送に言及"
    assert cards[1].select_one(".nps-rec__evidence") is None
    assert "<script>" not in obj.data
    assert text_of(report.recommendations([], lang="en")) == "No recommendations."


def test_recommendations_show_each_segments_first_and_fold_the_rest_in_order() -> None:
    items = [
        ("detractor", "d1", "e-d1"),
        ("detractor", "d2", "e-d2"),
        ("detractor", "d3", None),
        ("passive", "p1", "e-p1"),
        ("promoter", "r1", "e-r1"),
        ("promoter", "r2", "e-r2"),
    ]
    soup = soup_of(report.recommendations(items, lang="en", per_segment=1))
    actions = [p.get_text() for p in soup.select(".nps-rec__action")]
    assert actions == ["d1", "p1", "r1", "d2", "d3", "r2"]  # none dropped
    shown = [p.get_text() for p in soup.select("ul.nps-recs:not(details *) .nps-rec__action")]
    assert shown == ["d1", "p1", "r1"]
    fold = soup.select("details.nps-recs__more")
    assert len(fold) == 1 and "open" not in fold[0].attrs
    assert fold[0].summary.get_text() == "Show 3 more actions"
    assert [p.get_text() for p in fold[0].select(".nps-rec__action")] == ["d2", "d3", "r2"]
    assert [p.get_text() for p in soup.select(".nps-rec__evidence")] == [
        "Evidencee-d1",
        "Evidencee-p1",
        "Evidencee-r1",
        "Evidencee-d2",
        "Evidencee-r2",
    ]
    one = soup_of(report.recommendations(items[3:5], lang="ja", per_segment=1))
    assert one.select("details") == []  # one card a segment: nothing to fold
    two = soup_of(report.recommendations(items[:2], lang="en", per_segment=1))
    assert two.summary.get_text() == "Show 1 more action"


def test_components_have_no_plain_text_leak() -> None:
    data, _ = DisplayFormatter().format(report.callout("x"))
    assert set(data) == {"text/html", "text/plain"}


# ---- publish_summary / read_summary ----


@pytest.fixture
def shell() -> Iterator[InteractiveShell]:
    shell = InteractiveShell.instance()
    yield shell
    InteractiveShell.clear_instance()  # leave no global shell behind for other tests


def _captured(shell: InteractiveShell, summary: dict[str, object]) -> list[dict[str, object]]:
    """Publish through a real IPython shell and return what its display publisher received."""
    with capture_output() as captured:
        report.publish_summary(summary)
    assert captured.stdout == ""
    return [output.data for output in captured.outputs]


def test_publish_summary_has_only_the_custom_mime(shell: InteractiveShell) -> None:
    summary = {
        "n": np.int64(512),
        "nps": np.float64(-4.9),
        "ci_low": float("nan"),
        "small_sample": np.bool_(False),
        "generated": dt.date(2026, 10, 31),
        "trend": [{"period": "2025-11", "nps": pd.NA}],
    }
    (data,) = _captured(shell, summary)
    assert list(data) == [SUMMARY_MIME]
    assert data[SUMMARY_MIME] == {
        "n": 512,
        "nps": -4.9,
        "ci_low": None,
        "small_sample": False,
        "generated": "2026-10-31",
        "trend": [{"period": "2025-11", "nps": None}],
    }
    json.dumps(data[SUMMARY_MIME], allow_nan=False)


def test_publish_summary_rejects_non_json(shell: InteractiveShell) -> None:
    with pytest.raises(TypeError):
        _captured(shell, {"bad": object()})


def test_read_summary_last_one_wins_and_none_when_missing() -> None:
    first = new_code_cell("s1")
    first.outputs = [new_output("display_data", data={SUMMARY_MIME: {"n": 1}})]
    second = new_code_cell("s2")
    second.outputs = [
        new_output("display_data", data={"text/html": "<b>x</b>", "text/plain": "x"}),
        new_output("display_data", data={SUMMARY_MIME: {"n": 2, "change": {"diff": None}}}),
    ]
    nb = new_notebook(cells=[first, second])
    assert report.read_summary(nb) == {"n": 2, "change": {"diff": None}}
    assert report.read_summary(new_notebook(cells=[new_code_cell("x")])) is None


def test_read_summary_after_nbformat_round_trip() -> None:
    import nbformat

    cell = new_code_cell("s")
    cell.outputs = [new_output("display_data", data={SUMMARY_MIME: {"n": 512, "nps": -4.9}})]
    text = nbformat.writes(new_notebook(cells=[cell]))
    summary = report.read_summary(nbformat.reads(text, as_version=4))
    assert summary == {"n": 512, "nps": -4.9}
    assert type(summary) is dict


def test_headline_with_real_scores() -> None:
    from nps_kit.score import compare, nps

    current = nps(pd.DataFrame({"nps_score": [10] * 12 + [8] * 6 + [3] * 2}))
    previous = nps(pd.DataFrame({"nps_score": [10] * 5 + [8] * 5 + [2] * 10}))
    soup = soup_of(
        report.headline(
            current,
            compare(current, previous),
            target=20,
            lang="ja",
            period_label="2026年10月",
            comparison_label="前月比",
        )
    )
    assert soup.select_one(".nps-headline__value").get_text() == "+50.0"
    assert "回答数20件" in soup.get_text()
    assert soup.select_one(".nps-flag") is not None  # 20 responses is a small sample
    assert soup.select_one(".nps-verdict--improvement") is not None


def test_nobreak_keeps_numbers_units_and_dates_together() -> None:
    assert report.nobreak("前月比+2.1ポイント、回答数127人、2026-10-31、−4.9 pts") == (
        '前月比<span class="nps-nb">+2.1ポイント</span>、回答数'
        '<span class="nps-nb">127人</span>、<span class="nps-nb">2026-10-31</span>、'
        '<span class="nps-nb">−4.9\u00a0pts</span>'
    )
    assert report.nobreak("95%信頼区間") == "95%信頼区間"  # "95%" never breaks anyway
    # a group that is a range of numbers (QA22: "higher share of 201-|1000" at 390 px)
    assert report.nobreak("share of 201-1000, 11-50; R-12") == (
        'share of <span class="nps-nb">201-1000</span>, <span class="nps-nb">11-50</span>; R-12'
    )


def test_nobreak_keeps_months_and_one_response_with_their_numbers() -> None:
    # REVIEW44: the overview's and the e-mail's fiscal year to date say why no change is shown;
    # at 390 px 「7か月中1か|月」 and "(3 |responses" broke, and "1 response" is said too.
    assert report.nobreak("回答のある月が7か月中1か月") == (
        '回答のある月が<span class="nps-nb">7か月</span>中<span class="nps-nb">1か月</span>'
    )
    assert report.nobreak("1 of 7 months answered; 1 response, 3 responses") == (
        '1 of <span class="nps-nb">7\u00a0months</span> answered; '
        '<span class="nps-nb">1\u00a0response</span>, <span class="nps-nb">3\u00a0responses</span>'
    )


def test_keep_terms_keeps_a_quoted_term_with_its_particles() -> None:
    # FIX39: at 390 px a line ended after 「済」 and the next began with などの.
    assert report.keep_terms("日付のない「済」などの7人、「留守電」「不在」などの2人") == (
        '日付のない<span class="nps-nb">「済」などの</span>7人、'
        '<span class="nps-nb">「留守電」「不在」などの</span>2人'
    )
    assert report.keep_terms("ここでは「有意な変化なし」となる") == (
        'ここでは<span class="nps-nb">「有意な変化なし」と</span>なる'
    )
    # a quoted comment may wrap: only short terms are kept whole
    quoted = "「配送がとても遅く、問い合わせにも返事がなかった」と"
    assert report.keep_terms(quoted) == quoted
    stylesheet = (
        Path(report.__file__).parent / "templates" / "nps_report" / "static" / "report.css"
    ).read_text("utf-8")
    phrases = stylesheet[stylesheet.index("@supports (word-break: auto-phrase)") :]
    phrases = phrases[: phrases.index("}")]
    assert ":lang(ja) .nps-loop__note" in phrases and ":lang(ja) .nps-overview__note" in phrases


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        (Change(diff=4.0, ci_low=0.03, ci_high=8.0, verdict="improvement"), "+0.03〜+8.0"),
        (Change(diff=-4.0, ci_low=-8.0, ci_high=-0.004, verdict="decline"), "−8.0〜−0.004"),
        # a bound that rounds to zero is 0.0, never −0.0 (QA22)
        (Change(diff=4.0, ci_low=-0.03, ci_high=8.0, verdict="no_change"), "0.0〜+8.0"),
    ],
)
def test_a_significant_changes_interval_never_reads_as_touching_zero(
    change: Change, shown: str
) -> None:
    facts = [
        " ".join(d.get_text(" ").split())
        for d in soup_of(_headline(change=change)).select(".nps-headline__facts > div")
    ]
    assert facts[0].endswith(f"95%信頼区間：{shown}")
