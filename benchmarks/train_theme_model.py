"""Train the learned theme layer and write ``nps_kit/resources/theme_layer.npz``.

Design: that of ``benchmarks/theme_layer_eval.py`` (read its docstring): per (language, theme
id) a logistic regression on text features only — Japanese character 1–3-grams of
``normalise_one``, English lemma uni- and bigrams plus character 3–5-grams within words, TF-IDF
(sublinear, ``min_df=2``, l2), the pack as a feature — trained on every comment whose pack has
the theme. Over the rules, a hit is kept unless the probability is below ``t_drop`` and a theme
the rules missed is added when it is at least ``t_add`` (per language).

Data: every labelled set but the never-tuned ones — the old set, blind sets 1–5 and training
set 5 (``tests/data/theme_eval.csv``, ``theme_eval_blind{,2,3,4,5}.csv``,
``theme_train5_{en,ja}.csv``, first author): 1,914 English and 1,897 Japanese comments. Blind
sets 6 and 7 are never read.

Choices (C, t_drop, t_add, the polarity of an added theme) by the honest procedure: on blind
sets 4 and 5 pooled, with models trained on every other set, over the tags of commit 6cfe1fd's
rules, which were never tuned on sets 4 and 5 (so their hits there are like hits on new text).
The final models are then trained on every set with those choices. Chosen: C = 16 in both
languages (the top of the grid, as in three of the four choices of the estimate); English
t_drop 0.06, t_add 0.42; Japanese t_drop 0.06, t_add 0.60; an added theme's polarity from the
score (a detractor's negative, a promoter's positive, else neutral; the other rule, the
polarity the rules gave the comment's other themes, was no better).

Honest estimate (``benchmarks/theme_layer_eval.py``: choices made on one of sets 4/5, measured
on the other, pooled; 6cfe1fd's rules alone -> rules + layer, P/R/F1, polarity accuracy):
en 0.816/0.781/0.798 -> 0.833/0.807/0.820 (F1 +0.022), polarity 0.744 -> 0.742;
ja 0.804/0.824/0.814 -> 0.846/0.829/0.837 (F1 +0.023), polarity 0.809 -> 0.811. The ship rule
(F1 +0.02 in each language, P and R not below -0.01, polarity not below -0.01) is met.

Cost (``benchmarks/bench_text.py``, machine shared with other jobs, load average 2-6): themes +
polarity of 100,000 comments (62,000 distinct) took 3.6-3.8 s CPU without the layer and
4.5-5.1 s with it (+0.9-1.4 s; the target is 5 s, so it sits at the edge); the text section of
the demo unit's report (7,200 distinct comments, cold caches) 0.65 -> 0.92 s, of the synthetic
30,000-response unit 2.15 -> 2.53 s (both at load average 2). The resource is 1.9 MB (19,470
English and 12,327 Japanese n-grams, float32 weights for 25 theme ids).

The resource is written bit for bit the same on every run (liblinear seeded, zip entries
without timestamps). ``--sample`` prints the probabilities of a few comments as the training
code computes them (scikit-learn), for ``tests/test_layer.py``.

Run: ``pip install -e '.[eval]'``, then ``PYTHONPATH=. python benchmarks/train_theme_model.py``.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sklearn.linear_model import LogisticRegression  # noqa: E402
from theme_layer_eval import (  # noqa: E402
    C_GRID,
    LANGS,
    PACKS,
    POLARITY_RULES,
    Features,
    best_thresholds,
    combine,
    count,
    fit_predict,
    load_pack,
    old_tags,
    pairs,
    read_all,
    theme_ids,
)

OUT = ROOT / "nps_kit" / "resources" / "theme_layer.npz"
SAMPLE = {
    "en": [
        ("retail", "Parcel took ages to turn up and nobody answered my emails"),
        ("saas", "The app keeps crashing since the last update, support was useless"),
        ("finance", "Friendly staff at the branch but the fees are far too high"),
        ("generic", "ok"),
    ],
    "ja": [
        ("retail", "送料がもう少し安ければ嬉しいです。配達は早かった"),
        ("saas", "画面がわかりにくくて、サポートの返事も遅い"),
        ("finance", "窓口の対応は丁寧でしたが、手数料が高い"),
        ("generic", "特になし"),
    ],
}


def choose(data: pd.DataFrame) -> dict[str, tuple[float, float, float, str]]:
    """Per language (C, t_drop, t_add, polarity rule), chosen on sets 4 and 5 pooled."""
    b6 = old_tags(data)
    train = data[~data["set"].isin(["4", "5"])]
    out = {}
    for lang in LANGS:
        sel = data[data["set"].isin(["4", "5"]) & (data["lang"] == lang)]
        best: tuple[float, float, float, float, pd.DataFrame | None] = (-1.0, 0, 0, 0, None)
        for c in C_GRID:
            table = pairs(sel, fit_predict(train, sel, lang, c), b6)
            f1, t_drop, t_add = best_thresholds(table)
            print(f"  {lang} C={c}: F1 {f1:.3f} (t_drop {t_drop}, t_add {t_add})", file=sys.stderr)
            if f1 > best[0] + 1e-12:
                best = (f1, c, t_drop, t_add, table)
        _, c, t_drop, t_add, table = best
        assert table is not None
        right = {r: count(combine(table, t_drop, t_add, r))["pol"] for r in POLARITY_RULES}
        rule = max(POLARITY_RULES, key=lambda r: right[r])
        print(f"  {lang}: C={c} t_drop={t_drop} t_add={t_add} {right}", file=sys.stderr)
        out[lang] = (c, t_drop, t_add, rule)
    return out


def fit(data: pd.DataFrame, lang: str, c: float) -> tuple[Features, dict[str, LogisticRegression]]:
    """The vectoriser and one model per theme id of a language, trained on ``data``."""
    frame = data[data["lang"] == lang]
    features = Features(lang, frame)
    x = features(frame)
    models = {}
    for theme in theme_ids(frame):
        rows = np.array([theme in load_pack(p).ids for p in frame["pack"]])
        y = np.array([theme in g for g in frame["gold"]])[rows]
        model = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=0)
        models[theme] = model.fit(x[rows], y)
    return features, models


def arrays(
    features: Features, models: dict[str, LogisticRegression], lang: str, t: tuple[float, float]
) -> dict[str, np.ndarray]:
    """The arrays of one language in the resource."""
    out: dict[str, np.ndarray] = {}
    for b, part in enumerate(features.parts):
        vocab = part.vocabulary_
        terms = sorted(vocab, key=vocab.__getitem__)
        out[f"{lang}_terms{b}"] = np.array(terms, dtype=str)
        out[f"{lang}_idf{b}"] = part.idf_.astype(np.float64)
    coef = np.stack([m.coef_[0] for m in models.values()], axis=1)
    out[f"{lang}_weights"] = coef[: -len(PACKS)].astype(np.float32)
    out[f"{lang}_packs"] = coef[-len(PACKS) :].astype(np.float64)
    out[f"{lang}_intercept"] = np.array([m.intercept_[0] for m in models.values()])
    out[f"{lang}_thresholds"] = np.array(t, dtype=np.float64)
    return out


def write(path: Path, named: dict[str, np.ndarray]) -> None:
    """An .npz numpy reads, the same bytes on every run (fixed entry times)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(named):
            item = io.BytesIO()
            np.lib.format.write_array(item, np.asarray(named[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, item.getvalue())
    path.write_bytes(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    """Choose, train, write the resource; with ``--sample``, print the test's probabilities."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = read_all()
    print({lang: int((data["lang"] == lang).sum()) for lang in LANGS}, file=sys.stderr)
    chosen = choose(data)
    named: dict[str, np.ndarray] = {"packs": np.array(PACKS, dtype=str)}
    for lang in LANGS:
        c, t_drop, t_add, rule = chosen[lang]
        features, models = fit(data, lang, c)
        named[f"{lang}_themes"] = np.array(list(models), dtype=str)
        named[f"{lang}_pack_themes"] = np.array(
            [[t in load_pack(p).ids for t in models] for p in PACKS], dtype=bool
        )
        named.update(arrays(features, models, lang, (t_drop, t_add)))
        named[f"{lang}_added_polarity"] = np.array(rule, dtype=str)
        print(f"{lang}: C={c} t_drop={t_drop} t_add={t_add} added polarity {rule}")
        if args.sample:
            frame = pd.DataFrame(SAMPLE[lang], columns=["pack", "text"])
            frame = frame.assign(norm=[normalise(t) for t in frame["text"]])
            x = features(frame)
            for i, (pack, text) in enumerate(SAMPLE[lang]):
                probs = {
                    t: round(float(m.predict_proba(x[i])[0, 1]), 6)
                    for t, m in models.items()
                    if t in load_pack(pack).ids
                }
                print(f"    ({pack!r}, {text!r}): {probs},")
    write(args.out, named)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


def normalise(text: str) -> str:
    """``normalise_one``, as the training frames have it."""
    from nps_kit.text.tokens import normalise_one

    return normalise_one(text)


if __name__ == "__main__":
    raise SystemExit(main())
