"""ERR29: what a new kept form (words whose hit the layer may not drop) keeps, per readable set.

Blind set 28's English misses the layer dropped are most often a price named by an amount
("$650 a week", "£65 for ten minutes", "return postage £4.95": 8 of 38). A form here is a
candidate entry of ``nps_kit.text._kept.KEPT``: (packs, theme, pattern); ``--table`` counts, over
the sets readable in ERR29 (``err29_drops._sets``: training set 31 never opened, blind set 28
read; the blind set above 28 never named), the dropped hits it would keep where its clause names
no other theme (``_kept._alone``): labelled with the theme (a theme gained) or not (a spurious
one), per set, with the polarity the rules give a kept hit against the label.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

import numpy as np
import pandas as pd
from err29_drops import _sets
from err_sets import DATA

from nps_kit.text._kept import _alone
from nps_kit.text._match import matcher
from nps_kit.text.evaluation import parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import _tag_polarity
from nps_kit.text.themes import _learned_layer
from nps_kit.text.tokens import _normalised_codes

ALL = ("retail", "saas", "finance", "generic")
_AMOUNT = (
    r"[£$€]\s?\d[\d,.]*k?\b|\b\d[\d,.]*\s?(quid|pounds|dollars|bucks|euros)\b"
    r"|\ba (tenner|fiver)\b"
)
#: name -> (packs, language, theme, pattern); the case is ignored (the texts are normalised)
FORMS: dict[str, tuple[tuple[str, ...], str, str, str]] = {
    "an amount of money (price)": (ALL, "en", "price", _AMOUNT),
    "an amount of money, a charge (price)": (
        ALL,
        "en",
        "price",
        r"([£$€]\s?\d[\d,.]*k?\b|\b\d[\d,.]*\s?(quid|pounds|dollars|bucks|euros)\b)[^.!?]{0,25}"
        r"\b(a|an|per|each|every|for)\b|\b(charged|billed|paid|pay|cost|costs|taken|fee|for|"
        r"spent)\b[^.!?]{0,15}([£$€]\s?\d|a tenner|a fiver)",
    ),
}


def kept(name: str) -> pd.DataFrame:
    packs, lang, theme, pattern = FORMS[name]
    words = re.compile(pattern, re.IGNORECASE)
    rows = []
    for set_name, file in _sets().items():
        frame = pd.read_csv(DATA / file, keep_default_na=False, dtype=str)
        frame = frame[(frame["lang"] == lang) & frame["pack"].isin(packs)]
        for pack, g in frame.groupby("pack", sort=False):
            book = load_pack(str(pack))
            if theme not in book.ids:
                continue
            j = list(book.ids).index(theme)
            codes, unique = _normalised_codes(g["text"].astype("string"))
            hits = matcher(book.themes).tag(unique)
            found = _learned_layer(book, unique, hits).found
            the_matcher = matcher(book.themes)
            chosen = [
                i
                for i in np.flatnonzero(hits[:, j] & ~found[:, j]).tolist()
                if words.search(unique[i]) and _alone(unique[i], j, words, the_matcher)
            ]
            if not chosen:
                continue
            texts = pd.Series([unique[i] for i in chosen], dtype="string")
            rules = _tag_polarity(texts, book, segments=None, learned=False, correct=False)[theme]
            for k, i in enumerate(chosen):
                for pos in np.flatnonzero(codes == i).tolist():
                    r = g.iloc[pos]
                    gold = parse_labels(r["labels"]).get(theme)
                    rows.append(
                        {
                            "set": set_name,
                            "id": r["id"],
                            "pack": pack,
                            "gold": gold or "",
                            "rules": "" if pd.isna(rules.iloc[k]) else str(rules.iloc[k]),
                            "text": r["text"],
                        }
                    )
    return pd.DataFrame(rows, columns=["set", "id", "pack", "gold", "rules", "text"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    for name in FORMS:
        k = kept(name)
        yes = k[k["gold"] != ""]
        per = Counter(k["set"])
        print(
            f"{name}: kept {len(k)}, labelled {len(yes)} (polarity right "
            f"{int((yes['gold'] == yes['rules']).sum())}), not labelled {len(k) - len(yes)}; "
            f"blind 28 {int((k['set'] == 'blind28').sum())}; sets {dict(per)}"
        )
        if args.show:
            for r in k.itertuples():
                print(f"  {r.set}|{r.id}|{r.pack}|gold={r.gold}|rules={r.rules}|{r.text[:150]}")


if __name__ == "__main__":
    main()
