"""A file's data rows numbered as a spreadsheet shows them.

A CSV's blank lines, which the parser skips, are counted; an XLSX's formula subtotal lines are
labelled.
"""

from __future__ import annotations

import csv
import gzip
import io
import mmap
import re
from typing import Any, Final

import numpy as np

from nps_kit import _formats

# Encodings in which a line break is the byte 0A (and 0D) and no other character contains it.
_ASCII_LINE_CODECS: Final = frozenset(
    {"ascii", "utf-8", "utf-8-sig", "cp932", "shift_jis", "euc_jp", "iso8859-1", "cp1252"}
)


def _ascii_lines(encoding: str | None) -> bool:
    import codecs

    return codecs.lookup(encoding or "utf-8").name in _ASCII_LINE_CODECS


def _csv_rows(layout: _formats.Layout, rows: np.ndarray) -> np.ndarray:
    """Row numbers as a spreadsheet shows them, counting the blank lines pandas skips.

    Only files with a blank line are read again (record by record, so a comment spanning lines
    stays one row); for the others the data rows follow the header without gaps.
    """
    if layout.compression is None and _ascii_lines(layout.encoding):
        # Look for a blank line in the bytes, without reading or decoding the whole file.
        with (
            layout.path.open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view,
        ):
            if re.search(rb"\n\r?\n", view) is None:
                return rows
    opener: Any = gzip.open if layout.compression == "gzip" else open
    with opener(layout.path, "rb") as handle:
        data = handle.read()
    text = data.decode(layout.encoding or "utf-8", errors="replace").removeprefix("\ufeff")
    if "\n\n" not in text and "\n\r\n" not in text:
        return rows
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter or ",")
    numbers = [
        number
        for number, record in enumerate(reader, start=1)
        if number > layout.header_rows and record
    ]
    return np.asarray(numbers[: len(rows)], dtype="int64") if len(numbers) >= len(rows) else rows


def _formula_labels(layout: _formats.Layout, count: int) -> np.ndarray:
    """Return each row's label as a formula subtotal line of an XLSX (``None``: no such line)."""
    labels = np.full(count, None, dtype=object)
    for at, label in zip(layout.formula_lines, layout.formula_labels, strict=True):
        labels[at] = label
    return labels


def _file_rows(layout: _formats.Layout, count: int) -> np.ndarray:
    """Return the spreadsheet row number of each of a file's ``count`` data rows."""
    rows = np.arange(layout.header_rows + 1, layout.header_rows + 1 + count, dtype="int64")
    return _csv_rows(layout, rows) if layout.format == "csv" else rows
