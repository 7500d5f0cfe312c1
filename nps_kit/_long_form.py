"""A long (tidy) table of answers: one row per response and question, said with how to pivot.

A data warehouse often keeps survey answers as ``(response_id, question_code, answer)`` rows
(QA36: the NPS is the rows whose ``question_code`` is ``NPS``). Read as it is, no column is
the score and inspect said only that the file "does not look like an NPS survey export". The
table is not pivoted here: which columns name a response, and which answer wins when a
question repeats, are the warehouse's to say; the sentence names the columns and gives the
pivot to run.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

from nps_kit._values import parse_scores
from nps_kit.i18n import Language, t

__all__ = ["long_form_sentence"]

#: A question-code column names at most this many questions.
_MAX_CODES: Final = 200
#: The answers of the score's code that must read as 0–10, and how many of them at least.
_SHARE: Final = 0.9
_MIN_ANSWERS: Final = 10
#: A response has one score row, so the ids are about as many as those rows (some responses
#: skipped the question). A wide export's date column repeats a few dates and was taken for
#: the ids of a comment column read as question codes (MSG43: 56 dates for 15 rows of one
#: comment).
_IDS_PER_SCORE: Final = 1.5


def _text(frame: pd.DataFrame, column: object) -> pd.Series:
    return frame[column].astype("string").str.strip()


def _score_code(codes: pd.Series, answers: pd.Series) -> str | None:
    """Return the code whose answers are 0–10 scores (``NPS`` first), else ``None``."""
    found = []
    for code, group in answers.groupby(codes, sort=False):
        given = group.dropna()
        given = given[given != ""]
        if len(given) < _MIN_ANSWERS:
            continue
        parsed = parse_scores(given.astype(object))
        valid = parsed.score[parsed.status == "valid"]
        if len(valid) >= _SHARE * len(given) and valid.max() > 7:
            named = any(w in str(code).casefold() for w in ("nps", "recommend", "ltr", "推奨"))
            found.append((not named, -len(valid), str(code)))
    return min(found)[2] if found else None


def long_form_sentence(frame: pd.DataFrame, lang: Language = "en") -> str | None:
    """Say that ``frame`` is a long table of answers and how to pivot it, else ``None``.

    Parameters
    ----------
    frame
        An export's rows as read.
    lang
        The language it is said in (MSG43: a Japanese project's errors said it in English).

    Returns
    -------
    str or None
        The sentence, when a column of at most 200 question codes and a column of answers
        hold, for one code, 0–10 scores (the rows of ``NPS`` or the like), and a column of
        response ids repeats once per question; else ``None``.
    """
    if len(frame) < _MIN_ANSWERS or len(frame.columns) < 3:
        return None
    text = {c: _text(frame, c) for c in frame.columns}
    distinct = {c: int(v.nunique()) for c, v in text.items()}
    for code_column in frame.columns:
        if not 2 <= distinct[code_column] <= _MAX_CODES:
            continue
        for answer_column in frame.columns:
            if answer_column == code_column or distinct[answer_column] < 2:
                continue
            code = _score_code(text[code_column], text[answer_column])
            if code is None:
                continue
            scored = int((text[code_column] == code).sum())
            ids = [
                c
                for c in frame.columns
                if c not in (code_column, answer_column)
                and scored <= distinct[c] < len(frame)
                and distinct[c] <= _IDS_PER_SCORE * scored
                and not text[c].isna().any()
            ]
            if not ids:
                continue
            per_id = frame.groupby(text[ids[0]].to_numpy()).nunique(dropna=False)
            index = [ids[0]] + [
                c
                for c in frame.columns
                if c not in (ids[0], code_column, answer_column) and bool((per_id[c] <= 1).all())
            ]
            pivot = (
                f"wide = frame.pivot_table(index={index!r}, columns={code_column!r}, "
                f"values={answer_column!r}, aggfunc='first').reset_index(); "
                "wide.to_parquet('wide.parquet')"
            )
            return t(
                "long_form.sentence", lang, answers=answer_column, codes=code_column,
                n=distinct[code_column], code=code, id=ids[0], pivot=pivot,
            )  # fmt: skip
    return None
