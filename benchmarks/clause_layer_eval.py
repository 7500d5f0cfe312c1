"""CLF20 (issue 11): does reading clauses help the learned theme layer decide?

The shipped layer (``nps_kit/text/_layer.py``) reads the whole comment: a rule hit is dropped
when the comment's probability of its theme is below ``t_drop``, a missed theme added when it is
at least ``t_add``. This script tries a small stacker per language instead of the two
thresholds: the same n-gram models applied to each clause of a comment (and to each
"segment": clauses joined back where only a plain join separates them), and a logistic
regression on the comment's probability, the hit clause's, the highest clause's, how many
clauses, whether the hit clause follows a contrast, how many hits, other themes found, … Two
stackers per language: one for the rules' hits (keep or drop), one for the themes they missed
(add or not). English additions then go through the shipped verifier as before.

Protocol: ``benchmarks/CLF20_clauses.md`` (written before the decision set was read). The
n-gram models are the shipped ones (never trained on the design sets), so their probabilities on
the design sets are out of sample already; the stackers and their thresholds are fitted leave
one design set out over the pooled design sets (``DESIGN_SETS``), and the full tagger (rules,
layer, kept words, polarity) is measured per set with the stacker that never saw it.

Result: it did NOT ship. Out of fold the candidate (C2) read en F1 0.7959 -> 0.8062, ja 0.7920
-> 0.8040; on the decision set, training set 24, en 0.7891 -> 0.7871, ja 0.8095 -> 0.8051 (ja
precision 0.8446 -> 0.8234): the rule (F1 +0.005) failed in both languages, and the cost too
(+48 % CPU on 100,000 comments' themes and polarity). The candidate's code
(``benchmarks/clause_features.py``) was a package module when the decision set was read
(1b6f2e4); here the tagger's ``adjust`` is replaced by this script's, which applies it (the
same figures out of fold).

Run (``PYTHONPATH=.``, from the repository): ``python benchmarks/clause_layer_eval.py --collect
PAIRS`` writes the design sets' pair table (about a minute); ``--pairs PAIRS`` then chooses the
thresholds out of fold and prints them, ``--full`` adds the full tagger's out-of-fold figures,
``--table`` prints ``clause_features.STACKERS``. ``--decide`` reads the decision set: it was run
ONCE (the figures above); do not run it again while training set 24 is a decision set.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import clause_features as _clause_layer  # noqa: E402
from clause_features import Stacker  # noqa: E402

import nps_kit.text.themes as themes_module  # noqa: E402
from nps_kit.text import _layer  # noqa: E402
from nps_kit.text._layer import Adjustment, _gather, _models, _pack_model, _seen  # noqa: E402
from nps_kit.text._match import matcher  # noqa: E402
from nps_kit.text.evaluation import evaluate_mentions, parse_labels  # noqa: E402
from nps_kit.text.packs import load_pack  # noqa: E402
from nps_kit.text.tokens import normalise_one  # noqa: E402

DATA = ROOT / "tests" / "data"
#: Readable sets the shipped layer never trained on (PREAMBLE, labelled_sets.py).
DESIGN_SETS = {
    "b13": "theme_eval_blind13.csv",
    "b15": "theme_eval_blind15.csv",
    "b16": "theme_eval_blind16.csv",
    "b17": "theme_eval_blind17.csv",
    "b18": "theme_eval_blind18.csv",
    "t23en": "theme_train23_en.csv",
    "t23ja": "theme_train23_ja.csv",
    "s14": "theme_eval_short14.csv",
    "u14en": "theme_unit14_en.csv",
    "u14ja": "theme_unit14_ja.csv",
}
#: The decision set (read once per language, with --decide).
DECISION = {"t24en": "theme_train24_en.csv", "t24ja": "theme_train24_ja.csv"}
LANGS = ("en", "ja")


@dataclass
class Pairs:
    """Per language, the features of every (comment, theme of the pack) pair."""

    rows: np.ndarray  # comment index in texts
    cols: np.ndarray  # theme column in ids (book order)
    hit: np.ndarray
    x: np.ndarray  # features
    p: np.ndarray  # the comment's probability (the shipped layer's)


FEATURES = list(_clause_layer.FEATURES)


def _inputs(pack: str, ids: Sequence[str], texts: Sequence[str], hits: np.ndarray):
    """Per language what the layer reads: rows, columns, themes and the stackers' arguments."""
    entries = _seen(pack, texts)
    column = {t: j for j, t in enumerate(ids)}
    match = matcher(load_pack(pack).themes)
    for lang in LANGS:
        rows = np.array(
            [i for i, e in enumerate(entries) if e is not None and e[0] == lang], dtype=np.intp
        )
        if not len(rows):
            continue
        prob = _gather(pack, [entries[i] for i in rows])
        themes = _pack_model(lang, pack)[0]
        cols = np.array([column[t] for t in themes], dtype=np.intp)
        args = (
            [texts[i] for i in rows],
            prob,
            hits[np.ix_(rows, cols)],
            {column[t]: c for c, t in enumerate(themes)},
            match.find,
            lambda batch, lang=lang: _layer.probabilities(batch, lang, pack)[1],
            pack,
        )
        yield lang, rows, cols, themes, args


def pair_features(pack: str, ids: Sequence[str], texts: Sequence[str], hits: np.ndarray) -> dict:
    """Per language: :class:`Pairs` of ``texts`` (distinct normalised comments) and ``hits``."""
    out = {}
    for lang, rows, cols, _, args in _inputs(pack, ids, texts, hits):
        prob, hit = args[1], args[2]
        n, m = prob.shape
        x = _clause_layer.matrix(_clause_layer.features(*args))
        rr, cc = np.meshgrid(np.arange(n), np.arange(m), indexing="ij")
        out[lang] = Pairs(rows[rr.ravel()], cols[cc.ravel()], hit.ravel(), x, prob.ravel())
    return out


RECORD: list[tuple[str, str, tuple[str, ...], Pairs]] = []  # (pack, lang, texts, pairs)
#: The stackers that decide, per language (none: the two thresholds, as shipped).
ACTIVE: dict[str, tuple[Stacker, Stacker]] = {}
STATE = {"record": False}


def adjust(
    pack: str | None, ids: Sequence[str], texts: Sequence[str], hits: np.ndarray, **_: object
) -> Adjustment:
    """``_layer.adjust`` (no cache) with the stackers of :data:`ACTIVE` deciding where given.

    As the candidate ran in the package at 1b6f2e4: the stackers' keep / add, then the English
    additions' verifier. Recording (``STATE["record"]``): the shipped decision, every pair's
    features (clauses of every comment) kept in :data:`RECORD`.
    """
    hits = np.asarray(hits, dtype=bool)
    if pack is None or not len(texts):
        return Adjustment(hits, np.zeros_like(hits), ("",) * len(texts))
    found, added = hits.copy(), np.zeros_like(hits)
    polarity = [""] * len(texts)
    models = _models()
    if STATE["record"]:
        for lang, pairs in pair_features(pack, ids, texts, hits).items():
            RECORD.append((pack, lang, tuple(texts), pairs))
    for lang, rows, cols, themes, args in _inputs(pack, ids, texts, hits):
        prob, hit = args[1], args[2]
        if lang in ACTIVE:
            keep = _clause_layer.decide(ACTIVE[lang], *args)
        else:
            keep = np.where(hit, prob >= models[lang].t_drop, prob >= models[lang].t_add)
        if lang in _layer._VETTING:
            keep = _layer._vet_additions(prob, hit, keep, themes, pack, _layer._VETTING[lang])
        found[np.ix_(rows, cols)] = keep
        added[np.ix_(rows, cols)] = keep & ~hit
        for i in rows:
            polarity[i] = models[lang].added_polarity
    return Adjustment(found, added, tuple(polarity))


themes_module.adjust = adjust  # the package's adjust is never called here


def read(files: dict[str, str]) -> pd.DataFrame:
    frames = [pd.read_csv(DATA / f).assign(set=name) for name, f in files.items()]
    return pd.concat(frames, ignore_index=True)


def measure(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts per (set, lang) of the full tagger with the current decision."""
    rows = []
    for name, group in frame.groupby("set", sort=False):
        table = evaluate_mentions(group.reset_index(drop=True)).table
        for _, r in table[table["lang"] != "all"].iterrows():
            rows.append({"set": name, **r.to_dict()})
    return pd.DataFrame(rows)


def figures(counts: pd.DataFrame) -> dict[str, float]:
    s = counts[["gold", "predicted", "correct", "polarity_correct"]].sum()
    p, r = s["correct"] / s["predicted"], s["correct"] / s["gold"]
    return {
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r),
        "pol": s["polarity_correct"] / s["correct"],
        "n": int(s["gold"]),
    }


def collect(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (set, comment, theme): features, hit, gold, the shipped decision."""
    gold = {}
    for _, r in frame.iterrows():
        gold.setdefault(
            (r["set"], r["pack"], normalise_one(str(r["text"]))), parse_labels(r["labels"])
        )
    out = []
    STATE["record"] = True
    for name, group in frame.groupby("set", sort=False):
        RECORD.clear()
        evaluate_mentions(group.reset_index(drop=True))
        done = set()
        for pack, lang, texts, pairs in RECORD:
            if (pack, lang, texts) in done:
                continue
            done.add((pack, lang, texts))
            ids = load_pack(pack).ids
            y = np.array(
                [
                    ids[c] in gold.get((name, pack, texts[i]), {})
                    for i, c in zip(pairs.rows, pairs.cols, strict=True)
                ]
            )
            table = pd.DataFrame(pairs.x, columns=FEATURES)
            table["set"], table["lang"], table["pack"] = name, lang, pack
            table["text"] = [texts[i] for i in pairs.rows]
            table["theme"] = [ids[c] for c in pairs.cols]
            table["hit"], table["y"], table["p"] = pairs.hit, y, pairs.p
            out.append(table)
    STATE["record"] = False
    return pd.concat(out, ignore_index=True)


COMMENT_ONLY = ("logit_p", "others", "above", "saas", "finance", "generic")
CANDIDATES = {"C1": COMMENT_ONLY, "C2": tuple(FEATURES)}
C_REG = (
    0.1  # inverse L2 weight of the stackers (0.1 and 1 tried out of fold: 0.1 as good or better)
)
GRID = np.round(np.arange(0.05, 0.96, 0.01), 2)


def fit_logistic(x: np.ndarray, y: np.ndarray, c: float = C_REG) -> np.ndarray:
    """L2 logistic regression by Newton's method (weights, then intercept; intercept free)."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    lam = np.full(x1.shape[1], 1.0 / c)
    lam[-1] = 0.0
    y = y.astype(float)
    for _ in range(100):
        p = 1 / (1 + np.exp(-(x1 @ w)))
        g = x1.T @ (p - y) + lam * w
        h = (x1 * (p * (1 - p))[:, None]).T @ x1 + np.diag(lam) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


def stacker(table: pd.DataFrame, names: Sequence[str], threshold: float) -> Stacker:
    """A stacker over ``names`` (the other features weigh 0), fitted on ``table``'s pairs."""
    x = table[FEATURES].to_numpy(float)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    used = [FEATURES.index(n) for n in names]
    w = fit_logistic(((x - mean) / scale)[:, used], table["y"].to_numpy())
    weights = np.zeros(len(FEATURES))
    weights[used] = w[:-1]
    return Stacker(
        tuple(map(float, mean)),
        tuple(map(float, scale)),
        tuple(map(float, weights)),
        float(w[-1]),
        threshold,
    )


def oof_scores(table: pd.DataFrame, names: Sequence[str]) -> np.ndarray:
    """Each pair's stacker probability from the stacker fitted without its set."""
    out = np.zeros(len(table))
    for name in table["set"].unique():
        held = (table["set"] == name).to_numpy()
        model = stacker(table[~held], names, 0.5)
        x = table.loc[held, FEATURES].to_numpy(float)
        out[held] = 1 / (1 + np.exp(-model.logit(list(x.T))))
    return out


def thresholds(table: pd.DataFrame, score: np.ndarray, floor: float) -> tuple[float, ...]:
    """(F1, P, R, hit threshold, miss threshold): best pair F1 with precision >= ``floor``."""
    hit, y = table["hit"].to_numpy(), table["y"].to_numpy()
    gold = y.sum()
    best: tuple[float, ...] = (0.0, 0.0, 0.0, 0.5, 0.5)
    for a in GRID:
        kh = score[hit] >= a
        ch, nh = (kh & y[hit]).sum(), kh.sum()
        for b in GRID:
            km = score[~hit] >= b
            c, n = ch + (km & y[~hit]).sum(), nh + km.sum()
            prec, rec = c / n, c / gold
            f1 = 2 * prec * rec / (prec + rec)
            if prec >= floor and f1 > best[0]:
                best = (f1, prec, rec, float(a), float(b))
    return best


def pair_shipped(table: pd.DataFrame, lang: str) -> tuple[float, float, float]:
    model = _models()[lang]
    keep = np.where(table["hit"], table["p"] >= model.t_drop, table["p"] >= model.t_add)
    y = table["y"].to_numpy()
    c = (keep & y).sum()
    prec, rec = c / keep.sum(), c / y.sum()
    return prec, rec, 2 * prec * rec / (prec + rec)


def choose(table: pd.DataFrame) -> dict:
    """Per language and candidate: OOF scores and thresholds at the pair level."""
    out = {}
    for lang in ("en", "ja"):
        t = table[table["lang"] == lang].reset_index(drop=True)
        floor, _, f_ship = pair_shipped(t, lang)
        print(f"{lang} shipped pairs P {floor:.4f} F1 {f_ship:.4f}")
        for name, names in CANDIDATES.items():
            score = np.zeros(len(t))
            hit = t["hit"].to_numpy()
            score[hit] = oof_scores(t[hit], names)
            score[~hit] = oof_scores(t[~hit], names)
            best = thresholds(t, score, floor)
            print(
                f"{lang} {name} pairs F1 {best[0]:.4f} P {best[1]:.4f} R {best[2]:.4f} "
                f"thresholds {best[3]} / {best[4]}"
            )
            out[lang, name] = best
    return out


def fitted(table: pd.DataFrame, names: Sequence[str], lang: str, a: float, b: float, without=None):
    t = table[table["lang"] == lang]
    if without is not None:
        t = t[t["set"] != without]
    return (stacker(t[t["hit"]], names, a), stacker(t[~t["hit"]], names, b))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--collect", type=Path, help="write the design sets' pair table here")
    parser.add_argument("--pairs", type=Path, help="a pair table written by --collect")
    parser.add_argument("--full", action="store_true", help="full-tagger OOF figures per candidate")
    parser.add_argument("--table", action="store_true", help="print the final stackers (Python)")
    parser.add_argument("--decide", action="store_true", help="read the decision set (once)")
    args = parser.parse_args(argv)
    frame = read(DESIGN_SETS)
    if args.collect:
        table = collect(frame)
        table.to_pickle(args.collect)
        print(table.groupby(["lang", "hit"])["y"].agg(["size", "mean"]))
        return 0
    table = pd.read_pickle(args.pairs)
    chosen = choose(table)
    final = {lang: fitted(table, CANDIDATES["C2"], lang, *chosen[lang, "C2"][3:]) for lang in LANGS}
    if args.table:
        print(python_table(final))
    if args.decide:
        assert final == _clause_layer.STACKERS, "clause_features.STACKERS is not this table's"
        decision = read(DECISION)
        ACTIVE.clear()
        ship = measure(decision)
        ACTIVE.update(final)
        cand = measure(decision)
        ACTIVE.clear()
        for lang in LANGS:
            s, c = figures(ship[ship["lang"] == lang]), figures(cand[cand["lang"] == lang])
            ok = (
                c["F1"] >= s["F1"] + 0.005
                and c["P"] >= s["P"] - 0.005
                and c["pol"] >= s["pol"] - 0.005
            )
            print(f"decision set {lang}: shipped {fmt(s)}")
            print(
                f"decision set {lang}: C2      {fmt(c)}  quality rule {'MET' if ok else 'NOT met'}"
            )
    if args.full:
        ACTIVE.clear()
        base = measure(frame)
        for lang in ("en", "ja"):
            print(f"{lang} shipped full", fmt(figures(base[base["lang"] == lang])))
        for name, names in CANDIDATES.items():
            parts = []
            for held in DESIGN_SETS:
                models = {
                    lang: fitted(table, names, lang, *chosen[lang, name][3:], without=held)
                    for lang in ("en", "ja")
                }
                ACTIVE.clear()
                ACTIVE.update(models)
                parts.append(measure(frame[frame["set"] == held]))
            ACTIVE.clear()
            got = pd.concat(parts)
            for lang in ("en", "ja"):
                print(f"{lang} {name} full OOF", fmt(figures(got[got["lang"] == lang])))
            for (held, lang), part in got.groupby(["set", "lang"], sort=False):
                mine = base[(base["set"] == held) & (base["lang"] == lang)]
                was, now = figures(mine)["F1"], figures(part)["F1"]
                print(f"  {name} {held} {lang}: F1 {was:.3f} -> {now:.3f} ({now - was:+.3f})")
    return 0


def python_table(final: dict[str, tuple[Stacker, Stacker]]) -> str:
    """The stackers as ``benchmarks/clause_features.py``'s ``STACKERS`` (repr of each float)."""

    def one(model: Stacker) -> str:
        def floats(values: Sequence[float]) -> str:
            return "(" + ", ".join(repr(float(v)) for v in values) + ",)"

        pad = "\n" + " " * 12
        return (
            f"Stacker({pad}mean={floats(model.mean)},{pad}scale={floats(model.scale)},"
            f"{pad}weights={floats(model.weights)},{pad}intercept={model.intercept!r},"
            f"{pad}threshold={model.threshold!r},\n        )"
        )

    body = "".join(
        f'    "{lang}": (\n        {one(hit)},\n        {one(miss)},\n    ),\n'
        for lang, (hit, miss) in final.items()
    )
    return f"STACKERS: dict[str, tuple[Stacker, Stacker]] = {{\n{body}}}"


def fmt(f: dict) -> str:
    return f"P {f['P']:.4f} R {f['R']:.4f} F1 {f['F1']:.4f} pol {f['pol']:.4f} (gold {f['n']})"


if __name__ == "__main__":
    raise SystemExit(main())
