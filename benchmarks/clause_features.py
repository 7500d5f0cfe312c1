"""A clause-reading decision for the learned theme layer (CLF20, issue 11; did NOT ship).

Benchmark code only: ``benchmarks/clause_layer_eval.py`` applies it in place of the layer's two
thresholds (``benchmarks/CLF20_clauses.md`` has the design and the figures). It was written as a
package module (numpy only), ``nps_kit/text/_clause_layer.py`` at commit 1b6f2e4, where the
decision set was read; it moved here, unchanged but for this docstring, when the ship rule failed.

The layer's n-gram models (:mod:`nps_kit.text._layer`) read the whole comment. Here the same
models also read each clause of a comment of several clauses (``_clause_rules._clauses``) and
each segment (its clauses joined back where only a plain join separates them), and a small
logistic regression per language — one for the rules' hits (keep or drop), one for the themes
they missed (add or not) — decides from the comment's probability, the probability of the clause
where the rules hit the theme, the highest clause and segment probabilities, how many clauses,
whether the hit clause follows a contrast, the other themes found, … (:data:`FEATURES`).

The stackers' weights and thresholds (:data:`STACKERS`) are written by
``benchmarks/clause_layer_eval.py --table`` (fitted on sets the layer never trained on).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from nps_kit.text._clause_rules import _clauses
from nps_kit.text._match import Hits

__all__ = ["FEATURES", "MARGIN", "STACKERS", "Stacker", "decide", "features", "matrix"]

#: The features of a (comment, theme) pair, in the order of :func:`features`' last axis.
FEATURES = (
    "logit_p",  # the comment's probability
    "logit_hitclause",  # highest probability of a clause where the rules hit the theme (else p)
    "logit_maxclause",  # highest clause probability
    "logit_maxseg",  # highest segment probability
    "d_maxclause",  # logit of the highest clause probability − logit p
    "log_clauses",  # log of the number of clauses
    "multi",  # more than one clause
    "hits",  # places the rules hit the theme (at most 3)
    "hit_contrast",  # a hit clause follows a contrast word or sentence end
    "others",  # other themes of the pack the rules found (at most 3)
    "shared",  # the hit clause (a miss: the most probable clause) holds another theme's hit
    "above",  # themes of the pack more probable (at most 3)
    "saas",
    "finance",
    "generic",
)
_EPS = 1e-4


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, _EPS, 1 - _EPS)
    return np.log(p / (1 - p))


#: How far (in log-odds) from its threshold a pair's stacker score read as one clause must be
#: for the clauses to be read: on the design sets of CLF20 no decision the clauses changed was
#: further than 3.4 (en) and 2.3 (ja); at 2.5, 533 of 535 and 405 of 405 changes are made, F1 the
#: same. Only the comments with such a pair are split.
MARGIN = 2.5


def _split(text: str) -> tuple[list[int], list[bool], list[str], list[str]]:
    """Return a comment's clause starts, contrast flags, clause texts and segment texts.

    A clause runs to the next one's start (its cut words with it); a segment joins the clauses
    that only a plain join separates.
    """
    clauses = _clauses(text)
    starts = [c.start for c in clauses]
    flags = [bool(c.contrast_before and k) or c.turn for k, c in enumerate(clauses)]
    ends = [*starts[1:], len(text)]
    pieces = [text[a:b].strip() for a, b in zip(starts, ends, strict=True)]
    joins = [
        a
        for k, (a, c) in enumerate(zip(starts, clauses, strict=True))
        if not k or c.contrast_before
    ]
    segments = [text[a:b].strip() for a, b in zip(joins, [*joins[1:], len(text)], strict=True)]
    return starts, flags, pieces, segments


def _rows(
    groups: list[list[str]], prob: Callable[[list[str]], np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Return the probabilities of every text of ``groups`` (rows, in order; each distinct text
    computed once) and where each group's rows start."""
    distinct = list(dict.fromkeys(t for group in groups for t in group))
    at = {t: k for k, t in enumerate(distinct)}
    index = np.fromiter((at[t] for group in groups for t in group), dtype=np.intp)
    return prob(distinct)[index], np.cumsum([0, *map(len, groups)])[:-1]


def features(
    texts: Sequence[str],
    prob: np.ndarray,
    hit: np.ndarray,
    local: dict[int, int],
    found: Callable[[str], Hits],
    probabilities: Callable[[list[str]], np.ndarray],
    pack: str,
    split: np.ndarray | None = None,
) -> list[np.ndarray]:
    """Return the features of one language's comments, each an array that broadcasts to
    (comments, themes), in :data:`FEATURES` order (:func:`matrix` stacks them).

    Parameters
    ----------
    texts
        Normalised comments.
    prob
        The layer's probability per comment and theme of the pack (its columns).
    hit
        Boolean, same shape: what the rules found.
    local
        A book theme's index (the matcher's) → its column in ``prob``; themes not modelled out.
    found
        The rules' places per book theme in a comment (``ThemeMatcher.find``).
    probabilities
        The layer's probabilities of texts (rows) and the pack's themes.
    pack
        The shipped pack.
    split
        Boolean per comment: the comments read clause by clause (``None``: all); the others
        are read as one clause.
    """
    n, m = prob.shape
    hitclause, maxclause, maxseg = prob.copy(), prob.copy(), prob.copy()
    clauses = np.ones(n)
    hits = hit.astype(float)
    contrast = np.zeros((n, m))
    others_hit = hit.sum(axis=1, keepdims=True) - hit
    shared = (others_hit > 0).astype(float)  # one clause: any other hit shares it
    splits = {}
    for k in range(n) if split is None else np.flatnonzero(split).tolist():
        split = _split(texts[k])
        if len(split[0]) > 1:
            splits[k] = split
    multi = list(splits)
    if not multi:
        return _stack(
            prob, hitclause, maxclause, maxseg, clauses, hits, contrast, others_hit, shared, pack
        )
    each, at = _rows([splits[k][2] for k in multi], probabilities)
    maxclause[multi] = np.maximum.reduceat(each, at, axis=0)
    clauses[multi] = [len(splits[k][0]) for k in multi]
    seg_multi = [k for k in multi if len(splits[k][3]) > 1]
    if seg_multi:
        seg_each, seg_at = _rows([splits[k][3] for k in seg_multi], probabilities)
        maxseg[seg_multi] = np.maximum.reduceat(seg_each, seg_at, axis=0)
    for k, start in zip(multi, at.tolist(), strict=True):
        if not hit[k].any():  # no theme found: no hit clause, nothing shared
            continue
        starts, flags = splits[k][0], splits[k][1]
        here = each[start : start + len(starts)]
        where: dict[int, set[int]] = {}
        for j, offsets in found(texts[k]).items():
            c = local.get(j)
            if c is None:
                continue
            hits[k, c] = min(len(offsets), 3) if offsets else 1
            where[c] = {max(bisect.bisect_right(starts, o) - 1, 0) for o in offsets}
        named = np.zeros(len(starts), dtype=np.intp)  # themes hit in each clause
        for places in where.values():
            named[list(places)] += 1
        # A miss: whether its most probable clause holds a hit.
        shared[k] = named[here.argmax(axis=0)] > 0
        for c, places in where.items():
            if places:
                hitclause[k, c] = here[list(places), c].max()
                contrast[k, c] = any(flags[q] for q in places)
                shared[k, c] = any(named[q] > 1 for q in places)
            else:  # found without a place: the comment stands for its clause
                shared[k, c] = others_hit[k, c] > 0
    return _stack(
        prob, hitclause, maxclause, maxseg, clauses, hits, contrast, others_hit, shared, pack
    )


def _stack(
    prob: np.ndarray,
    hitclause: np.ndarray,
    maxclause: np.ndarray,
    maxseg: np.ndarray,
    clauses: np.ndarray,
    hits: np.ndarray,
    contrast: np.ndarray,
    others_hit: np.ndarray,
    shared: np.ndarray,
    pack: str,
) -> list[np.ndarray]:
    """Return the features in :data:`FEATURES` order, each an array that broadcasts to
    (comments, themes)."""
    lp = _logit(prob)
    top = _logit(maxclause)
    return [
        lp,
        _logit(hitclause),
        top,
        _logit(maxseg),
        top - lp,
        np.log(clauses)[:, None],
        (clauses > 1)[:, None].astype(float),
        np.minimum(hits, 3),
        contrast,
        np.minimum(others_hit, 3).astype(float),
        shared,
        np.minimum((prob[:, None, :] > prob[:, :, None]).sum(axis=2), 3).astype(float),
        np.array(float(pack == "saas")),
        np.array(float(pack == "finance")),
        np.array(float(pack == "generic")),
    ]


def matrix(columns: list[np.ndarray]) -> np.ndarray:
    """Return :func:`features`' columns as one array (comments × themes, features)."""
    shape = np.broadcast_shapes(*(c.shape for c in columns))
    return np.stack([np.broadcast_to(c, shape).ravel() for c in columns], axis=1)


@dataclass(frozen=True)
class Stacker:
    """A logistic regression over standardised :data:`FEATURES`, and its threshold."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float

    def logit(self, columns: list[np.ndarray]) -> np.ndarray:
        """Return the log-odds of each pair, from :func:`features`' columns."""
        z = self.intercept
        for value, mean, scale, weight in zip(
            columns, self.mean, self.scale, self.weights, strict=True
        ):
            if weight:
                z = z + (weight / scale) * (value - mean)
        return np.asarray(z)

    def margin(self, columns: list[np.ndarray]) -> np.ndarray:
        """Return each pair's log-odds minus its threshold's (at least 0: keep or add)."""
        return self.logit(columns) - np.log(self.threshold / (1 - self.threshold))


def decide(
    stackers: tuple[Stacker, Stacker],
    texts: Sequence[str],
    prob: np.ndarray,
    hit: np.ndarray,
    local: dict[int, int],
    found: Callable[[str], Hits],
    probabilities: Callable[[list[str]], np.ndarray],
    pack: str,
) -> np.ndarray:
    """Return which pairs the stackers keep (a hit) or add (a miss); arguments as :func:`features`.

    Each comment is first read as one clause (cheap); only those with a pair whose score is
    within :data:`MARGIN` of its threshold are read clause by clause.
    """
    on_hit, on_miss = stackers
    args = (texts, prob, hit, local, found, probabilities, pack)
    columns = features(*args, split=np.zeros(len(texts), dtype=bool))
    margin = np.where(hit, on_hit.margin(columns), on_miss.margin(columns))
    doubtful = (np.abs(margin) < MARGIN).any(axis=1)
    if doubtful.any():
        columns = features(*args, split=doubtful)
        margin = np.where(hit, on_hit.margin(columns), on_miss.margin(columns))
    return margin >= 0


#: Per language, the stackers of the rules' hits and of the themes they missed (none: the
#: layer's two thresholds decide). Written by ``benchmarks/clause_layer_eval.py --table``.
STACKERS: dict[str, tuple[Stacker, Stacker]] = {
    "en": (
        Stacker(
            mean=(
                1.5605959815078698,
                2.7868117658032285,
                2.9664688747985406,
                2.288303708982368,
                1.4058728932906717,
                0.9770330001520188,
                0.8974358974358975,
                1.3463083101637319,
                0.2391102873030584,
                0.8671609514983009,
                0.2570281124497992,
                0.7244362063639173,
                0.19431572443620637,
                0.21346926166203276,
                0.3286994130367624,
            ),
            scale=(
                3.4327166655619763,
                3.8654649801454757,
                3.683035486139468,
                3.5860663083237965,
                2.1557566690655072,
                0.544906134157009,
                0.30338870782562133,
                0.60448033432144,
                0.42654021927830876,
                0.8708507188953825,
                0.43699503742523516,
                0.9961614778732869,
                0.3956730019402192,
                0.4097561919080806,
                0.46974047073413977,
            ),
            weights=(
                0.5868451992228276,
                0.22803175255251923,
                0.4040205581252337,
                0.6678677633157559,
                -0.2442071734377798,
                -0.13024937310295961,
                0.043103820338623276,
                0.15706249066621195,
                -0.022144047510700742,
                -0.015815278210180948,
                -0.3061134898735644,
                -0.33445507613920566,
                -0.05509004731376437,
                -0.030585682068527936,
                0.02159260230839279,
            ),
            intercept=1.9140015889994193,
            threshold=0.45,
        ),
        Stacker(
            mean=(
                -4.852033317566961,
                -4.852033317566961,
                -4.174856087349009,
                -4.507986099945234,
                0.6771772302179512,
                0.7868269453692047,
                0.8047146612397185,
                0.0,
                0.0,
                1.040871703552955,
                0.4162214873229882,
                2.597473077249216,
                0.2285677944543373,
                0.19498855253116257,
                0.23000932756720088,
            ),
            scale=(
                2.058055204065919,
                2.058055204065919,
                2.1303287167733567,
                2.089554226009021,
                0.9425792684499639,
                0.5026737129141313,
                0.3964202013248114,
                1e-09,
                1e-09,
                0.8298008666984749,
                0.49293119377808725,
                0.8118204111491764,
                0.4199101792436538,
                0.3961918950525723,
                0.4208384935351827,
            ),
            weights=(
                0.5142657578577402,
                0.5142657578577402,
                0.471521206049717,
                0.2092191213427273,
                -0.05717519493644987,
                0.25248741665404467,
                0.06526763773176494,
                0.0,
                0.0,
                -0.1323564110569264,
                -0.10645903245028594,
                -0.13682004819321436,
                0.07418550017489116,
                0.14227679561116557,
                0.12321841151191543,
            ),
            intercept=-4.641551690941468,
            threshold=0.37,
        ),
    ),
    "ja": (
        Stacker(
            mean=(
                2.21340838818423,
                3.2526494171193603,
                3.3891627532690625,
                3.0606416531368024,
                1.1757543650848319,
                0.7759359767216736,
                0.8513561113067981,
                1.3525889397675237,
                0.2934131736526946,
                0.6657273687918281,
                0.2571327932370553,
                0.5688622754491018,
                0.20500176118351532,
                0.20500176118351532,
                0.31243395561817544,
            ),
            scale=(
                3.8057644819067,
                4.071132117822131,
                3.921892014735271,
                3.9373605282499406,
                1.976986676520115,
                0.4494008388255752,
                0.355737099216316,
                0.6185059874410128,
                0.4553261293736618,
                0.7751365427296275,
                0.4370532241652858,
                0.9087046139904926,
                0.40370291044600876,
                0.40370291044600876,
                0.4634856847001068,
            ),
            weights=(
                0.5403319623212347,
                0.44480479828436775,
                0.3328432556603328,
                0.5353018602332266,
                -0.37987149485006827,
                0.09271524159003114,
                0.0024446467214096334,
                0.19292138743771947,
                -0.02752076209166342,
                -0.21639090977169953,
                -0.3494165367683579,
                -0.2175155326623948,
                -0.05040028005034274,
                0.00996098090706593,
                -0.024481389029118044,
            ),
            intercept=2.0630681223818135,
            threshold=0.34,
        ),
        Stacker(
            mean=(
                -5.527201189550891,
                -5.527201189550891,
                -4.9105887839158795,
                -5.093121208670854,
                0.6166124056350127,
                0.6299021196867667,
                0.7428642860119171,
                0.0,
                0.0,
                0.9347889495395642,
                0.4288512021334222,
                2.584816034001417,
                0.22742614275594816,
                0.1957581565898579,
                0.23313471394641444,
            ),
            scale=(
                2.1355845443819796,
                2.1355845443819796,
                2.239378199739147,
                2.2067706115396786,
                0.8888618112623035,
                0.43520005817684765,
                0.4370548471920102,
                1e-09,
                1e-09,
                0.7674506966638891,
                0.4949119614153257,
                0.8188858685270868,
                0.41917000511181535,
                0.39678319207341056,
                0.4228272932831945,
            ),
            weights=(
                0.4041960259559999,
                0.4041960259559999,
                0.3726456764107428,
                0.4014472752150827,
                -0.03228868828353283,
                0.20753466713114663,
                0.043211759200183636,
                0.0,
                0.0,
                -0.27513766081522445,
                -0.16094944624890853,
                -0.1482915763298153,
                0.005320471123540429,
                0.06067414390567562,
                0.08604456469465183,
            ),
            intercept=-4.800474389786356,
            threshold=0.39,
        ),
    ),
}
