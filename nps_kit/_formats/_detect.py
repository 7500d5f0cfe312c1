"""Detect an export's layout (:func:`inspect`): CSV, workbook or Parquet."""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any, Final
from xml.etree.ElementTree import ParseError

from nps_kit._formats._encoding import (
    _decodes,
    _marked_not_utf8,
    _read_sample,
    _sniff_format,
    detect_encoding,
    encoding_error,
)
from nps_kit._formats._headers import (
    _MAX_TITLE_ROWS,
    _cell_text,
    _detect_source,
    _group_headings,
    _grouped_names,
    _limesurvey_texts,
    _merge_multi,
    _monkey_multi,
    _monkey_names,
    _names,
    _one_hot_multi,
    _title_rows,
)
from nps_kit._formats._layout import (
    _BINARY_HINT,
    _DELIMITERS,
    _IMPORT_ID,
    _OPEN_ENDED,
    _SAMPLE_ROWS,
    _TIME_ZONE,
    _TIMESTAMP_HEADERS,
    Compression,
    Format,
    Layout,
    Source,
)
from nps_kit.errors import DataError, Saying


def _layout_from_rows(path: Path, fmt: Format, rows: list[list[str]], **kwargs: Any) -> Layout:
    """Build the layout from the header rows and the first data rows that follow them."""
    titles = _title_rows(rows)
    if titles:
        title = " ".join(c.strip() for row in rows[:titles] for c in row if c.strip())
        layout = _layout_from_rows(path, fmt, rows[titles:], **kwargs)
        return replace(
            layout,
            header_rows=layout.header_rows + titles,
            title_rows=titles,
            title=title or None,
        )
    source, header_rows = _detect_source([[c.strip() for c in row] for row in rows[:3]])
    header = rows[0] if rows else []
    if source == "qualtrics":
        ids = _names(header)
        question_ids = {
            " ".join(t.split()): i for i, t in zip(ids, rows[1], strict=False) if t.strip()
        }
        import_ids = {}
        time_zones = {}
        for column, cell in zip(ids, rows[2] if header_rows == 3 else [], strict=False):
            found = _IMPORT_ID.search(cell)
            if found is not None:
                import_ids[found[1]] = column
            zone = _TIME_ZONE.search(cell)
            if zone is not None:
                time_zones[column] = "UTC" if zone[1] in ("Z", "UTC", "Etc/UTC") else zone[1]
        return Layout(
            path,
            fmt,
            source,
            ids,
            header_rows,
            question_ids=question_ids,
            import_ids=import_ids,
            # What respondents typed: a text entry question (QID2_TEXT), a choice's "Other"
            # box (QID5_4_TEXT), however few kinds of answer it holds.
            open_ended=tuple(c for i, c in import_ids.items() if i.endswith("_TEXT")),
            time_zones=time_zones,
            **kwargs,
        )
    if source == "surveymonkey":
        names = _monkey_names(header, rows[1])
        typed = [n for n, sub in zip(names, rows[1], strict=False) if sub.strip() in _OPEN_ENDED]
        multi = _monkey_multi(header, rows[1], names, rows[header_rows:])
        if not multi:
            return Layout(path, fmt, source, names, header_rows, open_ended=tuple(typed), **kwargs)
        columns, multi = _merge_multi(names, multi)
        return Layout(
            path,
            fmt,
            source,
            columns,
            header_rows,
            file_columns=names,
            multi_selects=tuple(multi),
            open_ended=tuple(c for c in typed if c in columns),
            **kwargs,
        )
    if header_rows == 2 and _limesurvey_texts(header, rows[1]):
        codes = _names(header)
        # Each question's text, as Qualtrics' question row: labels, consent, --by by text.
        texts = {" ".join(t.split()): c for c, t in zip(codes, rows[1], strict=False) if t.strip()}
        return Layout(path, fmt, source, codes, header_rows, question_ids=texts, **kwargs)
    grouped = _grouped_names(header, rows[1]) if header_rows == 2 else None
    columns = grouped if grouped is not None else _names(header)
    stamp = columns[0] if source == "google_forms" else None
    groups = _group_headings(columns, header, rows[1]) if grouped is not None else {}
    one_hot = _one_hot_multi(columns, rows[header_rows:])
    if one_hot:
        merged, one_hot = _merge_multi(columns, one_hot)
        return Layout(
            path, fmt, source, merged, header_rows, timestamp_column=stamp, groups=groups,
            file_columns=columns, multi_selects=tuple(one_hot), **kwargs,
        )  # fmt: skip
    return Layout(
        path, fmt, source, columns, header_rows, timestamp_column=stamp, groups=groups, **kwargs
    )


#: Encodings whose strict reading of a file's bytes is evidence of them: a single-byte one reads
#: any bytes.
_MULTI_BYTE = frozenset({"utf-8", "utf-8-sig", "cp932", "utf-16", "utf-16-le", "utf-16-be"})


def _misread(sample: bytes, given: str | None, detected: str | None, *, final: bool) -> str | None:
    """Return the multi-byte encoding detected where the one ``given`` reads other text."""
    if given is None or detected is None or detected not in _MULTI_BYTE:
        return None
    family = {codecs.lookup(e).name.removesuffix("-sig") for e in (given, detected)}
    if len(family) == 1 or {"utf-16", "utf-16-le", "utf-16-be"} >= family:
        return None
    read = [
        codecs.getincrementaldecoder(e)(errors="replace").decode(sample, final=final)
        for e in (given, detected)
    ]
    read = [text.removeprefix("\ufeff") for text in read]
    return detected.removesuffix("-sig") if read[0] != read[1] else None


def _inspect_csv(path: Path, compression: Compression, encoding: str | None) -> Layout:
    sample, complete = _read_sample(path, compression)
    if not sample:
        raise DataError(
            f"{path} is empty (0 bytes after decompression).",
            hint="Export the survey again; the file has neither a header nor responses.",
            path=path,
        )
    detected = detect_encoding(sample, final=complete)
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise DataError(
                f"unknown encoding {encoding!r} for {path}.",
                hint="Pass --encoding (data.encoding in parameters) a Python codec name such as "
                "utf-8, utf-8-sig, cp932, cp1252, latin-1 or utf-16.",
                path=path,
            ) from exc
        bad = _decodes(sample, encoding, final=complete)
        if bad is not None:
            raise encoding_error(path, encoding, bad, detected)
    elif detected is None:
        nul = sample.find(b"\x00")
        if nul >= 0:
            raise DataError(
                f"cannot read {path} as CSV: it looks binary (a NUL byte at byte {nul}).",
                hint=_BINARY_HINT,
                path=path,
            )
        raise DataError(
            f"cannot read {path} as CSV: its text encoding is not UTF-8, UTF-16, cp932 or one "
            "that could be recognised.",
            hint="If it is a text export, pass --encoding (data.encoding in parameters) with the "
            "encoding it was saved in, e.g. --encoding cp1252; otherwise export the survey "
            "again as CSV, XLSX or Parquet.",
            path=path,
        )
    elif detected == "utf-8-sig" and (bad := _decodes(sample, detected, final=complete)):
        raise _marked_not_utf8(path, sample, bad, final=complete)
    chosen = encoding or detected or "utf-8"
    text = codecs.getincrementaldecoder(chosen)().decode(sample, final=complete)
    text = text.removeprefix("\ufeff")
    # Count delimiters in the header line outside quoted names ("Q1, overall" is one name);
    # a title line above the header (QA21) has none, so the first line that has one.
    lines = [re.sub(r'"[^"]*"', "", line) for line in text.split("\n", _MAX_TITLE_ROWS + 1)]
    first_line = next(
        (x for x in lines[: _MAX_TITLE_ROWS + 1] if any(d in x for d in _DELIMITERS)), lines[0]
    )
    delimiter = max(_DELIMITERS, key=lambda d: (first_line.count(d), d == ","))
    # The csv module refuses fields over 128 KiB (a pasted essay in a comment); pandas reads
    # them, so detection must too. The limit is process-wide and only ever raised.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = [row for _, row in zip(range(3 + _SAMPLE_ROWS), reader, strict=False)]
    if not complete and len(rows) < 3 + _SAMPLE_ROWS:
        rows = rows[:-1] if len(rows) > 3 else rows  # the last record may be cut by the sample
    if not rows or not any(c.strip() for c in rows[0]):
        raise DataError(
            f"{path} has no header row (the first line is blank).",
            hint="Remove the blank lines at the top so that the column names come first.",
            path=path,
        )
    return _layout_from_rows(
        path,
        "csv",
        rows,
        encoding=chosen,
        delimiter=delimiter,
        compression=compression,
        suggested_encoding=_misread(sample, encoding, detected, final=complete),
    )


class SheetError(DataError):
    """A sheet the workbook does not have, or a sheet asked of an export that has none.

    Its hint names the ``--sheet`` option and ``sheet=``; a project's validation names
    ``data.sheet`` instead (QA31: it said "Fix data.path" for a misspelt sheet).
    """


def _resolve_sheet(path: Path, names: list[str], sheet: str | int | None) -> str:
    if sheet is None:
        return names[0]
    listing = ", ".join(repr(n) for n in names)
    if isinstance(sheet, int):
        if not 0 <= sheet < len(names):
            raise SheetError(
                f"{path} has {len(names)} sheet(s), so sheet index {sheet} is out of range "
                f"(0–{len(names) - 1}); sheets: {listing}.",
                hint="Pass --sheet (sheet= in Python) a 0-based index in range or one of the "
                "sheet names.",
                path=path,
            )
        return names[sheet]
    if sheet not in names:
        raise SheetError(
            f"{path} has no sheet {sheet!r}; sheets: {listing}.",
            hint="Pass --sheet (sheet= in Python) one of these names or a 0-based index.",
            path=path,
        )
    return sheet


#: What a damaged or half-written XLSX raises when read: its zip cut short (BadZipFile,
#: EOFError), a part's compressed bytes wrong (zlib.error, BadZipFile's bad CRC) or a sheet's
#: XML broken (ParseError, a SyntaxError). QA21 saw each as a traceback, exit status 1.
_DAMAGED_XLSX: Final = (zipfile.BadZipFile, EOFError, zlib.error, ParseError)


def damaged_xlsx(path: Path, exc: BaseException) -> DataError:
    """Say that the XLSX at ``path`` is damaged or still being written (the one message)."""
    what = str(exc).strip() or type(exc).__name__
    return DataError(
        f"cannot read {path} as XLSX: the file is damaged or still being written (a download, "
        f"copy or sync that has not finished?): {what}.",
        hint="Wait until the download or sync has finished and run again; if the file stays "
        "damaged, download or export it again.",
        path=path,
    )


def _zip_signature(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def _inspect_xlsx(path: Path, sheet: str | int | None) -> Layout:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except _DAMAGED_XLSX as exc:
        if _zip_signature(path):  # a workbook's start, its end missing: cut short
            raise damaged_xlsx(path, exc) from exc
        raise _not_xlsx(path, exc) from exc
    except (OSError, KeyError, ValueError, InvalidFileException) as exc:
        raise _not_xlsx(path, exc) from exc
    try:
        name = _resolve_sheet(path, list(workbook.sheetnames), sheet)
        head = workbook[name].iter_rows(max_row=3 + _SAMPLE_ROWS, values_only=True)
        rows = [[_cell_text(v) for v in row] for row in head]
    except _DAMAGED_XLSX as exc:
        raise damaged_xlsx(path, exc) from exc
    finally:
        workbook.close()
    if not rows or not any(c.strip() for c in rows[0]):
        raise DataError(
            f"sheet {name!r} of {path} is empty or its first row is blank.",
            hint="Put the column names in the first row, or pass sheet= the sheet with the data.",
            path=path,
        )
    return _layout_from_rows(path, "xlsx", rows, sheet=name)


def _not_xlsx(path: Path, exc: BaseException) -> DataError:
    return DataError(
        f"cannot read {path} as XLSX: {exc}.",
        hint="Open it in Excel and save it as an .xlsx workbook (old .xls files are not "
        "supported), or export CSV instead.",
        path=path,
    )


def _inspect_parquet(path: Path) -> Layout:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except (pa.ArrowException, OSError) as exc:
        raise DataError(
            f"cannot read {path} as Parquet: {exc}.",
            hint="Check that the file is a complete Parquet file; write it again if it was cut.",
            path=path,
        ) from exc
    columns = _names([str(n) for n in schema.names if not str(n).startswith("__index_level_")])
    source: Source = "google_forms" if columns and columns[0] in _TIMESTAMP_HEADERS else "generic"
    stamp = columns[0] if source == "google_forms" else None
    return Layout(path, "parquet", source, columns, 1, timestamp_column=stamp)


def inspect(path: Path, *, sheet: str | int | None, encoding: str | None) -> Layout:
    """Detect format, encoding, delimiter, survey tool and column names of ``path``.

    Raises
    ------
    DataError
        When the file does not exist, is empty, cannot be read as its format, or ``encoding``
        does not decode it.
    """
    if not path.is_file():
        what = "folder" if path.is_dir() else "missing"
        said = Saying(f"load.file_{what}", {"path": path}, "load.file_missing_hint")
        raise DataError(said=said, path=path)
    if path.stat().st_size == 0:
        raise DataError(
            said=Saying("load.file_empty", {"path": path}, "load.file_empty_hint"), path=path
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    fmt, compression = _sniff_format(path, head)
    if fmt == "xlsx":
        return _inspect_xlsx(path, sheet)
    if sheet is not None:
        # QA31: --sheet 1 on a CSV was ignored without a word; the user thought it was read.
        kind = "a Parquet file" if fmt == "parquet" else "a CSV/text file"
        raise SheetError(
            f"{path.name} is {kind}, not an XLSX workbook: it has no sheets, so sheet "
            f"{sheet!r} cannot be read.",
            hint="Leave out --sheet (sheet= in Python) for this export, or point at the XLSX "
            "workbook that has that sheet.",
            path=path,
        )
    if fmt == "parquet":
        return _inspect_parquet(path)
    return _inspect_csv(path, compression, encoding)
