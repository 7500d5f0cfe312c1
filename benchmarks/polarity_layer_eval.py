"""Whether a learned correction of each mention's polarity raises polarity accuracy on new text.

Design (fixed before any result). The tagger's mentions are corrected one by one: for each
(comment, theme) that ``tag_polarity`` reports (rules + learned theme layer, the score read
where no word judges, as reports and ``evaluate_mentions`` read it), a multinomial logistic
regression per language over {positive, negative, mixed, neutral} reads

- the tagger's polarity (one-hot) and whether the theme layer added the theme;
- what the rules read (``_correction._mention_cues``): in the theme's clauses a request,
  praise, complaint, "ordinary", any judgement; in the whole comment a request, praise,
  complaint, any judgement anywhere, more than one clause, the clauses being the whole comment;
- the theme id (one-hot);
- TF-IDF n-grams (sublinear, ``min_df=2``, l2) of the theme's clauses
  (``_correction._theme_clauses``: the clauses its words start in; the whole comment for a theme
  the layer added or one matched across clauses): English lemma uni- and bigrams of
  ``[a-z0-9]+``, Japanese character 1–3-grams of ``normalise_one``;
- design A only: the respondent's segment (one-hot) and the segment crossed with the tagger's
  polarity. Design B is A without any segment feature (the tagger's polarity still carries the
  score where no word judges, as today).
- design GS only (round 11, the correction's designs D1 and D2, ``polarity_round11.py``): G's
  columns and the span's (``_polarity_layer.span_columns``, as the package reads them): the
  rules' cues of the clauses after the theme's own up to the next clause holding another theme
  (``_correction._span_cues``, the frame's ``span``), whether they disagree with the theme's
  clauses, and the segment crossed with praise and complaint in the theme's clauses and span.

The tagger's polarity is replaced by the model's most probable class when that class differs
and its probability is at least ``t``. Training rows: the mentions the tagger finds whose truth
has the theme, in every set with polarities (blind 1–8, training set 5; the old set has none).

Honest estimate (fixed in the brief before any result). For k in 6, 7, 8 (held out) and j the
next one (6→7, 7→8, 8→6): C in (0.25, 1, 4, 16) and t in 0.30…0.95 (step 0.05) are chosen on
set j with models trained on every set but j and k (most right on j; ties: larger t, then
smaller C); models trained on every set but k, with those choices, correct the tagger's
polarity on k. Sets 6, 7 and 8 are pooled per language and compared with the tagger's polarity
on the same mentions (main's rules were never tuned on 6/7/8 and its theme layer never trained
on them, so its polarity there behaves as on new text). Theme P/R are unchanged by
construction (only polarities of found themes change).

Ship rule (the brief's): pooled polarity accuracy +0.02 or more in each language. Design B is
shipped if it meets the rule (it adds no reliance on the score, which an earlier polarity model
leaned on: a promoter's complaint read as praise makes every praise/complaint comparison by
segment circular); else A if it meets it. Both are reported with how many of their changes
move a polarity towards the respondent's segment (a detractor's to negative, a promoter's to
positive) and how many of those were right.

Result of A and B (the first run of these designs; the code was refactored after it without
changing a mention, same counts per set and language): design A meets the rule, B misses it in
English by a fraction of a mention, so by the rule above A would ship (but see G below).
Pooled over sets 6, 7 and 8, the tagger's polarity -> corrected (mentions changed, of them
right, of them right before):
A en 0.831 -> 0.877 (+0.047; 63 changed, 50 right, 10 were right), ja 0.851 -> 0.899 (+0.047;
60, 47, 8); B en 0.831 -> 0.851 (+0.0198; 26, 19, 2), ja 0.851 -> 0.884 (+0.033; 43, 33, 6).
Per set, A: 6 en 0.815 -> 0.871, ja 0.863 -> 0.913; 7 en 0.857 -> 0.890, ja 0.848 -> 0.876;
8 en 0.819 -> 0.870, ja 0.845 -> 0.908. B: 6 en 0.815 -> 0.829, ja 0.863 -> 0.897; 7 en
0.857 -> 0.877, ja 0.848 -> 0.869; 8 en 0.819 -> 0.844, ja 0.845 -> 0.887. Chosen on j: A k=6
en C=4 t=0.40, ja C=16 t=0.50; k=7 en C=0.25 t=0.35, ja C=1 t=0.50; k=8 en C=0.25 t=0.50, ja
C=4 t=0.50 (B: k=6 en 0.25/0.50, ja 16/0.50; k=7 en 0.25/0.35, ja 16/0.45; k=8 en 4/0.50, ja
4/0.45).

How A leans on the score: 53 of its 63 English changes (42 right) and 40 of 60 Japanese (33
right) move a polarity towards the respondent's segment; most turn a ``mixed`` into a
detractor's negative or a promoter's positive (en 12 and 18, ja 14 and 22) or a promoter's
negative into positive (en 17, 10 right; ja 6, 4 right); a detractor's positive became negative
10 times in English (all right). Of the promoters' mentions labelled negative, the tagger had
34 of 39 right in English and A 28 (ja 21 and 20 of 22); of the detractors' labelled positive,
36 and 36 of 44 (ja 38 and 39 of 47). The share of detractors' mentions read negative goes
en 0.782 -> 0.828 (labels 0.839), ja 0.772 -> 0.795 (0.827); promoters' read positive en
0.740 -> 0.853 (labels 0.836), ja 0.756 -> 0.873 (0.855): A brings the segment shares close to
the labels', slightly past them for promoters.

Design G (added after that result, declared here before it was run): A's model with a guard,
the correction never replaces a positive by a negative or a negative by a positive (when its
most probable class is so barred, the tagger's polarity stays); t and C chosen on j with the
guard. Why: trained, A read a promoter's 「送料が高い」 (and the price of
「配送は早かったけど、送料が高い」) as praise. That breaks what the rules promise and
``tests/test_sentiment.py`` checks (a word of judgement decides alone: a promoter's complaint
stays a complaint, a detractor's praise stays praise), and it is the failure for which an
earlier polarity model was not shipped. The same ship rule applies; G ships if it meets it
(B first, then G, then A).

Result of G (its first and only run): the rule is met, G ships. Pooled, the tagger -> G: en
0.831 -> 0.865 (+0.034; 41 changed, 34 right, 5 were right), ja 0.851 -> 0.891 (+0.040; 52,
40, 7). Per set: 6 en 0.815 -> 0.853, ja 0.863 -> 0.897; 7 en 0.857 -> 0.877, ja 0.848 ->
0.872; 8 en 0.819 -> 0.863, ja 0.845 -> 0.905. Chosen on j: k=6 en C=1 t=0.45, ja C=16
t=0.50; k=7 en C=0.25 t=0.35, ja C=1 t=0.50; k=8 en C=0.25 t=0.30, ja C=4 t=0.50. Its changes
are mostly a ``mixed`` made a detractor's negative or a promoter's positive (en 13 and 17, ja
12 and 22) and a ``neutral`` made positive (en 6, ja 7). Of the promoters' mentions labelled
negative the tagger had 34 of 39 right in English and G 35 (ja 21 and 21 of 22); of the
detractors' labelled positive, 36 and 36 of 44 (ja 38 and 38 of 47). The share of detractors'
mentions read negative goes en 0.782 -> 0.812 (labels 0.839), ja 0.772 -> 0.793 (0.827);
promoters' read positive en 0.740 -> 0.801 (0.836), ja 0.756 -> 0.851 (0.855).

Round 3 (issue 11; written before training set 11 was read). Design G, unchanged; training
sets 11, 12 and 13 (``theme_train{11,12,13}_{en,ja}.csv``, ``--train``) are training data
only, never held out and never chosen on. The estimate is the one above (k in 6, 7, 8 held out,
choices on j), over the mentions of main's tagger when round 3 began (``TAGGER3``, 4d59c45:
rules + round 2 of the theme layer, which is trained on sets 6-8; the script stops if the theme
layer resource is another), with design G trained with training sets 9 and 10 (``--later``,
round 2's data) and with the round-3 sets too (``--later --train ...``), each saved
(``--save``) and compared on the same mentions (``--compare WITHOUT WITH``). Rule (fixed before
the data): the pooled right mentions of sets 6-8 do not fall in either language. The shipped
model's C and t are chosen again by ``benchmarks/train_polarity_model.py``'s own procedure,
over the tagger it ships with.
Without the new sets (59 s wall on 2 shared cores): the tagger -> G pooled en 871 -> 896 of
1,063 right (0.819 -> 0.843), ja 851 -> 888 of 1,010 (0.843 -> 0.879).

Set 11 alone (it landed first; 214 s wall): en 896 -> 898 right, ja 888 -> 887: the rule is not
met. Declared after that result and before sets 12 and 13 were read, on the lead's word that
the grid may grow where the best C is at its edge: round 3's procedure grows the C grid (x 4, up
to 4,096) while its top C is the most right (``choose_edge``, ``--edge``; the training script
does so by default, ``--fixed-grid`` not), and the estimate and rule above are made for it with
sets 11, 12 and 13 (``--later --train 11 12 13 --edge``) against round 2 as shipped (``--later``).
Sets 14 and 15 landed before that estimate ran: it is made with sets 11-15.

Design GP (declared by the lead before it was measured, after review10 found that G turns a
passive's mention the rules read as neutral, with no word of judgement, into praise even where
it is a complaint: 「コールセンターに何度かけても話し中でした。」, "Answer the phone!"): G, and a
passive's neutral never becomes positive (``corrected(passives=)``; C and t chosen with it).
Estimated beside G with the same procedure and data; GP ships if its pooled right mentions are
no more than 0.5 % of the mentions below G's in each language (a complaint read as praise
misleads the strategies; a missed praise only loses a signal), else G.

Result of round 3 (sets 11-15, the grid grown at its edge, code of main 9f890b8, whose fix
3c16664 changes inference only: the held-out mentions are the same, checked by ``compare``),
pooled right mentions of sets 6-8: round 2 as shipped en 896 of 1,063, ja 888 of 1,010; G
with sets 11-15 en 902 (+6), ja 888 (0): the rule is met; GP en 907 (+5 over G), ja 881 (7 below
G, more than 0.5 % of 1,010): GP fails its rule, G ships. Per set, G: 6 en 290 -> 293, ja
283 -> 281; 7 304 -> 305, 307 -> 308; 8 302 -> 304, 298 -> 299. Chosen on j (G): k=6 en C=256
t=0.85, ja C=16 t=0.50; k=7 en 0.25/0.45, ja 0.25/0.45; k=8 en 4/0.50, ja 0.25/0.55.

Run: ``pip install -e '.[eval]'``, then ``PYTHONPATH=. python benchmarks/polarity_layer_eval.py
[--design G] [--later] [--train 11 12 13] [--edge] [--save CSV]``, or
``--compare WITHOUT.csv WITH.csv``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from labelled_sets import MAX_C, ROUND3, training  # noqa: E402
from labelled_sets import TRAIN_9_10 as LATER  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from nps_kit.score import segment  # noqa: E402
from nps_kit.text._correction import _mention_cues, _span_cues, _theme_clauses  # noqa: E402
from nps_kit.text._lemma import lemma_text  # noqa: E402
from nps_kit.text._match import matcher  # noqa: E402
from nps_kit.text._polarity_layer import SPAN_CUES, span_columns  # noqa: E402
from nps_kit.text.evaluation import parse_labels  # noqa: E402
from nps_kit.text.packs import load_pack as _load_pack  # noqa: E402
from nps_kit.text.sentiment import POLARITIES, _tag_polarity  # noqa: E402
from nps_kit.text.tokens import normalise_one  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = {
    "1": "theme_eval_blind.csv",
    "2": "theme_eval_blind2.csv",
    "3": "theme_eval_blind3.csv",
    "4": "theme_eval_blind4.csv",
    "5": "theme_eval_blind5.csv",
    "t5en": "theme_train5_en.csv",
    "t5ja": "theme_train5_ja.csv",
    "6": "theme_eval_blind6.csv",
    "7": "theme_eval_blind7.csv",
    "8": "theme_eval_blind8.csv",
}
TAGGER3 = "4d59c45"  # main when round 3 began: its tagger's mentions are round 3's estimate's
HELD = ("6", "7", "8")
NEXT = {"6": "7", "7": "8", "8": "6"}
LANGS = ("en", "ja")
SEGMENTS = ("detractor", "passive", "promoter")
C_GRID = (0.25, 1.0, 4.0, 16.0)
T_GRID = tuple(np.round(np.arange(0.30, 0.951, 0.05), 2))
DESIGNS = ("A", "B", "G", "GP")
_PACKS: dict = {}


def load_pack(name: str):
    """The pack, loaded once."""
    if name not in _PACKS:
        _PACKS[name] = _load_pack(name)
    return _PACKS[name]


def mention_frame(
    texts: pd.Series, book, segments: pd.Series, *, shipped: bool = False
) -> pd.DataFrame:
    """Every mention the tagger reports in ``texts`` (index 0…n-1), with what the model reads.

    With ``shipped``, also the polarity the package's own correction gives it (``shipped``).
    """
    themes = matcher(book.themes)
    # The tagger's polarity before the correction (it is what the model corrects).
    tags = _tag_polarity(texts, book, segments=segments, learned=True, correct=False)
    after = (
        _tag_polarity(texts, book, segments=segments, learned=True, correct=True)
        if shipped
        else None
    )
    rows = []
    for position, text in enumerate(texts):
        norm = normalise_one(str(text))
        found = themes.find(norm)
        places = _theme_clauses(norm, themes)
        spans = _span_cues(norm, themes)
        for theme, polarity in tags.iloc[position].items():
            if pd.isna(polarity):
                continue
            i = book.ids.index(theme)
            clause = places.get(i, norm)
            rows.append(
                {
                    "position": position, "theme": theme, "rule": str(polarity),
                    "added": i not in found, "segment": segments.iloc[position],
                    "clause": clause, "cues": _mention_cues(clause, norm, themes),
                    "span": spans.get(i, (0.0,) * SPAN_CUES),
                }
            )  # fmt: skip
            if after is not None:
                rows[-1]["shipped"] = str(after.iloc[position][theme])
    return pd.DataFrame(rows)


def mentions(name: str, file: str, *, shipped: bool = False) -> pd.DataFrame:
    """Every mention the tagger finds whose truth has the theme, with what the model reads.

    With ``shipped``, also the polarity the package's correction gives it (``shipped``).
    """
    frame = pd.read_csv(DATA / file, keep_default_na=False, dtype=str)
    parts = []
    for pack, group in frame.groupby("pack", sort=False):
        book = load_pack(str(pack))
        texts = group["text"].astype("string").reset_index(drop=True)
        segments = segment(pd.to_numeric(group["score"], errors="coerce").reset_index(drop=True))
        found = mention_frame(texts, book, segments, shipped=shipped)
        rows = group.reset_index(drop=True).iloc[found["position"]].reset_index(drop=True)
        gold = [parse_labels(v).get(t) for v, t in zip(rows["labels"], found["theme"], strict=True)]
        found = found.assign(set=name, id=rows["id"], lang=rows["lang"], pack=pack, gold=gold)
        parts.append(found[found["gold"].notna()])
    columns = ["set", "id", "lang", "pack", "theme", "gold", "rule", "added", "segment"]
    return pd.concat(parts, ignore_index=True)[
        [*columns, "clause", "cues", "span", *(["shipped"] if shipped else [])]
    ]


def read_all(sets: dict[str, str] | None = None) -> pd.DataFrame:
    """The mentions of every set with polarities (``SETS`` unless ``sets`` are named)."""
    named = SETS if sets is None else sets
    return pd.concat([mentions(n, f) for n, f in named.items()], ignore_index=True)


def documents(frame: pd.DataFrame, lang: str) -> list[str]:
    """The clause text the vectoriser reads: lemmas for English."""
    if lang == "ja":
        return list(frame["clause"])
    return [lemma_text(t) for t in frame["clause"]]


class Features:
    """Features of one language's mentions (see the module description)."""

    def __init__(self, lang: str, design: str, train: pd.DataFrame) -> None:
        self.lang, self.design = lang, design
        if lang == "ja":
            self.text = TfidfVectorizer(
                analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2
            )
        else:
            self.text = TfidfVectorizer(
                token_pattern=r"[a-z0-9]+", ngram_range=(1, 2), sublinear_tf=True, min_df=2
            )
        self.text.fit(documents(train, lang))
        self.themes = sorted(set(train["theme"]))

    def dense(self, frame: pd.DataFrame) -> np.ndarray:
        """The one-hot and cue columns."""
        rule = np.array([[r == p for p in POLARITIES] for r in frame["rule"]], dtype=float)
        parts = [
            rule,
            frame[["added"]].to_numpy(dtype=float),
            np.array(list(frame["cues"]), dtype=float).reshape(len(frame), -1),
            np.array([[t == u for u in self.themes] for t in frame["theme"]], dtype=float),
        ]
        if self.design in ("A", "G", "GP", "GS"):
            seg = np.array([[s == q for q in SEGMENTS] for s in frame["segment"]], dtype=float)
            parts.append(seg)
            parts.append((rule[:, :, None] * seg[:, None, :]).reshape(len(frame), -1))
        if self.design == "GS":  # G and the span (the correction's designs D1 and D2)
            index = np.where(seg.any(axis=1), seg.argmax(axis=1), -1)
            span = np.array(list(frame["span"]), dtype=float).reshape(len(frame), SPAN_CUES)
            parts.append(span_columns(parts[2], span, index))
        return np.hstack(parts)

    def __call__(self, frame: pd.DataFrame) -> sparse.csr_matrix:
        """Return the feature matrix of ``frame``'s mentions."""
        text = self.text.transform(documents(frame, self.lang))
        return sparse.hstack([text, sparse.csr_matrix(self.dense(frame))], format="csr")


def fit_predict(
    train: pd.DataFrame, test: pd.DataFrame, lang: str, design: str, c: float
) -> np.ndarray:
    """Probabilities (test mentions, POLARITIES) of a model trained on ``train``."""
    tr, te = train[train["lang"] == lang], test[test["lang"] == lang]
    features = Features(lang, design, tr)
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(features(tr), tr["gold"])
    prob = model.predict_proba(features(te))
    out = np.zeros((len(te), len(POLARITIES)))
    for k, label in enumerate(model.classes_):
        out[:, POLARITIES.index(label)] = prob[:, k]
    return out


def corrected(
    rule: pd.Series,
    prob: np.ndarray,
    t: float,
    *,
    guard: bool = False,
    passives: pd.Series | None = None,
) -> np.ndarray:
    """The tagger's polarity, replaced where another class is most probable with p >= t.

    With ``guard`` (design G), never a positive by a negative or a negative by a positive. With
    the mentions' segments as ``passives`` (design GP), a passive's neutral never by a positive.
    """
    best = prob.argmax(axis=1)
    top = np.array(POLARITIES, dtype=object)[best]
    was = rule.to_numpy(dtype=object)
    take = (top != was) & (prob.max(axis=1) >= t)
    if guard:
        flip = ((was == "positive") & (top == "negative")) | (
            (was == "negative") & (top == "positive")
        )
        take &= ~flip
    if passives is not None:
        passive = passives.to_numpy(dtype=object) == "passive"
        take &= ~(passive & (was == "neutral") & (top == "positive"))
    return np.where(take, top, was)


def choose(
    table: pd.DataFrame,
    probs: dict[float, np.ndarray],
    *,
    guard: bool = False,
    passive: bool = False,
) -> tuple[float, float, int]:
    """(C, t, right) with the most right on these mentions; ties: larger t, smaller C."""
    gold = table["gold"].to_numpy(dtype=object)
    best = (-1, 0.0, 0.0)
    for c in sorted(probs):
        for t in sorted(T_GRID, reverse=True):
            ours = corrected(
                table["rule"],
                probs[c],
                t,
                guard=guard,
                passives=table["segment"] if passive else None,
            )
            right = int((ours == gold).sum())
            if right > best[0]:
                best = (right, c, t)
    return best[1], best[2], best[0]


def choose_edge(
    table: pd.DataFrame,
    probs_for,
    *,
    guard: bool = False,
    edge: bool = False,
    passive: bool = False,
) -> tuple[float, float, int]:
    """``choose`` over ``C_GRID``; with ``edge``, while its top C is best, 4 times it too.

    ``probs_for(c)`` gives the probabilities of ``table``'s mentions under C = ``c``.
    """
    probs = {c: probs_for(c) for c in C_GRID}
    while True:
        c, t, right = choose(table, probs, guard=guard, passive=passive)
        top = max(probs)
        if not edge or c != top or top * 4 > MAX_C:
            return c, t, right
        probs[top * 4] = probs_for(top * 4)


def run(data: pd.DataFrame, design: str, *, edge: bool = False) -> pd.DataFrame:
    """The held-out corrections of one design on sets 6, 7 and 8 (``edge``: see choose_edge)."""
    held = []
    for k in HELD:
        j = NEXT[k]
        for lang in LANGS:
            sel_train = data[~data["set"].isin([j, k])]
            sel = data[(data["set"] == j) & (data["lang"] == lang)]
            c, t, right = choose_edge(
                sel,
                lambda c, tr=sel_train, te=sel, lang=lang: fit_predict(tr, te, lang, design, c),
                guard=design in ("G", "GP"),
                edge=edge,
                passive=design == "GP",
            )
            base = int((sel["rule"] == sel["gold"]).sum())
            print(
                f"  {design} k={k} {lang}: on {j} C={c} t={t} right {right} (tagger {base}) "
                f"of {len(sel)}",
                file=sys.stderr,
            )
            test = data[(data["set"] == k) & (data["lang"] == lang)]
            prob = fit_predict(data[data["set"] != k], test, lang, design, c)
            ours = corrected(
                test["rule"],
                prob,
                t,
                guard=design in ("G", "GP"),
                passives=test["segment"] if design == "GP" else None,
            )
            held.append(test.assign(ours=ours, design=design, C=c, t=t))
    return pd.concat(held, ignore_index=True)


def report(held: pd.DataFrame) -> pd.DataFrame:
    """Tagger vs corrected polarity accuracy per set and pooled, per language."""
    rows = []
    groups = [(f"set {k}", lang, g) for (k, lang), g in held.groupby(["set", "lang"])]
    groups += [("pooled", lang, g) for lang, g in held.groupby("lang")]
    for where, lang, g in groups:
        changed = g["ours"] != g["rule"]
        toward = changed & (
            ((g["segment"] == "detractor") & (g["ours"] == "negative"))
            | ((g["segment"] == "promoter") & (g["ours"] == "positive"))
        )
        base = float((g["rule"] == g["gold"]).mean())
        ours = float((g["ours"] == g["gold"]).mean())
        rows.append(
            {
                "design": g["design"].iloc[0], "where": where, "lang": lang, "n": len(g),
                "tagger": base, "corrected": ours, "gain": ours - base,
                "changed": int(changed.sum()),
                "changed_right": int((changed & (g["ours"] == g["gold"])).sum()),
                "changed_was_right": int((changed & (g["rule"] == g["gold"])).sum()),
                "toward_segment": int(toward.sum()),
                "toward_right": int((toward & (g["ours"] == g["gold"])).sum()),
            }
        )  # fmt: skip
    return pd.DataFrame(rows)


def verdict(table: pd.DataFrame) -> str:
    """Apply the ship rule per design (pooled gain >= 0.02 in each language)."""
    pooled = table[table["where"] == "pooled"]
    met = {d: bool((g["gain"] >= 0.02).all()) for d, g in pooled.groupby("design")}
    ship = next((d for d in ("B", "G", "A") if met.get(d)), "none")
    return f"rule met: {met}; ship: {ship} (B, else G, else A)"


def compare(without: pd.DataFrame, with_: pd.DataFrame) -> pd.DataFrame:
    """Round 3: right mentions of sets 6-8, design G trained without set 11 and with it."""
    same = ["set", "id", "lang", "theme", "gold", "rule"]
    assert without[same].equals(with_[same]), "not the same held-out mentions"
    rows = []
    keys = [(f"set {k}", lang) for k, lang in without.groupby(["set", "lang"]).groups]
    keys += [("pooled", lang) for lang in LANGS]
    for where, lang in keys:
        sel = (without["lang"] == lang) & (
            True if where == "pooled" else without["set"] == where.split()[1]
        )
        gold = without.loc[sel, "gold"]
        rows.append(
            {
                "where": where, "lang": lang, "n": int(sel.sum()),
                "tagger": int((without.loc[sel, "rule"] == gold).sum()),
                "without": int((without.loc[sel, "ours"] == gold).sum()),
                "with": int((with_.loc[sel, "ours"] == gold).sum()),
            }
        )  # fmt: skip
    table = pd.DataFrame(rows)
    return table.assign(gain=table["with"] - table["without"])


def verdict3(table: pd.DataFrame) -> str:
    """Round 3's rule for the polarity correction: pooled right mentions do not fall."""
    pooled = table[table["where"] == "pooled"]
    return f"round 3 ship (polarity): {'yes' if (pooled['gain'] >= 0).all() else 'no'}"


def same_tagger() -> None:
    """Stop unless the theme layer is the one of ``TAGGER3`` (round 3's mentions are its)."""
    path = "nps_kit/resources/theme_layer.npz"
    then = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{TAGGER3}:{path}"], capture_output=True, check=True
    ).stdout
    if (ROOT / path).read_bytes() != then:
        raise SystemExit(f"round 3's estimate reads the tagger of {TAGGER3}: restore its {path}")


def main(argv: list[str] | None = None) -> int:
    """Print the choices, the held-out table and the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--design", choices=DESIGNS, action="append")
    parser.add_argument("--save", type=Path, help="write the held-out mentions to this CSV")
    parser.add_argument("--later", action="store_true", help="train on sets 9 and 10 too")
    parser.add_argument(
        "--train", nargs="+", default=[], choices=list(ROUND3), help="round 3's training sets too"
    )
    parser.add_argument("--edge", action="store_true", help="grow the C grid at its top edge")
    parser.add_argument(
        "--compare",
        nargs=2,
        type=Path,
        metavar=("WITHOUT", "WITH"),
        help="two saved held-out CSVs of design G: round 3's comparison and rule",
    )
    args = parser.parse_args(argv)
    pd.set_option("display.width", 250)
    if args.compare:
        read = [pd.read_csv(p, keep_default_na=False, dtype=str) for p in args.compare]
        table = compare(*read)
        print(table.to_string(index=False))
        print(verdict3(table))
        return 0
    if args.later or args.train:
        same_tagger()
    sets = {**SETS, **(LATER if args.later else {}), **training(args.train)}
    data = read_all(sets)
    counts = data.groupby(["lang", "set"]).size().unstack(0)
    print(counts.to_string(), file=sys.stderr)
    held = [run(data, d, edge=args.edge) for d in args.design or DESIGNS]
    if args.save:
        pd.concat(held, ignore_index=True).to_csv(args.save, index=False)
    table = pd.concat([report(h) for h in held], ignore_index=True)
    print(table.to_string(float_format=lambda v: f"{v:.3f}", index=False))
    print(verdict(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
