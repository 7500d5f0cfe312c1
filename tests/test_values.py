from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nps_kit import _values
from nps_kit._values import (
    ScaleSplit,
    _scores,
    parse_date_values,
    parse_dates,
    parse_scores,
    scale_split,
    states_zero_to_ten,
)

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("9", 9),
        ("9.0", 9),
        (" 8 ", 8),
        ("\u30008\u3000", 8),
        ("９", 9),
        ("１０", 10),
        ("9点", 9),
        ("９点", 9),
        ("10 - Extremely likely", 10),
        ("0 - Not at all likely", 0),
        ("10 – Extremely likely", 10),
        ("0 = まったく思わない", 0),
        ("10：とてもそう思う", 10),
        ("9 (とても)", 9),
        ("0", 0),
        ("+7", 7),
        # QA26 #4: German Excel writes a number formatted 0,0 with a decimal comma.
        ("9,0", 9),
        ("10,00", 10),
        ("0,0 - gar nicht wahrscheinlich", 0),
    ],
)
def test_valid_score_forms(cell: str, expected: int) -> None:
    parsed = parse_scores(pd.Series([cell]))
    assert parsed.score.tolist() == [expected]
    assert parsed.status.tolist() == ["valid"]
    assert parsed.reason.isna().all()


@pytest.mark.parametrize(
    # "\\N": MySQL's and PostgreSQL's dump of NULL (QA35: counted invalid).
    "cell",
    ["", "   ", "NA", "na", "N/A", "n/a", "-", "ー", "無回答", "未回答", None, "\\N", "＊", "*"],
)
def test_missing_score_forms(cell: str | None) -> None:
    parsed = parse_scores(pd.Series([cell], dtype=object))
    assert parsed.score.isna().all()
    assert parsed.status.tolist() == ["missing"]


def test_nan_is_missing() -> None:
    parsed = parse_scores(pd.Series(["9", np.nan], dtype=object))
    assert parsed.status.tolist() == ["valid", "missing"]


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("11", "outside 0–10"),
        ("-1", "outside 0–10"),
        ("－１", "outside 0–10"),
        ("100", "outside 0–10"),
        ("7.5", "not a whole number"),
        ("7,5", "not a whole number"),
        ("1,000", "not a number"),
        ("abc", "not a number"),
        ("9-10", "not a number"),
        ("9 10", "not a number"),
        ("とても良い", "not a number"),
    ],
)
def test_invalid_score_forms(cell: str, reason: str) -> None:
    parsed = parse_scores(pd.Series([cell]))
    assert parsed.score.isna().all()
    assert parsed.status.tolist() == ["invalid"]
    assert parsed.reason.tolist() == [reason]


def test_numeric_columns_use_the_same_rules() -> None:
    ints = parse_scores(pd.Series([0, 10, 11, -1]))
    assert ints.score.tolist() == [0, 10, pd.NA, pd.NA]
    assert ints.status.tolist() == ["valid", "valid", "invalid", "invalid"]
    floats = parse_scores(pd.Series([9.0, 7.5, np.nan, np.inf]))
    assert floats.score.tolist() == [9, pd.NA, pd.NA, pd.NA]
    assert floats.status.tolist() == ["valid", "invalid", "missing", "invalid"]
    assert floats.reason.tolist()[1] == "not a whole number"
    nullable = parse_scores(pd.Series([3, None], dtype="Int64"))
    assert nullable.status.tolist() == ["valid", "missing"]


def test_mixed_object_column_from_a_spreadsheet() -> None:
    parsed = parse_scores(pd.Series([9, 9.0, "9点", None, True, 12.0], dtype=object))
    assert parsed.score.tolist() == [9, 9, 9, pd.NA, pd.NA, pd.NA]
    assert parsed.status.tolist() == ["valid", "valid", "valid", "missing", "invalid", "invalid"]


def test_output_keeps_index_name_and_dtypes() -> None:
    values = pd.Series(["9", "x"], index=[10, 20], name="score")
    parsed = parse_scores(values)
    assert str(parsed.score.dtype) == "Int64"
    assert isinstance(parsed.status.dtype, pd.CategoricalDtype)
    assert list(parsed.status.cat.categories) == ["valid", "missing", "invalid"]
    assert parsed.score.index.tolist() == [10, 20]
    assert parsed.status.name == "score"


def test_each_distinct_value_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []
    real = _scores._parse_score_value  # where parse_scores looks it up

    def counting(value: object) -> tuple[int, int, str | None]:
        seen.append(value)
        return real(value)

    monkeypatch.setattr(_scores, "_parse_score_value", counting)
    parsed = parse_scores(pd.Series(["9", "１０", "9", "abc"] * 10_000))
    assert sorted(map(str, seen)) == ["9", "abc", "１０"]
    assert parsed.status.value_counts().to_dict() == {
        "valid": 30_000,
        "invalid": 10_000,
        "missing": 0,
    }


def _spellings(n: int) -> st.SearchStrategy[object]:
    return st.sampled_from(
        [
            str(n),
            f"{n}.0",
            f"  {n}\t",
            str(n).translate(FULL_WIDTH),
            f"{n}点",
            f"{n} - Extremely likely",
            f"{n} = まったく思わない",
            n,
            float(n),
        ]
    )


@given(st.lists(st.integers(0, 10).flatmap(lambda n: st.tuples(st.just(n), _spellings(n)))))
def test_any_accepted_spelling_parses_to_itself(pairs: list[tuple[int, object]]) -> None:
    values = pd.Series([cell for _, cell in pairs], dtype=object)
    parsed = parse_scores(values)
    assert parsed.score.tolist() == [n for n, _ in pairs]
    assert (parsed.status == "valid").all()


cells = st.one_of(
    st.text(max_size=12),
    st.integers(-20, 120),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.sampled_from(["無回答", "N/A", "10 - Extremely likely", "９", "7.5"]),
)


@given(st.lists(cells, max_size=40))
def test_status_partition_is_exhaustive(values: list[object]) -> None:
    parsed = parse_scores(pd.Series(values, dtype=object))
    assert len(parsed.score) == len(parsed.status) == len(parsed.reason) == len(values)
    assert parsed.status.notna().all()
    counts = parsed.status.value_counts()
    assert counts.sum() == len(values)
    valid = (parsed.status == "valid").to_numpy()
    assert (parsed.score.notna().to_numpy() == valid).all()
    assert parsed.score.dropna().between(0, 10).all()
    assert (parsed.reason.notna().to_numpy() == (parsed.status == "invalid").to_numpy()).all()


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=40))
def test_numeric_path_agrees_with_text_path(values: list[float]) -> None:
    numeric = parse_scores(pd.Series(values, dtype="float64"))
    as_objects = parse_scores(pd.Series(values, dtype=object))
    assert numeric.score.tolist() == as_objects.score.tolist()
    assert numeric.status.tolist() == as_objects.status.tolist()


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2026-10-03", "2026-10-03 00:00"),
        ("2026-10-03T09:15:00", "2026-10-03 09:15"),
        ("2026-10-03 09:15:00", "2026-10-03 09:15"),
        ("2026/10/03 9:15", "2026-10-03 09:15"),
        ("2026/10/03 09:15:30", "2026-10-03 09:15:30"),
        ("2026/10/3", "2026-10-03 00:00"),
        ("2026年10月3日", "2026-10-03 00:00"),
        ("2026年10月3日 9時15分", "2026-10-03 09:15"),
        ("２０２６年１０月３日", "2026-10-03 00:00"),
        ("46298", "2026-10-03 00:00"),
        ("46298.5", "2026-10-03 12:00"),
        ("2026-10-03T09:15:00+09:00", "2026-10-03 09:15"),
        (" 2026-10-03 ", "2026-10-03 00:00"),
    ],
)
def test_date_forms(cell: str, expected: str) -> None:
    parsed = parse_date_values(pd.Series([cell, "2026-01-01"]))
    assert parsed.dates.tolist()[0] == pd.Timestamp(expected)
    assert str(parsed.dates.dtype) == "datetime64[ns]"
    assert not parsed.unparsed.any()


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # QA34: Japanese Google Forms' 12-hour clock with 午前/午後 and its zone.
        ("2026/11/03 9:05:33 午前 GMT+9", "2026-11-03 09:05:33"),
        ("2026/11/01 12:10:00 午前 GMT+9", "2026-11-01 00:10:00"),
        ("2026/11/03 12:30:00 午後 GMT+9", "2026-11-03 12:30:00"),
        ("2026/10/31 11:59:59 午後 GMT+9", "2026-10-31 23:59:59"),
        ("2026/11/03 9:05 午後", "2026-11-03 21:05"),
        # QA34: Alchemer's month name first, 12-hour clock.
        ("Nov 3, 2026 9:05 AM", "2026-11-03 09:05"),
        ("Nov 1, 2026 12:10 AM", "2026-11-01 00:10"),
        ("Oct 31, 2026 11:50 PM", "2026-10-31 23:50"),
        ("November 3, 2026", "2026-11-03 00:00"),
        ("Sept. 30, 2026 12:10 PM", "2026-09-30 12:10"),
    ],
)
def test_twelve_hour_clocks_and_month_names(cell: str, expected: str) -> None:
    parsed = parse_date_values(pd.Series([cell, "2026-01-01"]))
    assert parsed.dates.tolist()[0] == pd.Timestamp(expected)
    assert not parsed.unparsed.any()


def test_a_zone_written_after_a_12_hour_time_is_an_instant() -> None:
    # 午前0時10分 JST on 1 November is 31 October in UTC, as +09:00 in ISO text is.
    cell = pd.Series(["2026/11/01 12:10:00 午前 GMT+9"])
    assert parse_date_values(cell, timezone="UTC").dates[0] == pd.Timestamp("2026-10-31 15:10")
    assert parse_date_values(cell, timezone="Asia/Tokyo").dates[0] == pd.Timestamp(
        "2026-11-01 00:10"
    )


@pytest.mark.parametrize(
    "cell",
    ["2026/11/03 13:05:00 午後", "Foo 3, 2026", "Nov 31, 2026 9:05 AM", "Nov 3, 2026 0:05 AM"],
)
def test_impossible_12_hour_and_named_dates_stay_unread(cell: str) -> None:
    assert parse_date_values(pd.Series([cell])).unparsed.tolist() == [True]


def test_excel_serial_numbers_and_datetime_cells() -> None:
    assert parse_dates(pd.Series([46298, 46298.25])).tolist() == [
        pd.Timestamp("2026-10-03"),
        pd.Timestamp("2026-10-03 06:00"),
    ]
    cells = pd.Series([dt.datetime(2026, 10, 3, 9, 15), dt.date(2026, 10, 4), None], dtype=object)
    assert parse_dates(cells).tolist()[:2] == [
        pd.Timestamp("2026-10-03 09:15"),
        pd.Timestamp("2026-10-04"),
    ]
    typed = pd.Series(pd.to_datetime(["2026-10-03"]).as_unit("s"))
    assert str(parse_dates(typed).dtype) == "datetime64[ns]"
    aware = pd.Series(pd.to_datetime(["2026-10-03 09:15"]).tz_localize("Asia/Tokyo"))
    assert parse_dates(aware).tolist() == [pd.Timestamp("2026-10-03 09:15")]


def test_a_zero_padded_number_is_a_code_not_an_excel_serial() -> None:
    # QA24: 顧客番号 0055584 read as the Excel serial of a 2052 date, 0013792 as 1937.
    parsed = parse_date_values(pd.Series(["0055584", "0013792", "46298", "46298.25"]))
    assert parsed.dates.tolist()[:2] == [pd.NaT, pd.NaT]
    assert parsed.dates.tolist()[2:] == [
        pd.Timestamp("2026-10-03"),
        pd.Timestamp("2026-10-03 06:00"),
    ]


def test_blank_dates_are_nat_but_not_unparsed() -> None:
    values = pd.Series(["", "  ", None, "not a date", "2026-13-01", "2026-10-03"])
    parsed = parse_date_values(values)
    assert parsed.dates.isna().tolist() == [True, True, True, True, True, False]
    assert parsed.unparsed.tolist() == [False, False, False, True, True, False]
    small = parse_date_values(pd.Series([5.0, np.nan]))
    assert small.unparsed.tolist() == [True, False]


def test_arrow_string_dates_parse_like_object_strings() -> None:
    cells = [
        "2026-10-03 09:15:00",
        "2026-10-03",
        "2026-10-03T09:15:00",
        "2026/10/03 9:15",
        "2026年10月3日",
        "46298",
        "",
        None,
        "not a date",
        "2026-02-30 10:00:00",
    ]
    arrow = parse_dates(pd.Series(cells, dtype="str"))
    plain = parse_dates(pd.Series(cells, dtype=object))
    assert isinstance(pd.Series(cells, dtype="str").array, pd.arrays.ArrowStringArray)
    pd.testing.assert_series_equal(arrow, plain)
    assert arrow.iloc[0] == pd.Timestamp("2026-10-03 09:15:00")
    assert arrow.iloc[1] == pd.Timestamp("2026-10-03")
    assert pd.isna(arrow.iloc[9])  # 30 February is not a date in either path


# --- Japanese era dates (和暦) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("令和8年10月3日", "2026-10-03 00:00"),
        ("令和元年5月1日", "2019-05-01 00:00"),
        ("令和1年5月1日", "2019-05-01 00:00"),
        ("平成31年4月30日", "2019-04-30 00:00"),
        ("昭和64年1月7日", "1989-01-07 00:00"),
        ("平成元年1月8日", "1989-01-08 00:00"),
        ("大正15年12月24日", "1926-12-24 00:00"),
        ("明治45年7月29日", "1912-07-29 00:00"),
        ("令和8年10月3日(土)", "2026-10-03 00:00"),
        ("令和8年10月3日（土）", "2026-10-03 00:00"),
        ("令和 8年 10月 3日", "2026-10-03 00:00"),
        ("令和8年10月3日 9時15分", "2026-10-03 09:15"),
        ("令和8年10月3日 9:15:30", "2026-10-03 09:15:30"),
        ("R8.10.3", "2026-10-03 00:00"),
        ("R8/10/3", "2026-10-03 00:00"),
        ("R08-10-03", "2026-10-03 00:00"),
        ("r8.10.3", "2026-10-03 00:00"),
        ("R元.5.1", "2019-05-01 00:00"),
        ("H31.4.30", "2019-04-30 00:00"),
        ("S64.1.7", "1989-01-07 00:00"),
        ("R8.10.3 18:30", "2026-10-03 18:30"),
        ("Ｒ８．１０．３", "2026-10-03 00:00"),  # full-width, as cp932 systems write it
        ("㋿8年10月3日", "2026-10-03 00:00"),  # the one-character era signs
        ("㍻31年4月30日", "2019-04-30 00:00"),
        # A form printed before 2019 still says 平成: its year is read on, not refused.
        ("平成32年1月6日", "2020-01-06 00:00"),
    ],
)
def test_japanese_era_dates(cell: str, expected: str) -> None:
    parsed = parse_date_values(pd.Series([cell, "2026-01-01"]))
    assert parsed.dates.tolist()[0] == pd.Timestamp(expected)
    assert not parsed.unparsed.any()


@pytest.mark.parametrize(
    "cell", ["令和8年2月30日", "令和8年10月", "令和8年13月1日", "X8.10.3", "令和年10月3日", "R8.10"]
)
def test_era_dates_that_are_not_days_stay_unread(cell: str) -> None:
    parsed = parse_date_values(pd.Series([cell, "2026-01-01"]))
    assert parsed.dates.isna().tolist() == [True, False]
    assert parsed.unparsed.tolist() == [True, False]


# Era dates with their numbers written in kanji, as letters and printed forms do.
@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("令和六年十二月一日", dt.datetime(2024, 12, 1)),
        ("令和元年五月一日", dt.datetime(2019, 5, 1)),
        ("令和元年5月1日", dt.datetime(2019, 5, 1)),
        ("平成三十一年四月三十日", dt.datetime(2019, 4, 30)),
        ("平成31年4月30日", dt.datetime(2019, 4, 30)),
        ("昭和六十四年一月七日", dt.datetime(1989, 1, 7)),
        ("令和二年十月二十日", dt.datetime(2020, 10, 20)),
        ("令和十年十月三十一日", dt.datetime(2028, 10, 31)),
        ("令和八年十月三日 九時十五分", dt.datetime(2026, 10, 3, 9, 15)),
        ("令和八年十月三日（土）", dt.datetime(2026, 10, 3)),
        ("令和6年十二月1日", dt.datetime(2024, 12, 1)),  # mixed, as typed
        ("二〇二六年十月三日", dt.datetime(2026, 10, 3)),  # the Western year, positional
        ("二千二十六年十月三日", dt.datetime(2026, 10, 3)),
        ("Ｒ６．１２．１", dt.datetime(2024, 12, 1)),
        ("R6/12/1", dt.datetime(2024, 12, 1)),
    ],
)
def test_era_dates_with_kanji_numbers(cell: str, expected: dt.datetime) -> None:
    parsed = parse_date_values(pd.Series([cell, "2026-01-01"]))
    assert parsed.dates.tolist()[0] == pd.Timestamp(expected)
    assert not parsed.unparsed.any()


@pytest.mark.parametrize(
    "cell",
    ["令和六年十三月一日", "令和六年二月三十日", "令和十十年一月一日", "令和二三十年一月一日"],
)
def test_kanji_era_dates_that_are_not_days_stay_unread(cell: str) -> None:
    parsed = parse_date_values(pd.Series([cell, "2026-01-01"]))
    assert parsed.unparsed.tolist() == [True, False]


def _kanji(number: int) -> str:
    """1..99 in kanji as dates write them: 一, 十, 十二, 二十, 三十一."""
    digits = "〇一二三四五六七八九"
    tens, ones = divmod(number, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else digits[tens] + "十")) + (
        digits[ones] if ones else ""
    )


_ERAS = (
    ("令和", dt.date(2019, 5, 1), dt.date(2117, 12, 31)),
    ("平成", dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
)


@given(era=st.sampled_from(_ERAS), data=st.data(), gannen=st.booleans())
def test_any_era_day_in_kanji_reads_as_that_day(
    era: tuple[str, dt.date, dt.date], data: st.DataObject, gannen: bool
) -> None:
    name, first, last = era
    day = data.draw(st.dates(min_value=first, max_value=last))
    year = day.year - first.year + 1
    year_text = "元" if year == 1 and gannen else _kanji(year)
    cell = f"{name}{year_text}年{_kanji(day.month)}月{_kanji(day.day)}日"
    parsed = parse_date_values(pd.Series([cell]))
    assert parsed.dates.tolist() == [pd.Timestamp(day)], cell


def test_mixed_western_and_era_dates_in_one_column() -> None:
    cells = ["2026/09/03", "令和8年9月4日", "2026-09-05 10:00:00", "R8.9.6", "", "不明"]
    for dtype in (object, "str"):
        parsed = parse_date_values(pd.Series(cells, dtype=dtype))
        assert parsed.dates.tolist() == [
            pd.Timestamp(f"2026-09-0{d}") + pd.Timedelta(hours=10 if d == 5 else 0)
            for d in (3, 4, 5, 6)
        ] + [pd.NaT, pd.NaT]
        assert parsed.unparsed.tolist() == [False] * 5 + [True]


def test_has_time_of_day() -> None:
    assert not _values.has_time_of_day(parse_dates(pd.Series(["2026/10/26", "令和8年10月3日", ""])))
    assert _values.has_time_of_day(parse_dates(pd.Series(["2026/10/26", "2026/10/27 00:01"])))
    assert not _values.has_time_of_day(pd.Series([], dtype="datetime64[ns]"))


@pytest.mark.parametrize(
    ("texts", "stated"),
    [
        (("おすすめ度（0＝まったくおすすめしない〜10＝強くおすすめする）",), True),
        (("おすすめ度（0〜10点）",), True),
        (("おすすめ度を0点から10点でお答えください",), True),
        (("Likelihood to recommend (0-10)",), True),
        (("On a scale of 0 to 10, how likely are you to recommend us?",), True),
        (("Q3", "How likely are you to recommend us? (0 = not at all likely)"), True),
        (("How likely? 0 (not at all likely) … 10 (extremely likely)",), True),
        (("How likely are you to recommend us? (1-10)",), False),
        (("How likely are you to recommend us? 1 = not at all, 10 = very",), False),
        (("Rate us from 10 to 100",), False),
        (("Rate us 0.5-10",), False),
        (("likely_to_recommend", None), False),
    ],
)
def test_a_question_that_states_its_0_to_10_range(
    texts: tuple[str | None, ...], stated: bool
) -> None:
    assert states_zero_to_ten(*texts) is stated


def test_zone_aware_times_are_read_as_the_wall_clock_of_the_zone_given() -> None:
    # QA19: 2026-11-30 21:00Z was shown as "21:00 EST" for a New York unit; it is 16:00 there,
    # and 2026-11-01 03:00Z is still October 31 in New York.
    instants = pd.to_datetime(["2026-11-30 21:00", "2026-11-01 03:00"]).tz_localize("UTC")
    york = [pd.Timestamp("2026-11-30 16:00"), pd.Timestamp("2026-10-31 23:00")]
    column = pd.Series(instants)
    texts = pd.Series(["2026-11-30T21:00:00Z", "2026-11-01T05:00:00+02:00"])
    mixed = pd.Series(["2026-11-30T21:00:00Z", "2026-10-31T23:00:00-04:00"])
    cells = pd.Series([t.to_pydatetime() for t in instants], dtype=object)
    for values in (column, texts, mixed, cells, texts.astype("string[pyarrow]")):
        assert parse_date_values(values, timezone="America/New_York").dates.tolist() == york
    # Without a zone each time keeps the wall clock it was written in, as before.
    assert parse_date_values(column).dates.tolist() == [t.tz_localize(None) for t in instants]
    assert parse_date_values(texts).dates.tolist()[1] == pd.Timestamp("2026-11-01 05:00")
    # Naive times are wall-clock times already: a zone changes nothing.
    naive = pd.Series(["2026-11-30 21:00:00", "2026-11-01 03:00:00"])
    assert parse_date_values(naive, timezone="America/New_York").dates.tolist() == [
        pd.Timestamp("2026-11-30 21:00"),
        pd.Timestamp("2026-11-01 03:00"),
    ]


def test_a_serial_past_pandas_range_is_not_a_date() -> None:
    # QA26 #1: 6-7 digit ids (880100, 1234567) were tried as Excel serials of years 4309 and 5280
    # and crashed inspect with OutOfBoundsDatetime; as numbers (XLSX cells) they wrapped around.
    texts = parse_date_values(pd.Series(["880100", "1234567", "132319", "132321"]))
    assert texts.dates.tolist() == [pd.NaT, pd.NaT, pd.Timestamp("2262-04-10"), pd.NaT]
    assert texts.unparsed.tolist() == [True, True, False, True]
    numbers = parse_date_values(pd.Series([880100, 1234567, 2_958_465, 46298]))
    assert numbers.dates.tolist() == [pd.NaT, pd.NaT, pd.NaT, pd.Timestamp("2026-10-03")]
    assert numbers.unparsed.tolist() == [True, True, True, False]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("95,65", 95.65),
        ("2.306,17", 2306.17),
        ("1.234.567,00", 1234567.0),
        ("-3,5", -3.5),
        ("133316.64", 133316.64),
        ("1,234.50", 1234.5),
        ("1234567.00", 1234567.0),
        ("1,000", None),
        ("12", None),
        ("03.11.2026", None),
        ("555.0199", None),
        ("1.2.3,45", None),
    ],
)
def test_decimal_number_reads_both_conventions(text: str, value: float | None) -> None:
    # QA26 #8/#17: the one rule for an amount written with decimals, comma or point.
    assert _values.decimal_number(text) == value


@pytest.mark.parametrize("dtype", [object, "string[pyarrow]"])
def test_a_date_past_pandas_range_is_unread_not_a_crash(dtype: str) -> None:
    # QA26 #1's overflow in the text readers: a typed 3026 stopped inspect with
    # OutOfBoundsDatetime (ArrowInvalid on Arrow strings), and 2999/01/01 10:00 became 1829.
    cells = [
        "2999-01-01",
        "2999-01-01 10:00:00",
        "2999/01/01 10:00",
        "3000年1月1日",
        "13/1/2999",
        "2999-01-01T10:00:00+01:00",
        "1600-01-01",
        "2026-01-01 10:00:00",
    ]
    parsed = parse_date_values(pd.Series(cells, dtype=dtype))
    assert parsed.dates.tolist() == [pd.NaT] * 7 + [pd.Timestamp("2026-01-01 10:00")]
    assert parsed.unparsed.tolist() == [True] * 7 + [False]


@pytest.mark.parametrize(
    ("cells", "read"),
    [
        # A 1-5 rating as German Excel writes 0,0 (FIX49): 4,0 is 4, as the score's 9,0 is 9.
        (["4,0", "5,0", "3,5", "4.0", "2", "x"], [4.0, 5.0, 3.5, 4.0, 2.0, None]),
        (["0,0", "1.234,50", "1,000"], [0.0, 1234.5, None]),
    ],
)
def test_read_numbers_reads_a_decimal_comma_as_the_score_does(
    cells: list[str], read: list[float | None]
) -> None:
    got = _values.read_numbers(pd.Series(cells, dtype=object))
    assert [None if pd.isna(v) else v for v in got] == read


@pytest.mark.parametrize(
    ("cells", "numbers"),
    [
        # Option codes joined by commas (FIX49): 10,12 is options 10 and 12, not 10.12.
        (["10,12", "3,10", "12", "1,11", "3", "11,12", "10"], False),
        (["1,5,12", "10,12", "14,15"], False),  # several commas: a list
        (["1,3", "2,4", "1"], False),  # one digit after the comma (FIX45)
        (["0,3", "1,0", "2", "10,12"], False),  # a code 0 among few options
        # QA30: QuestionPro's "Dauer (Sekunden)" in a German export, 83,4 and 150,0: one
        # decimal, tenths from 0, over more wholes than any list of options (was a multi-select
        # whose "options" 6, 5, 197 filled a report section).
        ([f"{40 + 7 * i},{i % 10}" for i in range(40)], True),
        # Amounts: cents start with 0, or the parts after the comma are no other answers.
        (["95,65", "2.306,17", "12,05", "7,50"], True),
        (["12,50", "3,75", "19,99", "4,90"], True),
        (["1,000", "2,500,000", "12"], False),  # English thousands: not read here either
        # FIX71 #2: a 1-5 rating with halves as German Excel writes it (0,0 format): every
        # answer a decimal comma, fewer than 20 wholes; was a multi-select of options 4 and 5.
        (["4,5", "3,0", "2,5", "5,0", "4,0", "1,5"], True),
        (["4,5", "4,0", "3,5"], True),
        # Two codes each (3,5 · 2,1), no option 0 after another: a multi-select, as before.
        (["1,3", "2,4", "3,5", "2,1"], False),
    ],
)
def test_column_numbers_tells_option_codes_from_amounts(cells: list[str], numbers: bool) -> None:
    text = pd.Series(cells, dtype=object)
    got = _values.column_numbers(text)
    commas = text.str.contains(",")
    assert bool(got[commas].notna().all()) is numbers


def _versions(v1: list[int], v2: list[int]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Survey version": ["v1"] * len(v1) + ["v2"] * len(v2),
            "Hospital": [["A", "B"][i % 2] for i in range(len(v1) + len(v2))],
            "score": v1 + v2,
        }
    )


def test_a_column_whose_one_value_never_scores_0_splits_the_scale() -> None:
    # QA29 F6: a hospital's 165 answers of survey version v1 (asked 1-10) had no 0, v2's did.
    v1 = [1, 1, 2, 2, 3, 1, 2, 2, 1, 1, 5, 8, 9, 10] * 3  # 24 1s and 2s: 12 0s were expected
    v2 = list(range(11)) * 5
    frame = _versions(v1, v2)
    split = scale_split(frame["score"], frame, skip=("score",))
    assert split == ScaleSplit("Survey version", "v1", len(v1), 5)
    assert frame.index[split.rows(frame)].tolist() == list(range(len(v1)))
    assert split.describe() == (
        "the 42 answers with 'Survey version' = 'v1' have no 0 while the other answers have 5: "
        "they may have been asked on a 1–10 scale, not 0–10"
    )


@pytest.mark.parametrize(
    ("v1", "why"),
    [
        ([1, 2, 8, 9, 10] * 3, "three 1s and three 2s make 3 0s expected: no evidence"),
        ([0, 1, 1, 2, 2, 3] * 5, "v1 has its 0s"),
    ],
)
def test_no_split_without_evidence(v1: list[int], why: str) -> None:
    frame = _versions(v1, list(range(11)) * 5)
    assert scale_split(frame["score"], frame, skip=("score",)) is None, why


def test_no_split_when_no_answer_scores_0() -> None:
    # The whole column without a 0 is the existing note's (load._scale._check_scale), not a split.
    frame = _versions([1, 1, 2, 2, 5] * 5, [1, 2, 2, 1, 10] * 5)
    assert scale_split(frame["score"], frame, skip=("score",)) is None


def test_a_version_column_is_found_beside_columns_of_many_values() -> None:
    # LOAD40: a column with more than 24 values in its first 1,000 rows is passed over before
    # its values are counted; the versions' column beside ids and comments is still found,
    # also when its own values only differ after those rows.
    v1 = [1, 1, 2, 2, 3, 1, 2, 2, 1, 1, 5, 8, 9, 10] * 80
    frame = _versions(v1, list(range(11)) * 100)
    frame.insert(0, "id", [f"R{i:05d}" for i in range(len(frame))])
    frame["comment"] = [f"word {i % 900}" for i in range(len(frame))]
    split = scale_split(frame["score"], frame.astype({"Survey version": "str"}), skip=("score",))
    assert split == ScaleSplit("Survey version", "v1", len(v1), 100)


def test_an_answer_column_never_splits_the_scale() -> None:
    # The dental fixture's 22 "Dissatisfied" answers to "Ease of booking" had no 0 and enough
    # 1s and 2s: an answer goes with the score by design, a survey version does not.
    v1 = [1, 1, 2, 2, 3, 1, 2, 2, 1, 1, 5, 8, 9, 10] * 3
    frame = _versions(v1, list(range(11)) * 5).rename(columns={"Survey version": "Ease"})
    frame["Ease"] = frame["Ease"].map({"v1": "Dissatisfied", "v2": "Satisfied"})
    assert scale_split(frame["score"], frame, skip=("score",)) is None
    # The same values under a header that names versions split it; so do values like v1.
    assert scale_split(frame["score"], frame.rename(columns={"Ease": "Form"}), skip=("score",))
    frame["Ease"] = frame["Ease"].map({"Dissatisfied": "v1", "Satisfied": "v2"})
    assert scale_split(frame["score"], frame, skip=("score",)) is not None
