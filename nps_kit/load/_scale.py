"""A score column that is not on the 0-10 scale.

The note or refusal for it, naming the other columns whose answers look like 0-10 scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import pandas as pd

from nps_kit import _formats
from nps_kit._answer_codes import numeric_codes_sentence, score_codes_sentence
from nps_kit._column_facts import ColumnFacts
from nps_kit._long_form import long_form_sentence
from nps_kit._values import (
    DECIMAL_COMMA_RE,
    ScaleSplit,
    ScoreParse,
    no_zero_is_evidence,
    parse_scores,
    scale_split,
    states_zero_to_ten,
)
from nps_kit.errors import DataError
from nps_kit.load._index import ColumnIndex


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
