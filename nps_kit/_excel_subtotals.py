"""Excel's Data → Subtotal lines (Osaka Average, 大阪 平均): a group's figure, never a response.

An analyst who sorts an export by 店舗 or Region and runs Excel's Data → Subtotal (集計) gets,
after each group, a line labelled ``<the group's value> <the function>`` in the grouped column
(``Osaka Average``, ``Tokyo Count``, ``Osaka Total``; Japanese Excel ``大阪 平均``, ``大阪 データ
の個数``, ``大阪 集計``) with ``=SUBTOTAL(…)`` of the group in each subtotalled column, and at the
end ``Grand Average``, ``Grand Count``, ``Grand Total`` (``全体の平均``, ``全体のデータの個数``,
``総計``) over every row. Saved as CSV or XLSX (the formula's value), the lines were read as
responses (FIX89): a whole mean or a count of ten or less as a respondent, others as invalid
scores.

The label is no evidence by itself (FIX71: a respondent named Total is an answer, one whose
branch is Grand too). A line is left out when all of these hold:

- its label is ``<V> <word>`` where V is the value, in the label's own column, of the rows
  just above it (other subtotal lines between them passed over, as Excel's nested subtotals
  put them), or a grand label (then the rows are every row above);
- no cell of it reads as a date, and every other cell is blank or a number (Excel writes
  nothing else on the line);
- each number of it is the word's function of its column over those rows (the mean, to the
  decimals it is written with, a whole one as Excel rounds it; the count of filled or of
  numeric cells; the sum; the max; the min), as ``SUBTOTAL`` computes it, other subtotals
  left out: Excel leaves every column it does not subtotal blank, so a number that is no
  such figure (an id, a score) is an answer.

A line whose figure is also its rows' own answer (a group of one: its mean is its one score)
is left out only when another line of the same column and function is proven on rows that
differ: the sheet was subtotalled by Excel, and the line is one of its lines.

Excel's Subtotal dialog offers eleven functions (FIX91 added the six past the first five):
Sum, Count, Average, Max, Min, Product, Count Numbers, StdDev, StdDevp, Var, Varp; Japanese
Excel 合計 (written 集計), データの個数, 平均, 最大値, 最小値, 積, 数値の個数, 標本標準偏差,
標準偏差, 標本分散, 分散. StdDev and Var (標本標準偏差, 標本分散) are of a sample (divided by
n − 1, Excel's STDEV and VAR; a group of one shows ``#DIV/0!``), StdDevp and Varp (標準偏差,
分散) of the population (n). Not verified against a running Excel (none here, and no page the
search could reach shows the lines): which words English Excel writes after the group for
Count Numbers (``Count Nums`` or ``Count Numbers``: both are read) and for the six others
(their dialog names are assumed, as Average and Max are written); that Japanese Excel writes
the dialog's name after the group for these six as it does for 平均 (``大阪 標本標準偏差``,
``全体の積``); and which of 標準偏差 and 標本標準偏差 is which, taken from the order of the
dialog, the same as the English one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd

from nps_kit._column_facts import ColumnFacts
from nps_kit._distinct import distinct_found
from nps_kit._values import any_date, decimal_number, read_numbers, written_decimals

__all__ = ["EXCEL_FUNCTIONS", "excel_subtotal_lines"]

#: Excel's label word of each Data → Subtotal function and what it computes. English Excel
#: writes the function's name (Sum as ``Total``); Japanese Excel writes 集計 for 合計 (SUM),
#: 総計 under the table (Excel 2010's manual: ``C1020150 集計``, ``総計``), else the function's
#: name in the dialog (平均, データの個数 = COUNTA, 数値の個数 = COUNT, 最大値, 最小値, 積,
#: 標本標準偏差 = STDEV, 標準偏差 = STDEVP, 標本分散 = VAR, 分散 = VARP; see the module's note).
EXCEL_FUNCTIONS: Final = {
    "average": "mean", "count": "count", "total": "sum", "max": "max", "min": "min",
    "product": "product", "count numbers": "count", "count nums": "count",
    "stddev": "stdev", "stddevp": "stdevp", "var": "var", "varp": "varp",
    "平均": "mean", "データの個数": "count", "数値の個数": "count", "集計": "sum",
    "最大値": "max", "最小値": "min", "積": "product", "標本標準偏差": "stdev",
    "標準偏差": "stdevp", "標本分散": "var", "分散": "varp",
}  # fmt: skip
# What each function computes over a group's numbers: a sample's deviation and variance
# divide by n - 1 (Excel's STDEV and VAR), a population's by n (STDEVP, VARP).
_COMPUTE: Final = {
    "mean": lambda v: v.mean(), "sum": lambda v: v.sum(), "max": lambda v: v.max(),
    "min": lambda v: v.min(), "product": lambda v: v.prod(), "stdev": lambda v: v.std(ddof=1),
    "stdevp": lambda v: v.std(ddof=0), "var": lambda v: v.var(ddof=1),
    "varp": lambda v: v.var(ddof=0),
}  # fmt: skip
# The figures of a sample: Excel shows #DIV/0! for a group of fewer than two numbers.
_SAMPLE: Final = frozenset({"stdev", "var"})
_DIV0: Final = "#DIV/0!"
# A figure Excel's General format shows in scientific notation (a product: 4.8384E+12).
_SCIENTIFIC: Final = re.compile(r"^[-+]?\d(?:\.(\d+))?[eE]([-+]?\d+)$")
_WORDS: Final = "|".join(sorted(map(re.escape, EXCEL_FUNCTIONS), key=len, reverse=True))
_GROUP_LINE: Final = re.compile(rf"^(?P<group>.*\S)\s+(?P<word>{_WORDS})$")
# Under the table: Grand Average, Grand Total; 全体の平均, 全体のデータの個数; 総計 (a sum).
# A first, quick look at a column's distinct values: those that end with a word of a line.
_ENDS: Final = (*EXCEL_FUNCTIONS, "総計")
# Every character whose lower case ends one of _ENDS, then any whitespace str.rstrip takes:
# what a value's end must hold for _ENDS to end it, sought in C first.
_END_LETTERS: Final = "ELNPRSTVXelnprstvx値均差散数積計"
_END_SPACES: Final = "\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_END_CANDIDATE: Final = f"[{_END_LETTERS}][{_END_SPACES}]*$"
# The last character of any value _END_CANDIDATE is found in: a letter or a space of it (the
# spaces all below U+3001).
_END_LAST: Final = frozenset(_END_LETTERS) | frozenset(
    c for c in map(chr, range(0x3001)) if re.fullmatch(f"[{_END_SPACES}]", c)
)
# A number Excel shows with thousands separators (the cell's format "#,##0"): 2,250; 1,350.5.
_GROUPED: Final = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_GRAND_LINE: Final = re.compile(
    rf"^(?:grand\s+(?P<en>{_WORDS})|全体の(?P<ja>{_WORDS})|(?P<sum>総計))$"
)


@dataclass(frozen=True)
class _Line:
    """A cell labelled as an Excel subtotal line: its row, column, group (``None``: grand)."""

    row: int
    column: str
    group: str | None
    function: str


def _key(cell: object) -> str:
    """Return a cell as Excel's subtotal compares it: NFKC, one space, case-folded."""
    return " ".join(unicodedata.normalize("NFKC", str(cell)).split()).casefold()


def _readings(label: str) -> Iterator[tuple[str | None, str]]:
    """Yield each (group, function) a label can say; ``Grand Average`` says both kinds."""
    found = _GROUP_LINE.match(label)
    if found is not None:
        yield found["group"], EXCEL_FUNCTIONS[found["word"]]
    grand = _GRAND_LINE.match(label)
    if grand is not None:
        yield None, "sum" if grand["sum"] else EXCEL_FUNCTIONS[grand["en"] or grand["ja"]]


def _labelled(
    frame: pd.DataFrame, skip: np.ndarray, facts: ColumnFacts | None = None
) -> list[_Line]:
    """Return every cell read as an Excel subtotal label, by row (each distinct value once)."""
    out = []
    for column in frame.columns:
        cells = frame[column]
        if cells.dtype != object and not pd.api.types.is_string_dtype(cells):
            continue
        if isinstance(cells.dtype, pd.StringDtype):
            # Only a value whose last letter can end a line's word can be one: the rest (ids,
            # dates, comments) are passed over in C, before each becomes a Python string and is
            # stripped and lowered (LOAD40: 0.2 s of a 200,000-row load did that).
            distinct = distinct_found(cells, _END_CANDIDATE, facts=facts, ends=_END_LAST).array
        else:
            distinct = cells.dropna().unique()
        values = pd.Series(distinct, dtype=object).astype(str)
        said = {}
        for value in values[values.str.rstrip().str.lower().str.endswith(_ENDS)]:
            readings = list(_readings(_key(value)))
            if readings:
                said[value] = readings
        if not said:
            continue
        for i in np.flatnonzero(cells.isin(list(said)).to_numpy(dtype=bool)):
            if not skip[i]:
                out += [_Line(int(i), str(column), g, f) for g, f in said[cells.iloc[i]]]
    return sorted(out, key=lambda line: line.row)


def _number(cell: Any) -> float:
    """Read one cell as a number (``NaN`` where it is none), as :func:`read_numbers` does."""
    if isinstance(cell, int | float | np.number) and not isinstance(cell, bool):
        return float(cell)
    text = str(cell).strip()
    if _SCIENTIFIC.match(text):
        return float(text)
    if _GROUPED.match(text):
        return float(text.replace(",", ""))  # a sum shown with thousands: 2,250 (1,350.5)
    try:
        return float(text) if "_" not in text else np.nan  # float() reads 1_0 as 10
    except ValueError:
        found = decimal_number(text)
        return np.nan if found is None else found


def _filled(cell: Any) -> bool:
    """Whether a cell holds anything (a blank or spaces hold nothing)."""
    return not pd.isna(cell) and str(cell).strip() != ""


def _rows(line: _Line, cells: pd.Series, done: np.ndarray) -> Iterator[list[int]]:
    """Yield the rows a line may be the figure of: those just above it, then those below it.

    Its group's rows (every row, for a grand line). Excel's Subtotal with "Summary below data"
    unticked puts each line above its group and the grand line above the table.
    """
    for ahead in (range(line.row - 1, -1, -1), range(line.row + 1, len(cells))):
        rows = [k for k in ahead if not done[k]]
        if line.group is not None:
            same = [_filled(cells.iat[k]) and _key(cells.iat[k]) == line.group for k in rows]
            rows = rows[: same.index(False)] if False in same else rows
        if rows:
            yield sorted(rows)


def _close(own: float, target: float, cell: object) -> bool:
    """Whether a figure written as ``cell`` is ``target`` to its last digit (7.33: 7.3333…).

    Its last digit is a decimal (``7.33``) or, in scientific notation, the mantissa's
    (``4.8384E+12``, as Excel's General format shows a large product).
    """
    scientific = _SCIENTIFIC.match(str(cell).strip())  # a CSV's text, or the float read of it
    if scientific is not None:
        step = 10.0 ** (int(scientific[2]) - len(scientific[1] or ""))
        return abs(own - target) <= 0.5 * step * (1 + 1e-9)
    written = written_decimals(cell)
    if written:
        return abs(own - target) <= 0.5 * 10.0**-written + 1e-9
    return bool(np.isclose(own, target, rtol=1e-9, atol=1e-9))


def _figure(function: str, cell: object, own: float, values: pd.Series, filled: int) -> bool:
    """Whether ``own`` is ``function`` of the group's ``values`` (``filled`` cells of them).

    ``own`` is ``NaN`` for Excel's ``#DIV/0!``: the figure of a sample of fewer than two.
    """
    numbers = values.dropna()
    if np.isnan(own):
        return function in _SAMPLE and len(numbers) < 2
    if function == "count":
        return own in (float(filled), float(len(numbers)))
    if numbers.empty or (function in _SAMPLE and len(numbers) < 2):
        return False
    figure = float(_COMPUTE[function](numbers))
    if function != "product" and not written_decimals(cell) and not figure.is_integer():
        # A whole number for a figure with decimals (a mean, a deviation): the column's format
        # shows none (Excel's "0"), and Excel rounds half away from zero (7.5 shows 8, 7.33 7).
        rounded = np.sign(figure) * np.floor(abs(figure) + 0.5)
        if own == rounded and not _SCIENTIFIC.match(str(cell).strip()):
            return True
    return _close(own, figure, cell)


def _trivial(function: str, values: pd.Series, rows: int) -> bool:
    """Whether the figure is also each row's own (one row; a mean of equal scores).

    A figure of equal numbers is their own where it equals them: their mean, max or min; a
    deviation or variance only of zeros, a product only of ones or zeros.
    """
    if function in ("count", "sum"):
        return rows == 1
    numbers = values.dropna()
    if numbers.nunique() > 1:
        return False
    if numbers.empty or function in ("mean", "max", "min") or len(numbers) == 1:
        return True
    return bool(np.isclose(float(_COMPUTE[function](numbers)), float(numbers.iloc[0])))


def _judge(
    frame: pd.DataFrame,
    lines: list[_Line],
    done: np.ndarray,
    *,
    date_column: str | None,
) -> dict[int, tuple[_Line, bool]]:
    """Return each line proven by its figures, and whether that figure was its rows' own too."""
    done = done.copy()
    out: dict[int, tuple[_Line, bool]] = {}
    # Again while lines are found: a line above its group is proven once the lines between it
    # and its rows are (two functions; the grand line above the table).
    while True:
        before = len(out)
        _pass(frame, lines, done, out, date_column=date_column)
        if len(out) == before:
            return out


def _pass(
    frame: pd.DataFrame,
    lines: list[_Line],
    done: np.ndarray,
    out: dict[int, tuple[_Line, bool]],
    *,
    date_column: str | None,
) -> None:
    """Judge each line not yet proven, top to bottom; mark those proven in ``done`` and ``out``."""
    for line in lines:
        i = line.row
        if done[i]:
            continue
        row = frame.iloc[i]
        if date_column is not None and date_column in frame.columns:
            if any_date([row[date_column]] if _filled(row[date_column]) else []):
                continue
        others = {str(c): _number(v) for c, v in row.items() if c != line.column and _filled(v)}
        # Excel's #DIV/0! is a sample's figure over fewer than two numbers; other text is an
        # answer: someone's response.
        div0 = {str(c) for c, v in row.items() if str(v).strip() == _DIV0}
        if any(np.isnan(v) and (c not in div0 or line.function not in _SAMPLE)
               for c, v in others.items()):  # fmt: skip
            continue
        for rows in _rows(line, frame[line.column], done):
            trivial = _proven(frame, line, row, others, rows)
            if trivial is not None:
                out[i] = (line, trivial)
                done[i] = True
                break


def _proven(
    frame: pd.DataFrame, line: _Line, row: pd.Series, others: dict[str, float], rows: list[int]
) -> bool | None:
    """Whether each number of a line is its function of ``rows``, and each row's own too.

    ``None`` when a number is not (an answer); else whether every figure is also each row's
    own (:func:`_trivial`).
    """
    trivial = []
    for column, own in others.items():
        cells = frame[column].iloc[rows]
        values = read_numbers(cells.astype("string"))
        filled = int(sum(_filled(v) for v in cells))
        if not _figure(line.function, row[column], own, values, filled):
            return None  # a number that is no figure of the rows: an answer (an id, a score)
        # #DIV/0! is no row's own answer.
        trivial.append(not np.isnan(own) and _trivial(line.function, values, len(rows)))
    return all(trivial) if trivial else None


def excel_subtotal_lines(
    frame: pd.DataFrame,
    *,
    flagged: np.ndarray,
    date_column: str | None,
    blank: np.ndarray | None = None,
    facts: ColumnFacts | None = None,
) -> dict[int, str]:
    """Find the lines Excel's Data → Subtotal wrote into an export, and what each one is.

    Parameters
    ----------
    frame
        The export's rows as read (text cells as written).
    flagged
        Rows already found to be totals or subtotal lines (:mod:`nps_kit._totals`): passed
        over, and never a group's row.
    date_column
        The date column, when known: a line's cell there is no date. Every column is read
        alike, the score's too: each number of a line is its rows' figure.
    blank
        Rows known to be empty (a sheet's empty rows), passed over.
    facts
        The load's memo of its columns' distinct values (:mod:`nps_kit._column_facts`).

    Returns
    -------
    dict
        Each such line's position and why it is no answer: ``excel_`` and its function
        (``excel_mean``, ``excel_count``, ``excel_sum``, ``excel_max``, ``excel_min``,
        ``excel_product``, ``excel_stdev``, ``excel_stdevp``, ``excel_var``, ``excel_varp``:
        keys of the catalogue's ``totals.why.*``).
    """
    done = flagged.copy() if blank is None else flagged | blank
    lines = _labelled(frame, done, facts)
    if not lines:
        return {}
    refused: set[int] = set()
    while True:
        kept = [line for line in lines if line.row not in refused]
        found = _judge(frame, kept, done, date_column=date_column)
        proven = {(line.column, line.function) for line, trivial in found.values() if not trivial}
        loose = {
            i for i, (line, trivial) in found.items()
            if trivial and (line.column, line.function) not in proven
        }  # fmt: skip
        if not loose:
            return {i: f"excel_{line.function}" for i, (line, _) in sorted(found.items())}
        refused |= loose
