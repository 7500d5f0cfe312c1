"""Apply the learned polarity correction to the polarities the rules gave each theme mention.

For the shipped packs, with the respondents' segments, :func:`nps_kit.text.tag_polarity` hands
its (responses, themes) table of polarity codes here. Each mention is read as the model of
:mod:`nps_kit.text._polarity_layer` was trained to read it — the clauses the theme's words start
in (:func:`_theme_clauses`), what the rules read there and in the whole comment
(:func:`_mention_cues`), the theme, whether the learned theme layer added it, the respondent's
segment; for a model of design D1 or D2 also what the rules read in the theme's span, the
clauses after its own up to the next clause holding another theme (:func:`_span_cues`) — and its
polarity is replaced where the model is sure enough of another, never turning praise into a
complaint nor a complaint into praise unless the model's design is D2 (English since round 18,
``benchmarks/polarity_round11.py``, PREREG37: on the pooled folds of its choice 1,763 of 1,967
mentions right, against 1,697 for the guarded design D0 and 1,692 for D1, the span without the
flips; POL36's errors were praise after a trouble the firm fixed, and negations, read as
complaints).

That guard is per mention (:data:`_FLIPS`, the Japanese model's): a mention the rules read as
praise never becomes a complaint, nor one they read as a complaint praise. A ``neutral`` or
``mixed`` mention may become either, also in a comment whose rules read only complaints (a
passive's theme the layer added to "I was overcharged £230 and it took six weeks to get a refund"
becomes praise: QA23 #4) or only praise. A comment-level guard was weighed (POL22) and not made: on
every readable labelled set with scores (blind 20 and the sets the correction is trained on;
in-sample, so optimistic for the model) the correction makes 69 English mentions positive in
comments whose rules read a complaint or request and no praise, 58 of them right, and 106 negative
where they read only praise, 100 right (Japanese 12 of 12 and 15 of 15); each was wrong before, so
the guard would lose 158 English and 27 Japanese right mentions. Those comments mostly praise what
the rules read as a complaint, a trouble denied ("Six weeks in, no blisters", "didn't need to
contact anyone"). The energy supplier's complaints are the minority this reading gets wrong; the
remedy is the data (labelled comments of that kind), not a rule.

:func:`_theme_clauses` and :func:`_mention_cues` read one comment as the training script does;
:func:`correct` reads a whole column's the same way from how the tagger already split each
comment (``sentiment._Split``), once per distinct comment and clause.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nps_kit.text import _polarity_layer
from nps_kit.text._layer import languages
from nps_kit.text._match import Hits, ThemeMatcher, matcher
from nps_kit.text.sentiment import (
    POLARITIES,
    _Clause,
    _clause_bits,
    _clause_themes,
    _clauses,
    _Split,
    _split,
)
from nps_kit.text.themes import ThemeBook

#: theme index → the text of its clauses, and the comment's cues (see :func:`_mention_cues`)
_Place = tuple[dict[int, str], tuple[float, ...]]

# Bits (sentiment._clause_bits, or-ed over a comment's clauses with _MULTI) → 0/1 columns.
_CUE_BITS = ((np.arange(64)[:, None] >> np.arange(6)) & 1).astype(float)
#: Bits of a clause → its cues (request, praise, complaint, ordinary, judges).
_CLAUSE_CUES = _CUE_BITS[:, :5]
#: Bits of a comment → its cues (request, praise, complaint anywhere, judges anything, more
#: than one clause).
_COMMENT_CUES = _CUE_BITS[:, [0, 1, 2, 4, 5]]
#: Bits of a span's clauses → its cues (request, praise, complaint, judges anything).
_SPAN_CUES = _CUE_BITS[:, [0, 1, 2, 4]]


def _clause_cues(clause: str) -> tuple[float, ...]:
    """Return the request, praise, complaint, "ordinary", judgement the rules read in a clause."""
    return tuple(_CLAUSE_CUES[_clause_bits(clause)].tolist())


def _single(clause: str) -> tuple[float, ...]:
    """Return the comment cues of a comment of one clause (or none: ``""``)."""
    one = _clause_cues(clause) if clause else (0.0,) * 5
    return (one[0], one[1], one[2], one[4], 0.0)


def _place(
    text: str, themes: Hits, clauses: list[_Clause], clause_themes: list[set[int]]
) -> _Place:
    # The comment's cues are the clauses' request, praise, complaint and judgement, anywhere.
    if len(clauses) < 2:
        return dict.fromkeys(themes, text), _single(clauses[0].text if clauses else "")
    anywhere = tuple(map(max, *(_clause_cues(c.text) for c in clauses)))
    cues = (anywhere[0], anywhere[1], anywhere[2], anywhere[4], 1.0)
    where: dict[int, list[str]] = {}
    for clause, here in zip(clauses, clause_themes, strict=True):
        for i in here:
            where.setdefault(i, []).append(clause.text)
    return {i: " ".join(where[i]) if i in where else text for i in themes}, cues


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


def _span_bits(clauses: list[_Clause], clause_themes: list[set[int]]) -> dict[int, int]:
    """Return theme index → what the rules read in its span (:func:`_clause_bits` or-ed).

    A theme's span is the clauses after one of its own up to the next clause holding another
    theme (a clause holding it again starts its span anew); a theme with no span is left out.
    """
    out: dict[int, int] = {}
    open_: set[int] = set()  # the themes whose span the next clause without a theme extends
    for clause, here in zip(clauses, clause_themes, strict=True):
        if here:
            open_ = here
            continue
        if open_:
            bits = _clause_bits(clause.text)
            for i in open_:
                out[i] = out.get(i, 0) | bits
    return out


def _spans(text: str, matcher: ThemeMatcher, new: frozenset[int] = frozenset()) -> dict[int, int]:
    """Return :func:`_span_bits` of one normalised comment, split as the tagger splits it.

    The themes ``new`` (an extends file's own, which the model never read) end no span: a
    pack's theme reads the same span with or without them.
    """
    clauses = _clauses(text)
    if len(clauses) < 2:
        return {}
    here = _clause_themes(matcher.find(text), clauses, matcher)
    return _span_bits(clauses, [t - new if new else t for t in here])


def _span_cues(text: str, matcher: ThemeMatcher) -> dict[int, tuple[float, ...]]:
    """Return theme index → what the rules read in its span (request, praise, complaint, judges).

    A theme left out has no span (its cues are all 0).
    """
    return {i: tuple(_SPAN_CUES[b].tolist()) for i, b in _spans(text, matcher).items()}


def _split_of(text: str, matcher: ThemeMatcher) -> _Split:
    """Split a comment as ``sentiment._comment_polarities`` records it (themes of the rules')."""
    clauses = _clauses(text)
    if len(clauses) < 2:
        return clauses[0].text if clauses else ""
    return _split(clauses, _clause_themes(matcher.find(text), clauses, matcher))


def _read(
    texts: Sequence[str],
    comment: np.ndarray,
    theme: np.ndarray,
    places: dict[str, _Split],
    matcher: ThemeMatcher,
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Read each mention as :func:`_theme_clauses` and :func:`_mention_cues` do.

    ``comment`` (an index into ``texts``, ascending) and ``theme`` give the mentions;
    ``places`` how the tagger split each comment (one it did not split is split here and
    recorded). Returns the distinct clause texts, each mention's (an index into them) and its
    cues (mentions, ``N_CUES``).
    """
    comments, at = np.unique(comment, return_inverse=True)
    ids: dict[str, int] = {}  # each distinct clause text (or whole comment) once
    # Python lists, made arrays at the end: numpy's per-item cost dominates per comment.
    whole: list[int] = []  # the id of each comment's text
    bits: list[int] = []  # what the rules read anywhere in it
    # (comment, theme, id) of each theme's own clauses
    own_comment: list[int] = []
    own_theme: list[int] = []
    own_clause: list[int] = []
    for k, u in enumerate(comments.tolist()):
        text = texts[u]
        whole.append(ids.setdefault(text, len(ids)))
        split = places.get(text)
        if split is None:  # only the theme layer's themes: the rules split nothing
            split = places[text] = _split_of(text, matcher)
        if isinstance(split, str):  # one clause: every theme's is the whole comment
            bits.append(_clause_bits(split) if split else 0)
            continue
        bits.append(split[0])
        where = split[1]
        own_comment.extend([k] * len(where))
        own_theme.extend(where)
        own_clause.extend([ids.setdefault(c, len(ids)) for c in where.values()])
    # A comment's clauses may name themes no mention here reads (an extends file's new ones).
    width = max(int(theme.max()) + 1 if len(theme) else 0, max(own_theme, default=-1) + 1)
    own = np.full((len(comments), width), -1, dtype=np.intp)
    own[np.array(own_comment, dtype=np.intp), np.array(own_theme, dtype=np.intp)] = np.array(
        own_clause, dtype=np.intp
    )
    whole_at = np.array(whole, dtype=np.intp)[at]
    clause = own[at, theme]
    clause = np.where(clause >= 0, clause, whole_at)
    # Only the texts some mention reads, in order; a clause equal to the comment is the comment.
    used, clause = np.unique(clause, return_inverse=True)
    every = list(ids)
    clauses = [every[i] for i in used.tolist()]
    clause_bits = np.fromiter(map(_clause_bits, clauses), dtype=np.intp, count=len(clauses))
    cues = np.hstack(
        [
            _CLAUSE_CUES[clause_bits[clause]],
            _COMMENT_CUES[np.array(bits, dtype=np.intp)[at]],
            (used[clause] == whole_at).astype(float)[:, None],
        ]
    )
    return clauses, clause, cues


def _read_spans(
    texts: Sequence[str],
    comment: np.ndarray,
    theme: np.ndarray,
    places: dict[str, _Split],
    matcher: ThemeMatcher,
    new: frozenset[int] = frozenset(),
) -> np.ndarray:
    """Return each mention's span cues (mentions, ``SPAN_CUES``) as :func:`_span_cues` reads.

    ``comment`` and ``theme`` as :func:`_read`'s; a comment of one clause has no span; the
    themes ``new`` end none (:func:`_spans`).
    """
    bits = np.zeros(len(comment), dtype=np.intp)
    spans: dict[int, dict[int, int]] = {}
    for k, (u, i) in enumerate(zip(comment.tolist(), theme.tolist(), strict=True)):
        split = places.get(texts[u])
        if isinstance(split, str):
            continue
        if u not in spans:
            if split is None:
                spans[u] = _spans(texts[u], matcher, new)
            else:  # the tagger's clauses and their themes: what _spans would find again
                here = split.themes
                spans[u] = _span_bits(split.clauses, [t - new for t in here] if new else here)
        bits[k] = spans[u].get(i, 0)
    return _SPAN_CUES[bits]


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
    places: dict[str, _Split],
) -> None:
    """Apply the learned polarity correction to ``wide`` (rows, themes) in place.

    ``unique`` are the distinct normalised comments, ``codes`` each row's (−1: none), ``added``
    (comments, themes) the themes the layer added, ``who`` each row's segment (an index into
    ``_polarity_layer.SEGMENTS``, −1: none) and ``places`` how the tagger split each comment.
    """
    rows, cols = np.nonzero(wide >= 0)
    new: frozenset[int] = frozenset()
    if book.new:  # the themes an extends file adds to the pack: the rules' polarity
        new = frozenset(book.ids.index(t) for t in book.new)
        pack = ~np.isin(np.array(book.ids, dtype=object), list(book.new))
        rows, cols = rows[pack[cols]], cols[pack[cols]]
    if not len(rows):
        return
    width = wide.shape[1]
    # What a mention's words say is the same for every response with that comment.
    pairs, inverse = np.unique(codes[rows].astype(np.int64) * width + cols, return_inverse=True)
    pair_comment, pair_theme = np.divmod(pairs, width)
    comments, first = np.unique(pair_comment, return_index=True)
    found = languages(book.pack, [unique[u] for u in comments.tolist()])
    comment_lang = np.array([lang or "" for lang in found])
    pair_lang = np.repeat(comment_lang, np.diff(first, append=len(pairs)))
    row_lang = pair_lang[inverse]
    themes = matcher(book.themes)
    for lang in ("en", "ja"):
        mine = np.flatnonzero(pair_lang == lang)
        if not len(mine):
            continue
        texts, their_clause, their_cues = _read(
            unique, pair_comment[mine], pair_theme[mine], places, themes
        )
        clause = np.zeros(len(pairs), dtype=np.intp)
        clause[mine] = their_clause
        cues = np.zeros((len(pairs), _polarity_layer.N_CUES))
        cues[mine] = their_cues
        span = None
        if _polarity_layer.design(lang) != "D0":
            span = np.zeros((len(pairs), _polarity_layer.SPAN_CUES))
            span[mine] = _read_spans(
                unique, pair_comment[mine], pair_theme[mine], places, themes, new
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
            None if span is None else span[of],
        )
        prob = _polarity_layer.probabilities(mentions, lang)
        best = prob.argmax(axis=1)
        limit = np.where(
            mentions.added,
            _polarity_layer.threshold(lang, added=True),
            _polarity_layer.threshold(lang),
        )
        take = (best != mentions.rule) & (prob.max(axis=1) >= limit)
        # Words decide the direction: a complaint never becomes praise, nor praise a complaint
        # (but for a model of design D2, which reads the span and may).
        if not _polarity_layer.flips(lang):
            take &= ~np.isin(mentions.rule * 4 + best, _FLIPS)
        wide[rows[at][take], cols[at][take]] = best[take]
