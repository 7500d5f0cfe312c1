"""ERR25: whole figures of the comments this round's rule changes can touch, per set and language.

A new keyword, pattern or exclude changes the reading only of the comments its text is in; the
learned layers read each comment alone, so every other comment reads the same by construction
(ERR23's method, ``touched_counts.py``). ``CHANGES`` holds this round's patterns as written in
the packs. ``--select IDS.json`` writes, per set readable in ERR25 (``err25_forms._sets``:
training set 28 never opened), the ids of the comments of a change's packs and language that hold
it. ``--counts OUT.json --ids IDS.json`` evaluates those comments with the code it runs in (run it
with ``PYTHONPATH`` at a checkout of the commit before and of the one after): per set and language
[gold, predicted, right, polarity right], shipped or, with ``--rules-alone``, rules alone, and
every disagreement (``_errors``) to compare comment by comment.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pandas as pd
from err25_forms import _sets
from err_sets import _asks

from nps_kit.text.evaluation import evaluate_mentions

R, S, F, G = "retail", "saas", "finance", "generic"
#: (packs, language, pattern) of every change of ERR25, as written in the packs (case ignored)
CHANGES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        (R, G, F),
        "ja",
        r"(最後|最初|初め|始め|後ろ|うしろ|奥|手前|端|先頭|真ん中|一番前|一番後ろ|前半|後半)の方",
    ),
    ((R, F), "ja", r"会社員"),
    ((R,), "ja", r"交換用|交換部品"),
    (
        (R,),
        "en",
        r"\breturn(ed|s|ing)? (my|our|the|his|her|a|their) (\w+ )?(calls?|emails?|e-mails?|message"
        r"s?|voicemails?|texts?)\b",
    ),
    (
        (G, F),
        "ja",
        r"(\d+|数|十数|[一二三四五六七八九十]+)\s*(分|時間)(で|コース|の)[^。!?、]{0,3}(\d|[一二三"
        r"四五六七八九十数]+(万|千))[^。!?、]{0,6}円",
    ),
    ((S,), "ja", r"連絡(アプリ|網|帳|ツール)"),
    ((S,), "ja", r"精度"),
    (
        (F,),
        "ja",
        r"(\d+|[一二三四五六七八九十])(日|営業日|週間)(で|後に|以内に)[^。!?、]{0,10}(保険金|振り?"
        r"込|入金|支払|おり|下り)",
    ),
    (
        (G, F),
        "en",
        r"\b(every|each) call (was |is |took |takes |lasted )?(\d+\+?|an?|over|at least|ten|twenty"
        r"|thirty|forty)( \w+)? ?(min|mins|minutes|hours?)\b",
    ),
    (
        (G, F),
        "en",
        r"\b(\d+|two|three|five|ten|a few|few) (minutes?|mins?|seconds?) (on|in|with|via|through) "
        r"the (app|website|site)\b",
    ),
    (
        (G,),
        "en",
        r"\b(chauffeurs?|zoo ?keepers?|keepers|pilots?)\b(?! (scheme|programme|program|project|stu"
        r"dy|light))",
    ),
    ((G,), "ja", r"芋洗い|イモ洗い|すし詰め|ぎゅうぎゅう"),
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
