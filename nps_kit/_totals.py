"""A totals row under the table (合計, Total): said and left out, never a response.

Call-centre and order systems write a last row ``合計,2400件,,,,,6.49`` under their exports.
QA25 found it read as a response: inspect counted 2,401 responses and an unreadable date
('2400件'), and score told the user to rewrite '2400件' as a date. The loader leaves such a row
out as it does a sheet's empty rows, and says so (:meth:`nps_kit.load.LoadReport.left_out`).

The label alone is no evidence (FIX71): a respondent named Summe, Total or 合計 is an answer.
A labelled last row is a totals row when its figures say it is no one's answer: its score is
none of 0–10 (a mean 6.49, a sum 2400, blank), a number of it is the sum of its column above
(a count of the rows above, 2件, is the sum of ones), or its score is the mean of the scores
above. A lone 0–10 score is someone's answer, with a comment or without (FIX74: a last
respondent named Total who scored 8 and wrote nothing was left out): kept, and the data quality
names the row. Only where no score column is known is a row holding no text answer totals.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd

from nps_kit._column_facts import ColumnFacts
from nps_kit._distinct import distinct_found
from nps_kit._excel_subtotals import EXCEL_FUNCTIONS, excel_subtotal_lines
from nps_kit._values import any_date, parse_scores, read_numbers, written_decimals

__all__ = [
    "SUBTOTAL_WORDS",
    "SUMMARY_WORDS",
    "TOTALS_WORDS",
    "WHY",
    "Totals",
    "is_subtotal_label",
    "is_totals_label",
    "totals_labels",
    "totals_rows",
]

#: The label of a totals row, as its first non-blank cell says it (NFKC, case-folded).
TOTALS_WORDS: Final = frozenset(
    {"合計", "計", "総計", "総合計", "小計", "total", "totals", "grand total", "grand totals",
     "subtotal", "sum"}
    # German and Dutch/Italian exports and Excel pivots (QA30: QuestionPro's "Gesamt" row)
    | {"gesamt", "gesamtergebnis", "gesamtsumme", "insgesamt", "summe", "totaal", "totale"}
)  # fmt: skip
#: The label of a group's summary line inside a grouped report (QA36: Salesforce's "Subtotal"
#: under each Account Owner's rows, Excel's 小計), which stands between the groups, not only
#: under the table.
SUBTOTAL_WORDS: Final = frozenset({"subtotal", "sub-total", "sub total", "小計", "zwischensumme"})
# What every SUBTOTAL_WORDS label holds before NFKC and case folding (full-width letters too).
_SUBTOTAL_STEMS: Final = re.compile(r"sub|ｓｕｂ|小計|zwischen|ｚｗｉｓｃｈｅｎ", re.IGNORECASE)
# Every character that _SUBTOTAL_STEMS's case-blind search takes for a stem's first (ſ for s).
_STEM_FIRSTS: Final = "sSſｓＳzZｚＺ小"
_STEM_STARTS: Final = f"[{_STEM_FIRSTS}]"
# Their first bytes in UTF-8: a column with none of these bytes holds no stem (LOAD41).
_STEM_BYTES: Final = frozenset(c.encode()[0] for c in _STEM_FIRSTS)
# A count after the label, Salesforce's "Grand Totals (1,234 records)": the label is its words.
_COUNT_AFTER: Final = re.compile(r"\s*\(\s*[\d,.]+\s*[^\d\s()]{0,12}\s*\)$")
#: The labels of a survey tool's summary block under the table (QA34: a Freshdesk-style
#: export ended ``Total responses;450`` / ``Average score;6,9`` / ``NPS;-12``), each a line of
#: figures of the whole table; a label that starts with a totals word (``Total responses``,
#: ``Total respuestas``, ``合計件数``) is one too.
SUMMARY_WORDS: Final = frozenset(
    {"nps", "net promoter score", "average", "average score", "average rating", "mean",
     "mean score", "responses", "response count", "count", "promoters", "passives",
     "detractors", "promedio", "media", "puntuación media", "respuestas", "promotores",
     "pasivos", "neutros", "detractores", "平均", "平均点", "回答数", "件数", "推奨者",
     "中立者", "批判者", "durchschnitt", "mittelwert", "antworten"}
)  # fmt: skip
_NUMBER: Final = re.compile(r"^[-+]?[\d,]*\.?\d+%?$")
# The label sits in one of the first cells of the row (a blank id cell may come first).
_LABEL_CELLS: Final = 3
# A count with its unit or a one-word noun (2400件, 1 response, n=240): no text answer.
_COUNT: Final = re.compile(r"^(?:n\s*=\s*)?[-+]?[\d.,]*\d%?\s*[^\d\s]{0,12}$")
# The rows above whose sum a totals row's number is: one row's number is no evidence.
_MIN_SUMMED: Final = 2
# A count after its word, a grouped report's subtotal line's "Count: 2" (Salesforce), 件数：2.
_WORD_COUNT: Final = re.compile(r"^(?:count|records?|rows?|件数|件)\s*[:：=]?\s*(\d[\d,]*)$")

#: Why a row was read as totals, as its data-quality line says it (a key of the catalogue's
#: ``totals.why.*``): its score is none of 0–10, blank, its numbers are the column sums, its
#: score the mean of the scores above, or (no score column known) it holds no text answer;
#: ``excel_<function>``: an Excel Data → Subtotal line, its group's mean, count, sum, max, min
#: … (:mod:`nps_kit._excel_subtotals`); ``excel_formula``: a line of an XLSX whose formula over
#: other rows was saved without its value (:mod:`nps_kit._xlsx_formulas`).
WHY: Final = (
    "not_answer", "no_score", "sums", "mean", "no_text",
    *dict.fromkeys(f"excel_{f}" for f in EXCEL_FUNCTIONS.values()), "excel_formula",
)  # fmt: skip


def _label(cell: object) -> str:
    text = unicodedata.normalize("NFKC", str(cell)).strip().rstrip(":：").strip()
    return _COUNT_AFTER.sub("", text).casefold()


def is_totals_label(cell: object) -> bool:
    """Whether a cell labels a totals, subtotal or summary row (合計, Zwischensumme, NPS).

    Every word of :data:`TOTALS_WORDS`, :data:`SUBTOTAL_WORDS` and :data:`SUMMARY_WORDS` is one
    (FIX94: ``Zwischensumme`` and ``sub total`` were subtotal words this refused, so a German
    report's subtotal lines counted as responses).
    """
    label = _label(cell)
    if label in TOTALS_WORDS or label in SUBTOTAL_WORDS or label in SUMMARY_WORDS:
        return True
    words = label.split()
    if 1 < len(words) <= 3 and words[0] in TOTALS_WORDS:
        return True
    return any(label.startswith(w) and len(label) <= len(w) + 4 for w in ("合計", "総計"))


def is_subtotal_label(cell: object) -> bool:
    """Whether a cell labels a group's subtotal line (Subtotal, 小計, Zwischensumme).

    Such a line stands between a grouped report's groups, inside the table, where a totals
    row (合計, Grand Totals) stands under it (QA36 O6: the two are worded apart).
    """
    return _label(cell) in SUBTOTAL_WORDS


def _label_at(row: pd.Series) -> int | None:
    """Return the position of the row's label (its first non-blank of the first cells).

    A cell with neither letters nor digits (a dash for a blank date, ``—``, ``-``) is blank
    (REVIEW34: a ``—`` in the first column hid the label, and the totals row counted).
    """
    for k, v in enumerate(row.iloc[:_LABEL_CELLS]):
        if not pd.isna(v) and any(ch.isalnum() for ch in str(v)):
            return k if is_totals_label(v) else None
    return None


def _text_answer(cell: object) -> bool:
    """Whether a cell is something a respondent wrote (letters, not a count with its unit)."""
    text = unicodedata.normalize("NFKC", str(cell)).strip()
    return any(ch.isalpha() for ch in text) and not _COUNT.match(text)


def _sums(frame: pd.DataFrame, i: int, skip: set[str]) -> bool:
    """Whether a number of row ``i`` is the sum of its column's numbers in the rows above.

    A count with its unit (2件, 1 response) that equals the number of rows above is the sum
    of ones, one per response (a count's own unit says it is no answer, so one row will do).
    """
    for column in frame.columns:
        if column in skip:
            continue
        numbers = read_numbers(frame[column].iloc[: i + 1].astype("string"))
        above, own = numbers.iloc[:i].dropna(), numbers.iloc[i]
        if len(above) >= _MIN_SUMMED and not pd.isna(own) and own and np.isclose(own, above.sum()):
            return True
        cell = frame[column].iloc[i]
        if not pd.isna(cell) and _count(cell) == _rows_above(frame, i):
            return True
    return False


def _rows_above(frame: pd.DataFrame, i: int) -> int:
    """Count the rows above row ``i`` that hold anything (a sheet's empty rows are none)."""
    return int(frame.iloc[:i].notna().any(axis=1).sum())


def _count(cell: object) -> float | None:
    """Return the number of a count written with its unit (2件, n=2, 2 responses), else None."""
    text = unicodedata.normalize("NFKC", str(cell)).strip()
    if not _COUNT.match(text) or not any(ch.isalpha() for ch in text):
        return None
    digits = re.sub(r"[^\d.]", "", text.replace(",", ""))
    try:
        return float(digits)
    except ValueError:
        return None


def _mean(frame: pd.DataFrame, i: int, score_column: str) -> bool:
    """Whether row ``i``'s score is the mean of the valid scores above it (two or more).

    A score written with more decimals than the scores above (``7.0`` under ``8``, ``6``) is
    compared with the mean rounded to its decimals (REVIEW34: a Summe row's ``7.0``, the mean
    7.04 to one decimal, was kept as a respondent scoring 7); one written as they are must
    equal the mean.
    """
    cells = frame[score_column].iloc[: i + 1].astype(object)
    scores = parse_scores(cells)
    valid = scores.status.iloc[:i] == "valid"
    values = scores.score.iloc[:i][valid]
    if len(values) < _MIN_SUMMED:
        return False
    own, mean = float(scores.score.iloc[i]), float(values.mean())
    written = written_decimals(cells.iloc[i])
    if written > max(written_decimals(c) for c in cells.iloc[:i][valid]):
        return abs(own - mean) < 0.5 * 10.0**-written + 1e-9
    return bool(np.isclose(own, mean))


def _why(frame: pd.DataFrame, i: int, at: int, score_column: str | None) -> str | None:
    """Say why labelled row ``i`` is totals (a key of :data:`WHY`), ``None`` for an answer."""
    row = frame.iloc[i]
    label_column = frame.columns[at]
    score = score_column if score_column in frame.columns else None
    if score is not None:
        status = parse_scores(pd.Series([row[score]], dtype=object)).status.iloc[0]
        if status != "valid":
            return "no_score" if status == "missing" else "not_answer"
    if _sums(frame, i, {label_column}):
        return "sums"
    if score is not None and _mean(frame, i, score):
        return "mean"
    if score is not None:
        # A lone 0-10 score is someone's answer, a comment or none (FIX74).
        return None
    skip = {label_column, score_column}
    if not any(not pd.isna(v) and _text_answer(v) for c, v in row.items() if c not in skip):
        return "no_text"
    return None


@dataclass(frozen=True)
class Totals:
    """The totals rows at the end of an export's table, and the labelled rows kept.

    Attributes
    ----------
    flags
        One flag per row of the frame: a totals row, left out.
    why
        For each flagged row, in order, why it is no answer (a key of :data:`WHY`), decided
        once, as the flag was.
    kept
        The positions of last rows labelled as totals (Total, 合計, Summe) without a date that
        were kept as answers: a lone 0–10 score and no figure of a total. The data quality
        names them, so that a wrongly kept total can be found.
    """

    flags: np.ndarray
    why: tuple[str, ...] = ()
    kept: tuple[int, ...] = ()


def totals_rows(
    frame: pd.DataFrame,
    *,
    date_column: str | None,
    score_column: str | None = None,
    blank: np.ndarray | None = None,
    lines: np.ndarray | None = None,
    facts: ColumnFacts | None = None,
) -> Totals:
    """Find the totals rows at the end of an export's table.

    Parameters
    ----------
    frame
        The export's rows as read (text cells as written).
    date_column
        The date column, when known: a totals row's cell there is not a date. Without one, no
        cell of a totals row reads as a date.
    blank
        Rows already known to be empty (a sheet's empty rows), passed over at the end.
    score_column
        The 0–10 score's column: a totals row's cell there is no 0–10 answer, or its other
        figures say it is none (see the module's note). ``None``: those figures alone.
    lines
        Rows known to be subtotal lines by their formulas (an XLSX's ``=SUBTOTAL(…)`` saved
        without a value, :mod:`nps_kit._xlsx_formulas`): flagged, why ``excel_formula``, and
        passed over as empty rows are.
    facts
        The load's memo of its columns' distinct values (:mod:`nps_kit._column_facts`).

    Returns
    -------
    Totals
        The last non-empty row(s) whose first non-blank cell, among the first three, is a
        totals word (合計, 計, 総計, 小計, Total, Grand total …), which hold no date and whose
        figures are no single answer, each with why; and the labelled row kept as an answer.
    """
    flags = np.zeros(len(frame), dtype=bool)
    why: list[str] = []
    kept: tuple[int, ...] = ()
    formula = np.zeros(len(frame), dtype=bool) if lines is None else lines
    if formula.any():
        blank = formula if blank is None else blank | formula
    for i in range(len(frame) - 1, -1, -1):
        if blank is not None and blank[i]:
            continue
        row = frame.iloc[i]
        at = _label_at(row)
        if at is None:
            break
        if date_column is not None and date_column in frame.columns:
            dated = [] if pd.isna(row[date_column]) else [row[date_column]]
        else:
            # A count or a mean (2400, 6.49) would read as an Excel serial date: only cells
            # written as dates are asked.
            dated = [
                v
                for v in row
                if not pd.isna(v) and not is_totals_label(v) and not _NUMBER.match(_label(v))
            ]
        if any_date(dated):
            break
        reason = _why(frame, i, at, score_column)
        if reason is None:
            kept = (i,)
            break
        flags[i] = True
        why.append(reason)
    found = {int(i): w for i, w in zip(np.flatnonzero(flags), reversed(why), strict=True)}
    found.update(_subtotals(frame, flags, date_column, score_column, blank, facts))
    found.update(dict.fromkeys((int(i) for i in np.flatnonzero(formula)), "excel_formula"))
    flags[list(found)] = True
    # Excel's Data → Subtotal lines (Osaka Average, 大阪 平均), told by their group's figures.
    found.update(
        excel_subtotal_lines(
            frame, flagged=flags, date_column=date_column, blank=blank, facts=facts
        )
    )
    flags[list(found)] = True
    return Totals(flags, tuple(found[i] for i in sorted(found)), kept)


def _subtotals(
    frame: pd.DataFrame,
    end: np.ndarray,
    date_column: str | None,
    score_column: str | None,
    blank: np.ndarray | None,
    facts: ColumnFacts | None = None,
) -> dict[int, str]:
    """Find a grouped report's subtotal lines above its totals: each row and why it is none.

    A line labelled Subtotal (小計) with no date whose figures are no answer of its group, as
    a totals row's figures are none of the table's (QA36: Salesforce's ``Subtotal`` after each
    owner's accounts, its mean score ``7.49`` counted as an invalid answer and the lines as
    responses).
    """
    out: dict[int, str] = {}
    loose: list[int] = []
    proven = False
    start = 0
    stop = int(np.flatnonzero(end)[0]) if end.any() else len(frame)
    first = frame.iloc[:stop, :_LABEL_CELLS]
    labelled = np.zeros(stop, dtype=bool)
    for place, column in enumerate(first.columns):  # by distinct value: a large export has few
        # Only a value holding a subtotal word's stem can be one: the rest (ids, names) are
        # passed over without normalising each (0.15 s of a 30,000-row load did that). An id
        # column has a value a row: a stem's first letter, sought in C, passes most over before
        # Python's search (LOAD39: 0.3 s of a 50,000-row load searched each id).
        cells = first[column]
        if stop == len(frame) and isinstance(cells, pd.Series):
            cells = frame.iloc[:, place]  # the column itself, whose facts the load may know
        if isinstance(cells.dtype, pd.StringDtype):
            # An id's cells not hashed (LOAD40), unless the load has (LOAD41).
            starts = distinct_found(cells, _STEM_STARTS, facts=facts, holds=_STEM_BYTES)
        else:
            values = pd.Series(cells.dropna().astype(str).unique(), dtype="string[pyarrow]")
            starts = values[values.str.contains(_STEM_STARTS, regex=True).to_numpy(dtype=bool)]
        maybe = [v for v in starts if _SUBTOTAL_STEMS.search(v)]
        said = {v for v in maybe if _label(v) in SUBTOTAL_WORDS}
        if said:  # else no row of the column is one, and its cells need not be converted
            labelled |= first[column].astype(str).isin(said).to_numpy(dtype=bool)
    for i in (int(k) for k in np.flatnonzero(labelled)):
        if blank is not None and blank[i]:
            continue
        row = frame.iloc[i]
        at = _label_at(row)
        if at is None or _label(row.iloc[at]) not in SUBTOTAL_WORDS:
            continue
        if date_column is not None and date_column in frame.columns:
            if any_date([] if pd.isna(row[date_column]) else [row[date_column]]):
                continue
        group = frame.iloc[start : i + 1].reset_index(drop=True)
        reason = _why(group, i - start, at, score_column)
        if reason is None and _counts_group(row, group.iloc[:-1], blank, start):
            # A group of one: its mean is its one score (REVIEW37: Salesforce's "Subtotal,
            # Count: 1,,9.00" under a one-account owner counted as a promoter, and the owner
            # column was not filled down), but its count says it.
            reason = "sums"
        if reason is not None:
            out[i] = reason
            proven |= i - start > 1 + _empty(blank, start, i)
            start = i + 1
        elif _lone(row, at, group, blank, start, score_column):
            loose.append(i)
            start = i + 1
    if loose and proven and _records_agree(frame, end, blank, stop, len(out) + len(loose)):
        # A group of one with no Count: (FIX89): its mean is its one score, so its figures
        # alone say nothing; the report's other subtotal lines, proven on larger groups, and
        # its Grand Totals' record count (when written) say it is one of its lines.
        out.update(dict.fromkeys(loose, "mean"))
    return out


def _empty(blank: np.ndarray | None, start: int, stop: int) -> int:
    """Count the empty rows between ``start`` and ``stop``."""
    return 0 if blank is None else int(blank[start:stop].sum())


def _lone(
    row: pd.Series,
    at: int,
    group: pd.DataFrame,
    blank: np.ndarray | None,
    start: int,
    score_column: str | None,
) -> bool:
    """Whether a subtotal line under one row repeats that row's score and holds nothing else."""
    if score_column is None or len(group) - 1 - _empty(blank, start, start + len(group) - 1) != 1:
        return False
    filled = [c for k, (c, v) in enumerate(row.items()) if k != at and _written(v)]
    if filled != [score_column]:
        return False
    scores = parse_scores(group[score_column].astype(object)).score.dropna()
    return len(scores) == 2 and bool(np.isclose(scores.iloc[0], scores.iloc[-1]))


def _written(cell: Any) -> bool:
    """Whether a cell holds anything (spaces hold nothing)."""
    return not pd.isna(cell) and bool(str(cell).strip())


def _records_agree(
    frame: pd.DataFrame, end: np.ndarray, blank: np.ndarray | None, stop: int, lines: int
) -> bool:
    """Whether a Grand Totals (N records) line, where there is one, counts the rows left."""
    for i in np.flatnonzero(end):
        cells = [str(v) for v in frame.iloc[i].iloc[:_LABEL_CELLS] if not pd.isna(v)]
        found = re.search(r"\(\s*([\d,]+)\s*[^\d\s()]{0,12}\s*\)\s*$", cells[0]) if cells else None
        if found is not None:
            return int(found[1].replace(",", "")) == stop - _empty(blank, 0, stop) - lines
    return True


def _counts_group(
    row: pd.Series, group: pd.DataFrame, blank: np.ndarray | None, start: int
) -> bool:
    """Whether a subtotal line under a group of one row writes its count (``Count: 1``).

    Under a larger group its figures decide (a mean, a sum): a count alone beside a score
    that is no figure of the group is an answer (:func:`_why`).
    """
    empty = 0 if blank is None else int(blank[start : start + len(group)].sum())
    if len(group) - empty != 1:
        return False
    for cell in row:
        if pd.isna(cell):
            continue
        found = _WORD_COUNT.match(unicodedata.normalize("NFKC", str(cell)).strip().casefold())
        if found and int(found[1].replace(",", "")) == 1:
            return True
    return False


def totals_labels(
    frame: pd.DataFrame, flags: np.ndarray, known: Mapping[int, str] | None = None
) -> tuple[str, ...]:
    """Return each flagged row's label as written (its first non-blank cell), for the notes.

    ``known``: rows whose label is said already (a formula line's, which may have no text).
    """
    out = []
    for i in np.flatnonzero(flags):
        if known and int(i) in known:
            out.append(known[int(i)])
            continue
        row = frame.iloc[i]
        cells = [
            v
            for v in row.iloc[:_LABEL_CELLS]
            if not pd.isna(v) and any(c.isalnum() for c in str(v))
        ]
        if not cells or not is_totals_label(cells[0]):
            # An Excel subtotal line's label stands in its grouped column, anywhere in the row
            # (FIX89: ``Osaka Average`` in the fourth column, a figure in the first three).
            cells = [v for v in row if not pd.isna(v) and any(c.isalpha() for c in str(v))] or cells
        out.append(str(cells[0]).strip())
    return tuple(out)
