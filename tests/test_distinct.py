"""Tests for nps_kit._distinct: a text column's distinct values a regex finds, either road."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nps_kit._distinct import distinct_found

PATTERNS = ["[sSſｓＳzZｚＺ小]", "[ELNPRSTVXelnprstvx値均差散数積計][\t-\r\x1c- \u3000]*$", "^R0"]


def _by_distinct_value(cells: pd.Series, pattern: str) -> list[str]:
    """The plain road: each distinct value once, searched with Python's re."""
    import re

    return [v for v in pd.unique(cells.dropna().astype(object)) if re.search(pattern, v)]


@pytest.mark.parametrize("dtype", ["str", "string"])
@pytest.mark.parametrize("pattern", PATTERNS)
@given(cells=st.lists(st.one_of(st.none(), st.text("RSsTtal0小ｓ \u3000\t", max_size=4))))
def test_both_roads_give_each_value_found_once_in_order(
    cells: list[str | None], pattern: str, dtype: str
) -> None:
    column = pd.Series(cells, dtype=dtype)
    found = distinct_found(column, pattern)
    assert found.tolist() == _by_distinct_value(column, pattern)
    assert found.dtype == column.dtype


@pytest.mark.parametrize("dtype", ["str", "string"])
def test_an_id_column_and_a_column_of_few_values_alike(dtype: str) -> None:
    # 1,500 ids take the road by row, a unit's three values the road by distinct value.
    ids = pd.Series([f"R{i:05d}" for i in range(1_500)] + ["Subtotal", None], dtype=dtype)
    assert distinct_found(ids, "[sS]").tolist() == ["Subtotal"]
    assert len(distinct_found(ids, "^R01")) == 500
    units = pd.Series(["EC", "Store", "Subtotal", None, "Store"] * 400, dtype=dtype)
    assert distinct_found(units, "[sS]").tolist() == ["Store", "Subtotal"]


@pytest.mark.parametrize("dtype", ["str", "string"])
@given(
    cells=st.lists(st.one_of(st.none(), st.text("RSsTtal0小ｓ計 \u3000\t\n", max_size=4))),
    hashed=st.booleans(),
)
def test_the_load_s_memo_and_the_last_characters_change_nothing_found(
    cells: list[str | None], dtype: str, hashed: bool
) -> None:
    # LOAD41: a column the load has hashed is searched by its distinct values; a column of
    # nearly all distinct values only in its rows whose last character can end a match.
    from nps_kit._column_facts import ColumnFacts
    from nps_kit._excel_subtotals import _END_CANDIDATE, _END_LAST

    column = pd.Series(cells, dtype=dtype)
    facts = ColumnFacts()
    if hashed:
        facts.distinct(column)
    found = distinct_found(column, _END_CANDIDATE, facts=facts, ends=_END_LAST)
    assert found.tolist() == _by_distinct_value(column, _END_CANDIDATE)
    assert found.dtype == column.dtype


def test_an_id_column_s_rows_are_searched_only_where_their_last_character_may_end_one() -> None:
    from nps_kit._excel_subtotals import _END_CANDIDATE, _END_LAST

    ids = pd.Series(
        [f"R{i:05d}" for i in range(1_500)] + ["Grand Total", "大阪 平均\u3000", None, "Osaka"]
    )
    found = distinct_found(ids, _END_CANDIDATE, ends=_END_LAST)
    assert found.tolist() == ["Grand Total", "大阪 平均\u3000"]


@pytest.mark.parametrize("dtype", ["str", "string", "string[python]"])
@given(cells=st.lists(st.one_of(st.none(), st.text("R0-: 小ｓSé", max_size=4))))
def test_a_column_without_the_pattern_s_bytes_has_nothing_found(
    cells: list[str | None], dtype: str
) -> None:
    # LOAD41: a column none of whose bytes starts a stem's letter is passed over by one look
    # at its bytes; one that has them is searched as before.
    from nps_kit._totals import _STEM_BYTES, _STEM_STARTS

    column = pd.Series(cells, dtype=dtype)
    found = distinct_found(column, _STEM_STARTS, holds=_STEM_BYTES)
    assert found.tolist() == _by_distinct_value(column, _STEM_STARTS)
    assert found.dtype == column.dtype


def test_an_id_and_a_time_stamp_column_hold_no_stem_s_byte() -> None:
    from nps_kit._distinct import holds_byte
    from nps_kit._totals import _STEM_BYTES

    ids = pd.Series([f"R{i:07d}" for i in range(1_500)] + [None])
    stamps = pd.Series([f"2026-10-{1 + i % 28:02d} 09:00:{i % 60:02d}" for i in range(1_500)])
    assert not holds_byte(ids, _STEM_BYTES) and not holds_byte(stamps, _STEM_BYTES)
    assert holds_byte(pd.concat([ids, pd.Series(["小計"])]), _STEM_BYTES)
    assert holds_byte(ids.iloc[:10], _STEM_BYTES) is False
    assert holds_byte(ids.astype(object), _STEM_BYTES)  # not Arrow: may hold one
