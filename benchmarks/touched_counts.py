"""Whole figures of the comments a change can touch, per set and language (ERR23's method).

A new keyword or pattern can change the reading only of the comments its words are in; the
learned layers read each comment alone, so every other comment reads the same by construction.
``--select IDS.json`` writes, per set readable in ERR24 (``implied_forms._sets``), the ids of the
comments that hold a rule form ERR24 kept (``implied_forms.KEPT``) or open with a no-answer
phrase (``tokens._without_no_answer_opener``); with ``--held-out`` it writes blind set 22's (read
once, at the end). ``--counts OUT.json --ids IDS.json`` evaluates those comments with the code
it runs in (run it in a worktree of the commit before and of the one after): per set and
language [gold, predicted, right, polarity right], shipped and, with ``--rules-alone``, rules
alone.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pandas as pd
from err_sets import DATA, _asks

from nps_kit.text.evaluation import evaluate_mentions


def select(*, held_out: bool) -> dict[str, list[str]]:
    from implied_forms import FORMS, KEPT, _sets

    from nps_kit.text.tokens import _without_no_answer_opener, normalise_one

    if held_out:
        sets = {"blind22": pd.read_csv(DATA / "theme_eval_blind22.csv", keep_default_na=False)}
    else:
        sets = _sets()
    out = {}
    for name, frame in sets.items():
        hit = pd.Series(False, index=frame.index)
        for form in KEPT:
            packs, lang, _, pattern = FORMS[form]
            hit |= (
                frame["pack"].isin(packs)
                & (frame["lang"] == lang)
                & frame["text"].map(lambda t, p=pattern: re.search(p, t, re.IGNORECASE) is not None)
            )
        opener = frame["text"].map(
            lambda t: (n := normalise_one(str(t))) != _without_no_answer_opener(n)
        )
        out[name] = frame.loc[hit | opener, "id"].astype(str).tolist()
    return out


def counts(ids: dict[str, list[str]], *, learned: bool) -> dict[str, dict[str, list[int]]]:
    from err_sets import readable_sets

    files = readable_sets(23) | {"blind23": "theme_eval_blind23.csv"}  # never 24 nor 28
    out: dict[str, dict[str, list[int]]] = {}
    for name, wanted in ids.items():
        if not wanted:
            continue
        frame = pd.read_csv(DATA / files[name], keep_default_na=False, dtype=str)
        frame = frame[frame["id"].isin(wanted)]
        if "score" not in frame:
            frame = frame.assign(score="")
        score = "score" if (frame["score"] != "").all() else None
        table = evaluate_mentions(frame, asks=_asks(name), learned=learned, score=score).table
        out[name] = {
            str(lang): [int(r.gold), int(r.predicted), int(r.correct), int(r.polarity_correct)]
            for lang, r in table.set_index("lang").iterrows()
            if lang != "all"
        }
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--select", type=Path, help="write the touched ids here")
    parser.add_argument("--held-out", action="store_true", help="blind set 22's, at the end")
    parser.add_argument("--ids", type=Path)
    parser.add_argument("--counts", type=Path)
    parser.add_argument("--rules-alone", action="store_true")
    args = parser.parse_args(argv)
    if args.select:
        args.select.write_text(json.dumps(select(held_out=args.held_out), indent=1))
    if args.counts:
        ids = json.loads(args.ids.read_text())
        args.counts.write_text(json.dumps(counts(ids, learned=not args.rules_alone), indent=1))


if __name__ == "__main__":
    main()
