"""A score column that holds two scales (0–10 and 1–10, or two versions of a survey)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import numpy as np
import pandas as pd

from nps_kit._values._scores import no_zero_is_evidence
from nps_kit.i18n import t

if TYPE_CHECKING:
    from nps_kit._column_facts import ColumnFacts
    from nps_kit.i18n import Language


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
