"""Tests for nps_kit._column_facts: a text column's distinct values and dates, made once a load."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import nps_kit._values._dates
from nps_kit._column_facts import ColumnFacts
from nps_kit._values import parse_date_values
from nps_kit.load import load_responses


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit": pd.Series(["EC", "店舗", None, "EC"], dtype="str"),
            "when": pd.Series(["01/02/2026", "03/04/2026", "05/06/2026", None], dtype="str"),
        }
    )


def test_a_column_s_distinct_values_are_made_once_and_follow_a_rename() -> None:
    frame = _frame()
    facts = ColumnFacts()
    first = facts.distinct(frame["unit"])
    assert first.codes.tolist() == [0, 1, -1, 0]
    assert first.uniques.tolist() == ["EC", "店舗"]
    assert first.uniques.dtype == frame["unit"].dtype
    assert not first.unique
    # Renamed into another frame, the column keeps its Arrow array: the same facts.
    assert facts.distinct(frame.rename(columns={"unit": "部署"})["部署"]) is first
    assert facts.known(frame["when"]) is None


def test_a_changed_or_other_column_is_read_again() -> None:
    frame = _frame()
    facts = ColumnFacts()
    before = facts.distinct(frame["unit"])
    frame.loc[2, "unit"] = "Web"
    after = facts.distinct(frame["unit"])
    assert after is not before
    assert after.uniques.tolist() == ["EC", "店舗", "Web"] and after.unique is False
    # A column not stored by Arrow is made each time, as without a memo.
    words = pd.Series(["a", 1, "a"], dtype=object)
    assert facts.distinct(words).codes.tolist() == [0, 1, 0]
    assert facts.known(words) is None


@pytest.mark.parametrize("source", [None, "surveymonkey"])
def test_dates_read_once_are_those_parse_date_values_reads(source: str | None) -> None:
    # Every date reads both ways: without a source they stay unread (ambiguous); SurveyMonkey
    # writes US dates. A parse without the source serves a call with it only when it is
    # not ambiguous, so each call gets what parse_date_values gives it.
    cells = _frame()["when"]
    facts = ColumnFacts()
    plain = facts.dates(cells)
    assert plain.ambiguous
    got = facts.dates(cells.set_axis([10, 11, 12, 13]).rename("日付"), source=source)
    want = parse_date_values(cells.set_axis([10, 11, 12, 13]).rename("日付"), source=source)
    pd.testing.assert_series_equal(got.dates, want.dates)
    pd.testing.assert_series_equal(got.unparsed, want.unparsed)
    assert (got.order, got.ambiguous, got.order_evidence) == (
        want.order,
        want.ambiguous,
        want.order_evidence,
    )


def test_an_unambiguous_parse_serves_a_call_with_a_source() -> None:
    cells = pd.Series(["2026-11-01 09:00:00", "2026-11-02 10:30:00"], dtype="str")
    facts = ColumnFacts()
    plain = facts.dates(cells)
    assert facts.dates(cells, source="google_forms") is plain
    assert facts.dates(cells, date_format="day-first") is not plain


def test_the_loader_reads_the_date_column_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # LOAD41: the resubmission check read every row's date (each row shares its answers with
    # another), then the loader read them again for nps_date.
    rows = 60
    rng = np.random.default_rng(0)
    pd.DataFrame(
        {
            "response_id": [f"R{i:07d}" for i in range(rows)],
            "submitted_at": [
                f"2026-10-{1 + i % 28:02d} 09:{i % 60:02d}:{i % 7:02d}" for i in range(rows)
            ],
            "unit": rng.choice(["EC", "店舗"], rows),
            "score": rng.choice(["9", "10"], rows),
        }
    ).to_csv(tmp_path / "r.csv", index=False)
    reads: list[int] = []
    parse = nps_kit._values._dates._arrow_iso  # where parse_date_values looks it up

    def counted(values: pd.Series) -> np.ndarray:
        reads.append(len(values))
        return parse(values)

    monkeypatch.setattr(nps_kit._values._dates, "_arrow_iso", counted)
    result = load_responses(tmp_path / "r.csv", date_column="submitted_at")
    assert reads == [rows]
    assert result.data["nps_date"].notna().all()


def test_each_load_has_its_own_memo(tmp_path: Path) -> None:
    # REVIEW42: a memo kept across loads, keyed by an array's id, would give a later load's
    # column (which may get a freed array's id) another file's values and dates. Two files of
    # one shape, loaded in turn in one process, each read as its own.
    rows = 40
    twice = pd.DataFrame(
        {
            "response_id": [f"R{i // 2:03d}" for i in range(rows)],
            "submitted_at": [f"2026-10-{1 + i // 2:02d} 09:00:00" for i in range(rows)],
            "score": [str(i // 2 % 11) for i in range(rows)],
        }
    )
    once = pd.DataFrame(
        {
            "response_id": [f"0{i:03d}" for i in range(rows)],
            "submitted_at": [f"{13 + i % 15}/11/2026 10:{i:02d}" for i in range(rows)],
            "score": [str(i % 11) for i in range(rows)],
        }
    )
    twice.to_csv(tmp_path / "twice.csv", index=False)
    once.to_csv(tmp_path / "once.csv", index=False)

    def read(name: str) -> tuple[object, ...]:
        # Only plain values kept: each load's arrays are freed before the next (their ids free).
        got = load_responses(tmp_path / name, date_column="submitted_at", id_column="response_id")
        return (
            got.report.duplicate_rows,
            got.report.duplicate_ids,
            got.report.date_order,
            got.data["nps_date"].dt.strftime("%m-%d").tolist(),
            got.data["nps_score"].tolist(),
        )

    for _ in range(3):
        assert read("twice.csv") == (
            rows // 2,
            0,
            None,
            [f"10-{1 + i // 2:02d}" for i in range(rows)],
            [i // 2 % 11 for i in range(rows)],
        )
        assert read("once.csv") == (
            0,
            0,
            "day-first",
            [f"11-{13 + i % 15}" for i in range(rows)],
            [i % 11 for i in range(rows)],
        )
