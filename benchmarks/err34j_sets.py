"""ERR34J: Japanese whole figures per readable set, and set 32's even ids' Japanese errors.

Round 34 (PREREG34) tunes Japanese rules on every readable set and on **set 32's even ids**
(``theme_train32_ja.csv``, the rows whose id number is even, filtered here before anything is
read per comment). Set 32's odd ids are the round's estimate: read only as whole figures
(``--estimate``), once, at the end. No blind set above 28 and no later set is named here.

``--counts OUT.json`` (``--rules-alone`` for the rules without the learned layers): per readable
set the Japanese [gold, predicted, right, polarity right], ``set32even`` among them.
``--errors OUT.csv --set NAME``: every Japanese MISS / SPUR / POL of one readable set (``set32even``
or e.g. ``blind28``) with the rules' reading and ``explain_themes``' source.
``--estimate``: set 32's odd ids, Japanese whole figures shipped and rules alone (P R F1 polarity).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pandas as pd
from err_sets import DATA, _asks, readable_sets

from nps_kit.score import segment
from nps_kit.text import explain_themes
from nps_kit.text.evaluation import evaluate_mentions, parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import _tag_polarity

SET32 = "theme_train32_ja.csv"


def _files() -> dict[str, str]:
    # blind 1-28 (not 14), short14, unit14, imp12/13, training 5 and 9-31; sets 32-33 held out
    names = readable_sets(29, held_out=(32, 33))
    numbers = [int(m) for k in names for m in re.findall(r"\d+", k)[:1]]
    assert max(numbers) <= 31 and not any(k.startswith("blind") and int(k[5:]) > 28 for k in names)
    names.update(
        {
            "logistics1": "theme_eval_logistics1.csv",
            "food1": "theme_eval_food1.csv",
            "food2": "theme_eval_food2.csv",
        }
    )
    return names


def parity_half(file: str, parity: int) -> pd.DataFrame:
    """Return the rows of ``file`` whose id number has ``parity`` (split before any is read).

    The parity split of a round's tuning half and estimate half (ERR34J's set 32, ERR38J's
    blind 37).
    """
    frame = pd.read_csv(DATA / file, keep_default_na=False, dtype=str)
    number = frame["id"].str.extract(r"(\d+)$")[0].astype(int)
    return frame[number % 2 == parity].reset_index(drop=True)


def japanese_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a labelled set's Japanese rows, with an empty ``score`` where it has none."""
    frame = frame[frame["lang"] == "ja"].reset_index(drop=True)
    if "score" not in frame:
        frame = frame.assign(score="")
    return frame


def ja_counts(name: str, frame: pd.DataFrame, *, learned: bool) -> list[int] | None:
    """Return [gold, predicted, right, polarity right] of ``frame``; ``None`` when it is empty."""
    if frame.empty:
        return None
    score = "score" if (frame["score"] != "").all() else None
    table = evaluate_mentions(frame, asks=_asks(name), learned=learned, score=score).table
    r = table.set_index("lang").loc["ja"]
    return [int(r.gold), int(r.predicted), int(r.correct), int(r.polarity_correct)]


def _frame(name: str) -> pd.DataFrame:
    if name == "set32even":
        frame = parity_half(SET32, 0)
    elif name == "set32odd":
        frame = parity_half(SET32, 1)
    else:
        frame = pd.read_csv(DATA / _files()[name], keep_default_na=False, dtype=str)
    return japanese_rows(frame)


def _count(name: str, *, learned: bool) -> list[int]:
    return ja_counts(name, _frame(name), learned=learned) or [0, 0, 0, 0]


def counts(*, learned: bool) -> dict[str, list[int]]:
    return {n: _count(n, learned=learned) for n in [*_files(), "set32even"]}


def errors(name: str) -> pd.DataFrame:
    assert name != "set32odd"
    frame = _frame(name)
    rows = []
    for pack_name, g in frame.groupby("pack", sort=False):
        book = load_pack(str(pack_name))
        g = g.reset_index(drop=True)
        texts = g["text"].astype("string")
        seg = segment(pd.to_numeric(g["score"], errors="coerce"))
        shipped = _tag_polarity(texts, book, segments=seg, learned=True, correct=True)
        alone = _tag_polarity(texts, book, segments=seg, learned=False, correct=False)
        why = explain_themes(texts, book)
        for i, row in g.iterrows():
            gold = parse_labels(row["labels"])
            for theme in shipped.columns:
                got, want, a = shipped.at[i, theme], gold.get(theme), alone.at[i, theme]
                got = None if pd.isna(got) else str(got)
                if got == want:
                    continue
                error = "MISS" if got is None else "SPUR" if want is None else "POL"
                w = why[(why["row"] == i) & (why["theme"] == theme)]
                src = "" if w.empty else str(w["source"].iloc[0])
                words = "" if w.empty else str(w["words"].iloc[0])
                rows.append(
                    {
                        "id": row["id"],
                        "pack": pack_name,
                        "theme": theme,
                        "error": error,
                        "gold": want or "",
                        "shipped": got or "",
                        "rules_alone": "" if pd.isna(a) else a,
                        "explain": f"{src} [{words}]" if words else src,
                        "labels": row["labels"],
                        "text": row["text"],
                    }
                )
    return pd.DataFrame(rows)


def figures(c: list[int]) -> str:
    """Return a set's counts with P, R, F1 and the polarity share of the right ones."""
    gold, predicted, right, polarity = c
    p, r = right / predicted, right / gold
    return (
        f"[{gold}, {predicted}, {right}, {polarity}] P {p:.3f} R {r:.3f} "
        f"F1 {2 * p * r / (p + r):.3f} polarity {polarity / right:.3f}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--counts", type=Path)
    parser.add_argument("--rules-alone", action="store_true")
    parser.add_argument("--errors", type=Path)
    parser.add_argument("--set", default="set32even")
    parser.add_argument("--estimate", action="store_true", help="set 32's odd ids, once")
    args = parser.parse_args(argv)
    if args.counts:
        args.counts.write_text(json.dumps(counts(learned=not args.rules_alone), indent=1))
    if args.errors:
        errors(args.set).to_csv(args.errors, index=False)
    if args.estimate:
        for learned in (True, False):
            label = "shipped" if learned else "rules alone"
            print(f"set32odd ja {label}: {figures(_count('set32odd', learned=learned))}")


if __name__ == "__main__":
    main()
