"""Check which comments an improvement-reading change moves, over the readable labelled sets.

LEFT45B #5 (より after what is compared with, 「以前より待ち時間が短く、助かりました」) changes
only Japanese clauses with より read as answers to "what could we improve?". This dumps
``theme_mentions(asks="improvement")`` of every comment with より in ``tests/data/theme_*.csv``
(each file's own pack, else every pack), reading the text and pack columns only, never the
labels; never ``tests/data/unread/`` nor ``theme_eval_blind39.csv``::

    PYTHONPATH=/tmp/base python benchmarks/yori_identity.py dump /tmp/ref.pkl
    python benchmarks/yori_identity.py dump /tmp/new.pkl
    python benchmarks/yori_identity.py compare /tmp/ref.pkl /tmp/new.pkl

At a379d7c: 248 file and pack runs, 751 comment readings (221 with a comparison base), two
moved, both negative to positive and both comparisons of what happened (思ったより安く、担当者も
業界に詳しかった; 審査は思ったより早く、金利も説明通りでした).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
NEVER = frozenset({"theme_eval_blind39.csv"})


def dump(out: Path) -> None:
    """Write each readable set's improvement readings of its comments with より to ``out``."""
    from nps_kit.text.packs import PACKS
    from nps_kit.text.sentiment import theme_mentions

    found = {}
    for path in sorted(p for p in DATA.glob("theme_*.csv") if p.name not in NEVER):
        frame = pd.read_csv(path, usecols=lambda c: c in ("text", "pack"), dtype=str)
        if "text" not in frame:
            continue  # a second labeller's labels only
        frame = frame[frame["text"].fillna("").str.contains("より")].reset_index(drop=True)
        packs = sorted(frame["pack"].dropna().unique()) if "pack" in frame else list(PACKS)
        for pack in packs:
            rows = frame[frame["pack"] == pack] if "pack" in frame else frame
            texts = rows["text"].reset_index(drop=True)
            found[(path.name, pack)] = (texts, theme_mentions(texts, pack=pack, asks="improvement"))
    out.write_bytes(pickle.dumps(found))


def compare(before: Path, after: Path) -> int:
    """Print every comment whose themes or polarities differ; return 1 if any does."""
    old, new = pickle.loads(before.read_bytes()), pickle.loads(after.read_bytes())
    moved = 0
    for key, (texts, was) in old.items():
        now = new[key][1]
        if was.equals(now):
            continue
        differ = was.merge(now, how="outer", indicator=True).query("_merge != 'both'")
        for row in sorted(set(differ["row"])):
            moved += 1
            print(
                key,
                texts[row],
                was[was["row"] == row].to_dict("records"),
                "→",
                now[now["row"] == row].to_dict("records"),
            )
    print(f"{len(old)} runs, {sum(len(t) for t, _ in old.values())} readings, {moved} moved")
    return 1 if moved else 0


def main() -> int:
    """Dump or compare (see the module's docstring)."""
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="step", required=True)
    sub.add_parser("dump").add_argument("out", type=Path)
    pair = sub.add_parser("compare")
    pair.add_argument("before", type=Path)
    pair.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.step == "dump":
        dump(args.out)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
