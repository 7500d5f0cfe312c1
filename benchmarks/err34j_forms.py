"""ERR34J: Japanese forms of set 32's even ids' and blind 28's errors, over the readable sets.

As ERR29's ``err29_forms.py`` over the sets of ``err34j_sets`` (every readable Japanese set and
set 32's even ids; set 32's odd ids and the later sets are never read here). A *theme* form names
a theme: per form, comments labelled with it (yes) or not (no), and how many of each the rules
alone and the shipped tagger find. A *polarity* form: per (comment, labelled theme) holding it,
the gold polarity and how many the rules alone and the shipped tagger read right.
``--show NAME`` lists a form's comments; ``--try PACKS THEME REGEX`` counts an ad-hoc form.
"""

from __future__ import annotations

import argparse
from collections import Counter
from functools import cache

import pandas as pd
from err34j_sets import _files, _frame
from implied_forms import form_hits

from nps_kit.text import tag_themes
from nps_kit.text.evaluation import parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import _tag_polarity

ALL = ("retail", "saas", "finance", "generic")
#: name -> (kind, packs, theme, pattern); theme "" for a polarity form of every labelled theme
FORMS: dict[str, tuple[str, tuple[str, ...], str, str]] = {}


@cache
def _sets() -> dict[str, pd.DataFrame]:
    return {n: _frame(n) for n in [*_files(), "set32even"]}


def hits(packs: tuple[str, ...], theme: str, pattern: str) -> pd.DataFrame:
    h = form_hits(_sets(), packs, "ja", theme, pattern)
    shipped = []
    for pack, g in h.groupby("pack", sort=False):
        tags = tag_themes(g["text"].astype("string"), load_pack(str(pack)))
        col = tags[theme].fillna(False) if theme in tags else pd.Series(False, index=tags.index)
        shipped.append(pd.Series(col.astype(bool).to_numpy(), index=g.index))
    h["shipped"] = pd.concat(shipped) if shipped else pd.Series(dtype=bool)
    return h


def polarity_hits(packs: tuple[str, ...], theme: str, pattern: str) -> pd.DataFrame:
    h = form_hits(_sets(), packs, "ja", theme or "-", pattern)
    rows = []
    for pack, g in h.groupby("pack", sort=False):
        book = load_pack(str(pack))
        g = g.reset_index(drop=True)
        texts = g["text"].astype("string")
        alone = _tag_polarity(texts, book, segments=None, learned=False, correct=False)
        shipped = _tag_polarity(texts, book, segments=None, learned=True, correct=True)
        for i, r in g.iterrows():
            for t, want in parse_labels(r["labels"]).items():
                if theme and t != theme:
                    continue
                a = alone.at[i, t] if t in alone else None
                s = shipped.at[i, t] if t in shipped else None
                rows.append(
                    {
                        "set": r["set"],
                        "id": r["id"],
                        "theme": t,
                        "gold": want,
                        "alone": "" if a is None or pd.isna(a) else str(a),
                        "shipped": "" if s is None or pd.isna(s) else str(s),
                        "text": r["text"],
                    }
                )
    return pd.DataFrame(rows, columns=["set", "id", "theme", "gold", "alone", "shipped", "text"])


def line(kind: str, packs: tuple[str, ...], theme: str, pattern: str) -> str:
    if kind == "theme":
        h = hits(packs, theme, pattern)
        yes, no = h[h["yes"]], h[~h["yes"]]
        return (
            f"yes {len(yes)} no {len(no)} | yes found alone {int(yes['found'].sum())} shipped "
            f"{int(yes['shipped'].sum())} | no found alone {int(no['found'].sum())} shipped "
            f"{int(no['shipped'].sum())}"
        )
    p = polarity_hits(packs, theme, pattern)
    gold = dict(Counter(p["gold"]))
    return (
        f"gold {gold} | right alone {int((p['alone'] == p['gold']).sum())} shipped "
        f"{int((p['shipped'] == p['gold']).sum())} of {len(p)}"
    )


def show(kind: str, packs: tuple[str, ...], theme: str, pattern: str) -> None:
    if kind == "theme":
        for r in hits(packs, theme, pattern).itertuples():
            print(
                f"{r.set}|{r.id}|{'yes' if r.yes else 'no'}|alone={r.found}|shipped={r.shipped}|"
                f"{r.labels}|{r.text[:120]}"
            )
        return
    for r in polarity_hits(packs, theme, pattern).itertuples():
        print(
            f"{r.set}|{r.id}|{r.theme}|{r.gold}|alone={r.alone}|shipped={r.shipped}|{r.text[:120]}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", nargs="*")
    parser.add_argument("--try", dest="adhoc", nargs=4, metavar=("KIND", "PACKS", "THEME", "RE"))
    args = parser.parse_args(argv)
    if args.adhoc:
        kind, packs, theme, pattern = args.adhoc
        spec = (kind, ALL if packs == "all" else tuple(packs.split(",")), theme, pattern)
        print(line(*spec))
        show(*spec)
        return
    for name in args.show or []:
        print(f"== {name}")
        show(*FORMS[name])
    if not args.show:
        for name, spec in FORMS.items():
            print(f"| {name} | {spec[0]} | {spec[2]} | {line(*spec)} |")


if __name__ == "__main__":
    main()
