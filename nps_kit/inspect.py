"""Describe a survey export before any configuration: what the file is and what each column holds.

:func:`inspect_export` reads the file the way :func:`nps_kit.load.load_responses` does and sorts
every column into a *kind* (NPS score, other scale, rating, date, categorical, multi-select, free
text, id, consent, metadata), with its distinct values, blanks and a sample. It names the likely
NPS question — a 0–10 column whose header or question text speaks of recommending — and, for
Qualtrics, checks it against Qualtrics' own ``*_NPS_GROUP`` column. ``nps-kit inspect`` prints it
and ``nps-kit init --from`` builds a project from it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final, Literal, get_args

import numpy as np
import pandas as pd

from nps_kit._answer_codes import numeric_codes_sentence, score_codes_sentence
from nps_kit._answer_language import AnswerLanguage, answer_language
from nps_kit._code_table import FoundCodes, found_code_tables
from nps_kit._consent import (
    CONSENT_CHOICES,
    NO,
    YES,
    asks_about_contact,
    consent_answer,
    reads_as_consent,
)
from nps_kit._grouped_report import ungrouped_sentence
from nps_kit._id_repeats import same_response_repeats
from nps_kit._long_form import long_form_sentence
from nps_kit._phone import looks_like_phone
from nps_kit._rating_scale import OUT_OF_FIVE, answered_scale, block_scales, stated_maximum
from nps_kit._response_meta import (
    ANONYMOUS,
    language_codes,
    numeric_values,
    response_time,
    technical,
)
from nps_kit._resubmit import ChancePairs
from nps_kit._test_rows import TestRows, month_rows, test_rows
from nps_kit._value_key import cell_text, counted_spellings
from nps_kit._values import (
    MISSING_WORDS,
    NO_ANSWER_WORDS,
    WORDED_SCORE,
    DateParse,
    column_numbers,
    missing_words,
    no_zero_is_evidence,
    parse_date_values,
    parse_scores,
    scale_split,
    states_zero_to_ten,
)
from nps_kit._width import display_width
from nps_kit.clock import order_evidence_words
from nps_kit.errors import DataError
from nps_kit.i18n import Language, join_names, t
from nps_kit.load import (
    ColumnIndex,
    LoadReport,
    export_column,
    load_responses,
    order_contradicted,
    read_column_index,
)
from nps_kit.ordinal import labelled_scale, not_applicable
from nps_kit.score import SEGMENTS

__all__ = [
    "KINDS",
    "AnswerLanguage",
    "ColumnInfo",
    "Inspection",
    "answer_language",
    "coded_scores",
    "inspect_export",
    "is_response_id",
    "no_score_error",
    "other_sheets",
    "reach_kind",
    "speaks_of_recommending",
]

Kind = Literal[
    "nps",
    "scale",
    "rating",
    "number",
    "date",
    "categorical",
    "multi",
    "text",
    "id",
    "email",
    "name",
    "phone",
    "consent",
    "nps_group",
    "metadata",
    "empty",
]
#: Every kind, in the order a project uses them.
KINDS: Final[tuple[Kind, ...]] = get_args(Kind)
#: Kinds that hold a number or a date, where "NA" or "None" is no answer (elsewhere an answer).
_TYPED_KINDS: Final = frozenset({"nps", "scale", "rating", "number", "date"})

_RECOMMEND: Final = re.compile(
    r"recommend|おすすめ|お勧め|お薦め|推奨|勧め|薦め|にすすめ|すすめたい"
    # 「ご家族やご友人に紹介したいと思いますか」 (QA32), not 紹介状 (a referral letter).
    r"|紹介(?:したい|する|して|しよう|できる|したく)"
    r"|recomend|recomiend|empfehl|recommand|raccomand",
    re.IGNORECASE,
)
_ID_NAME: Final = re.compile(
    r"(^|[\s_-])(id|uuid|code)$|^id(?![a-z])|response ?id|respondent ?id|回答id|番号$|コード$",
    re.I,
)
# A sheet's own running number (QA26 #7: a hospital's No. 1-905): with unique whole numbers it
# is the id a person looks a row up by, never a number to summarise or a 0-10 score. Also as
# the last word of a longer header (QA29 F5: Response No., Record #, Response number, 回答番号).
_SEQUENCE_NAME: Final = re.compile(
    r"^(?:no\.?|nr\.?|#|番号|通し番号|連番)$|(?:^|[\s_-])(?:no\.|nr\.|number)$|\S\s*#$|番号$|連番$"
    # QA32: Japanese tools write No after the word, without a space or dot (回答No, 受付NO).
    r"|(?<=[\u3040-\u30ff\u3400-\u9fff])(?:no|nr)\.?$",
    re.I,
)
# An id-named column with more values than this names who answered (account_id: 550 accounts
# over 1,500 responses), not what they answered: never a breakdown, whose chart would show
# "Other" under a list of hidden account names. Fewer values (Store ID 10–14) stay groups.
_ID_MANY: Final = 30
# The detail of such an id: it repeats by design, so it is never the response id either
# (dedupe by it would drop every later response of an account).
_NOT_PER_RESPONSE: Final = "not one per response"
_DATE_NAME: Final = re.compile(
    r"date|time|stamp|created|submitted|updated|日時|日付|回答日|タイムスタンプ", re.I
)
# Who answered, not what they answered: never a comment, a follow-up or a breakdown.
_EMAIL_NAME: Final = re.compile(r"e-?mail|メール|mail ?address", re.I)
_PHONE_NAME: Final = re.compile(r"phone|\btel\b|電話|携帯番号", re.I)
# A header that asks what to improve (「改善してほしい点」, "What should we do better?"): its
# answers are requests however few their kinds (特になし, なし), never groups to break the NPS
# down by (QA23). Narrower than init's ``asks: improvement`` words: 「ご希望の連絡方法」 and
# "Which plan would you change to?" are choices.
_ASKS_IMPROVEMENT: Final = re.compile(
    r"improv|(?:do|be) better|what (?:one thing )?(?:could|can|should|would) (?:we|you) "
    r"(?:do|change|add)|改善|してほしい|して欲しい|足りない|物足りない",
    re.I,
)
# A header that asks for a comment in the respondent's words ("Comment", "Any other comments",
# "Why?", ご意見, 感想): its answers are free text however few and short they are, never groups
# (FIX64: a 6-row export's comment of 3 answers became a breakdown). The noun ends the header:
# "Feedback channel" and "Comment type" are choices.
_ASKS_COMMENT: Final = re.compile(
    r"\b(?:comments?|remarks?|feedback|notes?)$|\bwhy\b|tell us|explain|anything else"
    r"|in your own words|コメント|ご意見|意見|感想|自由記述|備考|ご要望",
    re.I,
)
_PERSON_NAME: Final = re.compile(
    r"^(?:(?:your|full|first|last|given|family|middle|customer|respondent|guest|patient|"
    r"contact|recipient)[ _-]?)?name$|^(?:first|last|given|family|sur)[ _-]?name\b|^surname$"
    r"|^recipient[ _-]?(?:first|last)[ _-]?name$"
    r"|氏名|お名前|ご芳名|フリガナ|ふりがな|^(?:名前|姓|名|せい|めい|セイ|メイ)$",
    re.I,
)
# A response token or hash (Typeform's "#", 7d3f0c…): one word of 16+ hex digits, or of 12+
# letters and digits mixed.
_TOKEN: Final = re.compile(r"[0-9a-f]{16,}|(?=\S*\d)(?=\S*[a-z])[a-z0-9_-]{12,}", re.I)
# A customer, patient or policy code (PT-10234, C0012345, POL/2026/0042): one short word of
# ASCII letters, digits and joiners with a digit in it. Nearly one per response, such codes
# say who answered (SurveyMonkey's Custom Data, hidden fields), even when a person answered twice.
_CODE: Final = re.compile(r"(?=\S*\d)[A-Za-z0-9][A-Za-z0-9_./#-]{3,23}")
_KANJI: Final = "\u3400-\u4dbf\u4e00-\u9fff々〆ヶ"
# A person's name as forms collect it: family and given name with a space between.
_NAME_VALUE: Final = re.compile(
    rf"[{_KANJI}]{{1,4}} [{_KANJI}ぁ-んァ-ヶ]{{1,4}}|[A-Z][a-z'’-]+ [A-Z][a-z'’-]+"
)
_ONE_ZERO: Final = frozenset({"0", "1"})
# Qualtrics' own columns: facts about the response, not answers to break the NPS down by.
_QUALTRICS_META: Final = frozenset(
    {
        "StartDate",
        "EndDate",
        "Status",
        "IPAddress",
        "Progress",
        "Duration (in seconds)",
        "Finished",
        "RecordedDate",
        "ResponseId",
        # ExternalReference (an account reference) too: no means of contact (QA28 #4).
        # RecipientEmail, RecipientFirstName and RecipientLastName are the customer of an
        # e-mail distribution: read as a person's e-mail and name, so init offers them as
        # contact details (QA23).
        "ExternalReference",
        "LocationLatitude",
        "LocationLongitude",
        "DistributionChannel",
    }
)
# Survey tools' own columns that may read as numbers or addresses but reach nobody: a
# longitude (139.6917) dials like a phone number (QA28 #4). Never a contact column.
_TOOL_META: Final = _QUALTRICS_META | frozenset({"IP Address", "Respondent ID", "Collector ID"})
# Qualtrics' UserLanguage is not among them: the language a respondent answered in is a
# breakdown (see _response_meta.language_codes).
_SEPARATORS: Final = (";", ", ", ",", "|", "、", "/")
# A slash is also written inside one option ("Web/App", 「店頭/電話」) and in dates, rates and
# times (11/3, 2/week, 9:00/10:30): it separates options only when they recombine (more
# different answers hold it than there are pieces) and its pieces are words, not numbers.
_INSIDE_OPTIONS: Final = frozenset({"/"})
_SAMPLE: Final = 3
# Preferred response dates, best first: when the response was recorded or submitted (a
# response belongs to the month it was sent in, not the one it was opened in).
_DATE_FIRST: Final = (
    "RecordedDate",
    "EndDate",
    "Submitted At",
    "Completion time",
    "完了時刻",
    "Timestamp",
    "タイムスタンプ",
    "StartDate",
)
_DATE_DONE: Final = re.compile(
    r"submit|complet|finish|\bend|recorded|完了|終了|送信|提出|回答日", re.I
)
_DATE_START: Final = re.compile(r"start|begin|開始", re.I)
_MIN_ZERO_EVIDENCE: Final = 50
# The detail of a recommend question whose answers all stop at 7 or lower.
_LOW_ONLY: Final = "answers only"
# A header that states a shorter scale from 0: "(0-5)", （0〜5）, "0 to 7".
_STATES_SHORT: Final = re.compile(r"(?<![\d.])0\s*(?:[-–—〜~～]|to|から)\s*[1-9](?![\d.])", re.I)


@dataclass(frozen=True)
class ColumnInfo:
    """What one column of an export holds.

    Attributes
    ----------
    column
        Its name in the loaded frame (Qualtrics: the column id such as ``Q1``).
    qid
        Qualtrics ImportId (``QID74``), else ``None``.
    question
        Qualtrics question text, else ``None``.
    kind
        One of :data:`KINDS`.
    detail
        Kind-specific facts: the scale (``0–10``, ``1–5``), the date order, the separator.
    distinct, blanks
        Number of distinct non-blank values and of blank cells.
    sample
        Up to three distinct values, most common first.
    scale
        ``(low, high)`` of a rating or scale column, else ``None``.
    separator
        Separator of a multi-select column, else ``None``.
    codes
        A labelled rating's points and answers, most negative first (``((1, "Very
        dissatisfied"), …)``, :func:`nps_kit.ordinal.labelled_scale`), else empty.
    note
        What a reader of the choice should know, also among the inspection's ``notes``: why
        an id whose values repeat is still the id, which scale a rating out of 5 and its
        block were given (:class:`nps_kit._rating_scale.BlockScale`). ``None`` mostly.
    contradicted
        A date column whose dates read only in this order (``"day-first"`` or
        ``"month-first"``), not in the ``date_format`` given: its range is not read, and a
        note says what to pass. Else ``None``.
    repeats_by_design
        An id that names who answered (``account_id``: one per account, many responses
        each), whose values repeat by design: never the response id (:func:`is_response_id`).
    repeats_differ
        How many values of an id repeat in rows that differ (a customer number of a returning
        customer): such an id is not one per response. Repeats in rows that repeat an earlier
        row exactly (a double export) are not counted.
    variants
        A categorical column's other spellings of each ``sample`` value, merged with it as
        units and breakdowns merge them (``(('ホテル A',), (), ())``); empty when it has none.
        Its ``distinct`` counts the merged values (QA31 O2).
    """

    column: str
    qid: str | None
    question: str | None
    kind: Kind
    detail: str
    distinct: int
    blanks: int
    sample: tuple[str, ...]
    scale: tuple[int, int] | None = None
    separator: str | None = None
    codes: tuple[tuple[int, str], ...] = ()
    note: str | None = None
    contradicted: str | None = None
    repeats_by_design: bool = False
    repeats_differ: int = 0
    variants: tuple[tuple[str, ...], ...] = ()

    @property
    def label(self) -> str:
        """The question text when there is one, else the column name."""
        return self.question or self.column


@dataclass(frozen=True, eq=False)
class Inspection:
    """Everything :func:`inspect_export` found.

    Attributes
    ----------
    load
        The loader's report on the file (format, encoding, header rows, responses).
    columns
        One :class:`ColumnInfo` per column, in file order.
    nps_column
        The likely NPS question, or ``None`` when no column looks like 0–10.
    notes
        Findings a person should read: the NPS cross-check, a score that looks 1–10, dates that
        read both ways, garbled text, duplicates.
    date_column
        The response date: when it was submitted (Typeform ``Submitted At``, Microsoft Forms
        完了時刻, a Google Forms ``Timestamp``, any header of submission or completion) before
        any other date and the start; for Qualtrics when it was given (``StartDate``: an
        unfinished response is recorded when Qualtrics closes it, up to a week later), then
        ``RecordedDate``/``EndDate``; else ``None``.
    date_min, date_max
        Its range.
    language
        ``"ja"`` when half or more of the free-text answers are Japanese, else ``"en"``
        (:func:`answer_language`).
    index
        The columns with their Qualtrics ids and question texts.
    data
        The answers as :func:`nps_kit.load.load_responses` reads them (header and title rows,
        blank XLSX rows and Qualtrics previews dropped; no score column is known yet, so no row
        is dropped for its score), one column per ``columns``: what ``nps-kit init --from``
        decides on, the export read once.
    date_notes
        Why date-like columns hold values that are not dates, one line per column
        (``回答日: 165 of 500 values are not dates, such as '令和8年10月3日'; …``); also in
        ``notes``.
    spoken
        How many answers the language was decided on and which share is Japanese.
    date_order_evidence
        When the dates of ``date_column`` read both ways and evidence decided their order
        (:attr:`nps_kit._values.DateParse.order_evidence`): the evidence, also in ``notes``.
    test_rows
        Rows whose name or comment says they are a test (:func:`nps_kit._test_rows.test_rows`),
        also in ``notes``; ``init --from`` proposes the ``data.exclude`` that leaves them out.
    month_rows
        One or two rows of a month far before or after every other month with responses
        (:func:`nps_kit._test_rows.month_rows`: a staff test before launch), also in ``notes``;
        ``init --from`` proposes their ``data.exclude`` commented out (the month alone is
        weaker evidence than a cell saying テスト).
    resubmission_chance
        Pairs of responses alike within a minute that chance explains
        (:class:`nps_kit._resubmit.ChancePairs`: found against expected), so no double
        submissions; ``init --from`` says so beside ``dedupe: false`` (FIX88).
    code_tables
        The workbook's code table (「コード表」, "Codebook") and the columns it labels
        (:func:`nps_kit._code_table.found_code_tables`): ``data`` holds their labels, and
        ``init --from`` writes them as ``value_labels:``; its note is in ``notes``.
    """

    load: LoadReport
    columns: tuple[ColumnInfo, ...]
    nps_column: str | None
    notes: tuple[str, ...]
    date_column: str | None
    date_min: pd.Timestamp | None
    date_max: pd.Timestamp | None
    language: Literal["ja", "en"]
    index: ColumnIndex
    data: pd.DataFrame = field(repr=False)
    date_notes: tuple[str, ...] = ()
    spoken: AnswerLanguage | None = None
    date_order_evidence: str | None = None
    test_rows: TestRows | None = None
    month_rows: TestRows | None = None
    resubmission_chance: ChancePairs | None = None
    code_tables: FoundCodes | None = None

    def of_kind(self, *kinds: str) -> list[ColumnInfo]:
        """Columns of any of ``kinds``, in file order."""
        return [c for c in self.columns if c.kind in kinds]

    def column(self, name: str) -> ColumnInfo:
        """Return the :class:`ColumnInfo` of ``name`` (header, QID or question text)."""
        wanted = self.index.resolve(name, option="column")
        return next(c for c in self.columns if c.column == wanted)

    @property
    def responses(self) -> int:
        """The responses of the export: rows read but previews, empty and totals rows."""
        report = self.load
        left_out = report.preview_rows_dropped + report.blank_rows_dropped
        return report.rows_read - left_out - len(report.totals_rows)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form: file facts, the NPS column, notes and one object per column."""
        report = self.load
        return {
            "path": str(report.path),
            "format": report.format,
            "source": report.source,
            "encoding": report.encoding,
            "delimiter": report.delimiter,
            "sheet": report.sheet,
            # A Parquet file has typed columns, no header rows.
            "header_rows": None if report.format == "parquet" else report.header_rows_skipped + 1,
            "responses": self.responses,
            "date_column": self.date_column,
            "date_min": None if self.date_min is None else self.date_min.isoformat(),
            "date_max": None if self.date_max is None else self.date_max.isoformat(),
            "language": self.language,
            "japanese_share": None if self.spoken is None else round(self.spoken.japanese, 4),
            "language_answers": None if self.spoken is None else self.spoken.answers,
            "nps_column": self.nps_column,
            "notes": list(self.notes),
            # The code table's labels of coded columns (value_labels), as read; null without.
            "value_labels": None if self.code_tables is None else self.code_tables.value_labels,
            "columns": [
                {
                    "column": c.column,
                    "qid": c.qid,
                    "question": c.question,
                    "kind": c.kind,
                    "detail": c.detail,
                    "distinct": c.distinct,
                    "blanks": c.blanks,
                    "sample": list(c.sample),
                    # Per sample value, the spellings merged into it, as the table's
                    # "(also 'ホテル A')" (FIX74).
                    "also": [
                        list(c.variants[i]) if c.variants else [] for i in range(len(c.sample))
                    ],
                    "scale": None if c.scale is None else list(c.scale),
                    "separator": c.separator,
                    "codes": {str(point): answer for point, answer in c.codes} or None,
                }
                for c in self.columns
            ],
        }

    def listing(self, lang: Language = "en") -> str:
        """Every column with what it holds: ``'Q1' (rating: 1–5), 'price' (number: 3–250)``.

        In ``lang``: 「Q1」（評価：1–5）、「price」（数値：3–250） (MSG43).
        """
        if lang == "en":
            return ", ".join(f"{c.column!r} ({c.kind}: {c.detail})" for c in self.columns)
        return "、".join(
            f"「{c.column}」（{kind_words(c.kind, lang)}：{detail_words(c.detail, lang)}）"
            for c in self.columns
        )


def other_sheets(found: Inspection, lang: Language = "en") -> str | None:
    """Name a workbook's sheets and which of the others holds a 0–10 score column.

    A company's survey workbook often opens with a cover sheet (表紙: title, period, notes)
    and has the answers on the next one: read as the data, the cover has no score.

    Parameters
    ----------
    found
        An inspection of one sheet (whose ``nps_column`` is usually ``None``).
    lang
        The language of the sentence (MSG42: ``inspect`` in a Japanese project).

    Returns
    -------
    str or None
        ``sheets: '表紙' (read), '回答データ' (a 0–10 score column: '推奨度'). Pass --sheet
        '回答データ'.``; ``None`` for a file that is not a workbook of several sheets.
    """
    import openpyxl

    report = found.load
    if report.format != "xlsx":
        return None
    workbook = openpyxl.load_workbook(report.path, read_only=True)
    try:
        names = list(workbook.sheetnames)
    finally:
        workbook.close()
    if len(names) < 2:
        return None
    described = []
    scored = []
    for name in names:
        if name == report.sheet:
            described.append(t("inspect.sheet_read", lang, name=name))
            continue
        try:
            other = inspect_export(report.path, sheet=name)
        except DataError:
            described.append(t("inspect.sheet_not_table", lang, name=name))
            continue
        if other.nps_column is None:
            described.append(t("inspect.sheet_no_score", lang, name=name))
        else:
            described.append(t("inspect.sheet_score", lang, name=name, column=other.nps_column))
            scored.append(name)
    advice = (
        t("inspect.sheets_pass", lang, name=scored[0]) if scored else t("inspect.sheets_none", lang)
    )
    return t("inspect.sheets", lang, described=join_names(described, lang), advice=advice)


def _coded_scores(
    infos: Sequence[ColumnInfo], frame: pd.DataFrame, lang: Language = "en"
) -> list[str]:
    """Say what each column of 11 answer codes is (LimeSurvey A1 … A11; an agency's 1 … 11)."""
    said = [
        score_codes_sentence(c.column, frame[c.column], lang)
        for c in infos
        if c.kind == "categorical" and c.column in frame
    ]
    said += [
        numeric_codes_sentence(c.column, frame[c.column], lang=lang)
        for c in infos
        if c.kind in ("number", "rating") and c.column in frame
    ]
    # A long table's 0-10 answers are rows of an answer column, not a column (QA36).
    if not any(c.kind == "nps" for c in infos):
        said.append(long_form_sentence(frame, lang))
    return [s for s in said if s is not None]


def coded_scores(found: Inspection, lang: Language = "en") -> str:
    """Return the sentences of :func:`nps_kit._answer_codes.score_codes_sentence`."""
    space = "" if lang == "ja" else " "  # a Japanese sentence follows 。 without one
    return "".join(space + s for s in _coded_scores(found.columns, found.data, lang))


def no_score_error(found: Inspection, lang: Language = "en") -> DataError:
    """Say that an export has no 0–10 column: what each column holds, what a score looks like.

    Parameters
    ----------
    found
        An inspection whose ``nps_column`` is ``None``.
    lang
        The language it is said in (``nps-kit inspect --language``; MSG41), the answer codes
        and the other sheets too (MSG42); a long table's sentence stays English.

    Returns
    -------
    DataError
        The message (the file, every column with its kind, what was expected) and what to do;
        for a file with no answers at all, that it has no responses yet. A workbook of several
        sheets is named sheet by sheet, with the one that has the score (:func:`other_sheets`).
    """
    path = found.load.path
    sheets = other_sheets(found, lang)
    if sheets is not None:
        return DataError(
            t(
                "inspect.no_score_sheet", lang, sheet=found.load.sheet, file=path.name,
                columns=found.listing(lang), sheets=sheets, codes=coded_scores(found, lang),
            ),
            hint=t("inspect.no_score_sheet_hint", lang),
            path=path,
        )  # fmt: skip
    if all(c.kind == "empty" for c in found.columns):
        # Headers and no answers: a survey exported before anyone responded is not a price list.
        columns = t("run.rows.and", lang).join(
            t("run.rows.value", lang, value=c.column) for c in found.columns
        )
        return DataError(
            t("inspect.no_responses", lang, file=path.name, columns=columns),
            hint=t("inspect.no_responses_hint", lang),
            path=path,
        )
    return DataError(
        t(
            "inspect.no_score", lang, file=path.name, columns=found.listing(lang),
            codes=coded_scores(found, lang),
        ),
        hint=t("inspect.no_score_hint", lang),
        path=path,
    )  # fmt: skip


@dataclass(frozen=True)
class _Answers:
    """A column's non-blank answers as distinct stripped strings and how often each occurs.

    Every share below is weighted by ``counts``, so a 30,000-row column with five distinct
    answers is judged from five strings: the same verdicts as row by row, in a fraction of the
    time.
    """

    values: pd.Series  # distinct, in order of first appearance
    counts: np.ndarray

    @property
    def n(self) -> int:
        return int(self.counts.sum())

    def share(self, mask: pd.Series | np.ndarray) -> float:
        """Return the share of answers (not of distinct values) where ``mask`` holds."""
        n = self.n
        return float(self.counts[np.asarray(mask, dtype=bool)].sum()) / n if n else 0.0


def _answers(values: pd.Series) -> _Answers:
    """Non-blank cells as stripped strings (whole floats without ``.0``), per distinct value."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    raw_counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    norm = pd.Series([cell_text(u) for u in uniques], dtype=object)
    # Two raw values may normalise to one text ("9" and "9.0", "Ａ" and "A").
    grouped = pd.Series(raw_counts).groupby(norm.to_numpy(), sort=False).sum()
    # "N/A", "-", 無回答 are no answer in any column (nps_kit._values.NO_ANSWER_WORDS).
    grouped = grouped[~pd.Index(grouped.index).str.casefold().isin(NO_ANSWER_WORDS)]
    return _Answers(pd.Series(grouped.index, dtype=object), grouped.to_numpy(dtype="int64"))


def _scores(answers: _Answers) -> tuple[float, int, int, int]:
    """Share of answers that read as whole numbers 0–10; their count, lowest and highest.

    Answers that say the question does not apply (「該当なし」, "N/A") are no answers here, as
    the report reads them (:func:`nps_kit.followup.parse_ratings`): a hotel's breakfast rating
    with 30 % 該当なし is a rating, not a categorical question of "4" and "該当なし" (QA44).
    """
    parsed = parse_scores(answers.values)
    ok = (parsed.status.astype(str) == "valid").to_numpy()
    missing = (parsed.status.astype(str) == "missing").to_numpy()
    missing = missing | (answers.values.map(not_applicable).to_numpy(dtype=bool) & ~ok)
    answered = int(answers.counts[~missing].sum())
    valid = int(answers.counts[ok].sum())
    share = valid / answered if answered else 0.0
    if not ok.any():
        return share, 0, 0, 0
    numbers = parsed.score[ok].to_numpy(dtype="int64")
    return share, valid, int(numbers.min()), int(numbers.max())


def _half_points(numbers: pd.Series, asked: str) -> bool:
    """Whether numbers are ratings out of 5 in half points: 0–5 in steps of 0.5, so stated."""
    found = numbers.dropna()
    halves = (found * 2).round(9)
    return (
        OUT_OF_FIVE.search(asked) is not None
        and bool(found.between(0, 5).all())
        and bool((halves == halves.round()).all())
    )


def _rating(
    asked: str, low: float, high: float, *also: str
) -> tuple[Kind, str, tuple[int, int], None]:
    """Classify a numeric rating on its scale (:func:`nps_kit._rating_scale.answered_scale`)."""
    (bottom, top), overruled = answered_scale(asked, low, high)
    detail = ", ".join([f"{bottom}–{top}" + (" as stated" if overruled else ""), *also])
    return "rating", detail, (bottom, top), None


def _one_scale_per_block(
    infos: list[ColumnInfo], notes: list[str], lang: Language = "en"
) -> list[ColumnInfo]:
    """Give ratings whose headers state the top in the same words one scale, and say it.

    (:func:`nps_kit._rating_scale.block_scales`: "Note du service (sur 5)" answered 0,5 made
    its block 0–5, not itself alone beside the food's 1–5.)
    """
    numeric = [
        (c.column, f"{c.column} {c.question or ''}", c.scale)
        for c in infos
        if c.kind == "rating" and c.scale is not None and not c.codes
    ]
    blocks = {c: block for block in block_scales(numeric) for c in block.columns}
    notes += [said.note(lang) for said in dict.fromkeys(blocks.values())]
    out = []
    for info in infos:
        block = blocks.get(info.column)
        if block is not None and block.scale != info.scale:
            low, high = block.scale
            rest = info.detail.split(", ", 1)[1:]
            detail = ", ".join([f"{low}–{high} as its block", *rest])
            info = replace(info, scale=block.scale, detail=detail)
        out.append(info if block is None else replace(info, note=block.note(lang)))
    return out


def _lone_mark_out_of_ten(
    infos: list[ColumnInfo], notes: list[str]
) -> tuple[list[ColumnInfo], str | None]:
    """Take a lone rating "(sur 10)" as the score when no column is 0–10.

    A mark out of 10 beside the NPS question is a rating (REVIEW35); alone in its export it is
    the only score there is, as it was before, and its block's note no longer applies. Without
    a 0 answered it is a 1–10 scale, said so as any score without a 0.
    """
    alone = [
        c
        for c in infos
        if c.kind == "rating" and c.scale is not None and c.scale[1] == 10 and not c.codes
    ]
    if len(alone) != 1:
        return infos, None
    taken = alone[0]
    if taken.note is not None:
        notes.remove(taken.note)
    if taken.scale == (0, 10):
        kind: Kind = "nps"
        detail = "0–10"
    else:
        kind, detail = "scale", "1–10? (no 0 in its answers)"
    out = [
        replace(c, kind=kind, detail=detail, scale=(0, 10) if kind == "nps" else (1, 10), note=None)
        if c is taken
        else c
        for c in infos
    ]
    return out, taken.column


def _separator(answers: _Answers) -> str | None:
    """Return the separator of a multi-select column, or ``None``.

    Options repeat across respondents; the clauses of free text do not. So a separator counts
    when it splits a tenth of the answers or more into short pieces, most of them found in
    more than one distinct answer (an option recombines with others; one answer given often
    is no evidence).
    """
    text = answers.values
    for sep in _SEPARATORS:
        if answers.share(text.str.contains(sep, regex=False)) < 0.1:
            continue
        tokens = text.str.split(sep, regex=False).explode().str.strip()
        weights = pd.Series(answers.counts[tokens.index.to_numpy()], index=tokens.index)
        keep = tokens != ""
        tokens, weights = tokens[keep], weights[keep]
        total = int(weights.sum())
        if not total or float((tokens.str.len() * weights).sum()) / total > 40:
            continue
        counts = weights.groupby(tokens.to_numpy()).sum()
        if sep in _INSIDE_OPTIONS:
            joined = int(text.str.contains(sep, regex=False).sum())
            numbers = float(weights[tokens.str.contains(r"\d")].sum()) / total
            if joined <= len(counts) or numbers > 0.1:
                continue
        # A part is an option when it recurs in other answers (alone or with other parts):
        # the same answer given many times repeats its clauses too (QA28 #3: "Nothing, keep
        # it up" made "Nothing" and "keep it up" options), so repeats count across answers.
        answers_with = pd.Series(tokens.index.to_numpy()).groupby(tokens.to_numpy()).nunique()
        options = answers_with.index[answers_with.to_numpy() >= 2]
        if counts[counts.index.isin(options)].sum() >= 0.5 * total:
            return sep
    return None


_SENTENCE: Final = re.compile(r"[。！？!?]|\.(?:\s|$)")


def _sentences(answers: _Answers) -> bool:
    """Whether the answers are sentences or long: free text, whatever else they look like."""
    text = answers.values
    widths = np.array([display_width(t) for t in text])
    sentence = np.array([bool(_SENTENCE.search(t)) for t in text], dtype=bool)
    mean_width = float((widths * answers.counts).sum()) / answers.n
    return answers.share(sentence) >= 0.3 or mean_width > 30


_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_INNER_MARK: Final = re.compile(r"[,;、，；]")


def _phrase(value: str) -> bool:
    """Whether one answer reads as a phrase someone wrote, not an option picked.

    Six words or more, three or more with a comma inside ("room was small, but clean"), or
    Japanese of 12 characters or more, or with 、: options are shorter ("More than 5 years",
    1年未満).
    """
    if _CJK.search(value):
        width = display_width(value)
        return width >= 24 or (width >= 12 and bool(_INNER_MARK.search(value)))
    words = len(value.split())
    return words >= 6 or (words >= 3 and bool(_INNER_MARK.search(value)))


def _phrases(answers: _Answers) -> bool:
    """Whether the answers are free text by their shape, however few rows (FIX64).

    Most answers are phrases (:func:`_phrase`) and they vary: at least half as many distinct
    answers as answers. A long option picked by many (a big export's "No, I would not") is no
    comment.
    """
    distinct = len(answers.values)
    if distinct < 2 or 2 * distinct < answers.n:
        return False
    return answers.share(np.array([_phrase(v) for v in answers.values], dtype=bool)) >= 0.5


def _header(name: str, question: str | None) -> str:
    """Return the header without a trailing note or colon: お名前（任意）： is お名前."""
    text = unicodedata.normalize("NFKC", question or name).strip()
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text)
    return text.rstrip(" :：?？。.*").strip()


def _whole(values: pd.Series) -> np.ndarray:
    """Return what each value is as a whole by the redaction's rules (``[EMAIL]``, ``[PHONE]``).

    Only short values with an ``@`` or a digit can be an address or a number: comments are not
    redacted here.
    """
    from nps_kit.text.redaction import redact_one

    def one(value: str) -> str:
        if len(value) > 80 or not ("@" in value or any(c.isdigit() for c in value)):
            return value
        return redact_one(value)[0].strip()

    return np.array([one(v) for v in values], dtype=object)


def _person_names(answers: _Answers) -> bool:
    """Whether the answers are people's names: ``佐藤 花子``, ``Jane Smith``.

    Two words in a name's shape are not enough (``North West``, ``New York``): family and given
    names recombine, so most first words and most second words recur with another partner.
    """
    text = answers.values
    head = text.head(50)
    if len(text) < 20 or sum(bool(_NAME_VALUE.fullmatch(v)) for v in head) < 0.8 * len(head):
        return False
    shaped = text[[bool(_NAME_VALUE.fullmatch(v)) for v in text]]
    if len(shaped) < 0.8 * len(text):
        return False
    parts = shaped.str.split(" ", n=1, expand=True)
    first, last = parts[0], parts[1]
    return bool(first.duplicated(keep=False).mean() >= 0.5) and bool(
        last.duplicated(keep=False).mean() >= 0.5
    )


def _number_cells(values: pd.Series) -> bool:
    """Whether a column holds numbers as numbers (not text, not true/false)."""
    return pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(
        values.dtype
    )


def _personal(
    name: str, question: str | None, answers: _Answers, values: pd.Series
) -> tuple[Kind, str] | None:
    """Return ``("email"|"phone"|"name", detail)`` for a column of who answered, else ``None``.

    A column of number cells (a workbook's numbers, a Parquet float) holds no phone numbers: a
    phone is written as text (QA31: Medallia's Excel serial dates, ``46203.995139``, read as
    dotted phone numbers, so the export had no date column and ``init --from`` stopped).
    """
    header = _header(name, question)
    probe = _Answers(answers.values.head(200), answers.counts[:200])
    from nps_kit.text.redaction import placeholder

    whole = _whole(probe.values)
    # Microsoft Forms' "anonymous" beside the addresses it did record (signed-in respondents)
    # names nobody: the addresses are judged among the answers that name someone (REVIEW33: a
    # few addresses among 'anonymous' were groups of a proposed "NPS by Email").
    # So does a dump's NULL (None, NA) where a customer left no address (QA35: 70 % NULL made
    # a warehouse's e-mail column a breakdown).
    folded = probe.values.str.strip().str.casefold()
    anonymous = (folded.isin(ANONYMOUS) | folded.isin(MISSING_WORDS)).to_numpy()
    named = 1.0 - probe.share(anonymous)
    email = probe.share((whole == placeholder("email")) & ~anonymous) / named if named else 0.0
    if email >= 0.5 or (email >= 0.2 and _EMAIL_NAME.search(header)):
        return "email", "e-mail addresses"
    # A UK mobile typed without spaces (07700900123) is no [PHONE] to the comment redaction.
    dialled = np.array([looks_like_phone(v) for v in probe.values], dtype=bool)
    phone = probe.share((whole == placeholder("phone")) | dialled)
    if _number_cells(values):
        phone = 0.0
    if phone >= 0.5 or (phone >= 0.2 and _PHONE_NAME.search(header)):
        return "phone", "phone numbers"
    if _PERSON_NAME.search(header) and not _sentences(probe):
        return "name", "names, not a way to reach"
    if _person_names(answers):
        return "name", "names, not a way to reach"
    return None


def reach_kind(values: pd.Series, *, column: str) -> Literal["email", "phone"] | None:
    """Tell whether a column holds e-mail addresses or phone numbers, as ``inspect`` reads it.

    The one rule for "which columns hold a means of contact": ``init --from`` offers such a
    column as ``columns.contact_details``; alerts and the report's follow-up box name such
    columns when none is configured (QA25 A-4). A survey tool's own columns (Qualtrics'
    ``Location*``, ``ExternalReference``, ``IPAddress``, ``ResponseId``; SurveyMonkey's
    ``IP Address``, ``Respondent ID``) never are (QA28 #4); a recipient's e-mail is.

    Parameters
    ----------
    values
        The column's cells.
    column
        Its header (an "Email"/"電話番号" header lowers the share of addresses needed).

    Returns
    -------
    {"email", "phone"} or None
        What the column holds, ``None`` when it is neither.
    """
    if column in _TOOL_META:
        return None
    answers = _answers(values)
    found = _personal(column, None, answers, values) if answers.n else None
    if found is None or found[0] not in ("email", "phone"):
        return None
    return "email" if found[0] == "email" else "phone"


def _dates_read(
    values: pd.Series, *, date_format: str | None, source: str | None = None
) -> tuple[int, DateParse]:
    """Parse each distinct cell once; return how many cells read as dates, and the parse."""
    present = values.dropna()
    distinct = present.drop_duplicates()
    counts = present.value_counts(sort=False).reindex(distinct).to_numpy()
    dates = parse_date_values(
        distinct.reset_index(drop=True), date_format=date_format, source=source
    )
    return int(counts[dates.dates.notna().to_numpy()].sum()), dates


def _date_note(
    name: str,
    values: pd.Series,
    dates: DateParse,
    bad: int,
    n: int,
    *,
    taken: bool,
    lang: Language = "en",
) -> str:
    """Say how many of a date-like column's values are not dates, with examples, in ``lang``."""
    distinct = values.dropna().drop_duplicates().reset_index(drop=True)
    unread = distinct[dates.unparsed.to_numpy()].astype(str).str.strip()
    quote = (lambda v: f"「{v}」") if lang == "ja" else repr
    examples = join_names(map(quote, unread.head(3)), lang)
    what = t("inspect.not_dates_taken" if taken else "inspect.not_dates_left", lang)
    return t(
        "inspect.not_dates", lang, column=name, bad=f"{bad:,}", n=f"{n:,}", examples=examples,
        what=what,
    )  # fmt: skip


def _classify(
    name: str,
    values: pd.Series,
    answers: _Answers,
    *,
    question: str | None,
    source: str,
    date_format: str | None,
    date_notes: list[str],
    contradicted: dict[str, str],
    who: set[str],
    columnar: bool = False,
    separator: str | None = None,
    other_box: bool = False,
    open_ended: bool = False,
    lang: Language = "en",
) -> tuple[Kind, str, tuple[int, int] | None, str | None]:
    n = answers.n
    text = answers.values
    if n == 0:
        return "empty", "no answers", None, None
    if len(text) <= 8 and all(not_applicable(v) for v in text):
        # Every respondent said the question does not apply (a matrix row's 「利用していない」):
        # no answer to rate or to break the NPS down by.
        return "empty", "no answers but 'does not apply'", None, None
    if separator is not None:
        # The loader merged a SurveyMonkey multi-select's option columns into this one: a
        # multi-select even when most respondents ticked one option (no separator to find).
        return "multi", f"separator {separator!r}", None, separator
    if other_box:
        # Its "Other (please specify)" box: what respondents wrote in, however few kinds.
        return "text", "free text (Other box)", None, None
    if name.endswith("_NPS_GROUP"):
        return "nps_group", "Qualtrics NPS group", None, None
    if _segment_names(text):
        # A CRM's own segment of the score (HubSpot's "Feedback sentiment": Promoter /
        # Passive / Detractor): the score said again, no group to break the NPS down by (QA30).
        return "nps_group", "NPS segments", None, None
    if source == "qualtrics" and name in _QUALTRICS_META and name not in _DATE_FIRST:
        return "metadata", "Qualtrics", None, None
    personal = _personal(name, question, answers, values)
    if personal is not None:
        return personal[0], personal[1], None, None
    headers = (_header(name, None), _header(name, question))
    if language_codes(headers, text, answers.counts):
        # The language each respondent answered in: NPS by language compares Japanese- and
        # English-speaking customers. A survey run in one language has nothing to compare.
        if len(text) < 2:
            return "metadata", "language codes, one language", None, None
        return "categorical", "language codes", None, None
    recorded = technical(headers, text, answers.counts)
    if recorded is not None:
        # What the survey tool recorded (utm_source, Network ID, an IP address): never a
        # breakdown, a follow-up or the comment.
        return "metadata", recorded, None, None
    distinct = len(text)
    folded = set(text.str.casefold())
    # Qualtrics names columns Q7: the question text says what it asks.
    asks = asks_about_contact(f"{name} {question or ''}")
    numbered = all(v.isdigit() for v in folded)  # 1/2 codes are not yes/no; 1/0 below
    if asks and not numbered and distinct <= CONSENT_CHOICES and reads_as_consent(text):
        # Worded answers (「はい、連絡してもよい」, 連絡可 / 連絡不可) are consent only in a
        # choice question asking for it, by the rule the loader reads columns.contact with
        # (QA25: 可 / 否 was refused here and read there).
        return "consent", "yes/no", None, None
    if folded <= (YES | NO) and {consent_answer(v) for v in text} == {True, False}:
        # Elsewhere a plain yes/no is a choice to break down by.
        if folded != _ONE_ZERO:
            return "categorical", "yes/no", None, None
    if folded == _ONE_ZERO and asks:
        # Typeform and others export a yes/no question as 1/0: a question asking for
        # permission to contact is consent, not a 0–5 rating with only 0 and 1 answered.
        return "consent", "yes/no (1/0)", None, None
    # A sample of distinct values first: most columns are plainly not dates.
    probe = _Answers(text.head(200), np.ones(min(distinct, 200), dtype="int64"))
    looks_dated = parse_date_values(probe.values, date_format=date_format, source=source)
    named = _DATE_NAME.search(name) is not None
    if (named or not pd.api.types.is_numeric_dtype(values.dtype)) and (
        looks_dated.ambiguous
        or looks_dated.contradicted is not None
        or looks_dated.dates.notna().mean() >= 0.5
    ):
        read, dates = _dates_read(values, date_format=date_format, source=source)
        # "NA" in a date column is no answer, not an unread date.
        said_none = text.str.casefold().isin(MISSING_WORDS).to_numpy()
        n -= int(answers.counts[said_none].sum())
        if dates.ambiguous:
            return "date", "ambiguous: month-first or day-first (set date_format)", None, None
        if dates.contradicted is not None:
            # A wrong --date-format, not a column of text: say which order the dates read in.
            date_notes.append(order_contradicted(dates, name, None).in_language(lang))
            contradicted[name] = dates.contradicted
            return "date", f"reads only {dates.contradicted}, not {date_format}", None, None
        # Unix epoch times are whole numbers: ids and counts of nine to thirteen digits read
        # as ones too, so only a header that says when (Created At, submitted_at) takes them.
        taken = read >= 0.9 * n and (
            named or (not dates.epoch and text[~said_none].str.len().min() >= 6)
        )
        if read < n and (taken or named):
            date_notes.append(_date_note(name, values, dates, n - read, n, taken=taken, lang=lang))
        if taken and dates.epoch:
            return "date", "Unix epoch times (UTC)", None, None
        if taken:
            return "date", dates.order or _date_form(values, text, columnar=columnar), None, None
    elif named and looks_dated.dates.notna().any():
        # Named like a date and partly dates: say why it is not the date column.
        read, dates = _dates_read(values, date_format=date_format)
        date_notes.append(_date_note(name, values, dates, n - read, n, taken=False, lang=lang))
    if any(response_time(h, text, answers.counts) for h in headers):
        # When the response was started or submitted, in a form the date reader does not take.
        return "metadata", "response times", None, None
    # A labelled scale before numbers: "1 - Strongly agree" reads as a score of 1, the wrong
    # way round. Answers that say the question does not apply (利用していない) are no point of
    # the scale: two answers beside them are a choice between two, as two numbers are.
    labelled = labelled_scale(text) if distinct <= 16 else None
    if labelled is not None and 3 <= len(labelled.points) <= 11:
        low, high = labelled.scale
        return "rating", f"{low}–{high}, labelled", labelled.scale, None
    # An id of small whole numbers (1, 2, 3 …) is not an answer on a scale.
    sequence = _SEQUENCE_NAME.search(unicodedata.normalize("NFKC", name).strip()) is not None
    id_named = bool(_ID_NAME.search(name)) or sequence
    looks_scored = not id_named and _scores(probe)[0] >= 0.5
    share, valid, low, high = _scores(answers) if looks_scored else (0.0, 0, 0, 0)
    asked = unicodedata.normalize("NFKC", f"{name} {question or ''}")
    if share >= 0.9 and valid and high <= 7 and _RECOMMEND.search(asked):
        # A recommend question whose few respondents all scored low (a pilot, a small unit):
        # its 0 (with more than a yes/no's 1), or its stated 0–10, says NPS, not a 0–5 rating.
        if low == 0 and high >= 2 and not _STATES_SHORT.search(asked):
            return "nps", f"0–10, {_LOW_ONLY} 0–{high}", (0, 10), None
        if states_zero_to_ten(name, question):
            return "nps", f"0–10 stated, {_LOW_ONLY} {low}–{high}", (0, 10), None
    if share >= 0.9 and valid and distinct == 2 and high <= 7:
        # Two answers are a choice between two options, never a rating: a 0–5 "scale" with
        # only 0 and 1 answered would become the report's main rating scale.
        return "categorical", "2 values", None, None
    if share >= 0.9 and valid:
        top = stated_maximum(asked)
        if high <= 7 or (top is not None and high <= top and not _RECOMMEND.search(asked)):
            # A mark "(sur 10)" is a rating out of 10, not a second NPS question (REVIEW35).
            return _rating(asked, low, high)
        if low == 0 or valid < _MIN_ZERO_EVIDENCE:
            return "nps", "0–10", (0, 10), None
        if states_zero_to_ten(name, question):
            return "nps", "0–10 stated, no 0", (0, 10), None
        lows = [int(answers.counts[(answers.values == str(k)).to_numpy()].sum()) for k in (1, 2)]
        if not no_zero_is_evidence(*lows):
            return "nps", "0–10", (0, 10), None
        return "scale", f"1–10? (no 0 in {valid:,} answers)", (1, 10), None
    numeric = column_numbers(text)
    if answers.share(numeric.notna()) >= 0.9:
        if id_named and distinct >= 0.9 * n:
            # SurveyMonkey's Respondent ID repeats when a response was submitted or exported
            # twice: still the id, and inspect_export says so in a note.
            return "id", _unique(distinct, n), None, None
        if id_named and distinct > _ID_MANY:
            who.add(name)
            return "id", _who(distinct), None, None
        if distinct >= 0.9 * n and answers.share(text.str.match(r"0\d")) >= 0.5:
            # Zero-padded numbers (0055584) are codes: nobody pads a count or an amount.
            return "id", _unique(distinct, n), None, None
        if _half_points(numeric, asked):
            return _rating(asked, float(numeric.min()), float(numeric.max()), "half points")
        return "number", f"{_number(numeric.min())}–{_number(numeric.max())}", None, None
    tokens = answers.share(text.str.fullmatch(_TOKEN))
    if tokens >= 0.9 and distinct >= 0.9 * n:
        return "id", "unique" if distinct == n else "tokens", None, None
    codes = answers.share(text.str.fullmatch(_CODE))
    if codes >= 0.9 and distinct >= 0.9 * n and n > 1:
        return "id", "unique" if distinct == n else "codes", None, None
    if open_ended:
        # The tool says respondents typed it ("Anything we could improve?"): free text, even
        # when they wrote the same few wishes, never a breakdown by them. Said in its words.
        said = "text entry" if source == "qualtrics" else "Open-Ended"
        return "text", f"free text ({said})", None, None
    if _sentences(answers) or _phrases(answers):
        return "text", "free text", None, None
    if _ASKS_COMMENT.search(_header(name, question)):
        return "text", "free text (asks for a comment)", None, None
    if id_named and distinct >= 0.9 * n and n > 1 and not text.str.contains(r"\s").any():
        return "id", _unique(distinct, n), None, None
    if id_named and distinct > _ID_MANY and not text.str.contains(r"\s").any():
        who.add(name)
        return "id", _who(distinct), None, None
    if distinct == n and n > 1 and text.str.len().max() <= 24:
        if not text.str.contains(r"\s").any():
            return "id", "unique", None, None
    sep = _separator(answers)
    if sep is not None:
        return "multi", f"separator {sep!r}", None, sep
    if _ASKS_IMPROVEMENT.search(_header(name, question)):
        return "text", "free text (asks what to improve)", None, None
    if n >= 10 and distinct > n / 2:
        return "text", "free text", None, None
    return "categorical", f"{len(_groups(answers))} values", None, None


def _headings(groups: dict[str, str]) -> str:
    """Name the merged headings of a two-row header and the columns under each (FIX49).

    Their text is no column's name (each column is named by what it asks), so it is said
    here: ``Under '設問': '当院を…', '待ち時間の満足度', '会計の満足度'.``
    """
    under: dict[str, list[str]] = {}
    for column, heading in groups.items():
        under.setdefault(heading, []).append(column)
    return "".join(
        f" Under {heading!r}: {', '.join(repr(_short_name(c)) for c in columns)}."
        for heading, columns in under.items()
    )


def _short_name(name: str, width: int = 24) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _date_form(values: pd.Series, text: pd.Series, *, columnar: bool) -> str:
    """Say how a date column holds its dates (inspect's detail), the order aside.

    Cells typed as dates are a workbook's date cells or a Parquet file's timestamps; numbers
    such as ``45962.5`` are Excel serial dates (QA19: they were called "ISO/Japanese").
    """
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return "timestamps" if columnar else "date cells"
    if _number_cells(values) or pd.to_numeric(text, errors="coerce").notna().mean() >= 0.5:
        return "Excel serial dates"
    # QA34: Alchemer's "Nov 3, 2026 9:05 AM" was called "ISO/Japanese".
    if text.str.match(r"\s*[A-Za-z]{3}").mean() >= 0.5:
        return "month names"
    return "ISO/Japanese"


#: A column's detail as inspect writes it in English → its catalogue entry
#: (``inspect.detail.<name>``), each field read back from the English (MSG43). A detail of no
#: entry (a rating's "1–5, as stated") is shown as written.
_DETAILS: Final = (
    (r"unique", "unique"),
    (r"tokens", "tokens"),
    (r"codes", "codes"),
    (r"nearly unique, (?P<n>[\d,]+) repeat", "nearly_unique"),
    (r"(?P<n>[\d,]+) values", "values"),
    (rf"(?P<n>[\d,]+) values, {_NOT_PER_RESPONSE}", "not_per_response"),
    (r"free text", "free_text"),
    (r"free text \(asks for a comment\)", "asks_comment"),
    (r"free text \(asks what to improve\)", "asks_improvement"),
    (r"free text \(Other box\)", "other_box"),
    (r"free text \((?P<tool>text entry|Open-Ended)\)", "open_ended"),
    (r"yes/no", "yes_no"),
    (r"yes/no \(1/0\)", "yes_no_digits"),
    (r"separator (?P<sep>.+)", "separator"),
    (r"Qualtrics NPS group", "qualtrics_group"),
    (r"NPS segments", "segments"),
    (r"no answers", "no_answers"),
    (r"no answers but 'does not apply'", "not_applicable"),
    (r"language codes", "language_codes"),
    (r"language codes, one language", "one_language"),
    (r"ambiguous: month-first or day-first \(set date_format\)", "ambiguous"),
    (r"reads only (?P<read>\S+), not (?P<asked>\S+)", "reads_only"),
    (r"Unix epoch times \(UTC\)", "epoch"),
    (r"response times", "response_times"),
    (r"timestamps", "timestamps"),
    (r"date cells", "date_cells"),
    (r"Excel serial dates", "serial_dates"),
    (r"month names", "month_names"),
    (r"ISO/Japanese", "iso"),
    (r"e-mail addresses", "emails"),
    (r"phone numbers", "phones"),
    (r"names, not a way to reach", "names"),
    (r"(?P<range>0–10) stated, no 0", "stated_no_zero"),
    (r"(?P<range>1–10)\? \(no 0 in (?P<n>[\d,]+) answers\)", "no_zero_in"),
    (r"(?P<range>1–10)\? \(no 0 in its answers\)", "no_zero"),
)


def kind_words(kind: str, lang: Language) -> str:
    """Return a column's kind as inspect's table and errors name it in ``lang`` (MSG43).

    English is the kind as json and ``init`` write it (``categorical``); Japanese names it.
    """
    return t(f"inspect.kind.{kind}", lang)


def detail_words(detail: str, lang: Language) -> str:
    """Return a column's detail in ``lang``, read back from inspect's English (MSG43).

    The detail is recorded in English (json, ``init``'s comments); a detail of no catalogue
    entry, and English, are returned as written.
    """
    if lang == "en":
        return detail
    for pattern, name in _DETAILS:
        match = re.fullmatch(pattern, detail)
        if match is not None:
            return t(f"inspect.detail.{name}", lang, **match.groupdict())
    return detail


def _values_as_names(columns: list[str], lang: Language = "en") -> list[str]:
    """Say when the column names read like answers: a file exported without its header row.

    Its first response then names the columns (``'2026-10-01'``, ``'9'``, ``'good'``) and is
    lost; the NPS question would be ``'9'``.
    """
    if len(columns) < 2:
        return []
    names = pd.Series(columns, dtype=object)
    numbers = names.str.fullmatch(r"\s*[-+]?\d+(?:[.,]\d+)?\s*")
    dates = parse_date_values(names, date_format=None).dates.notna()
    looks = names[numbers | dates]
    if 2 * len(looks) < len(columns):
        return []
    shown = t("run.rows.and", lang).join(
        t("run.rows.value", lang, value=name) for name in looks.head(3)
    )
    return [t("inspect.values_as_names", lang, shown=shown)]


def _who(distinct: int) -> str:
    """Return the detail of an id that names who answered and repeats (account_id)."""
    return f"{distinct:,} values, {_NOT_PER_RESPONSE}"


def is_response_id(info: ColumnInfo) -> bool:
    """Return whether ``info`` can be the response id (an id not repeated by design).

    An id-named column with many values that repeat (``account_id``: one per account, many
    responses each) is an id, never a breakdown, but not the response id: dedupe by it would
    drop every later response of the same account.
    """
    return info.kind == "id" and not info.repeats_by_design


def _unique(distinct: int, n: int) -> str:
    """Return an id's detail: ``unique``, or how many of its values repeat an earlier one."""
    return "unique" if distinct == n else f"nearly unique, {n - distinct:,} repeat"


def _repeats_note(
    frame: pd.DataFrame, info: ColumnInfo, *, skip: tuple[str, ...] = (), lang: Language = "en"
) -> str | None:
    """Say how many values of an id repeat and whether whole responses repeat with them.

    ``skip``: the date column, which a response exported again may carry anew
    (:func:`nps_kit._id_repeats.same_response_repeats`).
    """
    count, same = same_response_repeats(frame, info.column, skip=skip)
    if not count:
        return None
    exact = same_response_repeats(frame, info.column)[1] if skip else same
    if exact == count:
        why = t("inspect.repeats.exact", lang)
    elif same == count:
        why = t("inspect.repeats.again", lang)
    elif same:
        again = t("inspect.repeats.exactly" if exact == same else "inspect.repeats.or_time", lang)
        why = t(
            "inspect.repeats.some", lang, same=f"{same:,}", again=again,
            differ=f"{count - same:,}",
        )  # fmt: skip
    else:
        why = t("inspect.repeats.differ", lang)
    return t("inspect.repeats", lang, column=info.column, count=f"{count:,}", why=why)


def _number(value: float) -> str:
    """Write a number in full: an id such as 400000000 is not 4e+08."""
    return np.format_float_positional(value, trim="-")


def _cut40(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _sample(answers: _Answers) -> tuple[str, ...]:
    order = np.argsort(-answers.counts, kind="stable")[:_SAMPLE]
    top = answers.values.to_numpy()[order]
    return tuple(_cut40(v) for v in top)


def _groups(answers: _Answers) -> list[list[tuple[str, int]]]:
    """Return a categorical column's values as units and breakdowns group them (QA31 O2).

    ``ホテル Ａ`` and ``ホテルA``, ``SAKURA INN KYOTO`` and ``Sakura Inn Kyoto`` are one unit
    for init and one group for ``score --by`` (:func:`nps_kit._value_key.value_key`): inspect
    counts them as one value too. Each group's spellings, the most written first.
    """
    return list(counted_spellings(pd.Series(answers.counts, index=answers.values)).values())


def _group_sample(
    groups: list[list[tuple[str, int]]],
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Return the most answered groups in their main spelling, and each one's other spellings.

    The sample stays answers as written (init proposes consent words from it); the others are
    what ``inspect`` shows beside them: ``'ホテルA' (also 'ホテル A')``.
    """
    totals = np.array([sum(n for _, n in written) for written in groups], dtype="int64")
    top = [[_cut40(text) for text, _ in groups[i]] for i in np.argsort(-totals, kind="stable")]
    return tuple(g[0] for g in top[:_SAMPLE]), tuple(tuple(g[1:]) for g in top[:_SAMPLE])


#: Kinds whose answers are words a respondent chose (a label, a consent, a scale's wording).
_WORDED_KINDS: Final = frozenset(
    {"categorical", "multi", "consent", "nps_group", "scale", "rating"}
)


def _language(frame: pd.DataFrame, columns: list[ColumnInfo]) -> AnswerLanguage:
    """Return the language of the free-text answers; without any, of the worded answers.

    Without either, the language of the columns' headings (回答日, 推奨度), with no answers
    counted: a Japanese export of ids, dates and scores was English, its ids (``R01000``) read
    as answers in Latin letters (MSG43), and ``init --from`` wrote an English project.
    """
    found = answer_language([frame[c.column] for c in columns if c.kind == "text"])
    if found.answers:
        return found
    found = answer_language([frame[c.column] for c in columns if c.kind in _WORDED_KINDS])
    if found.answers:
        return found
    headed = answer_language([pd.Series([c.column for c in columns], dtype=object)])
    return replace(headed, answers=0, columns=0, others=())


def _date_rank(info: ColumnInfo, source: str) -> tuple[int, int]:
    """Order date columns: the known ones, then any submission time, any other, the start.

    Qualtrics is the exception: its ``StartDate`` comes first. A response the respondent left
    unfinished is recorded (``RecordedDate``, ``EndDate``) when Qualtrics closes it, up to a
    week later and often in the next month, while its answers were given at the start.
    """
    if source == "qualtrics" and info.column == "StartDate":
        return -1, 0
    if info.column in _DATE_FIRST:
        return 0, _DATE_FIRST.index(info.column)
    header = _header(info.column, info.question)
    if _DATE_DONE.search(header):
        return 1, 0
    return (3 if _DATE_START.search(header) else 2), 0


def speaks_of_recommending(info: ColumnInfo) -> bool:
    """Whether a column's header or question speaks of recommending (おすすめ, recommend).

    Half-width kana are read as full-width (ｵｽｽﾒ is おすすめ).
    """
    asked = unicodedata.normalize("NFKC", f"{info.column} {info.question or ''}")
    return _RECOMMEND.search(asked) is not None


def _nps_column(columns: list[ColumnInfo]) -> str | None:
    candidates = [c for c in columns if c.kind in ("nps", "scale")]
    if not candidates:
        return None
    speaking = [c for c in candidates if speaks_of_recommending(c)]
    ranked = speaking or candidates
    # A 0–10 column before one whose answers all stop low (a second recommend question on a
    # 0–5 scale), before a 1–10 scale.
    ranked = sorted(ranked, key=lambda c: (c.kind != "nps", _LOW_ONLY in c.detail))
    return ranked[0].column


#: The answers of a column of NPS segments (NFKC, case-folded), each as its segment: English,
#: Japanese, German (Promotor/Passiver/Kritiker, Förderer/Indifferente/Detraktor), French and
#: Spanish (FIX71: a German CRM's Kritiker was a breakdown explaining the NPS by itself).
_SEGMENT_NAMES: Final = {
    name: segment
    for segment, names in (
        ("promoter", "promoter promoters 推奨者 promotor promotoren förderer promoteur promoteurs"),
        ("promoter", "promotores"),
        ("passive", "passive passives neutral neutrals 中立者 passiver indifferente indifferenter"),
        ("passive", "passif passifs neutre neutres pasivo pasivos neutro neutros"),
        ("detractor", "detractor detractors 批判者 kritiker detraktor detraktoren détracteur"),
        ("detractor", "détracteurs detractores"),
    )
    for name in names.split()
}


def _segment(value: object) -> str | None:
    return _SEGMENT_NAMES.get(unicodedata.normalize("NFKC", str(value)).strip().casefold())


def _segment_names(values: pd.Series) -> bool:
    """Whether a column's distinct answers are NPS segments, promoters and detractors among them."""
    segments = [_segment(v) for v in values]
    return None not in segments and {"promoter", "detractor"} <= set(segments)


def _undated_note(
    frame: pd.DataFrame,
    nps_col: str,
    date_col: str,
    date_format: str | None,
    report: LoadReport,
    missing_values: Sequence[str] | None,
    lang: Language = "en",
) -> str | None:
    """Say how many valid scores have no date read in ``date_col``, as ``score`` does."""
    from nps_kit.load import undated_note

    try:
        dates = parse_date_values(frame[date_col], date_format=date_format, source=report.source)
    except ValueError:
        return None  # the date notes say what is wrong with the dates
    if dates.ambiguous and date_format is None:
        return None  # read both ways: the notes ask for date_format, not for dates
    status = parse_scores(frame[nps_col], missing_values=missing_values or ()).status
    scored = status.astype(str) == "valid"
    count = int((scored.to_numpy(bool) & dates.dates.isna().to_numpy(bool)).sum())
    if not count:
        return None
    return undated_note(count, replace(report, date_column=date_col), lang)


def _group_check(
    frame: pd.DataFrame, nps_col: str, info: list[ColumnInfo], lang: Language = "en"
) -> list[str]:
    """Compare the chosen score with its segment columns (Qualtrics' *_NPS_GROUP, a CRM's)."""
    groups = [c for c in info if c.kind == "nps_group"]
    if not groups:
        return []
    expected = pd.cut(
        parse_scores(frame[nps_col]).score.astype("float64"),
        bins=[-1, 6, 8, 10],
        labels=list(SEGMENTS),
    ).astype("string")
    notes = []
    for group in groups:
        base = group.column.removesuffix("_NPS_GROUP")
        # A CRM's column is not Qualtrics' (whose name says which question it groups): its
        # answers are read as segment names (Promoter, 推奨者 …), the score's or not.
        qualtrics = base != group.column
        cells = frame[group.column]
        given = (
            cells.astype("string").str.strip().str.casefold()
            if qualtrics
            else cells.map(_segment, na_action="ignore").astype("string")
        )
        both = expected.notna() & given.notna()
        agree = int((expected[both] == given[both]).sum())
        if not qualtrics or base == nps_col:
            notes.append(
                t(
                    "inspect.group_agrees" if qualtrics else "inspect.crm_group_agrees", lang,
                    column=nps_col, group=group.column, agree=f"{agree:,}",
                    n=f"{int(both.sum()):,}",
                )
            )  # fmt: skip
        else:
            notes.append(
                t("inspect.group_other", lang, base=base, group=group.column, column=nps_col)
            )
    return notes


def _worded_scores(
    values: pd.Series, missing_values: Sequence[str], lang: Language, *, column: str
) -> list[str]:
    """Say how many scores are written with words after the number, as the loader says it.

    ``10 - Extremely likely`` is read as 10 (:data:`~nps_kit._values.WORDED_SCORE`), and
    ``score`` and ``run`` count them (:attr:`nps_kit.load.LoadReport.worded_rows`); inspect
    says it before (QA44: read silently).
    """
    written = values.astype("string").str.strip()
    valid = (parse_scores(values, missing_values=missing_values).status == "valid").to_numpy()
    worded = written.str.match(WORDED_SCORE.pattern).fillna(False).to_numpy(bool) & valid
    if not worded.any():
        return []
    example = str(written[worded].value_counts().index[0])
    n = f"{int(worded.sum()):,}"
    return [t("load.scores_worded", lang, n=n, column=column, example=example)]


def _counts_on(values: pd.Series) -> bool:
    """Whether a column's numbers, in any order, run on one by one (1700000001, 1700000002 …)."""
    numbers = pd.to_numeric(values.astype("string").str.strip(), errors="coerce").dropna()
    if len(numbers) < 3:
        return False
    steps = np.diff(np.sort(numbers.to_numpy(dtype="float64")))
    return bool((steps == 1).all())


#: What inspect says of a column of epoch times not named as a date (init finds it by it).
EPOCH_TAKEN: Final = "taken as the date column"


def _epoch_column(
    frame: pd.DataFrame, infos: list[ColumnInfo], *, skip: str | None, lang: Language = "en"
) -> tuple[int, str] | None:
    """Find the one column of Unix epoch times not named as a date, with the note saying so.

    Only when no column was taken as the date (the caller's rule): an id column (by its
    name, as an id or a running number) and the score column are never dates, nor whole
    numbers each one more than the last (a record number, not answers a second apart).
    Several such columns: none is guessed.
    """
    from nps_kit.clock import epoch_instants

    found = []
    for k, info in enumerate(infos):
        name = unicodedata.normalize("NFKC", info.column).strip()
        if (
            info.column == skip
            or _ID_NAME.search(info.column)
            or _SEQUENCE_NAME.search(name)
            or info.kind == "date"
        ):
            continue
        read = epoch_instants(frame[info.column])
        if read is not None and read.notna().any() and not _counts_on(frame[info.column]):
            found.append((k, read))
    if len(found) != 1:
        return None
    k, read = found[0]
    name = infos[k].column
    ms = frame[name].astype("string").str.len().max() >= 13
    said = t(
        "inspect.epoch_taken",
        lang,
        column=name,
        taken=EPOCH_TAKEN,
        unit=t("inspect.epoch_ms" if ms else "inspect.epoch_s", lang),
        first=f"{read.min():%Y-%m-%d %H:%M}",
        last=f"{read.max():%Y-%m-%d %H:%M}",
    )
    return k, said


def inspect_export(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
    missing_values: tuple[str, ...] = (),
    codes: str | Path | None = None,
    lang: Language = "en",
) -> Inspection:
    """Describe a survey export: the file and every column.

    Parameters
    ----------
    path
        Any file :func:`nps_kit.load.load_responses` reads.
    sheet, encoding
        XLSX sheet and CSV encoding, detected when ``None``.
    date_format
        ``"month-first"``, ``"day-first"`` or a ``strftime`` pattern for dates that read both
        ways.
    missing_values
        More cell texts that mean "no answer".
    codes
        A code table of its own (CSV or XLSX, ``--codes``); ``None`` reads the workbook's
        code-table sheet, if any (:func:`nps_kit._code_table.found_code_tables`).
    lang
        The language of the notes (``nps-kit inspect --language``; MSG41), those other modules
        word too (a rating block's scale, a staff test, a code table, ...: MSG42). Still
        English: a date column that reads only the other order (the loader's refusal), and
        the Qualtrics button names quoted. ``init`` asks for English (its comments have their
        own words).

    Returns
    -------
    Inspection
        File facts, one :class:`ColumnInfo` per column, the likely NPS column and notes.

    Raises
    ------
    DataError
        When the file (or ``codes``) cannot be read.
    """
    path = Path(path)
    index = read_column_index(path, sheet=sheet, encoding=encoding)
    if not index.columns:
        raise DataError(f"{path} has no columns.", hint="Export the survey again.", path=path)
    # A code table in the workbook (コード表): its columns are read as labels (CODES40).
    coded = found_code_tables(path, index, sheet=sheet, codes=codes)
    loaded = load_responses(
        path,
        score_column=index.columns[0],
        sheet=sheet,
        encoding=encoding,
        check_score=False,
        value_labels=coded.value_labels if coded else None,
    )
    # The export's own columns, those named like the loader's (nps_score) included.
    frame = loaded.data[[export_column(c) for c in index.columns]].set_axis(index.columns, axis=1)
    report = loaded.report
    missing = missing_words(missing_values)
    said_none = missing_words(missing_values, typed=False)
    infos: list[ColumnInfo] = []
    date_notes: list[str] = []
    contradicted: dict[str, str] = {}  # date column → the only order its dates read in
    who: set[str] = set()  # ids that name who answered and repeat by design (account_id)
    for name in index.columns:
        values = frame[name]
        answers = _answers(values)
        kind, detail, scale, sep = _classify(
            name,
            values,
            answers,
            question=index.questions.get(name),
            source=report.source,
            date_format=date_format,
            date_notes=date_notes,
            contradicted=contradicted,
            who=who,
            columnar=report.format == "parquet",
            separator=index.separators.get(name),
            other_box=name in index.other_boxes,
            open_ended=name in index.open_ended,
            lang=lang,
        )
        labelled = labelled_scale(answers.values) if kind == "rating" else None
        words = missing if kind in _TYPED_KINDS else said_none
        said_missing = answers.values.str.casefold().isin(words).to_numpy()
        blanks = len(values) - answers.n + int(answers.counts[said_missing].sum())
        groups = _groups(answers) if kind == "categorical" else None
        sample, variants = _group_sample(groups) if groups else (_sample(answers), ())
        infos.append(
            ColumnInfo(
                column=name,
                qid=index.import_ids.get(name),
                question=index.questions.get(name),
                kind=kind,
                detail=detail,
                distinct=len(answers.values) if groups is None else len(groups),
                blanks=blanks,
                sample=sample,
                variants=variants if any(variants) else (),
                scale=scale,
                separator=sep,
                codes=()
                if labelled is None
                else tuple((labelled.points[a], a) for a in labelled.levels),
                contradicted=contradicted.get(name),
                repeats_by_design=name in who,
            )
        )
    notes: list[str] = list(date_notes)
    if coded is not None:
        notes.append(coded.note_in(lang))
    infos = _one_scale_per_block(infos, notes, lang)
    nps_col = _nps_column(infos)
    if nps_col is None:
        infos, nps_col = _lone_mark_out_of_ten(infos, notes)
    if report.title_rows:
        # QA21: the title read as the header named every column 'Unnamed: N'.
        notes.append(
            t(
                "inspect.title_rows", lang, n=report.title_rows, title=report.title,
                row=report.title_rows + 1,
            )
        )  # fmt: skip
    if report.source == "generic" and report.header_rows_skipped == 1 and index.questions:
        # FIX88: LimeSurvey's question codes over a row of the questions' texts.
        first = report.title_rows + 1
        notes.append(
            t("inspect.code_header", lang, first=first, second=first + 1, answers=first + 2)
        )
    elif report.source == "generic" and report.header_rows_skipped == 1:
        # QA26 #3: a heading merged over several questions (設問) with the questions below it.
        first = report.title_rows + 1
        notes.append(
            t("inspect.merged_header", lang, first=first, second=first + 1, answers=first + 2)
            + _headings(index.groups)
        )
    notes += report.left_out(lang)  # QA23: 12 previews gone without a word
    # A staff test (名前 テスト, QA30 F7): said, and init proposes the data.exclude for it.
    tests = test_rows(
        frame,
        [c.column for c in infos if c.kind in ("name", "text")],
        loaded.data["nps_row"].tolist(),
    )
    if tests is not None:
        notes.append(tests.note(lang))
    if not any(c.kind == "consent" for c in infos):
        # A CRM's e-mail on every row is its record, not a request to be called (QA30 F9).
        from nps_kit.closed_loop import record_columns, record_note

        reach = [c.column for c in infos if c.kind in ("email", "phone")]
        recorded = record_note(record_columns(frame, reach), language=lang)
        if recorded is not None:
            notes.append(recorded + ("。" if lang == "ja" else "."))
    if report.source == "qualtrics" and "Status" in frame and numeric_values(frame["Status"]):
        # FIX31: the previews are left out of such an export too, but its choices are codes.
        notes.append(t("inspect.qualtrics_codes", lang))
    if report.format != "parquet":
        notes += _values_as_names(index.columns, lang)
    if report.grouped_by is None:
        notes += [s for s in [ungrouped_sentence(frame, lang)] if s is not None]
    if nps_col is None:
        notes.append(t("inspect.no_score_note", lang))
        notes += _coded_scores(infos, frame, lang)
    else:
        chosen = next(c for c in infos if c.column == nps_col)
        if chosen.kind == "scale":
            notes.append(t("inspect.no_zero", lang, column=nps_col))
        else:
            # The same rule on one value's rows (QA29 F6: a survey version asked 1–10).
            split = scale_split(
                parse_scores(frame[nps_col], missing_values=missing_values).score,
                frame,
                skip=(nps_col,),
            )
            if split is not None:
                notes.append(split.note(nps_col, lang))
        notes += _group_check(frame, nps_col, infos, lang)
        notes += _worded_scores(frame[nps_col], missing_values, lang, column=nps_col)
    dates = [c for c in infos if c.kind == "date"]
    if not dates:
        # A column of epoch times named ts, created or t (no "when" in its header) is the
        # date when no other column is one: every value a whole second or millisecond from
        # 2000 to now is no id or count by chance (FIX69).
        epoch = _epoch_column(frame, infos, skip=nps_col, lang=lang)
        if epoch is not None:
            k, taken = epoch
            infos[k] = replace(infos[k], kind="date", detail="Unix epoch times (UTC)")
            notes.append(taken)
            date_notes.append(taken)  # init writes it beside columns.date
            dates = [infos[k]]
    dates.sort(key=lambda info: _date_rank(info, report.source))
    date_col = dates[0].column if dates else None
    date_min = date_max = None
    month_alone: TestRows | None = None  # a month far from the others (FIX71)
    order_evidence: str | None = None
    if date_col is not None:
        if "ambiguous" in dates[0].detail:
            notes.append(t("inspect.dates_ambiguous", lang, column=date_col))
        elif dates[0].contradicted is not None:
            pass  # the note says which order the dates read in; the other reads no range
        else:
            read = parse_date_values(frame[date_col], date_format=date_format, source=report.source)
            order_evidence = read.order_evidence
            if read.order_evidence is not None:
                other = "day-first" if read.order == "month-first" else "month-first"
                notes.append(
                    t(
                        "inspect.dates_read_as", lang, column=date_col, order=read.order,
                        evidence=order_evidence_words(read.order_evidence, lang), other=other,
                    )
                )  # fmt: skip
            parsed = read.dates.dropna()
            if len(parsed):
                date_min, date_max = parsed.min(), parsed.max()
            ids = [c.column for c in infos if c.kind == "id" and frame[c.column].is_unique]
            alone = month_rows(
                frame,
                read.dates,
                loaded.data["nps_row"].tolist(),
                id_column=ids[0] if ids else None,
                date_column=date_col,
            )
            if alone is not None and not (tests is not None and set(alone.rows) <= set(tests.rows)):
                month_alone = alone
                notes.append(alone.note(lang))
    if index.suggested_encoding is not None:
        # QA18: cp932 read as latin-1 was told to set fix_text, which cannot repair it.
        notes.insert(
            0, t("inspect.wrong_encoding", lang, found=index.suggested_encoding, given=encoding)
        )
    elif report.mojibake_cells:
        notes.append(t("inspect.mojibake", lang, n=f"{report.mojibake_cells:,}"))
    skip = (date_col,) if date_col is not None else ()
    for k, info in enumerate(infos):
        if info.kind != "id" or info.repeats_by_design or info.detail == "unique":
            continue
        count, exact = same_response_repeats(frame, info.column, skip=skip)
        # Codes and tokens (SM-260005, R_3kX9) that repeat only as the same response exported
        # again are said too (QA31 F5); a code repeated in rows that differ is who answered
        # (a patient seen twice: Custom Data 1), ranked after the response ids as before.
        if info.detail.startswith("nearly unique") or (count and exact == count):
            note = _repeats_note(frame, info, skip=skip, lang=lang)
            if note:
                notes.append(note)
                infos[k] = replace(info, note=note, repeats_differ=count - exact)
    if report.duplicate_rows:
        notes.append(t("inspect.duplicate_rows", lang, n=f"{report.duplicate_rows:,}"))
    chance = None
    if date_col is not None:
        # Found here, once the date column is known (the export was read without one).
        from nps_kit._resubmit import per_submission, resubmission_note
        from nps_kit.load import judged_resubmitted_rows

        again, chance = judged_resubmitted_rows(frame, date_col, date_format=date_format)
        found = np.flatnonzero(again != np.arange(len(frame)))
        if len(found):
            rows = loaded.data["nps_row"].to_numpy()
            report = replace(report, resubmission_of=tuple(int(r) for r in rows[again[found]]))
            fresh = per_submission(frame, skip=(date_col,))
            notes.append(resubmission_note(len(found), ignored=fresh, lang=lang))
    if date_col is not None and nps_col is not None:
        # Scored but in no period (QA35 O2: LimeSurvey's incomplete responses, no submitdate).
        note = _undated_note(frame, nps_col, date_col, date_format, report, missing_values, lang)
        if note is not None:
            notes.append(note)
    spoken = _language(frame, infos)
    return Inspection(
        load=report,
        columns=tuple(infos),
        nps_column=nps_col,
        notes=tuple(notes),
        date_column=date_col,
        date_min=date_min,
        date_max=date_max,
        language=spoken.language,
        index=index,
        data=frame,
        spoken=spoken,
        date_notes=tuple(date_notes),
        date_order_evidence=order_evidence,
        test_rows=tests,
        month_rows=month_alone,
        resubmission_chance=chance,
        code_tables=coded,
    )
