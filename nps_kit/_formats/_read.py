"""Read an export into a DataFrame by its layout (:func:`read_frame`), in one pass."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from nps_kit._formats._detect import _DAMAGED_XLSX, damaged_xlsx
from nps_kit._formats._encoding import cut_gzip, encoding_error, find_bad_byte
from nps_kit._formats._headers import _cell_text, _names
from nps_kit._formats._layout import _BLANK, _DELIMITER_NAMES, _NUMBER_TEXT, Layout
from nps_kit.errors import DataError

if TYPE_CHECKING:
    from nps_kit._xlsx_formulas import FormulaLines


def _read_csv(
    layout: Layout,
    encoding: str,
    text_columns: Sequence[str] = (),
    *,
    usecols: Sequence[str] | None = None,
) -> pd.DataFrame:
    # The header rows were parsed during detection; naming the columns here keeps read_columns()
    # and the loaded frame identical, even for blank or repeated header cells.
    names = layout.file_columns or layout.columns
    return pd.read_csv(
        layout.path,
        sep=layout.delimiter,
        encoding=encoding,
        compression=layout.compression,
        header=None,
        skiprows=layout.header_rows,
        names=names,
        # Infer each column's type over the whole column, not per 64 KiB chunk: a column that
        # mixes numbers and text reads the same everywhere, and pandas prints no DtypeWarning.
        low_memory=False,
        usecols=None if usecols is None else list(usecols),
        # Ids are text as written: 00123 is not 123 (QA18), nor 1e5 a number.
        dtype={c: "string" for c in text_columns if c in names} or None,
        keep_default_na=False,
        na_values=list(_BLANK),
    )


def read_written(layout: Layout, column: str) -> pd.Series | None:
    """Read one CSV column again as the text the file holds, for a message to quote.

    pandas reads an all-number column as numbers, so a cell written ``11.00`` reads as
    ``11.0`` (QA36 O3); a message names the cell as the user sees it in the file. ``None`` for
    a workbook or a Parquet file (their cells are typed), or a column the file does not name.
    Each value is at the position of its data row, before any row was left out.
    """
    names = layout.file_columns or layout.columns
    if layout.format != "csv" or column not in names:
        return None
    return _read_csv(layout, layout.encoding or "utf-8", [column], usecols=[column])[column]


def read_frame(
    layout: Layout, *, encoding_given: bool, text_columns: Sequence[str] = ()
) -> tuple[pd.DataFrame, Layout]:
    """Read the whole file described by ``layout``; return the frame and the final layout.

    ``text_columns`` are read as text as written (an id's leading zeros kept): a CSV's as the
    file holds them, an XLSX's text cells as typed (``0055584``; pandas would read it as the
    number 55584) and its number cells as the whole number they hold.

    The frame has a fresh ``RangeIndex`` and string column names stripped of white space. When
    the encoding was detected from the sample as UTF-8 but the file turns out to be cp932 further
    down, the file is read again as cp932 (and the returned layout says so). An XLSX's
    formulas saved without their values are subtotal lines (``formula_lines`` of the returned
    layout) or a :class:`nps_kit._xlsx_formulas.FormulaError`, a :class:`DataError`.
    """
    path = layout.path
    try:
        if layout.format == "xlsx":
            frame, lines = _read_xlsx(layout, text_columns)
            if lines is not None:
                layout = replace(layout, formula_lines=lines.rows, formula_labels=lines.labels)
        elif layout.format == "parquet":
            frame = pd.read_parquet(path)
            if any(name is not None for name in frame.index.names):
                frame = frame.reset_index()  # a named index was a column before it was saved
        else:
            assert layout.encoding is not None
            try:
                frame = _read_csv(layout, layout.encoding, text_columns)
            except UnicodeDecodeError:
                if encoding_given or layout.encoding != "utf-8":
                    raise
                layout = Layout(**{**layout.__dict__, "encoding": "cp932"})
                frame = _read_csv(layout, "cp932", text_columns)
    except EOFError as exc:  # QA35: a .csv.gz cut off past the sample (pandas' traceback)
        raise cut_gzip(path, exc) from exc
    except UnicodeDecodeError as exc:
        assert layout.encoding is not None
        offset = find_bad_byte(path, layout.encoding, layout.compression)
        raise encoding_error(path, layout.encoding, offset, None) from exc
    except (pd.errors.ParserError, ValueError, OSError) as exc:
        kind = {"csv": "CSV", "xlsx": "XLSX", "parquet": "Parquet"}[layout.format]
        raise DataError(
            f"cannot read {path} as {kind}: {str(exc).strip()}.",
            hint="Open the file to check the line named above (a stray quote or delimiter is "
            "the usual cause), or export it again.",
            path=path,
        ) from exc
    if layout.format == "parquet":
        frame.columns = pd.Index(_names([str(c) for c in frame.columns]))
    else:
        frame = _numbers_as_written(frame, layout)
    if layout.multi_selects:
        frame = _merge_options(frame, layout)
    return frame.reset_index(drop=True), layout


def _numbers_as_written(frame: pd.DataFrame, layout: Layout) -> pd.DataFrame:
    """Keep numbers that are text (phones, account numbers) as written; whole numbers whole.

    pandas reads ``07700900123`` as the number 7700900123 (another phone number) and a column
    of whole numbers with a blank as floats (``44304012.0``, a rating's ``1.0``), QA23. A
    column with a digit string that a number would change (a leading zero, a ``+``, more
    digits than a float keeps) is kept as the text of the file; a column of whole numbers
    with blanks becomes nullable ``Int64``. Only columns with a value of 1,000 or more can
    have lost a leading zero worth keeping (``0123``), so a file of scores is read once.
    """
    suspect = [
        c
        for c in frame.columns
        if pd.api.types.is_numeric_dtype(frame[c].dtype)
        and not pd.api.types.is_bool_dtype(frame[c].dtype)
        and bool((frame[c].abs() >= 1000).any())
    ]
    if suspect and layout.format == "csv":
        raw = _read_csv(layout, layout.encoding or "utf-8", suspect, usecols=suspect)
        for column in suspect:
            text = raw[column].dropna().str.strip()
            if text.str.fullmatch(_NUMBER_TEXT).any():
                frame[column] = raw[column]
    for column in frame.columns:
        values = frame[column]
        if values.dtype.kind == "f" and values.notna().any():
            present = values.dropna()
            if (present == np.round(present)).all() and (present.abs() < 2**53).all():
                frame[column] = values.astype("Int64")
    return frame


def _read_xlsx(
    layout: Layout, text_columns: Sequence[str] = ()
) -> tuple[pd.DataFrame, FormulaLines | None]:
    """Read a sheet; with its subtotal lines of formulas saved without a value, if it has any.

    Raises
    ------
    FormulaError
        When another formula in the table has no saved value (:mod:`nps_kit._xlsx_formulas`).
    """
    names = layout.file_columns or layout.columns
    try:
        frame = pd.read_excel(
            layout.path,
            sheet_name=layout.sheet,
            engine="openpyxl",
            header=None,
            skiprows=layout.header_rows,
            names=names,
            # Ids are text as typed (QA24: 顧客番号 0055584 in a text cell is not 55584).
            dtype={c: str for c in text_columns if c in names} or None,
            keep_default_na=False,
            na_values=list(_BLANK),
        )
    except _DAMAGED_XLSX as exc:
        # Also a file overwritten while it is read (QA21: an export synced in place mid-run).
        raise damaged_xlsx(layout.path, exc) from exc
    assert isinstance(frame, pd.DataFrame)  # one sheet name in, one frame out
    if not isinstance(layout.sheet, str):
        return frame, None
    from nps_kit._xlsx_merged import fill_merged, sheet_marks

    # One scan of the sheet's XML for merged cells and unsaved formulas: a sheet without one
    # (no formula, or each one's value saved, as Excel saves) is read no further (FIX91).
    marks = sheet_marks(layout.path, layout.sheet)
    frame = fill_merged(
        frame, layout.path, layout.sheet, header_rows=layout.header_rows, merges=marks.merges
    )
    if not marks.unsaved:
        return frame, None
    from nps_kit._xlsx_formulas import formula_lines

    lines = formula_lines(frame, layout.path, layout.sheet, header_rows=layout.header_rows)
    return frame, lines


def _merge_options(frame: pd.DataFrame, layout: Layout) -> pd.DataFrame:
    """Replace each multi-select's option columns by one column of the chosen options.

    A cell joins, in column order, the non-blank option cells (each its option) and, when the
    "Other" box was written in, the option ``other_label``; a respondent who chose nothing is
    blank (NaN), like any unanswered question.
    """
    merged: dict[str, pd.Series] = {}
    for multi in layout.multi_selects:
        parts = [frame[c].map(_cell_text) for c in multi.options]
        if multi.labels:  # one-hot: 1 is chosen, 0 is not
            parts = [p.where(p != "1", label).where(p == "1", "") for p, label in
                     zip(parts, multi.labels, strict=True)]  # fmt: skip
        if multi.other is not None and multi.other_label is not None:
            box = frame[multi.other].map(_cell_text)
            parts.append(box.where(box == "", multi.other_label))
        joined = parts[0].astype(object)
        for part in parts[1:]:
            glue = np.where((joined != "") & (part != ""), multi.separator, "")
            joined = joined + glue + part
        merged[multi.options[0]] = joined.where(joined != "", np.nan)
    dropped = {c for m in layout.multi_selects for c in m.options[1:]}
    kept = [c for c in frame.columns if c not in dropped]
    out = pd.DataFrame(
        {k: merged.get(c, frame[c]) for k, c in zip(layout.columns, kept, strict=True)}
    )
    return out


def delimiter_name(delimiter: str | None) -> str | None:
    """Return ``comma``, ``tab``, ``semicolon`` or ``pipe`` for a delimiter (``None`` stays)."""
    return None if delimiter is None else _DELIMITER_NAMES.get(delimiter, delimiter)
