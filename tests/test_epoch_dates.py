"""FIX65 (QA29 F1): a Delighted/HubSpot export dates its answers in Unix epoch seconds.

``Created At`` of ``1761958394`` is 2025-11-01 00:53:14 UTC. inspect found no date column,
init refused the export and ``score --period`` read no date, even with ``--date-format %s``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from nps_kit import clock
from nps_kit._values import parse_date_values
from nps_kit.cli import main

# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


# 2026-09-30 23:30 UTC and 2026-10-01 00:30 UTC: one month apart in UTC.
SEPT_LAST_HOUR = 1_790_811_000
OCT_FIRST_HOUR = 1_790_814_600


def _export(path: Path, *, millis: bool = False) -> Path:
    rows = []
    for i in range(60):
        stamp = SEPT_LAST_HOUR if i % 2 else OCT_FIRST_HOUR
        stamp = stamp * 1000 if millis else stamp
        rows.append(
            {
                "Response ID": 48_211_000 + 3 * i,
                "Email": f"person{i}@example.com",
                "Score": (i * 7) % 11,
                "Comment": ["Slow claims", "Great agent", "The app logs me out"][i % 3],
                "Created At": stamp,
                "Person properties: Region": ["West", "Midwest"][i % 2],
            }
        )
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_epoch_seconds_and_milliseconds_read_as_utc_instants() -> None:
    seconds = pd.Series(["1761958394", "1793489875", ""])
    read = parse_date_values(seconds)
    assert read.epoch
    assert read.dates.tolist()[:2] == [
        pd.Timestamp("2025-11-01 00:53:14"),
        pd.Timestamp("2026-10-31 23:37:55"),
    ]
    assert not read.unparsed.any()
    millis = parse_date_values(pd.Series([1761958394000, 1793489875000]))
    assert millis.dates.tolist() == read.dates.tolist()[:2]
    # An instant is seen in the unit's zone when it has one, as a "…Z" time is.
    tokyo = parse_date_values(pd.Series(["1761958394"]), timezone="Asia/Tokyo")
    assert tokyo.dates.iloc[0] == pd.Timestamp("2025-11-01 09:53:14")


@pytest.mark.parametrize(
    "cells",
    [
        ["48211000", "48211003"],  # response ids below 2000-01-01 in seconds
        ["5025729923", "2295915519"],  # phone numbers: after now in seconds, before 2000 in ms
        ["1761958394", "2026-10-03"],  # not every cell a number
        ["1761958394.5"],  # not whole
    ],
)
def test_other_numbers_are_no_epoch_times(cells: list[str]) -> None:
    assert clock.epoch_instants(pd.Series(cells)) is None


def test_a_date_after_the_first_cells_still_makes_a_column_no_epoch_times() -> None:
    # LOAD40: the first cells are looked at first; what they do not show, the whole column does.
    from nps_kit.clock import _FIRST_CELLS

    epochs = [str(1_761_958_394 + i) for i in range(_FIRST_CELLS + 5)]
    assert clock.epoch_instants(pd.Series(epochs)) is not None
    assert clock.epoch_instants(pd.Series([*epochs, "2026-10-03"])) is None
    assert clock.epoch_instants(pd.Series([""] * _FIRST_CELLS + ["2026-10-03"])) is None
    dates = pd.Series(["2026-10-03 09:00:00"] * 3 + epochs)
    assert clock.epoch_instants(dates) is None
    assert clock.epoch_instants(dates, forced=True) is not None


@given(st.integers(min_value=946_684_800, max_value=1_790_000_000))
def test_an_epoch_time_reads_back_to_itself(seconds: int) -> None:
    expected = pd.Timestamp(dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None))
    for cells in (pd.Series([str(seconds)]), pd.Series([seconds * 1000])):
        read = clock.epoch_instants(cells)
        assert read is not None
        assert read.tolist() == [expected]


def test_strftime_s_reads_epoch_seconds_and_says_which_are_not() -> None:
    read = parse_date_values(pd.Series(["1761958394", "99"]), date_format="%s")
    assert read.dates.iloc[0] == pd.Timestamp("2025-11-01 00:53:14")
    assert read.unparsed.tolist() == [False, True]


def test_epoch_times_count_as_written_at_utc() -> None:
    assert clock.carries_offsets(pd.Series(["1761958394", "1793489875"]))


def test_inspect_init_and_score_date_an_epoch_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _export(tmp_path / "delighted.csv")
    assert main(["inspect", str(export)]) == 0
    out = capsys.readouterr().out
    assert "dates: 'Created At'" in out
    assert "Unix epoch times (UTC)" in out
    root = tmp_path / "ins"
    assert main(["init", str(root), "--from", str(export)]) == 0
    defaults = yaml.safe_load((root / "parameters" / "defaults.yaml").read_text("utf-8"))
    assert defaults["columns"]["date"] == "Created At"
    # Instants in UTC: written, as FIX58 writes a typed UTC column's zone.
    assert defaults["timezone"] == "UTC"
    capsys.readouterr()
    for extra in ([], ["--date-format", "%s"]):
        args = ["score", str(export), "--score-column", "Score", "--date-column", "Created At"]
        assert main([*args, "--period", "month", "--format", "json", *extra]) == 0
        groups = json.loads(capsys.readouterr().out)["groups"]
        periods = {g["group"]: g["n"] for g in groups}
        # The UTC month edge: 23:30 on 30 September stays in September.
        assert periods == {"2026-09": 30, "2026-10": 30}


def test_millisecond_export_is_dated_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _export(tmp_path / "ms.csv", millis=True)
    assert main(["inspect", str(export)]) == 0
    assert "dates: 'Created At'" in capsys.readouterr().out


def _unnamed(path: Path, columns: dict[str, int]) -> Path:
    """An export whose times are epoch numbers under headers that do not say when."""
    rows = [
        {
            "id": 48_211_000 + 3 * i,
            "score": (i * 7) % 11,
            **{
                name: start + 36_000 * i * (1000 if start > 10**12 else 1)
                for name, start in columns.items()
            },
        }
        for i in range(60)
    ]
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("column", "start", "unit"),
    [("ts", SEPT_LAST_HOUR, "seconds"), ("event_ms", SEPT_LAST_HOUR * 1000, "milliseconds")],
)
def test_epoch_times_under_a_header_that_does_not_say_when_are_the_date_when_none_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str, start: int, unit: str
) -> None:
    # FIX69: a warehouse extract's `ts` or `event_ms`: no column was taken as the date, so
    # init refused the export. Its values alone say it: every one a second (or millisecond)
    # from 2000 to now.
    export = _unnamed(tmp_path / "x.csv", {column: start})
    assert main(["inspect", str(export)]) == 0
    out = capsys.readouterr().out
    assert f"dates: '{column}', 2026-09-30 to 2026-10-25" in out
    assert (
        f"note: {column}: taken as the date column: its whole numbers all read as Unix epoch "
        f"{unit} (UTC), 2026-09-30 23:30 to 2026-10-25 13:30, and no column is named like a "
        "date. If it holds something else, set columns.date (--date-column) to the column of "
        "response dates."
    ) in out
    root = tmp_path / "p"
    assert main(["init", str(root), "--from", str(export)]) == 0
    defaults_file = root / "parameters" / "defaults.yaml"
    assert yaml.safe_load(defaults_file.read_text("utf-8"))["columns"]["date"] == column
    assert (
        f"note: no column is named like a date; columns.date is '{column}', whose values all "
        f"read as Unix epoch times (UTC): check it in {defaults_file}."
    ) in capsys.readouterr().err


def test_epoch_like_numbers_are_no_date_beside_a_date_or_each_other_or_as_an_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Beside a column named as a date, or another such column (which one?), or named as an
    # id, numbers of the epoch range are not taken.
    for columns, expected in (
        ({"Created At": SEPT_LAST_HOUR, "ts": SEPT_LAST_HOUR}, "dates: 'Created At'"),
        ({"ts": SEPT_LAST_HOUR, "t": SEPT_LAST_HOUR + 5}, "dates: no date column found"),
        ({"ticket_id": SEPT_LAST_HOUR}, "dates: no date column found"),
    ):
        export = _unnamed(tmp_path / "x.csv", columns)
        assert main(["inspect", str(export)]) == 0
        out = capsys.readouterr().out
        assert expected in out and "taken as the date column" not in out


@pytest.mark.parametrize("column", ["Record #", "Nr", "Response number"])
def test_epoch_like_numbers_under_a_running_number_header_are_no_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str
) -> None:
    # REVIEW31: a header inspect reads as a running number (_SEQUENCE_NAME: "Record #", "Nr")
    # is an id however large its numbers; only _ID_NAME's headers were passed over.
    export = _unnamed(tmp_path / "x.csv", {column: SEPT_LAST_HOUR})
    assert main(["inspect", str(export)]) == 0
    out = capsys.readouterr().out
    assert "dates: no date column found" in out and "taken as the date column" not in out


def test_whole_numbers_one_apart_are_a_running_number_not_epoch_seconds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # REVIEW31: a record number that counts on from 1,700,000,001 (one a row, each one more)
    # was taken as 60 answers one second apart; epoch times of answers are not one apart.
    path = tmp_path / "x.csv"
    pd.DataFrame(
        {"record": range(1_700_000_001, 1_700_000_061), "score": [i % 11 for i in range(60)]}
    ).to_csv(path, index=False)
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "dates: no date column found" in out and "taken as the date column" not in out
