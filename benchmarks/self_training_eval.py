"""Per-unit self-training of the theme tagger: does it raise recall on a unit's own comments?

Issue 11 suggests "a classifier trained on the dictionary's confident tags of the unit's own
comments". This script tries the idea transductively, as a report would run it: for one unit's
comments, the shipped tagger (dictionaries + learned layer) gives each comment its themes; per
theme with enough tagged comments, a logistic regression on the comments' TF-IDF n-grams (the
learned layer's features: Japanese character 1-3-grams; English word 1-2-grams and character
3-5-grams within words) learns the tagger's tags by K-fold cross-fitting, so that each comment is
read by a model that never saw it; a theme the tagger did not find is added where that model's
probability is at least ``tau``. The unit's labels are only used to score the result.

Design (/work/lead/PREREG14U.md), chosen on readable data before the unit sets are read:
"units" are the comments of one pack and language of blind sets 9 to 12 pooled (measured twice,
so readable; the layer never trained on them), ``--design`` picks tau and the minimum count of
tagged comments per theme. ``--units`` then reads the two unit sets (``theme_unit14_*.csv``),
whole figures only.

Usage::

    python benchmarks/self_training_eval.py --design          # readable proxy units, tau grid
    python benchmarks/self_training_eval.py --units --tau T --min-tagged M
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nps_kit.text import load_pack, tag_themes  # noqa: E402
from nps_kit.text.evaluation import parse_labels  # noqa: E402
from nps_kit.text.tokens import normalise_one  # noqa: E402

DATA = ROOT / "tests" / "data"
READABLE = [DATA / f"theme_eval_blind{n}.csv" for n in (9, 10, 11, 12)]
UNITS = [DATA / "theme_unit14_en.csv", DATA / "theme_unit14_ja.csv"]
FOLDS = 5
SEED = 0


def _features(texts: list[str], lang: str) -> sparse.csr_matrix:
    """The learned layer's n-gram blocks (TF-IDF, sublinear tf, l2 per block) of the unit."""
    if lang == "ja":
        blocks = [TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)]
    else:
        blocks = [
            TfidfVectorizer(
                analyzer="word",
                ngram_range=(1, 2),
                token_pattern=r"[a-z0-9]+",
                sublinear_tf=True,
            ),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True),
        ]
    return sparse.hstack([b.fit_transform(texts) for b in blocks]).tocsr()


BALANCED = False  # --balanced: weigh the tagged and untagged comments of a theme equally


def cross_fitted(texts: list[str], tags: np.ndarray, lang: str, *, min_tagged: int) -> np.ndarray:
    """Return each comment's probability of each theme from models that never saw it.

    Per theme with at least ``min_tagged`` tagged and untagged comments, a logistic regression
    learns the tagger's tags in K folds; other themes get probability 0.
    """
    x = _features(texts, lang)
    prob = np.zeros(tags.shape)
    for j in range(tags.shape[1]):
        y = tags[:, j]
        if y.sum() < min_tagged or (~y).sum() < min_tagged:
            continue
        for train, test in KFold(FOLDS, shuffle=True, random_state=SEED).split(x):
            if y[train].all() or not y[train].any():
                continue
            model = LogisticRegression(
                C=4.0, max_iter=2000, class_weight="balanced" if BALANCED else None
            )
            model.fit(x[train], y[train])
            prob[test, j] = model.predict_proba(x[test])[:, 1]
    return prob


def _score(gold: list[set[str]], found: list[set[str]]) -> tuple[int, int, int]:
    tp = sum(len(g & f) for g, f in zip(gold, found, strict=True))
    return tp, sum(len(f) for f in found), sum(len(g) for g in gold)


def _unit(frame: pd.DataFrame, taus: list[float | None], min_tagged: int) -> list[np.ndarray]:
    """Return (tp, predicted, gold) of the shipped tagger (tau None) or self-trained at each tau."""
    pack = str(frame["pack"].iloc[0])
    lang = str(frame["lang"].iloc[0])
    book = load_pack(pack)
    texts = frame["text"].reset_index(drop=True)
    tags = tag_themes(texts, book).fillna(False).to_numpy(dtype=bool)
    gold = [set(parse_labels(v)) for v in frame["labels"]]
    prob = None
    if any(tau is not None for tau in taus):
        prob = cross_fitted([normalise_one(t) for t in texts], tags, lang, min_tagged=min_tagged)
    out = []
    for tau in taus:
        final = tags if tau is None or prob is None else tags | (prob >= tau)
        found = [{book.ids[j] for j in np.flatnonzero(row)} for row in final]
        out.append(np.array(_score(gold, found)))
    return out


def _report(name: str, counts: np.ndarray) -> str:
    tp, predicted, gold = (int(v) for v in counts)
    p, r = tp / max(predicted, 1), tp / max(gold, 1)
    f1 = 2 * p * r / max(p + r, 1e-9)
    return f"{name}: P {p:.3f} R {r:.3f} F1 {f1:.3f} (tp {tp}, predicted {predicted}, gold {gold})"


def _pooled(units: list[pd.DataFrame], taus: list[float | None], min_tagged: int) -> None:
    totals: dict[str, list[np.ndarray]] = {}
    for frame in units:
        lang = str(frame["lang"].iloc[0])
        counts = _unit(frame, taus, min_tagged)
        prev = totals.get(lang)
        totals[lang] = (
            counts if prev is None else [a + b for a, b in zip(prev, counts, strict=True)]
        )
    for lang, counts in sorted(totals.items()):
        for tau, c in zip(taus, counts, strict=True):
            name = "shipped" if tau is None else f"self-trained tau {tau}"
            print(_report(f"{lang} {name}", c), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--design", action="store_true", help="readable proxy units, tau grid")
    parser.add_argument("--units", action="store_true", help="read the two unit sets once")
    parser.add_argument("--tau", type=float, default=None)
    parser.add_argument("--min-tagged", type=int, default=8)
    parser.add_argument("--balanced", action="store_true", help="balanced class weights")
    parser.add_argument("--taus", type=float, nargs="+", default=[0.5, 0.6, 0.7, 0.8, 0.9])
    args = parser.parse_args(argv)
    global BALANCED
    BALANCED = args.balanced
    if args.design:
        frame = pd.concat(
            [pd.read_csv(f, keep_default_na=False, dtype=str) for f in READABLE],
            ignore_index=True,
        )
        units = [g for _, g in frame.groupby(["pack", "lang"])]
        print(f"{len(units)} proxy units: " + ", ".join(f"{len(u)}" for u in units), flush=True)
        _pooled(units, [None, *args.taus], args.min_tagged)
    if args.units:
        units = [pd.read_csv(f, keep_default_na=False, dtype=str) for f in UNITS]
        _pooled(units, [None] if args.tau is None else [None, args.tau], args.min_tagged)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
