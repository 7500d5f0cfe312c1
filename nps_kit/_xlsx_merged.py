"""A workbook's cells merged down over several answer rows: one value for every row it covers.

Medallia and other Excel downloads group the responses by a column (the hotel, the store) and
merge that column's cell down over its group: Excel shows the name once, and every reader sees
the rows under it blank (QA31: 1,071 of 1,100 responses had no property, so ``score --by`` and
a unit per property counted 29). A merged cell holds its value in its top cell only; the file's
``<mergeCells>`` list says which cells it covers. Only merges within one column and below the
header are filled: a cell merged across columns would copy one answer into another question.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from xml.etree import ElementTree

import numpy as np
import pandas as pd
from openpyxl.utils.cell import range_boundaries

__all__ = ["SheetMarks", "fill_merged", "merged_ranges", "sheet_marks", "sheet_part"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """Return the archive path of the worksheet named ``sheet``, else ``None``."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rid = next(
        (s.get(f"{_REL}id") for s in workbook.iter(f"{_MAIN}sheet") if s.get("name") == sheet),
        None,
    )
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next(
        (r.get("Target") for r in rels.iter(f"{_PACKAGE_REL}Relationship") if r.get("Id") == rid),
        None,
    )
    if rid is None or target is None:
        return None
    return target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)


# A merge in the sheet's XML (``<mergeCell ref="B4:B43"/>``, any namespace prefix). Found by
# scanning the bytes: parsing the sheet's XML cost a sixth of reading the workbook, the scan a
# fiftieth (15,000 rows, one run side by side).
_MERGE: Final = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"')


# A formula cell without a saved value (``<f>SUM(B2:B9)</f><v/></c>``, a shared formula's
# ``<f t="shared" si="0"/></c>``) or any cell holding an error (``t="e"``: ``#DIV/0!``), looked
# for in the same scan, so that a sheet without one is read once (FIX91,
# nps_kit._xlsx_formulas): a workbook saved by Excel, every formula's value stored, is read as
# before it had formulas (REVIEW39).
# Two patterns, each led by its literal (``f>``: the end of ``</f>``; ``/>``: of ``<f … />``),
# which re finds fast: one with an alternation first took 0.5 s over 50,000 rows, these 0.05.
_EMPTY_VALUE: Final = rb"\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
_UNSAVED: Final = (re.compile(rb"f>" + _EMPTY_VALUE), re.compile(rb"/>" + _EMPTY_VALUE))
_ERROR: Final = b't="e"'
# Bytes of one read searched again with the next: a cell cut between two reads is whole in one.
_OVERLAP: Final = 1024


@dataclass(frozen=True)
class SheetMarks:
    """What one scan of a worksheet's XML found: its merged ranges, and unsaved formulas.

    Attributes
    ----------
    merges
        ``(min_col, min_row, max_col, max_row)``, 1-based, as the file lists them.
    unsaved
        Whether a cell holds a formula without a saved value, or an error value: the sheet is
        then read for its formulas (:func:`nps_kit._xlsx_formulas.formula_lines`).
    """

    merges: list[tuple[int, int, int, int]]
    unsaved: bool


def sheet_marks(path: Path, sheet: str) -> SheetMarks:
    """Scan a worksheet's XML once for its merged ranges and for unsaved formulas.

    Parameters
    ----------
    path
        The XLSX workbook.
    sheet
        The worksheet's name.

    Returns
    -------
    SheetMarks
        Empty merges and nothing unsaved when the sheet's part is missing.
    """
    refs: list[bytes] = []
    unsaved = False
    with zipfile.ZipFile(path) as archive:
        part = sheet_part(archive, sheet)
        if part is None or part not in archive.namelist():
            return SheetMarks([], False)
        tail = seen = b""
        with archive.open(part) as handle:
            while chunk := handle.read(1 << 20):
                text = tail + chunk
                cut = text.rfind(b"<")  # a tag is never split between two reads
                body, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
                refs += _MERGE.findall(body)
                unsaved = unsaved or _unsaved(seen + body)
                seen = body[-_OVERLAP:]
        refs += _MERGE.findall(tail)
        unsaved = unsaved or _unsaved(seen + tail)
    found: list[tuple[int, int, int, int]] = []
    for ref in refs:
        col, top, last_col, bottom = range_boundaries(ref.decode("ascii", "replace"))
        if col and top and last_col and bottom:
            found.append((col, top, last_col, bottom))
    return SheetMarks(found, unsaved)


def _unsaved(text: bytes) -> bool:
    """Whether a stretch of a sheet's XML holds an unsaved formula or an error value."""
    return _ERROR in text or any(p.search(text) is not None for p in _UNSAVED)


def merged_ranges(path: Path, sheet: str) -> list[tuple[int, int, int, int]]:
    """Return the merged ranges of a worksheet as ``(min_col, min_row, max_col, max_row)``.

    Parameters
    ----------
    path
        The XLSX workbook.
    sheet
        The worksheet's name.

    Returns
    -------
    list of tuple
        1-based columns and rows, as the file lists them; empty when it merges nothing.
    """
    return sheet_marks(path, sheet).merges


def fill_merged(
    frame: pd.DataFrame,
    path: Path,
    sheet: str,
    *,
    header_rows: int,
    merges: list[tuple[int, int, int, int]] | None = None,
) -> pd.DataFrame:
    """Give every row under a cell merged down one column that cell's value.

    Parameters
    ----------
    frame
        The sheet's answers as read, one row per sheet row from ``header_rows + 1`` on.
    path
        The workbook.
    sheet
        The worksheet's name.
    header_rows
        Rows above the first answer (titles and the header).
    merges
        The sheet's merged ranges when already scanned (:func:`sheet_marks`); ``None`` scans.

    Returns
    -------
    pandas.DataFrame
        ``frame`` itself when nothing below the header is merged down, else a copy filled.
    """
    merges = merged_ranges(path, sheet) if merges is None else merges
    ranges = [
        (col - 1, top - header_rows - 1, bottom - header_rows - 1)
        for col, top, last_col, bottom in merges
        if col == last_col and bottom > top and top > header_rows and col <= frame.shape[1]
    ]
    if not ranges:
        return frame
    covered: dict[int, np.ndarray] = {}
    for col, top, bottom in ranges:
        if top < len(frame) and frame.iloc[:, col].notna().iat[top]:
            rows = covered.setdefault(col, np.zeros(len(frame), dtype=bool))
            rows[top + 1 : bottom + 1] = True
    if not covered:
        return frame
    frame = frame.copy()
    for col, rows in covered.items():
        column = frame.columns[col]
        # The cells a merge covers are blank: the value above them is the merged cell's.
        frame[column] = frame[column].where(~rows, frame[column].ffill())
    return frame
