"""What an inspection says: column kinds, :class:`ColumnInfo`, :class:`Inspection`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final, Literal, get_args

import pandas as pd

from nps_kit._answer_language import AnswerLanguage
from nps_kit._code_table import FoundCodes
from nps_kit._column_detail import said
from nps_kit._resubmit import ChancePairs
from nps_kit._test_rows import TestRows
from nps_kit.i18n import Language, t
from nps_kit.load import (
    ColumnIndex,
    LoadReport,
)

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
    r"(?:do|change|add)|改善|してほしい|して欲しい|足りない|物足りない"
    # What it would take, in either language (REVIEW45: 「10点にするには何が必要ですか」 was
    # a general comment box where "What can we do to earn a 10?" asked to improve).
    r"|more likely to recommend|what would it take|do (?:\w+ )?differently"
    r"|には何が|何があれば|[良よ]く(?:する|なる)",
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


def kind_words(kind: str, lang: Language) -> str:
    """Return a column's kind as inspect's table and errors name it in ``lang`` (MSG43).

    English is the kind as json and ``init`` write it (``categorical``); Japanese names it.
    """
    return t(f"inspect.kind.{kind}", lang)


def detail_words(detail: str, lang: Language) -> str:
    """Return a column's detail in ``lang`` (MSG43).

    The detail is recorded in English (json, ``init``'s comments); a
    :class:`~nps_kit._column_detail.Detail` is said from its catalogue entry and fields
    (LEFT45B: no longer read back from the English), any other detail (a number range) as
    written.
    """
    return said(detail, lang)
