"""ERR28: whole figures of the comments this round's rule changes can touch, per set and language.

ERR27's ``err27_touched.py`` over the sets readable in ERR28 (``err28_forms._sets``: training
set 31 never opened, set 30 and spent blind set 27 read; the blind set above 27 never named). A
new pattern, exclude or polarity phrase changes the reading only of the comments its text is in;
the learned layers read each comment alone, so every other comment reads the same by
construction. ``CHANGES`` holds this round's patterns as written (case ignored). ``--select
IDS.json`` writes the touched ids per set; ``--counts OUT.json --ids IDS.json`` evaluates them
with the code it runs in (``PYTHONPATH`` at /work/main for before, at the worktree for after): per
set and language [gold, predicted, right, polarity right], shipped or, with ``--rules-alone``,
rules alone, and every disagreement (``_errors``) to compare comment by comment.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pandas as pd
from err28_forms import _sets
from err_sets import _asks

from nps_kit.text.evaluation import evaluate_mentions

R, S, F, G = "retail", "saas", "finance", "generic"
#: (packs, language, pattern) of every change of ERR28, as written (case ignored)
CHANGES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    # the polarity phrases read every English clause
    (
        (R, S, F, G),
        "en",
        r"spent (ages|an hour|half an hour|so long) (with (me|us|him|her|my \w+)|explaining|"
        r"showing|"
        r"helping|letting|going through|talking)",
    ),
    ((R, S, F, G), "en", r"took (his|her|the) time (and|to)|took the time"),
    ((R, S, F, G), "en", r"without (me|us) (even )?(having to )?ask(ing)?"),
    (
        (R, S, F, G),
        "en",
        r"before (i|we)( had|'d)?( even)? (noticed|realised|realized|asked|spotted)",
    ),
    (
        (R, S, F, G),
        "en",
        r"(banks?|lenders?|insurers?|brokers?)( \w+)? (wouldn'?t|won'?t|would not|will not) (touch|"
        r"look at)",
    ),
    ((R, S, F, G), "en", r"(add|adds|adding) up (fast|quickly|quick)"),
    # the clause is no longer cut at "with" after these (_clause_rules._JOIN_EN)
    ((R, S, F, G), "en", r"spent (ages|an hour|half an hour|so long) with\b"),
    # theme patterns and excludes
    (
        (R, S, F, G),
        "en",
        r"\btalked (me|us|him|her|them) out of( \w+){0,2} (pricey|pricier|expensive|dearer|premium|"
        r"posh)\b",
    ),
    (
        (R,),
        "en",
        r"\b(swapped|swap|swaps|exchanged|exchange|refunded|replaced|took (it|them) back|take (it|"
        r"them) back)\b[^.!?]{0,60}\bno questions? asked\b",
    ),
)


def select() -> dict[str, list[str]]:
    out = {}
    for name, frame in _sets().items():
        hit = pd.Series(False, index=frame.index)
        for packs, lang, pattern in CHANGES:
            hit |= (
                frame["pack"].isin(packs)
                & (frame["lang"] == lang)
                & frame["text"].map(lambda t, p=pattern: re.search(p, t, re.IGNORECASE) is not None)
            )
        out[name] = frame.loc[hit, "id"].astype(str).tolist()
    return out


def counts(ids: dict[str, list[str]], *, learned: bool) -> dict[str, object]:
    out: dict[str, object] = {}
    errors = []
    for name, wanted in ids.items():
        if not wanted:
            continue
        frame = _sets()[name]
        frame = frame[frame["id"].isin(wanted)]
        if "score" not in frame:
            frame = frame.assign(score="")
        score = "score" if (frame["score"] != "").all() else None
        result = evaluate_mentions(frame, asks=_asks(name), learned=learned, score=score)
        out[name] = {
            str(lang): [int(r.gold), int(r.predicted), int(r.correct), int(r.polarity_correct)]
            for lang, r in result.table.set_index("lang").iterrows()
            if lang != "all"
        }
        for r in result.errors.itertuples():
            errors.append([name, r.id, r.theme, str(r.gold), str(r.predicted)])
    out["_errors"] = errors
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--select", type=Path, help="write the touched ids here")
    parser.add_argument("--ids", type=Path)
    parser.add_argument("--counts", type=Path)
    parser.add_argument("--rules-alone", action="store_true")
    args = parser.parse_args(argv)
    if args.select:
        args.select.write_text(json.dumps(select(), indent=1))
    if args.counts:
        ids = json.loads(args.ids.read_text())
        args.counts.write_text(json.dumps(counts(ids, learned=not args.rules_alone), indent=1))


if __name__ == "__main__":
    main()
