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


# A formula (``<f>SUM(B2:B9)</f>``, a shared formula's ``<f t="shared" si="0"/>``): looked for
# in the same scan, so that a sheet without one is read once (FIX91, nps_kit._xlsx_formulas).
_FORMULA: Final = re.compile(rb"<(?:\w+:)?f[\s>/]")


@dataclass(frozen=True)
class SheetMarks:
    """What one scan of a worksheet's XML found: its merged ranges, and whether it has formulas.

    Attributes
    ----------
    merges
        ``(min_col, min_row, max_col, max_row)``, 1-based, as the file lists them.
    formulas
        Whether any cell holds a formula.
    """

    merges: list[tuple[int, int, int, int]]
    formulas: bool


def sheet_marks(path: Path, sheet: str) -> SheetMarks:
    """Scan a worksheet's XML once for its merged ranges and for any formula.

    Parameters
    ----------
    path
        The XLSX workbook.
    sheet
        The worksheet's name.

    Returns
    -------
    SheetMarks
        Empty merges and no formula when the sheet's part is missing.
    """
    refs: list[bytes] = []
    formulas = False
    with zipfile.ZipFile(path) as archive:
        part = sheet_part(archive, sheet)
        if part is None or part not in archive.namelist():
            return SheetMarks([], False)
        tail = b""
        with archive.open(part) as handle:
            while chunk := handle.read(1 << 20):
                text = tail + chunk
                cut = text.rfind(b"<")  # a tag is never split between two reads
                body, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
                refs += _MERGE.findall(body)
                formulas = formulas or _FORMULA.search(body) is not None
        refs += _MERGE.findall(tail)
    found: list[tuple[int, int, int, int]] = []
    for ref in refs:
        col, top, last_col, bottom = range_boundaries(ref.decode("ascii", "replace"))
        if col and top and last_col and bottom:
            found.append((col, top, last_col, bottom))
    return SheetMarks(found, formulas)


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
