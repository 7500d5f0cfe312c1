"""The run summary: one typed object from the notebook to the manifest, overview and e-mail."""

from __future__ import annotations

import json
from dataclasses import replace

import hypothesis.strategies as st
import pandas as pd
import pytest
from _qa import qa_script
from hypothesis import given

from nps_kit.i18n import Language
from nps_kit.summary import (
    Action,
    Change,
    Control,
    Excluded,
    FiscalYtd,
    Theme,
    TrendPoint,
    UnitSummary,
    UnreadableDates,
    UnreadComments,
    as_summary,
    floor_summary,
    floor_trend,
)

MANIFEST_SUMMARY = {
    "period": "2026-10",
    "n": 512,
    "nps": -4.9,
    "ci_low": -11.0,
    "ci_high": 1.2,
    "pct_promoters": 20.1,
    "pct_passives": 54.9,
    "pct_detractors": 25.0,
    "small_sample": False,
    "min_n": 30,
    "incomplete_through": "2026-10-20",
    "target": 0.0,
    "target_status": "not_distinguishable",
    "change": {
        "vs": "2026-09",
        "kind": "previous",
        "diff": 3.2,
        "ci_low": -5.0,
        "ci_high": 11.4,
        "p_value": 0.44,
        "verdict": "no_change",
        "level": 0.95,
        "nps": -8.1,
    },
    "changes": [
        {
            "vs": "2026-09",
            "kind": "previous",
            "diff": 3.2,
            "ci_low": -5.0,
            "ci_high": 11.4,
            "p_value": 0.44,
            "verdict": "no_change",
            "level": 0.95,
            "nps": -8.1,
        }
    ],
    "fiscal_ytd": {
        "year": 2026,
        "first": "2026-04",
        "last": "2026-10",
        "n": 3456,
        "nps": -2.5,
        "ci_low": -5.0,
        "ci_high": 0.1,
        "small_sample": False,
        "change": {
            "vs": "2025-04",
            "kind": "fiscal_ytd",
            "diff": 2.1,
            "ci_low": -1.0,
            "ci_high": 5.2,
            "p_value": 0.19,
            "verdict": "no_change",
            "level": 0.95,
            "nps": -4.6,
        },
        "counts": [500, 480, 490, 500, 496, 490, 500],
        "before_counts": [480, 480, 480, 480, 480, 480, 480],
        "unshown": None,
        "floor": None,
        "named_by": None,
    },
    "contributors": [{"kind": "previous", "total": 3.2, "items": []}],
    "trend": [
        {
            "period": "2026-09",
            "nps": None,
            "n": 3,
            "ci_low": None,
            "ci_high": None,
            "small_sample": True,
            "control_low": None,
            "control_high": None,
            "out_of_control": None,
        }
    ],
    "control": {"period": "2026-10", "centre": 1.0, "low": -9.5, "high": 11.5, "outside": "below"},
    "top_themes": [
        {
            "theme": "delivery",
            "label": "配送",
            "share": 18.2,
            "nps_gain": 2.1,
            "detractors": 12,
            "label_ja": "配送",
            "label_en": "Delivery",
            "small_sample": True,
            "mentions": None,
        }
    ],
    "theme_scope": "reasons",
    "top_requests": [
        {
            "theme": "price",
            "label": "価格",
            "share": 30.0,
            "nps_gain": None,
            "detractors": None,
            "label_ja": "価格",
            "label_en": "Price",
            "small_sample": False,
            "mentions": 42,
        }
    ],
    "actions": [{"segment": "detractor", "text": "連絡する", "evidence": "…"}],
    "detractors_to_contact": 13,
    "consent_known": True,
    "contact_basis": "consent",
    "detractors_contacted": 4,
    "detractors_not_listed": 3,
    "excluded": {"missing": 2, "invalid": 1},
    "unreadable_dates": {"column": "回答日", "count": 29, "examples": ["10月5日", "先週"]},
    "unread_comments": {"comments": 24, "unread": 22, "languages": ["fr", "es"]},
    "themes_under_floor": None,
    "themes_over_floor": 0,
    "followup_warnings": ["returned.xlsx: row 4, contacted_at: 'yesterday' is not a date; …"],
}


def test_manifest_json_round_trips_with_the_documented_shape() -> None:
    summary = UnitSummary.from_json(MANIFEST_SUMMARY)
    assert summary.change == Change(
        "2026-09", "previous", 3.2, -5.0, 11.4, 0.44, "no_change", level=0.95, nps=-8.1
    )
    assert summary.changes == (summary.change,)
    assert summary.fiscal_ytd == FiscalYtd(
        2026,
        "2026-04",
        "2026-10",
        3456,
        -2.5,
        -5.0,
        0.1,
        False,
        Change("2025-04", "fiscal_ytd", 2.1, -1.0, 5.2, 0.19, "no_change", level=0.95, nps=-4.6),
        counts=(500, 480, 490, 500, 496, 490, 500),
        before_counts=(480,) * 7,
    )
    assert summary.target_status == "not_distinguishable"
    assert summary.consent_known is True
    assert summary.contact_basis == "consent"
    assert (summary.detractors_to_contact, summary.detractors_contacted) == (13, 4)
    assert summary.detractors_not_listed == 3
    assert summary.followup_warnings == (MANIFEST_SUMMARY["followup_warnings"][0],)
    assert summary.control == Control("2026-10", 1.0, -9.5, 11.5, "below")
    assert summary.trend == (TrendPoint("2026-09", None, 3, None, None, True),)
    assert summary.top_themes == (
        Theme(
            "delivery",
            "配送",
            18.2,
            2.1,
            detractors=12,
            label_ja="配送",
            label_en="Delivery",
            small_sample=True,
        ),
    )
    assert summary.top_themes[0].label_in("en") == "Delivery"
    assert summary.theme_scope == "reasons"
    assert summary.top_requests == (
        Theme("price", "価格", 30.0, None, label_ja="価格", label_en="Price", mentions=42),
    )
    assert summary.actions == (Action("detractor", "連絡する", "…"),)
    assert summary.excluded == Excluded(missing=2, invalid=1)
    assert summary.unreadable_dates == UnreadableDates("回答日", 29, ("10月5日", "先週"))
    assert summary.unread_comments == UnreadComments(24, 22, ("fr", "es"))
    assert summary.share("detractors") == 25.0
    out = summary.to_json()
    assert json.dumps(out, ensure_ascii=False) == json.dumps(MANIFEST_SUMMARY, ensure_ascii=False)


def test_unreadable_dates_are_worded_as_the_loader_words_them() -> None:
    # The run table, the e-mail and the overview say it in the report's sentences.
    words = UnitSummary.from_json(MANIFEST_SUMMARY).unreadable_dates.words()  # type: ignore[union-attr]
    assert words.message("ja") == (
        "「回答日」の日付を読み取れない回答が29件あります（例：「10月5日」、「先週」）。"
        "これらの回答はどの期間にも入らず、月別など期間ごとの集計から除かれています。"
    )
    assert words.message("en") == (
        "29 responses have a date in column '回答日' that could not be read, such as '10月5日', "
        "'先週'. A response without a readable date belongs to no period and is left out of "
        "every period's figures."
    )
    assert words.hint("en").startswith("Write these cells in a form nps-kit reads")


def test_comments_no_pack_reads_are_worded_as_the_report_words_them() -> None:
    # FIX78: the e-mail and the overview say why there are no themes with the report's sentence
    # (sections.words_unread), in their own language, from the counts and codes.
    unread = UnitSummary.from_json(MANIFEST_SUMMARY).unread_comments
    assert unread is not None
    assert unread.message("en") == (
        "Most comments (22 of 24) are in French, Spanish, which this report's analysis does not "
        "read: they are not analysed, so no themes or typical phrases come from them."
    )
    assert unread.message("ja") == (
        "コメントの多く（24件中22件）はフランス語、スペイン語で、このレポートの分析はこれらの"
        "言語を読みません。これらのコメントは分析されず、テーマも特徴語も出ていません。"
    )
    # REVIEW35: the reader's sentence has no instruction to edit themes.yaml (a manager
    # cannot); the analyst's is the hint, said at the end of the run.
    assert unread.hint("en", themes="parameters/themes.yaml") == (
        "Words of those languages written in parameters/themes.yaml tag them, as neutral mentions."
    )
    # FIX80: two languages were "that language"; one is still said in the singular.
    one = UnreadComments(24, 22, ("fr",))
    assert one.message("en").endswith(
        "are in French, which this report's analysis does not read: they are not analysed, so "
        "no themes or typical phrases come from them."
    )
    assert "この言語を読みません。" in one.message("ja")
    assert (
        one.hint("ja")
        == "その言語の語句を「themes.yaml」に書けば、テーマが付きます（賛否は「中立」）。"
    )
    # Under the anonymity floor the themes are hidden, and so is why there are none.
    hidden = floor_summary(UnitSummary.from_json(MANIFEST_SUMMARY | {"n": 3}), 5)
    assert hidden.unread_comments is None and hidden.top_themes == ()


def test_why_there_are_no_top_themes_is_said_in_either_language() -> None:
    # FIX78: the e-mail and the overview's top-complaint cell say why, not a bare dash.
    plain = UnitSummary.from_json(MANIFEST_SUMMARY)
    unread = plain.unread_comments
    assert unread is not None and plain.themes_note("en") == unread.message("en")
    hidden = UnitSummary(themes_under_floor=5)
    assert hidden.themes_note("ja") == (
        "どのテーマも言及者が5人未満で、匿名性を守るため改善幅は表示していません"
        "（言及数はレポートに掲載）。"
    )
    assert hidden.themes_note("en").startswith("Every theme has fewer than 5 commenters")
    assert UnitSummary.from_json(hidden.to_json()) == hidden  # through the manifest
    assert UnitSummary().themes_note("en") is None
    # REVIEW35: beside themes over the floor that no detractor complains of, not "every theme"
    beside = UnitSummary(themes_under_floor=5, themes_over_floor=2)
    assert beside.themes_note("en") == (
        "No theme named by 5 or more commenters has detractors complaining about it; those "
        "named by fewer show no points gained, to keep them anonymous (the report shows their "
        "mentions)."
    )
    assert UnitSummary.from_json(beside.to_json()) == beside
    # under the unit's floor nothing of its themes is said
    assert floor_summary(replace(hidden, n=3), 5).themes_note("en") is None


def test_an_old_or_hand_edited_summary_reads_with_gaps() -> None:
    summary = UnitSummary.from_json(
        {
            "nps": "high",
            "n": 40,
            "change": "none",
            "trend": [{"nps": 3.0}, "x", {"period": "2026-10", "nps": 1.5, "n": 40}],
            "top_themes": [{"theme": "price"}],
        }
    )
    assert (summary.nps, summary.n, summary.change, summary.target) == (None, 40, None, None)
    assert summary.trend == (TrendPoint("2026-10", 1.5, 40),)
    assert summary.top_themes == (Theme("price", "price", None, None),)
    assert summary.top_themes[0].label_in("en") == "price"  # an older manifest: its own label
    assert as_summary(None) is None
    assert as_summary(summary) is summary
    assert as_summary({}) == UnitSummary()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
_KEYS = st.sampled_from([*MANIFEST_SUMMARY, *MANIFEST_SUMMARY["trend"][0]])  # type: ignore[index]


@given(st.dictionaries(_KEYS, _JSON | st.just(MANIFEST_SUMMARY["trend"])))
def test_any_json_object_reads_without_error_and_round_trips(data: dict[str, object]) -> None:
    summary = UnitSummary.from_json(data)
    text = json.dumps(summary.to_json())
    again = UnitSummary.from_json(json.loads(text))
    # Compared as JSON text: contributors are free-form rows, and NaN != NaN inside a dict.
    assert json.dumps(again.to_json()) == text


def test_floor_summary_hides_the_months_side_of_its_control_limits() -> None:
    """Under the floor the month's place against its control limits is its score too.

    ``control`` was cleared but the trend point kept ``out_of_control``, so the e-mail of a
    unit of 2 responses said "Months outside the control limits: October 2026 (above)".
    """
    month = TrendPoint(
        period="2026-10",
        nps=100.0,
        n=2,
        control_low=-40.0,
        control_high=30.0,
        out_of_control="above",
    )
    summary = UnitSummary(period="2026-10", n=2, nps=100.0, trend=(month,))
    (shown,) = floor_summary(summary, 5).trend
    assert (shown.nps, shown.out_of_control) == (None, None)
    assert (shown.control_low, shown.control_high) == (None, None)


def test_floor_summary_hides_every_month_of_the_trend_under_the_floor() -> None:
    """FIX63: an earlier month of 2 responses kept its NPS in the trend (chart, overview line).

    The change against it was hidden (it tells that month's score), its point was not.
    """
    trend = (
        TrendPoint("2026-07", 100.0, 2, 29.4, 100.0, True, -40.0, 70.0, "above"),
        TrendPoint("2026-08", 10.0, 30, -12.0, 31.0, False, -20.0, 50.0, None),
        TrendPoint("2026-09", -33.3, 3, -80.0, 30.0, True, -60.0, 90.0, None),
        TrendPoint("2026-10", 20.0, 40, 2.0, 37.0, False, -10.0, 40.0, None),
    )
    summary = UnitSummary(period="2026-10", n=40, nps=20.0, trend=trend)
    shown = floor_summary(summary, 5)
    assert [p.nps for p in shown.trend] == [None, 10.0, None, 20.0]
    assert [p.n for p in shown.trend] == [2, 30, 3, 40]  # n is still shown
    for point in (shown.trend[0], shown.trend[2]):
        assert (point.ci_low, point.ci_high) == (None, None)
        assert (point.control_low, point.control_high, point.out_of_control) == (None, None, None)
    assert shown.trend[1] == trend[1] and shown.trend[3] == trend[3]
    assert shown.nps == 20.0  # the month itself is over the floor
    assert floor_trend(trend, None) == trend and floor_trend(trend, 0) == trend
    assert floor_summary(summary, 2).trend == trend  # 2 and 3 are not under a floor of 2


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "ja",
            "2026年度累計（4〜10月）：NPS −2.5ポイント・回答数3,456件・前年度同期比+2.1ポイント・"
            "有意な変化なし",
        ),
        (
            "en",
            "FY2026 to date (Apr–Oct): NPS −2.5 pts · 3,456 responses · +2.1 pts vs same months "
            "last fiscal year · no significant change",
        ),
    ],
)
def test_the_fiscal_year_to_date_is_said_in_one_line(lang: Language, line: str) -> None:
    fiscal = UnitSummary.from_json(MANIFEST_SUMMARY).fiscal_ytd
    assert fiscal is not None and fiscal.text(lang) == line
    # without its change (hidden under the floor) or from an older manifest
    assert replace(fiscal, change=None).text("en") == (
        "FY2026 to date (Apr–Oct): NPS −2.5 pts · 3,456 responses"
    )
    assert FiscalYtd().text("en") is None
    assert UnitSummary.from_json({"n": 3}).fiscal_ytd is None


def test_the_fiscal_year_to_date_keeps_why_and_its_months_counts_through_the_manifest() -> None:
    # FY43: the overview and the e-mail read why the change is not shown from the manifest.
    fiscal = FiscalYtd(
        year=2026,
        first="2026-04",
        last="2026-06",
        n=40,
        nps=10.0,
        counts=(20, 0, 20),
        before_counts=(0, 0, 4),
        unshown="under_floor",
        floor=5,
    )
    assert FiscalYtd.from_json(json.loads(json.dumps(fiscal.to_json()))) == fiscal
    assert fiscal.why("en") == "vs last FY: not shown (4 responses, fewer than 5)"
    assert replace(fiscal, before_counts=(0, 0, 1)).why("en") == (
        "vs last FY: not shown (1 response, fewer than 5)"
    )
    # a manifest written before them: unknown, not none
    written = {
        k: v
        for k, v in MANIFEST_SUMMARY["fiscal_ytd"].items()
        if k not in ("counts", "before_counts", "unshown", "floor", "named_by")
    }
    older = FiscalYtd.from_json(written)
    assert (older.counts, older.before_counts, older.unshown) == (None, None, None)
    assert older.why("en") is None and replace(older, unshown="bogus").why("en") is None


def _older_manifest(june: int) -> UnitSummary:
    """A summary as nps-kit wrote it before REVIEW42 and FY43: no counts, no reason.

    Its trend (November 2025 … October 2026) has 20 responses in April and October 2026 and
    ``june`` in June 2026, none in the year to date's other months.
    """
    counts = {"2026-04": 20, "2026-06": june, "2026-10": 20}
    months = [f"2025-{m:02d}" for m in (11, 12)] + [f"2026-{m:02d}" for m in range(1, 11)]
    n = {m: counts.get(m, 0) if m >= "2026-04" else 30 for m in months}
    trend = [{"period": m, "nps": 10.0 if n[m] else None, "n": n[m]} for m in months]
    fiscal = {
        "year": 2026,
        "first": "2026-04",
        "last": "2026-10",
        "n": 40 + june,
        "nps": 12.5,
        "ci_low": -5.0,
        "ci_high": 30.0,
        "small_sample": True,
        "change": {"vs": "2025-04", "kind": "fiscal_ytd", "diff": 4.0, "verdict": "no_change"},
    }
    return UnitSummary.from_json(
        {
            "unit": "ec",
            "period": "2026-10",
            "n": 20,
            "nps": 10.0,
            "trend": trend,
            "fiscal_ytd": fiscal,
        }
    )


def test_an_older_manifest_s_fiscal_year_to_date_follows_today_s_floor_rule() -> None:
    # FY43: a manifest written before REVIEW42 showed FY2026 April–October (43 responses)
    # beside a trend whose June shows only its 3: April's and October's shown, the year to
    # date's NPS and n told June's. The overview and the e-mail now hide it as the report does.
    older = _older_manifest(june=3)
    fiscal = floor_summary(older, 5).fiscal_ytd
    assert fiscal is not None
    assert (fiscal.nps, fiscal.ci_low, fiscal.ci_high, fiscal.change) == (None, None, None, None)
    assert (fiscal.n, fiscal.unshown, fiscal.floor) == (43, "ytd_tells", 5)
    assert fiscal.text("en") == (
        "FY2026 to date (Apr–Oct): 43 responses · not shown (it would tell the NPS of a month "
        "under 5 responses)"
    )
    # Its change compares last year's same months, whose counts it never wrote: not shown.
    pooled = floor_summary(_older_manifest(june=6), 5).fiscal_ytd
    assert pooled is not None and pooled.nps == 12.5 and pooled.change is None
    assert pooled.why("en") == (
        "vs last FY: not shown (written by an earlier version, which cannot be checked "
        "against the floor of 5; run the month again)"
    )
    assert pooled.why("ja") == (
        "前年度同期：非表示（旧版の結果のため5件未満の月を確認できません。再実行してください）"
    )
    # No floor, nothing hidden.
    assert floor_summary(older, 0).fiscal_ytd == older.fiscal_ytd


@pytest.mark.parametrize(
    ("before", "unshown"),
    [
        ((10, 3, 10, 0, 0, 0, 0), "tells"),  # May 2025 told by the span minus April and June
        ((1, 3, 0, 0, 0, 0, 0), "under_floor"),
        ((10, 3, 2, 0, 0, 0, 0), None),  # the two hidden months hold the floor together
        ((10, 10, 10, 0, 0, 0, 0), None),
    ],
)
def test_the_fiscal_change_follows_the_report_s_floor_rule_with_its_counts(
    before: tuple[int, ...], unshown: str | None
) -> None:
    summary = _older_manifest(june=6)
    ytd = replace(summary.fiscal_ytd, counts=(20, 0, 6, 0, 0, 0, 20), before_counts=before)
    fiscal = floor_summary(replace(summary, fiscal_ytd=ytd), 5).fiscal_ytd
    assert fiscal is not None and fiscal.nps == 12.5
    assert fiscal.unshown == unshown
    assert (fiscal.change is None) == (unshown is not None)


def test_the_fiscal_year_to_date_is_named_as_the_report_named_it() -> None:
    # FY43: an English UK unit's April 2026 – October 2026 is FY2027; an older manifest,
    # without named_by, named every year by its start.
    fiscal = UnitSummary.from_json(MANIFEST_SUMMARY).fiscal_ytd
    assert fiscal is not None and fiscal.named_by is None
    assert (fiscal.text("en") or "").startswith("FY2026 to date (Apr–Oct): ")
    ended = FiscalYtd.from_json({**MANIFEST_SUMMARY["fiscal_ytd"], "named_by": "end"})
    assert (ended.year, ended.named_by) == (2026, "end")
    assert (ended.text("en") or "").startswith("FY2027 to date (Apr–Oct): ")
    assert floor_summary(UnitSummary(n=3456, fiscal_ytd=ended), 5).fiscal_ytd == ended


@pytest.fixture(scope="module")
def branch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """QA43's 髙島屋前出張所 (``tests/qa43/gen.py``): its scored answers by month, 1–4 each."""
    gen = qa_script("qa43", "gen")
    truth = pd.read_csv(gen.write_bank(tmp_path_factory.mktemp("qa43")) / "truth.csv")
    mine = truth.loc[truth["unit"] == "髙島屋前出張所"]
    return {str(m): int(k) for m, k in mine.groupby(mine["when"].str[:7]).size().items()}


def _branch_summary(branch: dict[str, int], last: str) -> UnitSummary:
    """The branch's summary for ``last`` (FY2026 from April), as its notebook builds it.

    Last year's same months have answers in October and November 2025 only (the export
    begins then): too few to compare, as the report says.
    """
    months = [m for m in sorted(branch) if "2026-04" <= m <= last]
    fiscal = FiscalYtd(
        year=2026,
        first="2026-04",
        last=last,
        n=sum(branch[m] for m in months),
        nps=15.0,
        ci_low=-20.0,
        ci_high=45.0,
        small_sample=True,
        change=Change("2025-04", "fiscal_ytd", None, None, None, None, None),
        counts=tuple(branch[m] for m in months),
        before_counts=tuple(branch.get(m.replace("2026", "2025"), 0) for m in months),
        unshown="too_few",
        floor=None,
    )
    return UnitSummary(period=last, n=branch[last], nps=33.3, fiscal_ytd=fiscal)


def test_a_unit_under_the_floor_keeps_a_fiscal_year_to_date_that_tells_no_month(
    branch: dict[str, int],
) -> None:
    # PRIV44: 髙島屋前出張所 has 3 answers in November 2026, 20 in FY2026 to date: the month
    # shows only its n, the year to date its NPS (it hid both).
    assert [branch[f"2026-{m:02d}"] for m in range(4, 12)] == [3, 4, 1, 2, 1, 4, 2, 3]
    floored = floor_summary(_branch_summary(branch, "2026-11"), 5)
    assert (floored.n, floored.nps) == (3, None)
    fiscal = floored.fiscal_ytd
    assert fiscal is not None and (fiscal.n, fiscal.nps, fiscal.unshown) == (20, 15.0, "too_few")
    assert fiscal.text("ja") == (
        "2026年度累計（4〜11月）：NPS +15.0ポイント・回答数20件・回答数少（参考値）・"
        "前年度同期：比較なし（回答のある月が8か月中2か月）"
    )


@pytest.mark.parametrize(
    ("last", "unshown", "en", "ja"),
    [
        (
            "2026-04",  # the year's first month: 3 answers, the month itself
            "ytd_under_floor",
            "FY2026 to date (Apr only): not shown (3 responses, fewer than 5)",
            "2026年度累計（4月のみ）：非表示（回答3件、5件未満）",
        ),
        (
            "2026-10",  # minus September's year to date (shown): October's 2 answers
            "ytd_tells",
            "FY2026 to date (Apr–Oct): 17 responses · not shown (it would tell the NPS of a "
            "month under 5 responses)",
            "2026年度累計（4〜10月）：回答数17件・非表示（5件未満の月のNPSが分かるため）",
        ),
    ],
)
def test_a_unit_under_the_floor_hides_a_fiscal_year_to_date_that_tells_a_month(
    branch: dict[str, int], last: str, unshown: str, en: str, ja: str
) -> None:
    fiscal = floor_summary(_branch_summary(branch, last), 5).fiscal_ytd
    assert fiscal is not None
    assert (fiscal.nps, fiscal.ci_low, fiscal.ci_high, fiscal.change) == (None,) * 4
    assert (fiscal.unshown, fiscal.floor) == (unshown, 5)
    assert (fiscal.text("en"), fiscal.text("ja")) == (en, ja)


def test_an_older_manifest_under_the_floor_without_a_trend_hides_its_fiscal_year_to_date(
    branch: dict[str, int],
) -> None:
    # A month under the floor publishes no trend, and a manifest written before FY43 no counts:
    # the year to date cannot be checked, so it is not shown, and the reason says to re-run.
    summary = _branch_summary(branch, "2026-11")
    older = replace(summary, fiscal_ytd=replace(summary.fiscal_ytd, counts=None))
    fiscal = floor_summary(older, 5).fiscal_ytd
    assert fiscal is not None and (fiscal.nps, fiscal.unshown, fiscal.n) == (None, "ytd_rerun", 20)
    assert fiscal.text("en") == (
        "FY2026 to date (Apr–Nov): 20 responses · not shown (written by an earlier version, "
        "which cannot be checked against the floor of 5; run the month again)"
    )


def test_floor_summary_is_the_same_read_again_from_its_json(branch: dict[str, int]) -> None:
    # The runner writes the floored summary; the overview and the e-mail floor it again.
    for last in ("2026-04", "2026-10", "2026-11"):
        once = floor_summary(_branch_summary(branch, last), 5)
        again = floor_summary(UnitSummary.from_json(json.loads(json.dumps(once.to_json()))), 5)
        assert again == once


def test_a_change_not_compared_keeps_no_nps_of_last_year_s_months_the_floor_hides(
    branch: dict[str, int],
) -> None:
    # A year to date not compared (too few of last year's months answered) still carried
    # last year's NPS in its change: hidden when those months are under the floor together.
    summary = _branch_summary(branch, "2026-11")
    ytd = replace(summary.fiscal_ytd, change=replace(summary.fiscal_ytd.change, nps=60.0))
    kept = floor_summary(replace(summary, fiscal_ytd=ytd), 5).fiscal_ytd
    assert kept is not None and kept.change is not None and kept.change.nps == 60.0  # 5 answers
    few = replace(ytd, before_counts=(0, 0, 0, 0, 0, 0, 3, 1))
    fiscal = floor_summary(replace(summary, fiscal_ytd=few), 5).fiscal_ytd
    assert fiscal is not None and fiscal.change is not None
    assert (fiscal.change.nps, fiscal.unshown, fiscal.nps) == (None, "too_few", 15.0)
