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
