"""VEC19 (issue 11 spike): does a component that knows what words mean raise theme P/R?

Design (pre-registered in /work/wt/VEC19.md, written down here before blind set 17 is read):

* Word vectors: the tables of ``benchmarks/distil_vectors.py`` (English: all-MiniLM-L6-v2's
  WordPiece vocabulary distilled to static vectors; Japanese: ja-ginza's chiVe vectors).
* A comment's vector: the idf-weighted mean of its words' vectors, l2-normalised (English:
  ``[a-z0-9]+`` words of the normalised comment, each the mean of its WordPieces; Japanese: the
  tagger's own MeCab content words, ``tokens._ja_words``, looked up in ginza's keys, else cut
  by longest match over them). idf from the training comments. Plus the pack (one-hot).
* One logistic regression per language and theme (rows: comments of packs that have the theme).
* Combined with the shipped tagger (rules + learned layers) by wrapping its layer
  (``themes.adjust``): a theme the tagger did not find is added when the vector model's
  probability is at least ``t_add``; a theme it found is dropped when below ``t_drop``. An added
  theme gets its polarity as the shipped layer's additions do (the language's rule).
* Training data: the sets ``benchmarks/labelled_sets.py`` names (training sets 9-22, blind sets
  6-12) plus blind sets 13, 15, 16 and set 23. Never blind 17 (the measure), short 14, unit 14,
  nor blind 18.
* Choice: C, ``t_add`` and ``t_drop`` per language maximise theme F1 pooled over blind 13, 15,
  16 and set 23 (the sets the shipped layer trained on least), with the vector model's
  probabilities out of fold (grouped 5-fold by set over all training sets) and the shipped
  tagger's themes; the other sets' out-of-fold figures are printed too.
* Measure: blind set 17, once per language, baseline and candidate side by side (``--blind17``).

Run in a venv with scikit-learn (``/tmp/vec19env``):
``PYTHONPATH=$PWD /tmp/vec19env/bin/python benchmarks/vector_layer_eval.py --vectors V.npz``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
#: The training sets: what labelled_sets.py names, plus blind 13, 15, 16 and set 23.
TRAIN = {
    **{f"t{n}{lang}": f"theme_train{n}_{lang}.csv" for n in range(9, 24) for lang in ("en", "ja")},
    **{f"b{n}": f"theme_eval_blind{n}.csv" for n in (6, 7, 8, 9, 10, 11, 12, 13, 15, 16)},
}
#: The sets the thresholds are chosen on.
CHOICE = ("b13", "b15", "b16", "t23en", "t23ja")
MEASURE = "theme_eval_blind17.csv"
_WORD = __import__("re").compile(r"[a-z0-9]+")


def read_sets(names: dict[str, str]) -> pd.DataFrame:
    frames = []
    for name, file in names.items():
        frame = pd.read_csv(DATA / file, dtype={"id": str, "labels": str})
        frame["set"] = name
        frames.append(frame)
    out = pd.concat(frames, ignore_index=True)
    out["labels"] = out["labels"].fillna("")
    return out


class Vectors:
    """The static tables and how a comment's words are found in them."""

    def __init__(self, path: Path) -> None:
        with np.load(path) as data:
            self.en_vectors = data["en_vectors"].astype(np.float32)
            self.en_index = {str(w): i for i, w in enumerate(data["en_words"])}
            self.ja_vectors = data["ja_vectors"].astype(np.float32)
            self.ja_index = {
                str(w): int(r) for w, r in zip(data["ja_words"], data["ja_rows"], strict=True)
            }
        self.ja_longest = max(map(len, self.ja_index))
        self.dims = self.en_vectors.shape[1]
        self._cache: dict[tuple[str, str], np.ndarray | None] = {}

    def _pieces(self, word: str) -> list[int]:
        """WordPiece's greedy longest match (BERT's rule); [] when a piece is missing."""
        out, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.en_index:
                    out.append(self.en_index[piece])
                    break
                end -= 1
            else:
                return []
            start = end
        return out

    def _ja_rows(self, word: str) -> list[int]:
        if word in self.ja_index:
            return [self.ja_index[word]]
        out, start = [], 0
        while start < len(word):
            for end in range(min(len(word), start + self.ja_longest), start, -1):
                if word[start:end] in self.ja_index:
                    out.append(self.ja_index[word[start:end]])
                    start = end
                    break
            else:
                start += 1
        return out

    def word(self, lang: str, word: str) -> np.ndarray | None:
        key = (lang, word)
        if key not in self._cache:
            rows = self._pieces(word) if lang == "en" else self._ja_rows(word)
            table = self.en_vectors if lang == "en" else self.ja_vectors
            self._cache[key] = table[rows].mean(0) if rows else None
        return self._cache[key]


def words_of(text: str, lang: str) -> list[str]:
    from nps_kit.text.tokens import _ja_words, normalise_one

    norm = normalise_one(text if isinstance(text, str) else "")
    if lang == "en":
        return _WORD.findall(norm)
    return [w for w, _ in _ja_words(norm)]


def idf_of(docs: Sequence[list[str]]) -> dict[str, float]:
    df: dict[str, int] = {}
    for doc in docs:
        for w in set(doc):
            df[w] = df.get(w, 0) + 1
    n = len(docs)
    return {w: float(np.log((1 + n) / (1 + c)) + 1) for w, c in df.items()}


def comment_vectors(
    docs: Sequence[list[str]], lang: str, vectors: Vectors, idf: dict[str, float]
) -> np.ndarray:
    """idf-weighted mean word vectors, l2-normalised; all comments at once (np.add.reduceat)."""
    top = max(idf.values()) if idf else 1.0
    ids: dict[str, int] = {}
    table: list[np.ndarray] = [np.zeros(vectors.dims, dtype=np.float32)]  # 0: no vector
    weight: list[float] = [0.0]
    flat: list[int] = []
    starts = np.zeros(len(docs), dtype=np.intp)
    for i, doc in enumerate(docs):
        starts[i] = len(flat)
        for w in doc:
            k = ids.get(w)
            if k is None:
                v = vectors.word(lang, w)
                k = ids[w] = len(table) if v is not None else 0
                if v is not None:
                    table.append(v)
                    weight.append(idf.get(w, top))
            flat.append(k)
        flat.append(0)  # every comment has a row, so reduceat never sees an empty slice
    rows = np.asarray(flat, dtype=np.intp)
    matrix = np.vstack(table) * np.asarray(weight, dtype=np.float32)[:, None]
    out = np.add.reduceat(matrix[rows], starts, axis=0)
    norm = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norm, out=np.zeros_like(out), where=norm > 0)


def cluster_bags(
    docs: Sequence[list[str]], lang: str, vectors: Vectors, idf: dict[str, float], k: int
) -> np.ndarray:
    """Variant (CV only): each word counted in its nearest of k k-means clusters of the training
    words' vectors, idf-weighted, l2-normalised: words no list has share a cluster with those
    it means the same as."""
    from sklearn.cluster import MiniBatchKMeans

    words = sorted({w for d in docs for w in d if vectors.word(lang, w) is not None})
    table = np.vstack([v for w in words if (v := vectors.word(lang, w)) is not None])
    table /= np.linalg.norm(table, axis=1, keepdims=True) + 1e-9
    labels = MiniBatchKMeans(n_clusters=k, random_state=0, n_init=3).fit_predict(table)
    cluster = dict(zip(words, labels, strict=True))
    out = np.zeros((len(docs), k), dtype=np.float32)
    for i, d in enumerate(docs):
        for w in set(d):
            if w in cluster:
                out[i, cluster[w]] += idf[w]
    norm = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norm, out=np.zeros_like(out), where=norm > 0)


PACKS = ("retail", "saas", "finance", "generic")


@cache
def pack_ids(pack: str) -> tuple[str, ...]:
    from nps_kit.text.packs import load_pack

    return tuple(load_pack(pack).ids)


def design(vecs: np.ndarray, packs: Sequence[str]) -> np.ndarray:
    onehot = np.array([[p == q for q in PACKS] for p in packs], dtype=np.float32)
    return np.hstack([vecs, onehot])


def gold_matrix(frame: pd.DataFrame, themes: Sequence[str]) -> np.ndarray:
    from nps_kit.text.evaluation import parse_labels

    out = np.zeros((len(frame), len(themes)), dtype=bool)
    col = {t: j for j, t in enumerate(themes)}
    for i, value in enumerate(frame["labels"]):
        for t in parse_labels(value):
            out[i, col[t]] = True
    return out


def applies(frame: pd.DataFrame, themes: Sequence[str]) -> np.ndarray:
    return np.array([[t in pack_ids(p) for t in themes] for p in frame["pack"]], dtype=bool)


def fit_models(x: np.ndarray, y: np.ndarray, ok: np.ndarray, c: float) -> list[object | None]:
    from sklearn.linear_model import LogisticRegression

    models: list[object | None] = []
    for j in range(y.shape[1]):
        rows = ok[:, j]
        if y[rows, j].sum() < 3 or (~y[rows, j]).sum() < 3:
            models.append(None)
            continue
        m = LogisticRegression(C=c, max_iter=2000)
        m.fit(x[rows], y[rows, j])
        models.append(m)
    return models


def predict(models: list[object | None], x: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """Probabilities (comments, themes); NaN where the pack lacks the theme or no model."""
    out = np.full((len(x), len(models)), np.nan)
    for j, m in enumerate(models):
        if m is not None:
            out[:, j] = m.predict_proba(x)[:, 1]  # type: ignore[attr-defined]
    out[~ok] = np.nan
    return out


def out_of_fold(
    x: np.ndarray, y: np.ndarray, ok: np.ndarray, groups: np.ndarray, c: float, k: int = 5
) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    out = np.full(y.shape, np.nan)
    for train, test in GroupKFold(n_splits=k).split(x, groups=groups):
        out[test] = predict(fit_models(x[train], y[train], ok[train], c), x[test], ok[test])
    return out


def shipped_found(frame: pd.DataFrame, themes: Sequence[str]) -> np.ndarray:
    """The shipped tagger's themes (as evaluate_mentions reads them: with score segments)."""
    from nps_kit.score import segment
    from nps_kit.text.packs import load_pack
    from nps_kit.text.sentiment import tag_polarity

    out = np.zeros((len(frame), len(themes)), dtype=bool)
    col = {t: j for j, t in enumerate(themes)}
    for pack, group in frame.groupby("pack", sort=False):
        book = load_pack(str(pack))
        texts = group["text"].astype("string").reset_index(drop=True)
        scores = pd.to_numeric(group["score"], errors="coerce").reset_index(drop=True)
        tags = tag_polarity(texts, book, segments=segment(scores))
        pos = frame.index.get_indexer(group.index)
        for k, (_, row) in enumerate(tags.iterrows()):
            for t, v in row.items():
                if pd.notna(v):
                    out[pos[k], col[str(t)]] = True
    return out


def combine(found: np.ndarray, prob: np.ndarray, t_add: float, t_drop: float) -> np.ndarray:
    p = np.nan_to_num(prob, nan=0.5)  # no model: leave the tagger's call
    has = ~np.isnan(prob)
    return np.where(found, ~(has & (p < t_drop)), has & (p >= t_add))


def prf(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    tp = float((pred & gold).sum())
    p = tp / max(pred.sum(), 1)
    r = tp / max(gold.sum(), 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


ADDS = (1.01, *np.round(np.arange(0.40, 0.96, 0.05), 2))
DROPS = (-0.01, *np.round(np.arange(0.01, 0.21, 0.01), 2))


def choose(found: np.ndarray, prob: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    best = (-1.0, 1.01, -0.01)
    for a in ADDS:
        for d in DROPS:
            f1 = prf(combine(found, prob, a, d), gold)[2]
            if f1 > best[0] + 1e-12:
                best = (f1, float(a), float(d))
    return best


def fit_final(vectors: Vectors, chosen: dict[str, dict[str, float]], out: Path) -> None:
    """Fit each language's models on every training set with the chosen C; save them."""
    from vector_component import LangModel, save

    frame = read_sets(TRAIN)
    models = {}
    for lang in ("en", "ja"):
        sub = frame[frame["lang"] == lang].reset_index(drop=True)
        themes = sorted({t for p in PACKS for t in pack_ids(p)})
        docs = [words_of(t, lang) for t in sub["text"]]
        idf = idf_of(docs)
        x = design(comment_vectors(docs, lang, vectors, idf), list(sub["pack"]))
        fitted = fit_models(x, gold_matrix(sub, themes), applies(sub, themes), chosen[lang]["C"])
        coef = np.zeros((len(themes), x.shape[1]), dtype=np.float32)
        intercept = np.zeros(len(themes), dtype=np.float32)
        for j, m in enumerate(fitted):
            if m is not None:
                coef[j] = m.coef_[0]  # type: ignore[attr-defined]
                intercept[j] = m.intercept_[0]  # type: ignore[attr-defined]
        has = np.array([m is not None for m in fitted])
        c = chosen[lang]
        models[lang] = LangModel(idf, tuple(themes), coef, intercept, has, c["t_add"], c["t_drop"])
    save(models, out)


def measure(files: dict[str, str], component: Path | None, vectors: Path) -> pd.DataFrame:
    """evaluate_mentions per set (score segments, learned layers), with the component or not."""
    from nps_kit.text.evaluation import evaluate_mentions

    if component is not None:
        from vector_component import install, load

        install(load(component, vectors))
    rows = []
    for name, file in files.items():
        frame = pd.read_csv(DATA / file, dtype={"id": str})
        table = evaluate_mentions(frame).table
        table.insert(0, "set", name)
        rows.append(table)
    return pd.concat(rows, ignore_index=True)


_TIMER = """
import sys, time, json
sys.path.insert(0, sys.argv[1])
import pandas as pd, numpy as np
from bench_text import make_comments
from nps_kit.score import segment
from nps_kit.text.packs import load_pack
from nps_kit.text.themes import tag_themes
from nps_kit.text.sentiment import tag_polarity
n, component, vectors = int(sys.argv[2]), sys.argv[3], sys.argv[4]
texts = make_comments(n)
start = time.process_time()
if component != "-":
    from pathlib import Path
    from vector_component import install, load
    install(load(Path(component), Path(vectors)))
load_time = time.process_time() - start
book = load_pack("generic")
scores = np.random.default_rng(0).integers(0, 11, len(texts)).astype(float)
segments = segment(pd.Series(scores, index=texts.index))
warm = pd.Series(["Delivery was slow", "配送が遅い"])
tag_polarity(warm, book, segments=segment(pd.Series([9.0, 3.0])))
wall, cpu = time.perf_counter(), time.process_time()
tag_themes(texts, book)
tag_polarity(texts, book, segments=segments)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({"wall": wall, "cpu": cpu, "load_cpu": load_time}))
"""


def time_tagger(n: int, component: Path | None, vectors: Path) -> dict[str, float]:
    """CPU of tag_themes + tag_polarity (segments) on ``n`` bench comments, a fresh process."""
    import os
    import subprocess
    import sys

    here = Path(__file__).resolve().parent
    env = {**os.environ, "PYTHONPATH": f"{here.parent}:{here}"}
    out = subprocess.run(
        [sys.executable, "-c", _TIMER, str(here), str(n), str(component or "-"), str(vectors)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def diagnose(lang: str, c: float, found: np.ndarray, prob: np.ndarray, gold: np.ndarray) -> None:
    """How well the vector model separates what the tagger gets wrong (AUC, choice sets)."""
    from sklearn.metrics import roc_auc_score

    has = ~np.isnan(prob)
    miss = has & ~found  # among themes the tagger did not find: the missed ones vs the rest
    kept = has & found  # among themes it found: the right ones vs the false positives
    a = roc_auc_score(gold[miss], prob[miss])
    b = roc_auc_score(gold[kept], prob[kept])
    print(
        f"{lang} C={c}: AUC misses vs true negatives {a:.3f} ({gold[miss].sum()} misses of "
        f"{miss.sum()}); AUC right vs false hits {b:.3f} ({(~gold[kept]).sum()} false of "
        f"{kept.sum()})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vectors", type=Path, required=True)
    parser.add_argument("--fit", type=Path, default=None, help="chosen json: fit, save --component")
    parser.add_argument("--component", type=Path, default=None)
    parser.add_argument("--measure-choice", action="store_true", help="choice sets, both ways")
    parser.add_argument("--blind17", action="store_true", help="read blind set 17 (once)")
    parser.add_argument("--candidate", action="store_true", help="with the component")
    parser.add_argument("--time", type=int, default=0, help="time N bench comments, both ways")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/vec19work/cache"))
    parser.add_argument("--cs", type=float, nargs="+", default=[0.25, 1.0, 4.0, 16.0])
    parser.add_argument("--out", type=Path, default=None, help="write the chosen models (json)")
    parser.add_argument(
        "--clusters", type=int, default=0, help="variant: add idf bags of k word-vector clusters"
    )
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.time:
        for comp in (None, args.component, None, args.component):
            print("component" if comp else "shipped", time_tagger(args.time, comp, args.vectors))
        return 0
    if args.measure_choice or args.blind17:
        files = {"blind17": MEASURE} if args.blind17 else {k: TRAIN[k] for k in CHOICE}
        comp = args.component if args.candidate else None
        table = measure(files, comp, args.vectors)
        with pd.option_context("display.width", 200, "display.max_columns", 20):
            print("candidate" if comp else "shipped")
            print(table.round(3).to_string(index=False))
        return 0
    vectors = Vectors(args.vectors)
    if args.fit:
        assert args.component is not None
        fit_final(vectors, json.loads(args.fit.read_text()), args.component)
        return 0
    frame = read_sets(TRAIN)
    results = {}
    for lang in ("en", "ja"):
        sub = frame[frame["lang"] == lang].reset_index(drop=True)
        themes = sorted({t for p in PACKS for t in pack_ids(p)})
        gold = gold_matrix(sub, themes)
        ok = applies(sub, themes)
        cache = args.cache / f"found_{lang}.npy"
        if cache.exists():
            found = np.load(cache)
        else:
            start = time.process_time()
            found = shipped_found(sub, themes)
            np.save(cache, found)
            spent = time.process_time() - start
            print(f"{lang}: shipped tagger on {len(sub)} comments, {spent:.1f} s")
        docs = [words_of(t, lang) for t in sub["text"]]
        idf = idf_of(docs)
        x = design(comment_vectors(docs, lang, vectors, idf), list(sub["pack"]))
        if args.clusters:
            x = np.hstack([x, cluster_bags(docs, lang, vectors, idf, args.clusters)])
        groups = sub["set"].to_numpy()
        choice = np.isin(groups, CHOICE)
        base = prf(found[choice] & ok[choice], gold[choice])
        print(f"{lang}: shipped on choice sets P/R/F1 {base[0]:.3f}/{base[1]:.3f}/{base[2]:.3f}")
        best = None
        for c in args.cs:
            prob = out_of_fold(x, gold, ok, groups, c)
            diagnose(lang, c, found[choice], prob[choice], gold[choice])
            vec_alone = prf((np.nan_to_num(prob) >= 0.5)[choice], gold[choice])
            f1, a, d = choose(found[choice], prob[choice], gold[choice])
            p, r, _ = prf(combine(found[choice], prob[choice], a, d), gold[choice])
            rest = ~choice
            pr, rr, fr = prf(combine(found[rest], prob[rest], a, d), gold[rest])
            br = prf(found[rest], gold[rest])
            print(
                f"{lang} C={c}: vectors alone (0.5) P/R {vec_alone[0]:.3f}/{vec_alone[1]:.3f}; "
                f"combined t_add={a} t_drop={d}: choice P/R/F1 {p:.3f}/{r:.3f}/{f1:.3f}; "
                f"other sets {pr:.3f}/{rr:.3f}/{fr:.3f} "
                f"(shipped {br[0]:.3f}/{br[1]:.3f}/{br[2]:.3f})"
            )
            if best is None or f1 > best[0]:
                best = (f1, c, a, d)
        assert best is not None
        results[lang] = {"C": best[1], "t_add": best[2], "t_drop": best[3], "f1": best[0]}
        print(f"{lang}: chosen {results[lang]}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
