"""Load real survey exports into the canonical response frame.

:func:`load_responses` reads CSV (UTF-8, UTF-8 with BOM, cp932, UTF-16; comma, tab, semicolon or
pipe; optionally gzip-compressed), XLSX and Parquet files, understands the header rows of Qualtrics,
SurveyMonkey and Google Forms exports, parses messy score and date cells, and returns the data
together with a :class:`LoadReport` of everything it did. Nothing is dropped silently: missing and
invalid scores stay in the frame, marked in ``nps_status`` and counted in the report.
"""

from __future__ import annotations

import csv
import gzip
import io
import mmap
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
import pandas as pd

from nps_kit import _formats
from nps_kit._answer_codes import numeric_codes_sentence, score_codes_sentence
from nps_kit._column_facts import ColumnFacts
from nps_kit._content_key import content_keys
from nps_kit._drop import drop_files, is_drop
from nps_kit._era import ERA_RE
from nps_kit._grouped_report import fill_group_column, group_column
from nps_kit._long_form import long_form_sentence
from nps_kit._response_meta import NOT_RESPONSES, limesurvey_submitted, response_types
from nps_kit._resubmit import (
    RESUBMISSIONS,
    ChancePairs,
    DedupeKeep,
    judged_resubmissions,
    per_submission,
)
from nps_kit._schema_errors import Listed
from nps_kit._totals import is_subtotal_label, totals_labels, totals_rows
from nps_kit._value_key import value_key
from nps_kit._value_labels import Unlabelled, ValueLabels, apply_value_labels, as_tables
from nps_kit._values import (
    DATE_EXAMPLES,
    DAY_FIRST,
    DECIMAL_COMMA_RE,
    MISSING_WORDS,
    MONTH_FIRST,
    OTHER_DIGITS,
    WORDED_SCORE,
    DateParse,
    ScaleSplit,
    ScoreParse,
    missing_words,
    missing_words_said,
    no_zero_is_evidence,
    parse_date_values,
    parse_dates,
    parse_scores,
    read_numbers,
    scale_split,
    states_zero_to_ten,
)
from nps_kit.clock import order_evidence_words, order_guessed
from nps_kit.errors import DataError, Saying, closest
from nps_kit.i18n import Language, join_names, t

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

_MAX_LISTED: Final = 20
_DATE_EXAMPLES: Final = 3
_MAX_COLUMNS_LISTED: Final = 30
# What a cell needs to be a Japanese-era date (ERA_RE, or an era's name first): a character past
# ASCII (an era's name, a full-width or compatibility letter that NFKC makes R, H, S, T or M), or
# an era letter with nothing alphanumeric before it (a pure-ASCII cell is its own NFKC, and
# stripping takes only whitespace).
_ERA_CANDIDATE: Final = r"[^\x00-\x7F]|^[^0-9A-Za-z]*[RHSTMrhstm]"
_SOURCE_NAMES: Final = {
    "generic": None,
    "qualtrics": "Qualtrics",
    "surveymonkey": "SurveyMonkey",
    "google_forms": "Google Forms",
}
#: The columns :func:`load_responses` adds to the export's own. An export column of one of
#: these names is kept under :func:`export_column`'s name, so the loader never writes over it.
LOADER_COLUMNS: Final = (
    "nps_score",
    "nps_status",
    "nps_row",
    "nps_finished",
    "nps_date",
    "nps_weight",
    "nps_place",
)
#: The columns :func:`nps_kit.unit.prepare_unit` adds (the month, the NPS segment): an export's
#: own ``segment`` (a customer segment) or ``period`` is kept aside the same way (QA24).
UNIT_COLUMNS: Final = ("period", "segment")
_EXPORT_SUFFIX: Final = " (export)"


def export_column(name: str) -> str:
    """Return where the loaded frame keeps the export's column ``name``.

    Parameters
    ----------
    name
        A column of the export, as its header says.

    Returns
    -------
    str
        ``name``, or ``'nps_score (export)'`` for an export column named like one the loader
        adds (:data:`LOADER_COLUMNS`) or :func:`nps_kit.unit.prepare_unit` adds
        (:data:`UNIT_COLUMNS`): a data team's own ``nps_score`` or ``segment`` stays the export's.

    Examples
    --------
    >>> export_column("recommend"), export_column("nps_score")
    ('recommend', 'nps_score (export)')
    """
    taken = name in LOADER_COLUMNS or name in UNIT_COLUMNS
    return f"{name}{_EXPORT_SUFFIX}" if taken else name


_DELIMITER_JA: Final = {
    "comma": "カンマ区切り",
    "tab": "タブ区切り",
    "semicolon": "セミコロン区切り",
    "pipe": "パイプ（|）区切り",
}


@dataclass(frozen=True, eq=False)
class LoadReport:
    """What :func:`load_responses` found and did.

    Attributes
    ----------
    path
        The file read.
    format
        ``"csv"``, ``"xlsx"`` or ``"parquet"``.
    source
        Which tool wrote the file: ``"generic"``, ``"qualtrics"``, ``"surveymonkey"`` or
        ``"google_forms"``.
    encoding
        Text encoding used (CSV only): ``"utf-8"``, ``"utf-8-sig"``, ``"cp932"``, ``"utf-16"``…
    delimiter
        Field delimiter (CSV only): comma, tab, semicolon or pipe.
    sheet
        Name of the sheet read (XLSX only).
    header_rows_skipped
        Header rows after the column-name row (2 for Qualtrics, 1 for SurveyMonkey, else 0).
    rows_read
        Data rows read from the file, before Qualtrics preview rows and empty rows were
        dropped.
    preview_rows_dropped
        Qualtrics responses with ``Status`` "Survey Preview", "Offline Survey Preview",
        "Survey Preview Spam" or "Survey Test" (generated test responses), or their codes 1,
        17, 9 and 2 in an export of numeric values, which are not real responses.
    blank_rows_dropped
        Completely empty rows: a sheet's, or a CSV's rows of separators only (``,,,,``; a
        blank line is skipped by the parser).
    totals_rows
        The labels (合計, Total, Subtotal) of the totals rows under the table and the subtotal
        lines inside it, left out
        (:func:`nps_kit._totals.totals_rows`): one per row.
    totals_in, totals_row, totals_why
        Each such row's file and row (``werkstatt.csv``, ``2602``; worded in the report's
        language by :meth:`totals_said`) and why it is no answer (a key
        of :data:`nps_kit._totals.WHY`: ``not_answer``, ``no_score``, ``sums``, ``mean``,
        ``no_text``).
    totals_kept, totals_kept_in, totals_kept_row
        A last row labelled as totals (Total, 合計) kept as an answer, its lone 0–10 score and
        no figure of a total saying it is one: its label, file and row (``Total``,
        ``export.csv``, ``5``), which the data quality names (FIX74, :meth:`totals_kept_said`).
    n_valid, n_missing, n_invalid
        Score counts; they add up to the number of rows in ``data``.
    invalid
        One row per invalid score: ``row`` (as a spreadsheet shows it), ``column``, ``value``,
        ``reason``.
    dates_unparsed
        Non-blank date cells that could not be read (``nps_date`` is ``NaT`` there).
    date_examples
        Up to three of those cells' distinct values, as written.
    date_min, date_max
        Range of the parsed dates, ``None`` without a date column or dates.
    score_column, date_column, weight_column
        Columns used (Qualtrics question texts resolved to column ids).
    timestamp_column
        The Google Forms timestamp column, if the file is a Google Forms export. It is not used
        as the date unless passed as ``date_column``.
    date_order
        How numeric dates such as ``12/13/2019`` were read (``"month-first"``,
        ``"day-first"``), ``None`` when the date column has none.
    date_order_guess
        When the dates read both ways and ``date_order`` rests only on a guess (the tool writes
        US dates, a US zone: :func:`nps_kit.clock.order_guessed`): the guess, said by
        :meth:`read_notes` in every command; ``None`` otherwise.
    mojibake_cells
        Text cells garbled by a double decoding (``"Â¡Traduciendo!"``), counted before any
        repair.
    text_fixed
        Whether those cells were repaired (``fix_text=True``).
    duplicate_rows
        Rows identical in every column to an earlier row.
    duplicate_ids
        Other rows whose ``id_column`` value repeats an earlier row's.
    duplicates_dropped
        Rows dropped by ``dedupe`` (both kinds above, and with ``"resubmissions"`` the
        double submissions).
    duplicate_of
        For each row dropped by ``dedupe=True``, the spreadsheet row (``nps_row``) of the
        earlier row it repeats, which was kept: a unit counts the duplicates of its own rows
        by these (:func:`nps_kit.unit.data_quality`), not the whole file's.
    duplicate_dates
        The same dropped rows' own dates (ISO, wall clock as ``nps_date``; ``None`` when
        unreadable), so that a period counts the repeats sent in it, not those of its rows
        sent later.
    resubmission_of
        For each double submission found (the same answers sent again within a minute,
        :mod:`nps_kit._resubmit`), dropped or not, the spreadsheet row of the first response
        it repeats.
    scale_note
        Set when the score column looks like a 1–5, 1–7 or 1–10 scale rather than 0–10 (no 0 in
        50 or more answers); it names the columns that do look like 0–10. Also set when one
        value of another column (a survey version) has no 0 where the rest do
        (:func:`nps_kit._values.scale_split`, QA29 F6).
    other_scale
        The spreadsheet rows (``nps_row``) of that value: answers perhaps from a 1–10 scale,
        counted as 0–10 (nothing is converted); each unit's data quality counts its own.
    other_scale_of
        That column and value (``("Survey version", "v1")``), ``()`` when none.
    scale_said
        ``scale_note``'s catalogue key and arguments, to say it in another language
        (:meth:`scale_note_in`; MSG42); ``None`` with no note.
    finished_column
        The column that says who finished: Qualtrics' ``Finished``, or LimeSurvey's
        ``submitdate`` (blank for an incomplete response); ``None`` when the export says not.
    finished_unread
        Set when a Qualtrics export's ``Finished`` column has no cell the loader reads
        (``True``/``False``, ``1``/``0``): up to three of its distinct values, as written (empty
        when it is blank throughout). Who finished is then unknown, not "everyone".
        ``None`` when it was read, or the export has no such column.
    unfinished
        The ``unfinished`` option it was read with (``"include"`` or ``"exclude"``): what a
        unit prepared from it, or from its cache, does with unfinished responses unless told.
    title_rows, title
        Rows above the header read as a title and skipped (a survey SaaS's 「…回答一覧」 row),
        and their text; ``0`` and ``None`` for a table that starts with its header.
    grouped_by
        The column a grouped report writes on each group's first row only (a subtotal line
        under each group), filled down into the group's rows; ``None`` for any other export.
    scores_rewritten, era_dates
        Valid scores written as full-width digits or with 点 (``１０``, ``10点``), and dates
        written in the Japanese era (``令和8年11月3日``): read as numbers and dates, and
        said (:meth:`read_notes`) so the analyst can trust the counts.
    scores_decimal_comma
        Valid scores written with a decimal comma (``9,0``, German Excel's number format
        ``0,0``): read as the whole number, and said.
    worded_rows, worded_example
        The rows (``nps_row``) of valid scores written with words after the number
        (``10 - Extremely likely``: :data:`~nps_kit._values.WORDED_SCORE`), read as the number
        and said with the most frequent such answer (QA44).
    rewritten_rows, decimal_comma_rows, era_date_rows
        The spreadsheet rows (``nps_row``) of those scores and dates, so that a unit's data
        quality counts its own (BROWSE31: the file's count read as every unit's).
    files, drop_repeats
        When ``path`` is a folder or a glob (a data drop): the files read, in order, and the
        responses found again in a later file (same id and date, or, without an id, the
        same row), read once. ``()`` and ``0`` for one file.
    drop_replaced, drop_changed_in
        Responses a later file of the drop answers differently (score or comment changed): a
        correction, so the latest file's answer is kept and the earlier ones (counted here)
        are left out; the names of the files whose answers were kept. ``drop_repeats`` counts
        only the repeats alike in every file.
    file_rows, file_kept
        A drop's data rows in each file of ``files``, and how many of them were read once a
        response found in several files was read from one of them.
    drop_key
        The columns by which a drop's later file was matched to an earlier one: the response
        id alone, the date without an id, ``()`` for the whole row (neither, or one file).
    excluded_rows
        Rows left out because the parameters say they are no response (``data.exclude``, the
        loader's ``exclude``): a staff test row, say.
    unlabelled_columns, unlabelled_codes, unlabelled_rows
        Per column of ``value_labels`` with codes its table does not name: the column, those
        codes (tab-separated, as written) and the rows holding them. Never guessed: the
        cells stay as written, and the data quality says them.
    """

    path: Path
    format: Literal["csv", "xlsx", "parquet"]
    source: Literal["generic", "qualtrics", "surveymonkey", "google_forms"]
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    header_rows_skipped: int
    rows_read: int
    preview_rows_dropped: int
    blank_rows_dropped: int
    n_valid: int
    n_missing: int
    n_invalid: int
    invalid: pd.DataFrame
    dates_unparsed: int
    date_min: pd.Timestamp | None
    date_max: pd.Timestamp | None
    score_column: str
    date_column: str | None
    weight_column: str | None
    timestamp_column: str | None
    date_order: str | None = None
    date_order_guess: str | None = None
    mojibake_cells: int = 0
    text_fixed: bool = False
    duplicate_rows: int = 0
    duplicate_ids: int = 0
    duplicates_dropped: int = 0
    duplicate_of: tuple[int, ...] = ()
    duplicate_dates: tuple[str | None, ...] = ()
    resubmission_of: tuple[int, ...] = ()
    scale_note: str | None = None
    other_scale: tuple[int, ...] = ()
    other_scale_of: tuple[str, ...] = ()
    scale_said: tuple[str, tuple[tuple[str, Any], ...]] | None = None
    date_examples: tuple[str, ...] = ()
    finished_unread: tuple[str, ...] | None = None
    finished_column: str | None = None
    unfinished: Literal["include", "exclude"] = "include"
    title_rows: int = 0
    title: str | None = None
    scores_rewritten: int = 0
    era_dates: int = 0
    grouped_by: str | None = None
    scores_decimal_comma: int = 0
    rewritten_rows: tuple[int, ...] = ()
    decimal_comma_rows: tuple[int, ...] = ()
    era_date_rows: tuple[int, ...] = ()
    files: tuple[str, ...] = ()
    drop_repeats: int = 0
    totals_rows: tuple[str, ...] = ()
    totals_in: tuple[str, ...] = ()
    totals_row: tuple[int, ...] = ()
    totals_why: tuple[str, ...] = ()
    totals_kept: tuple[str, ...] = ()
    totals_kept_in: tuple[str, ...] = ()
    totals_kept_row: tuple[int, ...] = ()
    drop_replaced: int = 0
    drop_changed_in: tuple[str, ...] = ()
    file_rows: tuple[int, ...] = ()
    file_kept: tuple[int, ...] = ()
    drop_key: tuple[str, ...] = ()
    excluded_rows: int = 0
    unlabelled_columns: tuple[str, ...] = ()
    unlabelled_codes: tuple[str, ...] = ()
    unlabelled_rows: tuple[int, ...] = ()
    worded_rows: tuple[int, ...] = ()
    worded_example: str | None = None

    @property
    def unreadable_dates(self) -> UnreadableDates | None:
        """The date cells of the whole file that could not be read, ``None`` when there are none."""
        if not self.dates_unparsed or self.date_column is None:
            return None
        dropped = self.preview_rows_dropped + self.blank_rows_dropped + self.duplicates_dropped
        dropped += len(self.totals_rows) + self.excluded_rows
        dropped += self.drop_repeats + self.drop_replaced
        total = self.rows_read - dropped
        return UnreadableDates(self.date_column, self.dates_unparsed, total, self.date_examples)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-safe types (``invalid`` as a list of records).

        Returns
        -------
        dict
            Keys are the attribute names; paths and timestamps become ISO strings.
        """
        out: dict[str, Any] = {k: v for k, v in self.__dict__.items() if k != "invalid"}
        out["path"] = str(self.path)
        out["date_examples"] = list(self.date_examples)
        out["duplicate_of"] = list(self.duplicate_of)
        out["duplicate_dates"] = list(self.duplicate_dates)
        out["resubmission_of"] = list(self.resubmission_of)
        out["other_scale"] = list(self.other_scale)
        out["other_scale_of"] = list(self.other_scale_of)
        out["rewritten_rows"] = list(self.rewritten_rows)
        out["worded_rows"] = list(self.worded_rows)
        out["decimal_comma_rows"] = list(self.decimal_comma_rows)
        out["era_date_rows"] = list(self.era_date_rows)
        out["files"] = list(self.files)
        out["totals_rows"] = list(self.totals_rows)
        out["totals_in"] = list(self.totals_in)
        out["totals_row"] = list(self.totals_row)
        out["totals_why"] = list(self.totals_why)
        out["totals_kept"] = list(self.totals_kept)
        out["totals_kept_in"] = list(self.totals_kept_in)
        out["totals_kept_row"] = list(self.totals_kept_row)
        out["drop_changed_in"] = list(self.drop_changed_in)
        out["file_rows"] = list(self.file_rows)
        out["file_kept"] = list(self.file_kept)
        out["drop_key"] = list(self.drop_key)
        out["unlabelled_columns"] = list(self.unlabelled_columns)
        out["unlabelled_codes"] = list(self.unlabelled_codes)
        out["unlabelled_rows"] = list(self.unlabelled_rows)
        if self.finished_unread is not None:
            out["finished_unread"] = list(self.finished_unread)
        for key in ("date_min", "date_max"):
            stamp = out[key]
            out[key] = None if stamp is None else stamp.isoformat()
        out["invalid"] = [
            {"row": int(row), "column": str(col), "value": _json_value(val), "reason": str(why)}
            for row, col, val, why in self.invalid.itertuples(index=False, name=None)
        ]
        return out

    def left_out(self, lang: Language = "en") -> list[str]:
        """Say which rows of the file the loader left out before counting, one sentence each.

        Qualtrics' Survey Preview responses and empty rows (a sheet's, a CSV's ``,,,,``); none when
        there are none. Duplicates dropped with ``dedupe`` are the caller's to word, since it
        knows the option it was given.

        Parameters
        ----------
        lang
            ``"en"`` or ``"ja"``.

        Returns
        -------
        list of str
            ``["12 Survey Preview responses (…) were left out."]`` and the like.
        """
        out = []
        if self.preview_rows_dropped:
            out.append(t("load.previews_left_out", lang, n=f"{self.preview_rows_dropped:,}"))
        if self.blank_rows_dropped:
            out.append(t("load.blank_rows_skipped", lang, n=f"{self.blank_rows_dropped:,}"))
        excel = self._excel_lines()
        if len(excel) < len(self.totals_rows):
            n = f"{len(self.totals_rows) - len(excel):,}"
            labels = self.totals_said(lang, excel=False)
            out.append(t(self._totals_key(), lang, n=n, labels=labels))
        if excel:
            # Inside the table, between the groups (FIX89): said apart from a totals row under it.
            labels = self.totals_said(lang, excel=True)
            n = f"{len(excel):,}"
            out.append(t("load.excel_subtotals_left_out", lang, n=n, labels=labels))
        if self.excluded_rows:
            n = f"{self.excluded_rows:,}"
            out.append(t("load.excluded_left_out", lang, n=n, count=self.excluded_rows))
        return out

    def _totals_key(self) -> str:
        """Return the catalogue key that says the totals rows that are no Excel lines.

        A grouped report's subtotal lines stand inside the table, so they are not said as
        totals rows under it (QA36 O6).
        """
        excel = set(self._excel_lines())
        rows = [x for k, x in enumerate(self.totals_rows) if k not in excel]
        subtotals = sum(map(is_subtotal_label, rows))
        if not subtotals:
            return "load.totals_left_out"
        return (
            "load.subtotals_left_out"
            if subtotals == len(rows)
            else "load.subtotals_and_totals_left_out"
        )

    def _excel_lines(self) -> list[int]:
        """Return which of the totals rows are Excel Data → Subtotal lines (``excel_*``)."""
        return [k for k, why in enumerate(self.totals_why) if why.startswith("excel_")]

    def totals_said(self, lang: Language = "en", *, excel: bool | None = None) -> str:
        """Name each totals row left out: its label, file and row, and why it is no answer.

        ``'Gesamt' (werkstatt.csv row 2602: no score)``; what ``left_out`` and the report's
        data quality say (FIX71: a response named Summe was left out without a word of why).
        ``excel``: only Excel's subtotal lines (``True``), only the others (``False``) or every
        one (``None``).
        """
        said = []
        lines = set(self._excel_lines())
        for k, label in enumerate(self.totals_rows):
            if excel is not None and (k in lines) != excel:
                continue
            at = _file_row(self.totals_in, self.totals_row, k, lang)
            why = self.totals_why[k] if k < len(self.totals_why) else None
            detail = ("；" if lang == "ja" else "; ").join(
                [*([at] if at else []), *([t(f"totals.why.{why}", lang)] if why else [])]
            )
            said.append(t("load.totals_row", lang, label=label, detail=detail) if detail else label)
        return join_names(said, lang)

    def totals_kept_said(self, lang: Language = "en") -> str:
        """Name each last row labelled as totals kept as an answer, with its file and row.

        ``合計（r.csv 4行目）`` in Japanese, ``Total (export.csv row 5)`` in English (FIX74, FIX77).
        """
        said = []
        for k, label in enumerate(self.totals_kept):
            at = _file_row(self.totals_kept_in, self.totals_kept_row, k, lang)
            said.append(t("load.totals_row", lang, label=label, detail=at) if at else label)
        return join_names(said, lang)

    def scale_note_in(self, lang: Language = "en") -> str | None:
        """Return :attr:`scale_note` in ``lang`` (``score``, ``themes``), else ``None``.

        English is the sentence as recorded (it names the other columns with their questions).
        """
        if self.scale_said is None or lang == "en":
            return self.scale_note
        key, args = self.scale_said
        values = dict(args)
        if "others" in values:
            quote = (lambda c: f"「{c}」") if lang == "ja" else repr
            named = join_names(map(quote, values.pop("others")), lang)
            values["shown"] = named or t("score.rules_none", lang)
        if "looks" in values:
            values["looks"] = str(values["looks"]).replace("–", "〜")  # 1〜5, as ja writes ranges
        return t(key, lang, **values)

    def read_notes(self, lang: Language = "en") -> list[str]:
        """Say which cells were read from another way of writing them, one sentence each.

        Parameters
        ----------
        lang
            ``"en"`` or ``"ja"``.

        Returns
        -------
        list of str
            ``["242 scores in 'Q1' written as full-width digits or with 点 (１０, 10点) were
            read as numbers."]`` and the same for Japanese-era dates, each naming its column;
            empty when there are none.
        """
        out = []
        if self.date_order_guess is not None:
            other = "day-first" if self.date_order == "month-first" else "month-first"
            out.append(
                t(
                    "load.date_order_guess",
                    lang,
                    column=self.date_column,
                    order=self.date_order,
                    why=order_evidence_words(self.date_order_guess, lang),
                    other=other,
                )
            )
        if self.scores_rewritten:
            # Named by column (FIX37): an export may hold several 0-10 questions.
            n = f"{self.scores_rewritten:,}"
            out.append(t("load.scores_rewritten", lang, n=n, column=self.score_column))
        if self.worded_rows:
            said = {"n": f"{len(self.worded_rows):,}", "example": self.worded_example}
            out.append(t("load.scores_worded", lang, column=self.score_column, **said))
        if self.scores_decimal_comma:
            n = f"{self.scores_decimal_comma:,}"
            out.append(t("load.scores_decimal_comma", lang, n=n, column=self.score_column))
        if self.era_dates:
            n = f"{self.era_dates:,}"
            out.append(t("load.era_dates", lang, n=n, column=self.date_column))
        if self.grouped_by is not None:
            out.append(t("load.grouped_by", lang, column=self.grouped_by))
        if self.files:
            newest = Path(self.files[-1]).name
            out.append(t("load.drop_files", lang, n=f"{len(self.files):,}", newest=newest))
        if self.drop_repeats:
            out.append(t("load.drop_repeats", lang, n=f"{self.drop_repeats:,}"))
        if self.drop_replaced:
            n = f"{self.drop_replaced:,}"
            out.append(
                t("load.drop_changed", lang, n=n, files=join_names(self.drop_changed_in, lang))
            )
        return out

    def summary(self, lang: Literal["en", "ja"] = "en") -> str:
        """Describe the load in a few lines for people.

        Parameters
        ----------
        lang
            ``"en"`` or ``"ja"``.

        Returns
        -------
        str
            One line each for what was read, the score counts and the date range.
        """
        return "\n".join(_summary_lines(self, lang))


@dataclass(frozen=True)
class UnreadableDates:
    """Responses whose date cell has a value that could not be read as a date.

    Such a response has no ``nps_date``, so it belongs to no period: every monthly figure leaves
    it out. Every flow that reads an export says so in these words (:meth:`message`,
    :meth:`hint`): ``nps-kit score``, the report's headline and data-quality table, the run
    summary.

    Attributes
    ----------
    column
        The date column.
    count
        Responses whose date could not be read.
    total
        Responses looked at, or ``None`` when not worth saying.
    examples
        Up to three distinct unreadable cells, as written.
    """

    column: str
    count: int
    total: int | None
    examples: tuple[str, ...]

    def message(self, lang: Language = "en") -> str:
        """Say how many dates could not be read, with examples, and what that does."""
        quote = (lambda v: f"「{v}」") if lang == "ja" else repr
        sep = "、" if lang == "ja" else ", "
        return t(
            "load.dates_unparsed",
            lang,
            column=quote(self.column),
            count=f"{self.count:,}",
            of=""
            if self.total is None
            else t("load.dates_unparsed_of", lang, total=f"{self.total:,}"),
            examples=sep.join(quote(v) for v in self.examples),
            # "1 response has", "1 of 9 responses has", "2 responses have"
            responses=("response" if self.total is None and self.count == 1 else "responses")
            + (" has" if self.count == 1 else " have"),
        )

    def hint(self, lang: Language = "en") -> str:
        """Say what to do: the forms nps-kit reads, or a ``date_format`` pattern."""
        return t("load.dates_unparsed_hint", lang)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form: ``column``, ``count``, ``total``, ``examples``, ``message``, ``hint``."""
        return {
            "column": self.column,
            "count": self.count,
            "total": self.total,
            "examples": list(self.examples),
            "message": self.message(),
            "hint": self.hint(),
        }


def unreadable_dates(
    raw: pd.Series, dates: pd.Series, *, column: str, total: int | None = None
) -> UnreadableDates | None:
    """Find the rows whose date cell has a value but no date was read from it.

    Parameters
    ----------
    raw
        The date column as read from the export.
    dates
        The parsed dates (``nps_date``), aligned with ``raw``.
    column
        The date column's name, for messages.
    total
        Responses these rows are part of, for the message (``None``: not said).

    Returns
    -------
    UnreadableDates or None
        ``None`` when every non-blank cell was read.
    """
    blank = raw.isna() | (raw.astype("string").str.strip() == "").fillna(True)
    bad = dates.isna() & ~blank
    count = int(bad.sum())
    if not count:
        return None
    shown = pd.unique(raw[bad].astype("string").str.strip())[:_DATE_EXAMPLES]
    examples = tuple(v if len(v) <= 40 else v[:39] + "…" for v in map(str, shown))
    return UnreadableDates(column, count, total, examples)


def blank_dated_answers(data: pd.DataFrame, date_column: str) -> int:
    """Count the valid scores whose date cell is blank (the unreadable ones have their warning)."""
    raw = data[export_column(date_column)]
    blank = raw.isna() | raw.astype("string").str.strip().fillna("").eq("")
    return int(((data["nps_status"].astype(str) == "valid") & blank).sum())


def undated_answers(data: pd.DataFrame) -> int:
    """Count the valid scores whose response has no date read (blank or unreadable).

    They count in every total but in no period: ``score --period``'s ``(all)`` holds them and
    its months do not, and a unit's report, which is of a period, leaves them out (QA35 O2:
    LimeSurvey's incomplete responses have no ``submitdate``). ``0`` without ``nps_date``.
    """
    if "nps_date" not in data.columns:
        return 0
    valid = data["nps_status"].astype(str) == "valid"
    return int((valid & data["nps_date"].isna()).sum())


def undated_note(count: int, report: LoadReport, lang: Language = "en") -> str:
    """Say that ``count`` valid scores are in no period, and what to do about it.

    One wording for ``nps-kit score`` and ``nps-kit inspect``, in the reader's ``lang``
    (MSG42); a LimeSurvey export dated by its ``submitdate`` is told that these are its
    incomplete responses and how to leave them out or date them.
    """
    column = report.date_column
    answers = "answer" if count == 1 else "answers"
    out = t("load.undated", lang, count=f"{count:,}", answers=answers, column=column)
    if report.finished_column is not None and report.finished_column == column:
        last = "datestamp" if column == "submitdate" else "Date last action"
        return out + t("load.undated_limesurvey", lang, column=column, last=last)
    return out + t("load.undated_fill", lang)


@dataclass(frozen=True, eq=False)
class LoadResult:
    """Output of :func:`load_responses`.

    Attributes
    ----------
    data
        Every original column (one named like the loader's own, ``nps_score``, under
        :func:`export_column`'s name ``'nps_score (export)'``) plus ``nps_score`` (Int64),
        ``nps_status`` (category), ``nps_row`` (int64) and, when asked for, ``nps_date``
        (datetime64[ns]) and ``nps_weight`` (float64).
    report
        What was read and how.
    """

    data: pd.DataFrame
    report: LoadReport


def _file_row(files: tuple[str, ...], rows: tuple[int, ...], k: int, lang: Language) -> str | None:
    """Say where the k-th named row is, ``r.csv row 4`` or ``r.csv 4行目``; ``None`` if unknown."""
    if k >= len(files) or k >= len(rows):
        return None
    return t("load.file_row", lang, file=files[k], row=f"{rows[k]:,}")


def _json_value(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return str(value)
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def _count(n: int, lang: str) -> str:
    return f"{n:,} 件" if lang == "ja" else f"{n:,}"


def _summary_lines(report: LoadReport, lang: str) -> list[str]:
    delimiter = _formats.delimiter_name(report.delimiter)
    tool = _SOURCE_NAMES[report.source]
    details: list[str] = [report.format.upper()]
    if lang == "ja":
        details += [x for x in (report.encoding, _DELIMITER_JA.get(delimiter or "")) if x]
        if report.sheet is not None:
            details.append(f"シート「{report.sheet}」")
        if tool:
            details.append(f"{tool} 形式")
        if report.preview_rows_dropped:
            details.append(f"プレビュー・テスト回答 {report.preview_rows_dropped:,} 件を除外")
        if report.excluded_rows:
            details.append(f"除外の指定（exclude）に当たる {report.excluded_rows:,} 行を除外")
        lines = [
            f"{report.path.name} から {report.rows_read:,} 行を読み込みました"
            f"（{'、'.join(details)}）。",
            f"スコア: 有効 {_count(report.n_valid, lang)}、無回答 {_count(report.n_missing, lang)}"
            f"、無効 {_count(report.n_invalid, lang)}。",
        ]
        if report.date_column is not None:
            span = (
                f"{report.date_min:%Y-%m-%d} 〜 {report.date_max:%Y-%m-%d}"
                if report.date_min is not None and report.date_max is not None
                else "読み取れる日付なし"
            )
            extra = (
                f"（読み取れない日付 {report.dates_unparsed:,} 件）"
                if report.dates_unparsed
                else ""
            )
            lines.append(f"日付（{report.date_column}）: {span}{extra}。")
        return lines
    details += [x for x in (report.encoding, delimiter and f"{delimiter}-separated") if x]
    if report.sheet is not None:
        details.append(f"sheet {report.sheet!r}")
    if tool:
        details.append(f"{tool} export")
    if report.preview_rows_dropped:
        details.append(f"{report.preview_rows_dropped:,} preview or test responses dropped")
    if report.excluded_rows:
        details.append(f"{report.excluded_rows:,} rows left out as asked (exclude)")
    lines = [
        f"Read {report.rows_read:,} rows from {report.path.name} ({', '.join(details)}).",
        f"Scores: {report.n_valid:,} valid, {report.n_missing:,} missing, "
        f"{report.n_invalid:,} invalid.",
    ]
    if report.date_column is not None:
        span = (
            f"{report.date_min:%Y-%m-%d} to {report.date_max:%Y-%m-%d}"
            if report.date_min is not None and report.date_max is not None
            else "no readable dates"
        )
        extra = f"; {report.dates_unparsed:,} could not be read" if report.dates_unparsed else ""
        lines.append(f"Dates ({report.date_column}): {span}{extra}.")
    return lines


# Look-alike forms of one character, folded by _fold after NFKC (which leaves the wave dash).
_LOOKALIKE = str.maketrans({"\u301c": "~", "\u2053": "~", "\uff5e": "~"})


def _fold(name: str) -> str:
    """Return a column name in one form: NFKC, one tilde for wave dashes, case-folded."""
    return " ".join(unicodedata.normalize("NFKC", name).translate(_LOOKALIKE).split()).casefold()


@dataclass(frozen=True)
class ColumnIndex:
    """The columns of an export and the other names they go by.

    Attributes
    ----------
    path
        The file.
    columns
        Column names as in ``load_responses(path).data`` (Qualtrics: the column ids).
    questions
        Column → question text (Qualtrics' second header row), where there is one.
    import_ids
        Column → Qualtrics ImportId (``QID74``), where there is one.
    separators
        Multi-select column → the separator of its options, for a SurveyMonkey "select all
        that apply" question whose option columns the loader merged into one column.
    other_boxes
        Column of such a question's "Other (please specify)" box, free text kept as its own
        column → the multi-select column.
    open_ended
        Columns the survey tool itself calls free text (SurveyMonkey's "Open-Ended Response",
        a Qualtrics ImportId ending in ``_TEXT``).
    time_zones
        Date column → the zone Qualtrics wrote its times in (its third header row's
        ``timeZone``: ``America/Denver``, ``UTC``), where it says one.
    suggested_encoding
        Set when a CSV was read with an encoding given that makes other text of its bytes than
        the multi-byte encoding detection finds (cp932 read as latin-1): that one.
    groups
        Column named by the second row of a two-row header → the heading merged over it
        (設問), where there is one.
    layout
        What format detection found, to read the rows when a name is missing and the table may
        be long (one row per answer); ``None`` when the index was built otherwise.
    """

    path: Path
    columns: list[str]
    questions: dict[str, str]
    import_ids: dict[str, str]
    separators: dict[str, str] = field(default_factory=dict)
    other_boxes: dict[str, str] = field(default_factory=dict)
    open_ended: frozenset[str] = frozenset()
    suggested_encoding: str | None = None
    time_zones: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    layout: _formats.Layout | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_layout(cls, layout: _formats.Layout) -> ColumnIndex:
        """Build the index from what format detection found."""
        return cls(
            path=layout.path,
            columns=list(layout.columns),
            questions={c: t for t, c in layout.question_ids.items() if t != c},
            import_ids={c: i for i, c in layout.import_ids.items()},
            separators={m.column: m.separator for m in layout.multi_selects},
            other_boxes={m.other: m.column for m in layout.multi_selects if m.other},
            open_ended=frozenset(layout.open_ended),
            suggested_encoding=layout.suggested_encoding,
            time_zones=dict(layout.time_zones),
            groups=dict(layout.groups),
            layout=layout,
        )

    def find(self, name: str) -> str | None:
        """Return the column called ``name`` as :meth:`resolve` does, ``None`` when none is.

        For a caller that tries a name and goes on without it (an earlier name, a code table's
        question): the miss reads nothing, where :meth:`resolve`'s message may read the rows.
        """
        wanted = name.strip()
        if wanted in self.columns:
            return wanted
        by_id = {i: c for c, i in self.import_ids.items()}
        if wanted in by_id:
            return by_id[wanted]
        # Question texts may span lines in the export; compare them with white space collapsed.
        text = " ".join(wanted.split()).casefold()
        by_text = {" ".join(t.split()).casefold(): c for c, t in self.questions.items()}
        if text in by_text:
            return by_text[text]
        # The same name in other code points: full-width letters, or the wave dash 〜 a Mac
        # IME types where the cp932 header has ～ (QA18: "(0〜10)" against "(0～10)"), which
        # look alike on screen. Only a match to exactly one column counts.
        key = _fold(wanted)
        folded = {c for c in self.columns if _fold(c) == key}
        folded |= {c for c, t in self.questions.items() if _fold(t) == key}
        if len(folded) == 1:
            return folded.pop()
        return None

    def resolve(self, name: str, *, option: str, lang: Language = "en") -> str:
        """Return the column called ``name`` by header, Qualtrics QID/ImportId or question text.

        Parameters
        ----------
        name
            What the user wrote.
        option
            The option or key it came from, for the message (``"--by"``, ``"columns.score"``).
        lang
            The language of the message (``score``'s, MSG41); a long table's sentence stays
            English.

        Returns
        -------
        str
            The column name in the loaded frame.

        Raises
        ------
        DataError
            When nothing matches; the message lists the columns (with question texts) and
            the closest match.
        """
        found = self.find(name)
        if found is not None:
            return found
        wanted = name.strip()
        by_id = {i: c for c, i in self.import_ids.items()}
        names = {**{t: c for c, t in self.questions.items()}, **by_id}
        names.update({c: c for c in self.columns})
        best = closest(wanted, list(names))
        hint = t("load.no_column_guess", lang, guess=names[best]) if best is not None else ""
        how = t("load.no_column_how", lang) if self.questions or self.import_ids else ""
        fix = hint + t("load.no_column_fix", lang, option=option, how=how)
        if self.suggested_encoding is not None:
            # QA34: a UTF-8 file read as latin-1 listed its header garbled ('æ\x95\x99å®¤'
            # for 教室) and asked to pick one of those names.
            fix = t("load.no_column_encoding", lang, found=self.suggested_encoding)
        long = self._long_form(lang)
        if long:
            fix = t("load.no_column_long", lang, guess=hint, option=option)
        raise DataError(
            t(
                "load.no_column", lang, path=self.path, name=name, option=option,
                columns=self.listing(), long=(f" {long}" if lang == "en" else long) if long else "",
            ),
            hint=fix,
            path=self.path,
        )  # fmt: skip

    def _long_form(self, lang: Language) -> str | None:
        """Say the table is long and how to pivot it, as the score's other messages do.

        The rows are read only here, for a name that is missing (QA36 O2: ``--score-column
        NPS`` on a long table, whose NPS is the rows whose question code is ``NPS``).
        """
        if self.layout is None or len(self.columns) < 3:
            return None
        try:
            frame, _ = _formats.read_frame(self.layout, encoding_given=True)
        except DataError:
            return None  # the file's own error is said when it is loaded
        return long_form_sentence(frame, lang)

    def resolve_unique(self, name: str, *, option: str) -> str:
        """Return the column called ``name``, as :meth:`resolve`, refusing a repeated name.

        Raises
        ------
        DataError
            When nothing matches, or when the header holds the name twice (``score`` and
            `` score ``, read as ``score`` and ``score.1``): reading on would silently use
            the first one.
        """
        column = self.resolve(name, option=option)
        _refuse_repeats(self, column, option)
        return column

    def describe(self, column: str) -> str:
        """``'Q1'``, or ``'Q1' (QID74: How likely …)`` when the column has other names."""
        extra = [x for x in (self.import_ids.get(column), self.questions.get(column)) if x]
        if not extra:
            return repr(column)
        text = ": ".join(extra)
        text = text if len(text) <= 60 else text[:59] + "…"
        return f"{column!r} ({text})"

    def listing(self) -> str:
        """Comma-separated columns (at most 30), with their question texts."""
        shown = [self.describe(c) for c in self.columns[:_MAX_COLUMNS_LISTED]]
        if len(self.columns) > _MAX_COLUMNS_LISTED:
            shown.append(f"… and {len(self.columns) - _MAX_COLUMNS_LISTED} more")
        return ", ".join(shown)


def _resolve_column(layout: _formats.Layout, name: str, option: str) -> str:
    """Return the column called ``name`` (by header, Qualtrics QID/ImportId or question text)."""
    return ColumnIndex.from_layout(layout).resolve_unique(name, option=option)


def read_column_index(
    path: str | Path, *, sheet: str | int | None = None, encoding: str | None = None
) -> ColumnIndex:
    """Return the columns of an export with their Qualtrics ids and question texts.

    Parameters
    ----------
    path
        CSV (optionally ``.gz``), XLSX or Parquet file.
    sheet
        XLSX sheet name or 0-based index; the first sheet by default.
    encoding
        Text encoding of a CSV file; detected when ``None``.

    Returns
    -------
    ColumnIndex
        Use :meth:`ColumnIndex.resolve` to turn what a user wrote into a column name.

    Raises
    ------
    DataError
        When the file cannot be read (see :func:`read_columns`).
    """
    path = Path(path)
    if is_drop(path):
        # The last file's: files may add columns, never lack one (_drop_layouts), so it has all.
        return ColumnIndex.from_layout(
            _drop_layouts(drop_files(path), sheet=sheet, encoding=encoding)[-1]
        )
    return ColumnIndex.from_layout(_formats.inspect(path, sheet=sheet, encoding=encoding))


def _drop_layouts(
    files: Sequence[Path], *, sheet: str | int | None, encoding: str | None
) -> tuple[_formats.Layout, ...]:
    """Inspect each file of a drop; refuse a file that lacks a column an earlier file has.

    A later file may add columns: a question added during the year (QA40: Qualtrics' monthly
    exports from May on have ``Q6``), whose cells in the earlier files' rows are blank. A file
    without a column an earlier one has cannot be read with it, and when it also adds one, the
    question was most likely renamed (QA40: Google Forms heads a column with the question's
    current title, so its downloads after a rename carry the new one): said before any column
    is looked for, since looking for it in the first file alone sent the user to its old name.
    """
    layouts: list[_formats.Layout] = []
    seen: dict[str, Path] = {}  # each column, and the first file that has it
    for file in files:
        layout = _formats.inspect(file, sheet=sheet, encoding=encoding)
        _refuse_lacking(file, list(seen), layout.columns, seen)
        for column in layout.columns:
            seen.setdefault(column, file)
        layouts.append(layout)
    return tuple(layouts)


def _refuse_lacking(
    file: Path, before: list[str], columns: Sequence[str], where: dict[str, Path]
) -> None:
    """Raise the drop's message when ``file`` lacks one of the earlier files' ``before``."""
    missing = [c for c in before if c not in columns]
    if not missing:
        return
    extra = [c for c in columns if c not in before]
    said = [
        f"{label} {', '.join(map(repr, names))}"
        for label, names in (("lacks", missing), ("adds", extra))
        if names
    ]
    hint = (
        "A later file of a folder or glob in data.path may add columns to the earlier files' "
        "(a question added: the earlier responses are blank in it), never lack one. "
    )
    if extra:
        hint += (
            "A question renamed is one column lacked and one added: give the earlier files its "
            "new header, or, when each file holds every response so far (Google Forms' "
            "download, a cumulative export), point data.path at the latest file alone."
        )
    else:
        hint += "Export it again with them, or move it out."
    raise DataError(
        f"{file}: its columns differ from {where[missing[0]].name}'s: it {' and '.join(said)}.",
        hint=hint,
        path=file,
    )


def _refuse_repeats(index: ColumnIndex, name: str, option: str) -> None:
    """Refuse a column whose name the header holds twice (``score`` and `` score ``).

    The header reader numbers repeats the way pandas does (``score``, ``score.1``), so reading
    on would silently use the first one.
    """
    repeat = re.compile(re.escape(name) + r"\.[1-9][0-9]*")
    found = [
        (i, c) for i, c in enumerate(index.columns) if c == name or repeat.fullmatch(c) is not None
    ]
    if len(found) < 2:
        return
    listed = " and ".join(f"column {i + 1} ({_letters(i)})" for i, _ in found)
    raise DataError(
        f"{index.path}: {listed} are {'both' if len(found) == 2 else 'all'} named {name!r} once "
        "surrounding spaces are removed, "
        f"so {option} {name!r} is ambiguous.",
        hint="Rename or delete the extra column in the file so that the name is used once.",
        path=index.path,
    )


def _letters(index: int) -> str:
    """Spreadsheet column letters of a 0-based column index (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


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


@dataclass(frozen=True)
class _Drop:
    """A drop's files read as one frame (:func:`_read_drop`)."""

    frame: pd.DataFrame
    rows: np.ndarray
    layout: _formats.Layout
    repeats: int
    replaced: int
    changed_in: tuple[str, ...]
    file_rows: tuple[int, ...]
    file_kept: tuple[int, ...]
    starts: tuple[int, ...]
    key: tuple[str, ...] = ()
    formula: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=object))


def _read_drop(
    files: tuple[Path, ...],
    layouts: tuple[_formats.Layout, ...],
    *,
    encoding: str | None,
    text_columns: tuple[str, ...],
    id_column: str | None,
    date_column: str | None,
) -> _Drop:
    """Read and concatenate a drop's files; return frame, row numbers, layout and repeats.

    Row numbers run on from one file to the next, as if the files were one sheet with each
    file's header rows in it. A response in a later file that an earlier file already has is
    read once: the first file's when every file has it alike (``repeats`` counts the later
    ones), the latest file's when a later file changed it (a correction: ``replaced`` counts
    the earlier answers left out, ``changed_in`` names the files whose answers were kept).
    The same response is the same id (a per-response id: no file repeats one; a survey tool
    may rewrite the date of an edited response, FIX43), else the same id and date (an id
    that repeats within a file, a customer's, or ids a form numbers afresh in each file),
    else the same date (no id), else the same row; a row with a blank in its key is matched
    as a whole row. A corrected response keeps the place it was first read at.
    """
    frames: list[pd.DataFrame] = []
    numbers: list[np.ndarray] = []
    origin: list[np.ndarray] = []
    formulas: list[np.ndarray] = []
    layout = layouts[0]
    offset = 0
    starts: list[int] = []
    seen: dict[str, Path] = {}
    for number, (file, each) in enumerate(zip(files, layouts, strict=True)):
        frame, each = _formats.read_frame(
            each, encoding_given=encoding is not None, text_columns=text_columns
        )
        # As read (a header repeated is numbered): _drop_layouts checked the headers.
        _refuse_lacking(file, list(seen), list(frame.columns), seen)
        for column in frame.columns:
            seen.setdefault(column, file)
        if number == 0:
            layout = each
        frames.append(frame)
        rows = _file_rows(each, len(frame))
        starts.append(offset)
        numbers.append(rows + offset)
        origin.append(np.full(len(frame), number))
        formulas.append(_formula_labels(each, len(frame)))
        offset += int(rows.max()) if len(rows) else each.header_rows
    # The columns a later file adds are blank in the earlier files' rows.
    frame = pd.concat(frames, ignore_index=True)[list(seen)]
    rows = np.concatenate(numbers)
    source = np.concatenate(origin)
    formula = np.concatenate(formulas)
    key = _drop_key(frame, source, id_column, date_column)
    if key:
        # The key as written (ids 007 and 7 are two people); the answers compared as read. A
        # row with a blank in its key names no response (REVIEW27: every blank id was one
        # response, and all but the last file's were dropped): it is matched as a whole row,
        # marked with a NUL no written key starts with.
        keyed = frame[list(key)].astype("string")
        blank = keyed.isna().any(axis=1)
        named = keyed.fillna("\0").agg("\t".join, axis=1)
        if blank.any():
            named[blank] = "\0row" + _whole_rows(frame.loc[blank]).astype(str)
    else:  # the same row: a changed one is another response
        named = _whole_rows(frame)
    text = named.to_numpy()
    by_key = pd.Series(source).groupby(text)
    first_file = by_key.transform("min").to_numpy()
    last_file = by_key.transform("max").to_numpy()
    # A later file's answer that differs from the first file's is a correction (FIX39 #1):
    # the latest file's answer is kept. Compared as each file's set of rows for the key,
    # only for the responses in more than one file.
    multi = last_file > first_file
    pairs = pd.DataFrame({"key": text[multi], "row": _row_hashes(frame.loc[multi])})
    early = pairs[source[multi] == first_file[multi]].drop_duplicates()
    late = pairs[source[multi] == last_file[multi]].drop_duplicates()
    both = early.merge(late, how="outer", on=["key", "row"], indicator=True)
    changed = both.loc[both["_merge"] != "both", "key"].unique()
    corrected = multi & pd.Series(text).isin(changed).to_numpy(dtype=bool)
    keep = np.where(corrected, source == last_file, source == first_file)
    # Responses, not rows: one changed in the third of three files left two copies out, and
    # "2 responses changed" was said of one (REVIEW25). Its other copies count as repeats.
    replaced = len(pd.unique(pd.Series(text[corrected & ~keep])))
    changed_in = tuple(dict.fromkeys(files[int(f)].name for f in source[corrected & keep]))
    # A corrected response keeps the place it was first read at: the team's returned work file
    # names it so (REVIEW27: the correction was listed again as overdue under its new place).
    rows = np.where(corrected & keep, pd.Series(rows).groupby(text).transform("first"), rows)
    if not keep.all():
        frame = frame.loc[keep].reset_index(drop=True)
        rows = rows[keep]
        formula = formula[keep]
    repeats = int((~keep).sum()) - replaced
    # Each file's rows, and those of them read (FIX39 #2: Data quality named only the folder).
    count = len(files)
    read = tuple(int(n) for n in np.bincount(source, minlength=count))
    kept = tuple(int(n) for n in np.bincount(source[keep], minlength=count))
    return _Drop(
        frame, rows, layout, repeats, replaced, changed_in, read, kept, tuple(starts), key, formula
    )


def _drop_key(
    frame: pd.DataFrame, source: np.ndarray, id_column: str | None, date_column: str | None
) -> tuple[str, ...]:
    """Return the columns that say two files' rows are one response (``()``: the whole row).

    A column names a response only when no file has one of its values twice: an id that
    repeats within a file is a customer's (then the id and the date), and a date that does is
    a day, not a submission time (then the whole row: two people's answers of one day in two
    files are two responses).
    """

    def unique_per_file(column: str) -> bool:
        values = frame[column].astype("string")
        present = values.notna().to_numpy(dtype=bool)
        pairs = pd.DataFrame({"file": source[present], "value": values[present].to_numpy()})
        return not pairs.duplicated().any()

    if id_column is not None:
        if date_column is not None and (
            not unique_per_file(id_column) or _ids_restart(frame, source, id_column, date_column)
        ):
            return (id_column, date_column)
        return (id_column,)
    if date_column is not None and unique_per_file(date_column):
        return (date_column,)
    return ()


def _whole_rows(frame: pd.DataFrame) -> pd.Series:
    """Return a hash of each row's cells as written: equal for rows alike in every cell."""
    return pd.util.hash_pandas_object(frame.astype("string").fillna("\0"), index=False)


def _ids_restart(frame: pd.DataFrame, source: np.ndarray, id_column: str, date_column: str) -> bool:
    """Say whether a drop's files number their responses afresh (1, 2, … in each file).

    A per-response id found again in a later file is the same response, its date perhaps
    rewritten by an edit (FIX43); but a form that numbers each month's answers from 1 gives
    November's 1 October's id (REVIEW27: November's answers were taken for corrections of
    October's). Such a file's ids are mostly earlier files' ids with other dates: when over
    half of any later file's rows are, the id names a response only with its date.
    """
    ids = frame[id_column].astype("string")
    dates = frame[date_column].astype("string")
    present = (ids.notna() & dates.notna()).to_numpy(dtype=bool)
    rows = pd.DataFrame(
        {"file": source[present], "id": ids[present].to_numpy(), "date": dates[present].to_numpy()}
    )
    first = rows.groupby("id", sort=False)[["file", "date"]].transform("first")
    moved = (rows["file"] > first["file"]) & (rows["date"] != first["date"])
    per_file = moved.groupby(rows["file"]).mean()
    return bool((per_file > 0.5).any())


@dataclass(frozen=True)
class _Places:
    """Name a row as a user finds it: ``row 12``, or in a drop ``2026-11-03.csv row 12``.

    A drop's row numbers run on from file to file (``nps_row`` is one number per response);
    a message names the file and the row in that file (FIX39 #2: 'row 212' of a folder).
    """

    files: tuple[Path, ...] = ()
    starts: tuple[int, ...] = ()

    def file_rows(self, rows: np.ndarray) -> tuple[list[str | None], np.ndarray]:
        """Return each row's file name (``None`` for one file) and its row in that file."""
        rows = np.asarray(rows, dtype="int64")
        if not self.files:
            return [None] * len(rows), rows
        which = np.searchsorted(np.asarray(self.starts), rows, side="left") - 1
        names: list[str | None] = [self.files[int(i)].name for i in which]
        return names, rows - np.asarray(self.starts)[which]

    def names(self, rows: np.ndarray) -> list[str]:
        """Return ``row 12`` or ``2026-11-03.csv row 12`` for each row."""
        files, own = self.file_rows(rows)
        return [f"{f} row {r}" if f else f"row {r}" for f, r in zip(files, own, strict=True)]


def _row_hashes(frame: pd.DataFrame) -> np.ndarray:
    """Return a hash of each row's cells, alike for the same answer read from two files.

    A cell that reads as a number is taken as that number, so a score read as 9 from one
    file and as the text ' 9 ' from another (whose column also holds 無回答) is one answer.
    Hashed column by column (no per-row Python): a drop of 30,000 rows in 18 columns.
    """
    columns = {}
    for i, name in enumerate(frame.columns):
        text = frame[name].astype("string").str.strip()
        number = pd.to_numeric(text, errors="coerce").astype("Float64").astype("string")
        columns[i] = number.fillna(text).fillna("\0")
    cells = pd.DataFrame(columns, index=frame.index)
    return pd.util.hash_pandas_object(cells, index=False).to_numpy()


def _as_written(
    layout: _formats.Layout,
    column: str,
    count: int,
    rows: np.ndarray,
    values: list[Any],
    places: _Places,
) -> list[Any]:
    """Return the cells of ``rows`` as the file writes them (``'11.00'``, not ``11.0``).

    Only a number column is read again, and only one file's: text is already as written, and
    a drop's rows are named as read (QA36 O3).
    """
    if places.files or not values or not all(isinstance(v, int | float) for v in values):
        return values
    written = _formats.read_written(layout, column)
    if written is None or len(written) != count:
        return values
    at = pd.Series(np.arange(count), index=_file_rows(layout, count))
    if not pd.Index(rows).isin(at.index).all():
        return values
    return [
        v if pd.isna(w) else str(w).strip()
        for v, w in zip(values, written.iloc[at[rows].to_numpy()], strict=True)
    ]


def _listing(rows: np.ndarray, values: list[Any], places: _Places = _Places()) -> str:
    named = places.names(rows[:_MAX_LISTED])
    items = [f"{r}: {v!r}" for r, v in zip(named, values, strict=False)]
    more = len(rows) - _MAX_LISTED
    return ", ".join(items) + (f", and {more:,} more" if more > 0 else "")


def _failures(
    rows: np.ndarray,
    column: str,
    values: list[Any],
    reasons: list[str],
    places: _Places = _Places(),
) -> pd.DataFrame:
    files, own = places.file_rows(rows)
    return pd.DataFrame(
        {
            # A drop's failures name the file and the row in it (FIX39 #2).
            **({"file": pd.Series(files, dtype=object)} if places.files else {}),
            "row": pd.Series(own, dtype="int64"),
            "column": pd.Series([column] * len(rows), dtype=object),
            "value": pd.Series(values, dtype=object),
            "reason": pd.Series(reasons, dtype=object),
        }
    )


def _parse_weights(
    raw: pd.Series, rows: np.ndarray, column: str, path: Path, places: _Places = _Places()
) -> pd.Series:
    # The one rule of numbers with decimals (QA30: a German export's 1,25 was "bad").
    weights = read_numbers(raw).astype("float64")
    number = weights.to_numpy()
    bad = ~np.isfinite(number) | (number < 0)
    if bad.any():
        values = raw[bad].tolist()
        reasons = [
            "blank"
            if (isinstance(v, float) and np.isnan(v)) or str(v).strip().casefold() in MISSING_WORDS
            else ("negative" if isinstance(w, float) and w < 0 else "not a number")
            for v, w in zip(values, number[bad], strict=True)
        ]
        raise DataError(
            f"{path}: {int(bad.sum()):,} bad weight(s) in column {column!r}: "
            f"{_listing(rows[bad], values, places)}.",
            hint="Weights must be non-negative numbers on every row; fix these cells or "
            "load without weight_column.",
            path=path,
            failures=_failures(rows[bad], column, values, reasons, places),
        )
    return weights


def read_columns(
    path: str | Path, *, sheet: str | int | None = None, encoding: str | None = None
) -> list[str]:
    """Return the column names of a survey export without reading its responses.

    Uses the same detection as :func:`load_responses` (format, encoding, delimiter, survey tool),
    so the names are exactly those of ``load_responses(path).data`` before the ``nps_*`` columns.
    For Qualtrics these are the column ids (``Q1``), not the question texts.

    Parameters
    ----------
    path
        CSV (optionally ``.gz``), XLSX or Parquet file.
    sheet
        XLSX sheet name or 0-based index; the first sheet by default.
    encoding
        Text encoding of a CSV file; detected when ``None``.

    Returns
    -------
    list of str
        Column names, stripped of surrounding white space.

    Raises
    ------
    DataError
        When the file is missing, empty, unreadable, has no such sheet, or does not decode.
    """
    return list(_formats.inspect(Path(path), sheet=sheet, encoding=encoding).columns)


_parses = 0


def parse_count() -> int:
    """Return how many times :func:`load_responses` has read an export in this process.

    A cheap, real measure of how often a command parses exports: ``nps-kit run`` and
    ``nps-kit alerts`` parse each export once per loader options for all its units (FIX61), and
    tests compare this count before and after.
    """
    return _parses


def load_responses(
    path: str | Path,
    *,
    score_column: str = "score",
    date_column: str | None = None,
    weight_column: str | None = None,
    sheet: str | int | None = None,
    encoding: str | None = None,
    strict: bool = False,
    date_format: str | None = None,
    missing_values: Sequence[str] = (),
    fix_text: bool = False,
    id_column: str | None = None,
    dedupe: bool | Literal["resubmissions"] = False,
    dedupe_keep: DedupeKeep = "earliest",
    check_score: bool = True,
    unfinished: Literal["include", "exclude"] = "include",
    timezone: str | None = None,
    exclude: Sequence[tuple[str, Sequence[object]]] = (),
    value_labels: ValueLabels | None = None,
) -> LoadResult:
    """Read a survey export into the canonical response frame.

    Parameters
    ----------
    path
        CSV (UTF-8, UTF-8 with BOM, cp932 or UTF-16; comma, tab, semicolon or pipe; ``.gz``
        allowed), XLSX or Parquet file, plain or as exported by Qualtrics, SurveyMonkey or Google
        Forms.
    score_column
        Column with the 0–10 answers. For Qualtrics, the column id (``Q1``) or question text.
    date_column
        Column with the response date, parsed into ``nps_date``. Not guessed: a Google Forms
        timestamp is only used when named here.
    weight_column
        Column with non-negative weights, copied into ``nps_weight`` as float.
    sheet
        XLSX sheet name or 0-based index; the first sheet by default.
    encoding
        Text encoding of a CSV file, overriding detection (e.g. ``"cp932"``).
    strict
        Raise instead of counting when a score is invalid or a date cannot be read.
    date_format
        How to read dates like ``1/2/2026`` that could be either order: ``"month-first"``,
        ``"day-first"`` or a ``strftime`` pattern. Needed only when no day over 12 shows it.
    missing_values
        More score cell texts that mean "no answer" (``"Don't know"``, ``"わからない"``).
    fix_text
        Repair text garbled by a double decoding (``"Â¡Traduciendo!"``) with ftfy; such cells
        are always counted in ``report.mojibake_cells``.
    id_column
        Column with the response id: repeated ids are counted (and dropped with ``dedupe``).
    dedupe
        ``True`` drops rows identical to an earlier row and rows repeating an earlier row's
        id, keeping the earliest submitted (by ``date_column``; the first in the file among
        equal times, or without a date column); ``"resubmissions"`` also drops double
        submissions, the same answers sent again within a minute (:mod:`nps_kit._resubmit`),
        which are counted in ``report.resubmission_of`` either way.
    dedupe_keep
        Which response of a repeated id ``dedupe`` keeps: ``"earliest"`` (above) or
        ``"latest"`` submitted (the last in the file among equal times, or without a date
        column), as a ticket tool keeps a customer's re-rating (FIX83). Exact duplicates and
        double submissions keep their first copy either way (their answers are the same).
    check_score
        Refuse a score column whose answers are mostly not 0–10, and describe one that looks
        like 1–5 or 1–10 in ``report.scale_note``; ``False`` reads a file whose score column is
        not known yet (as :func:`nps_kit.inspect.inspect_export` does).
    unfinished
        What the unit does with the responses Qualtrics marks unfinished (``Finished``
        False): ``"include"`` counts them, ``"exclude"`` leaves them out. Every row is kept
        here (the unit leaves them out and counts those of its period,
        :func:`nps_kit.unit.prepare_unit`); the setting is checked against the export and
        kept in ``report.unfinished``, so the cache ``nps-kit run`` builds from a unit's
        parameters carries it to any report notebook.
    timezone
        The unit's IANA time zone: dates that carry their zone (a zone-aware Parquet column,
        ``2026-11-30T21:00:00Z``) are converted to it, so months and times are its wall clock.
        ``None`` keeps such a time's own wall clock (UTC for a UTC column). Naive dates are
        taken as the wall clock they are (see :func:`nps_kit._values.parse_date_values`).
    exclude
        ``(column, values)`` pairs (``data.exclude``): rows whose cell in ``column`` is one
        of ``values`` (compared as ``data.filter`` compares, :func:`value_key`) are no
        customer's response, a staff test say, and are left out before anything is counted;
        ``report.excluded_rows`` counts them (QA30 F7).
    value_labels
        ``{column: {code: label}}`` (``value_labels:``, a code table; or the same as pairs,
        as :meth:`~nps_kit.params.UnitParameters.loader_options` gives it): each coded cell of
        those columns is read as its label before anything else reads the frame
        (:func:`nps_kit._value_labels.apply_value_labels`), so filters, breakdowns and the
        score itself see labels; codes without a label stay as written and are counted in
        ``report.unlabelled_columns`` / ``unlabelled_codes`` / ``unlabelled_rows``.

    Returns
    -------
    LoadResult
        ``data`` (original columns plus ``nps_score``, ``nps_status``, ``nps_row``, when
        asked for ``nps_date`` and ``nps_weight``, and for a Qualtrics export with a
        ``Finished`` column ``nps_finished``: boolean, ``<NA>`` where unreadable) and ``report``.

    Raises
    ------
    DataError
        When the file cannot be read, a column does not exist, a weight is bad, the date column
        has no readable date or reads both ways, more than half the score answers are not
        0–10 (the message names the columns that look like 0–10), (with ``strict=True``) a
        score is invalid or a date cannot be read (``failures`` lists the bad cells), or
        ``unfinished="exclude"`` for an export that does not say who finished.
    ValueError
        When ``unfinished`` is neither ``"include"`` nor ``"exclude"``.

    Examples
    --------
    >>> result = load_responses("responses.csv", date_column="submitted_at")  # doctest: +SKIP
    >>> print(result.report.summary())  # doctest: +SKIP
    Read 512 rows from responses.csv (CSV, cp932, comma-separated).
    Scores: 505 valid, 4 missing, 3 invalid.
    Dates (submitted_at): 2026-10-01 to 2026-10-31.
    """
    if unfinished not in ("include", "exclude"):
        raise ValueError(f"unfinished must be 'include' or 'exclude', got {unfinished!r}")
    global _parses
    _parses += 1
    path = Path(path)
    files = drop_files(path) if is_drop(path) else ()
    layouts = _drop_layouts(files, sheet=sheet, encoding=encoding) if files else ()
    # A drop's columns are its last file's: files may add columns, never lack one.
    layout = layouts[-1] if layouts else _formats.inspect(path, sheet=sheet, encoding=encoding)
    score_col = _resolve_column(layout, score_column, "score_column")
    date_col = None if date_column is None else _resolve_column(layout, date_column, "date_column")
    weight_col = (
        None if weight_column is None else _resolve_column(layout, weight_column, "weight_column")
    )
    id_col = None if id_column is None else _resolve_column(layout, id_column, "id_column")
    excluded_by = [
        (_resolve_column(layout, column, "data.exclude.column"), values)
        for column, values in exclude
    ]
    coded = {
        _resolve_column(layout, column, "value_labels"): table
        for column, table in as_tables(value_labels).items()
    }
    text_columns = (id_col,) if id_col else ()
    if files:
        found = _read_drop(
            files,
            layouts,
            encoding=encoding,
            text_columns=text_columns,
            id_column=id_col,
            date_column=date_col,
        )
        frame, rows, layout = found.frame, found.rows, found.layout
        formula = found.formula
        drop_key = found.key
        repeats, replaced, changed_in = found.repeats, found.replaced, found.changed_in
        file_rows, file_kept = found.file_rows, found.file_kept
        places = _Places(files, found.starts)
        rows_read = len(frame) + repeats + replaced
    else:
        frame, layout = _formats.read_frame(
            layout, encoding_given=encoding is not None, text_columns=text_columns
        )
        rows_read = len(frame)
        rows = _file_rows(layout, rows_read)
        formula = _formula_labels(layout, len(frame))
        repeats = replaced = 0
        changed_in = ()
        file_rows = file_kept = ()
        drop_key = ()
        places = _Places()
    unlabelled: tuple[Unlabelled, ...] = ()
    if coded:
        # Codes become their labels first: every rule below reads the labels (CODES40).
        said_none = missing_words(missing_values) | missing_words(missing_values, typed=False)
        frame, unlabelled = apply_value_labels(frame, coded, missing=said_none)

    # One flag per row of the frame: a drop's repeats are already out of it (rows_read counts them).
    drop = np.zeros(len(frame), dtype=bool)
    blank = np.zeros(len(frame), dtype=bool)
    # An XLSX's subtotal lines of formulas saved without a value (FIX91): blank to pandas, said
    # with Excel's other subtotal lines, not as empty rows.
    lines = pd.notna(formula)  # None or a label (str), told in C (LOAD40)
    if len(frame) and (layout.format == "xlsx" or frame.shape[1] > 1):
        # Not only a sheet's: Google Sheets writes a row someone cleared as ",,,," to its CSV,
        # which the parser keeps (QA44: two such rows were a missing score and a duplicate).
        # In a file of one column a blank cell is that row's missing answer.
        blank = frame.isna().all(axis=1).to_numpy() & ~lines
        drop |= blank
    # A totals row under the table (合計,2400件,…) is no response (QA25).
    # Told by its figures, not its label alone (FIX71: a respondent named Summe was left out).
    # Each column's distinct values and dates, made once for every rule below (LOAD41).
    facts = ColumnFacts()
    found_totals = totals_rows(
        frame, date_column=date_col, score_column=score_col, blank=blank, lines=lines, facts=facts
    )
    totals = found_totals.flags
    # A grouped report names each group on its first row only (QA36): filled down.
    grouped_by = group_column(frame, totals, blank)
    if grouped_by is not None:
        frame[grouped_by] = fill_group_column(frame, grouped_by, totals, blank)
    totals_said = totals_labels(
        frame, totals, {int(i): str(formula[i]) for i in np.flatnonzero(lines)}
    )
    totals_files, totals_own = places.file_rows(rows[totals])
    # File and row kept apart, worded in the report's language where said (FIX77: a Japanese
    # report read "合計 (tot.csv row 152)").
    totals_in = tuple(name or path.name for name in totals_files)
    # A last row labelled Total kept as an answer (FIX74): named with its file and row.
    kept_flags = np.zeros(len(frame), dtype=bool)
    kept_flags[list(found_totals.kept)] = True
    kept_files, kept_own = places.file_rows(rows[kept_flags])
    totals_kept = totals_labels(frame, kept_flags)
    drop |= totals
    preview = np.zeros(len(frame), dtype=bool)
    if layout.source == "qualtrics" and "Status" in frame.columns:
        # "Export labels" writes words, "Export values" codes (1 = Survey Preview): the same
        # responses are left out of either (FIX31: the codes were all counted).
        status_text = response_types(frame["Status"])
        preview = status_text.isin(NOT_RESPONSES).fillna(False).to_numpy(dtype=bool)
        drop |= preview
    # Rows the parameters say are no response (a staff test, QA30 F7): one rule for every flow.
    excluded = np.zeros(len(frame), dtype=bool)
    for column, values in excluded_by:
        wanted = {value_key(v) for v in values}
        cells = frame[column].map(value_key, na_action="ignore")
        excluded |= (cells.isin(wanted).fillna(False) & ~drop).to_numpy(dtype=bool)
    drop |= excluded
    if drop.any():
        frame = frame.loc[~drop].reset_index(drop=True)
        rows = rows[~drop]

    when = None
    if id_col is not None and date_col is not None:
        # A repeated id keeps its earliest response in time (file order among equal or
        # unreadable times), as dedupe is documented to (REVIEW26: a December row above its
        # November twin in the file was kept); only the rows of a repeated id are read here.
        ids = frame[id_col]
        when = _dates_of(
            frame[date_col],
            (ids.duplicated(keep=False) & ids.notna()).to_numpy(dtype=bool),
            date_format=date_format,
            timezone=timezone,
            source=layout.source,
        )
    duplicate_rows, duplicate_ids, origin = _duplicates(
        frame, id_col, when=when, keep=dedupe_keep, facts=facts
    )
    own = np.arange(len(frame))
    again = own
    if date_col is not None:
        again = resubmitted_rows(
            frame,
            date_col,
            exact=origin != own,
            date_format=date_format,
            timezone=timezone,
            facts=facts,
        )
    resubmitted = again != own
    # The row each resubmission repeats, kept or not: a unit counts those of its own rows.
    resubmission_of = tuple(int(r) for r in rows[_first(again)[resubmitted]])
    if dedupe == RESUBMISSIONS:
        origin = _first(np.where(resubmitted, again, origin))
    dropped = origin != own
    # The row each dropped one repeats, as a spreadsheet row: a unit finds its own by it.
    duplicate_of = tuple(int(r) for r in rows[origin[dropped]]) if dedupe else ()
    # And each dropped row's own time: a unit counts those of its period (REVIEW26: a December
    # repeat of a November response was counted in November's data quality).
    duplicate_dates: tuple[str | None, ...] = ()
    if dedupe and date_col is not None and dropped.any():
        dropped_when = _dates_of(
            frame[date_col],
            dropped,
            date_format=date_format,
            timezone=timezone,
            source=layout.source,
        )[dropped]
        duplicate_dates = tuple(None if pd.isna(d) else d.isoformat() for d in dropped_when)
    if dedupe and dropped.any():
        frame = frame.loc[~dropped].reset_index(drop=True)
        rows = rows[~dropped]
    mojibake, frame = _mojibake(frame, fix=fix_text)

    parsed = parse_scores(frame[score_col], missing_values=missing_values, facts=facts)
    status = parsed.status.cat.codes.to_numpy()
    scale_note = None
    scale_said = None
    other_scale: tuple[int, ...] = ()
    other_scale_of: tuple[str, ...] = ()
    if check_score:
        scale_note, split, scale_said = _check_scale(
            frame, parsed, score_col, layout, missing_values, strict=strict, facts=facts
        )
        if split is not None:  # QA29 F6: their spreadsheet rows, for each unit's data quality
            other_scale = tuple(int(r) for r in rows[split.rows(frame).to_numpy()])
            other_scale_of = (split.column, split.value)
    bad = status == 2
    bad_rows = rows[bad]
    bad_values = frame[score_col][bad].tolist()
    bad_reasons = parsed.reason[bad].astype(str).tolist()
    invalid = _failures(bad_rows, score_col, bad_values, bad_reasons)
    if strict and len(bad_rows):
        bad_values = _as_written(layout, score_col, rows_read, bad_rows, bad_values, places)
        raise DataError(
            f"{path}: {len(bad_rows):,} invalid score(s) in column {score_col!r}: "
            f"{_listing(bad_rows, bad_values, places)}.",
            hint=f"Scores must be whole numbers 0–10 ({missing_words_said()} count as missing; "
            "data.missing_values adds more); fix these cells, or load without strict to count "
            "them as invalid.",
            path=path,
            failures=_failures(bad_rows, score_col, bad_values, bad_reasons, places),
        )

    # The export's own columns named like the loader's move aside before the loader writes.
    taken = (*LOADER_COLUMNS, *UNIT_COLUMNS)
    frame = frame.rename(columns={c: export_column(c) for c in taken if c in frame})
    frame["nps_score"] = parsed.score
    raw = frame[export_column(score_col)]
    rewritten_rows: tuple[int, ...] = ()
    decimal_comma_rows: tuple[int, ...] = ()
    worded_rows: tuple[int, ...] = ()
    worded_example = None
    if not pd.api.types.is_numeric_dtype(raw.dtype):
        # Each distinct cell once, mapped back by its code: a score column repeats a dozen texts
        # over every row (LOAD40: Python's regex went over each of 200,000 rows). The extra
        # last slot, False, is code -1's (a missing cell).
        if isinstance(raw.array, pd.arrays.ArrowStringArray):
            known = facts.distinct(raw)  # the score's codes, made once for the load (LOAD41)
            codes, distinct = known.codes, known.uniques.array
        else:
            codes, uniques = pd.factorize(raw.astype("string"), use_na_sentinel=True)
            distinct = uniques.array
        written = pd.Series(distinct, dtype="string").str.strip()
        # １０, ⑩ and 10点 are read as 10: counted, so the n can be trusted (QA24; QA36 O4:
        # circled digits, read through NFKC, were read but not counted).
        other = written.str.contains(OTHER_DIGITS, regex=True).fillna(False).to_numpy(bool)
        other = np.append(other, False)[codes]
        rewritten_rows = tuple(int(r) for r in rows[other & (status == 0)])
        # 9,0 is read as 9 (QA26 #4): said too.
        comma = written.str.match(DECIMAL_COMMA_RE.pattern).fillna(False).to_numpy(bool)
        comma = np.append(comma, False)[codes]
        decimal_comma_rows = tuple(int(r) for r in rows[comma & (status == 0)])
        # "10 - Extremely likely" is read as 10 (QA44): said too, with the most frequent one.
        worded = np.append(written.str.match(WORDED_SCORE.pattern).fillna(False), False)
        worded_rows = tuple(int(r) for r in rows[worded[codes] & (status == 0)])
        if worded_rows:
            common = np.bincount(codes[worded[codes] & (status == 0)]).argmax()
            worded_example = str(written.iloc[common])
    frame["nps_status"] = parsed.status
    frame["nps_row"] = rows
    if files:
        # A drop's row numbers run on from file to file, so a response without an id is named
        # by its file and its row there (FIX43: the report's detractor list cited 'row 51').
        names, own = places.file_rows(rows)
        frame["nps_place"] = pd.array(
            [f"{n}:{r}" for n, r in zip(names, own, strict=True)], dtype="string"
        )
    finished_unread = None
    finished_column = None
    submitted = limesurvey_submitted(frame.columns)
    if layout.source == "qualtrics" and "Finished" in frame.columns:
        finished_column = "Finished"
        # A respondent who left after some questions: Finished False (Progress under 100).
        finished = frame["Finished"].astype("string").str.strip()
        read = finished.str.casefold().map({"true": True, "1": True, "false": False, "0": False})
        read = read.astype("boolean")  # typed even when no cell reads (the cache needs a type)
        frame["nps_finished"] = read
        if read.isna().all():
            # Not one cell says who finished: unknown, which "0 unfinished" would hide.
            seen = finished.dropna()
            finished_unread = tuple(str(v) for v in seen[seen != ""].unique()[:3])
    elif submitted is not None:
        # LimeSurvey writes submitdate when the last page is sent: blank, never submitted.
        finished_column = submitted
        cells = frame[export_column(submitted)].astype("string").str.strip().str.casefold()
        frame["nps_finished"] = (~cells.fillna("").isin(MISSING_WORDS)).astype("boolean")
    date_min = date_max = None
    era_date_rows: tuple[int, ...] = ()
    unread: UnreadableDates | None = None
    date_order = None
    date_order_guess = None
    if date_col is not None:
        try:
            dates = facts.dates(
                frame[export_column(date_col)],
                date_format=date_format,
                timezone=timezone,
                source=layout.source,
            )
        except ValueError:
            # The one ValueError here: a date_format of no order and no pattern (MSG43).
            said = Saying("params.date_format", {"found": Listed([date_format])})
            raise DataError(
                said=Saying("load.sentence", {"said": said}, "load.date_format_hint"), path=path
            ) from None
        raw_dates = frame[export_column(date_col)]
        _check_dates(raw_dates, dates, date_col, path)
        date_order = dates.order
        if order_guessed(dates.order_evidence):
            date_order_guess = dates.order_evidence
        if not pd.api.types.is_numeric_dtype(raw_dates.dtype):
            # R8.11.3, 令和８年, 令和六年十二月一日: each a Japanese-era date. Only a cell with a
            # character past ASCII or an era letter first can be one: the rest, nearly every
            # cell of a large export, are passed over in C before Python's regex (LOAD40).
            text = raw_dates.astype("string")
            maybe = text.str.contains(_ERA_CANDIDATE, regex=True).fillna(False).to_numpy(bool)
            in_era = np.zeros(len(text), dtype=bool)
            if maybe.any():
                written = text[maybe].str.strip().str.normalize("NFKC")
                named = written.str.match("令和|平成|昭和|大正|明治")
                era = written.str.match(ERA_RE.pattern) | named
                in_era[maybe] = era.fillna(False).to_numpy(bool)
            in_era &= dates.dates.notna().to_numpy(bool)
            era_date_rows = tuple(int(r) for r in rows[in_era])
        frame["nps_date"] = dates.dates
        if dates.unparsed.any():
            unread = unreadable_dates(raw_dates, dates.dates, column=date_col, total=len(frame))
        if strict and unread is not None:
            _refuse_dates(raw_dates, dates.unparsed.to_numpy(), rows, unread, path, places)
        if dates.dates.notna().any():
            date_min, date_max = dates.dates.min(), dates.dates.max()
    if weight_col is not None:
        raw_weights = frame[export_column(weight_col)]
        frame["nps_weight"] = _parse_weights(raw_weights, rows, weight_col, path, places)

    report = LoadReport(
        path=path,
        format=layout.format,
        source=layout.source,
        encoding=layout.encoding,
        delimiter=layout.delimiter,
        sheet=layout.sheet,
        header_rows_skipped=layout.header_rows - 1 - layout.title_rows,
        rows_read=rows_read,
        preview_rows_dropped=int(preview.sum()),
        blank_rows_dropped=int(blank.sum()),
        excluded_rows=int(excluded.sum()),
        totals_rows=totals_said,
        totals_kept=totals_kept,
        totals_kept_in=tuple(name or path.name for name in kept_files),
        totals_kept_row=tuple(int(row) for row in kept_own),
        totals_in=totals_in,
        totals_row=tuple(int(row) for row in totals_own),
        totals_why=found_totals.why,
        n_valid=int((status == 0).sum()),
        n_missing=int((status == 1).sum()),
        n_invalid=int(bad.sum()),
        invalid=invalid,
        dates_unparsed=0 if unread is None else unread.count,
        date_min=date_min,
        date_max=date_max,
        score_column=score_col,
        date_column=date_col,
        weight_column=weight_col,
        timestamp_column=layout.timestamp_column,
        date_order=date_order,
        date_order_guess=date_order_guess,
        mojibake_cells=mojibake,
        text_fixed=fix_text and mojibake > 0,
        duplicate_rows=duplicate_rows,
        duplicate_ids=duplicate_ids,
        duplicates_dropped=int(dropped.sum()) if dedupe else 0,
        duplicate_of=duplicate_of,
        duplicate_dates=duplicate_dates,
        resubmission_of=resubmission_of,
        scale_note=scale_note,
        scale_said=scale_said,
        other_scale=other_scale,
        other_scale_of=other_scale_of,
        date_examples=() if unread is None else unread.examples,
        finished_unread=finished_unread,
        finished_column=finished_column,
        unfinished=unfinished,
        title_rows=layout.title_rows,
        title=layout.title,
        grouped_by=grouped_by,
        scores_rewritten=len(rewritten_rows),
        scores_decimal_comma=len(decimal_comma_rows),
        era_dates=len(era_date_rows),
        rewritten_rows=rewritten_rows,
        decimal_comma_rows=decimal_comma_rows,
        worded_rows=worded_rows,
        worded_example=worded_example,
        era_date_rows=era_date_rows,
        files=tuple(str(f) for f in files),
        drop_repeats=repeats,
        drop_replaced=replaced,
        drop_changed_in=changed_in,
        file_rows=file_rows,
        file_kept=file_kept,
        drop_key=drop_key,
        unlabelled_columns=tuple(u.column for u in unlabelled),
        unlabelled_codes=tuple("\t".join(u.codes) for u in unlabelled),
        unlabelled_rows=tuple(u.rows for u in unlabelled),
    )
    if unfinished == "exclude":
        refused = unfinished_refusal(path, report, has_finished="nps_finished" in frame.columns)
        if refused is not None:
            raise refused
    return LoadResult(data=frame, report=report)


def row_key(frame: pd.DataFrame, id_column: str | None) -> str:
    """Return the column that names each response to a reader: its id, else its place.

    Without an id a response is its row: ``nps_row`` in one file, ``nps_place``
    (``2026-11-30.csv:5``, the file and the row in it) in a drop, whose ``nps_row`` runs on
    from file to file and so is a row of no file. The report, the follow-up work files and
    the returned files' matching all name a response by this one column.
    """
    if id_column is not None:
        return id_column
    return "nps_place" if "nps_place" in frame.columns else "nps_row"


def row_keys(frame: pd.DataFrame, id_column: str | None) -> pd.Series:
    """Return the text that names each response: its id (:func:`row_key`), else its place.

    A response whose id cell is blank (an id given to signed-in respondents only) is named by
    its row, ``#`` and the row as :func:`row_key` without an id gives it (``#12``,
    ``#2026-11-30.csv:5``): named ``""`` like every other blank-id response, the work file
    gave them one another's e-mail addresses and a returned file's row matched none of them
    (REVIEW36). The report, the work files and the returned files' matching all read this.
    """
    keys = frame[row_key(frame, id_column)].astype("string")
    if id_column is None:
        return keys
    blank = blank_ids(frame, id_column)
    if blank.any():
        place = frame[row_key(frame, None)].astype("string")
        keys = keys.mask(blank, "#" + place)
    return keys


def answer_keys(
    frame: pd.DataFrame, id_column: str, *, date_column: str | None = None
) -> pd.Series:
    """Return the key that remembers each response across re-pulls: its id, else its answers.

    :func:`row_keys` *shows* a blank-id response by its row (``#12``); a row is not a name
    that lasts (the export pulled again with its rows sorted otherwise, or a response inserted
    above, gives it to another response), so the alert log remembers such a response by a
    hash of the cells it filled
    (:func:`nps_kit._content_key.content_keys`, ``#3f2a9c1e4b5d6a7f``; FIX88), its date by
    the date read from ``date_column`` (REVIEW37: Excel re-writes it).
    """
    keys = frame[id_column].astype("string")
    blank = blank_ids(frame, id_column)
    if not blank.any():
        return keys
    return keys.mask(blank, content_keys(frame, id_column, blank, date_column=date_column))


def blank_ids(frame: pd.DataFrame, id_column: str | None) -> np.ndarray:
    """Return which rows :func:`row_keys` names by their row because their id cell is blank.

    Blank: empty, white space or missing. Without an id column every row is named by its row
    and none of them for a blank id: all ``False``. The report's note under the id column and
    the alerts say so only of these rows.
    """
    if id_column is None:
        return np.zeros(len(frame), dtype=bool)
    keys = frame[id_column].astype("string")
    return (keys.isna() | (keys.str.strip() == "")).to_numpy(dtype=bool)


def unfinished_refusal(path: Path, report: LoadReport, *, has_finished: bool) -> DataError | None:
    """Return why ``unfinished: exclude`` cannot be honoured for an export, else ``None``.

    Parameters
    ----------
    path
        The export, named first in the message; ``None`` leaves it out.
    report
        The loader's report on it.
    has_finished
        Whether the loaded rows have ``nps_finished`` (a Qualtrics export with ``Finished``).

    Returns
    -------
    DataError or None
        The error to raise when the export does not say who finished (not Qualtrics, no
        ``Finished`` column) or no cell of ``Finished`` can be read.
    """
    if not has_finished:
        return DataError(
            f"{path}: unfinished: exclude needs to know which responses are unfinished, and "
            "this export does not say (only a Qualtrics export with its Finished column, or a "
            "LimeSurvey export with its submitdate, does).",
            hint="Remove unfinished: exclude (data.unfinished in the parameters) for this "
            "export, or export the Qualtrics responses with the Finished column.",
            path=path,
        )
    if report.finished_unread is not None:
        # Excluding none because none could be read would be "0 excluded", silently wrong.
        found = ", ".join(repr(v) for v in report.finished_unread) or "(blanks only)"
        return DataError(
            f"{path}: unfinished: exclude needs to know which responses are unfinished, and "
            f"no cell of column 'Finished' can be read: it holds {found}, where Qualtrics "
            "writes True/False or 1/0.",
            hint="Export the responses again with Finished as True/False (or 1/0), or remove "
            "unfinished: exclude (data.unfinished in the parameters).",
            path=path,
        )
    return None


def _refuse_dates(
    raw: pd.Series,
    bad: np.ndarray,
    rows: np.ndarray,
    unread: UnreadableDates,
    path: Path,
    places: _Places = _Places(),
) -> None:
    """Raise for unreadable dates under ``strict``, listing the cells like invalid scores."""
    values = raw[bad].tolist()
    raise DataError(
        f"{path}: {unread.count:,} unreadable date(s) in column {unread.column!r} (date_column): "
        f"{_listing(rows[bad], values, places)}.",
        hint=f"{unread.hint()} Or load without strict to leave them out of every period.",
        path=path,
        failures=_failures(rows[bad], unread.column, values, ["not a date"] * len(values), places),
    )


def _nps_like(frame: pd.DataFrame, skip: str, missing_values: Sequence[str]) -> list[str]:
    """Columns whose answers look like 0-10 scores (nearly all whole numbers 0-10, with a 0)."""
    found = []
    for column in frame.columns:
        if column == skip:
            continue
        parsed = parse_scores(frame[column], missing_values=missing_values)
        codes = parsed.status.cat.codes.to_numpy()
        answered = int((codes != 1).sum())
        valid = parsed.score.dropna()
        if answered and (codes == 0).sum() >= 0.9 * answered and valid.max() >= 9:
            if valid.min() == 0 or len(valid) < _ZERO_EVIDENCE:
                found.append(str(column))
    return found


_ZERO_EVIDENCE: Final = 50


def _check_scale(
    frame: pd.DataFrame,
    parsed: ScoreParse,
    column: str,
    layout: _formats.Layout,
    missing_values: Sequence[str],
    *,
    strict: bool,
    facts: ColumnFacts | None = None,
) -> tuple[str | None, ScaleSplit | None, tuple[str, tuple[tuple[str, Any], ...]] | None]:
    """Refuse a score column that is mostly not 0-10; describe one that looks 1-5 or 1-10.

    One rule for the whole column and for the rows of one value of another column
    (:func:`nps_kit._values.scale_split`, QA29 F6: a survey version asked 1–10): no 0 where
    the 1s and 2s make 0s expected. The split is returned with its note.
    """
    codes = parsed.status.cat.codes.to_numpy()
    answered = int((codes != 1).sum())
    invalid = int((codes == 2).sum())
    valid = parsed.score.dropna()
    index = ColumnIndex.from_layout(layout)
    coded = numeric_codes_sentence(column, frame[column], facts=facts)
    if coded is not None:
        # Read as scores, codes 1 … 10 are each one point off and 11 is invalid (QA39).
        raise DataError(
            f"{layout.path}: {coded}",
            hint="Set score_column to a column of 0–10 scores (nps-kit inspect shows every "
            "column).",
            path=layout.path,
        )
    if answered >= 5 and invalid > answered / 2 and not strict:
        others = _nps_like(frame, column, missing_values)
        shown = ", ".join(index.describe(c) for c in others) or "none"
        samples = ", ".join(
            repr(str(v)) for v in pd.unique(frame.loc[codes == 2, column].astype(str))[:3]
        )
        written = frame.loc[codes == 2, column].astype("string").str.strip()
        comma = written.str.match(DECIMAL_COMMA_RE.pattern).fillna(False)
        fractions = ""
        if comma.sum() > invalid / 2:
            # 7,5 is a decimal comma with a fraction (QA26 #4): no 0-10 answer, but 9,0 is 9.
            fractions = (
                f" {int(comma.sum()):,} of them are numbers with a decimal comma and a fraction "
                f"(e.g. {', '.join(repr(v) for v in pd.unique(written[comma])[:2])}): a 0–10 "
                "answer is a whole number (9,0 reads as 9)."
            )
        raise DataError(
            f"{layout.path}: column {column!r} (score_column) does not hold 0–10 scores: "
            f"{invalid:,} of {answered:,} answers are not whole numbers 0–10 (e.g. {samples}); "
            f"columns that look like 0–10: {shown}.{fractions}"
            + "".join(
                f" {s}"
                for s in [score_codes_sentence(column, frame[column]), long_form_sentence(frame)]
                if s
            ),
            hint="Set score_column to the 0–10 'how likely are you to recommend' question "
            "(nps-kit inspect shows every column)"
            + (
                "; if it is that question, export its answers as whole numbers (number "
                "format 0 in Excel, no decimals) or round them in the export."
                if fractions
                else "."
            ),
            path=layout.path,
        )
    if len(valid) < _ZERO_EVIDENCE:
        return None, None, None
    if valid.min() == 0:
        split = scale_split(parsed.score, frame, skip=(column,), facts=facts)
        if split is None:
            return None, None, None
        said: tuple[str, tuple[tuple[str, Any], ...]] = (
            "scale_split.note",
            (
                ("score", column),
                ("column", split.column),
                ("value", split.value),
                ("answers", f"{split.answers:,}"),
                ("zeros", f"{split.others_zero:,}"),
            ),
        )
        return split.note(column), split, said
    if states_zero_to_ten(column, index.questions.get(column)):
        return None, None, None  # the question offers 0: nobody chose it
    if not no_zero_is_evidence(int((valid == 1).sum()), int((valid == 2).sum())):
        return None, None, None  # too few 1s and 2s for a 0 to be expected (QA28 #9a)
    high = int(valid.max())
    looks = "1–5" if high <= 5 else "1–7" if high <= 7 else "1–10" if high <= 10 else None
    if looks is None:
        return None, None, None
    others = _nps_like(frame, column, missing_values)
    shown = ", ".join(index.describe(c) for c in others) or "none"
    said = (
        "load.other_scale",
        (
            ("column", column),
            ("looks", looks),
            ("n", f"{len(valid):,}"),
            ("high", high),
            ("others", tuple(others)),
        ),
    )
    return (
        f"column {column!r} looks like a {looks} scale, not 0–10 (no 0 in {len(valid):,} "
        f"answers, highest {high}); columns that look like 0–10: {shown}.",
        None,
        said,
    )


def _duplicates(
    frame: pd.DataFrame,
    id_column: str | None,
    *,
    when: pd.Series | None = None,
    keep: DedupeKeep = "earliest",
    facts: ColumnFacts | None = None,
) -> tuple[int, int, np.ndarray]:
    """Count exact duplicate rows and other repeated ids; return the row each one repeats.

    The returned array holds, per row, the position of the row it repeats, and its own
    position when it repeats none: those others are the duplicates. An exact duplicate repeats
    the first identical row in the file (the same time too); the responses of one id repeat
    the earliest of them in ``when`` (their submission times, NaT for unread), the first in the
    file among equal times or without times; with ``keep="latest"`` the latest dated one, the
    last in the file among equal times or without times (an unread time is never the latest
    of dated ones).
    """
    own = np.arange(len(frame))
    if frame.empty:
        return 0, 0, own
    origin = _duplicated_rows(frame, facts)
    exact = origin != own
    repeated = np.zeros(len(frame), dtype=bool)
    if id_column is not None:
        ids = frame[id_column]
        shared = (ids.duplicated(keep=False) & ids.notna()).to_numpy()
        order = pd.DataFrame({"id": ids.to_numpy()[shared], "row": own[shared]})
        latest = keep == "latest"
        if when is not None:
            order["when"] = pd.to_datetime(when.to_numpy()[shared])
            order = order.sort_values(
                ["when", "row"], na_position="first" if latest else "last", kind="stable"
            )
        kept = order.groupby("id", sort=False)["row"].transform("last" if latest else "first")
        if latest:
            # The kept copy of a row repeated exactly is its first copy, which the others
            # repeat: never a row that itself repeats another (no chain back and forth).
            kept = pd.Series(origin[kept.to_numpy(dtype="int64")], index=kept.index)
        first = own.copy()
        first[order["row"].to_numpy()] = kept.to_numpy(dtype="int64")
        repeated = (first != own) & ~exact
        origin = np.where(repeated, first, origin)
    return int(exact.sum()), int(repeated.sum()), _first(origin)


def _dates_of(
    dates: pd.Series,
    rows: np.ndarray,
    *,
    date_format: str | None,
    timezone: str | None,
    source: str | None,
) -> pd.Series:
    """Read the dates of ``rows`` (a mask) as the loader reads the column; NaT elsewhere.

    NaT for all when they cannot be read (the loader says why when it reads the whole column).
    """
    out = pd.Series(pd.NaT, index=dates.index, dtype="datetime64[ns]")
    if not rows.any():
        return out
    try:
        parsed = parse_date_values(
            dates[rows], date_format=date_format, timezone=timezone, source=source
        )
    except ValueError:
        return out
    out[rows] = pd.to_datetime(parsed.dates).to_numpy()
    return out


def resubmitted_rows(
    frame: pd.DataFrame,
    date_column: str,
    *,
    exact: np.ndarray | None = None,
    date_format: str | None = None,
    timezone: str | None = None,
    facts: ColumnFacts | None = None,
) -> np.ndarray:
    """Return, per row of an export, the response it sends again, or its own position.

    A double submission has the same answers as a response sent at most a minute before it,
    the columns a tool writes anew for each submission aside (its id, link, update time:
    :func:`nps_kit._resubmit.per_submission`); ``exact`` marks the rows counted as exact
    duplicates instead (by default those that repeat an earlier row in every column).
    ``facts`` is the load's memo of its columns (:mod:`nps_kit._column_facts`).
    """
    return judged_resubmitted_rows(
        frame, date_column, exact=exact, date_format=date_format, timezone=timezone, facts=facts
    )[0]


def judged_resubmitted_rows(
    frame: pd.DataFrame,
    date_column: str,
    *,
    exact: np.ndarray | None = None,
    date_format: str | None = None,
    timezone: str | None = None,
    facts: ColumnFacts | None = None,
) -> tuple[np.ndarray, ChancePairs | None]:
    """Return :func:`resubmitted_rows`'s rows and the pairs chance explains, if any.

    :func:`nps_kit._resubmit.judged_resubmissions` over the export's answers: ``init`` says
    how many pairs alike within a minute were found against how many chance gives when it
    proposes no dedupe for them (FIX88).
    """
    own = np.arange(len(frame))
    if frame.shape[1] < 2 or len(frame) < 2:
        return own, None
    if exact is None:
        exact = _duplicated_rows(frame, facts) != own
    # A new id, link and update time for each submission are no answers (QA29 F4).
    fresh = per_submission(frame, skip=(date_column,), facts=facts)
    if frame.shape[1] - len(fresh) < 2:
        return own, None  # nothing but the date and per-submission stamps: no answers
    same = _duplicated_rows(frame.drop(columns=[date_column, *fresh]), facts)
    return judged_resubmissions(
        same,
        frame[date_column],
        exact=exact,
        date_format=date_format,
        timezone=timezone,
        facts=facts,
    )


def _first(origin: np.ndarray) -> np.ndarray:
    """Follow each row's repeat to the first row of its chain.

    A row can repeat one that itself repeats an earlier one; every link points to an earlier
    row (in the file, or in time for a resubmission), so this ends.
    """
    while not np.array_equal(origin[origin], origin):
        origin = origin[origin]
    return origin


def _duplicated_rows(frame: pd.DataFrame, facts: ColumnFacts | None = None) -> np.ndarray:
    """Return, per row, the earliest row whose cells read the same (``astype("string")``).

    A row that repeats no earlier one gets its own position.

    Converting every cell to text is the slow part on a large export, so each column is
    compared in a form whose equality is the same as its text's (:func:`_text_key`), by the
    code of each distinct cell (one hash-table pass; hashing each cell, as hash_pandas_object
    does, is 10x slower on an Arrow text column). Columns are taken one at a time: a row's
    group so far and its code in the next column make its next group, numbered again from 0
    (exact: no hash that two rows could share by chance, LOAD41), and only the rows that still
    share a group with another row go on to the next column (an id column usually leaves
    none). A text column's codes come from ``facts`` when the load has made them.
    """
    left = np.arange(len(frame))
    group = np.zeros(len(frame), dtype=np.int64)
    for i in range(frame.shape[1]):
        whole = len(left) == len(frame)
        values = frame.iloc[:, i] if whole else frame.iloc[left, i]
        if whole and facts is not None and isinstance(values.array, pd.arrays.ArrowStringArray):
            distinct = facts.distinct(values)
            width = len(distinct.uniques) + 1
            codes = np.where(distinct.codes < 0, width - 1, distinct.codes).astype(np.int64)
        else:
            found, uniques = pd.factorize(_text_key(values), use_na_sentinel=False)
            codes, width = found.astype(np.int64), len(uniques)
        # Below len(frame) ** 2: no overflow for any export a machine reads. The first
        # column's codes are its groups already.
        group = codes if i == 0 else pd.factorize(group * np.int64(width) + codes)[0]
        shared = np.bincount(group)[group] > 1
        left, group = left[shared], group[shared]
        if not len(left):
            break
    origin = np.arange(len(frame))
    if len(left):
        # Each group's first row, the least of its rows. Not a fancy assignment written from the
        # last row up: numpy does not promise which of an index's repeated writes is kept
        # (REVIEW42); ufunc.at does each one, and takes no longer.
        first = np.full(int(group.max()) + 1, len(frame), dtype=np.int64)
        np.minimum.at(first, group, left)
        origin[left] = first[group]
    return origin


def _text_key(values: pd.Series) -> pd.Series:
    """``values`` in a form whose equality is that of ``values.astype("string")``, made cheaply.

    Text stays as it is and whole numbers too; a float becomes its bits (``-0.0`` is not
    ``0.0`` as text; every NaN is one missing cell); a column of mixed or other types
    becomes text.
    """
    dtype = values.dtype
    if isinstance(dtype, pd.StringDtype) or dtype.kind in "iub":
        return values.reset_index(drop=True)
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        numbers = values.to_numpy(dtype="float64")
        bits = numbers.view(np.int64).copy()
        bits[np.isnan(numbers)] = np.array([np.nan]).view(np.int64)[0]
        return pd.Series(bits)
    return values.astype("string").reset_index(drop=True)


# Characters that double-decoded UTF-8 leaves behind (Ã©, Â¡, â€™, ï»¿, Ñ€ …): a cheap
# vectorised filter before ftfy looks at the few cells that have them.
_MOJIBAKE_HINT: Final = r"[ÂÃâÐÑï][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡-¿]"


# The UTF-8 bytes of _MOJIBAKE_HINT's first characters (C3 82 for Â …). C3 is never inside
# another UTF-8 character, so a column whose bytes lack these pairs needs no regex per cell.
_MOJIBAKE_LEADS: Final = re.compile(rb"\xc3[\x82\x83\xa2\x90\x91\xaf]")  # Â Ã â Ð Ñ ï


def _may_be_mojibake(values: pd.Series) -> bool:
    """Whether a text column can hold mojibake: its Arrow bytes have one of the lead characters.

    One scan of the column's bytes instead of a regex per cell; columns not stored by Arrow
    are always searched.
    """
    if not (isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow"):
        return True
    import pyarrow as pa

    stored = values.array.__arrow_array__()  # the Arrow data itself, not a copy
    for chunk in stored.chunks if isinstance(stored, pa.ChunkedArray) else [stored]:
        data = chunk.buffers()[2]
        if data is None:
            continue
        # Most columns (Japanese or ASCII text) have no C3 byte at all: a vectorised look
        # for one (16 MiB at a time, not a mask as large as the column) spares them the regex.
        octets = np.frombuffer(data, dtype=np.uint8)
        step = 1 << 24
        if not any((octets[i : i + step] == 0xC3).any() for i in range(0, len(octets), step)):
            continue
        if _MOJIBAKE_LEADS.search(memoryview(data)):
            return True
    return False


def _mojibake(frame: pd.DataFrame, *, fix: bool) -> tuple[int, pd.DataFrame]:
    """Count text cells garbled by a double decoding; repair them when ``fix``."""
    total = 0
    for column in frame.columns:
        values = frame[column]
        if not (values.dtype == object or pd.api.types.is_string_dtype(values.dtype)):
            continue
        if not _may_be_mojibake(values):
            continue
        text = values.astype("string")
        suspect = text.str.contains(_MOJIBAKE_HINT, regex=True, na=False).to_numpy(dtype=bool)
        if not suspect.any():
            continue
        import ftfy  # slow to import: only for a column that may need it
        from ftfy.badness import is_bad

        distinct = pd.unique(text[suspect])
        bad = {t for t in distinct if is_bad(str(t))}
        hits = suspect & text.isin(bad).fillna(False).to_numpy(dtype=bool)
        total += int(hits.sum())
        if fix and hits.any():
            fixed = {t: ftfy.fix_encoding(str(t)) for t in bad}
            frame[column] = values.astype(object)
            frame.loc[hits, column] = text[hits].map(fixed).astype(object)
    return total, frame


def order_contradicted(dates: DateParse, column: str, path: Path | None) -> DataError:
    """Build the error for a ``date_format`` order that the column's dates contradict.

    Parameters
    ----------
    dates
        A parse whose ``contradicted`` is set (:func:`nps_kit._values.parse_date_values`).
    column
        The date column.
    path
        The export, named first in the message; ``None`` leaves it out.

    Returns
    -------
    DataError
        Naming the column, two cells, the order they read in and the option to use.
    """
    assert dates.contradicted is not None
    asked = DAY_FIRST if dates.contradicted == MONTH_FIRST else MONTH_FIRST
    place = "first" if dates.contradicted == DAY_FIRST else "second"
    values: dict[str, object] = {
        "column": column,
        "read": dates.contradicted,
        "asked": asked,
        "against": f"{dates.against:,}",
        "decided": f"{dates.decided:,}",
        "place": Saying(f"load.dates_place_{place}"),
        "examples": Saying(
            f"load.dates_examples_{len(dates.contradicting)}",
            dict(zip("ab", dates.contradicting, strict=False)),
        ),
    }
    if path is not None:
        values["path"] = path
    return DataError(
        said=Saying(
            "load.dates_contradicted" if path is not None else "load.dates_contradicted_here",
            values,
            "load.dates_contradicted_hint",
            {"read": dates.contradicted},
        ),
        path=path,
    )


def _check_dates(raw: pd.Series, dates: Any, column: str, path: Path) -> None:
    """Refuse a date column that reads both ways or of which no cell could be read."""
    if dates.contradicted is not None:
        raise order_contradicted(dates, column, path)
    present = raw[raw.notna() & (raw.astype("string").str.strip() != "")]
    if not dates.ambiguous and (not len(present) or dates.dates.notna().any()):
        return  # the usual case: no examples to quote, so none are looked for
    samples = Listed([str(v) for v in pd.unique(present)[:3]])
    if dates.ambiguous:
        raise DataError(
            said=Saying(
                "load.dates_ambiguous",
                {"path": path, "column": column, "samples": samples},
                "load.dates_ambiguous_hint",
            ),
            path=path,
        )
    if len(present) and dates.dates.notna().sum() == 0:
        raise DataError(
            said=Saying(
                "load.dates_unread",
                {
                    "path": path,
                    "column": column,
                    "samples": samples,
                    "forms": Saying("load.date_forms", dict(DATE_EXAMPLES)),
                },
                "load.dates_unread_hint",
            ),
            path=path,
        )
