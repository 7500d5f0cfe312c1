"""The distinct values of a text column that a regex finds, by the cheaper of two roads.

A column of a few values repeated over every row (a channel, a unit) is searched once per
distinct value after one hash pass. A column whose values are nearly all distinct (an id, a
time stamp) is searched row by row in C instead: that costs what searching as many distinct
values would, and the hash pass over 200,000 values is saved (LOAD40). Both roads give the same
values in the same order (first appearance), so which is taken changes only the time.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from nps_kit._column_facts import ColumnFacts

__all__ = ["distinct_found", "holds_byte"]

# Rows whose values say which road: more than half distinct there, by row.
_FIRST_ROWS: Final = 1_000


def distinct_found(
    cells: pd.Series,
    pattern: str,
    *,
    facts: ColumnFacts | None = None,
    ends: frozenset[str] | None = None,
    holds: frozenset[int] | None = None,
) -> pd.Series:
    """Return the distinct non-missing values of a text column in which ``pattern`` is found.

    Parameters
    ----------
    cells
        A column of pandas' string dtype (``str`` or ``string``).
    pattern
        A regular expression that Arrow's RE2 and Python's ``re`` read alike, searched for
        anywhere in each value (``str.contains``).
    ends
        Every last character a value ``pattern`` is found in can have (the caller's promise,
        for a pattern anchored at the end): a column of nearly all distinct values is then
        searched only in the rows that end with one, told in C by their last character
        (LOAD41: two thirds of the search's time on an id or a time stamp column).
    holds
        Bytes one of which every value ``pattern`` is found in holds, written in UTF-8 (the
        caller's promise): a column of nearly all distinct values none of whose bytes is one
        has none found, told by one look at its bytes (LOAD41: an id or a time stamp column,
        digits and dashes, searched row by row for a subtotal's S).
    facts
        The load's memo: when it holds the column's distinct values already (LOAD41), they
        are searched, and a column of few values hashed here is kept in it for the others.

    Returns
    -------
    pandas.Series
        The values, of the column's dtype, in the order they first appear.
    """
    known = None if facts is None else facts.known(cells)
    if known is not None:
        distinct = known.uniques
        return distinct[distinct.str.contains(pattern, regex=True).to_numpy(dtype=bool)]
    whole = cells
    # The road is read from the first rows (blanks aside): it changes only the time.
    head = cells.iloc[:_FIRST_ROWS].dropna()
    if head.nunique() > len(head) // 2:
        if holds is not None and not holds_byte(cells, holds):
            return pd.Series([], dtype=cells.dtype)
        cells = cells.dropna()
        if ends is not None:
            cells = cells[cells.str[-1:].isin(ends).to_numpy(dtype=bool)]
        found = cells[cells.str.contains(pattern, regex=True).to_numpy(dtype=bool)]
        return pd.Series(found.unique(), dtype=cells.dtype)
    if facts is not None:
        distinct = facts.distinct(whole).uniques
    else:
        distinct = pd.Series(cells.dropna().unique(), dtype=cells.dtype)
    return distinct[distinct.str.contains(pattern, regex=True).to_numpy(dtype=bool)]


def holds_byte(cells: pd.Series, octets: frozenset[int]) -> bool:
    """Whether a text column may hold one of ``octets`` in a value's UTF-8 bytes.

    One vectorised look at the Arrow data (16 MiB at a time, not a mask as large as the
    column); a column not stored by Arrow may always hold one.
    """
    if not isinstance(cells.array, pd.arrays.ArrowStringArray):
        return True
    wanted = np.zeros(256, dtype=bool)
    wanted[list(octets)] = True
    stored = cells.array.__arrow_array__()  # the Arrow data itself, not a copy
    step = 1 << 24
    for chunk in getattr(stored, "chunks", [stored]):
        data = chunk.buffers()[2]
        if data is None:
            continue
        # The buffer may hold more than the chunk's values (a slice): more, never fewer.
        found = np.frombuffer(data, dtype=np.uint8)
        if any(wanted[found[i : i + step]].any() for i in range(0, len(found), step)):
            return True
    return False
