"""Follow-up analysis of one unit: every configured question, drivers, themes and strategies.

:func:`analyse_followups` runs the analysis layer (:mod:`nps_kit.followup`,
:mod:`nps_kit.drivers`, :mod:`nps_kit.themes`, :mod:`nps_kit.words`, :mod:`nps_kit.strategy`)
over a unit's reporting period once, so the report sections and the e-mail summary show the same
numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from nps_kit.drivers import key_drivers
from nps_kit.errors import ConfigError
from nps_kit.followup import categorical_summary, multi_select_summary, ratings_summary
from nps_kit.score import nps
from nps_kit.strategy import Recommendation, load_playbook, segment_strategies
from nps_kit.text import tokenise
from nps_kit.themes import ThemeBook, load_themes, tag_themes, theme_impact
from nps_kit.unit import UnitData
from nps_kit.words import distinguishing_words

__all__ = ["FollowupAnalysis", "Question", "QuestionResult", "analyse_followups"]

QuestionType = Literal["categorical", "multi", "rating", "text"]
_TYPES: tuple[QuestionType, ...] = ("categorical", "multi", "rating", "text")


@dataclass(frozen=True)
class Question:
    """One configured follow-up question."""

    column: str
    type: QuestionType
    label: str
    separator: str | None = None
    codes: Mapping[Any, str] | None = None
    scale: tuple[float, float] = (1, 5)

    @classmethod
    def from_dict(cls, spec: Mapping[str, Any]) -> Question:
        """Build from a parameters entry (``column``, ``type``, ``label``, …)."""
        kind = spec.get("type")
        if kind not in _TYPES:
            raise ConfigError(
                f"follow-up question {spec.get('column')!r}: type must be one of "
                f"{', '.join(_TYPES)}; got {kind!r}.",
                key="followups.type",
            )
        scale = spec.get("scale") or (1, 5)
        return cls(
            column=str(spec["column"]),
            type=kind,
            label=str(spec.get("label") or spec["column"]),
            separator=spec.get("separator"),
            codes=spec.get("codes"),
            scale=(float(scale[0]), float(scale[1])),
        )


@dataclass(frozen=True, eq=False)
class QuestionResult:
    """Summary table of one categorical, multi-select or text question."""

    question: Question
    table: pd.DataFrame
    tags: pd.DataFrame | None = None
    words: pd.DataFrame | None = None
    commenters: int = 0


@dataclass(frozen=True, eq=False)
class FollowupAnalysis:
    """Everything the follow-up and strategy sections show.

    Attributes
    ----------
    questions
        Categorical, multi-select and text questions in configured order.
    ratings
        Mean rating per segment (``ratings_summary``), or ``None`` without rating questions.
    drivers
        Key-driver table (``key_drivers``), or ``None``.
    themes
        Theme impact over all text answers of a respondent (a theme counts once per
        respondent), or ``None`` without text questions.
    tags
        One boolean column per theme and respondent of the period (all text answers combined).
    recommendations
        Segment strategies from the playbook, each with its evidence.
    book
        The theme dictionaries used.
    """

    questions: tuple[QuestionResult, ...]
    ratings: pd.DataFrame | None
    drivers: pd.DataFrame | None
    themes: pd.DataFrame | None
    tags: pd.DataFrame | None
    recommendations: tuple[Recommendation, ...]
    book: ThemeBook


def analyse_followups(
    unit: UnitData,
    questions: Sequence[Mapping[str, Any] | Question],
    *,
    themes_path: Path | None = None,
    playbook_path: Path | None = None,
    level: float = 0.95,
    min_n: int = 30,
    min_report_n: int = 5,
) -> FollowupAnalysis:
    """Analyse every follow-up question of the unit's reporting period.

    Parameters
    ----------
    unit
        Prepared unit (:func:`nps_kit.unit.prepare_unit`).
    questions
        Follow-up questions as configured in the parameters.
    themes_path, playbook_path
        Theme dictionaries and playbook; ``None`` uses the packaged defaults.
    level, min_n, min_report_n
        Confidence level, precision threshold and anonymity floor.

    Returns
    -------
    FollowupAnalysis
        Tables for every question plus drivers, themes and recommendations.
    """
    parsed = [q if isinstance(q, Question) else Question.from_dict(q) for q in questions]
    data = unit.current
    lang = unit.language
    book = load_themes(themes_path)
    results: list[QuestionResult] = []
    all_tags: pd.DataFrame | None = None
    for q in parsed:
        if q.type == "categorical":
            table = categorical_summary(
                data, q.column, codes=q.codes, level=level, min_n=min_n, min_report_n=min_report_n
            )
            results.append(QuestionResult(q, table))
        elif q.type == "multi":
            table = multi_select_summary(
                data,
                q.column,
                separator=q.separator or ";",
                codes=q.codes,
                level=level,
                min_n=min_n,
                min_report_n=min_report_n,
            )
            results.append(QuestionResult(q, table))
        elif q.type == "text":
            texts = data[q.column].astype("string").str.strip()
            answered = texts.fillna("").ne("")
            texts = texts.where(answered)
            # Non-commenters get NA tags: theme_impact then reads shares among commenters and
            # NPS gains against every valid respondent of the period.
            tags = tag_themes(texts, book).astype("boolean").where(answered)
            impact = theme_impact(data, tags, lang=lang, level=level, book=book)
            tokens = tokenise(texts.fillna(""))
            seg = data["segment"]
            words = distinguishing_words(
                tokens[seg == "detractor"],
                tokens[seg == "promoter"],
                labels=("detractor", "promoter"),
            )
            results.append(QuestionResult(q, impact, tags, words, int(answered.sum())))
            present = tags.fillna(False).astype(bool)
            all_tags = present if all_tags is None else (all_tags | present)
    rating_columns = {q.column: q.label for q in parsed if q.type == "rating"}
    ratings = drivers = None
    if rating_columns:
        scale = next(q.scale for q in parsed if q.type == "rating")
        ratings = ratings_summary(data, rating_columns, scale=scale)
        drivers = key_drivers(data, rating_columns, scale=scale)
    themes = None
    if all_tags is not None:
        all_tags = all_tags.astype("boolean").where(_any_text(data, parsed))
        themes = theme_impact(data, all_tags, lang=lang, level=level, book=book)
    current = nps(data, level=level, min_n=min_n)
    previous_rows = unit.rows(_previous(unit.period))
    previous = nps(previous_rows, level=level, min_n=min_n) if len(previous_rows) else None
    recommendations = segment_strategies(
        current,
        previous=previous,
        themes=themes,
        drivers=drivers,
        playbook=load_playbook(playbook_path),
        lang=lang,
    )
    return FollowupAnalysis(
        questions=tuple(results),
        ratings=ratings,
        drivers=drivers,
        themes=themes,
        tags=all_tags,
        recommendations=tuple(recommendations),
        book=book,
    )


def _previous(period: str) -> str:
    return str(pd.Period(period, freq="M") - 1)


def _any_text(data: pd.DataFrame, questions: Sequence[Question]) -> pd.Series:
    answered = pd.Series(False, index=data.index)
    for q in questions:
        if q.type == "text":
            answered |= data[q.column].astype("string").str.strip().fillna("").ne("")
    return answered
