"""The period rules: one month rule for `nps-kit run` and the notebook, on every export format."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import Export

from nps_kit.errors import ConfigError
from nps_kit.load import load_responses
from nps_kit.params import load_unit, resolve_period
from nps_kit.periods import (
    format_period,
    is_month,
    is_period,
    latest_complete_month,
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
    [("2026-10-31 23:59", "2026-10"), ("2026-10-31", "2026-10"), ("2026-11-04", "2026-10")],
)
def test_latest_complete_month(last: str, month: str) -> None:
    dates = pd.Series(pd.to_datetime(["2026-09-01 00:00", last, None], format="mixed"))
    assert latest_complete_month(dates) == month


def test_no_dates_means_no_month() -> None:
    assert latest_complete_month(pd.Series(pd.to_datetime([None, None]))) is None


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


def test_no_readable_dates_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text("score,submitted_at\n9,soon\n", encoding="utf-8")
    path = tmp_path / "u.yaml"
    path.write_text(
        "name: U\nlanguage: en\ndata: {path: r.csv}\ncolumns: {date: submitted_at}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        resolve_period(load_unit(path))
    assert str(info.value) == (
        f"{path}: period: no readable dates in column 'submitted_at' of r.csv. "
        "Give the period as YYYY-MM."
    )
