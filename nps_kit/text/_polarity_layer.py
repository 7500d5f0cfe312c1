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
English round 6
(``benchmarks/polarity_round6.py``), which decision set 31 kept over round 7; the design is
``benchmarks/polarity_layer_eval.py``'s G with round 6's second threshold, G2T. Their weights
are the package resource ``polarity_layer.npz``, read here with numpy only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from nps_kit.text._layer import _Block, _features, _weighted_rows, char_grams, word_grams

__all__ = ["N_CUES", "SEGMENTS", "Mentions", "probabilities", "threshold"]

#: The respondents' segments in the order of the model's columns.
SEGMENTS: tuple[str, ...] = ("detractor", "passive", "promoter")
#: How many rule cues a mention has (``_correction._mention_cues``).
N_CUES = 11
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
            )
    return out


def threshold(lang: str, *, added: bool = False) -> float:
    """Return the probability another polarity needs to replace the tagger's in ``lang``.

    With ``added``, of a theme the learned theme layer added.
    """
    model = _models()[lang]
    return model.added_threshold if added else model.threshold


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
    """

    clauses: Sequence[str]
    clause: np.ndarray
    rule: np.ndarray
    added: np.ndarray
    cues: np.ndarray
    themes: Sequence[str]
    theme: np.ndarray
    segment: np.ndarray


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
    # Their order: polarity (4), added (1), cues, theme, segment (3), polarity × segment.
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
    logits -= logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return exp / exp.sum(axis=1, keepdims=True)
