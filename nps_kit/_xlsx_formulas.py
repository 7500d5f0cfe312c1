"""Formula cells an XLSX holds without their value: an Excel subtotal line, or an error.

A workbook keeps each formula's text and, when the program that saved it computed it, the value
(``<f>SUBTOTAL(1,D2:D9)</f><v>7.5</v>``). A program that does not compute formulas (openpyxl,
many exporters, a report tool adding ``=SUBTOTAL(…)`` lines) saves the text alone, and every
reader of values, pandas and openpyxl's ``data_only`` alike, reads the cell as blank: a score
written ``=8`` was a missing score, without a word (FIX91). Read here from the sheet's XML, only
when the sheet has such a formula (:func:`nps_kit._xlsx_merged.sheet_marks` looks while it
looks for merged cells):

- a row with a formula that aggregates a range of other rows (``=SUBTOTAL(9,D2:D9)``,
  ``=AVERAGE(D2:D9)``, ``=COUNT(…)``, ``=SUM(…)``, ``=MAX(…)`` …) and no value, and no other
  formula without a value, is a subtotal line: no response, left out as
  :mod:`nps_kit._excel_subtotals` leaves Excel's lines out, and said in the same note. A
  subtotal formula whose saved value is an error counts too (``#DIV/0!``: the sample deviation
  of one row), since it reads as blank as well;
- any other formula without a value in the table is an error naming the file, the sheet, the
  cells and the formula, and how to have the values saved.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pandas as pd
from openpyxl.formula.translate import Translator, TranslatorError
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from nps_kit._xlsx_merged import sheet_part
from nps_kit.errors import DataError
from nps_kit.i18n import Language, t

__all__ = ["FormulaError", "FormulaLines", "formula_lines"]

#: Functions whose value over a range of rows is a group's figure, not a response's answer.
AGGREGATES: Final = (
    "SUBTOTAL", "AGGREGATE", "AVERAGE", "AVERAGEA", "COUNT", "COUNTA", "SUM", "MAX", "MIN",
    "PRODUCT", "STDEV", "STDEVP", "STDEV.S", "STDEV.P", "STDEVA", "VAR", "VARP", "VAR.S",
    "VAR.P", "MEDIAN",
)  # fmt: skip
#: Functions around an aggregate that leave it a group's figure: a report tool's
#: ``=IFERROR(SUBTOTAL(9,D2:D9),"")`` (blank when its group is), ``=ROUND(AVERAGE(…),1)``.
WRAPPERS: Final = ("IFERROR", "IFNA", "ROUND", "ROUNDUP", "ROUNDDOWN")
_AGGREGATE: Final = re.compile(
    r"^=?\s*(?:(?:_xlfn\.)?(?:" + "|".join(WRAPPERS) + r")\s*\(\s*)*"
    r"(?:_xlfn\.)?(?:" + "|".join(map(re.escape, AGGREGATES)) + r")\s*\(",
    re.IGNORECASE,
)
# A range of cells (D2:D9, $D$2:$D$9, Sheet1!D2:D9): its first and last rows.
_RANGE: Final = re.compile(r"\$?[A-Z]{1,3}\$?(\d+)\s*:\s*\$?[A-Z]{1,3}\$?(\d+)", re.IGNORECASE)
# A cell of the sheet's XML holding a formula: its attributes and what is inside it.
_CELL: Final = re.compile(rb"<(?:\w+:)?c\s([^>]*?)(?<!/)>(.*?)</(?:\w+:)?c>", re.DOTALL)
_ATTRIBUTE: Final = re.compile(rb'\b(r|t)="([^"]*)"')
_FORMULA: Final = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.DOTALL)
_SHARED: Final = re.compile(rb'\bsi="(\d+)"')
_VALUE: Final = re.compile(rb"<(?:\w+:)?v\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?v>)", re.DOTALL)
# Cells named in a message before "and N more".
_SHOWN: Final = 5


@dataclass(frozen=True)
class _Cell:
    """A formula cell of the sheet: where, its formula, and whether its saved value is an error."""

    row: int
    column: int
    ref: str
    formula: str
    error: bool


@dataclass(frozen=True)
class FormulaLines:
    """The subtotal lines a sheet's unsaved formulas make: each frame row and its label.

    Attributes
    ----------
    rows
        Positions in the sheet's frame (0 is the first row under the header).
    labels
        Each line's text label when it has one (``Osaka Average``), else its formula.
    """

    rows: tuple[int, ...] = ()
    labels: tuple[str, ...] = ()


class FormulaError(DataError):
    """Formulas without a saved value in the table: nps-kit would read them as blank.

    Attributes
    ----------
    sheet
        The worksheet's name.
    cells
        Each cell's reference and formula (``D5``, ``=C5*2``), in sheet order.
    """

    def __init__(
        self,
        path: Path,
        sheet: str,
        cells: list[tuple[str, str]],
        *,
        lang: Language = "en",
        failures: pd.DataFrame | None = None,
    ) -> None:
        self.sheet = sheet
        self.cells = tuple(cells)
        self.file = path
        super().__init__(
            self.words(lang), hint=t("formulas.hint", lang), path=path, failures=failures
        )

    def words(self, lang: Language) -> str:
        """Return what is wrong in ``lang`` (the hint is the catalogue's ``formulas.hint``)."""
        shown = [t("formulas.cell", lang, ref=ref, formula=f) for ref, f in self.cells[:_SHOWN]]
        listed = ("、" if lang == "ja" else ", ").join(shown)
        if len(self.cells) > _SHOWN:
            listed += t("formulas.more", lang, n=f"{len(self.cells) - _SHOWN:,}")
        return t(
            "formulas.unsaved",
            lang,
            file=self.file,
            sheet=self.sheet,
            n=f"{len(self.cells):,}",
            cells=listed,
        )

    def said(self, lang: Language) -> FormulaError:
        """Return this error worded in ``lang`` (a Japanese project's run hears Japanese)."""
        return FormulaError(
            self.file, self.sheet, list(self.cells), lang=lang, failures=self.failures
        )

    def in_language(self, lang: Language) -> str:
        """Return the error in ``lang``, as the command line says it (MSG43).

        English is the command line's fallback, not a choice: then the error is said as raised,
        in its header's language (FIX94), as :meth:`NpsKitError.in_language` does.
        """
        return str(self) if lang == "en" else str(self.said(lang))


def _cells(path: Path, sheet: str) -> Iterator[_Cell]:
    """Yield each formula cell of the sheet without a saved value, or with an error value."""
    with zipfile.ZipFile(path) as archive:
        part = sheet_part(archive, sheet)
        if part is None or part not in archive.namelist():
            return
        shared: dict[bytes, tuple[str, str]] = {}  # si → the master's formula and cell
        tail = b""
        with archive.open(part) as handle:
            while True:
                chunk = handle.read(1 << 22)
                text = tail + chunk
                # Cut after a row's end: a cell never spans two rows.
                cut = text.rfind(b"row>") + 4 if chunk else len(text)
                body, tail = (text[:cut], text[cut:]) if cut > 3 else (b"", text)
                for found in _CELL.finditer(body):
                    cell = _cell(found, shared)
                    if cell is not None:
                        yield cell
                if not chunk:
                    return


def _cell(found: re.Match[bytes], shared: dict[bytes, tuple[str, str]]) -> _Cell | None:
    """Read one ``<c>`` element: a formula without a value (or an error), else ``None``."""
    inside = found[2]
    formula = _FORMULA.search(inside)
    if formula is None:
        return None
    attributes = dict(_ATTRIBUTE.findall(found[1]))
    ref = attributes.get(b"r", b"").decode("ascii", "replace")
    if not ref:
        return None
    text = html.unescape((formula[2] or b"").decode("utf-8", "replace")).strip()
    si = _SHARED.search(formula[1])
    if si is not None and b'shared"' in formula[1]:
        if text:
            shared[si[1]] = (text, ref)
        elif si[1] in shared:
            master, origin = shared[si[1]]
            try:  # a shared formula's other cells write none: the master's, moved here
                text = Translator(f"={master}", origin=origin).translate_formula(ref)[1:]
            except TranslatorError:
                text = master
    value = _VALUE.search(inside)
    kind = attributes.get(b"t")
    error = kind == b"e"
    # A value saved, or a text one even when empty (Excel's ="" writes t="str" and <v></v>;
    # a program that computes nothing writes no type and <v/>).
    if value is not None and not error and ((value[1] or b"").strip() or kind == b"str"):
        return None
    letters, row = coordinate_from_string(ref)
    return _Cell(row, column_index_from_string(letters), ref, f"={text}", error)


def _line(cell: _Cell) -> bool:
    """Whether a formula aggregates ranges of other rows only (a group's figure).

    The aggregate may stand inside :data:`WRAPPERS` (FIX94: ``=IFERROR(SUBTOTAL(9,D2:D9),"")``
    refused the whole file).

    A range that holds the formula's own row is a computation on that row (a running mean
    ``=AVERAGE($D$2:D5)``, the column's mean beside each score), not a line (REVIEW39).
    """
    if not _AGGREGATE.match(cell.formula):
        return False
    spans = [(int(a), int(b)) for a, b in _RANGE.findall(cell.formula)]
    return bool(spans) and not any(min(s) <= cell.row <= max(s) for s in spans)


def _answerless(row: pd.Series, formulas: set[int]) -> bool:
    """Whether a row holds, beside its formulas, its label at most: no answer of a response.

    A response with a helper column (the mean of the rows above it, REVIEW39) has its score,
    its date, its id beside the formula; a line has its label and its figures alone.
    """
    written = [v for k, v in enumerate(row) if k not in formulas and not _blank(v)]
    return len(written) <= 1 and all(isinstance(v, str) for v in written)


def _blank(value: Any) -> bool:
    """Whether a cell as read is empty (``None``, ``NaN``, ``NaT``, ``""``)."""
    if isinstance(value, str):
        return not value.strip()
    return bool(pd.isna(value))


def formula_lines(frame: pd.DataFrame, path: Path, sheet: str, *, header_rows: int) -> FormulaLines:
    """Find the subtotal lines of a sheet's unsaved formulas; refuse any other unsaved formula.

    Parameters
    ----------
    frame
        The sheet as read, one row per sheet row from ``header_rows + 1`` on, one column per
        sheet column from A on.
    path
        The workbook.
    sheet
        The worksheet's name.
    header_rows
        Rows above the first answer (titles and the header).

    Returns
    -------
    FormulaLines
        The rows whose unsaved formulas all aggregate other rows (see the module's note).

    Raises
    ------
    FormulaError
        When a formula in the table (below the header, in a column read) has no saved value
        and is no such line's.
    """
    by_row: dict[int, list[_Cell]] = {}
    for cell in _cells(path, sheet):
        at = cell.row - header_rows - 1
        if 0 <= at < len(frame) and cell.column <= frame.shape[1]:
            by_row.setdefault(at, []).append(cell)
    rows: list[int] = []
    labels: list[str] = []
    unsaved: list[_Cell] = []
    for at in sorted(by_row):
        cells = by_row[at]
        lines = [c for c in cells if _line(c)]
        if (
            lines
            and all(c in lines or c.error for c in cells)
            and _answerless(frame.iloc[at], {c.column - 1 for c in cells})
        ):
            rows.append(at)
            labels.append(_label(frame.iloc[at]) or lines[0].formula)
        else:
            unsaved += [c for c in cells if not c.error]
    if unsaved:
        failures = pd.DataFrame(
            {
                "row": [c.row for c in unsaved],
                "column": [str(frame.columns[c.column - 1]) for c in unsaved],
                "value": [c.formula for c in unsaved],
                "reason": "formula without a saved value",
            }
        )
        named = [(c.ref, c.formula) for c in unsaved]
        raise FormulaError(path, sheet, named, lang=_header_language(frame), failures=failures)
    return FormulaLines(tuple(rows), tuple(labels))


def _header_language(frame: pd.DataFrame) -> Language:
    """Return the language a sheet's header is written in, which its refusal is said in.

    The refusal comes before any project or unit language is known (``init --from`` reads the
    export to decide it, ``inspect`` and ``score`` may run outside a project): a Japanese
    header (回答日時, おすすめ度) hears Japanese (FIX94: it was English); a unit's reading says
    it in the unit's language again (:meth:`FormulaError.said`).
    """
    from nps_kit.text.tokens import detect_language

    header = " ".join(str(c) for c in frame.columns)
    return "ja" if detect_language(pd.Series([header])).iloc[0] == "ja" else "en"


def _label(row: pd.Series) -> str | None:
    """Return a line's text label (``Osaka Average``, ``総計``), ``None`` when it has none."""
    for cell in row:
        if isinstance(cell, str) and any(ch.isalpha() for ch in cell):
            return cell.strip()
    return None
