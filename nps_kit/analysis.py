"""Follow-up analysis of one unit: every configured question, drivers, themes and strategies.

:func:`analyse_followups` runs the analysis layer (:mod:`nps_kit.followup`,
:mod:`nps_kit.drivers`, :mod:`nps_kit.text`, :mod:`nps_kit.strategy`)
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
from nps_kit.errors import ConfigError, closest, missing_column
from nps_kit.followup import categorical_summary, multi_select_summary, ratings_summary
from nps_kit.i18n import Scope, label
from nps_kit.periods import shift_period
from nps_kit.score import DEFAULT_MIN_REPORT_N, below_floor, hide_below_floor, nps
from nps_kit.strategy import Recommendation, load_playbook, own_playbook, segment_strategies
from nps_kit.summary import UnreadComments
from nps_kit.text.languages import comment_languages
from nps_kit.text.phrases import segment_phrases
from nps_kit.text.sentiment import ASKS, Asks, tag_polarity
from nps_kit.text.stance import COMPLAINT, merge_polarity, theme_stance
from nps_kit.text.themes import ThemeBook, load_themes, tag_themes, theme_impact
from nps_kit.text.tokens import answered as says_something
from nps_kit.unit import UnitData

__all__ = ["FollowupAnalysis", "Question", "QuestionResult", "analyse_followups", "mostly_unread"]

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
    #: What a text question asks: ``reason`` (why that score) or ``improvement`` (what to
    #: improve), whose answers are read as requests unless they praise
    #: (``nps_kit.text.tag_polarity(asks=)``).
    asks: Asks = "reason"
    #: A categorical or multi-select question's answers in display order (the code table's,
    #: ``value_labels``); ``None``: most frequent first.
    order: tuple[str, ...] | None = None

    @classmethod
    def from_dict(cls, spec: Mapping[str, Any]) -> Question:
        """Build from a parameters entry (``column``, ``type``, ``label``, …, ``asks``).

        Raises
        ------
        ConfigError
            If ``column`` is missing, ``type`` is not one of the four types, ``scale`` is not
            ``[low, high]`` with ``low < high``, or ``asks`` is given on a question that is not
            a text question or is not ``reason`` or ``improvement``.
        """
        if not spec.get("column"):
            raise ConfigError(
                f"follow-up question without a column: {dict(spec)!r}.",
                hint="Add column: <name of the question's column in the data>.",
                key="followups.column",
            )
        kind = spec.get("type")
        if kind not in _TYPES:
            guess = closest(str(kind), _TYPES) if isinstance(kind, str) else None
            raise ConfigError(
                f"follow-up question {spec.get('column')!r}: type must be one of "
                f"{', '.join(_TYPES)}; got {kind!r}.",
                hint=f"Did you mean {guess!r}?" if guess else None,
                key="followups.type",
            )
        scale = spec.get("scale") or (1, 5)
        if len(scale) != 2 or not float(scale[0]) < float(scale[1]):
            raise ConfigError(
                f"follow-up question {spec['column']!r}: scale must be [low, high] with "
                f"low < high; got {list(scale)!r}.",
                key="followups.scale",
            )
        asks = spec.get("asks")
        if asks is not None and (kind != "text" or asks not in ASKS):
            guess = closest(str(asks), ASKS)
            raise ConfigError(
                f"follow-up question {spec['column']!r}: asks must be one of "
                f"{', '.join(ASKS)} on a text question; got {asks!r} on a {kind} question.",
                hint="Remove asks, or set type: text."
                if kind != "text"
                else (f"Did you mean {guess!r}?" if guess else None),
                key="followups.asks",
            )
        return cls(
            column=str(spec["column"]),
            type=kind,
            label=str(spec.get("label") or spec["column"]),
            separator=spec.get("separator"),
            codes=spec.get("codes"),
            scale=(float(scale[0]), float(scale[1])),
            asks=asks or "reason",
            order=None if spec.get("order") is None else tuple(map(str, spec["order"])),
        )


@dataclass(frozen=True, eq=False)
class QuestionResult:
    """Summary table of one categorical, multi-select or text question.

    Attributes
    ----------
    question
        The configured question.
    table
        ``categorical_summary`` / ``multi_select_summary`` table, or the question's theme
        impact (``theme_impact``) for a text question.
    tags, phrases
        Text questions only: theme tags per response (NA without a comment) and the phrases
        typical of detractors' and of promoters' comments, each with a count and an example
        (:func:`nps_kit.text.segment_phrases`).
    polarity
        Text questions only: each response's polarity per theme in this question's answer
        (:func:`nps_kit.text.tag_polarity`), which decides the comments quoted under a theme.
    commenters
        Text questions only: respondents with a valid score and a non-blank answer, the
        denominator of the theme shares in ``table``.
    min_report_n
        The anonymity floor the table was made with: a theme's NPS among those mentioning it
        (or not) is blank for fewer commenters (``suppressed``).
    unread
        Text questions only: most of the comments are in languages no pack reads
        (:func:`mostly_unread`), so no theme comes from them; else ``None``.
    """

    question: Question
    table: pd.DataFrame
    tags: pd.DataFrame | None = None
    phrases: pd.DataFrame | None = None
    commenters: int = 0
    polarity: pd.DataFrame | None = None
    min_report_n: int = DEFAULT_MIN_REPORT_N
    unread: UnreadComments | None = None


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
        Theme impact over the text answers of a respondent that ``scope`` names (a theme
        counts once per respondent), or ``None`` without text questions; with
        ``small_sample`` (fewer than ``min_n`` mentions). It ranks the themes of the
        strategies, the e-mail and the overview.
    stance
        Share of each segment's commenters praising and complaining about each theme
        (:func:`nps_kit.text.theme_stance`, the answers ``scope`` names combined), or ``None``.
    polarity
        Each respondent's polarity per theme (``positive``, ``negative``, ``mixed``,
        ``neutral`` or NA; all text answers combined, :func:`nps_kit.text.merge_polarity`), or
        ``None`` without text questions.
    tags
        One boolean column per theme and respondent of the period (all text answers combined).
    recommendations
        Segment strategies from the playbook, each with its evidence.
    book
        The theme dictionaries used.
    rating_scale
        The rating questions' scale, e.g. ``(1.0, 5.0)`` (the key-driver chart's x-axis), or
        ``None`` without rating questions.
    scope
        ``"all"``: ``themes`` and ``stance`` read every open answer. ``"reasons"``: the unit
        has a reason question beside an improvement question (``asks: improvement``), whose
        answers are all requests; they would outrank why people scored as they did, so the
        ranking reads the other questions and ``requests`` lists what was asked for.
    requests
        With ``scope="reasons"``: theme impact over the improvement questions' answers
        combined, a theme counted where it is asked for (a negative or mixed polarity, not
        praise), so ``mentions`` is how many asked; else ``None``.
    ranked_tags
        The tags ``themes`` was measured on (the answers ``scope`` names combined), with which
        the summary shows as one the themes exactly the same comments carry
        (:func:`nps_kit._same_comments.merge_same_comments`); ``None`` without text questions.
    """

    questions: tuple[QuestionResult, ...]
    ratings: pd.DataFrame | None
    drivers: pd.DataFrame | None
    themes: pd.DataFrame | None
    tags: pd.DataFrame | None
    recommendations: tuple[Recommendation, ...]
    book: ThemeBook
    stance: pd.DataFrame | None = None
    rating_scale: tuple[float, float] | None = None
    polarity: pd.DataFrame | None = None
    scope: Scope = "all"
    requests: pd.DataFrame | None = None
    ranked_tags: pd.DataFrame | None = None


def mostly_unread(texts: pd.Series) -> UnreadComments | None:
    """Count the comments in languages no theme pack reads, when they are most of them.

    The one test of whether a question's themes are missing because of the language its
    comments are written in (BROWSE33: 22 of 24 French comments), which the report, the
    e-mail and the overview each say (:meth:`nps_kit.summary.UnreadComments.message`).

    Parameters
    ----------
    texts
        The question's answers for the period; blanks and answers that say nothing
        (:func:`nps_kit.text.tokens.answered`) are no comment.

    Returns
    -------
    UnreadComments or None
        The counts and the languages (most comments first) when more than half of the comments
        are in a language neither Japanese nor English (the sentence says "most": half of
        them is not, REVIEW35), else ``None``.
    """
    said = texts.astype("string")
    said = said[says_something(said)]
    languages = comment_languages(said)
    unread = languages[languages.notna() & ~languages.isin(["ja", "en"])]
    if not len(said) or 2 * len(unread) <= len(said):
        return None
    return UnreadComments(
        comments=len(said),
        unread=len(unread),
        languages=tuple(str(code) for code in unread.value_counts().index),
    )


def analyse_followups(
    unit: UnitData,
    questions: Sequence[Mapping[str, Any] | Question],
    *,
    themes_path: Path | None = None,
    playbook_path: Path | None = None,
    level: float = 0.95,
    min_n: int = 30,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    weight: str | None = None,
    top_n: int | None = None,
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
    weight
        Weight column (``nps_weight``) if the data is weighted: then every figure — answer
        shares and NPS per answer, multi-select options, mean ratings, key drivers, theme
        shares, NPS and gains, and the NPS behind the recommendations — is weighted, with
        Kish's effective n for intervals and small-sample flags, like the headline. Counts
        (``n``, ``mentions``, commenters) and the distinguishing words stay unweighted.
    top_n
        Categorical and multi-select tables show this many answers and the rest as
        "Other" / "その他"; ``None`` shows every answer.

    Returns
    -------
    FollowupAnalysis
        Tables for every question plus drivers, themes and recommendations.

    Raises
    ------
    ConfigError
        If a question is malformed (see :meth:`Question.from_dict`) or the rating questions do
        not share one scale.
    DataError
        If a question's column is not in the responses.
    """
    parsed = [q if isinstance(q, Question) else Question.from_dict(q) for q in questions]
    rating_scale = _rating_scale(parsed)
    data = unit.current
    lang = unit.language
    book = load_themes(themes_path)
    results: list[QuestionResult] = []
    for q in parsed:
        if q.type == "categorical":
            table = categorical_summary(
                data,
                q.column,
                codes=q.codes,
                weight=weight,
                level=level,
                min_n=min_n,
                min_report_n=min_report_n,
                top_n=top_n,
                other=label("other", lang),
                order=q.order,
            )
            results.append(QuestionResult(q, table))
        elif q.type == "multi":
            table = multi_select_summary(
                data,
                q.column,
                separator=q.separator or ";",
                codes=q.codes,
                weight=weight,
                level=level,
                min_n=min_n,
                min_report_n=min_report_n,
                top_n=top_n,
                other=label("other", lang),
                order=q.order,
            )
            results.append(QuestionResult(q, table))
        elif q.type == "text":
            _require_column(data, q.column)
            texts = data[q.column].astype("string").str.strip()
            answered = says_something(texts)  # blank, 特になし, N/A … are no comment
            texts = texts.where(answered)
            # Non-commenters get NA tags: theme_impact then reads shares among commenters and
            # NPS gains against every valid respondent of the period.
            tags = tag_themes(texts, book).astype("boolean").where(answered)
            # An answer to "what to improve" is read as a request unless it praises.
            question_polarity = tag_polarity(texts, book, segments=data["segment"], asks=q.asks)
            seg = data["segment"]
            # Commenters as in the theme table: a comment *and* a valid score, so that the
            # count shown above the table is the denominator of its shares.
            commenters = int((answered & seg.notna()).sum())
            impact = _flag_small(
                theme_impact(
                    data,
                    tags,
                    polarity=question_polarity,
                    lang=lang,
                    level=level,
                    book=book,
                    weight=weight,
                ),
                min_n,
                min_report_n=min_report_n,
                commenters=commenters,
            )
            phrases = segment_phrases(texts, seg)
            results.append(
                QuestionResult(
                    q,
                    impact,
                    tags,
                    phrases,
                    commenters,
                    polarity=question_polarity,
                    min_report_n=min_report_n,
                    unread=mostly_unread(data[q.column]),
                )
            )
    rating_columns = {q.column: q.label for q in parsed if q.type == "rating"}
    ratings = drivers = None
    if rating_columns and rating_scale is not None:
        # Labelled scales ("Very satisfied" …) are read as their points through their codes.
        codes = {q.column: q.codes for q in parsed if q.type == "rating" and q.codes}
        ratings = ratings_summary(
            data,
            rating_columns,
            scale=rating_scale,
            codes=codes,
            weight=weight,
            min_report_n=min_report_n,
        )
        drivers = key_drivers(data, rating_columns, scale=rating_scale, codes=codes, weight=weight)
    themes = stance = polarity = all_tags = requests = ranked_tags = None
    scope: Scope = "all"
    open_answers = [r for r in results if r.tags is not None and r.polarity is not None]
    if open_answers:
        # Every open answer of a respondent for the detractor list (what to say on the call) …
        all_tags, polarity, _ = _combined(data, open_answers)
        # … but the themes ranked, the strategies and the e-mail read why people scored as
        # they did: with a reason question beside an improvement question, every improvement
        # answer is a request, so whatever people ask for would outrank what made them
        # detractors (QA22: feature requests outranked the month's outage). The requests are
        # then a list of their own.
        reasons = [r for r in open_answers if r.question.asks != "improvement"]
        asked = [r for r in open_answers if r.question.asks == "improvement"]
        ranked = open_answers
        # A month in which nobody answered the reason question ranks what there is: the
        # requests (REVIEW22: an empty ranking, general actions only, "—" in the overview).
        if reasons and asked and any(r.commenters for r in reasons):
            scope, ranked = "reasons", reasons
            ask_tags, ask_polarity, answered_ask = _combined(data, asked)
            # A theme praised there ("Nothing, the staff are brilliant") asks for nothing: the
            # list counts who asked (a request is negative or mixed), not who named the theme.
            asking = ask_tags.fillna(False).astype(bool) & ask_polarity.isin(COMPLAINT)
            requests = _flag_small(
                theme_impact(
                    data,
                    asking.astype("boolean").where(answered_ask),
                    polarity=ask_polarity,
                    lang=lang,
                    level=level,
                    book=book,
                    weight=weight,
                ),
                min_n,
                min_report_n=min_report_n,
                commenters=int((answered_ask & data["segment"].notna()).sum()),
            )
        ranked_tags, ranked_polarity, commented = _combined(data, ranked)
        themes = _flag_small(
            theme_impact(
                data,
                ranked_tags,
                polarity=ranked_polarity,
                lang=lang,
                level=level,
                book=book,
                weight=weight,
            ),
            min_n,
            min_report_n=min_report_n,
            commenters=int((commented & data["segment"].notna()).sum()),
        )
        # Weighted as the gains are: a card quotes a share and a gain side by side.
        stance = _floor_stance(
            theme_stance(
                data, ranked_polarity, commented=commented, lang=lang, book=book, weight=weight
            ),
            themes,
            min_report_n=min_report_n,
        )
    current = nps(data, weight=weight, level=level, min_n=min_n)
    previous_rows = unit.rows(shift_period(unit.period, -1))
    previous = (
        nps(previous_rows, weight=weight, level=level, min_n=min_n) if len(previous_rows) else None
    )
    if previous is not None and below_floor([previous.n], min_report_n)[0]:
        # A share's change against a month under the floor tells that month's mix (FIX63:
        # "detractors 20.0% (8 of 40, −46.7 pts vs previous)" after a month of 3).
        previous = None
    recommendations = segment_strategies(
        current,
        previous=previous,
        stance=stance,
        themes=themes,
        drivers=drivers,
        tags=ranked_tags,
        playbook=load_playbook(playbook_path, themes=book.ids, pack=book.pack),
        lang=lang,
        scope=scope,
        playbook_file=own_playbook(playbook_path),
    )
    return FollowupAnalysis(
        questions=tuple(results),
        ratings=ratings,
        drivers=drivers,
        themes=themes,
        tags=all_tags,
        recommendations=tuple(recommendations),
        book=book,
        stance=stance,
        rating_scale=rating_scale,
        polarity=polarity,
        scope=scope,
        requests=requests,
        ranked_tags=ranked_tags,
    )


def _combined(
    data: pd.DataFrame, results: Sequence[QuestionResult]
) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """Combine text questions' tags and polarities per respondent (a theme counts once).

    Returns the tags (NA where none of these questions was answered), the merged polarity and
    who answered at least one of them.
    """
    commented = _any_text(data, [r.question for r in results])
    present = None
    for r in results:
        assert r.tags is not None
        tags = r.tags.fillna(False).astype(bool)
        present = tags if present is None else (present | tags)
    assert present is not None
    polarity = merge_polarity([r.polarity for r in results if r.polarity is not None])
    return present.astype("boolean").where(commented), polarity, commented


def _flag_small(
    impact: pd.DataFrame, min_n: int, *, min_report_n: int, commenters: int
) -> pd.DataFrame:
    """Flag a theme table's small samples and show only the size of themes under the floor.

    ``small_sample``: fewer than ``min_n`` mentions. ``suppressed``: mentioned by fewer than
    ``min_report_n`` commenters (the anonymity floor of every group table,
    :func:`nps_kit.score.hide_below_floor`): only its mentions and their share of commenters
    stay; its NPS among those mentioning it (or not: with the commenters' NPS that gives it
    away), interval, mention shares per segment, points gained and this theme's detractors are
    blank (FIX43: "this theme's detractors 4 of 4" read as an NPS of −100). The NPS of the
    other commenters is blank too when they are fewer than the floor.
    """
    if impact.empty:
        return impact.assign(suppressed=pd.Series(dtype=bool))
    out = hide_below_floor(impact, "mentions", min_report_n=min_report_n, keep=("share",))
    out = out.assign(small_sample=out["mentions"].lt(min_n))
    others = (commenters - out["mentions"]).lt(min_report_n)
    out.loc[others, ["nps_without", "ci_without_low", "ci_without_high"]] = float("nan")
    # Ranked again on what is shown (BROWSE32): ranked by its hidden gain, a theme under the
    # floor stood between +9.1 and 0.0, which says its detractors complain. Hidden themes come
    # last, the most mentioned first, then by name.
    return out.sort_values(
        ["nps_gain", "mentions", "label"],
        ascending=[False, False, True],
        na_position="last",
        kind="stable",
    ).reset_index(drop=True)


def _floor_stance(stance: pd.DataFrame, themes: pd.DataFrame, *, min_report_n: int) -> pd.DataFrame:
    """Blank what each segment says about a theme under the anonymity floor.

    A theme's rows per segment are its score mix told apart (how many detractors complain about
    it); under the floor only the theme's size is shown (:func:`_flag_small`), so a strategy
    card never quotes such a theme, and the segment's commenters (its own size) stay.
    """
    mentions = stance["theme"].map(themes.set_index("theme")["mentions"]).fillna(0)
    return hide_below_floor(
        stance, mentions.to_numpy(), min_report_n=min_report_n, keep=("commenters",)
    )


def _rating_scale(questions: Sequence[Question]) -> tuple[float, float] | None:
    """Return the one scale of the rating questions (``None`` without any).

    Mean ratings and the key-driver quadrants compare attributes with each other, which only
    means something on one scale; a second scale would also turn its valid answers into
    "invalid" ones silently.
    """
    scales = {q.scale for q in questions if q.type == "rating"}
    if len(scales) > 1:
        found = ", ".join(
            f"{q.column} [{q.scale[0]:g}, {q.scale[1]:g}]" for q in questions if q.type == "rating"
        )
        raise ConfigError(
            f"rating questions must share one scale to be compared; found {found}.",
            hint="Give every rating question the same scale, or rescale the columns in the data.",
            key="followups.scale",
        )
    return next(iter(scales), None)


def _require_column(data: pd.DataFrame, column: str) -> None:
    if column not in data.columns:
        raise missing_column(column, data.columns, option="followups")


def _any_text(data: pd.DataFrame, questions: Sequence[Question]) -> pd.Series:
    answered = pd.Series(False, index=data.index)
    for q in questions:
        if q.type == "text":
            answered |= says_something(data[q.column].astype("string"))
    return answered
