"""The key that follows a response without an id across re-pulls of its export: its answers.

A response whose id cell is blank is *shown* by its row (``#12``, :func:`nps_kit.load.row_keys`),
but a row is no name that lasts: an export pulled again with its rows sorted otherwise, or with
a response inserted above, gives the row to another response. Keyed by its row, the alert log
alerted the same detractor again and skipped a new one that took an alerted row (FIX88). So
what is *remembered* of such a response (the alert log, the work files' typed columns) is keyed
by what it answered: a hash of every cell it filled (its date and time, score, comment and
other answers, each by its column's header, NFKC and trimmed as :func:`nps_kit._value_key.
cell_text` reads a cell), never the row. Cells left blank are not part of it, so a question
added to the survey later (blank for the old rows) keeps the old rows' keys. The date column
is keyed by the date read (``nps_date``), not by how it is written: an export opened and saved
again in Excel writes ``2026-01-25 10:31:22`` as ``1/25/2026 10:31:22``, and keyed by the text
the same detractor was alerted again (REVIEW37).

Two blank-id rows alike in every filled cell (the same second, score, comment and answers) are
told apart by their count in file order: the first is ``#<hash>``, the second ``#<hash>~2``.
Which of two identical rows is which cannot matter; a third such row added later is new.
"""

from __future__ import annotations

import hashlib
from typing import Final

import numpy as np
import pandas as pd

from nps_kit._value_key import cell_text

__all__ = ["answered_columns", "content_keys"]

#: Hex digits of the SHA-256 kept: 64 bits, no collision among any export's responses.
_DIGITS: Final = 16
_LOADER_PREFIX: Final = "nps_"
_EXPORT_SUFFIX: Final = " (export)"
_UNIT_COLUMNS: Final = ("period", "segment")


def answered_columns(frame: pd.DataFrame, id_column: str | None) -> list[str]:
    """Return the export's own columns of a loaded frame, without the id column.

    The loader's columns (``nps_row``, ``nps_place`` … are places and readings, not answers)
    and the unit's (``period``, ``segment``) are left out; an export's own column of such a
    name is kept under its ``(export)`` name (:func:`nps_kit.load.export_column`) and counts.
    """
    return [
        str(c)
        for c in frame.columns
        if c != id_column
        and (str(c).endswith(_EXPORT_SUFFIX) or not str(c).startswith(_LOADER_PREFIX))
        and c not in _UNIT_COLUMNS
    ]


def content_keys(
    frame: pd.DataFrame, id_column: str | None, rows: np.ndarray, *, date_column: str | None = None
) -> pd.Series:
    """Return the answer key of each row picked by ``rows``, ``#`` and 16 hex digits.

    Parameters
    ----------
    frame
        Loaded responses (:func:`nps_kit.load.load_responses`'s frame, or rows of it).
    id_column
        The id column, whose (blank) cell is not an answer; ``None`` when there is none.
    rows
        Boolean mask over ``frame``: the rows to key (those whose id is blank).
    date_column
        The date column (its name in ``frame``): keyed by the date the loader read
        (``nps_date``, ISO) where it read one, so a re-written date keeps the key.

    Returns
    -------
    pandas.Series
        Text, indexed like ``frame``, ``<NA>`` where ``rows`` is ``False``. The n-th row (n ≥ 2,
        in file order) alike in every filled cell to earlier ones has ``~n`` appended.
    """
    out = pd.Series(pd.NA, index=frame.index, dtype="string")
    if not rows.any():
        return out
    picked = frame.loc[rows, answered_columns(frame, id_column)].copy()
    if date_column in picked.columns and "nps_date" in frame.columns:
        read = frame.loc[rows, "nps_date"]
        iso = read.map(lambda d: d.isoformat(), na_action="ignore")
        picked[date_column] = iso.where(read.notna(), picked[date_column].astype(object))
    if "nps_row" in frame.columns:  # file order, whatever order the frame is in
        picked = picked.iloc[np.argsort(frame.loc[rows, "nps_row"].to_numpy(), kind="stable")]
    texts = {
        column: [
            "" if value is None or value is pd.NA or value != value else cell_text(value)
            for value in picked[column].tolist()
        ]
        for column in picked.columns
    }
    keys = []
    for i in range(len(picked)):
        filled = sorted((c, v[i]) for c, v in texts.items() if v[i])
        material = "\x1e".join(f"{c}\x1f{v}" for c, v in filled)
        keys.append("#" + hashlib.sha256(material.encode("utf-8")).hexdigest()[:_DIGITS])
    hashed = pd.Series(keys, index=picked.index, dtype="string")
    count = hashed.groupby(hashed, sort=False).cumcount() + 1
    hashed = hashed.where(count == 1, hashed + "~" + count.astype("string"))
    out.loc[hashed.index] = hashed
    return out
