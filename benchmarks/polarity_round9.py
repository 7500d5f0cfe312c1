"""Round 9 of the learned polarity correction (LAY31, PREREG35): refit over round 16's theme layer.

Declared here before anything below was run (``docs/prereg/PREREG35.md``; results are added
under "Results" only after the run). Round 16 of the theme layer (``benchmarks/layers_round10.py
--round 16``) is a pair: round 14's theme layer choices on round 16's data and this correction,
refitted on the mentions of the tagger with that layer, shipped together or not at all.

Design and procedure: round 8's (``benchmarks/polarity_round8.py``), with **no choice made
again**: round 15's choice is fixed (``CHOICE9``: G2T, en C 4, t 0.30, t_added 0.50; ja C 4, t
0.40, t_added 0.60), so there is no ``choose`` step. What grows is the data: round 8's sets
(``polarity_round8.SETS8``) plus training sets 32 and 34 (``theme_train32_*``, ``theme_train34_*``,
decision sets read once each, spent) and blind sets 29, 30 and 33 (spent, PREREG34). The tagger:
main's rules at 62d2456 with the theme layer named by ``--theme`` (the estimate's, trained
without blind 33, or the candidate's, with it); the mentions' ``shipped`` polarity is 62d2456's
correction (e903b3c's bytes), pinned whatever the tree holds. Each cache directory holds one
tagger's mentions (``tagger.txt``, the theme resource's SHA-256).

Estimate correction (``train``, no ``--with-held``): fitted on every mention of the estimate
tagger but blind 33's, with the fixed choice, both languages; read with the estimate theme layer
on blind 33 whole by ``layers_round10.py whole --round 16`` against the shipped pair (round 10's
rule, per language). Candidate correction (``train --with-held`` over the candidate tagger's
cache): every mention, blind 33's too, for the languages with a candidate; a language without one
keeps 62d2456's arrays (``--keep``).

Results: (filled in after the run, below this line.)

Mentions of the estimate tagger (round 16's layer trained without blind 33, ``r16/est.npz`` in
LAY31's worktree, not committed): 35,104 English and 31,784 Japanese over the 88 set files (round
8: 32,364 / 29,367 over 81), 78 s CPU in two parts. Estimate correction (no choice made: en C 4,
t 0.30, t_added 0.50; ja C 4, 0.40 / 0.60): fitted on 34,748 English / 31,486 Japanese mentions
(blind 33's left out), 46,360 / 89,264 n-grams, 53 s / 62 s CPU (one process per language,
``--keep`` the other, joined with ``layers_round10.py join``). Whole tagger on blind 33 held out:
see ``benchmarks/layers_round10.py`` (round 16): polarity en 0.777 -> 0.787, ja 0.851 -> 0.856
against the shipped pair: both languages have a candidate.

Candidate (both languages): the candidate tagger's mentions (round 16's layer trained with blind
33, ``r16/cand.npz``, the committed ``theme_layer.npz`` byte for byte): 35,182 English / 31,902
Japanese over the 88 files, 65 s CPU in two parts; ``train --with-held`` with the fixed choice on
every mention, blind 33's too: 47,062 / 91,134 n-grams, 71 s / 66 s CPU; joined, 2,554,499 bytes
(62d2456's 1,965,028).

Run: ``PYTHONPATH=.:SITE python benchmarks/polarity_round9.py mentions --theme T.npz --cache DIR
[--part I/N]``, ``... train --theme T.npz --cache DIR [--with-held] [--keep LANG] --out X.npz``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import polarity_round8 as pr8  # noqa: E402

#: Round 8's sets, training 32 and 34, blind 29, 30 and 33. Never decision set 36 nor blind 35.
SETS9: dict[str, str] = {
    **pr8.SETS8,
    "t32en": "theme_train32_en.csv",
    "t32ja": "theme_train32_ja.csv",
    "t34en": "theme_train34_en.csv",
    "t34ja": "theme_train34_ja.csv",
    "b29": "theme_eval_blind29.csv",
    "b30": "theme_eval_blind30.csv",
    "b33": "theme_eval_blind33.csv",
}
#: The estimate's held-out set: out of the estimate correction's fit.
HELD9 = "b33"
#: Main whose resources are shipped (62d2456's, e903b3c's bytes): the mentions' ``shipped``.
SHIPPED9 = "62d2456"
#: Round 15's choice (``choice8.json`` of LAY30), fixed: (C, t, t_added) per language.
CHOICE9: dict[str, tuple[float, float, float]] = {"en": (4.0, 0.30, 0.50), "ja": (4.0, 0.40, 0.60)}


def use_round9() -> None:
    """Point round 8's steps at round 9's sets, held-out set and shipped commit."""
    pr8.SETS8 = SETS9
    pr8.HELD8 = HELD9
    pr8.SHIPPED8 = SHIPPED9


def main(argv: list[str] | None = None) -> int:
    """Read the mentions or train (see the module description)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=["mentions", "train"])
    parser.add_argument("--theme", type=Path, required=True, help="the theme layer resource")
    parser.add_argument("--cache", type=Path, required=True, help="this tagger's mentions")
    parser.add_argument("--part", default="1/1", help="mentions: the I-th of N slices of the sets")
    parser.add_argument(
        "--with-held", action="store_true", help="train: fit blind 33 too (the candidate)"
    )
    parser.add_argument("--keep", nargs="*", default=[], choices=["en", "ja"])
    parser.add_argument("--sample", action="store_true", help="train: the test's probabilities")
    parser.add_argument("--out", type=Path, help="train: the resource written")
    args = parser.parse_args(argv)
    if not args.theme.is_file():
        parser.error(f"--theme: no file {args.theme}")
    use_round9()
    theme = args.theme.resolve()
    args.cache.mkdir(parents=True, exist_ok=True)
    pr8.stamp(args.cache, theme)
    i, n = map(int, args.part.split("/"))
    names = list(SETS9)[i - 1 :: n] if args.step == "mentions" else list(SETS9)
    data = pr8.read_mentions(args.cache, names, theme)
    print(data.groupby("lang").size().to_dict(), file=sys.stderr)
    if args.step == "train":
        if args.out is None:
            parser.error("train needs --out")
        chosen = {lang: list(v) for lang, v in CHOICE9.items()}
        pr8.train(
            data, args.cache, chosen, args.keep, args.out, held=args.with_held, show=args.sample
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
