"""ERR38E: per readable set, the English comments a round-19 entry could change, at two commits.

Tagging is per comment (rules, layer and correction read one comment at a time), so a set's
figures can move only on comments one of the round's patterns (``TOUCHED``) matches. Per set of
``err_sets.round38e_sets()`` this counts [gold, predicted, right, polarity right] on those
comments alone (shipped, and with ``--rules-alone`` without the learned layers) for the commit on
``PYTHONPATH``; the difference of two commits' outputs is each set's whole-figure difference.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from err_sets import _asks, _read, round38e_sets

from nps_kit.text.evaluation import evaluate_mentions

#: every pattern the round added (a comment none matches reads the same at both commits)
TOUCHED = (
    r"\b(a|an absolute|a total|a real) steal\b",  # price: a bargain called a steal
    r"\bpaid (\w+ )?out of (my |our |their |his |her )?(own )?pocket\b",  # finance claims exclude
    # retail returns exclude: what the extension adds (a search function / bar returns)
    r"(search|searching|it|filter|query) (function|bar|box|engine|tool) "
    r"(returns?|returned|returning)\b",
    # retail usability exclude
    r"\bhard to (find|get|get hold of|source) (round|around|over|out) here\b|\bhard to "
    r"(find|get hold of|source) (anywhere|elsewhere|these days|locally)\b",
    # retail / generic staff exclude
    r"\b(than|like) the (last|old|other|previous) (fella|guy|bloke|lot|chap|lad)\b",
    r"\b(stupid|crazy|ridiculously|insanely) (easy|simple)\b",  # saas usability
)


def touched(text: str) -> bool:
    return any(re.search(p, text, re.IGNORECASE) for p in TOUCHED)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rules-alone", action="store_true")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    out: dict[str, object] = {}
    for name, file in round38e_sets().items():
        frame = _read(file)
        frame = frame[(frame["lang"] == "en") & frame["text"].map(touched)].reset_index(drop=True)
        if frame.empty:
            continue
        if "score" not in frame:
            frame = frame.assign(score="")
        score = "score" if (frame["score"] != "").all() else None
        table = evaluate_mentions(
            frame, asks=_asks(name), learned=not args.rules_alone, score=score
        ).table
        r = table.set_index("lang").loc["en"]
        out[name] = {
            "comments": len(frame),
            "en": [int(r.gold), int(r.predicted), int(r.correct), int(r.polarity_correct)],
        }
    args.out.write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
