"""What the loader found and did.

:class:`LoadReport` (every count, column and note of one load), :class:`LoadResult` (the frame
and its report), and :func:`unfinished_refusal`, what a report says ``unfinished: exclude``
cannot honour.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from nps_kit._totals import is_subtotal_label
from nps_kit.clock import order_evidence_words
from nps_kit.errors import DataError
from nps_kit.i18n import Language, join_names, t
from nps_kit.load._dates import UnreadableDates
from nps_kit.load._summary import _summary_lines


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
