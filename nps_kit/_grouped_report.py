"""A grouped report's group column: its name on each group's first row only, filled down.

A CRM's grouped report (Salesforce "Formatted Report", grouped by ``Account Owner``) writes the
group's value on the first row of the group and leaves the rows below it blank, with a subtotal
line under each group (QA36: ``score --by 'Account Owner'`` gave each owner one response and
491 to "(missing)"). The subtotal lines are the evidence: without them a column blank below
some values is a question left unanswered, never filled in.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from nps_kit.i18n import Language, t

__all__ = ["fill_group_column", "group_column", "ungrouped_sentence"]

#: The first columns looked at: a report puts its grouping column first.
_FIRST: Final = 3


def _blocks(totals: np.ndarray) -> np.ndarray:
    """Return each row's group number: the rows between two totals lines are one group."""
    return np.cumsum(totals) - totals


def group_column(frame: pd.DataFrame, totals: np.ndarray, blank: np.ndarray) -> str | None:
    """Return the column written on each group's first row only, or ``None``.

    Parameters
    ----------
    frame
        The export's rows as read, totals lines and empty rows included.
    totals
        One flag per row: a totals or subtotal line (:func:`nps_kit._totals.totals_rows`).
    blank
        One flag per row: an empty row.

    Returns
    -------
    str or None
        The first of the first three columns that, in two or more groups (rows between
        subtotal lines), is filled on the group's first row and blank on every other row of
        it, with a group of two rows or more among them.
    """
    rows = ~(totals | blank)
    if int(totals[: len(totals) - 1].sum()) < 1 or not rows.any():
        return None
    block = _blocks(totals)[rows]
    starts = np.r_[True, block[1:] != block[:-1]]
    if starts.sum() < 2 or starts.sum() == rows.sum():
        return None
    for column in frame.columns[:_FIRST]:
        filled = frame[column].iloc[np.flatnonzero(rows)].notna().to_numpy(dtype=bool)
        if np.array_equal(filled, starts):
            return str(column)
    return None


def fill_group_column(
    frame: pd.DataFrame, column: str, totals: np.ndarray, blank: np.ndarray
) -> pd.Series:
    """Return ``column`` with each group's value on every row of its group."""
    block = pd.Series(_blocks(totals), index=frame.index)
    return frame[column].groupby(block).ffill()


def ungrouped_sentence(frame: pd.DataFrame, lang: Language = "en") -> str | None:
    """Say that the first column looks grouped but has no subtotal lines to fill it by.

    A grouped report exported without its subtotals (QA36 O1) names each group once, above
    rows left blank: nothing says where a group ends, so it is not filled in, and ``--by`` it
    would put most rows in "(no answer)". Said by ``inspect`` when the first column's values
    are each written once, on its first row among them, with at least two blank rows per value.

    Returns
    -------
    str or None
        The sentence, naming the column and what to do, in ``lang`` (MSG42); ``None`` for any
        other first column.
    """
    if frame.empty or len(frame.columns) < 2:
        return None
    column = frame.columns[0]
    cells = frame[column]
    filled = cells.dropna().astype(str).str.strip()
    filled = filled[filled != ""]
    if len(filled) < 2 or filled.index[0] != cells.index[0] or not filled.is_unique:
        return None
    if len(cells) < 3 * len(filled) or filled.str.fullmatch(r"[\d.,/:\- ]+").any():
        return None
    return t(
        "grouped.ungrouped", lang, column=column, filled=f"{len(filled):,}", rows=f"{len(cells):,}"
    )
