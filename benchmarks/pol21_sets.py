"""POL21: polarity per labelled set and language, and every polarity error with its explanation.

``--counts OUT.json``: per set and language the themes found right, the polarity right and the
themes predicted (shipped tagger, as ``bench_text.py --eval`` reads it, or ``--rules-alone``;
imp12/imp13 with ``asks="improvement"``). Groups: ``read`` (the sets the error list reads),
``older`` (held out from every change of POL21), ``probes``.
``--errors OUT.csv``: every polarity error on a correctly found theme of the English (or
``--lang``) readable sets, with the reading before the learned correction, the rules alone,
``explain_themes``' source and words, and each clause's score.
Blind set 20 and training set 25 are never named here.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from nps_kit.score import segment
from nps_kit.text import explain_themes
from nps_kit.text.evaluation import evaluate_mentions, parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import Asks, _clauses, _score, _tag_polarity
from nps_kit.text.tokens import _normalised_codes

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"

#: The sets the error list reads (designed on).
READ = {
    "blind13": "theme_eval_blind13.csv",
    "blind15": "theme_eval_blind15.csv",
    "blind16": "theme_eval_blind16.csv",
    "blind17": "theme_eval_blind17.csv",
    "blind18": "theme_eval_blind18.csv",
    "blind19": "theme_eval_blind19.csv",
    "train23en": "theme_train23_en.csv",
    "train23ja": "theme_train23_ja.csv",
    "train24en": "theme_train24_en.csv",
    "train24ja": "theme_train24_ja.csv",
    "short14": "theme_eval_short14.csv",
    "unit14en": "theme_unit14_en.csv",
    "unit14ja": "theme_unit14_ja.csv",
    "imp12en": "theme_eval_imp12_en.csv",
    "imp12ja": "theme_eval_imp12_ja.csv",
    "imp13en": "theme_eval_imp13_en.csv",
    "imp13ja": "theme_eval_imp13_ja.csv",
}
#: Older labelled sets, not in the error list: held out from every change designed here.
OLDER = {
    "blind1": "theme_eval_blind.csv",
    **{f"blind{n}": f"theme_eval_blind{n}.csv" for n in range(2, 13)},
    **{
        f"train{n}{lang}": f"theme_train{n}_{lang}.csv"
        for n in (5, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22)
        for lang in ("en", "ja")
    },
}
PROBES = {
    "probe20en": "polarity_probe20_en.csv",
    "probe20ja": "polarity_probe20_ja.csv",
    "probe21en": "polarity_probe21_en.csv",
}


def _asks(name: str) -> Asks:
    return "improvement" if name.startswith("imp") else "reason"


def _read(name: str, group: dict[str, str]) -> pd.DataFrame | None:
    path = DATA / group[name]
    return pd.read_csv(path, keep_default_na=False, dtype=str) if path.exists() else None


def counts(groups: list[str], *, learned: bool = True) -> dict[str, dict[str, list[int]]]:
    out: dict[str, dict[str, list[int]]] = {}
    for group_name in groups:
        group = {"read": READ, "older": OLDER, "probes": PROBES}[group_name]
        for name in group:
            frame = _read(name, group)
            if frame is None:
                continue
            table = evaluate_mentions(frame, asks=_asks(name), learned=learned).table
            table = table.set_index("lang")
            out[name] = {
                str(lang): [int(r.correct), int(r.polarity_correct), int(r.predicted)]
                for lang, r in table.iterrows()
                if lang != "all"
            }
            print(name, out[name], flush=True)
    return out


def errors(lang: str) -> pd.DataFrame:
    rows = []
    for name in [*READ, *PROBES]:
        group = READ if name in READ else PROBES
        frame = _read(name, group)
        if frame is None:
            continue
        frame = frame[frame["lang"] == lang]
        asks = _asks(name)
        for pack_name, g in frame.groupby("pack", sort=False):
            book = load_pack(str(pack_name))
            g = g.reset_index(drop=True)
            texts = g["text"].astype("string")
            seg = segment(pd.to_numeric(g["score"], errors="coerce"))
            shipped = _tag_polarity(
                texts, book, segments=seg, learned=True, correct=True, asks=asks
            )
            before = _tag_polarity(
                texts, book, segments=seg, learned=True, correct=False, asks=asks
            )
            alone = _tag_polarity(
                texts, book, segments=seg, learned=False, correct=False, asks=asks
            )
            words = _tag_polarity(
                texts, book, segments=None, learned=True, correct=False, asks=asks
            )
            why = explain_themes(texts, book)
            _, unique = _normalised_codes(texts)
            codes, _ = _normalised_codes(texts)
            for i, row in g.iterrows():
                gold = parse_labels(row["labels"])
                for theme, polarity in gold.items():
                    got = shipped.at[i, theme]
                    if pd.isna(got) or got == polarity:
                        continue
                    w = why[(why["row"] == i) & (why["theme"] == theme)]
                    norm = unique[int(codes[i])]
                    clauses = " | ".join(
                        f"{c.text}={_score(c.text).polarity[:3]}" for c in _clauses(norm)
                    )
                    a = alone.at[i, theme]
                    rows.append(
                        {
                            "set": name,
                            "id": row["id"],
                            "lang": lang,
                            "pack": pack_name,
                            "score": row["score"],
                            "theme": theme,
                            "gold": polarity,
                            "shipped": got,
                            "before_correction": before.at[i, theme],
                            "rules_alone": "" if pd.isna(a) else a,
                            "words_only": words.at[i, theme],
                            "explain_source": "" if w.empty else str(w["source"].iloc[0]),
                            "explain_words": "" if w.empty else str(w["words"].iloc[0]),
                            "text": row["text"],
                            "clauses": clauses,
                        }
                    )
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counts", type=Path)
    parser.add_argument("--groups", default="read,probes")
    parser.add_argument("--errors", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--rules-alone", action="store_true", help="learned=False (counts)")
    args = parser.parse_args()
    if args.counts:
        args.counts.write_text(
            json.dumps(counts(args.groups.split(","), learned=not args.rules_alone), indent=1)
        )
    if args.errors:
        errors(args.lang).to_csv(args.errors, index=False)


if __name__ == "__main__":
    main()
