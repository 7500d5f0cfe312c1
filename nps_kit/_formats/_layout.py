"""What detection finds of an export (:class:`Layout`, :class:`MultiSelect`) and its limits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

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
