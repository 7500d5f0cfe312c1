"""Load real survey exports into the canonical response frame.

:func:`load_responses` reads CSV (UTF-8, UTF-8 with BOM, cp932, UTF-16; comma, tab, semicolon or
pipe; optionally gzip-compressed), XLSX and Parquet files, understands the header rows of Qualtrics,
SurveyMonkey and Google Forms exports, parses messy score and date cells, and returns the data
together with a :class:`LoadReport` of everything it did. Nothing is dropped silently: missing and
invalid scores stay in the frame, marked in ``nps_status`` and counted in the report.

This ``__init__`` is the package's public face (import from ``nps_kit.load``); the work is in
flat private modules, one job each:

- ``_responses``: :func:`load_responses`, one export read from file to frame;
- ``_frame``: the columns the loader adds, and the keys that name a row;
- ``_report``: :class:`LoadReport` and :class:`LoadResult`; ``_summary``: the report's lines;
- ``_index``: :class:`ColumnIndex`, which column a header, QID or question text means;
- ``_rows``: a file's rows numbered as a spreadsheet shows them;
- ``_drop_frame``: a folder or glob of exports read as one frame;
- ``_failures``: cells that cannot be read, named and listed;
- ``_dates``: unreadable, blank and contradicted dates;
- ``_scale``: a score column off the 0-10 scale;
- ``_duplicates``: repeated rows and double submissions;
- ``_mojibake``: text garbled by a double decoding.
"""

from __future__ import annotations

from nps_kit._values import ScoreParse, parse_dates, parse_scores
from nps_kit._values import parse_date_values as parse_date_values
from nps_kit.load._dates import (
    UnreadableDates,
    blank_dated_answers,
    order_contradicted,
    undated_answers,
    undated_note,
    unreadable_dates,
)
from nps_kit.load._duplicates import judged_resubmitted_rows
from nps_kit.load._frame import (
    LOADER_COLUMNS,
    UNIT_COLUMNS,
    answer_keys,
    blank_ids,
    export_column,
    row_key,
    row_keys,
)
from nps_kit.load._index import ColumnIndex, read_column_index, read_columns
from nps_kit.load._report import LoadReport, LoadResult
from nps_kit.load._report import unfinished_refusal as unfinished_refusal
from nps_kit.load._responses import load_responses, parse_count

__all__ = [
    "LOADER_COLUMNS",
    "UNIT_COLUMNS",
    "ColumnIndex",
    "LoadReport",
    "LoadResult",
    "ScoreParse",
    "UnreadableDates",
    "answer_keys",
    "blank_dated_answers",
    "blank_ids",
    "export_column",
    "judged_resubmitted_rows",
    "load_responses",
    "order_contradicted",
    "parse_count",
    "parse_dates",
    "parse_scores",
    "read_column_index",
    "read_columns",
    "row_key",
    "row_keys",
    "undated_answers",
    "undated_note",
    "unreadable_dates",
]
