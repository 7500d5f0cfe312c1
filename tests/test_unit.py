from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from _exports import QUALTRICS_JA_NPS, write_callcentre_ja, write_months, write_qualtrics_ja_tsv

from nps_kit.cache import build_cache
from nps_kit.errors import DataError
from nps_kit.ordinal import group_order
from nps_kit.score import nps
from nps_kit.unit import (
    CONSENT_HINT,
    UnitData,
    breakdown_table,
    consent_problem,
    contact_allowed,
    data_quality,
    headline,
    incomplete_through,
    prepare_unit,
    shift_period,
    trend_table,
    unit_unreadable_dates,
)

# The data-quality rows of unfinished responses (Qualtrics' Finished, LimeSurvey's submitdate).
UNFINISHED_JA = (
    "うち途中で終了した回答（Qualtrics の Finished = False、LimeSurvey の submitdate が空欄）"
)
EXCLUDED_JA = (
    "除外：途中で終了した回答（Qualtrics の Finished = False、LimeSurvey の submitdate が空欄、"
    "unfinished: exclude）"
)
UNFINISHED_EN = "Of which unfinished (Qualtrics Finished = False; LimeSurvey submitdate blank)"
EXCLUDED_EN = (
    "Excluded: unfinished responses (Qualtrics Finished = False; LimeSurvey submitdate blank; "
    "unfinished: exclude)"
)
DEMO_DATA = Path(__file__).resolve().parent.parent / "data" / "demo_responses.csv.gz"
LONG = "とても残念でした" * 12  # 96 characters
#: The data-quality row of the duplicates dedupe dropped, which says which copy was kept.
DROPPED = "Duplicates dropped (dedupe: the earliest response kept)"
HEADER = "response_id,submitted_at,business_unit,score,channel,comment,contact_ok\n"
# EC事業部 in 2026-10 (the reporting month): valid 10, 9, 8, 7, 3, 0, 6, 10, 2 → n 9,
# 3 promoters, 2 passives, 4 detractors, NPS −11.1; one missing (無回答), one invalid (11).
# The unit name is written three ways (plain, padded, full-width ＥＣ).
CURRENT = [
    "R01,2026-10-31 10:00:00,EC事業部,10,web,とても満足,はい",
    "R02,2026-10-30 09:00:00, EC事業部 , 9 ,web,良い,いいえ",
    "R03,2026-10-29 09:00:00,ＥＣ事業部,８,app,まあまあ良い,いいえ",
    "R04,2026-10-28 09:00:00,EC事業部,7,app,普通,はい",
    "R05,2026-10-27 09:00:00,EC事業部,3,web,連絡は taro@example.com までお願いします,はい",
    f"R06,2026-10-26 09:00:00,EC事業部,0,app,{LONG}, Yes ",
    "R07,2026-10-25 09:00:00,EC事業部,6,web,電話 090-1234-5678 にください,いいえ",
    "R08,2026-10-24 09:00:00,EC事業部,無回答,web,,はい",
    "R09,2026-10-23 09:00:00,EC事業部,11,store,,はい",
    "R10,2026-10-22 09:00:00,EC事業部,10,store,最高,",
    "R11,2026-10-21 09:00:00,EC事業部,2,web,届かない,はい",
]
# 2026-09: eight promoters (NPS 100). 2025-10: 9, 7, 3 (NPS 0); R01 is used twice.
PREVIOUS = [f"R{i},2026-09-{i - 10:02d} 12:00:00,EC事業部,10,web,,いいえ" for i in range(12, 20)]
LAST_YEAR = [
    "R22,2025-10-05 08:00:00,EC事業部,9,web,,いいえ",
    "R23,2025-10-06 08:00:00,EC事業部,7,web,,いいえ",
    "R01,2025-10-07 08:00:00,EC事業部,3,web,,いいえ",
]
UNDATED = ["R25,someday,EC事業部,8,web,,はい"]
OTHER_UNIT = [
    "C01,2026-10-31 12:00:00,Cloud Platform,10,web,Great,Yes",
    "C02,2026-10-15 12:00:00,Cloud Platform,4,web,Slow,No",
    "C03,not a date,Cloud Platform,8,web,,Yes",
]
EC_ROWS = len(CURRENT) + len(PREVIOUS) + len(LAST_YEAR) + len(UNDATED)  # 23


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def responses(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "responses.csv", CURRENT + PREVIOUS + LAST_YEAR + UNDATED + OTHER_UNIT
    )


def ec(path: Path, **kwargs: object) -> UnitData:
    options: dict[str, object] = {
        "name": "EC事業部",
        "unit_column": "business_unit",
        "unit_values": ["EC事業部"],
        "text_columns": ["comment"],
        **kwargs,
    }
    return prepare_unit(path, **options)  # type: ignore[arg-type]


# --- prepare_unit --------------------------------------------------------------------------------


def test_unit_filter_ignores_width_and_surrounding_space(responses: Path) -> None:
    unit = ec(responses)
    assert unit.unit_rows == EC_ROWS
    assert len(unit.responses) == EC_ROWS
    assert {"R02", "R03"} <= set(unit.responses["response_id"])
    assert not unit.responses["response_id"].str.startswith("C").any()
    # The wanted value itself may be written differently too.
    assert ec(responses, unit_values=[" ＥＣ事業部\u3000"]).unit_rows == EC_ROWS


@pytest.mark.parametrize("cached", [False, True])
def test_unit_filter_ignores_case_and_inner_spaces(tmp_path: Path, cached: bool) -> None:
    # FIX65 (QA29 F2/F3): one rule for a unit's rows and score --by's groups: NFKC, one space,
    # case-folded, so "Ward  3B" and "ward 3b" are the rows of one unit.
    path = tmp_path / "w.csv"
    path.write_text(
        "ward,score,submitted_at\nWard 3B,9,2026-10-01\nward  3b,3,2026-10-02\n"
        "Ward 3B (Cardiology),5,2026-10-31\nＷａｒｄ 3B,7,2026-10-03\n",
        encoding="utf-8",
    )
    options: dict[str, object] = {"name": "w", "unit_column": "ward", "unit_values": ["Ward 3B"]}
    if cached:
        options["cache"] = build_cache(
            path,
            cache_dir=tmp_path / "c",
            sha256="x",
            columns=["ward"],
            unit_column="ward",
            score_column="score",
            date_column="submitted_at",
        ).path
    unit = prepare_unit(path, **options)  # type: ignore[arg-type]
    assert unit.responses["nps_score"].tolist() == [9, 3, 7]


@pytest.mark.parametrize("cached", [False, True])
def test_a_renamed_unit_keeps_its_rows_and_says_its_earlier_name(
    tmp_path: Path, cached: bool
) -> None:
    # QA29 F8: "Ward 3B" became "Ward 3B (Cardiology)" on 15 October: one unit, whose trend
    # has September, and whose data quality says the earlier name once.
    path = tmp_path / "w.csv"
    path.write_text(
        "ward,score,submitted_at\nWard 3B,9,2026-09-10\nward 3b,3,2026-10-14\n"
        "Ward 3B (Cardiology),5,2026-10-15\nWard 5,7,2026-10-03\n",
        encoding="utf-8",
    )
    options: dict[str, object] = {
        "name": "w",
        "language": "en",
        "unit_column": "ward",
        "unit_values": ["Ward 3B (Cardiology)"],
        "previous_names": ["Ward 3B"],
        "period": "2026-10",
    }
    if cached:
        options["cache"] = build_cache(
            path,
            cache_dir=tmp_path / "c",
            sha256="x",
            columns=["ward"],
            unit_column="ward",
            score_column="score",
            date_column="submitted_at",
        ).path
    unit = prepare_unit(path, **options)  # type: ignore[arg-type]
    assert unit.responses["nps_score"].tolist() == [9, 3, 5]
    assert unit.renamed == (("Ward 3B", "2026-10-14"),)
    assert trend_table(unit)["period"].tolist() == ["2026-09", "2026-10"]
    quality = data_quality(unit).set_index("item")["value"]
    assert quality["Earlier name"] == "Ward 3B (until 2026-10-14)"
    assert list(quality.index).index("Earlier name") == 4  # after the unit's rows


def test_unit_codes_read_as_float_match_whole_numbers(tmp_path: Path) -> None:
    # Unit codes with a blank cell are read as 1.0, 2.0, NaN.
    path = tmp_path / "codes.csv"
    path.write_text(
        "unit,score,submitted_at\n1,9,2026-10-01\n2,3,2026-10-02\n,5,2026-10-31\n1,7,2026-10-03\n",
        encoding="utf-8",
    )
    unit = prepare_unit(path, name="1", unit_column="unit", unit_values=["1"])
    assert unit.responses["nps_score"].tolist() == [9, 7]


@pytest.mark.parametrize("cached", [False, True])
def test_an_export_s_own_segment_and_period_are_kept(tmp_path: Path, cached: bool) -> None:
    # FIX33 kept an export's own nps_score; its 'segment' (a customer segment) and 'period' were
    # still written over by prepare_unit's NPS segment and month, the unit filter on them too.
    path = tmp_path / "r.csv"
    path.write_text(
        "segment,period,score,submitted_at\n"
        "SME,Q4,9,2026-10-01\nRetail,Q4,3,2026-10-02\nSME,Q4,5,2026-10-31\n",
        encoding="utf-8",
    )
    options: dict[str, object] = {"name": "SME", "unit_column": "segment", "unit_values": ["SME"]}
    if cached:
        store = build_cache(
            path,
            cache_dir=tmp_path / "c",
            sha256="x",
            columns=["segment", "period"],
            unit_column="segment",
            score_column="score",
            date_column="submitted_at",
        )
        options["cache"] = store.path
    unit = prepare_unit(path, **options)  # type: ignore[arg-type]
    data = unit.responses
    assert data["segment (export)"].tolist() == ["SME", "SME"]
    assert data["period (export)"].tolist() == ["Q4", "Q4"]
    assert data["segment"].tolist() == ["promoter", "detractor"]
    assert data["period"].tolist() == ["2026-10", "2026-10"]


@pytest.mark.parametrize("cached", [False, True])
def test_answers_in_half_width_kana_are_shown_full_width(tmp_path: Path, cached: bool) -> None:
    # QA27 #7: a cart export's ﾃｲｷｺｰｽ and ｳｪﾌﾞ広告 in breakdown charts, cards and e-mails beside
    # inspect's テイキコース; the unit is still chosen by its value as written, and the
    # comment and the id stay as written.
    path = tmp_path / "r.csv"
    path.write_text(
        "会員ID,購入ﾌﾞﾗﾝﾄﾞ,ｺｰｽ,score,submitted_at,感想\n"
        "ｱ01,ﾙﾐｴｰﾙ,ﾃｲｷｺｰｽ,9,2026-10-01,ﾒｰﾙが多い\n"
        "ｱ02,ﾙﾐｴｰﾙ,ｽﾎﾟｯﾄ購入,3,2026-10-02,\n"
        "ｱ03,ﾊﾅﾐｽﾞｷ,ﾃｲｷｺｰｽ,5,2026-10-03,\n",
        encoding="utf-8",
    )
    options: dict[str, object] = {
        "name": "ルミエール",
        "unit_column": "購入ﾌﾞﾗﾝﾄﾞ",
        "unit_values": ["ﾙﾐｴｰﾙ"],
        "id_column": "会員ID",
        "text_columns": ["感想"],
    }
    if cached:
        store = build_cache(
            path,
            cache_dir=tmp_path / "c",
            sha256="x",
            columns=["会員ID", "購入ﾌﾞﾗﾝﾄﾞ", "ｺｰｽ", "感想"],
            unit_column="購入ﾌﾞﾗﾝﾄﾞ",
            score_column="score",
            date_column="submitted_at",
        )
        options["cache"] = store.path
    unit = prepare_unit(path, **options)  # type: ignore[arg-type]
    data = unit.current
    assert data["ｺｰｽ"].tolist() == ["テイキコース", "スポット購入"]
    assert data["購入ﾌﾞﾗﾝﾄﾞ"].tolist() == ["ルミエール"] * 2
    assert data["会員ID"].tolist() == ["ｱ01", "ｱ02"]
    assert data["感想"].iloc[0] == "ﾒｰﾙが多い"
    table = breakdown_table(unit, "ｺｰｽ", min_report_n=1)
    assert set(table["ｺｰｽ"]) == {"テイキコース", "スポット購入"}


def test_without_unit_column_every_row_is_kept(responses: Path) -> None:
    unit = prepare_unit(responses, name="全社")
    assert unit.unit_rows == EC_ROWS + len(OTHER_UNIT)


def test_prepared_columns(responses: Path) -> None:
    unit = ec(responses)
    current = unit.current.set_index("response_id")
    assert current.loc["R03", "nps_score"] == 8
    assert current.loc["R03", "segment"] == "passive"
    assert current.loc["R09", "nps_status"] == "invalid"
    assert current["segment"].isna()["R09"]
    assert set(unit.current["period"]) == {"2026-10"}
    assert unit.rows("2025-10")["response_id"].tolist() == ["R22", "R23", "R01"]
    assert unit.responses.set_index("response_id")["period"].isna()["R25"]


def test_missing_unit_column_suggests_closest(responses: Path) -> None:
    with pytest.raises(DataError) as err:
        ec(responses, unit_column="busines_unit")
    assert str(err.value) == (
        f"{responses} has no column 'busines_unit' (data.filter.column); columns: "
        "'response_id', 'submitted_at', 'business_unit', 'score', 'channel', 'comment', "
        "'contact_ok'. "
        "Did you mean 'business_unit'?"
    )
    assert err.value.path == responses


def test_unknown_unit_value_lists_values_and_suggests_closest(responses: Path) -> None:
    with pytest.raises(DataError) as err:
        ec(responses, unit_values=["EC事業"])
    assert str(err.value) == (
        f"{responses}: no rows with business_unit in ['EC事業']; "
        "values present: Cloud Platform, EC事業部. Did you mean 'EC事業部'?"
    )


def test_unknown_unit_value_read_from_the_runs_cache_names_the_export(
    responses: Path, tmp_path: Path
) -> None:
    # nps-kit run reads units from its cache of the export: the message is the export's, with
    # the values present, not the cache file's.
    options = {"score_column": "score", "date_column": "submitted_at"}
    store = build_cache(
        responses,
        cache_dir=tmp_path / "cache",
        sha256="x",
        columns={"business_unit", "comment", *options.values()},
        unit_column="business_unit",
        **options,
    )
    with pytest.raises(DataError) as err:
        ec(responses, unit_values=["EC事業"], cache=store.path, **options)
    assert str(err.value) == (
        f"{responses}: no rows with business_unit in ['EC事業']; "
        "values present: Cloud Platform, EC事業部. Did you mean 'EC事業部'?"
    )


@pytest.mark.parametrize("period", ["2026-12", "2026-07"])
def test_period_without_responses_names_the_covered_range(responses: Path, period: str) -> None:
    with pytest.raises(DataError) as err:
        ec(responses, period=period)
    assert str(err.value) == (
        f"{responses}: EC事業部 has no responses in {period}; the data covers 2025-10 to "
        "2026-10. Pick a period inside that range (--period YYYY-MM)."
    )


def test_no_readable_dates(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", ["R1,someday,EC事業部,9,web,,はい"])
    with pytest.raises(DataError) as err:
        ec(path)
    assert str(err.value) == (
        f"{path}: no date in column 'submitted_at' (date_column) could be read (e.g. "
        "'someday'); accepted forms: ISO (2026-10-03, 2026-10-03T09:15:00), 2026/10/03 9:15, "
        "2026年10月3日 9時15分, Japanese era dates (令和8年10月3日, 令和元年5月1日, R8.10.3, "
        "R8/10/3, H31-4-30), Google Forms' 2026/11/03 9:05:33 午前 GMT+9, "
        "Excel's 2026/11/03 午前 9:05, SurveyMonkey's 11/03/2026 09:05:33 午前, "
        "Nov 3, 2026 9:05 AM, Excel serial numbers, Unix epoch seconds or milliseconds "
        "(1761958394, UTC), and day/month/year or month/day/year with "
        "a 2- or 4-digit year (13/12/2019, 12/13/2019 9:50:30, 9/8/18 15:29). Check that this "
        "is the date column, or pass --date-format (date_format in parameters) with a strftime "
        "pattern such as '%d.%m.%Y %H:%M'."
    )


def test_latest_is_the_latest_complete_month_with_data(responses: Path, tmp_path: Path) -> None:
    assert ec(responses).period == "2026-10"
    assert ec(responses, period="2026-09").period == "2026-09"
    # A file that ends mid-month: once that month has ended it is reported (`current` reports
    # it while it runs, and the title says it is running; see test_periods).
    running = write_csv(
        tmp_path / "running.csv", [*CURRENT, "R30,2026-11-15 09:00:00,EC事業部,9,web,,はい"]
    )
    assert ec(running).period == "2026-11"
    during = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
    assert incomplete_through(ec(running), now=during) == pd.Timestamp("2026-11-15 09:00")
    assert incomplete_through(ec(running, period="2026-10"), now=during) is None


def test_a_month_is_incomplete_only_until_it_ends_where_the_readers_are(tmp_path: Path) -> None:
    # October's last answer is on the 30th: a report made in December is still complete.
    path = write_csv(tmp_path / "r.csv", CURRENT[1:])
    unit = ec(path)
    assert unit.load.date_max == pd.Timestamp("2026-10-30 09:00")
    assert incomplete_through(unit, now=dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC)) is None
    on_the_31st = dt.datetime(2026, 10, 31, 9, tzinfo=dt.UTC)
    assert incomplete_through(unit, now=on_the_31st) == pd.Timestamp("2026-10-30 09:00")
    # 2026-10-31 16:00 UTC is already November in Tokyo (a ja unit's default zone), not in UTC.
    late = dt.datetime(2026, 10, 31, 16, tzinfo=dt.UTC)
    assert incomplete_through(unit, now=late) is None
    assert incomplete_through(ec(path, language="en"), now=late) is not None
    assert incomplete_through(unit, now=late, timezone="UTC") is not None
    # A naive moment is wall-clock time at the unit's place.
    assert incomplete_through(unit, now=dt.datetime(2026, 10, 31, 23, 59)) is not None
    assert incomplete_through(unit, now=dt.datetime(2026, 11, 1, 0, 0)) is None


def test_latest_is_judged_on_the_whole_file(tmp_path: Path) -> None:
    # EC's last answer is 2026-10-30, but the survey ran to 2026-10-31 (another unit answered),
    # so October is complete for every unit.
    path = write_csv(tmp_path / "r.csv", [*CURRENT[1:], OTHER_UNIT[0]])
    assert ec(path).period == "2026-10"


# --- headline and trend --------------------------------------------------------------------------


def test_headline_current_and_comparisons(responses: Path) -> None:
    result = headline(ec(responses))
    assert result.period == "2026-10"
    assert (result.result.n, result.result.promoters, result.result.detractors) == (9, 3, 4)
    assert result.result.nps == pytest.approx(100 * (3 - 4) / 9)
    assert [(c.kind, c.period) for c in result.comparisons] == [
        ("previous", "2026-09"),
        ("last_year", "2025-10"),
    ]
    previous = result.comparison("previous")
    assert previous is not None
    assert (previous.result.n, previous.result.nps) == (8, 100.0)
    assert previous.change.diff == pytest.approx(100 * (3 - 4) / 9 - 100)
    assert previous.change.verdict == "decline"
    last_year = result.comparison("last_year")
    assert last_year is not None
    assert (last_year.result.n, last_year.result.nps) == (3, 0.0)
    assert last_year.change.diff == pytest.approx(100 * (3 - 4) / 9)
    assert last_year.change.verdict == "no_change"


def test_headline_without_data_to_compare(responses: Path) -> None:
    result = headline(ec(responses, period="2026-09"), comparisons=["previous"])
    assert result.result.nps == 100.0
    previous = result.comparison("previous")
    assert previous is not None
    assert (previous.period, previous.result.n) == ("2026-08", 0)
    assert previous.change.verdict == "insufficient_data"
    assert previous.change.diff is None
    assert result.comparison("last_year") is None


def test_improvement_verdict(tmp_path: Path) -> None:
    # 2026-09: eight detractors and a promoter (NPS −77.8); 2026-10: nine promoters and a
    # detractor (NPS 80).
    lines = [f"P{i},2026-09-{i + 1:02d} 09:00:00,EC事業部,0,web,,いいえ" for i in range(8)]
    lines.append("P9,2026-09-30 09:00:00,EC事業部,10,web,,いいえ")
    lines += [f"C{i},2026-10-{i + 1:02d} 09:00:00,EC事業部,10,web,,いいえ" for i in range(9)]
    lines.append("C9,2026-10-31 09:00:00,EC事業部,3,web,,いいえ")
    change = headline(ec(write_csv(tmp_path / "r.csv", lines)), comparisons=["previous"])
    assert change.comparisons[0].change.verdict == "improvement"
    assert change.comparisons[0].change.diff == pytest.approx(80 + 700 / 9)


def test_trend_table_covers_the_window_up_to_the_period(responses: Path) -> None:
    unit = ec(responses)
    table = trend_table(unit)  # 2025-11 … 2026-10
    assert table["period"].tolist() == ["2026-09", "2026-10"]
    assert table["n"].tolist() == [8, 9]
    assert table["nps"].tolist() == pytest.approx([100.0, 100 * (3 - 4) / 9])
    assert not table["suppressed"].any()
    assert trend_table(unit, months=13)["period"].tolist() == ["2025-10", "2026-09", "2026-10"]
    assert trend_table(ec(responses, period="2026-09"))["period"].tolist() == ["2025-10", "2026-09"]


def test_shift_period() -> None:
    assert shift_period("2026-10", -1) == "2026-09"
    assert shift_period("2026-01", -1) == "2025-12"
    assert shift_period("2026-10", -12) == "2025-10"
    assert shift_period("2026-11", 3) == "2027-02"


# --- breakdowns ----------------------------------------------------------------------------------


def test_breakdown_best_first_suppressed_last(responses: Path) -> None:
    unit = ec(responses)
    # store has one answer (a 10): best of all when shown, last when suppressed.
    shown = breakdown_table(unit, "channel", min_report_n=0)
    assert shown["channel"].tolist() == ["store", "web", "app"]
    assert shown["nps"].tolist() == pytest.approx([100.0, -20.0, -100 / 3])
    hidden = breakdown_table(unit, "channel", min_report_n=2)
    # store alone would be the unit minus web and app: app, the smallest shown, is hidden too
    # (PRIV56), marked as hidden for that reason.
    assert hidden["channel"].tolist()[0] == "web"
    assert hidden["suppressed"].tolist() == [False, True, True]
    by = hidden.set_index("channel")
    assert by["n"].to_dict() == {"web": 5, "app": 3, "store": 1}
    assert by["complementary"].to_dict() == {"web": False, "app": True, "store": False}
    assert hidden["nps"].isna().tolist() == [False, True, True]


@pytest.mark.parametrize(("language", "word"), [("ja", "（無回答）"), ("en", "(no answer)")])
def test_blank_answers_are_a_group_named_in_the_report_language(
    tmp_path: Path, language: str, word: str
) -> None:
    # R02 and R04 left the channel blank: a group of their own, never "nan".
    lines = [row.replace(",web,", ",,") if row[:3] in ("R02", "R04") else row for row in CURRENT]
    lines = [row.replace(",app,", ",,") if row[:3] == "R04" else row for row in lines]
    unit = ec(write_csv(tmp_path / "r.csv", lines), period="2026-10", language=language)
    for top_n in (None, 12):
        table = breakdown_table(unit, "channel", min_report_n=0, top_n=top_n)
        assert sorted(table["channel"].astype(str)) == sorted(["app", "store", "web", word])
        assert table.loc[table["channel"] == word, "n"].tolist() == [2]


def test_a_rating_with_blanks_breaks_down_in_scale_order_then_no_answer(tmp_path: Path) -> None:
    # QA23: a 1–5 rating with blanks read as floats beside the "(no answer)" text, and the
    # sort of the groups failed with "'<' not supported between 'str' and 'float'".
    rows = [
        f"R{i:02d},2026-10-{1 + i % 28:02d} 10:00:00,EC事業部,{i % 11},web,ok,"
        + ("" if i % 7 == 0 else str(1 + i % 5))
        for i in range(60)
    ]
    path = tmp_path / "r.csv"
    path.write_text(
        "response_id,submitted_at,business_unit,score,channel,comment,rating\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    unit = ec(path, period="2026-10", language="en")
    table = breakdown_table(unit, "rating", min_report_n=0)
    assert sorted(map(str, table["rating"])) == ["(no answer)", "1", "2", "3", "4", "5"]
    assert table["n"].sum() == 60
    assert group_order(table["rating"]) == ["1", "2", "3", "4", "5", "(no answer)"]


# --- contact and follow-ups ----------------------------------------------------------------------


def test_contact_allowed_text() -> None:
    values = pd.Series(
        ["はい", "いいえ", " Yes ", "ｙｅｓ", "no", None, "1", "0", "TRUE", "可", "", "希望しない"]
    )
    assert contact_allowed(values).tolist() == [
        True,
        False,
        True,
        True,
        False,
        False,
        True,
        False,
        True,
        True,
        False,
        False,
    ]


def test_contact_allowed_numbers_and_booleans() -> None:
    # A 0/1 column with blanks is read as float.
    assert contact_allowed(pd.Series([1.0, 0.0, float("nan")])).tolist() == [True, False, False]
    assert contact_allowed(pd.Series([1, 0])).tolist() == [True, False]
    assert contact_allowed(pd.Series([True, False])).tolist() == [True, False]
    assert contact_allowed(pd.Series([], dtype=object)).tolist() == []


# --- redaction and data quality ------------------------------------------------------------------


def test_redaction_on_counts_every_kind(responses: Path) -> None:
    unit = ec(responses)
    assert unit.redacted
    assert unit.redactions == {
        "email": 1,
        "phone": 1,
        "postcode": 0,
        "card": 0,
        "mynumber": 0,
        "name": 0,
    }
    comments = unit.responses.set_index("response_id")["comment"]
    assert comments["R07"] == "電話 [PHONE] にください"


def test_redaction_off(responses: Path) -> None:
    unit = ec(responses, redact=False)
    assert not unit.redacted
    assert unit.redactions == {}
    comments = unit.responses.set_index("response_id")["comment"]
    assert comments["R07"] == "電話 090-1234-5678 にください"


def test_data_quality_ja(responses: Path) -> None:
    table = data_quality(ec(responses), id_column="response_id")
    assert list(table.columns) == ["item", "value"]
    assert list(zip(table["item"], table["value"], strict=True)) == [
        ("データファイル", "responses.csv"),
        ("形式", "CSV、文字コード：UTF-8"),
        ("ファイルの行数", "26"),
        ("このレポートの行数（データのある3か月）", "23"),  # of 13 read (QA22)
        ("回答日の範囲", "2025-10-05〜2026-10-31"),
        # One unreadable date is EC's (R25); the other (C03) belongs to Cloud Platform.
        ("読み取れない日付", "1"),
        ("日付のない有効回答（どの期間にも入りません）", "1"),  # its score is valid (QA35 O2)
        # The period's rows from here on (QA25).
        ("対象期間の行数", "11"),
        ("有効回答（NPS算出対象）", "9"),
        # The period's full-width score (QA24: read, counted in the NPS, and now said).
        ("「score」で全角数字・丸数字・「点」付きで読んだスコア", "1"),
        ("除外：無回答", "1"),
        ("除外：無効な値", "1"),
        ("重複ID", "1"),  # R01, answered in 2025-10 and again in the period
        ("完全に同じ回答（重複行）", "0"),
        ("個人情報の伏せ字（対象期間のコメント）", "メールアドレス1件、電話番号1件"),
    ]


def test_a_date_that_is_not_the_answers_names_its_range(responses: Path) -> None:
    # QA44 (LEFT45's left item): a hotel's export dates each answer by the guest's check-out;
    # the cards named it, but data quality still called its span 回答日の範囲 (answer dates).
    renamed = responses.with_name("hotel.csv")
    renamed.write_text(
        responses.read_text("utf-8").replace("submitted_at", "チェックアウト日", 1), "utf-8"
    )
    for lang, said, plain in (
        ("ja", "「チェックアウト日」の範囲", "回答日の範囲"),
        ("en", "Range of “チェックアウト日”", "Date range"),
    ):
        table = data_quality(ec(renamed, language=lang, date_column="チェックアウト日"))
        rows = dict(zip(table["item"], table["value"], strict=True))
        before = data_quality(ec(responses, language=lang))
        answered = dict(zip(before["item"], before["value"], strict=True))
        assert plain not in rows and rows[said] == answered[plain]  # the same span, named


def test_unreadable_dates_of_the_unit_not_of_the_file(responses: Path) -> None:
    unit = ec(responses)
    # The file has two unreadable dates; one (C03) is Cloud Platform's.
    assert unit.load.dates_unparsed == 2
    unread = unit_unreadable_dates(unit)
    assert unread is not None
    assert (unread.column, unread.count, unread.total, unread.examples) == (
        "submitted_at",
        1,
        None,
        ("someday",),
    )
    assert unread.message("ja") == (
        "「submitted_at」の日付を読み取れない回答が1件あります（例：「someday」）。"
        "これらの回答はどの期間にも入らず、月別など期間ごとの集計から除かれています。"
    )
    clean = ec(write_csv(responses.parent / "clean.csv", CURRENT))
    assert unit_unreadable_dates(clean) is None


def test_data_quality_en_redaction_off(responses: Path) -> None:
    unit = ec(responses, language="en", redact=False)
    table = data_quality(unit)
    assert list(zip(table["item"], table["value"], strict=True)) == [
        ("Source file", "responses.csv"),
        ("Format", "csv, utf-8"),
        ("Rows in file", "26"),
        ("Rows for this unit (the 3 months with data)", "23"),
        ("Date range", "2025-10-05 – 2026-10-31"),
        ("Unreadable dates", "1"),
        ("Scored answers with no date (in no period)", "1"),
        ("Rows in the period", "11"),
        ("Valid answers (used for NPS)", "9"),
        ("Scores in 'score' read from １０, ⑩ or 10点", "1"),
        ("Excluded: missing score", "1"),
        ("Excluded: invalid score", "1"),
        ("Duplicate response IDs", "0"),  # no id column given
        ("Exact duplicate responses", "0"),
        ("Personal data redacted (this period's comments)", "off (internal use)"),
    ]


def test_data_quality_counts_unfinished_qualtrics_responses(tmp_path: Path) -> None:
    # Qualtrics keeps a respondent who left after the 0–10 question (Finished False): the answer
    # counts in the NPS, and the data-quality table says how many of the valid answers did not
    # finish. Other exports have no such row.
    path = write_qualtrics_ja_tsv(tmp_path / "q.tsv")
    unit = prepare_unit(
        path, name="x", score_column=QUALTRICS_JA_NPS, date_column="RecordedDate", period="2026-10"
    )
    table = data_quality(unit).set_index("item")["value"]
    finished = unit.current["Finished"].astype(str)
    assert (finished == "False").sum() == 3  # rows 7, 22 and 37 of the fixture's October
    assert table["有効回答（NPS算出対象）"] == "45"
    assert table[UNFINISHED_JA] == "3"
    assert list(table.index).index(UNFINISHED_JA) == 8
    en = data_quality(replace(unit, language="en")).set_index("item")["value"]
    assert en[UNFINISHED_EN] == "3"
    # nps-kit run reads the unit from its cache, which keeps only the columns the parameters
    # name (and the loader's nps_* columns): the count must survive it.
    options = {"score_column": QUALTRICS_JA_NPS, "date_column": "RecordedDate"}
    store = build_cache(
        path, cache_dir=tmp_path / "cache", sha256="x", columns=set(options.values()), **options
    )
    assert "Finished" not in pd.read_parquet(store.path).columns
    cached = prepare_unit(path, name="x", period="2026-10", cache=store.path, **options)
    assert data_quality(cached).set_index("item")["value"].equals(table)


def test_data_quality_says_how_many_preview_responses_were_left_out(tmp_path: Path) -> None:
    # QA23: "Rows in file 6,069" beside the unit's rows, and never a word of the 12 previews.
    path = tmp_path / "q.csv"
    path.write_text(
        "StartDate,Status,Q1\n"
        "Start Date,Response Type,How likely are you to recommend us?\n"
        '"{""ImportId"":""startDate""}","{""ImportId"":""status""}","{""ImportId"":""QID1""}"\n'
        + "".join(f"2026-10-{d:02d} 09:00:00,IP Address,{d % 11}\n" for d in range(1, 21))
        + "2026-10-21 10:00:00,Survey Preview,0\n" * 2,
        encoding="utf-8-sig",
    )
    unit = prepare_unit(path, name="x", score_column="Q1", date_column="StartDate")
    en = data_quality(replace(unit, language="en"))
    items = en["item"].tolist()
    assert items[items.index("Rows in file") + 1] == "Preview/test responses left out"
    assert en.set_index("item")["value"]["Preview/test responses left out"] == "2"
    assert data_quality(unit).set_index("item")["value"]["除外したプレビュー（テスト）回答"] == "2"


def test_unfinished_qualtrics_responses_can_be_excluded(tmp_path: Path) -> None:
    path = write_qualtrics_ja_tsv(tmp_path / "q.tsv")
    options = {"score_column": QUALTRICS_JA_NPS, "date_column": "StartDate"}
    kept = prepare_unit(path, name="x", period="2026-10", **options)
    unit = prepare_unit(path, name="x", period="2026-10", unfinished="exclude", **options)
    # Rows 7, 22 and 37 of October left after the score: out of every month's figures.
    assert unit.unfinished_excluded == 3
    assert kept.unfinished_excluded is None
    assert len(unit.current) == len(kept.current) - 3
    assert unit.responses["nps_finished"].all()
    assert nps(unit.current).n == nps(kept.current).n - 3
    table = data_quality(unit).set_index("item")["value"]
    assert table["有効回答（NPS算出対象）"] == "42"
    item = EXCLUDED_JA
    assert table[item] == "3"
    assert list(table.index).index(item) == 10  # after the other rows left out
    assert UNFINISHED_JA not in table.index
    en = data_quality(replace(unit, language="en")).set_index("item")["value"]
    assert en[EXCLUDED_EN] == "3"
    # The same from the run's cache.
    store = build_cache(
        path, cache_dir=tmp_path / "cache", sha256="x", columns=set(options.values()), **options
    )
    cached = prepare_unit(
        path, name="x", period="2026-10", cache=store.path, unfinished="exclude", **options
    )
    assert data_quality(cached).set_index("item")["value"].equals(table)


@pytest.mark.parametrize(
    ("finished", "ja", "en"),
    [
        (("Yes", "No"), "'Yes'、'No'", "'Yes', 'No'"),
        (("", ""), "（空欄のみ）", "(blanks only)"),
    ],
)
def test_a_finished_column_read_in_no_row_is_unknown_not_zero(
    tmp_path: Path, finished: tuple[str, str], ja: str, en: str
) -> None:
    # Finished as Yes/No: no cell reads as True/False or 1/0, and the data-quality table said
    # "0 unfinished", which nobody knows.
    path = write_qualtrics_ja_tsv(tmp_path / "q.tsv", finished=finished)
    options = {"score_column": QUALTRICS_JA_NPS, "date_column": "StartDate"}
    unit = prepare_unit(path, name="x", period="2026-10", **options)
    assert unit.load.finished_unread == tuple(v for v in finished if v)
    table = data_quality(unit).set_index("item")["value"]
    assert table[UNFINISHED_JA] == (
        f"不明（Finished列の値{ja}を読めません。Qualtricsの値はTrue/Falseか1/0です）"
    )
    table = data_quality(replace(unit, language="en")).set_index("item")["value"]
    assert table[UNFINISHED_EN] == (
        f"unknown (column Finished holds {en}, where Qualtrics writes True/False or 1/0)"
    )
    # Excluding them fails, from the file and from the run's cache alike.
    store = build_cache(
        path, cache_dir=tmp_path / "cache", sha256="x", columns=set(options.values()), **options
    )
    for cache in (None, store.path):
        with pytest.raises(DataError) as error:
            prepare_unit(
                path, name="x", period="2026-10", cache=cache, unfinished="exclude", **options
            )
        assert str(error.value) == (
            f"{path}: unfinished: exclude needs to know which responses are unfinished, and no "
            f"cell of column 'Finished' can be read: it holds {en}, where Qualtrics writes "
            "True/False or 1/0. Export the responses again with Finished as True/False (or "
            "1/0), or remove unfinished: exclude (data.unfinished in the parameters)."
        )


def test_excluding_unfinished_responses_needs_a_qualtrics_finished_column(
    responses: Path,
) -> None:
    with pytest.raises(DataError) as error:
        ec(responses, unfinished="exclude")
    assert str(error.value) == (
        f"{responses}: unfinished: exclude needs to know which responses are unfinished, and "
        "this export does not say (only a Qualtrics export with its Finished column, or a "
        "LimeSurvey export with its submitdate, does). "
        "Remove unfinished: exclude (data.unfinished in the parameters) for this export, or "
        "export the Qualtrics responses with the Finished column."
    )


def test_data_quality_nothing_redacted(tmp_path: Path) -> None:
    unit = ec(write_csv(tmp_path / "r.csv", CURRENT[:4]))
    assert data_quality(unit)["value"].iloc[-1] == "0"


# --- demo data -----------------------------------------------------------------------------------


def _hand_score(cell: str) -> int | None:
    """0–10 from a raw cell: full-width digits, spaces, 点 and "N - label" as the loader accepts."""
    text = unicodedata.normalize("NFKC", cell).strip()
    match = re.fullmatch(r"(\d+)(?:点|\s*-\s.*)?", text)
    if match is None or not 0 <= int(match[1]) <= 10:
        return None
    return int(match[1])


def test_demo_ec_nps_matches_a_hand_computation() -> None:
    raw = pd.read_csv(DEMO_DATA, dtype=str, keep_default_na=False)
    rows = raw.loc[
        (raw["business_unit"] == "EC事業部") & raw["submitted_at"].str.startswith("2026-10")
    ]
    scores = [s for s in map(_hand_score, rows["score"]) if s is not None]
    promoters = sum(s >= 9 for s in scores)
    detractors = sum(s <= 6 for s in scores)
    expected = 100 * (promoters - detractors) / len(scores)

    unit = prepare_unit(
        DEMO_DATA,
        name="EC事業部",
        unit_column="business_unit",
        unit_values=["EC事業部"],
        text_columns=["comment"],
    )
    result = headline(unit).result
    assert unit.period == "2026-10"
    # The unit keeps the 13 months a report shows: 2025-10 to 2026-10.
    shown = raw["submitted_at"].between("2025-10", "2026-11")
    assert unit.unit_rows == int(((raw["business_unit"] == "EC事業部") & shown).sum())
    assert len(unit.current) == len(rows)
    assert (result.n, result.promoters, result.detractors) == (
        len(scores),
        promoters,
        detractors,
    )
    assert result.nps == pytest.approx(expected)


# --- many groups, no id column, no contact column -------------------------------------------


def test_breakdown_of_57_values_shows_the_top_n_and_other(tmp_path: Path) -> None:
    # Country k has k + 1 responses (k = 0..56), all in 2026-10, scores cycling 0..10.
    lines = []
    for k in range(57):
        for j in range(k + 1):
            lines.append(f"R{k}-{j},2026-10-{j % 28 + 1:02d} 09:00:00,EC事業部,{(k + j) % 11},"
                         f"country {k:02d},ok,はい")  # fmt: skip
    unit = ec(write_csv(tmp_path / "r.csv", lines), period="2026-10", language="en")
    table = breakdown_table(unit, "channel", top_n=12, min_report_n=0)
    assert len(table) == 13
    assert table["channel"].iloc[-1] == "Other"
    assert sorted(table["channel"].iloc[:-1]) == [f"country {k:02d}" for k in range(45, 57)]
    other = table.iloc[-1]
    assert other["n"] == sum(k + 1 for k in range(45))
    assert table["n"].sum() == sum(k + 1 for k in range(57))
    assert len(breakdown_table(unit, "channel", min_report_n=0)) == 57


def test_data_quality_counts_the_units_own_dropped_duplicates(tmp_path: Path) -> None:
    # dedupe drops 4 rows of the file: 1 repeats an EC row, 3 repeat Cloud rows (2 exact
    # copies of C01, and C02's id again with another comment). Each unit's table counts its
    # own, as its duplicate counts above it do, read from the export or from run's cache.
    lines = [*CURRENT, *OTHER_UNIT, CURRENT[3], OTHER_UNIT[0], OTHER_UNIT[0]]
    lines.append(OTHER_UNIT[1].replace("Slow", "Slow!"))
    path = write_csv(tmp_path / "r.csv", lines)
    options = {
        "score_column": "score",
        "date_column": "submitted_at",
        "id_column": "response_id",
        "dedupe": True,
    }
    store = build_cache(
        path,
        cache_dir=tmp_path / "cache",
        sha256="x",
        columns=["response_id", "comment"],
        unit_column="business_unit",
        **options,
    )
    assert store.report.duplicates_dropped == 4
    for cache in (None, store.path):
        for unit, dropped in (("EC事業部", "1"), ("Cloud Platform", "3")):
            prepared = prepare_unit(
                path,
                name=unit,
                language="en",
                unit_column="business_unit",
                unit_values=[unit],
                cache=cache,
                **options,  # type: ignore[arg-type]
            )
            table = dict(data_quality(prepared, id_column="response_id").values.tolist())
            assert table["Duplicate response IDs"] == "0"
            assert table["Exact duplicate responses"] == "0"
            assert table[DROPPED] == dropped


@pytest.mark.parametrize(("dedupe", "dropped"), [(False, None), ("resubmissions", "2")])
def test_data_quality_counts_double_submissions(
    tmp_path: Path, dedupe: bool | str, dropped: str | None
) -> None:
    # QA20: a Google Forms double submission (same answers, seconds apart) counted twice.
    path = tmp_path / "forms.csv"
    path.write_text(
        "Timestamp,Score,Why?\n"
        "11/20/2026 19:19:12,3,Rude\n11/20/2026 19:19:14,3,Rude\n"
        "11/21/2026 10:00:00,9,Nice\n11/21/2026 10:00:03,9,Nice\n11/22/2026 10:00:00,9,Nice\n",
        encoding="utf-8",
    )
    prepared = prepare_unit(
        path,
        name="Dental",
        language="en",
        score_column="Score",
        date_column="Timestamp",
        period="2026-11",
        dedupe=dedupe,  # type: ignore[arg-type]
    )
    table = dict(data_quality(prepared).values.tolist())
    assert table["Double submissions (same answers sent again within a minute)"] == "2"
    assert table.get(DROPPED) == dropped
    assert len(prepared.current) == (5 if dropped is None else 3)


def test_data_quality_counts_the_periods_double_submissions_and_duplicates(tmp_path: Path) -> None:
    # QA25: Maple Grove's November table said "Rows in the period 19 ... Double submissions 7",
    # the unit's 12 months; November had 2. Every count below "Rows in the period" is the
    # period's: here October holds 2 double submissions (a form without an id), an exact copy
    # (its id repeated too) and a repeated id, November 1 double submission and an id of
    # October answered again.
    path = tmp_path / "forms.csv"
    path.write_text(
        "Timestamp,Id,Score,Why?\n"
        "10/02/2026 09:00:00,,3,Rude\n10/02/2026 09:00:05,,3,Rude\n"
        "10/03/2026 09:00:00,,9,Nice\n10/03/2026 09:00:04,,9,Nice\n"
        "10/04/2026 09:00:00,a5,7,Ok\n10/04/2026 09:00:00,a5,7,Ok\n"
        "10/05/2026 09:00:00,a6,8,Fine\n10/06/2026 09:00:00,a6,10,\n"
        "11/20/2026 19:19:12,,3,Late\n11/20/2026 19:19:14,,3,Late\n"
        "11/21/2026 10:00:00,a6,9,Better\n",
        encoding="utf-8",
    )
    options = {"name": "Dental", "language": "en", "score_column": "Score"}
    for period, counts in (("2026-11", ("3", "1", "0", "1")), ("2026-10", ("8", "2", "1", "2"))):
        unit = prepare_unit(path, date_column="Timestamp", period=period, **options)  # type: ignore[arg-type]
        table = dict(data_quality(unit, id_column="Id").values.tolist())
        shown = (
            table["Rows in the period"],
            table["Double submissions (same answers sent again within a minute)"],
            table["Exact duplicate responses"],
            table["Duplicate response IDs"],
        )
        assert shown == counts, period
    dropped = prepare_unit(
        path,
        date_column="Timestamp",
        period="2026-11",
        dedupe="resubmissions",
        **options,  # type: ignore[arg-type]
    )
    assert dict(data_quality(dropped).values.tolist())[DROPPED] == "1"


def test_duplicates_dropped_are_counted_in_the_month_they_were_sent(tmp_path: Path) -> None:
    # REVIEW26: a December row repeating a November id was counted in November's "Duplicates
    # dropped", and being first in the file it was the one kept. dedupe keeps the earliest
    # response (by time; the file order among equal times) and each period counts its own.
    path = tmp_path / "forms.csv"
    path.write_text(
        "Timestamp,Id,Score,Why?\n"
        "12/02/2026 11:00:00,r31,10,Friendlier now\n"  # a later answer, first in the file
        "11/11/2026 09:16:00,r31,9,Friendly\n"
        "11/12/2026 10:00:00,r32,3,Slow\n"
        "11/12/2026 10:00:00,r32,3,Slow\n"  # an exact copy: November's
        "12/03/2026 10:15:00,r93,9,Nice\n"
        "12/03/2026 10:15:00,r93,1,Terrible\n"  # the same time: the first in the file is kept
        "12/04/2026 10:15:00,r94,1,Wait\n",
        encoding="utf-8",
    )
    options = {"name": "Dental", "language": "en", "score_column": "Score", "id_column": "Id"}
    counts = {}
    for period in ("2026-11", "2026-12"):
        unit = prepare_unit(
            path,
            date_column="Timestamp",
            period=period,
            dedupe=True,
            **options,  # type: ignore[arg-type]
        )
        counts[period] = dict(data_quality(unit, id_column="Id").values.tolist())[DROPPED]
        kept = unit.current.set_index("Id")["Why?"].to_dict()
        if period == "2026-11":
            assert kept["r31"] == "Friendly"  # November's, not the first in the file
        else:
            assert "r31" not in kept and kept["r93"] == "Nice"
    assert counts == {"2026-11": "1", "2026-12": "2"}


def test_data_quality_counts_garbled_text_and_duplicates(tmp_path: Path) -> None:
    lines = [*CURRENT, CURRENT[0]]
    lines[3] = "R04,2026-10-28 09:00:00,EC事業部,7,app,Â¡Traduciendo!,はい"
    path = write_csv(tmp_path / "r.csv", lines)
    kept = dict(data_quality(ec(path, language="en"), id_column="response_id").values.tolist())
    assert kept["Exact duplicate responses"] == "1"
    # The file's count, said so (QA25: the rows around it are the period's).
    assert kept["Garbled text cells (double decoding, whole file)"] == (
        "1 (not repaired: set fix_text: true)"
    )
    unit = ec(path, language="en", fix_text=True, dedupe=True, id_column="response_id")
    fixed = dict(data_quality(unit, id_column="response_id").values.tolist())
    assert fixed["Exact duplicate responses"] == "0"
    assert fixed[DROPPED] == "1"
    assert fixed["Garbled text cells (double decoding, whole file)"] == "1 (repaired)"
    assert unit.responses.set_index("response_id").loc["R04", "comment"] == "¡Traduciendo!"


def test_contact_allowed_reads_consent_worded_as_survey_tools_word_it() -> None:
    # QA21: 「はい、連絡してもよい」 / 「いいえ、連絡しないでほしい」 and 連絡可 / 連絡不可 read as
    # neither, so init took the question for a multi-select and the work file listed the
    # details of people who had said no.
    values = pd.Series(
        [
            "はい、連絡してもよい",
            "いいえ、連絡しないでほしい",
            "連絡可",
            "連絡不可",
            "希望する",
            "希望しない",
            "Yes, you may contact me",
            "No, please don't",
            "連絡しても構わない",
            "どちらでもない",
        ]
    )
    assert contact_allowed(values).tolist() == [True, False] * 4 + [True, False]
    assert consent_problem(values.iloc[:2], column="Q5") is None


def test_consent_problem_names_the_values_and_never_suggests_null() -> None:
    problem = consent_problem(pd.Series(["連絡してOK", "NG"]), column="Q5")
    assert problem == (
        "columns.contact: 'Q5' holds no yes/no answers, so nobody would count as allowing "
        "contact; its values are '連絡してOK', 'NG'."
    )
    assert "null when there is none" not in CONSENT_HINT
    assert CONSENT_HINT.endswith(
        "Only a survey that asks no consent question may have columns.contact: null; with one, "
        "null would list the contact details of people who said no."
    )


def test_data_quality_says_how_many_full_width_scores_and_era_dates_were_read(
    tmp_path: Path,
) -> None:
    # QA24: 242 scores typed １０ or 10点 and the 和暦 dates counted in every figure, said nowhere.
    path = tmp_path / "r.csv"
    scores = ["１０", "9点", "8", "3", "７"] * 4
    dates = [f"令和8年10月{d}日" if d % 2 else f"2026-10-{d:02d}" for d in range(1, 21)]
    path.write_text(
        "score,date\n" + "".join(f"{s},{d}\n" for s, d in zip(scores, dates, strict=True)),
        encoding="utf-8",
    )
    unit = prepare_unit(path, name="x", score_column="score", date_column="date")
    en = data_quality(replace(unit, language="en"))
    items = en["item"].tolist()
    at = items.index("Valid answers (used for NPS)") + 1
    assert items[at] == "Scores in 'score' read from １０, ⑩ or 10点"
    kept = dict(en.values.tolist())
    assert kept["Scores in 'score' read from １０, ⑩ or 10点"] == "12"
    assert kept["Dates in 'date' read from the Japanese era"] == "10"
    ja = dict(data_quality(unit).values.tolist())
    assert ja["「score」で全角数字・丸数字・「点」付きで読んだスコア"] == "12"
    assert ja["「date」で和暦で読んだ日付"] == "10"


def test_an_export_date_column_named_nps_date_has_its_unreadable_cells_counted(
    tmp_path: Path,
) -> None:
    # QA24's data team named its columns like the loader's own: the raw cells stay readable.
    path = tmp_path / "r.csv"
    path.write_text("score,nps_date\n9,2026-10-01\n3,someday\n10,2026-10-03\n", encoding="utf-8")
    unit = prepare_unit(path, name="x", score_column="score", date_column="nps_date")
    unread = unit_unreadable_dates(unit)
    assert unread is not None
    assert (unread.column, unread.count, unread.examples) == ("nps_date", 1, ("someday",))


def test_data_quality_says_a_totals_row_was_left_out(tmp_path: Path) -> None:
    # QA25 C-4: データ品質 said ファイルの行数 2,401 and counted 合計 as an unreadable date.
    path = write_callcentre_ja(tmp_path / "denki.csv", n=40)
    unit = prepare_unit(path, name="x", score_column="ｽｺｱ", date_column="ｺｰﾙ日時")
    table = data_quality(unit).set_index("item")["value"]
    # FIX71 #1: which file and row, and why (it said "1": a response taken for totals could
    # not be found).
    assert table["除いた合計行（回答ではありません）"] == (
        "1（合計（denki.csv 42行目；スコアが0〜10の1件の回答ではありません））"
    )
    en = data_quality(replace(unit, language="en"))
    items = en["item"].tolist()
    assert items[items.index("Rows in file") + 1] == "Totals rows left out (not responses)"
    assert en.set_index("item")["value"]["Totals rows left out (not responses)"] == (
        "1 (合計 (denki.csv row 42; its score is no 0–10 answer))"
    )
    assert unit_unreadable_dates(unit) is None


@pytest.mark.parametrize(
    ("language", "item", "files"),
    [
        ("en", "Responses changed in a later file (the later answer kept)", "2 (b.csv, c.csv)"),
        ("ja", "後のファイルで変わった回答（後の回答を使用）", "2（b.csv、c.csv）"),
    ],
)
def test_data_quality_says_a_later_drop_file_changed_answers(
    tmp_path: Path, language: str, item: str, files: str
) -> None:
    # FIX39 #1: a response repeated in a later file with another score is a correction, kept
    # over the first file's answer and said, not dropped silently.
    folder = tmp_path / "drop"
    folder.mkdir()
    write_csv(folder / "a.csv", CURRENT)
    write_csv(folder / "b.csv", [CURRENT[0].replace(",10,", ",4,"), CURRENT[1]])
    write_csv(folder / "c.csv", [CURRENT[3].replace("普通", "普通だった")])
    unit = ec(folder, period="2026-10", language=language, id_column="response_id",
              date_column="submitted_at", score_column="score")  # fmt: skip
    table = dict(data_quality(unit, id_column="response_id").values.tolist())
    assert table[item] == files
    # FIX39 #2: each file with its rows, and the file count said before repeats were removed.
    assert [v for k, v in table.items() if k.startswith(("Files read", "読んだファイル"))] == [
        "a.csv 11 rows (9), b.csv 2 rows (1), c.csv 1 row (1)"
        if language == "en"
        else "a.csv 11行（9行）、b.csv 2行（1行）、c.csv 1行（1行）"
    ]
    rows_read = "Rows in the files (before repeats were removed)"
    assert table[rows_read if language == "en" else "ファイルの行数（重複を除く前）"] == "14"
    # FIX43: matched by the id alone (a survey tool may rewrite an edited response's date).
    matched = {
        "en": ("One response in several files when", "the same response_id"),
        "ja": ("複数のファイルで同じ回答とみなす基準", "response_idが同じ"),
    }[language]
    assert table[matched[0]] == matched[1]
    own = unit.current.set_index("response_id")
    assert own.loc["R01", "nps_score"] == 4
    assert own.loc["R04", "comment"] == "普通だった"


def test_data_quality_says_how_many_decimal_comma_scores_were_read(tmp_path: Path) -> None:
    # QA26 #4: 9,0 is read as 9, and the report says so as it says １０ and 10点.
    path = tmp_path / "d.csv"
    rows = "".join(f"2026-10-{d:02d};{d % 11},0\n" for d in range(1, 21))
    path.write_text("date;score\n" + rows, encoding="utf-8")
    unit = prepare_unit(path, name="x", score_column="score", date_column="date")
    en = data_quality(replace(unit, language="en"))
    items = en["item"].tolist()
    at = items.index("Valid answers (used for NPS)") + 1
    assert items[at] == "Scores in 'score' read from a decimal comma, 9,0"
    assert dict(en.values.tolist())[items[at]] == "20"
    ja = dict(data_quality(unit).values.tolist())
    assert ja["「score」で小数点にカンマを使った形（9,0）から読んだスコア"] == "20"


def test_data_quality_says_how_many_worded_scores_were_read_with_one(tmp_path: Path) -> None:
    # QA44: "10 - Extremely likely" was read as 10 without a word in the report.
    path = tmp_path / "w.csv"
    # 10 "10 - Extremely likely", 4 "0 - Not at all likely", 7 plain 8s: the most said is shown.
    top, low = "10 - Extremely likely", "0 - Not at all likely"
    words = ("8" if d % 3 == 2 else low if d % 6 == 1 else top for d in range(1, 22))
    rows = "".join(f"2026-10-{d:02d},{w}\n" for d, w in enumerate(words, start=1))
    path.write_text("date,score\n" + rows, encoding="utf-8")
    unit = prepare_unit(path, name="x", score_column="score", date_column="date")
    en = data_quality(replace(unit, language="en"))
    items = en["item"].tolist()
    said = "Scores in 'score' read from a worded answer such as '10 - Extremely likely'"
    assert items[items.index("Valid answers (used for NPS)") + 1] == said
    assert dict(en.values.tolist())[said] == "14"
    ja = dict(data_quality(unit).values.tolist())
    said = "「score」で「10 - Extremely likely」のように言葉付きの回答から数値を読んだスコア"
    assert ja[said] == "14"


def _leeds(tmp_path: Path) -> UnitData:
    """Months of 2, 30, 3 and 40 responses (tests/_exports.py: SMALL_MONTHS), October reported."""
    path = write_months(tmp_path / "export.csv")
    return prepare_unit(
        path,
        name="Leeds",
        language="en",
        score_column="score",
        date_column="submitted_at",
        id_column="id",
        period="2026-10",
    )


def test_trend_months_under_the_floor_show_only_their_n(tmp_path: Path) -> None:
    # FIX63: July (2 responses, +100.0) and September (3, -33.3) plotted their NPS. Limits
    # from the two shown months, though a report draws none under 8 (FIX86), to see the pool.
    table = trend_table(_leeds(tmp_path), min_report_n=5, control_min_periods=2)
    assert table["period"].tolist() == ["2026-07", "2026-08", "2026-09", "2026-10"]
    assert table["n"].tolist() == [2, 30, 3, 40]
    assert table["suppressed"].tolist() == [True, False, True, False]
    assert table["nps"].tolist()[1::2] == pytest.approx([10.0, 20.0])
    hidden = table.loc[table["suppressed"]]
    figures = ["nps", "ci_low", "ci_high", "pct_promoters", "pct_detractors", "promoters"]
    assert hidden[[*figures, "control_low", "control_high"]].isna().all().all()
    assert hidden["out_of_control"].isna().all()
    # The centre pools August and October only (28 promoters − 17 detractors of 70): pooled
    # with July and September (16.0) it would tell their score to one who knows the others.
    assert table["control_centre"].iloc[0] == pytest.approx(100 * 11 / 70)
    assert table.loc[~table["suppressed"], ["control_low", "control_high"]].notna().all().all()


def test_a_trend_without_a_floor_shows_every_month(tmp_path: Path) -> None:
    table = trend_table(_leeds(tmp_path), min_report_n=0, control_min_periods=4)
    assert table["nps"].tolist() == pytest.approx([100.0, 10.0, -100 / 3, 20.0])
    assert table["control_centre"].iloc[0] == pytest.approx(16.0)


def _two_versions(path: Path) -> Path:
    """A hospital's export: v1 (May, asked 1-10, no 0 in 60 answers) and v2 (0-10)."""
    v1 = [1, 1, 2, 2, 3, 5, 8, 9, 10, 10] * 6  # 24 1s and 2s: 12 0s were expected
    v2 = list(range(11)) * 8
    lines = [f"05/{1 + i % 28:02d}/2026 10:00,v1,{s}" for i, s in enumerate(v1)]
    lines += [f"{5 + i % 2:02d}/{1 + i % 28:02d}/2026 10:00,v2,{s}" for i, s in enumerate(v2)]
    path.write_text("Submitted,Survey version,Score\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_data_quality_counts_answers_perhaps_from_another_scale(tmp_path: Path) -> None:
    # QA29 F6: 165 answers of a survey version asked 1-10 were counted as 0-10 without a word.
    path = _two_versions(tmp_path / "hospital.csv")
    item = "Answers perhaps on a 1–10 scale ('Survey version' = 'v1': no 0; counted as 0–10)"
    options = {"name": "Hospital", "language": "en", "score_column": "Score"}
    may = prepare_unit(path, date_column="Submitted", period="2026-05", **options)  # type: ignore[arg-type]
    assert len(may.load.other_scale) == 60
    assert "'Survey version' = 'v1' have no 0" in (may.load.scale_note or "")
    assert dict(data_quality(may).values.tolist())[item] == "60"
    june = prepare_unit(path, date_column="Submitted", period="2026-06", **options)  # type: ignore[arg-type]
    assert dict(data_quality(june).values.tolist())[item] == "0 (60 in the unit's months)"


def test_data_quality_names_a_long_score_question_by_its_start(tmp_path: Path) -> None:
    # BROWSE31: a city e-form's 0-10 heading (140 characters, a line break) was written whole
    # into the data-quality row, 15 lines of a phone's label column; the row names the column
    # by its start now, short names as they are.
    question = (
        "今回の窓口でのお手続きを通じて、あなたはご家族やご友人、知人に、本市の窓口サービスを\n"
        "どの程度すすめたいと思いますか。0（まったくすすめたくない）から10（ぜひすすめたい）の"
        "11段階の数字でご記入ください。"
    )
    path = tmp_path / "r.csv"
    frame = pd.DataFrame({question: ["１０", "9点", "8", "3"] * 3, "date": ["2026-10-01"] * 12})
    frame.to_csv(path, index=False)
    unit = prepare_unit(path, name="x", score_column=question, date_column="date")
    ja = dict(data_quality(unit).values.tolist())
    said = (
        "「今回の窓口でのお手続きを通じて、あなたは…」で全角数字・丸数字・「点」付きで読んだスコア"
    )
    assert ja[said] == "6"
    en = dict(data_quality(replace(unit, language="en")).values.tolist())
    said = "Scores in '今回の窓口でのお手続きを通じて、あなたは…' read from １０, ⑩ or 10点"
    assert en[said] == "6"
    english = "How likely are you to recommend Acme to a friend or colleague? (0-10)"
    frame.rename(columns={question: english}).to_csv(path, index=False)
    unit = prepare_unit(path, name="x", score_column=english, date_column="date")
    en = dict(data_quality(replace(unit, language="en")).values.tolist())
    said = "Scores in 'How likely are you to recommend Acme to…' read from １０, ⑩ or 10点"
    assert en[said] == "6"


def test_data_quality_counts_the_units_own_rewritten_scores_and_era_dates(
    tmp_path: Path,
) -> None:
    # FIX72 (BROWSE31 #6): "Scores in '…' read from １０, ⑩ or 10点" counted the file's
    # scores in every unit's table beside the unit's month's counts, and a manager read it as
    # the unit's. The scores are counted among the month's rows (beside its valid answers),
    # the era dates among the unit's rows (beside its dates); a unit with none has no row.
    path = tmp_path / "r.csv"
    lines = ["shop,score,date"]
    for d in range(1, 21):  # A's October: 10 scores １０, 5 dates in 令和
        day = f"令和8年10月{d}日" if d % 4 == 1 else f"2026-10-{d:02d}"
        lines.append(f"A,{'１０' if d % 2 else '8'},{day}")
    lines += [f"A,９,令和8年9月{d}日" for d in range(1, 8)]  # A's September: 7 and 7
    lines += [f"B,7,2026-10-{d:02d}" for d in range(1, 11)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def table(shop: str, lang: str) -> dict[str, str]:
        unit = prepare_unit(
            path,
            name=shop,
            score_column="score",
            date_column="date",
            period="2026-10",
            unit_column="shop",
            unit_values=[shop],
        )
        return dict(data_quality(replace(unit, language=lang)).values.tolist())

    a, b = table("A", "en"), table("B", "en")
    assert a["Scores in 'score' read from １０, ⑩ or 10点"] == "10"  # not the file's 17
    assert a["Dates in 'date' read from the Japanese era"] == "12"  # the unit's 5 + 7
    assert not [k for k in b if "１０" in k or "era" in k], b
    ja = table("A", "ja")
    assert ja["「score」で全角数字・丸数字・「点」付きで読んだスコア"] == "10"
    assert ja["「date」で和暦で読んだ日付"] == "12"


# --- fiscal year to date (fiscal_ytd) ------------------------------------------------------------


@pytest.fixture
def thirty_months(tmp_path: Path) -> Path:
    """EC事業部's scores 2024-05 … 2026-10 (seeded), another unit's, and an undated answer."""
    rng = np.random.default_rng(41)
    lines = []
    for number, month in enumerate(pd.period_range("2024-05", "2026-10", freq="M")):
        for i in range(int(rng.integers(3, 12))):
            score = int(rng.integers(0, 11))
            day = int(rng.integers(1, month.days_in_month + 1))
            lines.append(
                f"F{number:02d}{i:02d},{month}-{day:02d} 10:00:00,EC事業部,{score},web,,はい"
            )
        lines.append(f"O{number:02d},{month}-01 10:00:00,店舗事業部,0,web,,はい")
    lines.append("U1,,EC事業部,0,web,,はい")
    return write_csv(tmp_path / "fiscal.csv", lines)


def _plain_nps(path: Path, first: str, last: str) -> tuple[int, float | None, tuple[int, int, int]]:
    """n, NPS and (promoters, passives, detractors) of EC事業部's months first … last."""
    frame = pd.read_csv(path, dtype=str)
    frame = frame.loc[frame["business_unit"] == "EC事業部"]
    months = pd.to_datetime(frame["submitted_at"]).dt.to_period("M")
    chosen = frame.loc[(months >= pd.Period(first, "M")) & (months <= pd.Period(last, "M"))]
    scores = chosen["score"].astype(int)
    counts = (int((scores >= 9).sum()), int(scores.between(7, 8).sum()), int((scores <= 6).sum()))
    n = len(scores)
    return n, (100 * (counts[0] - counts[2]) / n if n else None), counts


@pytest.mark.parametrize(
    ("period", "start", "span", "before"),
    [
        ("2026-10", 4, ("2026-04", "2026-10"), ("2025-04", "2025-10")),  # 18 months back
        ("2026-03", 4, ("2025-04", "2026-03"), ("2024-04", "2025-03")),  # 23 months back
        ("2026-04", 4, ("2026-04", "2026-04"), ("2025-04", "2025-04")),  # one month
        ("2026-01", 4, ("2025-04", "2026-01"), ("2024-04", "2025-01")),  # across January
        ("2026-10", 1, ("2026-01", "2026-10"), ("2025-01", "2025-10")),
        ("2026-09", 10, ("2025-10", "2026-09"), ("2024-10", "2025-09")),
    ],
)
def test_fiscal_year_to_date_is_the_plain_count_of_its_months(
    thirty_months: Path,
    period: str,
    start: int,
    span: tuple[str, str],
    before: tuple[str, str],
) -> None:
    from nps_kit.stats import diff_test, nps_interval

    unit = ec(thirty_months, period=period, fiscal_year_start=start)
    head = headline(unit, comparisons=["previous", "fiscal_ytd"], min_n=30)
    fiscal = head.fiscal
    assert fiscal is not None and fiscal.comparison is not None
    assert (fiscal.span.first, fiscal.span.last) == span
    assert (fiscal.before.first, fiscal.before.last) == before
    n, value, counts = _plain_nps(thirty_months, *span)
    assert (fiscal.result.n, fiscal.result.nps) == (n, pytest.approx(value))
    interval = nps_interval(*counts)
    assert (fiscal.result.ci_low, fiscal.result.ci_high) == (
        pytest.approx(interval.low),
        pytest.approx(interval.high),
    )
    assert fiscal.result.small_sample == (n < 30)
    n_before, value_before, counts_before = _plain_nps(thirty_months, *before)
    earlier = fiscal.comparison
    assert (earlier.kind, earlier.period) == ("fiscal_ytd", before[0])
    assert (earlier.result.n, earlier.result.nps) == (n_before, pytest.approx(value_before))
    test = diff_test(counts, counts_before)
    assert earlier.change.diff == pytest.approx(value - value_before)
    assert earlier.change.z == pytest.approx(float(test.z))
    assert earlier.change.p_value == pytest.approx(float(test.p_value))
    # each month's scored responses, counted once for the comparison, the floor and the summary
    assert sum(fiscal.counts) == n and sum(fiscal.before_counts) == n_before
    assert len(fiscal.counts) == len(fiscal.span.months)
    assert fiscal.counts[-1] == _plain_nps(thirty_months, period, period)[0]
    assert len(fiscal.before_counts) == len(fiscal.before.months)
    # the month comparisons are those of a unit prepared without it
    plain = headline(ec(thirty_months, period=period), comparisons=["previous"])
    assert head.comparisons == plain.comparisons and head.result == plain.result


def test_fiscal_months_are_read_only_when_asked_for_and_change_nothing_else(
    thirty_months: Path,
) -> None:
    plain = ec(thirty_months, period="2026-10")
    fiscal = ec(thirty_months, period="2026-10", fiscal_year_start=4)
    assert plain.earlier is None and plain.fiscal_year_start is None
    # every other figure reads the same 13 months (and the undated answer)
    pd.testing.assert_frame_equal(plain.responses, fiscal.responses)
    assert fiscal.earlier is not None
    assert sorted(fiscal.earlier["period"].unique()) == [
        str(p) for p in pd.period_range("2025-04", "2025-09", freq="M")
    ]
    assert headline(plain).fiscal is None
    with pytest.raises(ValueError, match=r"^comparison 'fiscal_ytd' needs prepare_unit"):
        headline(plain, comparisons=["fiscal_ytd"])


def test_fiscal_months_are_read_from_the_runs_cache_too(
    thirty_months: Path, tmp_path: Path
) -> None:
    cache = build_cache(
        thirty_months,
        cache_dir=tmp_path / "cache",
        sha256="x",
        columns=["business_unit", "comment"],
        unit_column="business_unit",
        score_column="score",
        date_column="submitted_at",
    )
    direct = headline(
        ec(thirty_months, period="2026-10", fiscal_year_start=4), comparisons=["fiscal_ytd"]
    )
    cached = headline(
        ec(thirty_months, period="2026-10", fiscal_year_start=4, cache=cache.path),
        comparisons=["fiscal_ytd"],
    )
    assert cached.fiscal == direct.fiscal
