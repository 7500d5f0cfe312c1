"""POL39E: every English mention whose praise or complaint the learned correction D2 flipped.

PREREG39, English round 20. Reads every readable labelled English set in ``tests/data`` (each
``theme_*`` file with a ``lang`` column and English rows) with the tagger of this worktree.
Blind set 39 (``theme_eval_blind39.csv``, unread) is excluded by name before any file is
listed as read, and so is set 41 (``theme_train41_*``, the round's estimate, read only as whole
figures by ``bench_text.py --eval``); the ``*_second`` relabellings have no ``lang`` column and
``theme_eval.csv`` no ``pack`` nor scores (so no correction): both are left out.

A *flip* is a mention whose source is ``correction`` (``sentiment.polarity_sources``) and whose
reading before the correction (``_tag_polarity(correct=False)``: the rules, the layer's rule and
the score, as the correction receives them) is praise where the shipped is a complaint, or the
reverse. Each is counted right or wrong against the gold label where the theme is labelled.

Which sets D2 was fitted on (``polarity_round11.SETS11`` less its held-out set 38, PREREG37
amendment B: "fitted on round 17's data without set 38"): ``polarity_layer_eval.SETS`` (blind
1-8, training 5), ``labelled_sets.TRAIN_9_10``, training 11-29 (``polarity_round7.SETS7``),
30 and 31, blind 9-13 and 15-28, short14, unit14, the polarity probes (not ``theme_*``), then
blind 29, 30 and 33, training 32 and 34 (round 9) and 36 (round 10): :data:`FITTED`. Every other
readable set was not fitted on: set 38 and blind 37 (PREREG39's discovery sets), blind 35
(spent, read twice; never in any correction round's sets), the improvement answers imp12/13
(read with ``asks="improvement"``: no correction), the food and logistics sets (packs without
models: no correction).

``--write OUT.csv``: every English mention the tagger tags, with its set, whether fitted on,
gold, the reading before the correction, shipped, source, and the theme's clauses as the rules
read them. ``--report OUT.csv``: the census (flips per set, right / wrong, fitted or not) and
the discovery flips' classes (:func:`flip_class`, :func:`cuts`) as Markdown. No rule was
written (no class is net right on the discovery sets: ``benchmarks/POL39E.md``), so nothing
is compared.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from err_sets import _asks
from labelled_sets import TRAIN_9_10
from pol36_sets import SHORT

from nps_kit.score import segment
from nps_kit.text._clause_rules import _clauses
from nps_kit.text._match import matcher
from nps_kit.text.evaluation import parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import (
    _clause_bits,
    _clause_themes,
    _read_clauses,
    _tag_polarity,
    polarity_sources,
)
from nps_kit.text.tokens import _normalised_codes

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
#: Never opened: the unread blind set and the round's estimate (both languages).
NEVER = frozenset({"theme_eval_blind39.csv", "theme_train41_en.csv", "theme_train41_ja.csv"})
#: PREREG39's discovery sets: readable, and D2 was not fitted on them.
DISCOVERY = ("theme_train38_en.csv", "theme_eval_blind37.csv")
#: The files of the sets D2's correction was fitted on (see the module description).
FITTED = frozenset(
    {
        "theme_eval_blind.csv",
        *(f"theme_eval_blind{n}.csv" for n in (*range(2, 14), *range(15, 31), 33)),
        "theme_eval_short14.csv",
        "theme_unit14_en.csv",
        "theme_eval_blind13_second.csv",  # a relabelling of blind 13's comments
        "theme_train5_en.csv",
        *TRAIN_9_10.values(),
        *(f"theme_train{n}_en.csv" for n in (*range(11, 33), 34, 36)),
    }
)
OPPOSITE = {"positive": "negative", "negative": "positive"}


def sets() -> dict[str, str]:
    """Return every readable English set by name (its file's stem), blind 39 and 41 excluded."""
    out = {}
    for path in sorted(DATA.glob("theme_*.csv")):
        if path.name in NEVER:  # excluded by name before it is opened
            continue
        head = pd.read_csv(path, nrows=0).columns
        if "lang" not in head or "pack" not in head:  # theme_eval.csv: no pack, no scores
            continue
        langs = pd.read_csv(path, usecols=["lang"], keep_default_na=False, dtype=str)["lang"]
        if (langs == "en").any():
            out[_name(path.name)] = path.name
    return out


def _name(file: str) -> str:
    """A set's name: its file's stem without ``theme_`` and ``eval_`` (``imp12_en``, ``blind37``).

    ``err_sets._asks`` reads a name that starts with ``imp`` as improvement answers.
    """
    return Path(file).stem.removeprefix("theme_").removeprefix("eval_")


def mentions(names: dict[str, str]) -> pd.DataFrame:
    """Every English mention the tagger tags in ``names``, with its readings and gold."""
    rows = []
    for name, file in names.items():
        frame = pd.read_csv(DATA / file, keep_default_na=False, dtype=str)
        frame = frame[frame["lang"] == "en"]
        if "score" not in frame:
            frame = frame.assign(score="")
        scored = (frame["score"] != "").all()  # as err_sets.counts reads a set
        asks = _asks(name)
        for pack_name, g in frame.groupby("pack", sort=False):
            book = load_pack(str(pack_name))
            book_matcher = matcher(book.themes)
            g = g.reset_index(drop=True)
            texts = g["text"].astype("string")
            seg = segment(pd.to_numeric(g["score"], errors="coerce")) if scored else None
            read = polarity_sources(texts, book, segments=seg, asks=asks)
            before = _tag_polarity(
                texts, book, segments=seg, learned=True, correct=False, asks=asks
            )
            codes, unique = _normalised_codes(texts)
            for i, row in g.iterrows():
                gold = parse_labels(row["labels"])
                tagged = read.polarity.iloc[i].dropna()
                if tagged.empty:
                    continue
                norm = unique[int(codes[i])]
                clauses = _clauses(norm)
                reads = _read_clauses(norm, book_matcher, asks="reason") if clauses else []
                named = (
                    _clause_themes(book_matcher.find(norm), clauses, book_matcher)
                    if len(clauses) > 1
                    else [set(book_matcher.find(norm))] * len(clauses)
                )
                for theme, got in tagged.items():
                    j = book.ids.index(str(theme))
                    own = [k for k, here in enumerate(named) if j in here]
                    bits = 0
                    for k in own:
                        bits |= _clause_bits(clauses[k].text)
                    rows.append(
                        {
                            "set": name,
                            "fitted": file in FITTED,
                            "id": row["id"],
                            "pack": pack_name,
                            "score": row["score"],
                            "theme": theme,
                            "gold": gold.get(str(theme), ""),
                            "before": str(before.at[i, theme]),
                            "shipped": str(got),
                            "source": str(read.source.at[i, theme]),
                            "theme_bits": bits,
                            "theme_clauses": " | ".join(
                                f"{clauses[k].text}={SHORT[reads[k]]}" for k in own
                            ),
                            "clauses": " | ".join(
                                f"{c.text}={SHORT[p]}" for c, p in zip(clauses, reads, strict=True)
                            ),
                            "text": row["text"],
                        }
                    )
        print(name, flush=True)
    return pd.DataFrame(rows)


def flips(m: pd.DataFrame) -> pd.DataFrame:
    """The mentions whose praise / complaint the correction turned into the other."""
    turned = m["before"].map(OPPOSITE).eq(m["shipped"]) & (m["source"] == "correction")
    return m[turned]


_NEGATED = re.compile(r"\b(?:not|never|no|nothing|none|nobody|without|n't)\b|n't\b")
_CONTRAST = re.compile(r"\b(?:but|though|although|however|yet|except|whereas|while)\b")


def flip_class(row: pd.Series) -> str:
    """A flip's class by what the rules read in the theme's clauses (first that applies).

    ``request``: the rules read a request there; ``negated``: a negator in the theme's clauses
    (the rules read "not slow" as praise, "never answered" as a complaint); ``contrast``: the
    comment turns (a contrast word) and the theme's clauses read one side; ``unplaced``: the
    theme has no clause of its own (a layer-added theme, or a match across clauses);
    ``plain``: none of these.
    """
    own = str(row["theme_clauses"])
    if not own:
        return "unplaced"
    if int(row["theme_bits"]) & 1:
        return "request"
    text = own.lower()
    if _NEGATED.search(text):
        return "negated"
    if _CONTRAST.search(str(row["text"]).lower()):
        return "contrast"
    return "plain"


def _md(t: pd.DataFrame) -> str:
    head = "| " + " | ".join([str(t.index.name or ""), *map(str, t.columns)]) + " |"
    rule = "|---|" + "---:|" * len(t.columns)
    body = ["| " + " | ".join([str(i), *map(str, row)]) + " |" for i, row in t.iterrows()]
    return "\n".join([head, rule, *body])


def census(m: pd.DataFrame) -> pd.DataFrame:
    """Per set: flips; right after (gold = shipped), before (gold = the rules'), unlabelled."""
    f = flips(m)
    labelled = f[f["gold"] != ""]
    out = pd.DataFrame(
        {
            "fitted": m.groupby("set")["fitted"].first(),
            "mentions": m.groupby("set").size(),
            "flips": f.groupby("set").size(),
            "right_after": labelled[labelled["gold"] == labelled["shipped"]].groupby("set").size(),
            "right_before": labelled[labelled["gold"] == labelled["before"]].groupby("set").size(),
            "neither": labelled[
                (labelled["gold"] != labelled["shipped"]) & (labelled["gold"] != labelled["before"])
            ]
            .groupby("set")
            .size(),
            "theme_not_gold": f[f["gold"] == ""].groupby("set").size(),
        }
    ).fillna(0)
    for c in out.columns[1:]:
        out[c] = out[c].astype(int)
    out.index.name = "set"
    return out.sort_values(["fitted", "set"])


def _group(set_name: str, fitted: bool) -> str:
    if set_name in {_name(x) for x in DISCOVERY}:
        return "discovery (38, blind 37)"
    return "fitted on" if fitted else "not fitted on, other"


def cuts(f: pd.DataFrame) -> dict[str, pd.Series]:
    """Classes of flips a rule could keep (each a condition on the flips ``f``), overlapping.

    The first four are :func:`flip_class`'s; the others cut by the theme's own clauses (what
    :func:`_clause_bits` reads there), the respondent's segment and the flip's direction.
    """
    cls = f.apply(flip_class, axis=1)
    bits = f["theme_bits"].astype(int)
    praise, complaint = (bits & 2) > 0, (bits & 4) > 0
    score = pd.to_numeric(f["score"], errors="coerce")
    return {
        "negated (a negator in the theme's clauses)": cls == "negated",
        "request in the theme's clauses": cls == "request",
        "contrast (the comment turns)": cls == "contrast",
        "unplaced (no clause of its own)": cls == "unplaced",
        "plain (none of these)": cls == "plain",
        "the theme's clauses read the rules' side only": (
            ((f["before"] == "positive") & praise & ~complaint)
            | ((f["before"] == "negative") & complaint & ~praise)
        ),
        "the theme's clauses judge nothing": (bits & 16) == 0,
        "a passive's (7-8)": score.between(7, 8),
        "against the segment (0-6 to praise, 9-10 to complaint)": (
            ((score <= 6) & (f["shipped"] == "positive"))
            | ((score >= 9) & (f["shipped"] == "negative"))
        ),
        "complaint to praise": f["before"] == "negative",
        "praise to complaint": f["before"] == "positive",
    }


def _tally(f: pd.DataFrame) -> str:
    g = f[f["gold"] != ""]
    rules = int((g["gold"] == g["before"]).sum())
    d2 = int((g["gold"] == g["shipped"]).sum())
    return f"{rules} / {d2} / {len(g) - rules - d2} / {len(f) - len(g)}"


def report(m: pd.DataFrame) -> str:
    c = census(m)
    parts = ["#### flips per set\n" + _md(c)]
    key = [_group(n, bool(x)) for n, x in zip(c.index, c["fitted"], strict=True)]
    groups = c[c.columns[1:]].groupby(key).sum()
    parts.append("#### pooled\n" + _md(groups))
    f = flips(m)
    where = pd.Series([_group(n, x) for n, x in zip(f["set"], f["fitted"], strict=True)], f.index)
    d = f[where.str.startswith("discovery")].copy()
    d["class"] = d.apply(flip_class, axis=1)
    d["verdict"] = [
        "no gold"
        if g == ""
        else "D2 right"
        if g == s
        else "rules right"
        if g == b
        else "both wrong"
        for g, s, b in zip(d["gold"], d["shipped"], d["before"], strict=True)
    ]
    parts.append(
        "#### discovery flips (38, blind 37) by class\n"
        + _md(pd.crosstab(d["class"], d["verdict"], margins=True, margins_name="all"))
    )
    lines = [
        "| class | discovery (38, blind 37) | blind 35 | fitted on |",
        "|---|---:|---:|---:|",
    ]
    other = f["set"] == "blind35"
    for name, cond in cuts(f).items():
        lines.append(
            f"| {name} | {_tally(f[cond & where.str.startswith('discovery')])} | "
            f"{_tally(f[cond & other])} | {_tally(f[cond & f['fitted']])} |"
        )
    parts.append(
        "#### classes: rules right / D2 right / both wrong / theme not labelled\n"
        + "\n".join(lines)
    )
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", type=Path)
    parser.add_argument("--report", type=Path)
    args = parser.parse_args()
    if args.write:
        mentions(sets()).to_csv(args.write, index=False)
    if args.report:
        m = pd.read_csv(args.report, keep_default_na=False, dtype={"score": str, "id": str})
        print(report(m))


if __name__ == "__main__":
    main()
