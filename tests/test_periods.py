"""The period rules: one month rule for `nps-kit run` and the notebook, on every export format."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import Export

from nps_kit.errors import DataError
from nps_kit.load import load_responses
from nps_kit.params import load_unit, resolve_period
from nps_kit.periods import (
    format_period,
    is_month,
    is_period,
    latest_month,
    latest_month_in_file,
    shift_period,
)


def test_month_and_period_options() -> None:
    assert [is_month(t) for t in ("2026-10", "2026-9", "2026-13", "latest", "2026-10\n")] == [
        True,
        False,
        False,
        False,
        False,
    ]
    assert [is_period(t) for t in ("latest", "2026-01", "Latest", "")] == [
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
        "R8/10/3, H31-4-30), Excel serial numbers, and day/month/year or month/day/year with "
        "a 2- or 4-digit year (13/12/2019, 12/13/2019 9:50:30, 9/8/18 15:29). Check that this is "
        "the date column, or pass --date-format (date_format in parameters) with a strftime "
        "pattern such as '%d.%m.%Y %H:%M'."
    )
