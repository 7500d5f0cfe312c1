"""POL23: polarity per readable set and language, and blind set 21's polarity errors.

``--counts OUT.json``: per set and language [gold, predicted, right, polarity right] of the
shipped tagger (as ``bench_text.py --eval`` reads it; imp12/imp13 with ``asks="improvement"``)
or, with ``--rules-alone``, of the rules without the learned layers; ``--mentions OUT.csv``
also writes every correctly found mention (set, id, theme, gold, read) so that two commits'
right and wrong mentions can be compared one by one. Every readable set, blind 20 and 21
(spent) and training set 25 included. Training set 26 is read only through
``bench_text.py --eval`` (whole figures); blind set 22 and training set 27 are never named here.
``--errors OUT.csv``: every polarity error on a correctly found theme of blind set 21 (both
languages) with the reading before the learned correction, the rules alone, ``explain_themes``'
source and words, and each clause's own reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from nps_kit.score import segment
from nps_kit.text import explain_themes
from nps_kit.text.evaluation import parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import Asks, _clauses, _score, _tag_polarity
from nps_kit.text.tokens import _normalised_codes

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from err_sets import readable_sets  # noqa: E402

#: Every readable set when blind 21 was studied (err_sets' list), blind 21 itself and the probes.
SETS = {
    **readable_sets(21),
    "blind21": "theme_eval_blind21.csv",
    "probe20en": "polarity_probe20_en.csv",
    "probe20ja": "polarity_probe20_ja.csv",
    "probe21en": "polarity_probe21_en.csv",
}
BLIND21 = "theme_eval_blind21.csv"


def _asks(name: str) -> Asks:
    return "improvement" if name.startswith("imp") else "reason"


def _read(file: str) -> pd.DataFrame:
    frame = pd.read_csv(DATA / file, keep_default_na=False, dtype=str)
    if "score" not in frame:
        frame = frame.assign(score="")
    return frame


def mentions(*, learned: bool) -> pd.DataFrame:
    """Every gold and predicted mention of every set: set, id, lang, theme, gold, read."""
    rows = []
    for name, file in SETS.items():
        frame = _read(file)
        has_score = bool((frame["score"] != "").all())
        for pack_name, g in frame.groupby("pack", sort=False):
            book = load_pack(str(pack_name))
            g = g.reset_index(drop=True)
            seg = segment(pd.to_numeric(g["score"], errors="coerce")) if has_score else None
            tags = _tag_polarity(
                g["text"].astype("string"),
                book,
                segments=seg,
                learned=learned,
                correct=learned and has_score,
                asks=_asks(name),
            )
            for i, row in g.iterrows():
                gold = parse_labels(row["labels"])
                found = {str(t): str(v) for t, v in tags.iloc[i].items() if pd.notna(v)}
                for theme in sorted(set(gold) | set(found)):
                    rows.append(
                        {
                            "set": name,
                            "id": row["id"],
                            "lang": row["lang"],
                            "theme": theme,
                            "gold": gold.get(theme, ""),
                            "read": found.get(theme, ""),
                        }
                    )
        print(name, flush=True)
    return pd.DataFrame(rows)


def counts(table: pd.DataFrame) -> dict[str, dict[str, list[int]]]:
    out: dict[str, dict[str, list[int]]] = {}
    for (name, lang), g in table.groupby(["set", "lang"], sort=False):
        found = (g["gold"] != "") & (g["read"] != "")
        out.setdefault(str(name), {})[str(lang)] = [
            int((g["gold"] != "").sum()),
            int((g["read"] != "").sum()),
            int(found.sum()),
            int((found & (g["gold"] == g["read"])).sum()),
        ]
    return out


def errors() -> pd.DataFrame:
    frame = _read(BLIND21)
    rows = []
    for (lang, pack_name), g in frame.groupby(["lang", "pack"], sort=False):
        book = load_pack(str(pack_name))
        g = g.reset_index(drop=True)
        texts = g["text"].astype("string")
        seg = segment(pd.to_numeric(g["score"], errors="coerce"))
        shipped = _tag_polarity(texts, book, segments=seg, learned=True, correct=True)
        before = _tag_polarity(texts, book, segments=seg, learned=True, correct=False)
        alone = _tag_polarity(texts, book, segments=seg, learned=False, correct=False)
        words = _tag_polarity(texts, book, segments=None, learned=True, correct=False)
        why = explain_themes(texts, book)
        codes, unique = _normalised_codes(texts)
        for i, row in g.iterrows():
            for theme, polarity in parse_labels(row["labels"]).items():
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
    parser.add_argument("--mentions", type=Path)
    parser.add_argument("--rules-alone", action="store_true")
    parser.add_argument("--errors", type=Path)
    args = parser.parse_args()
    if args.counts:
        table = mentions(learned=not args.rules_alone)
        args.counts.write_text(json.dumps(counts(table), indent=1))
        if args.mentions:
            table.to_csv(args.mentions, index=False)
    if args.errors:
        errors().to_csv(args.errors, index=False)


if __name__ == "__main__":
    main()
