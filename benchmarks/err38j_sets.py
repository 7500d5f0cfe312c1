"""ERR38J: Japanese whole figures per readable set, and blind 37's even ids' and blind 35's errors.

Round 19 (PREREG38, Japanese) tunes Japanese rules on every readable set (every
``tests/data/theme_*.csv`` the earlier helpers name: blind 1-37 but 14 and the absent numbers,
short14, unit14, imp12/13, training 5 and 9-38, logistics 1-2, food 1-2; blind 35 spent and
wholly readable) and on **blind 37's even ids** (``blind37ja_even``: the rows whose id number is
even, split by ``err34j_sets.parity_half`` before anything is read per comment). Blind 37's odd ids
(``blind37ja_odd``) are the round's estimate, read only by ``--only-held-out`` as whole figures,
once, at the end. Blind 39 is never named here (``round38j_sets`` asserts it).

``--round38j`` is required (the round's set list, ``round38j_sets``).
``--counts OUT.json`` (``--rules-alone`` for the rules without the learned layers): per readable set
the Japanese [gold, predicted, right, polarity right], ``blind37ja_even`` among them.
``--errors OUT.csv --set NAME``: every Japanese MISS / SPUR / POL of ``blind37ja_even`` or
``blind35`` with the rules' reading and ``explain_themes``' source (``err_sets.errors_of``).
``--only-held-out --counts OUT.json``: blind 37's odd ids, Japanese whole figures (shipped, or rules
alone with ``--rules-alone``), printed as P R F1 polarity.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd
from err34j_sets import figures, ja_counts, japanese_rows, parity_half
from err_sets import DATA, errors_of, readable_sets

BLIND37 = "theme_eval_blind37.csv"
HELD_OUT = "blind37ja_odd"


def round38j_sets() -> dict[str, str]:
    """Return the sets readable per comment in ERR38J, by name (blind 37's even ids among them)."""
    names = {k: v for k, v in readable_sets(38).items() if (DATA / v).exists()}
    names.pop("blind37")
    names |= {
        "logistics1": "theme_eval_logistics1.csv",
        "logistics2": "theme_eval_logistics2.csv",
        "food1": "theme_eval_food1.csv",
        "food2": "theme_eval_food2.csv",
        "blind37ja_even": "blind37ja_even",
    }
    assert "blind35" in names and "train38ja" in names
    assert not any("39" in v or v.startswith("/") for v in names.values())
    return names


def _frame(file: str) -> pd.DataFrame:
    if file == "blind37ja_even":
        frame = parity_half(BLIND37, 0)
    elif file == HELD_OUT:
        frame = parity_half(BLIND37, 1)
    else:
        frame = pd.read_csv(DATA / file, keep_default_na=False, dtype=str)
    return japanese_rows(frame)


def counts(*, learned: bool, only_held_out: bool = False) -> dict[str, list[int]]:
    names = {HELD_OUT: HELD_OUT} if only_held_out else round38j_sets()
    out = {}
    for name, file in names.items():
        c = ja_counts(name, _frame(file), learned=learned)
        if c is not None:
            out[name] = c
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--round38j", action="store_true", required=True)
    parser.add_argument("--counts", type=Path)
    parser.add_argument("--rules-alone", action="store_true")
    parser.add_argument("--errors", type=Path)
    parser.add_argument("--set", default="blind37ja_even", choices=("blind37ja_even", "blind35"))
    parser.add_argument("--only-held-out", action="store_true", help="blind 37's odd ids, once")
    args = parser.parse_args(argv)
    learned = not args.rules_alone
    if args.only_held_out:
        if args.errors:
            parser.error("--only-held-out reads whole figures only")
        result = counts(learned=learned, only_held_out=True)
        print(f"{HELD_OUT} {'shipped' if learned else 'rules alone'}: {figures(result[HELD_OUT])}")
        if args.counts:
            args.counts.write_text(json.dumps(result, indent=1))
        return
    if args.counts:
        args.counts.write_text(json.dumps(counts(learned=learned), indent=1))
    if args.errors:
        file = "blind37ja_even" if args.set == "blind37ja_even" else "theme_eval_blind35.csv"
        errors_of(_frame(file)).to_csv(args.errors, index=False)


if __name__ == "__main__":
    main()
