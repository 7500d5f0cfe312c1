"""Round 8 of the learned polarity correction (LAY30, PREREG31): refit over round 15's theme layer.

Declared here before anything below was run (``docs/prereg/PREREG31.md``; results are added
under "Results" only after the run). Round 15 of the theme layer (``benchmarks/layers_round10.py
--round 15``) is a pair: round 14's theme layer (its choices fixed) and this correction,
refitted on the mentions of the tagger with that layer, shipped together or not at all.

Design and procedure: polarity round 7's unchanged (``benchmarks/polarity_round7.py``): design
G2T in both languages (G's features and guard, a second threshold ``{lang}_threshold_added``
for the themes the theme layer added, chosen apart on the same pooled folds); C, t and t_added
chosen on the pooled folds C1 = blind 25 + 26, C2 = training 29 + 30, each predicted by a model
trained on every other set (``polarity_round7.choose7``: most right, ties larger thresholds then
smaller C; C in 1, 4, 16 growing x 4 while its top is best; t and t_added on 0.30-0.95 by 0.05);
the same left-out sets (imp12 / imp13, the second labellings, ``theme_eval.csv``, food sets 1
and 2).

What changes is what it reads. The tagger: today's rules and English addition verifier (main
be04d9a = e903b3c's text code) with the theme layer named by ``--theme`` (a resource file: the
estimate's layer, trained without blind 28, or the candidate's, with it); the mentions'
``shipped`` polarity is the shipped correction (e903b3c's resource, English round 6, Japanese
round 7) pinned whatever the tree holds. Each cache directory holds one tagger's mentions (its
``tagger.txt`` names the theme resource's SHA-256; a different one is refused). The data: round
7's sets (``polarity_round7.SETS7``) plus training 31 (``theme_train31_{en,ja}.csv``, polarity
round 7's decision set, read once, spent) and blind 28 (``theme_eval_blind28.csv``, read twice,
spent).

Choice (once, ``choose``): on the folds' mentions of the estimate tagger, blind 28 left out of
every model (so that nothing that reads blind 28's labels decides its estimate); written to
``choice8.json`` in that tagger's cache and kept, unchanged, for the candidate's refit.

Estimate correction (``train --chosen``, no ``--with-held``): fitted on every mention of the
estimate tagger but blind 28's, with the chosen C, t and t_added, both languages; read with the
estimate theme layer on blind 28 whole by ``layers_round10.py whole --round 15`` against the
shipped pair (round 10's rule, per language). Candidate correction (``train --chosen ...
--with-held``, over the candidate tagger's cache): every mention, blind 28's too, for the
languages with a candidate; a language without one keeps e903b3c's arrays (``--keep``).

Results: (filled in after the run, below this line.)

Mentions of the estimate tagger (round 14's layer trained without blind 28, ``round15/est.npz``
in LAY30's worktree, not committed): 32,364 English and 29,367 Japanese over the 81 set files
(round 7: 30,617 / 28,152 over 78), 59 s CPU in two parts. Choice on the pooled folds (blind 25
+ 26, training 29 + 30; blind 28 out of every fold model), right of the fold mentions per C 1, 4,
16: English 1,684, 1,691, 1,690 of 1,966 (the tagger 1,603; the shipped round-6 correction, which
trained on the folds, 1,684; 559 added) -> **C 4, t 0.30, t_added 0.50** (round 7's English: C
4, 0.35 / 0.50); Japanese 1,605, 1,608, 1,607 of 1,776 (tagger 1,522, shipped round 7 1,645, 384
added) -> **C 4, t 0.40, t_added 0.60** (round 7's: C 4, 0.50 / 0.75). ``choice8.json``: ``{"en":
[4.0, 0.3, 0.5], "ja": [4.0, 0.4, 0.6]}``, kept for the candidate. Estimate correction: fitted on
31,988 English / 29,030 Japanese mentions (blind 28's left out), 41,887 / 80,799 n-grams. Whole
tagger on blind 28 held out: see ``benchmarks/layers_round10.py`` (round 15): English polarity
0.8537 with the shipped correction -> 0.8590 with this one (shipped pair 0.8595): English has a
candidate; Japanese 0.8724 with either (shipped pair 0.8802): none.

Candidate (English; Japanese keeps e903b3c's arrays): the candidate tagger's mentions (round 14's
English layer trained with blind 28; ``mentions --theme`` a file whose Japanese layer was the
candidate's too, which no English mention reads: blind 27's and 28's English mentions are the
same, column for column, over the package resource with e903b3c's Japanese layer), 32,471
English over the 81 files, 70 s CPU in two parts; ``train --chosen`` the estimate's
``choice8.json`` ``--with-held --keep ja``: C 4, t 0.30, t_added 0.50 on every English mention,
42,594 n-grams (round 6's English: C 4, t 0.30, no second threshold), 65 s CPU; 2,242,771 bytes
(e903b3c's 1,965,028).

Run: ``PYTHONPATH=.:SITE nice -n 10 python benchmarks/polarity_round8.py mentions --theme T.npz
--cache DIR --part I/N``, ``... choose --theme T.npz --cache DIR --lang L`` (writes the choice),
``... train --theme T.npz --cache DIR --chosen DIR/choice8.json [--with-held] [--keep LANG]
--out X.npz``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import polarity_round6 as pr6  # noqa: E402
import polarity_round7 as pr7  # noqa: E402
import train_polarity_model as tpm  # noqa: E402
from polarity_layer_eval import POLARITIES, SEGMENTS, mentions  # noqa: E402
from train_theme_model import write  # noqa: E402

#: Round 7's sets, training 31 and blind 28. Never decision set 32 nor blind 29, 30, 33.
SETS8: dict[str, str] = {
    **pr7.SETS7,
    "t31en": "theme_train31_en.csv",
    "t31ja": "theme_train31_ja.csv",
    "b28": "theme_eval_blind28.csv",
}
#: The estimate's held-out set, a fold (``polarity_round7.fold7``: a blind set's name, or a
#: numbered set's number for both its languages): out of the choice and of the estimate's fit.
HELD8 = "b28"
#: The file in a tagger's cache that ``choose`` writes (round 10 names its own).
CHOICE8 = "choice8.json"
#: Main whose resources are shipped (754f2f3's): its correction is the mentions' ``shipped``.
SHIPPED8 = "e903b3c"
#: The correction's design the resource names (round 11, ``_polarity_layer.DESIGNS``); ``D0``
#: (rounds 8-10) names none, as before.
DESIGN8 = "D0"


def stamp(cache: Path, theme: Path) -> None:
    """Bind ``cache`` to the theme resource ``theme`` (its SHA-256); refuse another one."""
    digest = hashlib.sha256(theme.read_bytes()).hexdigest()
    path = cache / "tagger.txt"
    if path.exists() and path.read_text().split()[0] != digest:
        raise SystemExit(f"error: {cache} holds the mentions of another theme layer than {theme}")
    path.write_text(f"{digest} {theme}\n")


def read_mentions(cache: Path, names: list[str], theme: Path) -> pd.DataFrame:
    """The mentions of ``names`` over the tagger with theme layer ``theme`` (cached per set)."""
    from nps_kit.text import _layer

    _layer._resource = lambda: theme  # type: ignore[assignment]
    for cached in (_layer._models, _layer._trained_excludes, _layer._pack_model):
        cached.cache_clear()
    parts = []
    with tempfile.TemporaryDirectory() as tmp:
        shipped = Path(tmp) / "polarity_layer.npz"
        shipped.write_bytes(pr7.resource_at(SHIPPED8))
        with pr6.correction(shipped):
            for name in names:
                path = cache / f"m8-{name}.pkl"
                if not path.exists():
                    start = time.process_time()
                    mentions(name, SETS8[name], shipped=True).to_pickle(path)
                    took = time.process_time() - start
                    print(f"  {name}: {took:.0f} s CPU", file=sys.stderr)
                parts.append(pd.read_pickle(path))
    data = pd.concat(parts, ignore_index=True)
    return data.assign(fold=data["set"].map(pr7.fold7))


def fitted(data: pd.DataFrame, lang: str, c: float, cache: Path, *, held: bool) -> tuple:
    """The features and model of a language on every mention (blind 28's only if ``held``)."""
    design = "" if tpm.DESIGN == "G" else f"-{tpm.DESIGN}"  # round 11's GS apart from G
    path = cache / f"model8-{lang}-{c:g}-{'with' if held else 'without'}-{HELD8}{design}.pkl"
    if not path.exists():
        pd.to_pickle(tpm.fit(data, lang, c), path)
    return pd.read_pickle(path)


def train(
    data: pd.DataFrame,
    cache: Path,
    chosen: dict,
    keep: list[str],
    out: Path,
    *,
    held: bool,
    show: bool = False,
) -> None:
    """Fit each language not kept with the chosen C, t and t_added; write ``out``."""
    if not held:
        data = data[data["fold"] != HELD8]
    named: dict[str, np.ndarray] = {
        "polarities": np.array(POLARITIES, dtype=str),
        "segments": np.array(SEGMENTS, dtype=str),
    }
    named.update(pr7.kept_arrays(keep, SHIPPED8))
    for lang in [lang for lang in ("en", "ja") if lang not in keep]:
        c, t, ta = chosen[lang]
        features, model = fitted(data, lang, c, cache, held=held)
        named.update(tpm.arrays(features, model, lang, t))
        named[f"{lang}_threshold_added"] = np.array(ta, dtype=np.float64)
        if DESIGN8 != "D0":
            named[f"{lang}_design"] = np.array(DESIGN8, dtype=str)
        n = int((data["lang"] == lang).sum())
        print(f"{lang}: C={c} t={t} t_added={ta}, {n} mentions, {len(features.text.vocabulary_)}")
        if show:  # the test's probabilities (the sample read over the named theme layer)
            tpm.sample(features, model, lang)
    write(out, named)
    print(f"wrote {out} ({out.stat().st_size:,} bytes): {keep or 'no language'} kept")


def main(argv: list[str] | None = None) -> int:
    """Read the mentions, choose once, or train (see the module description)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=["mentions", "choose", "train"])
    parser.add_argument("--theme", type=Path, required=True, help="the theme layer resource")
    parser.add_argument("--cache", type=Path, required=True, help="this tagger's mentions")
    parser.add_argument("--part", default="1/1", help="mentions: the I-th of N slices of the sets")
    parser.add_argument("--lang", choices=["en", "ja"], help="choose: the language")
    parser.add_argument("--chosen", type=Path, help="train: the choice (choose's choice8.json)")
    parser.add_argument(
        "--with-held", action="store_true", help="train: fit blind 28 too (the candidate)"
    )
    parser.add_argument("--keep", nargs="*", default=[], choices=["en", "ja"])
    parser.add_argument("--sample", action="store_true", help="train: the test's probabilities")
    parser.add_argument("--out", type=Path, help="train: the resource written")
    args = parser.parse_args(argv)
    if not args.theme.is_file():
        parser.error(f"--theme: no file {args.theme}")
    theme = args.theme.resolve()
    args.cache.mkdir(parents=True, exist_ok=True)
    stamp(args.cache, theme)
    i, n = map(int, args.part.split("/"))
    names = list(SETS8)[i - 1 :: n] if args.step == "mentions" else list(SETS8)
    data = read_mentions(args.cache, names, theme)
    print(data.groupby("lang").size().to_dict(), file=sys.stderr)
    if args.step == "choose":
        if args.lang is None:
            parser.error("choose needs --lang")
        start = time.process_time()
        mine = data[(data["lang"] == args.lang) & (data["fold"] != HELD8)]
        choice = pr7.choose7(mine, args.lang, args.cache)
        path = args.cache / CHOICE8
        saved = json.loads(path.read_text()) if path.exists() else {}
        if args.lang in saved and tuple(saved[args.lang]) != tuple(choice):
            raise SystemExit(f"error: {path} holds another choice for {args.lang}")
        saved[args.lang] = list(choice)
        path.write_text(json.dumps(saved, sort_keys=True) + "\n")
        print(f"{args.lang}: C, t, t_added = {choice} ({time.process_time() - start:.0f} s CPU)")
    if args.step == "train":
        if args.chosen is None or args.out is None:
            parser.error("train needs --chosen and --out")
        chosen = json.loads(args.chosen.read_text())
        train(data, args.cache, chosen, args.keep, args.out, held=args.with_held, show=args.sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
