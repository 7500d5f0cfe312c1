"""Detect how a survey export is laid out and read it into a DataFrame.

Detection looks only at a sample of the (decompressed) bytes: the file format from magic bytes
and extension, the text encoding (BOM, UTF-8, cp932, UTF-16), the delimiter, and which survey tool
wrote the header rows. Reading then hands the whole file to pandas' C parser once.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import re
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal
from xml.etree.ElementTree import ParseError

import numpy as np
import pandas as pd

from nps_kit._consent import asks_about_contact
from nps_kit.errors import DataError, Saying

if TYPE_CHECKING:
    from nps_kit._xlsx_formulas import FormulaLines

__all__ = ["Layout", "MultiSelect", "inspect", "read_frame"]

Format = Literal["csv", "xlsx", "parquet"]
Source = Literal["generic", "qualtrics", "surveymonkey", "google_forms"]
Compression = Literal["gzip"] | None

SAMPLE_BYTES: Final = 1 << 20
# What the readers take as "no answer": a blank cell, and "\\N", how MySQL and PostgreSQL dump
# NULL, never an answer (nps_kit._values.NO_ANSWER_WORDS; REVIEW36: 8,570 "\\N" of QA35's dump
# were counted among its 40,000 comments). pandas' default list ("NA", "None", "NULL", "N/A",
# "nan" …) would turn North America ("NA") and a "None" of the options into blanks in every
# column; the columns that must hold a number or a date read such words as missing themselves
# (nps_kit._values.MISSING_WORDS), the rest keep the answers as written. Passed as na_values
# with keep_default_na=False.
_BLANK: Final = ("", "\\N")
# "|": a data warehouse's dump (Snowflake, Redshift UNLOAD, psql -A) is pipe-separated (QA35).
_DELIMITERS: Final = (",", "\t", ";", "|")
# A number written as text, which reading as a number would change: a leading zero (a UK phone
# 07700900123, a code 0123), a leading + (+447700900123), or more digits than a float keeps.
_NUMBER: Final = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_NUMBER_TEXT: Final = re.compile(r"0\d{3,}|\+\d{4,}|\d{16,}")
_DELIMITER_NAMES: Final = {",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe"}
_TIMESTAMP_HEADERS: Final = frozenset({"Timestamp", "タイムスタンプ"})
_IMPORT_ID: Final = re.compile(r'"ImportId"\s*:\s*"([^"]+)"')
# Qualtrics' third header row names the zone its dates were written in (chosen at download):
# {"ImportId":"startDate","timeZone":"America/Denver"}, "Z" for UTC.
_TIME_ZONE: Final = re.compile(r'"timeZone"\s*:\s*"([^"]+)"')
# SurveyMonkey's answer-row words, also as its Japanese interface writes them (QA39: a
# Japanese export's 回答 row was read as a response and its dates as free text).
_OPEN_ENDED: Final = frozenset({"Open-Ended Response", "自由回答"})
_MONKEY_SUBS: Final = frozenset({"Response", "回答", *_OPEN_ENDED})
_MONKEY_IDS: Final = frozenset({"Respondent ID", "回答者 ID", "回答者ID"})
# Data rows read with the header to tell a SurveyMonkey multi-select from a matrix.
_SAMPLE_ROWS: Final = 500
# The free-text box of a multi-select ("Other (please specify)", 「その他（具体的に）」).
_OTHER_BOX: Final = re.compile(r"other|specify|その他|具体的", re.IGNORECASE)
# Separators of merged options, first that no option contains (each with its full-width form,
# which the multi-select reader also splits on).
_OPTION_SEPARATORS: Final = ((";", "；"), ("|", "｜"), ("/", "／"))
_BINARY_HINT: Final = (
    "Export the survey again as CSV, XLSX or Parquet; a file of another type renamed to "
    "this extension cannot be read."
)


@dataclass(frozen=True)
class MultiSelect:
    """A SurveyMonkey "select all that apply" question, one column per option in the file.

    The loader reads it as one column (``column``, the question) holding the chosen options
    joined by ``separator``, the way nps-kit reads a multi-select answer everywhere.

    Attributes
    ----------
    column
        The question: the merged column's name.
    options
        The file's columns of the options (``question - option``), in file order.
    other
        The column of the "Other (please specify)" box, whose free text stays a column of its
        own; ``None`` without one.
    other_label
        The option a written "Other" box counts as (``Other``).
    separator
        What joins the chosen options in one cell.
    labels
        For a question written one-hot, one 0/1 column per option (``Ｑ３＿予約経路＿じゃらん``):
        each option column's option, chosen where its cell is 1. Empty for SurveyMonkey's,
        whose cell is its option when chosen.
    """

    column: str
    options: tuple[str, ...]
    other: str | None
    other_label: str | None
    separator: str
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Layout:
    """What detection found out about a file; everything needed to read it.

    ``header_rows`` counts every row above the data (1 for a plain table, 3 for Qualtrics,
    2 for SurveyMonkey), ``title_rows`` of them a title above the table (``title``, its text:
    a survey SaaS's 「…アンケート 回答一覧」 row, QA21); ``question_ids`` maps Qualtrics
    question texts to column ids and ``import_ids`` Qualtrics ImportIds (``QID74``,
    ``QID1_NPS_GROUP``) to column ids.
    ``columns`` are the columns of the frame read; ``file_columns``, when not empty, are the
    file's own, of which ``multi_selects`` merge each option group into one column.
    ``open_ended`` are the columns whose SurveyMonkey answer row says "Open-Ended Response", or
    whose Qualtrics ImportId ends in ``_TEXT``: what respondents typed, however few different
    answers they gave. ``time_zones`` maps Qualtrics date columns to the zone their times
    were written in (``America/Denver``; ``UTC`` for Qualtrics' ``Z``). ``groups`` maps the
    columns a two-row header names by its second row to the heading merged over them (設問).
    ``suggested_encoding`` is set when a CSV was read with an encoding
    given that makes other text of its bytes than the multi-byte encoding detection finds in
    them (cp932 read as latin-1): that one. ``formula_lines`` are the rows of an XLSX whose
    formulas without a saved value aggregate other rows (``=SUBTOTAL(9,D2:D9)``): subtotal
    lines, each labelled in ``formula_labels`` (:mod:`nps_kit._xlsx_formulas`).
    """

    path: Path
    format: Format
    source: Source
    columns: list[str]
    header_rows: int = 1
    encoding: str | None = None
    delimiter: str | None = None
    compression: Compression = None
    sheet: str | None = None
    question_ids: dict[str, str] = field(default_factory=dict)
    timestamp_column: str | None = None
    import_ids: dict[str, str] = field(default_factory=dict)
    file_columns: list[str] = field(default_factory=list)
    multi_selects: tuple[MultiSelect, ...] = ()
    open_ended: tuple[str, ...] = ()
    suggested_encoding: str | None = None
    title_rows: int = 0
    title: str | None = None
    time_zones: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    formula_lines: tuple[int, ...] = ()
    formula_labels: tuple[str, ...] = ()


def _sniff_format(path: Path, head: bytes) -> tuple[Format, Compression]:
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        return "xlsx", None
    if head.startswith(b"PAR1"):
        return "parquet", None
    if suffix in {".xlsx", ".xlsm"}:
        return "xlsx", None
    if suffix in {".parquet", ".pq"}:
        return "parquet", None
    return "csv", "gzip" if head.startswith(b"\x1f\x8b") else None


def _decodes(sample: bytes, encoding: str, *, final: bool) -> int | None:
    """Return the offset of the first undecodable byte in ``sample``, or ``None`` if it decodes."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        decoder.decode(sample, final=final)
    except UnicodeDecodeError as exc:
        return int(exc.start)
    return None


_KANA: Final = re.compile(r"[\u3040-\u30ff]")


def _single_byte_guess(sample: bytes) -> str | None:
    """Ask charset-normalizer which encoding ``sample`` is in."""
    from charset_normalizer import from_bytes

    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    # On a short sample several code pages read equally well (cp1250 reads ñ as ń and still
    # looks clean); among those, cp1252 — Excel's and Windows' Western default — is the likely one.
    western = from_bytes(sample, cp_isolation=["cp1252"]).best()
    if western is not None and western.chaos <= best.chaos + 0.01:
        return "cp1252"
    return str(best.encoding)


def detect_encoding(sample: bytes, *, final: bool) -> str | None:
    """Guess the encoding of a text sample: BOM, UTF-8, cp932, BOM-less UTF-16, then others.

    ``final`` says whether the sample is the whole file (otherwise a multi-byte character cut at
    the end of the sample is not an error). Text that is neither UTF-8 nor Japanese cp932 (which
    nearly always has kana) goes to charset-normalizer, which recognises Latin-1/cp1252 and the
    other common single-byte encodings. Returns ``None`` for bytes that are none of these.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    half = len(sample) // 2
    if half and sample[1::2].count(0) > 0.3 * half and sample[0::2].count(0) < 0.05 * half:
        return "utf-16-le"
    if half and sample[0::2].count(0) > 0.3 * half and sample[1::2].count(0) < 0.05 * half:
        return "utf-16-be"
    if b"\x00" in sample:
        return None
    if _decodes(sample, "utf-8", final=final) is None:
        return "utf-8"
    cp932 = _decodes(sample, "cp932", final=final) is None
    if cp932:
        text = codecs.getincrementaldecoder("cp932")().decode(sample, final=final)
        if _KANA.search(text):
            return "cp932"
    guess = _single_byte_guess(sample)
    if guess is None or _decodes(sample, guess, final=final) is not None:
        return "cp932" if cp932 else None
    # Japanese comes first here: when cp932 reads the bytes too, only a single-byte encoding
    # (one character per byte: Latin-1, cp1252, cp1251 …) beats it, not another CJK one.
    single = len(codecs.decode(sample[:4096], guess, errors="replace")) == len(sample[:4096])
    return guess if single or not cp932 else "cp932"


def cut_gzip(path: Path, exc: EOFError) -> DataError:
    """Say that a gzip export ends before its stream does: cut off in a copy or download."""
    return DataError(
        f"{path} ends before the end of its gzip stream ({exc}): the file was cut off, "
        "as a copy or download that stopped part-way leaves it.",
        hint="Copy or download the export again (gzip -t FILE tests a .gz file).",
        path=path,
    )


def _read_sample(path: Path, compression: Compression) -> tuple[bytes, bool]:
    """Return up to :data:`SAMPLE_BYTES` of decompressed content and whether that is all of it."""
    opener = gzip.open if compression == "gzip" else open
    try:
        with opener(path, "rb") as handle:
            sample = handle.read(SAMPLE_BYTES + 1)
    except EOFError as exc:
        raise cut_gzip(path, exc) from exc
    except OSError as exc:
        raise DataError(f"cannot read {path} as CSV: {exc}.", hint=_BINARY_HINT, path=path) from exc
    return sample[:SAMPLE_BYTES], len(sample) <= SAMPLE_BYTES


class EncodingError(DataError):
    """A text export that does not decode with the encoding given or detected.

    Its hint names the ``--encoding`` option; a project's validation names
    ``data.encoding`` instead, from ``encoding``, ``offset`` and ``suggestion``.
    """

    def __init__(self, path: Path, *, encoding: str, offset: int, suggestion: str | None) -> None:
        self.encoding = encoding
        self.offset = offset
        self.suggestion = suggestion
        if suggestion:
            hint = f"try --encoding {suggestion}."
        else:
            hint = "pass --encoding with the encoding the file was saved in (e.g. utf-8 or cp932)."
        super().__init__(f"{path} is not valid {encoding} at byte {offset};", hint=hint, path=path)


def encoding_error(path: Path, encoding: str, offset: int, suggestion: str | None) -> EncodingError:
    """Build the error for a file that does not decode with ``encoding``."""
    if suggestion and codecs.lookup(suggestion).name != codecs.lookup(encoding).name:
        suggestion = suggestion.removesuffix("-sig")
    else:
        suggestion = None
    return EncodingError(path, encoding=encoding, offset=offset, suggestion=suggestion)


def _marked_not_utf8(path: Path, sample: bytes, offset: int, *, final: bool) -> DataError:
    """Say that a file marked UTF-8 (a byte-order mark) is not: QA39's traceback.

    A Shift_JIS file with a UTF-8 mark written before it, or a UTF-8 export with a Shift_JIS one
    appended, has the mark, so detection chose UTF-8 and decoding the sample failed.
    """
    rest = sample[len(codecs.BOM_UTF8) :]
    cp932 = _decodes(rest, "cp932", final=final) is None
    said = (
        " The text after the mark reads as cp932 (Shift_JIS): a Shift_JIS file with a UTF-8 mark "
        "written before it, or exports of two encodings joined."
        if cp932
        else ""
    )
    return DataError(
        f"{path} starts with a UTF-8 byte-order mark but is not valid UTF-8 at byte {offset}."
        + said,
        hint="Open it in a text editor and save it again in one encoding (UTF-8, or Shift_JIS "
        "without the mark), or export the survey again.",
        path=path,
    )


def find_bad_byte(path: Path, encoding: str, compression: Compression) -> int:
    """Stream the whole file to find the first byte that ``encoding`` cannot decode."""
    decoder = codecs.getincrementaldecoder(encoding)()
    opener = gzip.open if compression == "gzip" else open
    offset = 0
    with opener(path, "rb") as handle:
        while chunk := handle.read(1 << 22):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                # The decoder may hold back up to a few bytes of an incomplete character.
                pending = len(decoder.getstate()[0])
                return offset - pending + int(exc.start)
            offset += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return offset - len(decoder.getstate()[0])
    return offset


def _detect_source(rows: list[list[str]]) -> tuple[Source, int]:
    """Return which tool wrote the header rows and how many header rows there are."""
    first = rows[0] if rows else []
    second = rows[1] if len(rows) > 1 else []
    third = rows[2] if len(rows) > 2 else []
    filled = [c for c in third if c]
    if filled and sum(c.startswith('{"ImportId"') for c in filled) * 2 >= len(filled):
        return "qualtrics", 3
    # Older Qualtrics exports (and some XLSX exports) have the question-text row but no ImportId.
    if "StartDate" in first and first.index("StartDate") < len(second):
        if second[first.index("StartDate")] == "Start Date":
            return "qualtrics", 2
    if any(c in _MONKEY_SUBS for c in second) and (_MONKEY_IDS & set(first) or "" in first):
        return "surveymonkey", 2
    if _limesurvey_texts(first, second):
        return "generic", 2
    if _grouped_names(first, second) is not None:
        return "generic", 2
    if first and first[0] in _TIMESTAMP_HEADERS:
        return "google_forms", 1
    return "generic", 1


#: LimeSurvey's own fields by code (first header row) over their texts (a second one).
_LIMESURVEY_TEXTS: Final = (("id", "Response ID"), ("submitdate", "Date submitted"))


def _limesurvey_texts(first: list[str], second: list[str]) -> bool:
    """Whether a LimeSurvey export's question codes head a row of the questions' texts (FIX88).

    An export by question code, with the texts pasted in or exported as a second heading row
    under them: ``Response ID`` under ``id`` and ``Date submitted`` under ``submitdate``.
    Read as one header row, the texts were a response (its score invalid) and the rating
    sub-questions were labelled ``SQ001``.
    """
    cells = dict(zip(first, second, strict=False))
    return all(cells.get(code, "").strip() == text for code, text in _LIMESURVEY_TEXTS)


def _names(raw: list[str]) -> list[str]:
    """Strip header cells; name blank ones and number repeats the way pandas does."""
    seen: dict[str, int] = {}
    out = []
    for i, cell in enumerate(raw):
        name = cell.strip() or f"Unnamed: {i}"
        count = seen.get(name, 0)
        seen[name] = count + 1
        out.append(name if count == 0 else f"{name}.{count}")
    return out


def _owners(questions: list[str]) -> list[str]:
    """Return each column's cell of the first header row, a merged cell's text in every column.

    A cell merged across several columns (SurveyMonkey's multi-column question, a sheet's group
    heading 設問 over four questions) holds its text in its first column only.
    """
    owners: list[str] = []
    current = ""
    for question in questions:
        current = question or current
        owners.append(current)
    return owners


def _grouped_names(first: list[str], second: list[str]) -> list[str] | None:
    """Return the column names of a two-row header under merged group cells, else ``None``.

    QA26: a hospital's XLSX put 設問 merged over four questions in row 2 and the questions in
    row 3, the other headers merged down over both rows. Read as one header row, the questions
    were 設問 and ``Unnamed: 4``…, and the row of questions a response. The shape is exact: the
    second row is filled under every group (a cell and the blank cells after it) and blank
    under every other column, which no row of answers is. A column under a group is named by
    its second-row cell (what it asks), every other column by its first-row cell.
    """
    width = max(
        (i + 1 for row in (first, second) for i, c in enumerate(row) if c.strip()), default=0
    )
    top = [c.strip() for c in first[:width]] + [""] * (width - len(first[:width]))
    below = [c.strip() for c in second[:width]] + [""] * (width - len(second[:width]))
    if not top or not top[0]:
        return None
    owners = _owners(top)
    sizes = {q: owners.count(q) for q in set(owners)}
    first_at = {q: owners.index(q) for q in sizes}
    # A group's heading is merged (written once, blank after it) or, as Alchemer writes a
    # matrix (QA34), repeated in each of its columns: either way its columns are side by side.
    grouped = [
        sizes[q] >= 2 and owners[first_at[q] : first_at[q] + sizes[q]] == [q] * sizes[q]
        for q in owners
    ]
    if not any(grouped) or any(bool(b) != g for b, g in zip(below, grouped, strict=True)):
        return None
    if any(_NUMBER.fullmatch(b) for b in below if b):
        return None  # answers, not questions
    return _names([b if g else t for t, b, g in zip(top, below, grouped, strict=True)])


def _group_headings(names: list[str], first: list[str], second: list[str]) -> dict[str, str]:
    """Return each column named by the second row of a grouped header → its merged heading.

    FIX49: the heading (設問, or 満足度 over 待ち時間 / 会計) was dropped; inspect names it, so
    a reader sees what the short names below it belong to.
    """
    width = len(names)
    top = _owners([c.strip() for c in first[:width]] + [""] * (width - len(first[:width])))
    below = [c.strip() for c in second[:width]] + [""] * (width - len(second[:width]))
    return {n: t for n, t, b in zip(names, top, below, strict=True) if b and t}


def _monkey_names(questions: list[str], subs: list[str]) -> list[str]:
    """Merge SurveyMonkey's question row and sub-answer row into one usable name per column.

    The question cell is merged across a multi-column question (blank after its first column);
    single-column questions keep the question text alone, others become ``question - answer``.
    """
    width = max(len(questions), len(subs))
    questions = [q.strip() for q in questions] + [""] * (width - len(questions))
    subs = [s.strip() for s in subs] + [""] * (width - len(subs))
    owners = _owners(questions)
    sizes = {q: owners.count(q) for q in set(owners)}
    names = []
    for question, sub in zip(owners, subs, strict=True):
        if not question:
            names.append(sub)
        elif not sub or (sizes[question] == 1 and sub in _MONKEY_SUBS):
            names.append(question)
        else:
            names.append(f"{question} - {sub}")
    return _names(names)


def _cell_text(value: Any) -> str:
    """Return a cell as stripped text: blank for none, ``2`` for ``2.0``."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _monkey_multi(
    questions: list[str], subs: list[str], names: list[str], data: list[list[str]]
) -> list[MultiSelect]:
    """Find SurveyMonkey's multi-select questions among its multi-column questions.

    A multi-select's cell holds its column's option when chosen and is blank otherwise; a
    matrix row's holds an answer on the scale. So a question of two or more columns is a
    multi-select when, in the sample ``data``, every cell of every option column is blank or
    its option, and some option was chosen. Its last column may be the "Other (please
    specify)" box (free text, or a header that says so), which is kept as its own column.
    """
    width = len(names)
    questions = [q.strip() for q in questions] + [""] * (width - len(questions))
    subs = [s.strip() for s in subs] + [""] * (width - len(subs))
    groups: list[list[int]] = []
    for i, question in enumerate(questions):
        if question:
            groups.append([i])
        elif groups and i > 0:
            groups[-1].append(i)
    found = []
    for group in groups:
        if len(group) < 2 or any(not subs[i] or subs[i] in _MONKEY_SUBS for i in group):
            continue
        values = {i: {_cell_text(row[i]) if i < len(row) else "" for row in data} - {""}
                  for i in group}  # fmt: skip
        fits = {i: values[i] <= {subs[i]} for i in group}
        last = group[-1]
        other = last if _OTHER_BOX.search(subs[last]) or not fits[last] else None
        options = [i for i in group if i != other]
        if not options or not all(fits[i] for i in options):
            continue
        if not any(values[i] for i in options):
            continue  # nothing chosen in the sample: no evidence either way
        labels = [subs[i] for i in options]
        other_label = None
        if other is not None:
            # "Other (please specify)" counts as the option "Other".
            other_label = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", subs[other]) or subs[other]
            labels.append(other_label)
        separator = next(
            (f[0] for f in _OPTION_SEPARATORS if not any(c in x for x in labels for c in f)),
            _OPTION_SEPARATORS[0][0],
        )
        found.append(
            MultiSelect(
                column=questions[group[0]],
                options=tuple(names[i] for i in options),
                other=None if other is None else names[other],
                other_label=other_label,
                separator=separator,
            )
        )
    return found


#: Where a one-hot column's header ends its question and starts its option
#: (``Ｑ３＿予約経路＿じゃらん``, ``Q3_channel_web``, ``Channel - Web``, ``経路：電話``).
_ONE_HOT_SPLIT: Final = re.compile(r"^(.+?)\s*(?:[_＿:：]|\s-\s)\s*([^_＿:：]+)$")
_ONE_HOT_CELLS: Final = frozenset({"0", "1", ""})
#: A shared head that is a flag's predicate, not a question (``is_member``, ``is_vip``,
#: ``has_app``): each such column is its own yes/no question (REVIEW37: ``is_member`` and
#: ``is_vip`` were one multi-select ``is``, and ``--by is_member`` found no column).
_FLAG_HEADS: Final = frozenset(
    {"is", "has", "have", "had", "was", "were", "did", "does", "can", "uses", "wants", "needs"}
)


def _one_hot_multi(names: list[str], data: list[list[str]]) -> list[MultiSelect]:
    """Find the multi-select questions written one-hot: a 0/1 column per option (QA36).

    A data-entry vendor or a warehouse writes "choose all that apply" as
    ``Ｑ３＿予約経路＿公式サイト``, ``Ｑ３＿予約経路＿じゃらん`` … holding 1 where chosen and 0
    where not. Read column by column, each was a breakdown of "0" and "1". Two or more
    neighbouring columns whose headers share the question before the last ``_`` (``＿``,
    ``:``, `` - ``) and whose sample cells are all 0, 1 or blank, with a 1 among them, are one
    multi-select question named by the shared part, each option by the rest of its header.
    A shared part that is a flag's predicate (``is_member``, ``is_vip``) names no question, and
    columns asking for consent to contact (``consent_email``, ``consent_phone``) are each one.
    """
    found: list[MultiSelect] = []
    k = 0
    while k < len(names):
        head = _ONE_HOT_SPLIT.match(names[k])
        end = k + 1
        if head is not None and head[1].strip().casefold() in _FLAG_HEADS:
            head = None
        if head is not None:
            while end < len(names):
                other = _ONE_HOT_SPLIT.match(names[end])
                if other is None or other[1] != head[1]:
                    break
                end += 1
        group = list(range(k, end))
        if any(asks_about_contact(names[i]) for i in group):
            # consent_email, consent_phone: each a consent question (REVIEW37: merged into one
            # 'consent', init found no columns.contact and a project's consent_email vanished).
            k = end
            continue
        cells = {_cell_text(row[i]) if i < len(row) else "" for row in data for i in group}
        if head is not None and len(group) >= 2 and cells <= _ONE_HOT_CELLS and "1" in cells:
            labels = tuple(_ONE_HOT_SPLIT.match(names[i])[2] for i in group)  # type: ignore[index]
            separator = next(
                (f[0] for f in _OPTION_SEPARATORS if not any(c in x for x in labels for c in f)),
                _OPTION_SEPARATORS[0][0],
            )
            found.append(
                MultiSelect(
                    column=head[1],
                    options=tuple(names[i] for i in group),
                    other=None,
                    other_label=None,
                    separator=separator,
                    labels=labels,
                )
            )
        k = end
    return found


def _merge_multi(
    file_columns: list[str], multi: list[MultiSelect]
) -> tuple[list[str], list[MultiSelect]]:
    """Return the frame's columns, each multi-select's option columns one where the first was.

    A question may be named like another column: the names are numbered as repeats are, and
    the multi-selects returned carry the name their column got.
    """
    first = {m.options[0]: i for i, m in enumerate(multi)}
    dropped = {c for m in multi for c in m.options[1:]}
    kept = [c for c in file_columns if c not in dropped]
    columns = _names([multi[first[c]].column if c in first else c for c in kept])
    named = {kept[k]: columns[k] for k in range(len(kept))}
    return columns, [MultiSelect(**{**m.__dict__, "column": named[m.options[0]]}) for m in multi]


def _title_rows(rows: list[list[str]]) -> int:
    """Count the rows above the header that are a title: one cell filled or none (QA21).

    A survey SaaS or an Excel report often puts 「…アンケート 回答一覧（…）」 above the table.
    Read as the header, it named every column ``Unnamed: N`` and counted the header as a
    response. A row of one filled cell is a title only when a row of several names follows it
    within the first rows (a one-column table has one cell in every row).
    """
    for k, row in enumerate(rows[: _MAX_TITLE_ROWS + 1]):
        filled = sum(1 for c in row if c.strip())
        if filled >= 2:
            return k
    return 0


#: At most this many title (or blank) rows above a header are looked through: a Salesforce
#: formatted report puts its title, the firm, "Filtered By:" and one line per filter and a blank
#: row there (QA36: 6 rows, more with more filters).
_MAX_TITLE_ROWS: Final = 12


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
