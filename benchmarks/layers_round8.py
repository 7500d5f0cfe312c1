"""Round 8 of the learned layers (LAY23, PREREG22): estimate, correction refit, decision.

Theme layer. The choices are made by ``benchmarks/layers_eval4.py themes --round 8`` (round 7's
procedure: folds ``FOLDS7`` over the rules that never saw them, precision floor on
``NEW_INDUSTRIES7``), with blind set 21 held out; ``benchmarks/train_theme_model.py --chosen``
then writes the resource (with ``--blind`` without 21: the estimate's models; with it: the
candidate). ``whole`` reads blind set 21 with the whole tagger as reports run it (today's rules,
the English addition verifier, the polarity correction as shipped) under the shipped theme layer
and under each resource named: P/R/F1 and polarity accuracy per language, whole figures only.

Polarity correction (design of ``benchmarks/polarity_round6.py``: English G, Japanese G2T, as
shipped in round 6), refitted over round 8's tagger: ``pol-mentions`` reads every mention of
``SETS8`` with the package of this worktree (its theme layer, the shipped correction's polarity
as ``shipped``); ``pol-estimate`` chooses C and t as round 6 did (``choose6``: folds 18+19 and
21+22, C from 1 growing x 4) on every set but blind 21, then predicts blind 21 with a model
trained on every other set: right mentions of the tagger, of the shipped correction and of the
new one; ``pol-train`` fits every set with those choices and writes the resource.

Decision (``decide``): set 27 (``theme_train27_{en,ja}.csv``), read once per candidate after the
candidate is committed: whole figures per language only (theme P/R/F1, polarity accuracy of the
whole tagger): rules alone, the shipped layers (``--shipped`` commit), the candidate theme layer
with the shipped correction and with the candidate correction (the working tree's resources).
Never trained on.

Results (LAY23). Theme layer: see ``benchmarks/train_theme_model.py`` (candidate 1, round 5's
choices; English shipped on set 27, Japanese kept round 7). Correction, over candidate 1's tagger
(``--theme-resource``; its mentions of blind 21 are those of a layer trained on it), C cut to
round 6's (``--fixed-c``, for time): English G chose C = 4, t = 0.30 (3,802 of 4,400 fold
mentions right, the tagger 3,445), Japanese G2T C = 16, t = 0.45, t_added = 0.45 (3,702 of
4,118; tagger 3,478). Blind 21 held out, right mentions: en 455 mentions, tagger 344, round 6
373, refit 372 (-1); ja 409, 323, 339, 340 (+1). No gain to speak of, so it was not read on set
27 (the second reading is kept for the theme layer's choices made again) and does not ship.

Run: ``PYTHONPATH=. python benchmarks/layers_round8.py whole --theme A.npz [B.npz]``,
``... pol-mentions``, ``... pol-estimate --lang en``, ``... pol-train``, ``... decide``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import polarity_round6 as pr6  # noqa: E402
import train_polarity_model as tpm  # noqa: E402
from polarity_layer_eval import POLARITIES, SEGMENTS, corrected, fit_predict, mentions  # noqa: E402
from train_theme_model import write  # noqa: E402

#: Every set with polarities the correction reads: round 6's, and what became readable since:
#: blind sets 20 and 21 (spent), training sets 25 and 26 (decision sets of rounds 6 and 7, read),
#: POL21's English probe set 21. Never blind 22 nor set 27.
SETS8: dict[str, str] = {
    **pr6.SETS6,
    "b20": "theme_eval_blind20.csv",
    "b21": "theme_eval_blind21.csv",
    "t25en": "theme_train25_en.csv",
    "t25ja": "theme_train25_ja.csv",
    "t26en": "theme_train26_en.csv",
    "t26ja": "theme_train26_ja.csv",
    "p21en": "polarity_probe21_en.csv",
}
HELD = "b21"  # the estimate's held-out set
DESIGN8 = {"en": "G", "ja": "G2T"}  # round 6's designs as shipped
SHIPPED = "2f482b3"  # main where round 8 began: round 7's theme layer, round 6's correction
DECISION = ("theme_train27_en.csv", "theme_train27_ja.csv")

_WHOLE = """
import json
import sys
from pathlib import Path
import pandas as pd
from nps_kit.text import _layer, _polarity_layer
from nps_kit.text.evaluation import evaluate_mentions
theme, polarity, learned, files = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4:]
if theme != "-":
    _layer._resource = lambda: Path(theme)
if polarity != "-":
    _polarity_layer._resource = lambda: Path(polarity)
frame = pd.concat(
    [pd.read_csv(f, keep_default_na=False, dtype=str) for f in files], ignore_index=True
)
table = evaluate_mentions(frame, learned=learned).table
print(json.dumps(table[["lang", "gold", "predicted", "correct", "precision", "recall",
                        "polarity_accuracy"]].to_dict("records")))
"""


def whole(files: list[Path], theme: str = "-", polarity: str = "-", *, learned: bool = True):
    """The whole tagger's figures per language on ``files`` (fresh process, resources named)."""
    out = subprocess.run(
        [sys.executable, "-c", _WHOLE, theme, polarity, "1" if learned else "0", *map(str, files)],
        capture_output=True, text=True, check=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)},
    ).stdout  # fmt: skip
    table = pd.DataFrame(json.loads(out))
    p, r = table["precision"], table["recall"]
    return table.assign(F1=2 * p * r / (p + r))


def show(rows: dict[str, pd.DataFrame]) -> str:
    """One line per (reading, language): P/R/F1, polarity, and the difference from the second."""
    lines = []
    base = list(rows.values())[1].set_index("lang")
    for name, table in rows.items():
        for row in table.itertuples():
            b = base.loc[row.lang]
            lines.append(
                f"  {name:<34}{row.lang}: P {row.precision:.3f} R {row.recall:.3f} F1 {row.F1:.3f}"
                f" polarity {row.polarity_accuracy:.3f}  (dP {row.precision - b.precision:+.3f} "
                f"dR {row.recall - b.recall:+.3f} dF1 {row.F1 - b.F1:+.3f} "
                f"dpol {row.polarity_accuracy - b.polarity_accuracy:+.3f}; "
                f"{int(row.gold)} gold, {int(row.predicted)} found)"
            )
    return "\n".join(lines)


def shipped_files(tmp: Path, commit: str) -> tuple[str, str]:
    """The theme layer and correction resources as committed at ``commit``, written to ``tmp``."""
    paths = []
    for name in ("theme_layer.npz", "polarity_layer.npz"):
        blob = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}:nps_kit/resources/{name}"],
            capture_output=True, check=True,
        ).stdout  # fmt: skip
        (tmp / name).write_bytes(blob)
        paths.append(str(tmp / name))
    return paths[0], paths[1]


def read_mentions(cache: Path, names: list[str]) -> pd.DataFrame:
    """The mentions of ``names`` over this worktree's tagger (cached per set)."""
    parts = []
    for name in names:
        path = cache / f"m8-{name}.pkl"
        if not path.exists():
            mentions(name, SETS8[name], shipped=True).to_pickle(path)
        parts.append(pd.read_pickle(path))
    data = pd.concat(parts, ignore_index=True)
    return data.assign(fold=data["set"].map(pr6.fold6))


def corrected8(test: pd.DataFrame, prob: np.ndarray, chosen: tuple[float, ...]) -> np.ndarray:
    """Design G (one threshold) or G2T (a second one for the themes the theme layer added)."""
    t = chosen[1]
    ta = chosen[2] if len(chosen) > 2 else t
    added = test["added"].to_numpy(dtype=bool)
    return np.where(
        added,
        corrected(test["rule"], prob, ta, guard=True),
        corrected(test["rule"], prob, t, guard=True),
    )


#: Round 6's C per language: the grid ``--fixed-c`` keeps (one C, the thresholds chosen again).
ROUND6_C = {"en": 4.0, "ja": 16.0}


def choose_fixed(mine: pd.DataFrame, lang: str, cache: Path, c: float) -> tuple[float, ...]:
    """``choose6`` with the C grid cut to ``c``: t (and G2T's t_added) on the pooled folds."""
    group = mine["fold"].map(pr6.FOLDS6)
    pooled = pd.concat([mine[group == k] for k in sorted(set(pr6.FOLDS6.values()))])
    prob = np.vstack(pr6.fold_probs(mine, lang, c, cache))
    added = pooled["added"].to_numpy(dtype=bool)
    base = int((pooled["rule"] == pooled["gold"]).sum())
    if DESIGN8[lang] == "G":
        each = pr6.right_by_t(pooled, prob)
        t = max(sorted(each, reverse=True), key=each.__getitem__)
        print(f"  {lang} G: C={c} t={t}: {each[t]} of {len(pooled)} (tagger {base})")
        return (c, t)
    own = pr6.right_by_t(pooled[~added], prob[~added])
    add = pr6.right_by_t(pooled[added], prob[added])
    t = max(sorted(own, reverse=True), key=own.__getitem__)
    ta = max(sorted(add, reverse=True), key=add.__getitem__)
    print(f"  {lang} G2T: C={c} t={t} t_added={ta}: {own[t] + add[ta]} of {len(pooled)} "
          f"(tagger {base})")  # fmt: skip
    return (c, t, ta)


def pol_estimate(
    data: pd.DataFrame, lang: str, cache: Path, *, fixed: bool = False
) -> pd.DataFrame:
    """Choose on round 6's folds without blind 21, then predict blind 21 (one language)."""
    mine = data[(data["lang"] == lang)]
    before = mine[mine["fold"] != HELD]
    chosen = (
        choose_fixed(before, lang, cache, ROUND6_C[lang])
        if fixed
        else pr6.choose6(before, lang, cache, design=DESIGN8[lang])
    )
    (cache / f"chosen-{lang}.json").write_text(json.dumps(chosen))
    test = mine[mine["fold"] == HELD]
    prob = fit_predict(before, test, lang, tpm.DESIGN, chosen[0])
    return test.assign(ours=corrected8(test, prob, chosen), chosen=str(chosen))


def pol_train(data: pd.DataFrame, cache: Path, out: Path, *, show_sample: bool) -> None:
    """Fit each language on every mention with the choices ``pol-estimate`` made; write ``out``."""
    named: dict[str, np.ndarray] = {
        "polarities": np.array(POLARITIES, dtype=str),
        "segments": np.array(SEGMENTS, dtype=str),
    }
    for lang in ("en", "ja"):
        chosen = tuple(json.loads((cache / f"chosen-{lang}.json").read_text()))
        c, t = chosen[:2]
        features, model = tpm.fit(data, lang, c)
        named.update(tpm.arrays(features, model, lang, t))
        if len(chosen) > 2:
            named[f"{lang}_threshold_added"] = np.array(chosen[2], dtype=np.float64)
        print(f"{lang}: {DESIGN8[lang]} {chosen}, {len(features.text.vocabulary_)} n-grams")
        if show_sample:
            tpm.sample(features, model, lang)
    write(out, named)
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")


def main(argv: list[str] | None = None) -> int:
    """Run one step (see the module description)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "step", choices=["whole", "pol-mentions", "pol-estimate", "pol-train", "decide"]
    )
    parser.add_argument("--theme", nargs="*", default=[], help="whole: theme layer resources")
    parser.add_argument("--lang", choices=["en", "ja"])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/lay23/pol8"))
    parser.add_argument("--out", type=Path, default=pr6.RESOURCE)
    parser.add_argument("--sample", action="store_true")
    parser.add_argument("--shipped", default=SHIPPED)
    parser.add_argument(
        "--fixed-c", action="store_true", help="pol-estimate: round 6's C, thresholds re-chosen"
    )
    parser.add_argument(
        "--theme-resource",
        type=Path,
        help="pol-*: the theme layer the tagger runs with (the worktree's by default)",
    )
    args = parser.parse_args(argv)
    if args.theme_resource is not None:
        from nps_kit.text import _layer

        path = args.theme_resource.resolve()
        _layer._resource = lambda: path  # type: ignore[assignment]
    args.cache.mkdir(parents=True, exist_ok=True)
    data_dir = ROOT / "tests" / "data"
    if args.step in ("whole", "decide"):
        files = (
            [data_dir / "theme_eval_blind21.csv"]
            if args.step == "whole"
            else [data_dir / f for f in DECISION]
        )
        with tempfile.TemporaryDirectory() as tmp:
            theme0, pol0 = shipped_files(Path(tmp), args.shipped)
            rows = {"rules alone": whole(files, learned=False)}
            rows[f"shipped ({args.shipped})"] = whole(files, theme0, pol0)
            if args.step == "whole":
                for path in args.theme:
                    rows[Path(path).stem] = whole(files, str(Path(path).resolve()), pol0)
            else:
                rows["candidate theme, shipped correction"] = whole(files, "-", pol0)
                rows["candidate theme, candidate correction"] = whole(files)
        print(show(rows))
        return 0
    names = list(SETS8)
    data = read_mentions(args.cache, names)
    print(data.groupby("lang").size().to_dict(), file=sys.stderr)
    if args.step == "pol-estimate":
        held = pol_estimate(data, args.lang, args.cache, fixed=args.fixed_c)
        held.drop(columns=["clause", "cues"]).to_csv(args.cache / f"held-{args.lang}.csv")
        right = {x: int((held[x] == held["gold"]).sum()) for x in ("rule", "shipped", "ours")}
        print(
            f"{args.lang}: blind 21, {len(held)} mentions, right {right}, {held['chosen'].iloc[0]}"
        )
    if args.step == "pol-train":
        pol_train(data, args.cache, args.out, show_sample=args.sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
