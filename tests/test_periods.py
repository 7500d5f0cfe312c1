"""The period rules: one month rule for `nps-kit run` and the notebook, on every export format."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from conftest import Export
from hypothesis import given
from hypothesis import strategies as st

from nps_kit import clock
from nps_kit.cache import build_cache
from nps_kit.errors import DataError
from nps_kit.load import load_responses
from nps_kit.params import load_unit, resolve_period
from nps_kit.periods import (
    NamedBy,
    fiscal_label_text,
    fiscal_named_by,
    fiscal_period,
    fiscal_start,
    fiscal_to_date,
    fiscal_year,
    fiscal_year_name,
    format_period,
    is_month,
    is_period,
    latest_month,
    latest_month_in_file,
    reporting_month,
    shift_period,
)
from nps_kit.run._jobs import _resolve_period
from nps_kit.unit import prepare_unit


def test_month_and_period_options() -> None:
    assert [is_month(t) for t in ("2026-10", "2026-9", "2026-13", "latest", "2026-10\n")] == [
        True,
        False,
        False,
        False,
        False,
    ]
    assert [is_period(t) for t in ("current", "2026-01", "Latest", "")] == [
        True,
        True,
        False,
        False,
    ]


def test_shift_and_format() -> None:
    assert shift_period("2026-01", -1) == "2025-12"
    assert shift_period("2026-11", 3) == "2027-02"
    assert format_period("2026-10", "ja") == "2026年10月"
    assert format_period("2026-10", "en") == "October 2026"
    assert format_period("2026-Q3", "ja") == "2026年 第3四半期"
    assert format_period("2026-W41", "en") == "Week 41, 2026"


@pytest.mark.parametrize(
    ("last", "month"),
    [("2026-10-31 23:59", "2026-10"), ("2026-10-31", "2026-10"), ("2026-11-04", "2026-11")],
)
def test_latest_month_is_the_month_of_the_last_date(last: str, month: str) -> None:
    # The latest month with data, complete or not (the report's title says when it is not).
    dates = pd.Series(pd.to_datetime(["2026-09-01 00:00", last, None], format="mixed"))
    assert latest_month(dates) == month


def test_no_dates_means_no_month() -> None:
    assert latest_month(pd.Series(pd.to_datetime([None, None]))) is None


def test_loader_reads_every_export_format(export: Export) -> None:
    loaded = load_responses(
        export.path, score_column=export.column("score"), date_column=export.column("submitted_at")
    )
    expected = export.expected
    units = loaded.data[export.column("business_unit")]
    assert units.tolist() == expected["business_unit"].tolist()
    assert loaded.data["nps_score"].tolist() == expected["score"].tolist()
    assert loaded.data["nps_date"].tolist() == expected["date"].tolist()


def test_latest_month_in_every_export_format(export: Export) -> None:
    month = latest_month_in_file(
        export.path, score_column=export.column("score"), date_column=export.column("submitted_at")
    )
    assert month == "2026-10"


def test_run_and_notebook_resolve_the_same_month_on_every_format(
    export: Export, tmp_path: Path
) -> None:
    # `nps-kit run` resolved "latest" by reading the file with plain pandas: a traceback on
    # cp932, UTF-16, Parquet and `;`, and September where the last date is 2026年10月31日.
    unit = load_unit(export.write_unit(tmp_path / "params"))
    assert resolve_period(unit) == "2026-10"
    assert unit.data.sheet == export.sheet
    prepared = export.prepare()
    assert prepared.period == "2026-10"
    wanted = export.expected[export.expected["business_unit"] == "EC事業部"]
    assert prepared.unit_rows == len(wanted)
    assert prepared.responses["nps_score"].tolist() == wanted["score"].tolist()


def test_no_readable_dates_is_the_loaders_message(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text("score,submitted_at\n9,soon\n", encoding="utf-8")
    path = tmp_path / "u.yaml"
    path.write_text(
        "name: U\nlanguage: en\ndata: {path: r.csv}\ncolumns: {date: submitted_at}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        resolve_period(load_unit(path))
    assert str(info.value) == (
        f"{tmp_path / 'r.csv'}: no date in column 'submitted_at' (date_column) could be read "
        "(e.g. 'soon'); accepted forms: ISO (2026-10-03, 2026-10-03T09:15:00), 2026/10/03 9:15, "
        "2026年10月3日 9時15分, Japanese era dates (令和8年10月3日, 令和元年5月1日, R8.10.3, "
        "R8/10/3, H31-4-30), Google Forms' 2026/11/03 9:05:33 午前 GMT+9, "
        "Excel's 2026/11/03 午前 9:05, SurveyMonkey's 11/03/2026 09:05:33 午前, "
        "Nov 3, 2026 9:05 AM, Excel serial numbers, Unix epoch seconds or milliseconds "
        "(1761958394, UTC), and day/month/year or month/day/year with "
        "a 2- or 4-digit year (13/12/2019, 12/13/2019 9:50:30, 9/8/18 15:29). Check that this is "
        "the date column, or pass --date-format (date_format in parameters) with a strftime "
        "pattern such as '%d.%m.%Y %H:%M'."
    )


TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.mark.parametrize(
    ("first", "last", "now", "latest", "current"),
    [
        # A scheduler on the 1st: the month that just ended, not one day of the new one.
        ("2026-09-01", "2026-12-01 08:00", "2026-12-01 09:00", "2026-11", "2026-12"),
        # The export stops before the month ends; a run after its end reports it.
        ("2026-09-01", "2026-11-30 23:00", "2026-12-01 09:00", "2026-11", "2026-11"),
        ("2026-09-01", "2026-10-20", "2026-12-02 09:00", "2026-10", "2026-10"),
        # Mid-month: the month before, which has ended.
        ("2026-09-01", "2026-11-15", "2026-11-20 09:00", "2026-10", "2026-11"),
        # A survey that started this month: its running month (the title says it is running).
        ("2026-12-01", "2026-12-01 08:00", "2026-12-01 09:00", "2026-12", "2026-12"),
        # Answers dated after today (a clock set wrong): never a month that has not ended.
        ("2026-09-01", "2027-01-05", "2026-12-10 09:00", "2026-11", "2027-01"),
        # The last moment of a month is still that month.
        ("2026-09-01", "2026-10-31 23:00", "2026-10-31 23:59", "2026-09", "2026-10"),
    ],
)
def test_latest_is_the_latest_complete_month_and_current_the_latest_with_data(
    first: str, last: str, now: str, latest: str, current: str
) -> None:
    dates = pd.Timestamp(first), pd.Timestamp(last)
    moment = dt.datetime.fromisoformat(now)
    assert reporting_month("latest", *dates, now=moment) == latest
    assert reporting_month("current", *dates, now=moment) == current
    assert reporting_month("2026-07", *dates, now=moment) == "2026-07"
    # A zone-aware moment is read where it is: 00:30 on 1 December in Tokyo is still
    # November in UTC.
    tokyo = dt.datetime(2026, 12, 1, 0, 30, tzinfo=TOKYO)
    utc = tokyo.astimezone(dt.UTC)
    range_ = pd.Timestamp("2026-09-01"), pd.Timestamp("2026-11-30 20:00")
    assert reporting_month("latest", *range_, now=tokyo) == "2026-11"
    assert reporting_month("latest", *range_, now=utc) == "2026-10"


def test_no_dates_is_no_month() -> None:
    now = dt.datetime(2026, 12, 1)
    assert reporting_month("latest", None, None, now=now) is None
    assert reporting_month("current", pd.NaT, pd.NaT, now=now) is None


def _running_export(tmp_path: Path) -> tuple[Path, str, str]:
    """An export whose last answer is today (the readers' today): last month and this one."""
    today = clock.now("ja").replace(tzinfo=None)
    this = pd.Timestamp(today).to_period("M")
    before = this - 1
    rows = [f"r{i},{before}-{i + 1:02d} 12:00,EC事業部,{i % 11}" for i in range(20)]
    rows.append(f"r99,{today:%Y-%m-%d} 00:00,EC事業部,9")
    path = tmp_path / "running.csv"
    path.write_text("id,submitted_at,unit,score\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path, str(before), str(this)


def test_run_lab_and_cache_all_report_the_latest_complete_month(tmp_path: Path) -> None:
    # The export runs to today: `latest` is last month however the month is resolved (the
    # runner before any kernel, the runner from its cache, the notebook from the export or
    # the cache); `current` is this month.
    path, before, this = _running_export(tmp_path)
    unit_file = tmp_path / "ec.yaml"
    unit_file.write_text(
        f"name: EC\nlanguage: ja\ndata: {{path: {path.name}}}\n"
        "columns: {date: submitted_at, id: id}\n",
        encoding="utf-8",
    )
    unit = load_unit(unit_file)
    cache = build_cache(
        path,
        cache_dir=tmp_path / "cache",
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        columns=["id", "unit"],
        unit_column="unit",
        date_column="submitted_at",
    )
    for word, month in (("latest", before), ("current", this)):
        assert resolve_period(unit, period=word) == month
        assert _resolve_period(unit, word, cache) == month
        for cached in (None, cache.path):
            prepared = prepare_unit(
                path, name="EC", period=word, date_column="submitted_at", cache=cached
            )
            assert prepared.period == month


# --- fiscal years (年度): named by the year they start in -----------------------------------

MONTHS = st.builds(
    lambda year, month: f"{year:04d}-{month:02d}",
    st.integers(1990, 2100),
    st.integers(1, 12),
)
STARTS = st.integers(1, 12)


def _plain_fiscal_year(month: str, start: int) -> int:
    """The fiscal year by plain pandas: the year of the month ``start - 1`` months earlier."""
    return (pd.Period(month, freq="M") - (start - 1)).year


@given(MONTHS, STARTS)
def test_the_fiscal_year_of_a_month_is_the_year_its_start_month_falls_in(
    month: str, start: int
) -> None:
    assert fiscal_year(month, start) == _plain_fiscal_year(month, start)


@given(MONTHS, STARTS)
def test_fiscal_year_to_date_runs_from_the_start_month_through_the_month(
    month: str, start: int
) -> None:
    span = fiscal_to_date(month, start)
    # every month from the fiscal year's first through this one, by plain pandas
    months = pd.period_range(end=pd.Period(month, freq="M"), periods=24, freq="M")
    expected = [str(p) for p in months if _plain_fiscal_year(str(p), start) == span.year]
    assert list(span.months) == expected
    assert span.first == expected[0] and int(span.first[5:]) == start
    assert span.last == month and 1 <= len(span.months) <= 12
    assert span.year == fiscal_year(month, start)


@given(MONTHS, STARTS)
def test_the_year_before_is_the_same_months_twelve_months_earlier(month: str, start: int) -> None:
    span = fiscal_to_date(month, start)
    before = span.year_before()
    assert before.year == span.year - 1
    assert list(before.months) == [str(pd.Period(m, freq="M") - 12) for m in span.months]
    assert before == fiscal_to_date(str(pd.Period(month, freq="M") - 12), start)


@pytest.mark.parametrize(
    ("month", "start", "ja", "en", "before_en"),
    [
        ("2026-10", 4, "2026年度累計（4〜10月）", "FY2026 to date (Apr–Oct)", "FY2025 (Apr–Oct)"),
        # across the new calendar year: still the fiscal year that began in April 2026
        ("2027-01", 4, "2026年度累計（4〜1月）", "FY2026 to date (Apr–Jan)", "FY2025 (Apr–Jan)"),
        # the fiscal year's first month: one month, said
        ("2026-04", 4, "2026年度累計（4月のみ）", "FY2026 to date (Apr only)", "FY2025 (Apr only)"),
        ("2026-10", 1, "2026年度累計（1〜10月）", "FY2026 to date (Jan–Oct)", "FY2025 (Jan–Oct)"),
        ("2026-09", 10, "2025年度累計（10〜9月）", "FY2025 to date (Oct–Sep)", "FY2024 (Oct–Sep)"),
    ],
)
def test_fiscal_spans_are_named_by_the_year_they_start_in(
    month: str, start: int, ja: str, en: str, before_en: str
) -> None:
    span = fiscal_to_date(month, start)
    assert span.label("ja") == ja
    assert span.label("en") == en
    assert span.year_before().label("en", to_date=False) == before_en


@pytest.mark.parametrize(
    ("month", "start", "en", "before_en", "label"),
    [
        # the UK's: FY2027 (2026/27) is April 2026 to March 2027
        ("2026-10", 4, "FY2027 to date (Apr–Oct)", "FY2026 (Apr–Oct)", "FY2027"),
        ("2027-03", 4, "FY2027 to date (Apr–Mar)", "FY2026 (Apr–Mar)", "FY2027"),
        ("2027-04", 4, "FY2028 to date (Apr only)", "FY2027 (Apr only)", "FY2028"),
        # the US federal government's: FY2027 is October 2026 to September 2027
        ("2026-10", 10, "FY2027 to date (Oct only)", "FY2026 (Oct only)", "FY2027"),
        ("2026-09", 10, "FY2026 to date (Oct–Sep)", "FY2025 (Oct–Sep)", "FY2026"),
        # a calendar year starts and ends in one year
        ("2026-10", 1, "FY2026 to date (Jan–Oct)", "FY2025 (Jan–Oct)", "FY2026"),
    ],
)
def test_fiscal_spans_named_by_the_year_they_end_in(
    month: str, start: int, en: str, before_en: str, label: str
) -> None:
    span = fiscal_to_date(month, start, named_by="end")
    assert span.label("en") == en
    assert span.year_before().label("en", to_date=False) == before_en
    assert fiscal_period(month, start, named_by="end")[0] == label
    assert fiscal_period(month, start, named_by="end", quarter=True)[0].startswith(label + " Q")
    # the months are those of the year named by its start: only the name differs
    assert span.months == fiscal_to_date(month, start).months


@given(MONTHS, STARTS)
def test_a_fiscal_year_named_by_its_end_is_named_by_the_year_of_its_last_month(
    month: str, start: int
) -> None:
    span = fiscal_to_date(month, start, named_by="end")
    last_month = pd.Period(span.first, freq="M") + 11
    assert span.name == last_month.year
    assert fiscal_to_date(month, start).name == int(span.first[:4])
    assert fiscal_year_name(span.year, start, "end") == span.name


def test_fiscal_years_are_named_by_their_start_in_japanese_and_their_end_in_english() -> None:
    assert [fiscal_named_by("ja", m) for m in (1, 4, 10)] == ["start"] * 3
    assert [fiscal_named_by("en", m) for m in (1, 4, 7, 10)] == ["start", "end", "end", "end"]
    assert fiscal_named_by("en", 4, "start") == "start"
    assert fiscal_named_by("ja", 4, "end") == "end"


def test_the_default_fiscal_year_start_is_april_in_japanese_and_january_otherwise() -> None:
    assert (fiscal_start("ja"), fiscal_start("en"), fiscal_start("en", 7)) == (4, 1, 7)


def test_a_fiscal_year_start_outside_1_to_12_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^start must be a month number 1-12, got 13$"):
        fiscal_to_date("2026-10", 13)


@given(MONTHS, STARTS)
def test_a_fiscal_quarter_is_three_months_of_its_fiscal_year(month: str, start: int) -> None:
    year, first = fiscal_period(month, start)
    assert (year, first) == (f"FY{fiscal_year(month, start)}", fiscal_to_date(month, start).first)
    label, first = fiscal_period(month, start, quarter=True)
    shifted = pd.Period(month, freq="M") - (start - 1)  # plain pandas: as if the year began in Jan
    assert label == f"FY{shifted.year} Q{(shifted.month - 1) // 3 + 1}"
    assert 0 <= (pd.Period(month, freq="M") - pd.Period(first, freq="M")).n <= 2
    assert fiscal_period(first, start, quarter=True) == (label, first)


@given(MONTHS, STARTS)
def test_a_fiscal_label_is_said_as_a_japanese_reader_names_it(month: str, start: int) -> None:
    # FY2026 is 2026年度 and FY2026 Q3 2026年度第3四半期 in a Japanese table; English and any
    # other text (a calendar quarter 2026Q3, a month) stay as written.
    year = fiscal_year(month, start)
    label, _ = fiscal_period(month, start)
    quarter, _ = fiscal_period(month, start, quarter=True)
    assert fiscal_label_text(label, "ja") == f"{year}年度"
    assert fiscal_label_text(quarter, "ja") == f"{year}年度第{quarter[-1]}四半期"
    assert fiscal_label_text(quarter, "en") == quarter
    assert fiscal_label_text(month, "ja") == month
    assert fiscal_label_text(f"{year}Q1", "ja") == f"{year}Q1"


@given(
    start=st.integers(1, 12),
    month=st.integers(1, 12),
    year=st.integers(1990, 2100),
    named_by=st.sampled_from(["start", "end"]),
)
def test_every_fiscal_year_is_named_and_spanned_as_its_readers_name_it(
    start: int, month: int, year: int, named_by: NamedBy
) -> None:
    # REVIEW44: every first month × naming × language against the calendar, written by hand:
    # the fiscal year holding a month starts in that year when the month is on or after the
    # start, the year before otherwise; it ends in the year after unless it starts in January;
    # named by its start (2026年度) or, with "end", by the year it ends in (FY2027).
    period = f"{year:04d}-{month:02d}"
    began = year if month >= start else year - 1
    ended = began if start == 1 else began + 1
    name = ended if named_by == "end" else began
    span = fiscal_to_date(period, start, named_by=named_by)
    assert (span.first, span.last, span.name) == (f"{began:04d}-{start:02d}", period, name)
    assert len(span.months) == (month - start) % 12 + 1
    assert span.label("ja").startswith(f"{name}年度累計（")
    assert span.label("en").startswith(f"FY{name} to date (")
    quarter = (month - start) % 12 // 3 + 1
    assert fiscal_period(period, start, named_by=named_by) == (f"FY{name}", span.first)
    assert (
        fiscal_period(period, start, quarter=True, named_by=named_by)[0] == f"FY{name} Q{quarter}"
    )
    before = span.year_before()
    assert (before.name, before.first) == (name - 1, f"{began - 1:04d}-{start:02d}")


@pytest.mark.parametrize("start", range(1, 13))
def test_each_language_names_fiscal_years_by_its_readers_rule(start: int) -> None:
    # Japanese 年度 by the start; English by the end (UK April, US federal October) unless
    # the fiscal year is the calendar year; a project's fiscal_year_named_by wins.
    assert fiscal_named_by("ja", start) == "start"
    assert fiscal_named_by("en", start) == ("start" if start == 1 else "end")
    namings: tuple[NamedBy, ...] = ("start", "end")
    for given_ in namings:
        assert fiscal_named_by("ja", start, given_) == given_
        assert fiscal_named_by("en", start, given_) == given_
