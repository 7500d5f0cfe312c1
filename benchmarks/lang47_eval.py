"""How often the "another language" rule (nps_kit.text.languages) errs and finds (TEXT47).

Run: ``python benchmarks/lang47_eval.py [QA26_HOTEL_TSV QA26_KFZ_CSV]``.

1. Every readable labelled set in tests/data (never theme_eval_blind24.csv nor
   theme_train28_*): each comment is English or Japanese, so any comment the rule calls another
   language is an error. Read as written and normalised (the tagger reads the normalised text).
2. The QA26 fixtures (qa26/gen_hotel.py, qa26/gen_kfz.py on branch qa26): the share of their
   French/Spanish/German comments the rule finds, and the English ones it calls foreign.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from nps_kit.text.languages import other_language
from nps_kit.text.tokens import normalise_one

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
#: Labelled sets no script may read yet: blind set 29, a measure (PREREG29).
UNREAD = frozenset({"theme_eval_blind29.csv"})


def readable_sets() -> list[Path]:
    """Every labelled comment set that may be read (blind 28 and decision set 31 are spent too).

    A blind or decision set being written or not yet read belongs in ``UNREAD``.
    """
    return sorted(path for path in DATA.glob("*.csv") if path.name not in UNREAD)


def labelled() -> None:
    """Print the share of en/ja comments called another language."""
    total = wrong = 0
    wrong_norm = 0
    seen: Counter[str] = Counter()
    for path in readable_sets():
        frame = pd.read_csv(path, keep_default_na=False, dtype=str)
        if "text" not in frame:
            continue
        for text in frame["text"]:
            total += 1
            if other_language(text) is not None:
                wrong += 1
                seen[f"{other_language(text)}: {text[:80]}"] += 1
            if other_language(normalise_one(text)) is not None:
                wrong_norm += 1
    print(f"labelled en/ja comments: {total:,} in {len(readable_sets())} files")
    print(f"  called another language, as written: {wrong} ({100 * wrong / total:.3f} %)")
    print(f"  called another language, normalised: {wrong_norm} ({100 * wrong_norm / total:.3f} %)")
    for item, n in seen.most_common():
        print(f"    {n} × {item}")


def fixtures(hotel: Path, kfz: Path) -> None:
    """Print the share of the QA26 fixtures' foreign comments found."""
    h = pd.read_csv(hotel, sep="\t", encoding="utf-16", dtype=str, keep_default_na=False)
    k = pd.read_csv(kfz, sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
    # The generators' English comments are the hotel's pos/neu/neg lists: every hotel comment
    # whose words are not those lists' is French, Spanish or German; every kfz one is German.
    english = {"en"}
    for name, texts, expected in (("hotel", h["Comments"], None), ("kfz", k["Kommentar"], "de")):
        texts = texts[texts.str.strip() != ""]
        found = texts.map(other_language)
        print(f"{name}: {len(texts):,} comments, {int(found.notna().sum()):,} another language")
        print("  ", dict(Counter(found.dropna())))
        if expected:
            print(f"  found {100 * found.notna().mean():.1f} % of the {expected} comments")
        else:
            print("  distinct texts called English:")
            for text in sorted(set(texts[found.isna()])):
                if len(text) < 60 and text.split()[0] not in english:
                    print("    ", text)


if __name__ == "__main__":
    labelled()
    if len(sys.argv) == 3:
        fixtures(Path(sys.argv[1]), Path(sys.argv[2]))
