"""ERR29: the learned layer's drops by how many themes a comment's words find, every readable set.

Blind set 28's English misses gather in comments labelled with three or more themes (recall 0.70
there, 0.75 with two, 0.89 with one), and the layer dropped a larger share of them (22 of 56
against 15 of 66). This asks whether that is structural: a rule hit the layer drops (its
probability below the language's ``t_drop``) in a comment where the words find ``k`` themes, is
it labelled (the drop lost a theme) or not (the drop was right), per ``k`` and per set? And what
would a lower drop threshold for comments with many hits gain and lose, per set?

Reads the sets readable in ERR29 (``err_sets.readable_sets(28)`` with training set 31 held out
whole, never opened; spent blind set 28 added). The blind set above 28 is never named.
``--out CSV`` writes every rule hit (set, id, lang, pack, theme, hits in the comment, words,
probability, dropped, labelled); ``--table`` prints the counts per k and per candidate threshold.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd
from err_sets import DATA, ROUNDS, readable_sets

from nps_kit.text import _layer
from nps_kit.text._match import matcher
from nps_kit.text.evaluation import parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.themes import _learned_layer
from nps_kit.text.tokens import _normalised_codes


def _sets() -> dict[str, str]:
    names = readable_sets(28, held_out=ROUNDS[28][0], held_out_blind=ROUNDS[28][1])
    assert not {"train31en", "train31ja"} & names.keys()
    names["blind28"] = "theme_eval_blind28.csv"
    return names


def rule_hits(*, additions: bool = False) -> pd.DataFrame:
    """Every rule hit, or with ``additions`` every theme the layer's probability would add."""
    rows = []
    for name, file in _sets().items():
        frame = pd.read_csv(DATA / file, keep_default_na=False, dtype=str)
        for (lang, pack), g in frame.groupby(["lang", "pack"], sort=False):
            book = load_pack(str(pack))
            codes, unique = _normalised_codes(g["text"].astype("string"))
            hits = matcher(book.themes).tag(unique)
            found = _learned_layer(book, unique, hits).found
            idx = [i for i, t in enumerate(unique) if _layer.languages(book.pack, [t])[0] == lang]
            ids, prob = _layer.probabilities([unique[i] for i in idx], str(lang), str(pack))
            pcol = {t: j for j, t in enumerate(ids)}
            prow = {i: k for k, i in enumerate(idx)}
            t_add = _layer._models()[str(lang)].t_add if str(lang) in _layer._models() else 2.0
            for pos, (_, r) in enumerate(g.iterrows()):
                code = int(codes[pos])
                if code < 0:
                    continue
                if additions:
                    gold = parse_labels(r["labels"])
                    n = int((hits[code] & found[code]).sum())
                    for t, jp in pcol.items():
                        j = book.ids.index(t)
                        p = prob[prow[code], jp] if code in prow else 0.0
                        if hits[code, j] or p < t_add:
                            continue
                        rows.append(
                            {
                                "set": name,
                                "id": r["id"],
                                "lang": lang,
                                "pack": pack,
                                "theme": t,
                                "k": n,
                                "prob": float(p),
                                "added": bool(found[code, j]),
                                "yes": t in gold,
                            }
                        )
                    continue
                if not hits[code].any():
                    continue
                gold = parse_labels(r["labels"])
                n = int(hits[code].sum())
                for j in np.flatnonzero(hits[code]).tolist():
                    t = book.ids[j]
                    p = prob[prow[code], pcol[t]] if code in prow and t in pcol else np.nan
                    rows.append(
                        {
                            "set": name,
                            "id": r["id"],
                            "lang": lang,
                            "pack": pack,
                            "theme": t,
                            "k": n,
                            "words": len(str(r["text"]).split()),
                            "labels": len(gold),
                            "prob": float(p),
                            "dropped": not found[code, j],
                            "yes": t in gold,
                        }
                    )
    return pd.DataFrame(rows)


def table(d: pd.DataFrame) -> str:
    out = []
    for lang in ("en", "ja"):
        dl = d[d["lang"] == lang]
        drop = dl[dl["dropped"]]
        out.append(f"## {lang}: the layer's drops of rule hits, by k (themes the words find)")
        out.append("| sets | k | rule hits | labelled | dropped | dropped, labelled (lost) |")
        out.append("|---|---:|---:|---:|---:|---:|")
        for part, sel in (
            ("blind", dl["set"].str.startswith("blind")),
            ("other", ~dl["set"].str.startswith("blind")),
        ):
            for k in (1, 2, 3, 4):
                s = dl[sel & (dl["k"].clip(upper=4) == k)]
                ds = s[s["dropped"]]
                out.append(
                    f"| {part} | {k}{'+' if k == 4 else ''} | {len(s)} | {int(s['yes'].sum())} | "
                    f"{len(ds)} | {int(ds['yes'].sum())} |"
                )
        out.append("")
        t_drop = _layer._models()[lang].t_drop
        out.append(f"candidate: keep a hit where k >= K and prob >= T (t_drop {t_drop})")
        out.append("| K | T | blind sets gain / loss | other sets gain / loss | sets losing |")
        out.append("|---|---|---|---|---|")
        for k in (2, 3, 4):
            for t in (0.1, 0.14, 0.18):
                if t >= t_drop:
                    continue
                c = drop[(drop["k"] >= k) & (drop["prob"] >= t)]
                per = c.groupby("set")["yes"].agg(["sum", "count"])
                net = per["sum"] - (per["count"] - per["sum"])
                b = c[c["set"].str.startswith("blind")]
                o = c[~c["set"].str.startswith("blind")]
                out.append(
                    f"| {k} | {t} | {int(b['yes'].sum())} / {int((~b['yes']).sum())} | "
                    f"{int(o['yes'].sum())} / {int((~o['yes']).sum())} | "
                    f"{int((net < 0).sum())} of {len(per)} |"
                )
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--read", type=Path, help="a CSV --out wrote, instead of tagging again")
    parser.add_argument("--table", action="store_true")
    parser.add_argument(
        "--additions",
        type=Path,
        help="write the themes over t_add the rules miss (added or vetted)",
    )
    args = parser.parse_args(argv)
    if args.additions:
        rule_hits(additions=True).to_csv(args.additions, index=False)
        return
    d = pd.read_csv(args.read) if args.read else rule_hits()
    if args.out:
        d.to_csv(args.out, index=False)
    if args.table:
        print(table(d))


if __name__ == "__main__":
    main()
