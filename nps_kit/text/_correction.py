"""Apply the learned polarity correction to the polarities the rules gave each theme mention.

For the shipped packs, with the respondents' segments, :func:`nps_kit.text.tag_polarity` hands
its (responses, themes) table of polarity codes here. Each mention is read as the model of
:mod:`nps_kit.text._polarity_layer` was trained to read it — the clauses the theme's words start
in (:func:`_theme_clauses`), what the rules read there and in the whole comment
(:func:`_mention_cues`), the theme, whether the learned theme layer added it, the respondent's
segment — and its polarity is replaced where the model is sure enough of another, never turning
praise into a complaint nor a complaint into praise.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nps_kit.text import _polarity_layer
from nps_kit.text._layer import languages
from nps_kit.text._match import ThemeMatcher, matcher
from nps_kit.text.sentiment import (
    POLARITIES,
    _clause_cues,
    _clause_themes,
    _clauses,
    _Place,
    _place,
    _single,
)
from nps_kit.text.themes import ThemeBook


def _theme_clauses(text: str, matcher: ThemeMatcher) -> dict[int, str]:
    """Return theme index → the clauses its words start in (the whole comment if unplaced)."""
    return _places(text, matcher)[0]


def _places(text: str, matcher: ThemeMatcher) -> _Place:
    """Return the clauses of each theme (:func:`_theme_clauses`) and the comment's cues."""
    themes = matcher.find(text)
    clauses = _clauses(text)
    if len(clauses) < 2:
        return _place(text, themes, clauses, [])
    return _place(text, themes, clauses, _clause_themes(themes, clauses, matcher))


def _mention_cues(clause: str, text: str, matcher: ThemeMatcher) -> tuple[float, ...]:
    """Return what the rules read in a theme's clauses and in the whole comment (0/1 each).

    The clauses': request, praise, complaint, called ordinary, judges anything; the comment's:
    a request, praise, complaint anywhere, judges anything, more than one clause; and whether
    the theme's clauses are the whole comment.
    """
    return (*_clause_cues(clause), *_places(text, matcher)[1], float(clause == text))


# (rule, model) pairs the correction may not make: positive -> negative, negative -> positive.
_FLIPS = np.array(
    [
        POLARITIES.index("positive") * 4 + POLARITIES.index("negative"),
        POLARITIES.index("negative") * 4 + POLARITIES.index("positive"),
    ]
)


def correct(
    wide: np.ndarray,
    unique: Sequence[str],
    codes: np.ndarray,
    added: np.ndarray,
    who: np.ndarray,
    book: ThemeBook,
    places: dict[str, _Place | str],
) -> None:
    """Apply the learned polarity correction to ``wide`` (rows, themes) in place."""
    rows, cols = np.nonzero(wide >= 0)
    if not len(rows):
        return
    themes = matcher(book.themes)
    width = wide.shape[1]
    # What a mention's words say is the same for every response with that comment.
    pairs, inverse = np.unique(codes[rows].astype(np.int64) * width + cols, return_inverse=True)
    pair_comment, pair_theme = np.divmod(pairs, width)
    comments = np.unique(pair_comment)
    found = languages(book.path, [unique[u] for u in comments])
    langs = dict(zip(comments.tolist(), found, strict=True))
    pair_lang = np.array([langs[u] or "" for u in pair_comment.tolist()])
    row_lang = pair_lang[inverse]
    for lang in ("en", "ja"):
        mine = np.flatnonzero(pair_lang == lang)
        if not len(mine):
            continue
        clauses: dict[str, int] = {}
        their_clause: list[int] = []
        their_comment: list[tuple[float, ...]] = []  # the comment's cues
        their_whole: list[bool] = []
        last = -1
        cues_of_last: tuple[float, ...] = ()
        where: dict[int, str] | None = None
        for u, j in zip(pair_comment[mine].tolist(), pair_theme[mine].tolist(), strict=True):
            text = unique[u]
            if u != last:  # pairs come sorted by comment
                place = places.get(text)
                if place is None:  # only the theme layer's themes: the rules split nothing
                    place = places[text] = _places(text, themes)
                # One clause: every theme's is the whole comment.
                where = None if isinstance(place, str) else place[0]
                last, cues_of_last = u, _single(place) if isinstance(place, str) else place[1]
            here = text if where is None else where.get(j, text)
            their_clause.append(clauses.setdefault(here, len(clauses)))
            their_comment.append(cues_of_last)
            their_whole.append(here == text)
        clause = np.zeros(len(pairs), dtype=np.intp)
        clause[mine] = their_clause
        texts = list(clauses)
        cues = np.zeros((len(pairs), _polarity_layer.N_CUES))
        cues[mine] = np.hstack(
            [
                np.array([_clause_cues(t) for t in texts]).reshape(-1, 5)[their_clause],
                np.array(their_comment).reshape(-1, 5),
                np.array(their_whole, dtype=float)[:, None],
            ]
        )
        at = np.flatnonzero(row_lang == lang)
        of = inverse[at]
        mentions = _polarity_layer.Mentions(
            texts,
            clause[of],
            wide[rows[at], cols[at]].astype(np.intp),
            added[codes[rows[at]], cols[at]],
            cues[of],
            book.ids,
            cols[at],
            who[rows[at]],
        )
        prob = _polarity_layer.probabilities(mentions, lang)
        best = prob.argmax(axis=1)
        take = (best != mentions.rule) & (prob.max(axis=1) >= _polarity_layer.threshold(lang))
        # Words decide the direction: a complaint never becomes praise, nor praise a complaint.
        take &= ~np.isin(mentions.rule * 4 + best, _FLIPS)
        wide[rows[at][take], cols[at][take]] = best[take]
