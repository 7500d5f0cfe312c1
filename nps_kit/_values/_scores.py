"""Read score cells as people write them: any digits, worded, decimal commas, no answers."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Number
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from nps_kit._column_facts import ColumnFacts


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
