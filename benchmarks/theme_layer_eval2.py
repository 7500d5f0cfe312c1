"""Round 2 of the learned theme layer: more data and other designs, judged on sets 6, 7 and 8.

Honest estimate (fixed in the brief before any result). The rules at e7e3f2f (main when this
round began, ``learned=False``) were never tuned on blind sets 6, 7 and 8, so their tags there
behave like tags on new text. For k in {6, 7, 8} and j the next of them (6 -> 7 -> 8 -> 6): a
design's choices (C, t_drop, t_add, the polarity of an added theme: ``score`` or ``others`` as in
``benchmarks/theme_layer_eval.py``) are made on set j with models trained on every labelled set
but j and k, combined with the rules' tags on j; then models trained on every set but k (the old
set, blind 1-5, training set 5, the two other sets of 6/7/8, training sets 9 and 10 with
``--extra``)
with those choices are combined with the rules' tags on k and counted as ``evaluate_mentions``
counts (micro over (comment, theme) pairs per language; polarity accuracy over the themes found
that are labelled; a rule hit's polarity is the rules' own with the score read where a comment
judges nothing, as reports do). Sets 6, 7 and 8 are pooled per language and compared on the
same comments with the rules alone and with the rules + the SHIPPED layer (the resource at
e7e3f2f, trained on none of 6/7/8, read from git). A comment whose detected language is not its
labelled one (5 of 1,560, e.g. no letters) gets the rules alone on every side, as in the package.

Ship rule: pooled theme F1 rises by >= 0.01 over the shipped layer in each language, neither P
nor R falls by more than 0.01 in either language, polarity accuracy falls by no more than 0.005.

Designs (every one evaluated is listed in ``DESIGNS`` with its figure below; no silent retries):
``round1`` is the shipped design (``benchmarks/theme_layer_eval.py``), trained on more data.

Results, in the order run (pooled sets 6+7+8; P/R/F1, polarity accuracy). On the same comments
the rules alone give en 0.805/0.790/0.798, 0.832 and ja 0.806/0.807/0.807, 0.861; rules + the
shipped layer en 0.846/0.802/0.824, 0.831 and ja 0.847/0.820/0.833, 0.851 (these reproduce the
figures measured once on sets 6-8 after it shipped). Rules + the new layer, F1 change over the
shipped layer:

Without training sets 9 and 10 (the data of the shipped layer plus two of sets 6/7/8):
- ``round1``: en 0.852/0.803/0.827 (+0.003), 0.831; ja 0.876/0.832/0.853 (+0.020), 0.843.
- learning curve of ``round1`` (each set subsampled, seed 0): 25 % en F1 0.806, ja 0.815;
  50 % 0.812, 0.828; 75 % 0.823, 0.849; 100 % 0.827, 0.853 -- still rising: more data pays.
- ``score_pol`` (added polarity always the score's): as ``round1``, ja polarity 0.845.
- ``per_theme`` (t_add per theme with >= 15 labelled mentions on j): en 0.843/0.812/0.827
  (+0.004); ja 0.855/0.836/0.845 (+0.012), 0.841. Per-theme thresholds do not carry over.
- ``wide_c`` (C up to 256): en as ``round1``; ja 0.890/0.824/0.856 (+0.022), 0.846.
- ``balanced`` (class weights, C 0.25-16): en 0.860/0.800/0.829 (+0.005); ja 0.874/0.821/0.847
  (+0.013), 0.843.
- ``ja_words`` (fugashi lemma uni- and bigrams beside the char n-grams): ja 0.860/0.844/0.852
  (+0.018), 0.844: no better than char n-grams alone, and MeCab would cost inference time.
- ``both`` (choices on both other sets of 6/7/8 pooled): en 0.835/0.828/0.831 (+0.008), 0.829;
  ja 0.869/0.834/0.851 (+0.018), 0.844.
- ``both_wide``: en 0.836/0.830/0.833 (+0.009), 0.828; ja 0.881/0.831/0.855 (+0.022), 0.841.
None met the rule: English gained under 0.01.

With training sets 9 and 10 (``--extra``; 400 + 600 comments per language more, committed by
the lead as training data while this round ran):
- ``round1``: en 0.865/0.830/0.847 (+0.023), 0.826; ja 0.866/0.857/0.862 (+0.028), 0.836
  (polarity -0.015: fails).
- ``both``: en 0.853/0.847/0.850 (+0.027), 0.828; ja 0.897/0.842/0.868 (+0.035), 0.842
  (polarity -0.009: fails). Themes the layer adds take the score's polarity, and those are
  right less often than the rules' (diagnostic on the held-out pairs of ``round1``, used for no
  choice: en 77 %, ja 58 % against 83 % and 86 % for kept hits).
- ``en_grams`` (English word 1-3-grams, char 2-6-grams): stopped unrun, for time (English already
  passed; the failing figure was Japanese polarity).
- ``both_comment`` (``both``, and a third rule for an added theme's polarity to choose on j:
  ``comment``, the whole comment's judgement by ``polarity_of`` when it is positive or negative,
  else the score's; chosen on j in all six cases): en 0.853/0.847/0.850 (+0.027), 0.832
  (+0.001); ja 0.897/0.842/0.868 (+0.035), 0.854 (+0.003). **The ship rule is met.** Per set
  (F1 over the shipped layer): set 6 en +0.018, ja +0.039; set 7 +0.010, +0.031; set 8 +0.053,
  +0.033 (training set 9 comes from set 8's industries). Added themes right: en 91 of 139, ja 59
  of 77; their polarity right 82 % and 78 % (kept hits 83 %, 86 %).
- ``comment`` (round 1's choice on one set, with the ``comment`` rule): stopped unrun once
  ``both_comment`` met the rule, for time.

Caveat: nine designs (eleven runs) were judged on the same held-out sets and the best shipped,
so its figures are somewhat optimistic; the designs that differ only in their choice procedure
or polarity rule (``round1``, ``both``, ``both_comment`` with sets 9 and 10) gained F1 +0.023
to +0.035, so most of the gain is the data. Blind set 9, never read here, is the measure of
the result.

Round 3 (issue 11; written before training set 11 was read). The design is ``both_comment``;
only the data grows: training sets 11, 12 and 13 (``theme_train{11,12,13}_{en,ja}.csv``, new
authors and industries; ``--train``) are training data only, never held out and never chosen
on. The estimate is the one above, over the rules of main when round 3 began (``RULES3``,
4d59c45, ``--rules``; they tag sets 6-8 exactly as e7e3f2f's do, all 1,560 comments
compared): the design trained with training sets 9 and 10 (``--extra``, round 2's data, as
shipped) and trained with the round-3 sets too (``--extra --train ...``), each run saved
(``--save``) and compared pair by pair on the same held-out comments (``--compare WITHOUT
WITH``: P/R/F1, polarity pooled per language and per set). Ship rule (fixed before the data):
pooled theme F1 does not fall in either language and rises by >= 0.003 in at least one;
neither P nor R falls by more than 0.01 in either language. C, t_drop, t_add and the
added-polarity rule of the shipped models are chosen again by
``benchmarks/train_theme_model.py``'s own procedure.
Without the new sets over 4d59c45 (51 s wall on 2 shared cores): the figures of
``both_comment`` with sets 9 and 10 above, exactly.

Set 11 alone (it landed first; 106 s wall), pooled, without -> with: en 0.853/0.847/0.850,
0.832 -> 0.853/0.850/0.851, 0.834 (F1 +0.001); ja 0.897/0.842/0.868, 0.854 ->
0.905/0.840/0.871, 0.855 (+0.003, under the rule's 0.003 by a hair): the rule is not met. C = 16,
the top of the grid, was chosen in 5 of the 6 (k, language).

Declared after that result and before sets 12 and 13 (800 + 800 comments each) were read, on
the lead's word that the grid may grow where the best C is at its edge: round 3 ships
``both_comment_edge``, ``both_comment`` whose C grid grows (x 4, up to 4,096) while its top C
is the best (``pick``), trained with sets 11, 12 and 13; the estimate and the ship rule above
are made for that procedure (``--design both_comment_edge --extra --train 11 12 13``) against
round 2 as shipped (``both_comment`` with sets 9 and 10). ``both_comment`` with the new sets is
reported beside it, to tell the data from the grid.

Sets 14 and 15 (800 + 800 each) landed before the decision ran, so it was made with sets
11-15. Results, pooled, without -> with: ``both_comment`` (fixed grid) with sets 11-13: en
0.888/0.846/0.867, 0.829 (F1 +0.017), ja 0.906/0.863/0.884, 0.851 (+0.016) -- more data still
pays. ``both_comment_edge`` with sets 11-15 (the decision; 883 s wall): en 0.882/0.865/0.873,
0.830 (F1 +0.023, P +0.029, R +0.018); ja 0.896/0.878/0.887, 0.846 (F1 +0.019, P -0.001,
R +0.037). **The rule is met; round 3 ships.** Per set F1: 6 en +0.023, ja +0.030; 7 +0.029,
+0.018; 8 +0.017, +0.009. C chosen: en 16 for every k, ja 16, 4, 64. The polarity of the
themes (before the polarity correction) falls: en -0.002, ja -0.009 (set 7 ja -0.026), which the
rule does not weigh. Training sets 16 and 17 landed too late to be estimated by the deadline.

Run: ``pip install -e '.[eval]'``, then
``PYTHONPATH=. python benchmarks/theme_layer_eval2.py [--design NAME ...] [--curve] [--extra]
[--train 11 12 13] [--rules COMMIT] [--save DIR]``, or ``--compare WITHOUT.pkl WITH.pkl``.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from labelled_sets import MAX_C, ROUND3, training  # noqa: E402
from labelled_sets import TRAIN_9_10 as EXTRA  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from theme_layer_eval import (  # noqa: E402
    LANGS,
    POLARITY_RULES,
    SETS,
    T_ADD,
    T_DROP,
    Features,
    added_polarity,
    count,
    documents,
    load_pack,
    read_all,
    theme_ids,
)

from nps_kit.text import _layer  # noqa: E402
from nps_kit.text.evaluation import parse_labels  # noqa: E402
from nps_kit.text.sentiment import polarity_of  # noqa: E402
from nps_kit.text.tokens import _language_of, _tokens_ja  # noqa: E402

SHIPPED = "e7e3f2f"
RULES3 = "4d59c45"  # main when round 3 began: the rules of its estimate (never tuned on 6-8)
HELD = ("6", "7", "8")
NEXT = {"6": "7", "7": "8", "8": "6"}
ALL_SETS = {
    **SETS,
    "6": "theme_eval_blind6.csv",
    "7": "theme_eval_blind7.csv",
    "8": "theme_eval_blind8.csv",
}


@dataclass(frozen=True)
class Design:
    """What a layer is: features, model and how its choices are made."""

    c_grid: tuple[float, ...] = (1.0, 4.0, 16.0)
    class_weight: str | None = None
    ja_words: bool = False  # fugashi lemma uni+bigrams alongside the char n-grams
    per_theme: bool = False  # t_add per theme (chosen on j; the language's where a theme is rare)
    polarity: tuple[str, ...] = POLARITY_RULES  # the added-polarity rules to choose among
    both: bool = False  # choose on both other sets of 6/7/8 pooled (each with models without it, k)
    en_words: tuple[int, int] = (1, 2)  # English lemma n-grams
    en_chars: tuple[int, int] = (3, 5)  # English character n-grams within words
    edge: bool = False  # while the grid's top C is best, try 4 times it (round 3; up to MAX_C)
    new_weight: int = 1  # round 4's W18: times a fold of new industries counts in the choice
    p_floor: bool = False  # round 5: best F1 whose precision on new industries' folds >= round 3's
    p_slack: float = 0.0  # round 8's recall-leaning variant: the floor lowered by this much


DESIGNS = {
    "round1": Design(),
    "wide_c": Design(c_grid=(1.0, 4.0, 16.0, 64.0, 256.0)),
    "balanced": Design(c_grid=(0.25, 1.0, 4.0, 16.0), class_weight="balanced"),
    "ja_words": Design(ja_words=True),
    "per_theme": Design(per_theme=True),
    "score_pol": Design(polarity=("score",)),
    "both": Design(both=True),
    "both_wide": Design(c_grid=(1.0, 4.0, 16.0, 64.0, 256.0), both=True),
    "en_grams": Design(en_words=(1, 3), en_chars=(2, 6)),
    "both_comment": Design(both=True, polarity=("score", "others", "comment")),
    "both_score": Design(both=True, polarity=("score",)),
    "comment": Design(polarity=("score", "others", "comment")),
    "both_comment_edge": Design(both=True, polarity=("score", "others", "comment"), edge=True),
    "both_comment_edge_w18": Design(
        both=True, polarity=("score", "others", "comment"), edge=True, new_weight=3
    ),
    "both_comment_edge_pfloor": Design(
        both=True, polarity=("score", "others", "comment"), edge=True, p_floor=True
    ),
    # round 8 (LAY23), declared before any reading: PF with the floor 0.01 lower (recall gap)
    "both_comment_edge_pfloor_r1": Design(
        both=True, polarity=("score", "others", "comment"), edge=True, p_floor=True, p_slack=0.01
    ),
}


def pick(
    design: Design, tables_for, best_of=None
) -> tuple[float, float, float, float, pd.DataFrame]:
    """(F1, C, t_drop, t_add, pairs) of the best C; ``tables_for(grid)`` gives {C: pairs}.

    The first C of the grid wins a tie. With ``design.edge``, while the top C of the grid is
    the best, 4 times it is tried too (up to ``MAX_C``). ``best_of`` (``best_thresholds`` unless
    given) gives a table's (F1, t_drop, t_add).
    """
    best_of = best_thresholds if best_of is None else best_of
    grid = list(design.c_grid)
    tables = tables_for(tuple(grid))
    while True:
        best: tuple = (-1.0,)
        for c in grid:
            f1, t_drop, t_add = best_of(tables[c])
            if f1 > best[0] + 1e-12:
                best = (f1, c, t_drop, t_add, tables[c])
        if not design.edge or best[1] != grid[-1] or grid[-1] * 4 > MAX_C:
            return best
        grid.append(grid[-1] * 4)
        tables.update(tables_for((grid[-1],)))


class Features2(Features):
    """Round 1's features, with Japanese lemma uni- and bigrams when asked."""

    def __init__(self, lang: str, train: pd.DataFrame, design: Design) -> None:
        super().__init__(lang, train)
        if lang == "en" and (design.en_words, design.en_chars) != ((1, 2), (3, 5)):
            self.parts[0].set_params(ngram_range=design.en_words)
            self.parts[1].set_params(ngram_range=design.en_chars)
            self.parts[0].fit(documents(train, lang))
            self.parts[1].fit(list(train["norm"]))
        self.words = None
        if lang == "ja" and design.ja_words:
            self.words = TfidfVectorizer(
                tokenizer=str.split,
                token_pattern=None,
                lowercase=False,
                ngram_range=(1, 2),
                sublinear_tf=True,
                min_df=2,
            )
            self.words.fit(_ja_docs(train))

    def __call__(self, frame: pd.DataFrame) -> sparse.csr_matrix:
        """Return the feature matrix of ``frame``'s comments."""
        x = super().__call__(frame)
        if self.words is None:
            return x
        return sparse.hstack([self.words.transform(_ja_docs(frame)), x], format="csr")


def _ja_docs(frame: pd.DataFrame) -> list[str]:
    return [" ".join(_tokens_ja(t)) for t in frame["norm"]]


def fit_predict(
    train: pd.DataFrame, test: pd.DataFrame, lang: str, design: Design, grid: tuple[float, ...]
) -> dict[float, pd.DataFrame]:
    """Per C, probabilities per test comment and theme id (NaN outside its pack)."""
    tr, te = train[train["lang"] == lang], test[test["lang"] == lang]
    features = Features2(lang, tr, design)
    x_tr, x_te = features(tr), features(te)
    out = {c: pd.DataFrame(np.nan, index=te.index, columns=theme_ids(tr)) for c in grid}
    for theme in theme_ids(tr):
        in_tr = np.array([theme in load_pack(p).ids for p in tr["pack"]])
        in_te = np.array([theme in load_pack(p).ids for p in te["pack"]])
        y = np.array([theme in g for g in tr["gold"]])[in_tr]
        if not in_te.any() or y.sum() < 2:
            continue
        for c in grid:
            model = LogisticRegression(
                C=c,
                solver="liblinear",
                max_iter=2000,
                random_state=0,
                class_weight=design.class_weight,
            )
            model.fit(x_tr[in_tr], y)
            out[c].loc[te.index[in_te], theme] = model.predict_proba(x_te[in_te])[:, 1]
    return out


_RULE_TAGS = """
import json
import sys
import pandas as pd
from nps_kit.score import segment
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import tag_polarity
learned = sys.argv[1:] == ["learned"]
frame = pd.read_csv(sys.stdin, keep_default_na=False, dtype=str)
out = [""] * len(frame)
for pack, group in frame.groupby("pack", sort=False):
    texts = group["text"].astype("string")
    seg = segment(pd.to_numeric(group["score"], errors="coerce"))
    tags = tag_polarity(texts, load_pack(pack), segments=seg, learned=learned)
    for key, row in tags.iterrows():
        out[key] = ";".join(f"{t}:{p}" for t, p in row.items() if pd.notna(p))
print(json.dumps(out))
"""


def rule_tags(
    data: pd.DataFrame,
    rules: str = SHIPPED,
    sets: tuple[str, ...] = HELD,
    *,
    learned: bool = False,
) -> dict[tuple[str, str], dict[str, str]]:
    """The rules' themes and polarities (score read, as reports do) of ``sets``, by (set, id).

    The rules are those of commit ``rules`` (``git archive`` into a temporary directory, run
    in a separate process), so that later changes to the rules change nothing here. With
    ``learned``, that commit's package as reports run it (its learned layers too).
    """
    frame = data[data["set"].isin(sets)]
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rules, "nps_kit"], capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        source = frame[["pack", "score", "text"]].reset_index(drop=True).to_csv(index=False)
        out = subprocess.run(
            [sys.executable, "-c", _RULE_TAGS, *(["learned"] if learned else [])],
            input=source,
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp,
            env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin"},
        ).stdout
    tags = [parse_labels(t) for t in json.loads(out)]
    return dict(zip(zip(frame["set"], frame["id"], strict=True), tags, strict=True))


def shipped(
    data: pd.DataFrame, commit: str = SHIPPED, sets: tuple[str, ...] = HELD
) -> tuple[dict[int, dict[str, float]], dict[str, tuple]]:
    """A layer's probabilities per comment of ``sets`` and its (t_drop, t_add, added polarity).

    The layer is the resource of ``commit`` (round 1's at ``SHIPPED`` unless named), read with
    this package's inference code.
    """
    blob = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{commit}:nps_kit/resources/theme_layer.npz"],
        capture_output=True,
        check=True,
    ).stdout
    frame = data[data["set"].isin(sets)]
    probs: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "theme_layer.npz"
        path.write_bytes(blob)
        saved = _layer._resource
        _layer._resource = lambda: path  # type: ignore[assignment]
        _layer._models.cache_clear()
        _layer._pack_model.cache_clear()
        try:
            models = _layer._models()
            thresholds = {
                lang: (models[lang].t_drop, models[lang].t_add, models[lang].added_polarity)
                for lang in LANGS
            }
            for (lang, pack), group in frame.groupby(["lang", "pack"]):
                ids, p = _layer.probabilities(list(group["norm"]), lang, pack)
                for index, row in zip(group.index, p, strict=True):
                    probs[index] = dict(zip(ids, map(float, row), strict=True))
        finally:
            _layer._resource = saved  # type: ignore[assignment]
            _layer._models.cache_clear()
            _layer._pack_model.cache_clear()
    return probs, thresholds


def pairs(
    frame: pd.DataFrame, prob: pd.DataFrame, tags: dict, ship: dict | None = None
) -> pd.DataFrame:
    """Long table of (comment, theme of its pack): gold, hit, the new and shipped probability."""
    rows = []
    for index, row in frame.iterrows():
        found = tags[(row["set"], row["id"])]
        layer = _language_of(row["norm"]) == row["lang"]
        comment = polarity_of(row["norm"])
        for theme in load_pack(row["pack"]).ids:
            hit = theme in found
            p = prob.at[index, theme] if theme in prob.columns else np.nan
            q = ship[index][theme] if ship is not None else np.nan
            if not layer:  # the package gives this comment the rules alone
                p = q = 1.0 if hit else 0.0
            rows.append(
                {
                    "index": index, "set": row["set"], "lang": row["lang"], "pack": row["pack"],
                "theme": theme,
                    "gold": theme in row["gold"], "gold_pol": row["gold"].get(theme),
                    "hit": hit, "hit_pol": found.get(theme), "p": p, "q": q,
                    "score": row["score"], "others": found, "comment": comment,
                }
            )  # fmt: skip
    out = pd.DataFrame(rows)
    out["p"] = out["p"].fillna(0.0)
    return out


def combine(table: pd.DataFrame, t_drop, t_add, rule: str, p: str = "p") -> pd.DataFrame:
    """Found themes and their polarity after a layer (thresholds scalar or per row)."""
    keep = table["hit"] & (table[p] >= t_drop)
    add = ~table["hit"] & (table[p] >= t_add)
    if rule == "comment":  # the whole comment's judgement when it has one, else the score
        judged = table["comment"].where(table["comment"].isin(["positive", "negative"]))
        pol = table["hit_pol"].where(table["hit"], judged.fillna(added_polarity(table, "score")))
    else:
        pol = table["hit_pol"].where(table["hit"], added_polarity(table, rule))
    return table.assign(found=keep | add, found_pol=pol, kept=keep, added=add)


def as_package(found: pd.DataFrame, p: str = "p") -> pd.DataFrame:
    """``combine``'s ``found`` with the additions the package's verifier takes back (FIX67).

    The package runs every English layer with ``_layer._vet_additions`` (issue 11's addition
    verifier, ``_layer._VETTING``) after the thresholds; ``combine`` alone stops at them, so the
    scripts' pair figures of the shipped layer differed from the package's on 17 of blind 26's
    2,605 English pairs (LAY28), all additions the verifier does not make. Per language with a
    verifier and per comment, this applies it to the probabilities ``p`` as ``adjust`` does (the
    pack's themes in its order; a theme the layer does not model has ``p`` 0 and is neither kept
    nor added, as in the package), so a layer's figures are those reports get.
    """
    out = found.copy()
    for (lang, pack), g in found.groupby(["lang", "pack"], sort=False):
        vetting = _layer._VETTING.get(str(lang))
        if vetting is None or not g["added"].any():
            continue
        themes = tuple(dict.fromkeys(g["theme"]))
        shape = (-1, len(themes))
        assert (g["theme"].to_numpy().reshape(shape) == np.array(themes)).all()
        prob = g[p].to_numpy(dtype=float).reshape(shape)
        hit = g["hit"].to_numpy(dtype=bool).reshape(shape)
        keep = g["found"].to_numpy(dtype=bool).reshape(shape)
        vetted = _layer._vet_additions(prob, hit, keep, themes, str(pack), vetting).reshape(-1)
        out.loc[g.index, "found"] = vetted
        out.loc[g.index, "added"] = vetted & ~g["hit"].to_numpy(dtype=bool)
    return out


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


def floored_thresholds(
    table: pd.DataFrame, new: np.ndarray, floor: float
) -> tuple[float, float, float]:
    """(F1, t_drop, t_add) with the best F1 on these pairs among the thresholds whose precision
    on the pairs ``new`` marks (the folds of new industries) is at least ``floor``.

    Round 5's choice (design ``p_floor``): on new industries the F1-best thresholds of round 4
    added themes the rules missed at p 0.36-0.46, of which under half were right, so precision
    fell there. (-1, 0, 1.01), the rules alone, when no thresholds reach the floor.
    """
    hit, gold, p = table["hit"].to_numpy(), table["gold"].to_numpy(), table["p"].to_numpy()
    f1, prec = [], []
    for rows in (np.ones(len(table), dtype=bool), new):
        h, g, q = hit[rows], gold[rows], p[rows]
        ph, gh, pn, gn = q[h], g[h], q[~h], g[~h]
        keep_tp = np.array([int((gh & (ph >= t)).sum()) for t in T_DROP])
        keep_n = np.array([int((ph >= t).sum()) for t in T_DROP])
        add_tp = np.array([int((gn & (pn >= t)).sum()) for t in T_ADD])
        add_n = np.array([int((pn >= t).sum()) for t in T_ADD])
        tp = keep_tp[:, None] + add_tp[None, :]
        n = keep_n[:, None] + add_n[None, :]
        f1.append(
            np.divide(2 * tp, n + int(g.sum()), out=np.zeros(tp.shape), where=n + g.sum() > 0)
        )
        prec.append(np.divide(tp, n, out=np.zeros(tp.shape), where=n > 0))
    allowed = np.where(prec[1] >= floor - 1e-12, f1[0], -1.0)
    i, j = np.unravel_index(int(np.argmax(allowed)), allowed.shape)
    if allowed[i, j] < 0:
        return -1.0, 0.0, 1.01
    return float(allowed[i, j]), float(T_DROP[i]), float(T_ADD[j])


MIN_THEME_GOLD = 15  # labelled mentions on j for a theme to get a t_add of its own


def theme_t_add(table: pd.DataFrame, t_drop: float, t_add: float) -> dict[str, float]:
    """Per theme, the t_add with the best F1 on j given the language's other choices."""
    out = {}
    base = combine(table, t_drop, t_add, "score")
    for theme, group in table.groupby("theme"):
        if int(group["gold"].sum()) < MIN_THEME_GOLD:
            continue
        rest = base[base["theme"] != theme]
        r_tp, r_n = int((rest["found"] & rest["gold"]).sum()), int(rest["found"].sum())
        keep = group["hit"] & (group["p"] >= t_drop)
        k_tp, k_n = int((keep & group["gold"]).sum()), int(keep.sum())
        other = group[~group["hit"]]
        best = (-1.0, t_add)
        for t in T_ADD:
            add = other["p"] >= t
            tp = r_tp + k_tp + int((add & other["gold"]).sum())
            n = r_n + k_n + int(add.sum())
            f1 = 2 * tp / (n + int(table["gold"].sum()))
            if f1 > best[0] + 1e-12:
                best = (f1, float(t))
        out[str(theme)] = best[1]
    return out


def subsample(frame: pd.DataFrame, frac: float, seed: int = 0) -> pd.DataFrame:
    """``frac`` of each (set, language), seeded."""
    if frac >= 1.0:
        return frame
    parts = [
        g.sample(frac=frac, random_state=seed) for _, g in frame.groupby(["set", "lang"], sort=True)
    ]
    return pd.concat(parts).sort_index()


def estimate(data, tags, ship, thresholds, design: Design, frac: float = 1.0) -> pd.DataFrame:
    """The honest estimate of one design: per k and language, choose on j, count on k."""
    held = []
    for k in HELD:
        j = NEXT[k]
        for lang in LANGS:

            def tables_for(grid, k=k, j=j, lang=lang) -> dict[float, pd.DataFrame]:
                tables: dict[float, list[pd.DataFrame]] = {c: [] for c in grid}
                for m in [j, *([m for m in HELD if m not in (j, k)] if design.both else [])]:
                    sel = data[(data["set"] == m) & (data["lang"] == lang)]
                    train = subsample(data[~data["set"].isin([m, k])], frac)
                    for c, prob in fit_predict(train, sel, lang, design, grid).items():
                        tables[c].append(pairs(sel, prob, tags, ship))
                return {c: pd.concat(t, ignore_index=True) for c, t in tables.items()}

            _, c, t_drop, t_add, table = pick(design, tables_for)
            pol = {r: count(combine(table, t_drop, t_add, r))["pol"] for r in design.polarity}
            rule = max(design.polarity, key=lambda r: pol[r])
            per_theme = theme_t_add(table, t_drop, t_add) if design.per_theme else {}
            test = data[(data["set"] == k) & (data["lang"] == lang)]
            train = subsample(data[data["set"] != k], frac)
            prob = fit_predict(train, test, lang, design, (c,))[c]
            table = pairs(test, prob, tags, ship)
            t_adds = table["theme"].map(per_theme).fillna(t_add).to_numpy()
            ours = combine(table, t_drop, t_adds, rule)
            t_ship = thresholds[lang]
            theirs = combine(table, t_ship[0], t_ship[1], "score", p="q")
            ours = ours.assign(
                ship_found=theirs["found"], ship_pol=theirs["found_pol"], k=k, C=c,
                t_drop=t_drop, t_add=t_add, rule=rule,
            )  # fmt: skip
            print(
                f"    k={k} {lang}: C={c} t_drop={t_drop} t_add={t_add} polarity={rule}"
                + (f" per-theme {per_theme}" if per_theme else ""),
                file=sys.stderr,
            )
            held.append(ours)
    return pd.concat(held, ignore_index=True)


def report(held: pd.DataFrame) -> pd.DataFrame:
    """Rules alone, rules + shipped layer, rules + this layer, per k and pooled per language."""
    rows = []
    groups = [(f"set {k}", lang, g) for (k, lang), g in held.groupby(["k", "lang"])]
    groups += [("pooled", lang, g) for lang, g in held.groupby("lang")]
    for where, lang, g in groups:
        row: dict[str, object] = {"where": where, "lang": lang}
        for name, found, pol in (
            ("rules", "hit", "hit_pol"),
            ("ship", "ship_found", "ship_pol"),
            ("new", "found", "found_pol"),
        ):
            got = count(g, found, pol)
            row.update({f"{name}_{m}": got[m] for m in ("P", "R", "F1", "pol")})
        for m in ("P", "R", "F1", "pol"):
            row[f"d{m}"] = row[f"new_{m}"] - row[f"ship_{m}"]  # type: ignore[operator]
        dropped, added = g["hit"] & ~g["kept"], g["added"]
        row.update(
            dropped=int(dropped.sum()),
            dropped_right=int((dropped & g["gold"]).sum()),
            added=int(added.sum()),
            added_right=int((added & g["gold"]).sum()),
        )
        rows.append(row)
    return pd.DataFrame(rows)


def verdict(table: pd.DataFrame) -> str:
    """Apply the ship rule to the pooled rows."""
    pooled = table[table["where"] == "pooled"]
    ok = all(
        r.dF1 >= 0.01 and r.dP >= -0.01 and r.dR >= -0.01 and r.dpol >= -0.005
        for r in pooled.itertuples()
    )
    return f"ship: {'yes' if ok else 'no'}"


def compare(without: pd.DataFrame, with_: pd.DataFrame) -> pd.DataFrame:
    """Round 3: one design's held-out pairs trained without set 11 and with it, per k and pooled."""
    same = ["k", "index", "theme", "gold", "gold_pol", "hit", "hit_pol"]
    assert without[same].equals(with_[same]), "not the same held-out pairs"
    rows = []
    keys = [(f"set {k}", lang) for k, lang in without.groupby(["k", "lang"]).groups]
    keys += [("pooled", lang) for lang in LANGS]
    for where, lang in keys:
        sel = (without["lang"] == lang) & (
            True if where == "pooled" else without["k"] == where.split()[1]
        )
        row: dict[str, object] = {"where": where, "lang": lang}
        for name, table in (("without", without[sel]), ("with", with_[sel])):
            got = count(table)
            row.update({f"{name}_{m}": got[m] for m in ("P", "R", "F1", "pol")})
        for m in ("P", "R", "F1", "pol"):
            row[f"d{m}"] = row[f"with_{m}"] - row[f"without_{m}"]  # type: ignore[operator]
        rows.append(row)
    return pd.DataFrame(rows)


def verdict3(table: pd.DataFrame) -> str:
    """Round 3's ship rule for the theme layer, on the pooled rows of ``compare``."""
    pooled = table[table["where"] == "pooled"]
    ok = (
        all(r.dF1 >= 0 and r.dP >= -0.01 and r.dR >= -0.01 for r in pooled.itertuples())
        and (pooled["dF1"] >= 0.003).any()
    )
    return f"round 3 ship (themes): {'yes' if ok else 'no'}"


def load(
    extra: bool, train: tuple[str, ...] = (), rules: str = SHIPPED
) -> tuple[pd.DataFrame, dict, dict, dict]:
    """Every labelled set, the rules' tags of 6-8, the shipped layer's probabilities there."""
    sets = {**ALL_SETS, **(EXTRA if extra else {}), **training(train)}
    data = read_all(sets)
    tags = rule_tags(data, rules)
    ship, thresholds = shipped(data)
    return data, tags, ship, thresholds


def show(table: pd.DataFrame) -> str:
    """The short form of a report: P/R/F1/pol of the three sides."""
    cols = ["where", "lang"] + [
        f"{n}_{m}" for n in ("rules", "ship", "new") for m in ("P", "R", "F1", "pol")
    ]
    cols += ["dF1", "dP", "dR", "dpol", "dropped", "dropped_right", "added", "added_right"]
    return table[cols].to_string(float_format=lambda v: f"{v:.3f}", index=False)


def main(argv: list[str] | None = None) -> int:
    """Print the estimate of each design asked for (and the learning curve with --curve)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--design", nargs="*", default=["round1"], choices=list(DESIGNS))
    parser.add_argument("--curve", action="store_true")
    parser.add_argument("--extra", action="store_true", help="train on sets 9 and 10 too")
    parser.add_argument(
        "--train", nargs="+", default=[], choices=list(ROUND3), help="round 3's training sets too"
    )
    parser.add_argument("--rules", default=SHIPPED, help=f"the rules' commit (round 3: {RULES3})")
    parser.add_argument(
        "--compare",
        nargs=2,
        type=Path,
        metavar=("WITHOUT", "WITH"),
        help="two saved held-out tables of a design: round 3's comparison and ship rule",
    )
    parser.add_argument("--save", type=Path, help="a directory for each design's held-out pairs")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 300)
    if args.compare:
        table = compare(*(pd.read_pickle(p) for p in args.compare))
        print(table.to_string(float_format=lambda v: f"{v:.3f}", index=False))
        print(verdict3(table))
        return 0
    data, tags, ship, thresholds = load(args.extra, tuple(args.train), args.rules)
    print({lang: int((data["lang"] == lang).sum()) for lang in LANGS}, thresholds)
    if args.curve:
        for frac in (0.25, 0.5, 0.75, 1.0):
            start = time.process_time()
            table = report(estimate(data, tags, ship, thresholds, DESIGNS["round1"], frac))
            pooled = table[table["where"] == "pooled"]
            print(f"curve {frac:.2f}: ({time.process_time() - start:.0f} s CPU)")
            print(show(pooled), flush=True)
    for name in args.design:
        start = time.process_time()
        held = estimate(data, tags, ship, thresholds, DESIGNS[name])
        if args.save:
            held.drop(columns="others").to_pickle(args.save / f"{name}.pkl")
        table = report(held)
        print(f"design {name} ({time.process_time() - start:.0f} s CPU):")
        print(show(table))
        print(verdict(table), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
