"""POL36: English polarity errors on correctly found themes of three spent sets, and three levers.

Reads only spent sets with the shipped tagger: blind set 33 (its English rows) and decision sets
34 and 36 (their English files). No other set is named here, and nothing is fitted.

``--mentions OUT.csv``: every correctly found English mention (gold theme the tagger also
tags) with set, id, score, theme, gold, shipped reading, reading before the learned
correction, rules alone, ``explain_themes``' source (``rule``: the dictionaries' words;
``layer``: added by the learned layer), every clause's reading (as the rules read it), the
clauses the theme is placed in (the dictionaries' offsets for a rule mention; for a
layer-added one, the clause the layer finds it most probable in) and their readings.
``--errors OUT.csv``: the rows of the mentions whose shipped reading is not the gold one, with
an empty ``class`` column filled by eye (``--keep-classes OLD.csv`` carries the classes of an
earlier file over by set, id and theme).
``--report``: confusion matrices (per set and pooled, by source), class counts and the
levers' counts (:func:`levers`: a mixed, b neutral, c the score for layer-added mentions, d the
score against the reading), from the two CSVs, as Markdown on stdout. ``--replicate OUT.csv``:
the same mentions and lever counts on the other spent English sets neither learned part was
trained on (:data:`REPLICATION`), per set and pooled. Pure counting: no model is fitted and
``nps_kit`` is read at the worktree's head, unchanged.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

from nps_kit.score import segment
from nps_kit.text import explain_themes
from nps_kit.text._clause_rules import _clauses
from nps_kit.text._layer import probabilities
from nps_kit.text._match import ThemeMatcher, matcher
from nps_kit.text.evaluation import parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import _clause_themes, _read_clauses, _tag_polarity
from nps_kit.text.tokens import _normalised_codes

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"

#: The spent sets read here (English rows only).
SETS = {
    "blind33": "theme_eval_blind33.csv",
    "train34": "theme_train34_en.csv",
    "train36": "theme_train36_en.csv",
}
#: A replication of the levers' counts on the other spent English sets that neither shipped English
#: learned part was trained on (layer round 13: training 9-29, blind 9-13 and 15-26; correction
#: round 6: older still): ``--replicate OUT.csv`` writes their mentions.
REPLICATION = {
    "blind27": "theme_eval_blind27.csv",
    "blind28": "theme_eval_blind28.csv",
    "blind29": "theme_eval_blind29.csv",
    "blind30": "theme_eval_blind30.csv",
    "train30": "theme_train30_en.csv",
    "train31": "theme_train31_en.csv",
    "train32": "theme_train32_en.csv",
}
POLS = ("positive", "negative", "mixed", "neutral")
SHORT = {"positive": "pos", "negative": "neg", "mixed": "mix", "neutral": "neu"}


def _placed(
    norm: str, j: int, theme: str, source: str, book_matcher: ThemeMatcher, pack: str
) -> tuple[list[int], list[int]]:
    """Return the clauses (indices) the theme is said in, and its span.

    A rule mention is in the clauses its words start in (``_clause_themes``, as the tagger
    places it); a layer-added one in the clause the layer finds it most probable in (as
    ``_added`` places one). The span adds the clauses after each up to the next that names a
    theme.
    """
    clauses = _clauses(norm)
    if len(clauses) < 2:
        return list(range(len(clauses))), list(range(len(clauses)))
    named = _clause_themes(book_matcher.find(norm), clauses, book_matcher)
    if source == "rule":
        placed = [k for k, here in enumerate(named) if j in here]
    else:
        ids, prob = probabilities([c.text for c in clauses], "en", pack)
        placed = [int(prob[:, list(ids).index(theme)].argmax())]
    span = set(placed)
    for k in placed:  # the clauses after it up to the next that names a theme
        for n in range(k + 1, len(clauses)):
            if named[n]:
                break
            span.add(n)
    return placed, sorted(span)


def mentions(sets: dict[str, str] = SETS) -> pd.DataFrame:
    """Every correctly found English mention of ``sets``, with its readings."""
    rows = []
    for name, file in sets.items():
        frame = pd.read_csv(DATA / file, keep_default_na=False, dtype=str)
        frame = frame[frame["lang"] == "en"]
        for pack_name, g in frame.groupby("pack", sort=False):
            book = load_pack(str(pack_name))
            ids = [t.id for t in book.themes]
            book_matcher = matcher(book.themes)
            g = g.reset_index(drop=True)
            texts = g["text"].astype("string")
            seg = segment(pd.to_numeric(g["score"], errors="coerce"))
            shipped = _tag_polarity(texts, book, segments=seg, learned=True, correct=True)
            before = _tag_polarity(texts, book, segments=seg, learned=True, correct=False)
            alone = _tag_polarity(texts, book, segments=seg, learned=False, correct=False)
            why = explain_themes(texts, book)
            codes, unique = _normalised_codes(texts)
            for i, row in g.iterrows():
                norm = unique[int(codes[i])]
                clauses = _clauses(norm)
                reads = _read_clauses(norm, book_matcher, asks="reason") if clauses else []
                for theme, gold in parse_labels(row["labels"]).items():
                    got = shipped.at[i, theme]
                    if pd.isna(got):
                        continue
                    w = why[(why["row"] == i) & (why["theme"] == theme)]
                    source = "layer" if str(w["source"].iloc[0]) == "layer" else "rule"
                    placed, span = _placed(
                        norm, ids.index(theme), theme, source, book_matcher, pack_name
                    )
                    a = alone.at[i, theme]
                    rows.append(
                        {
                            "set": name,
                            "id": row["id"],
                            "pack": pack_name,
                            "score": row["score"],
                            "theme": theme,
                            "gold": gold,
                            "shipped": got,
                            "before_correction": before.at[i, theme],
                            "rules_alone": "" if pd.isna(a) else a,
                            "source": source,
                            "words": "" if w.empty else str(w["words"].iloc[0]),
                            "theme_clauses": " | ".join(
                                f"{clauses[k].text}={SHORT[reads[k]]}" for k in placed
                            ),
                            "theme_reads": ";".join(sorted({reads[k] for k in placed})),
                            "span_reads": ";".join(sorted({reads[k] for k in span})),
                            "comment_reads": ";".join(sorted(set(reads))),
                            "text": row["text"],
                            "clauses": " | ".join(
                                f"{c.text}={SHORT[p]}" for c, p in zip(clauses, reads, strict=True)
                            ),
                        }
                    )
        print(name, flush=True)
    return pd.DataFrame(rows)


def _matrix(m: pd.DataFrame) -> str:
    """gold x predicted counts as a Markdown table, with per-gold-row accuracy."""
    t = pd.crosstab(m["gold"], m["shipped"]).reindex(index=POLS, columns=POLS, fill_value=0)
    lines = [
        "| gold \\ read | pos | neg | mix | neu | n | right |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for p in POLS:
        n = int(t.loc[p].sum())
        right = int(t.at[p, p])
        acc = f"{right / n:.2f}" if n else "–"
        lines.append(f"| {p} | " + " | ".join(str(int(v)) for v in t.loc[p]) + f" | {n} | {acc} |")
    n = len(m)
    ok = int((m["gold"] == m["shipped"]).sum())
    lines.append(f"| **all** | | | | | {n} | {ok}/{n} = {ok / n:.3f} |")
    return "\n".join(lines)


def _md(t: pd.DataFrame) -> str:
    """A frame of counts as a Markdown table (no ``tabulate`` in the venv)."""
    head = "| " + " | ".join([str(t.index.name or ""), *map(str, t.columns)]) + " |"
    rule = "|---|" + "---:|" * len(t.columns)
    body = [
        "| " + " | ".join([str(i), *(str(int(v)) for v in row)]) + " |" for i, row in t.iterrows()
    ]
    return "\n".join([head, rule, *body])


def _reads(cell: str) -> set[str]:
    return set(cell.split(";")) if cell else set()


def levers(m: pd.DataFrame) -> dict[str, tuple[int, int, int]]:
    """Each lever: (errors its perfect version fixes, errors it touches, right mentions it breaks).

    A lever is a condition and the reading it would give. "Perfect fixes": errors under the
    condition whose gold is that reading (what a version that acted only where it is right would
    fix); "breaks": mentions read right now, under the condition, whose gold is another reading
    (what the plain rule would cost).
    """
    wrong = m["gold"] != m["shipped"]
    theme = m["theme_reads"].map(_reads)
    span = m["span_reads"].map(_reads)
    comment = m["comment_reads"].map(_reads)
    score = pd.to_numeric(m["score"], errors="coerce")
    out: dict[str, tuple[int, int, int]] = {}

    def both(s: set[str]) -> bool:
        return "mixed" in s or {"positive", "negative"} <= s

    def count(name: str, cond: pd.Series, new: pd.Series) -> None:
        fixes = int((cond & wrong & (m["gold"] == new)).sum())
        breaks = int((cond & ~wrong & (m["gold"] != new)).sum())
        out[name] = (fixes, int((cond & wrong).sum()), breaks)

    mixed = pd.Series("mixed", index=m.index)
    count("a1: mixed where the theme's own clauses disagree", theme.map(both), mixed)
    count(
        "a2: mixed where its span disagrees (its clauses + unthemed ones after)",
        span.map(both),
        mixed,
    )
    count(
        "a3: mixed where any clauses of the comment disagree (upper bound)",
        comment.map(both),
        mixed,
    )
    neutral = pd.Series("neutral", index=m.index)
    no_cue = theme.map(lambda s: s <= {"neutral"})
    count("b1: neutral where the theme's clauses judge nothing", no_cue, neutral)
    count("b2: b1, rule mentions only", no_cue & (m["source"] == "rule"), neutral)
    count(
        "b3: neutral where its span judges nothing", span.map(lambda s: s <= {"neutral"}), neutral
    )
    layer = m["source"] == "layer"
    prior = pd.Series(
        np.where(score <= 6, "negative", np.where(score >= 9, "positive", "neutral")), index=m.index
    )
    prior78 = prior.where(score <= 6, "positive")
    count(
        "c1: layer-added, no cue in its clause: 0-6 neg, 7-8 neu, 9-10 pos", layer & no_cue, prior
    )
    count("c2: c1, 0-6 -> neg only", layer & no_cue & (score <= 6), prior)
    count("c3: c1, 9-10 -> pos only", layer & no_cue & (score >= 9), prior)
    count("c4: every layer-added mention: 0-6 neg, 7-10 pos", layer, prior78)
    count(
        "c5: every layer-added mention: 0-6 neg, 9-10 pos (7-8 kept)",
        layer & ((score <= 6) | (score >= 9)),
        prior,
    )
    count("c6: every layer-added mention of a 0-6: neg", layer & (score <= 6), prior)
    count("c7: every layer-added mention: 0-6 neg, 7-8 neu, 9-10 pos ('score' rule)", layer, prior)
    contra = ((m["shipped"] == "positive") & (score <= 6)) | (
        (m["shipped"] == "negative") & (score >= 9)
    )
    count(
        "d1: rule mentions read against the score (pos from 0-6, neg from 9-10) -> the score's",
        contra & ~layer,
        prior,
    )
    count(
        "d2: d1 for every mention (the correction's guard lifted where the score disagrees)",
        contra,
        prior,
    )
    return out


def report(m: pd.DataFrame, e: pd.DataFrame) -> str:
    parts = []
    for name in [*SETS, "pooled"]:
        part = m if name == "pooled" else m[m["set"] == name]
        for source in ("all", "rule", "layer"):
            s = part if source == "all" else part[part["source"] == source]
            parts.append(f"#### {name}, {source} mentions\n{_matrix(s)}\n")
    if "class" in e and (e["class"] != "").any():
        t = pd.crosstab(e["class"], e["source"], margins=True, margins_name="all")
        t = t.sort_values("all", ascending=False)
        parts.append("#### classes x source\n" + _md(t) + "\n")
        s = pd.crosstab(e["class"], e["set"]).reindex(t.index.drop("all"))
        parts.append("#### classes x set\n" + _md(s) + "\n")
        g = pd.crosstab(e["class"], e["gold"]).reindex(t.index.drop("all"))
        parts.append("#### classes x gold\n" + _md(g) + "\n")
    lines = [
        "| lever | perfect fixes | errors touched | right ones broken |",
        "|---|---:|---:|---:|",
    ]
    for name, (fix, touch, brk) in levers(m).items():
        lines.append(f"| {name} | {fix} | {touch} | {brk} |")
    parts.append("#### levers (pooled)\n" + "\n".join(lines) + "\n")
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentions", type=Path, required=True)
    parser.add_argument("--errors", type=Path, required=True)
    parser.add_argument("--write", action="store_true", help="read the sets and write both CSVs")
    parser.add_argument("--keep-classes", type=Path)
    parser.add_argument("--report", action="store_true")
    parser.add_argument("--replicate", type=Path, help="write the replication sets' mentions")
    args = parser.parse_args()
    if args.replicate:
        r = mentions(REPLICATION)
        r.to_csv(args.replicate, index=False)
        print(_matrix(r))
        for name, (fix, touch, brk) in levers(r).items():
            print(f"| {name} | {fix} | {touch} | {brk} |")
        for name, g in r.groupby("set", sort=False):
            ok = int((g["gold"] == g["shipped"]).sum())
            row = {k[:2]: f"+{v[0]}-{v[2]}" for k, v in levers(g).items()}
            print(name, len(g), ok, row)
    if args.write:
        m = mentions()
        m.to_csv(args.mentions, index=False)
        e = m[m["gold"] != m["shipped"]].copy()
        e.insert(5, "class", "")
        e.insert(6, "note", "")
        if args.keep_classes:
            old = pd.read_csv(args.keep_classes, keep_default_na=False, dtype=str)
            old = old.set_index(["set", "id", "theme"])[["class", "note"]]
            key = pd.MultiIndex.from_frame(e[["set", "id", "theme"]])
            e["class"] = old["class"].reindex(key).fillna("").to_numpy()
            e["note"] = old["note"].reindex(key).fillna("").to_numpy()
        e.to_csv(args.errors, index=False)
    if args.report:
        m = pd.read_csv(args.mentions, keep_default_na=False, dtype=str)
        e = pd.read_csv(args.errors, keep_default_na=False, dtype=str)
        print(report(m, e))


if __name__ == "__main__":
    main()
