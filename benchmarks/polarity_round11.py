"""Round 11 of the learned polarity correction (EN18, PREREG37): a design that reads the span.

Declared before any run (``docs/prereg/PREREG37.md``, English part; results are added under
"Results" only after the run). Round 18 of the theme layer (``benchmarks/layers_round10.py
--round 18``) is a pair, English only: round 14's layer choices on round 17's data grown by set
38, and this correction, its design chosen among three:

- ``D0``: round 15's (G2T: round 8's features, the guard ``_correction._FLIPS``);
- ``D1``: D0 plus the span's columns (``_polarity_layer.span_columns``, the package's own code):
  the rules' cues (request, praise, complaint, judgement) of the clauses after the theme's own
  clauses up to the next clause holding another theme (``_correction._span_cues``), whether
  they disagree with the theme's clauses (praise in one, a complaint in the other), and the
  respondent's segment crossed with the rules' reading (praise and complaint in the theme's
  clauses and in the span); the training design ``GS`` of ``polarity_layer_eval.Features``;
- ``D2``: D1 with the guard lifted (praise <-> complaint allowed): D1's model, its choice
  counted without the guard.

Procedure: round 8's ``choose`` unchanged (``polarity_round7.choose7``: pooled folds C1 = blind
25 + 26, C2 = training 29 + 30, each predicted by a model trained on every other set; most right,
ties larger thresholds then smaller C; C 1, 4, 16 growing x 4 while its top is best; t and
t_added on 0.30-0.95 by 0.05), once per design, over the mentions of the shipped English layer's
tagger (main ec5be1e's rules and theme layer: round 17's English layer, which is the estimate's,
set 38 being the only data it lacks), set 38 out of every fold model. The design with the most
right mentions on the pooled folds is the candidate's (ties: the simpler, D0 then D1), with its
C, t and t_added (``pick`` writes ``chosen11.json``). Rule S (``sentiment._score_added``) runs
after the correction in every design (the package's code; ``choose`` counts the correction's
own reading, as round 8 did).

Data: round 10's sets (``polarity_round10.SETS10``) plus set 38 (``theme_train38_{en,ja}.csv``,
round 17's decision set, read once, spent). The mentions' ``shipped`` polarity is ec5be1e's
correction (English round 17's, D0, without S). Estimate correction (``train --chosen
chosen11.json``, no ``--with-held``): every mention of the shipped tagger but set 38's, read by
``layers_round10.py whole --round 18`` with the shipped theme layer on set 38 against the shipped
pair (round 10's rule word for word). Candidate correction (``train --chosen ... --with-held``
over the candidate tagger's cache, the candidate theme layer trained with set 38): every
mention, set 38's too; Japanese arrays ec5be1e's (``--keep ja``).

Results: (filled in after the run, below this line.)

Run: ``PYTHONPATH=.:SITE python benchmarks/polarity_round11.py mentions --theme T.npz --cache
DIR [--part I/N]``, ``... choose --theme T.npz --cache DIR --lang en --design D0|D1|D2``,
``... pick --cache DIR --lang en``, ``... train --theme T.npz --cache DIR --chosen
DIR/chosen11.json [--with-held] --keep ja --out X.npz``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import polarity_round6 as pr6  # noqa: E402
import polarity_round7 as pr7  # noqa: E402
import polarity_round8 as pr8  # noqa: E402
import polarity_round10 as pr10  # noqa: E402
import train_polarity_model as tpm  # noqa: E402

from nps_kit.text._polarity_layer import DESIGNS  # noqa: E402

#: Round 10's sets and set 38. Never decision set 40 nor blind sets 35, 37 and 39.
SETS11: dict[str, str] = {
    **pr10.SETS10,
    "t38en": "theme_train38_en.csv",
    "t38ja": "theme_train38_ja.csv",
}
#: The estimate's held-out set (both languages): out of every fold model and the estimate's fit.
HELD11 = "38"
#: Main whose resources are shipped (ec5be1e's): the mentions' ``shipped``.
SHIPPED11 = "ec5be1e"
#: Per design, the training design of ``polarity_layer_eval.Features`` and whether the guard holds.
TRAINING = {"D0": ("G", True), "D1": ("GS", True), "D2": ("GS", False)}
#: The choices of every design (``choose``) and the candidate's (``pick``), in the cache.
CHOICES11, CHOSEN11 = "choice11.json", "chosen11.json"


def use_round11(design: str = "D0") -> None:
    """Point round 8's steps at round 11's sets, held-out set, shipped commit and ``design``."""
    pr8.SETS8, pr8.HELD8, pr8.SHIPPED8 = SETS11, HELD11, SHIPPED11
    pr8.CHOICE8 = f"choice11-{design}.json"
    pr8.DESIGN8 = design
    tpm.DESIGN = TRAINING[design][0]


def choose(theme: Path, cache: Path, lang: str, design: str) -> None:
    """Choose C, t, t_added of ``design`` on the pooled folds; record them and their right."""
    use_round11(design)
    data = pr8.read_mentions(cache, list(SETS11), theme)
    mine = data[(data["lang"] == lang) & (data["fold"] != HELD11)]
    start = time.process_time()
    guard = TRAINING[design][1]
    c, t, ta = pr7.choose7(mine, lang, cache, guard=guard)
    group = mine["fold"].map(pr7.FOLDS7)
    pooled = pd.concat([mine[group == k] for k in sorted(set(pr7.FOLDS7.values()))])
    prob = np.vstack(pr7.fold_probs(mine, lang, c, cache))
    added = pooled["added"].to_numpy(dtype=bool)
    right = (
        pr6.right_by_t(pooled[~added], prob[~added], guard=guard)[t]
        + pr6.right_by_t(pooled[added], prob[added], guard=guard)[ta]
    )
    path = cache / CHOICES11
    saved = json.loads(path.read_text()) if path.exists() else {}
    entry = [c, t, ta, right, len(pooled)]
    if saved.get(design, {}).get(lang, entry) != entry:
        raise SystemExit(f"error: {path} holds another choice for {design} {lang}")
    saved.setdefault(design, {})[lang] = entry
    path.write_text(json.dumps(saved, sort_keys=True) + "\n")
    took = time.process_time() - start
    print(f"{design} {lang}: C, t, t_added = {(c, t, ta)}, {right} right of {len(pooled)}")
    print(f"  ({took:.0f} s CPU)")


def pick(cache: Path, lang: str) -> None:
    """The design with most right on the pooled folds (ties: the simpler); write its choice."""
    saved = json.loads((cache / CHOICES11).read_text())
    missing = [d for d in DESIGNS if lang not in saved.get(d, {})]
    if missing:
        raise SystemExit(f"error: no choice of {', '.join(missing)} for {lang}: run choose")
    for d in DESIGNS:
        c, t, ta, right, n = saved[d][lang]
        print(f"  {d}: C {c:g}, t {t}, t_added {ta}: {right} right of {n}")
    best = max(DESIGNS, key=lambda d: (saved[d][lang][3], -DESIGNS.index(d)))
    path = cache / CHOSEN11
    chosen = json.loads(path.read_text()) if path.exists() else {}
    chosen[lang] = saved[best][lang][:3]
    chosen.setdefault("design", {})[lang] = best
    path.write_text(json.dumps(chosen, sort_keys=True) + "\n")
    print(f"{lang}: {best}, C, t, t_added = {tuple(chosen[lang])} -> {path}")


def main(argv: list[str] | None = None) -> int:
    """Round 8's mentions and train steps over round 11's data; choose per design; pick."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=["mentions", "choose", "pick", "train"])
    parser.add_argument("--theme", type=Path, help="the theme layer resource")
    parser.add_argument("--cache", type=Path, required=True, help="this tagger's mentions")
    parser.add_argument("--lang", choices=["en", "ja"], default="en")
    parser.add_argument("--design", choices=list(DESIGNS), help="choose: the design")
    parser.add_argument("--chosen", type=Path, help="train: pick's chosen11.json")
    args, rest = parser.parse_known_args(argv)
    if args.step == "pick":
        pick(args.cache, args.lang)
        return 0
    if args.theme is None or not args.theme.is_file():
        parser.error(f"--theme: no file {args.theme}")
    if args.step == "choose":
        if args.design is None:
            parser.error("choose needs --design")
        args.cache.mkdir(parents=True, exist_ok=True)
        pr8.stamp(args.cache, args.theme.resolve())
        choose(args.theme.resolve(), args.cache, args.lang, args.design)
        return 0
    base = ["--theme", str(args.theme), "--cache", str(args.cache), *rest]
    if args.step == "mentions":
        use_round11()
        return pr8.main(["mentions", *base])
    if args.chosen is None:
        parser.error("train needs --chosen")
    chosen = json.loads(args.chosen.read_text())
    designs = set(chosen["design"].values())
    if len(designs) != 1:
        raise SystemExit(f"error: one design per resource, {args.chosen} names {designs}")
    use_round11(designs.pop())
    return pr8.main(["train", *base, "--chosen", str(args.chosen)])


if __name__ == "__main__":
    raise SystemExit(main())
