"""Whether a learned theme layer on the dictionaries raises theme F1 on comments it has not seen.

For every comment and every theme of its pack, a logistic regression reads the features of the
pair (``pair_features``: the theme and its pack, whether the dictionaries found it and with
which word, how many and which other themes they found, and the theme crossed with every word
of the comment: English lemmas as the matcher makes them, without stop words; Japanese MeCab
lemmas from ``nps_kit.text.tokens`` and character pairs) and predicts whether the hand labels
have the theme. A theme the dictionaries found is dropped when the model's probability is below
``t_drop``; one they did not find is added when it is at least ``t_add``.

Evaluation (fixed before any result was seen): 5-fold cross-validation by comment on training
set 5 (``tests/data/theme_train5_{en,ja}.csv``, 480 comments per language, written blind, no
rule tuned on them). Each fold's model is trained on the other four folds plus the old set and
blind sets 1-3 (``tests/data/theme_eval.csv``, ``theme_eval_blind{,2,3}.csv``; the rules were
tuned on them, so almost all their dictionary hits are right: they are weighted by ``w``).
``C``, ``w`` and, per language, ``t_drop`` and ``t_add`` are chosen inside the training folds
only: 4-fold cross-validation over their set-5 comments (out-of-fold probabilities, the
thresholds with the best F1 per language, the (C, w) with the best mean F1). Blind set 4 is
never read. Precision and recall are micro-averaged over (comment, theme) pairs per language,
pooled over the five held-out folds, as ``nps_kit.text.evaluate_mentions`` counts them; the
dictionary-only figures are those of the shipped tagger on set 5. Besides them, each language
shows the area under the ROC curve of the held-out probabilities, for the dictionaries' hits
(right vs wrong) and for the other pairs (a missed theme vs none), and, as a bound that is *not*
an estimate, ``oracle_dF1``: the F1 change with the thresholds that are best on the held-out
folds themselves.

The rule for shipping it: the cross-validated theme F1 rises by at least 0.02 in each language,
and neither precision nor recall falls by more than 0.01.

Result at f1d447c (``--features full``): no ship. Pooled over the held-out folds, dictionary
only vs dictionary + model: en P/R/F1 0.840/0.806/0.823 -> 0.853/0.797/0.824 (F1 +0.002), ja
0.888/0.836/0.861 -> 0.882/0.847/0.864 (F1 +0.003). The layer changes few tags: en drops 27 hits
(9 of them right) and adds 7 themes (2 right), ja drops 7 (4 right) and adds 22 (13 right),
where the dictionaries tag 795 (en) and 785 (ja). The probabilities carry little signal: AUC
0.75 for the dictionaries' hits in both languages, 0.77 (en) and 0.81 (ja) for the other pairs;
even thresholds chosen on the held-out folds themselves would raise F1 by only 0.004 (en) and
0.007 (ja), at most a third of the 0.02 asked. The (C, w) chosen inside the folds varies (w, the
weight of the tuned-on sets, is 0.1 in two folds of five). Variants, measured at 41fb5a8 (the
dictionaries before f1d447c, set-5 baseline en 0.842/0.806, ja 0.888/0.836), none near the rule:
``--split`` F1 en -0.006, ja +0.001 (oracle +0.004/+0.006); ``tokens`` (MeCab lemmas only for
Japanese) en 0.000, ja 0.000 (oracle +0.006/+0.007); ``full`` there en +0.002, ja +0.004. With
380-odd set-5 comments per language to learn from, the errors left after the rules (127 wrong
hits and 161 missed themes in English, 88 and 137 in Japanese) were not learnt from the words
they come with; whether a much larger never-tuned training set would change that was not
measured. Changed after a result was seen: the threshold grids were widened (t_add from 0.3 down
to 0.1) when the first fold's chosen t_add sat at the grid's edge, and w = 0.1 joined the grid
after the first pooled result (w in {0.3, 1}: F1 en +0.002, ja +0.001).

Run: ``pip install -e '.[eval]'`` (scikit-learn), then
``PYTHONPATH=. python benchmarks/theme_model_eval.py [--features F] [--split] [--seed N]``.
``--features``: ``full`` (the design above), ``tokens`` (Japanese words from MeCab only),
``grams`` (Japanese character pairs only), ``hit`` (no words: theme, hit, hit word, other
themes). ``--split`` trains one model on the dictionaries' hits and another on the other pairs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scipy import sparse  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.model_selection import KFold  # noqa: E402

from nps_kit.text._lemma import lemma  # noqa: E402
from nps_kit.text._match import matcher  # noqa: E402
from nps_kit.text.evaluation import parse_labels  # noqa: E402
from nps_kit.text.packs import load_pack  # noqa: E402
from nps_kit.text.tokens import STOP_WORDS_EN, _tokens_ja, normalise_one  # noqa: E402

DATA = ROOT / "tests" / "data"
#: Tuned on by the rules: always in training, weighted by ``w``.
OLD_SETS = (
    "theme_eval.csv",
    "theme_eval_blind.csv",
    "theme_eval_blind2.csv",
    "theme_eval_blind3.csv",
)
#: Never tuned on: cross-validated.
NEW_SETS = ("theme_train5_en.csv", "theme_train5_ja.csv")
C_GRID = (0.1, 0.3, 1.0)
W_GRID = (0.1, 0.3, 1.0)
T_DROP = np.round(np.arange(0.0, 0.81, 0.02), 2)  # 0: never drop
T_ADD = np.round(np.arange(0.1, 1.011, 0.02), 2)  # above 1: never add
FOLDS = 5
INNER = 4
FEATURES = ("full", "tokens", "grams", "hit")
_JA_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_JA_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fffー]+")
_EN_WORD = re.compile(r"[a-z]+")


@dataclass
class Pairs:
    """Every (comment, theme of its pack) pair of every set, with features and labels."""

    features: list[list[str]]
    gold: np.ndarray  # the labels have the theme
    hit: np.ndarray  # the dictionaries found it
    lang: np.ndarray
    comment: np.ndarray  # comment number (folds split by comment)
    new: np.ndarray  # from set 5


def read(name: str) -> pd.DataFrame:
    """Return a labelled set as lang, pack, text, gold (a set of theme ids)."""
    frame = pd.read_csv(DATA / name, keep_default_na=False, dtype=str)
    if "labels" in frame:
        gold = [set(parse_labels(v)) for v in frame["labels"]]
    else:  # the old set: retail themes without polarity
        frame["pack"] = "retail"
        gold = [{t.strip() for t in v.split(";") if t.strip()} for v in frame["themes"]]
    return frame.assign(gold=gold)[["lang", "pack", "text", "gold"]]


def comment_words(text: str, kind: str) -> tuple[bool, set[str]]:
    """Return whether a normalised comment is Japanese, and its words (see ``--features``)."""
    if kind == "hit":
        return _JA_CHAR.search(text) is not None, set()
    if _JA_CHAR.search(text) is None:
        return False, {w for w in map(lemma, _EN_WORD.findall(text)) if w not in STOP_WORDS_EN}
    words: set[str] = set()
    if kind != "grams":
        words.update("m:" + w for w in _tokens_ja(text))
    if kind != "tokens":
        for run in _JA_RUN.findall(text):
            words.update("g:" + run[i : i + 2] for i in range(len(run) - 1))
    return True, words


def _hit_word(text: str, at: int, ja: bool) -> str:
    m = None if ja else _EN_WORD.match(text, at)
    return lemma(m.group()) if m else text[at : at + 2]


def pair_features(
    text: str, pack: str, found: dict[str, list[int]], theme: str, kind: str
) -> list[str]:
    """Return the features of one (normalised comment, candidate theme) pair."""
    ja, words = comment_words(text, kind)
    hit = theme in found
    out = [
        f"t={theme}",
        f"p={pack}|t={theme}",
        f"t={theme}|L={'ja' if ja else 'en'}",
        f"h={int(hit)}|n={min(len(found), 3)}",
    ]
    if hit:
        out.append(f"t={theme}|h")
        out.extend(f"t={theme}|hk={_hit_word(text, at, ja)}" for at in found[theme][:3])
        out.extend(f"t={theme}|h|o={other}" for other in found if other != theme)
    else:
        out.extend(f"t={theme}|o={other}" for other in found)
    out.extend(f"t={theme}|w={w}" for w in sorted(words))
    return list(dict.fromkeys(out))  # each once


def collect(kind: str) -> Pairs:
    """Build the pairs of every set, with the shipped dictionaries' hits."""
    feats: list[list[str]] = []
    gold: list[bool] = []
    hit: list[bool] = []
    lang: list[str] = []
    comment: list[int] = []
    new: list[bool] = []
    n = 0
    for name in (*OLD_SETS, *NEW_SETS):
        frame = read(name)
        for pack, group in frame.groupby("pack", sort=True):
            book = load_pack(str(pack))
            found_by = matcher(book.themes)
            for row in group.itertuples():
                text = normalise_one(row.text)
                found = {book.ids[i]: o for i, o in found_by.find(text).items()}
                for theme in book.ids:
                    feats.append(pair_features(text, str(pack), found, theme, kind))
                    gold.append(theme in row.gold)
                    hit.append(theme in found)
                    lang.append(row.lang)
                    comment.append(n)
                    new.append(name in NEW_SETS)
                n += 1
    return Pairs(
        feats, np.array(gold), np.array(hit), np.array(lang), np.array(comment), np.array(new)
    )


def matrix(features: list[list[str]]) -> sparse.csr_matrix:
    """One-hot matrix of the pairs' features (columns in first-seen order)."""
    index: dict[str, int] = {}
    cols = [index.setdefault(f, len(index)) for feats in features for f in feats]
    indptr = np.cumsum([0, *(len(f) for f in features)])
    shape = (len(features), len(index))
    return sparse.csr_matrix((np.ones(len(cols)), cols, indptr), shape=shape)


@dataclass(frozen=True)
class Fitter:
    """Trains on some pairs and predicts others: one model, or one per side with ``split``."""

    x: sparse.csr_matrix
    pairs: Pairs
    split: bool

    def __call__(self, train: np.ndarray, test: np.ndarray, c: float, w: float) -> np.ndarray:
        """Return the probabilities of the ``test`` rows, trained on the ``train`` rows."""
        y, weight = self.pairs.gold, np.where(self.pairs.new, 1.0, w)
        sides = (self.pairs.hit, ~self.pairs.hit) if self.split else (np.ones_like(y),)
        out = np.zeros(len(y))
        for side in sides:
            tr, te = train & side, test & side
            model = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
            model.fit(self.x[tr], y[tr], sample_weight=weight[tr])
            out[te] = model.predict_proba(self.x[te])[:, 1]
        return out[test]


def prf(predicted: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    """Micro precision, recall and F1 of boolean arrays."""
    tp, pred, total = int((predicted & gold).sum()), int(predicted.sum()), int(gold.sum())
    p = tp / pred if pred else 0.0
    r = tp / total if total else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def best_thresholds(
    prob: np.ndarray, hit: np.ndarray, gold: np.ndarray
) -> tuple[float, float, float]:
    """Return (F1, t_drop, t_add) with the best F1 of the layer on these pairs."""
    ph, gh, pn, gn = prob[hit], gold[hit], prob[~hit], gold[~hit]
    keep_tp = np.array([int((gh & (ph >= t)).sum()) for t in T_DROP])
    keep_n = np.array([int((ph >= t).sum()) for t in T_DROP])
    add_tp = np.array([int((gn & (pn >= t)).sum()) for t in T_ADD])
    add_n = np.array([int((pn >= t).sum()) for t in T_ADD])
    tp = keep_tp[:, None] + add_tp[None, :]
    denominator = keep_n[:, None] + add_n[None, :] + int(gold.sum())
    f1 = np.divide(2 * tp, denominator, out=np.zeros(tp.shape), where=denominator > 0)
    i, j = np.unravel_index(int(np.argmax(f1)), f1.shape)
    return float(f1[i, j]), float(T_DROP[i]), float(T_ADD[j])


def choose(
    fit: Fitter, train_new: np.ndarray, seed: int
) -> tuple[float, float, dict[str, tuple[float, float]]]:
    """Choose C, w and per-language thresholds by inner CV over the set-5 training comments."""
    pairs = fit.pairs
    comments = np.unique(pairs.comment[train_new])
    inner = KFold(INNER, shuffle=True, random_state=seed)
    best: tuple[float, float, float, dict[str, tuple[float, float]]] = (-1.0, 0.0, 0.0, {})
    for w in W_GRID:
        for c in C_GRID:
            prob = np.full(len(pairs.gold), np.nan)
            for tr, te in inner.split(comments):
                test = train_new & np.isin(pairs.comment, comments[te])
                train = ~pairs.new | (train_new & np.isin(pairs.comment, comments[tr]))
                prob[test] = fit(train, test, c, w)
            thresholds, score = {}, 0.0
            for lang in ("en", "ja"):
                m = train_new & (pairs.lang == lang)
                f1, t_drop, t_add = best_thresholds(prob[m], pairs.hit[m], pairs.gold[m])
                thresholds[lang] = (t_drop, t_add)
                score += f1 / 2
            if score > best[0] + 1e-12:
                best = (score, c, w, thresholds)
    return best[1], best[2], best[3]


def evaluate(kind: str, *, split: bool, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run the nested cross-validation; return the per-fold and the pooled tables."""
    pairs = collect(kind)
    fit = Fitter(matrix(pairs.features), pairs, split)
    rows = []
    layer = np.zeros(len(pairs.gold), dtype=bool)
    held_out = np.zeros(len(pairs.gold))
    new_comments = np.unique(pairs.comment[pairs.new])
    outer = KFold(FOLDS, shuffle=True, random_state=seed)
    for k, (tr, te) in enumerate(outer.split(new_comments)):
        start = time.perf_counter()
        train_new = pairs.new & np.isin(pairs.comment, new_comments[tr])
        test = pairs.new & np.isin(pairs.comment, new_comments[te])
        c, w, thresholds = choose(fit, train_new, seed + 1 + k)
        held_out[test] = fit(~pairs.new | train_new, test, c, w)
        for lang, (t_drop, t_add) in thresholds.items():
            m = test & (pairs.lang == lang)
            layer[m] = np.where(pairs.hit[m], held_out[m] >= t_drop, held_out[m] >= t_add)
            base, ours = prf(pairs.hit[m], pairs.gold[m]), prf(layer[m], pairs.gold[m])
            dropped, added = m & pairs.hit & ~layer, m & ~pairs.hit & layer
            rows.append(
                {
                    "fold": k, "lang": lang, "C": c, "w": w, "t_drop": t_drop, "t_add": t_add,
                    "base_P": base[0], "base_R": base[1], "base_F1": base[2],
                    "P": ours[0], "R": ours[1], "F1": ours[2],
                    "dropped": int(dropped.sum()),
                    "dropped_right": int((dropped & pairs.gold).sum()),
                    "added": int(added.sum()),
                    "added_right": int((added & pairs.gold).sum()),
                }
            )  # fmt: skip
        print(f"  fold {k}: {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    pooled = []
    for lang in ("en", "ja"):
        m = pairs.new & (pairs.lang == lang)
        hit, gold = pairs.hit[m], pairs.gold[m]
        base, ours = prf(hit, gold), prf(layer[m], gold)
        pooled.append(
            {
                "lang": lang, "base_P": base[0], "base_R": base[1], "base_F1": base[2],
                "P": ours[0], "R": ours[1], "F1": ours[2],
                "dP": ours[0] - base[0], "dR": ours[1] - base[1], "dF1": ours[2] - base[2],
                "oracle_dF1": best_thresholds(held_out[m], hit, gold)[0] - base[2],
                "AUC_hit": roc_auc_score(gold[hit], held_out[m][hit]),
                "AUC_other": roc_auc_score(gold[~hit], held_out[m][~hit]),
            }
        )  # fmt: skip
    return pd.DataFrame(rows), pd.DataFrame(pooled)


def verdict(pooled: pd.DataFrame) -> str:
    """Apply the shipping rule to the pooled figures."""
    ok = all(r.dF1 >= 0.02 and r.dP >= -0.01 and r.dR >= -0.01 for r in pooled.itertuples())
    return f"ship: {'yes' if ok else 'no'}"


def main(argv: list[str] | None = None) -> int:
    """Print the per-fold table, the pooled figures and the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--features", choices=FEATURES, default="full")
    parser.add_argument("--split", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    pd.set_option("display.width", 200)
    folds, pooled = evaluate(args.features, split=args.split, seed=args.seed)
    fmt = {"float_format": lambda v: f"{v:.3f}", "index": False}
    print(f"features {args.features}, split {args.split}, seed {args.seed}: per held-out fold")
    print(folds.to_string(**fmt))
    print("pooled over the five held-out folds (set 5, dictionary only vs dictionary + model)")
    print(pooled.to_string(**fmt))
    print(verdict(pooled))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
