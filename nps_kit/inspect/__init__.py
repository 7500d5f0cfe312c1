"""Describe a survey export before any configuration: what the file is and what each column holds.

:func:`inspect_export` reads the file the way :func:`nps_kit.load.load_responses` does and sorts
every column into a *kind* (NPS score, other scale, rating, date, categorical, multi-select, free
text, id, consent, metadata), with its distinct values, blanks and a sample. It names the likely
NPS question — a 0–10 column whose header or question text speaks of recommending — and, for
Qualtrics, checks it against Qualtrics' own ``*_NPS_GROUP`` column. ``nps-kit inspect`` prints it
and ``nps-kit init --from`` builds a project from it.
"""

from __future__ import annotations

from nps_kit._answer_language import AnswerLanguage, answer_language
from nps_kit.inspect._answers import reach_kind
from nps_kit.inspect._facts import KINDS, ColumnInfo, Inspection, Kind, detail_words, kind_words
from nps_kit.inspect._inspect import inspect_export
from nps_kit.inspect._notes import coded_scores, no_score_error, other_sheets
from nps_kit.inspect._pick import EPOCH_TAKEN, speaks_of_recommending
from nps_kit.inspect._words import is_response_id

__all__ = [
    "EPOCH_TAKEN",
    "KINDS",
    "AnswerLanguage",
    "ColumnInfo",
    "Inspection",
    "Kind",
    "answer_language",
    "coded_scores",
    "detail_words",
    "inspect_export",
    "is_response_id",
    "kind_words",
    "no_score_error",
    "other_sheets",
    "reach_kind",
    "speaks_of_recommending",
]
