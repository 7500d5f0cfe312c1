"""Whether a learned theme layer trained on every labelled comment raises theme F1 on new ones.

Design (fixed before any result). One binary logistic regression per (language, theme id),
trained on every comment whose pack has that theme (packs share ids such as ``price`` and
``staff``; the pack is a feature). Text features only, no rule hits: Japanese character
1–3-grams of ``normalise_one``; English lemma uni- and bigrams (``nps_kit.text._lemma``) and
character 3–5-grams (within words) of ``normalise_one``; TF-IDF (sublinear, ``min_df=2``, l2)
fitted on the training comments of that language. The layer keeps a rule hit unless the
model's probability is below ``t_drop`` and adds a theme the rules missed when it is at least
``t_add`` (per language). An added theme's polarity: chosen among ``score`` (detractor ->
negative, promoter -> positive, passive -> neutral) and ``others`` (the polarity the rules gave
the comment's other themes when they agree, else ``score``) on the selection set.

Honest estimate (fixed in the brief before any result). The shipped rules were tuned on every
labelled set, but the rules at commit 6cfe1fd (read-only copy at /work/lead/b6cfe) had never
seen blind sets 4 and 5. For k in {4, 5}, j the other: C, t_drop, t_add and the added-polarity
rule are chosen on set j with models trained on every set except j and k (old, 1-3, training
set 5), combined with 6cfe1fd's tags on j; then models trained on every set except k, with
those choices, are combined with 6cfe1fd's tags on k and counted as ``evaluate_mentions``
counts (micro over (comment, theme) pairs per language; polarity accuracy over the themes
found that are labelled). Sets 4 and 5 are pooled per language and compared with 6cfe1fd's
rules alone on the same comments (6cfe1fd's polarity has no score fallback, so both sides use
its polarity for the rule hits). Blind sets 6, 7 and 8 are never read.

Ship rule: pooled theme F1 rises by >= 0.02 in each language, neither P nor R falls by more
than 0.01 in either language, polarity accuracy falls by no more than 0.01.

6cfe1fd's tags are made by ``rules_6cfe1fd``: ``git archive`` of its ``nps_kit`` into a temporary
directory, its ``tag_polarity`` (words only) run on sets 4 and 5 in a separate process.

Result (the first run of this design; nothing changed after it but ``random_state=0`` for
liblinear, which left every figure as it was): the rule is met, narrowly. Pooled over sets 4
and 5, 6cfe1fd's rules alone -> rules + layer, P/R/F1, polarity accuracy:
en 0.816/0.781/0.798 -> 0.833/0.807/0.820 (F1 +0.022), polarity 0.744 -> 0.742;
ja 0.804/0.824/0.814 -> 0.846/0.829/0.837 (F1 +0.023), polarity 0.809 -> 0.811.
The layer drops 68 hits in English (19 of them right) and 54 in Japanese (13 right), and adds
77 themes in English (38 right, 26 of those with the right polarity) and 25 in Japanese (16
right, 11). AUC of the held-out probabilities: rule hits en 0.882, ja 0.873; other pairs en
0.873, ja 0.895. Per set (F1 change): set 4 en +0.018, ja +0.021; set 5 en +0.025, ja +0.026.
Set 4's English polarity fell 0.714 -> 0.701 (set 5's rose 0.775 -> 0.783). Chosen on the
other set: k=4 en C=16, t_drop 0.06, t_add 0.38, added polarity ``score``; ja C=16, 0.10, 0.42,
``others``; k=5 en C=4, 0.10, 0.34, ``score``; ja C=16, 0.06, 0.58, ``score``. C=16, the top of
the grid, was chosen three times in four; the grid was not widened after seeing that. Where the
gain comes from: precision in Japanese (+0.042, recall +0.005), recall in English (+0.027,
precision +0.017). Earlier layers had ~380 never-tuned comments per language; this one learns
from ~1,650 per language (every labelled set but the held-out one).

Run: ``pip install -e '.[eval]'``, then ``PYTHONPATH=. python benchmarks/theme_layer_eval.py``.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scipy import sparse  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402

from nps_kit.score import segment  # noqa: E402
from nps_kit.text._lemma import lemma_text  # noqa: E402
from nps_kit.text.evaluation import parse_labels  # noqa: E402
from nps_kit.text.packs import load_pack as _load_pack  # noqa: E402
from nps_kit.text.tokens import normalise_one  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = {
    "old": "theme_eval.csv",
    "1": "theme_eval_blind.csv",
    "2": "theme_eval_blind2.csv",
    "3": "theme_eval_blind3.csv",
    "4": "theme_eval_blind4.csv",
    "5": "theme_eval_blind5.csv",
    "t5en": "theme_train5_en.csv",
    "t5ja": "theme_train5_ja.csv",
}
PACKS = ("retail", "saas", "finance", "generic")
C_GRID = (1.0, 4.0, 16.0)
T_DROP = np.round(np.arange(0.0, 0.81, 0.02), 2)  # 0: never drop
T_ADD = np.round(np.arange(0.1, 1.011, 0.02), 2)  # above 1: never add
POLARITY_RULES = ("score", "others")
LANGS = ("en", "ja")
_PACKS: dict = {}


def load_pack(name: str):
    """The pack, loaded once."""
    if name not in _PACKS:
        _PACKS[name] = _load_pack(name)
    return _PACKS[name]


OLD_RULES = "6cfe1fd"
_OLD_TAGS = """
import json
import sys
import pandas as pd
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import tag_polarity
frame = pd.read_csv(sys.stdin, keep_default_na=False, dtype=str)
out = [""] * len(frame)
for pack, group in frame.groupby("pack", sort=False):
    tags = tag_polarity(group["text"].astype("string"), load_pack(pack))
    for key, row in tags.iterrows():
        out[key] = ";".join(f"{t}:{p}" for t, p in row.items() if pd.notna(p))
print(json.dumps(out))
"""


def rules_6cfe1fd(frame: pd.DataFrame) -> list[dict[str, str]]:
    """Themes and polarities of commit 6cfe1fd's rules per comment of ``frame`` (words only)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", OLD_RULES, "nps_kit"], capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        source = frame[["pack", "text"]].reset_index(drop=True).to_csv(index=False)
        out = subprocess.run(
            [sys.executable, "-c", _OLD_TAGS],
            input=source,
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp,
            env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin"},
        ).stdout
    return [parse_labels(t) for t in json.loads(out)]


def read_all(sets: dict[str, str] | None = None) -> pd.DataFrame:
    """Every labelled comment: set, id, lang, pack, text, score, gold ({theme: polarity})."""
    frames = []
    for name, file in (SETS if sets is None else sets).items():
        frame = pd.read_csv(DATA / file, keep_default_na=False, dtype=str)
        if "labels" in frame:
            gold = [parse_labels(v) for v in frame["labels"]]
        else:  # the old set: retail themes without polarity
            frame["pack"] = "retail"
            frame["score"] = ""
            gold = [{t.strip(): "" for t in v.split(";") if t.strip()} for v in frame["themes"]]
        frame = frame.assign(set=name, gold=gold)
        frames.append(frame[["set", "id", "lang", "pack", "text", "score", "gold"]])
    out = pd.concat(frames, ignore_index=True)
    out["norm"] = [normalise_one(t) for t in out["text"]]
    return out


def documents(frame: pd.DataFrame, lang: str) -> list[str]:
    """The text the vectoriser reads: lemmas for English (its char n-grams use ``norm``)."""
    if lang == "ja":
        return list(frame["norm"])
    return [lemma_text(t) for t in frame["norm"]]


class Features:
    """TF-IDF features of one language, fitted on training comments, plus the pack."""

    def __init__(self, lang: str, train: pd.DataFrame) -> None:
        self.lang = lang
        if lang == "ja":
            self.parts = [
                TfidfVectorizer(
                    analyzer="char",
                    ngram_range=(1, 3),
                    sublinear_tf=True,
                    min_df=2,
                    dtype=np.float64,
                )
            ]
        else:
            self.parts = [
                TfidfVectorizer(
                    token_pattern=r"[a-z0-9]+", ngram_range=(1, 2), sublinear_tf=True, min_df=2
                ),
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2
                ),
            ]
        self.parts[0].fit(documents(train, lang))
        if lang == "en":
            self.parts[1].fit(list(train["norm"]))

    def __call__(self, frame: pd.DataFrame) -> sparse.csr_matrix:
        """Return the feature matrix of ``frame``'s comments."""
        blocks = [self.parts[0].transform(documents(frame, self.lang))]
        if self.lang == "en":
            blocks.append(self.parts[1].transform(list(frame["norm"])))
        packs = np.array([[p == q for q in PACKS] for p in frame["pack"]], dtype=float)
        blocks.append(sparse.csr_matrix(packs))
        return sparse.hstack(blocks, format="csr")


def theme_ids(lang_frame: pd.DataFrame) -> list[str]:
    """Theme ids of the packs present, in first-seen order."""
    ids: dict[str, None] = {}
    for pack in PACKS:
        ids.update(dict.fromkeys(load_pack(pack).ids))
    return list(ids)


def fit_predict(train: pd.DataFrame, test: pd.DataFrame, lang: str, c: float) -> pd.DataFrame:
    """Probabilities per test comment (rows) and theme id (columns; NaN outside its pack)."""
    tr, te = train[train["lang"] == lang], test[test["lang"] == lang]
    features = Features(lang, tr)
    x_tr, x_te = features(tr), features(te)
    out = pd.DataFrame(np.nan, index=te.index, columns=theme_ids(tr))
    for theme in out.columns:
        in_tr = np.array([theme in load_pack(p).ids for p in tr["pack"]])
        in_te = np.array([theme in load_pack(p).ids for p in te["pack"]])
        y = np.array([theme in g for g in tr["gold"]])[in_tr]
        if not in_te.any() or y.sum() < 2:
            continue
        model = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=0)
        model.fit(x_tr[in_tr], y)
        out.loc[te.index[in_te], theme] = model.predict_proba(x_te[in_te])[:, 1]
    return out


def pairs(frame: pd.DataFrame, prob: pd.DataFrame, b6: dict[tuple[str, str], dict[str, str]]):
    """Long table of (comment, theme of its pack): gold, gold polarity, hit, hit polarity, p."""
    rows = []
    for index, row in frame.iterrows():
        tags = b6[(row["set"], row["id"])]
        for theme in load_pack(row["pack"]).ids:
            rows.append(
                {
                    "index": index, "set": row["set"], "lang": row["lang"], "theme": theme,
                    "gold": theme in row["gold"], "gold_pol": row["gold"].get(theme),
                    "hit": theme in tags, "hit_pol": tags.get(theme),
                    "p": prob.at[index, theme] if theme in prob.columns else np.nan,
                    "score": row["score"], "others": tags,
                }
            )  # fmt: skip
    out = pd.DataFrame(rows)
    out["p"] = out["p"].fillna(0.0)
    return out


def added_polarity(table: pd.DataFrame, rule: str) -> pd.Series:
    """Polarity given to themes the layer adds."""
    seg = segment(pd.to_numeric(table["score"], errors="coerce"))
    by_score = seg.map({"detractor": "negative", "promoter": "positive"}).fillna("neutral")
    if rule == "score":
        return by_score
    agreed = [
        next(iter(set(o.values()))) if o and len(set(o.values())) == 1 else None
        for o in table["others"]
    ]
    return pd.Series(agreed, index=table.index).fillna(by_score)


def combine(table: pd.DataFrame, t_drop: float, t_add: float, rule: str) -> pd.DataFrame:
    """Found themes and their polarity after the layer."""
    keep = table["hit"] & (table["p"] >= t_drop)
    add = ~table["hit"] & (table["p"] >= t_add)
    pol = table["hit_pol"].where(table["hit"], added_polarity(table, rule))
    return table.assign(found=keep | add, found_pol=pol, kept=keep, added=add)


def count(table: pd.DataFrame, found: str = "found", pol: str = "found_pol") -> dict[str, float]:
    """P, R, F1, polarity accuracy as evaluate_mentions counts them."""
    f, g = table[found].to_numpy(bool), table["gold"].to_numpy(bool)
    tp, pred, gold = int((f & g).sum()), int(f.sum()), int(g.sum())
    both = table[f & g]
    pol_ok = int((both["gold_pol"] == both[pol]).sum())
    p, r = tp / pred if pred else 0.0, tp / gold if gold else 0.0
    return {
        "pred": pred, "gold": gold, "tp": tp, "P": p, "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0, "pol": pol_ok / tp if tp else 0.0,
    }  # fmt: skip


def best_thresholds(table: pd.DataFrame) -> tuple[float, float, float]:
    """(F1, t_drop, t_add) with the best F1 on these pairs."""
    hit, gold, p = table["hit"].to_numpy(), table["gold"].to_numpy(), table["p"].to_numpy()
    ph, gh, pn, gn = p[hit], gold[hit], p[~hit], gold[~hit]
    keep_tp = np.array([int((gh & (ph >= t)).sum()) for t in T_DROP])
    keep_n = np.array([int((ph >= t).sum()) for t in T_DROP])
    add_tp = np.array([int((gn & (pn >= t)).sum()) for t in T_ADD])
    add_n = np.array([int((pn >= t).sum()) for t in T_ADD])
    tp = keep_tp[:, None] + add_tp[None, :]
    denominator = keep_n[:, None] + add_n[None, :] + int(gold.sum())
    f1 = np.divide(2 * tp, denominator, out=np.zeros(tp.shape), where=denominator > 0)
    i, j = np.unravel_index(int(np.argmax(f1)), f1.shape)
    return float(f1[i, j]), float(T_DROP[i]), float(T_ADD[j])


def old_tags(data: pd.DataFrame) -> dict[tuple[str, str], dict[str, str]]:
    """6cfe1fd's tags of sets 4 and 5, by (set, id)."""
    sets = data[data["set"].isin(["4", "5"])]
    return dict(zip(zip(sets["set"], sets["id"], strict=True), rules_6cfe1fd(sets), strict=True))


def run() -> pd.DataFrame:
    """The honest estimate: per k and language the choices, then the held-out table."""
    data = read_all()
    b6 = old_tags(data)
    held = []
    for k, j in (("4", "5"), ("5", "4")):
        for lang in LANGS:
            # Choose on set j with models that saw neither j nor k.
            sel_train = data[~data["set"].isin([j, k])]
            sel = data[(data["set"] == j) & (data["lang"] == lang)]
            best = (-1.0, 0.0, 0.0, 0.0)
            for c in C_GRID:
                table = pairs(sel, fit_predict(sel_train, sel, lang, c), b6)
                f1, t_drop, t_add = best_thresholds(table)
                print(f"  k={k} {lang} C={c}: F1 on {j} {f1:.3f} (t_drop {t_drop}, t_add {t_add})")
                if f1 > best[0] + 1e-12:
                    best = (f1, c, t_drop, t_add, table)
            _, c, t_drop, t_add, table = best
            rule_f = {r: count(combine(table, t_drop, t_add, r))["pol"] for r in POLARITY_RULES}
            rule = max(POLARITY_RULES, key=lambda r: rule_f[r])
            print(f"  k={k} {lang}: C={c} t_drop={t_drop} t_add={t_add} polarity={rule} {rule_f}")
            test = data[(data["set"] == k) & (data["lang"] == lang)]
            table = pairs(test, fit_predict(data[data["set"] != k], test, lang, c), b6)
            held.append(
                combine(table, t_drop, t_add, rule).assign(k=k, C=c, t_drop=t_drop, t_add=t_add)
            )
    return pd.concat(held, ignore_index=True)


def report(held: pd.DataFrame) -> pd.DataFrame:
    """Rules alone vs rules + layer, per k and language and pooled per language."""
    rows = []
    groups = [(f"set {k}", lang, g) for (k, lang), g in held.groupby(["k", "lang"])]
    groups += [("pooled", lang, g) for lang, g in held.groupby("lang")]
    for where, lang, g in groups:
        base = count(g, "hit", "hit_pol")
        ours = count(g)
        dropped, added = g["hit"] & ~g["kept"], g["added"]
        added_right = g[added & g["gold"]]
        hit, other = g[g["hit"]], g[~g["hit"]]
        rows.append(
            {
                "where": where, "lang": lang,
                "base_P": base["P"], "base_R": base["R"], "base_F1": base["F1"],
                "base_pol": base["pol"],
                "P": ours["P"], "R": ours["R"], "F1": ours["F1"], "pol": ours["pol"],
                "dF1": ours["F1"] - base["F1"], "dP": ours["P"] - base["P"],
                "dR": ours["R"] - base["R"], "dpol": ours["pol"] - base["pol"],
                "dropped": int(dropped.sum()), "dropped_right": int((dropped & g["gold"]).sum()),
                "added": int(added.sum()), "added_right": len(added_right),
                "added_pol_right": int((added_right["gold_pol"] == added_right["found_pol"]).sum()),
                "AUC_hit": roc_auc_score(hit["gold"], hit["p"]),
                "AUC_other": roc_auc_score(other["gold"], other["p"]),
            }
        )  # fmt: skip
    return pd.DataFrame(rows)


def verdict(table: pd.DataFrame) -> str:
    """Apply the ship rule to the pooled rows."""
    pooled = table[table["where"] == "pooled"]
    ok = all(
        r.dF1 >= 0.02 and r.dP >= -0.01 and r.dR >= -0.01 and r.dpol >= -0.01
        for r in pooled.itertuples()
    )
    return f"ship: {'yes' if ok else 'no'}"


def main(argv: list[str] | None = None) -> int:
    """Print the choices, the held-out table and the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.parse_args(argv)
    pd.set_option("display.width", 250)
    held = run()
    table = report(held)
    print(table.to_string(float_format=lambda v: f"{v:.3f}", index=False))
    print(verdict(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
