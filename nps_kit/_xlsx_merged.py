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
from pathlib import Path
from typing import Final
from xml.etree import ElementTree

import numpy as np
import pandas as pd
from openpyxl.utils.cell import range_boundaries

__all__ = ["fill_merged", "merged_ranges"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
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
    refs: list[bytes] = []
    with zipfile.ZipFile(path) as archive:
        part = _sheet_part(archive, sheet)
        if part is None or part not in archive.namelist():
            return []
        tail = b""
        with archive.open(part) as handle:
            while chunk := handle.read(1 << 20):
                text = tail + chunk
                cut = text.rfind(b"<")  # a tag is never split between two reads
                body, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
                refs += _MERGE.findall(body)
        refs += _MERGE.findall(tail)
    found: list[tuple[int, int, int, int]] = []
    for ref in refs:
        col, top, last_col, bottom = range_boundaries(ref.decode("ascii", "replace"))
        if col and top and last_col and bottom:
            found.append((col, top, last_col, bottom))
    return found


def fill_merged(frame: pd.DataFrame, path: Path, sheet: str, *, header_rows: int) -> pd.DataFrame:
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

    Returns
    -------
    pandas.DataFrame
        ``frame`` itself when nothing below the header is merged down, else a copy filled.
    """
    ranges = [
        (col - 1, top - header_rows - 1, bottom - header_rows - 1)
        for col, top, last_col, bottom in merged_ranges(path, sheet)
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
