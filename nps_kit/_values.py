"""Parse score and date cells as people really write them, vectorised over unique values.

Survey exports repeat the same few cell texts hundreds of thousands of times, so every parser here
factorizes the column, parses each distinct value once in Python and maps the results back with
numpy indexing. The cost is one ``pd.factorize`` plus work proportional to the number of distinct
values, never a Python loop over rows.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Number
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from nps_kit._era import ERA_RE, arabic_numerals, era_date
from nps_kit.clock import epoch_instants, export_date_order
from nps_kit.i18n import t

if TYPE_CHECKING:
    from nps_kit._column_facts import ColumnFacts
    from nps_kit.i18n import Language

__all__ = [
    "DATE_EXAMPLES",
    "DATE_FORMS",
    "DECIMAL_COMMA_RE",
    "DECIMAL_NUMBER_RE",
    "MISSING_WORDS",
    "NO_ANSWER_WORDS",
    "STATUSES",
    "WORDED_SCORE",
    "DateParse",
    "ScaleSplit",
    "ScoreParse",
    "any_date",
    "column_numbers",
    "date_only",
    "decimal_number",
    "has_time_of_day",
    "missing_words_said",
    "parse_date_values",
    "parse_dates",
    "parse_scores",
    "read_numbers",
    "scale_split",
    "states_zero_to_ten",
    "written_decimals",
]

STATUSES: Final = ("valid", "missing", "invalid")
_VALID, _MISSING, _INVALID = 0, 1, 2

#: Cell texts (after NFKC and case folding) that mean "no answer" in any column: they cannot be
#: a real answer. A categorical answer keeps every other text as written. ``\N`` (casefolded
#: ``\n``) is how MySQL and PostgreSQL dump NULL, never an answer (QA35).
NO_ANSWER_WORDS: Final = frozenset({"", "n/a", "#n/a", "-", "無回答", "未回答", "\\n"})
#: Cell texts that mean "no answer" where a number or a date must stand (the score, ratings,
#: weights, dates). ``NA``, ``None``, ``NULL`` are real answers elsewhere (North America, "none
#: of these"), so the readers keep them as written (:mod:`nps_kit._formats`) and only these
#: typed columns read them as missing (QA22).
#: ``*`` (``＊``) is a data-entry vendor's mark for a box left empty on a paper questionnaire
#: (QA36: a 温泉旅館's sheets keyed ``＊`` beside ``無回答``): never a number or a date.
MISSING_WORDS: Final = NO_ANSWER_WORDS | frozenset({"na", "nan", "none", "null", "<na>", "*"})
#: How messages write each of :data:`MISSING_WORDS` (the sets hold them case-folded).
_MISSING_SHOWN: Final = {
    "": "blank", "na": "NA", "n/a": "N/A", "#n/a": "#N/A", "nan": "NaN", "none": "None",
    "null": "NULL", "<na>": "<NA>", "\\n": "\\N", "-": "-", "無回答": "無回答", "未回答": "未回答",
    "*": "*",
}  # fmt: skip


def missing_words_said() -> str:
    r"""Say every score cell the loader reads as no answer: ``blank, NA, N/A, … \N, -, 無回答``.

    Written from :data:`MISSING_WORDS`, so a word added there is said in the messages too
    (QA35 O5: the ``--strict`` hint left out ``NULL``, ``None`` and ``\N``).
    """
    shown = [_MISSING_SHOWN[w] for w in _MISSING_SHOWN if w in MISSING_WORDS]
    shown += sorted(w for w in MISSING_WORDS if w not in _MISSING_SHOWN)
    return ", ".join(shown)


# Dashes and minus signs that NFKC leaves alone but people type in front of numbers and labels.
_DASHES: Final = str.maketrans(dict.fromkeys("‐‑‒–—―−ー－", "-"))

# A number, an optional 点, then optionally a label such as "- Extremely likely",
# "= まったく思わない" or "(とても)". The label must not start with a digit, so "9-10" is not
# read as 9.
_SCORE_RE: Final = re.compile(
    r"""^(?P<num>[+-]?\d+(?:\.\d+|,\d{1,2}(?!\d))?)\s*点?
        (?:\s*(?:[-=:]|\s)\s*(?=[^\d\s])\S.*|\s*\(.*\))?$""",
    re.VERBOSE | re.DOTALL,
)

#: A score written with a decimal comma, as German or French Excel writes a number formatted
#: ``0,0`` (``9,0``): the whole number when its decimals are zeros, like ``9.0`` (QA26 #4). One or
#: two decimals only, so a thousands separator (``1,000``) is never read as 1.
DECIMAL_COMMA_RE: Final = re.compile(r"^[+-]?\d+,\d{1,2}(?!\d)")
#: A score written in digits other than ASCII's, or with 点, that :func:`parse_scores` reads
#: (through NFKC): full-width (``１０``), circled (``⑩``, ``⓪``), superscript or subscript,
#: mathematical and any script's decimal digits (``١٠``); counted by the loader (QA24, QA36 O4).
OTHER_DIGITS: Final = re.compile(r"(?![0-9])\d|[⓪①-⑩⁰¹²³⁴-⁹₀-₉]|点$")
#: A score written with words after its number, as Medallia and SurveyMonkey export a scale's
#: labelled points (``10 - Extremely likely``, ``0 - Not at all likely``, ``10 = 非常に``):
#: :func:`parse_scores` reads the number; the loader counts them, and the data-quality section
#: and ``inspect`` say how many with one example (QA44: read as 10 without a word).
WORDED_SCORE: Final = re.compile(r"^[+-]?\d+(?:[.,]\d{1,2})?\s*点?\s*(?:[-=:(]|\s).*?[^\W\d_]")
#: An amount written with one or two decimals, in either convention (QA26 #8, #17): a decimal
#: comma with dots between thousands (``95,65``, ``2.306,17``, German and French Excel) or a
#: decimal point with commas between them (``133316.64``, ``1,234.50``). Group ``comma`` holds
#: the decimals after a comma. No phone number ends in a group of one or two digits after a
#: single separator, and no multi-select of options is written so.
DECIMAL_NUMBER_RE: Final = re.compile(
    r"""^[+-]?(?:
        (?P<dotted>\d{1,3}(?:\.\d{3})+|\d+),(?P<comma>\d{1,2})
        |(?P<grouped>\d{1,3}(?:,\d{3})+|\d+)\.(?P<point>\d{1,2})
    )$""",
    re.VERBOSE,
)
_REASON_RANGE: Final = "outside 0–10"
_REASON_WHOLE: Final = "not a whole number"
_REASON_TEXT: Final = "not a number"
_STATUS_DTYPE: Final = pd.CategoricalDtype(list(STATUSES))
_REASON_DTYPE: Final = pd.CategoricalDtype([_REASON_RANGE, _REASON_WHOLE, _REASON_TEXT])


@dataclass(frozen=True)
class ScoreParse:
    """Result of :func:`parse_scores`, aligned with the input (same index and length).

    Attributes
    ----------
    score
        ``Int64`` series: the 0–10 score, ``<NA>`` when missing or invalid.
    status
        ``category`` series with categories ``valid``, ``missing``, ``invalid``.
    reason
        ``category`` series: why a value is invalid (``outside 0–10``, ``not a whole number``,
        ``not a number``), ``NaN`` for valid and missing values.
    """

    score: pd.Series
    status: pd.Series
    reason: pd.Series


@dataclass(frozen=True)
class DateParse:
    """Result of :func:`parse_date_values`.

    Attributes
    ----------
    dates
        ``datetime64[ns]`` series, ``NaT`` when blank or unreadable.
    unparsed
        Boolean series: ``True`` where the cell had a value that could not be read as a date.
    order
        How numeric dates such as ``12/13/2019`` were read: ``"month-first"``, ``"day-first"``
        or ``None`` when the column has none.
    ambiguous
        Whether the column has numeric dates that read either way (every day and month ≤ 12)
        and no ``date_format`` said which; those cells are then left unread.
    contradicted
        The order the numeric dates read in when ``date_format`` asked for the other one and
        more of them read only that way than only the way asked (``13/10/2026`` under
        ``"month-first"``): the option is then wrong, not the cells. ``None`` otherwise.
    contradicting
        Up to two such cells, as written, and how many distinct numeric dates read only the
        other way (``against``) of those that read only one way (``decided``).
    order_evidence
        When the dates read both ways and no ``date_format`` was given: why ``order`` was
        chosen (:func:`nps_kit.clock.export_date_order`), e.g. "a 12-hour AM/PM clock …".
    epoch
        Whether the cells were Unix epoch times (:func:`nps_kit.clock.epoch_instants`), read
        as the UTC instants they are.
    """

    dates: pd.Series
    unparsed: pd.Series
    order: str | None = None
    ambiguous: bool = False
    contradicted: str | None = None
    contradicting: tuple[str, ...] = ()
    against: int = 0
    decided: int = 0
    order_evidence: str | None = None
    epoch: bool = False


def decimal_number(text: str) -> float | None:
    """Return the value of an amount written with decimals, else ``None``.

    Parameters
    ----------
    text
        A cell as written: ``2.306,17``, ``95,65``, ``133316.64``, ``1,234.50``.

    Returns
    -------
    float or None
        ``2306.17`` for ``2.306,17``; ``None`` for a whole number, a date, a phone number or
        anything with more or fewer than one or two decimals (``1,000`` is not 1.0).
    """
    match = DECIMAL_NUMBER_RE.match(text.strip())
    if match is None:
        return None
    sign = "-" if text.strip().startswith("-") else ""
    if match["comma"] is not None:
        return float(f"{sign}{match['dotted'].replace('.', '')}.{match['comma']}")
    return float(f"{sign}{match['grouped'].replace(',', '')}.{match['point']}")


def read_numbers(text: pd.Series) -> pd.Series:
    """Read each cell as a number, ``NaN`` where it is none.

    A number as pandas reads it (``4``, ``4.5``, ``1e3``) or written with one or two decimals
    in either convention (:func:`decimal_number`: ``4,0`` is 4, ``95,65`` is 95.65). The reader
    of a column known to hold numbers (a rating: QA26's ``4,0`` was an invalid answer of a
    1–5 rating while the score's ``9,0`` read as 9); :func:`column_numbers` decides first
    whether a column holds numbers at all.
    """
    numeric = pd.to_numeric(text, errors="coerce").astype("float64")
    unread = numeric.isna() & text.notna()
    if unread.any():
        written = text[unread].astype(str)
        amounts = {v: decimal_number(v) for v in written.unique()}
        numeric[unread] = written.map(amounts).astype("float64")
    return numeric


# Codes joined by commas, as a multi-select of numbered options is exported: 1,5,12.
_SEVERAL_COMMAS: Final = re.compile(r"\d+(?:,\d+){2,}")
_THOUSANDS: Final = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_ONE_COMMA: Final = re.compile(r"[+-]?(?P<whole>[\d.]+),(?P<part>\d{1,2})")


def column_numbers(text: pd.Series) -> pd.Series:
    """Read a column's answers as numbers, unless the column says they are something else.

    Amounts with a decimal comma (``95,65``, ``2.306,17``) are numbers (:func:`decimal_number`;
    split at the comma they were a multi-select of "options" 07, 15, 936: QA26 #8). Not so when
    the column shows its commas join option codes (FIX49), by evidence over the column:

    - a cell joins three or more numbers (``1,5,12``), which no amount does;
    - fewer than half of the answers with a comma have two digits after it (``1,3``: FIX45),
      unless its tenths include 0 and 20 or more numbers stand before its commas (``150,0``,
      ``83,4`` seconds: QA30), or every answer has its decimal comma, whole ones written
      ``4,0`` (``4,5``, ``3,0``: a 1–5 rating with halves, FIX71), which codes picked two by
      two (``1,3``, ``2,4``) are not;
    - no part after a comma starts with 0, as cents do (``,05``), and nearly all of them are
      also written alone or before a comma: codes of one list of options (``10,12`` beside
      ``3,10`` and ``12``), where cents run from 00 to 99 apart from the amounts.

    A column mixing both conventions (``95,65`` beside ``12.50``) holds no numbers either.

    Parameters
    ----------
    text
        The column's distinct answers as written (strings).

    Returns
    -------
    pandas.Series
        Floats on ``text.index``; ``NaN`` for answers that are no number, and for every answer
        with a comma when its commas join codes.
    """
    numeric = pd.to_numeric(text, errors="coerce")
    if numeric.notna().all():
        return numeric
    comma = text.str.fullmatch(_ONE_COMMA.pattern)
    point = text.str.fullmatch(r"[+-]?[\d,]*\d\.\d{1,2}")
    if comma.any() and point.any():
        # 95,65 beside 12.50: neither reading holds for the column.
        return numeric
    if comma.any() and _comma_codes(text, comma):
        return numeric
    return numeric.fillna(read_numbers(text))


# More distinct numbers before a comma than a question has options.
_MANY_WHOLES: Final = 20


def _comma_codes(text: pd.Series, comma: pd.Series) -> bool:
    """Whether the commas of a column's answers join option codes (see :func:`column_numbers`)."""
    several = text.str.fullmatch(_SEVERAL_COMMAS.pattern) & ~text.str.fullmatch(_THOUSANDS.pattern)
    if several.any():
        return True
    parts = text[comma].str.extract(_ONE_COMMA.pattern)
    if comma.all() and "0" in set(parts["part"]):
        # Every answer with its decimal comma, whole ones too (4,0): a number format's, as German
        # Excel writes a 1-5 rating with halves (FIX71: 4,5 was options 4 and 5). Codes picked
        # two by two (1,3 · 2,4) have no option 0 after another.
        return False
    if (parts["part"].str.len() == 2).mean() < 0.5:
        # One decimal (83,4 seconds) is no list of codes when its tenths include 0 (150,0) and
        # its wholes run over more values than options do (QA30: a duration read as codes).
        return not ("0" in set(parts["part"]) and parts["whole"].nunique() >= _MANY_WHOLES)
    after = set(parts["part"])
    if any(p.startswith("0") for p in after):
        return False  # cents: 95,05
    alone = set(text[~comma & text.str.fullmatch(r"\d+")]) | set(parts["whole"])
    return len(after & alone) >= 0.8 * len(after)


def _normalise_text(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_DASHES).strip()


def _parse_score_value(
    value: Any, missing: frozenset[str] = MISSING_WORDS
) -> tuple[int, int, str | None]:
    """Parse one distinct cell value into ``(score, status, reason)``."""
    if isinstance(value, bool | np.bool_):
        return 0, _INVALID, _REASON_TEXT
    if isinstance(value, Number):
        number = float(value)  # type: ignore[arg-type]
        if math.isnan(number):
            return 0, _MISSING, None
        return _check_number(number)
    text = _normalise_text(str(value))
    if text.casefold() in missing:
        return 0, _MISSING, None
    match = _SCORE_RE.match(text)
    if match is None:
        return 0, _INVALID, _REASON_TEXT
    # 9,0 is 9 by the one rule of amounts with decimals (QA26 #4).
    decimals = decimal_number(match["num"])
    return _check_number(float(match["num"]) if decimals is None else decimals)


def _check_number(number: float) -> tuple[int, int, str | None]:
    if not math.isfinite(number):
        return 0, _INVALID, _REASON_TEXT
    if not number.is_integer():
        return 0, _INVALID, _REASON_WHOLE
    if not 0 <= number <= 10:
        return 0, _INVALID, _REASON_RANGE
    return int(number), _VALID, None


def _build(
    values: pd.Series, scores: np.ndarray, status: np.ndarray, reasons: np.ndarray
) -> ScoreParse:
    return ScoreParse(
        score=pd.Series(
            pd.arrays.IntegerArray(scores.astype("int64"), status != _VALID),
            index=values.index,
            name=values.name,
        ),
        status=pd.Series(
            pd.Categorical.from_codes(status.astype("int8"), dtype=_STATUS_DTYPE),
            index=values.index,
            name=values.name,
        ),
        reason=pd.Series(
            pd.Categorical.from_codes(reasons.astype("int8"), dtype=_REASON_DTYPE),
            index=values.index,
            name=values.name,
        ),
    )


# A question that names its 0–10 range: "(0＝まったくおすすめしない〜10＝強くおすすめする)",
# "0-10", "0 to 10", 「0点から10点」, "0 = not at all likely", "0 (not at all likely)".
_ZERO_TO_TEN: Final = re.compile(
    r"(?<![\d.])0\s*点?\s*(?:-|–|—|~|〜|から|to)\s*10(?![\d.])"
    r"|(?<![\d.])0\s*(?:=|:|\(|means|being|is)\s*(?!\d)\w",
    re.IGNORECASE,
)


#: The 0s a 0–10 question's answers should have held for "no 0" to say it is 1–10 (QA28 #9a).
ZEROS_EXPECTED: Final = 5


def no_zero_is_evidence(ones: int, twos: int) -> bool:
    """Whether answers with no 0 show a 1–10 scale: the 1s and 2s seen make 0s expected.

    On a 0–10 question a 0 is about as common as a 1 or a 2, so ``(ones + twos) / 2`` 0s were
    to be expected; with :data:`ZEROS_EXPECTED` or more (none seen has a chance under 1 %),
    their absence is evidence. A gym's 95 answers with one 1 and two 2s are not (QA28 #9a).
    """
    return (ones + twos) / 2 >= ZEROS_EXPECTED


#: A column splits the scale only when it has this many values at most (a version, a channel).
_SPLIT_VALUES: Final = 12
# Rows whose values are counted first: a column of many values shows them there.
_FIRST_ROWS: Final = 1_000
# A column that tells versions of the survey apart, by its header ("Survey version", "Form",
# "Wave", 調査票) or its values (v1, v2; "Version 3"). Only such a column splits the scale: an
# answer column is correlated with the score by design (a dental export's 22 "Dissatisfied"
# answers to "Ease of booking" had no 0 and enough 1s and 2s for the rule).
_VERSION_HEADER: Final = re.compile(
    r"\bversion\b|\bver\b|\bform\b|\bwave\b|questionnaire|\bscale\b|\bsurvey\b"
    r"|バージョン|調査票|版",
    re.IGNORECASE,
)
_VERSION_VALUE: Final = re.compile(r"(?:v|ver\.?|version)\s*\d+(?:\.\d+)*", re.IGNORECASE)


@dataclass(frozen=True)
class ScaleSplit:
    """One value of a column whose answers never use 0 while the others do (QA29 F6).

    The export's sign of two scales mixed in one score column: a survey version (or a channel,
    a form) that asked 1–10 beside one that asks 0–10. The tool cannot know what the value
    means, so it says so and converts nothing.

    Attributes
    ----------
    column, value
        The column and its value (as written, stripped) whose answers have no 0.
    answers
        The valid scores of that value's rows.
    others_zero
        The 0s among the other rows' valid scores.
    """

    column: str
    value: str
    answers: int
    others_zero: int

    def rows(self, frame: pd.DataFrame) -> pd.Series:
        """Return the mask of ``frame``'s rows with this value (all of them, not only scored)."""
        text = frame[self.column].astype("string").str.strip()
        return (text == self.value).fillna(False).astype(bool)

    def describe(self) -> str:
        """Say what was found, for notes (``inspect``, ``init``, ``score``)."""
        return (
            f"the {self.answers:,} answers with {self.column!r} = {self.value!r} have no 0 while "
            f"the other answers have {self.others_zero:,}: they may have been asked on a 1–10 "
            "scale, not 0–10"
        )

    def note(self, score_column: str, lang: Language = "en") -> str:
        """Say it of ``score_column`` as ``inspect`` and ``score`` do: counted, not converted.

        In ``lang`` (MSG42), in the words of the report's data quality (quality.other_scale).
        """
        from nps_kit.i18n import t

        return t(
            "scale_split.note",
            lang,
            score=score_column,
            column=self.column,
            value=self.value,
            answers=f"{self.answers:,}",
            zeros=f"{self.others_zero:,}",
        )


def scale_split(
    scores: pd.Series,
    frame: pd.DataFrame,
    *,
    skip: Iterable[str] = (),
    facts: ColumnFacts | None = None,
) -> ScaleSplit | None:
    """Find a column one of whose values' answers show a 1–10 scale while the others use 0.

    The rule of the whole column's "looks like 1–10" note (:func:`no_zero_is_evidence`),
    applied to the rows of each value of a column of survey versions (a header such as
    "Survey version", "Form", "Wave", or values such as v1, v2) with a few values: no 0 among
    them, though their 1s and 2s make 0s expected, and 0s among the other rows (QA29 F6: 165
    answers of a hospital's survey version v1, asked 1–10, counted as 0–10 without a word).
    Answer columns are not looked at: their answers go with the score by design.

    Parameters
    ----------
    scores
        The parsed scores (``NA`` where not a valid 0–10 answer), index of ``frame``.
    frame
        The export's columns.
    skip
        Columns not to look at (the score column).
    facts
        The load's memo of its columns' distinct values (:mod:`nps_kit._column_facts`): a
        text column's values are then counted and read once per distinct value (LOAD41).

    Returns
    -------
    ScaleSplit or None
        The value with the most answers among those found; ``None`` when the whole column has
        no 0 (the whole column's note says it) or no value's rows show another scale.
    """
    numbers = pd.to_numeric(scores, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    answered = ~np.isnan(numbers)
    zero = numbers == 0
    if not zero.any():
        return None
    low = {k: numbers == k for k in (1, 2)}
    skipped = set(skip)
    best: ScaleSplit | None = None
    for column in frame.columns:
        values = frame[column]
        if column in skipped or str(column).startswith("nps_"):
            continue
        if not (
            pd.api.types.is_object_dtype(values)
            or pd.api.types.is_string_dtype(values)
            or isinstance(values.dtype, pd.CategoricalDtype)
        ):
            continue
        if values.iloc[:_FIRST_ROWS].nunique(dropna=True) > 2 * _SPLIT_VALUES:
            continue  # many values in the first rows already (an id, a date, a comment)
        named = _VERSION_HEADER.search(unicodedata.normalize("NFKC", str(column))) is not None
        if facts is not None and isinstance(values.array, pd.arrays.ArrowStringArray):
            # The column's distinct values, hashed once for the load: counted, and stripped
            # and matched before any row is (the rows only for a column of versions).
            uniques = facts.distinct(values).uniques
            if not 2 <= len(uniques) <= 2 * _SPLIT_VALUES:
                continue
            written = uniques.astype("string").str.strip()
            distinct = pd.Series(written[written != ""].unique(), dtype="string")
            if not named and not distinct.str.fullmatch(_VERSION_VALUE).all():
                continue
        elif not 2 <= values.nunique(dropna=True) <= 2 * _SPLIT_VALUES:
            continue  # cheap first: most columns have one value or many
        text = values.astype("string").str.strip()
        kept = text.where(text != "")
        # Each distinct value once: a column of versions repeats a few values over every row.
        distinct = pd.Series(kept.dropna().unique(), dtype="string")
        if not named and not distinct.str.fullmatch(_VERSION_VALUE).all():
            continue  # not a column of survey versions
        if not 2 <= kept[answered].nunique(dropna=True) <= _SPLIT_VALUES:
            continue
        for value in kept[answered].dropna().unique():
            mine = (kept == value).fillna(False).to_numpy(dtype=bool) & answered
            if (zero & mine).any():
                continue
            if not no_zero_is_evidence(int((low[1] & mine).sum()), int((low[2] & mine).sum())):
                continue
            others_zero = int((zero & ~mine).sum())
            found = ScaleSplit(str(column), str(value), int(mine.sum()), others_zero)
            if best is None or found.answers > best.answers:
                best = found
    return best


def states_zero_to_ten(*texts: str | None) -> bool:
    """Whether a column's header or question text says its answers run from 0 to 10.

    Such a question is on the 0–10 scale even when nobody answered 0, so a score column
    without a 0 is not taken for a 1–10 scale.

    Parameters
    ----------
    *texts
        The column's header and question text (``None`` where there is none).

    Returns
    -------
    bool
        ``True`` when any text states the 0 end of a 0–10 range.

    Examples
    --------
    >>> states_zero_to_ten("おすすめ度（0＝まったくおすすめしない〜10＝強くおすすめする）")
    True
    >>> states_zero_to_ten("How likely are you to recommend us? (0 = not at all likely)")
    True
    >>> states_zero_to_ten("How likely are you to recommend us? (1-10)", None)
    False
    """
    return any(
        _ZERO_TO_TEN.search(unicodedata.normalize("NFKC", text)) is not None
        for text in texts
        if text
    )


def missing_words(extra: Iterable[str] = (), *, typed: bool = True) -> frozenset[str]:
    """Return the words of "no answer" plus ``extra`` codes, normalised as cells are.

    ``typed``: :data:`MISSING_WORDS`, for a column that must hold a number or a date; else
    :data:`NO_ANSWER_WORDS`, for answers kept as written.
    """
    base = MISSING_WORDS if typed else NO_ANSWER_WORDS
    return base | {_normalise_text(str(word)).casefold() for word in extra}


def parse_scores(
    values: pd.Series, *, missing_values: Iterable[str] = (), facts: ColumnFacts | None = None
) -> ScoreParse:
    """Parse 0–10 scores written as people really write them.

    Accepted as valid: integers and integral floats 0–10 (``9``, ``9.0``, ``9,0``, `` 8 ``),
    full-width digits (``９``, ``１０``), ``9点``, and a number followed by a label
    (``10 - Extremely likely``, ``0 = まったく思わない``). Missing: blank, ``NA``, ``N/A``, ``-``,
    ``無回答``, ``未回答``, NaN and ``None``. Everything else (``11``, ``-1``, ``7.5``, ``7,5``,
    ``abc``) is invalid.

    Parameters
    ----------
    values
        The raw score column, of any dtype.
    missing_values
        More cell texts that mean "no answer" in this survey (e.g. ``"Don't know"``,
        ``"わからない"``), compared after NFKC normalisation and case folding.
    facts
        The load's memo: a text column's distinct values, hashed once (LOAD41).

    Returns
    -------
    ScoreParse
        ``score``, ``status`` and ``reason`` series with the index of ``values``.

    Examples
    --------
    >>> parse_scores(pd.Series(["９", "10 - Extremely likely", "N/A", "11"])).score.tolist()
    [9, 10, <NA>, <NA>]
    """
    n = len(values)
    if pd.api.types.is_bool_dtype(values.dtype):
        return _build(
            values,
            np.zeros(n, dtype="int64"),
            np.where(values.isna(), _MISSING, _INVALID),
            np.where(values.isna(), -1, 2),
        )
    if pd.api.types.is_numeric_dtype(values.dtype):
        # Numeric columns (xlsx, parquet, clean CSV): pure numpy, no per-value work at all.
        number = values.to_numpy(dtype="float64", na_value=np.nan)
        missing = np.isnan(number)
        finite = np.isfinite(number)
        whole = finite & (np.floor(np.where(finite, number, 0)) == number)
        in_range = whole & (number >= 0) & (number <= 10)
        status = np.where(missing, _MISSING, np.where(in_range, _VALID, _INVALID))
        reasons = np.select([missing | in_range, whole, finite], [-1, 0, 1], default=2)
        scores = np.where(in_range, number, 0)
        return _build(values, scores, status, reasons)
    if facts is not None and isinstance(values.array, pd.arrays.ArrowStringArray):
        distinct = facts.distinct(values)
        codes, uniques = distinct.codes, distinct.uniques.array
    else:
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
    missing = missing_words(missing_values)
    if missing == MISSING_WORDS:
        parsed = [_parse_score_value(u) for u in uniques]
    else:
        parsed = [_parse_score_value(u, missing) for u in uniques]
    reason_index = {None: -1, _REASON_RANGE: 0, _REASON_WHOLE: 1, _REASON_TEXT: 2}
    # One extra slot at the end for code -1 (NaN/None), which numpy indexing maps to the last item.
    u_scores = np.array([p[0] for p in parsed] + [0], dtype="int64")
    u_status = np.array([p[1] for p in parsed] + [_MISSING], dtype="int8")
    u_reason = np.array([reason_index[p[2]] for p in parsed] + [-1], dtype="int8")
    return _build(values, u_scores[codes], u_status[codes], u_reason[codes])


# --- dates -------------------------------------------------------------------------------------

_EXCEL_EPOCH: Final = pd.Timestamp("1899-12-30")
# Excel serials from 1900-03-01 to 2262-04-10; smaller numbers are more likely counts than dates.
# The upper end is the last whole day pandas' nanosecond timestamps hold (2262-04-11 is 132,320):
# up to 9999-12-31 (2,958,465), 6-7 digit response ids and order numbers overflowed into a
# traceback in inspect and init (QA26 #1). A larger number is not a date.
_SERIAL_MIN, _SERIAL_MAX = 61, 132_319
# A number written as text. One with a leading zero (顧客番号 0055584) is a code, never an Excel
# serial: Excel writes no serial with one (QA24 took customer numbers for 1937 dates).
_NUMBER_RE: Final = re.compile(r"^\d+(?:\.\d+)?$")
_ZERO_PADDED_RE: Final = re.compile(r"^0\d")
_YMD_RE: Final = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,6}))?)?)?$"
)
_JA_RE: Final = re.compile(
    r"^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*\(.\))?"
    r"(?:\s*(\d{1,2})(?:時|:)(?:(\d{1,2})分?(?:(\d{1,2})秒?)?)?)?$"
)
# Day and month in either order with a 2- or 4-digit year, as US and European spreadsheets and
# Google Forms write them: 12/13/2019 9:50:30, 9/8/18 15:29, 13.12.2019, 1/2/2026 3:04 PM,
# and SurveyMonkey's Japanese interface 11/03/2026 09:05:12 午前 (QA39: read as free text).
_NUMERIC_RE: Final = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})"
    r"(?:[ T,]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d{1,6})?)?\s*([AaPp][Mm]|午前|午後)?)?$"
)
# Japanese Google Forms writes a 12-hour clock with 午前/午後 after the time and the zone after
# that: 2026/11/03 9:05:33 午前 GMT+9 (12:10:00 午前 is ten past midnight). QA34 read none of them.
_YMD_HALF_RE: Final = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?\s*"
    r"(午前|午後|[AaPp][Mm])(?:\s*(?:GMT|UTC)([+-]\d{1,2})(?::?(\d{2}))?)?$"
)
# The half of the day before the time, as a Japanese Excel or Windows writes it ("yyyy/m/d
# AM/PM h:mm"): 2026/11/03 午前 9:05, 2026/11/03 午後 1:05:33 (QA39).
_YMD_HALF_FIRST_RE: Final = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s+(午前|午後)\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$"
)
# A month's name first, as Alchemer (SurveyGizmo) and US tools write: Nov 3, 2026 9:05 AM,
# November 3, 2026, Sept. 30, 2026 12:10 PM. QA34 read none of them.
_MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                  "dec")  # fmt: skip
_NAMED_RE: Final = re.compile(
    r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})"
    r"(?:,?\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?\s*([AaPp][Mm])?)?$"
)
MONTH_FIRST, DAY_FIRST = "month-first", "day-first"
#: ``date_format: "%s"``, strftime's code for Unix epoch seconds: read every whole number of
#: the column as one (milliseconds when they are 13 digits), :func:`nps_kit.clock.epoch_instants`.
EPOCH_SECONDS: Final = "%s"
#: The date forms the loader reads, for messages.
#: The examples of :data:`DATE_FORMS` written with Japanese words, as the tools write them
#: (a space beside 午前 is theirs): fields of the catalogue's ``load.date_forms``.
DATE_EXAMPLES: Final = {
    "kanji": "2026年10月3日 9時15分",
    "google": "2026/11/03 9:05:33 午前 GMT+9",
    "excel": "2026/11/03 午前 9:05",
    "monkey": "11/03/2026 09:05:33 午前",
}
DATE_FORMS: Final = t("load.date_forms", "en", **DATE_EXAMPLES)
# Vectorised formats tried on the distinct values before the per-value fallback.
_NAT: Final = np.datetime64("NaT").astype("int64").item()
_FAST_FORMATS: Final = ("ISO8601", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d")


# The days pandas' nanosecond timestamps hold: a date written past them (a typed 3026 for 2026)
# stopped inspect with OutOfBoundsDatetime or wrapped round to 1829 (QA26 #1): it is not read.
_FIRST_DAY: Final = pd.Timestamp("1677-09-22")
_LAST_DAY: Final = pd.Timestamp("2262-04-10")


def _in_range(parsed: Any) -> Any:
    """Return parsed dates (an index or a series) with those pandas cannot hold in ns as NaT."""
    return parsed.where((parsed >= _FIRST_DAY) & (parsed < _LAST_DAY + pd.Timedelta(days=1)))


def _serial(number: float) -> pd.Timestamp | None:
    if not _SERIAL_MIN <= number <= _SERIAL_MAX:
        return None
    return (_EXCEL_EPOCH + pd.to_timedelta(round(number * 86_400), unit="s")).as_unit("ns")


def _numeric_date(match: re.Match[str], order: str) -> pd.Timestamp | None:
    first, second, year_text, hour, minute, second_s, ampm = match.groups()
    day, month = (int(first), int(second)) if order == DAY_FIRST else (int(second), int(first))
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < 70 else 1900
    h = _hour(hour, ampm)
    if h is None:
        return None
    try:
        return pd.Timestamp(dt.datetime(year, month, day, h, int(minute or 0), int(second_s or 0)))
    except ValueError:
        return None


def _hour(hour: str | None, half: str | None) -> int | None:
    """Return the hour on a 24-hour clock (on a 12-hour one ``12 AM`` / ``12 午前`` is 0)."""
    h = int(hour or 0)
    if not half:
        return h
    if not 1 <= h <= 12:
        return None
    return h % 12 + (12 if half in ("午後",) or half.casefold() == "pm" else 0)


def _stamp(
    day: tuple[int, int, int], hour: int | None, minute: int, second: int, offset: Any = None
) -> pd.Timestamp | None:
    """Return the timestamp, ``None`` when impossible; aware with ``offset`` (``("+9", None)``)."""
    if hour is None:
        return None
    try:
        when = dt.datetime(*day, hour, minute, second)
    except ValueError:
        return None
    if offset is None:
        return pd.Timestamp(when)
    hours, minutes = int(offset[0]), int(offset[1] or 0)
    if abs(hours) > 14:
        return None
    delta = dt.timedelta(hours=abs(hours), minutes=minutes)
    zone = dt.timezone(-delta if offset[0].startswith("-") else delta)
    return pd.Timestamp(when.replace(tzinfo=zone))


def _half_day_date(text: str) -> pd.Timestamp | None:
    """Read ``2026/11/03 9:05:33 午前 GMT+9``, ``2026/11/03 午前 9:05``, ``Nov 3, 2026 9:05 AM``."""
    if (m := _YMD_HALF_FIRST_RE.match(text)) is not None:
        year, month, day, half, hour, minute, second = m.groups()
        day_ = (int(year), int(month), int(day))
        return _stamp(day_, _hour(hour, half), int(minute), int(second or 0))
    if (m := _YMD_HALF_RE.match(text)) is not None:
        year, month, day, hour, minute, second, half, zone_h, zone_m = m.groups()
        offset = None if zone_h is None else (zone_h, zone_m)
        day_ = (int(year), int(month), int(day))
        return _stamp(day_, _hour(hour, half), int(minute), int(second or 0), offset)
    if (m := _NAMED_RE.match(text)) is not None:
        name, day, year, hour, minute, second, half = m.groups()
        key = name.casefold()[:3]
        spelt = len(name) == 3 or name.casefold() == "sept" or _month_name(name) == key
        if key not in _MONTHS or not spelt:
            return None
        month = _MONTHS.index(key) + 1
        day_ = (int(year), month, int(day))
        return _stamp(day_, _hour(hour, half), int(minute or 0), int(second or 0))
    return None


def _month_name(name: str) -> str | None:
    """Return the 3-letter key of a month's full name (``November`` → ``nov``), else None."""
    try:
        return dt.datetime.strptime(name.capitalize(), "%B").strftime("%b").casefold()
    except ValueError:
        return None


def numeric_date_order(texts: Iterable[str]) -> tuple[str | None, bool]:
    """Decide whether ``n/n/yy`` dates are month-first or day-first.

    Returns ``(order, ambiguous)``: the order proven by a first number over 12 (day-first) or a
    second number over 12 (month-first); ``(None, True)`` when every date reads both ways;
    ``(None, False)`` when there are no such dates or they contradict each other.
    """
    firsts = seconds = 0
    seen = False
    for text in texts:
        match = _NUMERIC_RE.match(text)
        if match is None:
            continue
        seen = True
        firsts = max(firsts, int(match[1]))
        seconds = max(seconds, int(match[2]))
    if not seen or (firsts > 12 and seconds > 12):
        return None, False
    if firsts > 12:
        return DAY_FIRST, False
    if seconds > 12:
        return MONTH_FIRST, False
    return None, True


def _order_evidence(texts: Iterable[str], chosen: str) -> tuple[list[str], int]:
    """Return the numeric dates that read only against ``chosen``, and how many read one way.

    A first number over 12 reads only day-first, a second number over 12 only month-first;
    a date with both over 12 reads neither way and decides nothing.
    """
    against: list[str] = []
    decided = 0
    for text in texts:
        match = _NUMERIC_RE.match(text)
        if match is None:
            continue
        first, second = int(match[1]), int(match[2])
        if (first > 12) == (second > 12):
            continue
        decided += 1
        if (DAY_FIRST if first > 12 else MONTH_FIRST) != chosen:
            against.append(text)
    return against, decided


def _naive(stamp: pd.Timestamp, timezone: str | None) -> pd.Timestamp:
    """Return ``stamp`` as a naive wall-clock time: of ``timezone`` when it carries a zone.

    A time that carries its zone is an instant: seen in ``timezone`` it is the wall clock of
    the unit's readers. ``timezone`` ``None`` keeps the wall clock it was written in. A naive
    time is already a wall clock and stays as it is.
    """
    if stamp.tzinfo is None:
        return stamp
    if timezone is not None:
        stamp = stamp.tz_convert(timezone)
    return stamp.tz_localize(None)


def _parse_date_value(
    value: Any, order: str | None = None, timezone: str | None = None
) -> pd.Timestamp | None:
    """Parse one distinct cell into a naive timestamp, or ``None`` when it is not a date.

    ``order`` says how to read ``n/n/yy`` dates; ``None`` leaves them unread. A time with a
    zone is seen in ``timezone`` (:func:`_naive`).
    """
    if isinstance(value, dt.datetime | dt.date):
        return _naive(pd.Timestamp(value), timezone)
    if isinstance(value, bool | np.bool_):
        return None
    if isinstance(value, Number):
        number = float(value)  # type: ignore[arg-type]
        return _serial(number) if math.isfinite(number) else None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if "年" in text:
        text = arabic_numerals(text)
    if _NUMBER_RE.match(text):
        return None if _ZERO_PADDED_RE.match(text) else _serial(float(text))
    if order is not None and (numeric := _NUMERIC_RE.match(text)) is not None:
        return _numeric_date(numeric, order)
    if (era := ERA_RE.match(text)) is not None:
        return era_date(era)
    if (half_day := _half_day_date(text)) is not None:
        return _naive(half_day, timezone)
    match = _YMD_RE.match(text) or _JA_RE.match(text)
    if match is not None:
        year, month, day, hour, minute, second = (int(p) if p else 0 for p in match.groups()[:6])
        fraction = match.groups()[6] if len(match.groups()) > 6 else None
        micro = int((fraction or "0").ljust(6, "0"))
        try:
            return pd.Timestamp(dt.datetime(year, month, day, hour, minute, second, micro))
        except ValueError:
            return None
    try:
        stamp = pd.Timestamp(dt.datetime.fromisoformat(text))
    except ValueError:
        return None
    return _naive(stamp, timezone)


def _fast_pass(texts: pd.Index, out: np.ndarray) -> None:
    """Fill ``out`` (int64 ns, NaT) for distinct values that pandas parses with a fixed format."""
    todo = np.flatnonzero(out == _NAT)
    for fmt in _FAST_FORMATS:
        if len(todo) == 0:
            return
        try:
            parsed = pd.to_datetime(pd.Index(texts[todo]), format=fmt, errors="coerce")
        except (ValueError, TypeError):
            continue
        if getattr(parsed, "tz", None) is not None:
            continue
        parsed = _in_range(parsed)
        as_ns = parsed.as_unit("ns").asi8
        ok = ~parsed.isna()
        out[todo[ok]] = as_ns[ok]
        todo = todo[~ok]


def _is_text(values: Any) -> bool:
    """Whether every non-missing value is a string (pandas ``str`` dtype or all-str objects)."""
    if values.dtype == object:
        return pd.api.types.infer_dtype(values, skipna=True) in {"string", "empty"}
    return pd.api.types.is_string_dtype(values.dtype)


def _by_uniques(
    values: pd.Series, order: str | None, timezone: str | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Parse each distinct value once; return int64 nanoseconds (NaT) and a blank mask."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    out = np.full(len(uniques) + 1, _NAT, dtype="int64")  # last slot: code -1 (NaN)
    blank = np.zeros(len(uniques) + 1, dtype=bool)
    blank[-1] = True
    if len(uniques):
        if _is_text(uniques):
            stripped = pd.Index(uniques).str.strip()
            # "NA", "None" in a date column: no answer, as in the score (not an unread date).
            blank[:-1] = (stripped == "") | stripped.str.casefold().isin(MISSING_WORDS)
            _fast_pass(stripped, out[:-1])
        for i in np.flatnonzero((out[:-1] == _NAT) & ~blank[:-1]):
            value = uniques[int(i)]
            if isinstance(value, str) and not value.strip():
                blank[i] = True
                continue
            stamp = _parse_date_value(value, order, timezone)
            if stamp is not None and _FIRST_DAY <= stamp < _LAST_DAY + pd.Timedelta(days=1):
                out[i] = stamp.as_unit("ns").value
    return out[codes], blank[codes]


def _arrow_iso(values: pd.Series) -> npt.NDArray[np.int64]:
    """Nanosecond stamps of the cells in the two commonest export forms, else NaT.

    ``YYYY-MM-DD HH:MM:SS`` and ``YYYY-MM-DD`` are parsed by Arrow's C++ ``strptime`` straight
    from Arrow-backed strings (pandas' default string storage), three times faster than
    ``pandas.to_datetime``, which first converts every cell to a Python object.
    """
    result = np.full(len(values), _NAT, dtype="int64")
    if not isinstance(values.array, pd.arrays.ArrowStringArray):
        return result
    import pyarrow as pa
    import pyarrow.compute as pc

    arrow = pa.array(values.array)
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        todo = result == _NAT
        if not todo.any():
            break
        parsed = pc.strptime(arrow, format=fmt, unit="s", error_is_null=True)
        held = pc.and_(
            pc.greater_equal(parsed, pa.scalar(_FIRST_DAY.to_pydatetime(), pa.timestamp("s"))),
            pc.less(parsed, pa.scalar(_LAST_DAY.to_pydatetime(), pa.timestamp("s"))),
        )
        parsed = pc.if_else(held, parsed, pa.scalar(None, pa.timestamp("s")))
        ints = np.asarray(
            parsed.cast(pa.timestamp("ns")).to_numpy(zero_copy_only=False), dtype="datetime64[ns]"
        ).view("int64")
        ok = todo & (ints != _NAT)
        # Arrow's strptime rolls impossible dates over (2026-02-30 becomes 03-02), always onto
        # day 1-3: check those few against the day written, digits 9-10 of a padded date.
        days = np.asarray(pc.fill_null(pc.day(parsed), 0).to_numpy(zero_copy_only=False))
        suspect = np.flatnonzero(ok & (days <= 3))
        if len(suspect):
            texts = pc.take(arrow, pa.array(suspect))
            digits = pc.utf8_slice_codeunits(texts, 8, 10)
            numeric = pc.match_substring_regex(digits, r"^\d\d$")
            written = pc.cast(pc.if_else(numeric, digits, "0"), pa.int64()).to_numpy()
            ok[suspect[written != days[suspect]]] = False
        result[ok] = ints[ok]
    return result


def check_date_format(date_format: str | None) -> None:
    """Raise ``ValueError`` unless ``date_format`` is ``None``, an order or a strftime pattern."""
    if date_format is not None and date_format not in (MONTH_FIRST, DAY_FIRST):
        if "%" not in date_format:
            raise ValueError(
                f"date_format must be {MONTH_FIRST!r}, {DAY_FIRST!r} or a strftime pattern such "
                f"as '%d/%m/%Y %H:%M'; found {date_format!r}"
            )


def parse_date_values(
    values: pd.Series,
    *,
    date_format: str | None = None,
    timezone: str | None = None,
    source: str | None = None,
) -> DateParse:
    """Parse a date column and tell which non-blank cells could not be read.

    See :func:`parse_dates` for the accepted forms.

    Parameters
    ----------
    values
        The raw date column, of any dtype.
    date_format
        How to read numeric dates that could be either order: ``"month-first"``
        (``12/01/2019`` is December 1), ``"day-first"``, or a ``strftime`` pattern tried
        first (``"%d.%m.%Y %H:%M"``). ``None`` detects the order from a day over 12 and leaves
        the cells unread (``ambiguous=True``) when every date reads both ways.
    timezone
        An IANA zone: times that carry their zone (a zone-aware column, ``...Z`` or ``+09:00``
        in the text) are converted to it before the zone is dropped, so they read as its wall
        clock. ``None`` keeps each such time's own wall clock (UTC for a UTC column). Naive
        times are wall-clock times already and are kept as they are either way. A zone of
        the United States is also evidence of month-first dates (below).
    source
        The survey tool that wrote the export (``"surveymonkey"``, ``"google_forms"`` …).
        Without ``date_format``, dates that read both ways are read in the order the evidence
        gives (:func:`nps_kit.clock.export_date_order`: a 12-hour AM/PM clock, a tool that
        writes US dates, a US ``timezone``); ``order_evidence`` then says which.

    Returns
    -------
    DateParse
        ``dates`` (``datetime64[ns]``) and ``unparsed`` (bool), both with the index of
        ``values``, plus the numeric-date ``order`` used and whether it was ``ambiguous``.

    Raises
    ------
    ValueError
        When ``date_format`` is none of the accepted forms.
    """
    check_date_format(date_format)
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        aware = values.dt.tz_convert(timezone) if timezone is not None else values
        dates = aware.dt.tz_localize(None).astype("datetime64[ns]")
        return DateParse(dates, pd.Series(False, index=values.index, name=values.name))
    if pd.api.types.is_datetime64_dtype(values.dtype):
        dates = values.astype("datetime64[ns]")
        return DateParse(dates, pd.Series(False, index=values.index, name=values.name))
    epoch = epoch_instants(values, forced=date_format == EPOCH_SECONDS)
    if epoch is not None:
        if timezone is not None:
            epoch = epoch.dt.tz_localize("UTC").dt.tz_convert(timezone).dt.tz_localize(None)
        present = values.notna().to_numpy() & ~values.astype("string").str.strip().fillna(
            ""
        ).str.casefold().isin(MISSING_WORDS).to_numpy(dtype=bool)
        unread = pd.Series(present & epoch.isna().to_numpy(), index=values.index, name=values.name)
        return DateParse(epoch.astype("datetime64[ns]"), unread, epoch=True)
    order: str | None = None
    evidence: str | None = None
    ambiguous = False
    contradiction: tuple[str | None, tuple[str, ...], int, int] = (None, (), 0, 0)
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        number = values.to_numpy(dtype="float64", na_value=np.nan)
        ok = (number >= _SERIAL_MIN) & (number <= _SERIAL_MAX)
        seconds = np.round(np.where(ok, number, 0) * 86_400).astype("int64")
        stamps = _EXCEL_EPOCH.as_unit("ns").value + seconds * 1_000_000_000
        result = np.where(ok, stamps, _NAT)
        unparsed = ~np.isnan(number) & ~ok
    else:
        text = _is_text(values)
        # Timestamps with seconds are nearly all distinct, so factorizing would not shrink the
        # work: parse the whole column as ISO 8601 first (vectorised in C), then only the rest
        # by distinct value.
        result = _arrow_iso(values) if text else np.full(len(values), _NAT, dtype="int64")
        present = values.notna().to_numpy()
        if text:
            patterns = ["ISO8601"]
            if date_format is not None and "%" in date_format:
                patterns.insert(0, date_format)
            for pattern in patterns:
                todo = (result == _NAT) & present
                if not todo.any():
                    break
                try:
                    parsed = pd.to_datetime(
                        values[todo].str.strip(), format=pattern, errors="coerce"
                    )
                except (ValueError, TypeError):
                    continue
                if getattr(parsed.dtype, "tz", None) is not None:
                    if timezone is None:
                        continue  # each cell's own wall clock: read one by one below
                    parsed = parsed.dt.tz_convert(timezone).dt.tz_localize(None)
                parsed = _in_range(parsed)
                result[todo] = parsed.to_numpy(dtype="datetime64[ns]").view("int64")
        rest = np.flatnonzero((result == _NAT) & present)
        unparsed = np.zeros(len(values), dtype=bool)
        if len(rest):
            subset = values.iloc[rest]
            uniques = pd.unique(subset.dropna())
            texts = [
                unicodedata.normalize("NFKC", v).strip() for v in uniques if isinstance(v, str)
            ]
            order, ambiguous = numeric_date_order(texts)
            if ambiguous and date_format is None:
                order, evidence = export_date_order(texts, source=source, timezone=timezone)
                ambiguous = order is None
            if date_format in (MONTH_FIRST, DAY_FIRST):
                # An order asked for is used, unless the dates say otherwise: a first number
                # over 12 under month-first is a wrong option (a month 23), not 183 bad cells.
                wrong, decided = _order_evidence(texts, date_format)
                if len(wrong) > decided - len(wrong):
                    other = DAY_FIRST if date_format == MONTH_FIRST else MONTH_FIRST
                    contradiction = (other, tuple(wrong[:2]), len(wrong), decided)
                order, ambiguous = date_format, False
            parsed_rest, blank = _by_uniques(subset, order, timezone)
            result[rest] = parsed_rest
            unparsed[rest] = (parsed_rest == _NAT) & ~blank
    return DateParse(
        pd.Series(result.view("datetime64[ns]"), index=values.index, name=values.name),
        pd.Series(unparsed, index=values.index, name=values.name),
        order=order,
        ambiguous=ambiguous,
        contradicted=contradiction[0],
        contradicting=contradiction[1],
        against=contradiction[2],
        decided=contradiction[3],
        order_evidence=evidence,
    )


def any_date(values: list[object]) -> bool:
    """Whether any of ``values`` reads as a date (a totals or subtotal line has none)."""
    if not values:
        return False
    try:
        dates = parse_date_values(pd.Series(values, dtype=object).astype("string"))
    except ValueError:
        return False
    return bool(dates.dates.notna().any())


# The decimals a number is written with (7.0, 7,0).
_DECIMALS: Final = re.compile(r"\d[.,](\d+)$")


def written_decimals(cell: object) -> int:
    """Return how many decimals a cell writes (``7.0``, ``7,0``: 1; ``7``: 0)."""
    found = _DECIMALS.search(unicodedata.normalize("NFKC", str(cell)).strip())
    return 0 if found is None else len(found.group(1))


def parse_dates(values: pd.Series) -> pd.Series:
    """Parse dates written in the forms survey tools and spreadsheets produce.

    Accepted: ISO (``2026-10-03``, ``2026-10-03T09:15:00``), slashes (``2026/10/03 9:15``),
    Japanese (``2026年10月3日``, ``2026年10月3日 9時15分``), Japanese era dates (``令和8年10月3日``,
    ``令和元年5月1日``, ``R8.10.3``, ``R8/10/3``, ``H31-4-30``; 令和, 平成, 昭和, 大正 and 明治 or
    their initials R, H, S, T, M; numbers also in kanji, ``令和六年十二月一日``, and full-width,
    ``Ｒ６．１２．１``), Excel serial numbers (``46298`` is
    2026-10-03; as numbers or text), datetime cells, and month-first or day-first dates with a
    2- or 4-digit year (``12/13/2019 9:50:30``, ``9/8/18 15:29``, ``13.12.2019``) when a day
    over 12 shows the order. Time zones are dropped, keeping the wall clock time the time was
    written in (:func:`parse_date_values` converts to a zone first). Each distinct value is
    parsed once.

    Parameters
    ----------
    values
        The raw date column, of any dtype.

    Returns
    -------
    pandas.Series
        ``datetime64[ns]`` with the index of ``values``; ``NaT`` where the cell is blank or
        cannot be read.
    """
    return parse_date_values(values).dates


def has_time_of_day(dates: pd.Series) -> bool:
    """Whether any parsed date has a time of day: ``False`` for a date-only column.

    Exports that write dates only (``2026/10/26``, ``令和8年10月26日``) are read as midnight; a
    made-up ``00:00`` should not be shown for them.

    Parameters
    ----------
    dates
        Parsed dates (``datetime64``), e.g. the loader's ``nps_date``; ``NaT`` is ignored.

    Returns
    -------
    bool
        ``True`` when at least one date is not at midnight.
    """
    present = dates.dropna()
    return bool((present != present.dt.normalize()).any())


def date_only(dates: pd.Series) -> pd.Series:
    """Which parsed dates carry no time of day: the loader reads 「令和8年12月4日」 as midnight.

    Such a response was given at some time of that day, not at 00:00 (QA21: a daily
    ``alerts --since 1d`` never alerted one, and its call-by came up to 24 h early), so it
    covers its whole day. A response written at exactly 00:00 reads the same; it too is then
    taken for its day.

    Parameters
    ----------
    dates
        Parsed dates (``datetime64``), e.g. the loader's ``nps_date``.

    Returns
    -------
    pandas.Series
        ``True`` where the date is at midnight; ``False`` for ``NaT`` and for a time of day.
    """
    return (dates.notna() & (dates == dates.dt.normalize())).astype(bool)
