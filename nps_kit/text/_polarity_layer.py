"""The learned polarity correction: over the rules, change the polarity of a theme mention.

For the shipped packs, when the respondents' segments are known, a multinomial logistic
regression per language reads each (comment, theme) the tagger reports — the tagger's polarity,
whether the learned theme layer added the theme, what the rules read in the theme's clauses and
in the whole comment (request, praise, complaint, "ordinary", judgement), the theme id, the
respondent's segment (alone and crossed with the tagger's polarity) and TF-IDF n-grams of the
clauses the theme was found in (English lemma uni- and bigrams, Japanese character 1–3-grams) —
and gives the probability of each of positive, negative, mixed and neutral. The tagger's
polarity is replaced by the most probable one when that differs and its probability is at least
the language's ``threshold`` (for a theme the learned theme layer added, its ``threshold`` of
added themes where the resource holds one: since round 6). The models were trained on the
mentions the tagger finds in every readable labelled set with polarities: Japanese round 9
(``benchmarks/polarity_round9.py``: round 7's design and round 8's choices, C 4, t 0.40, t_added
0.60, refitted on the mentions of the round-16 theme layer and shipped with it, PREREG35),
English round 11
(``benchmarks/polarity_round11.py``: design D2, below, C 4, t 0.45, t_added 0.30, fitted on the
mentions of the shipped (round 17) theme layer without set 38, PREREG37's amendment B, which
shipped it alone); the Japanese design is
``benchmarks/polarity_layer_eval.py``'s G with round 6's second threshold, G2T (D0). Their weights
are the package resource ``polarity_layer.npz``, read here with numpy only.

A resource says which design each language's model has (``{lang}_design``; none: ``D0``, the
design above). ``D1`` and ``D2`` (``benchmarks/polarity_round11.py``, PREREG37) read the span
too: what the rules read in the clauses after the theme's own clauses up to the next clause
holding another theme (:data:`SPAN_CUES`: request, praise, complaint, judgement), whether that
disagrees with the theme's clauses (praise there and a complaint here, or the reverse), and the
respondent's segment crossed with the rules' reading (praise and complaint in the theme's clauses
and in the span): :func:`span_columns`, the training script's columns too. ``D2`` may turn praise
into a complaint and a complaint into praise (:func:`flips`); ``D0`` and ``D1`` never do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from nps_kit.text._layer import _Block, _features, _weighted_rows, char_grams, word_grams

__all__ = [
    "DESIGNS",
    "N_CUES",
    "SEGMENTS",
    "SPAN_CUES",
    "Mentions",
    "design",
    "flips",
    "probabilities",
    "span_columns",
    "threshold",
]

#: The respondents' segments in the order of the model's columns.
SEGMENTS: tuple[str, ...] = ("detractor", "passive", "promoter")
#: How many rule cues a mention has (``_correction._mention_cues``).
N_CUES = 11
#: How many rule cues a mention's span has (``_correction._span_cues``): request, praise,
#: complaint, judges anything, or-ed over the span's clauses.
SPAN_CUES = 4
#: The correction's designs: D0 the theme's clauses only; D1 and the span; D2 D1 allowed to flip.
DESIGNS = ("D0", "D1", "D2")
_CUTS = {"en": word_grams, "ja": char_grams}


@dataclass(frozen=True)
class _Model:
    block: _Block
    text_weights: np.ndarray  # (n-grams, polarities)
    dense_weights: np.ndarray  # (dense columns, polarities)
    intercept: np.ndarray
    themes: dict[str, int]
    threshold: float
    added_threshold: float  # for the themes the layer added (the threshold where none is stored)
    design: str  # one of DESIGNS ("D0" where the resource names none)


# A module attribute that ``_models`` looks up, compiled too (``make fast``: a decorated
# function is called through the module; a plain one directly): tests put another resource here.
@lru_cache(maxsize=1)
def _resource() -> Path:
    return Path(str(resources.files("nps_kit") / "resources" / "polarity_layer.npz"))


@lru_cache(maxsize=1)
def _models() -> dict[str, _Model]:
    """Read the resource once per process."""
    out = {}
    with np.load(_resource(), allow_pickle=False) as data:
        for lang, cut in _CUTS.items():
            terms = {str(t): i for i, t in enumerate(data[f"{lang}_terms"])}
            out[lang] = _Model(
                _Block(cut, terms, data[f"{lang}_idf"]),
                np.ascontiguousarray(data[f"{lang}_text_weights"], dtype=np.float64),
                data[f"{lang}_dense_weights"],
                data[f"{lang}_intercept"],
                {str(t): i for i, t in enumerate(data[f"{lang}_themes"])},
                float(data[f"{lang}_threshold"]),
                float(data.get(f"{lang}_threshold_added", data[f"{lang}_threshold"])),
                str(data[f"{lang}_design"]) if f"{lang}_design" in data else "D0",
            )
    return out


def threshold(lang: str, *, added: bool = False) -> float:
    """Return the probability another polarity needs to replace the tagger's in ``lang``.

    With ``added``, of a theme the learned theme layer added.
    """
    model = _models()[lang]
    return model.added_threshold if added else model.threshold


def design(lang: str) -> str:
    """Return the design of ``lang``'s model (one of :data:`DESIGNS`)."""
    return _models()[lang].design


def flips(lang: str) -> bool:
    """Return whether ``lang``'s correction may turn praise into a complaint or the reverse."""
    return design(lang) == "D2"


def span_columns(cues: np.ndarray, span: np.ndarray, segment: np.ndarray) -> np.ndarray:
    """Return the span columns of designs D1 and D2 (mentions, ``SPAN_CUES`` + 1 + 12).

    ``cues`` (mentions, ``N_CUES``) are the mentions' rule cues, ``span`` (mentions,
    ``SPAN_CUES``) their spans' and ``segment`` an index into :data:`SEGMENTS` (−1: none).
    The columns: the span's cues; whether the span disagrees with the theme's clauses (praise
    in one and a complaint in the other); each segment × praise and complaint in the theme's
    clauses and in the span (segment-major, all 0 without a segment).
    """
    n = len(span)
    reading = np.column_stack([cues[:, 1], cues[:, 2], span[:, 1], span[:, 2]])
    disagree = np.maximum(reading[:, 0] * reading[:, 3], reading[:, 1] * reading[:, 2])
    seg = (np.asarray(segment)[:, None] == np.arange(len(SEGMENTS))).astype(float)
    cross = (seg[:, :, None] * reading[:, None, :]).reshape(n, -1)
    return np.hstack([span, disagree[:, None], cross])


@dataclass(frozen=True)
class Mentions:
    """The mentions of one language to correct, one row each.

    Attributes
    ----------
    clauses
        Distinct normalised clause texts.
    clause
        Each mention's clause text (an index into ``clauses``).
    rule
        The tagger's polarity (index into ``POLARITIES``).
    added
        Whether the learned theme layer added the theme.
    cues
        Float (mentions, ``N_CUES``): what the rules read.
    themes
        The book's theme ids.
    theme
        Each mention's theme (an index into ``themes``).
    segment
        Index into :data:`SEGMENTS`; −1 where the respondent's segment is unknown.
    span
        Float (mentions, ``SPAN_CUES``): what the rules read in each mention's span; read only
        by a model of design D1 or D2 (``None``: the model's design is D0).
    """

    clauses: Sequence[str]
    clause: np.ndarray
    rule: np.ndarray
    added: np.ndarray
    cues: np.ndarray
    themes: Sequence[str]
    theme: np.ndarray
    segment: np.ndarray
    span: np.ndarray | None = None


def probabilities(mentions: Mentions, lang: str) -> np.ndarray:
    """Return the model's probability per mention and polarity (columns in POLARITIES order)."""
    model = _models()[lang]
    n = len(mentions.rule)
    classes = model.intercept.shape[0]
    text = np.zeros((len(mentions.clauses), classes))
    rows, cols, values = _features(model.block, mentions.clauses)
    for at, sums in _weighted_rows(rows, cols, values, model.text_weights):
        text[at] = sums
    # The dense columns are one-hot or 0/1: gather their weight rows instead of multiplying.
    # Their order: polarity (4), added (1), cues, theme, segment (3), polarity × segment, and for
    # designs D1 and D2 the span's columns (span_columns).
    w = model.dense_weights
    n_themes, n_seg = len(model.themes), len(SEGMENTS)
    at_cues = classes + 1
    at_theme = at_cues + N_CUES
    at_segment = at_theme + n_themes
    at_cross = at_segment + n_seg
    logits = text[mentions.clause] + model.intercept + w[mentions.rule]
    logits += mentions.added[:, None] * w[classes]
    logits += mentions.cues @ w[at_cues:at_theme]
    columns = np.array([model.themes.get(t, -1) for t in mentions.themes], dtype=np.intp)
    which = columns[mentions.theme] if n else np.zeros(0, dtype=np.intp)
    known = which >= 0
    logits[known] += w[at_theme + which[known]]
    known = mentions.segment >= 0
    seg = mentions.segment[known]
    logits[known] += w[at_segment + seg] + w[at_cross + mentions.rule[known] * n_seg + seg]
    if model.design != "D0":
        if mentions.span is None:
            raise ValueError(f"the {lang} correction (design {model.design}) needs the spans")
        at_span = at_cross + classes * n_seg
        logits += span_columns(mentions.cues, mentions.span, mentions.segment) @ w[at_span:]
    logits -= logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return exp / exp.sum(axis=1, keepdims=True)
