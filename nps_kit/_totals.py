"""A totals row under the table (合計, Total): said and left out, never a response.

Call-centre and order systems write a last row ``合計,2400件,,,,,6.49`` under their exports.
QA25 found it read as a response: inspect counted 2,401 responses and an unreadable date
('2400件'), and score told the user to rewrite '2400件' as a date. The loader leaves such a row
out as it does a sheet's empty rows, and says so (:meth:`nps_kit.load.LoadReport.left_out`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import numpy as np
import pandas as pd

from nps_kit._values import parse_date_values

__all__ = ["TOTALS_WORDS", "totals_labels", "totals_rows"]

#: The label of a totals row, as its first non-blank cell says it (NFKC, case-folded).
TOTALS_WORDS: Final = frozenset(
    {"合計", "計", "総計", "総合計", "小計", "total", "totals", "grand total", "subtotal", "sum"}
    # German and Dutch/Italian exports and Excel pivots (QA30: QuestionPro's "Gesamt" row)
    | {"gesamt", "gesamtergebnis", "gesamtsumme", "insgesamt", "summe", "totaal", "totale"}
)
_NUMBER: Final = re.compile(r"^[-+]?[\d,]*\.?\d+%?$")
# The label sits in one of the first cells of the row (a blank id cell may come first).
_LABEL_CELLS: Final = 3


def _label(cell: object) -> str:
    text = unicodedata.normalize("NFKC", str(cell)).strip().rstrip(":：").strip()
    return text.casefold()


def _is_date(values: list[object]) -> bool:
    """Whether any of ``values`` reads as a date (then the row is a response, not totals)."""
    if not values:
        return False
    try:
        dates = parse_date_values(pd.Series(values, dtype=object).astype("string"))
    except ValueError:
        return False
    return bool(dates.dates.notna().any())


def totals_rows(
    frame: pd.DataFrame, *, date_column: str | None, blank: np.ndarray | None = None
) -> np.ndarray:
    """Flag the totals rows at the end of an export's table.

    Parameters
    ----------
    frame
        The export's rows as read (text cells as written).
    date_column
        The date column, when known: a totals row's cell there is not a date. Without one, no
        cell of a totals row reads as a date.
    blank
        Rows already known to be empty (a sheet's empty rows), passed over at the end.

    Returns
    -------
    numpy.ndarray
        One flag per row: the last non-empty row(s) whose first non-blank cell, among the first
        three, is a totals word (合計, 計, 総計, 小計, Total, Grand total …) and which hold no date.
    """
    flags = np.zeros(len(frame), dtype=bool)
    for i in range(len(frame) - 1, -1, -1):
        if blank is not None and blank[i]:
            continue
        row = frame.iloc[i]
        cells = [v for v in row.iloc[:_LABEL_CELLS] if not pd.isna(v) and str(v).strip()]
        if not cells or _label(cells[0]) not in TOTALS_WORDS:
            break
        if date_column is not None and date_column in frame.columns:
            dated = [] if pd.isna(row[date_column]) else [row[date_column]]
        else:
            # A count or a mean (2400, 6.49) would read as an Excel serial date: only cells
            # written as dates are asked.
            dated = [
                v
                for v in row
                if not pd.isna(v) and _label(v) not in TOTALS_WORDS and not _NUMBER.match(_label(v))
            ]
        if _is_date(dated):
            break
        flags[i] = True
    return flags


def totals_labels(frame: pd.DataFrame, flags: np.ndarray) -> tuple[str, ...]:
    """Return each flagged row's label as written (its first non-blank cell), for the notes."""
    out = []
    for i in np.flatnonzero(flags):
        cells = [v for v in frame.iloc[i].iloc[:_LABEL_CELLS] if not pd.isna(v) and str(v).strip()]
        out.append(str(cells[0]).strip())
    return tuple(out)
