"""Cells the loader cannot read, named as a user finds them.

``row 12``, or in a drop ``2026-11-03.csv row 12`` (:class:`_Places`); listed in messages, kept
as a failures frame (row, column, value, reason), with the cells as the file writes them; bad
weights and (under ``strict``) unreadable dates are refused with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from nps_kit import _formats
from nps_kit._values import MISSING_WORDS, read_numbers
from nps_kit.errors import DataError
from nps_kit.load._rows import _file_rows

if TYPE_CHECKING:
    from nps_kit.load._dates import UnreadableDates

_MAX_LISTED: Final = 20


@dataclass(frozen=True)
class _Places:
    """Name a row as a user finds it: ``row 12``, or in a drop ``2026-11-03.csv row 12``.

    A drop's row numbers run on from file to file (``nps_row`` is one number per response);
    a message names the file and the row in that file (FIX39 #2: 'row 212' of a folder).
    """

    files: tuple[Path, ...] = ()
    starts: tuple[int, ...] = ()

    def file_rows(self, rows: np.ndarray) -> tuple[list[str | None], np.ndarray]:
        """Return each row's file name (``None`` for one file) and its row in that file."""
        rows = np.asarray(rows, dtype="int64")
        if not self.files:
            return [None] * len(rows), rows
        which = np.searchsorted(np.asarray(self.starts), rows, side="left") - 1
        names: list[str | None] = [self.files[int(i)].name for i in which]
        return names, rows - np.asarray(self.starts)[which]

    def names(self, rows: np.ndarray) -> list[str]:
        """Return ``row 12`` or ``2026-11-03.csv row 12`` for each row."""
        files, own = self.file_rows(rows)
        return [f"{f} row {r}" if f else f"row {r}" for f, r in zip(files, own, strict=True)]


def _as_written(
    layout: _formats.Layout,
    column: str,
    count: int,
    rows: np.ndarray,
    values: list[Any],
    places: _Places,
) -> list[Any]:
    """Return the cells of ``rows`` as the file writes them (``'11.00'``, not ``11.0``).

    Only a number column is read again, and only one file's: text is already as written, and
    a drop's rows are named as read (QA36 O3).
    """
    if places.files or not values or not all(isinstance(v, int | float) for v in values):
        return values
    written = _formats.read_written(layout, column)
    if written is None or len(written) != count:
        return values
    at = pd.Series(np.arange(count), index=_file_rows(layout, count))
    if not pd.Index(rows).isin(at.index).all():
        return values
    return [
        v if pd.isna(w) else str(w).strip()
        for v, w in zip(values, written.iloc[at[rows].to_numpy()], strict=True)
    ]


def _listing(rows: np.ndarray, values: list[Any], places: _Places = _Places()) -> str:
    named = places.names(rows[:_MAX_LISTED])
    items = [f"{r}: {v!r}" for r, v in zip(named, values, strict=False)]
    more = len(rows) - _MAX_LISTED
    return ", ".join(items) + (f", and {more:,} more" if more > 0 else "")


def _failures(
    rows: np.ndarray,
    column: str,
    values: list[Any],
    reasons: list[str],
    places: _Places = _Places(),
) -> pd.DataFrame:
    files, own = places.file_rows(rows)
    return pd.DataFrame(
        {
            # A drop's failures name the file and the row in it (FIX39 #2).
            **({"file": pd.Series(files, dtype=object)} if places.files else {}),
            "row": pd.Series(own, dtype="int64"),
            "column": pd.Series([column] * len(rows), dtype=object),
            "value": pd.Series(values, dtype=object),
            "reason": pd.Series(reasons, dtype=object),
        }
    )


def _parse_weights(
    raw: pd.Series, rows: np.ndarray, column: str, path: Path, places: _Places = _Places()
) -> pd.Series:
    # The one rule of numbers with decimals (QA30: a German export's 1,25 was "bad").
    weights = read_numbers(raw).astype("float64")
    number = weights.to_numpy()
    bad = ~np.isfinite(number) | (number < 0)
    if bad.any():
        values = raw[bad].tolist()
        reasons = [
            "blank"
            if (isinstance(v, float) and np.isnan(v)) or str(v).strip().casefold() in MISSING_WORDS
            else ("negative" if isinstance(w, float) and w < 0 else "not a number")
            for v, w in zip(values, number[bad], strict=True)
        ]
        raise DataError(
            f"{path}: {int(bad.sum()):,} bad weight(s) in column {column!r}: "
            f"{_listing(rows[bad], values, places)}.",
            hint="Weights must be non-negative numbers on every row; fix these cells or "
            "load without weight_column.",
            path=path,
            failures=_failures(rows[bad], column, values, reasons, places),
        )
    return weights


def _refuse_dates(
    raw: pd.Series,
    bad: np.ndarray,
    rows: np.ndarray,
    unread: UnreadableDates,
    path: Path,
    places: _Places = _Places(),
) -> None:
    """Raise for unreadable dates under ``strict``, listing the cells like invalid scores."""
    values = raw[bad].tolist()
    raise DataError(
        f"{path}: {unread.count:,} unreadable date(s) in column {unread.column!r} (date_column): "
        f"{_listing(rows[bad], values, places)}.",
        hint=f"{unread.hint()} Or load without strict to leave them out of every period.",
        path=path,
        failures=_failures(rows[bad], unread.column, values, ["not a date"] * len(values), places),
    )
