"""A 0–10 question exported as answer codes (LimeSurvey's ``A1`` … ``A11``), said as such.

LimeSurvey names the answers of a list question by codes and exports them so with "Answer
codes" (the default of a question-code export): an 11-point recommendation list becomes
``A1`` … ``A11``, or ``AO01`` … ``AO11``. Which code is which score is in the survey's
answer options, not in the file: the list may run 0 to 10 or 10 to 0, so reading ``A1`` as 0
would turn a whole month's promoters into detractors when it ran the other way. The tool
reads no such column as the score; it says what the column holds and how to export the scores
(QA35). One sentence for ``inspect``, ``init --from`` and ``score``.

A market-research agency's SA code layout writes the same question as the numbers 1 … 11,
with the codes' answer texts on a separate コード表 sheet (code 1 = ``0：全くそう思わない``):
read as scores, 1 … 10 were the wrong scores and 11 invalid (QA39). ``numeric_codes_sentence``
says that column the same way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import numpy as np
import pandas as pd

from nps_kit.i18n import Language, t

if TYPE_CHECKING:
    from nps_kit._column_facts import ColumnFacts

__all__ = ["numeric_codes_sentence", "score_codes_sentence"]

_CODE: Final = re.compile(r"([A-Za-z]+)0*(\d{1,2})")


def score_codes_sentence(column: str, values: pd.Series, lang: Language = "en") -> str | None:
    """Say that ``column`` holds 11 answer codes of one 0–10 list, else return ``None``.

    Parameters
    ----------
    column
        The column's name, as the message shows it.
    values
        Its cells; blanks are no answer.
    lang
        The sentence's language (MSG42: ``inspect`` in a Japanese project).

    Returns
    -------
    str or None
        The sentence when every answer is a code of one prefix and the codes number 1 to 11
        (or 0 to 10), at least 10 of them answered; else ``None``.
    """
    text = values.dropna().astype(str).str.strip()
    text = text[text != ""]
    if text.empty:
        return None
    found = text.str.fullmatch(_CODE.pattern)
    if not found.all():
        return None
    parts = text.str.extract(_CODE.pattern)
    if parts[0].nunique() != 1:
        return None
    numbers = set(parts[1].astype(int))
    if len(numbers) < 10 or not (numbers <= set(range(1, 12)) or numbers <= set(range(11))):
        return None
    ordered = sorted(set(text), key=lambda v: int(_CODE.fullmatch(v)[2]))  # type: ignore[index]
    return t("answer_codes.score", lang, column=column, first=ordered[0], last=ordered[-1])


# 11s among the answers for the column to be codes rather than 0–10 with a stray typo.
_ELEVENS_SHARE: Final = 0.02


def numeric_codes_sentence(
    column: str, values: pd.Series, *, facts: ColumnFacts | None = None, lang: Language = "en"
) -> str | None:
    """Say that ``column`` holds the codes 1 … 11 of one 0–10 list, else return ``None``.

    Parameters
    ----------
    column
        The column's name, as the message shows it.
    values
        Its cells (numbers or text); blanks and words are no answer here.
    facts
        The load's memo: a text column's distinct values, hashed once (LOAD41).
    lang
        The sentence's language (MSG42: ``inspect`` in a Japanese project).

    Returns
    -------
    str or None
        The sentence when every number answered is a whole number 1 … 11, at least 10 of the
        11 are there, 11 is (on 2 % of the answers or more, and three or more) and 0 is not;
        else ``None``.
    """
    if isinstance(values.dtype, pd.StringDtype):
        # Each distinct text read once, then put back in its rows (LOAD40: a 200,000-row
        # column's every cell was read): the same numbers, of the same dtype, as a cell by cell
        # reading, since the distinct values (a blank among them) are the column's.
        if facts is not None and isinstance(values.array, pd.arrays.ArrowStringArray):
            known = facts.distinct(values)
            # A last slot, NaN, for code -1 (a blank cell), which is no number either.
            read = pd.to_numeric(pd.Series(known.uniques), errors="coerce").astype("float64")
            numbers = pd.Series(np.append(read.to_numpy(), np.nan)[known.codes]).dropna()
        else:
            codes, distinct = pd.factorize(values, use_na_sentinel=False)
            numbers = pd.to_numeric(pd.Series(distinct), errors="coerce").take(codes).dropna()
    else:
        numbers = pd.to_numeric(values, errors="coerce").dropna()
    if numbers.empty or not (numbers == numbers.round()).all():
        return None
    whole = numbers.astype(int)
    seen = set(whole.unique().tolist())  # not a Python loop over every answer (LOAD41)
    elevens = int((whole == 11).sum())
    if not seen <= set(range(1, 12)) or len(seen) < 10:
        return None
    if elevens < max(3, _ELEVENS_SHARE * len(whole)):
        return None
    return t("answer_codes.numeric", lang, column=column)
