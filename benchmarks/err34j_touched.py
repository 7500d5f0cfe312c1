"""ERR34J: every Japanese (comment, theme) reading of the readable sets, to compare two trees.

Run once with main's code first on ``PYTHONPATH`` and once with the branch's; ``--diff A B``
lists what changed (rules alone and shipped), with the labels. Set 32's odd ids are never read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd
from err34j_sets import _files, _frame

from nps_kit.score import segment
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import _tag_polarity


def readings(names: list[str]) -> pd.DataFrame:
    rows = []
    for name in names:
        frame = _frame(name)
        for pack, g in frame.groupby("pack", sort=False):
            book = load_pack(str(pack))
            g = g.reset_index(drop=True)
            texts = g["text"].astype("string")
            seg = segment(pd.to_numeric(g["score"], errors="coerce"))
            seg = seg if (g["score"] != "").all() else None
            shipped = _tag_polarity(texts, book, segments=seg, learned=True, correct=True)
            alone = _tag_polarity(texts, book, segments=None, learned=False, correct=False)
            for i, row in g.iterrows():
                for theme in shipped.columns:
                    s, a = shipped.at[i, theme], alone.at[i, theme]
                    if pd.isna(s) and pd.isna(a):
                        continue
                    rows.append(
                        {
                            "set": name,
                            "id": row["id"],
                            "theme": theme,
                            "shipped": "" if pd.isna(s) else str(s),
                            "alone": "" if pd.isna(a) else str(a),
                            "labels": row["labels"],
                            "text": row["text"],
                        }
                    )
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--sets", nargs="*")
    parser.add_argument("--diff", nargs=2, type=Path)
    args = parser.parse_args(argv)
    if args.out:
        args.out.write_text(readings(args.sets or [*_files(), "set32even"]).to_csv(index=False))
    if args.diff:
        a, b = (pd.read_csv(p, keep_default_na=False) for p in args.diff)
        m = a.merge(b, on=["set", "id", "theme"], how="outer", suffixes=("_a", "_b")).fillna("")
        changed = m[(m["shipped_a"] != m["shipped_b"]) | (m["alone_a"] != m["alone_b"])]
        for r in changed.itertuples():
            labels = r.labels_a or r.labels_b
            gold = dict(p.split(":") for p in labels.split(";") if p).get(r.theme, "-")
            print(
                f"{r.set}|{r.id}|{r.theme}|gold={gold}|shipped {r.shipped_a or '-'}->"
                f"{r.shipped_b or '-'}|alone {r.alone_a or '-'}->{r.alone_b or '-'}|"
                f"{(r.text_a or r.text_b)[:80]}"
            )


if __name__ == "__main__":
    main()
